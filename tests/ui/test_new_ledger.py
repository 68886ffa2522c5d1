"""Start from nothing: File ▸ New asks the region chain; the region tree can always add a city and more."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu

from branchdesk.domain.clock import FixedClock
from branchdesk.services.holidays import library_days
from branchdesk.services.ledgers import create_ledger
from branchdesk.ui.dialogs.branch import BranchDialog
from branchdesk.ui.dialogs.history import HistoryDialog
from branchdesk.ui.dialogs.new_ledger import NewLedgerDialog
from branchdesk.ui.dialogs.region import RegionDialog
from branchdesk.ui.main_window import MainWindow
from tests.ui.conftest import Recorder
from tests.ui.driving import answer, file_rows, press, shown
from tests.ui.typing import type_text

REGIONS = (
    "SELECT r.name, r.level, p.name, r.code FROM region r"
    " LEFT JOIN region p ON p.id = r.parent_id ORDER BY r.id"
)


def type_chain(qtbot: object, county: str, townships: str) -> Callable[[NewLedgerDialog], None]:
    def fill(dialog: NewLedgerDialog) -> None:
        type_text(dialog.county, county)
        qtbot.keyClick(dialog.county, Qt.Key.Key_Tab)  # type: ignore[attr-defined]
        type_text(dialog.county_code, "411526")
        qtbot.keyClick(dialog.county_code, Qt.Key.Key_Tab)  # type: ignore[attr-defined]
        for line in townships.splitlines():
            type_text(dialog.townships, line)
            qtbot.keyClick(dialog.townships, Qt.Key.Key_Return)  # type: ignore[attr-defined]
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        create = buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(create, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]

    return fill


def test_file_new_asks_the_region_chain_and_the_ledger_is_ready_for_branches(
    make_window: Callable[..., MainWindow], qtbot: object, tmp_path: Path, recorder: Recorder
) -> None:
    window = shown(make_window())
    recorder.next_new = tmp_path / "潢川县 台账.bdesk"
    seen = answer(NewLedgerDialog, type_chain(qtbot, "潢川县", "城关镇 411526100\n春申街道"))
    press(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["newLedgerDialog"]
    assert file_rows(recorder.next_new, REGIONS) == [
        ("信阳市", "city", None, "411500"),
        ("潢川县", "county", "信阳市", "411526"),
        ("城关镇", "township", "潢川县", "411526100"),
        ("春申街道", "township", "潢川县", None),
    ]
    # No dead end: the tree shows the chain, the county office's county selected, its actions work and the
    # branch dialog offers the townships.
    assert window.regions.selected_name() == "潢川县"
    model = window.regions.model
    city = model.index(0, 0)
    county = model.index(0, 0, city)
    assert (city.data(), county.data()) == ("信阳市", "潢川县")
    assert [model.index(r, 0, county).data() for r in range(model.rowCount(county))] == ["城关镇", "春申街道"]
    assert window.region_actions.add.isEnabled()
    assert window.region_actions.add_top.isEnabled()
    offered: list[list[str]] = []

    def read_regions(dialog: BranchDialog) -> None:
        combo = dialog.region
        offered.append([combo.itemText(i) for i in range(combo.count())])
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # type: ignore[attr-defined]

    answer(BranchDialog, read_regions)
    window.branches_tab.branch_actions.add.trigger()
    assert any("城关镇" in text for text in offered[0])
    # The seeding of the new ledger is one line of history.
    history: list[list[list[str]]] = []

    def read_history(dialog: HistoryDialog) -> None:
        assert dialog.wait()  # read on the job runner
        history.append(dialog.rows())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # type: ignore[attr-defined]

    answer(HistoryDialog, read_history)
    window.menus.ledger_history_action.trigger()
    days = sum(len(days) for days in library_days().values())
    assert [row[1:] for row in history[0]] == [
        ["新建台账", f"新增节假日安排 {days} 天；新增区域 4 个", "信阳市、潢川县、城关镇、春申街道"]
    ]


def test_the_chain_dialog_refuses_what_cannot_be_and_escape_makes_no_file(
    make_window: Callable[..., MainWindow], qtbot: object, tmp_path: Path, recorder: Recorder
) -> None:
    window = shown(make_window())
    recorder.next_new = tmp_path / "新.bdesk"
    seen: list[tuple[str, bool]] = []

    def refuse_then_escape(dialog: NewLedgerDialog) -> None:
        dialog.city.selectAll()
        qtbot.keyClick(dialog.city, Qt.Key.Key_Delete)  # type: ignore[attr-defined]
        type_text(dialog.townships, "城关镇")
        qtbot.keyClick(dialog.county, Qt.Key.Key_Return)  # type: ignore[attr-defined]
        seen.append((dialog.problems.text(), dialog.isVisible()))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # type: ignore[attr-defined]

    answer(NewLedgerDialog, refuse_then_escape)
    window.menus.new_action.trigger()
    assert seen == [
        ("请填写市的名称（区划链的最上一级）。\n乡镇（街道）属于县（区）：请先填写县（区）的名称。", True)
    ]
    assert list(tmp_path.glob("*.bdesk")) == []
    assert window.session is None


def test_a_ledger_without_regions_adds_a_city_by_shortcut_and_children_by_right_click(
    make_window: Callable[..., MainWindow],
    qtbot: object,
    tmp_path: Path,
    clock: FixedClock,
) -> None:
    path = tmp_path / "旧 空台账.bdesk"  # as `branchdesk-cli new` made it before: no region at all
    create_ledger(path, clock).close()
    window = make_window()
    assert window.open_path(path)
    shown(window)
    assert window.region_actions.add_top.isEnabled()
    assert not window.region_actions.add.isEnabled()

    def name_it(name: str, code: str = "") -> Callable[[RegionDialog], None]:
        def fill(dialog: RegionDialog) -> None:
            type_text(dialog.name, name)
            type_text(dialog.code, code)
            qtbot.keyClick(dialog.code, Qt.Key.Key_Return)  # type: ignore[attr-defined]

        return fill

    answer(RegionDialog, name_it("信阳市", "411500"))
    press(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert file_rows(path, REGIONS) == [("信阳市", "city", None, "411500")]
    assert window.regions.selected_name() == "信阳市"
    answer(RegionDialog, name_it("潢川县"))
    press(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.regions.selected_name() == "潢川县"  # the new county, ready for its townships
    answer(RegionDialog, name_it("城关镇"))
    press(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert file_rows(path, REGIONS)[1:] == [
        ("潢川县", "county", "信阳市", None),
        ("城关镇", "township", "潢川县", None),
    ]

    # Right-click on the empty space below the tree offers a new city, and only that.
    view = window.regions.view
    empty = QPoint(20, view.viewport().height() - 5)
    assert not view.indexAt(empty).isValid()
    offered: list[list[str]] = []

    def pick_from_menu() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(10, pick_from_menu)
            return
        offered.append([a.text() for a in menu.actions() if a.isVisible()])
        answer(RegionDialog, name_it("南阳市"))
        qtbot.keyClick(menu, Qt.Key.Key_Y)  # type: ignore[attr-defined]

    QTimer.singleShot(0, pick_from_menu)
    view.customContextMenuRequested.emit(empty)
    assert offered == [["添加市（最上一级）(&Y)…"]]
    assert file_rows(path, "SELECT name FROM region WHERE parent_id IS NULL ORDER BY id") == [
        ("信阳市",),
        ("南阳市",),
    ]
