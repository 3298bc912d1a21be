"""Accounts as a scheme administrator sees them (``accounts``, and what the account mutations return)."""

from __future__ import annotations

import datetime as dt

import strawberry

from core.api.types.common import RoleEnum
from core.api.types.identity import ScopeType
from core.db import models
from core.identity import accounts
from core.roles import Role


@strawberry.type(
    name="Account",
    description="A user account: one role, where it applies, and whether it can log in",
)
class AccountType:
    username: str
    display_name: str
    role: RoleEnum
    scopes: list[ScopeType]
    active: bool = strawberry.field(
        description="false once deactivated: its sessions and API tokens no longer work"
    )
    locked_until: dt.datetime | None = strawberry.field(
        description="Locked after repeated failed logins, until then"
    )
    created_at: dt.datetime

    @classmethod
    def of(cls, user: models.User) -> AccountType:
        locked = accounts.utc(user.locked_until)
        return cls(
            username=user.username,
            display_name=user.display_name,
            role=Role(user.role),
            active=user.active,
            scopes=[
                ScopeType(area_code=s.area_code, scheme_id=s.scheme_id, credit_code=s.credit_code)
                for s in user.scopes
            ],
            locked_until=locked if locked and locked > dt.datetime.now(dt.UTC) else None,
            created_at=user.created_at,
        )
