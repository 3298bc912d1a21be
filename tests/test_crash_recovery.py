"""No acknowledged write is lost when the API process (SQLite) or PostgreSQL dies mid-load.

Runs ``benchmarks/crash_recovery.py`` for each engine: a real server under a steady write load,
killed (SIGKILL) or with PostgreSQL stopped ``-m immediate``, then checked for lost writes,
integrity and the cap, and for answering again within 30 seconds.

The PostgreSQL run stops its server mid-load, so it starts one of its own (``.ci/postgres`` with
its own folder and port) from the server binaries already on the machine: the binaries of the
server ``.ci/run`` starts for the suite. It never installs one (``ACCREDIT_PG_NO_INSTALL``), and
runs when the other PostgreSQL tests do: skipped with the reason locally without a server, and a
failure in CI if the binaries are missing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ENGINES, IN_CI, POSTGRES_URL
from tests.support.ports import free_port

ROOT = Path(__file__).resolve().parent.parent
PG_BINARIES = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))


@pytest.mark.fast
@pytest.mark.parametrize("engine", ENGINES)
def test_no_acknowledged_write_is_lost_in_a_crash(engine):
    env = {**os.environ, "ACCREDIT_PG_NO_INSTALL": "1", "ACCREDIT_PG_PORT": str(free_port())}
    if engine == "postgresql" and not PG_BINARIES:
        message = "no PostgreSQL server binaries under /usr/lib/postgresql (`.ci/postgres start` installs them)"
        if IN_CI or POSTGRES_URL:
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "crash_recovery.py"),
            "--engine",
            engine,
            "--port",
            str(free_port()),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no acknowledged write lost" in result.stdout
