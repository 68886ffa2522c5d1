"""The chart tabs' canvas: matplotlib's Qt canvas drawing through the charts' glyph cache.

Imported only when a chart tab is first shown (it imports matplotlib).
"""

from __future__ import annotations

from typing import Any

from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure

from branchdesk.charts.render import GlyphCache, cached_renderer


class ChartCanvas(FigureCanvasQTAgg):
    """Keeps the glyphs it has drawn for as long as the tab lives: redrawing a chart for another region
    lays out its new labels from glyphs already rasterised."""

    def __init__(self, figure: Figure) -> None:
        super().__init__(figure)  # type: ignore[no-untyped-call]
        self.glyphs = GlyphCache()

    def get_renderer(self, *args: Any) -> RendererAgg:
        return cached_renderer(self, self.glyphs)
