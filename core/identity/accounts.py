"""Accounts: creating users, logging out, passwords, API tokens, conflicts of interest, and turning
a request's bearer token back into an :class:`~core.actors.Actor` (logging in is :mod:`.login`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from core.actors import Actor, Scope
from core.db import models
from core.divisions import lookup
from core.engine.audit import record
from core.errors import ErrorCode, Refused
from core.identifiers import normalize_credit_code
from core.identity import passwords, tokens
from core.roles import Role
from core.secret import derive

USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{1,63}$")
BEARER_PURPOSE = "bearer tokens v1"
REASON_MAX = 500


def utc(moment: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes for aware columns; they were stored as UTC."""
    return moment.replace(tzinfo=dt.UTC) if moment is not None and moment.tzinfo is None else moment


def clean_scope(role: Role, scope: Scope) -> Scope:
    """A scope checked against the role: applicants act for one institution, everyone else for an area."""
    if role is Role.PUBLIC:
        raise Refused.one(ErrorCode.INVALID, "公众无需账号", "role")
    if role is Role.APPLICANT:
        if not scope.credit_code:
            raise Refused.one(
                ErrorCode.REQUIRED, "申报单位账号须指定所代表机构的统一社会信用代码", "creditCode"
            )
        return Scope(
            credit_code=normalize_credit_code(scope.credit_code, "creditCode"),
            scheme_id=scope.scheme_id,
        )
    if scope.credit_code:
        raise Refused.one(ErrorCode.INVALID, "只有申报单位账号代表某一机构", "creditCode")
    if not scope.area:
        raise Refused.one(
            ErrorCode.REQUIRED, "须指定管辖区域（行政区划代码：省、设区市或区县）", "area"
        )
    lookup(scope.area, "area")
    return Scope(area=scope.area, scheme_id=scope.scheme_id)


async def create_user(
    session: AsyncSession,
    actor: Actor,
    *,
    username: str,
    role: Role,
    scopes: list[Scope],
    password: str | None,
    display_name: str = "",
) -> models.User:
    if not USERNAME.match(username):
        raise Refused.one(ErrorCode.INVALID, "用户名为 2–64 个字母、数字或 _ . @ -", "username")
    if password is not None:
        passwords.check_password_rule(password, username)
    if not scopes:
        raise Refused.one(ErrorCode.REQUIRED, "至少指定一个管辖范围", "scopes")
    cleaned = [clean_scope(role, s) for s in scopes]
    if await session.scalar(select(models.User.id).where(models.User.username == username)):
        raise Refused.one(ErrorCode.DUPLICATE, f"用户名 {username} 已存在", "username")
    user = models.User(
        username=username,
        display_name=display_name,
        role=role.value,
        password_hash=passwords.hash_password(password) if password is not None else None,
        scopes=[
            models.UserScope(area_code=s.area, scheme_id=s.scheme_id, credit_code=s.credit_code)
            for s in cleaned
        ],
    )
    session.add(user)
    await session.flush()
    record(
        session,
        actor,
        "user.created",
        "user",
        user.id,
        after={"username": username, "role": role.value, "scopes": [s.__dict__ for s in cleaned]},
    )
    return user


async def find_user(session: AsyncSession, username: str, *, lock: bool) -> models.User | None:
    query = (
        select(models.User)
        .where(models.User.username == username)
        .options(selectinload(models.User.scopes))
    )
    return await session.scalar(query.with_for_update(of=models.User) if lock else query)


async def user_by_name(
    session: AsyncSession, username: str, *path: str, lock: bool = False
) -> models.User:
    user = await find_user(session, username, lock=lock)
    if user is None:
        raise Refused.one(ErrorCode.NOT_FOUND, f"用户 {username} 不存在", *path)
    return user


def actor_of(user: models.User) -> Actor:
    scopes = tuple(
        Scope(area=s.area_code, scheme_id=s.scheme_id, credit_code=s.credit_code)
        for s in user.scopes
    )
    return Actor(user.username, Role(user.role), scopes, user.id)


async def authenticate(session: AsyncSession, secret: str, token: str) -> tuple[Actor, str | None]:
    """The actor a bearer or API token stands for, and its login session id (None for API tokens).
    Raises :class:`tokens.InvalidToken` for anything not currently valid. One statement: the token's
    row joined to its account and the account's scopes (this runs before every request)."""
    now = dt.datetime.now(dt.UTC)
    U, S = models.User, models.UserScope
    if token.startswith(tokens.API_PREFIX):
        T, sid = models.ApiToken, None
        issued = (
            select(T.revoked_at, T.expires_at)
            .where(T.token_hash == tokens.token_hash(token))
            .join(U, U.id == T.user_id)
        )
    else:
        user_id, sid = tokens.read_bearer(derive(secret, BEARER_PURPOSE), token)
        L = models.LoginSession
        issued = (
            select(L.revoked_at, L.expires_at)
            .where(L.id == sid, L.user_id == user_id)
            .join(U, U.id == L.user_id)
        )
    rows = (
        await session.execute(
            issued.add_columns(
                U.id,
                U.username,
                U.role,
                U.active,
                S.id.label("scope_id"),
                S.area_code,
                S.scheme_id,
                S.credit_code,
            )
            .outerjoin(S, S.user_id == U.id)
            .order_by(S.id)
        )
    ).all()
    if (
        not rows
        or rows[0].revoked_at is not None
        or (rows[0].expires_at and utc(rows[0].expires_at) <= now)
    ):
        raise tokens.InvalidToken(
            "session ended" if sid else "unknown, revoked or expired API token"
        )
    user = rows[0]
    if not user.active:
        raise tokens.InvalidToken("account inactive")
    scopes = tuple(
        Scope(area=r.area_code, scheme_id=r.scheme_id, credit_code=r.credit_code)
        for r in rows
        if r.scope_id is not None
    )
    return Actor(user.username, Role(user.role), scopes, user.id), sid


