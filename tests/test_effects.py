"""Effects on a held recognition: superseded atomically, renewed, suspended and reinstated."""

from __future__ import annotations

import pytest

from tests.support import documents as doc
from tests.support import toy_plugin
from tests.support.helpers import act, codes, create, ok, panel_scored, register, submit

HELD = """query($id: ID!) { institution(id: $id) { recognitions { id title code status validUntil endedOn } } }"""


async def _granted(gql, occupation: str = "P") -> tuple[dict, str]:
    inst = await register(gql)
    app = ok(
        await create(
            gql, inst["id"], "toy", {"trainees": 150}, occupations=[occupation], roundId="2026"
        )
    )
    app = await panel_scored(gql, ok(await submit(gql, app)))
    app = ok(
        await act(
            gql,
            app,
            "approve",
            role="city_reviewer",
            judgments=[{"criterionId": "teachers", "passed": True}],
        )
    )
    ok(await act(gql, app, "grant", role="city_reviewer"))
    held = (await gql(HELD, {"id": inst["id"]}))["institution"]["recognitions"]
    return inst, held[0]["id"]


async def _case(gql, inst: dict, recognition: str, role: str = "province_reviewer") -> dict:
    return ok(
        await create(
            gql,
            inst["id"],
            "toy",
            {"reason": "后续管理"},
            kind="follow_up",
            role=role,
            recognitionId=recognition,
        )
    )


async def test_supersede_ends_the_old_and_grants_the_new_in_one_step_keeping_the_place(client_for):
    gql = await client_for([toy_plugin])
    inst, recognition = await _granted(gql)
    ok(await act(gql, await _case(gql, inst, recognition), "promote", role="province_reviewer"))
    held = (await gql(HELD, {"id": inst["id"]}))["institution"]["recognitions"]
    assert [(r["status"], r["code"]) for r in held] == [
        ("EXPIRED", "TOY-330100-001"),
        ("ACTIVE", "TOY-P-002"),
    ]
    assert held[1]["title"].startswith("省级") and held[1]["validUntil"] == "2027-12-31"
    usage = await gql(doc.QUOTA, {"scheme": "toy", "occupation": "P", "city": "330100"})
    assert usage["quotaUsage"][0]["used"] == 1  # the old slot released, the new one taken


@pytest.mark.fast
async def test_renew_changes_validity_and_keeps_the_code(client_for):
    gql = await client_for([toy_plugin])
    inst, recognition = await _granted(gql)
    ok(
        await act(
            gql,
            await _case(gql, inst, recognition, role="city_reviewer"),
            "renew",
            role="province_reviewer",
        )
    )
    held = (await gql(HELD, {"id": inst["id"]}))["institution"]["recognitions"]
    assert [(r["status"], r["code"], r["validUntil"]) for r in held] == [
        ("ACTIVE", "TOY-330100-001", "2027-12-31")
    ]


async def test_suspend_and_reinstate_check_the_current_status(client_for):
    gql = await client_for([toy_plugin])
    inst, recognition = await _granted(gql)
    case = await _case(gql, inst, recognition)
    assert codes(await act(gql, case, "reinstate", role="province_reviewer")) == [
        "TRANSITION_NOT_ALLOWED"
    ]
    case = ok(await act(gql, case, "suspend", role="province_reviewer"))
    assert codes(await act(gql, case, "suspend", role="province_reviewer")) == [
        "TRANSITION_NOT_ALLOWED"
    ]
    case = ok(await act(gql, case, "reinstate", role="province_reviewer"))
    held = (await gql(HELD, {"id": inst["id"]}))["institution"]["recognitions"]
    assert held[0]["status"] == "ACTIVE"


async def test_only_the_kinds_initiators_may_start_one(client_for):
    gql = await client_for([toy_plugin])
    inst, recognition = await _granted(gql)
    refused = await create(
        gql,
        inst["id"],
        "toy",
        {"reason": "x"},
        kind="follow_up",
        role="applicant",
        recognitionId=recognition,
    )
    assert (
        codes(refused) == ["ROLE_NOT_ALLOWED"]
        and "市级审核人员、省级审核人员" in refused["errors"][0]["message"]
    )
