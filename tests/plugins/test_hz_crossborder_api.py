"""hz_crossborder through the GraphQL API, as the district, 市综试办 and the experts would use it:
the 2021 call from 报名 to 认定, its deadline, expert scoring against 附件1 with the self-score kept
apart, the ranking of the round at 终审, the public notice; every refusal names its field or rule
and leaves the application as it was."""

from __future__ import annotations

import pytest

from plugins.hz_crossborder import plugin
from tests.plugins.hz_crossborder_forms import form, gates_passed, sheet
from tests.support import documents as doc
from tests.support.helpers import act, codes, create, ok, register, submit

SCHEME, ROUND = "hz_crossborder", "2021"
IN_CALL = "2021-08-10"
EXPERTS = ("expert-a", "expert-b", "expert-c")
RANKING = """query($stage: String) { ranking(schemeId: "hz_crossborder", roundId: "2021", stage: $stage) {
  rank score application { stageId institution { name } } } }"""
RECOGNITIONS = "{ recognitions(first: 10) { edges { node { title status } } } }"


async def _state(gql, app: dict) -> dict:
    return (await gql(doc.APPLICATION, {"id": app["id"]}))["application"]


async def _draft(
    gql, name: str = "杭州跨境示例培训有限公司", division: str = "330106", **changes
) -> dict:
    inst = await register(gql, name=name, division=division)
    return ok(await create(gql, inst["id"], SCHEME, form(**changes), roundId=ROUND))


async def _at_prereview(gql, **kw) -> dict:
    app = ok(await submit(gql, await _draft(gql, **kw)))
    return ok(
        await act(gql, app, "district_forward", role="district_reviewer", actor="xihu-district")
    )


async def _at_scoring(gql, **kw) -> dict:
    app = await _at_prereview(gql, **kw)
    return ok(
        await act(
            gql,
            app,
            "prereview_pass",
            role="city_reviewer",
            actor="zongshiban",
            judgments=gates_passed(),
        )
    )


async def _scored(gql, app: dict, *shares: float) -> dict:
    for expert, share in zip(EXPERTS, shares):
        app = ok(
            await act(gql, app, "expert_score", role="expert", actor=expert, judgments=sheet(share))
        )
    return app


async def _at_final(gql, *shares: float, **kw) -> dict:
    app = await _scored(gql, await _at_scoring(gql, **kw), *shares)
    app = ok(await act(gql, app, "scoring_close", role="city_reviewer"))
    return ok(
        await act(gql, app, "site_visit_done", role="city_reviewer", comment="场地、设备与申报一致")
    )


