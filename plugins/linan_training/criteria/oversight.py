"""第十四条、第十五条 the annual evaluation; 第十五条、第十六条 the grounds of a supervision case.

The document sets no threshold for 培训合格率、培训后就业率、学员满意程度: the rates are computed
exactly (as fractions) and shown, and the verdict is the bureau's judgment (README, readings).
"""

from __future__ import annotations

from fractions import Fraction

from core.criteria import Criterion, CriterionKind, Facts, Finding, Outcome
from core.forms import reference_id
from core.periods import within_months
from plugins.linan_training import ids
from plugins.linan_training.criteria.common import auto, fail, judged
from plugins.linan_training.forms import AnnualEvaluationForm, SupervisionCaseForm
from plugins.linan_training.forms.oversight import FundPurpose, Ground
from plugins.linan_training.history import (
    approved_classes,
    exam_attempts,
    filed,
    passed,
    reinstatements,
)

ANNUAL, CASE = (ids.ANNUAL,), (ids.CASE,)


def rate(count: int, total: int) -> dict:
    """An exact rate: the counts, the reduced fraction and a percentage for reading (no data when total is 0)."""
    if total == 0:
        return {"count": count, "total": total, "fraction": None, "percent": "无数据"}
    exact = Fraction(count, total)
    return {
        "count": count,
        "total": total,
        "fraction": f"{exact.numerator}/{exact.denominator}",
        "percent": f"{float(exact) * 100:.2f}%",
    }


def _info(rule: str, values: dict, *field: str) -> Finding:
    return Finding(
        Outcome.INFO,
        f"{rule}：{values['count']}/{values['total']}（{values['percent']}）",
        values,
        field=field,
    )


def one_per_year(facts: Facts) -> Finding:
    form: AnnualEvaluationForm = facts.form
    rule = "每年对培训机构进行一次考评验审，考评年度已开始"
    if form.year > facts.on.year:
        return fail(rule, f"{form.year} 年尚未开始", ("year",))
    other = [
        h.id
        for h in facts.history
        if h.kind == ids.ANNUAL and filed(h) and h.form.get("year") == form.year
    ]
    if other:
        return fail(rule, f"{form.year} 年度已有考评（编号 {other[0]}）", ("year",), existing=other)
    return Finding(Outcome.PASS, rule, {"year": form.year})


def pass_rate(facts: Facts) -> Finding:
    """培训合格率 from the results 区职建中心 confirmed for assessments held in the year (补考合格计为合格)."""
    year, mark = facts.form.year, facts.params["exam_pass_mark"].value
    outcome: dict[tuple[int, str], bool] = {}
    filings = {reference_id(h.form.get("filing_id")) for h in facts.history if h.kind == ids.EXAM}
    for filing_id in filings:
        for summary, exam in exam_attempts(facts, filing_id):
            if (
                summary.stage != ids.CONFIRMED
                or exam.exam_date is None
                or exam.exam_date.year != year
            ):
                continue
            for result in exam.results:
                key = (filing_id, result.id_number)
                outcome[key] = outcome.get(key, False) or passed(result, mark)
    values = rate(sum(outcome.values()), len(outcome))
    return _info(f"{year}年培训合格率（区职建中心核准的成绩，补考合格计为合格）", values)


def employment_rate(facts: Facts) -> Finding:
    e = facts.form.employment
    return _info("培训后就业率（跟踪的结业学员中已就业的）", rate(e.count, e.total), "employment")


def satisfaction(facts: Facts) -> Finding:
    s = facts.form.satisfaction
    return _info("学员满意程度（参与调查的学员中满意的）", rate(s.count, s.total), "satisfaction")


def complaints(facts: Facts) -> Finding:
    c = facts.form.complaints
    return _info("学员投诉办结率", rate(c.count, c.total), "complaints")


def funds_use(facts: Facts) -> Finding:
    form: AnnualEvaluationForm = facts.form
    total = sum(f.amount for f in form.funds)
    other = sum(f.amount for f in form.funds if f.purpose is FundPurpose.OTHER)
    return Finding(
        Outcome.INFO,
        "培训补贴及收费原则上用于第十三条所列方面；列为“其他”的金额供审查",
        {"total": str(total), "other": str(other)},
        field=("funds",),
    )


def activity(facts: Facts) -> Finding:
    form: AnnualEvaluationForm = facts.form
    classes = [plan for _, plan in approved_classes(facts) if plan.start_date.year == form.year]
    return Finding(
        Outcome.INFO,
        f"{form.year}年经审核同意开办的培训班、建档和安全情况",
        {
            "classes": len(classes),
            "trainees": sum(p.trainee_count for p in classes),
            "archives_complete": form.archives_complete,
            "safety_incidents": form.safety_incidents,
        },
    )


def _not_this_ground(ground: Ground) -> Finding:
    return Finding(Outcome.PASS, f"不适用（立案事由为“{ground.label}”）")


