"""The demo being built: its branches, pairings, townships and counties, and the whole build's state."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from branchdesk.domain.enums import BranchKind, EndReason, PairingMethod, Tier
from branchdesk.services.demo.common import iso, tier_value
from branchdesk.services.demo.dates import Timeline
from branchdesk.services.demo.scales import ScaleSpec
from branchdesk.storage import bulk

END_NOTES = {
    EndReason.MERGED: "行政村撤并",
    EndReason.VILLAGE_TO_COMMUNITY: "撤村改居",
    EndReason.ABOLISHED: "支部撤销",
}


@dataclass(slots=True, eq=False)
class Branch:
    id: int
    uuid: str
    name: str
    kind: BranchKind
    region_id: int
    tier: Tier | None
    established_on: dt.date
    secretary: str
    phone: str
    members: int
    place: str  # its village or community (a grid's community): where activities are held
    unit_id: int | None = None
    community_id: int | None = None
    optimised_on: dt.date | None = None
    archived_on: dt.date | None = None
    note: str | None = None

    def row(self) -> bulk.BranchRow:
        return (
            self.id, self.uuid, self.name, self.kind.value, self.region_id, self.community_id, self.unit_id,
            tier_value(self.tier), self.secretary, self.phone, self.members, iso(self.optimised_on),
            self.established_on.isoformat(), iso(self.archived_on), self.note,
        )  # fmt: skip


@dataclass(slots=True, eq=False)
class Pairing:
    id: int
    uuid: str
    organ: Branch
    grassroots: Branch
    method: PairingMethod
    draw_id: int | None
    organ_tier: Tier | None
    grassroots_tier: Tier | None
    started_on: dt.date
    ended_on: dt.date | None = None
    end_reason: EndReason | None = None

    def row(self) -> bulk.PairingRow:
        return (
            self.id, self.uuid, self.organ.id, self.grassroots.id, self.method.value, self.draw_id,
            tier_value(self.organ_tier), tier_value(self.grassroots_tier), self.started_on.isoformat(),
            iso(self.ended_on), None if self.end_reason is None else self.end_reason.value,
            None if self.end_reason is None else END_NOTES[self.end_reason],
        )  # fmt: skip


@dataclass
class Township:
    region_id: int
    name: str
    villages: set[str] = field(default_factory=set)  # names taken, for uniqueness within the township
    communities: set[str] = field(default_factory=set)

    @property
    def is_subdistrict(self) -> bool:
        return self.name.endswith("街道")

    @property
    def core(self) -> str:
        """The name without 街道, 镇 or 乡: its seat community's name (春申街道 → 春申社区)."""
        return self.name.removesuffix("街道") if self.is_subdistrict else self.name[:-1]


@dataclass
class County:
    code: str
    name: str
    region_id: int
    townships: list[Township]
    organs: list[Branch] = field(default_factory=list)
    first_draw: list[Branch] = field(default_factory=list)  # grassroots branches of the first draw
    merged: list[Branch] = field(default_factory=list)  # villages merged away after the first draw
    successors: list[Branch] = field(default_factory=list)  # set up since, paired by a supplementary draw


class Build:
    """The demo being made, in memory: every stage adds to it, and storage.bulk writes it at the end.

    One random sequence runs through all the stages in a fixed order, so the same seed makes the same rows.
    """

    def __init__(self, spec: ScaleSpec, seed: int, span_end: dt.date) -> None:
        self.spec = spec
        self.rng = random.Random(seed)
        self.timeline = Timeline(span_end)
        self.city_id = 0
        self.regions: list[bulk.RegionRow] = []
        self.units: list[bulk.UnitRow] = []
        self.assignments: list[tuple[int, int]] = []  # (community id, unit id)
        self.branches: list[Branch] = []
        self.draws: list[bulk.DrawRow] = []
        self.draw_previews: list[bulk.DrawPreviewRow] = []
        self.pairings: list[Pairing] = []
        self.key_tasks: list[bulk.KeyTaskRow] = []
