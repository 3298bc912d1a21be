"""How quickly abusive documents are refused (through the ASGI app, no network), against the
validation cost they would have had without the guards. Prints figures; asserts nothing."""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

import httpx
from graphql import parse, validate

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.api.app import create_app
from core.api.schema import schema
from core.db.migrate import upgrade_async
from core.platform import Platform
from core.plugins import get_plugin_manager
from core.settings import Settings

CASES = {
    "2,500 repeated fields": "{ schemes { " + " ".join(["id"] * 2500) + " } }",
    "4,000 repeated fields (24 KB)": "{ schemes { " + " ".join(["id"] * 4000) + " } }",
    "25 fragments of one field": "{ schemes { "
    + " ".join(f"...F{i}" for i in range(25))
    + " } } "
    + " ".join(f"fragment F{i} on Scheme {{ id }}" for i in range(25)),
    "fragment doubling, 2^20": "{ schemes { ...F0 } } "
    + " ".join(f"fragment F{i} on Scheme {{ ...F{i + 1} ...F{i + 1} }}" for i in range(20))
    + " fragment F20 on Scheme { id }",
    "31 aliases": "{ " + " ".join(f"a{i}: schemes {{ id }}" for i in range(31)) + " }",
}


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{tmp}/bench.db"
        await upgrade_async(url)
        platform = Platform(
            Settings(database_url=url, secret_key="benchmark-secret-" + "x" * 32),
            get_plugin_manager(load_entrypoints=False),
        )
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=create_app(platform)), base_url="http://b"
        ) as client:
            print(f"{'document':34} {'refused in':>11}  {'unguarded validation':>20}  answer")
            for name, query in CASES.items():
                start = time.perf_counter()
                body = (await client.post("/graphql", json={"query": query})).json()
                refused = time.perf_counter() - start
                try:
                    start = time.perf_counter()
                    validate(schema._schema, parse(query))
                    unguarded = f"{time.perf_counter() - start:18.2f} s"
                except Exception as error:
                    unguarded = f"{type(error).__name__:>20}"
                print(
                    f"{name:34} {refused * 1000:8.1f} ms  {unguarded:>20}  {body['errors'][0]['message'][:60]}"
                )
        await platform.close()


if __name__ == "__main__":
    asyncio.run(main())
