"""zj_evaluation_org after the filing: adding occupations only after a passed assessment and at most
three; promotion to the province list after a year of pilot; the final assessment that revokes
without a ban; branches approved by the department that filed the organisation.
"""
from __future__ import annotations

from plugins.zj_evaluation_org import plugin
from plugins.zj_evaluation_org.examples import site
from tests.plugins.zj_evaluation_org_forms import (
    ADDITION_GATES, SCHEME, addition_form, assessment_form, draft, recognitions, to_notice,
)
from tests.support import documents as doc
from tests.support.helpers import act, codes, create, ok, submit

PROMOTION_FORM = {"city_assessment_summary": "试点一年，认定工作规范，无投诉", "city_assessment_score": 95,
                  "persons_certified": 1260, "certificates_issued": 1180, "recommendation": "全市同职业评价组织中综合评估第一"}


async def _state(gql, app: dict) -> dict:
    return (await gql(doc.APPLICATION, {"id": app["id"]}))["application"]


async def _filed(gql, **kw) -> tuple[dict, str]:
    """A city filing granted on 2020-12-08 (in notice from 2020-12-01); returns institution and recognition id."""
    inst, app = await draft(gql, **kw)
    app = await to_notice(gql, app)
    gql.platform.settings.today = "2020-12-08"
    ok(await act(gql, app, "file_city", role="city_reviewer"))
    return inst, (await recognitions(gql, inst))[0]["id"]


async def _assessment(gql, inst: dict, rec: str, *, level: str = "city", occasion: str = "pilot", **changes) -> dict:
    role = f"{level}_reviewer"
    return ok(await create(gql, inst["id"], SCHEME, assessment_form(occasion, **changes), kind=f"{level}_assessment",
                           role=role, recognitionId=rec))


async def test_occupations_are_added_after_a_passed_assessment_at_most_three(client_for):
    gql = await client_for([plugin], today="2020-12-01")
    inst, rec = await _filed(gql)
    gql.platform.settings.today = "2021-03-01"
    early = ok(await create(gql, inst["id"], SCHEME, addition_form(("4-03-02-02",)), kind="add_occupations",
                            occupations=["4-03-02-02"], recognitionId=rec))
    refused = await submit(gql, early)
    assert codes(refused) == ["CRITERION_NOT_MET"]
    assert refused["errors"][0]["field"] == ["criteria", "art2_add_after_assessment"] and "专家评估通过" in refused["errors"][0]["message"]

    check = await _assessment(gql, inst, rec)
    check = ok(await act(gql, check, "start", role="city_reviewer"))
    ok(await act(gql, check, "pass", role="city_reviewer", comment="试点运行规范，专家评估通过"))

    four = ("4-03-02-02", "4-03-02-03", "4-03-02-04", "4-03-02-05")
    too_many = ok(await create(gql, inst["id"], SCHEME, addition_form(four), kind="add_occupations",
                               occupations=list(four), recognitionId=rec))
    refused = await submit(gql, too_many)
    assert codes(refused) == ["CRITERION_NOT_MET"] and "本次 4 个" in refused["errors"][0]["message"]
    again = ok(await create(gql, inst["id"], SCHEME, addition_form(("4-03-02-01",)), kind="add_occupations",
                            occupations=["4-03-02-01"], recognitionId=rec))
    assert "已备案：4-03-02-01" in (await submit(gql, again))["errors"][0]["message"]

    two = ("4-03-02-02", "4-03-02-03")
    app = ok(await create(gql, inst["id"], SCHEME, addition_form(two), kind="add_occupations",
                          occupations=list(two), recognitionId=rec))
    app = ok(await submit(gql, app))
    app = ok(await act(gql, app, "accept_city", role="city_reviewer"))
    app = ok(await act(gql, app, "expert_review_city", role="expert", comment="核实",
                       judgments=[{"criterionId": c, "passed": True} for c in ADDITION_GATES]))
    app = ok(await act(gql, app, "select_city", role="city_reviewer"))
    gql.platform.settings.today = "2021-03-08"
    ok(await act(gql, app, "file_city", role="city_reviewer"))
    held = await recognitions(gql, inst)
    assert [(r["occupations"], r["status"]) for r in held] == [(["4-03-02-01"], "ACTIVE"), (list(two), "ACTIVE")]
    query = "{ recognitions(first: 5) { edges { node { code title validUntil } } } }"
    added = (await gql(query))["recognitions"]["edges"][1]["node"]
    assert added == {"code": "S3301002001-002", "validUntil": "2021-12-31",
                     "title": "浙江省职业技能等级认定试点社会培训评价组织（杭州市备案，面向本市，新增职业（工种））"}

    # 再申报新增不超过3个, counted over the pilot: a third one is allowed, a fourth is refused
    third = ok(await create(gql, inst["id"], SCHEME, addition_form(("4-03-02-04",)), kind="add_occupations",
                            occupations=["4-03-02-04"], recognitionId=rec))
    assert ok(await submit(gql, third))["stageId"] == "acceptance"
    fourth = ok(await create(gql, inst["id"], SCHEME, addition_form(("4-03-02-05",)), kind="add_occupations",
                             occupations=["4-03-02-05"], recognitionId=rec))
    refused = await submit(gql, fourth)
    assert codes(refused) == ["CRITERION_NOT_MET"] and "此前已新增或在办 3 个" in refused["errors"][0]["message"]
    assert (await _state(gql, fourth))["stageId"] == "draft"


