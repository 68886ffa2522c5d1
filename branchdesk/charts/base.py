"""What every chart shares: the look of a printed report, titles, and where each drawn item lies.

Importing anything here imports the package first, which registers the Chinese font. Charts draw into a
Figure they are given (the window's canvas, or a fresh one for export) and return the
:class:`Targets` they drew, so that the window can say what lies under the mouse (a bar, a grid cell) and
open the matching rows when it is clicked.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.layout_engine import LayoutEngine
from matplotlib.text import Text

from branchdesk.charts.labels import HAlign, Labels, VAlign
from branchdesk.domain.rates import Rate

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
    """Where each item of a drawn chart lies, in display coordinates (pixels from the bottom left, as
    matplotlib's mouse events give them). Items are kept in data coordinates, so they stay right when
    the canvas is resized."""

    def __init__(self) -> None:
        self._boxes: list[_Box] = []
        self._grids: list[_Grid] = []

    def add_box(self, axes: Axes, x0: float, y0: float, x1: float, y1: float, target: Target) -> None:
        """A bar: the rectangle from (x0, y0) to (x1, y1) in the axes' data coordinates."""
        self._boxes.append(_Box(axes, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), target))

    def add_grid(self, axes: Axes, rows: int, columns: int) -> None:
        """Cells of an image drawn with row r and column c centred on data (c, r)."""
        self._grids.append(_Grid(axes, rows, columns))

    def at(self, x: float, y: float) -> Target | None:
        inverted: dict[int, tuple[float, float]] = {}
        for box in self._boxes:
            if box.x0 == box.x1 or box.y0 == box.y1 or not box.axes.bbox.contains(x, y):
                continue
            key = id(box.axes)
            if key not in inverted:
                data_x, data_y = box.axes.transData.inverted().transform((x, y))
                inverted[key] = float(data_x), float(data_y)
            data_x, data_y = inverted[key]
            if box.x0 <= data_x <= box.x1 and box.y0 <= data_y <= box.y1:
                return box.target
        for grid in self._grids:
            if not grid.axes.bbox.contains(x, y):
                continue
            column, row = grid.axes.transData.inverted().transform((x, y))
            c, r = round(float(column)), round(float(row))
            if 0 <= r < grid.rows and 0 <= c < grid.columns:
                return Target(r, c)
        return None

    def centre(self, target: Target) -> tuple[float, float]:
        """The display position of a target's centre (what a click on it would report)."""
        for box in self._boxes:
            if box.target == target:
                x, y = box.axes.transData.transform(((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2))
                return float(x), float(y)
        for grid in self._grids:
            x, y = grid.axes.transData.transform((target.series, target.item))
            return float(x), float(y)
        raise KeyError(target)

    def __iter__(self) -> Iterator[Target]:
        yield from (box.target for box in self._boxes)
        for grid in self._grids:
            for row in range(grid.rows):
                for column in range(grid.columns):
                    yield Target(row, column)

    def __len__(self) -> int:
        return len(self._boxes) + sum(grid.rows * grid.columns for grid in self._grids)


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
) -> None:
    """Bars at 0, 1, 2 … as one collection (adding a patch per bar costs matplotlib milliseconds each),
    each registered as a target. Vertical bars rise from ``starts`` (stacks); horizontal ones extend."""
    half = width / 2
    verts = []
    for i, value in enumerate(values):
        base = starts[i] if starts is not None else 0.0
        if horizontal:
            x0, x1, y0, y1 = base, base + value, i - half, i + half
        else:
            x0, x1, y0, y1 = i - half, i + half, base, base + value
        verts.append([(x0, y0), (x0, y1), (x1, y1), (x1, y0)])
        targets.add_box(axes, x0, y0, x1, y1, Target(i, series))
    colours = [colour] * len(values) if isinstance(colour, str) else list(colour)
    axes.add_collection(PolyCollection(verts, facecolors=colours, edgecolors="none"), autolim=False)


def category_labels(
    axes: Axes, labels: Sequence[str], *, axis: Literal["x", "y"], size: float, top: bool = False
) -> Labels:
    """Names along an axis (below it, or above with ``top``), written at 0, 1, 2 …: matplotlib's
    ticks cost several milliseconds each to make, and categories need none of their machinery."""
    if axis == "x":
        axes.set_xticks([])
        points = [(float(i), 1.0 if top else 0.0) for i in range(len(labels))]
        names = Labels(
            labels,
            points,
            axes.get_xaxis_transform(),
            size=size,
            color=INK,
            va="bottom" if top else "top",
            offset=(0, 3 if top else -5),
        )
    else:
        axes.set_yticks([])
        points = [(0.0, float(i)) for i in range(len(labels))]
        names = Labels(
            labels, points, axes.get_yaxis_transform(), size=size, color=INK, ha="right", offset=(-5, 0)
        )
    axes.add_artist(names)
    return names


