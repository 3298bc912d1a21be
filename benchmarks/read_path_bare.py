"""The bare endpoint `read_path.py` measures accredit against: Starlette, SQLAlchemy Core and orjson
answering the same ``data`` for the benchmark's three documents, and nothing else.

It does the work any endpoint serving these pages must do and no more: it checks the bearer token
as accredit does (signature, then the login session, the account and its scopes, in one
statement), applies the same visibility condition (:func:`core.access.visible_applications`), reads
the same rows (one statement per table, as accredit's dataloaders do) and writes the answer with
orjson. The document is chosen by ``operationName`` (``Nested``, ``Console``; none: the trivial
``{ __typename }``), never parsed.

    BARE_DATABASE_URL=... BARE_SECRET_KEY=... uvicorn benchmarks.read_path_bare:create_app --factory
"""

from __future__ import annotations

import base64
import datetime as dt
import os
from collections import defaultdict
from typing import Any

import orjson
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import create_async_engine
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from core import access
from core.actors import Actor, Scope
from core.calendar import WorkingCalendar
from core.criteria import Outcome
from core.db import models
from core.divisions import name_of
from core.identity.accounts import BEARER_PURPOSE
from core.identity.tokens import InvalidToken, read_bearer
from core.institutions import OrgType
from core.plugins import get_plugin_manager
from core.registry import Registry
from core.roles import Role
from core.secret import derive
from core.workflow import Status

A, I, O = (
    models.Application.__table__,
    models.Institution.__table__,
    models.ApplicationOccupation.__table__,
)
E, R, V = models.Evaluation.__table__, models.CriterionResult.__table__, models.Review.__table__
J, LS, U, US = (
    models.ReviewJudgment.__table__,
    models.LoginSession.__table__,
    models.User.__table__,
    models.UserScope.__table__,
)

# GraphQL enum names of the stored values
STATUS = {s.value: s.name for s in Status}
ROLE = {r.value: r.name for r in Role}
OUTCOME = {o.value: o.name for o in Outcome}
ORG_TYPE = {o.value: o.name for o in OrgType}


def global_id(type_name: str, row_id: int) -> str:
    return base64.b64encode(f"{type_name}:{row_id}".encode()).decode()


def cursor(row_id: int) -> str:
    return base64.b64encode(f"after:{row_id}".encode()).decode()


def stages() -> dict[tuple[str, str, str], dict[str, Any]]:
    """``stage { id title role }`` of every stage the plugins declare."""
    out = {}
    for entry in Registry(get_plugin_manager(), WorkingCalendar("weekdays")).schemes.values():
        for kind in entry.kinds.values():
            for stage in kind.workflow.stages:
                out[entry.scheme.id, kind.id, stage.id] = {
                    "id": stage.id,
                    "title": stage.title,
                    "role": stage.role.name if stage.role else None,
                }
    return out


def utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


