"""A year's holiday schedule imported as data (``accredit calendar import``) takes precedence over
the library for that year, is audited, is read by the server, and is warned about from 1 November
when next year has none. Only a made-up year (2099, ``docs/calendar-example.toml``) is imported:
never invented dates for a real year."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import types
from pathlib import Path

import pytest
from sqlalchemy import select

from core import calendar as calendar_module
from core.calendar import WorkingCalendar
from core.calendar_file import ScheduleError, parse_schedule, read_schedule
from core.cli import main
from core.cli_users import operator
from core.db import models
from core.periods import within_working_days
from core.services.calendar import import_schedule
from tests.conftest import TEST_SECRET

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "calendar-example.toml"
HEAD = 'year = 2099\nnotice = "示例〔2098〕1号"\n'
NEW_YEAR = '[[holidays]]\nname = "元旦"\nfrom = 2099-01-01\nto = 2099-01-03\n'
CALENDAR = "{ workingCalendar { uncoveredNextYear warning year(year: 2099) { source notice holidays { name start end } workdays } } }"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("year = 2099\n" + NEW_YEAR, "notice: the number of the State Council's notice"),
        ('year = "2099"\nnotice = "x"\n' + NEW_YEAR, "year: expected a four-digit year"),
        (HEAD, "holidays: at least one [[holidays]] table"),
        (
            HEAD + '[[holidays]]\nname = "元旦"\nfrom = "2099-01-01"\nto = 2099-01-03\n',
            "holidays[0].from: expected a date",
        ),
        (
            HEAD + '[[holidays]]\nname = "元旦"\nfrom = 2098-12-31\nto = 2099-01-03\n',
            "holidays[0].from: 2098-12-31 is not in 2099",
        ),
        (
            HEAD + '[[holidays]]\nname = "元旦"\nfrom = 2099-01-03\nto = 2099-01-01\n',
            "holidays[0]: 'to' (2099-01-01) is before",
        ),
        (
            HEAD + NEW_YEAR + '[[holidays]]\nname = "又一个"\nfrom = 2099-01-03\nto = 2099-01-04\n',
            "元旦 (2099-01-01–2099-01-03) and 又一个",
        ),
        (
            HEAD + "workdays = [2099-01-05]\n" + NEW_YEAR,
            "workdays[0]: 2099-01-05 is a weekday already",
        ),
        (
            HEAD + "workdays = [2099-01-03]\n" + NEW_YEAR,
            "workdays[0]: 2099-01-03 falls inside a holiday",
        ),
        (
            HEAD + "workdays = [2099-01-10, 2099-01-10]\n" + NEW_YEAR,
            "workdays: a date is listed twice",
        ),
        (
            HEAD + NEW_YEAR + "workdays = [2099-01-10]\n",
            "holidays[0]: needs exactly the keys name, from and to",
        ),
        (HEAD + "holiday = 1\n" + NEW_YEAR, "unknown key(s) holiday"),
        ("year = 2099\nnotice = \n", "not valid TOML"),
    ],
)
@pytest.mark.fast
def test_a_schedule_file_breaking_a_rule_is_refused_naming_the_entry_and_the_rule(text, says):
    with pytest.raises(ScheduleError) as refused:
        parse_schedule(text)
    assert says in str(refused.value)


def test_the_example_file_is_a_valid_schedule_counted_as_the_notice_says():
    schedule = read_schedule(EXAMPLE)
    calendar = WorkingCalendar(fallback="weekdays")
    calendar.schedules[2099] = schedule
    assert [h.name for h in schedule.holidays] == ["元旦", "春节"] and schedule.workdays == (
        dt.date(2099, 1, 24),
        dt.date(2099, 2, 7),
    )
    assert not calendar.is_workday(dt.date(2099, 1, 2))  # a Friday of 元旦
    assert calendar.is_workday(dt.date(2099, 1, 24))  # a Saturday worked
    assert not calendar.is_workday(dt.date(2099, 1, 25))  # an ordinary Sunday
    # 4 working days after Tuesday 27 January: the Spring Festival (28 Jan - 3 Feb) is skipped, Saturday 7 Feb is the 4th
    assert within_working_days(calendar, dt.date(2099, 1, 27), 4) == dt.date(2099, 2, 7)
    assert calendar.assumed_years == set()  # the fallback was never needed


def test_an_imported_year_takes_precedence_over_the_library_tables(monkeypatch):
    """A stand-in library that covers the made-up year and says Friday 2 January 2099 is a workday."""
    library = types.SimpleNamespace(
        holidays={dt.date(2099, 5, 1): "Labour Day"},
        workdays={},
        is_workday=lambda day: day.weekday() < 5 and day != dt.date(2099, 5, 1),
    )
    monkeypatch.setattr(calendar_module, "chinese_calendar", library)
    calendar = WorkingCalendar()
    assert calendar.source(2099) == "library" and calendar.is_workday(dt.date(2099, 1, 2))
    calendar.schedules[2099] = read_schedule(EXAMPLE)
    assert calendar.source(2099) == "imported" and not calendar.is_workday(dt.date(2099, 1, 2))
    assert calendar.is_workday(
        dt.date(2099, 5, 1)
    )  # the import says nothing of May: the library's holiday is not mixed in


def test_the_library_read_as_a_schedule_agrees_with_the_library_day_by_day():
    """`calendar show` and `workingCalendar.year` present a library year as runs of holidays and
    a list of workdays; read back, they give every day of every covered year as the library does."""
    calendar = WorkingCalendar()
    for year in range(calendar.first_year, calendar.last_year + 1):
        schedule = calendar.schedule(year)
        days = (dt.date(year, 1, 1) + dt.timedelta(days=n) for n in range(365))
        assert all(schedule.is_workday(day) == calendar.is_workday(day) for day in days), year


def test_import_and_show_on_the_command_line_are_audited_and_replace_an_earlier_import(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("ACCREDIT_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'cal.db'}")
    monkeypatch.setenv("ACCREDIT_SECRET_KEY", TEST_SECRET)
    assert main(["db", "upgrade"]) == 0
    assert main(["calendar", "show", "2099"]) == 1
    assert "2099: no holiday schedule" in capsys.readouterr().err

    assert main(["calendar", "import", str(EXAMPLE)]) == 0
    assert "imported 2099 from 示例通知〔2098〕1号" in capsys.readouterr().out
    assert main(["calendar", "show", "2099"]) == 0
    shown = capsys.readouterr().out
    assert (
        "2099: imported from 示例通知" in shown
        and "holiday  2099-01-28 – 2099-02-03  春节" in shown
    )
    assert "workday  2099-02-07 (Sat)" in shown

    corrected = tmp_path / "2099.toml"
    corrected.write_text(
        EXAMPLE.read_text(encoding="utf-8")
        .replace("〔2098〕1号", "〔2098〕2号")
        .replace("to = 2099-01-03", "to = 2099-01-01"),
        encoding="utf-8",
    )
    assert main(["calendar", "import", str(corrected)]) == 0
    assert "replaces the import from 示例通知〔2098〕1号" in capsys.readouterr().out

    broken = tmp_path / "broken.toml"
    broken.write_text(HEAD + "workdays = [2099-01-05]\n" + NEW_YEAR, encoding="utf-8")
    assert main(["calendar", "import", str(broken)]) == 2
    refusal = capsys.readouterr().err
    assert (
        "broken.toml: workdays[0]: 2099-01-05 is a weekday already" in refusal
        and refusal.endswith("; nothing imported\n")
    )
    assert main(["calendar", "show", "2099"]) == 0
    assert (
        "2099: imported from 示例通知〔2098〕2号" in capsys.readouterr().out
    )  # the broken file changed nothing
    assert main(["audit", "verify"]) == 0
    assert "audit chain intact" in capsys.readouterr().out

    async def audited():
        from sqlalchemy.ext.asyncio import create_async_engine

        engine = create_async_engine(f"sqlite+aiosqlite:///{tmp_path / 'cal.db'}")
        async with engine.connect() as conn:
            rows = (
                await conn.execute(
                    select(models.Event.action, models.Event.actor, models.Event.before).where(
                        models.Event.action == "calendar.imported"
                    )
                )
            ).all()
        await engine.dispose()
        return rows

    rows = asyncio.run(audited())
    assert (
        len(rows) == 2
        and rows[0].before is None
        and rows[1].before["notice"].startswith("示例通知〔2098〕1号")
    )
    assert all(row.actor.startswith("cli:") for row in rows)


async def test_the_server_reads_an_import_and_warns_from_november_while_next_year_is_not_covered(
    client_for, caplog
):
    gql = await client_for(today="2098-11-02")
    with caplog.at_level(logging.WARNING, logger="accredit"):
        before = (await gql(CALENDAR, role="public"))["workingCalendar"]
    assert (
        before["uncoveredNextYear"] == 2099
        and "2099 年的节假日安排尚未导入" in before["warning"]
        and before["year"] is None
    )
    assert sum("no holiday schedule for 2099" in r.getMessage() for r in caplog.records) == 1
    assert "accredit_calendar_next_year_uncovered 1.0" in (await gql.http.get("/metrics")).text

    await gql.platform.transaction(
        lambda session: import_schedule(session, operator(), read_schedule(EXAMPLE))
    )
    await gql.platform.refresh_calendar(force=True)  # what every worker does within a minute
    after = (await gql(CALENDAR, role="public"))["workingCalendar"]
    assert after["uncoveredNextYear"] is None and after["warning"] is None
    assert "accredit_calendar_next_year_uncovered 0.0" in (await gql.http.get("/metrics")).text
    assert after["year"]["source"] == "IMPORTED" and after["year"]["notice"].startswith("示例通知")
    assert after["year"]["holidays"][1] == {
        "name": "春节",
        "start": "2099-01-28",
        "end": "2099-02-03",
    }
    assert after["year"]["workdays"] == ["2099-01-24", "2099-02-07"]


async def test_before_november_no_warning_and_a_library_year_is_shown_with_its_source(client_for):
    gql = await client_for(today="2026-10-31")
    answer = (
        await gql(
            "{ workingCalendar { uncoveredNextYear warning year(year: 2026) { source notice holidays { name } } } }",
            role="public",
        )
    )["workingCalendar"]
    assert answer["uncoveredNextYear"] is None and answer["warning"] is None
    assert answer["year"]["source"] == "LIBRARY" and answer["year"]["notice"] is None
    assert [h["name"] for h in answer["year"]["holidays"]][:2] == ["元旦", "春节"]
