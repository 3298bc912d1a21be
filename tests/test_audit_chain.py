"""The event log is a hash chain the database will not let anyone edit; tampering is detected."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from core.audit import GENESIS, Head, digest, verify
from core.db import models
from tests.support import toy_plugin
from tests.support.helpers import create, ok, register, submit

ROOT = Path(__file__).resolve().parent.parent


async def _history(gql) -> None:
    for n in range(3):
        inst = await register(gql, name=f"杭州审计{n}有限公司")
        app = ok(await create(gql, inst["id"], "toy", {"trainees": 150}, roundId="2026"))
        ok(await submit(gql, app))


async def _owner(gql, *statements: str | tuple) -> None:
    """Run SQL (a statement, or a statement and its parameters) as the database owner could: with
    the append-only triggers switched off."""
    engine = gql.platform.engine
    postgresql = engine.dialect.name == "postgresql"
    async with engine.begin() as conn:
        if postgresql:
            await conn.execute(text("ALTER TABLE events DISABLE TRIGGER USER"))
        else:
            await conn.execute(text("DROP TRIGGER IF EXISTS events_no_update"))
            await conn.execute(text("DROP TRIGGER IF EXISTS events_no_delete"))
        for statement, *parameters in (s if isinstance(s, tuple) else (s,) for s in statements):
            await conn.execute(text(statement), *parameters)
        if postgresql:
            await conn.execute(text("ALTER TABLE events ENABLE TRIGGER USER"))


async def _rewrite(gql, seq: int, actor: str) -> None:
    """What an insider with the database (and this code) can do: change an entry, re-hash every
    entry after it and move the head row, so that the chain holds again."""
    async with gql.platform.engine.connect() as conn:
        rows = (
            await conn.execute(select(*models.Event.__table__.columns).order_by(models.Event.seq))
        ).all()
    changes, prev = (
        [("UPDATE events SET actor = :actor WHERE seq = :seq", {"actor": actor, "seq": seq})],
        GENESIS,
    )
    for entry in (SimpleNamespace(**row._mapping) for row in rows):
        entry.actor = actor if entry.seq == seq else entry.actor
        entry.hash = digest(prev, entry)
        changes.append(
            (
                "UPDATE events SET prev_hash = :prev, hash = :hash WHERE seq = :seq",
                {"prev": prev, "hash": entry.hash, "seq": entry.seq},
            )
        )
        prev = entry.hash
    await _owner(gql, *changes, ("UPDATE audit_head SET hash = :hash", {"hash": prev}))


@pytest.mark.fast
async def test_every_write_extends_an_intact_chain(client_for):
    gql = await client_for([toy_plugin])
    await _history(gql)
    verdict = await verify(gql.platform.engine)
    assert (
        verdict.ok and verdict.checked == 9 and verdict.head.seq == 9
    )  # 3 × (registered, created, submitted)


@pytest.mark.parametrize(
    "statement",
    ["UPDATE events SET actor = 'someone' WHERE seq = 2", "DELETE FROM events WHERE seq = 9"],
)
async def test_the_database_refuses_to_change_the_log(client_for, statement):
    gql = await client_for([toy_plugin])
    await _history(gql)
    with pytest.raises(DBAPIError, match="append-only"):
        async with gql.platform.engine.begin() as conn:
            await conn.execute(text(statement))
    assert (await verify(gql.platform.engine)).ok


@pytest.mark.fast
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
        await conn.execute(
            text("UPDATE audit_head SET seq = 7, hash = (SELECT hash FROM events WHERE seq = 7)")
        )
    assert (await verify(gql.platform.engine)).ok
    verdict = await verify(gql.platform.engine, [Head(exported.seq, exported.hash)])
    assert (verdict.ok, verdict.broken_seq) == (False, 8)


async def test_cli_verify_names_the_first_broken_entry(client_for, tmp_path):
    gql = await client_for([toy_plugin])
    await _history(gql)
    env = {"ACCREDIT_DATABASE_URL": gql.platform.settings.database_url, "PATH": "/usr/bin:/bin"}
    head = subprocess.run(
        [
            sys.executable,
            "-m",
            "core.cli",
            "audit",
            "head",
            "--output",
            str(tmp_path / "head.json"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert head.returncode == 0 and json.loads((tmp_path / "head.json").read_text())["seq"] == 9
    await _owner(gql, "UPDATE events SET details = '{}' WHERE seq = 6")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "core.cli",
            "audit",
            "verify",
            "--head",
            str(tmp_path / "head.json"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "BROKEN at entry 6" in result.stdout, (
        result.stdout + result.stderr
    )


async def test_an_entry_rewritten_and_re_hashed_is_caught_by_heads_exported_before_however_the_log_grew(
    client_for,
):
    gql = await client_for([toy_plugin])
    await _history(gql)
    heads = []
    for seq in (3, 6, 9):
        async with gql.platform.engine.connect() as conn:
            heads.append(
                Head(
                    seq,
                    (
                        await conn.execute(text(f"SELECT hash FROM events WHERE seq = {seq}"))
                    ).scalar_one(),
                )
            )
    await _rewrite(gql, 5, "someone-else")
    await _history(gql)  # nine entries appended after the rewrite
    assert (await verify(gql.platform.engine)).ok  # the chain alone holds: re-hashed
    verdict = await verify(gql.platform.engine, heads[2:])
    assert (verdict.ok, verdict.broken_seq) == (False, 1) and "one of 1–9" in verdict.reason
    verdict = await verify(gql.platform.engine, heads)
    assert (verdict.ok, verdict.broken_seq) == (False, 4) and "one of 4–6" in verdict.reason
    assert (await verify(gql.platform.engine, heads[:1])).ok  # entries 1–3 were not touched


async def test_cli_heads_kept_in_a_file_name_the_rewritten_entry_after_the_log_grew(
    client_for, tmp_path
):
    gql = await client_for([toy_plugin])
    env = {"ACCREDIT_DATABASE_URL": gql.platform.settings.database_url, "PATH": "/usr/bin:/bin"}
    kept = tmp_path / "heads.jsonl"

    def cli(*argv: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "core.cli", "audit", *argv],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )

    for _ in range(2):
        await _history(gql)
        assert cli("head", "--output", str(kept)).returncode == 0  # appended: heads at 9 and 18
    assert [json.loads(line)["seq"] for line in kept.read_text().splitlines()] == [9, 18]
    await _rewrite(gql, 12, "someone-else")
    await _history(gql)
    result = cli("verify", "--head", str(kept))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "BROKEN at entry 10" in result.stdout and "one of 10–18" in result.stdout, result.stdout
    refused = cli(
        "head", "--output", str(kept)
    )  # a rewritten chain's head is not added to the file
    assert refused.returncode == 1 and "BROKEN at entry 10" in refused.stdout
    assert len(kept.read_text().splitlines()) == 2
