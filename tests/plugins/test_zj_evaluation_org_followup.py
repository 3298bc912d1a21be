"""zj_evaluation_org after the filing: adding occupations only after a passed assessment and at most
three; promotion to the province list after a year of pilot, replacing the city filing in one step
(refused whole when the new place is full); the final assessment that continues the filing without
an end date or revokes it without a ban; branches approved by the department that filed the organisation.
"""

from __future__ import annotations

import pytest

from plugins.zj_evaluation_org import plugin
from plugins.zj_evaluation_org.examples import site
from tests.plugins.zj_evaluation_org_forms import (
    ADDITION_GATES,
    SCHEME,
    addition_form,
    assessment_form,
    draft,
    recognitions,
    to_notice,
)
from tests.support import documents as doc
from tests.support.helpers import act, codes, create, ok, submit

RECOGNITIONS = "{ recognitions(first: 5) { edges { node { code title validUntil status } } } }"
UPDATE = """mutation($input: UpdateInstitutionInput!) {
  updateInstitution(input: $input) { institution { cityCode version } errors { field code message } } }"""
PROMOTION_FORM = {
    "city_assessment_summary": "试点一年，认定工作规范，无投诉",
    "city_assessment_score": 95,
    "persons_certified": 1260,
    "certificates_issued": 1180,
    "recommendation": "全市同职业评价组织中综合评估第一",
}


async def _state(gql, app: dict) -> dict:
    return (await gql(doc.APPLICATION, {"id": app["id"]}))["application"]


async def _filed(gql, **kw) -> tuple[dict, str]:
    """A city filing granted on 2020-12-09 (in notice from 2020-12-01: its 5th working day is 12-08); returns
    institution and recognition id."""
    inst, app = await draft(gql, **kw)
    app = await to_notice(gql, app)
    gql.platform.settings.today = "2020-12-09"
    ok(await act(gql, app, "file_city", role="city_reviewer"))
    return inst, (await recognitions(gql, inst))[0]["id"]


async def _used(gql, city: str) -> int:
    usage = await gql(doc.QUOTA, {"scheme": SCHEME, "occupation": "4-03-02-01", "city": city})
    return usage["quotaUsage"][0]["used"]


async def _recommended(gql, inst: dict, rec: str) -> dict:
    """Recommended by the city, assessed by the province's experts, approved: in the province's notice."""
    app = ok(
        await create(
            gql,
            inst["id"],
            SCHEME,
            PROMOTION_FORM,
            kind="promotion",
            role="city_reviewer",
            occupations=["4-03-02-01"],
            recognitionId=rec,
        )
    )
    app = ok(await act(gql, app, "recommend", role="city_reviewer"))
    app = ok(
        await act(
            gql,
            app,
            "expert_review",
            role="expert",
            comment="考核评估合格",
            judgments=[{"criterionId": "art3_3_province_assessment", "passed": True}],
        )
    )
    return ok(await act(gql, app, "approve", role="province_reviewer"))


async def _assessment(
    gql, inst: dict, rec: str, *, level: str = "city", occasion: str = "pilot", **changes
) -> dict:
    role = f"{level}_reviewer"
    return ok(
        await create(
            gql,
            inst["id"],
            SCHEME,
            assessment_form(occasion, **changes),
            kind=f"{level}_assessment",
            role=role,
            recognitionId=rec,
        )
    )


