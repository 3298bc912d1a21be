"""Institution, as clients see it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

from core import access
from core.api.context import Info
from core.api.types.common import OrgTypeEnum
from core.db import models
from core.divisions import name_of
from core.institutions import ORG_TYPE_LABELS, OrgType

if TYPE_CHECKING:
    from core.api.types.applications import ApplicationType
    from core.api.types.recognitions import RecognitionType


@strawberry.type(name="Contact")
class ContactType:
    name: str
    phone: str
    email: str


@strawberry.type(name="Institution")
class InstitutionType(relay.Node):
    pk: relay.NodeID[int]
    name: str
    credit_code: str = strawberry.field(description="统一社会信用代码 (GB 32100-2015)")
    org_type: OrgTypeEnum
    division_code: str = strawberry.field(description="Registered area, GB/T 2260")
    city_code: str
    registered_on: dt.date
    legal_representative: str
    stored_contacts: strawberry.Private[list]
    address: str
    version: int = strawberry.field(
        description="Optimistic-lock version: pass it back when updating"
    )

    @strawberry.field(
        description="Phone numbers masked except for the institution itself and the responsible reviewers"
    )
    def contacts(self, info: Info) -> list[ContactType]:
        contacts = info.context.platform.vault.show(
            self.stored_contacts, in_clear=access.sees_personal_data(info.context.actor, self)
        )
        return [
            ContactType(
                name=c.get("name", ""), phone=c.get("phone") or "", email=c.get("email", "")
            )
            for c in contacts
        ]

    @strawberry.field
    def org_type_label(self) -> str:
        return ORG_TYPE_LABELS[self.org_type]

    @strawberry.field
    def division_name(self) -> str:
        return name_of(self.division_code)

    @strawberry.field
    def city_name(self) -> str:
        return name_of(self.city_code)

    @strawberry.field(description="Applications under every scheme, oldest first")
    async def applications(
        self, info: Info
    ) -> list[Annotated[ApplicationType, strawberry.lazy("core.api.types.applications")]]:
        from core.api.types.applications import ApplicationType

        rows = await info.context.loaders.applications_by_institution.load(self.pk)
        return [ApplicationType.of(r) for r in rows]

    @strawberry.field(description="Recognitions under every scheme")
    async def recognitions(
        self, info: Info
    ) -> list[Annotated[RecognitionType, strawberry.lazy("core.api.types.recognitions")]]:
        from core.api.types.recognitions import RecognitionType

        rows = await info.context.loaders.recognitions_by_institution.load(self.pk)
        return [RecognitionType.of(r) for r in rows]

    @strawberry.field(description="The row id, for logs and support; clients should use id")
    def database_id(self) -> int:
        return self.pk

    @classmethod
    def of(cls, row: models.Institution) -> InstitutionType:
        return cls(
            pk=row.id,
            name=row.name,
            credit_code=row.credit_code,
            org_type=OrgType(row.org_type),
            division_code=row.division_code,
            city_code=row.city_code,
            registered_on=row.registered_on,
            legal_representative=row.legal_representative,
            address=row.address,
            version=row.version,
            stored_contacts=list(row.contacts),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False):
        loaders = info.context.loaders
        rows = await info.context.in_view(
            loaders.visible_institution, [int(i) for i in node_ids], "institution"
        )
        return [cls.of(r) if r else None for r in rows]
