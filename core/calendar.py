"""Working days (工作日) as the State Council's holiday notices define them.

Counts real working days: statutory holidays are skipped and adjusted workdays (调休上班的周末)
count. A year's schedule comes from an administrator's import (:class:`Schedule`, ``accredit
calendar import``: the State Council's notice as data) when there is one, else from the
``chinesecalendar`` tables. Those tables end at a known year; past it, with no imported schedule,
the calendar refuses with :class:`CalendarUnsupported` unless a fallback was configured explicitly
(``ACCREDIT_CALENDAR_FALLBACK=weekdays``), in which case Monday–Friday are assumed and every
answer says so through :attr:`WorkingCalendar.assumed_years`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import chinese_calendar

from core.errors import ErrorCode, Refused


class CalendarUnsupported(Refused):
    """A date outside the years the holiday tables cover, with no fallback configured."""


@dataclass(frozen=True)
class Holiday:
    name: str
    first: dt.date
    last: dt.date

    def days(self) -> list[dt.date]:
        return [self.first + dt.timedelta(days=n) for n in range((self.last - self.first).days + 1)]


@dataclass(frozen=True)
class Schedule:
    """One year's holidays and adjusted workdays as a State Council notice sets them."""

    year: int
    notice: str
    """The notice's document number, e.g. 国办发明电〔2025〕7号."""
    holidays: tuple[Holiday, ...]
    workdays: tuple[dt.date, ...]
    """Weekend days that are working days (调休上班)."""

    def is_workday(self, day: dt.date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < 5 and not any(h.first <= day <= h.last for h in self.holidays)


LIBRARY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


def _library_schedule(year: int) -> Schedule:
    """``year`` as the chinesecalendar tables give it, holidays as runs of days of one name."""
    runs: list[Holiday] = []
    for day, name in sorted((d, n) for d, n in chinese_calendar.holidays.items() if d.year == year):
        name = LIBRARY_NAMES.get(name, name)
        if runs and runs[-1].name == name and runs[-1].last + dt.timedelta(days=1) == day:
            runs[-1] = Holiday(name, runs[-1].first, day)
        else:
            runs.append(Holiday(name, day, day))
    workdays = sorted(d for d in chinese_calendar.workdays if d.year == year and d.weekday() >= 5)
    return Schedule(year, "", tuple(runs), tuple(workdays))


class WorkingCalendar:
    def __init__(self, fallback: str = "error") -> None:
        if fallback not in ("error", "weekdays"):
            raise ValueError("calendar fallback must be 'error' or 'weekdays'")
        self.fallback = fallback
        years = [d.year for d in chinese_calendar.holidays]
        self.first_year, self.last_year = min(years), max(years)
        self.assumed_years: set[int] = set()
        self.schedules: dict[int, Schedule] = {}
        """Imported years, which take precedence over the library's tables."""

    def source(self, year: int) -> str | None:
        """Where ``year``'s working days come from: ``"imported"``, ``"library"``, or None."""
        if year in self.schedules:
            return "imported"
        return "library" if self.first_year <= year <= self.last_year else None

    def schedule(self, year: int) -> Schedule | None:
        """``year``'s holidays and adjusted workdays from where :meth:`source` says, if anywhere."""
        if year in self.schedules:
            return self.schedules[year]
        return _library_schedule(year) if self.source(year) else None

    def uncovered_next_year(self, today: dt.date) -> int | None:
        """From 1 November, next year if it has no schedule yet: deadlines that reach into it
        would be refused, or counted Monday to Friday under the fallback."""
        return today.year + 1 if today.month >= 11 and not self.source(today.year + 1) else None

    def is_workday(self, day: dt.date) -> bool:
        if (schedule := self.schedules.get(day.year)) is not None:
            return schedule.is_workday(day)
        if self.first_year <= day.year <= self.last_year:
            return chinese_calendar.is_workday(day)
        if self.fallback == "weekdays":
            self.assumed_years.add(day.year)
            return day.weekday() < 5
        raise CalendarUnsupported.one(
            ErrorCode.CALENDAR_UNSUPPORTED,
            f"节假日数据仅覆盖 {self.first_year}–{self.last_year} 年，无法计算 {day.isoformat()} 是否为工作日；"
            "请用 accredit calendar import 导入该年的节假日安排，或显式设置 ACCREDIT_CALENDAR_FALLBACK=weekdays",
        )