@pytest.mark.fast
async def test_call_from_district_to_recognition(client_for):
    gql = await client_for([plugin], today=IN_CALL)
    app = await _draft(gql)
    assert (app["stageId"], app["evaluation"]["schemeVersion"]) == ("draft", "2021.1")

    # 三（一）: the applicant registers with its district, which 汇总申报 to 市综试办
    app = ok(await submit(gql, app))
    assert app["stage"] == {
        "id": "district_review",
        "title": "区、县（市）跨境电商主管部门组织报名、汇总申报",
        "role": "DISTRICT_REVIEWER",
    }
    app = ok(
        await act(
            gql,
            app,
            "district_forward",
            role="district_reviewer",
            actor="xihu-district",
            comment="材料齐全",
        )
    )
    # 三（二）: 预审 decides the judgment gates, three experts score 附件1, a site visit follows
    app = ok(
        await act(
            gql,
            app,
            "prereview_pass",
            role="city_reviewer",
            actor="zongshiban",
            judgments=gates_passed(),
        )
    )
    app = await _scored(gql, app, 0.8, 0.9, 0.7)
    app = ok(await act(gql, app, "scoring_close", role="city_reviewer", actor="zongshiban-2"))
    assert app["stageId"] == "site_visit"
    app = ok(
        await act(
            gql,
            app,
            "expert_rescore",
            role="expert",
            actor="expert-c",
            judgments=[{"criterionId": "score_venue", "points": 10}],
        )
    )
    app = ok(
        await act(
            gql,
            app,
            "site_visit_done",
            role="city_reviewer",
            actor="zongshiban-3",
            comment="考察属实",
        )
    )
    # 三（三）: 终审, 公示 of five working days, recognition
    app = ok(await act(gql, app, "final_select", role="city_reviewer", actor="zongshiban-4"))
    assert app["status"] == "PUBLIC_NOTICE"
    gql.platform.settings.today = (
        "2021-08-18"  # five working days after 2021-08-10 have run (08-11..08-17)
    )
    app = ok(await act(gql, app, "notice_no_objection", role="city_reviewer", actor="zongshiban-5"))
    assert (app["stageId"], app["status"]) == ("recognized", "APPROVED")

    # venue: experts a, b at 8 and 9, expert c's latest 10 -> 9; every other item at 0.8 of its maximum
    assert app["score"] == pytest.approx(9 + 0.8 * 90)
    state = await _state(gql, app)
    assert [r["reviewer"] for r in state["reviews"]] == [
        "xihu-district",
        "zongshiban",
        *EXPERTS,
        "expert-c",
        "zongshiban-3",
    ]
    assert [
        (e["node"]["title"], e["node"]["status"])
        for e in (await gql(RECOGNITIONS))["recognitions"]["edges"]
    ] == [("杭州跨境电商人才社会培训基地", "ACTIVE")]


async def test_scores_count_the_experts_self_scores_are_shown_apart(client_for):
    gql = await client_for([plugin], today=IN_CALL)
    app = await _at_scoring(gql)
    assert app["score"] is None  # nothing scored yet: not in any ranking
    app = ok(
        await act(gql, app, "expert_score", role="expert", actor="expert-a", judgments=sheet(0.5))
    )
    app = ok(
        await act(gql, app, "expert_score", role="expert", actor="expert-a", judgments=sheet(0.6))
    )  # latest counts
    app = ok(
        await act(gql, app, "expert_score", role="expert", actor="expert-b", judgments=sheet(0.8))
    )
    assert app["score"] == pytest.approx(
        70
    )  # mean of 60 and 80; the self-scores (100) are not added
    lines = app["evaluation"]["lines"]
    assert "专家评分合计 70/100（每项取每位专家最近一次评分的平均分）" in lines
    assert "自评总分 100/100（仅供专家参考，不计入总分）" in lines
    assert "附件1 一、1 培训场地及环境：专家平均 7/10（2 位专家）；自评 10" in lines
    assert "基础条件：17.5/25" in lines
    venue = next(r for r in app["criterionResults"] if r["criterionId"] == "score_venue")
    assert (
        venue["outcome"],
        venue["points"],
        venue["maxPoints"],
        venue["values"]["self_score"],
    ) == ("SCORED", 7, 10, 10)
    basics = app["evaluation"]["subtotals"][0]
    assert basics == {"title": "基础条件", "points": 17.5, "maximum": 25, "citation": "附件1 一"}
    assert len(app["evaluation"]["subtotals"]) == 5
    assert sum(s["points"] for s in app["evaluation"]["subtotals"]) == pytest.approx(app["score"])


@pytest.mark.fast
async def test_a_score_above_an_items_maximum_is_refused(client_for):
    gql = await client_for([plugin], today=IN_CALL)
    app = await _at_scoring(gql)
    refused = await act(
        gql,
        app,
        "expert_score",
        role="expert",
        actor="expert-a",
        judgments=sheet(0.8, talent_cultivation=15.5),
    )
    assert codes(refused) == ["SCORE_OUT_OF_RANGE"]
    assert refused["errors"][0]["field"] == ["input", "judgments", "6", "points"]
    assert "人才培育情况 满分 15 分" in refused["errors"][0]["message"]
    state = await _state(gql, app)
    assert (state["version"], state["score"], len(state["reviews"])) == (app["version"], None, 1)


