"""What every chart shares: the look of a printed report, titles, labels no denser than can be read, and
where each drawn item lies.

Importing anything here imports the package first, which registers the Chinese font. Charts draw into a
Figure they are given (a fresh one each time: the picture a worker renders for the screen, or a page for
export) and return the :class:`Targets` they drew, so that the window can say what lies under the mouse
(a bar, a grid cell) and open the matching rows when it is clicked. Only matplotlib's public API is used:
text is matplotlib's own ``Text``, so PDF and SVG keep real text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.text import Text
from matplotlib.transforms import ScaledTranslation, Transform

from branchdesk.domain.rates import Rate

HAlign = Literal["left", "center", "right"]
VAlign = Literal["top", "center", "bottom", "baseline"]

# Sizes in points; a screen figure has 100 dots per inch, a printed one 300.
TITLE_SIZE = 13
SUBTITLE_SIZE = 9.5
LABEL_SIZE = 9
VALUE_SIZE = 8
SMALL_SIZE = 7.5

INK = "#222222"
MUTED = "#666666"
GRID = "#DDDDDD"
RED = "#B22222"  # the programme's own colour, for the headline bars
LIGHT_RED = "#D9807A"  # a region's own part (市直): not a region of its own
GREEN = "#2E8B57"
AMBER = "#E8A33D"
GREY = "#B8BCC2"
BLUE = "#2F6DB5"

# Height of one row of a horizontal bar chart or grid, in inches (about 20 pixels on screen).
ROW_INCHES = 0.2
# Room a figure needs above and below its rows: title, subtitle, axis labels, legend.
FRAME_INCHES = 1.6


@dataclass(frozen=True)
class Target:
    """A drawn item: the index of its datum in the chart's data, and its series (a stack's layer, a
    grid's column)."""

    item: int
    series: int = 0


@dataclass(frozen=True)
class Hit:
    """Where a target lies on a rendered picture: a rectangle in the picture's logical pixels (device
    independent), from its top left corner, as a widget's mouse events give them."""

    target: Target
    left: float
    top: float
    right: float
    bottom: float

    def contains(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.top <= y <= self.bottom

    def centre(self) -> tuple[float, float]:
        return (self.left + self.right) / 2, (self.top + self.bottom) / 2


@dataclass(frozen=True)
class _Box:
    axes: Axes
    x0: float
    y0: float
    x1: float
    y1: float
    target: Target


@dataclass(frozen=True)
class _Grid:
    axes: Axes
    rows: int
    columns: int


class Targets:
    """The items a chart drew, in data coordinates while it is built; :meth:`hits` turns them into
    rectangles on the rendered picture."""

    def __init__(self) -> None:
        self._boxes: list[_Box] = []
        self._grids: list[_Grid] = []

    def add_box(self, axes: Axes, x0: float, y0: float, x1: float, y1: float, target: Target) -> None:
        """A bar: the rectangle from (x0, y0) to (x1, y1) in the axes' data coordinates. A bar of no
        length has no area to point at."""
        if x0 != x1 and y0 != y1:
            self._boxes.append(_Box(axes, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), target))

    def add_grid(self, axes: Axes, rows: int, columns: int) -> None:
        """Cells of a grid drawn with row r and column c centred on data (c, r)."""
        self._grids.append(_Grid(axes, rows, columns))

    def hits(self, ratio: float) -> list[Hit]:
        """Every target's rectangle on the drawn figure (call after drawing: the axes are placed then),
        in logical pixels from the top left; ``ratio`` is the figure's physical pixels per logical one.
        Parts outside their axes (clipped when drawn) are cut off."""
        found: list[Hit] = []
        for axes in dict.fromkeys(box.axes for box in self._boxes):
            boxes = [box for box in self._boxes if box.axes is axes]
            corners = np.array([((b.x0, b.y0), (b.x1, b.y1)) for b in boxes], dtype=float).reshape(-1, 2)
            found += _rectangles(axes, corners, [b.target for b in boxes], ratio)
        for grid in self._grids:
            rows, columns = np.meshgrid(np.arange(grid.rows), np.arange(grid.columns), indexing="ij")
            centres = np.stack([columns.ravel(), rows.ravel()], axis=1).astype(float)
            corners = np.stack([centres - 0.5, centres + 0.5], axis=1).reshape(-1, 2)
            targets = [Target(int(r), int(c)) for r, c in zip(rows.ravel(), columns.ravel(), strict=True)]
            found += _rectangles(grid.axes, corners, targets, ratio)
        return found


