"""The tamper-evident event chain: how entries are hashed, and how the chain is verified.

Every event row carries ``seq`` (1, 2, 3, … with no gaps), the previous entry's hash and its own:
``hash = sha256(prev_hash + canonical(entry))``, where ``canonical`` is the JSON of the entry's
fields with sorted keys (format v1: changing it needs a new format marker, never an edit). Editing
any field of any entry, deleting one, or cutting off the tail is therefore detected by walking the
chain, the last one by comparing its end with the head kept in ``audit_head``.

Someone who can write to the database can also rewrite an entry and re-hash every entry after it,
and the chain then holds. Heads exported and kept outside the database (``accredit audit head``)
catch that: the entry stored at each exported sequence number must still carry the exported hash,
however many entries were appended since. The first rewritten entry lies after the last exported
head that still matches and no later than the first that does not, so the more often heads are
exported, the closer the rewrite is named.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from core.db import models

GENESIS = "0" * 64
FIELDS = (
    "seq",
    "at",
    "actor",
    "role",
    "action",
    "entity",
    "entity_id",
    "scheme_id",
    "application_id",
    "before",
    "after",
    "details",
)


def _utc(moment: dt.datetime) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="microseconds")


def canonical(entry: Any) -> str:
    values = {name: getattr(entry, name) for name in FIELDS}
    values["at"] = _utc(values["at"])
    return json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def digest(prev_hash: str, entry: Any) -> str:
    return hashlib.sha256((prev_hash + canonical(entry)).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Head:
    seq: int
    hash: str


@dataclass(frozen=True)
class Verdict:
    ok: bool
    checked: int
    head: Head
    broken_seq: int | None = None
    reason: str = ""


async def verify(engine: AsyncEngine, exported: Sequence[Head] = (), batch: int = 1000) -> Verdict:
    """Walk the chain from the first entry; name the first entry that does not hold. ``exported``
    are heads kept outside the database: the entry at each one's sequence number must carry its hash."""
    prev, expected_seq, checked = GENESIS, 1, 0
    checkpoints: dict[int, set[str]] = {}
    for head in exported:
        checkpoints.setdefault(head.seq, set()).add(head.hash)
    held = 0  # the last exported head that the chain still matches
    async with engine.connect() as conn:
        stored = (await conn.execute(select(models.AuditHead.seq, models.AuditHead.hash))).first()
        last_seq = 0
        while True:
            rows = (
                await conn.execute(
                    select(*models.Event.__table__.columns)
                    .where(models.Event.seq > last_seq)
                    .order_by(models.Event.seq)
                    .limit(batch)
                )
            ).all()
            if not rows:
                break
            for row in rows:
                entry = _RowView(row._mapping)
                if entry.seq != expected_seq:
                    return Verdict(
                        False,
                        checked,
                        Head(last_seq, prev),
                        expected_seq,
                        f"entry {expected_seq} is missing (next present is {entry.seq})",
                    )
                if entry.prev_hash != prev:
                    return Verdict(
                        False,
                        checked,
                        Head(last_seq, prev),
                        entry.seq,
                        "its link to the previous entry is broken",
                    )
                if entry.hash != digest(prev, entry):
                    return Verdict(
                        False,
                        checked,
                        Head(last_seq, prev),
                        entry.seq,
                        "its content does not match its hash",
                    )
                if entry.seq in checkpoints:
                    if checkpoints[entry.seq] != {entry.hash}:
                        return Verdict(
                            False,
                            checked,
                            Head(last_seq, prev),
                            held + 1,
                            _rewritten(held + 1, entry.seq),
                        )
                    held = entry.seq
                prev, last_seq, expected_seq, checked = (
                    entry.hash,
                    entry.seq,
                    expected_seq + 1,
                    checked + 1,
                )
    head = Head(last_seq, prev)
    beyond = [seq for seq in checkpoints if seq > head.seq]
    if beyond:
        return Verdict(
            False,
            checked,
            head,
            head.seq + 1,
            f"the chain ends at {head.seq} but a head was exported at {max(beyond)}: entries were cut off",
        )
    reference = Head(*stored) if stored else Head(0, GENESIS)
    if reference.seq > head.seq:
        return Verdict(
            False,
            checked,
            head,
            head.seq + 1,
            f"the chain ends at {head.seq} but the database's audit head is {reference.seq}: entries were cut off",
        )
    if reference.seq == head.seq and reference.hash != head.hash:
        return Verdict(
            False,
            checked,
            head,
            head.seq,
            "the last entry does not match the database's audit head",
        )
    if reference.seq < head.seq:
        return Verdict(
            False,
            checked,
            head,
            reference.seq + 1,
            f"entries after {reference.seq} were added outside the chain",
        )
    return Verdict(True, checked, head)


def _rewritten(first: int, seq: int) -> str:
    where = (
        f"entry {first} was rewritten"
        if first == seq
        else f"the first rewritten entry is one of {first}–{seq}"
    )
    return f"entry {seq} does not carry the hash exported for it: {where} and the entries after it re-hashed"


class _RowView:
    """Attribute access over a result row's mapping, so ``canonical`` reads rows and ORM objects alike."""

    def __init__(self, mapping: Any):
        self._mapping = mapping

    def __getattr__(self, name: str) -> Any:
        return self._mapping[name]
