"""linan_training after the class: assessments and retakes (第九至十一条), subsidies (第十二、十三条), the
annual evaluation (第十四、十五条) and supervision cases (第十六条), through the GraphQL API."""

from __future__ import annotations

import pytest

from plugins.linan_training import plugin
from tests.plugins.linan_training_forms import (
    FANG,
    LI,
    WANG,
    YU,
    ZHAO,
    annual,
    approved,
    class_filing,
    designated,
    draft,
    edit,
    exam,
    pool,
    recognitions,
    state,
    subsidy,
    teacher,
    trainee,
)
from tests.support.helpers import act, codes, ok, submit

TEXTBOOKS = "art6_textbooks_verified"


async def _class_ended(
    client_for, today: str = "2026-09-01", start: str = "2026-09-14", end: str = "2026-09-30"
):
    """A designated institution, its pool, and an approved class; the clock is moved past the end."""
    gql = await client_for([plugin], today=today)
    inst, rec = await designated(gql)
    await pool(
        gql,
        inst,
        rec,
        teacher(FANG, ("basic_intermediate", "theory")),
        teacher(YU, ("advanced", "practice"), education="senior_secondary", titles=[]),
    )
    filing = await approved(gql, inst, rec, "class_filing", class_filing(start, end), TEXTBOOKS)
    return gql, inst, rec, filing["id"]


async def _assessed(
    gql, inst, rec, form: dict, scores: dict[str, tuple[float, float]], exam_date: str
) -> dict:
    """Filed by the institution; 区职建中心 accepts, records the results and confirms them."""
    app = ok(await submit(gql, await draft(gql, inst, rec, "exam_application", form)))
    app = ok(await act(gql, app, "accept", role="expert", actor="centre"))
    results = [
        {"id_number": n, "theory_score": t, "practical_score": p} for n, (t, p) in scores.items()
    ]
    app = ok(
        await edit(
            gql,
            app,
            {**form, "exam_date": exam_date, "examiners": [ZHAO], "results": results},
            role="expert",
        )
    )
    return ok(await act(gql, app, "confirm_results", role="expert", actor="centre-2"))


@pytest.mark.fast
async def test_assessment_after_training_with_results_recorded_by_the_centre(client_for):
    gql, inst, rec, filing = await _class_ended(client_for)
    early = await draft(gql, inst, rec, "exam_application", exam(filing, WANG, LI))
    assert "2026-09-30 结业" in (await submit(gql, early))["errors"][0]["message"]
    gql.platform.settings.today = "2026-10-09"
    # the institution may not fill in what the centre records
    prefilled = await draft(
        gql, inst, rec, "exam_application", exam(filing, WANG, exam_date="2026-10-09")
    )
    assert codes(await submit(gql, prefilled)) == ["GUARD_FAILED"]
    app = ok(
        await submit(gql, await draft(gql, inst, rec, "exam_application", exam(filing, WANG, LI)))
    )
    app = ok(await act(gql, app, "accept", role="expert", actor="centre"))
    assert codes(await edit(gql, app, exam(filing, WANG, LI), role="applicant")) == [
        "ROLE_NOT_ALLOWED"
    ]
    results = [
        {"id_number": WANG["id_number"], "theory_score": 72, "practical_score": 85},
        {"id_number": LI["id_number"], "theory_score": 58, "practical_score": 90},
    ]
    incomplete = ok(
        await edit(
            gql,
            app,
            exam(filing, WANG, LI, exam_date="2026-10-15", examiners=[ZHAO], results=results[:1]),
            role="expert",
        )
    )
    assert (
        "未录入成绩：李小红"
        in (await act(gql, incomplete, "confirm_results", role="expert"))["errors"][0]["message"]
    )
    # 考培分离: a teacher of the institution may not examine
    own = ok(
        await edit(
            gql,
            incomplete,
            exam(filing, WANG, LI, exam_date="2026-10-09", examiners=[FANG], results=results),
            role="expert",
        )
    )
    refused = await act(gql, own, "confirm_results", role="expert")
    assert codes(refused) == ["CRITERION_NOT_MET"] and "方建国" in refused["errors"][0]["message"]
    fixed = ok(
        await edit(
            gql,
            own,
            exam(filing, WANG, LI, exam_date="2026-10-09", examiners=[ZHAO], results=results),
            role="expert",
        )
    )
    done = ok(await act(gql, fixed, "confirm_results", role="expert", actor="centre-2"))
    assert (done["stageId"], done["evaluation"]["passed"], done["grade"]) == (
        "results_confirmed",
        False,
        "合格1人，不合格1人",
    )


