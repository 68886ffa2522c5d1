"""Every chart draws in Chinese without a missing glyph, its labels never overlap (ten counties, thirty
townships, sixty months) and are no more than can be read, each drawn item can be found under the mouse on
the rendered picture, and export writes PNG, SVG and PDF at print resolution."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import warnings
import zlib
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from branchdesk.charts import coverage, export, frequency
from branchdesk.charts.base import Target, percent_text, text_inches
from branchdesk.charts.picture import Picture, render
from branchdesk.domain.chart_data import (
    AreaCounts,
    CellState,
    Group,
    GroupKind,
    GroupMonths,
    GroupRate,
    MonthlyActivity,
    MonthSpan,
    PairingMonths,
    RateBreakdown,
    Scope,
    ThemedDayGrid,
    TierCell,
    TierMatrix,
    WeekdayMonth,
    WeekdayShare,
)
from branchdesk.domain.enums import ActivityType, Area, RegionLevel, Tier
from branchdesk.domain.months import Month
from branchdesk.domain.plan_items import ItemMonths
from branchdesk.domain.rates import Rate

COUNTIES = ["浉河区", "平桥区", "罗山县", "光山县", "新县", "商城县", "固始县", "潢川县", "淮滨县", "息县"]
TOWNSHIPS = [
    "蓼城街道", "番城街道", "秀水街道", "三河尖镇", "往流镇", "郭陆滩镇", "胡族铺镇", "方集镇", "段集镇",
    "汪棚镇", "张广庙镇", "陈淋子镇", "黎集镇", "蒋集镇", "分水亭镇", "石佛店镇", "泉河铺镇", "祖师庙镇",
    "草庙集乡", "武庙集乡", "南大桥乡", "杨集乡", "马堽集乡", "徐集乡", "观堂乡", "丰港乡", "洪埠乡",
    "赵岗乡", "张老埠乡", "柳树店乡", "李店乡",
]  # fmt: skip
CITY = Scope(1, "信阳市", RegionLevel.CITY)
AS_OF = dt.date(2023, 12, 31)
SCREEN = (10.8, 6.3)  # inches at 100 dpi: the chart area of a 1366×768 window


@pytest.fixture(autouse=True)
def glyphs_must_exist() -> Iterator[None]:
    """A missing glyph draws an empty box: make matplotlib's warning about it an error here too."""
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*[Gg]lyph.*missing.*")
        warnings.filterwarnings("error", message=".*missing from font.*")
        yield


def drawn(
    draw: object, data: object, text: object, size: tuple[float, float] = SCREEN, ratio: float = 1.0
) -> tuple[Figure, Picture]:
    """The chart rendered as the window's worker renders it, and the figure it was drawn on."""
    figures: list[Figure] = []

    def on(figure: Figure) -> object:
        figures.append(figure)
        return draw(figure, data, text)  # type: ignore[operator]

    picture = render(on, round(size[0] * 100), round(size[1] * 100), ratio)  # type: ignore[arg-type]
    return figures[0], picture


def boxes(texts: list[Text], figure: Figure) -> list[Bbox]:
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    return [t.get_window_extent(renderer) for t in texts if t.get_visible() and t.get_text().strip()]


def written(axes: Axes) -> list[str]:
    """What is written on the bars or in the cells, and the category names."""
    return [t.get_text() for t in axes.texts]


def assert_apart(found: list[Bbox], what: str) -> None:
    for a, b in itertools.combinations(found, 2):
        overlap_x = min(a.x1, b.x1) - max(a.x0, b.x0)
        overlap_y = min(a.y1, b.y1) - max(a.y0, b.y0)
        assert overlap_x <= 0.5 or overlap_y <= 0.5, f"{what} overlap: {a} and {b}"


def assert_inside(found: list[Bbox], figure: Figure, what: str) -> None:
    width, height = figure.bbox.width, figure.bbox.height
    for box in found:
        inside = box.x0 >= -0.5 and box.x1 <= width + 0.5 and box.y0 >= -0.5 and box.y1 <= height + 0.5
        assert inside, f"{what} outside the figure: {box}"


