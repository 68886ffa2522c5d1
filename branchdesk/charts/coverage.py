"""The Coverage tab's charts: rates by part of a region, and the tier mix of the pairings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib import colormaps
from matplotlib.collections import QuadMesh
from matplotlib.colors import Normalize, to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from branchdesk.charts.base import (
    AMBER,
    GREY,
    INK,
    LABEL_SIZE,
    LIGHT_RED,
    MUTED,
    RED,
    VALUE_SIZE,
    Margins,
    Targets,
    category_labels,
    count_text,
    draw_bars,
    empty,
    fraction,
    labels_inches,
    percent_text,
    report_axes,
    start,
    value_labels,
    value_ticks,
)
from branchdesk.charts.frequency import legend
from branchdesk.domain.chart_data import GroupKind, RateBreakdown, StarMix, TierMatrix
from branchdesk.domain.enums import Tier
from branchdesk.domain.rates import Rate

# Up to this many bars stand upright with their names beneath; more lie down with their names beside.
UPRIGHT_MAX = 12
UPRIGHT_NAME_MAX = 6  # characters
UPRIGHT_SLOTS = 8  # fewer bars than this are drawn as narrow as this many would be


@dataclass(frozen=True)
class RateChartText:
    title: str
    subtitle: str
    labels: Sequence[str]  # one per item of the breakdown
    axis: str  # what the value axis measures, e.g. "覆盖率（%）"
    empty: str  # said when there is nothing to count


def rate_bars_upright(data: RateBreakdown, labels: Sequence[str]) -> bool:
    return len(data.items) <= UPRIGHT_MAX and all(len(label) <= UPRIGHT_NAME_MAX for label in labels)


def draw_rate_bars(figure: Figure, data: RateBreakdown, text: RateChartText) -> Targets:
    """One bar per part of the region, each with its truncated rate and its counts written on it."""
    targets = Targets()
    if not data.items:
        empty(figure, text.title, text.subtitle, text.empty)
        return targets
    upright = rate_bars_upright(data, text.labels)
    names = labels_inches(text.labels, LABEL_SIZE)
    start(
        figure,
        text.title,
        text.subtitle,
        Margins(left=0.85, bottom=0.5) if upright else Margins(left=names + 0.25, bottom=0.6),
    )
    axes = figure.add_subplot()
    rates = [item.rate for item in data.items]
    colours = [LIGHT_RED if item.group.kind is GroupKind.OWN else RED for item in data.items]
    values = [fraction(rate) for rate in rates]
    percents = range(0, 101, 20)
    if upright:
        draw_bars(axes, targets, values, colour=colours, width=0.58)
        category_labels(axes, text.labels, axis="x", size=LABEL_SIZE)
        # A few bars keep a bar's width, centred, rather than filling the page.
        spare = max(0, UPRIGHT_SLOTS - len(rates)) / 2
        axes.set_xlim(-0.5 - spare, len(rates) - 0.5 + spare)
        axes.set_ylim(0, 119)
        value_ticks(axes, percents, [f"{p}%" for p in percents], axis="y", title=text.axis)
        report_axes(axes, value_axis="y")
        value_labels(
            axes,
            [f"{percent_text(rate)}\n{_counts(rate)}" for rate in rates],
            [(i, value) for i, value in enumerate(values)],
            size=VALUE_SIZE,
            va="bottom",
            offset=(0, 3),
            linespacing=1.3,
        )
    else:
        draw_bars(axes, targets, values, colour=colours, width=0.62, horizontal=True)
        category_labels(axes, text.labels, axis="y", size=LABEL_SIZE)
        axes.set_ylim(len(rates) - 0.5, -0.5)
        axes.set_xlim(0, 132)
        value_ticks(axes, percents, [f"{p}%" for p in percents], axis="x", title=text.axis)
        report_axes(axes, value_axis="x")
        value_labels(
            axes,
            [f"{percent_text(rate)}  {_counts(rate)}" for rate in rates],
            [(value, i) for i, value in enumerate(values)],
            size=VALUE_SIZE,
            ha="left",
            offset=(4, 0),
        )
    return targets


def _counts(rate: Rate) -> str:
    return f"{count_text(rate.count)}/{count_text(rate.total)}"


@dataclass(frozen=True)
class TierChartText:
    title: str
    subtitle: str
    organ_axis: str
    grassroots_axis: str
    tiers: Mapping[Tier | None, str]  # the tiers' names, "ungraded" under None
    empty: str


def draw_tier_matrix(figure: Figure, data: TierMatrix, text: TierChartText) -> Targets:
    """Active pairings by the organ side's tier (rows) and the grassroots side's (columns), each cell with
    its count and its share of all; the strong→weak cell, the programme's aim, is outlined."""
    targets = Targets()
    total = data.total
    if not total:
        empty(figure, text.title, text.subtitle, text.empty)
        return targets
    rows, columns = data.organ_tiers(), data.grassroots_tiers()
    names = labels_inches([text.tiers[tier] for tier in rows], LABEL_SIZE)
    start(figure, text.title, text.subtitle, Margins(left=names + 0.6, top=1.45, bottom=0.25, right=0.4))
    axes = figure.add_subplot()
    counts = [[data.count(organ, grassroots) for grassroots in columns] for organ in rows]
    largest = max(max(row) for row in counts)
    # One mesh with white edges between the cells, names and numbers as labels: ticks and an image cost
    # more to draw than the whole rest of the chart.
    x, y = np.meshgrid(np.arange(len(columns) + 1) - 0.5, np.arange(len(rows) + 1) - 0.5)
    shades = Normalize(0, largest * 1.15)
    axes.add_collection(
        QuadMesh(
            np.stack([x, y], axis=-1),
            facecolors=colormaps["Reds"](shades(np.array(counts, dtype=float).ravel())),
            edgecolors="white",
            linewidths=3,
        ),
        autolim=False,
    )
    axes.set_xlim(-0.5, len(columns) - 0.5)
    axes.set_ylim(len(rows) - 0.5, -0.5)
    category_labels(axes, [text.tiers[tier] for tier in columns], axis="x", size=LABEL_SIZE, top=True)
    category_labels(axes, [text.tiers[tier] for tier in rows], axis="y", size=LABEL_SIZE)
    axes.set_xlabel(text.grassroots_axis, fontsize=LABEL_SIZE, color=MUTED, labelpad=22)
    axes.xaxis.set_label_position("top")
    axes.set_ylabel(text.organ_axis, fontsize=LABEL_SIZE, color=MUTED, labelpad=8 + 72 * names)
    for spine in axes.spines.values():
        spine.set_visible(False)
    cells = [(c, r, count) for r, row in enumerate(counts) for c, count in enumerate(row)]
    for dark in (False, True):  # white numbers on the darker cells
        shown = [(c, r, count) for c, r, count in cells if (count > largest * 0.55) == dark]
        value_labels(
            axes,
            [f"{count_text(count)}\n{percent_text(Rate(count, total))}" for _, _, count in shown],
            [(c, r) for c, r, _ in shown],
            size=LABEL_SIZE + 1,
            linespacing=1.4,
            color="white" if dark else INK,
        )
    if Tier.STRONG in rows and Tier.WEAK in columns:
        r, c = rows.index(Tier.STRONG), columns.index(Tier.WEAK)
        # Inside the white gaps between cells, and in a colour that shows on dark red and on white.
        inset = 0.05
        outline = Rectangle(
            (c - 0.5 + inset, r - 0.5 + inset), 1 - 2 * inset, 1 - 2 * inset, fill=False, edgecolor=AMBER
        )
        outline.set_linewidth(3)
        outline.set_zorder(3)
        axes.add_patch(outline)
    targets.add_grid(axes, len(rows), len(columns))
    return targets


