"""Ports for the servers tests start, each xdist worker from a range of its own.

Asking the kernel for a free port (bind to port 0) and handing it to a server that binds it seconds
later leaves a window in which a parallel worker can be handed the same port. Here each worker
(``gw0``, ``gw1``, ...; ``main`` without xdist) draws from its own block of 500 ports below Linux's
ephemeral range (32768-60999), where the kernel never hands out ports by itself, starting at a
random place in it (other test runs may share the machine) and skipping ports in use.
"""

from __future__ import annotations

import os
import random
import socket

FIRST, BLOCK = 20000, 500
_handed_out: set[int] = set()  # not yet listened on, perhaps: never handed out twice


def _block_start() -> int:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    index = int(worker[2:]) + 1 if worker.startswith("gw") and worker[2:].isdigit() else 0
    return FIRST + BLOCK * (index % 24)  # 24 blocks fit below 32768


def free_port() -> int:
    """A port no one listens on, from this worker's block."""
    start, offset = _block_start(), random.randrange(BLOCK)
    for step in range(BLOCK):
        port = start + (offset + step) % BLOCK
        if port in _handed_out:
            continue
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        _handed_out.add(port)
        return port
    raise RuntimeError(f"no free port in {start}-{start + BLOCK - 1}")
