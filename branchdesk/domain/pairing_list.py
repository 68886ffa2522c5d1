"""What the Pairings tab and the pairing dialogs ask for and get back, independent of SQL and Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from branchdesk.domain.enums import BranchKind, EndReason, PairingMethod, Tier


class PairingColumn(StrEnum):
    """The Pairings table's columns, in display order; each is sortable."""

    ORGAN = "organ"
    UNIT = "unit"
    ORGAN_TIER = "organ_tier"
    GRASSROOTS = "grassroots"
    REGION = "region"
    GRASSROOTS_TIER = "grassroots_tier"
    METHOD = "method"
    STARTED = "started"
    ENDED = "ended"
    REASON = "reason"


class PairingStatus(StrEnum):
    ALL = "all"
    ACTIVE = "active"  # not ended
    ENDED = "ended"


@dataclass(frozen=True)
class PairingFilter:
    """Pairings are placed by their grassroots branch's region, as the statistics count them (§3).

    ``organ_tiers`` / ``grassroots_tiers`` are the tiers when paired; empty means any, ``None`` in them
    means ungraded. ``pairing_id`` narrows to one pairing (a chart's drill-down)."""

    region_id: int | None = None
    status: PairingStatus = PairingStatus.ALL
    method: PairingMethod | None = None
    text: str = ""
    organ_tiers: tuple[Tier | None, ...] = ()
    grassroots_tiers: tuple[Tier | None, ...] = ()
    pairing_id: int | None = None


@dataclass(frozen=True)
class PairingSort:
    column: PairingColumn = PairingColumn.STARTED
    descending: bool = True


@dataclass(frozen=True)
class PairingRow:
    id: int
    organ: str
    unit: str | None
    organ_tier: Tier | None  # when paired
    grassroots: str
    grassroots_kind: BranchKind
    region: str  # the grassroots branch's region, "潢川县 / 城关镇"
    grassroots_tier: Tier | None
    method: PairingMethod
    draw_id: int | None
    started_on: dt.date
    ended_on: dt.date | None
    end_reason: EndReason | None

    @property
    def active(self) -> bool:
        return self.ended_on is None


@dataclass(frozen=True)
class UnpairedBranch:
    """A branch with no active pairing: a picker's choice, an entry of the unpaired lists."""

    id: int
    uuid: str
    name: str
    kind: BranchKind
    tier: Tier | None
    region: str
    unit: str | None


@dataclass(frozen=True)
class Unpaired:
    """The first unpaired branches of one side (as many as asked for) and how many there are in all."""

    branches: tuple[UnpairedBranch, ...]
    total: int


@dataclass(frozen=True)
class AssignedUnit:
    """A city-level unit assigned to a community (单位联社区), with what it has left to pair."""

    id: int
    name: str
    community_id: int
    community: str
    unpaired_organs: int
    unpaired_grids: int
