"""The window driven as a clerk would: open a ledger, pick regions, sort, search, switch language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QTextBrowser

from branchdesk.domain.enums import BranchKind, Tier
from branchdesk.domain.listing import BranchColumn
from branchdesk.domain.sort_key import name_key
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.new_ledger import NewLedgerDialog
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.models.branches import COLUMNS
from tests.builders import LedgerBuilder
from tests.ui.conftest import Recorder
from tests.ui.driving import answer


@pytest.fixture
def roster(build: LedgerBuilder, ledger: Ledger) -> Path:
    """潢川县: 3 organ branches (2 paired); 城关镇 4 villages, 仁和镇 2 villages; 固始县/城关镇 1 village."""
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    organs = build.organs(unit, tree["huangchuan"], 3, optimised=3)
    chengguan = build.villages(tree["hc_chengguan"], 4, prefix="城关")
    build.villages(tree["hc_renhe"], 2, prefix="仁和")
    build.branch(
        "固始城关村党支部",
        BranchKind.VILLAGE,
        tree["gs_chengguan"],
        tier=Tier.AVERAGE,
        established_on=dt.date(2021, 3, 1),
        secretary="丁永松",
        member_count=31,
    )
    build.pair(organs[0], chengguan[0], "2022-04-10")
    build.pair(organs[1], chengguan[1], "2022-04-10")
    path = ledger.path
    ledger.close()
    return path


def status(window: MainWindow, qtbot: object) -> tuple[str, str]:
    """The status bar's counts and coverage, once the background figures have arrived."""
    qtbot.waitUntil(lambda: window.figures.coverage_label.text() != "")  # type: ignore[attr-defined]
    return window.figures.counts_label.text(), window.figures.coverage_label.text()


def names(window: MainWindow) -> list[str]:
    model = window.branches_tab.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def select_region(window: MainWindow, path: list[str]) -> None:
    model = window.regions.model
    index = model.index(0, 0)
    for name in path[1:]:
        children = [model.index(r, 0, index) for r in range(model.rowCount(index))]
        index = next(child for child in children if child.data() == name)
    window.regions.view.setCurrentIndex(index)


def test_opening_a_ledger_fills_tree_table_and_status(
    make_window: Callable[..., MainWindow], roster: Path, qtbot: object
) -> None:
    window = make_window()
    # No automatic backup: its notice (已备份到 …) would stand where the file's path is for a while.
    window.context.auto_backup = False
    assert window.open_path(roster)
    assert window.pages.currentWidget() is window.splitter
    top = window.regions.model.index(0, 0)
    assert (top.data(), top.siblingAtColumn(1).data()) == ("信阳市", "10")
    assert window.branches_tab.model.total == 10
    # 2 of 7 grassroots branches paired: 28.57 % truncated; 2 of 3 organ branches: 66.66 %
    assert status(window, qtbot) == (
        "信阳市：机关党支部 3 个，基层党支部 7 个",
        "基层覆盖率 28.57% · 机关覆盖率 66.66% · 优化率 100.00%",
    )
    assert window.windowTitle() == f"{roster.name} — 支部联建台账 BranchDesk"
    assert window.figures.file_label.text() == str(roster)


def test_selecting_regions_filters_the_branches(
    make_window: Callable[..., MainWindow], roster: Path, qtbot: object
) -> None:
    window = make_window()
    window.open_path(roster)
    select_region(window, ["信阳市", "潢川县", "城关镇"])
    assert sorted(names(window)) == [f"城关{i}村党支部" for i in range(1, 5)]
    assert status(window, qtbot)[1].startswith("基层覆盖率 50.00%")
    select_region(window, ["信阳市", "固始县", "城关镇"])
    assert names(window) == ["固始城关村党支部"]
    select_region(window, ["信阳市", "潢川县"])
    assert len(names(window)) == 9
    assert status(window, qtbot)[0] == "潢川县：机关党支部 3 个，基层党支部 6 个"


def test_rows_read_in_chinese(make_window: Callable[..., MainWindow], roster: Path) -> None:
    window = make_window()
    window.open_path(roster)
    select_region(window, ["信阳市", "固始县"])
    model = window.branches_tab.model
    row = [model.index(0, column).data() for column in range(model.columnCount())]
    assert row[:5] == ["固始城关村党支部", "农村", "固始县 / 城关镇", "", "中"]
    assert "丁永松" in row
    assert "31" in row
    assert "2021年3月1日" in row
    select_region(window, ["信阳市", "潢川县", "城关镇"])
    partner = COLUMNS.index(BranchColumn.PARTNER)
    partners = {model.index(r, 0).data(): model.index(r, partner).data() for r in range(model.rowCount())}
    assert partners["城关1村党支部"] == "机关第1党支部"
    assert partners["城关3村党支部"] == ""


def test_sorting_by_a_header_click_sorts_in_sql(
    make_window: Callable[..., MainWindow], roster: Path, qtbot: object
) -> None:
    window = make_window()
    window.open_path(roster)
    window.branches_tab.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert names(window) == sorted(names(window), key=name_key, reverse=True)
    window.branches_tab.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # kind: organ first
    assert names(window)[:3] == ["机关第1党支部", "机关第2党支部", "机关第3党支部"]


