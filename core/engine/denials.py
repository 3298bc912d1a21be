"""Permission denials: counted while requests run, appended to the audit log afterwards.

A denial (a lookup of an object outside the caller's view, an act refused for scope, role or
conflict of interest) changes nothing. Writing it during the request would give any caller, an
anonymous one included, a write transaction per lookup, and would make an object outside the view
slower to answer than a missing one. So a request only counts it here, in memory, and never waits;
when the window (``ACCREDIT_DENIAL_WINDOW_S``) in which it was counted ends, a background flush
appends in one transaction one ``access.denied`` entry per caller, window and area, with the count,
the caller's address, the window and each object with its reason and count (the first
:data:`ITEMISED` per caller and window; later ones are counted without their object).

An entry is filed under the area of the objects it names (``entity`` ``"area"``, ``entity_id`` the
division code; its scheme for applications), never under an application: the auditors of that area
see it in ``auditLog`` and no application's history shows it. Denials that name no object are filed
under ``("access", 0)``, for province-wide auditors. Whatever is still counted when the platform
closes is written then; a process that is killed loses at most one window of denials.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.actors import Actor
from core.db import models
from core.engine.audit import record

log = logging.getLogger("accredit")
ITEMISED = 100
UNITEMISED = "further denials in the window, objects not itemised"

Subject = tuple[str, int]
Caller = tuple[Actor, str, int]  # the actor, its address, the window's number
Hits = Counter  # (subject or None, reason) -> how many times


class Denials:
    """The denials counted and not yet written, per caller and window."""

    def __init__(
        self,
        window_s: float,
        transaction: Callable[[Callable[[AsyncSession], Awaitable[Any]]], Awaitable[Any]],
    ):
        self.window_s = window_s
        self._transaction = transaction
        self._pending: dict[Caller, Hits] = {}
        self._timer: asyncio.TimerHandle | None = None
        self._flushing: set[asyncio.Future] = set()

    def note(self, actor: Actor, client: str, reason: str, subject: Subject | None = None) -> None:
        """Count one denial; the flush is scheduled for the end of its window. No I/O, no waiting."""
        now = time.time()
        window = int(now // self.window_s)
        hits = self._pending.setdefault((actor, client, window), Counter())
        key = (subject, reason)
        if key not in hits and len(hits) >= ITEMISED:
            key = (None, UNITEMISED)
        hits[key] += 1
        if self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(
                (window + 1) * self.window_s - now, self._flush_later
            )

    def _flush_later(self) -> None:
        self._timer = None
        flushing = asyncio.ensure_future(self.flush())
        self._flushing.add(flushing)
        flushing.add_done_callback(self._flushing.discard)

    async def flush(self) -> int:
        """Append everything counted so far; returns the number of entries written. A failed write
        is logged and its counts kept for the next flush."""
        pending, self._pending = self._pending, {}
        if not pending:
            return 0
        try:
            return await self._transaction(lambda session: _append(session, pending, self.window_s))
        except Exception:
            log.exception(
                "permission denials of %d callers could not be written; kept for the next flush",
                len(pending),
            )
            for caller, hits in pending.items():
                self._pending.setdefault(caller, Counter()).update(hits)
            return 0

    async def close(self) -> None:
        """Write what is still counted (the platform is closing)."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        await asyncio.gather(*self._flushing)
        await self.flush()


async def _append(session: AsyncSession, pending: dict[Caller, Hits], window_s: float) -> int:
    areas = await _areas(
        session, {subject for hits in pending.values() for subject, _ in hits if subject}
    )
    appended = 0
    for (actor, client, window), hits in pending.items():
        by_area: dict[tuple[str, str | None] | None, list[dict[str, Any]]] = defaultdict(list)
        for (subject, reason), count in hits.items():
            named = {"entity": subject[0], "id": subject[1]} if subject else {}
            by_area[areas.get(subject)].append({**named, "reason": reason, "count": count})
        for area, denials in by_area.items():
            division, scheme_id = area or ("0", None)
            record(
                session,
                actor,
                "access.denied",
                "area" if area else "access",
                int(division),
                scheme_id=scheme_id,
                details={
                    "count": sum(d["count"] for d in denials),
                    "client": client,
                    "from": _moment(window * window_s),
                    "until": _moment((window + 1) * window_s),
                    "denials": denials,
                },
            )
            appended += 1
    return appended


async def _areas(
    session: AsyncSession, subjects: set[Subject]
) -> dict[Subject, tuple[str, str | None]]:
    """Each object's area and scheme: an application's where it is filed, an institution's own."""
    A, I = models.Application, models.Institution
    wanted = {
        kind: [i for k, i in subjects if k == kind] for kind in ("application", "institution")
    }
    found: dict[Subject, tuple[str, str | None]] = {}
    if wanted["application"]:
        for pk, division, scheme_id in await session.execute(
            select(A.id, A.division_code, A.scheme_id).where(A.id.in_(wanted["application"]))
        ):
            found["application", pk] = (division, scheme_id)
    if wanted["institution"]:
        for pk, division in await session.execute(
            select(I.id, I.division_code).where(I.id.in_(wanted["institution"]))
        ):
            found["institution", pk] = (division, None)
    return found


def _moment(epoch_s: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch_s, dt.UTC)
