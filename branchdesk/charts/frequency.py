"""The Activity frequency tab's charts: activities and volunteers per month, the six areas, the weekend
rule, and the themed-Party-day grid."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection, QuadMesh
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import Affine2D, ScaledTranslation

from branchdesk.charts.base import (
    AMBER,
    BLUE,
    GREEN,
    GREY,
    INK,
    LABEL_SIZE,
    MUTED,
    RED,
    SMALL_SIZE,
    VALUE_SIZE,
    Margins,
    Targets,
    category_labels,
    count_text,
    draw_bars,
    empty,
    labels_inches,
    month_ticks,
    percent_text,
    pitch,
    report_axes,
    start,
    text_points,
    value_labels,
    value_ticks,
    write,
)
from branchdesk.domain.chart_data import (
    AreaCounts,
    CellState,
    MonthlyActivity,
    ThemedDayGrid,
    WeekdayShare,
)
from branchdesk.domain.enums import ActivityType, Area
from branchdesk.domain.plan_items import ItemMonths
from branchdesk.domain.rates import Rate

# Stacking order, bottom up: the monthly themed Party day first, the key tasks next.
TYPE_ORDER = (
    ActivityType.THEMED_DAY,
    ActivityType.KEY_TASK,
    ActivityType.LECTURE,
    ActivityType.VISIT,
    ActivityType.VOLUNTEER,
    ActivityType.OTHER,
)
TYPE_COLOURS = {
    ActivityType.THEMED_DAY: RED,
    ActivityType.KEY_TASK: AMBER,
    ActivityType.LECTURE: BLUE,
    ActivityType.VISIT: GREEN,
    ActivityType.VOLUNTEER: "#7B5EA7",
    ActivityType.OTHER: GREY,
}
WEEKDAY_COLOURS = (GREEN, AMBER, RED)  # non-working day, working day with a reason, without one
CELL_COLOURS = {
    CellState.HELD: GREEN,
    CellState.MISSED: "#D9534F",
    CellState.PARTIAL: "#D5D8DC",
    CellState.INACTIVE: "#FFFFFF",
}
NO_DATA = "#EEEEEE"
GRID_ROW_MAX = 0.36  # inches: the tallest a grid's row is drawn
# Compliance from 60 % (red) to 100 % (green): the range where the programme's months differ.
COMPLIANCE = LinearSegmentedColormap.from_list("compliance", ["#D9534F", "#F3C969", "#2E8B57"])
COMPLIANCE_FLOOR = 0.6


@dataclass(frozen=True)
class MonthChartText:
    title: str
    subtitle: str
    months: Sequence[str]  # tick labels, one per month of the span
    axis: str
    empty: str
    series: Sequence[str] = ()  # legend entries, where there are layers


def _values_on_bars(axes: Axes, values: Sequence[float], texts: Sequence[str]) -> None:
    """Each bar's value on top: level where the values fit side by side, else upright where they fit
    so, else none (the tooltip says each bar's value): never text that runs into its neighbour's."""
    room = pitch(axes, "x")
    sizes = text_points([t for t in texts if t], SMALL_SIZE)
    widest = max((w for w, _ in sizes), default=0.0)
    tallest = max((h for _, h in sizes), default=0.0)
    gap = SMALL_SIZE * 0.4
    if widest + gap <= room:
        rotation = 0
    elif tallest + gap <= room:
        rotation = 90
    else:
        return
    value_labels(
        axes,
        texts,
        [(i, value) for i, value in enumerate(values)],
        size=SMALL_SIZE,
        va="bottom",
        offset=(0, 2),
        rotation=rotation,
    )


def _month_axes(figure: Figure, text: MonthChartText, top: float) -> Axes:
    """The axes of a chart by month, with counts up to ``top`` along y and the months along x."""
    legend = labels_inches(text.series, LABEL_SIZE) + 0.45 if text.series else 0.3
    start(figure, text.title, text.subtitle, Margins(left=0.85, right=legend, bottom=0.6))
    axes = figure.add_subplot()
    report_axes(axes, value_axis="y")
    _count_axis(axes, top, text.axis)  # first: wide counts widen the left margin
    month_ticks(axes, text.months)
    return axes


def _count_axis(axes: Axes, top: float, title: str) -> None:
    """Room above the tallest bar for its number, and the counts along y up to there."""
    limit = max(top, 1) * 1.14
    axes.set_ylim(0, limit)
    # Counts are whole: no ticks between them (a month of 3 activities would read 0 1 1 2 2 3).
    steps = MaxNLocator(nbins=8, steps=[1, 2, 2.5, 5, 10], integer=True)
    ticks = [t for t in steps.tick_values(0, limit) if 0 <= t <= limit]
    value_ticks(axes, ticks, [count_text(int(t)) for t in ticks], axis="y", title=title)


def legend(axes: Axes, colours: Sequence[str], names: Sequence[str]) -> None:
    """A key right of the axes, top aligned: a swatch and a name a line, laid out in points from the
    axes' top right corner (matplotlib's legend lays itself out anew on every drawing, at the cost of a
    third of the chart)."""
    figure = axes.get_figure(root=True)
    assert figure is not None
    points = Affine2D().scale(1 / 72) + figure.dpi_scale_trans + ScaledTranslation(1, 1, axes.transAxes)  # type: ignore[arg-type]
    line = LABEL_SIZE * 1.5
    centres = [-LABEL_SIZE * 0.75 - line * (i + 0.5) for i in range(len(names))]
    left, width, height = LABEL_SIZE * 0.8, LABEL_SIZE * 1.2, LABEL_SIZE * 0.7
    swatches = [
        [
            (left, y - height / 2),
            (left, y + height / 2),
            (left + width, y + height / 2),
            (left + width, y - height / 2),
        ]
        for y in centres
    ]
    axes.add_artist(
        PolyCollection(swatches, facecolors=list(colours), edgecolors="none", transform=points, clip_on=False)
    )
    write(
        axes,
        names,
        [(left + width + LABEL_SIZE * 0.8, y) for y in centres],
        points,
        size=LABEL_SIZE,
        color=INK,
        ha="left",
    )


def draw_monthly_types(figure: Figure, data: MonthlyActivity, text: MonthChartText) -> Targets:
    """Activities per month, stacked by type, with each month's total on top. Targets: item = month,
    series = index in TYPE_ORDER."""
    targets = Targets()
    if not data.count:
        empty(figure, text.title, text.subtitle, text.empty)
        return targets
    months = len(data.span.months)
    totals = [data.total(i) for i in range(months)]
    axes = _month_axes(figure, text, max(totals))
    bottoms = np.zeros(months)
    for series, activity_type in enumerate(TYPE_ORDER):
        values = np.array(data.counts[activity_type], dtype=float)
        colour = TYPE_COLOURS[activity_type]
        draw_bars(axes, targets, list(values), colour=colour, width=0.66, starts=list(bottoms), series=series)
        bottoms += values
    _values_on_bars(axes, totals, [count_text(t) if t else "" for t in totals])
    legend(axes, [TYPE_COLOURS[t] for t in TYPE_ORDER], text.series)
    return targets


def draw_volunteers(figure: Figure, data: MonthlyActivity, text: MonthChartText) -> Targets:
    """Volunteer person-times per month, each bar with its number."""
    targets = Targets()
    if not any(data.volunteers):
        empty(figure, text.title, text.subtitle, text.empty)
        return targets
    axes = _month_axes(figure, text, max(data.volunteers))
    draw_bars(axes, targets, data.volunteers, colour=BLUE, width=0.66)
    _values_on_bars(axes, data.volunteers, [count_text(v) if v else "" for v in data.volunteers])
    return targets


@dataclass(frozen=True)
class AreaChartText:
    title: str
    subtitle: str
    areas: Mapping[Area, str]
    axis: str
    empty: str


def draw_areas(figure: Figure, data: AreaCounts, text: AreaChartText) -> Targets:
    """Activities touching each of the six areas (in the article's order), with the share of all
    activities; an activity may touch several areas, so the shares need not add up to 100 %."""
    targets = Targets()
    if not data.activities:
        empty(figure, text.title, text.subtitle, text.empty)
        return targets
    areas = list(Area)
    names = labels_inches([text.areas[area] for area in areas], LABEL_SIZE + 1)
    start(figure, text.title, text.subtitle, Margins(left=names + 0.3, bottom=0.6))
    axes = figure.add_subplot()
    counts = [data.counts.get(area, 0) for area in areas]
    draw_bars(axes, targets, counts, colour=RED, width=0.6, horizontal=True)
    category_labels(axes, [text.areas[area] for area in areas], axis="y", size=LABEL_SIZE + 1)
    axes.set_ylim(len(areas) - 0.5, -0.5)
    top = max(counts) or 1
    axes.set_xlim(0, top * 1.3)
    # Ticks up to the longest bar only: the room beyond it is for the written numbers.
    ticks = [t for t in MaxNLocator(nbins=5, integer=True).tick_values(0, top) if 0 <= t <= top]
    report_axes(axes, value_axis="x")
    value_ticks(axes, ticks, [count_text(int(t)) for t in ticks], axis="x", title=text.axis)
    value_labels(
        axes,
        [f"{count_text(counts[i])}  {percent_text(data.share(area))}" for i, area in enumerate(areas)],
        [(count, i) for i, count in enumerate(counts)],
        size=VALUE_SIZE + 1,
        ha="left",
        offset=(4, 0),
    )
    return targets


def draw_weekday(figure: Figure, data: WeekdayShare, text: MonthChartText) -> Targets:
    """Routine activities per month by day (non-working; working with a reason; working without one),
    with the non-working share on top. Targets: item = month, series = 0, 1, 2 as listed."""
    targets = Targets()
    if not any(month.routine for month in data.months):
        empty(figure, text.title, text.subtitle, text.empty)
        return targets
    routine = [m.routine for m in data.months]
    axes = _month_axes(figure, text, max(routine))
    layers = [
        [m.non_working for m in data.months],
        [m.weekday_excused for m in data.months],
        [m.weekday for m in data.months],
    ]
    bottoms = np.zeros(len(data.months))
    for series, (values, colour) in enumerate(zip(layers, WEEKDAY_COLOURS, strict=True)):
        draw_bars(axes, targets, values, colour=colour, width=0.66, starts=list(bottoms), series=series)
        bottoms += np.array(values, dtype=float)
    _values_on_bars(
        axes, routine, [percent_text(m.non_working_share) if m.routine else "" for m in data.months]
    )
    legend(axes, list(WEEKDAY_COLOURS), text.series)
    return targets


@dataclass(frozen=True)
class GridChartText:
    title: str
    subtitle: str
    months: Sequence[str]
    rows: Sequence[str]  # the total's row first, then one per group or pairing
    states: Mapping[CellState, str]  # legend of a grid of pairings
    empty: str


def grid_rows(data: ThemedDayGrid) -> int:
    """Rows the grid draws: the region's total, then its parts or its pairings."""
    return 1 + (len(data.rows) if data.rows else len(data.groups))


def draw_themed_day_grid(figure: Figure, data: ThemedDayGrid, text: GridChartText) -> Targets:
    """Monthly themed-Party-day compliance: a first row with the region's rate per month, then a row per
    part of the region (its rate, coloured from red to green) or per pairing (held, missed, or not
    counted because the pairing did not span the month). Targets: item = row, series = month."""
    targets = Targets()
    if not data.pairings:
        empty(figure, text.title, text.subtitle, text.empty)
        return targets
    months = data.span.months
    names = labels_inches(text.rows, 8 if data.rows else LABEL_SIZE)
    legend = 0.45 if data.rows else 0.2
    start(figure, text.title, text.subtitle, Margins(left=names + 0.2, top=1.4, bottom=legend, right=0.2))
    axes = figure.add_subplot()
    rows = grid_rows(data)
    _no_taller_than(axes, rows * GRID_ROW_MAX)
    rates: list[Sequence[Rate]] = [data.totals]
    if not data.rows:
        rates += [group.rates for group in data.groups]
    colours = np.ones((rows, len(months), 4))
    colours[: len(rates)] = _rate_colours(rates)
    state_colours = {state: _hex(colour) for state, colour in CELL_COLOURS.items()}
    for r, pairing in enumerate(data.rows, start=1):
        for c, month in enumerate(months):
            colours[r, c] = state_colours[pairing.state(month, c)]
    # The cells as one mesh, its white edges the lines between them: an image is resampled to the
    # canvas on every drawing, and a collection of rectangles draws each one as a path; a mesh is
    # drawn in one go, at half an image's cost or less.
    x, y = np.meshgrid(np.arange(len(months) + 1) - 0.5, np.arange(rows + 1) - 0.5)
    cells = QuadMesh(
        np.stack([x, y], axis=-1), facecolors=colours.reshape(-1, 4), edgecolors="white", linewidths=1.5
    )
    axes.add_collection(cells, autolim=False)
    axes.set_ylim(rows - 0.5, -0.5)
    month_ticks(axes, text.months, top=True)
    # The written rates: the total's row always, and each part's when the grid is of parts; none where
    # they would not fit in their cells (many months), the colours and tooltips telling then.
    written = [_short_percent(rate) for row in rates for rate in row]
    widest = max((w for w, _ in text_points(sorted(set(written)), SMALL_SIZE)), default=0.0)
    if widest + 2 <= pitch(axes, "x"):
        value_labels(
            axes, written, [(c, r) for r, row in enumerate(rates) for c in range(len(row))], size=SMALL_SIZE
        )
    category_labels(axes, text.rows, axis="y", size=8 if data.rows else LABEL_SIZE)
    for spine in axes.spines.values():
        spine.set_visible(False)
    axes.axhline(0.5, color=INK, linewidth=1.2)
    if data.rows:
        states = [CellState.HELD, CellState.MISSED, CellState.PARTIAL]
        _bottom_legend(axes, [CELL_COLOURS[s] for s in states], [text.states[s] for s in states])
    targets.add_grid(axes, rows, len(months))
    return targets


def _no_taller_than(axes: Axes, inches: float) -> None:
    """Axes at most ``inches`` tall, kept at the top: a grid of a few rows is read as rows, not as bands
    across the page."""
    figure = axes.get_figure(root=True)
    assert figure is not None
    box = axes.get_position()
    height = inches / float(figure.get_size_inches()[1])
    if height < box.height:
        axes.set_position((box.x0, box.y1 - height, box.width, height))


def _bottom_legend(axes: Axes, colours: Sequence[str], names: Sequence[str]) -> None:
    handles = [
        Patch(facecolor=colour, edgecolor=MUTED, linewidth=0.5, label=name)
        for colour, name in zip(colours, names, strict=True)
    ]
    axes.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(0.0, 0.0),
        ncols=len(handles),
        fontsize=LABEL_SIZE,
        frameon=False,
        handlelength=1.2,
    )


