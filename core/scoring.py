"""Reviews as facts for plugins, and the assessment that aggregation produces."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
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
    at: dt.datetime | None  # None for the act being decided
    judgments: tuple[Judgment, ...] = ()
    comment: str = ""


@dataclass(frozen=True)
class Subtotal:
    """A partial sum a document names: a rubric's category (一、基础条件 32/35), items 1-4 of 附件2."""

    title: str
    points: float | None
    maximum: float | None = None
    citation: str = ""


@dataclass(frozen=True)
class Assessment:
    """The aggregate of an application's results and reviews.

    ``total``/``maximum`` are None when nothing is scored; ``passed`` is None when the scheme sets
    no pass mark; ``grade`` is a scheme's label such as 优秀. ``lines`` explain how it was reached.
    ``points`` gives each scored criterion the points it counts with in the total (the panel's mean,
    a capped figure, …; None while unscored): core shows them on the criterion's result.
    ``subtotals`` are the partial sums the document names.
    """

    total: float | None = None
    maximum: float | None = None
    passed: bool | None = None
    grade: str | None = None
    lines: tuple[str, ...] = field(default_factory=tuple)
    points: Mapping[str, float | None] = field(default_factory=dict)
    subtotals: tuple[Subtotal, ...] = ()


def latest_judgments(
    reviews: list[ReviewFacts] | tuple[ReviewFacts, ...],
) -> dict[str, dict[str, float | bool | None]]:
    """criterion id -> reviewer -> their latest points (or pass decision), reviews in time order."""
    latest: dict[str, dict[str, float | bool | None]] = {}
    for review in reviews:
        for judgment in review.judgments:
            value = judgment.points if judgment.points is not None else judgment.passed
            latest.setdefault(judgment.criterion_id, {})[review.reviewer] = value
    return latest


def gate_verdicts(reviews: list[ReviewFacts] | tuple[ReviewFacts, ...]) -> dict[str, bool]:
    """A judgment gate passes only if every reviewer's latest decision on it is a pass.

    One reviewer's pass never overrides another's fail: a panel that disagrees must resolve it
    (the objecting reviewer records a new decision) before the gate counts as met.
    """
    verdicts = {}
    for criterion_id, by_reviewer in latest_judgments(reviews).items():
        decisions = [v for v in by_reviewer.values() if isinstance(v, bool)]
        if decisions:
            verdicts[criterion_id] = all(decisions)
    return verdicts
