"""Budgets per key in fixed windows: query cost points per caller (see :mod:`core.api.cost` for what a
query costs), failed logins per username and per address (:mod:`core.identity.throttle`).

A charge is decided in process, without waiting: a worker knows what it has spent itself and
what the database said all workers had spent at its last synchronisation. Windows are aligned on
the clock (window ``n`` runs from ``n * length`` seconds after the epoch), so every worker agrees
on them. With a store (:class:`BudgetStore`, the database), each worker adds what it spent to the
shared total and reads back the others' every ``sync_s`` seconds while it has keys in the current
window: N workers give a caller one budget, which it can overrun only by what other workers admit
within one synchronisation interval.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

log = logging.getLogger("accredit")


@dataclass
class _Window:
    number: int
    shared: int = 0
    """What all workers had spent, by the database, at the last synchronisation (this one's synced part included)."""
    unsynced: int = 0
    """What this worker spent since (negative after refunds)."""


@dataclass(frozen=True)
class Charge:
    paid: bool
    remaining: int
    reset_at: float

    @property
    def reset_iso(self) -> str:
        return (
            dt.datetime.fromtimestamp(self.reset_at, dt.UTC)
            .isoformat(timespec="seconds")
            .replace("+00:00", "Z")
        )


class BudgetStore(Protocol):
    async def __call__(
        self, purpose: str, changes: dict[tuple[str, int], int]
    ) -> dict[tuple[str, int], int]:
        """Add each ``(key, window) -> delta`` to the shared totals and return the totals now."""


class Budgets:
    """Points spent per key in the current window, ``limit`` per window of ``window_s`` seconds. One per
    platform and purpose (``Platform.query_budgets``, ``Platform.login_throttle``), so a fresh platform
    starts every key full (unless a store says otherwise)."""

    PRUNE_AT = 10_000  # keys remembered before the windows that have ended are dropped

    def __init__(
        self,
        limit: int,
        window_s: float,
        clock: Callable[[], float] = time.time,
        *,
        purpose: str = "",
        store: BudgetStore | None = None,
        sync_s: float = 1.0,
    ):
        self.limit, self.length, self.clock = limit, window_s, clock
        self.purpose, self.store, self.sync_s = purpose, store, sync_s
        self.windows: dict[str, _Window] = {}
        self.prune_at = self.PRUNE_AT
        self._timer: asyncio.TimerHandle | None = None
        self._syncing: set[asyncio.Future] = set()

    def charge(self, key: str, points: int) -> Charge:
        """Take ``points`` from ``key``'s window, or refuse (taking nothing) when they exceed what remains.
        Synchronous on purpose: no other request of this worker can run between the check and the charge."""
        number = int(self.clock() // self.length)
        window = self.windows.get(key)
        if window is None or window.number != number:
            if (
                len(self.windows) >= self.prune_at
            ):  # amortised: at most once per doubling of live keys
                self.windows = {k: w for k, w in self.windows.items() if w.number == number}
                self.prune_at = max(self.PRUNE_AT, 2 * len(self.windows))
            window = self.windows[key] = _Window(number)
        reset_at = (number + 1) * self.length
        remaining = self.limit - max(0, window.shared + window.unsynced)
        if points > remaining:
            return Charge(False, max(0, remaining), reset_at)
        window.unsynced += points
        self._schedule()
        return Charge(True, remaining - points, reset_at)

    def refund(self, key: str, charge: Charge, points: int) -> None:
        """Give back ``points`` that ``charge`` took from ``key``, unless its window has ended since."""
        window = self.windows.get(key)
        if window is not None and (window.number + 1) * self.length == charge.reset_at:
            window.unsynced -= points
            self._schedule()

    def _schedule(self) -> None:
        if self.store is not None and self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(self.sync_s, self._sync_later)

    def _sync_later(self) -> None:
        self._timer = None
        syncing = asyncio.ensure_future(self.sync())
        self._syncing.add(syncing)
        syncing.add_done_callback(self._syncing.discard)

    async def sync(self) -> None:
        """Add this worker's unsynced spending to the shared totals and read back every live key's
        total; again after ``sync_s`` while keys of the current window remain (another worker may
        spend them). A failed synchronisation is logged and its spending kept for the next."""
        if self.store is None:
            return
        number = int(self.clock() // self.length)
        live = {key: w for key, w in self.windows.items() if w.number == number}
        if not live:
            return
        sent = {key: w.unsynced for key, w in live.items()}
        try:
            totals = await self.store(
                self.purpose, {(key, number): delta for key, delta in sent.items()}
            )
        except Exception:
            log.exception(
                "budgets (%s) could not be synchronised; kept for the next attempt", self.purpose
            )
        else:
            for key, delta in sent.items():
                window = self.windows.get(key)
                if window is not None and window.number == number:
                    window.shared, window.unsynced = (
                        totals.get((key, number), 0),
                        window.unsynced - delta,
                    )
        self._schedule()

    async def close(self) -> None:
        """Send what is still unsynced (the platform is closing); nothing is scheduled after this."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        await asyncio.gather(*self._syncing)
        store, self.store = self.store, None
        number = int(self.clock() // self.length)
        changes = {
            (key, w.number): w.unsynced
            for key, w in self.windows.items()
            if w.number == number and w.unsynced
        }
        if store is not None and changes:
            try:
                await store(self.purpose, changes)
            except Exception:
                log.exception("budgets (%s) could not be synchronised on close", self.purpose)


def database_store(transaction: Callable[..., Awaitable]) -> BudgetStore:
    """The shared totals in the ``budget_spends`` table, through ``transaction`` (the platform's)."""
    from core.engine.budget_spends import add_and_read

    async def store(
        purpose: str, changes: dict[tuple[str, int], int]
    ) -> dict[tuple[str, int], int]:
        return await transaction(lambda session: add_and_read(session, purpose, changes))

    return store
