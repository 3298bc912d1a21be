"""The ground of each revocation, and the ban that follows from it.

第十五条 names five grounds and attaches “三年内不得再次申报” to them; 第十四条 cancels a recognition
that still does not comply after rectification, and attaches no ban. A cancellation at the check
therefore carries no ban; where the check uncovers one of 第十五条's grounds, the bureau opens a
``revocation`` case under 第十五条 instead.
"""

from __future__ import annotations

from core.engine.context import TransitionContext
from core.recognitions import RevocationGround
from plugins.hz_outsourcing.forms import RevocationForm


def revocation_ground(ctx: TransitionContext) -> RevocationGround:
    if isinstance(ctx.form, RevocationForm):
        ground = ctx.form.ground
        return RevocationGround(ground.label[3:], f"第十五条{ground.label[:3]}", bans=True)
    return RevocationGround(ctx.transition.title, "第十四条", bans=False)
