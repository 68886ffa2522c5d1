"""An edit on one tab reads again only the tab on show: each hidden tab hears of what was written when it is
shown (an edit at county scale paid 20-40 ms on the UI thread for reading every other tab again)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from branchdesk.domain.listing import BranchColumn
from branchdesk.domain.pairing_list import PairingColumn
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.models import branches as branch_columns
from branchdesk.ui.models import pairings as pairing_columns
from tests.builders import LedgerBuilder
from tests.ui.conftest import Recorder
from tests.ui.driving import file_rows, shown
from tests.ui.typing import press_enter, retype


def paired(build: LedgerBuilder, ledger: Ledger) -> Path:
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    [organ] = build.organs(unit, tree["huangchuan"], 1)
    [village] = build.villages(tree["hc_chengguan"], 1, prefix="城关")
    build.pair(organ, village, "2022-04-10")
    path = ledger.path
    ledger.close()
    return path


def grassroots_shown(window: MainWindow) -> list[str]:
    model = window.pairings_tab.model
    column = pairing_columns.COLUMNS.index(PairingColumn.GRASSROOTS)
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_a_hidden_tab_reads_an_edit_when_it_is_shown(
    make_window: Callable[..., MainWindow], build: LedgerBuilder, ledger: Ledger, recorder: Recorder
) -> None:
    path = paired(build, ledger)
    window = make_window()
    assert window.open_path(path)
    window.resize(1366, 768)
    shown(window)
    for tab_id in window.tab_ids():
        window.tabs.tab(tab_id)  # every tab made, as a few seconds after start-up
    window.settle()
    assert grassroots_shown(window) == ["城关1村党支部"]
    resets: list[str] = []
    window.pairings_tab.model.modelReset.connect(lambda: resets.append("pairings"))

    table, model = window.branches_tab.table, window.branches_tab.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).name == "城关1村党支部")
    table.setFocus()
    table.setCurrentIndex(model.index(row, branch_columns.COLUMNS.index(BranchColumn.NAME)))
    QTest.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None
    retype(editor, "城关一村党支部")
    press_enter(editor)
    QApplication.processEvents()  # the delegate commits on a queued call
    assert recorder.errors == []
    assert file_rows(path, "SELECT name FROM branch WHERE kind = 'village'") == [("城关一村党支部",)]
    QApplication.processEvents()
    assert resets == []  # the Pairings tab, hidden, has read nothing

    QTest.keyClick(window.tabs.tabBar(), Qt.Key.Key_Right)  # the next tab: Pairings
    assert window.tabs.currentWidget() is window.pairings_tab
    window.settle()
    assert resets == ["pairings"]
    assert grassroots_shown(window) == ["城关一村党支部"]

    QTest.keyClick(window.tabs.tabBar(), Qt.Key.Key_Left)
    window.settle()
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undone on the Branches tab
    assert file_rows(path, "SELECT name FROM branch WHERE kind = 'village'") == [("城关1村党支部",)]
    window.settle()  # waits for every tab, and so tells the hidden ones first
    assert grassroots_shown(window) == ["城关1村党支部"]
