"""The Activity frequency tab: activities per month by type, volunteer person-times per month, the six
areas, the weekend rule, and the themed-Party-day grid, over a range of months (DESIGN.md §3)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale
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
from branchdesk.domain.clock import Clock
from branchdesk.domain.enums import ActivityType, Area, RegionLevel
from branchdesk.domain.months import Month
from branchdesk.i18n.language import format_count, format_month, format_rate
from branchdesk.services import charts
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.jobs.background_charts import Compute
from branchdesk.ui.labels import activity_type_label, area_label, current_language, level_label
from branchdesk.ui.tabs.chart import ChartTab, DrillDown
from branchdesk.ui.widgets import MarkedField, MonthLineEdit

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from branchdesk.charts.base import Target, Targets

TAB_ID = "activity-frequency"
ACTIVITIES = "activities"  # the Activities tab, where a bar's activities will be listed
PAIRINGS = "pairings"

TYPES = "types"
VOLUNTEERS = "volunteers"
AREAS = "areas"
WEEKDAY = "weekday"
THEMED_DAYS = "themed-days"


class FrequencyTab(ChartTab):
    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        self._span: MonthSpan | None = None  # None until the ledger's default is known
        super().__init__(clock, TAB_ID, parent)
        self.retranslate()

    # -- charts --------------------------------------------------------------------------------------

    def chart_ids(self) -> list[str]:
        return [TYPES, VOLUNTEERS, AREAS, WEEKDAY, THEMED_DAYS]

    def chart_name(self, chart_id: str) -> str:
        return {
            TYPES: self.tr("Activities per month"),
            VOLUNTEERS: self.tr("Volunteers per month"),
            AREAS: self.tr("Six areas"),
            WEEKDAY: self.tr("Weekend rule"),
            THEMED_DAYS: self.tr("Themed Party days"),
        }[chart_id]

    def type_name(self, activity_type: ActivityType) -> str:
        return activity_type_label(activity_type)

    def area_name(self, area: Area) -> str:
        return area_label(area)

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

    def settled_key(self, key: tuple[str, int, Hashable], data: object) -> tuple[str, int, Hashable]:
        span = getattr(data, "span", None)
        if key[2] is None and isinstance(span, MonthSpan):
            self._show_span(span)
            return (key[0], key[1], span)
        return key

    def retranslate_period(self) -> None:
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))

    # -- computing and drawing -----------------------------------------------------------------------

    def compute(self, chart_id: str, region_id: int, period: Hashable) -> Compute:
        chosen = period if isinstance(period, MonthSpan) else None

        def run(ledger: Ledger) -> object:
            span = chosen or charts.default_span(ledger)
            if chart_id in (TYPES, VOLUNTEERS):
                return charts.monthly_activity(ledger, region_id, span)
            if chart_id == AREAS:
                return charts.area_counts(ledger, region_id, span)
            if chart_id == WEEKDAY:
                return charts.weekday_share(ledger, region_id, span)
            return charts.themed_day_grid(ledger, region_id, span)

        return run

    def data_id(self, chart_id: str) -> str:
        return TYPES if chart_id == VOLUNTEERS else chart_id

    def rows(self, chart_id: str, data: Any) -> int:
        if isinstance(data, ThemedDayGrid):
            from branchdesk.charts.frequency import grid_rows

            return grid_rows(data)
        return 0

    def month_labels(self, span: MonthSpan) -> list[str]:
        """Short month names, with the year under the first month and under each January."""
        locale = QLocale()
        labels = []
        for i, month in enumerate(span.months):
            label = locale.monthName(month.month, QLocale.FormatType.ShortFormat)
            if i == 0 or month.month == 1:
                label += "\n" + self.tr("{year}").format(year=month.year)
            labels.append(label)
        return labels

    def span_text(self, span: MonthSpan) -> str:
        language = current_language()
        first = format_month(span.first.year, span.first.month, language)
        last = format_month(span.last.year, span.last.month, language)
        return (
            first if span.first == span.last else self.tr("{first} to {last}").format(first=first, last=last)
        )

    def draw(self, chart_id: str, figure: Figure, data: Any) -> Targets:
        from branchdesk.charts import frequency

        region = data.scope.name
        span = data.span
        months = self.month_labels(span)
        period = self.span_text(span)
        nothing = self.tr("{region} has no activities in this period.").format(region=region)
        if chart_id == TYPES:
            assert isinstance(data, MonthlyActivity)
            return frequency.draw_monthly_types(
                figure,
                data,
                frequency.MonthChartText(
                    title=self.tr("{region}: activities per month, by type").format(region=region),
                    subtitle=self.tr("{period}; {count} activities in all").format(
                        period=period, count=format_count(data.count)
                    ),
                    months=months,
                    axis=self.tr("Activities"),
                    empty=nothing,
                    series=[self.type_name(t) for t in frequency.TYPE_ORDER],
                ),
            )
        if chart_id == VOLUNTEERS:
            assert isinstance(data, MonthlyActivity)
            return frequency.draw_volunteers(
                figure,
                data,
                frequency.MonthChartText(
                    title=self.tr("{region}: Party-member volunteers per month").format(region=region),
                    subtitle=self.tr("{period}; {count} person-times in all").format(
                        period=period, count=format_count(sum(data.volunteers))
                    ),
                    months=months,
                    axis=self.tr("Person-times"),
                    empty=nothing,
                ),
            )
        if chart_id == AREAS:
            assert isinstance(data, AreaCounts)
            return frequency.draw_areas(
                figure,
                data,
                frequency.AreaChartText(
                    title=self.tr("{region}: activities by the six areas").format(region=region),
                    subtitle=self.tr(
                        "{period}; share of the {count} activities (an activity may serve several areas)"
                    ).format(period=period, count=format_count(data.activities)),
                    areas={area: self.area_name(area) for area in Area},
                    axis=self.tr("Activities"),
                    empty=nothing,
                ),
            )
        if chart_id == WEEKDAY:
            assert isinstance(data, WeekdayShare)
            context = self.tr(
                "{period}; on each bar, the share held on non-working days ({rate} in all); "
                "key-task activities are exempt"
            ).format(period=period, rate=format_rate(data.non_working_share.percent))
            if data.years_without_holiday_data:
                context += self.tr("; no official holiday calendar for {years}: weekends only").format(
                    years=", ".join(str(y) for y in data.years_without_holiday_data)
                )
            return frequency.draw_weekday(
                figure,
                data,
                frequency.MonthChartText(
                    title=self.tr("{region}: routine activities by day (weekend rule)").format(region=region),
                    subtitle=context,
                    months=months,
                    axis=self.tr("Routine activities"),
                    empty=nothing,
                    series=[
                        self.tr("Non-working day"),
                        self.tr("Working day, reason given"),
                        self.tr("Working day, no reason"),
                    ],
                ),
            )
        assert isinstance(data, ThemedDayGrid)
        return frequency.draw_themed_day_grid(figure, data, self._grid_text(data, months, period))

    def _grid_text(self, data: ThemedDayGrid, months: list[str], period: str) -> Any:
        from branchdesk.charts.frequency import GridChartText

        context = self.tr(
            "{period}; share of the pairings active for the whole month that held a themed Party day (%)"
        ).format(period=period)
        if data.aggregated:
            below = [g.group.level for g in data.groups if g.group.kind is GroupKind.REGION]
            level = below[0] if below and below[0] is not None else RegionLevel.TOWNSHIP
            context += self.tr("; {count} pairings, one row per {level}").format(
                count=format_count(data.pairings), level=level_label(level)
            )
        elif len(data.rows) < data.pairings:
            context += self.tr("; the first {shown} of {count} pairings").format(
                shown=format_count(len(data.rows)), count=format_count(data.pairings)
            )
        if data.rows:
            rows = [row.grassroots.removesuffix("党支部") for row in data.rows]
        else:
            rows = [self._group_name(data, i) for i in range(len(data.groups))]
        return GridChartText(
            title=self.tr("{region}: themed Party days per month").format(region=data.scope.name),
            subtitle=context,
            months=months,
            rows=[self.tr("{region} in all").format(region=data.scope.name), *rows],
            states={
                CellState.HELD: self.tr("Held"),
                CellState.MISSED: self.tr("Not held"),
                CellState.PARTIAL: self.tr("Paired for part of the month (not counted)"),
                CellState.INACTIVE: self.tr("Not paired"),
            },
            empty=self.tr("{region} has no pairings in this period.").format(region=data.scope.name),
        )

    def _group_name(self, data: ThemedDayGrid, index: int) -> str:
        group = data.groups[index].group
        if group.kind is GroupKind.OWN:
            return self.tr("{region} (own)").format(region=group.name)
        return group.name

    def export_title(self) -> str:
        data = self.data
        span = getattr(data, "span", None)
        scope = getattr(data, "scope", None)
        parts = [getattr(scope, "name", ""), self.chart_name(self.chart_id)]
        if isinstance(span, MonthSpan):
            parts.append(f"{span.first}—{span.last}")
        return " ".join(part for part in parts if part)

    # -- hover and click -----------------------------------------------------------------------------

    def _month_name(self, month: Month) -> str:
        return format_month(month.year, month.month, current_language())

    def tooltip(self, chart_id: str, data: Any, target: Target) -> str:
        if isinstance(data, MonthlyActivity):
            month = data.span.months[target.item]
            if chart_id == VOLUNTEERS:
                return self.tr("{month}\nVolunteer person-times: {count}").format(
                    month=self._month_name(month), count=format_count(data.volunteers[target.item])
                )
            from branchdesk.charts.frequency import TYPE_ORDER

            activity_type = TYPE_ORDER[target.series]
            return self.tr("{month}\n{type}: {count}\nAll activities: {total}").format(
                month=self._month_name(month),
                type=self.type_name(activity_type),
                count=format_count(data.counts[activity_type][target.item]),
                total=format_count(data.total(target.item)),
            )
        if isinstance(data, AreaCounts):
            area = list(Area)[target.item]
            return self.tr("{area}: {count} of {total} activities ({share})").format(
                area=self.area_name(area),
                count=format_count(data.counts.get(area, 0)),
                total=format_count(data.activities),
                share=format_rate(data.share(area).percent),
            )
        if isinstance(data, WeekdayShare):
            counts = data.months[target.item]
            return self.tr(
                "{month}\nNon-working days: {non_working}\nWorking days, reason given: {excused}\n"
                "Working days, no reason: {weekday}\nKey-task activities (exempt): {key_task}"
            ).format(
                month=self._month_name(counts.month),
                non_working=format_count(counts.non_working),
                excused=format_count(counts.weekday_excused),
                weekday=format_count(counts.weekday),
                key_task=format_count(counts.key_task),
            )
        assert isinstance(data, ThemedDayGrid)
        month = data.span.months[target.series]
        if target.item == 0 or not data.rows:
            rate = (
                data.totals[target.series]
                if target.item == 0
                else data.groups[target.item - 1].rates[target.series]
            )
            name = data.scope.name if target.item == 0 else self._group_name(data, target.item - 1)
            return self.tr(
                "{name}, {month}\nThemed Party day held by {count} of {total} pairings ({rate})"
            ).format(
                name=name,
                month=self._month_name(month),
                count=format_count(rate.count),
                total=format_count(rate.total),
                rate=format_rate(rate.percent),
            )
        row = data.rows[target.item - 1]
        state = row.state(month, target.series)
        states = {
            CellState.HELD: self.tr("{count} themed Party days").format(count=row.themed_days[target.series]),
            CellState.MISSED: self.tr("No themed Party day"),
            CellState.PARTIAL: self.tr("Paired for part of the month (not counted)"),
            CellState.INACTIVE: self.tr("Not paired"),
        }
        return self.tr("{grassroots} with {organ}\n{month}: {state}").format(
            grassroots=row.grassroots, organ=row.organ, month=self._month_name(month), state=states[state]
        )

    def drill(self, chart_id: str, data: Any, target: Target) -> DrillDown | None:
        scope = data.scope.id
        if isinstance(data, MonthlyActivity):
            from branchdesk.charts.frequency import TYPE_ORDER

            month = data.span.months[target.item]
            activity_type = None if chart_id == VOLUNTEERS else TYPE_ORDER[target.series]
            return DrillDown(ACTIVITIES, scope, month=month, activity_type=activity_type)
        if isinstance(data, AreaCounts):
            return DrillDown(ACTIVITIES, scope, area=list(Area)[target.item])
        if isinstance(data, WeekdayShare):
            return DrillDown(ACTIVITIES, scope, month=data.months[target.item].month)
        assert isinstance(data, ThemedDayGrid)
        month = data.span.months[target.series]
        if target.item == 0:
            return None
        if data.rows:
            row = data.rows[target.item - 1]
            return DrillDown(PAIRINGS, row.grassroots_region_id, month=month, pairing_id=row.pairing_id)
        group = data.groups[target.item - 1].group
        if group.kind is GroupKind.REGION:
            # Down a level: the same chart for that region, one row per pairing or per part.
            return DrillDown(TAB_ID, group.id)
        return None
