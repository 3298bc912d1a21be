"""Finding personal data in clear: every database a test built and every log record the suite
wrote are scanned with this (``tests/conftest.py``), so "no plaintext identity or phone number in a
dump or a log" is checked after every test, not only in one scenario."""

from __future__ import annotations

import logging
import re
from typing import Any

from sqlalchemy import select
from stdnum.cn import ric

from core.db.models import Base
from core.pii import is_sealed

# a whole token: not inside a longer run of digits or letters (hashes, base64, credit codes)
PLAIN = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[\dX]|1[3-9]\d{9})(?![0-9A-Za-z])")


def findings(text: str) -> list[str]:
    """Identity numbers (valid check digit and birth date) and mobile numbers in ``text``."""
    return [m for m in PLAIN.findall(text) if len(m) == 11 or ric.is_valid(m)]


def in_value(value: Any) -> list[str]:
    if isinstance(value, str):
        return [] if is_sealed(value) else findings(value)
    if isinstance(value, dict):
        return [f for v in value.values() for f in in_value(v)]
    if isinstance(value, (list, tuple)):
        return [f for v in value for f in in_value(v)]
    return []


async def in_database(engine) -> list[str]:
    """Every clear identity or mobile number stored in any table, as ``table: number``."""
    found = []
    async with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for row in (await conn.execute(select(table))).all():
                found += [f"{table.name}: {number}" for number in in_value(list(row))]
    return found


class LogScan(logging.Handler):
    """Collects what any log record, formatted with its traceback, says in clear."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(message)s"))
        self.found: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.found += [f"{record.name}: {number}" for number in findings(self.format(record))]
