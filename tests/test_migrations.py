"""The Alembic migrations create exactly the tables the models describe, on every engine."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from core.db.engine import make_engine
from core.db.models import Base


async def test_models_match_the_migrated_database(database_url):
    engine = make_engine(database_url)
    try:
        async with engine.connect() as conn:
            diff = await conn.run_sync(lambda sync: compare_metadata(
                MigrationContext.configure(sync, opts={"compare_type": True}), Base.metadata))
    finally:
        await engine.dispose()
    assert diff == [], f"models and migrations differ; write a migration: {diff}"
