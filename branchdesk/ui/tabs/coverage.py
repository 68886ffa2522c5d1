"""The Coverage tab: coverage of grassroots branches by the region's parts, the organ side's coverage,
the optimisation rate, and the tier mix of the pairings, as of a chosen date (DESIGN.md §3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from branchdesk.domain.chart_data import GroupKind, GroupRate, RateBreakdown, TierMatrix
from branchdesk.domain.clock import Clock
from branchdesk.domain.enums import GRASSROOTS_KINDS, BranchKind, RegionLevel, Tier
from branchdesk.domain.rates import Rate
from branchdesk.i18n.language import format_count, format_rate
from branchdesk.services import charts
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.jobs.background_charts import Compute
from branchdesk.ui.labels import tier_label
from branchdesk.ui.tabs.branches import TAB_ID as BRANCHES
from branchdesk.ui.tabs.chart import ChartTab, DrillDown
from branchdesk.ui.widgets import DateLineEdit, MarkedField

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from branchdesk.charts.base import Target, Targets

TAB_ID = "coverage"
PAIRINGS = "pairings"  # the Pairings tab, where a tier cell's pairings will be listed

GRASSROOTS = "grassroots"
ORGAN = "organ"
OPTIMISATION = "optimisation"
TIERS = "tiers"


class CoverageTab(ChartTab):
    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(clock, TAB_ID, parent)
        self.retranslate()

    # -- charts --------------------------------------------------------------------------------------

    def chart_ids(self) -> list[str]:
        return [GRASSROOTS, ORGAN, OPTIMISATION, TIERS]

    def chart_name(self, chart_id: str) -> str:
        return {
            GRASSROOTS: self.tr("Grassroots coverage"),
            ORGAN: self.tr("Organ-side coverage"),
            OPTIMISATION: self.tr("Optimisation rate"),
            TIERS: self.tr("Tier mix"),
        }[chart_id]

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

    # -- computing and drawing -----------------------------------------------------------------------

    def compute(self, chart_id: str, region_id: int, period: Hashable) -> Compute:
        assert isinstance(period, dt.date)
        day = period

        def run(ledger: Ledger) -> object:
            if chart_id == GRASSROOTS:
                return charts.grassroots_coverage(ledger, region_id, day)
            if chart_id == ORGAN:
                return charts.organ_coverage(ledger, region_id, day)
            if chart_id == OPTIMISATION:
                return charts.optimisation(ledger, region_id, day)
            return charts.tier_matrix(ledger, region_id, day)

        return run

    def rows(self, chart_id: str, data: Any) -> int:
        if isinstance(data, RateBreakdown):
            from branchdesk.charts.coverage import rate_bars_upright

            return 0 if rate_bars_upright(data, self._labels(data)) else len(data.items)
        return 0

    def draw(self, chart_id: str, figure: Figure, data: Any) -> Targets:
        from branchdesk.charts import coverage

        if isinstance(data, TierMatrix):
            return coverage.draw_tier_matrix(figure, data, self._tier_text(data))
        assert isinstance(data, RateBreakdown)
        return coverage.draw_rate_bars(figure, data, self._rate_text(chart_id, data))

    def _own_label(self, data: RateBreakdown) -> str:
        if data.scope.level is RegionLevel.CITY:
            return self.tr("City level")
        if data.scope.level is RegionLevel.COUNTY:
            return self.tr("County level")
        return self.tr("{region} (own)").format(region=data.scope.name)

    def _labels(self, data: RateBreakdown) -> list[str]:
        only = len(data.items) == 1
        return [
            self._own_label(data) if item.group.kind is GroupKind.OWN and not only else item.group.name
            for item in data.items
        ]

    def _title(self, chart_id: str, region: str) -> str:
        return {
            GRASSROOTS: self.tr("{region}: coverage of grassroots branches"),
            ORGAN: self.tr("{region}: coverage of organ branches"),
            OPTIMISATION: self.tr("{region}: optimisation rate of organ branches"),
            TIERS: self.tr("{region}: pairings by tier (strong leads weak)"),
        }[chart_id].format(region=region)

    def _rate_text(self, chart_id: str, data: RateBreakdown) -> Any:
        from branchdesk.charts.coverage import RateChartText

        by_unit = any(item.group.kind is GroupKind.UNIT for item in data.items)
        context = self.tr("As of {date}; {region} in all: {rate} ({count} of {total})").format(
            date=self.date(data.as_of),
            region=data.scope.name,
            rate=format_rate(data.total.percent),
            count=format_count(data.total.count),
            total=format_count(data.total.total),
        )
        if by_unit:
            context += self.tr("; by unit")
        return RateChartText(
            title=self._title(chart_id, data.scope.name),
            subtitle=context,
            labels=self._labels(data),
            axis=self.tr("Optimisation rate") if chart_id == OPTIMISATION else self.tr("Coverage"),
            empty=self.tr("{region} has no branches of this kind on {date}.").format(
                region=data.scope.name, date=self.date(data.as_of)
            ),
        )

    def _tier_text(self, data: TierMatrix) -> Any:
        from branchdesk.charts.coverage import TierChartText

        return TierChartText(
            title=self._title(TIERS, data.scope.name),
            subtitle=self.tr(
                "As of {date}; {count} pairings, by both sides' tiers when paired; "
                "outlined: strong organ branch with weak grassroots branch"
            ).format(date=self.date(data.as_of), count=format_count(data.total)),
            organ_axis=self.tr("Organ branch"),
            grassroots_axis=self.tr("Grassroots branch"),
            tiers={tier: tier_label(tier) for tier in (*Tier, None)},
            empty=self.tr("{region} has no pairings on {date}.").format(
                region=data.scope.name, date=self.date(data.as_of)
            ),
        )

    def export_title(self) -> str:
        data = self.data
        region = data.scope.name if isinstance(data, RateBreakdown | TierMatrix) else ""
        day = self.date(data.as_of) if isinstance(data, RateBreakdown | TierMatrix) else ""
        return f"{region} {self.chart_name(self.chart_id)} {day}".strip()

    # -- hover and click -----------------------------------------------------------------------------

    def tooltip(self, chart_id: str, data: Any, target: Target) -> str:
        if isinstance(data, TierMatrix):
            organ = data.organ_tiers()[target.item]
            grassroots = data.grassroots_tiers()[target.series]
            count = data.count(organ, grassroots)
            return self.tr(
                "Organ branch {organ}, grassroots branch {grassroots}: {count} pairings ({share})"
            ).format(
                organ=tier_label(organ),
                grassroots=tier_label(grassroots),
                count=format_count(count),
                share=format_rate(Rate(count, data.total).percent),
            )
        assert isinstance(data, RateBreakdown)
        item: GroupRate = data.items[target.item]
        name = self._labels(data)[target.item]
        rate = item.rate
        if chart_id == GRASSROOTS:
            line = self.tr("Coverage {rate}: {count} of {total} grassroots branches paired")
        elif chart_id == ORGAN:
            line = self.tr("Coverage {rate}: {count} of {total} organ branches paired")
        else:
            line = self.tr("Optimisation rate {rate}: {count} of {total} organ branches optimised")
        values = {"rate": format_rate(rate.percent), "count": format_count(rate.count)}
        return name + "\n" + line.format(**values, total=format_count(rate.total))

    def drill(self, chart_id: str, data: Any, target: Target) -> DrillDown | None:
        if isinstance(data, TierMatrix):
            return DrillDown(
                PAIRINGS,
                data.scope.id,
                organ_tier=data.organ_tiers()[target.item],
                grassroots_tier=data.grassroots_tiers()[target.series],
            )
        assert isinstance(data, RateBreakdown)
        group = data.items[target.item].group
        kinds = GRASSROOTS_KINDS if chart_id == GRASSROOTS else (BranchKind.ORGAN,)
        # A coverage bar opens its gap, the unpaired branches (all of them one untick away); an
        # optimisation bar opens all the organ branches, each with its optimised date.
        unpaired = None if chart_id == OPTIMISATION else data.as_of
        if group.kind is GroupKind.UNIT:
            return DrillDown(BRANCHES, data.scope.id, kinds=kinds, text=group.name, unpaired_on=unpaired)
        own = group.kind is GroupKind.OWN and len(data.items) > 1
        return DrillDown(BRANCHES, group.id, kinds=kinds, direct=own, unpaired_on=unpaired)
