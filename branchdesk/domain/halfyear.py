"""The half-year cycle (DESIGN.md §11): when a half-year closes, its figures are frozen into a summary — the
stats service's figures at its end (coverage, optimisation, and the targets and items of the programme's
work plan when the ledger keeps them), themed Party day compliance and activities month by month, and the
activities for each of its key tasks — kept in the ledger as JSON, so that the summary printed later says
what was known when it closed; the next half-year's key tasks start from its list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from branchdesk.domain.months import HalfYear, Month
from branchdesk.domain.rates import Rate


@dataclass(frozen=True)
class MonthFigures:
    """One month of the half-year: its themed Party day compliance and its activities."""

    month: Month
    compliance: Rate
    activities: int
    themed_days: int
    key_task: int
    volunteers: int


@dataclass(frozen=True)
class TaskFigures:
    """A key task of the half-year and the activities held for it."""

    name: str
    activities: int
    retired: bool = False


@dataclass(frozen=True)
class HalfYearSummary:
    region: str  # the region's path, 信阳市/潢川县
    half: HalfYear
    as_of: dt.date  # the half-year's last day, or the day it was frozen when that came first
    frozen_on: dt.date
    stats: dict[str, Any]  # ``stats --json`` as of ``as_of``: its keys as the stats service gives them
    months: tuple[MonthFigures, ...]
    tasks: tuple[TaskFigures, ...]

    @property
    def activities(self) -> int:
        return sum(month.activities for month in self.months)

    @property
    def themed_days(self) -> int:
        return sum(month.themed_days for month in self.months)

    @property
    def volunteers(self) -> int:
        return sum(month.volunteers for month in self.months)

    @property
    def compliance(self) -> Rate:
        """The half-year's months together: pairing-months with a themed Party day over all counted."""
        return Rate(
            sum(m.compliance.count for m in self.months), sum(m.compliance.total for m in self.months)
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "half_year": str(self.half),
            "as_of": self.as_of.isoformat(),
            "frozen_on": self.frozen_on.isoformat(),
            "stats": self.stats,
            "months": [
                {
                    "month": str(m.month),
                    "compliance": m.compliance.as_dict(),
                    "activities": m.activities,
                    "themed_days": m.themed_days,
                    "key_task": m.key_task,
                    "volunteers": m.volunteers,
                }
                for m in self.months
            ],
            "key_tasks": [
                {"name": t.name, "activities": t.activities, "retired": t.retired} for t in self.tasks
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> HalfYearSummary:
        return cls(
            region=data["region"],
            half=HalfYear.parse(data["half_year"]),
            as_of=dt.date.fromisoformat(data["as_of"]),
            frozen_on=dt.date.fromisoformat(data["frozen_on"]),
            stats=data["stats"],
            months=tuple(
                MonthFigures(
                    Month.parse(m["month"]),
                    Rate(m["compliance"]["count"], m["compliance"]["total"]),
                    m["activities"],
                    m["themed_days"],
                    m["key_task"],
                    m["volunteers"],
                )
                for m in data["months"]
            ),
            tasks=tuple(TaskFigures(t["name"], t["activities"], t["retired"]) for t in data["key_tasks"]),
        )


def half_months(half: HalfYear) -> list[Month]:
    first = Month.of(half.first_day)
    return [Month(first.year, first.month + i) for i in range(6)]


def closing_half(today: dt.date) -> HalfYear:
    """The half-year a clerk closes on ``today``: the one that ended last (in July, the first half)."""
    return HalfYear.of(today).previous()
