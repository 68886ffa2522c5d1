"""Many short texts of one style drawn as one artist: category names, the numbers on bars and in grid
cells.

A matplotlib ``Text`` costs about a millisecond to make, lay out and draw, so a grid of thirty townships
by two years of months took most of a second in its numbers alone. :class:`Labels` keeps the strings
and their anchor points and lays each out the way ``Text`` does (lines, alignment, a quarter turn),
drawing through the renderer's ``draw_text``: the glyph cache on screen, real text in PDF and SVG.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Literal

import numpy as np
from matplotlib.artist import Artist
from matplotlib.backend_bases import RendererBase
from matplotlib.colors import to_rgba
from matplotlib.font_manager import FontProperties, findfont, get_font
from matplotlib.transforms import Bbox, Transform

from branchdesk.charts.render import CachedTextRenderer

HAlign = Literal["left", "center", "right"]
VAlign = Literal["top", "center", "bottom", "baseline"]


class Labels(Artist):
    """Texts at points given in ``transform``'s coordinates, each moved by ``offset`` (points) and
    aligned on that point as ``Text`` would align it; upright (``rotation=90``) or level."""

    zorder = 3  # above bars and grids, as Text is

    def __init__(
        self,
        texts: Sequence[str],
        points: Sequence[tuple[float, float]],
        transform: Transform,
        *,
        size: float,
        color: str,
        ha: HAlign = "center",
        va: VAlign = "center",
        offset: tuple[float, float] = (0.0, 0.0),
        rotation: Literal[0, 90] = 0,
        linespacing: float | Literal["normal"] = "normal",
    ) -> None:
        super().__init__()
        if len(texts) != len(points):
            raise ValueError("one point per text")
        self.texts = list(texts)
        self._points = np.asarray(points, dtype=float).reshape(-1, 2)
        self.set_transform(transform)
        self._prop = FontProperties(size=size)
        self._color = to_rgba(color)
        self._ha, self._va = ha, va
        self._offset = offset
        self._rotation = rotation
        self._linespacing = linespacing

    def _placed(
        self, renderer: RendererBase
    ) -> Iterator[tuple[list[tuple[str, float, float]], tuple[float, float, float, float]]]:
        """Per text: its lines with their baselines' starts, and its box (x, y, width, height), in
        display pixels (y up)."""
        to_pixels = float(renderer.points_to_pixels(1.0))  # type: ignore[arg-type]
        dx, dy = self._offset[0] * to_pixels, self._offset[1] * to_pixels
        anchors = self.get_transform().transform(self._points) if len(self._points) else self._points
        font_ascent, font_descent, gap = _font_heights(self._prop, 72 * to_pixels)
        shifts = {"left": 0.0, "center": 0.5, "right": 1.0}
        ha = shifts[self._ha]
        va_turned = {"bottom": 0.0, "center": 0.5, "top": 1.0, "baseline": 0.0}[self._va]
        va_top = {"top": 0.0, "center": 0.5, "bottom": 1.0}
        measure = renderer.get_text_width_height_descent
        for text, (x, y) in zip(self.texts, anchors, strict=True):
            if not text or not np.isfinite(x) or not np.isfinite(y):
                continue
            if "\n" not in text and self._linespacing == "normal":  # most labels: one line, quickly
                width, height, descent = measure(text, self._prop, ismath=False)
                ascent, descent = max(height - descent, font_ascent), max(descent, font_descent)
                if self._rotation == 90:
                    ox = x + dx - (ascent + descent) * ha
                    oy = y + dy - width * va_turned
                    yield [(text, ox + ascent, oy)], (ox, oy, ascent + descent, width)
                else:
                    ox = x + dx - width * ha
                    above = ascent if self._va == "baseline" else va_top[self._va] * (ascent + descent)
                    oy = y + dy + above
                    yield [(text, ox, oy - ascent)], (ox, oy - ascent - descent, width, ascent + descent)
                continue
            # Lines stacked as Text stacks them (matplotlib 3.11): baselines from the box's top (0) down.
            lines, widths, baselines = text.split("\n"), [], []
            below = 0.0
            for line in lines:
                width, height, descent = measure(line, self._prop, ismath=False)
                ascent = height - descent
                if self._linespacing == "normal":
                    spare = gap / 2 if len(lines) > 1 else 0.0
                    ascent, descent = max(ascent, font_ascent) + spare, max(descent, font_descent) + spare
                else:
                    spare = (self._linespacing * (font_ascent + font_descent) - ascent - descent) / 2
                    ascent, descent = ascent + spare, descent + spare
                below -= ascent
                widths.append(width)
                baselines.append(below)
                below -= descent
            box_width, box_height = max(widths), -below
            starts = [(box_width - w) * shifts[self._ha] for w in widths]
            lined = list(zip(lines, starts, baselines, strict=True))
            if self._rotation == 90:
                # The turned box is box_height wide and box_width tall; a line's start (sx, by) from the
                # unturned box's top left turns to (-by, sx).
                left = -box_height * shifts[self._ha]
                bottom = -box_width * {"bottom": 0.0, "center": 0.5, "top": 1.0, "baseline": 0.0}[self._va]
                ox, oy = x + dx + left, y + dy + bottom
                placed = [(line, ox - by, oy + sx) for line, sx, by in lined]
                box = (ox, oy, box_height, box_width)
            else:
                top = {"top": 0.0, "center": box_height / 2, "bottom": box_height}.get(
                    self._va, -baselines[0]
                )
                ox, oy = x + dx - box_width * shifts[self._ha], y + dy + top
                placed = [(line, ox + sx, oy + by) for line, sx, by in lined]
                box = (ox, oy - box_height, box_width, box_height)
            yield placed, box

    def draw(self, renderer: RendererBase) -> None:
        if not self.get_visible():
            return
        renderer.open_group("labels", self.get_gid())
        gc = renderer.new_gc()
        gc.set_foreground(self._color, isRGBA=True)
        _, canvas_height = renderer.get_canvas_width_height()
        flip = renderer.flipy()
        lines = [
            (line, x, canvas_height - y if flip else y)
            for placed, _ in self._placed(renderer)
            for line, x, y in placed
        ]
        if isinstance(renderer, CachedTextRenderer):
            renderer.draw_texts(gc, lines, self._prop, self._rotation)
        else:  # PDF, SVG: real text
            for line, x, y in lines:
                renderer.draw_text(gc, x, y, line, self._prop, self._rotation)
        gc.restore()
        renderer.close_group("labels")
        self.stale = False

    def extents(self, renderer: RendererBase) -> list[Bbox]:
        """Each drawn text's box in display pixels (for checking that none overlap)."""
        return [Bbox.from_bounds(*box) for _, box in self._placed(renderer)]

    def get_window_extent(self, renderer: Any = None) -> Bbox:
        found = self.extents(renderer) if renderer is not None else []
        return Bbox.union(found) if found else Bbox.null()


def _font_heights(prop: FontProperties, dpi: float) -> tuple[float, float, float]:
    """The first font's ascent, descent and line gap in pixels, from its OS/2 (else hhea) table, as
    ``Text`` reads them."""
    font = get_font(findfont(prop))
    scale = prop.get_size_in_points() * dpi / 72 / font.units_per_EM
    os2 = font.get_sfnt_table("OS/2")
    if os2 is not None:
        return os2["sTypoAscender"] * scale, -os2["sTypoDescender"] * scale, os2["sTypoLineGap"] * scale
    hhea = font.get_sfnt_table("hhea")
    if hhea is not None:
        return hhea["ascent"] * scale, -hhea["descent"] * scale, hhea["lineGap"] * scale
    size = prop.get_size_in_points() * dpi / 72
    return 0.8 * size, 0.2 * size, 0.0
