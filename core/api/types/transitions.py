"""A workflow transition as clients see it: who takes it, what it asks of them (the judgments it
records and which must be decided, score ranges, a written reason, gates, time in stage, the
round), and, for the caller, whether they may take it now (:func:`may_take`)."""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import strawberry

from core.api.context import Info
from core.api.types.common import (
    CriterionKindEnum,
    EffectEnum,
    ErrorCodeEnum,
    ReviewModeEnum,
    RoleEnum,
)
from core.engine.requirements import (
    JudgmentRequirement,
    conflict_refusal,
    four_eyes_refusal,
    gates_apply,
    judgment_requirements,
    min_time_in_stage,
    reason_required,
    role_refusal,
    round_refusal,
    time_in_stage_refusal,
)
from core.errors import Refused, UserError
from core.registry import SchemeEntry
from core.roles import Role
from core.workflow import Transition


@strawberry.type(
    name="JudgmentRequirement",
    description="A criterion a transition records reviewers' judgments on",
)
class JudgmentRequirementType:
    criterion_id: str
    title: str
    citation: str
    kind: CriterionKindEnum = strawberry.field(
        description="GATE: decided with passed; SCORED: given points"
    )
    category: str
    guidance: str = strawberry.field(description="What the reviewer should look at")
    required: bool = strawberry.field(
        description="Must have been decided a pass (each reviewer's latest decision, "
        "this act's included) for the transition to be taken"
    )
    min_points: float | None = strawberry.field(
        description="SCORED: the fewest points a judgment may give (inclusive)"
    )
    max_points: float | None = strawberry.field(
        description="SCORED: the most points a judgment may give (inclusive)"
    )

    @classmethod
    def of(cls, r: JudgmentRequirement) -> JudgmentRequirementType:
        c, points = r.criterion, r.points
        return cls(
            criterion_id=c.id,
            title=c.title,
            citation=c.citation,
            kind=c.kind,
            category=c.category,
            guidance=c.guidance,
            required=r.required,
            min_points=points[0] if points else None,
            max_points=points[1] if points else None,
        )


@strawberry.type(
    name="TimeInStage",
    description="Working days the application must have spent in the stage first, counted from the day after "
    "it entered the stage; the step is taken after the last of them, not on it",
)
class TimeInStageType:
    parameter: str
    working_days: int = strawberry.field(description="The value in force today")
    citation: str
    since: dt.date = strawberry.field(description="The date the value applies from")


@dataclass(frozen=True)
class ActingOn:
    """The application an available action is listed for: what deciding whether the caller may take it reads."""

    application_id: int
    institution_id: int
    round_id: str | None
    stage_entered_on: dt.date


