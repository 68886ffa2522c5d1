"""The figures the ledger reports (DESIGN.md §3): one definition for tables, charts, exports and the CLI.

Storage computes them in SQL for speed; the functions here are the readable definition that the SQL is
tested against.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from branchdesk.domain.agreements import Agreement
from branchdesk.domain.enums import ActivityType, BranchKind
from branchdesk.domain.months import Month
from branchdesk.domain.plan_items import ItemCounts
from branchdesk.domain.rates import Rate
from branchdesk.domain.records import Activity, Branch, Pairing, Region
from branchdesk.domain.teams import TeamFigures
from branchdesk.domain.workdays import WorkCalendar, is_weekday_activity


@dataclass(frozen=True)
class BranchCounts:
    organ: int
    grassroots: int
    archived: int


@dataclass(frozen=True)
class ActivityCounts:
    month: Month
    count: int
    themed_days: int
    key_task: int
    volunteer_person_times: int
    weekday: int
    # Present ÷ expected Party members over the month's activities with an attendance recorded.
    attendance: Rate = field(default_factory=lambda: Rate(0, 0))


@dataclass(frozen=True)
class TargetCounts:
    """The numeric targets of the pairing agreements signed by the as-of date (domain/agreements.py says
    when one is reached): how many, how many reached by then, and how many were due before it unreached."""

    count: int = 0
    reached: int = 0
    overdue: int = 0

    @property
    def rate(self) -> Rate:
        return Rate(self.reached, self.count)

    def as_dict(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "reached": self.reached,
            "rate": self.rate.percent,
            "overdue": self.overdue,
        }


class Level(StrEnum):
    """The branches of one level below a region (``stats --level``), beside ``--direct`` (the region's own:
    市直 for the city). County level (县级): organ branches of county-level units, every grassroots branch,
    and the pairings of those organ branches (storage.stats says it in SQL)."""

    COUNTY = "county"


@dataclass(frozen=True)
class LedgerStats:
    """Everything ``branchdesk-cli stats`` prints, for one region, date and month."""

    region: Region
    as_of: dt.date
    month: Month
    branches: BranchCounts
    grassroots_coverage: Rate
    organ_coverage: Rate
    optimisation: Rate
    compliance: Rate
    activities: ActivityCounts
    years_without_holiday_data: tuple[int, ...] = ()
    targets: TargetCounts = field(default_factory=TargetCounts)
    level: Level | None = None
    # The three lists' items of the region's pairings, as of the date (domain.plan_items.item_counts).
    items: ItemCounts = field(default_factory=lambda: ItemCounts(0, 0, 0, 0, 0))
    # A city's figures side by side, when asked for: its own (市直) and the county level's (县级).
    levels: tuple[LedgerStats, LedgerStats] | None = None
    # Village work teams in the month (domain/teams.py): members serving, those below the days rule.
    teams: TeamFigures | None = None

    def as_json(self) -> dict[str, Any]:
        """The shape DESIGN.md §3 fixes: keys may be added, never renamed."""
        return {
            "region": {"name": self.region.name, "path": self.region.path, "code": self.region.code},
            "as_of": self.as_of.isoformat(),
            "month": str(self.month),
            "branches": {
                "organ": self.branches.organ,
                "grassroots": self.branches.grassroots,
                "archived": self.branches.archived,
            },
            "coverage": {
                "grassroots": self.grassroots_coverage.as_dict(),
                "organ": self.organ_coverage.as_dict(),
            },
            "optimisation": self.optimisation.as_dict(),
            "compliance": {"month": str(self.month), **self.compliance.as_dict()},
            "activities": {
                "month": str(self.activities.month),
                "count": self.activities.count,
                "themed_days": self.activities.themed_days,
                "key_task": self.activities.key_task,
                "volunteer_person_times": self.activities.volunteer_person_times,
                "weekday": self.activities.weekday,
                "attendance_rate": self.activities.attendance.as_dict(),
            },
            "holiday_data_missing_for": list(self.years_without_holiday_data),
            "targets": self.targets.as_dict(),
            "level": None if self.level is None else self.level.value,
            **({} if self.teams is None else {"teams": self.teams.as_dict()}),
            "items": self.items.as_dict(),
        }


def _existing(branches: Iterable[Branch], day: dt.date) -> list[Branch]:
    return [branch for branch in branches if branch.exists_on(day)]


def branch_counts(branches: Collection[Branch], day: dt.date) -> BranchCounts:
    existing = _existing(branches, day)
    organ = sum(1 for branch in existing if branch.kind is BranchKind.ORGAN)
    archived = sum(1 for b in branches if b.archived_on is not None and b.archived_on <= day)
    return BranchCounts(organ=organ, grassroots=len(existing) - organ, archived=archived)


def coverage(
    branches: Collection[Branch], pairings: Collection[Pairing], day: dt.date, *, organ_side: bool
) -> Rate:
    """Branches of one side (existing on ``day``) with a pairing active on ``day``, over all of that side."""
    side = [b for b in _existing(branches, day) if (b.kind is BranchKind.ORGAN) == organ_side]
    active = [p for p in pairings if p.active_on(day)]
    paired = {p.organ_id if organ_side else p.grassroots_id for p in active}
    return Rate(sum(1 for branch in side if branch.id in paired), len(side))


def optimisation(branches: Collection[Branch], day: dt.date) -> Rate:
    organs = [b for b in _existing(branches, day) if b.kind is BranchKind.ORGAN]
    optimised = sum(1 for b in organs if b.optimised_on is not None and b.optimised_on <= day)
    return Rate(optimised, len(organs))


def monthly_compliance(pairings: Collection[Pairing], activities: Iterable[Activity], month: Month) -> Rate:
    """Among the grassroots branches with a pairing active for the whole month, those whose pairing held at
    least one themed Party day in it. While pairings are one-to-one that is the share of such pairings; a
    branch in two overlapping pairings (a broken rule that Check database names) still counts once."""
    whole_month = {
        p.id: p.grassroots_id for p in pairings if p.active_throughout(month.first_day, month.last_day)
    }
    with_themed_day = {
        whole_month[a.pairing_id]
        for a in activities
        if a.type is ActivityType.THEMED_DAY and Month.of(a.held_on) == month and a.pairing_id in whole_month
    }
    return Rate(len(with_themed_day), len(set(whole_month.values())))


def target_counts(agreements: Iterable[Agreement], day: dt.date) -> TargetCounts:
    """The readable definition that storage.stats.target_counts computes in SQL, over the agreements of the
    region's pairings (as coverage counts them: a pairing in the regions of its grassroots branch)."""
    numeric = [t for a in agreements if a.signed_on <= day for t in a.targets if t.number is not None]
    return TargetCounts(
        count=len(numeric),
        reached=sum(1 for target in numeric if target.reached(day)),
        overdue=sum(1 for target in numeric if target.overdue(day)),
    )


def activity_counts(activities: Iterable[Activity], month: Month, calendar: WorkCalendar) -> ActivityCounts:
    in_month = [a for a in activities if Month.of(a.held_on) == month]
    attended = [a for a in in_month if a.expected is not None and a.present is not None]
    return ActivityCounts(
        month=month,
        count=len(in_month),
        themed_days=sum(1 for a in in_month if a.type is ActivityType.THEMED_DAY),
        key_task=sum(1 for a in in_month if a.type is ActivityType.KEY_TASK),
        volunteer_person_times=sum(a.volunteers for a in in_month),
        weekday=sum(
            1 for a in in_month if is_weekday_activity(calendar, a.held_on, a.type, a.weekday_reason)
        ),
        attendance=Rate(sum(a.present or 0 for a in attended), sum(a.expected or 0 for a in attended)),
    )
