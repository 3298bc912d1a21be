"""Given a scheme capping recognitions at 2 per occupation per city, the third grant is refused."""

from __future__ import annotations

import pytest

from tests.support import documents as doc
from tests.support import toy_plugin
from tests.support.helpers import act, codes, create, ok, panel_scored, register, submit
from tests.support.scrape import scrape, value


async def _to_notice(gql, institution_id: str, occupation: str) -> dict:
    app = ok(
        await create(
            gql, institution_id, "toy", {"trainees": 150}, occupations=[occupation], roundId="2026"
        )
    )
    app = await panel_scored(gql, ok(await submit(gql, app)))
    return ok(
        await act(
            gql,
            app,
            "approve",
            role="city_reviewer",
            judgments=[{"criterionId": "teachers", "passed": True}],
        )
    )


@pytest.mark.fast
async def test_third_grant_for_same_occupation_and_city_is_refused(client_for):
    gql = await client_for([toy_plugin])
    notices = []
    for n in range(3):
        inst = await register(
            gql, name=f"杭州第{n}培训学校有限公司", division="330106" if n != 1 else "330110"
        )
        notices.append(await _to_notice(gql, inst["id"], "4-07-05-02"))

    for app in notices[:2]:
        granted = ok(await act(gql, app, "grant", role="city_reviewer"))
        assert granted["stageId"] == "granted"

    third = await act(gql, notices[2], "grant", role="city_reviewer")
    assert codes(third) == ["QUOTA_EXCEEDED"]
    assert (
        "4-07-05-02@330100" in third["errors"][0]["message"]
        and "2" in third["errors"][0]["message"]
    )
    assert third["errors"][0]["field"] == ["quota", "per_occupation_city", "4-07-05-02@330100"]
    assert (
        value(
            await scrape(gql),
            "accredit_quota_places_used",
            scheme="toy",
            rule="per_occupation_city",
        )
        == 2
    )

    state = await gql(doc.APPLICATION, {"id": notices[2]["id"]})
    assert state["application"]["stageId"] == "notice"  # unchanged
    assert state["application"]["version"] == notices[2]["version"]
    usage = await gql(doc.QUOTA, {"scheme": "toy", "occupation": "4-07-05-02", "city": "330100"})
    assert usage["quotaUsage"] == [
        {
            "ruleId": "per_occupation_city",
            "key": "4-07-05-02@330100",
            "used": 2,
            "limit": 2,
            "remaining": 0,
        }
    ]
    counts = await gql(doc.COUNTS)
    assert counts["recognitions"]["totalCount"] == 2


async def test_exempt_type_and_other_city_do_not_count(client_for):
    gql = await client_for([toy_plugin])
    for n in range(2):
        inst = await register(gql, name=f"杭州甲{n}有限公司")
        ok(await act(gql, await _to_notice(gql, inst["id"], "X"), "grant", role="city_reviewer"))
    college = await register(gql, name="杭州技师学院", org_type="TECHNICIAN_COLLEGE")
    ok(await act(gql, await _to_notice(gql, college["id"], "X"), "grant", role="city_reviewer"))
    ningbo = await register(gql, name="宁波某培训有限公司", division="330200")
    ok(await act(gql, await _to_notice(gql, ningbo["id"], "X"), "grant", role="city_reviewer"))
    usage = await gql(doc.QUOTA, {"scheme": "toy", "occupation": "X", "city": "330100"})
    assert usage["quotaUsage"][0]["used"] == 2
    codes_by_city = (await gql("{ recognitions(first: 10) { edges { node { code title } } } }"))[
        "recognitions"
    ]["edges"]
    assert [e["node"]["code"] for e in codes_by_city] == [
        "TOY-330100-001",
        "TOY-330100-002",
        "TOY-330100-003",
        "TOY-330200-001",
    ]
    assert codes_by_city[2]["node"]["title"] == "示例机构（杭州技师学院）"


async def test_revocation_frees_the_place_and_bans_reapplication(client_for):
    gql = await client_for([toy_plugin])
    first = await register(gql, name="杭州乙一有限公司")
    second = await register(gql, name="杭州乙二有限公司")
    third = await register(gql, name="杭州乙三有限公司")
    granted = ok(
        await act(gql, await _to_notice(gql, first["id"], "Y"), "grant", role="city_reviewer")
    )
    ok(await act(gql, await _to_notice(gql, second["id"], "Y"), "grant", role="city_reviewer"))
    waiting = await _to_notice(gql, third["id"], "Y")
    assert codes(await act(gql, waiting, "grant", role="city_reviewer")) == ["QUOTA_EXCEEDED"]

    recognition_id = granted["recognition"] or None
    inst = await gql(doc.INSTITUTION, {"id": first["id"]})
    recognition_id = inst["institution"]["recognitions"][0]["id"]
    case = ok(
        await create(
            gql,
            first["id"],
            "toy",
            {"reason": "弄虚作假"},
            kind="revocation",
            role="city_reviewer",
            recognitionId=recognition_id,
        )
    )
    assert codes(await act(gql, case, "revoke", role="city_reviewer")) == [
        "REQUIRED"
    ]  # comment required
    ok(await act(gql, case, "revoke", role="city_reviewer", comment="申请过程中故意弄虚作假"))

    inst = await gql(doc.INSTITUTION, {"id": first["id"]})
    rec = inst["institution"]["recognitions"][0]
    assert (
        rec["status"] == "REVOKED"
        and rec["banUntil"] == "2029-03-02"
        and rec["endedOn"] == "2026-03-02"
    )
    ok(await act(gql, waiting, "grant", role="city_reviewer"))  # the place was released

    again = ok(
        await create(gql, first["id"], "toy", {"trainees": 150}, occupations=["Y"], roundId="2026")
    )
    refused = await submit(gql, again)
    assert codes(refused) == ["BANNED"] and "2029-03-02" in refused["errors"][0]["message"]
