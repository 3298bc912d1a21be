"""Alembic, driven from code: ``accredit db upgrade`` and start-up call :func:`upgrade`.

Alembic is imported only when a migration may have to run: ``accredit serve`` first reads the
database's revision and compares it with the newest migration (:func:`head`, read from the version
files), and runs Alembic only when they differ (importing and running it cost 0.6-0.9 s at every
start).
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import create_async_engine

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
_REVISION = re.compile(r"^(revision|down_revision)\s*=\s*['\"]?([\w-]+)['\"]?", re.MULTILINE)


def alembic_config(url: str):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url)
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the database at ``url`` to ``revision``. Safe to run again; must not run inside a loop."""
    from alembic import command

    command.upgrade(alembic_config(url), revision)


async def upgrade_async(url: str, revision: str = "head") -> None:
    """The same, from async code: env.py runs its own event loop, so use a worker thread."""
    await asyncio.to_thread(upgrade, url, revision)


def head() -> str:
    """The newest migration: the revision no other names as its ``down_revision``."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict(_REVISION.findall(path.read_text(encoding="utf-8")))
        revisions.add(found["revision"])
        parents.add(found.get("down_revision"))
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


async def current_revision(url: str) -> str | None:
    """The revision the database at ``url`` is at (None: never migrated)."""
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            return await conn.scalar(text("SELECT version_num FROM alembic_version"))
    except DBAPIError:  # no alembic_version table yet
        return None
    finally:
        await engine.dispose()


def upgrade_unless_at_head(url: str) -> bool:
    """Run the migrations unless the database is already at :func:`head`; True when they ran."""
    if asyncio.run(current_revision(url)) == head():
        return False
    upgrade(url)
    return True
