"""The Coverage tab: coverage of grassroots branches by the region's parts, the organ side's coverage,
the optimisation rate, and the tier mix of the pairings, as of a chosen date (DESIGN.md §3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from branchdesk.domain.chart_data import Group, GroupKind, RateBreakdown, Scope, StarMix, TierMatrix
from branchdesk.domain.enums import GRASSROOTS_KINDS, BranchKind, RegionLevel, Tier
from branchdesk.domain.rates import Rate
from branchdesk.i18n.language import format_count, format_rate
from branchdesk.services import charts, stars
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.jobs.runner import JobRunner
from branchdesk.ui.labels import star_label, tier_label
from branchdesk.ui.tabs.branches import TAB_ID as BRANCHES
from branchdesk.ui.tabs.chart import ChartSpec, ChartTab, Wording
from branchdesk.ui.tabs.contract import DrillDown
from branchdesk.ui.widgets import DateLineEdit, MarkedField

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from branchdesk.charts.base import Target, Targets

TAB_ID = "coverage"
PAIRINGS = "pairings"  # the Pairings tab, where a tier cell's pairings will be listed


class RateSpec(ChartSpec):
    """A rate per part of the region as of a day, one bar each; a bar opens its part's branches."""

    kinds: tuple[BranchKind, ...] = (BranchKind.ORGAN,)
    # A coverage bar opens its gap, the unpaired branches (all of them one untick away); an optimisation
    # bar opens all the organ branches, each with its optimised date.
    opens_gap = True

    def title(self) -> str:
        raise NotImplementedError

    def axis(self) -> str:
        return QCoreApplication.translate("CoverageTab", "Coverage")

    def line(self) -> str:
        """The tooltip's line, with {rate}, {count} and {total}."""
        raise NotImplementedError

    def figure(self, figure: Figure, data: RateBreakdown, wording: Wording) -> Targets:
        from branchdesk.charts.coverage import RateChartText, draw_rate_bars

        by_unit = any(item.group.kind is GroupKind.UNIT for item in data.items)
        context = QCoreApplication.translate(
            "CoverageTab", "As of {date}; {region} in all: {rate} ({count} of {total})"
        ).format(
            date=wording.date(data.as_of),
            region=data.scope.name,
            rate=format_rate(data.total.percent),
            count=format_count(data.total.count),
            total=format_count(data.total.total),
        )
        if by_unit:
            context += QCoreApplication.translate("CoverageTab", "; by unit")
        text = RateChartText(
            title=self.title().format(region=data.scope.name),
            subtitle=context,
            labels=_labels(data),
            axis=self.axis(),
            empty=QCoreApplication.translate(
                "CoverageTab", "{region} has no branches of this kind on {date}."
            ).format(region=data.scope.name, date=wording.date(data.as_of)),
        )
        return draw_rate_bars(figure, data, text)

    def rows(self, data: RateBreakdown) -> int:
        from branchdesk.charts.coverage import rate_bars_upright

        return 0 if rate_bars_upright(data, _labels(data)) else len(data.items)

    def tooltip(self, data: RateBreakdown, target: Target) -> str:
        rate = data.items[target.item].rate
        values = {"rate": format_rate(rate.percent), "count": format_count(rate.count)}
        return (
            _labels(data)[target.item] + "\n" + self.line().format(**values, total=format_count(rate.total))
        )

    def drill(self, data: RateBreakdown, target: Target) -> DrillDown | None:
        group = data.items[target.item].group
        unpaired = data.as_of if self.opens_gap else None
        if group.kind is GroupKind.UNIT:
            return DrillDown(BRANCHES, data.scope.id, kinds=self.kinds, text=group.name, unpaired_on=unpaired)
        own = group.kind is GroupKind.OWN and len(data.items) > 1
        return DrillDown(BRANCHES, group.id, kinds=self.kinds, direct=own, unpaired_on=unpaired)

    def export_title(self, data: RateBreakdown) -> str:
        return f"{data.scope.name} {self.name()} {Wording.current().date(data.as_of)}"


