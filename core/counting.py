"""Statutory counting (《民法典》第一千二百五十九条).

“以上、以下、以内、届满” include the number itself; “不满、超过、以外” exclude it. Each helper
returns whether the rule holds together with the rule written out, so an explanation can quote it.
"""
from __future__ import annotations

import calendar as _cal
import datetime as dt
from numbers import Real


def at_least(actual: Real, threshold: Real, unit: str = "") -> tuple[bool, str]:
    """…以上 / 不少于 / 届满: actual >= threshold."""
    return actual >= threshold, f"{threshold}{unit}以上（含本数）"


def at_most(actual: Real, threshold: Real, unit: str = "") -> tuple[bool, str]:
    """…以下 / 以内 / 不超过: actual <= threshold."""
    return actual <= threshold, f"{threshold}{unit}以下（含本数）"


def more_than(actual: Real, threshold: Real, unit: str = "") -> tuple[bool, str]:
    """超过…: actual > threshold."""
    return actual > threshold, f"超过{threshold}{unit}（不含本数）"


def less_than(actual: Real, threshold: Real, unit: str = "") -> tuple[bool, str]:
    """不满…: actual < threshold."""
    return actual < threshold, f"不满{threshold}{unit}（不含本数）"


def anniversary(start: dt.date, years: int) -> dt.date:
    """The day ``years`` years after ``start``; 29 February falls to 28 February (民法典第二百零三条)."""
    year = start.year + years
    day = min(start.day, _cal.monthrange(year, start.month)[1])
    return dt.date(year, start.month, day)


def full_years(start: dt.date, on: dt.date) -> int:
    """Complete years from ``start`` to ``on``; a period 届满 on its anniversary."""
    years = on.year - start.year
    if years > 0 and on < anniversary(start, years):
        years -= 1
    return max(years, 0)


def add_months(start: dt.date, months: int) -> dt.date:
    """The corresponding day ``months`` months later (the month's last day if it has no such day)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(start.day, _cal.monthrange(year, month)[1]))
