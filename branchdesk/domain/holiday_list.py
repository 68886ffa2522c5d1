"""A year's official calendar typed or pasted as a simple list, one entry a line:

    2027-01-01 休 元旦
    2027-02-06~2027-02-12 休 春节
    2027-02-14 班 春节

A date or a range (``~`` or ``至``), then 休 (a holiday: also 假, 放假, holiday, off) or 班 (an adjusted
working day: also 上班, workday, work), then an optional name. Columns may be separated by spaces, tabs
(pasted from Excel or WPS) or commas; empty lines and lines starting with ``#`` are skipped.
"""

from __future__ import annotations

import datetime as dt
import re

from branchdesk.domain.enums import DayKind
from branchdesk.domain.errors import BranchDeskError

_KINDS = {
    "休": DayKind.HOLIDAY,
    "假": DayKind.HOLIDAY,
    "放假": DayKind.HOLIDAY,
    "holiday": DayKind.HOLIDAY,
    "off": DayKind.HOLIDAY,
    "班": DayKind.WORKDAY,
    "上班": DayKind.WORKDAY,
    "workday": DayKind.WORKDAY,
    "work": DayKind.WORKDAY,
}
_SEPARATORS = re.compile(r"[\s,，\u3000]+")
_RANGE = re.compile(r"[~～至]")

DeclaredDays = dict[dt.date, tuple[DayKind, str | None]]


def _dates(text: str) -> list[dt.date]:
    ends = [dt.date.fromisoformat(part.strip()) for part in _RANGE.split(text)]
    if len(ends) == 1:
        return ends
    first, last = ends
    if len(ends) != 2 or last < first:
        raise ValueError(text)
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def parse_holiday_list(text: str, year: int) -> DeclaredDays:
    """The declared days of ``year`` in ``text``; a line that cannot be read is refused with its number."""
    days: DeclaredDays = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        parts = _SEPARATORS.split(stripped, maxsplit=2)
        kind = _KINDS.get(parts[1].lower()) if len(parts) > 1 else None
        try:
            dates = _dates(parts[0])
        except ValueError:
            dates = []
        if kind is None or not dates:
            raise BranchDeskError("holidays.bad_line", line=number, text=stripped)
        if any(day.year != year for day in dates):
            raise BranchDeskError("holidays.wrong_year", line=number, text=stripped, year=year)
        name = parts[2].strip() if len(parts) > 2 and parts[2].strip() else None
        for day in dates:
            days[day] = (kind, name)
    return days


def format_holiday_list(days: DeclaredDays) -> str:
    """The list form of declared days (one date a line), which ``parse_holiday_list`` reads back."""
    words = {DayKind.HOLIDAY: "休", DayKind.WORKDAY: "班"}
    return "".join(
        f"{day.isoformat()} {words[kind]}{' ' + name if name else ''}\n"
        for day, (kind, name) in sorted(days.items())
    )