def _own_label(scope: Scope) -> str:
    if scope.level is RegionLevel.CITY:
        return QCoreApplication.translate("CoverageTab", "City level")
    if scope.level is RegionLevel.COUNTY:
        return QCoreApplication.translate("CoverageTab", "County level")
    return QCoreApplication.translate("CoverageTab", "{region} (own)").format(region=scope.name)


def _part_labels(scope: Scope, groups: list[Group]) -> list[str]:
    only = len(groups) == 1
    return [_own_label(scope) if group.kind is GroupKind.OWN and not only else group.name for group in groups]


def _labels(data: RateBreakdown) -> list[str]:
    return _part_labels(data.scope, [item.group for item in data.items])


class GrassrootsSpec(RateSpec):
    id = "grassroots"
    kinds = GRASSROOTS_KINDS

    def name(self) -> str:
        return QCoreApplication.translate("CoverageTab", "Grassroots coverage")

    def fetch(self, ledger: Ledger, region_id: int, period: Hashable) -> RateBreakdown:
        assert isinstance(period, dt.date)
        return charts.grassroots_coverage(ledger, region_id, period)

    def title(self) -> str:
        return QCoreApplication.translate("CoverageTab", "{region}: coverage of grassroots branches")

    def line(self) -> str:
        return QCoreApplication.translate(
            "CoverageTab", "Coverage {rate}: {count} of {total} grassroots branches paired"
        )


class OrganSpec(RateSpec):
    id = "organ"

    def name(self) -> str:
        return QCoreApplication.translate("CoverageTab", "Organ-side coverage")

    def fetch(self, ledger: Ledger, region_id: int, period: Hashable) -> RateBreakdown:
        assert isinstance(period, dt.date)
        return charts.organ_coverage(ledger, region_id, period)

    def title(self) -> str:
        return QCoreApplication.translate("CoverageTab", "{region}: coverage of organ branches")

    def line(self) -> str:
        return QCoreApplication.translate(
            "CoverageTab", "Coverage {rate}: {count} of {total} organ branches paired"
        )


class OptimisationSpec(RateSpec):
    id = "optimisation"
    opens_gap = False

    def name(self) -> str:
        return QCoreApplication.translate("CoverageTab", "Optimisation rate")

    def fetch(self, ledger: Ledger, region_id: int, period: Hashable) -> RateBreakdown:
        assert isinstance(period, dt.date)
        return charts.optimisation(ledger, region_id, period)

    def title(self) -> str:
        return QCoreApplication.translate("CoverageTab", "{region}: optimisation rate of organ branches")

    def axis(self) -> str:
        return QCoreApplication.translate("CoverageTab", "Optimisation rate")

    def line(self) -> str:
        return QCoreApplication.translate(
            "CoverageTab", "Optimisation rate {rate}: {count} of {total} organ branches optimised"
        )


class TargetsSpec(RateSpec):
    """Agreement targets reached by the day, per part of the region (domain/agreements.py says when a target
    is reached). A county's bar goes down a level, to the same chart of its townships; a township's (or the
    region's own) opens its pairings in the Pairings tab, where each one's agreement holds its targets."""

    id = "targets"

    def name(self) -> str:
        return QCoreApplication.translate("CoverageTab", "Targets reached")

    def fetch(self, ledger: Ledger, region_id: int, period: Hashable) -> RateBreakdown:
        assert isinstance(period, dt.date)
        return charts.targets_reached(ledger, region_id, period)

    def title(self) -> str:
        return QCoreApplication.translate("CoverageTab", "{region}: pairing agreement targets reached")

    def axis(self) -> str:
        return QCoreApplication.translate("CoverageTab", "Targets reached")

    def line(self) -> str:
        return QCoreApplication.translate(
            "CoverageTab", "Reached {rate}: {count} of {total} targets with a number"
        )

    def drill(self, data: RateBreakdown, target: Target) -> DrillDown | None:
        group = data.items[target.item].group
        if group.kind is GroupKind.REGION and group.level is not RegionLevel.TOWNSHIP:
            return DrillDown(TAB_ID, group.id)
        region = group.id if group.kind is not GroupKind.UNIT else data.scope.id
        return DrillDown(PAIRINGS, region, any_tier=True)