def create_app() -> Starlette:
    engine = create_async_engine(
        os.environ["BARE_DATABASE_URL"],
        json_serializer=lambda v: orjson.dumps(v).decode(),
        json_deserializer=orjson.loads,
    )
    key = derive(os.environ["BARE_SECRET_KEY"], BEARER_PURPOSE)
    stage_of = stages()

    async def actor_of(conn, request: Request) -> Actor:
        kind, _, token = request.headers.get("authorization", "").partition(" ")
        if kind.lower() != "bearer":
            raise InvalidToken("not a bearer token")
        user_id, sid = read_bearer(key, token.strip())
        rows = (
            await conn.execute(
                select(
                    U.c.username,
                    U.c.role,
                    U.c.active,
                    LS.c.expires_at,
                    LS.c.revoked_at,
                    US.c.area_code,
                    US.c.scheme_id,
                    US.c.credit_code,
                )
                .select_from(
                    LS.join(U, U.c.id == LS.c.user_id).outerjoin(US, US.c.user_id == U.c.id)
                )
                .where(LS.c.id == sid, LS.c.user_id == user_id)
                .order_by(US.c.id)
            )
        ).all()
        if (
            not rows
            or not rows[0].active
            or rows[0].revoked_at is not None
            or utc(rows[0].expires_at) <= dt.datetime.now(dt.UTC)
        ):
            raise InvalidToken("session ended")
        scopes = tuple(
            Scope(area=r.area_code, scheme_id=r.scheme_id, credit_code=r.credit_code)
            for r in rows
            if r.area_code or r.credit_code
        )
        return Actor(rows[0].username, Role(rows[0].role), scopes, user_id)

    async def page(conn, actor: Actor, first: int, columns) -> tuple[int, list, bool]:
        visible = access.visible_applications(actor)
        total = (
            await conn.execute(select(func.count()).select_from(A).where(visible))
        ).scalar_one()
        rows = (
            await conn.execute(select(*columns).where(visible).order_by(A.c.id).limit(first + 1))
        ).all()
        return total, rows[:first], len(rows) > first

    async def institutions(conn, ids, *columns) -> dict[int, Any]:
        return {
            r.id: r
            for r in await conn.execute(select(I.c.id, *columns).where(I.c.id.in_(set(ids))))
        }

    async def console(conn, actor: Actor, first: int) -> dict[str, Any]:
        total, rows, _ = await page(
            conn,
            actor,
            first,
            [
                A.c.id,
                A.c.scheme_id,
                A.c.kind,
                A.c.stage,
                A.c.status,
                A.c.version,
                A.c.score,
                A.c.submitted_at,
                A.c.updated_at,
                A.c.institution_id,
            ],
        )
        names = await institutions(conn, [r.institution_id for r in rows], I.c.name)
        return {
            "applications": {
                "totalCount": total,
                "edges": [
                    {
                        "node": {
                            "id": global_id("Application", r.id),
                            "schemeId": r.scheme_id,
                            "kind": r.kind,
                            "stageId": r.stage,
                            "status": STATUS[r.status],
                            "version": r.version,
                            "score": r.score,
                            "submittedAt": r.submitted_at,
                            "updatedAt": r.updated_at,
                            "institution": {"name": names[r.institution_id].name},
                        }
                    }
                    for r in rows
                ],
            }
        }

    async def nested(conn, actor: Actor, first: int) -> dict[str, Any]:
        total, rows, more = await page(
            conn,
            actor,
            first,
            [
                A.c.id,
                A.c.scheme_id,
                A.c.kind,
                A.c.stage,
                A.c.status,
                A.c.version,
                A.c.score,
                A.c.grade,
                A.c.submitted_at,
                A.c.created_at,
                A.c.updated_at,
                A.c.institution_id,
            ],
        )
        ids = [r.id for r in rows]
        occupations = defaultdict(list)
        for o in await conn.execute(
            select(O.c.application_id, O.c.occupation)
            .where(O.c.application_id.in_(ids))
            .order_by(O.c.application_id, O.c.position)
        ):
            occupations[o.application_id].append(o.occupation)
        insts = await institutions(
            conn,
            [r.institution_id for r in rows],
            I.c.name,
            I.c.credit_code,
            I.c.org_type,
            I.c.division_code,
            I.c.city_code,
        )
        evaluations = {
            e.application_id: e
            for e in await conn.execute(
                select(E).where(
                    E.c.id.in_(
                        select(func.max(E.c.id))
                        .where(E.c.application_id.in_(ids))
                        .group_by(E.c.application_id)
                    )
                )
            )
        }
        results = defaultdict(list)
        for c in await conn.execute(
            select(
                R.c.evaluation_id,
                R.c.criterion_id,
                R.c.citation,
                R.c.outcome,
                R.c.rule,
                R.c["values"],
                R.c.points,
            )
            .where(R.c.evaluation_id.in_([e.id for e in evaluations.values()]))
            .order_by(R.c.evaluation_id, R.c.position)
        ):
            results[c.evaluation_id].append(
                {
                    "criterionId": c.criterion_id,
                    "citation": c.citation,
                    "outcome": OUTCOME[c.outcome],
                    "rule": c.rule,
                    "values": c.values,
                    "points": c.points,
                }
            )
        reviews, by_review = defaultdict(list), {}
        for v in await conn.execute(
            select(
                V.c.id,
                V.c.application_id,
                V.c.reviewer,
                V.c.role,
                V.c.stage,
                V.c.decision,
                V.c.comment,
                V.c.created_at,
            )
            .where(V.c.application_id.in_(ids))
            .order_by(V.c.id)
        ):
            by_review[v.id] = {
                "reviewer": v.reviewer,
                "role": ROLE[v.role],
                "stage": v.stage,
                "decision": v.decision,
                "comment": v.comment,
                "createdAt": v.created_at,
                "judgments": [],
            }
            reviews[v.application_id].append(by_review[v.id])
        for j in await conn.execute(
            select(J.c.review_id, J.c.criterion_id, J.c.passed, J.c.points)
            .where(J.c.review_id.in_(list(by_review)))
            .order_by(J.c.id)
        ):
            by_review[j.review_id]["judgments"].append(
                {"criterionId": j.criterion_id, "passed": j.passed, "points": j.points}
            )

        def node(r) -> dict[str, Any]:
            inst, evaluation = insts[r.institution_id], evaluations.get(r.id)
            return {
                "id": global_id("Application", r.id),
                "schemeId": r.scheme_id,
                "kind": r.kind,
                "stageId": r.stage,
                "status": STATUS[r.status],
                "version": r.version,
                "score": r.score,
                "grade": r.grade,
                "occupations": occupations[r.id],
                "submittedAt": r.submitted_at,
                "createdAt": r.created_at,
                "updatedAt": r.updated_at,
                "stage": stage_of[r.scheme_id, r.kind, r.stage],
                "institution": {
                    "id": global_id("Institution", inst.id),
                    "name": inst.name,
                    "creditCode": inst.credit_code,
                    "orgType": ORG_TYPE[inst.org_type],
                    "divisionCode": inst.division_code,
                    "cityCode": inst.city_code,
                    "divisionName": name_of(inst.division_code),
                    "cityName": name_of(inst.city_code),
                },
                "evaluation": evaluation
                and {
                    "plugin": evaluation.plugin,
                    "pluginVersion": evaluation.plugin_version,
                    "schemeVersion": evaluation.scheme_version,
                    "evaluatedOn": evaluation.evaluated_on,
                    "total": evaluation.total,
                    "maximum": evaluation.maximum,
                    "passed": evaluation.passed,
                    "grade": evaluation.grade,
                    "lines": evaluation.lines,
                },
                "criterionResults": results[evaluation.id] if evaluation else [],
                "reviews": reviews[r.id],
            }

        edges = [{"cursor": cursor(r.id), "node": node(r)} for r in rows]
        return {
            "applications": {
                "totalCount": total,
                "pageInfo": {
                    "hasNextPage": more,
                    "endCursor": edges[-1]["cursor"] if edges else None,
                },
                "edges": edges,
            }
        }

    async def graphql(request: Request) -> Response:
        body = orjson.loads(await request.body())
        operation, first = body.get("operationName"), (body.get("variables") or {}).get("first", 20)
        async with engine.connect() as conn:
            try:
                actor = await actor_of(conn, request)
            except InvalidToken:
                return Response(
                    b'{"errors":[{"message":"invalid token"}]}', 401, media_type="application/json"
                )
            if operation == "Nested":
                data = await nested(conn, actor, first)
            elif operation == "Console":
                data = await console(conn, actor, first)
            else:
                data = {"__typename": "Query"}
        return Response(orjson.dumps({"data": data}), media_type="application/json")

    return Starlette(routes=[Route("/graphql", graphql, methods=["POST"])])
