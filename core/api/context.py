"""Per-request context: the platform, the actor, one read session and its dataloaders.

DataLoaders dispatch concurrently but one ``AsyncSession`` must not be used concurrently, so
every loader query runs under :attr:`Context.lock`.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import Response
from strawberry.types import Info as _Info

from core.actors import Actor
from core.db.engine import new_read_session
from core.platform import Platform


@dataclass
class Context:
    platform: Platform
    actor: Actor
    client: str = "unknown"  # the caller's address, for budgets of anonymous callers
    login_session: str | None = None  # the bearer token's session (what logout ends)
    request: Request | None = (
        None  # the HTTP request (its cookies) and the response's headers (cookies set)
    )
    response: Response | None = None
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    _session: AsyncSession | None = None
    _loaders: Any = None
    _settled: bool = False  # the operation has been executed: its read session is closed for good

    @property
    def loaders(self):
        if self._loaders is None:
            from core.api.dataloaders import Loaders

            self._loaders = Loaders(self)
        return self._loaders

    def session(self) -> AsyncSession:
        """The request's read session: the one its token was checked on, else a new one."""
        if self._session is None:
            self._session = new_read_session(self.platform.engine)
        return self._session

    async def run(self, query):
        """Run ``query(session)`` on the request's read session, one at a time. A resolver that
        still runs once the operation is settled (graphql-core answers as soon as a non-null field
        fails, leaving its siblings running) gets a session of its own, closed after its query."""
        async with self.lock:
            if self._settled:
                async with new_read_session(self.platform.engine) as session:
                    return await query(session)
            return await query(self.session())

    async def in_view(self, visible, ids: list[int], entity: str) -> list[Any]:
        """The rows ``ids`` name in the actor's view (None where there is none), through the
        ``visible`` loader. One that exists outside the view (an IDOR attempt) gives None exactly
        as a missing one does, at the same cost, and is counted as a denial."""
        shown = await visible.load_many(ids)
        hidden = [i for i, row in zip(ids, shown) if row is None]
        for i, exists in zip(
            hidden, await self.loaders.exists[entity].load_many(hidden) if hidden else ()
        ):
            if exists:
                self.deny("lookup outside the caller's view", (entity, i))
        return shown

    def deny(self, reason: str, subject: tuple[str, int] | None = None) -> None:
        """Count a permission denial by this caller. It reaches the audit log after the request,
        aggregated per caller, window and area (:mod:`core.engine.denials`): the request writes
        nothing and does not wait."""
        self.platform.denials.note(self.actor, self.client, reason, subject)

    async def close(self, *, settled: bool = False) -> None:
        """Give the read session's connection back, once the query in flight (if any) is done;
        ``settled``: for good, the operation has been executed."""
        async with self.lock:
            self._settled = self._settled or settled
            if self._session is not None:
                await self._session.close()
                self._session = None


Info = _Info[Context, None]
