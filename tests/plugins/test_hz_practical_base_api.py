"""hz_practical_base through the GraphQL API, as the bureau, the experts and a base would use it:
from 申报 to 授予名称和铭牌, then the biennial assessment (附件3) to a grade, and 撤销并摘牌 on
不合格; every refusal names its field or rule and leaves the database unchanged."""

from __future__ import annotations

import pytest

from plugins.hz_practical_base import plugin
from tests.plugins.hz_practical_base_forms import (
    ASSESSMENT,
    ENTERPRISE,
    SCHOOL,
    all_pass,
    form,
    scores,
)
from tests.support import documents as doc
from tests.support.helpers import act, codes, create, ok, register, submit

SCHEME = "hz_practical_base"
EDIT = doc.EDIT


async def _state(gql, app: dict) -> dict:
    return (await gql(doc.APPLICATION, {"id": app["id"]}))["application"]


async def _granted(
    gql, *, org_type: str = "TECHNICIAN_COLLEGE", data: dict = SCHOOL
) -> tuple[dict, dict]:
    """Given a base recognised through the whole procedure of 二（三）: (institution, recognition)."""
    inst = await register(gql, org_type=org_type, name="杭州西湖示例技师学院")
    app = ok(await create(gql, inst["id"], SCHEME, form(data)))
    app = ok(await submit(gql, app))
    app = ok(await act(gql, app, "accept", role="city_reviewer", actor="city-hrss"))
    app = ok(
        await act(
            gql,
            app,
            "expert_pass",
            role="expert",
            actor="expert-a",
            comment="现场考察属实",
            judgments=all_pass(),
        )
    )
    app = ok(await act(gql, app, "shortlist", role="city_reviewer", actor="city-hrss-2"))
    ok(await act(gql, app, "grant", role="city_reviewer", actor="city-hrss-3"))
    held = (await gql(doc.INSTITUTION, {"id": inst["id"]}))["institution"]["recognitions"]
    return inst, held[0]


async def _assessment(gql, inst: dict, rec: dict, **changes) -> dict:
    """Given an assessment the bureau opened and the base filled in and submitted (五（一）)."""
    opened = ok(
        await create(
            gql,
            inst["id"],
            SCHEME,
            {"years": [{"year": 2024}, {"year": 2025}]},
            kind="biennial_assessment",
            role="city_reviewer",
            recognitionId=rec["id"],
        )
    )
    edit = {
        "id": opened["id"],
        "expectedVersion": opened["version"],
        "form": form(ASSESSMENT, **changes),
    }
    filled = ok((await gql(EDIT, {"input": edit}, role="applicant"))["editApplication"])
    return ok(await act(gql, filled, "submit_report", role="applicant"))


async def _scored(gql, app: dict, judgments: list[dict]) -> dict:
    app = ok(await act(gql, app, "forward_to_experts", role="city_reviewer"))
    app = ok(
        await act(
            gql,
            app,
            "expert_score",
            role="expert",
            actor="expert-a",
            comment="评分",
            judgments=judgments,
        )
    )
    return ok(await act(gql, app, "experts_done", role="expert", actor="expert-a"))


@pytest.mark.fast
async def test_recognition_to_name_and_plaque_then_assessment_passes(client_for):
    gql = await client_for([plugin])
    inst, rec = await _granted(gql)
    # 二（三）2: 名称 = 杭州市公共实训基地 + 名称或区域 + 分基地; the plaque is the scheme's uniform title
    assert (rec["title"], rec["status"], rec["banUntil"]) == (
        "杭州市公共实训基地西湖技师学院分基地",
        "ACTIVE",
        None,
    )
    query = '{ scheme(id: "hz_practical_base") { recognitionTitle documentNumber jurisdiction } }'
    scheme = (await gql(query))["scheme"]
    assert scheme == {
        "recognitionTitle": "杭州市高技能人才公共实训基地",
        "documentNumber": "杭人社发〔2023〕115号",
        "jurisdiction": "330100",
    }

    # 五（一）: full marks on the facts (60 automatic + 40 by the experts) and a 10-point bonus
    app = await _assessment(
        gql,
        inst,
        rec,
        competitions=[{"name": "杭州市数控车工技能大赛", "level": "city", "held_on": "2025-05-20"}]
        * 5,
    )
    assert app["stageId"] == "city_verification" and app["grade"] is None
    app = await _scored(gql, app, scores())
    assert (app["stageId"], app["score"], app["grade"]) == ("decision", 110.0, "优秀")
    assert app["evaluation"]["maximum"] == 120 and app["evaluation"]["passed"] is True
    refused = await act(gql, app, "revoke", role="city_reviewer", comment="试图撤销")
    assert codes(refused) == ["GUARD_FAILED"] and "优秀" in refused["errors"][0]["message"]
    app = ok(await act(gql, app, "confirm_pass", role="city_reviewer"))
    assert app["stageId"] == "passed"
    held = (await gql(doc.INSTITUTION, {"id": inst["id"]}))["institution"]["recognitions"]
    assert [r["status"] for r in held] == ["ACTIVE"]