@pytest.mark.fast
async def test_occupations_are_added_after_a_passed_assessment_at_most_three(client_for):
    gql = await client_for([plugin], today="2020-12-01")
    inst, rec = await _filed(gql)
    gql.platform.settings.today = "2021-03-01"
    early = ok(
        await create(
            gql,
            inst["id"],
            SCHEME,
            addition_form(("4-03-02-02",)),
            kind="add_occupations",
            occupations=["4-03-02-02"],
            recognitionId=rec,
        )
    )
    refused = await submit(gql, early)
    assert codes(refused) == ["CRITERION_NOT_MET"]
    assert (
        refused["errors"][0]["field"] == ["criteria", "art2_add_after_assessment"]
        and "专家评估通过" in refused["errors"][0]["message"]
    )

    check = await _assessment(gql, inst, rec)
    check = ok(await act(gql, check, "start", role="city_reviewer"))
    ok(await act(gql, check, "pass", role="city_reviewer", comment="试点运行规范，专家评估通过"))

    four = ("4-03-02-02", "4-03-02-03", "4-03-02-04", "4-03-02-05")
    too_many = ok(
        await create(
            gql,
            inst["id"],
            SCHEME,
            addition_form(four),
            kind="add_occupations",
            occupations=list(four),
            recognitionId=rec,
        )
    )
    refused = await submit(gql, too_many)
    assert (
        codes(refused) == ["CRITERION_NOT_MET"] and "本次 4 个" in refused["errors"][0]["message"]
    )
    again = ok(
        await create(
            gql,
            inst["id"],
            SCHEME,
            addition_form(("4-03-02-01",)),
            kind="add_occupations",
            occupations=["4-03-02-01"],
            recognitionId=rec,
        )
    )
    assert "已备案：4-03-02-01" in (await submit(gql, again))["errors"][0]["message"]

    two = ("4-03-02-02", "4-03-02-03")
    app = ok(
        await create(
            gql,
            inst["id"],
            SCHEME,
            addition_form(two),
            kind="add_occupations",
            occupations=list(two),
            recognitionId=rec,
        )
    )
    app = ok(await submit(gql, app))
    app = ok(await act(gql, app, "accept_city", role="city_reviewer"))
    app = ok(
        await act(
            gql,
            app,
            "expert_review_city",
            role="expert",
            comment="核实",
            judgments=[{"criterionId": c, "passed": True} for c in ADDITION_GATES],
        )
    )
    app = ok(await act(gql, app, "select_city", role="city_reviewer"))
    gql.platform.settings.today = "2021-03-09"  # notice from 03-01: its 5th working day is 03-08
    ok(await act(gql, app, "file_city", role="city_reviewer"))
    held = await recognitions(gql, inst)
    assert [(r["occupations"], r["status"]) for r in held] == [
        (["4-03-02-01"], "ACTIVE"),
        (list(two), "ACTIVE"),
    ]
    query = "{ recognitions(first: 5) { edges { node { code title validUntil } } } }"
    added = (await gql(query))["recognitions"]["edges"][1]["node"]
    assert added == {
        "code": "S3301002001-002",
        "validUntil": "2021-12-31",
        "title": "浙江省职业技能等级认定试点社会培训评价组织（杭州市备案，面向本市，新增职业（工种））",
    }

    # 再申报新增不超过3个, counted over the pilot: a third one is allowed, a fourth is refused
    third = ok(
        await create(
            gql,
            inst["id"],
            SCHEME,
            addition_form(("4-03-02-04",)),
            kind="add_occupations",
            occupations=["4-03-02-04"],
            recognitionId=rec,
        )
    )
    assert ok(await submit(gql, third))["stageId"] == "acceptance"
    fourth = ok(
        await create(
            gql,
            inst["id"],
            SCHEME,
            addition_form(("4-03-02-05",)),
            kind="add_occupations",
            occupations=["4-03-02-05"],
            recognitionId=rec,
        )
    )
    refused = await submit(gql, fourth)
    assert (
        codes(refused) == ["CRITERION_NOT_MET"]
        and "此前已新增或在办 3 个" in refused["errors"][0]["message"]
    )
    assert (await _state(gql, fourth))["stageId"] == "draft"


