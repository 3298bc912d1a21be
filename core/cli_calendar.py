"""``accredit calendar …``: a year's holidays imported from the State Council's notice, and shown.

The import is recorded in the audit log as the operating-system user ``cli:<login>``; running
servers read it within a minute.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if (
    TYPE_CHECKING
):  # the holiday tables and settings are imported when a command runs, not for --help
    from core.calendar import Schedule
    from core.settings import Settings


def add_parser(sub) -> None:
    calendar = sub.add_parser(
        "calendar", help="working days: import a year's holiday schedule, show a year"
    )
    cmd = calendar.add_subparsers(dest="calendar_command", required=True)
    load = cmd.add_parser(
        "import",
        help="take a year's holidays and adjusted workdays from a TOML file written from "
        "the State Council's notice (see README); replaces an earlier import of that year",
    )
    load.add_argument("file", type=Path)
    show = cmd.add_parser(
        "show", help="a year's holidays and adjusted workdays, and where they come from"
    )
    show.add_argument("year", type=int)


def describe(schedule: Schedule, source: str) -> str:
    origin = (
        f"imported from {schedule.notice}"
        if source == "imported"
        else "from the chinesecalendar tables"
    )
    lines = [f"{schedule.year}: {origin}"]
    lines += [f"  holiday  {h.first} – {h.last}  {h.name}" for h in schedule.holidays]
    lines += [f"  workday  {day} ({day:%a})" for day in schedule.workdays]
    return "\n".join(lines)


async def run(settings: Settings, args) -> int:
    from core.calendar_file import ScheduleError, read_schedule
    from core.cli_users import operator
    from core.platform import Platform
    from core.services.calendar import import_schedule

    if args.calendar_command == "import":
        try:
            schedule = read_schedule(args.file)
        except ScheduleError as error:
            print(f"{args.file}: {error}; nothing imported", file=sys.stderr)
            return 2
    platform = Platform(settings)
    try:
        if args.calendar_command == "import":
            replaced = await platform.transaction(
                lambda session: import_schedule(session, operator(), schedule)
            )
            print(
                f"imported {schedule.year} from {schedule.notice}: {len(schedule.holidays)} holiday(s), "
                f"{len(schedule.workdays)} adjusted workday(s)"
                + (f"; replaces the import from {replaced.notice}" if replaced else "")
                + "; running servers use it within a minute"
            )
            return 0
        await platform.refresh_calendar(force=True)
        schedule = platform.calendar.schedule(args.year)
        if schedule is None:
            print(
                f"{args.year}: no holiday schedule (the library covers {platform.calendar.first_year}–"
                f"{platform.calendar.last_year}); import one with `accredit calendar import FILE`",
                file=sys.stderr,
            )
            return 1
        print(describe(schedule, platform.calendar.source(args.year)))
        return 0
    finally:
        await platform.close()
