"""Prometheus metrics, served at ``/metrics`` (:mod:`core.api.metrics_route`).

Metrics are process-wide by nature, so they are module objects here (prometheus-client's idiom),
recorded where things happen: GraphQL requests (:mod:`core.api.request_log`), the connection pool
(:func:`observe_pool`), write retries and ``DATABASE_BUSY`` (:mod:`core.platform`), failed logins
and lockouts (:mod:`core.identity.login`). Quota places are counted in the database when scraped.

Several worker processes add up through prometheus-client's multiprocess mode: when the
environment variable ``PROMETHEUS_MULTIPROC_DIR`` names a folder before a worker starts, every
worker writes its values there and a scrape of any worker reads them all. ``accredit serve
--workers N`` (N > 1) sets it up itself (:func:`core.startup.metrics_folder`); under another process manager
set it yourself, to an empty folder, and empty it before each start.
"""

from __future__ import annotations

import os
import time

from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import event
from sqlalchemy.exc import TimeoutError as PoolTimeout

MULTIPROC = "PROMETHEUS_MULTIPROC_DIR"

REQUESTS = Histogram(
    "accredit_graphql_request_duration_seconds",
    "GraphQL requests by operation (the root field, 'multiple', or 'none' when refused before parsing) and outcome "
    "('ok' or the first error code); _count is the number of requests",
    ["operation", "outcome"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
POOL_IN_USE = Gauge(
    "accredit_db_connections_in_use",
    "database connections checked out of the pool, all workers",
    multiprocess_mode="livesum",
)
POOL_WAIT = Histogram(
    "accredit_db_pool_wait_seconds",
    "time to obtain a database connection from the pool",
    buckets=(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30),
)
POOL_TIMEOUTS = Counter(
    "accredit_db_pool_timeouts_total",
    "requests for a connection that gave up waiting (ACCREDIT_POOL_TIMEOUT_S)",
)
WRITE_RETRIES = Counter(
    "accredit_write_retries_total",
    "write transactions retried after a serialization failure, deadlock or busy lock",
)
DATABASE_BUSY = Counter(
    "accredit_database_busy_total",
    "writes refused DATABASE_BUSY (retries exhausted, or a lock or statement timeout)",
)
LOGIN_FAILURES = Counter(
    "accredit_login_failures_total",
    "logins refused, by reason (invalid_credentials, rate_limited)",
    ["reason"],
)
CALENDAR_UNCOVERED = Gauge(
    "accredit_calendar_next_year_uncovered",
    "1 from 1 November while next year has no holiday "
    "schedule (working-day deadlines reaching into it cannot be counted: accredit calendar "
    "import), else 0",
    multiprocess_mode="max",
)
LOCKOUTS = Counter(
    "accredit_account_lockouts_total", "accounts locked after ACCREDIT_LOGIN_MAX_FAILURES failures"
)


def observe_pool(pool) -> None:
    """Record the wait for and the use of ``pool``'s connections (a SQLAlchemy pool)."""
    connect = pool.connect

    def timed_connect():
        started = time.perf_counter()
        try:
            return connect()
        except PoolTimeout:
            POOL_TIMEOUTS.inc()
            raise
        finally:
            POOL_WAIT.observe(time.perf_counter() - started)

    pool.connect = timed_connect

    @event.listens_for(pool, "checkout")
    def _checkout(*_args):
        POOL_IN_USE.set(pool.checkedout())

    @event.listens_for(pool, "checkin")
    def _checkin(*_args):
        POOL_IN_USE.set(pool.checkedout())


class QuotaPlaces:
    """``accredit_quota_places_used{scheme, rule}``: places taken under each quota rule, read from
    the database when scraped (a count of ``quota_slots``, whatever process granted them)."""

    def __init__(self, rows: list[tuple[str, str, int]]):
        self.rows = rows

    def collect(self):
        family = GaugeMetricFamily(
            "accredit_quota_places_used",
            "quota places taken, by scheme and quota rule",
            labels=["scheme", "rule"],
        )
        for scheme, rule, used in self.rows:
            family.add_metric([scheme, rule], used)
        yield family


def render(quota_rows: list[tuple[str, str, int]]) -> bytes:
    """The exposition text: this process's metrics, or every worker's in multiprocess mode."""
    if os.environ.get(MULTIPROC):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        registry.register(QuotaPlaces(quota_rows))
        return generate_latest(registry)
    return generate_latest(REGISTRY) + generate_latest(_one(QuotaPlaces(quota_rows)))


def _one(collector) -> CollectorRegistry:
    registry = CollectorRegistry()
    registry.register(collector)
    return registry
