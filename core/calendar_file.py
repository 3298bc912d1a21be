"""A year's holiday schedule as an administrator writes it down from the State Council's notice.

The file is TOML, one year per file::

    year = 2099
    notice = "国办发明电〔2098〕7号"
    workdays = [2099-01-25, 2099-02-08]      # weekend days worked instead (调休上班)

    [[holidays]]
    name = "元旦"
    from = 2099-01-01
    to = 2099-01-01

Every rule a notice obeys is checked, and a file that breaks one is refused whole, naming the
entry and the rule: a schedule half right would count deadlines wrong without anyone noticing.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

from core.calendar import Holiday, Schedule

KEYS = {"year", "notice", "workdays", "holidays"}
HOLIDAY_KEYS = {"name", "from", "to"}


class ScheduleError(ValueError):
    """A schedule file that cannot be taken, with where and why."""


def _date(value: Any, where: str, year: int) -> dt.date:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise ScheduleError(
            f"{where}: expected a date written as YYYY-MM-DD without quotes, got {value!r}"
        )
    if value.year != year:
        raise ScheduleError(f"{where}: {value} is not in {year}, the year of this file")
    return value


def _holiday(entry: Any, n: int, year: int) -> Holiday:
    where = f"holidays[{n}]"
    if not isinstance(entry, dict) or set(entry) != HOLIDAY_KEYS:
        raise ScheduleError(f"{where}: needs exactly the keys name, from and to")
    if not isinstance(entry["name"], str) or not entry["name"].strip():
        raise ScheduleError(f"{where}.name: the holiday's name as the notice gives it (e.g. 春节)")
    first, last = (
        _date(entry["from"], f"{where}.from", year),
        _date(entry["to"], f"{where}.to", year),
    )
    if last < first:
        raise ScheduleError(f"{where}: 'to' ({last}) is before 'from' ({first})")
    return Holiday(entry["name"].strip(), first, last)


def parse_schedule(text: str) -> Schedule:
    """The schedule in ``text``, or :class:`ScheduleError` naming the first broken rule."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ScheduleError(f"not valid TOML: {error}") from None
    if unknown := set(data) - KEYS:
        raise ScheduleError(
            f"unknown key(s) {', '.join(sorted(unknown))}: a file has only {', '.join(sorted(KEYS))} "
            "(keys written after a [[holidays]] table belong to it: put workdays first)"
        )
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1949 < year < 10000:
        raise ScheduleError(f"year: expected a four-digit year, got {year!r}")
    notice = data.get("notice")
    if not isinstance(notice, str) or not notice.strip():
        raise ScheduleError(
            "notice: the number of the State Council's notice this schedule comes from is required"
        )
    entries = data.get("holidays")
    if not isinstance(entries, list) or not entries:
        raise ScheduleError(
            "holidays: at least one [[holidays]] table (name, from, to) is required"
        )
    holidays = tuple(_holiday(entry, n, year) for n, entry in enumerate(entries))
    ordered = sorted(holidays, key=lambda h: h.first)
    for a, b in zip(ordered, ordered[1:]):
        if b.first <= a.last:
            raise ScheduleError(
                f"holidays: {a.name} ({a.first}–{a.last}) and {b.name} ({b.first}–{b.last}) overlap"
            )
    raw_workdays = data.get("workdays", [])
    if not isinstance(raw_workdays, list):
        raise ScheduleError("workdays: expected a list of dates")
    workdays = tuple(_date(day, f"workdays[{n}]", year) for n, day in enumerate(raw_workdays))
    for n, day in enumerate(workdays):
        if day.weekday() < 5:
            raise ScheduleError(
                f"workdays[{n}]: {day} is a weekday already; list only the weekend days worked (调休上班)"
            )
        if any(h.first <= day <= h.last for h in holidays):
            raise ScheduleError(f"workdays[{n}]: {day} falls inside a holiday")
    if len(set(workdays)) != len(workdays):
        raise ScheduleError("workdays: a date is listed twice")
    return Schedule(year, notice.strip(), holidays, tuple(sorted(workdays)))


def read_schedule(path: Path) -> Schedule:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ScheduleError(f"cannot read the file ({error})") from None
    return parse_schedule(text)