async def test_one_retake_within_the_same_training_year(client_for):
    gql, inst, rec, filing = await _class_ended(client_for)
    gql.platform.settings.today = "2026-10-09"
    await _assessed(
        gql,
        inst,
        rec,
        exam(filing, WANG, LI),
        {WANG["id_number"]: (72, 85), LI["id_number"]: (58, 90)},
        "2026-10-09",
    )
    again = await draft(gql, inst, rec, "exam_application", exam(filing, LI))
    assert "已参加过本班首次考核：李小红" in (await submit(gql, again))["errors"][0]["message"]
    passed_one = await draft(
        gql, inst, rec, "exam_application", exam(filing, WANG, attempt="retake")
    )
    assert (
        "王小明（330*************17）首次考核已合格"
        in (await submit(gql, passed_one))["errors"][0]["message"]
    )
    gql.platform.settings.today = "2026-11-06"
    retake = await _assessed(
        gql,
        inst,
        rec,
        exam(filing, LI, attempt="retake"),
        {LI["id_number"]: (59, 90)},
        "2026-11-06",
    )
    assert retake["evaluation"]["passed"] is False
    second = await draft(gql, inst, rec, "exam_application", exam(filing, LI, attempt="retake"))
    refused = await submit(gql, second)
    assert codes(refused) == ["CRITERION_NOT_MET"] and refused["errors"][0]["field"] == [
        "form",
        "candidates",
    ]
    assert "李小红（330*************26）已补考1次" in refused["errors"][0]["message"]
    assert (await state(gql, second))["stageId"] == "draft"


async def test_no_retake_after_the_training_year_of_the_failed_assessment(client_for):
    gql, inst, rec, filing = await _class_ended(
        client_for, start="2026-11-30", end="2026-12-18", today="2026-11-02"
    )
    gql.platform.settings.today = "2026-12-21"
    await _assessed(gql, inst, rec, exam(filing, LI), {LI["id_number"]: (40, 70)}, "2026-12-21")
    on_last_day = await draft(
        gql, inst, rec, "exam_application", exam(filing, LI, attempt="retake")
    )
    gql.platform.settings.today = "2027-01-04"
    refused = await submit(gql, on_last_day)
    assert "2026-01-01 至 2026-12-31" in refused["errors"][0]["message"]
    gql.platform.settings.today = "2026-12-31"
    assert ok(
        await submit(
            gql, await draft(gql, inst, rec, "exam_application", exam(filing, LI, attempt="retake"))
        )
    )


async def test_subsidy_refuses_trainees_who_paid_and_trainees_claimed_before(client_for):
    gql, inst, rec, filing = await _class_ended(client_for)
    gql.platform.settings.today = "2026-10-09"
    paid = await draft(
        gql, inst, rec, "subsidy_claim", subsidy(filing, trainee(WANG), trainee(LI, paid=True))
    )
    refused = await submit(gql, paid)
    assert codes(refused) == ["CRITERION_NOT_MET"] and refused["errors"][0]["field"] == [
        "form",
        "trainees",
        "1",
        "paid_fee",
    ]
    assert (
        "李小红（330*************26）" in refused["errors"][0]["message"]
        and "王小明" not in refused["errors"][0]["message"]
    )
    await approved(gql, inst, rec, "subsidy_claim", subsidy(filing, trainee(WANG)))
    twice = await draft(
        gql, inst, rec, "subsidy_claim", subsidy(filing, trainee(WANG), trainee(LI))
    )
    refused = await submit(gql, twice)
    assert (
        refused["errors"][0]["field"] == ["form", "trainees", "0"]
        and "已申领过的学员：王小明" in refused["errors"][0]["message"]
    )


