"""The command line starts quickly: nothing heavy is imported before a command needs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEAVY = (
    "sqlalchemy",
    "pydantic",
    "pydantic_settings",
    "yaml",
    "chinese_calendar",
    "argon2",
    "jwt",
    "cryptography",
    "strawberry",
    "alembic",
    "uvicorn",
)


def _imported_by(code: str) -> list[str]:
    """Which of HEAVY a fresh interpreter has imported after running ``code``."""
    probe = (
        f"import sys, json\n{code}\nprint(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


@pytest.mark.fast
def test_help_imports_nothing_heavy():
    help_text = "import contextlib, io, core.cli\nwith contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n    core.cli.main(['--help'])"
    assert _imported_by(help_text) == []
    assert _imported_by("import core.cli_users") == []


def test_the_contract_is_imported_when_a_plugin_asks_for_it():
    assert _imported_by("import core") == []
    assert "pydantic" in _imported_by("from core import Form, Scheme, hookimpl")