async def test_promotion_to_the_province_list_after_one_year_of_pilot(client_for):
    gql = await client_for([plugin], today="2020-12-01")
    inst, rec = await _filed(gql)
    gql.platform.settings.today = "2021-12-07"     # filed 2020-12-08: one year is reached on 2021-12-08
    app = ok(await create(gql, inst["id"], SCHEME, PROMOTION_FORM, kind="promotion", role="city_reviewer",
                          occupations=["4-03-02-01"], recognitionId=rec))
    refused = await act(gql, app, "recommend", role="city_reviewer")
    assert codes(refused) == ["CRITERION_NOT_MET"] and "经过一年时间的试点" in refused["errors"][0]["message"]

    gql.platform.settings.today = "2021-12-08"
    app = ok(await act(gql, app, "recommend", role="city_reviewer"))
    assert app["stage"]["role"] == "PROVINCE_REVIEWER"
    app = ok(await act(gql, app, "expert_review", role="expert", comment="考核评估合格",
                       judgments=[{"criterionId": "art3_3_province_assessment", "passed": True}]))
    app = ok(await act(gql, app, "approve", role="province_reviewer"))
    gql.platform.settings.today = "2021-12-15"     # notice from 12-08: 9, 10, 13, 14, 15 = 5 working days
    app = ok(await act(gql, app, "end_city_filing", role="province_reviewer"))
    app = ok(await act(gql, app, "file_province", role="province_reviewer"))
    assert app["stageId"] == "filed"

    held = await recognitions(gql, inst)
    assert [r["status"] for r in held] == ["EXPIRED", "ACTIVE"]
    query = "{ recognitions(first: 5) { edges { node { code title validUntil } } } }"
    promoted = (await gql(query))["recognitions"]["edges"][1]["node"]
    assert promoted == {"code": "S3301001002", "validUntil": "2021-12-31",
                        "title": "浙江省职业技能等级认定试点社会培训评价组织（省级备案，面向全省）"}
    usage = await gql(doc.QUOTA, {"scheme": SCHEME, "occupation": "4-03-02-01", "city": "330100"})
    assert usage["quotaUsage"][0]["used"] == 1    # the place moved to the province filing, not doubled

    # the province now assesses it, not the city (三（二）原备案部门)
    city = await _assessment(gql, inst, held[1]["id"])
    refused = await act(gql, city, "start", role="city_reviewer")
    assert codes(refused) == ["CRITERION_NOT_MET"] and "省级备案" in refused["errors"][0]["message"]
    province = await _assessment(gql, inst, held[1]["id"], level="province")
    assert ok(await act(gql, province, "start", role="province_reviewer"))["stageId"] == "assessing"