def assert_readable(figure: Figure) -> None:
    """Labels of each axis, and the values written on the bars, neither overlap nor leave the page."""
    for axes in figure.axes:
        for name, labels in (("x labels", axes.get_xticklabels()), ("y labels", axes.get_yticklabels())):
            found = boxes(list(labels), figure)
            assert_apart(found, name)
            assert_inside(found, figure, name)
        values = boxes(list(axes.texts), figure)
        assert_apart(values, "values")
        assert_inside(values, figure, "values")
    assert_inside(boxes(list(figure.texts), figure), figure, "titles")


def breakdown(names: list[str], level: RegionLevel, *, own: bool = False) -> RateBreakdown:
    items = [
        GroupRate(Group(GroupKind.REGION, i + 10, name, level), Rate(1000 - i * 7, 1000 + i))
        for i, name in enumerate(names)
    ]
    if own:
        items.insert(0, GroupRate(Group(GroupKind.OWN, 1, "信阳市", RegionLevel.CITY), Rate(1083, 1127)))
    items.append(GroupRate(Group(GroupKind.REGION, 99, "新设乡", level), Rate(0, 0)))
    total = Rate(sum(i.rate.count for i in items), sum(i.rate.total for i in items))
    return RateBreakdown(CITY, AS_OF, total, tuple(items))


def rate_text(data: RateBreakdown) -> coverage.RateChartText:
    return coverage.RateChartText(
        title="信阳市基层党支部结对覆盖率",
        subtitle="截至2023年12月31日；信阳市合计 99.40%（5,180/5,211）",
        labels=["市直" if i.group.kind is GroupKind.OWN else i.group.name for i in data.items],
        axis="覆盖率",
        empty="无数据",
    )


def test_ten_counties_stand_upright_with_every_rate_written() -> None:
    data = breakdown(COUNTIES, RegionLevel.COUNTY, own=True)
    figure, picture = drawn(coverage.draw_rate_bars, data, rate_text(data))
    assert coverage.rate_bars_upright(data, rate_text(data).labels)
    assert_readable(figure)
    # Truncated, never rounded (DESIGN.md §3): 1083/1127 is 96.09 %; no bar for a zero denominator.
    assert "96.09%\n1,083/1,127" in written(figure.axes[0])
    assert "—\n0/0" in written(figure.axes[0])
    assert len(picture.hits) == len(data.items) - 1  # the region without branches has no bar to point at


def test_thirty_townships_lie_down_without_overlapping() -> None:
    data = breakdown(TOWNSHIPS, RegionLevel.TOWNSHIP)
    rows = len(data.items)
    size = (SCREEN[0], max(SCREEN[1], rows * 0.2 + 1.6))
    figure, picture = drawn(coverage.draw_rate_bars, data, rate_text(data), size)
    assert not coverage.rate_bars_upright(data, rate_text(data).labels)
    assert_readable(figure)
    # Each bar is found where it is drawn, and only there (the last region has no branches, no bar).
    assert [hit.target for hit in picture.hits] == [Target(i) for i in range(len(data.items) - 1)]
    for hit in picture.hits:
        assert picture.at(*hit.centre()) == hit.target
    assert picture.at(1, 1) is None
    # Bars are found where the picture shows them: red inside their rectangle, not just beyond it.
    pixels = np.frombuffer(picture.rgba, np.uint8).reshape(picture.height, picture.width, 4)
    red = (0xB2, 0x22, 0x22)
    for hit in picture.hits:
        x, y = hit.centre()
        assert tuple(pixels[round(y), round(x), :3]) == red
        assert tuple(pixels[round(y), round(hit.right) - 2, :3]) == red
        assert tuple(pixels[round(y), round(hit.right) + 2, :3]) != red
        assert tuple(pixels[round(hit.top) - 2, round(x), :3]) != red


