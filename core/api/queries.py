"""Read side of the API."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import strawberry
from sqlalchemy import and_, false, func, or_, select
from sqlalchemy.orm import selectinload
from strawberry import relay
from strawberry.scalars import JSON

from core import access
from core.api.context import Info
from core.api.errors import as_graphql_error
from core.api.scoring_filter import MyScore, my_score
from core.api.types.applications import (
    ApplicationType,
    CriterionResultType,
    EventType,
    SubtotalType,
)
from core.api.types.calendar import WorkingCalendarType
from core.api.types.common import (
    Connection,
    OrgTypeEnum,
    RecognitionStatusEnum,
    RoleEnum,
    StatusEnum,
    UserErrorType,
    connection,
    decode_cursor,
    page_size,
)
from core.api.types.identity import ViewerType
from core.api.types.institutions import InstitutionType
from core.api.types.recognitions import RecognitionType
from core.api.types.scheme_cache import scheme_type
from core.api.types.schemes import SchemeType
from core.api.types.vocabulary import DivisionType, OrgTypeOption, divisions, org_types
from core.criteria import EvaluationMode, blocks
from core.db import models
from core.engine.jsonable import jsonable
from core.errors import ErrorCode, Refused
from core.plugins import describe
from core.roles import Role
from core.services.applications import dry_run


@strawberry.input
class InstitutionFilter:
    name_contains: str | None = None
    credit_code: str | None = None
    city_code: str | None = None
    division_code: str | None = None
    org_type: OrgTypeEnum | None = None
    in_scope: bool | None = strawberry.field(
        default=None,
        description=(
            "Only those within your own scope (for an applicant, the institutions it acts for), leaving out "
            "those you see only because they are on the public register"
        ),
    )


@strawberry.input
class ApplicationFilter:
    scheme_id: str | None = None
    round_id: str | None = None
    kind: str | None = None
    stage: str | None = None
    status: StatusEnum | None = None
    city_code: str | None = None
    division_code: str | None = None
    occupation: str | None = None
    institution_id: relay.GlobalID | None = None
    awaiting_role: RoleEnum | None = strawberry.field(
        default=None,
        description=(
            "Only those whose current stage waits on this role (the stage's role): a reviewer's work queue is "
            "awaitingRole set to their own role, within the area they see"
        ),
    )
    my_score: MyScore | None = strawberry.field(
        default=None,
        description=(
            "Only applications at a stage where your role scores as a panel (an expert's work list), "
            "AWAITING your review there or with it RECORDED"
        ),
    )


@strawberry.input
class RecognitionFilter:
    scheme_id: str | None = None
    status: RecognitionStatusEnum | None = None
    city_code: str | None = None
    occupation: str | None = None
    valid_until_before: dt.date | None = strawberry.field(
        default=None,
        description=(
            "Only those whose validity ends on or before this date (recognitions due to expire)"
        ),
    )


@strawberry.type
class QuotaUsage:
    rule_id: str
    title: str
    citation: str
    key: str
    description: str = strawberry.field(
        description="The key in words, e.g. 职业 4-03-02-01（杭州市）"
    )
    used: int
    limit: int
    remaining: int


def quota_usage_of(rule, key: str, used: int, params) -> QuotaUsage:
    """How many of the places ``rule`` allows under ``key`` are taken (``params``: the scheme's values in force)."""
    limit = int(params.value(rule.limit_parameter))
    return QuotaUsage(
        rule_id=rule.id,
        title=rule.title,
        citation=rule.citation,
        key=key,
        description=rule.describe_key(key),
        used=used,
        limit=limit,
        remaining=max(limit - used, 0),
    )


@strawberry.type(
    description="An application's place in a round, by score (tied scores share a rank)"
)
class RankedApplication:
    rank: int
    score: float
    application: ApplicationType


@strawberry.type
class PluginInfo:
    name: str
    version: str
    hooks: list[str]
    builtin: bool


@strawberry.input
class DryRunInput:
    institution_id: relay.GlobalID
    scheme_id: str
    kind: str = "recognition"
    form: JSON
    occupations: list[str] = strawberry.field(default_factory=list)
    on: dt.date | None = None
    recognition_id: relay.GlobalID | None = strawberry.field(
        default=None,
        description="The recognition a report, check or case concerns, checked as on creation; omitted: evaluated as concerning none",
    )


@strawberry.type
class Assessment:
    total: float | None
    maximum: float | None
    passed: bool | None
    grade: str | None
    lines: list[str]
    subtotals: list[SubtotalType]


@strawberry.type
class DryRunResult:
    eligible: bool = strawberry.field(
        description="Every automatic gate passed (judgment gates are still to be decided)"
    )
    results: list[CriterionResultType]
    assessment: Assessment | None
    errors: list[UserErrorType]


def database_id(global_id: relay.GlobalID, expected: type, *path: str) -> int:
    """The row id inside a global ID, refused as NOT_FOUND when it names another type."""
    if global_id.type_name != expected.__strawberry_definition__.name:
        raise Refused.one(
            ErrorCode.NOT_FOUND, f"ID 不是 {expected.__strawberry_definition__.name} 类型", *path
        )
    try:
        return int(global_id.node_id)
    except ValueError:
        raise Refused.one(ErrorCode.NOT_FOUND, "无效的 ID", *path) from None


def optional_database_id(
    global_id: relay.GlobalID | None, expected: type, *path: str
) -> int | None:
    return None if global_id is None else database_id(global_id, expected, *path)


async def _page(
    info: Info, query, model, first: int | None, after: str | None, of: Callable[[Any], Any]
) -> Connection:
    try:
        size, after_id = page_size(first), decode_cursor(after)
    except Refused as refused:
        raise as_graphql_error(refused) from None
    total = await info.context.run(
        lambda s: s.scalar(select(func.count()).select_from(query.subquery()))
    )
    if after_id is not None:
        query = query.where(model.id > after_id)
    rows = list(
        await info.context.run(lambda s: s.scalars(query.order_by(model.id).limit(size + 1)))
    )
    return connection([of(r) for r in rows], [r.id for r in rows], total, size)


def _stages_awaiting(registry, role: Role):
    """SQL condition on ``applications``: the current stage is one that waits on ``role``."""
    A = models.Application
    return or_(
        false(),
        *(
            and_(A.scheme_id == scheme_id, A.kind == kind_id, A.stage.in_(stages))
            for scheme_id, entry in registry.schemes.items()
            for kind_id, kind in entry.kinds.items()
            if (stages := [stage.id for stage in kind.workflow.stages if stage.role is role])
        ),
    )


def _guard(compute: Callable[[], Any]) -> Any:
    """Run a check inside a query resolver, turning a refusal into a GraphQL error."""
    try:
        return compute()
    except Refused as refused:
        raise as_graphql_error(refused) from None


def filtered_applications(info: Info, filter: ApplicationFilter | None):
    """``SELECT applications`` the caller sees that ``filter`` selects (a list, a count, an export)."""
    A, f = models.Application, filter or ApplicationFilter()
    query = select(A).where(access.visible_applications(info.context.actor))
    for column, value in (
        (A.scheme_id, f.scheme_id),
        (A.round_id, f.round_id),
        (A.kind, f.kind),
        (A.stage, f.stage),
        (A.city_code, f.city_code),
        (A.division_code, f.division_code),
    ):  # the area it is filed in
        if value:
            query = query.where(column == value)
    if f.status:
        query = query.where(A.status == f.status.value)
    if f.occupation:
        query = query.where(
            A.id.in_(
                select(models.ApplicationOccupation.application_id).where(
                    models.ApplicationOccupation.occupation == f.occupation
                )
            )
        )
    if f.institution_id:
        query = query.where(
            A.institution_id
            == _guard(
                lambda: database_id(f.institution_id, InstitutionType, "filter", "institutionId")
            )
        )
    if f.awaiting_role:
        query = query.where(_stages_awaiting(info.context.platform.registry, f.awaiting_role))
    if f.my_score:
        query = query.where(
            my_score(info.context.actor, info.context.platform.registry, f.my_score)
        )
    return query


NODE_TYPES = {
    t.__strawberry_definition__.name: t for t in (InstitutionType, ApplicationType, RecognitionType)
}


@strawberry.input
class AuditLogFilter:
    action: str | None = None
    application_id: relay.GlobalID | None = None


@strawberry.type
class Query:
    @strawberry.field(
        description="The object a global ID names; null when none is in your view (an unknown type or malformed ID included)"
    )
    async def node(self, info: Info, id: relay.GlobalID) -> relay.Node | None:
        node_type = NODE_TYPES.get(id.type_name)
        if node_type is None or not id.node_id.isdigit():
            return None
        return (await node_type.resolve_nodes(info=info, node_ids=[id.node_id]))[0]

    @strawberry.field(description="Who the request's token stands for (role public when anonymous)")
    def me(self, info: Info) -> ViewerType:
        return ViewerType.of(info.context.actor)

    @strawberry.field(
        description="The tamper-evident event log, newest last: auditors and scheme administrators, within their area; personal data masked"
    )
    async def audit_log(
        self,
        info: Info,
        filter: AuditLogFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[EventType]:
        E, f = models.Event, filter or AuditLogFilter()
        query = select(E).where(access.visible_events(info.context.actor))
        if f.action:
            query = query.where(E.action == f.action)
        if f.application_id:
            query = query.where(
                E.application_id
                == _guard(
                    lambda: database_id(
                        f.application_id, ApplicationType, "filter", "applicationId"
                    )
                )
            )
        vault = info.context.platform.vault
        return await _page(info, query, E, first, after, lambda e: EventType.of(e, vault))

    @strawberry.field(description="Every scheme the loaded plugins run")
    def schemes(self, info: Info) -> list[SchemeType]:
        return [scheme_type(e) for e in info.context.platform.registry.schemes.values()]

    @strawberry.field
    def scheme(self, info: Info, id: str) -> SchemeType | None:
        entry = info.context.platform.registry.schemes.get(id)
        return scheme_type(entry) if entry else None

    @strawberry.field(
        description="Divisions an institution may be registered in (GB/T 2260: the province, its cities, Hangzhou's districts), with their names"
    )
    def divisions(self) -> list[DivisionType]:
        return divisions()

    @strawberry.field(
        description="Organisation types (机构类型) with their Chinese labels, in the order forms list them"
    )
    def org_types(self) -> list[OrgTypeOption]:
        return org_types()

    @strawberry.field(
        description="How working-day deadlines are counted: each year's holidays and where they come from, "
        "and the warning that next year is not covered yet"
    )
    def working_calendar(self, info: Info) -> WorkingCalendarType:
        platform = info.context.platform
        return WorkingCalendarType(calendar=platform.calendar, today=platform.today())

    @strawberry.field(description="Loaded plugins, their versions and the hooks they implement")
    def plugins(self, info: Info) -> list[PluginInfo]:
        return [
            PluginInfo(name=p.name, version=p.version, hooks=list(p.hooks), builtin=p.builtin)
            for p in describe(info.context.platform.pm)
        ]

    @strawberry.field
    async def institutions(
        self,
        info: Info,
        filter: InstitutionFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[InstitutionType]:
        I, f = models.Institution, filter or InstitutionFilter()
        query = select(I).where(access.visible_institutions(info.context.actor))
        if f.name_contains:
            query = query.where(I.name.contains(f.name_contains, autoescape=True))
        for column, value in (
            (I.credit_code, f.credit_code),
            (I.city_code, f.city_code),
            (I.division_code, f.division_code),
        ):
            if value:
                query = query.where(
                    column == value.upper() if column is I.credit_code else column == value
                )
        if f.org_type:
            query = query.where(I.org_type == f.org_type.value)
        if f.in_scope:
            query = query.where(access.scoped_institutions(info.context.actor))
        return await _page(info, query, I, first, after, InstitutionType.of)

    @strawberry.field(
        description="null when no institution has this ID in your view (an ID of another type included)"
    )
    async def institution(self, info: Info, id: relay.GlobalID) -> InstitutionType | None:
        loaders = info.context.loaders
        row = await _load(info, loaders.visible_institution, id, InstitutionType)
        return InstitutionType.of(row) if row else None

    @strawberry.field
    async def applications(
        self,
        info: Info,
        filter: ApplicationFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[ApplicationType]:
        A = models.Application
        query = filtered_applications(info, filter).options(selectinload(A.occupations))
        return await _page(info, query, A, first, after, ApplicationType.of)

    @strawberry.field(
        description="null when no application has this ID in your view (an ID of another type included)"
    )
    async def application(self, info: Info, id: relay.GlobalID) -> ApplicationType | None:
        loaders = info.context.loaders
        row = await _load(info, loaders.visible_application, id, ApplicationType)
        return ApplicationType.of(row) if row else None

    @strawberry.field
    async def recognitions(
        self,
        info: Info,
        filter: RecognitionFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[RecognitionType]:
        R, f = models.Recognition, filter or RecognitionFilter()
        query = select(R)
        if f.scheme_id:
            query = query.where(R.scheme_id == f.scheme_id)
        if f.status:
            query = query.where(R.status == f.status.value)
        if f.city_code:
            query = query.where(
                R.institution_id.in_(
                    select(models.Institution.id).where(models.Institution.city_code == f.city_code)
                )
            )
        if f.occupation:
            query = query.where(
                R.id.in_(
                    select(models.QuotaSlot.recognition_id).where(
                        models.QuotaSlot.key.startswith(f"{f.occupation}@")
                    )
                )
                | R.application_id.in_(
                    select(models.ApplicationOccupation.application_id).where(
                        models.ApplicationOccupation.occupation == f.occupation
                    )
                )
            )
        if f.valid_until_before:
            query = query.where(R.valid_until <= f.valid_until_before)
        return await _page(info, query, R, first, after, RecognitionType.of)

    @strawberry.field(
        description="A round's scored applications, highest first; ties share a rank (1, 2, 2, 4). An expert of a panel sees only the applications whose scores are not blind to them (blind scoring), ranked among themselves"
    )
    async def ranking(
        self,
        info: Info,
        scheme_id: str,
        round_id: str,
        kind: str = "recognition",
        stage: str | None = None,
        first: int | None = None,
    ) -> list[RankedApplication]:
        A = models.Application
        size = _guard(lambda: page_size(first))
        query = (
            select(A)
            .options(selectinload(A.occupations))
            .where(
                A.scheme_id == scheme_id,
                A.round_id == round_id,
                A.kind == kind,
                A.score.is_not(None),
                access.visible_applications(info.context.actor),
            )
        )
        if stage:
            query = query.where(A.stage == stage)
        rows = list(
            await info.context.run(
                lambda s: s.scalars(query.order_by(A.score.desc(), A.id).limit(size))
            )
        )
        shown = [
            (row, app) for row in rows if not await (app := ApplicationType.of(row)).blind(info)
        ]
        ranked, previous = [], None
        for position, (row, app) in enumerate(shown, start=1):
            rank = ranked[-1].rank if previous is not None and row.score == previous else position
            ranked.append(RankedApplication(rank=rank, score=row.score, application=app))
            previous = row.score
        return ranked

    @strawberry.field(
        description="Places used under each quota rule of a scheme for one occupation in one city"
    )
    async def quota_usage(
        self, info: Info, scheme_id: str, occupation: str, city_code: str
    ) -> list[QuotaUsage]:
        platform = info.context.platform
        entry = _guard(lambda: platform.registry.scheme(scheme_id, "schemeId"))
        params = entry.scheme.parameters.at(platform.today())
        key = f"{occupation}@{city_code}"
        out = []
        for rule in entry.quota_rules.values():
            used = await info.context.run(
                lambda s: s.scalar(
                    select(func.count())
                    .select_from(models.QuotaSlot)
                    .where(
                        models.QuotaSlot.scheme_id == entry.scheme.id,
                        models.QuotaSlot.rule_id == rule.id,
                        models.QuotaSlot.key == key,
                    )
                )
            )
            out.append(quota_usage_of(rule, key, used, params))
        return out

    @strawberry.field(
        description="Pre-check form data against a scheme's criteria; nothing is stored"
    )
    async def evaluate(self, info: Info, input: DryRunInput) -> DryRunResult:
        ctx = info.context
        try:  # the scoped view: being on the public register does not make an institution yours to assess
            inst = await _load(
                info, ctx.loaders.scoped_institution, input.institution_id, InstitutionType
            )
            if inst is None:
                raise Refused.one(ErrorCode.NOT_FOUND, "机构不存在", "input", "institutionId")
            recognition_id = optional_database_id(
                input.recognition_id, RecognitionType, "input", "recognitionId"
            )
            results, assessment = await ctx.run(
                lambda s: dry_run(
                    ctx.platform,
                    s,
                    institution_id=inst.id,
                    scheme_id=input.scheme_id,
                    kind_id=input.kind,
                    form=input.form,
                    occupations=tuple(input.occupations),
                    on=input.on,
                    recognition_id=recognition_id,
                )
            )
        except Refused as refused:
            return DryRunResult(
                eligible=False,
                results=[],
                assessment=None,
                errors=[UserErrorType.of(e) for e in refused.errors],
            )
        eligible = not any(
            blocks(r.kind, r.outcome) for r in results if r.mode is EvaluationMode.AUTOMATIC
        )
        return DryRunResult(
            eligible=eligible,
            errors=[],
            results=[CriterionResultType.of(_as_row(r)) for r in results],
            assessment=Assessment(
                total=assessment.total,
                maximum=assessment.maximum,
                passed=assessment.passed,
                grade=assessment.grade,
                lines=list(assessment.lines),
                subtotals=[SubtotalType(**s.__dict__) for s in assessment.subtotals],
            ),
        )


async def _load(info: Info, visible, global_id: relay.GlobalID, expected: type):
    """The row a global ID names in the caller's view, or None: a malformed ID, one of another type
    and one outside the view all look like a missing one (the last is counted as a denial)."""
    try:
        row_id = database_id(global_id, expected)
    except Refused:
        return None
    return (
        await info.context.in_view(
            visible, [row_id], expected.__strawberry_definition__.name.lower()
        )
    )[0]


def _as_row(r) -> models.CriterionResult:
    """An unsaved result row, so dry-run results render exactly like stored ones."""
    return models.CriterionResult(
        criterion_id=r.criterion_id,
        title=r.title,
        citation=r.citation,
        kind=r.kind.value,
        mode=r.mode.value,
        outcome=r.outcome.value,
        rule=r.rule,
        values=jsonable(r.values),
        parameters=jsonable(r.parameters),
        points=r.points,
        max_points=r.max_points,
        field=list(r.field),
    )
