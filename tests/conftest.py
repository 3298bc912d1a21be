"""Shared fixtures: a migrated database per test, a platform with chosen plugins, and a GraphQL
client that posts real documents through the ASGI app, as a client would.

Every test that takes ``database_url`` (``client_for`` does) runs on SQLite and on PostgreSQL, on
the server ``ACCREDIT_TEST_POSTGRES_URL`` names (``.ci/postgres start`` prints one). Without it the
PostgreSQL variants are reported as skipped, with the reason; in CI (``CI`` set) a missing
PostgreSQL is a failure, never a skip.

The suite runs in parallel (pytest-xdist): each worker builds its own databases, named after the
worker (``gw0``, ``gw1``; ``main`` without xdist), in its own temporary folders.

After every test, each database it built is scanned for identity and mobile numbers stored in
clear, and so is everything it logged (:mod:`tests.support.pii_scan`).
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import uuid
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from sqlalchemy import make_url
from xdist.scheduler import LoadScopeScheduling

from core.api.app import create_app
from core.db.migrate import upgrade
from core.platform import Platform
from core.plugins import get_plugin_manager
from core.settings import Settings
from tests.support import pii_scan


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    upgrade(f"sqlite+aiosqlite:///{path}")
    return path


POSTGRES_URL = os.environ.get("ACCREDIT_TEST_POSTGRES_URL")
IN_CI = os.environ.get("CI", "").lower() not in ("", "0", "false")
NO_POSTGRES = "no PostgreSQL server: set ACCREDIT_TEST_POSTGRES_URL, see README"
# Locally, without a server, the PostgreSQL variants are skipped with the reason; in CI they run (and
# fail in ``postgres_template`` if no server was started).
needs_postgres = pytest.mark.skipif(not POSTGRES_URL and not IN_CI, reason=NO_POSTGRES)
ENGINES = ["sqlite", pytest.param("postgresql", marks=needs_postgres)]
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")


def pg_name(prefix: str) -> str:
    """A database name of this xdist worker's own, unique within it too."""
    return f"{prefix}_{WORKER}_{uuid.uuid4().hex[:10]}"


def _pg_dsn(url: str, database: str | None = None) -> str:
    """asyncpg's DSN for a SQLAlchemy URL, optionally for another database on the same server."""
    parsed = make_url(url).set(drivername="postgresql")
    return parsed.set(database=database or parsed.database).render_as_string(hide_password=False)


async def pg_admin(statement: str) -> None:
    """Run one statement on the test server's own database (CREATE or DROP DATABASE)."""
    conn = await asyncpg.connect(_pg_dsn(POSTGRES_URL))
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


@pytest.fixture(scope="session")
def postgres_template():
    """A migrated template database; each test gets a copy (CREATE DATABASE … TEMPLATE)."""
    if not POSTGRES_URL:
        pytest.fail(
            "CI runs every test on PostgreSQL too: start one with `.ci/postgres start` and set ACCREDIT_TEST_POSTGRES_URL"
        )
    name = pg_name("template")

    def build() -> None:
        asyncio.run(pg_admin(f'CREATE DATABASE "{name}"'))
        upgrade(make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False))

    # in a thread of its own: first requested from inside a test's running event loop
    with ThreadPoolExecutor(1) as pool:
        pool.submit(build).result()
        yield name
        pool.submit(
            asyncio.run, pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        ).result()


@pytest.fixture(params=ENGINES)
async def database_url(request, migrated_template: Path, tmp_path: Path):
    if request.param == "sqlite":
        path = tmp_path / "accredit.db"
        shutil.copy(migrated_template, path)
        yield f"sqlite+aiosqlite:///{path}"
        return
    template = request.getfixturevalue("postgres_template")
    name = pg_name("t")
    admin = await asyncpg.connect(_pg_dsn(POSTGRES_URL))
    try:
        await admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


