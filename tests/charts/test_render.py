"""The screen's fast text: glyphs kept and composed must measure and look like matplotlib's own text, and
a missing glyph must still be reported; labels drawn as one artist sit where ``Text`` would put them."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from branchdesk.charts import render
from branchdesk.charts.labels import Labels
from branchdesk.charts.render import CachedTextRenderer, ChartCanvasAgg, GlyphCache

SAMPLES = ["94.21", "固始县合计", "100.00%  82/82", "2023年", "—", "lp"]


@pytest.mark.parametrize("size", [7.5, 9, 13])
def test_cached_text_measures_as_matplotlib_does(size: float) -> None:
    plain = RendererAgg(200, 100, 100)  # type: ignore[no-untyped-call]
    cached = CachedTextRenderer(200, 100, 100, GlyphCache())
    prop = FontProperties(size=size)
    for text in SAMPLES:
        expected = plain.get_text_width_height_descent(text, prop, False)  # type: ignore[no-untyped-call]
        found = cached.get_text_width_height_descent(text, prop, False)
        assert found == pytest.approx(expected, abs=0.01), text


def picture(canvas_class: type[FigureCanvasAgg], rotation: int) -> np.ndarray:
    figure = Figure(figsize=(3, 3), dpi=100)
    canvas = canvas_class(figure)
    figure.text(0.1, 0.5, "固始县 94.21% 82/82", fontsize=9, va="center", rotation=rotation)
    figure.text(0.7, 0.1, "1月\n2023年", fontsize=9, ha="center", rotation=rotation)
    canvas.draw()  # type: ignore[no-untyped-call]
    return np.asarray(canvas.buffer_rgba())[..., :3].astype(int)  # type: ignore[no-untyped-call]


@pytest.mark.parametrize("rotation", [0, 90])
def test_cached_text_looks_like_matplotlibs(rotation: int) -> None:
    expected, found = picture(FigureCanvasAgg, rotation), picture(ChartCanvasAgg, rotation)
    ink = (expected < 128).any(axis=2)
    assert ink.sum() > 200
    # The same glyphs in the same places, give or take the fraction of a pixel the pen is rounded by.
    assert (np.abs(expected - found).max(axis=2) > 160).sum() < ink.sum() * 0.05


def test_a_missing_glyph_is_still_reported() -> None:
    figure = Figure(figsize=(2, 1), dpi=100)
    canvas = ChartCanvasAgg(figure)
    figure.text(0.1, 0.5, "覆盖率 \U0001f600")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        canvas.draw()  # type: ignore[no-untyped-call]
    assert any("missing" in str(w.message).lower() for w in caught)


@pytest.mark.parametrize(
    ("ha", "va", "rotation", "text"),
    [
        ("center", "bottom", 0, "96.09%\n1,083/1,127"),
        ("left", "center", 0, "99.97%  4,521/4,522"),
        ("right", "center", 0, "潢川县"),
        ("center", "top", 0, "1月\n2023年"),
        ("center", "bottom", 90, "48,354"),
    ],
)
def test_labels_sit_where_text_would(ha: str, va: str, rotation: int, text: str) -> None:
    figure = Figure(figsize=(4, 3), dpi=100)
    canvas = ChartCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.set_xlim(0, 4)
    axes.set_ylim(0, 4)
    written = axes.annotate(
        text,
        (1, 2),
        xytext=(3, -4),
        textcoords="offset points",
        ha=ha,
        va=va,
        rotation=rotation,
        fontsize=8,
        linespacing=1.3,
    )
    labels = Labels(
        [text],
        [(1, 2)],
        axes.transData,
        size=8,
        color="black",
        ha=ha,  # type: ignore[arg-type]
        va=va,  # type: ignore[arg-type]
        offset=(3, -4),
        rotation=rotation,  # type: ignore[arg-type]
        linespacing=1.3,
    )
    axes.add_artist(labels)
    canvas.draw()  # type: ignore[no-untyped-call]
    renderer = canvas.get_renderer()
    (box,) = labels.extents(renderer)
    assert box.bounds == pytest.approx(written.get_window_extent(renderer).bounds, abs=0.6)


def test_labels_drawn_at_once_look_like_labels_drawn_one_by_one() -> None:
    pictures = []
    for canvas_class in (FigureCanvasAgg, ChartCanvasAgg):  # matplotlib's text, one by one; one mask
        figure = Figure(figsize=(4, 3), dpi=100)
        canvas = canvas_class(figure)
        axes = figure.add_subplot()
        axes.set_xlim(-0.5, 5.5)
        axes.set_ylim(3.5, -0.5)
        texts = [f"{90 + c + r / 10:.2f}" if c else "固始县" for r in range(4) for c in range(6)]
        axes.add_artist(
            Labels(
                texts, [(c, r) for r in range(4) for c in range(6)], axes.transData, size=7.5, color="black"
            )
        )
        canvas.draw()  # type: ignore[no-untyped-call]
        pictures.append(np.asarray(canvas.buffer_rgba())[..., :3].astype(int))  # type: ignore[no-untyped-call]
    expected, found = pictures
    ink = (expected < 128).any(axis=2)
    assert ink.sum() > 500
    assert (np.abs(expected - found).max(axis=2) > 160).sum() < ink.sum() * 0.05


def test_a_matplotlib_without_the_internals_draws_its_own_way_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    expected = picture(FigureCanvasAgg, 0)
    monkeypatch.setattr(render, "_INTERNALS", (*render._INTERNALS, (RendererAgg, "_gone_in_a_new_release")))
    render.fast_text.cache_clear()
    try:
        with pytest.warns(RuntimeWarning, match="RendererAgg._gone_in_a_new_release"):
            found = picture(ChartCanvasAgg, 0)
    finally:
        render.fast_text.cache_clear()
    assert (found == expected).all()