async def test_a_self_score_above_its_maximum_is_refused_by_the_form(client_for):
    gql = await client_for([plugin], today=IN_CALL)
    inst = await register(gql)
    scores = {**form()["self_scores"], "office": 5.5}
    refused = await create(gql, inst["id"], SCHEME, form(self_scores=scores), roundId=ROUND)
    assert codes(refused) == ["INVALID"] and refused["errors"][0]["field"] == [
        "input",
        "form",
        "self_scores",
        "office",
    ]
    assert (await gql(doc.COUNTS))["applications"]["totalCount"] == 0


async def test_scores_and_gate_decisions_belong_to_their_stage(client_for):
    gql = await client_for([plugin], today=IN_CALL)
    app = await _at_prereview(gql)
    refused = await act(
        gql,
        app,
        "prereview_pass",
        role="city_reviewer",
        judgments=[*gates_passed(), {"criterionId": "score_venue", "points": 8}],
    )
    assert codes(refused) == ["INVALID"] and refused["errors"][0]["field"] == [
        "input",
        "judgments",
        "6",
        "criterionId",
    ]
    partial = await act(
        gql, app, "prereview_pass", role="city_reviewer", judgments=gates_passed()[1:]
    )
    assert codes(partial) == ["JUDGMENT_MISSING"]
    assert partial["errors"][0]["field"] == ["judgments", "art1_declarations_verified"]
    assert (await _state(gql, app))["stageId"] == "prereview"

    app = ok(await act(gql, app, "prereview_pass", role="city_reviewer", judgments=gates_passed()))
    refused = await act(
        gql,
        app,
        "expert_score",
        role="expert",
        judgments=[{"criterionId": "art2_4_brand_building", "passed": False}],
    )
    assert codes(refused) == ["INVALID"] and refused["errors"][0]["field"] == [
        "input",
        "judgments",
        "0",
        "criterionId",
    ]
    by_city = await act(gql, app, "expert_score", role="city_reviewer", judgments=sheet())
    assert codes(by_city) == ["ROLE_NOT_ALLOWED"]
    assert len((await _state(gql, app))["reviews"]) == 1


async def test_scoring_closes_only_with_three_complete_sheets(client_for):
    gql = await client_for([plugin], today=IN_CALL)
    app = await _scored(gql, await _at_scoring(gql), 0.8, 0.9)
    app = ok(
        await act(gql, app, "expert_score", role="expert", actor="expert-c", judgments=sheet()[:9])
    )
    refused = await act(gql, app, "scoring_close", role="city_reviewer")
    assert codes(refused) == ["GUARD_FAILED"]
    message = refused["errors"][0]["message"]
    assert "须至少 3 位专家对附件1全部十项评分" in message and "已完成 2 位" in message
    assert "专家 expert-c 尚未评分：人才培育及输送情况反馈" in message
    assert (await _state(gql, app))["stageId"] == "expert_scoring"

    app = ok(
        await act(
            gql,
            app,
            "expert_score",
            role="expert",
            actor="expert-c",
            judgments=[{"criterionId": "score_reputation", "points": 4}],
        )
    )
    assert ok(await act(gql, app, "scoring_close", role="city_reviewer"))["stageId"] == "site_visit"