async def test_promotion_to_the_province_list_after_one_year_of_pilot(client_for):
    gql = await client_for([plugin], today="2020-12-01")
    inst, rec = await _filed(gql)
    gql.platform.settings.today = (
        "2021-12-08"  # filed 2020-12-09: one year is reached on 2021-12-09
    )
    app = ok(
        await create(
            gql,
            inst["id"],
            SCHEME,
            PROMOTION_FORM,
            kind="promotion",
            role="city_reviewer",
            occupations=["4-03-02-01"],
            recognitionId=rec,
        )
    )
    refused = await act(gql, app, "recommend", role="city_reviewer")
    assert (
        codes(refused) == ["CRITERION_NOT_MET"]
        and "经过一年时间的试点" in refused["errors"][0]["message"]
    )

    gql.platform.settings.today = "2021-12-09"
    app = ok(await act(gql, app, "recommend", role="city_reviewer"))
    assert app["stage"]["role"] == "PROVINCE_REVIEWER"
    app = ok(
        await act(
            gql,
            app,
            "expert_review",
            role="expert",
            comment="考核评估合格",
            judgments=[{"criterionId": "art3_3_province_assessment", "passed": True}],
        )
    )
    app = ok(await act(gql, app, "approve", role="province_reviewer"))
    gql.platform.settings.today = (
        "2021-12-16"  # notice from 12-09: 10, 13, 14, 15, 16: its 5th working day
    )
    early = await act(gql, app, "file_province", role="province_reviewer")
    assert codes(early) == ["GUARD_FAILED"] and "四（三）" in early["errors"][0]["message"]
    assert [r["status"] for r in await recognitions(gql, inst)] == ["ACTIVE"]
    gql.platform.settings.today = (
        "2021-12-17"  # the notice has run: one step ends and replaces the filing
    )
    app = ok(await act(gql, app, "file_province", role="province_reviewer"))
    assert app["stageId"] == "filed"

    held = await recognitions(gql, inst)
    assert [(r["status"], r["endedOn"]) for r in held] == [
        ("EXPIRED", "2021-12-17"),
        ("ACTIVE", None),
    ]
    assert held[1]["occupations"] == ["4-03-02-01"] and held[1]["grantedOn"] == "2021-12-17"
    query = "{ recognitions(first: 5) { edges { node { code title validUntil } } } }"
    promoted = (await gql(query))["recognitions"]["edges"][1]["node"]
    assert promoted == {
        "code": "S3301001002",
        "validUntil": "2021-12-31",
        "title": "浙江省职业技能等级认定试点社会培训评价组织（省级备案，面向全省）",
    }
    usage = await gql(doc.QUOTA, {"scheme": SCHEME, "occupation": "4-03-02-01", "city": "330100"})
    assert (
        usage["quotaUsage"][0]["used"] == 1
    )  # the place moved to the province filing, not doubled

    # the province now assesses it, not the city (三（二）原备案部门)
    city = await _assessment(gql, inst, held[1]["id"])
    refused = await act(gql, city, "start", role="city_reviewer")
    assert codes(refused) == ["CRITERION_NOT_MET"] and "省级备案" in refused["errors"][0]["message"]
    province = await _assessment(gql, inst, held[1]["id"], level="province")
    assert ok(await act(gql, province, "start", role="province_reviewer"))["stageId"] == "assessing"


async def test_promotion_in_a_full_city_keeps_its_place_and_frees_none(client_for):
    gql = await client_for([plugin], today="2020-12-01")
    notices = []
    for n, division in enumerate(["330102", "330105", "330106", "330108", "330109", "330110"]):
        inst, app = await draft(gql, division=division, name=f"杭州第{n + 1}职业技能培训学校")
        notices.append((inst, await to_notice(gql, app)))
    gql.platform.settings.today = "2020-12-09"
    for _, app in notices[:5]:
        ok(await act(gql, app, "file_city", role="city_reviewer"))
    (inst, _), (_, sixth) = notices[0], notices[5]
    assert codes(await act(gql, sixth, "file_city", role="city_reviewer")) == ["QUOTA_EXCEEDED"]

    gql.platform.settings.today = "2021-12-09"
    app = await _recommended(gql, inst, (await recognitions(gql, inst))[0]["id"])
    gql.platform.settings.today = "2021-12-17"
    assert ok(await act(gql, app, "file_province", role="province_reviewer"))["stageId"] == "filed"
    assert [r["status"] for r in await recognitions(gql, inst)] == ["EXPIRED", "ACTIVE"]
    assert (
        await _used(gql, "330100") == 5
    )  # the place passed from the city filing to the province filing
    assert codes(await act(gql, sixth, "file_city", role="city_reviewer")) == ["QUOTA_EXCEEDED"]


