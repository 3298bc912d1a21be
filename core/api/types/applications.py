"""Application, its evaluation, criterion results, reviews and events, as clients see them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from core import access
from core.api.context import Info
from core.api.types.common import (
    CriterionKindEnum,
    EvaluationModeEnum,
    OutcomeEnum,
    RoleEnum,
    StatusEnum,
)
from core.api.types.institutions import InstitutionType
from core.api.types.recognitions import RecognitionType
from core.api.types.scheme_cache import scheme_type
from core.api.types.schemes import SchemeType, StageType
from core.api.types.transitions import ActingOn, TransitionType
from core.clock import china_date
from core.criteria import CriterionKind, EvaluationMode, Outcome
from core.db import models
from core.roles import Role
from core.workflow import Status


@strawberry.type(
    name="CriterionResult",
    description="One criterion evaluated, with everything needed to explain it",
)
class CriterionResultType:
    criterion_id: str
    title: str
    citation: str
    kind: CriterionKindEnum
    mode: EvaluationModeEnum
    outcome: OutcomeEnum
    rule: str
    values: JSON = strawberry.field(
        description="The values compared, e.g. {actual: 499, threshold: 500}"
    )
    parameters: JSON = strawberry.field(
        description="Policy numbers applied, with article and the date they apply from"
    )
    points: float | None
    max_points: float | None
    field: list[str]

    @classmethod
    def of(cls, r: models.CriterionResult) -> CriterionResultType:
        return cls(
            criterion_id=r.criterion_id,
            title=r.title,
            citation=r.citation,
            kind=CriterionKind(r.kind),
            mode=EvaluationMode(r.mode),
            outcome=Outcome(r.outcome),
            rule=r.rule,
            values=r.values,
            parameters=r.parameters,
            points=r.points,
            max_points=r.max_points,
            field=list(r.field),
        )


@strawberry.type(name="Subtotal")
class SubtotalType:
    """A partial sum the policy document names, e.g. a category of its scoring table."""

    title: str
    points: float | None
    maximum: float | None
    citation: str


@strawberry.type(
    name="Evaluation",
    description="Which plugin and scheme version evaluated, when, and the aggregate",
)
class EvaluationType:
    trigger: str
    evaluated_on: dt.date
    plugin: str
    plugin_version: str
    scheme_version: str
    total: float | None
    maximum: float | None
    passed: bool | None
    grade: str | None
    lines: list[str]
    subtotals: list[SubtotalType] = strawberry.field(
        description="Partial sums the document names (a rubric's categories)"
    )

    @classmethod
    def of(cls, e: models.Evaluation) -> EvaluationType:
        return cls(
            trigger=e.trigger,
            evaluated_on=e.evaluated_on,
            plugin=e.plugin,
            plugin_version=e.plugin_version,
            scheme_version=e.scheme_version,
            total=e.total,
            maximum=e.maximum,
            passed=e.passed,
            grade=e.grade,
            lines=list(e.lines),
            subtotals=[SubtotalType(**s) for s in e.subtotals],
        )


@strawberry.type(name="Judgment")
class JudgmentType:
    criterion_id: str
    passed: bool | None
    points: float | None
    note: str


@strawberry.type(name="Review")
class ReviewType:
    reviewer: str
    role: RoleEnum
    stage: str
    transition: str
    decision: str
    comment: str
    created_at: dt.datetime
    judgments: list[JudgmentType]

    @classmethod
    def of(cls, r: models.Review) -> ReviewType:
        return cls(
            reviewer=r.reviewer,
            role=Role(r.role),
            stage=r.stage,
            transition=r.transition,
            decision=r.decision,
            comment=r.comment,
            created_at=r.created_at,
            judgments=[
                JudgmentType(
                    criterion_id=j.criterion_id, passed=j.passed, points=j.points, note=j.note
                )
                for j in r.judgments
            ],
        )


@strawberry.type(name="Event", description="An entry of the append-only event log")
class EventType:
    at: dt.datetime
    actor: str
    role: str
    action: str
    entity: str
    entity_id: int
    before: JSON | None
    after: JSON | None
    details: JSON

    @classmethod
    def of(cls, e: models.Event, vault) -> EventType:
        return cls(
            at=e.at,
            actor=e.actor,
            role=e.role,
            action=e.action,
            entity=e.entity,
            entity_id=e.entity_id,
            before=vault.mask(e.before),
            after=vault.mask(e.after),
            details=vault.mask(e.details),
        )


@strawberry.type(name="Application")
class ApplicationType(relay.Node):
    pk: relay.NodeID[int]
    scheme_id: str
    kind: str
    round_id: str | None
    stage_id: str
    status: StatusEnum
    occupations: list[str]
    version: int = strawberry.field(
        description="Optimistic-lock version: pass it back with every change"
    )
    submitted_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    institution_id: strawberry.Private[int]
    recognition_id: strawberry.Private[int | None]
    stored_form: strawberry.Private[dict]
    stored_score: strawberry.Private[float | None]
    stored_grade: strawberry.Private[str | None]
    stage_entered_at: dt.datetime = strawberry.field(
        description="When it entered its current stage (how long it has waited there)"
    )

    @strawberry.field(description="The row id, for logs and support; clients should use id")
    def database_id(self) -> int:
        return self.pk

    @strawberry.field(
        description="Form data; 身份证号 and phone numbers masked except for the applicant and the responsible reviewers"
    )
    def form(self, info: Info) -> JSON:
        # an application in view is in the actor's scope: the role alone decides
        return info.context.platform.vault.show(
            self.stored_form, in_clear=info.context.actor.role in access.PERSONAL_DATA_ROLES
        )

    @strawberry.field(
        description="null for an expert of the panel who has not yet scored it (blind scoring)"
    )
    async def score(self, info: Info) -> float | None:
        return None if await self.blind(info) else self.stored_score

    @strawberry.field(
        description="null for an expert of the panel who has not yet scored it (blind scoring)"
    )
    async def grade(self, info: Info) -> str | None:
        return None if await self.blind(info) else self.stored_grade

    async def blind(self, info: Info) -> bool:
        """Blind scoring (:func:`core.access.blind_to_scores`) for the caller."""
        actor = info.context.actor
        stage = (
            info.context.platform.registry.scheme(self.scheme_id)
            .kind(self.kind)
            .workflow.stage(self.stage_id)
        )
        if stage.panel is not actor.role:
            return False  # decided without a query: the caller is not on this stage's panel
        reviews = await info.context.loaders.reviews.load(self.pk)
        return access.blind_to_scores(
            actor, stage, any(r.reviewer == actor.name and r.stage == stage.id for r in reviews)
        )

    @classmethod
    def of(cls, row: models.Application) -> ApplicationType:
        return cls(
            pk=row.id,
            scheme_id=row.scheme_id,
            kind=row.kind,
            round_id=row.round_id,
            stage_id=row.stage,
            status=Status(row.status),
            stored_form=row.form,
            occupations=[o.occupation for o in row.occupations],
            version=row.version,
            stored_score=row.score,
            stored_grade=row.grade,
            submitted_at=row.submitted_at,
            created_at=row.created_at,
            updated_at=row.updated_at,
            institution_id=row.institution_id,
            recognition_id=row.recognition_id,
            stage_entered_at=row.stage_entered_at,
        )

    @strawberry.field
    def scheme(self, info: Info) -> SchemeType:
        return scheme_type(info.context.platform.registry.scheme(self.scheme_id))

    @strawberry.field
    def stage(self, info: Info) -> StageType:
        kind = info.context.platform.registry.scheme(self.scheme_id).kind(self.kind)
        return StageType.of(kind.workflow.stage(self.stage_id))

    @strawberry.field(
        description="Transitions the current stage allows, whoever may take them: what each requires, "
        "and whether the caller may take it now (allowed, reason)"
    )
    def available_actions(self, info: Info) -> list[TransitionType]:
        entry = info.context.platform.registry.scheme(self.scheme_id)
        on = ActingOn(
            self.pk, self.institution_id, self.round_id, china_date(self.stage_entered_at)
        )
        return [
            TransitionType.of(t, entry, self.kind, on)
            for t in entry.kind(self.kind).workflow.available(self.stage_id)
        ]

    @strawberry.field
    async def institution(self, info: Info) -> InstitutionType:
        return InstitutionType.of(await info.context.loaders.institution.load(self.institution_id))

    @strawberry.field(
        description="The recognition this application concerns (reports, checks, revocation cases)"
    )
    async def recognition(self, info: Info) -> RecognitionType | None:
        if self.recognition_id is None:
            return None
        return RecognitionType.of(await info.context.loaders.recognition.load(self.recognition_id))

    @strawberry.field(
        description="The latest evaluation (null for an expert who has not yet scored it)"
    )
    async def evaluation(self, info: Info) -> EvaluationType | None:
        rows = await info.context.loaders.evaluation.load(self.pk)
        return EvaluationType.of(rows[0]) if rows and not await self.blind(info) else None

    @strawberry.field(
        description="Criterion results of the latest evaluation (an expert who has not yet scored it sees the automatic ones only)"
    )
    async def criterion_results(self, info: Info) -> list[CriterionResultType]:
        evaluations = await info.context.loaders.evaluation.load(self.pk)
        if not evaluations:
            return []
        rows = await info.context.loaders.results.load(evaluations[0].id)
        if await self.blind(info):
            rows = [r for r in rows if r.mode == EvaluationMode.AUTOMATIC.value]
        return [CriterionResultType.of(r) for r in rows]

    @strawberry.field(
        description="Reviews recorded; an expert who has not yet scored it at a panel stage sees none of that stage's"
    )
    async def reviews(self, info: Info) -> list[ReviewType]:
        rows = await info.context.loaders.reviews.load(self.pk)
        if await self.blind(info):
            rows = [r for r in rows if r.stage != self.stage_id]
        return [ReviewType.of(r) for r in rows]

    @strawberry.field(
        description="Every recorded change of this application, oldest first (not shown to experts); personal data masked"
    )
    async def events(self, info: Info) -> list[EventType]:
        if not access.sees_events_of_applications(info.context.actor):
            return []
        vault = info.context.platform.vault
        return [EventType.of(e, vault) for e in await info.context.loaders.events.load(self.pk)]

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False):
        loaders = info.context.loaders
        rows = await info.context.in_view(
            loaders.visible_application, [int(i) for i in node_ids], "application"
        )
        return [cls.of(r) if r else None for r in rows]
