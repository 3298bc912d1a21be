"""The calls for applications, read from ``rounds.yaml``: adding a year's call is adding an entry.

Each call is announced by its own notice with its own deadline, so the dates are data, like the
parameters, and every call admits the ``recognition`` kind.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from core.schemes import Round


def load(path: Path) -> tuple[Round, ...]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return tuple(
        Round(
            id=str(e["id"]),
            title=e["title"],
            opens_on=_date(e["opens_on"]),
            closes_on=_date(e["closes_on"]),
            kinds=("recognition",),
            citation=e.get("citation", ""),
        )
        for e in entries
    )


def _date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


ROUNDS = load(Path(__file__).with_name("rounds.yaml"))
