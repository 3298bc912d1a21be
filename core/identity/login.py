"""Logging in: a password exchanged for a bearer token, at a bounded cost, telling nothing about
which usernames exist.

An attempt passes the :class:`~core.identity.throttle.LoginThrottle` (failures per username and
per address), reads the account, hashes the password in a thread, and only then opens a short
write transaction to record the outcome: Argon2 never runs on the event loop nor while holding
the database's write lock.

Unknown, inactive and locked accounts and wrong passwords all get the same answer, with the same
message, after the same work (a hash and a write), so no sequence of anonymous attempts tells
whether a username exists or is locked. A lock (``login_max_failures`` failures in a row) refuses
even the right password for ``login_lockout_minutes``, so guesses made meanwhile learn nothing;
the owner learns of it from the message (which says that locks exist), from an administrator
(``accredit users list``), and from the audit log (``user.locked``, ``user.login_refused``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from core import metrics
from core.actors import Actor
from core.db import models
from core.engine.audit import record
from core.errors import ErrorCode, Refused
from core.identity import tokens
from core.identity.accounts import BEARER_PURPOSE, actor_of, find_user, utc
from core.roles import Role
from core.secret import derive
from core.settings import Settings

KNOWN_DEVICE_DAYS = 30
"""A successful login leaves the device (browser) a token naming the account, valid this long: an
address that has spent its budget of failures still admits attempts at that account from it."""

DEVICE_PURPOSE = "known devices v1"

WRONG = (
    "用户名或密码错误。连续多次失败后账号将暂时锁定，锁定期间正确的密码也无法登录："
    "如确认密码无误，请稍后再试或联系管理员"
)


@dataclass(frozen=True)
class LoginResult:
    token: str | None = None
    expires_at: dt.datetime | None = None
    actor: Actor | None = None
    error: Refused | None = None
    device: tuple[str, str] | None = None  # a device cookie to set: (name, value)
    locked: bool = False  # this attempt locked the account (counted once the transaction commits)


def device_cookie(username: str) -> str:
    """The name of the cookie holding a device token for ``username`` (one per account, so that
    colleagues sharing a browser each keep theirs)."""
    return (
        "accredit_device_"
        + hashlib.sha256(username.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    )


async def login(
    platform, username: str, password: str, client: str, cookies: Mapping[str, str]
) -> LoginResult:
    """Check ``password`` for ``username``, calling from address ``client`` with ``cookies``. Every
    attempt that passes the throttle is written to the audit log."""
    name, client = username[:64], client[:64]
    device_key = derive(platform.secret, DEVICE_PURPOSE)
    known = tokens.device_of(device_key, cookies.get(device_cookie(name), "")) == name
    attempt = platform.login_throttle.admit(name, client, known_device=known)
    if attempt.refused is not None:
        metrics.LOGIN_FAILURES.labels("rate_limited").inc()
        return LoginResult(error=attempt.refused)
    async with platform.reading() as session:
        user = await find_user(session, name, lock=False)
        checked = user.password_hash if user is not None and user.active else None
    matched = await platform.login_throttle.verify(checked, password)
    result = await platform.transaction(
        lambda session: _settle(
            session, platform.settings, platform.secret, name, client, checked if matched else None
        )
    )
    if result.token is None:
        metrics.LOGIN_FAILURES.labels("invalid_credentials").inc()
        if result.locked:
            metrics.LOCKOUTS.inc()
        return result
    attempt.succeeded()
    device = tokens.issue_device(
        device_key, name, dt.datetime.now(dt.UTC) + dt.timedelta(days=KNOWN_DEVICE_DAYS)
    )
    return dataclasses.replace(result, device=(device_cookie(name), device))


async def _settle(
    session: AsyncSession,
    settings: Settings,
    secret: str,
    username: str,
    client: str,
    matched_hash: str | None,
) -> LoginResult:
    """Record the attempt on the account as it is now: ``matched_hash`` is the stored hash the
    password matched (None: it matched none), so a password changed meanwhile does not count."""
    now = dt.datetime.now(dt.UTC)
    wrong = LoginResult(
        error=Refused.one(ErrorCode.INVALID_CREDENTIALS, WRONG, "input", "password")
    )
    user = await find_user(session, username, lock=True)
    if user is None or not user.active:
        record(
            session,
            Actor(username, Role.PUBLIC),
            "user.login_failed",
            "user",
            user.id if user else 0,
            details={
                "username": username,
                "reason": "unknown or inactive account",
                "client": client,
            },
        )
        return wrong
    actor = actor_of(user)
    locked_until = utc(user.locked_until)
    if locked_until and locked_until > now:
        record(
            session,
            actor,
            "user.login_refused",
            "user",
            user.id,
            details={"reason": "locked", "until": locked_until, "client": client},
        )
        return wrong
    if matched_hash is None or user.password_hash != matched_hash:
        user.failed_logins += 1
        record(
            session,
            actor,
            "user.login_failed",
            "user",
            user.id,
            details={"reason": "wrong password", "failures": user.failed_logins, "client": client},
        )
        if user.failed_logins >= settings.login_max_failures:
            user.locked_until = now + dt.timedelta(minutes=settings.login_lockout_minutes)
            record(
                session,
                actor,
                "user.locked",
                "user",
                user.id,
                details={
                    "until": user.locked_until,
                    "failures": user.failed_logins,
                    "client": client,
                },
            )
            user.failed_logins = 0
            return dataclasses.replace(wrong, locked=True)
        return wrong
    user.failed_logins, user.locked_until = 0, None
    expires = now + dt.timedelta(minutes=settings.session_minutes)
    sid = tokens.new_session_id()
    session.add(models.LoginSession(id=sid, user_id=user.id, issued_at=now, expires_at=expires))
    record(
        session,
        actor,
        "user.logged_in",
        "user",
        user.id,
        details={"session": sid, "expires_at": expires, "client": client},
    )
    return LoginResult(
        token=tokens.issue_bearer(derive(secret, BEARER_PURPOSE), user.id, sid, expires),
        expires_at=expires,
        actor=actor,
    )
