"""hz_outsourcing through the GraphQL API, as a client would use it: from draft to recognition,
to revocation with a ban; and the refusals, each naming its field or rule and changing nothing."""

from __future__ import annotations

import pytest

from plugins.hz_outsourcing import plugin
from tests.plugins.hz_outsourcing_forms import all_pass, form
from tests.support import documents as doc
from tests.support.helpers import act, codes, create, ok, register, submit

SCHEME = "hz_outsourcing"


async def _draft(gql, **changes) -> tuple[dict, dict]:
    inst = await register(gql, division=changes.pop("division", "330106"))
    return inst, ok(await create(gql, inst["id"], SCHEME, form(**changes)))


async def _state(gql, app: dict) -> dict:
    return (await gql(doc.APPLICATION, {"id": app["id"]}))["application"]


@pytest.mark.fast
async def test_draft_to_recognition_to_revocation_with_ban(client_for):
    gql = await client_for([plugin])
    inst, app = await _draft(gql)
    assert app["stageId"] == "draft"
    assert (
        "hz_outsourcing" in app["evaluation"]["plugin"]
        and app["evaluation"]["schemeVersion"] == "2021.1"
    )

    # 第七条: the applicant submits to the district commerce department, which reviews first
    app = ok(await submit(gql, app))
    assert app["stage"] == {
        "id": "district_review",
        "title": "区、县（市）商务部门初审",
        "role": "DISTRICT_REVIEWER",
    }
    app = ok(
        await act(
            gql,
            app,
            "district_approve",
            role="district_reviewer",
            actor="xihu-commerce",
            comment="材料齐全",
        )
    )
    # 第八条: the city bureau reviews, experts judge what the text leaves to judgment, public notice
    app = ok(await act(gql, app, "city_forward", role="city_reviewer", actor="city-commerce"))
    app = ok(
        await act(
            gql,
            app,
            "expert_pass",
            role="expert",
            actor="expert-a",
            comment="符合",
            judgments=all_pass(),
        )
    )
    assert app["status"] == "PUBLIC_NOTICE"
    # 第九条: no objection -> recognised
    app = ok(
        await act(gql, app, "notice_no_objection", role="city_reviewer", actor="city-commerce")
    )
    assert (app["stageId"], app["status"]) == ("recognized", "APPROVED")

    held = (await gql(doc.INSTITUTION, {"id": inst["id"]}))["institution"]["recognitions"]
    assert [(r["title"], r["status"], r["grantedOn"]) for r in held] == [
        ("杭州市服务外包人才培训机构", "ACTIVE", "2026-03-02")
    ]
    recognition = held[0]["id"]

    # the full history is explainable: every change, who made it, and the judgments
    state = await _state(gql, app)
    assert [e["action"] for e in state["events"]] == (
        ["application.created"] + ["application.transitioned"] * 5 + ["recognition.granted"]
    )
    assert [r["reviewer"] for r in state["reviews"]] == ["xihu-commerce", "expert-a"]
    scale = next(
        r for r in state["criterionResults"] if r["criterionId"] == "art6_3_training_scale"
    )
    assert scale["citation"] == "第六条（三）" and scale["outcome"] == "PASS"

    # 第十五条: the city bureau revokes; 三年内不得再次申报
    case = ok(
        await create(
            gql,
            inst["id"],
            SCHEME,
            {"ground": "fraud", "facts": "申报的培训人数与台账不符"},
            kind="revocation",
            role="city_reviewer",
            recognitionId=recognition,
        )
    )
    case = ok(await act(gql, case, "submit", role="city_reviewer"))
    case = ok(
        await act(
            gql,
            case,
            "revoke",
            role="city_reviewer",
            comment="第十五条（一）申请过程中故意弄虚作假",
        )
    )
    assert case["stageId"] == "revoked"
    rec = (await gql(doc.INSTITUTION, {"id": inst["id"]}))["institution"]["recognitions"][0]
    assert (rec["status"], rec["endedOn"], rec["banUntil"]) == (
        "REVOKED",
        "2026-03-02",
        "2029-03-02",
    )
    assert (
        rec["endReason"]
        == "第十五条（一） 申请过程中故意弄虚作假的：第十五条（一）申请过程中故意弄虚作假"
    )

    # the three years run from 2026-03-03 to 2029-03-02, the anniversary itself still inside
    again = ok(await create(gql, inst["id"], SCHEME, form()))
    for today in ("2026-03-02", "2029-03-01", "2029-03-02"):
        gql.platform.settings.today = today
        refused = await submit(gql, again)
        assert codes(refused) == ["BANNED"], today
        assert (
            "至 2029-03-02（含当日）不得再次申报，2029-03-03 起方可申报"
            in refused["errors"][0]["message"]
        )
        assert (await _state(gql, again))["stageId"] == "draft"
    gql.platform.settings.today = "2029-03-03"
    assert ok(await submit(gql, again))["stageId"] != "draft"


