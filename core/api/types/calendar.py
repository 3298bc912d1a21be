"""Working days as the server counts them: each year's holidays and adjusted workdays, where they
come from (an imported State Council notice, or the library's tables), and the warning, from
1 November, that next year is not covered yet."""

from __future__ import annotations

import datetime as dt
from enum import Enum

import strawberry

from core.calendar import Schedule, WorkingCalendar


@strawberry.enum(name="CalendarSource", description="Where a year's holidays come from")
class CalendarSourceEnum(Enum):
    IMPORTED = "imported"
    LIBRARY = "library"


@strawberry.type(
    name="Holiday",
    description="A statutory holiday, from its first day to its last (both included)",
)
class HolidayType:
    name: str
    start: dt.date
    end: dt.date


@strawberry.type(name="CalendarYear", description="One year's holidays and adjusted workdays")
class CalendarYearType:
    year: int
    source: CalendarSourceEnum
    notice: str | None = strawberry.field(
        description="The State Council notice's number, for an imported year"
    )
    holidays: list[HolidayType]
    workdays: list[dt.date] = strawberry.field(
        description="Weekend days that are working days (调休上班)"
    )


def _year(schedule: Schedule, source: str) -> CalendarYearType:
    return CalendarYearType(
        year=schedule.year,
        source=CalendarSourceEnum(source),
        notice=schedule.notice or None,
        holidays=[HolidayType(name=h.name, start=h.first, end=h.last) for h in schedule.holidays],
        workdays=list(schedule.workdays),
    )


@strawberry.type(
    name="WorkingCalendar", description="How working-day (工作日) deadlines are counted"
)
class WorkingCalendarType:
    calendar: strawberry.Private[WorkingCalendar]
    today: strawberry.Private[dt.date]

    @strawberry.field(
        description="From 1 November, next year when no holiday schedule covers it yet: working-day "
        "deadlines reaching into it cannot be counted until an administrator imports the notice"
    )
    def uncovered_next_year(self) -> int | None:
        return self.calendar.uncovered_next_year(self.today)

    @strawberry.field(
        description="The same, as a sentence to show to administrators (null when all is well)"
    )
    def warning(self) -> str | None:
        year = self.calendar.uncovered_next_year(self.today)
        return (
            (
                f"{year} 年的节假日安排尚未导入，跨入该年的工作日期限将无法计算；"
                "请在国务院办公厅发布通知后由管理员导入（accredit calendar import）"
            )
            if year
            else None
        )

    @strawberry.field(
        description="A year's holidays and adjusted workdays; null when neither an import nor the library covers it"
    )
    def year(self, year: int) -> CalendarYearType | None:
        schedule = self.calendar.schedule(year)
        return _year(schedule, self.calendar.source(year)) if schedule else None
