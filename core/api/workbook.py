"""A list as an Excel workbook (.xlsx, openpyxl): one sheet, Chinese headers in bold on a frozen
first row, dates as real dates (formatted 2026-03-02, so that Excel sorts and filters them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core.clock import CST

FORMATS = {dt.datetime: "yyyy-mm-dd hh:mm", dt.date: "yyyy-mm-dd"}


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[dict], Any]  # the cell's value from one row of the GraphQL answer
    width: int = 16


def cell_value(value: Any) -> Any:
    """Lists joined with 、; an ISO date or date-time from the API as a date (date-times in Beijing time)."""
    if isinstance(value, list):
        return "、".join(map(str, value))
    return value


def as_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def as_beijing_time(value: str | None) -> dt.datetime | None:
    """A DateTime from the API (UTC; SQLite answers it without an offset) as Beijing time, without a zone (Excel has none)."""
    if not value:
        return None
    moment = dt.datetime.fromisoformat(value)
    return (
        (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC))
        .astimezone(CST)
        .replace(tzinfo=None)
    )


def as_beijing_date(value: str | None) -> dt.date | None:
    moment = as_beijing_time(value)
    return moment.date() if moment else None


def workbook(title: str, columns: list[Column], rows: list[dict]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]  # Excel's limit for a sheet name
    sheet.append([c.header for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row in rows:
        sheet.append([cell_value(c.value(row)) for c in columns])
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            number_format = FORMATS.get(type(cell.value))
            if number_format:
                cell.number_format = number_format
    out = BytesIO()
    book.save(out)
    return out.getvalue()
