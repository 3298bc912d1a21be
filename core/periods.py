"""Periods as the law counts them (《民法典》第二百零一条、第二百零二条、第一千二百五十九条).

- A period counted in days, months or years starts the day after the event: the event's own day is
  not counted (第二百零一条).
- One counted in months or years ends on the corresponding day of its last month, or on that
  month's last day where it has none (第二百零二条): 31 January + 1 month ends on the last day of
  February, 29 February + 1 year on 28 February.
- “以内”“届满” include the last day; “超过”“以外” begin the day after it.
- Working days (工作日) are counted the same way over real working days (:mod:`core.calendar`:
  holidays skipped, adjusted workdays counted).
- Not applied here: 第二百零三条 moves the last day of a period *for doing something* that falls on
  a statutory holiday to the day after the holiday. A working-day period always ends on a working
  day; a day-count deadline (a rectification period) could end on a holiday.

Pick the function named after the document's words; each returns a date (the period's last day,
which is inside it) or a count. With the event on day E:

- N日内 (整改期限…): ``within_days(E, N)``, the last day.
- N个月内 (六个月内未组织培训…): ``within_months(E, N)``, the last day.
- N年内 (三年内不得再次申请…): ``within_years(E, N)``, the last day.
- N年以上, 满N年 (从业时间…): ``full_years(E, on) >= N``.
- 公示N个工作日, N个工作日内: ``within_working_days(cal, E, N)``, the last day; the step that follows
  comes after it (``working_days_strictly_between(cal, E, today) >= N``).
- 提前N个工作日, 前N个工作日 (before day S): ``latest_day_ahead(cal, S, N)``, the last day to act.
- a term of N months or years from its own first day F (a lease, a training year):
  ``term_last_day(F, months=N)`` or ``term_last_day(F, years=N)``; a term from F to L lasting
  N years以上: ``term_full_years(F, L) >= N``.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt

from core.calendar import WorkingCalendar

DAY = dt.timedelta(days=1)


def corresponding_day(day: dt.date, *, months: int = 0, years: int = 0) -> dt.date:
    """The day ``years`` years and ``months`` months after ``day`` with the same day of the month, or
    that month's last day where it has none (第二百零二条): 31 Jan + 1 month → 28/29 Feb."""
    index = day.month - 1 + months
    year, month = day.year + years + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, _cal.monthrange(year, month)[1]))


def within_days(event: dt.date, days: int) -> dt.date:
    """The last day of “N日内” after ``event``: counted from the next day, so ``event`` + N."""
    return event + days * DAY


def within_months(event: dt.date, months: int) -> dt.date:
    """The last day of “N个月内” after ``event``: the corresponding day N months later."""
    return corresponding_day(event, months=months)


def within_years(event: dt.date, years: int) -> dt.date:
    """The last day of “N年内” after ``event``: its Nth anniversary (28 Feb for 29 Feb), still inside."""
    return corresponding_day(event, years=years)


def full_years(since: dt.date, on: dt.date) -> int:
    """Complete years from ``since`` to ``on`` (“满N年”, “N年以上”): a year 届满 on its last day, the
    anniversary, so the anniversary itself counts it."""
    years = on.year - since.year
    if years > 0 and on < within_years(since, years):
        years -= 1
    return max(years, 0)


def term_last_day(first_day: dt.date, *, months: int = 0, years: int = 0) -> dt.date:
    """The last day of a term that begins on ``first_day`` itself (a lease, a training year): the day
    before the corresponding day. A 5-year lease from 2018-01-01 runs to 2022-12-31."""
    return corresponding_day(first_day, months=months, years=years) - DAY


def term_full_years(first_day: dt.date, last_day: dt.date) -> int:
    """Complete years of a term from ``first_day`` to ``last_day``, both inside it (2020-01-01 至
    2024-12-31 is 5 years): ``term_full_years(F, L) >= N`` exactly when ``L >= term_last_day(F, years=N)``."""
    return full_years(first_day, last_day + DAY)


def within_working_days(calendar: WorkingCalendar, event: dt.date, working_days: int) -> dt.date:
    """The last day of “N个工作日” after ``event`` (a public notice of N working days): the Nth working
    day from the next day on. The period has run once this day is over."""
    day, left = event, working_days
    while left > 0:
        day += DAY
        left -= calendar.is_workday(day)
    return day


def working_days_strictly_between(calendar: WorkingCalendar, first: dt.date, last: dt.date) -> int:
    """Working days after ``first`` and before ``last``, neither counted (0 if there is no day between)."""
    count, day = 0, first + DAY
    while day < last:
        count += calendar.is_workday(day)
        day += DAY
    return count


def latest_day_ahead(calendar: WorkingCalendar, start: dt.date, working_days: int) -> dt.date:
    """The last day to act “提前N个工作日” (前N个工作日) before ``start``: N working days must lie
    strictly between the act and ``start``, so the day before the Nth working day counting back from
    the day before ``start``. Start Monday, N = 3, no holiday: the Tuesday before."""
    day, left = start, working_days
    while left > 0:
        day -= DAY
        left -= calendar.is_workday(day)
    return day - DAY