def _hex(colour: str) -> tuple[float, float, float, float]:
    value = colour.lstrip("#")
    red, green, blue = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return red, green, blue, 1.0


def _rate_colours(rows: Sequence[Sequence[Rate]]) -> np.ndarray:
    """Each rate's colour (rows × months × RGBA), the colour map applied to all at once."""
    counts = np.array([[rate.count for rate in row] for row in rows], dtype=float)
    totals = np.array([[rate.total for rate in row] for row in rows], dtype=float)
    shares = np.divide(counts, totals, out=np.zeros_like(counts), where=totals > 0)
    colours: np.ndarray = np.asarray(
        COMPLIANCE(np.clip((shares - COMPLIANCE_FLOOR) / (1 - COMPLIANCE_FLOOR), 0.0, 1.0))
    )
    # Lightened, so that the written numbers stay readable on every colour.
    colours[..., :3] = 0.55 + 0.45 * colours[..., :3]
    colours[totals == 0] = _hex(NO_DATA)
    return colours


def _short_percent(rate: Rate) -> str:
    """A cell's rate without the % sign (the legend says it is a percentage): "96.09", "100.00", "—"."""
    return percent_text(rate).removesuffix("%")


# The lists' chart: raised in blue, ticked off (销号) in green, side by side.
ITEM_COLOURS = (BLUE, GREEN)


def draw_items(figure: Figure, data: ItemMonths, text: MonthChartText) -> Targets:
    """Items of the three lists raised and ticked off per month, two bars a month. Targets: item = month,
    series = 0 (raised) or 1 (ticked off)."""
    targets = Targets()
    if not any(data.opened) and not any(data.done):
        empty(figure, text.title, text.subtitle, text.empty)
        return targets
    axes = _month_axes(figure, text, max(*data.opened, *data.done))
    for series, values in enumerate((data.opened, data.done)):
        shift = -0.19 if series == 0 else 0.19
        draw_bars(axes, targets, values, colour=ITEM_COLOURS[series], width=0.36, series=series, shift=shift)
    legend(axes, list(ITEM_COLOURS), text.series)
    return targets
