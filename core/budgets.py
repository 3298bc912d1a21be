"""Budgets per key in fixed windows: query cost points per caller (see :mod:`core.api.cost` for what a
query costs), failed logins per username and per address (:mod:`core.identity.throttle`). Kept in
process: with N workers a key can spend up to N budgets."""
from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class _Window:
    opened: float
    spent: int = 0


@dataclass(frozen=True)
class Charge:
    paid: bool
    remaining: int
    reset_at: float

    @property
    def reset_iso(self) -> str:
        return dt.datetime.fromtimestamp(self.reset_at, dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class Budgets:
    """Points spent per key in the current window, ``limit`` per window of ``window_s`` seconds. One per
    platform and purpose (``Platform.query_budgets``, ``Platform.login_throttle``), so a fresh platform
    starts every key full."""

    PRUNE_AT = 10_000  # keys remembered before the windows that have ended are dropped

    def __init__(self, limit: int, window_s: float, clock: Callable[[], float] = time.time):
        self.limit, self.length, self.clock = limit, window_s, clock
        self.windows: dict[str, _Window] = {}
        self.prune_at = self.PRUNE_AT

    def charge(self, key: str, points: int) -> Charge:
        """Take ``points`` from ``key``'s window, or refuse (taking nothing) when they exceed what remains.
        Synchronous on purpose: no other request can run between the check and the charge."""
        now = self.clock()
        window = self.windows.get(key)
        if window is None or now >= window.opened + self.length:
            if len(self.windows) >= self.prune_at:  # amortised: at most once per doubling of live keys
                self.windows = {k: w for k, w in self.windows.items() if now < w.opened + self.length}
                self.prune_at = max(self.PRUNE_AT, 2 * len(self.windows))
            window = self.windows[key] = _Window(now)
        remaining = self.limit - window.spent
        if points > remaining:
            return Charge(False, max(0, remaining), window.opened + self.length)
        window.spent += points
        return Charge(True, remaining - points, window.opened + self.length)

    def refund(self, key: str, charge: Charge, points: int) -> None:
        """Give back ``points`` that ``charge`` took from ``key``, unless its window has ended since."""
        window = self.windows.get(key)
        if window is not None and window.opened + self.length == charge.reset_at:
            window.spent = max(0, window.spent - points)
