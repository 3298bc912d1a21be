"""第六条 办班备案 and its changes, 第七条 class sizes, 第五条 teachers from the pool, 第十二条 fees.

A change request carries the whole revised plan, so every plan check runs on ``revised`` for it.
"""

from __future__ import annotations

from core.counting import at_most
from core.criteria import Criterion, Facts, Finding, Outcome
from core.parameters import ParameterValue, ParameterView
from core.periods import latest_day_ahead, working_days_strictly_between
from plugins.linan_training import ids
from plugins.linan_training.criteria.common import auto, fail, judged
from plugins.linan_training.forms import ClassChangeForm, ClassPlan, FeeApprovalForm
from plugins.linan_training.forms.classes import ClassType
from plugins.linan_training.history import (
    approved_filing,
    current_designation,
    effective_plan,
    qualified,
    teacher_pool,
)
from plugins.linan_training.levels import Tier, tier_of

CLASS = (ids.CLASS_FILING, ids.CLASS_CHANGE)


def plan_of(form: ClassPlan | ClassChangeForm) -> ClassPlan:
    return form.revised if isinstance(form, ClassChangeForm) else form


def _at(form: ClassPlan | ClassChangeForm, *path: str) -> tuple[str, ...]:
    """The field path of a plan field, inside ``revised`` for a change request."""
    return ("revised", *path) if isinstance(form, ClassChangeForm) else path


def within_licence(facts: Facts) -> Finding:
    plan = plan_of(facts.form)
    rule = "培训工种和等级在行政许可（定点）范围内"
    designated = facts.recognition.occupations if facts.recognition else ()
    if plan.occupation not in designated:
        return fail(
            rule,
            f"“{plan.occupation}”不是定点工种（{'、'.join(designated) or '无'}）",
            _at(facts.form, "occupation"),
            designated=list(designated),
        )
    designation = current_designation(facts)
    scope = (
        next((s for s in designation.licence.scope if s.occupation == plan.occupation), None)
        if designation
        else None
    )
    if scope is not None and not scope.highest_level.at_least(plan.level):
        return fail(
            rule,
            f"许可的最高等级为{scope.highest_level.label}，不能开办{plan.level.label}培训",
            _at(facts.form, "level"),
            licensed=scope.highest_level.label,
        )
    return Finding(Outcome.PASS, rule, {"occupation": plan.occupation, "level": plan.level.label})


def lead_time(facts: Facts) -> Finding:
    plan: ClassPlan = facts.form
    lead = facts.params["filing_lead_working_days"]
    deadline = latest_day_ahead(facts.calendar, plan.start_date, lead.value)
    rule = (
        f"办班前{lead.value}个工作日上报：上报日与开班日 {plan.start_date.isoformat()} 之间（两日均不计）须有"
        f"{lead.value}个工作日，最迟于 {deadline.isoformat()} 上报（节假日不计，调休上班日计入）"
    )
    values = {
        "filed_on": facts.on,
        "start_date": plan.start_date,
        "latest_filing_day": deadline,
        "working_days_before_start": working_days_strictly_between(
            facts.calendar, facts.on, plan.start_date
        ),
    }
    return Finding(
        Outcome.PASS if facts.on <= deadline else Outcome.FAIL,
        rule,
        values,
        field=("start_date",),
        parameters=(lead,),
    )


def teachers_from_pool(facts: Facts) -> Finding:
    plan = plan_of(facts.form)
    pool, tier = teacher_pool(facts), tier_of(plan.level)
    rule = f"上课教师均为培训师资库中登记的{plan.occupation}{tier.label}教师（{'第五条（二）' if tier is Tier.ADVANCED else '第五条（一）'}）"
    problems = []
    for i, module in enumerate(plan.modules):
        teacher, entries = module.teacher, pool.get(module.teacher.id_number, [])
        if not entries:
            problems.append((i, f"{teacher.name}（{module.topic}）未入培训师资库"))
        elif not qualified(entries, tier, module.teaching, plan.occupation):
            problems.append(
                (
                    i,
                    f"{teacher.name}（{module.topic}）未登记为{plan.occupation}{tier.label}{module.teaching.label}教师",
                )
            )
        elif all(entry.name != teacher.name for entry in entries):
            problems.append((i, f"{teacher.name}（{module.topic}）姓名与师资库登记不符"))
    if problems:
        return Finding(
            Outcome.FAIL,
            f"{rule}；{'；'.join(text for _, text in problems)}",
            {"not_qualified": [text for _, text in problems]},
            field=_at(facts.form, "modules", str(problems[0][0]), "teacher"),
        )
    return Finding(Outcome.PASS, rule, {"teachers": sorted({m.teacher.name for m in plan.modules})})


def size_cap(class_type: ClassType, params: ParameterView) -> ParameterValue | None:
    """第七条's cap for a class type; ``None`` for 其他, which always needs the bureau's consent."""
    if class_type is ClassType.OTHER:
        return None
    return params[
        "max_class_size_entrepreneurship"
        if class_type is ClassType.ENTREPRENEURSHIP
        else "max_class_size"
    ]


def needs_special_consent(plan: ClassPlan, params: ParameterView) -> bool:
    """其他特殊情况 (第七条): a class above its cap, or of another type, opens only with the bureau's consent."""
    cap = size_cap(plan.class_type, params)
    return cap is None or plan.trainee_count > cap.value


