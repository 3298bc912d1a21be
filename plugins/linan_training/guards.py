"""Transition guards: pure functions of the TransitionContext returning a refusal message or None.

What needs the institution's history is a criterion (checked through ``requires_gates``); what
depends on the day the step is taken, on the step itself or on the case's ground is a guard.
"""

from __future__ import annotations

from core.engine.context import TransitionContext
from core.recognitions import RecognitionStatus
from core.workflow import Guard
from plugins.linan_training.criteria.classes import needs_special_consent, plan_of
from plugins.linan_training.forms.oversight import Ground

# -- 第六条、第七条: class filings and changes -------------------------------------------------------


def class_not_started(ctx: TransitionContext) -> str | None:
    """经区人力社保局审核同意后方可培训: approval on or before the first day of the class."""
    start = plan_of(ctx.form).start_date
    if ctx.today > start:
        return f"第六条：经审核同意后方可培训；开班日期 {start.isoformat()} 已过，应退回修改开班日期后重新上报"
    return None


def standard_class(ctx: TransitionContext) -> str | None:
    if needs_special_consent(plan_of(ctx.form), ctx.params):
        return "第七条：超过人数上限或“其他”类培训班属特殊情况，须经“同意特殊情况开班”（approve_special）并写明意见"
    return None


def special_class(ctx: TransitionContext) -> str | None:
    """The consent of 第七条 is given for a special case, in words: judgments alone do not explain it."""
    if not needs_special_consent(plan_of(ctx.form), ctx.params):
        return "本班未超过第七条人数上限，按一般程序审核同意（approve）"
    if not ctx.comment.strip():
        return "第七条：同意特殊情况开班须写明同意的理由"
    return None


# -- 第九条至第十一条: assessments ------------------------------------------------------------------


def centre_fields_empty(ctx: TransitionContext) -> str | None:
    form = ctx.form
    if form.results or form.examiners or form.exam_date:
        return "第九条、第十一条：考核日期、考评人员和成绩由区职建中心录入，培训机构申报时不得填写"
    return None


def results_complete(ctx: TransitionContext) -> str | None:
    form = ctx.form
    scored = {r.id_number for r in form.results}
    problems = []
    if missing := [c.name for c in form.candidates if c.id_number not in scored]:
        problems.append(f"未录入成绩：{'、'.join(missing)}")
    if form.exam_date is None:
        problems.append("未填写考核日期")
    elif form.exam_date > ctx.today:
        problems.append(f"考核日期 {form.exam_date.isoformat()} 晚于今天")
    if not form.examiners:
        problems.append("未填写考评人员")
    return f"第十一条：核准成绩前须处理：{'；'.join(problems)}" if problems else None


# -- 第十五条、第十六条: supervision cases -----------------------------------------------------------

SANCTIONS: dict[Ground, tuple[str, ...]] = {
    Ground.UNAUTHORISED_CHANGE: (
        "order_rectification",
        "suspend",
    ),  # 责令限期整改；情况严重的暂停定点资质
    Ground.FALSIFICATION: ("cancel",),  # 取消定点资格
    Ground.SUBSIDY_FRAUD: ("cancel",),
    Ground.OVERCHARGING: ("cancel",),
    Ground.IDLE: ("suspend", "cancel"),  # 暂停或取消
    Ground.EVALUATION_FAILED: ("suspend", "cancel"),  # 优胜劣汰（选定的解读）
}
NAMES = {"order_rectification": "责令限期整改", "suspend": "暂停定点资质", "cancel": "取消定点资格"}


def sanction_allowed(measure: str) -> Guard:
    """The measure must be one 第十六条 (or 第十五条) provides for the case's ground."""

    def guard(ctx: TransitionContext) -> str | None:
        ground = ctx.form.ground
        allowed = SANCTIONS[ground]
        if measure in allowed:
            return None
        return f"第十六条：“{ground.label}”可采取的措施为{'、'.join(NAMES[m] for m in allowed)}，不能{NAMES[measure]}"

    guard.__name__ = f"sanction_allowed_{measure}"
    return guard


def designation_in_force(ctx: TransitionContext) -> str | None:
    rec = ctx.recognition
    if rec is None or rec.status is not RecognitionStatus.ACTIVE:
        return "只能暂停有效的定点资质"
    return None


def designation_suspended(ctx: TransitionContext) -> str | None:
    rec = ctx.recognition
    if rec is None or rec.status is not RecognitionStatus.SUSPENDED:
        return "只能恢复处于暂停状态的定点资质"
    return None


def rectification_reported(ctx: TransitionContext) -> str | None:
    if any(review.transition == "report_rectification" for review in ctx.reviews):
        return None
    return "第十六条：培训机构尚未报告整改情况，不能以整改完成结案"


def rectification_overdue(ctx: TransitionContext) -> str | None:
    deadline = ctx.form.rectification_deadline
    if deadline is not None and ctx.today > deadline:
        return None
    return f"整改期限至 {deadline.isoformat() if deadline else '（未定）'}，期限届满前不能以逾期未整改为由暂停定点资质"
