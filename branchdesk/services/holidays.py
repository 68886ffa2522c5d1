"""The official holiday calendar, seeded from a maintained library for the years it covers.

The State Council announces each year's calendar late in the year before, so a library always ends
somewhere (chinese_calendar 1.11 ends with 2026); later years are entered by the user.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping

from branchdesk.domain.changes import Changed
from branchdesk.domain.enums import DayKind
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.workdays import WorkCalendar
from branchdesk.services.history import changed
from branchdesk.storage import holidays as holiday_store
from branchdesk.storage.ledger import Ledger


def _chinese_name(english: str) -> str:
    from chinese_calendar import constants as official

    for holiday in official.Holiday:
        if holiday.value == english:
            return str(holiday.chinese)
    return english


def library_days() -> dict[int, dict[dt.date, tuple[DayKind, str | None]]]:
    """The library's declared days, by year (imported here: only new ledgers need it)."""
    from chinese_calendar import constants as official

    by_year: dict[int, dict[dt.date, tuple[DayKind, str | None]]] = defaultdict(dict)
    for day, name in official.holidays.items():
        by_year[day.year][day] = (DayKind.HOLIDAY, _chinese_name(name))
    for day, name in official.workdays.items():
        by_year[day.year][day] = (DayKind.WORKDAY, _chinese_name(name))
    return dict(by_year)


def seed_from_library(ledger: Ledger) -> list[int]:
    """Fill in every year the library covers and the ledger does not; returns the years added."""
    present = set(holiday_store.covered_years(ledger))
    added = []
    with ledger.operation("holidays.seed"):
        for year, days in sorted(library_days().items()):
            if year not in present:
                holiday_store.replace_year(ledger, year, days, source="library")
                added.append(year)
    return added


def calendar_for(ledger: Ledger, years: list[int]) -> WorkCalendar:
    return holiday_store.work_calendar(ledger, years)


def covered_years(ledger: Ledger) -> list[int]:
    return holiday_store.covered_years(ledger)


def year_days(ledger: Ledger, year: int) -> dict[dt.date, tuple[DayKind, str | None]]:
    return holiday_store.year_days(ledger, year)


def set_year(ledger: Ledger, year: int, days: Mapping[dt.date, tuple[DayKind, str | None]]) -> Changed:
    """Tools ▸ Holidays: the user's official calendar for ``year`` (one undoable step); days of other
    years are left out."""
    if not 1900 <= year <= 9999:
        raise BranchDeskError("holidays.bad_year", year=year)
    with ledger.operation("holidays.edit") as op:
        holiday_store.replace_year(ledger, year, days, source="user")
    return changed(ledger, op)


def year_source(ledger: Ledger, year: int) -> str | None:
    return holiday_store.year_source(ledger, year)


def years_lacking_data(ledger: Ledger) -> list[int]:
    """Years without an official calendar (plain weekends are used), from the first year on record to next
    year or the year after the last one on record, whichever is later: that one is the next to enter."""
    covered = set(holiday_store.covered_years(ledger))
    this_year = ledger.clock.today().year
    first = min(covered, default=this_year)
    last = max(this_year + 1, max(covered, default=this_year) + 1)
    return [year for year in range(first, last + 1) if year not in covered]