async def test_a_cancellation_at_the_check_records_its_ground_and_carries_no_ban(client_for):
    # 第十四条 限期整改，直至取消原认定: its own ground, to which 第十五条's three-year ban does not attach
    gql = await client_for([plugin], today="2026-03-02")
    inst, app = await _draft(gql)
    app = ok(await submit(gql, app))
    app = ok(await act(gql, app, "district_approve", role="district_reviewer"))
    app = ok(await act(gql, app, "city_forward", role="city_reviewer"))
    app = ok(
        await act(gql, app, "expert_pass", role="expert", comment="符合", judgments=all_pass())
    )
    ok(await act(gql, app, "notice_no_objection", role="city_reviewer"))
    rec = (await gql(doc.INSTITUTION, {"id": inst["id"]}))["institution"]["recognitions"][0]
    gql.platform.settings.today = "2028-03-02"
    check = ok(
        await create(
            gql, inst["id"], SCHEME, form(), kind="biennial_check", recognitionId=rec["id"]
        )
    )
    check = ok(await act(gql, check, "submit", role="applicant"))
    check = ok(
        await act(
            gql, check, "check_rectify", role="city_reviewer", comment="培训台账不全，限期整改"
        )
    )
    gql.platform.settings.today = "2028-04-02"  # 30 days from 03-03 ran to 04-01
    ok(await act(gql, check, "revoke_overdue", role="city_reviewer", comment="逾期未提交整改情况"))
    rec = (await gql(doc.INSTITUTION, {"id": inst["id"]}))["institution"]["recognitions"][0]
    assert (rec["status"], rec["endedOn"], rec["banUntil"]) == ("REVOKED", "2028-04-02", None)
    assert rec["endReason"] == "第十四条 逾期未整改，取消原认定：逾期未提交整改情况"
    again = ok(await create(gql, inst["id"], SCHEME, form()))
    assert ok(await submit(gql, again))["stageId"] == "district_review"


@pytest.mark.parametrize(
    "changes, field, passes",
    [
        (
            {"training_started_on": "2024-03-02"},
            "training_started_on",
            True,
        ),  # 2 years exactly: 以上 includes
        ({"training_started_on": "2024-03-03"}, "training_started_on", False),  # one day short
        ({"trainees_cumulative": 500, "trainees_recent_half_year": 0}, "trainees_cumulative", True),
        (
            {"trainees_cumulative": 499, "trainees_recent_half_year": 199},
            "trainees_cumulative",
            False,
        ),
        (
            {"trainees_cumulative": 499, "trainees_recent_half_year": 200},
            "trainees_cumulative",
            True,
        ),  # or: 近半年200人以上
        ({"trainees_cumulative": 501, "trainees_recent_half_year": 0}, "trainees_cumulative", True),
        ({"independent_legal_person": False}, "independent_legal_person", False),
        ({"business_in_operation": False}, "business_in_operation", False),
        ({"no_fiscal_arrears": False}, "no_fiscal_arrears", False),
        ({"attends_inspections": False}, "attends_inspections", False),
        ({"equipment": []}, "equipment", False),
        ({"issues_certificates": False}, "issues_certificates", False),
        (
            {
                "management_rules_topics": [
                    "planning",
                    "organisation",
                    "discipline",
                    "faculty",
                    "enrolment",
                    "fees",
                ]
            },
            "management_rules_topics",
            False,
        ),
    ],
)
async def test_each_article_6_threshold_at_and_beside_its_boundary(
    client_for, changes, field, passes
):
    gql = await client_for([plugin])
    _, app = await _draft(gql, **changes)
    result = await submit(gql, app)
    if passes:
        assert result["errors"] == []
        return
    assert codes(result) == ["CRITERION_NOT_MET"]
    assert result["errors"][0]["field"] == ["form", field]
    assert "第六条" in result["errors"][0]["message"]
    state = await _state(gql, app)
    assert (state["stageId"], state["version"]) == ("draft", app["version"])


