"""A month's days of work team members read from a sheet as the counties keep it in Excel or WPS: a header
row naming the phone column (电话, 联系电话, 手机) and one column per day of the month (1 … 31, or 1日 …),
then a row per member with 在/假/公/缺 (or P/L/B/A, a leave with its reason: 假 病假). Other columns (姓名,
职务 …) are read past. Empty cells change nothing. The command line stops at the first problem; the window
lists them all (ui/dialogs/team_days_import.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import Month
from branchdesk.domain.teams import DayEntry, SheetProblem, parse_cell
from branchdesk.exchange.files import read_rows

_PHONE_HEADERS = ("电话", "联系电话", "手机", "手机号", "手机号码", "phone")


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone number or a day Excel keeps as a number
    return "" if value is None else str(value).strip()


@dataclass(frozen=True)
class MonthSheet:
    """What a month sheet holds: the days entered, and the cells that are no mark."""

    entries: list[DayEntry]
    problems: list[SheetProblem]


def read_month_sheet(path: Path, month: Month) -> list[DayEntry]:
    """Every day entered on the sheet; refused whole (with the row and day) at the first cell that is no
    mark, or when the day columns are not the month's."""
    sheet = read_sheet(path, month)
    if sheet.problems:
        raise sheet.problems[0].error
    return sheet.entries


def read_sheet(path: Path, month: Month) -> MonthSheet:
    """The days entered on the sheet and every cell that is no mark (its row and day named); refused at
    once when there is no phone column or the day columns are not the month's."""
    rows = [tuple(_text(cell) for cell in row) for row in read_rows(path)]
    header_at = next(
        (number for number, row in enumerate(rows) if any(cell.lower() in _PHONE_HEADERS for cell in row)),
        None,
    )
    if header_at is None:
        raise BranchDeskError("team.sheet_no_phone", path=str(path))
    header = rows[header_at]
    phone_column = next(i for i, cell in enumerate(header) if cell.lower() in _PHONE_HEADERS)
    days = {
        i: int(cell.removesuffix("日")) for i, cell in enumerate(header) if cell.removesuffix("日").isdigit()
    }
    if sorted(days.values()) != list(range(1, month.last_day.day + 1)):
        raise BranchDeskError(
            "team.sheet_columns", month=str(month), days=month.last_day.day, found=len(days), path=str(path)
        )
    sheet = MonthSheet([], [])
    for number, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        phone = row[phone_column] if phone_column < len(row) else ""
        if not phone:
            continue
        for column, day in days.items():
            value = row[column] if column < len(row) else ""
            if not value:
                continue
            try:
                mark, reason = parse_cell(value)
            except BranchDeskError:
                error = BranchDeskError("team.sheet_bad_cell", row=number, day=day, text=value)
                sheet.problems.append(SheetProblem(number, error))
                continue
            when = dt.date(month.year, month.month, day)
            sheet.entries.append(DayEntry(phone, when, mark, reason, number))
    return sheet
