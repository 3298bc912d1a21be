"""linan_training through the GraphQL API: designation, the teacher pool, class filings, changes and
fees (第三条至第七条、第十二条). Refusals name the field or rule and leave the application as it was."""

from __future__ import annotations

import pytest

from plugins.linan_training import plugin
from tests.plugins.linan_training_forms import (
    DESIGNATION,
    DESIGNATION_JUDGMENTS,
    FANG,
    SCHEME,
    YU,
    approved,
    class_filing,
    designated,
    draft,
    plan,
    pool,
    recognitions,
    state,
    teacher,
)
from tests.support import documents as doc
from tests.support.helpers import act, codes, create, ok, register, submit

TEXTBOOKS = "art6_textbooks_verified"
BASIC_THEORY, ADVANCED_THEORY = ("basic_intermediate", "theory"), ("advanced", "theory")
ADVANCED_PRACTICE = ("advanced", "practice")


async def _with_pool(today: str, client_for):
    """A designated institution with 方建国 (theory, 初中级) and 俞海燕 (practice, 高级) in the pool."""
    gql = await client_for([plugin], today=today)
    inst, rec = await designated(gql)
    await pool(
        gql,
        inst,
        rec,
        teacher(FANG, BASIC_THEORY),
        teacher(YU, ADVANCED_PRACTICE, education="senior_secondary", titles=[]),
    )
    return gql, inst, rec


async def _refused_unchanged(gql, app: dict, payload: dict, code: str) -> dict:
    assert codes(payload) == [code], payload["errors"]
    after = await state(gql, app)
    assert (after["stageId"], after["version"]) == (app["stageId"], app["version"])
    return payload["errors"][0]


@pytest.mark.fast
async def test_designation_grants_and_no_second_one_is_accepted(client_for):
    gql = await client_for([plugin], today="2026-03-02")
    inst, rec = await designated(gql)
    held = await recognitions(gql, inst)
    assert [(r["title"], r["status"], r["occupations"]) for r in held] == [
        ("杭州市临安区定点职业技能培训机构", "ACTIVE", ["电工", "茶艺师"])
    ]
    again = ok(
        await create(gql, inst["id"], SCHEME, DESIGNATION, kind="designation", occupations=["电工"])
    )
    error = await _refused_unchanged(gql, again, await submit(gql, again), "CRITERION_NOT_MET")
    assert (
        error["field"] == ["criteria", "art3_not_already_designated"]
        and "已是定点培训机构" in error["message"]
    )


async def test_institution_outside_linan_cannot_be_designated(client_for):
    gql = await client_for([plugin], today="2026-03-02")
    inst = await register(gql, division="330106")
    app = ok(
        await create(gql, inst["id"], SCHEME, DESIGNATION, kind="designation", occupations=["电工"])
    )
    error = await _refused_unchanged(gql, app, await submit(gql, app), "CRITERION_NOT_MET")
    assert "第三条" in error["message"] and "330106" in error["message"]


async def test_teacher_enters_the_pool_only_after_qualification_review(client_for):
    gql = await client_for([plugin], today="2026-09-01")
    inst, rec = await designated(gql)
    app = ok(
        await submit(
            gql, await draft(gql, inst, rec, "teacher_registration", teacher(FANG, BASIC_THEORY))
        )
    )
    missing = await act(gql, app, "approve", role="district_reviewer")
    assert codes(missing) == ["JUDGMENT_MISSING"] and missing["errors"][0]["field"] == [
        "judgments",
        "art5_qualification_verified",
    ]
    low = await draft(
        gql,
        inst,
        rec,
        "teacher_registration",
        teacher(FANG, ADVANCED_THEORY, education="secondary_vocational"),
    )
    error = await _refused_unchanged(gql, low, await submit(gql, low), "CRITERION_NOT_MET")
    assert error["field"] == ["form", "scopes", "0"] and "大专以上" in error["message"]


async def test_class_uses_only_pool_teachers_qualified_for_its_level_and_teaching(client_for):
    gql, inst, rec = await _with_pool("2026-09-01", client_for)
    # 第六条: filed 2026-09-01 for 2026-09-14, approved with the textbooks checked
    filing = await approved(
        gql, inst, rec, "class_filing", class_filing("2026-09-14", "2026-09-30"), TEXTBOOKS
    )
    assert filing["stageId"] == "approved"
    # 方建国 is registered for 初、中级 theory only: an 高级 class cannot use him
    advanced = await draft(
        gql, inst, rec, "class_filing", class_filing("2026-09-14", "2026-09-30", level="advanced")
    )
    error = await _refused_unchanged(
        gql, advanced, await submit(gql, advanced), "CRITERION_NOT_MET"
    )
    assert (
        error["field"] == ["form", "modules", "0", "teacher"]
        and "方建国" in error["message"]
        and "高级技能培训理论课" in error["message"]
    )
    # a teacher outside the pool
    stranger = {"name": "陌生人", "id_number": "330185199702200143"}
    outside = await draft(
        gql, inst, rec, "class_filing", class_filing("2026-09-14", "2026-09-30", practice=stranger)
    )
    error = await _refused_unchanged(gql, outside, await submit(gql, outside), "CRITERION_NOT_MET")
    assert (
        error["field"] == ["form", "modules", "1", "teacher"]
        and "陌生人（低压电工实操）未入培训师资库" in error["message"]
    )


