"""Recognition (认定), as clients see it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

from core.api.context import Info
from core.api.types.common import RecognitionStatusEnum
from core.db import models
from core.recognitions import RecognitionStatus

if TYPE_CHECKING:
    from core.api.types.institutions import InstitutionType


@strawberry.type(name="Recognition")
class RecognitionType(relay.Node):
    pk: relay.NodeID[int]
    scheme_id: str
    title: str
    code: str | None
    occupations: list[str]
    status: RecognitionStatusEnum
    granted_on: dt.date
    valid_until: dt.date | None
    ended_on: dt.date | None
    end_reason: str | None
    ban_until: dt.date | None = strawberry.field(
        description="After revocation: the last day of the re-application ban "
        "(no new application up to and including it)"
    )
    granted_by_application_id: int = strawberry.field(
        deprecation_reason="A row id; use grantedByApplication, the application's global ID"
    )
    institution_id: strawberry.Private[int]

    @strawberry.field(
        description="The application that granted it, by global ID (application(id:) answers null outside your view)"
    )
    def granted_by_application(self) -> relay.GlobalID:
        return relay.GlobalID("Application", str(self.granted_by_application_id))

    @strawberry.field
    async def institution(
        self, info: Info
    ) -> Annotated[InstitutionType, strawberry.lazy("core.api.types.institutions")]:
        from core.api.types.institutions import InstitutionType

        return InstitutionType.of(await info.context.loaders.institution.load(self.institution_id))

    @strawberry.field(description="The row id, for logs and support; clients should use id")
    def database_id(self) -> int:
        return self.pk

    @classmethod
    def of(cls, row: models.Recognition) -> RecognitionType:
        return cls(
            pk=row.id,
            scheme_id=row.scheme_id,
            title=row.title,
            code=row.code,
            occupations=list(row.occupations),
            status=RecognitionStatus(row.status),
            granted_on=row.granted_on,
            valid_until=row.valid_until,
            ended_on=row.ended_on,
            end_reason=row.end_reason,
            ban_until=row.ban_until,
            granted_by_application_id=row.application_id,
            institution_id=row.institution_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False):
        rows = await info.context.loaders.recognition.load_many([int(i) for i in node_ids])
        return [cls.of(r) if r else None for r in rows]
