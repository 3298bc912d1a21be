"""The running platform: settings, plugins, registry, database engine and clock, built once.

Everything request handlers and the CLI need hangs off one :class:`Platform`; tests build their
own with the plugins and database they want (no module globals).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import TypeVar

import pluggy
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from core import metrics
from core.budgets import Budgets, BudgetStore, database_store
from core.calendar import WorkingCalendar
from core.clock import CST
from core.db.engine import make_engine, read_session, write_session
from core.engine.audit import seal
from core.engine.denials import Denials
from core.errors import ErrorCode, Refused
from core.events import LifecycleEvent
from core.identity.throttle import LoginThrottle
from core.pii import Vault
from core.plugins import configured_plugins, get_plugin_manager
from core.registry import Registry
from core.secret import master_secret
from core.settings import Settings

log = logging.getLogger("accredit")
T = TypeVar("T")
TRANSIENT_SQLSTATES = {
    "40001",
    "40P01",
    "55P03",
}  # serialization failure, deadlock, lock not available
TIMEOUT_SQLSTATES = {"57014"}  # statement timeout (lock_timeout reports 55P03)


def _sqlstate(error: DBAPIError) -> str | None:
    return getattr(error.orig, "sqlstate", None) or getattr(error.orig, "pgcode", None)


def is_transient(error: DBAPIError) -> bool:
    """A failure that a fresh attempt of the same transaction may not meet again."""
    return _sqlstate(error) in TRANSIENT_SQLSTATES or "database is locked" in str(error.orig)


def is_timeout(error: DBAPIError) -> bool:
    return _sqlstate(error) in TIMEOUT_SQLSTATES


class Platform:
    def __init__(self, settings: Settings | None = None, pm: pluggy.PluginManager | None = None):
        self.settings = settings or Settings()
        self.pm = pm or get_plugin_manager(plugins=configured_plugins(self.settings.plugins))
        self.calendar = WorkingCalendar(self.settings.calendar_fallback)
        self.registry = Registry(self.pm, self.calendar)
        self.engine: AsyncEngine = make_engine(
            self.settings.database_url, self.settings, echo=self.settings.echo_sql
        )
        self.denials = Denials(self.settings.denial_window_s, self.transaction)
        """Permission denials counted and not yet in the audit log (written after each window and on close)."""
        self._calendar_read_at: float | None = None
        self._calendar_warned_on: dt.date | None = None

    async def refresh_calendar(self, *, force: bool = False) -> None:
        """Read the imported holiday schedules into :attr:`calendar` when they were last read over
        a minute ago (every worker sees an import within a minute), and warn that next year is not
        covered: in the log once a day from 1 November, and on /metrics."""
        from core.services.calendar import load_schedules

        moment = time.monotonic()
        if (
            not force
            and self._calendar_read_at is not None
            and moment - self._calendar_read_at < 60
        ):
            return
        self._calendar_read_at = moment
        async with self.reading() as session:
            self.calendar.schedules = await load_schedules(session)
        today = self.today()
        year = self.calendar.uncovered_next_year(today)
        metrics.CALENDAR_UNCOVERED.set(1 if year else 0)
        if self._calendar_warned_on != today and year:
            self._calendar_warned_on = today
            log.warning(
                "no holiday schedule for %d: working-day deadlines reaching into it cannot be counted; "
                "import the State Council's notice with `accredit calendar import FILE`",
                year,
            )

    @functools.cached_property
    def secret(self) -> str:
        """The master secret (:mod:`core.secret`), read on first use."""
        return master_secret(self.settings)

    @functools.cached_property
    def allowed_documents(self) -> frozenset[str] | None:
        """The digests of the only documents accepted, or None for any (:mod:`core.api.persisted`)."""
        from core.api.persisted import allowed_documents

        return allowed_documents(self.settings.allowed_documents)

    @property
    def _budget_store(self) -> BudgetStore | None:
        """Where all workers' budgets meet (the database), unless ``budget_sync_s`` is 0."""
        return database_store(self.transaction) if self.settings.budget_sync_s > 0 else None

    @functools.cached_property
    def query_budgets(self) -> Budgets:
        """Query cost points each caller has left in its window (:mod:`core.budgets`)."""
        return Budgets(
            self.settings.query_budget_points,
            self.settings.query_budget_window_s,
            purpose="query",
            store=self._budget_store,
            sync_s=self.settings.budget_sync_s,
        )

    @functools.cached_property
    def login_throttle(self) -> LoginThrottle:
        """Failed logins each username and address have left, and the password hashes running
        (:mod:`core.identity.throttle`)."""
        return LoginThrottle(self.settings, store=self._budget_store)

    @functools.cached_property
    def vault(self):
        """Encrypts, reveals and masks personal data (:mod:`core.pii`)."""
        return Vault.from_secret(self.secret)

    def today(self) -> dt.date:
        """Today in China Standard Time (deadlines are Beijing dates), or the pinned ``ACCREDIT_TODAY``."""
        if self.settings.today:
            return dt.date.fromisoformat(self.settings.today)
        return dt.datetime.now(CST).date()

    def now(self) -> dt.datetime:
        """The current moment for domain dates (submission, stage entry), on the pinned day if any."""
        now = dt.datetime.now(CST)
        if self.settings.today:
            now = dt.datetime.combine(self.today(), now.timetz())
        return now.astimezone(dt.UTC)

    @asynccontextmanager
    async def writing(self) -> AsyncIterator[AsyncSession]:
        """A write transaction; lifecycle hooks run after it committed, in the order recorded."""
        async with write_session(self.engine) as session:
            session.info["events"] = []
            yield session
            await seal(session)
            events: list[LifecycleEvent] = session.info["events"]
        for event in events:
            try:
                self.pm.hook.accredit_lifecycle_event(event=event)
            except Exception:  # an observer must never undo or hide a committed change
                log.exception("lifecycle hook failed for %s", event.action)

    async def transaction(self, operation: Callable[[AsyncSession], Awaitable[T]]) -> T:
        """Run ``operation`` in a write transaction, again from the start (a bounded number of
        times) when the database reports a serialization failure, a deadlock or a busy lock.
        Refused as ``DATABASE_BUSY`` (retry later; nothing written) when still contended, or when
        the connection pool gives no connection within its timeout."""
        for attempt in range(self.settings.write_retries + 1):
            try:
                async with self.writing() as session:
                    return await operation(session)
            except PoolTimeout as error:  # no connection came free in time: nothing was begun
                raise Refused.one(
                    ErrorCode.DATABASE_BUSY,
                    "数据库连接繁忙（等待可用连接超时），本次操作未写入任何数据，请稍后重试",
                ) from error
            except DBAPIError as error:
                if not is_transient(error) and not is_timeout(error):
                    raise
                if attempt == self.settings.write_retries or is_timeout(error):
                    metrics.DATABASE_BUSY.inc()
                    raise Refused.one(
                        ErrorCode.DATABASE_BUSY,
                        "数据库繁忙（并发冲突或等待超时），本次操作未写入任何数据，请稍后重试",
                    ) from error
                metrics.WRITE_RETRIES.inc()
                log.warning(
                    "retrying a write after %s (attempt %d)", type(error.orig).__name__, attempt + 1
                )
                await asyncio.sleep(0.01 * 2**attempt)
        raise AssertionError("unreachable")

    def reading(self):
        return read_session(self.engine)

    async def close(self) -> None:
        await self.denials.close()
        if "query_budgets" in self.__dict__:
            await self.query_budgets.close()
        if "login_throttle" in self.__dict__:
            await self.login_throttle.by_username.close()
            await self.login_throttle.by_address.close()
        await self.engine.dispose()