@strawberry.type(
    name="Transition", description="A step of a workflow, who takes it and what it asks of them"
)
class TransitionType:
    id: str
    title: str
    source: str
    target: str
    role: RoleEnum = strawberry.field(description="The only role that may take it")
    citation: str
    effect: EffectEnum
    review: ReviewModeEnum = strawberry.field(
        description="NONE: no judgments; OPTIONAL or REQUIRED: a review is recorded"
    )
    comment_required: bool = strawberry.field(
        description="A written reason must be given: a comment (judgments recorded with the act stand in for it)"
    )
    min_working_days_in_stage: str | None = strawberry.field(
        description="Parameter holding the minimum working days to stay in the source stage"
    )
    submits: bool = strawberry.field(
        description="The applicant's submission: the round's dates (closesOn the last day), "
        "the re-application ban and the automatic gates apply"
    )
    requires_gates: bool = strawberry.field(
        description="Every automatic gate must pass (criterion results of mode "
        "AUTOMATIC and kind GATE not failed)"
    )
    declared: strawberry.Private[Transition]
    entry: strawberry.Private[SchemeEntry]
    kind_id: strawberry.Private[str]
    acting_on: strawberry.Private[ActingOn | None] = None
    verdict: strawberry.Private[asyncio.Future | None] = None

    @classmethod
    def of(
        cls, t: Transition, entry: SchemeEntry, kind_id: str, acting_on: ActingOn | None = None
    ) -> TransitionType:
        return cls(
            id=t.id,
            title=t.title,
            source=t.source,
            target=t.target,
            role=t.role,
            citation=t.citation,
            effect=t.effect,
            review=t.review,
            comment_required=reason_required(t),
            min_working_days_in_stage=t.min_working_days_in_stage,
            submits=t.submits,
            requires_gates=gates_apply(t),
            declared=t,
            entry=entry,
            kind_id=kind_id,
            acting_on=acting_on,
        )

    @strawberry.field(
        description="The criteria it records judgments on (none when review is NONE; scored ones only "
        "for the role that scores at the stage), which must be decided, and the range of each score"
    )
    def judgments(self) -> list[JudgmentRequirementType]:
        return list(_judgments(self.entry, self.kind_id, self.declared))

    @strawberry.field(
        description="Working days the application must have spent in the source stage (a public notice period…)"
    )
    def minimum_time_in_stage(self, info: Info) -> TimeInStageType | None:
        value = min_time_in_stage(
            self.entry.scheme.parameters.at(info.context.platform.today()), self.declared
        )
        if value is None:
            return None
        return TimeInStageType(
            parameter=value.name,
            working_days=int(value.value),
            citation=value.reference,
            since=value.since,
        )

    @strawberry.field(
        description="Whether the caller may take it now: the role; on an application's availableActions "
        "also conflict of interest, four eyes, the round's dates and the time in stage. "
        "Gates, judgments and the ban are checked when it is taken (see the requirements)"
    )
    async def allowed(self, info: Info) -> bool:
        return await self._refusal(info) is None

    @strawberry.field(description="Why the caller may not take it now (null when allowed)")
    async def reason(self, info: Info) -> str | None:
        refusal = await self._refusal(info)
        return refusal.message if refusal else None

    @strawberry.field(description="The code actOnApplication would answer with (null when allowed)")
    async def reason_code(self, info: Info) -> ErrorCodeEnum | None:
        refusal = await self._refusal(info)
        return refusal.code if refusal else None

    def _refusal(self, info: Info) -> asyncio.Future[UserError | None]:
        """Decided once for the three fields above, which resolve concurrently."""
        if self.verdict is None:
            self.verdict = asyncio.ensure_future(
                may_take(info, self.entry, self.kind_id, self.declared, self.acting_on)
            )
        return self.verdict


@lru_cache(maxsize=1024)
def _judgments(
    entry: SchemeEntry, kind_id: str, transition: Transition
) -> tuple[JudgmentRequirementType, ...]:
    stage = entry.kind(kind_id).workflow.stage(transition.source)
    return tuple(
        JudgmentRequirementType.of(r)
        for r in judgment_requirements(entry.criteria_for(kind_id), stage, transition)
    )


async def may_take(
    info: Info, entry: SchemeEntry, kind_id: str, t: Transition, on: ActingOn | None
) -> UserError | None:
    """The first reason the caller may not take ``t`` (on the application ``on``), as the engine would refuse it.
    Per request, conflicts and the event log are read by dataloaders: no statement per application."""
    actor, platform, loaders = info.context.actor, info.context.platform, info.context.loaders
    if (refusal := role_refusal(actor.role, t)) or on is None:
        return refusal
    kind = entry.kind(kind_id)
    stage = kind.workflow.stage(t.source)
    if actor.role is not Role.APPLICANT:
        inst = await loaders.institution.load(on.institution_id)
        if await loaders.conflicts.load(inst.credit_code):
            return conflict_refusal(actor, inst.name)
        if t.target != t.source and (
            refusal := four_eyes_refusal(
                actor, stage, t, await loaders.moves.load(on.application_id)
            )
        ):
            return refusal
    today = platform.today()
    try:
        return round_refusal(
            kind, t, entry.rounds.get(on.round_id) if on.round_id else None, today
        ) or time_in_stage_refusal(
            stage,
            min_time_in_stage(entry.scheme.parameters.at(today), t),
            on.stage_entered_on,
            today,
            platform.calendar,
        )
    except Refused as refused:  # a date the working-day tables do not cover
        return refused.errors[0]
