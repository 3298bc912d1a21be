"""No acknowledged write is lost when the API process (SQLite) or PostgreSQL dies mid-load.

Runs ``benchmarks/crash_recovery.py`` for each engine: a real server under a steady write load,
killed (SIGKILL) or with PostgreSQL stopped ``-m immediate``, then checked for lost writes,
integrity and the cap, and for answering again within 30 seconds.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_no_acknowledged_write_is_lost_in_a_crash(engine):
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "crash_recovery.py"), "--engine", engine],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no acknowledged write lost" in result.stdout
