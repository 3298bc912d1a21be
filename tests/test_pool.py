"""The connection pool: no round trip to check a connection that was just in use."""
from __future__ import annotations

from sqlalchemy import make_url, text

from core.db import engine as db_engine
from core.db.engine import make_engine


async def test_a_pooled_connection_is_pinged_only_after_it_sat_idle(database_url, monkeypatch):
    engine = make_engine(database_url)
    pings, ping = [], engine.dialect.do_ping
    monkeypatch.setattr(engine.dialect, "do_ping", lambda connection: pings.append(1) or ping(connection))

    async def use() -> None:
        async with engine.connect() as conn:
            assert await conn.scalar(text("SELECT 1")) == 1

    try:
        for _ in range(3):
            await use()
        assert pings == []  # taken again at once: no round trip
        monkeypatch.setattr(db_engine, "PING_AFTER_IDLE_S", 0.0)
        await use()
        postgresql = make_url(database_url).get_backend_name() == "postgresql"
        assert pings == ([1] if postgresql else [])  # SQLite's file connections are never cut off
    finally:
        await engine.dispose()
