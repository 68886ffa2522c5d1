"""What the Word ledger (台账) holds, as plain data: the scope and range, the pairings with both
branches' rosters, each activity's record with its attendance and photos ("一事一档"), the open items
and the figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from branchdesk.domain.agreements import Agreement
from branchdesk.domain.attendance import Attendance
from branchdesk.domain.compliance import OverduePairing
from branchdesk.domain.enums import ActivityType, Area, PairingMethod, Tier
from branchdesk.domain.months import Month
from branchdesk.domain.stats import LedgerStats


@dataclass(frozen=True)
class BookBranch:
    name: str
    secretary: str | None
    phone: str | None
    members: int | None
    tier: Tier | None  # as it was when paired


@dataclass(frozen=True)
class BookPairing:
    id: int
    grassroots: BookBranch
    organ: BookBranch
    grassroots_region: str
    method: PairingMethod
    started_on: dt.date
    ended_on: dt.date | None


@dataclass(frozen=True)
class BookPhoto:
    """A photo as the store keeps it (normalised), or only its thumbnail when the store lacks the file."""

    path: Path | None
    thumbnail: bytes | None
    caption: str
    # Where the store keeps (or will keep) the smaller copy the Word ledger prints; None: print the picture.
    print_copy: Path | None = None


@dataclass(frozen=True)
class BookActivity:
    id: int
    pairing: BookPairing
    held_on: dt.date
    type: ActivityType
    key_task: str | None
    areas: tuple[Area, ...]
    volunteers: int
    location: str | None
    summary: str | None
    weekday_reason: str | None
    entered_on: dt.date
    theme: str | None = None
    host: str | None = None
    attendance: Attendance | None = None
    recorded_late: bool = False  # entered long after it was held (补录, domain/attendance.py)
    photos: tuple[BookPhoto, ...] = ()


@dataclass(frozen=True)
class MonthFigures:
    """The §3 figures of one month of the range (``stats`` for that month, as of its last day)."""

    month: Month
    stats: LedgerStats


@dataclass(frozen=True)
class LedgerBook:
    scope: str  # the region's path, or the pairing's two branches
    figures_region: str  # the region the figures are of
    first: Month
    last: Month
    made_on: dt.date
    pairings: list[BookPairing]
    activities: list[BookActivity]
    overdue: list[tuple[Month, OverduePairing]]
    weekday: list[BookActivity]  # routine activities on a working day without a reason
    figures: list[MonthFigures]
    recorded_late: int = 0  # activities of the book entered late (补录)
    agreements: tuple[tuple[BookPairing, Agreement], ...] = ()  # the pairings' agreements, in their order

    @property
    def as_of(self) -> dt.date:
        """The day the book's standing figures are of: the end of its last month, or the day it was made
        if that month has not ended (the figures page's coverage and the agreements' targets alike)."""
        return min(self.last.last_day, self.made_on)


@dataclass(frozen=True)
class SigninSheet:
    """A blank sign-in sheet (签到表) for a pairing's coming activity."""

    pairing: BookPairing
    day: dt.date | None
    place: str
    theme: str
    lines: int
