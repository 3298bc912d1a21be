"""Working days and statutory counting (periods of time: tests/test_periods.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from core.calendar import CalendarUnsupported, WorkingCalendar
from core.counting import at_least, at_most, less_than, more_than
from core.parameters import Parameter, Parameters

pytestmark = pytest.mark.fast  # no database, cheap: the whole module runs in the edit-test loop

D = dt.date


def test_holidays_and_adjusted_workdays_count_as_they_really_are():
    cal = WorkingCalendar()
    assert not cal.is_workday(D(2026, 10, 1)) and not cal.is_workday(D(2026, 9, 25))
    assert cal.is_workday(D(2026, 10, 10))  # Saturday, adjusted workday


def test_years_the_tables_do_not_cover_are_refused_unless_a_fallback_is_configured():
    with pytest.raises(CalendarUnsupported) as refused:
        WorkingCalendar().is_workday(D(2099, 1, 5))
    assert "ACCREDIT_CALENDAR_FALLBACK" in str(refused.value)
    lenient = WorkingCalendar("weekdays")
    assert lenient.is_workday(D(2099, 1, 5)) and 2099 in lenient.assumed_years


def test_statutory_counting_includes_or_excludes_the_number():
    assert at_least(500, 500)[0] and not at_least(499, 500)[0]
    assert at_most(50, 50)[0] and not at_most(51, 50)[0]
    assert not more_than(1000, 1000)[0] and more_than(1001, 1000)[0]
    assert not less_than(6, 6)[0] and less_than(5, 6)[0]


def test_a_policy_change_is_a_new_dated_value():
    cap = Parameters(
        {
            "cap": Parameter(
                "cap",
                "上限",
                "第二条",
                ((D(2020, 1, 1), 5, "第二条"), (D(2025, 1, 1), 6, "新文件第三条")),
            )
        }
    )
    assert cap.at(D(2024, 12, 31)).value("cap") == 5
    assert cap.at(D(2025, 1, 1))["cap"].reference == "新文件第三条"
    with pytest.raises(LookupError):
        cap.at(D(2019, 12, 31))["cap"]
