"""五（二）：本市范围内同一职业社会培训评价机构原则上不超过5家（不含技师学院）.

One key per occupation code and the organisation's city (``4-03-02-01@330100``), from core's
:func:`~core.quotas.occupation_city_keys`; core takes the places inside the granting transaction,
so the sixth grant is refused even under concurrent grants. 技师学院 are exempt. Organisations
registered at province level (city code ``330000``) form their own key space, capped by the same
number (README, readings chosen). “原则上” is read as the system's hard limit: an exception is a
policy change, i.e. a new dated value of ``max_orgs_per_occupation_city``.
"""

from __future__ import annotations

from core.divisions import name_of
from core.institutions import OrgType
from core.quotas import QuotaRule, occupation_city_keys


def describe(key: str) -> str:
    occupation, city = key.split("@")
    return f"职业 {occupation}（{name_of(city)}）"


PER_OCCUPATION_CITY = QuotaRule(
    id="per_occupation_city",
    title="本市范围内同一职业社会培训评价机构不超过5家（不含技师学院）",
    citation="五（二）",
    limit_parameter="max_orgs_per_occupation_city",
    keys=occupation_city_keys,
    exempt=lambda institution: institution.org_type is OrgType.TECHNICIAN_COLLEGE,
    describe_key=describe,
)