def test_rates_are_truncated() -> None:
    assert percent_text(Rate(4521, 4522)) == "99.97%"
    assert percent_text(Rate(4498, 4522)) == "99.46%"
    assert percent_text(Rate(0, 0)) == "—"


def tier_text() -> coverage.TierChartText:
    return coverage.TierChartText(
        title="信阳市结对档次构成（以强带弱）",
        subtitle="截至2023年12月31日；按结对时的档次",
        organ_axis="机关党支部",
        grassroots_axis="基层党支部",
        tiers={Tier.STRONG: "好", Tier.AVERAGE: "中", Tier.WEAK: "差", None: "未定档"},
        empty="无",
    )


def test_tier_matrix_cells_are_targets() -> None:
    cells = (
        TierCell(Tier.STRONG, Tier.WEAK, 2000),
        TierCell(Tier.AVERAGE, Tier.AVERAGE, 1200),
        TierCell(None, Tier.WEAK, 900),
    )
    data = TierMatrix(CITY, AS_OF, cells)
    figure, picture = drawn(coverage.draw_tier_matrix, data, tier_text())
    assert_readable(figure)
    assert len(picture.hits) == 4 * 3  # ungraded organs make a fourth row
    x, y = picture.centre(Target(0, 2))
    assert picture.at(x, y) == Target(0, 2)  # strong organ, weak grassroots
    assert "2,000\n48.78%" in written(figure.axes[0])


def months_text(span: MonthSpan, series: list[str]) -> frequency.MonthChartText:
    labels = [
        f"{m.month}月" + (f"\n{m.year}年" if i == 0 or m.month == 1 else "")
        for i, m in enumerate(span.months)
    ]
    return frequency.MonthChartText(
        title="信阳市每月活动次数（按类型）",
        subtitle="2022年4月至2023年12月；共 1,000,000 次",
        months=labels,
        axis="活动次数",
        empty="无",
        series=series,
    )


TYPE_NAMES = ["主题党日", "重点任务", "党课", "走访", "志愿服务", "其他"]


@pytest.mark.parametrize("months", [1, 21, 24, 60])
def test_monthly_charts_keep_their_labels_apart(months: int) -> None:
    last = Month(2023, 12)
    first = last
    for _ in range(months - 1):
        first = first.previous()
    span = MonthSpan(first, last)
    n = len(span.months)
    counts = {t: tuple(9000 + 100 * i + 7 * j for j in range(n)) for i, t in enumerate(ActivityType)}
    data = MonthlyActivity(CITY, span, counts, tuple(712_345 + j for j in range(n)))
    figure, picture = drawn(frequency.draw_monthly_types, data, months_text(span, TYPE_NAMES))
    assert_readable(figure)
    assert len(picture.hits) == 6 * n
    figure, _ = drawn(frequency.draw_volunteers, data, months_text(span, []))
    assert_readable(figure)
    weekday = WeekdayShare(
        CITY,
        span,
        tuple(WeekdayMonth(m, 40_000, 1_000, 2_345, 9_000) for m in span.months),
        (),
    )
    names = ["非工作日", "工作日（已注明原因）", "工作日（未注明原因）"]
    figure, picture = drawn(frequency.draw_weekday, weekday, months_text(span, names))
    assert_readable(figure)
    assert len(picture.hits) == 3 * n
    items = ItemMonths(CITY, span, tuple(4_000 + j for j in range(n)), tuple(3_000 + j for j in range(n)))
    figure, picture = drawn(frequency.draw_items, items, months_text(span, ["提出", "销号"]))
    assert_readable(figure)
    assert len(picture.hits) == 2 * n  # a bar raised and a bar ticked off a month


