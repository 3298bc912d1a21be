"""Statutory counting (《民法典》第一千二百五十九条).

“以上、以下、以内、届满” include the number itself; “不满、超过、以外” exclude it. Each helper
returns whether the rule holds together with the rule written out, so an explanation can quote it.
Periods of time (days, months, years, working days) are counted by :mod:`core.periods`.
"""

from __future__ import annotations

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