class GraphQLClient:
    def __init__(self, client: httpx.AsyncClient, platform: Platform):
        self.http = client
        self.platform = platform

    async def __call__(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        role: str = "city_reviewer",
        actor: str = "tester",
        token: str | None = None,
        expect_errors: bool = False,
    ) -> dict[str, Any]:
        """Post a document: as a real user when ``token`` is given, else as the development
        identity the role and actor headers claim (``ACCREDIT_DEV_IDENTITY_HEADERS``, on in tests;
        everywhere in scope). Reads default to a city reviewer, who sees applications in clear;
        pass ``role="public"`` for the anonymous view."""
        headers = (
            {"Authorization": f"Bearer {token}"}
            if token
            else {"X-Accredit-Role": role, "X-Accredit-Actor": actor}
        )
        response = await self.http.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )
        assert response.status_code == 200, response.text
        body = response.json()
        if not expect_errors:
            assert "errors" not in body, body.get("errors")
        return body if expect_errors else body["data"]


TEST_SECRET = "test-secret-" + "x" * 40


def make_platform(
    database_url: str,
    plugins: Iterable[object],
    *,
    load_entrypoints: bool = False,
    today: str = "2026-03-02",
    **settings_overrides: Any,
) -> Platform:
    settings = Settings(
        **{
            "database_url": database_url,
            "today": today,
            "secret_key": TEST_SECRET,
            "dev_identity_headers": True,
            "query_budget_points": 10**9,
            **settings_overrides,
        }
    )
    return Platform(
        settings, get_plugin_manager(load_entrypoints=load_entrypoints, plugins=plugins)
    )


@pytest.fixture
async def client_for(database_url):
    """``await client_for(plugins=[...], today=...)`` -> GraphQLClient on a fresh database."""
    opened: list[tuple[httpx.AsyncClient, Platform]] = []

    async def build(
        plugins: Iterable[object] = (),
        *,
        load_entrypoints: bool = False,
        today: str = "2026-03-02",
        **settings_overrides: Any,
    ) -> GraphQLClient:
        platform = make_platform(
            database_url,
            plugins,
            load_entrypoints=load_entrypoints,
            today=today,
            **settings_overrides,
        )
        app = create_app(platform)
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")
        opened.append((client, platform))
        return GraphQLClient(client, platform)

    yield build
    leaked = []
    for client, platform in opened:
        await client.aclose()
        leaked += await pii_scan.in_database(platform.engine)
        await platform.close()
    assert not leaked, f"personal data stored in clear: {leaked[:5]}"


@pytest.fixture(autouse=True)
def no_personal_data_in_logs():
    """Whatever a test logged, anywhere, names no identity or mobile number in clear."""
    scan = pii_scan.LogScan()
    logging.getLogger().addHandler(scan)
    yield
    logging.getLogger().removeHandler(scan)
    assert not scan.found, f"personal data written to the log: {scan.found[:5]}"


# With -n, the tests that share what a worker builds once go to one worker: the browser tests (one
# `accredit serve --demo` and a Chromium), the HTTP fuzz run (a server per engine), the installed
# out-of-tree scheme. The others are handed out one by one. (xdist's `--dist loadgroup` would do
# this from xdist_group marks, but under pytest 9.2 it silently stops grouping:
# pytest-dev/pytest-xdist#1386.)
SHARED_SETUP = ("tests/console/", "tests/test_fuzz_http.py::", "tests/test_out_of_tree_plugin.py::")


class SharedSetupScheduling(LoadScopeScheduling):
    def _split_scope(self, nodeid: str) -> str:
        return next((prefix for prefix in SHARED_SETUP if nodeid.startswith(prefix)), nodeid)


@pytest.hookimpl(optionalhook=True)  # `-p no:xdist` still runs the suite, one test at a time
def pytest_xdist_make_scheduler(config, log):
    return SharedSetupScheduling(config, log)


WITHOUT_FAST_TEST = pytest.StashKey[list[str]]()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Before ``-m`` and ``-k`` deselect anything: note the collected modules that have no test
    marked ``fast`` (checked by tests/test_suite_rules.py, so that ``pytest -m fast`` touches every
    module)."""
    marked: dict[str, bool] = {}
    for item in items:
        module = item.path.relative_to(config.rootpath).as_posix()
        marked[module] = marked.get(module, False) or item.get_closest_marker("fast") is not None
    config.stash[WITHOUT_FAST_TEST] = sorted(module for module, fast in marked.items() if not fast)