def value_ticks(
    axes: Axes, ticks: Sequence[float], texts: Sequence[str], *, axis: Literal["x", "y"], title: str
) -> None:
    """The value axis's gridlines, numbers and title, without matplotlib's ticks: each tick is several
    artists made and laid out anew, a third of a simple chart's drawing."""
    room = 72 * labels_inches(texts, LABEL_SIZE)  # points the numbers take beside the axis
    if axis == "y":
        axes.set_yticks([])
        lines, points = axes.get_yaxis_transform(), [(0.0, float(t)) for t in ticks]
        axes.hlines(ticks, 0, 1, transform=lines, colors=GRID, linewidth=0.8, zorder=0.5)
        numbers = Labels(texts, points, lines, size=LABEL_SIZE, color=INK, ha="right", offset=(-4, 0))
        axes.set_ylabel(title, fontsize=LABEL_SIZE, color=MUTED, labelpad=8 + room)
        # Room on the left for the numbers and the title (large counts are wide).
        layout = figure_layout(axes)
        if layout is not None:
            needed = (room + 8 + LABEL_SIZE * 1.3 + 6) / 72
            layout.margins = replace(layout.margins, left=max(layout.margins.left, needed))
    else:
        axes.set_xticks([])
        lines, points = axes.get_xaxis_transform(), [(float(t), 0.0) for t in ticks]
        axes.vlines(ticks, 0, 1, transform=lines, colors=GRID, linewidth=0.8, zorder=0.5)
        numbers = Labels(texts, points, lines, size=LABEL_SIZE, color=INK, va="top", offset=(0, -4))
        axes.set_xlabel(title, fontsize=LABEL_SIZE, color=MUTED, loc="left", labelpad=8 + LABEL_SIZE * 1.2)
    axes.add_artist(numbers)


def figure_layout(axes: Axes) -> ReportLayout | None:
    figure = axes.get_figure(root=True)
    layout = figure.get_layout_engine() if figure is not None else None
    return layout if isinstance(layout, ReportLayout) else None


def value_labels(
    axes: Axes,
    texts: Sequence[str],
    points: Sequence[tuple[float, float]],
    *,
    size: float,
    ha: HAlign = "center",
    va: VAlign = "center",
    offset: tuple[float, float] = (0.0, 0.0),
    rotation: Literal[0, 90] = 0,
    linespacing: float | Literal["normal"] = "normal",
    color: str = INK,
) -> Labels:
    """Numbers written at data points (on bars, in cells), as one artist."""
    written = Labels(
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
    axes.add_artist(written)
    return written


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
    """Room around a chart's axes, in inches: text keeps its size when the window is resized."""

    left: float = 0.8
    right: float = 0.3
    top: float = 0.95  # title and subtitle
    bottom: float = 0.55


class ReportLayout(LayoutEngine):
    """Fixed margins in inches, and the title and subtitle pinned to the top left.

    Matplotlib's constrained layout measures every label before each draw, which doubles the cost of a
    redraw; the margins here are reckoned once, from the labels' lengths, when the chart is built.
    """

    _adjust_compatible = True
    _colorbar_gridspec = False

    def __init__(self, margins: Margins, title: Text, subtitle: Text) -> None:
        super().__init__()
        self.margins = margins
        self.title = title
        self.subtitle = subtitle

    def set(self, **kwargs: object) -> None:
        raise NotImplementedError

    def execute(self, fig: Figure) -> None:
        width, height = (float(v) for v in fig.get_size_inches())
        m = self.margins
        left = min(m.left / width, 0.45)
        right = max(1 - m.right / width, left + 0.1)
        bottom = min(m.bottom / height, 0.45)
        top = max(1 - m.top / height, bottom + 0.1)
        fig.subplots_adjust(left=left, right=right, bottom=bottom, top=top)
        self.title.set_position((0.12 / width, 1 - 0.12 / height))
        self.subtitle.set_position((0.12 / width, 1 - 0.47 / height))


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
    """Clear the figure and head it with a title and a line of context (region, date, totals)."""
    figure.clear()
    figure.set_facecolor("white")
    heading = figure.text(0, 1, title, ha="left", va="top", fontsize=TITLE_SIZE, color=INK)
    context = figure.text(0, 1, subtitle, ha="left", va="top", fontsize=SUBTITLE_SIZE, color=MUTED)
    figure.set_layout_engine(ReportLayout(margins, heading, context))


def empty(figure: Figure, title: str, subtitle: str, text: str) -> None:
    """A figure with nothing to draw says so in its middle."""
    start(figure, title, subtitle, Margins())
    # Matplotlib runs a layout engine only for a figure with axes: without one the title and subtitle stay
    # where start() put them, one over the other.
    figure.add_subplot().set_axis_off()
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


def month_ticks(axes: Axes, labels: Sequence[str], *, top: bool = False) -> None:
    """Month labels along x; with many months, only every third (and every January) is written."""
    step = 1 if len(labels) <= 24 else 3
    shown = [label if i % step == 0 or "\n" in label else "" for i, label in enumerate(labels)]
    category_labels(axes, shown, axis="x", size=LABEL_SIZE, top=top)
    axes.set_xlim(-0.6, len(labels) - 0.4)