def class_size(facts: Facts) -> Finding:
    plan = plan_of(facts.form)
    cap = size_cap(plan.class_type, facts.params)
    values = {"trainee_count": plan.trainee_count, "class_type": plan.class_type.label}
    if cap is None:
        rule = "其他类培训班须说明特殊情况，报区人力社保局同意后方可开班"
        if plan.special_case.strip():
            return Finding(Outcome.PASS, rule, {**values, "needs_consent": True})
        return fail(rule, "未说明特殊情况", _at(facts.form, "special_case"), **values)
    within, limit = at_most(plan.trainee_count, cap.value, "人")
    rule = f"{plan.class_type.label}培训班每班次一般不超过{cap.value}人（{limit}）"
    if within:
        return Finding(Outcome.PASS, rule, {**values, "threshold": cap.value}, parameters=(cap,))
    if plan.special_case.strip():
        return Finding(
            Outcome.PASS,
            f"{rule}；超过的已说明特殊情况，须经区人力社保局同意后方可开班",
            {**values, "threshold": cap.value, "needs_consent": True},
            parameters=(cap,),
        )
    return Finding(
        Outcome.FAIL,
        f"{rule}；超过的须说明特殊情况，报区人力社保局同意",
        {**values, "threshold": cap.value},
        field=_at(facts.form, "trainee_count"),
        parameters=(cap,),
    )


def fee_prior_approval(facts: Facts) -> Finding:
    plan = plan_of(facts.form)
    rule = "向学员收费须事前申请，经区人力社保局核准后方可收费，且不超过核准标准"
    if not plan.charges_fee:
        return Finding(Outcome.PASS, f"{rule}（本班不收费）", {"charges_fee": False})
    where = _at(facts.form, "fee_approval_id")
    if plan.fee_approval_id is None:
        return fail(rule, "未填写已核准的收费申请", where)
    approval = next(
        (h for h in facts.history if h.kind == ids.FEE and h.id == plan.fee_approval_id), None
    )
    if approval is None or approval.stage != ids.APPROVED:
        return fail(rule, "所填的收费申请未经核准", where)
    approved = FeeApprovalForm.model_validate(approval.form)
    if approved.occupation != plan.occupation:
        return fail(
            rule, f"核准的收费适用于“{approved.occupation}”，不适用于“{plan.occupation}”", where
        )
    if plan.fee_per_trainee > approved.fee_per_trainee:
        return fail(
            rule,
            f"每人收费 {plan.fee_per_trainee} 元超过核准标准 {approved.fee_per_trainee} 元",
            _at(facts.form, "fee_per_trainee"),
            approved=str(approved.fee_per_trainee),
        )
    return Finding(
        Outcome.PASS,
        rule,
        {"fee_per_trainee": str(plan.fee_per_trainee), "approved": str(approved.fee_per_trainee)},
    )


def change_in_time(facts: Facts) -> Finding:
    form: ClassChangeForm = facts.form
    rule = "调整已审核同意的办班计划，须在培训结束前提出，且不改变培训工种和班级类型"
    filing = approved_filing(facts, form.filing_id)
    if filing is None:
        return fail(rule, "未找到所填的已审核同意的办班备案", ("filing_id",))
    current = effective_plan(facts, filing)
    if facts.on > current.end_date:
        return fail(
            rule,
            f"培训班已于 {current.end_date.isoformat()} 结业",
            ("filing_id",),
            end_date=current.end_date,
        )
    if (form.revised.occupation, form.revised.class_type) != (
        current.occupation,
        current.class_type,
    ):
        return fail(rule, "培训工种或班级类型不同的，应另行办班备案", ("revised", "occupation"))
    changed = [
        name
        for name in ClassPlan.model_fields
        if getattr(form.revised, name) != getattr(current, name)
    ]
    return Finding(
        Outcome.PASS,
        rule,
        {
            "changed": changed,
            "hours_before": current.total_hours,
            "hours_after": form.revised.total_hours,
        },
    )


CRITERIA: tuple[Criterion, ...] = (
    auto(
        "art6_within_licence",
        "培训工种和等级在许可范围内",
        "第六条",
        "办班备案",
        within_licence,
        CLASS,
    ),
    auto(
        "art6_filing_lead_time",
        "办班前3个工作日上报",
        "第六条",
        "办班备案",
        lead_time,
        (ids.CLASS_FILING,),
    ),
    auto(
        "art6_change_in_time",
        "及时申请调整教学计划",
        "第六条",
        "办班备案",
        change_in_time,
        (ids.CLASS_CHANGE,),
    ),
    auto(
        "art5_teachers_from_pool",
        "上课教师来自培训师资库且资格相符",
        "第五条、第六条",
        "上课师资",
        teachers_from_pool,
        CLASS,
    ),
    auto("art7_class_size", "每班次培训人数", "第七条", "班级规模", class_size, CLASS),
    auto(
        "art12_fee_prior_approval", "收费经事前核准", "第十二条", "收费", fee_prior_approval, CLASS
    ),
    judged(
        "art6_textbooks_verified",
        "使用区人力社保局指定或核准的教材",
        "第六条",
        "办班备案",
        CLASS,
        "核对每种教材是否在区人力社保局指定教材目录内或已经核准（文号属实），不得私自使用教材；"
        "同时审核办班计划、培训内容和课时安排",
    ),
)
