"""A chart rendered to a picture for the screen: its pixels and where each drawn item lies on them.

Rendering is a pure function on matplotlib's Agg backend (a Figure with a FigureCanvasAgg of its own), so
a worker thread can draw while the window stays responsive; the window only shows the pixels and answers
the mouse from the rectangles. Export draws the same chart again on a page (charts.export).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from branchdesk.charts.base import Hit, Target, Targets

# Logical (device independent) pixels per inch of a chart on screen; a screen with a device pixel ratio of
# 2 gets twice the physical pixels, so text stays sharp.
SCREEN_DPI = 100

Draw = Callable[[Figure], Targets]


@dataclass(frozen=True)
class Picture:
    """An RGBA image, ``width`` × ``height`` physical pixels, rows from the top, for a screen with
    ``ratio`` physical pixels per logical one; ``hits`` in logical pixels; ``texts`` the figure's own texts
    (title, subtitle, an empty chart's message) for tests and accessibility."""

    rgba: bytes
    width: int
    height: int
    ratio: float
    hits: tuple[Hit, ...]
    texts: tuple[str, ...]

    @property
    def logical_size(self) -> tuple[int, int]:
        return round(self.width / self.ratio), round(self.height / self.ratio)

    def at(self, x: float, y: float) -> Target | None:
        """The item at a logical position from the picture's top left, if any."""
        return next((hit.target for hit in self.hits if hit.contains(x, y)), None)

    def centre(self, target: Target) -> tuple[float, float]:
        """Where a target lies (what a click on it would report)."""
        return next(hit.centre() for hit in self.hits if hit.target == target)


def render(draw: Draw, width: int, height: int, ratio: float) -> Picture:
    """``draw`` on a figure of ``width`` × ``height`` logical pixels at ``ratio`` physical pixels each."""
    figure = Figure(figsize=(width / SCREEN_DPI, height / SCREEN_DPI), dpi=SCREEN_DPI * ratio)
    canvas = FigureCanvasAgg(figure)
    targets = draw(figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    physical_width, physical_height = canvas.get_width_height(physical=True)
    return Picture(
        rgba=bytes(canvas.buffer_rgba()),  # type: ignore[no-untyped-call]
        width=physical_width,
        height=physical_height,
        ratio=ratio,
        hits=tuple(targets.hits(ratio)),
        texts=tuple(text.get_text() for text in figure.texts),
    )
