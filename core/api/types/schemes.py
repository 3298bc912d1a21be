"""Schemes as plugins declare them: rounds, kinds with form schema and workflow, criteria, rules."""

from __future__ import annotations

import datetime as dt

import strawberry
from strawberry.scalars import JSON

from core.api.types.common import CriterionKindEnum, EvaluationModeEnum, RoleEnum, StatusEnum
from core.api.types.transitions import TransitionType
from core.criteria import Criterion
from core.engine.jsonable import jsonable
from core.registry import SchemeEntry
from core.schemes import ApplicationKind, Round
from core.workflow import Stage


@strawberry.type(
    name="Round",
    description="申报批次: a call for applications; closesOn is the last day (inclusive)",
)
class RoundType:
    id: str
    title: str
    opens_on: dt.date
    closes_on: dt.date
    kinds: list[str]
    citation: str

    @classmethod
    def of(cls, r: Round) -> RoundType:
        return cls(
            id=r.id,
            title=r.title,
            opens_on=r.opens_on,
            closes_on=r.closes_on,
            kinds=list(r.kinds),
            citation=r.citation,
        )


@strawberry.type(name="Stage")
class StageType:
    id: str
    title: str
    status: StatusEnum
    role: RoleEnum | None
    citation: str
    editable: bool
    terminal: bool
    panel: RoleEnum | None = strawberry.field(
        description=(
            "The role that scores here as a panel (experts scoring a rubric): each member records their own review "
            "and sees no one else's scores until they have (blind scoring); null where no panel scores"
        )
    )

    @classmethod
    def of(cls, s: Stage) -> StageType:
        return cls(
            id=s.id,
            title=s.title,
            status=s.status,
            role=s.role,
            citation=s.citation,
            editable=s.editable,
            terminal=s.terminal,
            panel=s.panel,
        )


@strawberry.type(name="ApplicationKind")
class KindType:
    id: str
    title: str
    purpose: str
    initiator: RoleEnum = strawberry.field(description="The first of initiators")
    initiators: list[RoleEnum] = strawberry.field(
        description="Roles that may start an application of this kind"
    )
    needs_round: bool
    citation: str
    occupations_from_form: bool = strawberry.field(
        description="The application's occupations are read from its form (its occupation table): send them once, in the form"
    )
    form_schema: JSON = strawberry.field(
        description="JSON Schema of the form data, for rendering the form"
    )
    initial_stage: str
    stages: list[StageType]
    transitions: list[TransitionType]

    @classmethod
    def of(cls, k: ApplicationKind, entry: SchemeEntry) -> KindType:
        return cls(
            id=k.id,
            title=k.title,
            purpose=k.purpose.value,
            initiator=k.initiators[0],
            initiators=list(k.initiators),
            needs_round=k.needs_round,
            occupations_from_form=k.occupations_from is not None,
            citation=k.citation,
            form_schema=k.form.model_json_schema(),
            initial_stage=k.workflow.initial,
            stages=[StageType.of(s) for s in k.workflow.stages],
            transitions=[TransitionType.of(t, entry, k.id) for t in k.workflow.transitions],
        )


@strawberry.type(name="Criterion")
class CriterionType:
    id: str
    title: str
    citation: str
    kind: CriterionKindEnum
    mode: EvaluationModeEnum
    category: str
    max_points: float | None
    kinds: list[str]
    guidance: str

    @classmethod
    def of(cls, c: Criterion) -> CriterionType:
        return cls(
            id=c.id,
            title=c.title,
            citation=c.citation,
            kind=c.kind,
            mode=c.mode,
            category=c.category,
            max_points=c.max_points,
            kinds=list(c.kinds),
            guidance=c.guidance,
        )


@strawberry.type(name="ParameterValue")
class ParameterValueType:
    since: dt.date
    value: JSON
    reference: str


@strawberry.type(
    name="Parameter", description="A policy number with its legal source and dated history"
)
class ParameterType:
    name: str
    description: str
    reference: str
    history: list[ParameterValueType]


@strawberry.type(name="QuotaRule")
class QuotaRuleType:
    id: str
    title: str
    citation: str
    limit_parameter: str


@strawberry.type(name="Scheme")
class SchemeType:
    id: str
    title: str
    document_number: str
    authority: str
    jurisdiction: str
    effective_from: dt.date
    effective_to: dt.date | None
    version: str
    plugin: str
    plugin_version: str
    recognition_title: str
    summary: str
    rounds: list[RoundType]
    kinds: list[KindType]
    criteria: list[CriterionType]
    quota_rules: list[QuotaRuleType]
    parameters: list[ParameterType]

    @classmethod
    def of(cls, e: SchemeEntry) -> SchemeType:
        s = e.scheme
        return cls(
            id=s.id,
            title=s.title,
            document_number=s.document_number,
            authority=s.authority,
            jurisdiction=s.jurisdiction,
            effective_from=s.effective_from,
            effective_to=s.effective_to,
            version=s.version,
            plugin=e.plugin,
            plugin_version=e.plugin_version,
            recognition_title=s.recognition_title,
            summary=s.summary,
            rounds=[RoundType.of(r) for r in e.rounds.values()],
            kinds=[KindType.of(k, e) for k in e.kinds.values()],
            criteria=[CriterionType.of(c) for c in e.criteria.values()],
            quota_rules=[
                QuotaRuleType(
                    id=q.id, title=q.title, citation=q.citation, limit_parameter=q.limit_parameter
                )
                for q in e.quota_rules.values()
            ],
            parameters=[
                ParameterType(
                    name=p.name,
                    description=p.description,
                    reference=p.reference,
                    history=[
                        ParameterValueType(since=d, value=jsonable(v), reference=r)
                        for d, v, r in p.history
                    ],
                )
                for p in s.parameters
            ],
        )
