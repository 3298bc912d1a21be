"""Per-caller budgets of query cost points, in fixed windows (see :mod:`core.api.cost` for what a
query costs). Kept in process: with N workers a caller can spend up to N budgets."""
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
    """Points spent per caller in the current window; one per platform (``Platform.query_budgets``),
    so a fresh platform starts every caller full."""

    PRUNE_AT = 10_000  # callers remembered before the windows that have ended are dropped

    def __init__(self, settings, clock: Callable[[], float] = time.time):
        self.settings, self.clock = settings, clock
        self.windows: dict[str, _Window] = {}
        self.prune_at = self.PRUNE_AT

    def charge(self, key: str, points: int) -> Charge:
        """Take ``points`` from ``key``'s window, or refuse (taking nothing) when they exceed what remains.
        Synchronous on purpose: no other request can run between the check and the charge."""
        limit, length, now = self.settings.query_budget_points, self.settings.query_budget_window_s, self.clock()
        window = self.windows.get(key)
        if window is None or now >= window.opened + length:
            if len(self.windows) >= self.prune_at:  # amortised: at most once per doubling of live callers
                self.windows = {k: w for k, w in self.windows.items() if now < w.opened + length}
                self.prune_at = max(self.PRUNE_AT, 2 * len(self.windows))
            window = self.windows[key] = _Window(now)
        remaining = limit - window.spent
        if points > remaining:
            return Charge(False, max(0, remaining), window.opened + length)
        window.spent += points
        return Charge(True, remaining - points, window.opened + length)
