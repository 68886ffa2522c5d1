"""Charts render Chinese text with a real font: a missing glyph is an error, not a box."""

from __future__ import annotations

import warnings
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from branchdesk.charts import CHART_FONT_FAMILY


def test_chinese_labels_draw_without_missing_glyphs(tmp_path: Path) -> None:
    figure = Figure(figsize=(5, 3), dpi=80)
    canvas = FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.bar(["浉河区", "潢川县", "固始县"], [99.4, 100.0, -1.5])
    axes.set_title("基层党支部结对覆盖率（%）——截至2022年5月19日")
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*[Gg]lyph.*missing.*")
        canvas.draw()
        figure.savefig(tmp_path / "chart.png")
    assert CHART_FONT_FAMILY in {"Microsoft YaHei", "Noto Sans SC"}
    assert (tmp_path / "chart.png").stat().st_size > 5000