def test_search_and_kind_filters(make_window: Callable[..., MainWindow], roster: Path, qtbot: object) -> None:
    window = make_window()
    window.open_path(roster)
    tab = window.branches_tab
    # Chinese arrives from the input method as committed text, not as key clicks.
    tab.search.insert("仁")
    tab.search.insert("和")
    assert tab.model.total == 10, "the search waits for the typing to pause"
    qtbot.waitUntil(lambda: tab.model.total == 2)  # type: ignore[attr-defined]
    assert sorted(names(window)) == ["仁和1村党支部", "仁和2村党支部"]
    assert tab.count_label.text() == "共 2 个党支部"
    tab.search.clear()
    tab.kind.setCurrentIndex(tab.kind.findText("机关"))
    assert tab.model.total == 3
    tab.search.setText("丁永松")
    tab.kind.setCurrentIndex(0)
    tab.apply_filter()
    assert names(window) == ["固始城关村党支部"]


def test_switching_language(make_window: Callable[..., MainWindow], roster: Path, qtbot: object) -> None:
    window = make_window()
    window.open_path(roster)
    status(window, qtbot)
    assert window.menus.file_menu.title() == "文件(&F)"
    window.menus.language_actions["en"].trigger()
    QApplication.processEvents()
    assert window.menus.file_menu.title() == "&File"
    assert window.tabs.tabText(0) == "Branches"
    assert window.branches_tab.model.headerData(0, Qt.Orientation.Horizontal) == "Branch"
    assert window.regions.model.headerData(0, Qt.Orientation.Horizontal) == "Region"
    assert window.regions.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole).startswith("City;")
    assert window.figures.counts_label.text() == "信阳市: 3 organ, 7 grassroots branches"
    assert window.context.settings.language == "en"
    window.menus.language_actions["zh_CN"].trigger()
    QApplication.processEvents()
    assert window.tabs.tabText(0) == "党支部"


def close_next_dialog(seen: list[QDialog]) -> None:
    def close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        seen.append(dialog)
        dialog.accept()

    QTimer.singleShot(0, close)


@pytest.mark.parametrize(
    ("action", "dialog_name"),
    [("settings_action", "settingsDialog"), ("about_action", "aboutDialog"), ("guide_action", "guideDialog")],
)
def test_menu_dialogs_open(make_window: Callable[..., MainWindow], action: str, dialog_name: str) -> None:
    window = make_window()
    seen: list[QDialog] = []
    close_next_dialog(seen)
    getattr(window.menus, action).trigger()
    assert [dialog.objectName() for dialog in seen] == [dialog_name]
    assert seen[0].windowTitle() in {"设置", "关于支部联建台账", "使用说明"}


def test_guide_is_in_chinese(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    seen: list[QDialog] = []
    close_next_dialog(seen)
    window.menus.guide_action.trigger()
    browser = seen[0].findChild(QTextBrowser, "guideText")
    assert isinstance(browser, QTextBrowser)
    assert "区域树" in browser.toPlainText()


def test_bad_files_give_a_message_and_keep_the_window(
    make_window: Callable[..., MainWindow], tmp_path: Path, recorder: Recorder
) -> None:
    window = make_window()
    not_a_ledger = tmp_path / "名单.bdesk"
    not_a_ledger.write_text("名称,分类\n", encoding="utf-8")
    assert not window.open_path(not_a_ledger)
    assert recorder.errors == [f"{not_a_ledger} 不是支部联建台账文件，文件未作任何改动。"]
    assert window.pages.currentWidget() is window.welcome
    assert window.session is None


def test_new_ledger_and_recent_files(
    make_window: Callable[..., MainWindow], tmp_path: Path, recorder: Recorder, roster: Path
) -> None:
    window = make_window()
    recorder.next_new = tmp_path / "新 台账.bdesk"
    # The region chain's defaults (信阳市) are taken with Enter.
    answer(NewLedgerDialog, lambda dialog: QTest.keyClick(dialog.county, Qt.Key.Key_Return))
    window.menus.new_action.trigger()
    assert recorder.next_new.exists()
    assert window.session is not None
    assert window.session.path == recorder.next_new
    assert window.branches_tab.model.total == 0
    recorder.next_open = roster
    window.menus.open_action.trigger()
    assert window.session.path == roster
    window.menus.recent_menu.aboutToShow.emit()
    assert [a.text() for a in window.menus.recent_menu.actions()] == [
        str(roster.resolve()),
        str(recorder.next_new.resolve()),
    ]


def test_a_new_ledger_cannot_replace_the_open_one(
    make_window: Callable[..., MainWindow], roster: Path, recorder: Recorder
) -> None:
    window = make_window()
    window.open_path(roster)
    before = roster.read_bytes()
    recorder.next_new = roster
    window.menus.new_action.trigger()
    assert recorder.errors == [f"{roster} 是本窗口正在使用的台账，请为新台账另起一个名字。"]
    assert roster.read_bytes() == before


def test_a_read_only_file_opens_read_only_and_says_so(
    make_window: Callable[..., MainWindow], roster: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, for whom chmod changes nothing: stand in for the operating system's answer.
    monkeypatch.setattr("branchdesk.services.ledgers.writable", lambda path: False)
    before = roster.read_bytes()
    window = make_window()
    window.context.auto_backup = False  # its notice would stand where the file's path is for a while
    assert window.open_path(roster)
    assert window.session is not None
    assert window.session.read_only
    assert window.windowTitle() == f"{roster.name}（只读） — 支部联建台账 BranchDesk"
    assert "只读" in window.figures.file_label.text()
    assert not window.menus.restore_action.isEnabled()
    window.close()
    assert roster.read_bytes() == before
