"""Transition guards of the biennial assessment (五（二）（三）) and the bound on expert scores.

Guards are pure functions of the :class:`~core.engine.context.TransitionContext` returning a
refusal message or None. :func:`scores_beyond_recorded_facts` is a refusal-hook check: an expert
may not give points to an item the recorded facts say is missing (“无…不得分”).
"""

from __future__ import annotations

from core.criteria import CriterionKind, EvaluationMode
from core.engine.context import TransitionContext
from core.errors import ErrorCode, UserError
from core.recognitions import RecognitionStatus
from core.scoring import ReviewFacts, latest_judgments
from plugins.hz_practical_base.aggregation import FAIL


def _score(ctx: TransitionContext) -> str:
    return f"考核得分 {ctx.assessment.total:g}" if ctx.assessment.total is not None else "尚无得分"


def grade_not_failing(ctx: TransitionContext) -> str | None:
    """考核通过: only with a grade, and never with 不合格 (which is 撤销并摘牌)."""
    if ctx.assessment.grade is None:
        return "尚未评定考核等级：须所有专家评分项均已评分（五（二））"
    if ctx.assessment.grade == FAIL:
        return f"考核结果为不合格（{_score(ctx)}），应予撤销并摘牌，不能确认通过（五（二）（三））"
    return None


def grade_failing(ctx: TransitionContext) -> str | None:
    """撤销并摘牌: only on a 不合格 result."""
    if ctx.assessment.grade == FAIL:
        return None
    grade = ctx.assessment.grade or "尚未评定"
    return (
        f"考核结果为{grade}（{_score(ctx)}）；只有考核结果不合格的分基地予以撤销并摘牌（五（二））"
    )


def automatic_fail_recorded(ctx: TransitionContext) -> str | None:
    """Skipping the experts' scoring is for a ground of 五（三） only."""
    if ctx.form.automatic_fail_grounds:
        return None
    return "未记录五（三）所列情形，须由专家按附件3 评分后评定等级"


def all_items_scored(ctx: TransitionContext) -> str | None:
    current = ReviewFacts(
        ctx.actor, ctx.role.value, ctx.stage.id, ctx.transition.id, None, ctx.judgments
    )
    judged = latest_judgments([*ctx.reviews, current])
    missing = [
        f"{r.citation} {r.title}"
        for r in ctx.results
        if r.kind is CriterionKind.SCORED
        and r.mode is EvaluationMode.JUDGMENT
        and not judged.get(r.criterion_id)
    ]
    return f"尚未评分：{'、'.join(missing)}" if missing else None


def recognition_in_force(ctx: TransitionContext) -> str | None:
    if ctx.recognition is not None and ctx.recognition.status is RecognitionStatus.ACTIVE:
        return None
    status = ctx.recognition.status.value if ctx.recognition else "无"
    return f"所考核的分基地认定不在有效状态（{status}）"


def scores_beyond_recorded_facts(ctx: TransitionContext) -> list[UserError]:
    bounds = {r.criterion_id: r for r in ctx.results if "max_allowed" in r.values}
    errors = []
    for i, judgment in enumerate(ctx.judgments):
        result = bounds.get(judgment.criterion_id)
        if (
            result is None
            or judgment.points is None
            or judgment.points <= result.values["max_allowed"]
        ):
            continue
        errors.append(
            UserError(
                ErrorCode.SCORE_OUT_OF_RANGE,
                f"{result.citation} {result.title}：{result.rule}；"
                f"给出 {judgment.points:g} 分，最高 {result.values['max_allowed']:g} 分",
                ("input", "judgments", str(i), "points"),
            )
        )
    return errors
