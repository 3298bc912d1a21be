"""Beijing dates: deadlines, submission dates and periods are counted in China Standard Time."""

from __future__ import annotations

import datetime as dt

CST = dt.timezone(dt.timedelta(hours=8), "CST")


def china_date(moment: dt.datetime | None) -> dt.date | None:
    if moment is None:
        return None
    if moment.tzinfo is None:  # SQLite returns naive datetimes; we store UTC
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(CST).date()