def _rectangles(axes: Axes, corners: np.ndarray, targets: Sequence[Target], ratio: float) -> list[Hit]:
    """Pairs of opposite corners (data coordinates, one pair after the other) as hits."""
    if not targets:
        return []
    figure = axes.get_figure(root=True)
    assert figure is not None
    height = figure.bbox.height
    clip = axes.bbox
    pixels = axes.transData.transform(corners).reshape(-1, 2, 2)
    x0 = np.clip(pixels[:, :, 0].min(axis=1), clip.x0, clip.x1)
    x1 = np.clip(pixels[:, :, 0].max(axis=1), clip.x0, clip.x1)
    y0 = np.clip(pixels[:, :, 1].min(axis=1), clip.y0, clip.y1)
    y1 = np.clip(pixels[:, :, 1].max(axis=1), clip.y0, clip.y1)
    return [
        Hit(target, left / ratio, (height - top) / ratio, right / ratio, (height - bottom) / ratio)
        for target, left, right, bottom, top in zip(
            targets, x0.tolist(), x1.tolist(), y0.tolist(), y1.tolist(), strict=True
        )
        if right > left and top > bottom
    ]


def draw_bars(
    axes: Axes,
    targets: Targets,
    values: Sequence[float],
    *,
    colour: str | Sequence[str],
    width: float,
    starts: Sequence[float] | None = None,
    horizontal: bool = False,
    series: int = 0,
    shift: float = 0.0,
) -> None:
    """Bars at 0, 1, 2 … (moved by ``shift``: bars side by side) as one collection (adding a patch per bar
    costs matplotlib milliseconds each), each registered as a target. Vertical bars rise from ``starts``
    (stacks); horizontal ones extend."""
    half = width / 2
    verts = []
    for i, value in enumerate(values):
        base = starts[i] if starts is not None else 0.0
        middle = i + shift
        if horizontal:
            x0, x1, y0, y1 = base, base + value, middle - half, middle + half
        else:
            x0, x1, y0, y1 = middle - half, middle + half, base, base + value
        verts.append([(x0, y0), (x0, y1), (x1, y1), (x1, y0)])
        targets.add_box(axes, x0, y0, x1, y1, Target(i, series))
    colours = [colour] * len(values) if isinstance(colour, str) else list(colour)
    axes.add_collection(PolyCollection(verts, facecolors=colours, edgecolors="none"), autolim=False)


# -- text: matplotlib's own, as few pieces as can be read ---------------------------------------------


def text_points(texts: Sequence[str], size: float) -> list[tuple[float, float]]:
    """Each text's width and height in points as matplotlib lays it out (its widest line; its lines at
    the usual spacing). Measured with an Agg renderer of its own, so that any thread may measure."""
    renderer = RendererAgg(1, 1, 72)  # type: ignore[no-untyped-call]
    prop = FontProperties(size=size)
    found = []
    for text in texts:
        lines = text.split("\n")
        width = max(
            renderer.get_text_width_height_descent(line, prop, False)[0]  # type: ignore[no-untyped-call]
            for line in lines
        )
        found.append((float(width), size * (1.2 * len(lines) - 0.2)))
    return found


def pitch(axes: Axes, axis: Literal["x", "y"]) -> float:
    """Points from one category to the next (one data unit) along an axis, as the axes are placed."""
    figure = axes.get_figure(root=True)
    assert figure is not None
    width, height = (float(v) for v in figure.get_size_inches())
    box = axes.get_position()
    low, high = axes.get_xlim() if axis == "x" else axes.get_ylim()
    span = box.width * width if axis == "x" else box.height * height
    return 72 * span / abs(high - low) if high != low else 0.0


def _offset(axes: Axes, dx: float, dy: float) -> ScaledTranslation:
    figure = axes.get_figure(root=True)
    assert figure is not None
    return ScaledTranslation(dx / 72, dy / 72, figure.dpi_scale_trans)


