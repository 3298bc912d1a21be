"""Engine and transactions.

SQLite: WAL, ``synchronous=FULL``, foreign keys on, a busy timeout, and write transactions opened
with ``BEGIN IMMEDIATE`` so that concurrent writers queue for the lock at the start instead of
failing with "database is locked" when they upgrade a read lock mid-transaction (measured: 197 of
200 racing approvals failed with a plain BEGIN, none with BEGIN IMMEDIATE). Read transactions stay
deferred so that readers never wait for writers under WAL. A database file that does not exist
yet is created 0600 (it holds the sealed personal data beside everything else; SQLite gives its
-wal and -shm files the same mode).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

import orjson
from sqlalchemy import event, exc, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine

from core.metrics import observe_pool

if TYPE_CHECKING:
    from core.settings import Settings

WRITE = "accredit_write"


def make_engine(url: str, settings: Settings | None = None, *, echo: bool = False) -> AsyncEngine:
    """An engine for ``url``: SQLite (aiosqlite) or PostgreSQL (asyncpg), chosen by the URL."""
    from core.settings import Settings

    settings = settings or Settings(database_url=url)
    if make_url(url).get_backend_name() == "postgresql":
        engine = create_async_engine(
            url,
            echo=echo,
            json_deserializer=json_loads,
            pool_size=settings.pool_size,
            max_overflow=settings.pool_max_overflow,
            pool_timeout=settings.pool_timeout_s,
            connect_args={
                "server_settings": {
                    "statement_timeout": str(settings.statement_timeout_ms),
                    "lock_timeout": str(settings.lock_timeout_ms),
                    "application_name": "accredit",
                }
            },
        )
        _ping_when_idle(engine)
    else:
        engine = create_async_engine(url, echo=echo, json_deserializer=json_loads)
        _configure_sqlite(engine, make_url(url).database, settings.sqlite_busy_timeout_ms)
    observe_pool(engine.sync_engine.pool)
    return engine


def json_loads(text: str):
    """JSON columns as read: orjson (a page of 100 applications decodes ~8,000 values: 33 ms of CPU
    with the standard library, 17 ms), the standard library where orjson would differ: integers
    beyond 64 bits (orjson reads them as floats, so any float of that size sends the text there)
    and NaN or Infinity (which ``json.dumps`` writes and orjson refuses). Same Python values either
    way. The check walks the decoded value: scanning the text for long runs of digits instead cost
    four times the decoding on a form of 8 KB."""
    try:
        value = orjson.loads(text)
        if not _has_huge_float(value):
            return value
    except (orjson.JSONDecodeError, RecursionError):
        pass
    return json.loads(text)


_HUGE = 2.0**63


def _has_huge_float(value) -> bool:
    kind = type(value)
    if kind is dict:
        return any(_has_huge_float(v) for v in value.values())
    if kind is list:
        return any(_has_huge_float(v) for v in value)
    return kind is float and abs(value) >= _HUGE


PING_AFTER_IDLE_S = 1.0
"""A pooled PostgreSQL connection idle longer than this is pinged before use (a server restart
leaves the pool holding dead connections); one reused sooner is not."""


def _ping_when_idle(engine: AsyncEngine) -> None:
    """``pool_pre_ping`` costs a round trip (BEGIN, ping, ROLLBACK) on every checkout, i.e. on every
    request; under load a connection comes back to the pool and out again within milliseconds, and
    only one that sat idle can have been cut off by a restart. A failed ping invalidates the pool's
    older connections, as ``pool_pre_ping`` does, and the pool connects afresh."""

    @event.listens_for(engine.sync_engine, "checkin")
    def _returned(_dbapi_connection, record):
        record.info["returned_at"] = time.monotonic()

    @event.listens_for(engine.sync_engine, "checkout")
    def _taken(dbapi_connection, record, _proxy):
        returned = record.info.get("returned_at")
        if returned is not None and time.monotonic() - returned > PING_AFTER_IDLE_S:
            try:
                engine.dialect.do_ping(dbapi_connection)
            except Exception as error:
                raise exc.InvalidatePoolError() from error


def _create_private(database: str | None) -> None:
    """Create the SQLite file readable by its owner only, unless it exists (or is in memory)."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    try:
        os.close(os.open(database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except (
        FileExistsError,
        FileNotFoundError,
    ):  # there already, or no such folder: SQLite reports that
        pass


def _configure_sqlite(engine: AsyncEngine, database: str | None, busy_timeout_ms: int) -> None:
    @event.listens_for(engine.sync_engine, "do_connect")
    def _private(*_args):
        _create_private(database)

    @event.listens_for(engine.sync_engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql(
            "BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN"
        )


@asynccontextmanager
async def write_session(engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    """One write transaction: committed when the block ends, rolled back on any exception."""
    async with engine.connect() as conn:
        conn = await conn.execution_options(**{WRITE: True})
        async with conn.begin():
            session = AsyncSession(bind=conn, expire_on_commit=False, autoflush=True)
            try:
                yield session
                await session.flush()
            finally:
                await session.close()


def new_read_session(engine: AsyncEngine) -> AsyncSession:
    """A session for reads: it takes a connection at its first statement and gives it back on
    ``close()`` (or at the end of its transaction); usable again afterwards."""
    return AsyncSession(engine, expire_on_commit=False)


@asynccontextmanager
async def read_session(engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    async with new_read_session(engine) as session:
        yield session