async def test_promotion_is_refused_whole_when_the_new_place_is_full(client_for):
    """An organisation re-registered at province level since its city filing counts, once promoted, in
    the province list (its city is now 330000): with five province bodies for the occupation the
    promotion is refused and the city filing stays as it was; once a place is free it moves."""
    gql = await client_for([plugin], today="2020-12-01")
    inst, app = await draft(gql)
    notices, bodies = [(await to_notice(gql, app), "city")], []
    for n in range(5):
        body, body_app = await draft(
            gql,
            org_type="PUBLIC_INSTITUTION",
            division="330000",
            name=f"浙江第{n + 1}职业技能评价中心",
        )
        notices.append((await to_notice(gql, body_app, "province"), "province"))
        bodies.append(body)
    gql.platform.settings.today = "2020-12-09"
    for notice, level in notices:
        ok(await act(gql, notice, f"file_{level}", role=f"{level}_reviewer"))
    rec = (await recognitions(gql, inst))[0]

    gql.platform.settings.today = "2021-12-09"
    moved = (
        await gql(
            UPDATE,
            {
                "input": {
                    "id": inst["id"],
                    "expectedVersion": inst["version"],
                    "divisionCode": "330000",
                }
            },
            role="applicant",
        )
    )["updateInstitution"]
    assert moved["errors"] == [] and moved["institution"]["cityCode"] == "330000"
    app = await _recommended(gql, inst, rec["id"])
    gql.platform.settings.today = "2021-12-17"
    refused = await act(gql, app, "file_province", role="province_reviewer")
    assert codes(refused) == ["QUOTA_EXCEEDED"]
    assert refused["errors"][0]["field"] == ["quota", "per_occupation_city", "4-03-02-01@330000"]
    assert (await _state(gql, app))["stageId"] == "province_notice"
    assert await recognitions(gql, inst) == [rec]  # still ACTIVE, unchanged
    assert await _used(gql, "330100") == 1 and await _used(gql, "330000") == 5

    case = await _assessment(
        gql,
        bodies[0],
        (await recognitions(gql, bodies[0]))[0]["id"],
        level="province",
        revocation_ground="commitment_breached",
    )
    case = ok(await act(gql, case, "start", role="province_reviewer"))
    ok(
        await act(
            gql, case, "revoke", role="province_reviewer", comment="未兑现承诺书，取消试点资格"
        )
    )
    assert await _used(gql, "330000") == 4

    app = ok(await act(gql, await _state(gql, app), "file_province", role="province_reviewer"))
    held = await recognitions(gql, inst)
    assert [(r["status"], r["code"]) for r in held] == [
        ("EXPIRED", rec["code"]),
        ("ACTIVE", "S3300001006"),
    ]
    assert await _used(gql, "330100") == 0 and await _used(gql, "330000") == 5


async def test_a_passed_final_assessment_continues_the_filing_without_an_end_date(client_for):
    gql = await client_for([plugin], today="2020-12-01")
    inst, rec = await _filed(gql)
    gql.platform.settings.today = "2021-06-01"
    pilot = ok(await act(gql, await _assessment(gql, inst, rec), "start", role="city_reviewer"))
    refused = await act(gql, pilot, "continue", role="city_reviewer", comment="合格")
    assert codes(refused) == ["GUARD_FAILED"] and "试点结束后" in refused["errors"][0]["message"]

    gql.platform.settings.today = "2022-01-04"
    final = ok(
        await act(
            gql, await _assessment(gql, inst, rec, occasion="final"), "start", role="city_reviewer"
        )
    )
    refused = await act(gql, final, "pass", role="city_reviewer", comment="合格")
    assert codes(refused) == ["GUARD_FAILED"] and "合格继续" in refused["errors"][0]["message"]
    before = (await gql(RECOGNITIONS))["recognitions"]["edges"][0]["node"]
    assert before["validUntil"] == "2021-12-31"
    assert (
        ok(await act(gql, final, "continue", role="city_reviewer", comment="综合评估合格"))[
            "stageId"
        ]
        == "passed"
    )
    after = (await gql(RECOGNITIONS))["recognitions"]["edges"][0]["node"]
    assert after == {**before, "validUntil": None}  # same code, title and status
    assert await _used(gql, "330100") == 1

    revoke = ok(
        await act(
            gql,
            await _assessment(
                gql, inst, rec, occasion="final", revocation_ground="commitment_breached"
            ),
            "start",
            role="city_reviewer",
        )
    )
    ok(await act(gql, revoke, "revoke", role="city_reviewer", comment="未兑现承诺书"))
    again = await _assessment(gql, inst, rec, occasion="final")
    refused = await act(gql, again, "start", role="city_reviewer")
    assert codes(refused) == ["CRITERION_NOT_MET"] and "revoked" in refused["errors"][0]["message"]