@pytest.mark.parametrize(
    "service, expert_points, bonus_events, total, grade",
    [
        (1600, 39, 0, 99, "优秀"),
        (1600, 30, 0, 90, "优秀"),  # 90分及以上
        (1600, 29.99, 0, 89.99, "良好"),  # exact decimals: not rounded up into 优秀
        (1600, 20, 0, 80, "良好"),
        (1600, 19, 0, 79, "合格"),
        (1600, 0, 0, 60, "合格"),  # 60 is 合格 (60—79): “60分以下” read as below 60
        (300, 19, 0, 59, "不合格"),  # 40 automatic (service tier 10) + 19 = 59
        (300, 19, 1, 61, "合格"),  # the bonus counts toward the grade (五（一）)
        (300, 0, 5, 50, "不合格"),
    ],
)
async def test_grade_bands_at_each_boundary(
    client_for, service, expert_points, bonus_events, total, grade
):
    gql = await client_for([plugin])
    inst, rec = await _granted(gql)
    years = [{**y, "external_service_person_times": service} for y in ASSESSMENT["years"]]
    events = [{"name": f"公益培训{i}", "held_on": "2025-03-01"} for i in range(bonus_events)]
    app = await _assessment(gql, inst, rec, years=years, public_welfare_services=events)
    app = await _scored(gql, app, scores(total=expert_points))
    assert (app["score"], app["grade"]) == (total, grade), app["evaluation"]["lines"]
    action = "revoke" if grade == "不合格" else "confirm_pass"
    other = "confirm_pass" if grade == "不合格" else "revoke"
    refused = await act(gql, app, other, role="city_reviewer", comment="意见")
    assert codes(refused) == ["GUARD_FAILED"]
    assert (await _state(gql, app))["stageId"] == "decision"
    ok(await act(gql, app, action, role="city_reviewer", comment="考核结果"))


async def test_panel_mean_is_rounded_to_cents_before_grading(client_for):
    gql = await client_for([plugin])
    inst, rec = await _granted(gql)
    app = await _assessment(gql, inst, rec)
    app = ok(await act(gql, app, "forward_to_experts", role="city_reviewer"))
    app = ok(
        await act(
            gql,
            app,
            "expert_score",
            role="expert",
            actor="expert-a",
            comment="评分",
            judgments=scores(annex3_02_equipment=14),
        )
    )
    app = ok(
        await act(
            gql,
            app,
            "expert_score",
            role="expert",
            actor="expert-b",
            comment="评分",
            judgments=scores(annex3_02_equipment=14, annex3_10_statistics=9),
        )
    )
    app = ok(
        await act(
            gql,
            app,
            "expert_score",
            role="expert",
            actor="expert-c",
            comment="评分",
            judgments=scores(annex3_02_equipment=15, annex3_10_statistics=9),
        )
    )
    # item 2: (14 + 14 + 15) / 3 = 14.333… -> 14.33; item 10: (10 + 9 + 9) / 3 = 9.333… -> 9.33
    assert app["score"] == 60 + 14.33 + 4 + 3 + 3 + 9.33 + 5
    assert any("14.33/15（3位专家的平均分）" in line for line in app["evaluation"]["lines"])


async def test_automatic_fail_ground_revokes_without_scoring_and_allows_a_new_application(
    client_for,
):
    gql = await client_for([plugin])
    inst, rec = await _granted(gql)
    opened = ok(
        await create(
            gql,
            inst["id"],
            SCHEME,
            {"years": [{"year": 2024}, {"year": 2025}]},
            kind="biennial_assessment",
            role="city_reviewer",
            recognitionId=rec["id"],
        )
    )
    # 五（三）1: the base does not take part; the bureau records it and concludes
    assert codes(await act(gql, opened, "record_refusal", role="city_reviewer")) == ["REQUIRED"]
    app = ok(
        await act(
            gql,
            opened,
            "record_refusal",
            role="city_reviewer",
            comment="逾期未提交考核材料且拒绝现场考核",
        )
    )
    refused = await act(
        gql, app, "conclude_without_scoring", role="city_reviewer", comment="直接认定不合格"
    )
    assert codes(refused) == ["GUARD_FAILED"] and "五（三）" in refused["errors"][0]["message"]
    app = ok(
        (
            await gql(
                EDIT,
                {
                    "input": {
                        "id": app["id"],
                        "expectedVersion": app["version"],
                        "form": {
                            "years": [{"year": 2024}, {"year": 2025}],
                            "automatic_fail_grounds": ["refused_assessment"],
                            "automatic_fail_facts": "2026年3月书面通知后拒绝接受考核",
                        },
                    }
                },
                role="city_reviewer",
            )
        )["editApplication"]
    )
    assert app["grade"] == "不合格" and app["evaluation"]["passed"] is False
    app = ok(
        await act(gql, app, "conclude_without_scoring", role="city_reviewer", comment="五（三）1")
    )
    refused = await act(gql, app, "confirm_pass", role="city_reviewer")
    assert codes(refused) == ["GUARD_FAILED"] and "不合格" in refused["errors"][0]["message"]
    app = ok(await act(gql, app, "revoke", role="city_reviewer", comment="考核不合格，撤销并摘牌"))
    assert (app["stageId"], app["status"]) == ("revoked", "REJECTED")
    held = (await gql(doc.INSTITUTION, {"id": inst["id"]}))["institution"]["recognitions"]
    assert [(r["status"], r["endedOn"], r["banUntil"]) for r in held] == [
        ("REVOKED", "2026-03-02", None)
    ]
    # no re-application ban is stated: a new application may be submitted at once
    again = ok(await create(gql, inst["id"], SCHEME, form(SCHOOL)))
    assert ok(await submit(gql, again))["stageId"] == "city_acceptance"