def test_areas() -> None:
    span = MonthSpan(Month(2022, 4), Month(2023, 12))
    data = AreaCounts(CITY, span, 1_000_000, {area: 100_000 * (i + 1) for i, area in enumerate(Area)})
    names = ["组织共建", "队伍共带", "产业共促", "服务共做", "新风共树", "实事共办"]
    text = frequency.AreaChartText(
        "信阳市“六共”活动分布", "…", dict(zip(Area, names, strict=True)), "活动次数", "无"
    )
    figure, picture = drawn(frequency.draw_areas, data, text)
    assert_readable(figure)
    assert len(picture.hits) == 6
    assert "600,000  60.00%" in written(figure.axes[0])


def grid_text(span: MonthSpan, rows: list[str]) -> frequency.GridChartText:
    return frequency.GridChartText(
        title="信阳市主题党日落实情况",
        subtitle="…",
        months=months_text(span, []).months,
        rows=["信阳市合计", *rows],
        states={
            CellState.HELD: "已开展",
            CellState.MISSED: "未开展",
            CellState.PARTIAL: "当月未全月结对（不计）",
            CellState.INACTIVE: "未结对",
        },
        empty="无",
    )


def test_themed_day_grid_by_township_and_by_pairing() -> None:
    span = MonthSpan(Month(2022, 4), Month(2023, 12))
    n = len(span.months)
    groups = tuple(
        GroupMonths(
            Group(GroupKind.REGION, i, name, RegionLevel.TOWNSHIP),
            tuple(Rate(95 + i % 5, 100) for _ in range(n)),
        )
        for i, name in enumerate(TOWNSHIPS)
    )
    data = ThemedDayGrid(CITY, span, 3000, groups, ())
    rows = frequency.grid_rows(data)
    figure, picture = drawn(
        frequency.draw_themed_day_grid, data, grid_text(span, TOWNSHIPS), (SCREEN[0], rows * 0.2 + 1.6)
    )
    assert_readable(figure)
    assert len(picture.hits) == rows * n
    pairings = tuple(
        PairingMonths(
            i, f"机关第{i}党支部", f"东方红路社区第{i}网格党支部", 3, dt.date(2022, 4, 6), None, (1,) * n
        )
        for i in range(40)
    )
    data = ThemedDayGrid(CITY, span, 40, groups[:1], pairings)
    names = [p.grassroots.removesuffix("党支部") for p in pairings]
    figure, picture = drawn(
        frequency.draw_themed_day_grid, data, grid_text(span, names), (SCREEN[0], 41 * 0.2 + 1.6)
    )
    assert_readable(figure)
    x, y = picture.centre(Target(5, 3))
    assert picture.at(x, y) == Target(5, 3)


def test_empty_charts_say_so() -> None:
    data = RateBreakdown(CITY, AS_OF, Rate(0, 0), ())
    figure, picture = drawn(coverage.draw_rate_bars, data, rate_text(data))
    assert len(picture.hits) == 0
    assert "无数据" in [t.get_text() for t in figure.texts]
    assert_apart(boxes(list(figure.texts), figure), "title, subtitle and message")


@pytest.mark.parametrize("suffix", export.FORMATS)
def test_export_at_print_resolution(tmp_path: Path, suffix: str) -> None:
    data = breakdown(COUNTIES, RegionLevel.COUNTY, own=True)
    figure = Figure(figsize=export.page_size(0))
    coverage.draw_rate_bars(figure, data, rate_text(data))
    path = tmp_path / f"覆盖率 图表.{suffix}"
    export.save_figure(figure, path)
    content = path.read_bytes()
    if suffix == "png":
        from PIL import Image

        with Image.open(path) as image:
            assert image.size == (round(11.69 * 300), round(8.27 * 300))
    elif suffix == "pdf":
        assert content.startswith(b"%PDF")
        assert b"NotoSansSC" in content  # the Chinese font is embedded
        # Real text, not a picture of it: every label is a text operator in the page's stream.
        streams = b"".join(
            zlib.decompress(m) for m in re.findall(rb"stream\r?\n(.*?)endstream", content, re.S)
        )
        assert streams.count(b"Tj") + streams.count(b"TJ") >= 2 * len(data.items)
        assert b"/Subtype /Image" not in content
    else:
        assert b"<svg" in content[:2000]
        assert b"<image" not in content  # vector: the text as outlines, the bars as paths


