"""The budgets' shared totals (:mod:`core.budgets`): one row per purpose, key and window, to which
every worker adds what it spent. Rows of windows that ended are deleted as workers synchronise."""

from __future__ import annotations

from sqlalchemy import delete, select, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from core.db import models

CHUNK = 500  # keys per statement


async def add_and_read(
    session: AsyncSession, purpose: str, changes: dict[tuple[str, int], int]
) -> dict[tuple[str, int], int]:
    """Add each ``(key, window) -> delta`` to the totals and return the totals of those keys now."""
    table = models.BudgetSpend.__table__
    insert = postgresql.insert if session.bind.dialect.name == "postgresql" else sqlite.insert
    added = [
        {"purpose": purpose, "key": key, "window_number": window, "spent": delta}
        for (key, window), delta in sorted(changes.items())
        if delta
    ]  # sorted: workers lock rows in one order
    for start in range(0, len(added), CHUNK):
        statement = insert(table).values(added[start : start + CHUNK])
        await session.execute(
            statement.on_conflict_do_update(
                index_elements=["purpose", "key", "window_number"],
                set_={"spent": table.c.spent + statement.excluded.spent},
            )
        )
    totals: dict[tuple[str, int], int] = {}
    wanted = sorted(changes)
    for start in range(0, len(wanted), CHUNK):
        rows = await session.execute(
            select(table.c.key, table.c.window_number, table.c.spent).where(
                table.c.purpose == purpose,
                tuple_(table.c.key, table.c.window_number).in_(wanted[start : start + CHUNK]),
            )
        )
        totals.update({(key, window): spent for key, window, spent in rows})
    oldest = min(window for _, window in changes)
    await session.execute(
        delete(table).where(table.c.purpose == purpose, table.c.window_number < oldest - 1)
    )
    return totals
