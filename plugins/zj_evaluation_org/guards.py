"""Transition guards: pure functions of the :class:`~core.engine.context.TransitionContext` that
return a refusal message, or None to allow.
"""

from __future__ import annotations

from core.engine.context import TransitionContext
from plugins.zj_evaluation_org.choices import AssessmentOccasion, RevocationGround
from plugins.zj_evaluation_org.filing import filed_by_province, province_filing


def by_province(ctx: TransitionContext) -> bool:
    """三（一）分级: a filing by its institution's registration level; a later application about a
    filing by the department that filed it (谁受理、谁评估；原备案部门)."""
    if ctx.recognition is not None:
        return filed_by_province(ctx.recognition)
    return province_filing(ctx.institution, ctx.form)


def province_only(ctx: TransitionContext) -> str | None:
    if by_province(ctx):
        return None
    return "三（一）：该组织由所在设区市人力社保部门受理和管理（非省级注册登记单位或市级备案），请由市职业技能鉴定中心办理"


def city_only(ctx: TransitionContext) -> str | None:
    if not by_province(ctx):
        return None
    return "三（一）：省部属企业和省级以上注册登记的单位（或省级备案的组织）由省技能人才评价管理服务中心受理和管理"


def score_passed(ctx: TransitionContext) -> str | None:
    """附件2 注：1-4项合计分数必须在90分以上（加分项不计入）."""
    assessment = ctx.assessment
    if assessment.passed:
        return None
    summary = next((line for line in assessment.lines if line.startswith("1-4项合计")), "")
    return f"附件2 注：1-4项合计分数必须在90分以上；{summary or '尚未评分'}"


def pilot_only(refusal: str):
    """Outcomes only a pilot-period assessment may have: 通过 (the precondition for additions) and
    不合格 without consequence (督促整改); ``refusal`` points a final assessment to its own outcome."""

    def guard(ctx: TransitionContext) -> str | None:
        return None if ctx.form.occasion is AssessmentOccasion.PILOT else refusal

    return guard


def final_only(ctx: TransitionContext) -> str | None:
    """合格继续 is the outcome of the comprehensive assessment after the pilot (五（三）)."""
    if ctx.form.occasion is AssessmentOccasion.FINAL:
        return None
    return "五（三）：“合格继续”是试点结束后综合评估的结论；试点期间的评估合格请执行“评估合格”"


def revocation_grounded(ctx: TransitionContext) -> str | None:
    ground = ctx.form.revocation_ground
    if ground is None:
        return "取消试点资格须在评估表中写明依据（五（三）综合评估不合格，或未兑现承诺书）"
    if (
        ground is RevocationGround.FINAL_ASSESSMENT_FAILED
        and ctx.form.occasion is not AssessmentOccasion.FINAL
    ):
        return "五（三）：以综合评估不合格取消试点资格，须为试点结束后的综合评估"
    return None