async def test_final_review_ranks_the_round_and_keeps_ties(client_for):
    gql = await client_for([plugin], today=IN_CALL)
    finals = {}
    for name, share in (
        ("杭州甲跨境培训有限公司", 0.8),
        ("杭州乙跨境培训有限公司", 0.9),
        ("杭州丙跨境培训有限公司", 0.8),
        ("杭州丁跨境培训有限公司", 0.7),
    ):
        finals[name] = await _at_final(gql, share, share, share, name=name)
    unscored = await _at_scoring(gql, name="杭州戊跨境培训有限公司")
    ok(
        await act(
            gql, unscored, "expert_score", role="expert", actor="expert-a", judgments=sheet()[:9]
        )
    )

    ranking = (await gql(RANKING, {"stage": "final_review"}))["ranking"]
    assert [(r["rank"], r["score"], r["application"]["institution"]["name"]) for r in ranking] == [
        (1, 90, "杭州乙跨境培训有限公司"),
        (2, 80, "杭州甲跨境培训有限公司"),
        (2, 80, "杭州丙跨境培训有限公司"),
        (4, 70, "杭州丁跨境培训有限公司"),
    ]
    # a partly scored application has no total and is not ranked at all
    assert len((await gql(RANKING, {"stage": None}))["ranking"]) == 4

    assert codes(
        await act(gql, finals["杭州丁跨境培训有限公司"], "final_decline", role="city_reviewer")
    ) == ["REQUIRED"]
    declined = ok(
        await act(
            gql,
            finals["杭州丁跨境培训有限公司"],
            "final_decline",
            role="city_reviewer",
            comment="综合评定未入选",
        )
    )
    assert declined["status"] == "REJECTED"
    selected = ok(
        await act(gql, finals["杭州乙跨境培训有限公司"], "final_select", role="city_reviewer")
    )
    assert selected["stageId"] == "public_notice"


async def test_public_notice_of_five_working_days_has_run_before_the_recognition(client_for):
    # entered 9-16: 9-17 (1), Saturday 9-18 worked (2), 9-19..21 Mid-Autumn, 9-22 (3), 9-23 (4), 9-24 (5):
    # the notice runs to the end of 9-24, the recognition comes after it
    gql = await client_for([plugin], today=IN_CALL)
    app = await _at_final(gql, 0.8, 0.8, 0.8)
    gql.platform.settings.today = "2021-09-16"
    app = ok(await act(gql, app, "final_select", role="city_reviewer"))
    for closing_day, elapsed in (("2021-09-23", 3), ("2021-09-24", 4)):
        gql.platform.settings.today = closing_day
        result = await act(gql, app, "notice_no_objection", role="city_reviewer")
        assert codes(result) == ["GUARD_FAILED"]
        message = result["errors"][0]["message"]
        assert (
            "须满 5 个工作日" in message and "至 2021-09-24 届满，2021-09-25 起方可办理" in message
        )
        assert f"已满 {elapsed} 个工作日" in message
        assert (await _state(gql, app))["stageId"] == "public_notice"
        assert (await gql(doc.COUNTS))["recognitions"]["totalCount"] == 0
    gql.platform.settings.today = "2021-09-25"
    assert (
        ok(await act(gql, app, "notice_no_objection", role="city_reviewer"))["stageId"]
        == "recognized"
    )
    assert (await gql(doc.COUNTS))["recognitions"]["totalCount"] == 1


@pytest.mark.parametrize(
    "today, allowed",
    [("2021-06-30", False), ("2021-07-01", True), ("2021-08-17", True), ("2021-08-18", False)],
)
async def test_submissions_are_taken_from_opening_to_the_deadline_inclusive(
    client_for, today, allowed
):
    gql = await client_for([plugin], today=today)
    app = await _draft(gql)
    result = await submit(gql, app)
    if allowed:
        assert ok(result)["stageId"] == "district_review"
        return
    assert codes(result) == ["ROUND_CLOSED"] and result["errors"][0]["field"] == ["round"]
    assert ("2021-08-17" if today > "2021-08-17" else "2021-07-01") in result["errors"][0][
        "message"
    ]
    assert (await _state(gql, app))["stageId"] == "draft"


async def test_the_district_cannot_forward_after_the_deadline(client_for):
    gql = await client_for([plugin], today="2021-08-17")
    app = ok(await submit(gql, await _draft(gql)))
    returned = ok(
        await act(
            gql, app, "district_return", role="district_reviewer", comment="请补充讲师学历证书"
        )
    )
    other = ok(await submit(gql, await _draft(gql, name="杭州另一跨境培训有限公司")))
    gql.platform.settings.today = "2021-08-18"
    late = await act(gql, other, "district_forward", role="district_reviewer")
    assert codes(late) == ["ROUND_CLOSED"] and "2021-08-17" in late["errors"][0]["message"]
    assert (await _state(gql, other))["stageId"] == "district_review"
    assert codes(await submit(gql, returned)) == [
        "ROUND_CLOSED"
    ]  # corrections after the deadline come too late


