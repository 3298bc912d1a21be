"""第九条至第十一条: 鉴定申报 after training, 考培分离, 应知/应会, one retake per training year.

Candidates are checked against the class (its effective plan) and against earlier assessments of
the same class in the institution's history; results entered by 区职建中心 are summarised for the
aggregate (who passed, who failed) and for the certificates of 第十一条.
"""

from __future__ import annotations

from core.criteria import ApplicationSummary, Criterion, CriterionKind, Facts, Finding, Outcome
from core.pii import mask_value
from plugins.linan_training import ids
from plugins.linan_training.criteria.common import all_true, auto, fail
from plugins.linan_training.forms import ExamApplicationForm
from plugins.linan_training.forms.exams import Assessor, Attempt, CertificateType, Result
from plugins.linan_training.history import (
    approved_filing,
    effective_plan,
    exam_attempts,
    passed,
    teacher_pool,
    training_year,
)

EXAM = (ids.EXAM,)
RESULTS = "art10_exam_results"  # read by the aggregate


def _who(person) -> str:
    """A person as named in a finding, which is stored and shown: the id number masked (:mod:`core.pii`)."""
    return f"{person.name}（{mask_value(person.id_number)}）"


def after_training(facts: Facts) -> Finding:
    form: ExamApplicationForm = facts.form
    rule = "培训结束后按教学计划提出鉴定申报，考生为本班学员"
    filing = approved_filing(facts, form.filing_id)
    if filing is None:
        return fail(rule, "未找到所填的已审核同意的办班备案", ("filing_id",))
    plan = effective_plan(facts, filing)
    if facts.on < plan.end_date:
        return fail(
            rule,
            f"培训班 {plan.end_date.isoformat()} 结业，结业前不能申报",
            ("filing_id",),
            end_date=plan.end_date,
        )
    if len(form.candidates) > plan.trainee_count:
        return fail(
            rule,
            f"考生 {len(form.candidates)} 人多于本班培训人数 {plan.trainee_count} 人",
            ("candidates",),
        )
    return Finding(
        Outcome.PASS,
        rule,
        {"class": plan.class_name, "end_date": plan.end_date, "candidates": len(form.candidates)},
    )


def assessor(facts: Facts) -> Finding:
    form: ExamApplicationForm = facts.form
    rule = "结业考核由区职建中心命题、组织考核和阅卷；职业资格（技能等级）考核由区职建中心或社会培训评价机构组织实施"
    if form.certificate is CertificateType.COMPLETION and form.assessor is not Assessor.CENTRE:
        return fail(rule, "结业证书考核须由区职建中心组织", ("assessor",))
    return Finding(Outcome.PASS, rule, {"assessor": form.evaluation_org or form.assessor.label})


def site_ready(facts: Facts) -> Finding:
    return all_true(
        facts, {"site_ready": "已准备好考核场地、设备"}, "培训机构按要求准备好考核场地、设备"
    )


def _first_results(
    attempts: list[tuple[ApplicationSummary, ExamApplicationForm]], id_number: str
) -> tuple[ExamApplicationForm | None, Result | None]:
    """The confirmed first assessment holding this candidate's result, with the result."""
    for summary, form in attempts:
        if summary.stage == ids.CONFIRMED and form.attempt is Attempt.FIRST:
            for result in form.results:
                if result.id_number == id_number:
                    return form, result
    return None, None


