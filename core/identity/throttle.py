"""What bounds the cost of logging in: failed attempts per username and per client address in fixed
windows (shared by all workers through the database, :mod:`core.budgets`), and the Argon2 hashes
computed at once (per process).

Logins are priced here, not from the query budget of :mod:`core.api.cost`, so callers who spent
their address's query budget can still log in. An attempt is charged to its username and its
address before its password is hashed, and given back when it succeeds, so what the budgets count
is failures (and attempts still running); an attempt over either budget is refused at once, without
a hash or a write. A username's budget is spent alike whether the account exists or not, so its
refusal tells nothing about the account. An address over its budget still admits an attempt from
a device (browser) that logged in to the same account before (``known_device``: it shows a device
token, :mod:`.login`), so one client guessing from behind a shared NAT address does not shut out
the colleagues who log in from there; others get the same refusal whatever the username.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass

from core.budgets import Budgets, BudgetStore, Charge
from core.clock import CST
from core.errors import ErrorCode, Refused
from core.identity import passwords


@dataclass
class Attempt:
    """One login attempt's charges; ``refused`` when it may not run."""

    throttle: LoginThrottle
    username: str
    address: str
    by_username: Charge
    by_address: Charge | None = None
    refused: Refused | None = None

    def succeeded(self) -> None:
        """Give back what the attempt was charged: only failures count."""
        self.throttle.by_username.refund(self.username, self.by_username, 1)
        if self.by_address is not None and self.by_address.paid:
            self.throttle.by_address.refund(self.address, self.by_address, 1)


class LoginThrottle:
    def __init__(
        self, settings, clock: Callable[[], float] = time.time, store: BudgetStore | None = None
    ):
        shared = {"store": store, "sync_s": settings.budget_sync_s}
        self.by_username = Budgets(
            settings.login_failures_per_username,
            settings.login_window_s,
            clock,
            purpose="login-username",
            **shared,
        )
        self.by_address = Budgets(
            settings.login_failures_per_address,
            settings.login_window_s,
            clock,
            purpose="login-address",
            **shared,
        )
        self.hashing = asyncio.Semaphore(settings.password_hash_threads)

    def admit(self, username: str, address: str, known_device: bool) -> Attempt:
        """Charge an attempt to ``username``, then to ``address`` unless it comes from a device
        that logged in to the account before. Synchronous: nothing runs between check and charge."""
        attempt = Attempt(self, username, address, self.by_username.charge(username, 1))
        if not attempt.by_username.paid:
            attempt.refused = _too_many("该用户名", attempt.by_username)
            return attempt
        if known_device:
            return attempt
        attempt.by_address = self.by_address.charge(address, 1)
        if not attempt.by_address.paid:
            self.by_username.refund(username, attempt.by_username, 1)
            attempt.refused = _too_many("本地址", attempt.by_address)
        return attempt

    async def verify(self, stored: str | None, password: str) -> bool:
        """:func:`passwords.verify_password` in a thread, off the event loop, waiting its turn when
        ``password_hash_threads`` hashes are running."""
        async with self.hashing:
            return await asyncio.to_thread(passwords.verify_password, stored, password)


def _too_many(whose: str, charge: Charge) -> Refused:
    until = dt.datetime.fromtimestamp(charge.reset_at, CST).strftime("%H:%M")
    return Refused.one(
        ErrorCode.RATE_LIMITED,
        f"{whose}登录失败次数过多，请于 {until}（北京时间）后再试",
        "input",
        "username",
    )
