"""What a table asks for (filter, sort, page) and what it gets back, independent of SQL and Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from branchdesk.domain.enums import BranchKind, RegionLevel, Tier


class BranchColumn(StrEnum):
    """The Branches table's columns, in display order; each is sortable."""

    NAME = "name"
    KIND = "kind"
    REGION = "region"
    UNIT = "unit"
    TIER = "tier"
    STARS = "stars"
    PARTNER = "partner"
    SECRETARY = "secretary"
    PHONE = "phone"
    MEMBERS = "members"
    OPTIMISED = "optimised"
    ESTABLISHED = "established"
    ARCHIVED = "archived"


@dataclass(frozen=True)
class BranchFilter:
    region_id: int | None = None
    direct: bool = False
    kinds: tuple[BranchKind, ...] = ()
    tiers: tuple[Tier | None, ...] = ()
    text: str = ""
    include_archived: bool = False
    # Only the branches that existed and had no active pairing on this day: the gap behind a coverage bar.
    unpaired_on: dt.date | None = None


@dataclass(frozen=True)
class BranchSort:
    column: BranchColumn = BranchColumn.NAME
    descending: bool = False


@dataclass(frozen=True)
class BranchRow:
    id: int
    name: str
    kind: BranchKind
    region: str  # "潢川县 / 城关镇": the branch's region below the city
    unit: str | None
    tier: Tier | None
    partner: str | None  # the other side of the active pairing
    secretary: str | None
    phone: str | None
    member_count: int | None
    optimised_on: dt.date | None
    established_on: dt.date | None
    archived_on: dt.date | None
    uuid: str = ""
    region_id: int = 0
    unit_id: int | None = None
    stars: int | None = None  # the newest star rating, of star_year
    star_year: int | None = None


@dataclass(frozen=True)
class ScopeContents:
    """Whether a region (with all below it) holds any branch, pairing and activity yet."""

    branches: bool
    pairings: bool
    activities: bool


@dataclass
class RegionNode:
    """A region with its branch counts, its own and with everything below it."""

    id: int
    name: str
    level: RegionLevel
    code: str | None
    organ: int = 0
    grassroots: int = 0
    children: list[RegionNode] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.organ + self.grassroots


def roll_up(nodes: list[RegionNode]) -> None:
    """Add each node's descendants' counts to its own (post-order)."""
    for node in nodes:
        roll_up(node.children)
        node.organ += sum(child.organ for child in node.children)
        node.grassroots += sum(child.grassroots for child in node.children)
