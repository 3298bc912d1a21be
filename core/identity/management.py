"""Account management by scheme administrators through the API: the accounts they may see, and
creating, re-scoping and deactivating them, each within their own area (:func:`core.access.manages_scope`).

The writes are :mod:`.accounts`' own (the CLI's), audited the same way; this module only adds the
administrator's reach: an account any of whose scopes lies outside it is, for them, as if missing.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from core import access
from core.actors import Actor, Scope
from core.db import models
from core.divisions import DIVISIONS
from core.engine.audit import record
from core.errors import ErrorCode, Refused
from core.identity import accounts
from core.roles import Role


def _check_role(actor: Actor) -> None:
    if actor.role is not Role.SCHEME_ADMIN:
        raise Refused.denied(
            ErrorCode.ROLE_NOT_ALLOWED,
            "只有业务管理员可以管理账号",
            "account management by another role",
            "input",
        )


def _under(refused: Refused, *path: str) -> Refused:
    """The same refusal with its fields placed under ``path`` (the services name them bare)."""
    return Refused(
        [replace(e, field=(*path, *e.field)) for e in refused.errors],
        refused.denial,
        refused.subject,
    )


async def _where(session: AsyncSession, scope: Scope) -> tuple[str, str] | None:
    """The (division, city) a scope names: its area, or the applicant's institution (None if not registered)."""
    if scope.credit_code:
        inst = await session.scalar(
            select(models.Institution).where(models.Institution.credit_code == scope.credit_code)
        )
        return (inst.division_code, inst.city_code) if inst else None
    division = DIVISIONS[scope.area]
    return division.code, division.city_code


async def _reaches(session: AsyncSession, actor: Actor, scopes) -> bool:
    return all([access.manages_scope(actor, s, await _where(session, s)) for s in scopes])


def _scopes_of(user: models.User) -> list[Scope]:
    return [
        Scope(area=s.area_code, scheme_id=s.scheme_id, credit_code=s.credit_code)
        for s in user.scopes
    ]


async def managed_accounts(session: AsyncSession, actor: Actor) -> list[models.User]:
    """The accounts whose every scope the administrator's own scopes cover, by username."""
    if actor.role is not Role.SCHEME_ADMIN:
        return []
    users = await session.scalars(
        select(models.User).options(selectinload(models.User.scopes)).order_by(models.User.username)
    )
    return [u for u in users if u.scopes and await _reaches(session, actor, _scopes_of(u))]


async def _checked_scopes(
    session: AsyncSession, actor: Actor, role: Role, scopes: list[Scope]
) -> list[Scope]:
    if not scopes:
        raise Refused.one(ErrorCode.REQUIRED, "至少指定一个管辖范围", "input", "scopes")
    cleaned = []
    for n, scope in enumerate(scopes):
        try:
            cleaned.append(accounts.clean_scope(role, scope))
        except Refused as refused:
            raise _under(refused, "input", "scopes", str(n)) from None
        if not access.manages_scope(actor, cleaned[-1], await _where(session, cleaned[-1])):
            raise Refused.denied(
                ErrorCode.FORBIDDEN,
                "只能授予本人管辖范围内的权限",
                "account scope outside the administrator's",
                "input",
                "scopes",
                str(n),
            )
    return cleaned


async def create_account(
    session: AsyncSession,
    actor: Actor,
    *,
    username: str,
    role: Role,
    scopes: list[Scope],
    password: str | None,
    display_name: str,
) -> models.User:
    _check_role(actor)
    cleaned = await _checked_scopes(session, actor, role, scopes)
    try:
        user = await accounts.create_user(
            session,
            actor,
            username=username,
            role=role,
            scopes=cleaned,
            password=password,
            display_name=display_name,
        )
    except Refused as refused:
        raise _under(refused, "input") from None
    await session.refresh(user, ["scopes"])
    return user


async def managed_account(session: AsyncSession, actor: Actor, username: str) -> models.User:
    """The account, locked for update; NOT_FOUND when it is missing or outside the administrator's reach."""
    _check_role(actor)
    user = await accounts.find_user(session, username, lock=True)
    if user is None:
        raise Refused.one(ErrorCode.NOT_FOUND, f"用户 {username} 不存在", "input", "username")
    if not await _reaches(
        session, actor, _scopes_of(user)
    ):  # as if missing, and counted as a denial
        raise Refused.denied(
            ErrorCode.NOT_FOUND,
            f"用户 {username} 不存在",
            "account outside the administrator's area",
            "input",
            "username",
            subject=("user", user.id),
        )
    return user


async def set_access(
    session: AsyncSession, actor: Actor, username: str, role: Role, scopes: list[Scope]
) -> models.User:
    """Give an account another role and scopes; it applies from the account's next request."""
    user = await managed_account(session, actor, username)
    cleaned = await _checked_scopes(session, actor, role, scopes)
    before = {"role": user.role, "scopes": [s.__dict__ for s in _scopes_of(user)]}
    user.role = role.value
    user.scopes = [
        models.UserScope(area_code=s.area, scheme_id=s.scheme_id, credit_code=s.credit_code)
        for s in cleaned
    ]
    await session.flush()
    record(
        session,
        actor,
        "user.access_changed",
        "user",
        user.id,
        before=before,
        after={"role": role.value, "scopes": [s.__dict__ for s in cleaned]},
    )
    return user


async def deactivate_account(session: AsyncSession, actor: Actor, username: str) -> models.User:
    user = await managed_account(session, actor, username)
    if user.username == actor.name:
        raise Refused.one(ErrorCode.INVALID, "不能停用自己的账号", "input", "username")
    await accounts.deactivate(session, actor, username)
    return user
