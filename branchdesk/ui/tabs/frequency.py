"""The Activity frequency tab: activities per month by type, volunteer person-times per month, the six
areas, the weekend rule, and the themed-Party-day grid, over a range of months (DESIGN.md §3); and the three
lists' items raised and ticked off per month."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from branchdesk.domain.chart_data import (
    AreaCounts,
    CellState,
    GroupKind,
    MonthlyActivity,
    MonthSpan,
    ThemedDayGrid,
    WeekdayShare,
)
from branchdesk.domain.enums import Area, RegionLevel
from branchdesk.domain.months import Month
from branchdesk.domain.plan_items import ItemMonths
from branchdesk.i18n.language import format_count, format_rate
from branchdesk.services import charts, plan_items
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.jobs.runner import JobRunner
from branchdesk.ui.labels import activity_type_label, area_label, level_label
from branchdesk.ui.tabs.chart import ChartSpec, ChartTab, Wording
from branchdesk.ui.tabs.contract import DrillDown
from branchdesk.ui.widgets import MarkedField, MonthLineEdit

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from branchdesk.charts.base import Target, Targets
    from branchdesk.charts.frequency import MonthChartText

TAB_ID = "activity-frequency"
ACTIVITIES = "activities"  # the Activities tab, where a bar's activities will be listed
PAIRINGS = "pairings"


def month_labels(span: MonthSpan, wording: Wording) -> list[str]:
    """Short month names, with the year under the first month and under each January."""
    labels = []
    for i, month in enumerate(span.months):
        label = wording.short_month(month)
        if i == 0 or month.month == 1:
            label += "\n" + QCoreApplication.translate("FrequencyTab", "{year}").format(year=month.year)
        labels.append(label)
    return labels


def span_text(span: MonthSpan, wording: Wording) -> str:
    first, last = wording.month(span.first), wording.month(span.last)
    if span.first == span.last:
        return first
    return QCoreApplication.translate("FrequencyTab", "{first} to {last}").format(first=first, last=last)


def month_name(month: Month) -> str:
    """A month in a tooltip (on the UI thread)."""
    return Wording.current().month(month)


def nothing(region: str) -> str:
    return QCoreApplication.translate("FrequencyTab", "{region} has no activities in this period.").format(
        region=region
    )


class MonthsSpec(ChartSpec):
    """A chart over a range of months (the ledger's default range until one is chosen)."""

    def fetch(self, ledger: Ledger, region_id: int, period: Hashable) -> object:
        span = period if isinstance(period, MonthSpan) else charts.default_span(ledger)
        return self.read(ledger, region_id, span)

    def read(self, ledger: Ledger, region_id: int, span: MonthSpan) -> object:
        raise NotImplementedError

    def export_title(
        self, data: MonthlyActivity | AreaCounts | WeekdayShare | ThemedDayGrid | ItemMonths
    ) -> str:
        return f"{data.scope.name} {self.name()} {data.span.first}—{data.span.last}"


class MonthBarsSpec(MonthsSpec):
    """A bar a month, in layers where there are several: titled for the region, the months under the bars."""

    def title(self) -> str:
        """The chart's title, with {region}."""
        raise NotImplementedError

    def subtitle(self, data: Any, wording: Wording) -> str:
        raise NotImplementedError

    def axis(self) -> str:
        raise NotImplementedError

    def series(self) -> list[str]:
        """The layers' legend entries (none for a bar of one layer)."""
        return []

    def empty(self, region: str) -> str:
        return nothing(region)

    def draw(self, figure: Figure, data: Any, text: MonthChartText) -> Targets:
        raise NotImplementedError

    def figure(self, figure: Figure, data: Any, wording: Wording) -> Targets:
        from branchdesk.charts.frequency import MonthChartText

        region = data.scope.name
        text = MonthChartText(
            title=self.title().format(region=region),
            subtitle=self.subtitle(data, wording),
            months=month_labels(data.span, wording),
            axis=self.axis(),
            empty=self.empty(region),
            series=self.series(),
        )
        return self.draw(figure, data, text)


class TypesSpec(MonthBarsSpec):
    """Activities per month, stacked by type; a layer opens that month's activities of that type."""

    id = "types"

    def name(self) -> str:
        return QCoreApplication.translate("FrequencyTab", "Activities per month")

    def read(self, ledger: Ledger, region_id: int, span: MonthSpan) -> MonthlyActivity:
        return charts.monthly_activity(ledger, region_id, span)

    def title(self) -> str:
        return QCoreApplication.translate("FrequencyTab", "{region}: activities per month, by type")

    def subtitle(self, data: MonthlyActivity, wording: Wording) -> str:
        return QCoreApplication.translate("FrequencyTab", "{period}; {count} activities in all").format(
            period=span_text(data.span, wording), count=format_count(data.count)
        )

    def axis(self) -> str:
        return QCoreApplication.translate("FrequencyTab", "Activities")

    def series(self) -> list[str]:
        from branchdesk.charts.frequency import TYPE_ORDER

        return [activity_type_label(t) for t in TYPE_ORDER]

    def draw(self, figure: Figure, data: MonthlyActivity, text: MonthChartText) -> Targets:
        from branchdesk.charts.frequency import draw_monthly_types

        return draw_monthly_types(figure, data, text)

    def tooltip(self, data: MonthlyActivity, target: Target) -> str:
        from branchdesk.charts.frequency import TYPE_ORDER

        activity_type = TYPE_ORDER[target.series]
        return QCoreApplication.translate(
            "FrequencyTab", "{month}\n{type}: {count}\nAll activities: {total}"
        ).format(
            month=month_name(data.span.months[target.item]),
            type=activity_type_label(activity_type),
            count=format_count(data.counts[activity_type][target.item]),
            total=format_count(data.total(target.item)),
        )

    def drill(self, data: MonthlyActivity, target: Target) -> DrillDown:
        from branchdesk.charts.frequency import TYPE_ORDER

        month = data.span.months[target.item]
        return DrillDown(ACTIVITIES, data.scope.id, month=month, activity_type=TYPE_ORDER[target.series])


class VolunteersSpec(MonthBarsSpec):
    """Volunteer person-times per month (the figures of :class:`TypesSpec`)."""

    id = "volunteers"
    data_id = TypesSpec.id

    def name(self) -> str:
        return QCoreApplication.translate("FrequencyTab", "Volunteers per month")

    def read(self, ledger: Ledger, region_id: int, span: MonthSpan) -> MonthlyActivity:
        return charts.monthly_activity(ledger, region_id, span)

    def title(self) -> str:
        return QCoreApplication.translate("FrequencyTab", "{region}: Party-member volunteers per month")

    def subtitle(self, data: MonthlyActivity, wording: Wording) -> str:
        return QCoreApplication.translate("FrequencyTab", "{period}; {count} person-times in all").format(
            period=span_text(data.span, wording), count=format_count(sum(data.volunteers))
        )

    def axis(self) -> str:
        return QCoreApplication.translate("FrequencyTab", "Person-times")

    def draw(self, figure: Figure, data: MonthlyActivity, text: MonthChartText) -> Targets:
        from branchdesk.charts.frequency import draw_volunteers

        return draw_volunteers(figure, data, text)

    def tooltip(self, data: MonthlyActivity, target: Target) -> str:
        return QCoreApplication.translate("FrequencyTab", "{month}\nVolunteer person-times: {count}").format(
            month=month_name(data.span.months[target.item]), count=format_count(data.volunteers[target.item])
        )

    def drill(self, data: MonthlyActivity, target: Target) -> DrillDown:
        return DrillDown(ACTIVITIES, data.scope.id, month=data.span.months[target.item])


class AreasSpec(MonthsSpec):
    """Activities by the six areas; a bar opens the activities of its area."""

    id = "areas"

    def name(self) -> str:
        return QCoreApplication.translate("FrequencyTab", "Six areas")

    def read(self, ledger: Ledger, region_id: int, span: MonthSpan) -> AreaCounts:
        return charts.area_counts(ledger, region_id, span)

    def figure(self, figure: Figure, data: AreaCounts, wording: Wording) -> Targets:
        from branchdesk.charts import frequency

        text = frequency.AreaChartText(
            title=QCoreApplication.translate("FrequencyTab", "{region}: activities by the six areas").format(
                region=data.scope.name
            ),
            subtitle=QCoreApplication.translate(
                "FrequencyTab",
                "{period}; share of the {count} activities (an activity may serve several areas)",
            ).format(period=span_text(data.span, wording), count=format_count(data.activities)),
            areas={area: area_label(area) for area in Area},
            axis=QCoreApplication.translate("FrequencyTab", "Activities"),
            empty=nothing(data.scope.name),
        )
        return frequency.draw_areas(figure, data, text)

    def tooltip(self, data: AreaCounts, target: Target) -> str:
        area = list(Area)[target.item]
        return QCoreApplication.translate(
            "FrequencyTab", "{area}: {count} of {total} activities ({share})"
        ).format(
            area=area_label(area),
            count=format_count(data.counts.get(area, 0)),
            total=format_count(data.activities),
            share=format_rate(data.share(area).percent),
        )

    def drill(self, data: AreaCounts, target: Target) -> DrillDown:
        return DrillDown(ACTIVITIES, data.scope.id, area=list(Area)[target.item])


class WeekdaySpec(MonthBarsSpec):
    """Routine activities per month by kind of day (the weekend rule); a bar opens its month."""

    id = "weekday"

    def name(self) -> str:
        return QCoreApplication.translate("FrequencyTab", "Weekend rule")

    def read(self, ledger: Ledger, region_id: int, span: MonthSpan) -> WeekdayShare:
        return charts.weekday_share(ledger, region_id, span)

    def title(self) -> str:
        return QCoreApplication.translate(
            "FrequencyTab", "{region}: routine activities by day (weekend rule)"
        )

    def subtitle(self, data: WeekdayShare, wording: Wording) -> str:
        context = QCoreApplication.translate(
            "FrequencyTab",
            "{period}; on each bar, the share held on non-working days ({rate} in all); "
            "key-task activities are exempt",
        ).format(period=span_text(data.span, wording), rate=format_rate(data.non_working_share.percent))
        if data.years_without_holiday_data:
            context += QCoreApplication.translate(
                "FrequencyTab", "; no official holiday calendar for {years}: weekends only"
            ).format(years=", ".join(str(y) for y in data.years_without_holiday_data))
        return context

    def axis(self) -> str:
        return QCoreApplication.translate("FrequencyTab", "Routine activities")

    def series(self) -> list[str]:
        return [
            QCoreApplication.translate("FrequencyTab", "Non-working day"),
            QCoreApplication.translate("FrequencyTab", "Working day, reason given"),
            QCoreApplication.translate("FrequencyTab", "Working day, no reason"),
        ]

    def draw(self, figure: Figure, data: WeekdayShare, text: MonthChartText) -> Targets:
        from branchdesk.charts.frequency import draw_weekday

        return draw_weekday(figure, data, text)

    def tooltip(self, data: WeekdayShare, target: Target) -> str:
        counts = data.months[target.item]
        return QCoreApplication.translate(
            "FrequencyTab",
            "{month}\nNon-working days: {non_working}\nWorking days, reason given: {excused}\n"
            "Working days, no reason: {weekday}\nKey-task activities (exempt): {key_task}",
        ).format(
            month=month_name(counts.month),
            non_working=format_count(counts.non_working),
            excused=format_count(counts.weekday_excused),
            weekday=format_count(counts.weekday),
            key_task=format_count(counts.key_task),
        )

    def drill(self, data: WeekdayShare, target: Target) -> DrillDown:
        return DrillDown(ACTIVITIES, data.scope.id, month=data.months[target.item].month)


class ThemedDaysSpec(MonthsSpec):
    """Monthly themed-Party-day compliance: a row for the region, then one per part or per pairing; a
    part's row opens that part's grid, a pairing's cell its pairing."""

    id = "themed-days"

    def name(self) -> str:
        return QCoreApplication.translate("FrequencyTab", "Themed Party days")

    def read(self, ledger: Ledger, region_id: int, span: MonthSpan) -> ThemedDayGrid:
        return charts.themed_day_grid(ledger, region_id, span)

    def rows(self, data: ThemedDayGrid) -> int:
        from branchdesk.charts.frequency import grid_rows

        return grid_rows(data)

    def figure(self, figure: Figure, data: ThemedDayGrid, wording: Wording) -> Targets:
        from branchdesk.charts.frequency import GridChartText, draw_themed_day_grid

        context = QCoreApplication.translate(
            "FrequencyTab",
            "{period}; share of the pairings active for the whole month that held a themed Party day (%)",
        ).format(period=span_text(data.span, wording))
        if data.aggregated:
            below = [g.group.level for g in data.groups if g.group.kind is GroupKind.REGION]
            level = below[0] if below and below[0] is not None else RegionLevel.TOWNSHIP
            context += QCoreApplication.translate(
                "FrequencyTab", "; {count} pairings, one row per {level}"
            ).format(count=format_count(data.pairings), level=level_label(level))
        elif len(data.rows) < data.pairings:
            context += QCoreApplication.translate(
                "FrequencyTab", "; the first {shown} of {count} pairings"
            ).format(shown=format_count(len(data.rows)), count=format_count(data.pairings))
        if data.rows:
            rows = [row.grassroots.removesuffix("党支部") for row in data.rows]
        else:
            rows = [_group_name(data, i) for i in range(len(data.groups))]
        region = data.scope.name
        text = GridChartText(
            title=QCoreApplication.translate("FrequencyTab", "{region}: themed Party days per month").format(
                region=region
            ),
            subtitle=context,
            months=month_labels(data.span, wording),
            rows=[QCoreApplication.translate("FrequencyTab", "{region} in all").format(region=region), *rows],
            states={state: _state_name(state) for state in CellState},
            empty=QCoreApplication.translate(
                "FrequencyTab", "{region} has no pairings in this period."
            ).format(region=region),
        )
        return draw_themed_day_grid(figure, data, text)

    def tooltip(self, data: ThemedDayGrid, target: Target) -> str:
        month = data.span.months[target.series]
        if target.item == 0 or not data.rows:
            if target.item == 0:
                rate, name = data.totals[target.series], data.scope.name
            else:
                rate, name = (
                    data.groups[target.item - 1].rates[target.series],
                    _group_name(data, target.item - 1),
                )
            return QCoreApplication.translate(
                "FrequencyTab",
                "{name}, {month}\nThemed Party day held by {count} of {total} pairings ({rate})",
            ).format(
                name=name,
                month=month_name(month),
                count=format_count(rate.count),
                total=format_count(rate.total),
                rate=format_rate(rate.percent),
            )
        row = data.rows[target.item - 1]
        state = row.state(month, target.series)
        if state is CellState.HELD:
            said = QCoreApplication.translate("FrequencyTab", "{count} themed Party days").format(
                count=row.themed_days[target.series]
            )
        elif state is CellState.MISSED:
            said = QCoreApplication.translate("FrequencyTab", "No themed Party day")
        else:
            said = _state_name(state)
        return QCoreApplication.translate(
            "FrequencyTab", "{grassroots} with {organ}\n{month}: {state}"
        ).format(grassroots=row.grassroots, organ=row.organ, month=month_name(month), state=said)

    def drill(self, data: ThemedDayGrid, target: Target) -> DrillDown | None:
        if target.item == 0:
            return None
        if data.rows:
            row = data.rows[target.item - 1]
            month = data.span.months[target.series]
            return DrillDown(PAIRINGS, row.grassroots_region_id, month=month, pairing_id=row.pairing_id)
        group = data.groups[target.item - 1].group
        if group.kind is GroupKind.REGION:
            # Down a level: the same chart for that region, one row per pairing or per part.
            return DrillDown(TAB_ID, group.id)
        return None


class ItemsSpec(MonthBarsSpec):
    """The three lists: items raised and ticked off (销号) per month; a bar opens the Lists tab."""

    id = "items"

    def name(self) -> str:
        return QCoreApplication.translate("FrequencyTab", "List items raised and ticked off")

    def read(self, ledger: Ledger, region_id: int, span: MonthSpan) -> ItemMonths:
        return plan_items.items_by_month(ledger, region_id, span)

    def title(self) -> str:
        return QCoreApplication.translate(
            "FrequencyTab", "{region}: list items raised and ticked off per month"
        )

    def subtitle(self, data: ItemMonths, wording: Wording) -> str:
        return QCoreApplication.translate(
            "FrequencyTab", "{period}; {opened} raised, {done} ticked off"
        ).format(
            period=span_text(data.span, wording),
            opened=format_count(sum(data.opened)),
            done=format_count(sum(data.done)),
        )

    def axis(self) -> str:
        return QCoreApplication.translate("FrequencyTab", "Items")

    def series(self) -> list[str]:
        return [
            QCoreApplication.translate("FrequencyTab", "Raised"),
            QCoreApplication.translate("FrequencyTab", "Ticked off"),
        ]

    def empty(self, region: str) -> str:
        return QCoreApplication.translate(
            "FrequencyTab", "{region} has no list items raised or ticked off in this period."
        ).format(region=region)

    def draw(self, figure: Figure, data: ItemMonths, text: MonthChartText) -> Targets:
        from branchdesk.charts.frequency import draw_items

        return draw_items(figure, data, text)

    def tooltip(self, data: ItemMonths, target: Target) -> str:
        return QCoreApplication.translate(
            "FrequencyTab", "{month}\nRaised: {opened}\nTicked off: {done}"
        ).format(
            month=month_name(data.span.months[target.item]),
            opened=format_count(data.opened[target.item]),
            done=format_count(data.done[target.item]),
        )


def _state_name(state: CellState) -> str:
    """A grid cell's state, as its legend names it."""
    return {
        CellState.HELD: QCoreApplication.translate("FrequencyTab", "Held"),
        CellState.MISSED: QCoreApplication.translate("FrequencyTab", "Not held"),
        CellState.PARTIAL: QCoreApplication.translate(
            "FrequencyTab", "Paired for part of the month (not counted)"
        ),
        CellState.INACTIVE: QCoreApplication.translate("FrequencyTab", "Not paired"),
    }[state]


def _group_name(data: ThemedDayGrid, index: int) -> str:
    group = data.groups[index].group
    if group.kind is GroupKind.OWN:
        return QCoreApplication.translate("FrequencyTab", "{region} (own)").format(region=group.name)
    return group.name


class FrequencyTab(ChartTab):
    def __init__(self, jobs: JobRunner, parent: QWidget | None = None) -> None:
        self._span: MonthSpan | None = None  # None until the ledger's default is known
        specs = [TypesSpec(), VolunteersSpec(), AreasSpec(), WeekdaySpec(), ThemedDaysSpec(), ItemsSpec()]
        super().__init__(jobs, TAB_ID, specs, parent)
        self.retranslate()

    # -- period: a range of months -------------------------------------------------------------------

    def build_period(self, layout: QHBoxLayout) -> None:
        self.from_label = QLabel(self)
        # Enter charts the months typed; text that is no month is marked beside the field.
        self.first_month = MonthLineEdit(self, keep_enter=True)
        self.first_month.setObjectName("firstMonth")
        self.to_label = QLabel(self)
        self.last_month = MonthLineEdit(self, keep_enter=True)
        self.last_month.setObjectName("lastMonth")
        for edit in (self.first_month, self.last_month):
            edit.setEnabled(False)
            edit.value_edited.connect(self._months_edited)
        layout.addWidget(self.from_label)
        layout.addWidget(MarkedField(self.first_month, beside=True))
        layout.addWidget(self.to_label)
        layout.addWidget(MarkedField(self.last_month, beside=True))

    def reset_period(self) -> None:
        self._span = None  # the new ledger's default comes with its first chart
        for edit in (self.first_month, self.last_month):
            edit.setEnabled(False)

    def set_span(self, span: MonthSpan) -> None:
        """Show ``span`` in the editors and chart it."""
        self._show_span(span)
        self.update_chart()

    def _show_span(self, span: MonthSpan) -> None:
        self._span = span
        for edit, month in ((self.first_month, span.first), (self.last_month, span.last)):
            edit.set_value(month)
            edit.setEnabled(True)

    def _months_edited(self) -> None:
        first, last = self.first_month.accepted(), self.last_month.accepted()
        if first is None or last is None:
            return
        if last < first:  # the other end follows
            first, last = (first, first) if self.sender() is self.first_month else (last, last)
        self._show_span(MonthSpan(first, last).clamped())
        self.period_edited()

    def period_key(self) -> Hashable:
        return self._span

    def settled_period(self, period: Hashable, data: object) -> Hashable:
        span = getattr(data, "span", None)
        if period is None and isinstance(span, MonthSpan):
            self._show_span(span)
            return span
        return period

    def retranslate_period(self) -> None:
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