async def test_final_assessment_after_the_pilot_revokes_without_a_ban(client_for):
    gql = await client_for([plugin], today="2020-12-01")
    inst, rec = await _filed(gql)
    gql.platform.settings.today = "2021-12-31"
    early = await _assessment(gql, inst, rec, occasion="final", revocation_ground="final_assessment_failed")
    refused = await act(gql, early, "start", role="city_reviewer")
    assert codes(refused) == ["CRITERION_NOT_MET"] and "2021-12-31" in refused["errors"][0]["message"]

    gql.platform.settings.today = "2022-01-04"
    final = await _assessment(gql, inst, rec, occasion="final")
    final = ok(await act(gql, final, "start", role="city_reviewer"))
    failed = await act(gql, final, "fail", role="city_reviewer", comment="不合格")
    assert codes(failed) == ["GUARD_FAILED"] and "取消试点资格" in failed["errors"][0]["message"]
    no_ground = await act(gql, final, "revoke", role="city_reviewer", comment="综合评估不合格")
    assert codes(no_ground) == ["GUARD_FAILED"] and "依据" in no_ground["errors"][0]["message"]
    assert (await recognitions(gql, inst))[0]["status"] == "ACTIVE"

    final = await _assessment(gql, inst, rec, occasion="final", revocation_ground="final_assessment_failed")
    final = ok(await act(gql, final, "start", role="city_reviewer"))
    ok(await act(gql, final, "revoke", role="city_reviewer", comment="交叉评估不合格，取消试点资格"))
    rec_state = (await recognitions(gql, inst))[0]
    assert (rec_state["status"], rec_state["endedOn"], rec_state["banUntil"]) == ("REVOKED", "2022-01-04", None)


async def test_commitment_breach_revokes_during_the_pilot(client_for):
    gql = await client_for([plugin], today="2020-12-01")
    inst, rec = await _filed(gql)
    gql.platform.settings.today = "2021-06-01"
    check = await _assessment(gql, inst, rec, revocation_ground="final_assessment_failed")
    check = ok(await act(gql, check, "start", role="city_reviewer"))
    refused = await act(gql, check, "revoke", role="city_reviewer", comment="不合格")
    assert codes(refused) == ["GUARD_FAILED"] and "试点结束后" in refused["errors"][0]["message"]
    assert ok(await act(gql, check, "fail", role="city_reviewer", comment="督促整改"))["stageId"] == "failed"

    breach = await _assessment(gql, inst, rec, revocation_ground="commitment_breached", findings="超标准收费")
    breach = ok(await act(gql, breach, "start", role="city_reviewer"))
    ok(await act(gql, breach, "revoke", role="city_reviewer", comment="未兑现承诺书第4条，乱收费"))
    assert (await recognitions(gql, inst))[0]["status"] == "REVOKED"


async def test_a_branch_needs_the_filing_department_and_stays_in_its_city(client_for):
    gql = await client_for([plugin], today="2020-12-01")
    inst, rec = await _filed(gql)
    branch = {"name": "余杭分部", "address": "杭州市余杭区文一西路 1 号", "division_code": "330110", "supervision": "original",
              "sites": [site("4-03-02-01")]}
    outside = ok(await create(gql, inst["id"], SCHEME, {**branch, "division_code": "330200"}, kind="branch",
                              occupations=["4-03-02-01"], recognitionId=rec))
    refused = await submit(gql, outside)
    assert codes(refused) == ["CRITERION_NOT_MET"] and refused["errors"][0]["field"] == ["form", "division_code"]

    app = ok(await create(gql, inst["id"], SCHEME, branch, kind="branch", occupations=["4-03-02-01"], recognitionId=rec))
    app = ok(await submit(gql, app))
    refused = await act(gql, app, "approve_province", role="province_reviewer")
    assert codes(refused) == ["GUARD_FAILED"]
    assert ok(await act(gql, app, "approve_city", role="city_reviewer"))["stageId"] == "approved"
