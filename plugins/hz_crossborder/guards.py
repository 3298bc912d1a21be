"""Transition guards and refusals of the recognition workflow.

Pure functions of the :class:`~core.engine.context.TransitionContext`: a guard returns a refusal
message or None; :func:`misplaced_judgments` returns typed errors naming the judgment at fault.
"""

from __future__ import annotations

from core.criteria import CriterionKind
from core.engine.context import TransitionContext
from core.errors import ErrorCode, UserError
from plugins.hz_crossborder.rubric import BY_CRITERION, ITEMS
from plugins.hz_crossborder.scoring import SCORING_TRANSITIONS, expert_sheets

# Who records which judgments: 市综试办 decides the judgment gates in its 预审; experts score 附件1.
GATE_TRANSITIONS = ("prereview_pass", "prereview_reject")


def panel_complete(ctx: TransitionContext) -> str | None:
    """The scores are in: enough experts, each having scored all ten items of 附件1."""
    minimum = ctx.params["min_expert_panel"]
    sheets = expert_sheets(ctx.reviews)
    problems = [
        f"专家 {expert} 尚未评分：{'、'.join(i.title for i in ITEMS if i.criterion_id not in sheet)}"
        for expert, sheet in sheets.items()
        if len(sheet) < len(ITEMS)
    ]
    complete = len(sheets) - len(problems)
    if complete < minimum.value:
        problems.insert(
            0,
            f"须至少 {minimum.value} 位专家对附件1全部十项评分（{minimum.reference}），已完成 {complete} 位",
        )
    return "；".join(problems) or None


def misplaced_judgments(ctx: TransitionContext) -> list[UserError]:
    """Gate decisions belong to the 预审, item scores to the experts' scoring; refuse them elsewhere."""
    if ctx.transition.id in SCORING_TRANSITIONS:
        allowed, where = CriterionKind.SCORED, "专家评分只记录附件1各项分数，不判定认定条件"
    elif ctx.transition.id in GATE_TRANSITIONS:
        allowed, where = CriterionKind.GATE, "预审只判定认定条件，附件1各项由专家评分"
    else:
        return []  # core refuses judgments on transitions that record none
    return [
        UserError(
            ErrorCode.INVALID,
            f"{where}（{judgment.criterion_id}）",
            ("input", "judgments", str(i), "criterionId"),
        )
        for i, judgment in enumerate(ctx.judgments)
        if (CriterionKind.SCORED if judgment.criterion_id in BY_CRITERION else CriterionKind.GATE)
        is not allowed
    ]
