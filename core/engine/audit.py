"""The append-only event log, written in the same transaction as the change it records."""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from core.actors import Actor
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
    session.add(models.Event(
        at=at, actor=actor.name, role=actor.role.value, action=action, entity=entity, entity_id=entity_id,
        scheme_id=scheme_id, application_id=application_id, before=before, after=after, details=details,
    ))
    session.info.setdefault("events", []).append(LifecycleEvent(
        action=action, entity=entity, entity_id=entity_id, actor=actor.name, role=actor.role.value, at=at,
        scheme_id=scheme_id, before=before, after=after, details=details,
    ))

