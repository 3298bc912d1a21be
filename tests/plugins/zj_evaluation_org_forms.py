"""Forms, expert judgments and API steps of zj_evaluation_org for tests to vary one fact at a time.

Built from the plugin's own worked-example builder, dated inside the first batch (2020-12-01):
ages are as of that day and leases run 2018-01-01 to 2022-12-31 (five years, in force).
"""

from __future__ import annotations

import datetime as dt

from plugins.zj_evaluation_org.examples import filing_form
from tests.support.helpers import act, create, ok, register, submit

ON = dt.date(2020, 12, 1)
OCCUPATION = "4-03-02-01"

GATES = [
    "art1_1_type_conditions_verified",
    "art1_1_credit_verified",
    "art1_2_influence",
    "art1_3_quality_verified",
    "art2_scope_verified",
]
JUDGED_ITEMS = {
    "annex2_1_1_organisation": 15,
    "annex2_1_2_personnel": 15,
    "annex2_3_1_facilities": 30,
    "annex2_3_2_standards_banks": 10,
    "annex2_4_funding": 10,
}


def form(codes: tuple[str, ...] = (OCCUPATION,), on: dt.date = ON, **changes) -> dict:
    data = filing_form(codes, on=on, lease_start=dt.date(2018, 1, 1))
    data.update(changes)
    return data


def gates(passed: bool = True) -> list[dict]:
    return [{"criterionId": c, "passed": passed} for c in GATES]


def scores(total_off: float = 0, **points: float) -> list[dict]:
    """Full marks on the judged items of 附件2 1-4 (80 of the 100), less ``total_off`` from item 3(1)."""
    given = {**JUDGED_ITEMS, **points}
    given["annex2_3_1_facilities"] -= total_off
    return [{"criterionId": c, "points": p} for c, p in given.items()]


def full_review(total_off: float = 0, **points: float) -> list[dict]:
    return gates() + scores(total_off, **points)


ADDITION_GATES = ["art2_scope_verified", "art2_add_verified"]


def addition_form(codes: tuple[str, ...]) -> dict:
    """The occupation tables of the 申报表 for new occupations only (二 新增职业（工种））."""
    full = form(codes)
    return {
        "experience_summary": "试点以来开展中式烹调师等级认定 1200 人次",
        "premises": [],
        "commitment_signed": True,
        **{table: full[table] for table in ("experts", "examiners", "occupations", "sites")},
    }


def assessment_form(occasion: str = "pilot", **changes) -> dict:
    return {
        "occasion": occasion,
        "methods": ["expert"],
        "scope": "认定工作规程执行、考务管理、证书核发",
        **changes,
    }


# -- taking an application through the API ---------------------------------------------------------

SCHEME = "zj_evaluation_org"
ROUND = "2020_first_batch"


async def draft(
    gql,
    *,
    codes: tuple[str, ...] = (OCCUPATION,),
    org_type: str = "PRIVATE_NON_ENTERPRISE",
    division: str = "330106",
    name: str = "杭州用例职业技能培训学校",
    on: dt.date = ON,
    **changes,
) -> tuple[dict, dict]:
    inst = await register(
        gql, name=name, org_type=org_type, division=division, registered_on="2010-01-01"
    )
    app = ok(
        await create(gql, inst["id"], SCHEME, form(codes, on, **changes), roundId=ROUND)
    )  # occupations: the form's table
    return inst, app


async def to_notice(gql, app: dict, level: str = "city", review: list[dict] | None = None) -> dict:
    """Submit, accept at ``level``, one expert's full review, select: the application is in public notice."""
    role = f"{level}_reviewer"
    app = ok(await submit(gql, app))
    app = ok(await act(gql, app, f"accept_{level}", role=role))
    app = ok(
        await act(
            gql,
            app,
            f"expert_review_{level}",
            role="expert",
            actor="expert-a",
            comment="逐项打分",
            judgments=review or full_review(),
        )
    )
    return ok(await act(gql, app, f"select_{level}", role=role))


HELD = """query($id: ID!) { institution(id: $id) { recognitions {
  id title code status occupations grantedOn validUntil endedOn banUntil } } }"""


async def recognitions(gql, inst: dict) -> list[dict]:
    """The institution's filings under every scheme, oldest first, with code and validity."""
    return (await gql(HELD, {"id": inst["id"]}))["institution"]["recognitions"]
