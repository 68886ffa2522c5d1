"""The chart tabs driven as a clerk would: pick a region and a period, hover a bar, click it to reach the
rows behind it, export the chart. Plus: matplotlib is not loaded until a chart tab is first shown, and
charts are drawn off the UI thread, sharp on a high-resolution screen and again when the window is resized."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QToolTip

from branchdesk.domain.chart_data import GroupKind, MonthSpan, RateBreakdown, ThemedDayGrid, TierMatrix
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind, Tier
from branchdesk.domain.months import Month
from branchdesk.domain.rates import Rate
from branchdesk.services import charts as chart_service
from branchdesk.services.ledgers import open_ledger
from branchdesk.storage import stats as stats_store
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.tabs.chart import ChartTab
from tests.chart_ledger import ChartLedger, make_chart_ledger
from tests.ui.conftest import Recorder
from tests.ui.typing import press_enter, retype

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def charted(tmp_path: Path, clock: FixedClock) -> tuple[Path, ChartLedger]:
    path = tmp_path / "图表 台账.bdesk"
    return path, make_chart_ledger(path, clock)


@pytest.fixture
def window(
    make_window: Callable[..., MainWindow], charted: tuple[Path, ChartLedger], qtbot: object
) -> MainWindow:
    made = make_window()
    assert made.open_path(charted[0])
    made.resize(1366, 768)
    made.show()
    qtbot.waitExposed(made)  # type: ignore[attr-defined]
    return made


def select(window: MainWindow, region_id: int) -> None:
    window.regions.select(region_id)


def shown(tab: ChartTab, qtbot: object, check: Callable[[object], bool] = lambda data: True) -> object:
    """The tab's data once a result that passes ``check`` is on show."""
    qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: tab.data is not None and check(tab.data) and not tab.busy() and tab.picture is not None,
        timeout=15000,
    )
    return tab.data


def at(tab: ChartTab, item: int, series: int = 0) -> QPoint:
    """Where a drawn item lies on the tab's picture."""
    from branchdesk.charts.base import Target

    assert tab.picture is not None
    x, y = tab.picture.centre(Target(item, series))
    return QPoint(round(x), round(y))


def click(tab: ChartTab, qtbot: object, item: int, series: int = 0) -> None:
    """A left click on a drawn item."""
    qtbot.mouseClick(tab.view, Qt.MouseButton.LeftButton, pos=at(tab, item, series))  # type: ignore[attr-defined]


def hover(tab: ChartTab, qtbot: object, item: int, series: int = 0) -> None:
    qtbot.mouseMove(tab.view, at(tab, item, series))  # type: ignore[attr-defined]
    qtbot.waitUntil(QToolTip.isVisible)  # type: ignore[attr-defined]


def branch_names(window: MainWindow) -> list[str]:
    model = window.branches_tab.model
    return sorted(model.index(row, 0).data() for row in range(model.rowCount()))


def test_hidden_chart_tabs_do_no_work(window: MainWindow, charted: tuple[Path, ChartLedger]) -> None:
    regions = charted[1].regions
    select(window, regions["huangchuan"])
    select(window, regions["gushi"])
    for tab in window.chart_tabs:
        assert tab.picture is None
        assert not tab.busy()
        assert tab.data is None
    assert not window.exchange.chart_action.isEnabled()


