"""A real uvicorn server survives 8 concurrent clients mixing reads and writes for 30 seconds.

Runs ``benchmarks/smoke_concurrency.py`` (which starts ``accredit serve`` on a fresh SQLite database
with this same interpreter) and requires it to report no failure: no HTTP 5xx or other non-200
answer, no top-level GraphQL error (masked internal errors included), no connection error, and the
server still running at the end.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "smoke_concurrency.py"


@pytest.mark.fast
def test_server_survives_concurrent_reads_and_writes():
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--seconds", "30", "--clients", "8"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    print(result.stdout)
    assert result.returncode == 0, f"smoke test failed:\n{result.stdout}\n{result.stderr}"
    assert "smoke: OK" in result.stdout
    requests = next(line for line in result.stdout.splitlines() if line.startswith("requests: "))
    assert int(requests.split()[1]) > 0
