"""An edit made while another connection reads the file (a chart's aggregate, an export, the quick check) is
saved at once, never refused as "locked" nor lost (issue 16): typed into a cell, undone with Ctrl+Z."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.listing import BranchColumn
from branchdesk.services.ledgers import create_ledger, open_ledger
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.models.branches import COLUMNS
from tests.builders import LedgerBuilder
from tests.held_read import HeldRead
from tests.ui.conftest import Recorder
from tests.ui.typing import press_enter, retype

MEMBERS = "SELECT member_count FROM branch WHERE name = '城关1村党支部'"


def members(path: Path, clock: FixedClock) -> object:
    with open_ledger(path, clock, read_only=True) as ledger:
        return ledger.scalar(MEMBERS)


def scan_then_members(ledger: Ledger) -> object:
    ledger.scalar("SELECT count(*) FROM change_log JOIN branch")  # a whole scan, as a chart's aggregate
    return ledger.scalar(MEMBERS)


def test_an_edit_and_its_undo_during_a_long_read_are_saved_at_once(
    make_window: Callable[..., MainWindow],
    tmp_path: Path,
    qtbot: object,
    clock: FixedClock,
    recorder: Recorder,
) -> None:
    county = tmp_path / "新 台账" / "潢川.bdesk"  # a new ledger in an empty folder, with one village
    county.parent.mkdir()
    with create_ledger(county, clock) as ledger:
        build = LedgerBuilder(ledger)
        build.villages(build.tree()["hc_chengguan"], 1, prefix="城关")
    window = make_window()
    assert window.open_path(county)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)  # type: ignore[attr-defined]
    window.settle()
    table = window.branches_tab.table
    model = window.branches_tab.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).name == "城关1村党支部")

    with HeldRead(county, clock, scan_then_members) as read:
        table.setFocus()
        table.setCurrentIndex(model.index(row, COLUMNS.index(BranchColumn.MEMBERS)))
        qtbot.keyClick(table, Qt.Key.Key_F2)  # type: ignore[attr-defined]
        editor = table.indexWidget(table.currentIndex())
        assert editor is not None
        retype(editor, "35")
        press_enter(editor)
        QApplication.processEvents()  # the delegate commits on a queued call
        assert recorder.errors == []
        assert members(county, clock) == 35  # in the file while the read still runs

        qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
        assert recorder.errors == []
        assert members(county, clock) is None
    assert read.seen == [None, None]  # the read kept the state it started with

    window.close()  # and the file is one file again
    assert sorted(p.name for p in county.parent.iterdir()) == [county.name]
