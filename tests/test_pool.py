"""The engine: no round trip to check a connection that was just in use; JSON columns read fast, as
the standard library would read them."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import make_url, text

from core.db import engine as db_engine
from core.db.engine import json_loads, make_engine


async def test_a_pooled_connection_is_pinged_only_after_it_sat_idle(database_url, monkeypatch):
    engine = make_engine(database_url)
    pings, ping = [], engine.dialect.do_ping
    monkeypatch.setattr(
        engine.dialect, "do_ping", lambda connection: pings.append(1) or ping(connection)
    )

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


@pytest.mark.fast
def test_json_columns_read_back_as_the_standard_library_reads_them():
    for text in (
        '{"中文": [1.5, null, true, -0.0, 1e-7]}',
        '{"n": 123456789012345678901234567890, "m": -9223372036854775809}',
        '[1e19, 9223372036854775807, 9223372036854775808, {"x": [18446744073709551616]}]',
        "[NaN, Infinity, -Infinity]",
        '{"a": 1, "a": 2}',
        '"\\u4e2d\\ud83d\\ude00"',
        "[" * 100 + "]" * 100,
    ):
        ours, theirs = json_loads(text), json.loads(text)
        assert repr(ours) == repr(theirs), (
            text
        )  # repr: nan != nan, and an int must not come back a float
