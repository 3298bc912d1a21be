"""Reviews as facts for plugins, and the assessment that aggregation produces."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Judgment:
    """One reviewer's decision on one criterion: a gate passed or not, or points for a scored item."""

    criterion_id: str
    passed: bool | None = None
    points: float | None = None
    note: str = ""


@dataclass(frozen=True)
class ReviewFacts:
    reviewer: str
    role: str
    stage: str
    transition: str
    at: dt.datetime
    judgments: tuple[Judgment, ...] = ()
    comment: str = ""


@dataclass(frozen=True)
class Assessment:
    """The aggregate of an application's results and reviews.

    ``total``/``maximum`` are None when nothing is scored; ``passed`` is None when the scheme sets
    no pass mark; ``grade`` is a scheme's label such as 优秀. ``lines`` explain how it was reached.
    """

    total: float | None = None
    maximum: float | None = None
    passed: bool | None = None
    grade: str | None = None
    lines: tuple[str, ...] = field(default_factory=tuple)