class TierSpec(ChartSpec):
    """Active pairings by both sides' tiers; a cell opens its pairings."""

    id = "tiers"

    def name(self) -> str:
        return QCoreApplication.translate("CoverageTab", "Tier mix")

    def fetch(self, ledger: Ledger, region_id: int, period: Hashable) -> TierMatrix:
        assert isinstance(period, dt.date)
        return charts.tier_matrix(ledger, region_id, period)

    def figure(self, figure: Figure, data: TierMatrix, wording: Wording) -> Targets:
        from branchdesk.charts.coverage import TierChartText, draw_tier_matrix

        text = TierChartText(
            title=QCoreApplication.translate(
                "CoverageTab", "{region}: pairings by tier (strong leads weak)"
            ).format(region=data.scope.name),
            subtitle=QCoreApplication.translate(
                "CoverageTab",
                "As of {date}; {count} pairings, by both sides' tiers when paired; "
                "outlined: strong organ branch with weak grassroots branch",
            ).format(date=wording.date(data.as_of), count=format_count(data.total)),
            organ_axis=QCoreApplication.translate("CoverageTab", "Organ branch"),
            grassroots_axis=QCoreApplication.translate("CoverageTab", "Grassroots branch"),
            tiers={tier: tier_label(tier) for tier in (*Tier, None)},
            empty=QCoreApplication.translate("CoverageTab", "{region} has no pairings on {date}.").format(
                region=data.scope.name, date=wording.date(data.as_of)
            ),
        )
        return draw_tier_matrix(figure, data, text)

    def tooltip(self, data: TierMatrix, target: Target) -> str:
        organ = data.organ_tiers()[target.item]
        grassroots = data.grassroots_tiers()[target.series]
        count = data.count(organ, grassroots)
        return QCoreApplication.translate(
            "CoverageTab", "Organ branch {organ}, grassroots branch {grassroots}: {count} pairings ({share})"
        ).format(
            organ=tier_label(organ),
            grassroots=tier_label(grassroots),
            count=format_count(count),
            share=format_rate(Rate(count, data.total).percent),
        )

    def drill(self, data: TierMatrix, target: Target) -> DrillDown:
        return DrillDown(
            PAIRINGS,
            data.scope.id,
            organ_tier=data.organ_tiers()[target.item],
            grassroots_tier=data.grassroots_tiers()[target.series],
        )

    def export_title(self, data: TierMatrix) -> str:
        return f"{data.scope.name} {self.name()} {Wording.current().date(data.as_of)}"