async def test_a_kind_outside_a_round_cannot_be_submitted(client_for):
    gql = await client_for([plugin], today=IN_CALL)
    inst = await register(gql)
    app = ok(await create(gql, inst["id"], SCHEME, form()))
    assert codes(await submit(gql, app)) == ["ROUND_REQUIRED"]


@pytest.mark.parametrize(
    "changes, field",
    [
        (
            {
                "lecturers": [
                    {"name": n, "employment": "full_time", "education": "bachelor"} for n in "甲乙"
                ]
            },
            ["form", "lecturers"],
        ),
        (
            {
                "declarations": {
                    "independent_legal_person": True,
                    "no_training_penalty": False,
                    "truthful": True,
                }
            },
            ["form", "declarations", "no_training_penalty"],
        ),
        (
            {
                "honours": [
                    {"name": "优秀机构", "issuer": "西湖区商务局", "awarded_on": "2021-08-11"}
                ]
            },
            ["form", "honours", "0", "awarded_on"],
        ),
        ({"matching_activities": []}, ["form", "matching_activities"]),
        ({"management_team": []}, ["form", "management_team"]),
    ],
)
async def test_each_gate_refuses_submission_naming_its_field(client_for, changes, field):
    gql = await client_for([plugin], today=IN_CALL)
    app = await _draft(gql, **changes)
    refused = await submit(gql, app)
    assert codes(refused) == ["CRITERION_NOT_MET"] and refused["errors"][0]["field"] == field
    state = await _state(gql, app)
    assert (state["stageId"], state["version"]) == ("draft", app["version"])


async def test_outside_hangzhou_is_refused_by_the_rule(client_for):
    gql = await client_for([plugin], today=IN_CALL)
    refused = await submit(gql, await _draft(gql, division="330200"))
    assert codes(refused) == ["CRITERION_NOT_MET"]
    assert refused["errors"][0]["field"] == ["criteria", "art1_registered_in_hangzhou"]


async def test_one_live_application_per_institution(client_for):
    gql = await client_for([plugin], today=IN_CALL)
    inst = await register(gql)
    first = ok(await submit(gql, ok(await create(gql, inst["id"], SCHEME, form(), roundId=ROUND))))
    second = ok(await create(gql, inst["id"], SCHEME, form(), roundId=ROUND))
    refused = await submit(gql, second)
    assert (
        codes(refused) == ["CRITERION_NOT_MET"]
        and f"申请 {first['databaseId']} 正在办理中" in refused["errors"][0]["message"]
    )
    ok(await act(gql, first, "district_decline", role="district_reviewer", comment="不属于本区"))
    second = await _state(gql, second)
    assert ok(await submit(gql, second))["stageId"] == "district_review"


async def test_worked_examples_load_as_drafts_of_the_closed_call(client_for):
    from core.demo import load_demo

    gql = await client_for([plugin], today="2026-11-25")
    assert await load_demo(gql.platform) == 2
    query = """{ applications(filter: {schemeId: "hz_crossborder"}, first: 10) { edges { node {
      stageId criterionResults { criterionId kind outcome } institution { divisionName } } } } }"""
    nodes = [e["node"] for e in (await gql(query))["applications"]["edges"]]
    assert [(n["stageId"], n["institution"]["divisionName"]) for n in nodes] == [
        ("draft", "滨江区"),
        ("draft", "临平区"),
    ]
    failing = [
        [
            r["criterionId"]
            for r in n["criterionResults"]
            if r["kind"] == "GATE" and r["outcome"] == "FAIL"
        ]
        for n in nodes
    ]
    assert failing == [[], ["art2_2_full_time_lecturers"]]
