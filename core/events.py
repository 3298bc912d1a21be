"""Lifecycle events: what core tells observers after a state change has been committed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class LifecycleEvent:
    action: str  # "application.created", "application.transitioned", "recognition.granted", …
    entity: str  # "application" | "institution" | "recognition"
    entity_id: int
    actor: str
    role: str
    at: dt.datetime
    scheme_id: str | None = None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    details: dict[str, Any] = field(default_factory=dict)
