"""The Alembic migrations create exactly the tables the models describe, on every engine."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select

from core.db import models
from core.db.engine import make_engine
from core.db.migrate import alembic_config, upgrade_async
from core.db.models import Base


@pytest.mark.fast
async def test_models_match_the_migrated_database(database_url):
    engine = make_engine(database_url)
    try:
        async with engine.connect() as conn:
            diff = await conn.run_sync(
                lambda sync: compare_metadata(
                    MigrationContext.configure(sync, opts={"compare_type": True}), Base.metadata
                )
            )
    finally:
        await engine.dispose()
    assert diff == [], f"models and migrations differ; write a migration: {diff}"


async def test_upgrading_a_database_holding_demo_data_keeps_it(client_for):
    from alembic.runtime.migration import MigrationContext as Context
    from alembic.script import ScriptDirectory

    from core.demo import load_demo
    from tests.support import toy_plugin

    gql = await client_for([toy_plugin])
    assert await load_demo(gql.platform) == 1
    url = gql.platform.settings.database_url
    await upgrade_async(url)
    head = ScriptDirectory.from_config(alembic_config(url)).get_current_head()
    async with gql.platform.engine.connect() as conn:
        current = await conn.run_sync(lambda sync: Context.configure(sync).get_current_revision())
    assert current == head
    counts = await gql(
        "{ institutions(first: 5) { totalCount } recognitions(first: 5) { totalCount } }"
    )
    assert (counts["institutions"]["totalCount"], counts["recognitions"]["totalCount"]) == (1, 1)


async def test_applications_stored_before_they_kept_their_own_area_take_their_institutions(
    database_url,
):
    await asyncio.to_thread(command.downgrade, alembic_config(database_url), "0004")
    engine = make_engine(database_url)
    try:
        async with engine.begin() as conn:
            inst = (
                await conn.execute(
                    models.Institution.__table__.insert().values(
                        name="杭州迁移前有限公司",
                        credit_code="91350100M000100Y43",
                        org_type="enterprise",
                        division_code="330106",
                        city_code="330100",
                        registered_on=dt.date(2015, 1, 1),
                        legal_representative="甲",
                        contacts=[],
                        address="",
                    )
                )
            ).inserted_primary_key[0]
            await conn.execute(
                models.Application.__table__.insert().values(
                    institution_id=inst,
                    scheme_id="toy",
                    kind="recognition",
                    stage="review",
                    status="in_review",
                )
            )
        await upgrade_async(database_url)
        async with engine.connect() as conn:
            areas = (
                await conn.execute(
                    select(models.Application.division_code, models.Application.city_code)
                )
            ).all()
    finally:
        await engine.dispose()
    assert [tuple(a) for a in areas] == [("330106", "330100")]


def test_the_head_read_from_the_version_files_is_alembics():
    from alembic.script import ScriptDirectory

    from core.db.migrate import head

    assert (
        head()
        == ScriptDirectory.from_config(alembic_config("sqlite+aiosqlite://")).get_current_head()
    )


async def test_start_up_runs_alembic_only_when_the_database_is_behind(
    database_url, tmp_path, monkeypatch
):
    from core.db import migrate

    ran: list[str] = []
    monkeypatch.setattr(migrate, "upgrade", ran.append)
    assert (
        await asyncio.to_thread(migrate.upgrade_unless_at_head, database_url) is False
    )  # migrated: left alone
    empty = f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"
    assert await asyncio.to_thread(migrate.upgrade_unless_at_head, empty) is True
    assert ran == [empty]
