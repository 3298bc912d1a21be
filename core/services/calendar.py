"""Imported holiday schedules: stored, audited, and read back into the working calendar."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.actors import Actor
from core.calendar import Holiday, Schedule
from core.db import models
from core.engine.audit import record


def _stored(schedule: Schedule) -> dict:
    return {
        "notice": schedule.notice,
        "holidays": [
            {"name": h.name, "from": h.first.isoformat(), "to": h.last.isoformat()}
            for h in schedule.holidays
        ],
        "workdays": [day.isoformat() for day in schedule.workdays],
    }


def _schedule(row: models.CalendarYear) -> Schedule:
    day = dt.date.fromisoformat
    return Schedule(
        row.year,
        row.notice,
        tuple(Holiday(h["name"], day(h["from"]), day(h["to"])) for h in row.holidays),
        tuple(map(day, row.workdays)),
    )


async def import_schedule(
    session: AsyncSession, actor: Actor, schedule: Schedule
) -> Schedule | None:
    """Store ``schedule`` for its year, replacing an earlier import; the replaced one, if any.
    The audit log keeps both, so what any past deadline was counted with stays on record."""
    row = await session.get(models.CalendarYear, schedule.year, with_for_update=True)
    before = _schedule(row) if row is not None else None
    values = _stored(schedule)
    if row is None:
        row = models.CalendarYear(year=schedule.year, imported_by=actor.name, **values)
        session.add(row)
    else:
        for key, value in values.items():
            setattr(row, key, value)
        row.imported_by, row.imported_at = actor.name, dt.datetime.now(dt.UTC)
    await session.flush()
    record(
        session,
        actor,
        "calendar.imported",
        "calendar_year",
        schedule.year,
        before=_stored(before) if before else None,
        after=values,
    )
    return before


async def load_schedules(session: AsyncSession) -> dict[int, Schedule]:
    return {row.year: _schedule(row) for row in await session.scalars(select(models.CalendarYear))}