async def test_teacher_removed_from_the_pool_can_no_longer_be_filed(client_for):
    gql = await client_for([plugin], today="2026-09-01")
    inst, rec = await designated(gql)
    fang, _ = await pool(
        gql,
        inst,
        rec,
        teacher(FANG, BASIC_THEORY),
        teacher(YU, ADVANCED_PRACTICE, education="senior_secondary", titles=[]),
    )
    ok(await act(gql, fang, "remove", role="district_reviewer", comment="已离职"))
    app = await draft(gql, inst, rec, "class_filing", class_filing("2026-09-14", "2026-09-30"))
    error = await _refused_unchanged(gql, app, await submit(gql, app), "CRITERION_NOT_MET")
    assert "方建国（电工基础理论）未入培训师资库" in error["message"]


async def test_class_stays_within_the_licensed_occupation_and_level(client_for):
    gql, inst, rec = await _with_pool("2026-09-01", client_for)
    tea = await draft(
        gql,
        inst,
        rec,
        "class_filing",
        class_filing("2026-09-14", "2026-09-30", occupation="茶艺师", level="advanced"),
    )
    messages = [e["message"] for e in (await submit(gql, tea))["errors"]]
    assert any("许可的最高等级为中级（四级），不能开办高级（三级）培训" in m for m in messages)
    welding = await draft(
        gql, inst, rec, "class_filing", class_filing("2026-09-14", "2026-09-30", occupation="焊工")
    )
    assert any("“焊工”不是定点工种" in e["message"] for e in (await submit(gql, welding))["errors"])


async def test_filing_less_than_three_working_days_ahead_is_refused_at_submission(client_for):
    # start Mon 10-12 after National Day: Thu 10-08, Fri 10-09 and Sat 10-10 (worked) must lie between
    gql, inst, rec = await _with_pool("2026-10-09", client_for)
    app = await draft(gql, inst, rec, "class_filing", class_filing("2026-10-12", "2026-10-30"))
    error = await _refused_unchanged(gql, app, await submit(gql, app), "CRITERION_NOT_MET")
    assert error["field"] == ["form", "start_date"] and "最迟于 2026-10-07 上报" in error["message"]


async def test_three_working_days_lie_strictly_between_the_filing_day_and_the_start(client_for):
    # 第六条 办班前3个工作日: start Mon 2026-11-16; Wed 11-11, Thu 11-12 and Fri 11-13 must lie between the
    # filing and the start, neither day counted: the last filing day is Tue 11-10
    gql, inst, rec = await _with_pool("2026-11-02", client_for)
    for today, passes in (("2026-11-09", True), ("2026-11-10", True), ("2026-11-11", False)):
        gql.platform.settings.today = today
        app = await draft(gql, inst, rec, "class_filing", class_filing("2026-11-16", "2026-11-30"))
        result = await submit(gql, app)
        if passes:
            assert ok(result)["stageId"] != "draft", today
        else:
            error = await _refused_unchanged(gql, app, result, "CRITERION_NOT_MET")
            assert (
                error["field"] == ["form", "start_date"]
                and "最迟于 2026-11-10 上报" in error["message"]
            )


async def test_class_above_the_cap_opens_only_with_the_bureau_special_consent(client_for):
    gql, inst, rec = await _with_pool("2026-09-01", client_for)
    big = ok(
        await submit(
            gql,
            await draft(
                gql,
                inst,
                rec,
                "class_filing",
                class_filing(
                    "2026-09-14", "2026-09-30", trainees=51, special_case="企业新型学徒制整班培训"
                ),
            ),
        )
    )
    judged = [{"criterionId": TEXTBOOKS, "passed": True}]
    refused = await act(gql, big, "approve", role="district_reviewer", judgments=judged)
    error = await _refused_unchanged(gql, big, refused, "GUARD_FAILED")
    assert "第七条" in error["message"] and "approve_special" in error["message"]
    unexplained = await act(gql, big, "approve_special", role="district_reviewer", judgments=judged)
    assert (
        "须写明同意的理由"
        in (await _refused_unchanged(gql, big, unexplained, "GUARD_FAILED"))["message"]
    )
    consented = ok(
        await act(
            gql,
            big,
            "approve_special",
            role="district_reviewer",
            comment="学徒制整班，教室容量满足",
            judgments=judged,
        )
    )
    assert consented["stageId"] == "approved"
    normal = ok(
        await submit(
            gql,
            await draft(
                gql,
                inst,
                rec,
                "class_filing",
                class_filing("2026-09-14", "2026-09-30", trainees=50),
            ),
        )
    )
    assert codes(
        await act(
            gql,
            normal,
            "approve_special",
            role="district_reviewer",
            comment="同意",
            judgments=judged,
        )
    ) == ["GUARD_FAILED"]


