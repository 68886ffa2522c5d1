"""Drawing charts on screen quickly: an Agg renderer that keeps every glyph it has drawn.

matplotlib (3.11) lays out and rasterises each string afresh, glyph by glyph, through HarfBuzz and
FreeType: about 1.5 ms a label, which made a chart of a few hundred labels take a second or more. The
charts' labels are short and drawn from a small alphabet (digits, a few hundred Chinese characters), so
:class:`GlyphCache` rasterises each character once per size and resolution and the renderer composes
strings from those bitmaps. Strings it cannot compose exactly that way (a character the first font
lacks, mathematics, an oblique angle) go to matplotlib's own path, which also warns about missing
glyphs. Export to PNG, SVG and PDF keeps matplotlib's own renderers.
"""

from __future__ import annotations

import functools
import math
import warnings
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import matplotlib
import numpy as np
from matplotlib.backends import _backend_agg
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.font_manager import FontProperties
from numpy.typing import NDArray

# Strings composed and kept, per renderer's cache: a chart shows a few hundred at most.
STRINGS_KEPT = 4000

# The matplotlib internals the fast path stands on: matplotlib has no public way to choose the renderer
# a canvas draws with, nor to put a coverage mask on an Agg canvas. A matplotlib without them draws the
# charts its own, slower way and says so, rather than failing to draw at all.
_INTERNALS = (
    (FigureCanvasAgg, "_lastKey"),
    (RendererAgg, "_prepare_font"),
    (_backend_agg.RendererAgg, "draw_text_image"),  # type: ignore[attr-defined]
)


@functools.cache
def fast_text() -> bool:
    """Whether this matplotlib has the internals the glyph cache uses (warns once when it has not)."""
    missing = [f"{owner.__name__}.{name}" for owner, name in _INTERNALS if not hasattr(owner, name)]
    if missing:
        warnings.warn(
            f"matplotlib {matplotlib.__version__} lacks {', '.join(missing)}: "
            "charts draw their text without the glyph cache (slowly)",
            RuntimeWarning,
            stacklevel=2,
        )
    return not missing


@dataclass(frozen=True)
class _Glyph:
    mask: NDArray[np.uint8]  # coverage, rows from the top
    left: int  # the mask's left edge, from the pen position
    top: int  # the mask's top edge, above the baseline
    advance: float
    box: tuple[float, float, float, float]  # the outline's extent from the pen: x0, y0 (up), x1, y1


@dataclass(frozen=True)
class _Run:
    """A string ready to draw: its coverage mask, where the mask lies from the start of the baseline,
    and the width, height and descent matplotlib lays text out with."""

    mask: NDArray[np.uint8]
    left: int
    top: int
    width: float
    height: float
    descent: float


