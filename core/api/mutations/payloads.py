"""Running a service in a write transaction and shaping its payload."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from core.api.context import Info
from core.api.types.common import UserErrorType
from core.errors import Refused

T = TypeVar("T")


async def write(
    info: Info, operation: Callable[[AsyncSession], Awaitable[Any]], convert: Callable[[Any], T]
) -> tuple[T | None, list[UserErrorType]]:
    """Run ``operation`` in its own transaction; on refusal roll back and return the errors (and
    count a permission denial for the audit log)."""

    async def run(session: AsyncSession) -> T:
        return convert(await operation(session))

    try:
        result = await info.context.platform.transaction(run)
    except Refused as refused:
        if refused.denial:
            info.context.deny(f"{info.field_name}: {refused.denial}", refused.subject)
        return None, [UserErrorType.of(e) for e in refused.errors]
    return result, []