def write(
    axes: Axes,
    texts: Sequence[str],
    points: Sequence[tuple[float, float]],
    transform: Transform,
    *,
    size: float,
    color: str = "#222222",
    ha: HAlign = "center",
    va: VAlign = "center",
    offset: tuple[float, float] = (0.0, 0.0),
    rotation: float = 0,
    linespacing: float | None = None,
) -> list[Text]:
    """Texts at points in ``transform``'s coordinates, each moved by ``offset`` (points); empty ones are
    left out."""
    moved = transform + _offset(axes, *offset)
    return [
        axes.text(
            x,
            y,
            text,
            transform=moved,
            fontsize=size,
            color=color,
            ha=ha,
            va=va,
            rotation=rotation,
            rotation_mode="default",
            linespacing=linespacing,
            clip_on=False,
        )
        for text, (x, y) in zip(texts, points, strict=True)
        if text
    ]


def category_labels(
    axes: Axes, labels: Sequence[str], *, axis: Literal["x", "y"], size: float, top: bool = False
) -> list[Text]:
    """Names along an axis (below it, or above with ``top``), written at 0, 1, 2 …; empty names are
    left out (thinned)."""
    if axis == "x":
        axes.set_xticks([])
        points = [(float(i), 1.0 if top else 0.0) for i in range(len(labels))]
        return write(
            axes,
            labels,
            points,
            axes.get_xaxis_transform(),
            size=size,
            color=INK,
            va="bottom" if top else "top",
            offset=(0, 3 if top else -5),
        )
    axes.set_yticks([])
    points = [(0.0, float(i)) for i in range(len(labels))]
    return write(
        axes, labels, points, axes.get_yaxis_transform(), size=size, color=INK, ha="right", offset=(-5, 0)
    )


def value_ticks(
    axes: Axes, ticks: Sequence[float], texts: Sequence[str], *, axis: Literal["x", "y"], title: str
) -> None:
    """The value axis's gridlines, numbers and title, without matplotlib's ticks (each a handful of
    artists); on the left, the figure's margin widens for wide numbers so that the title is never cut."""
    room = max((w for w, _ in text_points(texts, LABEL_SIZE)), default=0.0)
    if axis == "y":
        axes.set_yticks([])
        lines, points = axes.get_yaxis_transform(), [(0.0, float(t)) for t in ticks]
        axes.hlines(ticks, 0, 1, transform=lines, colors=GRID, linewidth=0.8, zorder=0.5)
        write(axes, texts, points, lines, size=LABEL_SIZE, color=INK, ha="right", offset=(-4, 0))
        axes.set_ylabel(title, fontsize=LABEL_SIZE, color=MUTED, labelpad=8 + room)
        figure = axes.get_figure(root=True)
        assert figure is not None
        needed = (room + 8 + LABEL_SIZE * 1.3 + 6) / 72 / float(figure.get_size_inches()[0])
        if needed > figure.subplotpars.left:
            figure.subplots_adjust(left=min(needed, 0.45))
    else:
        axes.set_xticks([])
        lines, points = axes.get_xaxis_transform(), [(float(t), 0.0) for t in ticks]
        axes.vlines(ticks, 0, 1, transform=lines, colors=GRID, linewidth=0.8, zorder=0.5)
        write(axes, texts, points, lines, size=LABEL_SIZE, color=INK, va="top", offset=(0, -4))
        axes.set_xlabel(title, fontsize=LABEL_SIZE, color=MUTED, loc="left", labelpad=8 + LABEL_SIZE * 1.2)


def value_labels(
    axes: Axes,
    texts: Sequence[str],
    points: Sequence[tuple[float, float]],
    *,
    size: float,
    ha: HAlign = "center",
    va: VAlign = "center",
    offset: tuple[float, float] = (0.0, 0.0),
    rotation: float = 0,
    linespacing: float | None = None,
    color: str = INK,
) -> list[Text]:
    """Numbers written at data points (on bars, in cells)."""
    return write(
        axes,
        texts,
        points,
        axes.transData,
        size=size,
        color=color,
        ha=ha,
        va=va,
        offset=offset,
        rotation=rotation,
        linespacing=linespacing,
    )


def percent_text(rate: Rate) -> str:
    """A rate as the programme writes it: truncated to two decimals (DESIGN.md §3), "—" for no data."""
    percent = rate.percent
    return "—" if percent is None else f"{percent}%"


def fraction(rate: Rate) -> float:
    """A bar's length (the written number is the truncated rate)."""
    return 100 * rate.count / rate.total if rate.total else 0.0


def count_text(value: int) -> str:
    return f"{value:,}"


