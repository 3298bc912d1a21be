"""Whether an anonymous caller can tell a hidden object from a missing one by the time it takes
(issue 13, finding 6), through the ASGI app, no network.

    python benchmarks/denial_timing.py [--runs 200] [--database-url URL]

One application is in review (hidden from the public); each run posts 30 aliased ``node(id:)``
lookups of it, then 30 of an ID that does not exist, alternately. Prints the median and 90th
percentile of both, their ratio, the audit entries written while the requests ran and those the
flush wrote afterwards. Asserts nothing. Default: a fresh SQLite file; ``--database-url`` names an
empty database to migrate and use instead (e.g. PostgreSQL).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select

from core.api.app import create_app
from core.db import models
from core.db.migrate import upgrade_async
from core.platform import Platform
from core.plugins import get_plugin_manager
from core.settings import Settings
from tests.support import documents as doc
from tests.support import toy_plugin
from tests.support.helpers import credit_code

LOOKUPS = "query($id: ID!) { " + " ".join(f"n{i}: node(id: $id) {{ id }}" for i in range(30)) + " }"
APPLICANT = {"X-Accredit-Role": "applicant", "X-Accredit-Actor": "benchmark"}


async def _application(client: httpx.AsyncClient) -> str:
    """An application in review, created and submitted as its applicant; returns its global ID."""

    async def post(query: str, variables: dict) -> dict:
        return (
            await client.post(
                "/graphql", json={"query": query, "variables": variables}, headers=APPLICANT
            )
        ).json()["data"]

    inst = (
        await post(
            doc.REGISTER,
            {
                "input": {
                    "name": "杭州计时示例有限公司",
                    "creditCode": credit_code(),
                    "orgType": "ENTERPRISE",
                    "divisionCode": "330106",
                    "registeredOn": "2015-06-01",
                    "legalRepresentative": "张三",
                }
            },
        )
    )["registerInstitution"]["institution"]
    app = await post(
        doc.CREATE,
        {"input": {"institutionId": inst["id"], "schemeId": "toy", "form": {"trainees": 150}}},
    )
    app = app["createApplication"]["application"]
    await post(doc.SUBMIT, {"input": {"id": app["id"], "expectedVersion": app["version"]}})
    return app["id"]


async def _entries(platform: Platform) -> int:
    async with platform.reading() as session:
        return await session.scalar(select(func.count()).select_from(models.Event))


async def _timed(client: httpx.AsyncClient, global_id: str) -> float:
    start = time.perf_counter()
    response = await client.post(
        "/graphql", json={"query": LOOKUPS, "variables": {"id": global_id}}
    )
    elapsed = time.perf_counter() - start
    assert response.json()["data"]["n0"] is None
    return elapsed


def _line(name: str, times: list[float]) -> str:
    p90 = statistics.quantiles(times, n=10)[-1]
    return f"{name:8} median {statistics.median(times) * 1000:6.2f} ms   p90 {p90 * 1000:6.2f} ms"


async def main(runs: int, database_url: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = database_url or f"sqlite+aiosqlite:///{tmp}/bench.db"
        await upgrade_async(url)
        platform = Platform(
            Settings(
                database_url=url,
                secret_key="benchmark-secret-" + "x" * 32,
                dev_identity_headers=True,
                today="2026-03-02",
                query_budget_points=10**9,
            ),
            get_plugin_manager(load_entrypoints=False, plugins=[toy_plugin]),
        )
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=create_app(platform)), base_url="http://b"
        ) as client:
            hidden = await _application(client)
            kind, _, _ = base64.b64decode(hidden).decode().partition(":")
            missing = base64.b64encode(f"{kind}:999999".encode()).decode()
            for global_id in (hidden, missing):  # warm up
                await _timed(client, global_id)
            await platform.denials.flush()
            before = await _entries(platform)
            times: dict[str, list[float]] = {"hidden": [], "missing": []}
            for _ in range(runs):
                times["hidden"].append(await _timed(client, hidden))
                times["missing"].append(await _timed(client, missing))
            during = await _entries(platform) - before
            flushed = await platform.denials.flush()
        await platform.close()
    print(f"{runs} requests of 30 anonymous lookups each, {url.split(':')[0]}")
    for name, values in times.items():
        print(_line(name, values))
    print(
        f"hidden / missing (medians): {statistics.median(times['hidden']) / statistics.median(times['missing']):.2f}"
    )
    print(
        f"audit entries written while the requests ran: {during}; by the flush afterwards: {flushed}"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--database-url")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.runs, arguments.database_url))