class GlyphCache:
    """Glyph bitmaps and composed strings, by font, size and resolution. One per canvas: it lives as
    long as the chart tab does and is shared by the renderers the canvas makes as it is resized."""

    def __init__(self) -> None:
        self._glyphs: dict[tuple[Any, ...], _Glyph | None] = {}
        self._runs: OrderedDict[tuple[Any, ...], _Run | None] = OrderedDict()

    def forget_strings(self) -> None:
        """Keep the glyphs, compose every string anew (the benchmark's region not drawn before)."""
        self._runs.clear()

    def run(self, renderer: RendererAgg, text: str, prop: FontProperties) -> _Run | None:
        key = (text, hash(prop), renderer.dpi)
        if key in self._runs:
            self._runs.move_to_end(key)
            return self._runs[key]
        run = self._compose(renderer, text, prop)
        self._runs[key] = run
        if len(self._runs) > STRINGS_KEPT:
            self._runs.popitem(last=False)
        return run

    def _compose(self, renderer: RendererAgg, text: str, prop: FontProperties) -> _Run | None:
        font_key, glyphs = hash(prop), self._glyphs
        # Measured as matplotlib measures text: from the pen's start to its end, or to the outlines
        # where they reach beyond. One pass, as this runs for every new label.
        pen = x0 = 0.0
        x1, y0, y1 = 0.0, math.inf, -math.inf
        placed: list[tuple[int, _Glyph]] = []
        for char in text:
            key = (char, font_key, renderer.dpi)
            glyph = glyphs.get(key, _UNSEEN)
            if glyph is _UNSEEN:
                glyph = glyphs[key] = _rasterise(renderer, char, prop)
            if glyph is None:
                return None
            box = glyph.box
            x0, x1 = min(x0, pen + box[0]), max(x1, pen + box[2])
            y0, y1 = min(y0, box[1]), max(y1, box[3])
            if glyph.mask.size:
                placed.append((round(pen), glyph))
            pen += glyph.advance
        x1 = max(x1, pen)
        if not text:
            y0 = y1 = 0.0
        width, height, descent = max(0.0, x1 - x0), max(0.0, y1 - y0), -y0
        if not placed:
            return _Run(np.zeros((0, 0), np.uint8), 0, 0, width, height, descent)
        left = min(p + g.left for p, g in placed)
        right = max(p + g.left + g.mask.shape[1] for p, g in placed)
        top = max(g.top for _, g in placed)
        bottom = min(g.top - g.mask.shape[0] for _, g in placed)
        mask = np.zeros((top - bottom, right - left), np.uint8)
        for p, g in placed:
            rows, columns = g.mask.shape
            x, y = p + g.left - left, top - g.top
            cell = mask[y : y + rows, x : x + columns]
            np.maximum(cell, g.mask, out=cell)
        return _Run(mask, left, top, width, height, descent)


_UNSEEN = _Glyph(np.zeros((0, 0), np.uint8), 0, 0, 0.0, (0.0, 0.0, 0.0, 0.0))


def _rasterise(renderer: RendererAgg, char: str, prop: FontProperties) -> _Glyph | None:
    """One character drawn by matplotlib itself, at a whole pixel, cut out of a scratch canvas."""
    # The font matplotlib would draw with, sized for this resolution.
    font = renderer._prepare_font(prop)  # type: ignore[no-untyped-call]
    if not font.get_char_index(ord(char)):
        return None  # a fallback font's, or missing: matplotlib's own path chooses and warns
    loaded = font.load_char(ord(char), flags=get_hinting_flag())  # type: ignore[no-untyped-call]
    advance = loaded.horiAdvance / 64
    x0, y0, x1, y1 = (v / 64 for v in loaded.bbox)  # 26.6 fixed point
    box = (x0, y0, x1, y1) if x1 > x0 else (0.0, 0.0, 0.0, 0.0)
    if char.isspace():
        return _Glyph(np.zeros((0, 0), np.uint8), 0, 0, advance, box)
    em = math.ceil(prop.get_size_in_points() * renderer.dpi / 72)
    side = 3 * em + 4
    origin = em + 2  # room for a generous bearing on each side
    scratch = RendererAgg(side, side, renderer.dpi)  # type: ignore[no-untyped-call]
    gc = scratch.new_gc()
    gc.set_foreground((0.0, 0.0, 0.0, 1.0), isRGBA=True)
    baseline = 2 * em + 2  # y downwards
    RendererAgg.draw_text(scratch, gc, origin, baseline, char, prop, 0)  # type: ignore[no-untyped-call]
    gc.restore()
    coverage = np.asarray(scratch.buffer_rgba())[..., 3]  # type: ignore[no-untyped-call]
    rows = np.flatnonzero(coverage.any(axis=1))
    columns = np.flatnonzero(coverage.any(axis=0))
    if not rows.size:
        return _Glyph(np.zeros((0, 0), np.uint8), 0, 0, advance, box)
    mask = np.ascontiguousarray(coverage[rows[0] : rows[-1] + 1, columns[0] : columns[-1] + 1])
    return _Glyph(mask, int(columns[0]) - origin, baseline - int(rows[0]), advance, box)