async def logout(session: AsyncSession, actor: Actor, session_id: str) -> None:
    row = await session.get(models.LoginSession, session_id, with_for_update=True)
    if row is not None and row.revoked_at is None:
        row.revoked_at = dt.datetime.now(dt.UTC)
        record(
            session, actor, "user.logged_out", "user", row.user_id, details={"session": session_id}
        )


async def issue_api_token(
    session: AsyncSession,
    actor: Actor,
    username: str,
    name: str,
    expires_at: dt.datetime | None = None,
) -> str:
    """A new API token for ``username``: shown once, only its hash is kept."""
    user = await user_by_name(session, username, "username")
    token = tokens.new_api_token()
    row = models.ApiToken(
        user_id=user.id, name=name, token_hash=tokens.token_hash(token), expires_at=expires_at
    )
    session.add(row)
    await session.flush()
    record(
        session,
        actor,
        "user.api_token_issued",
        "user",
        user.id,
        details={"token_id": row.id, "name": name},
    )
    return token


@dataclass(frozen=True)
class Revoked:
    sessions: int
    api_tokens: int
    api_tokens_kept: int


async def set_password(
    session: AsyncSession,
    actor: Actor,
    username: str,
    password: str,
    *,
    revoke_api_tokens: bool = False,
) -> Revoked:
    """Set (or reset) a password and clear a lockout. Every login session of the account ends at
    once; its API tokens too when ``revoke_api_tokens``, else they are only counted."""
    user = await user_by_name(session, username, "username", lock=True)
    passwords.check_password_rule(password, username)
    user.password_hash, user.failed_logins, user.locked_until = (
        passwords.hash_password(password),
        0,
        None,
    )
    now = dt.datetime.now(dt.UTC)
    sessions = await _revoke(session, models.LoginSession, user.id, now)
    if revoke_api_tokens:
        revoked = Revoked(
            sessions,
            api_tokens=await _revoke(session, models.ApiToken, user.id, now),
            api_tokens_kept=0,
        )
    else:
        revoked = Revoked(
            sessions,
            api_tokens=0,
            api_tokens_kept=await session.scalar(
                select(func.count())
                .select_from(models.ApiToken)
                .where(*_live(models.ApiToken, user.id, now))
            ),
        )
    record(
        session,
        actor,
        "user.password_set",
        "user",
        user.id,
        details={
            "sessions_ended": revoked.sessions,
            "api_tokens_revoked": revoked.api_tokens,
            "api_tokens_kept": revoked.api_tokens_kept,
        },
    )
    return revoked


def _live(table, user_id: int, now: dt.datetime) -> tuple:
    """Conditions on the user's login sessions or API tokens (``table``) that still work."""
    return (
        table.user_id == user_id,
        table.revoked_at.is_(None),
        or_(table.expires_at.is_(None), table.expires_at > now),
    )


async def _revoke(session: AsyncSession, table, user_id: int, now: dt.datetime) -> int:
    """Revoke the user's live login sessions or API tokens (``table``); how many there were."""
    return (
        await session.execute(
            update(table).where(*_live(table, user_id, now)).values(revoked_at=now)
        )
    ).rowcount


async def unlock(session: AsyncSession, actor: Actor, username: str) -> None:
    user = await user_by_name(session, username, "username", lock=True)
    user.failed_logins, user.locked_until = 0, None
    record(session, actor, "user.unlocked", "user", user.id)


async def deactivate(session: AsyncSession, actor: Actor, username: str) -> None:
    """End an account: its sessions and API tokens stop working with the next request."""
    user = await user_by_name(session, username, "username", lock=True)
    user.active = False
    record(session, actor, "user.deactivated", "user", user.id)


async def record_conflict(
    session: AsyncSession, actor: Actor, username: str, credit_code: str, reason: str
) -> models.Conflict:
    """Record that ``username`` is linked to the institution (employment, shareholding, kinship…):
    from then on core refuses to let them review or decide its applications."""
    if not reason.strip():
        raise Refused.one(ErrorCode.REQUIRED, "须说明利益关联的情形", "input", "reason")
    if len(reason) > REASON_MAX:
        raise Refused.one(
            ErrorCode.INVALID, f"利益关联情形不超过 {REASON_MAX} 字", "input", "reason"
        )
    user = await user_by_name(session, username, "input", "username")
    code = normalize_credit_code(credit_code, "input", "creditCode")
    existing = await session.scalar(
        select(models.Conflict).where(
            models.Conflict.user_id == user.id, models.Conflict.credit_code == code
        )
    )
    if existing is not None:
        return existing
    row = models.Conflict(
        user_id=user.id, credit_code=code, reason=reason.strip(), recorded_by=actor.name
    )
    session.add(row)
    await session.flush()
    record(
        session,
        actor,
        "user.conflict_recorded",
        "user",
        user.id,
        details={"credit_code": code, "reason": row.reason},
    )
    return row


async def has_conflict(session: AsyncSession, actor: Actor, credit_code: str) -> bool:
    if actor.user_id is None:
        return False
    return (
        await session.scalar(
            select(models.Conflict.id).where(
                models.Conflict.user_id == actor.user_id, models.Conflict.credit_code == credit_code
            )
        )
        is not None
    )
