"""Periods as the law counts them (core.periods): each function at the day before, on and after its
edge, month ends and 29 February, and working days over the real 2026 schedule (chinesecalendar)."""

from __future__ import annotations

import datetime as dt

import pytest

from core.calendar import WorkingCalendar
from core.periods import (
    corresponding_day,
    full_years,
    latest_day_ahead,
    term_full_years,
    term_last_day,
    within_days,
    within_months,
    within_working_days,
    within_years,
    working_days_strictly_between,
)

D = dt.date
CAL = WorkingCalendar()


pytestmark = (
    pytest.mark.fast
)  # pure arithmetic, no database: the whole module runs in the edit-test loop


@pytest.mark.parametrize(
    "day, months, years, expected",
    [
        (D(2026, 1, 31), 1, 0, D(2026, 2, 28)),  # no 31 February: the month's last day
        (D(2028, 1, 31), 1, 0, D(2028, 2, 29)),  # a leap year's February
        (D(2026, 3, 31), 1, 0, D(2026, 4, 30)),
        (D(2026, 8, 31), 6, 0, D(2027, 2, 28)),  # across the year end
        (D(2026, 11, 15), 3, 0, D(2027, 2, 15)),
        (D(2024, 2, 29), 0, 1, D(2025, 2, 28)),  # 29 February + 1 year
        (D(2024, 2, 29), 0, 4, D(2028, 2, 29)),
        (D(2026, 3, 2), 0, 3, D(2029, 3, 2)),
    ],
)
def test_the_corresponding_day_is_the_month_s_last_day_where_there_is_none(
    day, months, years, expected
):
    assert corresponding_day(day, months=months, years=years) == expected


def test_within_n_days_months_years_ends_on_a_day_still_inside_the_period():
    assert within_days(D(2026, 1, 31), 30) == D(
        2026, 3, 2
    )  # day 1 is 1 Feb (the event's day not counted)
    assert within_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert within_months(D(2026, 3, 31), 6) == D(2026, 9, 30)
    assert within_years(D(2026, 3, 2), 3) == D(
        2029, 3, 2
    )  # 三年内: the anniversary is the last day
    assert within_years(D(2024, 2, 29), 1) == D(2025, 2, 28)


@pytest.mark.parametrize(
    "on, years",
    [
        (D(2022, 3, 9), 1),
        (D(2022, 3, 10), 2),
        (D(2022, 3, 11), 2),  # 届满 on the anniversary itself
        (D(2020, 3, 10), 0),
        (D(2019, 1, 1), 0),  # not before the start
    ],
)
def test_full_years_are_reached_on_the_anniversary(on, years):
    assert full_years(D(2020, 3, 10), on) == years


def test_full_years_from_29_february_are_reached_on_28_february():
    assert [
        full_years(D(2024, 2, 29), d) for d in (D(2025, 2, 27), D(2025, 2, 28), D(2025, 3, 1))
    ] == [0, 1, 1]


def test_a_term_counts_its_first_and_last_day():
    assert term_last_day(D(2018, 1, 1), years=5) == D(2022, 12, 31)
    assert term_last_day(D(2021, 1, 1), months=6) == D(2021, 6, 30)  # 半年期
    assert term_last_day(D(2026, 1, 1), years=1) == D(2026, 12, 31)  # a training year
    assert [
        term_full_years(D(2020, 1, 1), d) for d in (D(2024, 12, 30), D(2024, 12, 31), D(2025, 1, 1))
    ] == [4, 5, 5]


def test_working_days_skip_holidays_and_count_adjusted_workdays():
    # From Wed 2026-09-30: 10-01..07 National Day, Thu 10-08, Fri 10-09, Sat 10-10 worked
    assert within_working_days(CAL, D(2026, 9, 30), 3) == D(2026, 10, 10)
    assert [
        working_days_strictly_between(CAL, D(2026, 9, 30), d)
        for d in (D(2026, 10, 10), D(2026, 10, 11))
    ] == [2, 3]
    assert working_days_strictly_between(CAL, D(2026, 9, 30), D(2026, 9, 30)) == 0


@pytest.mark.parametrize(
    "start, last",
    [
        (
            D(2026, 11, 16),
            D(2026, 11, 10),
        ),  # Monday: Wed, Thu, Fri lie between; the filing day does not count
        (
            D(2026, 10, 12),
            D(2026, 10, 7),
        ),  # Monday after National Day: Thu 10-08, Fri 10-09, Sat 10-10 (worked)
        (
            D(2026, 10, 8),
            D(2026, 9, 27),
        ),  # 10-01..07 skipped: Mon 09-28, Tue 09-29, Wed 09-30 between; Sunday is the last day
        (
            D(2026, 9, 29),
            D(2026, 9, 22),
        ),  # Mid-Autumn 09-25..27 skipped: Wed 09-23, Thu 09-24, Mon 09-28 between
    ],
)
def test_latest_day_ahead_leaves_n_working_days_strictly_between(start, last):
    assert latest_day_ahead(CAL, start, 3) == last
    assert working_days_strictly_between(CAL, last, start) >= 3
    assert working_days_strictly_between(CAL, last + dt.timedelta(days=1), start) < 3


def test_the_working_day_functions_agree_over_a_whole_real_year():
    """Every day of 2026 and N = 3 and 5: the last day of a period of N working days is the day
    before the first on which N working days lie strictly behind; a filing N working days ahead
    is the last day with N strictly in front."""
    day = D(2026, 1, 10)
    while day < D(2026, 12, 15):
        for n in (3, 5):
            last = within_working_days(CAL, day, n)
            assert CAL.is_workday(last)
            assert working_days_strictly_between(CAL, day, last) == n - 1
            assert working_days_strictly_between(CAL, day, last + dt.timedelta(days=1)) == n
            ahead = latest_day_ahead(CAL, day, n)
            assert working_days_strictly_between(CAL, ahead, day) >= n
            assert working_days_strictly_between(CAL, ahead + dt.timedelta(days=1), day) == n - 1
        day += dt.timedelta(days=1)