def idle(facts: Facts) -> Finding:
    form: SupervisionCaseForm = facts.form
    if form.ground is not Ground.IDLE:
        return _not_this_ground(form.ground)
    months = facts.params["idle_months"]
    rule = f"{months.value}个月内未组织技能培训：自最后一期培训班结业（或取得、恢复定点资质）之日起满{months.value}个月"
    rec = facts.recognition
    if rec is None:
        return fail(rule, "未关联定点资质")
    last_class = max(
        (plan.end_date for _, plan in approved_classes(facts, filed_by=facts.on)), default=None
    )
    since = max(d for d in (last_class, rec.granted_on, *reinstatements(facts)) if d is not None)
    period_ends = within_months(since, months.value)
    values = {
        "last_class_end": last_class,
        "counted_from": since,
        "period_ends": period_ends,
        "on": facts.on,
    }
    if facts.on > period_ends:
        return Finding(Outcome.PASS, rule, values, parameters=(months,))
    return Finding(
        Outcome.FAIL,
        f"{rule}；期间至 {period_ends.isoformat()} 届满，尚未经过",
        values,
        field=("ground",),
        parameters=(months,),
    )


def evaluation_failed(facts: Facts) -> Finding:
    form: SupervisionCaseForm = facts.form
    if form.ground is not Ground.EVALUATION_FAILED:
        return _not_this_ground(form.ground)
    rule = "年度考评不合格（优胜劣汰）"
    failed = sorted(
        h.form.get("year") for h in facts.history if h.kind == ids.ANNUAL and h.stage == ids.FAILED
    )
    if not failed:
        return fail(rule, "没有考评不合格的年度考评记录", ("ground",))
    return Finding(Outcome.PASS, rule, {"failed_years": failed})


def rectification_deadline(facts: Facts) -> Finding:
    form: SupervisionCaseForm = facts.form
    if form.ground is not Ground.UNAUTHORISED_CHANGE:
        return _not_this_ground(form.ground)
    rule = "擅自缩减更改培训内容、课时的，责令限期整改：须确定整改期限"
    if form.rectification_deadline is None or form.rectification_deadline <= facts.on:
        return fail(rule, "整改期限须晚于立案之日", ("rectification_deadline",))
    return Finding(Outcome.PASS, rule, {"deadline": form.rectification_deadline})


def recovery(facts: Facts) -> Finding:
    form: SupervisionCaseForm = facts.form
    return Finding(
        Outcome.INFO,
        "追缴违规所得；情节严重构成犯罪的移交司法机关",
        {
            "amount_to_recover": str(form.amount_to_recover),
            "referred_to_judiciary": form.referred_to_judiciary,
        },
    )


CRITERIA: tuple[Criterion, ...] = (
    auto("art15_once_a_year", "每年一次考评验审", "第十五条", "年度考评", one_per_year, ANNUAL),
    auto(
        "art15_pass_rate",
        "培训合格率",
        "第十五条",
        "年度考评",
        pass_rate,
        ANNUAL,
        kind=CriterionKind.INFO,
    ),
    auto(
        "art15_employment_rate",
        "培训后就业率",
        "第十五条",
        "年度考评",
        employment_rate,
        ANNUAL,
        kind=CriterionKind.INFO,
    ),
    auto(
        "art15_satisfaction",
        "学员满意程度",
        "第十五条",
        "年度考评",
        satisfaction,
        ANNUAL,
        kind=CriterionKind.INFO,
    ),
    auto(
        "art15_complaints",
        "学员投诉",
        "第十五条",
        "年度考评",
        complaints,
        ANNUAL,
        kind=CriterionKind.INFO,
    ),
    auto(
        "art13_funds_use",
        "补贴及收费使用",
        "第十三条",
        "年度考评",
        funds_use,
        ANNUAL,
        kind=CriterionKind.INFO,
    ),
    auto(
        "art16_activity",
        "年度办班、建档和安全情况",
        "第八条、第十四条、第十六条",
        "年度考评",
        activity,
        ANNUAL,
        kind=CriterionKind.INFO,
    ),
    judged(
        "art15_annual_verdict",
        "年度评估结论",
        "第十五条",
        "年度考评",
        ANNUAL,
        "综合培训合格率、培训后就业率、学员满意程度和投诉情况，按当年考评通知的标准作出合格与否的结论（优胜劣汰）",
    ),
    judged(
        "art8_management_in_practice",
        "管理人员和制度落实，安全无事故",
        "第八条",
        "年度考评",
        ANNUAL,
        "抽查考勤记录、师资管理和课时备案执行情况，核实安全事件及处置",
    ),
    judged(
        "art14_records_kept",
        "培训档案和台账完整",
        "第十四条",
        "年度考评",
        ANNUAL,
        "每期培训班结束后是否按要求建档、做好培训台账",
    ),
    judged(
        "art13_funds_verified",
        "补贴及收费专款专用",
        "第十三条",
        "年度考评",
        ANNUAL,
        "核查补贴和收费是否用于培训师资、教材设备、场地、培训用品、耗材、学员用餐、观摩学习等方面",
    ),
    auto("art16_idle_six_months", "六个月内未组织技能培训", "第十六条", "监督检查", idle, CASE),
    auto(
        "art15_evaluation_failed", "年度考评不合格", "第十五条", "监督检查", evaluation_failed, CASE
    ),
    auto(
        "art16_rectification_deadline",
        "限期整改的期限",
        "第十六条",
        "监督检查",
        rectification_deadline,
        CASE,
    ),
    auto(
        "art16_recovery",
        "追缴违规所得、移交司法机关",
        "第十六条",
        "监督检查",
        recovery,
        CASE,
        kind=CriterionKind.INFO,
    ),
)