class CachedTextRenderer(RendererAgg):
    """An Agg renderer drawing plain text from a :class:`GlyphCache`."""

    def __init__(self, width: float, height: float, dpi: float, glyphs: GlyphCache) -> None:
        super().__init__(width, height, dpi)  # type: ignore[no-untyped-call]
        self.glyphs = glyphs

    def _cached(self, text: str, prop: FontProperties, ismath: Any) -> _Run | None:
        if ismath or not text:
            return None
        return self.glyphs.run(self, text, prop)

    def get_text_width_height_descent(
        self, s: str, prop: FontProperties, ismath: Any
    ) -> tuple[float, float, float]:
        run = self._cached(s, prop, ismath)
        if run is None:
            return super().get_text_width_height_descent(s, prop, ismath)  # type: ignore[no-untyped-call,no-any-return]
        return run.width, run.height, run.descent

    def draw_text(
        self,
        gc: Any,
        x: float,
        y: float,
        s: str,
        prop: FontProperties,
        angle: float,
        ismath: Any = False,
        mtext: Any = None,
    ) -> None:
        run = self._cached(s, prop, ismath) if angle in (0, 90) else None
        if run is None:
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)  # type: ignore[no-untyped-call]
        elif run.mask.size:
            mask, left, top = _placed(run, x, y, angle)
            self._renderer.draw_text_image(mask, left, top + mask.shape[0], 0, gc)

    def draw_texts(
        self, gc: Any, texts: Sequence[tuple[str, float, float]], prop: FontProperties, angle: float
    ) -> None:
        """Many texts of one style (lines starting at (x, y), y downwards) composed into one mask and
        drawn at once: a grid's hundreds of numbers cost one blit."""
        pieces = []
        for text, x, y in texts:
            run = self._cached(text, prop, False) if angle in (0, 90) else None
            if run is None:
                self.draw_text(gc, x, y, text, prop, angle)
            elif run.mask.size:
                pieces.append(_placed(run, x, y, angle))
        if not pieces:
            return
        left = min(p[1] for p in pieces)
        top = min(p[2] for p in pieces)
        right = max(p[1] + p[0].shape[1] for p in pieces)
        bottom = max(p[2] + p[0].shape[0] for p in pieces)
        layer = np.zeros((bottom - top, right - left), np.uint8)
        for mask, x0, y0 in pieces:
            cell = layer[y0 - top : y0 - top + mask.shape[0], x0 - left : x0 - left + mask.shape[1]]
            np.maximum(cell, mask, out=cell)
        self._renderer.draw_text_image(layer, left, bottom, 0, gc)


def _placed(run: _Run, x: float, y: float, angle: float) -> tuple[NDArray[np.uint8], int, int]:
    """A run's mask turned as drawn, with its top left corner, for a baseline starting at (x, y), y
    downwards."""
    if angle == 0:
        return run.mask, round(x) + run.left, round(y) - run.top
    # Turned a quarter anticlockwise: the baseline runs upwards from (x, y).
    mask = np.ascontiguousarray(np.rot90(run.mask))
    return mask, round(x) - run.top, round(y) - run.left - mask.shape[0]


class ChartCanvasAgg(FigureCanvasAgg):
    """An off-screen canvas with the glyph cache (what the benchmark and the tests draw on)."""

    def __init__(self, figure: Any = None, glyphs: GlyphCache | None = None) -> None:
        super().__init__(figure)
        self.glyphs = glyphs or GlyphCache()

    def get_renderer(self) -> RendererAgg:
        return cached_renderer(self, self.glyphs)


def cached_renderer(canvas: FigureCanvasAgg, glyphs: GlyphCache) -> RendererAgg:
    """What ``FigureCanvasAgg.get_renderer`` does, with a :class:`CachedTextRenderer`: a new one only
    when the canvas's size or resolution changed (matplotlib's own renderer without :func:`fast_text`)."""
    if not fast_text():
        return FigureCanvasAgg.get_renderer(canvas)  # type: ignore[no-untyped-call,no-any-return]
    width, height = canvas.get_width_height(physical=True)
    key = width, height, canvas.figure.dpi
    if canvas._lastKey != key or not isinstance(getattr(canvas, "renderer", None), CachedTextRenderer):
        canvas.renderer = CachedTextRenderer(width, height, canvas.figure.dpi, glyphs)
        canvas._lastKey = key
    return canvas.renderer  # type: ignore[no-any-return]