class StarSpec(ChartSpec):
    """The grassroots branches of each part by their newest year's stars (五星支部); a bar opens its part's
    grassroots branches, the Stars column beside their tier."""

    id = "stars"

    def name(self) -> str:
        return QCoreApplication.translate("CoverageTab", "Star mix")

    def fetch(self, ledger: Ledger, region_id: int, period: Hashable) -> StarMix:
        assert isinstance(period, dt.date)
        return stars.star_mix(ledger, region_id, period)

    def _labels(self, data: StarMix) -> list[str]:
        return _part_labels(data.scope, [item.group for item in data.items])

    def figure(self, figure: Figure, data: StarMix, wording: Wording) -> Targets:
        from branchdesk.charts.coverage import STAR_ORDER, StarChartText, draw_star_mix

        branches = sum(item.total for item in data.items)
        rated = sum(item.total - item.counts.get(0, 0) for item in data.items)
        if data.year is None:
            subtitle = QCoreApplication.translate(
                "CoverageTab",
                "As of {date}; no star ratings yet: type them in the Branches tab's Stars column",
            ).format(date=wording.date(data.as_of))
        else:
            subtitle = QCoreApplication.translate(
                "CoverageTab", "Ratings of {year}, as of {date}; {rated} of {count} grassroots branches rated"
            ).format(
                year=data.year,
                date=wording.date(data.as_of),
                rated=format_count(rated),
                count=format_count(branches),
            )
        text = StarChartText(
            title=QCoreApplication.translate("CoverageTab", "{region}: grassroots branches by stars").format(
                region=data.scope.name
            ),
            subtitle=subtitle,
            labels=self._labels(data),
            stars=[star_label(count) for count in STAR_ORDER],
            totals=[
                QCoreApplication.translate("CoverageTab", "{count} branches in the part").format(
                    count=format_count(item.total)
                )
                for item in data.items
            ],
            axis=QCoreApplication.translate("CoverageTab", "Share of grassroots branches"),
            empty=QCoreApplication.translate(
                "CoverageTab", "{region} has no grassroots branches on {date}."
            ).format(region=data.scope.name, date=wording.date(data.as_of)),
        )
        return draw_star_mix(figure, data, text)

    def rows(self, data: StarMix) -> int:
        from branchdesk.charts.coverage import UPRIGHT_MAX

        return 0 if len(data.items) <= UPRIGHT_MAX else len(data.items)

    def tooltip(self, data: StarMix, target: Target) -> str:
        from branchdesk.charts.coverage import STAR_ORDER

        item = data.items[target.item]
        count = item.counts.get(STAR_ORDER[target.series], 0)
        return QCoreApplication.translate(
            "CoverageTab", "{part}, {stars}: {count} of {total} ({share})"
        ).format(
            part=self._labels(data)[target.item],
            stars=star_label(STAR_ORDER[target.series]),
            count=format_count(count),
            total=format_count(item.total),
            share=format_rate(Rate(count, item.total).percent),
        )

    def drill(self, data: StarMix, target: Target) -> DrillDown:
        group = data.items[target.item].group
        own = group.kind is GroupKind.OWN and len(data.items) > 1
        return DrillDown(BRANCHES, group.id, kinds=GRASSROOTS_KINDS, direct=own)

    def export_title(self, data: StarMix) -> str:
        return f"{data.scope.name} {self.name()} {Wording.current().date(data.as_of)}"


class CoverageTab(ChartTab):
    def __init__(self, jobs: JobRunner, parent: QWidget | None = None) -> None:
        specs = [GrassrootsSpec(), OrganSpec(), OptimisationSpec(), TierSpec(), TargetsSpec(), StarSpec()]
        super().__init__(jobs, TAB_ID, specs, parent)
        self.retranslate()

    # -- period: the as-of date ----------------------------------------------------------------------

    def build_period(self, layout: QHBoxLayout) -> None:
        self.as_of_label = QLabel(self)
        # Enter charts the day typed; text that is no date is marked beside the field.
        self.as_of = DateLineEdit(self, keep_enter=True)
        self.as_of.setObjectName("asOf")
        self.today_button = QPushButton(self)
        self.today_button.setObjectName("asOfToday")
        layout.addWidget(self.as_of_label)
        layout.addWidget(MarkedField(self.as_of, beside=True))
        layout.addWidget(self.today_button)
        self.as_of.set_value(self.clock.today())
        self.as_of.value_edited.connect(self.period_edited)
        self.today_button.clicked.connect(self.reset_period)

    def reset_period(self) -> None:
        today = self.clock.today()
        changed = self.as_of.accepted() != today
        self.as_of.set_value(today)  # also takes away refused text
        if changed:
            self.period_edited()

    def set_as_of(self, day: dt.date) -> None:
        self.as_of.set_value(day)
        self.update_chart()

    def period_key(self) -> Hashable:
        return self.as_of.accepted() or self.clock.today()

    def retranslate_period(self) -> None:
        self.as_of_label.setText(self.tr("As of"))
        self.today_button.setText(self.tr("Today"))