@dataclass(frozen=True)
class Margins:
    """Room around a chart's axes, in inches: text keeps its size whatever the picture's size."""

    left: float = 0.8
    right: float = 0.3
    top: float = 0.95  # title and subtitle
    bottom: float = 0.55


def text_inches(text: str, size: float) -> float:
    """About how wide ``text`` is at ``size`` points: a Chinese character is one em, the rest about
    0.6 em. Good enough to reserve room for labels without measuring them."""
    em = size / 72
    return max(
        (sum(1.0 if ord(ch) >= 0x2E80 else 0.6 for ch in line) * em for line in text.split("\n")),
        default=0.0,
    )


def labels_inches(labels: Sequence[str], size: float) -> float:
    return max((text_inches(label, size) for label in labels), default=0.0)


def start(figure: Figure, title: str, subtitle: str, margins: Margins) -> None:
    """Clear the figure, head it with a title and a line of context (region, date, totals) at the top
    left, and leave ``margins`` around the axes to come."""
    figure.clear()
    figure.set_facecolor("white")
    width, height = (float(v) for v in figure.get_size_inches())
    figure.text(0.12 / width, 1 - 0.12 / height, title, ha="left", va="top", fontsize=TITLE_SIZE, color=INK)
    figure.text(
        0.12 / width, 1 - 0.47 / height, subtitle, ha="left", va="top", fontsize=SUBTITLE_SIZE, color=MUTED
    )
    left = min(margins.left / width, 0.45)
    bottom = min(margins.bottom / height, 0.45)
    figure.subplots_adjust(
        left=left,
        right=max(1 - margins.right / width, left + 0.1),
        bottom=bottom,
        top=max(1 - margins.top / height, bottom + 0.1),
    )


def empty(figure: Figure, title: str, subtitle: str, text: str) -> None:
    """A figure with nothing to draw says so in its middle."""
    start(figure, title, subtitle, Margins())
    figure.text(0.5, 0.5, text, ha="center", va="center", fontsize=LABEL_SIZE + 2, color=MUTED)


def report_axes(axes: Axes, *, value_axis: Literal["x", "y"]) -> None:
    """No box, the categories' axis dark and the values' light (its grid comes with
    :func:`value_ticks`): how printed statistics look."""
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.spines["left" if value_axis == "x" else "bottom"].set_color(MUTED)
    axes.spines["bottom" if value_axis == "x" else "left"].set_color(GRID)


def figure_height(rows: int, minimum: float) -> float:
    """Inches for a chart of ``rows`` rows: at least ``minimum``, else a row height each."""
    return max(minimum, rows * ROW_INCHES + FRAME_INCHES)


# Months are written every this many when they do not all fit: steps that divide a year, so that every
# January (which carries its year) is written.
MONTH_STEPS = (1, 2, 3, 4, 6, 12)


def month_ticks(axes: Axes, labels: Sequence[str], *, top: bool = False) -> None:
    """Month labels along x, as many as can be read side by side: every month's, or every second,
    third … counted from the first January, by the width of the months' names; a label with its year (the
    first month, each January) is always written, its neighbours left out where they would touch it.
    Call once the axes are placed (their width decides)."""
    axes.set_xlim(-0.6, len(labels) - 0.4)
    room = pitch(axes, "x")
    gap = LABEL_SIZE * 0.6
    widths = [width for width, _ in text_points(labels, LABEL_SIZE)]
    names = [width for width, _ in text_points([label.split("\n")[0] for label in labels], LABEL_SIZE)]
    step = next((s for s in MONTH_STEPS if s * room >= max(names, default=0.0) + gap), MONTH_STEPS[-1])
    years = [i for i, label in enumerate(labels) if "\n" in label]
    anchor = next((i for i in years if i), 0)
    if len(years) > 1 and years[1] * room < (widths[0] + widths[years[1]]) / 2 + gap:
        years.pop(0)  # the first month, just before a January: that January says the year
    shown = {i for i in range(len(labels)) if (i - anchor) % step == 0} | set(years)
    # A year's line lies below the months' names: beside a year label only the names must stay apart.
    for i in years:
        for j in list(shown):
            if j != i and j not in years and abs(i - j) * room < (names[i] + names[j]) / 2 + gap:
                shown.discard(j)
    category_labels(
        axes,
        [label if i in shown else "" for i, label in enumerate(labels)],
        axis="x",
        size=LABEL_SIZE,
        top=top,
    )
