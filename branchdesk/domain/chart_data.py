"""What the chart tabs show (DESIGN.md §3, §5), as plain data that SQL aggregates fill in.

The figures follow the one definition of domain.stats: coverage and optimisation as of a day, monthly
compliance over the pairings active for a whole month, weekday activities as the weekend rule counts them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from branchdesk.domain.enums import ActivityType, Area, RegionLevel, Tier
from branchdesk.domain.months import Month, month_range
from branchdesk.domain.rates import Rate

# A grid with more pairings than this shows one row per child region instead of one per pairing.
PAIRING_ROWS_MAX = 60
# With no child region to sum by, the grid lists at most this many pairings (the others are counted).
PAIRING_ROWS_LIMIT = 400
# The month ranges the frequency charts accept.
MONTHS_MAX = 60


class GroupKind(StrEnum):
    """What one bar of a breakdown stands for."""

    REGION = "region"  # a child region of the selected one, with everything below it
    OWN = "own"  # branches attached to the selected region itself (市直 organs, for the city)
    UNIT = "unit"  # the organ branches of one unit


@dataclass(frozen=True)
class Scope:
    """The region a chart is drawn for."""

    id: int
    name: str
    level: RegionLevel


@dataclass(frozen=True)
class Group:
    kind: GroupKind
    id: int  # region id (REGION, OWN) or unit id (UNIT)
    name: str
    level: RegionLevel | None = None  # the region's level; None for a unit


@dataclass(frozen=True)
class GroupRate:
    group: Group
    rate: Rate


@dataclass(frozen=True)
class RateBreakdown:
    """A rate for the selected region and for each part of it (one bar each), as of a day."""

    scope: Scope
    as_of: dt.date
    total: Rate
    items: tuple[GroupRate, ...]


@dataclass(frozen=True)
class OrganFigures:
    """Organ branches of one part of a region, as of a day: all, paired, optimised."""

    group: Group
    total: int
    paired: int
    optimised: int


@dataclass(frozen=True)
class TierCell:
    organ: Tier | None
    grassroots: Tier | None
    count: int


@dataclass(frozen=True)
class TierMatrix:
    """Pairings active on a day by both sides' tiers as they were when paired (以强带弱)."""

    scope: Scope
    as_of: dt.date
    cells: tuple[TierCell, ...]

    @property
    def total(self) -> int:
        return sum(cell.count for cell in self.cells)

    def count(self, organ: Tier | None, grassroots: Tier | None) -> int:
        return sum(c.count for c in self.cells if c.organ is organ and c.grassroots is grassroots)

    def organ_tiers(self) -> list[Tier | None]:
        """Strong, average, weak, then "ungraded" when some pairing has no tier on that side."""
        return _tiers_with_ungraded({cell.organ for cell in self.cells if cell.count})

    def grassroots_tiers(self) -> list[Tier | None]:
        return _tiers_with_ungraded({cell.grassroots for cell in self.cells if cell.count})


def _tiers_with_ungraded(seen: set[Tier | None]) -> list[Tier | None]:
    tiers: list[Tier | None] = list(Tier)
    return [*tiers, None] if None in seen else tiers


@dataclass(frozen=True)
class MonthSpan:
    """The months a frequency chart covers, first and last included."""

    first: Month
    last: Month

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError("a month span ends before it starts")

    @property
    def months(self) -> list[Month]:
        return month_range(self.first, self.last)

    @property
    def first_day(self) -> dt.date:
        return self.first.first_day

    @property
    def last_day(self) -> dt.date:
        return self.last.last_day

    def clamped(self) -> MonthSpan:
        """At most MONTHS_MAX months, keeping the last."""
        months = self.months
        return self if len(months) <= MONTHS_MAX else MonthSpan(months[-MONTHS_MAX], self.last)


@dataclass(frozen=True)
class MonthlyActivity:
    """Activities per month and type, and volunteer person-times per month."""

    scope: Scope
    span: MonthSpan
    counts: Mapping[ActivityType, tuple[int, ...]]  # one count per month of the span, for every type
    volunteers: tuple[int, ...]

    def total(self, index: int) -> int:
        return sum(counts[index] for counts in self.counts.values())

    @property
    def count(self) -> int:
        return sum(sum(counts) for counts in self.counts.values())


