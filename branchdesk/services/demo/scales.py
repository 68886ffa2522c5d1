"""The demo's scales (DESIGN.md §7): how many branches, pairings and activities, and where."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class ScaleSpec:
    """What a demo ledger holds. Branches, pairings and activities come out exactly as given.

    The other counts follow: grassroots branches = pairings + ``late``; organ branches = the rest;
    county organs left over by the first draws = branches - 2 × pairings - ``late`` + ``ended``, which
    must not be negative (each ended pairing frees an organ branch that a supplementary draw pairs again).
    """

    branches: int
    pairings: int
    activities: int
    counties: tuple[str, ...]  # official codes of the counties and districts included
    townships: int | None  # the first n townships of each county's list; None for all of them
    city_organs: int  # organ branches of city-level and central units (0: no city units)
    ended: int  # pairings ended by a merger or similar, their grassroots branch archived
    late: int  # grassroots branches set up after the last draw, left unpaired

    @property
    def grassroots(self) -> int:
        return self.pairings + self.late

    @property
    def organs(self) -> int:
        return self.branches - self.grassroots

    @property
    def first_draw_grassroots(self) -> int:
        """Grassroots branches that the counties' first draws pair (the assigned grids excepted)."""
        return self.pairings - self.city_organs - self.ended

    @property
    def organ_leftovers(self) -> int:
        return self.organs - self.city_organs - self.first_draw_grassroots


HUANGCHUAN = "411526"
_ALL_COUNTIES = (
    "411502",
    "411503",
    "411521",
    "411522",
    "411523",
    "411524",
    "411525",
    "411526",
    "411527",
    "411528",
)

SCALES: Mapping[str, ScaleSpec] = MappingProxyType(
    {
        "township": ScaleSpec(80, 40, 2_000, (HUANGCHUAN,), 2, city_organs=0, ended=2, late=2),
        "county": ScaleSpec(1_500, 700, 50_000, (HUANGCHUAN,), 18, city_organs=0, ended=6, late=7),
        "city": ScaleSpec(12_000, 5_600, 300_000, _ALL_COUNTIES, None, city_organs=1_127, ended=30, late=40),
        "stress": ScaleSpec(
            50_000, 25_000, 1_000_000, _ALL_COUNTIES, None, city_organs=4_000, ended=150, late=150
        ),
    }
)

# What ``progress`` is called with as each stage starts: codes, not text, so that the caller can show
# them in the user's language.
STAGES = ("demo.stage.branches", "demo.stage.pairings", "demo.stage.activities", "demo.stage.saving")


@dataclass(frozen=True)
class DemoSummary:
    scale: str
    seed: int
    regions: int
    units: int
    branches: int
    draws: int
    pairings: int
    activities: int
