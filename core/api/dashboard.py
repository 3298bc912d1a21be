"""What a scheme administrator's dashboard reads: applications counted by stage and district, and
the places taken under every quota key. Public API like every other query, for any client."""

from __future__ import annotations

import strawberry
from sqlalchemy import func, select

from core.api.context import Info
from core.api.queries import (
    ApplicationFilter,
    QuotaUsage,
    _guard,
    filtered_applications,
    quota_usage_of,
)
from core.api.types.common import StatusEnum
from core.api.types.schemes import StageType
from core.db import models
from core.divisions import name_of


@strawberry.type(
    description="How many applications, in the caller's view, are at one stage in one district"
)
class ApplicationCount:
    scheme_id: str
    kind: str
    status: StatusEnum
    division_code: str = strawberry.field(
        description="The district (or city) the applications were filed in"
    )
    division_name: str
    count: int
    stage_id: strawberry.Private[str]

    @strawberry.field
    def stage(self, info: Info) -> StageType:
        kind = info.context.platform.registry.scheme(self.scheme_id).kind(self.kind)
        return StageType.of(kind.workflow.stage(self.stage_id))


@strawberry.type
class DashboardQueries:
    @strawberry.field(
        description=(
            "Applications in your view that the filter selects, counted by scheme, kind, stage and the district they "
            "were filed in (the groups with none are left out)"
        )
    )
    async def application_counts(
        self, info: Info, filter: ApplicationFilter | None = None
    ) -> list[ApplicationCount]:
        selected = filtered_applications(info, filter).subquery()
        columns = (
            selected.c.scheme_id,
            selected.c.kind,
            selected.c.stage,
            selected.c.status,
            selected.c.division_code,
        )
        query = select(*columns, func.count()).group_by(*columns).order_by(*columns)
        rows = await info.context.run(lambda s: s.execute(query))
        return [
            ApplicationCount(
                scheme_id=scheme,
                kind=kind,
                stage_id=stage,
                status=status,
                division_code=division,
                division_name=name_of(division),
                count=count,
            )
            for scheme, kind, stage, status, division, count in rows
        ]

    @strawberry.field(
        description=(
            "Places used under each quota rule of a scheme for every key (such as an occupation in a city) holding "
            "at least one, with the cap in force today"
        )
    )
    async def quota_usages(self, info: Info, scheme_id: str) -> list[QuotaUsage]:
        platform = info.context.platform
        entry = _guard(lambda: platform.registry.scheme(scheme_id, "schemeId"))
        S = models.QuotaSlot
        query = (
            select(S.rule_id, S.key, func.count())
            .where(S.scheme_id == entry.scheme.id)
            .group_by(S.rule_id, S.key)
            .order_by(S.rule_id, S.key)
        )
        used = {
            (rule, key): count
            for rule, key, count in await info.context.run(lambda s: s.execute(query))
        }
        params = entry.scheme.parameters.at(platform.today())
        return [
            quota_usage_of(entry.quota_rules[rule], key, count, params)
            for (rule, key), count in used.items()
            if rule in entry.quota_rules
        ]