async def test_a_class_is_approved_before_it_starts_or_not_at_all(client_for):
    gql, inst, rec = await _with_pool("2026-09-01", client_for)
    app = ok(
        await submit(
            gql,
            await draft(gql, inst, rec, "class_filing", class_filing("2026-09-14", "2026-09-30")),
        )
    )
    gql.platform.settings.today = "2026-09-15"
    refused = await act(
        gql,
        app,
        "approve",
        role="district_reviewer",
        judgments=[{"criterionId": TEXTBOOKS, "passed": True}],
    )
    error = await _refused_unchanged(gql, app, refused, "GUARD_FAILED")
    assert "2026-09-14" in error["message"] and "审核同意后方可培训" in error["message"]


async def test_fees_need_prior_approval_and_may_not_exceed_it(client_for):
    gql, inst, rec = await _with_pool("2026-09-01", client_for)
    charging = class_filing("2026-09-14", "2026-09-30", charges_fee=True, fee_per_trainee=800)
    unapproved = await draft(gql, inst, rec, "class_filing", charging)
    error = await _refused_unchanged(
        gql, unapproved, await submit(gql, unapproved), "CRITERION_NOT_MET"
    )
    assert error["field"] == ["form", "fee_approval_id"] and "第十二条" in error["message"]

    fee = {
        "occupation": "电工",
        "fee_per_trainee": 600,
        "items": [{"name": "教材费", "amount": 200}, {"name": "实训耗材费", "amount": 400}],
        "basis": "成本测算",
        "payers": "非补贴对象",
        "accepts_supervision": True,
        "declaration_truthful": True,
    }
    pending = ok(await submit(gql, await draft(gql, inst, rec, "fee_approval", fee)))
    early = await draft(
        gql, inst, rec, "class_filing", {**charging, "fee_approval_id": pending["id"]}
    )
    assert "未经核准" in (await submit(gql, early))["errors"][0]["message"]
    ok(await act(gql, pending, "approve", role="district_reviewer"))
    above = await draft(
        gql, inst, rec, "class_filing", {**charging, "fee_approval_id": pending["id"]}
    )
    error = await _refused_unchanged(gql, above, await submit(gql, above), "CRITERION_NOT_MET")
    assert error["field"] == ["form", "fee_per_trainee"] and "超过核准标准 600" in error["message"]
    within = await draft(
        gql,
        inst,
        rec,
        "class_filing",
        {**charging, "fee_per_trainee": 600, "fee_approval_id": pending["id"]},
    )
    assert ok(await submit(gql, within))["stageId"] == "bureau_review"


async def test_plan_changes_need_an_approved_request_and_the_same_checks(client_for):
    gql, inst, rec = await _with_pool("2026-09-01", client_for)
    filing = await approved(
        gql, inst, rec, "class_filing", class_filing("2026-09-14", "2026-09-30"), TEXTBOOKS
    )
    filing_id = filing["id"]
    gql.platform.settings.today = "2026-09-20"
    stranger = {"name": "陌生人", "id_number": "330185199702200143"}
    bad = await draft(
        gql,
        inst,
        rec,
        "class_change",
        {
            "filing_id": filing_id,
            "reason": "教师病假",
            "declaration_truthful": True,
            "revised": plan("2026-09-14", "2026-09-30", practice=stranger),
        },
    )
    error = await _refused_unchanged(gql, bad, await submit(gql, bad), "CRITERION_NOT_MET")
    assert error["field"] == ["form", "revised", "modules", "1", "teacher"]
    longer = await approved(
        gql,
        inst,
        rec,
        "class_change",
        {
            "filing_id": filing_id,
            "reason": "台风停课顺延",
            "declaration_truthful": True,
            "revised": plan("2026-09-14", "2026-10-16"),
        },
        TEXTBOOKS,
    )
    result = next(
        r for r in longer["criterionResults"] if r["criterionId"] == "art6_change_in_time"
    )
    assert result["outcome"] == "PASS" and result["values"]["changed"] == ["end_date"]
    # after the (changed) end of the class no change can be asked for
    gql.platform.settings.today = "2026-10-19"
    late = await draft(
        gql,
        inst,
        rec,
        "class_change",
        {
            "filing_id": filing_id,
            "reason": "补课",
            "declaration_truthful": True,
            "revised": plan("2026-09-14", "2026-10-23"),
        },
    )
    assert "2026-10-16 结业" in (await submit(gql, late))["errors"][0]["message"]


