"""Working days for the weekend rule (周末原则), from the ledger's holiday table.

Official holidays and adjusted working days (调休) count as declared; a day with no entry is a working day
from Monday to Friday. A year the table has no official data for falls back to plain weekends, and the
calendar says so, so that the UI can warn the user.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from branchdesk.domain.enums import ActivityType, DayKind


@dataclass(frozen=True)
class WorkCalendar:
    declared: Mapping[dt.date, DayKind] = field(default_factory=dict)
    covered_years: frozenset[int] = frozenset()

    def is_working_day(self, day: dt.date) -> bool:
        kind = self.declared.get(day)
        if kind is DayKind.HOLIDAY:
            return False
        if kind is DayKind.WORKDAY:
            return True
        return day.weekday() < 5

    def has_official_data(self, year: int) -> bool:
        return year in self.covered_years

    def years_without_data(self, years: Iterable[int]) -> list[int]:
        return sorted({year for year in years if year not in self.covered_years})

    def non_working_days(self, days: Iterable[dt.date]) -> list[dt.date]:
        return [day for day in days if not self.is_working_day(day)]


# What counts as an empty exception reason: ASCII blanks and the full-width space Chinese input methods type.
REASON_BLANKS = " \t\r\n\u3000"


def has_reason(reason: str | None) -> bool:
    return bool(reason and reason.strip(REASON_BLANKS))


def is_weekday_activity(
    calendar: WorkCalendar, held_on: dt.date, activity_type: ActivityType, exception_reason: str | None
) -> bool:
    """A routine activity held on a working day without a recorded reason breaks the weekend rule."""
    if not activity_type.is_routine:
        return False
    if has_reason(exception_reason):
        return False
    return calendar.is_working_day(held_on)