# Five stars darkest, one star lightest, not rated grey: the layers from the left.
STAR_ORDER = (5, 4, 3, 2, 1, 0)
STAR_COLOURS = (*(to_hex(colormaps["Reds"](level)) for level in (0.9, 0.72, 0.55, 0.38, 0.22)), GREY)


@dataclass(frozen=True)
class StarChartText:
    title: str
    subtitle: str
    labels: Sequence[str]  # one per part
    stars: Sequence[str]  # the layers' names, in STAR_ORDER
    totals: Sequence[str]  # each part's count of branches, written at its bar's end
    axis: str
    empty: str


def draw_star_mix(figure: Figure, data: StarMix, text: StarChartText) -> Targets:
    """One bar per part of the region, its grassroots branches' shares by stars stacked from five stars
    to not rated, with the part's count of branches at its end. Targets: item = part, series = index in
    STAR_ORDER."""
    targets = Targets()
    if not data.items:
        empty(figure, text.title, text.subtitle, text.empty)
        return targets
    names = labels_inches(text.labels, LABEL_SIZE)
    key = labels_inches(text.stars, LABEL_SIZE) + 0.45
    start(figure, text.title, text.subtitle, Margins(left=names + 0.25, right=key, bottom=0.6))
    axes = figure.add_subplot()
    starts = [0.0] * len(data.items)
    for series, stars in enumerate(STAR_ORDER):
        shares = [100 * item.counts.get(stars, 0) / item.total for item in data.items]
        draw_bars(
            axes,
            targets,
            shares,
            colour=STAR_COLOURS[series],
            width=0.62,
            starts=starts,
            horizontal=True,
            series=series,
        )
        starts = [begun + share for begun, share in zip(starts, shares, strict=True)]
    category_labels(axes, text.labels, axis="y", size=LABEL_SIZE)
    axes.set_ylim(len(data.items) - 0.5, -0.5)
    axes.set_xlim(0, 116)
    percents = range(0, 101, 20)
    value_ticks(axes, percents, [f"{p}%" for p in percents], axis="x", title=text.axis)
    report_axes(axes, value_axis="x")
    value_labels(
        axes,
        text.totals,
        [(100, i) for i in range(len(data.items))],
        size=VALUE_SIZE,
        ha="left",
        offset=(4, 0),
    )
    legend(axes, STAR_COLOURS, text.stars)
    return targets
