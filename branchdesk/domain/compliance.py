"""The "1" and the "N" of 1+N, pairing by pairing (DESIGN.md §3).

The "1": a pairing active for the whole of a month owes that month at least one themed Party day; it is
overdue until one is recorded. These are the pairings that ``domain.stats.monthly_compliance`` counts as
not compliant, so the compliance view, ``branchdesk-cli overdue`` and ``branchdesk-cli stats`` agree.
The "N": per half-year, which of that half-year's key tasks each pairing's activities served.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum

from branchdesk.domain.enums import ActivityType
from branchdesk.domain.months import HalfYear, Month
from branchdesk.domain.records import Activity, Pairing


class MonthStatus(StrEnum):
    NOT_DUE = "not_due"  # the pairing was not active for the whole month: nothing owed
    DONE = "done"  # at least one themed Party day
    OVERDUE = "overdue"  # owed, and none recorded (yet)


@dataclass(frozen=True)
class OverduePairing:
    pairing_id: int
    grassroots: str
    organ: str
    region: str
    last_themed_day: dt.date | None  # the pairing's last themed Party day before the month's end


@dataclass(frozen=True)
class PairingMonths:
    """One pairing's row of the month-by-month view: themed Party days per month, or not due."""

    pairing_id: int
    grassroots: str
    organ: str
    region: str
    themed_days: tuple[int | None, ...]  # per month of the span; None where nothing was owed

    def status(self, index: int) -> MonthStatus:
        count = self.themed_days[index]
        if count is None:
            return MonthStatus.NOT_DUE
        return MonthStatus.DONE if count else MonthStatus.OVERDUE


@dataclass(frozen=True)
class KeyTaskCoverage:
    """Per pairing of a half-year: which of its key tasks the pairing's activities served."""

    pairing_id: int
    grassroots: str
    organ: str
    covered: frozenset[int]  # key task ids


def owes_themed_day(pairing: Pairing, month: Month) -> bool:
    return pairing.active_throughout(month.first_day, month.last_day)


def month_status(pairing: Pairing, activities: Iterable[Activity], month: Month) -> MonthStatus:
    if not owes_themed_day(pairing, month):
        return MonthStatus.NOT_DUE
    held = any(
        a.pairing_id == pairing.id and a.type is ActivityType.THEMED_DAY and Month.of(a.held_on) == month
        for a in activities
    )
    return MonthStatus.DONE if held else MonthStatus.OVERDUE


def overdue_pairings(
    pairings: Collection[Pairing], activities: Collection[Activity], month: Month
) -> list[int]:
    """Ids of the pairings that owe ``month`` a themed Party day and have none in it, in id order."""
    return sorted(p.id for p in pairings if month_status(p, activities, month) is MonthStatus.OVERDUE)


def key_tasks_covered(activities: Iterable[Activity], pairing_id: int, half_year: HalfYear) -> frozenset[int]:
    """The key tasks that the pairing's activities of ``half_year`` served (any type of activity may)."""
    return frozenset(
        a.key_task_id
        for a in activities
        if a.pairing_id == pairing_id and a.key_task_id is not None and HalfYear.of(a.held_on) == half_year
    )