def retake_once(facts: Facts) -> Finding:
    form: ExamApplicationForm = facts.form
    attempts = exam_attempts(facts, form.filing_id)
    if form.attempt is Attempt.FIRST:
        rule = "每名学员参加一次本班首次考核"
        sat = {c.id_number for _, f in attempts if f.attempt is Attempt.FIRST for c in f.candidates}
        again = [_who(c) for c in form.candidates if c.id_number in sat]
        if again:
            return fail(
                rule,
                f"已参加过本班首次考核：{'、'.join(again)}（不合格的可申请补考）",
                ("candidates",),
                repeated=again,
            )
        return Finding(Outcome.PASS, rule)
    mark, allowed = facts.params["exam_pass_mark"], facts.params["retakes_per_training_year"]
    starts = facts.params["training_year_starts"]
    rule = f"考核不合格的学员同一培训年度内可以补考{allowed.value}次"
    refused = []
    for c in form.candidates:
        first, result = _first_results(attempts, c.id_number)
        who = _who(c)
        if result is None:
            refused.append(f"{who}无本班首次考核成绩")
            continue
        if passed(result, mark.value):
            refused.append(f"{who}首次考核已合格")
            continue
        year_start, year_end = training_year(first.exam_date, starts.value)
        if not year_start <= facts.on <= year_end:
            refused.append(
                f"{who}首次考核于 {first.exam_date.isoformat()}，补考须在同一培训年度"
                f"（{year_start.isoformat()} 至 {year_end.isoformat()}）内申请"
            )
            continue
        used = sum(
            1
            for _, f in attempts
            if f.attempt is Attempt.RETAKE and any(x.id_number == c.id_number for x in f.candidates)
        )
        if used >= allowed.value:
            refused.append(f"{who}已补考{used}次")
    if refused:
        return Finding(
            Outcome.FAIL,
            f"{rule}；不能补考：{'；'.join(refused)}",
            {"refused": refused},
            field=("candidates",),
            parameters=(allowed, starts, mark),
        )
    return Finding(
        Outcome.PASS, rule, {"candidates": len(form.candidates)}, parameters=(allowed, starts, mark)
    )


def separation(facts: Facts) -> Finding:
    form: ExamApplicationForm = facts.form
    rule = "考培分离：考评人员不得为本机构培训师资库教师或本班上课教师"
    filing = approved_filing(facts, form.filing_id)
    teachers = set(teacher_pool(facts))
    if filing is not None:
        teachers |= {m.teacher.id_number for m in effective_plan(facts, filing).modules}
    conflicts = [_who(e) for e in form.examiners if e.id_number in teachers]
    if conflicts:
        return fail(
            rule,
            f"考评人员为本机构教师：{'、'.join(conflicts)}",
            ("examiners",),
            conflicts=conflicts,
        )
    return Finding(Outcome.PASS, rule, {"examiners": len(form.examiners)})


def exam_results(facts: Facts) -> Finding:
    form: ExamApplicationForm = facts.form
    mark = facts.params["exam_pass_mark"]
    by_id = {r.id_number: r for r in form.results}
    outcome = {"passed": [], "failed": [], "pending": []}
    for c in form.candidates:
        result = by_id.get(c.id_number)
        key = "pending" if result is None else "passed" if passed(result, mark.value) else "failed"
        outcome[key].append(c.name)
    issuer = (
        "区职建中心"
        if form.certificate is CertificateType.COMPLETION
        else form.evaluation_org or "区职建中心"
    )
    return Finding(
        Outcome.INFO,
        f"应知、应会成绩均达{mark.value}分及以上为合格；成绩由区职建中心核准后交培训机构公布，"
        f"{form.certificate.label}由{issuer}打印",
        {**outcome, "certificate": form.certificate.label, "issuer": issuer},
        field=("results",),
        parameters=(mark,),
    )


CRITERIA: tuple[Criterion, ...] = (
    auto("art9_after_training", "培训结束后鉴定申报", "第九条", "鉴定考核", after_training, EXAM),
    auto("art10_assessor", "考核组织实施单位", "第十条", "鉴定考核", assessor, EXAM),
    auto("art10_site_ready", "准备考核场地、设备", "第十条", "鉴定考核", site_ready, EXAM),
    auto(
        "art10_retake_once",
        "不合格的同一培训年度内补考一次",
        "第十条",
        "鉴定考核",
        retake_once,
        EXAM,
    ),
    auto("art9_separation", "考培分离", "第九条", "鉴定考核", separation, EXAM),
    auto(
        RESULTS,
        "考核成绩和证书",
        "第十条、第十一条",
        "鉴定考核",
        exam_results,
        EXAM,
        kind=CriterionKind.INFO,
    ),
)
