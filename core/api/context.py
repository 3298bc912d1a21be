"""Per-request context: the platform, the actor, one read session and its dataloaders.

DataLoaders dispatch concurrently but one ``AsyncSession`` must not be used concurrently, so
every loader query runs under :attr:`Context.lock`.
"""
from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.types import Info as _Info

from core.actors import Actor
from core.platform import Platform


@dataclass
class Context:
    platform: Platform
    actor: Actor
    client: str = "unknown"  # the caller's address, for budgets of anonymous callers
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    _session: AsyncSession | None = None
    _loaders: Any = None

    @property
    def loaders(self):
        if self._loaders is None:
            from core.api.dataloaders import Loaders

            self._loaders = Loaders(self)
        return self._loaders

    def session(self) -> AsyncSession:
        if self._session is None:
            self._session = AsyncSession(self.platform.engine, expire_on_commit=False)
        return self._session

    async def run(self, query):
        """Run ``query(session)`` on the request's read session, one at a time."""
        async with self.lock:
            return await query(self.session())

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None


Info = _Info[Context, None]
