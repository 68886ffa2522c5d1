"""Hand-made ledgers for tests, written through the storage layer (one operation per call)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from branchdesk.domain.activities import ActivityDraft
from branchdesk.domain.attendance import Attendance
from branchdesk.domain.enums import ActivityType, Area, BranchKind, EndReason, RegionLevel, Tier, UnitLevel
from branchdesk.storage import activities, branches, pairings, regions
from branchdesk.storage.ledger import Ledger


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


class LedgerBuilder:
    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    def region(
        self, name: str, level: RegionLevel, parent: int | None = None, code: str | None = None
    ) -> int:
        with self.ledger.operation("test.region"):
            return regions.add_region(self.ledger, name, level, parent, code)

    def tree(self) -> dict[str, int]:
        """信阳市 with two counties that both have a 城关镇, and a second township in one of them."""
        city = self.region("信阳市", RegionLevel.CITY, code="411500")
        huangchuan = self.region("潢川县", RegionLevel.COUNTY, city, "411526")
        gushi = self.region("固始县", RegionLevel.COUNTY, city, "411525")
        return {
            "city": city,
            "huangchuan": huangchuan,
            "gushi": gushi,
            "hc_chengguan": self.region("城关镇", RegionLevel.TOWNSHIP, huangchuan),
            "hc_renhe": self.region("仁和镇", RegionLevel.TOWNSHIP, huangchuan),
            "gs_chengguan": self.region("城关镇", RegionLevel.TOWNSHIP, gushi),
        }

    def unit(self, name: str, region: int, level: UnitLevel = UnitLevel.COUNTY) -> int:
        with self.ledger.operation("test.unit"):
            return branches.add_unit(self.ledger, name, level, region)

    def organs(
        self,
        unit: int,
        region: int,
        count: int,
        *,
        optimised: int = 0,
        tier: Tier | None = Tier.STRONG,
        optimised_on: str = "2022-04-10",
    ) -> list[int]:
        """``count`` organ branches of one unit, the first ``optimised`` of them optimised."""
        with self.ledger.operation("test.organs"):
            return [
                branches.add_branch(
                    self.ledger,
                    f"机关第{i + 1}党支部",
                    BranchKind.ORGAN,
                    region,
                    tier=tier,
                    unit_id=unit,
                    optimised_on=day(optimised_on) if i < optimised else None,
                )
                for i in range(count)
            ]

    def branch(self, name: str, kind: BranchKind, region: int, **fields: object) -> int:
        with self.ledger.operation("test.branch"):
            return branches.add_branch(self.ledger, name, kind, region, **fields)  # type: ignore[arg-type]

    def villages(
        self, region: int, count: int, tier: Tier | None = Tier.WEAK, prefix: str = "村"
    ) -> list[int]:
        with self.ledger.operation("test.villages"):
            return [
                branches.add_branch(
                    self.ledger, f"{prefix}{i + 1}村党支部", BranchKind.VILLAGE, region, tier=tier
                )
                for i in range(count)
            ]

    def paired_town(self, count: int) -> tuple[dict[str, int], list[int]]:
        """The tree, and ``count`` pairings from 10 April 2022: 潢川县财政局's organ branches (机关第1党支部…)
        with 城关镇's villages (城关1村党支部…)."""
        tree = self.tree()
        unit = self.unit("潢川县财政局", tree["huangchuan"])
        organs = self.organs(unit, tree["huangchuan"], count)
        villages = self.villages(tree["hc_chengguan"], count, prefix="城关")
        return tree, [
            self.pair(organ, village, "2022-04-10") for organ, village in zip(organs, villages, strict=True)
        ]

    def pair(
        self,
        organ: int,
        grassroots: int,
        started: str,
        ended: str | None = None,
        reason: EndReason | None = None,
    ) -> int:
        with self.ledger.operation("test.pair"):
            return pairings.add_pairing(
                self.ledger,
                organ,
                grassroots,
                day(started),
                ended_on=None if ended is None else day(ended),
                end_reason=reason if ended is None or reason else EndReason.OTHER,
            )

    def activity(
        self,
        pairing: int,
        held_on: str,
        activity_type: ActivityType = ActivityType.THEMED_DAY,
        *,
        volunteers: int = 5,
        areas: Iterable[Area] = (Area.ORGANISATION,),
        weekday_reason: str | None = None,
        attendance: Attendance | None = None,
    ) -> int:
        with self.ledger.operation("test.activity"):
            return activities.add_draft(
                self.ledger,
                pairing,
                ActivityDraft(
                    held_on=day(held_on),
                    type=activity_type,
                    areas=frozenset(areas),
                    volunteers=volunteers,
                    weekday_reason=weekday_reason,
                    attendance=attendance,
                ),
            )