def test_coverage_follows_region_and_date_and_drills_down(
    window: MainWindow, charted: tuple[Path, ChartLedger], qtbot: object, clock: FixedClock
) -> None:
    path, made = charted
    regions = made.regions
    tab = window.coverage_tab
    window.show_tab("coverage")
    data = shown(tab, qtbot)
    assert isinstance(data, RateBreakdown)
    assert data.scope.id == regions["city"]
    assert [(i.group.name, i.rate) for i in data.items] == [("固始县", Rate(1, 2)), ("潢川县", Rate(3, 6))]
    assert window.exchange.chart_action.isEnabled()

    select(window, regions["huangchuan"])
    data = shown(tab, qtbot, lambda d: d.scope.id == regions["huangchuan"])  # type: ignore[attr-defined]
    assert [(i.group.name, i.rate) for i in data.items] == [("城关镇", Rate(2, 4)), ("仁和镇", Rate(1, 2))]  # type: ignore[attr-defined]

    # The period: as of 30 April, p2 was still active and the archived village still existed.
    retype(tab.as_of, "2022-04-31")  # no such day: marked, the chart stays as it is
    press_enter(tab.as_of)
    assert tab.as_of.problem_text == "“2022-04-31”不是日期：2022年4月只有30天。"
    retype(tab.as_of, "2022/4/30")
    press_enter(tab.as_of)
    data = shown(tab, qtbot, lambda d: d.as_of == dt.date(2022, 4, 30))  # type: ignore[attr-defined]
    with open_ledger(path, clock, read_only=True) as ledger:
        for item in data.items:  # type: ignore[attr-defined]
            expected = stats_store.coverage(
                ledger, item.group.id, dt.date(2022, 4, 30), direct=False, organ_side=False
            )
            assert item.rate == expected
    assert [i.rate for i in data.items] == [Rate(3, 4), Rate(2, 3)]  # type: ignore[attr-defined]

    hover(tab, qtbot, 0)
    assert QToolTip.text() == "城关镇\n覆盖率 75.00%：4 个基层党支部中 3 个已结对\n单击可查看对应的明细。"

    # A click on 城关镇's bar: the Branches tab, 城关镇 selected, the gap behind the bar listed: its
    # grassroots branch unpaired on 30 April; one click on the ticked box lists all four.
    click(tab, qtbot, 0)
    assert window.tabs.currentWidget() is window.branches_tab
    assert window.regions.selected_region() == regions["hc_chengguan"]
    assert branch_names(window) == ["城关4村党支部"]
    assert window.branches_tab.kind.currentText() == "全部基层党支部"
    unpaired = window.branches_tab.unpaired
    assert unpaired.isChecked()
    assert unpaired.text() == "2022年4月30日未结对的"
    qtbot.mouseClick(unpaired, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert branch_names(window) == [f"城关{i}村党支部" for i in range(1, 5)]
    assert unpaired.text() == "只看未结对"


def test_organ_side_drills_to_a_unit_and_to_the_city_level(
    window: MainWindow, charted: tuple[Path, ChartLedger], qtbot: object
) -> None:
    regions = charted[1].regions
    tab = window.coverage_tab
    select(window, regions["huangchuan"])
    window.show_tab("coverage")
    tab.show_chart("organ")
    data = shown(tab, qtbot, lambda d: any(i.group.kind is GroupKind.UNIT for i in d.items))  # type: ignore[attr-defined]
    assert [i.group.name for i in data.items] == ["潢川县财政局", "潢川县教育体育局"]  # type: ignore[attr-defined]
    click(tab, qtbot, 1)
    assert window.tabs.currentWidget() is window.branches_tab
    assert branch_names(window) == ["机关第2党支部"]  # the unit's unpaired one
    assert window.branches_tab.search.text() == "潢川县教育体育局"
    qtbot.mouseClick(window.branches_tab.unpaired, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert branch_names(window) == ["机关第1党支部", "机关第2党支部"]

    select(window, regions["city"])
    window.show_tab("coverage")
    tab.show_chart("optimisation")
    data = shown(tab, qtbot, lambda d: d.scope.id == regions["city"] and d.items)  # type: ignore[attr-defined]
    assert [i.group.kind for i in data.items] == [GroupKind.OWN, GroupKind.REGION, GroupKind.REGION]  # type: ignore[attr-defined]
    click(tab, qtbot, 0)  # 市直: the city's own organ branches, not the counties'
    assert window.regions.selected_region() == regions["city"]
    assert window.branches_tab.current_filter().direct
    assert window.branches_tab.model.total == 2
    assert window.branches_tab.kind.currentText() == "机关"


def test_a_tier_cell_opens_its_pairings(window: MainWindow, qtbot: object) -> None:
    tab = window.coverage_tab
    window.show_tab("coverage")
    tab.show_chart("tiers")
    data = shown(tab, qtbot, lambda d: isinstance(d, TierMatrix))
    assert isinstance(data, TierMatrix)
    assert data.total == 4
    click(tab, qtbot, 0, 2)  # strong organ branch, weak grassroots branch
    assert window.tabs.currentWidget() is window.pairings_tab
    pairings = window.pairings_tab.model
    shown_rows = [pairings.row_at(r) for r in range(pairings.rowCount())]
    assert len(shown_rows) == data.count(Tier.STRONG, Tier.WEAK) > 0
    assert {(row.organ_tier, row.grassroots_tier) for row in shown_rows} == {(Tier.STRONG, Tier.WEAK)}


def test_activity_frequency_follows_months_and_region(
    window: MainWindow,
    charted: tuple[Path, ChartLedger],
    qtbot: object,
    monkeypatch: pytest.MonkeyPatch,
    clock: FixedClock,
) -> None:
    path, made = charted
    regions = made.regions
    tab = window.frequency_tab
    window.show_tab("activity-frequency")
    # Today is 19 May 2022: by default, the months up to the last ended one that have activities.
    data = shown(tab, qtbot)
    assert data.span == MonthSpan(Month(2022, 4), Month(2022, 4))  # type: ignore[attr-defined]
    assert tab.first_month.text() == "2022年4月"
    assert tab.first_month.isEnabled()

    retype(tab.last_month, "2022年6月")
    press_enter(tab.last_month)
    data = shown(tab, qtbot, lambda d: d.span.last == Month(2022, 6))  # type: ignore[attr-defined]
    with open_ledger(path, clock, read_only=True) as ledger:
        for i, month in enumerate(data.span.months):  # type: ignore[attr-defined]
            counts = stats_store.activity_counts(ledger, regions["city"], month, direct=False)
            assert data.total(i) == counts.count  # type: ignore[attr-defined]
            assert data.volunteers[i] == counts.volunteer_person_times  # type: ignore[attr-defined]

    # The grid, summed by county when the pairings are many; a county's row opens that county's grid.
    monkeypatch.setattr(chart_service, "PAIRING_ROWS_MAX", 2)
    tab.show_chart("themed-days")
    grid = shown(tab, qtbot, lambda d: isinstance(d, ThemedDayGrid))
    assert isinstance(grid, ThemedDayGrid)
    assert grid.aggregated
    assert [g.group.name for g in grid.groups] == ["固始县", "潢川县"]
    click(tab, qtbot, 2, 1)  # 潢川县, May
    assert window.regions.selected_region() == regions["huangchuan"]
    assert window.tabs.currentWidget() is tab
    grid = shown(tab, qtbot, lambda d: d.scope.id == regions["huangchuan"])  # type: ignore[attr-defined]
    assert isinstance(grid, ThemedDayGrid)
    assert grid.totals[1] == Rate(2, 3)  # May: p1 and p3 held one, p4 did not

    # Switching charts reuses what was computed; switching back draws again without asking SQL.
    tab.show_chart("volunteers")
    tab.show_chart("types")
    assert tab.chart_id == "types"


def test_export_the_chart_on_show(
    window: MainWindow, qtbot: object, tmp_path: Path, recorder: Recorder
) -> None:
    window.show_tab("coverage")
    shown(window.coverage_tab, qtbot)
    asked: list[str] = []

    def choose(parent: object, suggested: str) -> Path:
        asked.append(suggested)
        return tmp_path / "导出" / "覆盖率.pdf"

    (tmp_path / "导出").mkdir()
    window.context.choose_chart_path = choose  # type: ignore[assignment]
    window.exchange.chart_action.trigger()
    assert asked == ["信阳市 基层覆盖率 2022年5月19日.png"]
    assert (tmp_path / "导出" / "覆盖率.pdf").read_bytes().startswith(b"%PDF")
    assert "覆盖率.pdf" in window.figures.file_label.text()
    window.context.choose_chart_path = lambda parent, suggested: tmp_path / "没有 这个 文件夹" / "x.png"  # type: ignore[assignment]
    window.exchange.chart_action.trigger()
    assert len(recorder.errors) == 1
    window.show_tab("branches")
    assert not window.exchange.chart_action.isEnabled()


def test_charts_speak_the_chosen_language(window: MainWindow, qtbot: object) -> None:
    tab = window.coverage_tab
    window.show_tab("coverage")
    shown(tab, qtbot)
    assert tab.picture is not None
    assert tab.picture.texts[0] == "信阳市基层党支部结对覆盖率"
    assert tab.view.accessibleName() == "信阳市基层党支部结对覆盖率"
    window.menus.language_actions["en"].trigger()
    QApplication.processEvents()
    assert window.tabs.tabText(window.tabs.indexOf(tab)) == "Coverage"
    qtbot.waitUntil(lambda: tab.picture.texts[0] == "信阳市: coverage of grassroots branches")  # type: ignore[attr-defined,union-attr]
    window.menus.language_actions["zh_CN"].trigger()
    QApplication.processEvents()
    assert window.tabs.tabText(window.tabs.indexOf(window.frequency_tab)) == "活动频次"


def test_closing_while_a_chart_is_computing(window: MainWindow) -> None:
    window.show_tab("activity-frequency")
    window.close()
    assert window.session is None


def test_tooltips_show_a_bars_numbers(window: MainWindow, qtbot: object) -> None:
    tab = window.coverage_tab
    window.show_tab("coverage")
    shown(tab, qtbot)
    hover(tab, qtbot, 1)
    assert "潢川县" in QToolTip.text()
    assert "50.00%" in QToolTip.text()
    assert tab.view.cursor().shape() == Qt.CursorShape.PointingHandCursor
    qtbot.mouseMove(tab.view, QPoint(2, 2))  # type: ignore[attr-defined]  # off the bars
    qtbot.waitUntil(lambda: not QToolTip.isVisible())  # type: ignore[attr-defined]
    assert tab.view.cursor().shape() == Qt.CursorShape.ArrowCursor


SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from branchdesk.app import build_window
from branchdesk.domain.clock import FixedClock
app = QApplication([])
folder = Path(sys.argv[1])
settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
window = build_window(app, FixedClock.on("2022-05-19"), settings, "zh_CN", folder, headless=True)
assert window.open_path(Path(sys.argv[2]))
window.show()
window.settle()
assert "matplotlib" not in sys.modules, "matplotlib was imported before a chart was shown"
window.show_tab("coverage")
window.settle()
assert "matplotlib" in sys.modules and window.coverage_tab.has_chart()
window.close()
print("ok")
"""


def test_matplotlib_waits_for_the_first_chart(charted: tuple[Path, ChartLedger], tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    cold = subprocess.run(
        [sys.executable, "-c", "import sys, branchdesk.app; assert 'matplotlib' not in sys.modules"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert cold.returncode == 0, cold.stderr
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path), str(charted[0])],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "ok"


def test_the_kind_filter_is_found_by_its_kinds(window: MainWindow) -> None:
    window.branches_tab.show_matching((BranchKind.ORGAN,))
    assert window.branches_tab.kind.currentText() == "机关"


def test_screenshot_ids_of_the_chart_tabs(window: MainWindow) -> None:
    """``--screenshot`` names its files by these ids."""
    assert {"coverage", "activity-frequency"} <= set(window.tab_ids())


def test_charts_are_drawn_off_the_ui_thread_and_again_when_resized(
    window: MainWindow, qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker renders the picture; the UI thread only shows it. A resized window gets a picture of
    its new size once the resizing pauses, with the bars found where they are drawn."""
    import threading

    from branchdesk.charts import picture

    threads: list[threading.Thread] = []
    render = picture.render

    def recorded(*args: object) -> picture.Picture:
        threads.append(threading.current_thread())
        return render(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(picture, "render", recorded)
    tab = window.coverage_tab
    window.show_tab("coverage")
    shown(tab, qtbot)
    assert threads
    assert threading.main_thread() not in threads
    assert tab.picture is not None
    assert tab.picture.logical_size[0] == tab.view.width()
    first = tab.picture

    window.resize(1100, 700)
    qtbot.waitUntil(lambda: tab.picture is not first and not tab.busy())  # type: ignore[attr-defined]
    assert tab.picture.logical_size[0] == tab.view.width() < first.logical_size[0]
    assert threading.main_thread() not in threads
    hover(tab, qtbot, 1)
    assert "潢川县" in QToolTip.text()


def test_a_high_resolution_screen_gets_a_sharp_picture(
    window: MainWindow, qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a screen with two physical pixels to a logical one the picture has twice the pixels, shown at
    the same size, with its items at the same places."""
    tab = window.coverage_tab
    monkeypatch.setattr(tab, "devicePixelRatioF", lambda: 2.0)
    window.show_tab("coverage")
    shown(tab, qtbot)
    assert tab.picture is not None
    assert tab.picture.ratio == 2.0
    assert tab.picture.width == 2 * tab.view.width()
    assert tab.picture.logical_size[0] == tab.view.width()
    hover(tab, qtbot, 0)
    assert "固始县" in QToolTip.text()
    grabbed = tab.view.grab().toImage()
    assert grabbed.width() in (tab.view.width(), 2 * tab.view.width())


def test_flicking_back_to_a_chart_shows_it_at_once(window: MainWindow, qtbot: object) -> None:
    tab = window.coverage_tab
    window.show_tab("coverage")
    shown(tab, qtbot)
    first = tab.picture
    qtbot.mouseClick(tab.buttons["organ"], Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    shown(tab, qtbot, lambda data: tab.picture is not first)
    assert tab.chart_id == "organ"
    qtbot.mouseClick(tab.buttons["grassroots"], Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert tab.picture is first  # kept: no worker, no waiting
    assert not tab.busy()
    assert tab.view.accessibleName() == "信阳市基层党支部结对覆盖率"


def test_each_chart_is_one_spec(window: MainWindow) -> None:
    """A chart tab's picker, names and drawing come from its specs alone: no chart is named by a string
    anywhere else in the chart tabs' code."""
    import ast

    for tab in window.chart_tabs:
        assert list(tab.buttons) == tab.chart_ids() == [spec.id for spec in tab.specs.values()]
        assert [button.text() for button in tab.buttons.values()] == [s.name() for s in tab.specs.values()]
    for module in ("chart", "coverage", "frequency"):
        source = (ROOT / "branchdesk" / "ui" / "tabs" / f"{module}.py").read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Compare):
                compared = [ast.unparse(part) for part in (node.left, *node.comparators)]
                assert not any("chart_id" in part or part.endswith(".id") for part in compared), compared


def test_an_edit_is_charted_at_once(
    window: MainWindow, charted: tuple[Path, ChartLedger], qtbot: object
) -> None:
    """A branch archived in the Branches tab leaves the coverage chart, which was drawn before the edit."""
    from branchdesk.ui.dialogs.date_choice import DateDialog
    from tests.ui.driving import answer

    regions = charted[1].regions
    tab = window.coverage_tab
    select(window, regions["hc_chengguan"])
    window.show_tab("coverage")
    data = shown(tab, qtbot, lambda d: d.scope.id == regions["hc_chengguan"])  # type: ignore[attr-defined]
    assert data.total == Rate(2, 4)  # type: ignore[attr-defined]

    window.show_tab("branches")
    table, model = window.branches_tab.table, window.branches_tab.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)  # type: ignore[attr-defined]
    row = next(r for r in range(model.rowCount()) if model.row_at(r).name == "城关4村党支部")  # unpaired
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(model.index(row, 0)).center()
    )  # type: ignore[attr-defined]

    def on_may_first(dialog: DateDialog) -> None:
        retype(dialog.date, "2022-05-01")
        dialog.accept()

    answer(DateDialog, on_may_first)
    window.branches_tab.branch_actions.archive.trigger()
    assert "城关4村党支部" not in branch_names(window)  # archived rows are hidden
    window.show_tab("coverage")
    data = shown(tab, qtbot, lambda d: d.total.total == 3)  # type: ignore[attr-defined]
    assert data.total == Rate(2, 3)  # type: ignore[attr-defined]
    assert "66.66%" in tab.picture.texts[1]  # type: ignore[union-attr]


def test_kept_pictures_stay_within_their_memory_budget(
    window: MainWindow, qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from branchdesk.ui.tabs import chart

    tab = window.coverage_tab
    window.show_tab("coverage")
    shown(tab, qtbot)
    assert tab.picture is not None
    one = tab.view.width() * tab.view.height() * 4  # bytes of a picture at the screen's ratio of 1
    monkeypatch.setattr(chart, "PICTURES_BYTES", round(one * 1.5))
    first = tab.picture
    qtbot.mouseClick(tab.buttons["organ"], Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    shown(tab, qtbot, lambda data: tab.picture is not first)
    qtbot.mouseClick(tab.buttons["grassroots"], Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert tab.busy()  # drawn again: the budget kept one picture only
    shown(tab, qtbot, lambda data: tab.chart_id == "grassroots" and tab.picture is not first)
