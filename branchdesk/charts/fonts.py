"""The Chinese font for charts: Microsoft YaHei where installed, else the bundled Noto Sans SC."""

from __future__ import annotations

import matplotlib
from matplotlib import font_manager

from branchdesk.resources import bundled_font

PREFERRED_FAMILIES = ("Microsoft YaHei",)


def register_chinese_font() -> str:
    """Add the bundled font, put the best available Chinese family first, and return its name."""
    bundled = bundled_font()
    font_manager.fontManager.addfont(str(bundled))
    bundled_name = font_manager.FontProperties(fname=str(bundled)).get_name()
    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    family = next((name for name in PREFERRED_FAMILIES if name in installed), bundled_name)
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [family, bundled_name, "DejaVu Sans"]
    # The bundled font has no U+2212 minus sign; use the ASCII hyphen-minus.
    matplotlib.rcParams["axes.unicode_minus"] = False
    # Chinese glyphs carry no hints worth applying at chart sizes, and auto-hinting every glyph of every
    # label took half of a chart's drawing time.
    matplotlib.rcParams["text.hinting"] = "no_hinting"
    return family