@pytest.mark.fast
async def test_invalid_form_names_the_field_and_stores_nothing(client_for):
    gql = await client_for([plugin], today="2026-09-01")
    inst, rec = await designated(gql)
    before = (await gql(doc.COUNTS))["applications"]["totalCount"]
    bad = await create(
        gql,
        inst["id"],
        SCHEME,
        teacher({"name": "错号", "id_number": "330124197804150019"}, BASIC_THEORY),
        kind="teacher_registration",
        recognitionId=rec,
    )
    assert [tuple(e["field"]) for e in bad["errors"]] == [("input", "form", "id_number")]
    assert (await gql(doc.COUNTS))["applications"]["totalCount"] == before


async def test_worked_examples_load_as_demo_data(client_for):
    from core.demo import load_demo

    gql = await client_for([plugin], today="2026-11-25")
    assert await load_demo(gql.platform) == 3
    query = """{ applications(filter: {schemeId: "linan_training"}, first: 10) { edges { node { stageId institution { divisionName } } } } }"""
    nodes = [e["node"] for e in (await gql(query))["applications"]["edges"]]
    assert [(n["stageId"], n["institution"]["divisionName"]) for n in nodes] == [
        ("designated", "临安区"),
        ("bureau_review", "临安区"),
        ("draft", "临安区"),
    ]


async def test_designation_judgments_are_required(client_for):
    gql = await client_for([plugin], today="2026-03-02")
    inst = await register(gql, division="330112")
    app = ok(
        await submit(
            gql,
            ok(
                await create(
                    gql, inst["id"], SCHEME, DESIGNATION, kind="designation", occupations=["电工"]
                )
            ),
        )
    )
    partial = await act(
        gql, app, "approve", role="district_reviewer", judgments=DESIGNATION_JUDGMENTS[:2]
    )
    assert codes(partial) == ["JUDGMENT_MISSING"] and partial["errors"][0]["field"] == [
        "judgments",
        "art8_management_review",
    ]
    assert await recognitions(gql, inst) == []


async def test_forms_name_other_applications_by_their_global_id(client_for):
    from core.db import models

    gql, inst, rec = await _with_pool("2026-09-01", client_for)
    kinds = (await gql('{ scheme(id: "linan_training") { kinds { id formSchema } } }'))["scheme"][
        "kinds"
    ]
    published = next(k for k in kinds if k["id"] == "class_change")["formSchema"]["properties"][
        "filing_id"
    ]
    assert (published["type"], published["x-node-type"]) == ("string", "Application")
    filing = await approved(
        gql, inst, rec, "class_filing", class_filing("2026-09-14", "2026-09-30"), TEXTBOOKS
    )
    gql.platform.settings.today = "2026-09-20"
    change = {
        "reason": "台风停课顺延",
        "declaration_truthful": True,
        "revised": plan("2026-09-14", "2026-10-16"),
    }

    by_number = await create(
        gql,
        inst["id"],
        SCHEME,
        {**change, "filing_id": filing["databaseId"]},
        kind="class_change",
        recognitionId=rec,
    )
    assert codes(by_number) == ["INVALID"] and by_number["errors"][0]["field"] == [
        "input",
        "form",
        "filing_id",
    ]
    assert "全局 ID" in by_number["errors"][0]["message"]
    longer = await approved(
        gql, inst, rec, "class_change", {**change, "filing_id": filing["id"]}, TEXTBOOKS
    )
    assert longer["form"]["filing_id"] == filing["id"]  # read back as it was sent

    # a form stored with the row id, before forms held global IDs, still names that filing
    async def store_row_id(session):
        row = await session.get(models.Application, int(longer["databaseId"]))
        row.form = {**row.form, "filing_id": int(filing["databaseId"])}

    await gql.platform.transaction(store_row_id)
    gql.platform.settings.today = "2026-10-19"
    late = await draft(
        gql,
        inst,
        rec,
        "class_change",
        {
            **change,
            "filing_id": filing["id"],
            "reason": "补课",
            "revised": plan("2026-09-14", "2026-10-23"),
        },
    )
    assert "2026-10-16 结业" in (await submit(gql, late))["errors"][0]["message"]
