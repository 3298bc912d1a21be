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
    credit_code: str = strawberry.field(description="统一社会信用代码, 18 characters with its GB 32100 check character")
    org_type: OrgTypeEnum
    division_code: str = strawberry.field(description="GB/T 2260: a Zhejiang city, a Hangzhou district, or 330000")
    registered_on: dt.date
    legal_representative: str
    contacts: list[ContactInput] = strawberry.field(default_factory=list)
    address: str = ""


@strawberry.input
class UpdateInstitutionInput:
    id: relay.GlobalID
    expected_version: int
    name: str | None = None
    org_type: OrgTypeEnum | None = None
    division_code: str | None = None
    registered_on: dt.date | None = None
    legal_representative: str | None = None
    contacts: list[ContactInput] | None = None
    address: str | None = None


@strawberry.type
class InstitutionPayload:
    institution: InstitutionType | None
    errors: list[UserErrorType]


def _fields(data) -> dict:
    out = {}
    for key in ("name", "org_type", "division_code", "registered_on", "legal_representative", "address"):
        value = getattr(data, key)
        if value is not None:
            out[key] = value.value if key == "org_type" else value
    if data.contacts is not None:
        out["contacts"] = [{"name": c.name, "phone": c.phone, "email": c.email} for c in data.contacts]
    return out


@strawberry.type
class InstitutionMutations:
    @strawberry.mutation(description="Register an institution (its credit code is checked against GB 32100-2015)")
    async def register_institution(self, info: Info, input: RegisterInstitutionInput) -> InstitutionPayload:
        ctx = info.context
        row, errors = await write(
            info, lambda s: register_institution(s, ctx.platform, ctx.actor, input.credit_code, _fields(input)),
            InstitutionType.of)
        return InstitutionPayload(institution=row, errors=errors)

    @strawberry.mutation(description="Change an institution's details; expectedVersion guards against lost updates")
    async def update_institution(self, info: Info, input: UpdateInstitutionInput) -> InstitutionPayload:
        ctx = info.context

        async def run(session):
            row = await loading.institution(session, database_id(input.id, InstitutionType, "input", "id"), "input", "id", lock=True)
            return await update_institution(session, ctx.platform, ctx.actor, row, input.expected_version, _fields(input))

        row, errors = await write(info, run, InstitutionType.of)
        return InstitutionPayload(institution=row, errors=errors)