def test_export_refuses_other_formats(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="format"):
        export.save_figure(Figure(), tmp_path / "chart.xlsx")


def test_long_charts_export_on_longer_pages() -> None:
    assert export.page_size(0) == export.A4_LANDSCAPE
    assert export.page_size(63)[1] > export.A4_LANDSCAPE[1]


def test_label_widths_are_reckoned_generously() -> None:
    assert text_inches("张老埠乡", 9) == pytest.approx(4 * 9 / 72)
    assert text_inches("99.46%", 9) < text_inches("张老埠乡", 9)


def month_texts(figure: Figure) -> list[str]:
    return [t for t in written(figure.axes[0]) if t.endswith("月") or "月\n" in t]


def test_no_more_labels_than_can_be_read() -> None:
    """Five years of months on a screen: the months' names every few months (each January with its year),
    the bars' totals upright or not at all; on a wide page (export) or over fewer months, every one."""
    last = Month(2023, 12)
    first = last
    for _ in range(59):
        first = first.previous()
    span = MonthSpan(first, last)
    n = len(span.months)
    counts = {t: tuple(9000 + 7 * j for j in range(n)) for t in ActivityType}
    data = MonthlyActivity(CITY, span, counts, (0,) * n)
    narrow, _ = drawn(frequency.draw_monthly_types, data, months_text(span, TYPE_NAMES), (7.0, 5.0))
    assert_readable(narrow)
    months = month_texts(narrow)
    assert 5 <= len(months) < n
    assert sum("年" in m for m in months) == 5  # 2019 … 2023
    totals = {f"{data.total(i):,}" for i in range(n)}  # 54,000 to 56,478
    assert totals.isdisjoint(written(narrow.axes[0]))  # neither beside each other nor upright in 7 inches
    wide, _ = drawn(frequency.draw_monthly_types, data, months_text(span, TYPE_NAMES), (24.0, 8.0))
    assert_readable(wide)
    assert len(month_texts(wide)) == n

    groups = tuple(
        GroupMonths(
            Group(GroupKind.REGION, i, name, RegionLevel.TOWNSHIP), tuple(Rate(95, 100) for _ in range(n))
        )
        for i, name in enumerate(TOWNSHIPS[:5])
    )
    grid = ThemedDayGrid(CITY, span, 3000, groups, ())
    crowded, _ = drawn(frequency.draw_themed_day_grid, grid, grid_text(span, TOWNSHIPS[:5]))
    assert_readable(crowded)
    assert "95.00" not in written(crowded.axes[0])  # sixty cells a row: the colours and tooltips say it
    year = MonthSpan(Month(2023, 1), last)
    few = ThemedDayGrid(CITY, year, 3000, tuple(GroupMonths(g.group, g.rates[:12]) for g in groups), ())
    roomy, _ = drawn(frequency.draw_themed_day_grid, few, grid_text(year, TOWNSHIPS[:5]))
    assert written(roomy.axes[0]).count("95.00") == (1 + 5) * 12  # the total's row and each township's


def test_a_grid_of_few_rows_is_drawn_as_rows() -> None:
    """A city with one county: two rows of a normal height at the top, not two bands across the page."""
    span = MonthSpan(Month(2023, 1), Month(2023, 12))
    groups = (GroupMonths(Group(GroupKind.REGION, 2, "潢川县", RegionLevel.COUNTY), (Rate(95, 100),) * 12),)
    data = ThemedDayGrid(CITY, span, 700, groups, ())
    figure, picture = drawn(frequency.draw_themed_day_grid, data, grid_text(span, ["潢川县"]))
    assert_readable(figure)
    tallest = max(hit.bottom - hit.top for hit in picture.hits)
    assert 25 <= tallest <= frequency.GRID_ROW_MAX * 100
    assert min(hit.top for hit in picture.hits) < 200  # at the top, under the months