async def test_institution_registered_outside_hangzhou_is_not_eligible(client_for):
    gql = await client_for([plugin])
    _, app = await _draft(gql, division="330200")
    result = await submit(gql, app)
    assert (
        codes(result) == ["CRITERION_NOT_MET"] and "第六条（一）1" in result["errors"][0]["message"]
    )


async def test_skipping_a_stage_is_refused(client_for):
    gql = await client_for([plugin])
    _, app = await _draft(gql)
    app = ok(await submit(gql, app))
    refused = await act(gql, app, "notice_no_objection", role="city_reviewer")
    assert (
        codes(refused) == ["TRANSITION_NOT_ALLOWED"]
        and "district_approve" in refused["errors"][0]["message"]
    )
    assert (await _state(gql, app))["stageId"] == "district_review"
    assert (await gql(doc.COUNTS))["recognitions"]["totalCount"] == 0


async def test_expert_pass_needs_every_judgment_gate(client_for):
    gql = await client_for([plugin])
    _, app = await _draft(gql)
    app = ok(await submit(gql, app))
    app = ok(await act(gql, app, "district_approve", role="district_reviewer"))
    app = ok(await act(gql, app, "city_forward", role="city_reviewer"))
    partial = await act(
        gql, app, "expert_pass", role="expert", comment="部分", judgments=all_pass()[:4]
    )
    assert codes(partial) == ["JUDGMENT_MISSING"] and partial["errors"][0]["field"] == [
        "judgments",
        "art6_7_textbooks",
    ]
    # a panel member's "fail" is not overridden by another member's "pass"
    ok(
        await act(
            gql,
            app,
            "expert_opinion",
            role="expert",
            actor="expert-b",
            comment="师资不足",
            judgments=[{"criterionId": "art6_4_teachers", "passed": False}],
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
    assert codes(refused) == ["CRITERION_NOT_MET"] and refused["errors"][0]["field"] == [
        "judgments",
        "art6_4_teachers",
    ]


async def test_edit_after_submission_is_refused(client_for):
    gql = await client_for([plugin])
    _, app = await _draft(gql)
    app = ok(await submit(gql, app))
    edit = (
        await gql(
            doc.EDIT,
            {
                "input": {
                    "id": app["id"],
                    "expectedVersion": app["version"],
                    "form": form(trainees_cumulative=9999),
                }
            },
            role="applicant",
        )
    )["editApplication"]
    assert codes(edit) == ["NOT_EDITABLE"] and edit["errors"][0]["field"] == ["input", "id"]
    state = await _state(gql, app)
    assert state["form"]["trainees_cumulative"] == 500 and state["version"] == app["version"]


async def test_returned_application_can_be_corrected_and_resubmitted(client_for):
    gql = await client_for([plugin])
    _, app = await _draft(gql)
    app = ok(await submit(gql, app))
    assert codes(await act(gql, app, "district_return", role="district_reviewer")) == ["REQUIRED"]
    app = ok(
        await act(gql, app, "district_return", role="district_reviewer", comment="请补充教材清单")
    )
    assert app["stageId"] == "draft"
    app = ok(
        (
            await gql(
                doc.EDIT,
                {
                    "input": {
                        "id": app["id"],
                        "expectedVersion": app["version"],
                        "form": form(equipment=["计算机 80 台"]),
                    }
                },
                role="applicant",
            )
        )["editApplication"]
    )
    assert ok(await submit(gql, app))["stageId"] == "district_review"


@pytest.mark.fast
async def test_invalid_form_names_the_field(client_for):
    gql = await client_for([plugin])
    inst = await register(gql)
    bad = await create(gql, inst["id"], SCHEME, form(trainees_cumulative=-5, unknown_field=1))
    fields = sorted(tuple(e["field"]) for e in bad["errors"])
    assert fields == [("input", "form", "trainees_cumulative"), ("input", "form", "unknown_field")]
    assert (await gql(doc.COUNTS))["applications"]["totalCount"] == 0


async def test_worked_examples_load_as_demo_data(client_for):
    from core.demo import load_demo

    gql = await client_for([plugin], today="2026-11-25")
    assert await load_demo(gql.platform) == 3
    query = """{ applications(filter: {schemeId: "hz_outsourcing"}, first: 10) { edges { node { stageId institution { divisionName } } } } }"""
    nodes = [e["node"] for e in (await gql(query))["applications"]["edges"]]
    assert [(n["stageId"], n["institution"]["divisionName"]) for n in nodes] == [
        ("recognized", "滨江区"),
        ("district_review", "萧山区"),
        ("draft", "临安区"),
    ]


async def test_the_dry_run_of_a_check_evaluates_it_against_the_recognition_it_concerns(client_for):
    from core.demo import load_demo

    gql = await client_for([plugin], today="2026-11-25")
    await load_demo(gql.platform)
    held = (
        await gql(
            "{ recognitions(first: 1) { edges { node { id grantedOn institution { id } } } } }"
        )
    )["recognitions"]
    rec = held["edges"][0]["node"]
    query = """query($input: DryRunInput!) { evaluate(input: $input) {
      results { criterionId outcome rule values } errors { field code } } }"""
    check = {
        "institutionId": rec["institution"]["id"],
        "schemeId": SCHEME,
        "kind": "biennial_check",
        "form": form(),
    }

    cycle = (await gql(query, {"input": {**check, "recognitionId": rec["id"]}}))["evaluate"]
    result = next(r for r in cycle["results"] if r["criterionId"] == "art14_check_cycle")
    assert (
        cycle["errors"] == []
        and result["values"]["since"] == rec["grantedOn"]
        and "已满0年" in result["rule"]
    )
    none = (await gql(query, {"input": check}))[
        "evaluate"
    ]  # without it: what the criterion says of none
    assert [r["rule"] for r in none["results"] if r["criterionId"] == "art14_check_cycle"] == [
        "未关联认定记录"
    ]
    # as on creation: the recognition must be this institution's under this scheme, for a kind concerning one
    other = await register(gql)
    elsewhere = (
        await gql(
            query, {"input": {**check, "institutionId": other["id"], "recognitionId": rec["id"]}}
        )
    )["evaluate"]
    assert elsewhere["errors"] == [{"field": ["input", "recognitionId"], "code": "NOT_FOUND"}]
    not_a_recognition = (await gql(query, {"input": {**check, "recognitionId": other["id"]}}))[
        "evaluate"
    ]
    assert not_a_recognition["errors"] == [
        {"field": ["input", "recognitionId"], "code": "NOT_FOUND"}
    ]
    recognition_kind = (
        await gql(query, {"input": {**check, "kind": "recognition", "recognitionId": rec["id"]}})
    )["evaluate"]
    assert recognition_kind["errors"] == [{"field": ["input", "recognitionId"], "code": "INVALID"}]


async def test_each_policy_number_applied_is_given_with_its_article_and_date(client_for):
    gql = await client_for([plugin])
    inst, app = await _draft(gql)
    dry = await gql(
        """query($i: DryRunInput!) { evaluate(input: $i) { results { criterionId parameters } } }""",
        {"i": {"institutionId": inst["id"], "schemeId": SCHEME, "form": form()}},
        role="applicant",
    )
    stored = (await _state(gql, app))["criterionResults"]
    for results in (dry["evaluate"]["results"], stored):
        [years] = [r["parameters"] for r in results if r["criterionId"] == "art6_2_training_years"]
        assert years == [
            {
                "name": "min_training_years",
                "value": 2,
                "since": "2021-12-20",
                "reference": "第六条（二）",
                "description": "培训从业时间下限（整年，含本数：“2年以上”）",
            }
        ]
