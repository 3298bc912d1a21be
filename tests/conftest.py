"""Shared fixtures: a migrated SQLite database per test, a platform with chosen plugins, and a
GraphQL client that posts real documents through the ASGI app, as a client would."""
from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import httpx
import pytest

from core.api.app import create_app
from core.db.migrate import upgrade
from core.platform import Platform
from core.plugins import get_plugin_manager
from core.settings import Settings


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    upgrade(f"sqlite+aiosqlite:///{path}")
    return path


@pytest.fixture
def database_url(migrated_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "accredit.db"
    shutil.copy(migrated_template, path)
    return f"sqlite+aiosqlite:///{path}"


class GraphQLClient:
    def __init__(self, client: httpx.AsyncClient, platform: Platform):
        self.http = client
        self.platform = platform

    async def __call__(self, query: str, variables: dict[str, Any] | None = None, *, role: str = "public",
                       actor: str = "tester", expect_errors: bool = False) -> dict[str, Any]:
        response = await self.http.post("/graphql", json={"query": query, "variables": variables or {}},
                                        headers={"X-Accredit-Role": role, "X-Accredit-Actor": actor})
        assert response.status_code == 200, response.text
        body = response.json()
        if not expect_errors:
            assert "errors" not in body, body.get("errors")
        return body if expect_errors else body["data"]


def make_platform(database_url: str, plugins: Iterable[object], *, load_entrypoints: bool = False, today: str = "2026-03-02") -> Platform:
    settings = Settings(database_url=database_url, today=today)
    return Platform(settings, get_plugin_manager(load_entrypoints=load_entrypoints, plugins=plugins))


@pytest.fixture
async def client_for(database_url):
    """``await client_for(plugins=[...], today=...)`` -> GraphQLClient on a fresh database."""
    opened: list[tuple[httpx.AsyncClient, Platform]] = []

    async def build(plugins: Iterable[object] = (), *, load_entrypoints: bool = False, today: str = "2026-03-02") -> GraphQLClient:
        platform = make_platform(database_url, plugins, load_entrypoints=load_entrypoints, today=today)
        app = create_app(platform)
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")
        opened.append((client, platform))
        return GraphQLClient(client, platform)

    yield build
    for client, platform in opened:
        await client.aclose()
        await platform.close()
