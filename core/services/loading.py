"""Loading rows a service needs, refusing with NOT_FOUND (a missing row and a foreign one look alike)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from core import access
from core.actors import Actor
from core.clock import china_date
from core.criteria import ApplicationSummary
from core.db import models
from core.engine.requirements import Move
from core.errors import ErrorCode, Refused
from core.pii import Vault
from core.recognitions import RecognitionStatus


async def institution(
    session: AsyncSession, institution_id: int, *path: str, lock: bool = False
) -> models.Institution:
    row = await session.get(models.Institution, institution_id, with_for_update=lock or None)
    if row is None:
        raise Refused.one(ErrorCode.NOT_FOUND, "机构不存在", *path)
    return row


async def application_for_update(
    session: AsyncSession, application_id: int, *path: str
) -> models.Application:
    """The application, row-locked until the transaction ends (PostgreSQL ``FOR UPDATE``; SQLite's
    ``BEGIN IMMEDIATE`` already serialises writers), so concurrent acts on it queue up."""
    row = await session.scalar(
        select(models.Application)
        .where(models.Application.id == application_id)
        .options(selectinload(models.Application.occupations))
        .with_for_update(of=models.Application)
        .execution_options(populate_existing=True)
    )
    if row is None:
        raise Refused.one(ErrorCode.NOT_FOUND, "申请不存在", *path)
    return row


async def application_in_view(
    session: AsyncSession, actor: Actor, application_id: int, *path: str
) -> models.Application:
    """:func:`application_for_update`, refused as NOT_FOUND (and audited) when outside the actor's scope."""
    row = await application_for_update(session, application_id, *path)
    inst = await institution(session, row.institution_id)
    if not access.application_in_scope(
        actor, row.scheme_id, inst, (row.division_code, row.city_code)
    ):
        raise Refused.denied(
            ErrorCode.NOT_FOUND,
            "申请不存在",
            f"application {row.id} outside the actor's scope",
            *path,
            subject=("application", row.id),
        )
    return row


async def recognition(session: AsyncSession, recognition_id: int, *path: str) -> models.Recognition:
    row = await session.get(models.Recognition, recognition_id)
    if row is None:
        raise Refused.one(ErrorCode.NOT_FOUND, "认定记录不存在", *path)
    return row


async def reviews(session: AsyncSession, application_id: int) -> list[models.Review]:
    return list(
        await session.scalars(
            select(models.Review)
            .where(models.Review.application_id == application_id)
            .options(selectinload(models.Review.judgments))
            .order_by(models.Review.id)
        )
    )


async def ban_until(session: AsyncSession, institution_id: int, scheme_id: str) -> dt.date | None:
    return await session.scalar(
        select(func.max(models.Recognition.ban_until)).where(
            models.Recognition.institution_id == institution_id,
            models.Recognition.scheme_id == scheme_id,
            models.Recognition.status == RecognitionStatus.REVOKED.value,
        )
    )


async def history(
    session: AsyncSession, institution_id: int, scheme_id: str, exclude: int | None, vault: Vault
) -> tuple[ApplicationSummary, ...]:
    """The institution's other applications under the scheme, forms readable (plugins compare them)."""
    rows = await session.scalars(
        select(models.Application)
        .where(
            models.Application.institution_id == institution_id,
            models.Application.scheme_id == scheme_id,
            models.Application.id != (exclude or 0),
        )
        .options(selectinload(models.Application.occupations))
        .order_by(models.Application.id)
    )
    return tuple(
        ApplicationSummary(
            id=r.id,
            kind=r.kind,
            round_id=r.round_id,
            stage=r.stage,
            status=r.status,
            form=vault.reveal(r.form),
            occupations=tuple(o.occupation for o in r.occupations),
            submitted_on=china_date(r.submitted_at),
            updated_on=china_date(r.updated_at),
            stage_entered_on=china_date(r.stage_entered_at),
        )
        for r in rows
    )


async def grants_in_city(session: AsyncSession, scheme_id: str, city_code: str) -> int:
    """How many recognitions the scheme has granted in one city, ever (by the city at grant time)."""
    return await session.scalar(
        select(func.count())
        .select_from(models.Recognition)
        .where(models.Recognition.scheme_id == scheme_id, models.Recognition.city_code == city_code)
    )


async def code_taken(session: AsyncSession, code: str) -> bool:
    return (
        await session.scalar(select(models.Recognition.id).where(models.Recognition.code == code))
        is not None
    )


async def serialise_grants(session: AsyncSession, scheme_id: str, city_code: str) -> None:
    """Make concurrent grants of one scheme in one city take turns (so serials and codes never
    collide): a transaction-scoped advisory lock on PostgreSQL; SQLite writers already take turns."""
    if session.bind.dialect.name == "postgresql":
        await session.execute(
            select(
                func.pg_advisory_xact_lock(func.hashtext(f"accredit:grant:{scheme_id}:{city_code}"))
            )
        )


async def last_event(session: AsyncSession, application_id: int) -> models.Event | None:
    return await session.scalar(
        select(models.Event)
        .where(
            models.Event.application_id == application_id,
            models.Event.entity == "application",
        )
        .order_by(models.Event.id.desc())
        .limit(1)
    )


def transition_events(application_ids: list[int]):
    """The applications' transitions, oldest first, as the event log recorded them."""
    return (
        select(models.Event)
        .where(
            models.Event.application_id.in_(application_ids),
            models.Event.entity == "application",
            models.Event.action == "application.transitioned",
        )
        .order_by(models.Event.id)
    )


def move(event: models.Event) -> Move:
    return Move(event.actor, event.details.get("from"), event.details.get("to"))


async def transitions_of(session: AsyncSession, application_id: int) -> list[Move]:
    return [move(e) for e in await session.scalars(transition_events([application_id]))]