async def test_annual_evaluation_shows_exact_rates_and_leaves_the_verdict_to_the_bureau(client_for):
    gql, inst, rec, filing = await _class_ended(client_for)
    gql.platform.settings.today = "2026-10-09"
    await _assessed(
        gql,
        inst,
        rec,
        exam(filing, WANG, LI),
        {WANG["id_number"]: (72, 85), LI["id_number"]: (58, 90)},
        "2026-10-09",
    )
    gql.platform.settings.today = "2026-12-15"
    app = ok(await submit(gql, await draft(gql, inst, rec, "annual_evaluation", annual(2026))))
    rates = {r["criterionId"]: r["values"] for r in app["criterionResults"]}
    assert (rates["art15_pass_rate"]["fraction"], rates["art15_pass_rate"]["percent"]) == (
        "1/2",
        "50.00%",
    )
    assert (
        rates["art15_employment_rate"]["fraction"] == "17/20"
        and rates["art15_complaints"]["percent"] == "无数据"
    )
    assert rates["art16_activity"] == {
        "classes": 1,
        "trainees": 40,
        "archives_complete": True,
        "safety_incidents": 0,
    }
    assert app["evaluation"]["passed"] is None
    verdict = [
        {"criterionId": c, "passed": True}
        for c in (
            "art15_annual_verdict",
            "art8_management_in_practice",
            "art14_records_kept",
            "art13_funds_verified",
        )
    ]
    app = ok(await act(gql, app, "approve", role="district_reviewer", judgments=verdict))
    assert (app["stageId"], app["evaluation"]["passed"], app["grade"]) == ("passed", True, "合格")
    second = await draft(gql, inst, rec, "annual_evaluation", annual(2026))
    assert "2026 年度已有考评" in (await submit(gql, second))["errors"][0]["message"]


async def _case(gql, inst, rec, **form) -> dict:
    app = await draft(
        gql,
        inst,
        rec,
        "supervision_case",
        {"facts": "检查发现的问题", **form},
        role="district_reviewer",
    )
    return app


async def test_six_months_without_training_suspends_then_reinstates(client_for):
    gql, inst, rec, filing = await _class_ended(
        client_for, today="2026-01-05", start="2026-01-19", end="2026-03-31"
    )
    gql.platform.settings.today = "2026-09-30"  # six months after 2026-03-31 end on 2026-09-30
    early = await _case(gql, inst, rec, ground="idle")
    refused = await act(gql, early, "open", role="district_reviewer")
    assert (
        codes(refused) == ["CRITERION_NOT_MET"]
        and "2026-09-30 届满" in refused["errors"][0]["message"]
    )
    gql.platform.settings.today = "2026-10-01"
    case = ok(
        await act(gql, await _case(gql, inst, rec, ground="idle"), "open", role="district_reviewer")
    )
    case = ok(
        await act(
            gql,
            case,
            "suspend",
            role="district_reviewer",
            comment="六个月内未组织技能培训，暂停定点资质",
        )
    )
    assert [r["status"] for r in await recognitions(gql, inst)] == ["SUSPENDED"]
    blocked = await draft(gql, inst, rec, "class_filing", class_filing("2026-10-19", "2026-10-30"))
    assert "“暂停”状态" in (await submit(gql, blocked))["errors"][0]["message"]
    other = ok(
        await act(gql, await _case(gql, inst, rec, ground="idle"), "open", role="district_reviewer")
    )
    assert (
        "只能暂停有效的定点资质"
        in (await act(gql, other, "suspend", role="district_reviewer", comment="再次暂停"))[
            "errors"
        ][0]["message"]
    )
    ok(await act(gql, other, "dismiss", role="district_reviewer", comment="已在另案处理"))
    gql.platform.settings.today = "2026-10-20"
    ok(
        await act(
            gql, case, "reinstate", role="district_reviewer", comment="已提交办班计划，恢复定点资质"
        )
    )
    assert [r["status"] for r in await recognitions(gql, inst)] == ["ACTIVE"]
    # the six months run again from the reinstatement
    fresh = await _case(gql, inst, rec, ground="idle")
    assert (
        "2027-04-20 届满"
        in (await act(gql, fresh, "open", role="district_reviewer"))["errors"][0]["message"]
    )


