"""schema.graphql is the committed public contract: it must match what the code serves."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from core.api.schema import schema

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.fast
def test_committed_schema_matches_the_code():
    committed = (ROOT / "schema.graphql").read_text(encoding="utf-8")
    assert committed == schema.as_str() + "\n", (
        "schema.graphql differs from the code: run `accredit schema export --output schema.graphql` "
        "and review the diff as a change to the public contract"
    )


def test_cli_exports_the_same_schema(tmp_path):
    out = tmp_path / "schema.graphql"
    subprocess.run(
        [sys.executable, "-m", "core.cli", "schema", "export", "--output", str(out)],
        check=True,
        cwd=ROOT,
    )
    assert out.read_text(encoding="utf-8") == (ROOT / "schema.graphql").read_text(encoding="utf-8")
