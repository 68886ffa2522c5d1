"""Plain records of the ledger's entities (DESIGN.md §2), as the services hand them around."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from branchdesk.domain.enums import (
    ActivityType,
    Area,
    BranchKind,
    EndReason,
    PairingMethod,
    RegionLevel,
    Tier,
    UnitLevel,
)


@dataclass(frozen=True)
class Region:
    id: int
    uuid: str
    name: str
    level: RegionLevel
    parent_id: int | None
    code: str | None
    path: str  # "信阳市/潢川县/城关镇"


@dataclass(frozen=True)
class Unit:
    id: int
    uuid: str
    name: str
    level: UnitLevel
    region_id: int


@dataclass(frozen=True)
class Branch:
    id: int
    uuid: str
    name: str
    kind: BranchKind
    region_id: int
    tier: Tier | None = None
    unit_id: int | None = None
    community_id: int | None = None
    secretary: str | None = None
    phone: str | None = None
    member_count: int | None = None
    optimised_on: dt.date | None = None
    established_on: dt.date | None = None
    archived_on: dt.date | None = None
    note: str | None = None

    def exists_on(self, day: dt.date) -> bool:
        """Established by ``day`` (or of unknown date) and not archived by then."""
        established = self.established_on is None or self.established_on <= day
        return established and (self.archived_on is None or self.archived_on > day)


@dataclass(frozen=True)
class Pairing:
    id: int
    uuid: str
    organ_id: int
    grassroots_id: int
    method: PairingMethod
    started_on: dt.date
    ended_on: dt.date | None = None
    end_reason: EndReason | None = None
    draw_id: int | None = None
    organ_tier: Tier | None = None
    grassroots_tier: Tier | None = None

    def active_on(self, day: dt.date) -> bool:
        """``ended_on`` is the pairing's last day."""
        return self.started_on <= day and (self.ended_on is None or self.ended_on >= day)

    def active_throughout(self, first: dt.date, last: dt.date) -> bool:
        return self.started_on <= first and (self.ended_on is None or self.ended_on >= last)


@dataclass(frozen=True)
class Activity:
    id: int
    uuid: str
    pairing_id: int
    held_on: dt.date
    type: ActivityType
    areas: frozenset[Area] = frozenset()
    volunteers: int = 0
    key_task_id: int | None = None
    location: str | None = None
    summary: str | None = None
    weekday_reason: str | None = None
    expected: int | None = None
    present: int | None = None


@dataclass(frozen=True)
class Problem:
    """One finding of Check Database: a catalogue code and what it concerns (``detail``, or the named
    row's values in ``params``, which fill the message's placeholders)."""

    code: str
    detail: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
