"""How the suite itself behaves: the edit-test loop's subset (``pytest -m fast``, see README)
reaches every test module, and the PostgreSQL variants are never silently left out: skipped with
the reason without a server, failed in CI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import NO_POSTGRES, WITHOUT_FAST_TEST

ROOT = Path(__file__).resolve().parent.parent
ONE_DATABASE_TEST = "tests/test_edits.py::test_edit_application_keeps_what_is_not_sent"


@pytest.mark.fast
def test_every_test_module_has_a_fast_test(pytestconfig):
    missing = pytestconfig.stash[WITHOUT_FAST_TEST]
    assert not missing, f"mark at least one test of each module `@pytest.mark.fast`: {missing}"


def _pytest_without_postgres(**env: str) -> str:
    """Run one database test (both engines) in a fresh pytest with no PostgreSQL server configured
    (in CI its PostgreSQL variant errors at setup, in ``postgres_template``)."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("ACCREDIT_TEST_POSTGRES_URL", "CI") and not k.startswith("PYTEST_")
    }
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", ONE_DATABASE_TEST],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    return done.stdout


@pytest.mark.parametrize(
    "ci, outcome", [("", "1 passed, 1 skipped"), ("true", "1 passed, 1 error")], ids=["local", "ci"]
)
def test_postgresql_variants_are_skipped_with_the_reason_locally_and_fail_in_ci(ci, outcome):
    output = _pytest_without_postgres(CI=ci)
    assert outcome in output, output[-3000:]
    if ci:
        assert "CI runs every test on PostgreSQL too" in output
    else:
        assert NO_POSTGRES in output
