"""``ApplicationFilter.myScore``: a panel member's work list, the applications at a stage their role
scores as a panel, split by whether they have recorded their own review there yet (the same test
blind scoring makes: :func:`core.access.blind_to_scores`)."""

from __future__ import annotations

import enum

import strawberry
from sqlalchemy import and_, exists, false, or_
from sqlalchemy.sql.elements import ColumnElement

from core.actors import Actor
from core.db import models
from core.registry import Registry


@strawberry.enum(
    name="MyScore",
    description="Where the caller stands on an application at a stage their role scores as a panel",
)
class MyScore(enum.Enum):
    AWAITING = strawberry.enum_value(
        "awaiting",
        description=(
            "They have not yet recorded their review at its current stage (those they must recuse themselves from "
            "included: see availableActions' reasonCode CONFLICT_OF_INTEREST)"
        ),
    )
    RECORDED = strawberry.enum_value(
        "recorded", description="They have recorded their review at its current stage"
    )


def my_score(actor: Actor, registry: Registry, wanted: MyScore) -> ColumnElement[bool]:
    """SQL condition on ``applications``: at a stage whose panel is the actor's role, reviewed there by
    the actor (RECORDED) or not yet (AWAITING); nothing for a role that sits on no panel."""
    A, R = models.Application, models.Review
    stages = [
        and_(A.scheme_id == entry.scheme.id, A.kind == kind.id, A.stage == stage.id)
        for entry in registry.schemes.values()
        for kind in entry.kinds.values()
        for stage in kind.workflow.stages
        if stage.panel is actor.role
    ]
    if not stages:
        return false()
    reviewed = exists().where(
        R.application_id == A.id, R.reviewer == actor.name, R.stage == A.stage
    )
    return and_(or_(*stages), reviewed if wanted is MyScore.RECORDED else ~reviewed)
