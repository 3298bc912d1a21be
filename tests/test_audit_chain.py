"""The event log is a hash chain the database will not let anyone edit; tampering is detected."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from core.audit import Head, verify
from tests.support import toy_plugin
from tests.support.helpers import act, create, ok, register, submit

ROOT = Path(__file__).resolve().parent.parent


async def _history(gql) -> None:
    for n in range(3):
        inst = await register(gql, name=f"杭州审计{n}有限公司")
        app = ok(await create(gql, inst["id"], "toy", {"trainees": 150}, roundId="2026"))
        ok(await submit(gql, app))


async def _owner(gql, statement: str) -> None:
    """Run SQL as the database owner could: with the append-only triggers switched off."""
    engine = gql.platform.engine
    async with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            await conn.execute(text("ALTER TABLE events DISABLE TRIGGER USER"))
            await conn.execute(text(statement))
            await conn.execute(text("ALTER TABLE events ENABLE TRIGGER USER"))
        else:
            await conn.execute(text("DROP TRIGGER IF EXISTS events_no_update"))
            await conn.execute(text("DROP TRIGGER IF EXISTS events_no_delete"))
            await conn.execute(text(statement))


async def test_every_write_extends_an_intact_chain(client_for):
    gql = await client_for([toy_plugin])
    await _history(gql)
    verdict = await verify(gql.platform.engine)
    assert verdict.ok and verdict.checked == 9 and verdict.head.seq == 9   # 3 × (registered, created, submitted)


@pytest.mark.parametrize("statement", ["UPDATE events SET actor = 'someone' WHERE seq = 2", "DELETE FROM events WHERE seq = 9"])
async def test_the_database_refuses_to_change_the_log(client_for, statement):
    gql = await client_for([toy_plugin])
    await _history(gql)
    with pytest.raises(DBAPIError, match="append-only"):
        async with gql.platform.engine.begin() as conn:
            await conn.execute(text(statement))
    assert (await verify(gql.platform.engine)).ok


async def test_an_edited_entry_is_named(client_for):
    gql = await client_for([toy_plugin])
    await _history(gql)
    await _owner(gql, "UPDATE events SET actor = 'someone-else' WHERE seq = 4")
    verdict = await verify(gql.platform.engine)
    assert (verdict.ok, verdict.broken_seq, verdict.checked) == (False, 4, 3)
    assert "content" in verdict.reason


async def test_a_deleted_entry_is_named(client_for):
    gql = await client_for([toy_plugin])
    await _history(gql)
    await _owner(gql, "DELETE FROM events WHERE seq = 5")
    verdict = await verify(gql.platform.engine)
    assert (verdict.ok, verdict.broken_seq) == (False, 5) and "missing" in verdict.reason


async def test_a_cut_off_tail_is_detected_by_the_head_and_by_an_exported_head(client_for):
    gql = await client_for([toy_plugin])
    await _history(gql)
    exported = (await verify(gql.platform.engine)).head
    await _owner(gql, "DELETE FROM events WHERE seq > 7")
    verdict = await verify(gql.platform.engine)
    assert (verdict.ok, verdict.broken_seq) == (False, 8) and "cut off" in verdict.reason
    # a careful attacker also rewinds the head row: only the head kept outside the database tells
    async with gql.platform.engine.begin() as conn:
        await conn.execute(text("UPDATE audit_head SET seq = 7, hash = (SELECT hash FROM events WHERE seq = 7)"))
    assert (await verify(gql.platform.engine)).ok
    verdict = await verify(gql.platform.engine, Head(exported.seq, exported.hash))
    assert (verdict.ok, verdict.broken_seq) == (False, 8)


async def test_cli_verify_names_the_first_broken_entry(client_for, tmp_path):
    gql = await client_for([toy_plugin])
    await _history(gql)
    env = {"ACCREDIT_DATABASE_URL": gql.platform.settings.database_url, "PATH": "/usr/bin:/bin"}
    head = subprocess.run([sys.executable, "-m", "core.cli", "audit", "head", "--output", str(tmp_path / "head.json")],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    assert head.returncode == 0 and json.loads((tmp_path / "head.json").read_text())["seq"] == 9
    await _owner(gql, "UPDATE events SET details = '{}' WHERE seq = 6")
    result = subprocess.run([sys.executable, "-m", "core.cli", "audit", "verify", "--head", str(tmp_path / "head.json")],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 1 and "BROKEN at entry 6" in result.stdout, result.stdout + result.stderr
