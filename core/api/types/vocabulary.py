"""The fixed vocabularies a client needs to fill in an institution: divisions and organisation types,
with their Chinese names, so that a console shows 西湖区 and 民办非企业单位 rather than codes."""

from __future__ import annotations

import strawberry

from core.api.types.common import OrgTypeEnum
from core.divisions import DIVISIONS
from core.institutions import ORG_TYPE_LABELS


@strawberry.type(
    name="Division",
    description="An administrative division (GB/T 2260) an institution may be registered in",
)
class DivisionType:
    code: str
    name: str
    level: str = strawberry.field(description="province, city or district")
    city_code: str = strawberry.field(
        description="The city it belongs to (the province itself for the province)"
    )


@strawberry.type(
    name="OrgTypeOption", description="An organisation type (机构类型) with its Chinese label"
)
class OrgTypeOption:
    value: OrgTypeEnum
    label: str


def divisions() -> list[DivisionType]:
    return [
        DivisionType(code=d.code, name=d.name, level=d.level, city_code=d.city_code)
        for d in DIVISIONS.values()
    ]


def org_types() -> list[OrgTypeOption]:
    return [OrgTypeOption(value=value, label=label) for value, label in ORG_TYPE_LABELS.items()]