async def test_auto_fail_ground_overrides_full_points(client_for):
    gql = await client_for([plugin])
    inst, rec = await _granted(gql)
    app = await _assessment(gql, inst, rec)
    app = ok(
        (
            await gql(
                EDIT,
                {
                    "input": {
                        "id": app["id"],
                        "expectedVersion": app["version"],
                        "form": form(
                            ASSESSMENT,
                            automatic_fail_grounds=["verified_misconduct"],
                            automatic_fail_facts="实训中发生重大安全事故",
                        ),
                    }
                },
                role="city_reviewer",
            )
        )["editApplication"]
    )
    app = await _scored(gql, app, scores())
    assert (app["score"], app["grade"]) == (100.0, "不合格")


async def test_expert_cannot_score_what_the_facts_say_is_missing(client_for):
    gql = await client_for([plugin])
    inst, rec = await _granted(gql)
    app = await _assessment(
        gql, inst, rec, equipment_owned_items=0, equipment_leased_items=30, operating_rules=[]
    )
    app = ok(await act(gql, app, "forward_to_experts", role="city_reviewer"))
    judgments = scores()
    refused = await act(
        gql, app, "expert_score", role="expert", comment="评分", judgments=judgments
    )
    assert codes(refused) == ["SCORE_OUT_OF_RANGE", "SCORE_OUT_OF_RANGE"]
    assert [e["field"] for e in refused["errors"]] == [
        ["input", "judgments", "0", "points"],
        ["input", "judgments", "1", "points"],
    ]
    assert "设备均属租赁" in refused["errors"][0]["message"]
    state = await _state(gql, app)
    assert (state["version"], state["reviews"]) == (app["version"], [])
    # above an item's maximum is refused by core
    over = await act(
        gql,
        app,
        "expert_score",
        role="expert",
        comment="评分",
        judgments=scores(annex3_07_process=4),
    )
    assert "SCORE_OUT_OF_RANGE" in codes(over)
    app = ok(
        await act(
            gql,
            app,
            "experts_done",
            role="expert",
            comment="评分",
            judgments=scores(annex3_02_equipment=0, annex3_06_operating_rules=0),
        )
    )
    assert app["score"] == 100 - 15 - 4


async def test_experts_done_needs_every_scored_item(client_for):
    gql = await client_for([plugin])
    inst, rec = await _granted(gql)
    app = await _assessment(gql, inst, rec)
    app = ok(await act(gql, app, "forward_to_experts", role="city_reviewer"))
    app = ok(
        await act(gql, app, "expert_score", role="expert", comment="部分", judgments=scores()[:5])
    )
    refused = await act(gql, app, "experts_done", role="expert")
    assert codes(refused) == ["GUARD_FAILED"] and "附件3 第11项" in refused["errors"][0]["message"]
    assert app["grade"] is None and any(
        "暂不评定等级" in line for line in app["evaluation"]["lines"]
    )
    done = ok(
        await act(
            gql,
            app,
            "experts_done",
            role="expert",
            judgments=[{"criterionId": "annex3_11_ledger", "points": 5}],
        )
    )
    assert (done["stageId"], done["grade"]) == ("decision", "优秀")


async def test_only_the_bureau_opens_an_assessment_and_it_concerns_a_recognition(client_for):
    gql = await client_for([plugin])
    inst, rec = await _granted(gql)
    by_base = await create(
        gql, inst["id"], SCHEME, ASSESSMENT, kind="biennial_assessment", recognitionId=rec["id"]
    )
    assert codes(by_base) == ["ROLE_NOT_ALLOWED"]
    without = await create(
        gql, inst["id"], SCHEME, ASSESSMENT, kind="biennial_assessment", role="city_reviewer"
    )
    assert codes(without) == ["RECOGNITION_REQUIRED"]
    assert (await gql(doc.COUNTS))["applications"]["totalCount"] == 1