async def test_fraud_cancels_the_designation_without_a_ban(client_for):
    gql = await client_for([plugin], today="2026-06-01")
    inst, rec = await designated(gql)
    case = ok(
        await act(
            gql,
            await _case(
                gql,
                inst,
                rec,
                ground="subsidy_fraud",
                amount_to_recover="12000.00",
                referred_to_judiciary=True,
            ),
            "open",
            role="district_reviewer",
        )
    )
    refused = await act(gql, case, "suspend", role="district_reviewer", comment="暂停")
    assert codes(refused) == ["GUARD_FAILED"] and "取消定点资格" in refused["errors"][0]["message"]
    ok(
        await act(
            gql,
            case,
            "cancel",
            role="district_reviewer",
            comment="骗取培训补助经费，追缴12000元并取消定点资格",
        )
    )
    held = await recognitions(gql, inst)
    assert [(r["status"], r["banUntil"]) for r in held] == [("REVOKED", None)]
    # no period bars a new application (ban_parameter None): the institution may apply again
    from tests.plugins.linan_training_forms import DESIGNATION, SCHEME
    from tests.support.helpers import create

    again = ok(
        await create(gql, inst["id"], SCHEME, DESIGNATION, kind="designation", occupations=["电工"])
    )
    assert ok(await submit(gql, again))["stageId"] == "bureau_review"


async def test_unauthorised_change_is_rectified_within_the_period_or_suspended(client_for):
    gql = await client_for([plugin], today="2026-06-01")
    inst, rec = await designated(gql)
    case = ok(
        await act(
            gql,
            await _case(
                gql, inst, rec, ground="unauthorised_change", rectification_deadline="2026-06-30"
            ),
            "open",
            role="district_reviewer",
        )
    )
    assert codes(await act(gql, case, "cancel", role="district_reviewer", comment="取消")) == [
        "GUARD_FAILED"
    ]
    assert codes(
        await act(gql, case, "close_rectified", role="district_reviewer", comment="结案")
    ) == ["GUARD_FAILED"]
    case = ok(
        await act(
            gql, case, "order_rectification", role="district_reviewer", comment="6月30日前补足课时"
        )
    )
    for today in ("2026-06-01", "2026-06-30"):  # the deadline's own day is still inside the period
        gql.platform.settings.today = today
        assert codes(
            await act(gql, case, "suspend_overdue", role="district_reviewer", comment="逾期")
        ) == ["GUARD_FAILED"]
    gql.platform.settings.today = "2026-07-01"
    ok(
        await act(
            gql,
            case,
            "suspend_overdue",
            role="district_reviewer",
            comment="逾期未整改，暂停定点资质",
        )
    )
    assert [r["status"] for r in await recognitions(gql, inst)] == ["SUSPENDED"]


async def test_rectification_reported_closes_the_case(client_for):
    gql = await client_for([plugin], today="2026-06-01")
    inst, rec = await designated(gql)
    case = ok(
        await act(
            gql,
            await _case(
                gql, inst, rec, ground="unauthorised_change", rectification_deadline="2026-06-30"
            ),
            "open",
            role="district_reviewer",
        )
    )
    case = ok(
        await act(gql, case, "order_rectification", role="district_reviewer", comment="补足课时")
    )
    case = ok(
        await act(
            gql, case, "report_rectification", role="applicant", comment="已于6月20日补足22课时"
        )
    )
    case = ok(await act(gql, case, "close_rectified", role="district_reviewer", comment="整改到位"))
    assert case["stageId"] == "rectified" and [
        r["status"] for r in await recognitions(gql, inst)
    ] == ["ACTIVE"]