@dataclass(frozen=True)
class AreaCounts:
    """Activities of the span touching each of the six areas (an activity may touch several)."""

    scope: Scope
    span: MonthSpan
    activities: int
    counts: Mapping[Area, int]

    def share(self, area: Area) -> Rate:
        return Rate(self.counts.get(area, 0), self.activities)


@dataclass(frozen=True)
class WeekdayMonth:
    """One month's activities under the weekend rule (周末原则)."""

    month: Month
    non_working: int  # routine activities on a non-working day
    weekday_excused: int  # routine activities on a working day, with a reason recorded
    weekday: int  # routine activities on a working day without a reason: DESIGN.md's "weekday activities"
    key_task: int  # key-task activities: exempt from the rule

    @property
    def routine(self) -> int:
        return self.non_working + self.weekday_excused + self.weekday

    @property
    def non_working_share(self) -> Rate:
        return Rate(self.non_working, self.routine)


@dataclass(frozen=True)
class WeekdayShare:
    scope: Scope
    span: MonthSpan
    months: tuple[WeekdayMonth, ...]
    years_without_holiday_data: tuple[int, ...]  # these years count plain weekends only

    @property
    def non_working_share(self) -> Rate:
        return Rate(sum(m.non_working for m in self.months), sum(m.routine for m in self.months))


class CellState(StrEnum):
    """A pairing's themed Party days in one month."""

    HELD = "held"  # active for the whole month, with a themed Party day: compliant
    MISSED = "missed"  # active for the whole month, without one
    PARTIAL = "partial"  # active for part of the month only: not counted either way
    INACTIVE = "inactive"  # not paired during the month


@dataclass(frozen=True)
class PairingMonths:
    """One pairing's row of the themed-day grid."""

    pairing_id: int
    organ: str
    grassroots: str
    grassroots_region_id: int
    started_on: dt.date
    ended_on: dt.date | None
    themed_days: tuple[int, ...]  # per month of the span

    def state(self, month: Month, index: int) -> CellState:
        if self.started_on <= month.first_day and (self.ended_on is None or self.ended_on >= month.last_day):
            return CellState.HELD if self.themed_days[index] else CellState.MISSED
        if self.started_on <= month.last_day and (self.ended_on is None or self.ended_on >= month.first_day):
            return CellState.PARTIAL
        return CellState.INACTIVE


@dataclass(frozen=True)
class GroupMonths:
    """Monthly compliance of the pairings of one part of the region."""

    group: Group
    rates: tuple[Rate, ...]  # per month of the span


@dataclass(frozen=True)
class ThemedDayGrid:
    """Themed-Party-day compliance per month: one row per pairing, or per part of the region when the
    pairings are too many to draw one row each."""

    scope: Scope
    span: MonthSpan
    pairings: int  # pairings of the region active at some time in the span
    groups: tuple[GroupMonths, ...]
    rows: tuple[PairingMonths, ...]  # empty when aggregated

    @property
    def aggregated(self) -> bool:
        return not self.rows and self.pairings > 0

    @property
    def totals(self) -> tuple[Rate, ...]:
        """The region's monthly compliance: the parts' counts summed."""
        return tuple(
            Rate(sum(g.rates[i].count for g in self.groups), sum(g.rates[i].total for g in self.groups))
            for i in range(len(self.span.months))
        )


@dataclass(frozen=True)
class GroupStars:
    """One part's grassroots branches by their stars (0: not rated)."""

    group: Group
    counts: Mapping[int, int]
    total: int


@dataclass(frozen=True)
class StarMix:
    """The star ratings of ``year`` (the newest rated by ``as_of``; None: none yet) of the grassroots
    branches existing on ``as_of``, per part of the region."""

    scope: Scope
    as_of: dt.date
    year: int | None
    items: tuple[GroupStars, ...]
