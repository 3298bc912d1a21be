"""The append-only event log, written in the same transaction as the change it records and
chained (:mod:`core.audit`) when the transaction is about to commit."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from core.actors import Actor
from core.audit import digest
from core.db import models
from core.engine.jsonable import jsonable
from core.events import LifecycleEvent


def record(
    session: AsyncSession,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int,
    *,
    scheme_id: str | None = None,
    application_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    at = dt.datetime.now(dt.UTC)
    before, after, details = jsonable(before), jsonable(after), jsonable(details or {})
    row = models.Event(
        at=at,
        actor=actor.name,
        role=actor.role.value,
        action=action,
        entity=entity,
        entity_id=entity_id,
        scheme_id=scheme_id,
        application_id=application_id,
        before=before,
        after=after,
        details=details,
    )
    session.info.setdefault("event_rows", []).append(row)
    session.info.setdefault("events", []).append(
        LifecycleEvent(
            action=action,
            entity=entity,
            entity_id=entity_id,
            actor=actor.name,
            role=actor.role.value,
            at=at,
            scheme_id=scheme_id,
            before=before,
            after=after,
            details=details,
        )
    )


async def seal(session: AsyncSession) -> None:
    """Number and chain this transaction's entries, then add them: the last step before commit.

    The head row is locked (``FOR UPDATE``; SQLite writers already take turns), so concurrent
    transactions append one after the other and the chain never forks; the lock is held only for
    these final statements.
    """
    rows: list[models.Event] = session.info.pop("event_rows", [])
    if not rows:
        return
    head = await session.get(models.AuditHead, 1, with_for_update=True)
    for row in rows:
        row.seq, row.prev_hash = head.seq + 1, head.hash
        row.hash = digest(row.prev_hash, row)
        head.seq, head.hash = row.seq, row.hash
        session.add(row)
    await session.flush()