async def test_final_assessment_after_the_pilot_revokes_without_a_ban(client_for):
    gql = await client_for([plugin], today="2020-12-01")
    inst, rec = await _filed(gql)
    gql.platform.settings.today = "2021-12-31"
    early = await _assessment(
        gql, inst, rec, occasion="final", revocation_ground="final_assessment_failed"
    )
    refused = await act(gql, early, "start", role="city_reviewer")
    assert (
        codes(refused) == ["CRITERION_NOT_MET"] and "2021-12-31" in refused["errors"][0]["message"]
    )

    gql.platform.settings.today = "2022-01-01"  # the day after the pilot's last day
    final = await _assessment(gql, inst, rec, occasion="final")
    final = ok(await act(gql, final, "start", role="city_reviewer"))
    failed = await act(gql, final, "fail", role="city_reviewer", comment="不合格")
    assert codes(failed) == ["GUARD_FAILED"] and "取消试点资格" in failed["errors"][0]["message"]
    no_ground = await act(gql, final, "revoke", role="city_reviewer", comment="综合评估不合格")
    assert codes(no_ground) == ["GUARD_FAILED"] and "依据" in no_ground["errors"][0]["message"]
    assert (await recognitions(gql, inst))[0]["status"] == "ACTIVE"

    final = await _assessment(
        gql, inst, rec, occasion="final", revocation_ground="final_assessment_failed"
    )
    final = ok(await act(gql, final, "start", role="city_reviewer"))
    ok(
        await act(
            gql, final, "revoke", role="city_reviewer", comment="交叉评估不合格，取消试点资格"
        )
    )
    rec_state = (await recognitions(gql, inst))[0]
    assert (rec_state["status"], rec_state["endedOn"], rec_state["banUntil"]) == (
        "REVOKED",
        "2022-01-01",
        None,
    )


async def test_commitment_breach_revokes_during_the_pilot(client_for):
    gql = await client_for([plugin], today="2020-12-01")
    inst, rec = await _filed(gql)
    gql.platform.settings.today = "2021-06-01"
    check = await _assessment(gql, inst, rec, revocation_ground="final_assessment_failed")
    check = ok(await act(gql, check, "start", role="city_reviewer"))
    refused = await act(gql, check, "revoke", role="city_reviewer", comment="不合格")
    assert codes(refused) == ["GUARD_FAILED"] and "试点结束后" in refused["errors"][0]["message"]
    assert (
        ok(await act(gql, check, "fail", role="city_reviewer", comment="督促整改"))["stageId"]
        == "failed"
    )

    breach = await _assessment(
        gql, inst, rec, revocation_ground="commitment_breached", findings="超标准收费"
    )
    breach = ok(await act(gql, breach, "start", role="city_reviewer"))
    ok(await act(gql, breach, "revoke", role="city_reviewer", comment="未兑现承诺书第4条，乱收费"))
    assert (await recognitions(gql, inst))[0]["status"] == "REVOKED"


async def test_a_branch_needs_the_filing_department_and_stays_in_its_city(client_for):
    gql = await client_for([plugin], today="2020-12-01")
    inst, rec = await _filed(gql)
    branch = {
        "name": "余杭分部",
        "address": "杭州市余杭区文一西路 1 号",
        "division_code": "330110",
        "supervision": "original",
        "sites": [site("4-03-02-01")],
    }
    outside = ok(
        await create(
            gql,
            inst["id"],
            SCHEME,
            {**branch, "division_code": "330200"},
            kind="branch",
            occupations=["4-03-02-01"],
            recognitionId=rec,
        )
    )
    refused = await submit(gql, outside)
    assert codes(refused) == ["CRITERION_NOT_MET"] and refused["errors"][0]["field"] == [
        "form",
        "division_code",
    ]

    app = ok(
        await create(
            gql,
            inst["id"],
            SCHEME,
            branch,
            kind="branch",
            occupations=["4-03-02-01"],
            recognitionId=rec,
        )
    )
    app = ok(await submit(gql, app))
    refused = await act(gql, app, "approve_province", role="province_reviewer")
    assert codes(refused) == ["GUARD_FAILED"]
    assert ok(await act(gql, app, "approve_city", role="city_reviewer"))["stageId"] == "approved"
