"""registerInstitution, updateInstitution."""

from __future__ import annotations

import datetime as dt

import strawberry
from strawberry import relay

from core.api.context import Info
from core.api.mutations.payloads import write
from core.api.queries import database_id
from core.api.types.common import OrgTypeEnum, UserErrorType
from core.api.types.institutions import InstitutionType
from core.errors import ErrorCode, Refused
from core.services import loading
from core.services.institutions import register_institution, update_institution


@strawberry.input
class ContactInput:
    name: str
    phone: str = ""
    email: str = ""


@strawberry.input
class RegisterInstitutionInput:
    name: str
    credit_code: str = strawberry.field(
        description="统一社会信用代码, 18 characters with its GB 32100 check character"
    )
    org_type: OrgTypeEnum
    division_code: str = strawberry.field(
        description="GB/T 2260: a Zhejiang city, a Hangzhou district, or 330000"
    )
    registered_on: dt.date
    legal_representative: str
    contacts: list[ContactInput] = strawberry.field(default_factory=list)
    address: str = ""


@strawberry.input(
    description="Only what is sent changes: an omitted field keeps its value; null clears contacts and address"
)
class UpdateInstitutionInput:
    id: relay.GlobalID
    expected_version: int
    name: str | None = strawberry.UNSET
    org_type: OrgTypeEnum | None = strawberry.UNSET
    division_code: str | None = strawberry.UNSET
    registered_on: dt.date | None = strawberry.UNSET
    legal_representative: str | None = strawberry.UNSET
    contacts: list[ContactInput] | None = strawberry.UNSET
    address: str | None = strawberry.UNSET


@strawberry.type
class InstitutionPayload:
    institution: InstitutionType | None
    errors: list[UserErrorType]


CLEARED = {"contacts": [], "address": ""}
"""What an explicit null sets; null on any other field is refused (it cannot be cleared)."""


def _fields(data) -> dict:
    """The fields sent: omitted ones (UNSET) are left out, so they keep their values."""
    out = {}
    for key in (
        "name",
        "org_type",
        "division_code",
        "registered_on",
        "legal_representative",
        "contacts",
        "address",
    ):
        value = getattr(data, key)
        if value is strawberry.UNSET:
            continue
        if value is None:
            if key not in CLEARED:
                raise Refused.one(
                    ErrorCode.REQUIRED, "该项不能清空（不修改时省略该字段）", "input", key
                )
            value = CLEARED[key]
        out[key] = value.value if key == "org_type" else value
    if out.get("contacts"):
        out["contacts"] = [
            {"name": c.name, "phone": c.phone, "email": c.email} for c in out["contacts"]
        ]
    return out


@strawberry.type
class InstitutionMutations:
    @strawberry.mutation(
        description="Register an institution (its credit code is checked against GB 32100-2015)"
    )
    async def register_institution(
        self, info: Info, input: RegisterInstitutionInput
    ) -> InstitutionPayload:
        ctx = info.context
        row, errors = await write(
            info,
            lambda s: register_institution(
                s, ctx.platform, ctx.actor, input.credit_code, _fields(input)
            ),
            InstitutionType.of,
        )
        return InstitutionPayload(institution=row, errors=errors)

    @strawberry.mutation(
        description="Change an institution's details; expectedVersion guards against lost updates"
    )
    async def update_institution(
        self, info: Info, input: UpdateInstitutionInput
    ) -> InstitutionPayload:
        ctx = info.context

        async def run(session):
            row = await loading.institution(
                session,
                database_id(input.id, InstitutionType, "input", "id"),
                "input",
                "id",
                lock=True,
            )
            return await update_institution(
                session, ctx.platform, ctx.actor, row, input.expected_version, _fields(input)
            )

        row, errors = await write(info, run, InstitutionType.of)
        return InstitutionPayload(institution=row, errors=errors)
