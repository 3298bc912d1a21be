"""zj_evaluation_org through the GraphQL API, as a client would use it: a city filing from draft to
a coded recognition after five working days of public notice, the province path, at most five
organisations per occupation and city, the 附件2 pass mark and bonus, the first round's dates and
the identity numbers; every refusal names its field or rule and changes nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from plugins.zj_evaluation_org import plugin
from tests.plugins.zj_evaluation_org_forms import (
    OCCUPATION,
    ROUND,
    SCHEME,
    draft,
    form,
    full_review,
    gates,
    recognitions,
    scores,
    to_notice,
)
from tests.support import documents as doc
from tests.support.helpers import act, codes, create, ok, register, submit

RECOGNITIONS = (
    "{ recognitions(first: 20) { edges { node { code title validUntil occupations status } } } }"
)


async def _state(gql, app: dict) -> dict:
    return (await gql(doc.APPLICATION, {"id": app["id"]}))["application"]


@pytest.mark.fast
async def test_city_filing_is_coded_after_five_working_days_have_run_across_new_year(client_for):
    gql = await client_for([plugin], today="2020-12-30")
    inst, app = await draft(gql)
    app = await to_notice(gql, app)
    assert (app["stageId"], app["status"]) == ("city_notice", "PUBLIC_NOTICE")
    assert app["evaluation"]["passed"] is True and app["score"] == 100

    # 四（三）公示5个工作日: 2020-12-31 (1); 2021-01-01..03 New Year; 01-04 (2), 01-05 (3), 01-06 (4), 01-07 (5):
    # the notice has run at the end of 01-07 (the day before and the day itself are refused)
    for today, elapsed in (("2021-01-06", 3), ("2021-01-07", 4)):
        gql.platform.settings.today = today
        refused = await act(gql, app, "file_city", role="city_reviewer")
        assert codes(refused) == ["GUARD_FAILED"]
        message = refused["errors"][0]["message"]
        assert (
            f"已满 {elapsed} 个工作日" in message
            and "至 2021-01-07 届满" in message
            and "四（三）" in message
        )
        state = await _state(gql, app)
        assert (state["stageId"], state["version"]) == ("city_notice", app["version"])
        assert await recognitions(gql, inst) == []

    gql.platform.settings.today = "2021-01-08"  # the day after the fifth working day
    app = ok(await act(gql, app, "file_city", role="city_reviewer"))
    assert (app["stageId"], app["status"]) == ("filed", "APPROVED")
    node = (await gql(RECOGNITIONS))["recognitions"]["edges"][0]["node"]
    assert node == {
        "code": "S3301002001",
        "title": "浙江省职业技能等级认定试点社会培训评价组织（杭州市备案，面向本市）",
        "validUntil": "2021-12-31",
        "occupations": [OCCUPATION],
        "status": "ACTIVE",
    }


async def test_each_level_accepts_only_its_own_organisations(client_for):
    gql = await client_for([plugin], today="2020-12-01")
    # 三（一）: registered at province level -> the province accepts, evaluates, publishes and files
    _, provincial = await draft(
        gql, org_type="PUBLIC_INSTITUTION", division="330000", name="浙江用例职业技能评价中心"
    )
    provincial = ok(await submit(gql, provincial))
    refused = await act(gql, provincial, "accept_city", role="city_reviewer")
    assert (
        codes(refused) == ["GUARD_FAILED"]
        and "省技能人才评价管理服务中心" in refused["errors"][0]["message"]
    )
    assert (await _state(gql, provincial))["stageId"] == "acceptance"
    provincial = ok(await act(gql, provincial, "accept_province", role="province_reviewer"))
    assert provincial["stage"] == {
        "id": "province_evaluation",
        "title": "省鉴定（评价）中心组织专家评估",
        "role": "PROVINCE_REVIEWER",
    }
    wrong_role = await act(gql, provincial, "select_province", role="city_reviewer")
    assert codes(wrong_role) == ["ROLE_NOT_ALLOWED"]

    _, local = await draft(gql)
    local = ok(await submit(gql, local))
    refused = await act(gql, local, "accept_province", role="province_reviewer")
    assert codes(refused) == ["GUARD_FAILED"] and "设区市" in refused["errors"][0]["message"]
    assert (
        ok(await act(gql, local, "accept_city", role="city_reviewer"))["stageId"]
        == "city_evaluation"
    )


async def test_province_filing_gets_a_province_code(client_for):
    gql = await client_for([plugin], today="2020-12-01")
    _, app = await draft(
        gql, org_type="PUBLIC_INSTITUTION", division="330000", name="浙江用例职业技能评价中心"
    )
    app = await to_notice(gql, app, "province")
    gql.platform.settings.today = "2020-12-09"
    ok(await act(gql, app, "file_province", role="province_reviewer"))
    node = (await gql(RECOGNITIONS))["recognitions"]["edges"][0]["node"]
    assert (node["code"], node["title"]) == (
        "S3300001001",
        "浙江省职业技能等级认定试点社会培训评价组织（省级备案，面向全省）",
    )


async def test_sixth_organisation_for_one_occupation_in_a_city_is_refused(client_for):
    gql = await client_for([plugin], today="2020-12-01")
    occupation = "4-04-05-01"
    hangzhou = ["330102", "330105", "330106", "330108", "330109", "330110"]
    notices = []
    for n, division in enumerate(hangzhou):
        _, app = await draft(
            gql, codes=(occupation,), division=division, name=f"杭州第{n + 1}职业技能培训学校"
        )
        notices.append(await to_notice(gql, app))
    extra = []
    for name, org_type, division in (
        ("杭州用例技师学院", "TECHNICIAN_COLLEGE", "330106"),
        ("宁波用例职业技能培训学校", "PRIVATE_NON_ENTERPRISE", "330200"),
        ("浙江用例职业技能评价中心", "PUBLIC_INSTITUTION", "330000"),
    ):
        _, app = await draft(
            gql, codes=(occupation,), org_type=org_type, division=division, name=name
        )
        level = "province" if division == "330000" else "city"
        extra.append((await to_notice(gql, app, level), level))

    gql.platform.settings.today = "2020-12-09"
    for app in notices[:5]:
        assert ok(await act(gql, app, "file_city", role="city_reviewer"))["stageId"] == "filed"
    for app, level in extra:  # 技师学院 not counted; another city and the province list count apart
        assert (
            ok(await act(gql, app, f"file_{level}", role=f"{level}_reviewer"))["stageId"] == "filed"
        )

    sixth = await act(gql, notices[5], "file_city", role="city_reviewer")
    assert codes(sixth) == ["QUOTA_EXCEEDED"]
    error = sixth["errors"][0]
    assert error["field"] == ["quota", "per_occupation_city", f"{occupation}@330100"]
    assert (
        "五（二）" in error["message"]
        and f"职业 {occupation}（杭州市）" in error["message"]
        and "5 家" in error["message"]
    )
    state = await _state(gql, notices[5])
    assert (state["stageId"], state["version"]) == ("city_notice", notices[5]["version"])
    assert (await gql(doc.COUNTS))["recognitions"]["totalCount"] == 8

    usage = {
        city: (await gql(doc.QUOTA, {"scheme": SCHEME, "occupation": occupation, "city": city}))[
            "quotaUsage"
        ]
        for city in ("330100", "330200", "330000")
    }
    assert [(u["used"], u["limit"]) for u in usage["330100"]] == [(5, 5)]
    assert [u["used"] for u in usage["330200"]] == [1] and [u["used"] for u in usage["330000"]] == [
        1
    ]


async def test_pass_mark_counts_items_1_to_4_only_and_bonus_is_scored_10_to_20(client_for):
    gql = await client_for([plugin], today="2020-12-01")
    pilot = {
        "persons_assessed": 300,
        "approval": "杭人社发〔2020〕12号 企业职业技能等级认定试点备案",
    }
    _, app = await draft(gql, relaxation={"enterprise_pilot": pilot})
    app = ok(await submit(gql, app))
    app = ok(await act(gql, app, "accept_city", role="city_reviewer"))

    bonus = "annex2_5_bonus_enterprise_pilot"
    for points, where in ((9, "10-20"), (25, "满分 20")):
        refused = await act(
            gql,
            app,
            "expert_review_city",
            role="expert",
            actor="expert-a",
            comment="打分",
            judgments=[*full_review(), {"criterionId": bonus, "points": points}],
        )
        assert codes(refused) == ["SCORE_OUT_OF_RANGE"] and where in refused["errors"][0]["message"]
        assert refused["errors"][0]["field"] == ["input", "judgments", "10", "points"]
    unclaimed = await act(
        gql,
        app,
        "expert_review_city",
        role="expert",
        actor="expert-a",
        comment="打分",
        judgments=[{"criterionId": "annex2_5_bonus_appraisal_station", "points": 10}],
    )
    assert (
        codes(unclaimed) == ["SCORE_OUT_OF_RANGE"] and "未主张" in unclaimed["errors"][0]["message"]
    )
    assert (await _state(gql, app))["reviews"] == []

    # items 1-4: 20 (rules, automatic) + 69 judged = 89, plus 20 bonus: the total is 109 but 89 < 90
    app = ok(
        await act(
            gql,
            app,
            "expert_review_city",
            role="expert",
            actor="expert-a",
            comment="打分",
            judgments=[*full_review(total_off=11), {"criterionId": bonus, "points": 20}],
        )
    )
    assert (app["score"], app["evaluation"]["passed"], app["evaluation"]["maximum"]) == (
        109,
        False,
        120,
    )
    assert "1-4项合计：89/100（须90分以上，未达到90分）" in app["evaluation"]["lines"]
    assert [(s["title"], s["points"], s["maximum"]) for s in app["evaluation"]["subtotals"]] == [
        ("1-4项合计", 89, 100),
        ("加分项", 20, 20),
    ]
    refused = await act(gql, app, "select_city", role="city_reviewer")
    assert codes(refused) == ["GUARD_FAILED"] and "89/100" in refused["errors"][0]["message"]
    assert (await _state(gql, app))["stageId"] == "city_evaluation"

    app = ok(
        await act(
            gql,
            app,
            "expert_review_city",
            role="expert",
            actor="expert-a",
            comment="复核",
            judgments=scores(total_off=10),
        )
    )
    assert (app["score"], app["evaluation"]["passed"]) == (110, True)
    assert ok(await act(gql, app, "select_city", role="city_reviewer"))["stageId"] == "city_notice"


async def test_select_needs_every_judgment_gate_and_a_score(client_for):
    gql = await client_for([plugin], today="2020-12-01")
    _, app = await draft(gql)
    app = ok(await submit(gql, app))
    app = ok(await act(gql, app, "accept_city", role="city_reviewer"))
    refused = await act(gql, app, "select_city", role="city_reviewer")
    assert "JUDGMENT_MISSING" in codes(refused) and "GUARD_FAILED" in codes(refused)
    assert any("尚有评估项目未评分" in e["message"] for e in refused["errors"])
    app = ok(
        await act(
            gql,
            app,
            "expert_review_city",
            role="expert",
            actor="expert-b",
            comment="影响力不足",
            judgments=[
                *gates()[:2],
                {"criterionId": "art1_2_influence", "passed": False},
                *gates()[3:],
                *scores(),
            ],
        )
    )
    refused = await act(gql, app, "select_city", role="city_reviewer")
    assert codes(refused) == ["CRITERION_NOT_MET"] and refused["errors"][0]["field"] == [
        "judgments",
        "art1_2_influence",
    ]


@pytest.mark.parametrize(
    "today, error",
    [
        ("2020-11-19", "尚未开始"),
        ("2020-11-20", None),
        ("2020-12-31", None),
        ("2021-01-01", "2020-12-31"),
    ],
)
async def test_first_batch_is_open_from_20_november_to_31_december_2020(client_for, today, error):
    gql = await client_for([plugin], today=today)
    _, app = await draft(gql, on=dt.date.fromisoformat(today))
    result = await submit(gql, app)
    if error is None:
        assert result["errors"] == [] and result["application"]["stageId"] == "acceptance"
    else:
        assert codes(result) == ["ROUND_CLOSED"] and error in result["errors"][0]["message"]
        assert (await _state(gql, app))["stageId"] == "draft"


async def test_four_occupations_are_refused_naming_the_count_except_for_a_technician_college(
    client_for,
):
    gql = await client_for([plugin], today="2020-12-01")
    four = ("4-03-02-01", "4-03-02-02", "4-03-02-03", "4-03-02-04")
    _, app = await draft(gql, codes=four)
    refused = await submit(gql, app)
    assert codes(refused) == ["CRITERION_NOT_MET"] and refused["errors"][0]["field"] == [
        "form",
        "occupations",
    ]
    assert (
        "申报了 4 个" in refused["errors"][0]["message"]
        and "3个以下（含本数）" in refused["errors"][0]["message"]
    )
    _, college = await draft(
        gql, codes=four, org_type="TECHNICIAN_COLLEGE", name="杭州用例技师学院"
    )
    assert ok(await submit(gql, college))["stageId"] == "acceptance"


@pytest.mark.parametrize(
    "number, reason",
    [
        ("330106198502140015", "校验码错误"),  # the check digit of 33010619850214001 is 9
        ("330106198502300019", "出生日期"),  # 30 February (check digit right)
        ("33010619850214001", "18位"),
    ],
)
async def test_identity_numbers_are_checked_and_nothing_is_stored(client_for, number, reason):
    gql = await client_for([plugin], today="2020-12-01")
    inst = await register(gql, name="杭州用例职业技能培训学校", org_type="PRIVATE_NON_ENTERPRISE")
    data = form()
    data["staff"][0]["id_number"] = number
    refused = await create(gql, inst["id"], SCHEME, data, occupations=[OCCUPATION], roundId=ROUND)
    assert codes(refused) == ["INVALID"] and refused["errors"][0]["field"] == [
        "input",
        "form",
        "staff",
        "0",
        "id_number",
    ]
    assert reason in refused["errors"][0]["message"]
    assert (await gql(doc.COUNTS))["applications"]["totalCount"] == 0


async def test_gender_must_match_the_identity_number(client_for):
    gql = await client_for([plugin], today="2020-12-01")
    inst = await register(gql, name="杭州用例职业技能培训学校", org_type="PRIVATE_NON_ENTERPRISE")
    data = form()
    data["staff"][0]["gender"] = "female"  # staff 1 is male: odd sequence code
    refused = await create(gql, inst["id"], SCHEME, data, occupations=[OCCUPATION], roundId=ROUND)
    assert codes(refused) == ["INVALID"] and refused["errors"][0]["field"] == [
        "input",
        "form",
        "staff",
        "0",
    ]
    assert "性别与身份证号码不符" in refused["errors"][0]["message"]


async def test_worked_examples_load_as_drafts_that_pass_every_check(client_for):
    from core.demo import load_demo

    gql = await client_for([plugin], today="2026-11-25")
    assert await load_demo(gql.platform) == 3
    query = """{ applications(filter: {schemeId: "zj_evaluation_org"}, first: 10) { edges { node {
      stageId institution { divisionName orgType } criterionResults { criterionId outcome } } } } }"""
    nodes = [e["node"] for e in (await gql(query))["applications"]["edges"]]
    assert [(n["stageId"], n["institution"]["divisionName"]) for n in nodes] == [
        ("draft", "西湖区"),
        ("draft", "浙江省"),
        ("draft", "余杭区"),
    ]
    for node in nodes:
        assert [r["criterionId"] for r in node["criterionResults"] if r["outcome"] == "FAIL"] == []


async def test_the_applications_occupations_are_read_from_the_form_s_table(client_for):
    gql = await client_for([plugin], today="2020-12-01")
    kinds = (await gql('{ scheme(id: "zj_evaluation_org") { kinds { id occupationsFromForm } } }'))[
        "scheme"
    ]["kinds"]
    assert {k["id"] for k in kinds if k["occupationsFromForm"]} == {
        "recognition",
        "add_occupations",
    }
    two = ("4-03-02-01", "4-03-02-02")
    _, app = await draft(gql, codes=two)  # occupations are not sent: the 申报表's table lists them
    assert app["occupations"] == list(two)

    edit = {"id": app["id"], "expectedVersion": app["version"], "form": form(two[:1])}
    app = ok((await gql(doc.EDIT, {"input": edit}, role="applicant"))["editApplication"])
    assert app["occupations"] == [OCCUPATION]
    mismatch = {"id": app["id"], "expectedVersion": app["version"], "occupations": ["4-03-02-02"]}
    refused = (await gql(doc.EDIT, {"input": mismatch}, role="applicant"))["editApplication"]
    assert codes(refused) == ["INVALID"] and refused["errors"][0]["field"] == [
        "input",
        "occupations",
    ]
    assert "无需另填" in refused["errors"][0]["message"]
    assert (await _state(gql, app))["occupations"] == [OCCUPATION]
