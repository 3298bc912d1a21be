"""Working days (工作日) as the State Council's holiday notices define them.

Counts real working days: statutory holidays are skipped and adjusted workdays (调休上班的周末)
count, using the ``chinesecalendar`` tables. The tables end at a known year; past it the calendar
refuses with :class:`CalendarUnsupported` unless a fallback was configured explicitly
(``ACCREDIT_CALENDAR_FALLBACK=weekdays``), in which case Monday–Friday are assumed and every
answer says so through :attr:`WorkingCalendar.assumed_years`.
"""
from __future__ import annotations

import datetime as dt

import chinese_calendar

from core.errors import ErrorCode, Refused


class CalendarUnsupported(Refused):
    """A date outside the years the holiday tables cover, with no fallback configured."""


class WorkingCalendar:
    def __init__(self, fallback: str = "error") -> None:
        if fallback not in ("error", "weekdays"):
            raise ValueError("calendar fallback must be 'error' or 'weekdays'")
        self.fallback = fallback
        years = [d.year for d in chinese_calendar.holidays]
        self.first_year, self.last_year = min(years), max(years)
        self.assumed_years: set[int] = set()

    def is_workday(self, day: dt.date) -> bool:
        if self.first_year <= day.year <= self.last_year:
            return chinese_calendar.is_workday(day)
        if self.fallback == "weekdays":
            self.assumed_years.add(day.year)
            return day.weekday() < 5
        raise CalendarUnsupported.one(
            ErrorCode.CALENDAR_UNSUPPORTED,
            f"节假日数据仅覆盖 {self.first_year}–{self.last_year} 年，无法计算 {day.isoformat()} 是否为工作日；"
            "请升级 chinesecalendar，或显式设置 ACCREDIT_CALENDAR_FALLBACK=weekdays",
        )

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days strictly after ``start`` up to and including ``end`` (0 if end <= start).

        This is how "N 个工作日前/内" is counted: the day of the event itself is not counted
        (Civil Code art. 201: a period counted in days starts the next day).
        """
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.is_workday(day)
        return count

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The date on which ``days`` working days after ``start`` have elapsed."""
        day, left = start, days
        while left > 0:
            day += dt.timedelta(days=1)
            left -= self.is_workday(day)
        return day
