"""The caller as the API sees them (``me``)."""

from __future__ import annotations

import strawberry

from core.actors import Actor
from core.api.types.common import RoleEnum


@strawberry.type(
    name="Scope",
    description="Where a role applies: an area (GB/T 2260), optionally one scheme; for an applicant, its institution",
)
class ScopeType:
    area_code: str | None
    scheme_id: str | None
    credit_code: str | None


@strawberry.type(name="Viewer")
class ViewerType:
    username: str
    role: RoleEnum
    authenticated: bool
    scopes: list[ScopeType]

    @classmethod
    def of(cls, actor: Actor) -> ViewerType:
        return cls(
            username=actor.name,
            role=actor.role,
            authenticated=actor.user_id is not None,
            scopes=[
                ScopeType(area_code=s.area, scheme_id=s.scheme_id, credit_code=s.credit_code)
                for s in actor.scopes
            ],
        )
