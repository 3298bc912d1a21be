"""Transition guards of the biennial check (第十四条: 限期整改，直至取消原认定).

Pure functions of the :class:`~core.engine.context.TransitionContext`: a refusal message, or None.
"""

from __future__ import annotations

import datetime as dt

from core.engine.context import TransitionContext
from core.periods import within_days

RECTIFY = "check_rectify"


def rectification_ordered(ctx: TransitionContext) -> str | None:
    """Revocation at a check only after a rectification was ordered and the check still fails."""
    if any(review.transition == RECTIFY for review in ctx.reviews):
        return None
    return (
        "第十四条：检查登记中发现不符合有关规定的，应当先限期整改，整改后仍不符合的方可取消认定；"
        "属第十五条所列情形的，请通过“取消认定”办理"
    )


def rectification_deadline(ctx: TransitionContext) -> dt.date:
    """The last day of the rectification period: N calendar days counted from the day after it was ordered."""
    return within_days(ctx.stage_entered_on, int(ctx.params.value("rectification_days")))


def rectification_overdue(ctx: TransitionContext) -> str | None:
    """Revocation without a resubmission only once the rectification period has run out."""
    deadline = rectification_deadline(ctx)
    if ctx.today > deadline:
        return None
    reference = ctx.params["rectification_days"].reference
    return (
        f"整改期限至 {deadline.isoformat()}（{reference}），期限届满前不能以逾期未整改为由取消认定"
    )