async def test_enterprise_is_held_to_the_enterprise_standards_only(client_for):
    gql = await client_for([plugin])
    inst = await register(gql, org_type="ENTERPRISE")
    app = ok(await create(gql, inst["id"], SCHEME, form(ENTERPRISE)))
    results = {r["criterionId"]: r for r in app["criterionResults"]}
    school_item = results["annex1_1_1_enrolment"]
    assert school_item["outcome"] == "INFO" and school_item["rule"].startswith("不适用于企业")
    assert results["annex1_2_2_training_funds"]["outcome"] == "PASS"
    assert ok(await submit(gql, app))["stageId"] == "city_acceptance"


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"school_standards": None}, ["form", "school_standards"]),
        (
            {"office": {"address": "杭州市西湖区某路", "area_m2": 50, "tenure": "leased"}},
            ["form", "office", "tenure"],
        ),
        (
            {"projects": [{**SCHOOL["projects"][0], "site_tenure": "leased"}]},
            ["form", "projects", "0", "site_tenure"],
        ),
        ({"matching_funds_committed": False}, ["form", "matching_funds_committed"]),
    ],
)
async def test_ineligible_submission_is_refused_naming_the_field(client_for, changes, field):
    gql = await client_for([plugin])
    inst = await register(gql, org_type="TECHNICIAN_COLLEGE")
    app = ok(await create(gql, inst["id"], SCHEME, form(SCHOOL, **changes)))
    refused = await submit(gql, app)
    assert codes(refused) == ["CRITERION_NOT_MET"] and refused["errors"][0]["field"] == field
    state = await _state(gql, app)
    assert (state["stageId"], state["version"]) == ("draft", app["version"])


async def test_invalid_name_segment_is_refused_with_its_path(client_for):
    gql = await client_for([plugin])
    inst = await register(gql, org_type="TECHNICIAN_COLLEGE")
    for bad in ("杭州市公共实训基地西湖分基地", "西湖分基地", "西 湖", "西"):
        refused = await create(gql, inst["id"], SCHEME, form(SCHOOL, requested_name=bad))
        errors = [(e["code"], e["field"]) for e in refused["errors"]]
        assert errors == [("INVALID", ["input", "form", "requested_name"])], bad
    assert (await gql(doc.COUNTS))["applications"]["totalCount"] == 0


async def test_experts_decide_the_judgment_gates_before_the_list_is_drawn_up(client_for):
    gql = await client_for([plugin])
    inst = await register(gql, org_type="TECHNICIAN_COLLEGE")
    app = ok(await submit(gql, ok(await create(gql, inst["id"], SCHEME, form(SCHOOL)))))
    assert codes(await act(gql, app, "grant", role="city_reviewer")) == ["TRANSITION_NOT_ALLOWED"]
    app = ok(await act(gql, app, "accept", role="city_reviewer"))
    partial = await act(
        gql, app, "expert_pass", role="expert", comment="部分", judgments=all_pass()[:3]
    )
    assert codes(partial) == ["JUDGMENT_MISSING"]
    assert partial["errors"][0]["field"] == ["judgments", "art2_3_2_site_inspection"]
    ok(
        await act(
            gql,
            app,
            "expert_opinion",
            role="expert",
            actor="expert-b",
            comment="设备部分租赁",
            judgments=[{"criterionId": "art2_3_2_site_inspection", "passed": False}],
        )
    )
    app = await _state(gql, app)
    refused = await act(
        gql,
        app,
        "expert_pass",
        role="expert",
        actor="expert-a",
        comment="符合",
        judgments=all_pass(),
    )
    assert codes(refused) == ["CRITERION_NOT_MET"]
    assert (await gql(doc.COUNTS))["recognitions"]["totalCount"] == 0


async def test_worked_examples_load_as_demo_data(client_for):
    from core.demo import load_demo

    gql = await client_for([plugin], today="2026-11-25")
    assert await load_demo(gql.platform) == 3
    query = """{ applications(filter: {schemeId: "hz_practical_base"}, first: 10) { edges { node { stageId
      institution { divisionName recognitions { title } } } } } }"""
    nodes = [e["node"] for e in (await gql(query))["applications"]["edges"]]
    assert [(n["stageId"], n["institution"]["divisionName"]) for n in nodes] == [
        ("recognized", "钱塘区"),
        ("expert_assessment", "余杭区"),
        ("draft", "富阳区"),
    ]
    assert nodes[0]["institution"]["recognitions"] == [
        {"title": "杭州市公共实训基地钱塘智能制造分基地"}
    ]
