"""What an edit costs the UI thread (issue 16): the region tree's counts are read again on a worker after a
change to branches and shown in the rows there are, with the selection kept; workers run below the UI
thread's priority. The edits are typed as a person types them and checked in the file."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.listing import BranchColumn
from branchdesk.services import ledgers
from branchdesk.services.ledgers import create_ledger, open_ledger
from branchdesk.storage.ledger import Journal, Ledger
from branchdesk.ui.dialogs.date_choice import DateDialog
from branchdesk.ui.jobs.runner import Reads
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.models.branches import COLUMNS
from tests.builders import LedgerBuilder
from tests.ui.conftest import Recorder
from tests.ui.driving import answer, shown
from tests.ui.typing import press_enter, retype


def region_of(path: Path, clock: FixedClock, name: str) -> object:
    with open_ledger(path, clock, read_only=True) as ledger:
        return ledger.scalar(
            "SELECT region.name FROM branch JOIN region ON region.id = branch.region_id"
            " WHERE branch.name = ?",
            [name],
        )


def counts(window: MainWindow) -> dict[str, str]:
    """Each region's branch count as the tree shows it, by the region's path."""
    model = window.regions.model
    shown: dict[str, str] = {}

    def walk(parent: QModelIndex, above: str) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            shown[above + index.data()] = index.siblingAtColumn(1).data()
            walk(index, f"{above}{index.data()}/")

    walk(QModelIndex(), "")
    return shown


EVERY_REGION_BEFORE = {
    "信阳市": "3",
    "信阳市/潢川县": "2",
    "信阳市/潢川县/城关镇": "0",
    "信阳市/潢川县/仁和镇": "2",
    "信阳市/固始县": "1",
    "信阳市/固始县/城关镇": "1",
}


def click_region(window: MainWindow, name: str) -> None:
    view, model = window.regions.view, window.regions.model
    role, recursive = Qt.ItemDataRole.DisplayRole, Qt.MatchFlag.MatchRecursive
    [found] = model.match(model.index(0, 0), role, name, 1, recursive)
    view.scrollTo(found)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(found).center())


def test_the_tree_counts_after_a_typed_move_and_its_undo_keep_the_selection(
    make_window: Callable[..., MainWindow], tmp_path: Path, clock: FixedClock, recorder: Recorder
) -> None:
    path = tmp_path / "新 台账" / "潢川.bdesk"  # a new ledger in an empty folder
    path.parent.mkdir()
    with create_ledger(path, clock) as ledger:
        build = LedgerBuilder(ledger)
        tree = build.tree()
        build.villages(tree["hc_renhe"], 2, prefix="仁和")
        build.villages(tree["gs_chengguan"], 1, prefix="固始")
    window = make_window()
    assert window.open_path(path)
    window.resize(1366, 768)
    shown(window)
    click_region(window, "潢川县")
    window.settle()
    assert counts(window) == EVERY_REGION_BEFORE

    table, model = window.branches_tab.table, window.branches_tab.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).name == "仁和1村党支部")
    table.setFocus()
    table.setCurrentIndex(model.index(row, COLUMNS.index(BranchColumn.REGION)))
    QTest.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None
    retype(editor, "信阳市/潢川县/城关镇")  # the path as the picker lists it
    press_enter(editor)
    QApplication.processEvents()  # the delegate commits on a queued call
    assert recorder.errors == []
    assert region_of(path, clock, "仁和1村党支部") == "城关镇"  # the township of 潢川县, not of 固始县
    window.settle()
    assert counts(window) == {
        **EVERY_REGION_BEFORE,
        "信阳市/潢川县/城关镇": "1",
        "信阳市/潢川县/仁和镇": "1",
    }
    assert window.regions.selected_name() == "潢川县"
    assert window.branches_tab.model.total == 2
    shown(window)  # the picker's completion list had the keyboard (offscreen leaves no window active)

    QTest.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert region_of(path, clock, "仁和1村党支部") == "仁和镇"
    window.settle()
    assert counts(window) == EVERY_REGION_BEFORE
    assert window.regions.selected_name() == "潢川县"
    assert window.figures.counts_label.text() == "潢川县：机关党支部 0 个，基层党支部 2 个"


def renhe_villages(
    make_window: Callable[..., MainWindow], path: Path, clock: FixedClock, count: int
) -> MainWindow:
    """A new ledger with ``count`` villages in 仁和镇, open in the window on screen."""
    with create_ledger(path, clock) as ledger:
        build = LedgerBuilder(ledger)
        build.villages(build.tree()["hc_renhe"], count, prefix="仁和")
    window = make_window()
    assert window.open_path(path)
    shown(window)
    return window


def test_the_tree_counts_after_an_archive_through_its_dialog_and_ctrl_z(
    make_window: Callable[..., MainWindow], tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "台账.bdesk"
    window = renhe_villages(make_window, path, clock, 3)
    click_region(window, "仁和镇")
    window.settle()
    assert counts(window)["信阳市/潢川县/仁和镇"] == "3"
    table, model = window.branches_tab.table, window.branches_tab.model
    table.setFocus()
    table.selectRow(next(r for r in range(model.rowCount()) if model.row_at(r).name == "仁和2村党支部"))
    archive = window.branches_tab.branch_actions.archive
    assert archive.isEnabled()
    # Branches ▸ Archive…: the date dialog opens on today; Enter takes it.
    seen = answer(DateDialog, lambda dialog: QTest.keyClick(dialog, Qt.Key.Key_Return))
    archive.trigger()
    assert seen
    assert window.regions.selected_name() == "仁和镇"
    window.settle()
    assert (counts(window)["信阳市/潢川县/仁和镇"], counts(window)["信阳市"]) == ("2", "2")
    assert window.regions.selected_name() == "仁和镇"
    shown(window)  # the dialog has gone (offscreen gives the window no activation back by itself)
    QTest.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.settle()
    assert (counts(window)["信阳市/潢川县/仁和镇"], counts(window)["信阳市"]) == ("3", "3")
    with Ledger.open(path, clock, read_only=True) as ledger:
        assert ledger.scalar("SELECT count(*) FROM branch WHERE archived_on IS NULL") == 3


def test_work_runs_below_the_ui_threads_priority(
    make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    path = tmp_path / "台账.bdesk"
    create_ledger(path, FixedClock.on("2022-05-19")).close()
    window = make_window()
    reads = Reads(window.jobs, window)
    seen: list[object] = []
    reads.ready.connect(lambda _key, result: seen.append(result))
    reads.request(path, "priority", lambda _ledger: thread_priority())
    assert reads.wait()
    QApplication.processEvents()
    assert seen == [thread_priority() - 1]  # one step below normal: Windows' level, Linux's nice / 10


def thread_priority() -> int:
    """The calling thread's priority on the scale of Windows' SetThreadPriority (higher runs first)."""
    if sys.platform == "win32":
        import ctypes

        kernel32 = getattr(ctypes, "windll").kernel32  # noqa: B009
        return int(kernel32.GetThreadPriority(kernel32.GetCurrentThread()))
    return -os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) // 10


# A statement that reads the file for seconds (the branch table joined to fifty million numbers), as a
# chart's aggregate does at stress scale.
LONG_SCAN = (
    "SELECT count(*) FROM branch, (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
    " WHERE i < 50000000) SELECT i FROM n)"
)


def test_on_a_usb_stick_an_edit_interrupts_a_running_read_which_is_read_again(
    make_window: Callable[..., MainWindow],
    tmp_path: Path,
    clock: FixedClock,
    recorder: Recorder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The rollback journal, as services.ledgers.journal_for gives a ledger on a USB stick or a share.
    monkeypatch.setattr(ledgers, "journal_for", lambda path: Journal.ROLLBACK)
    path = tmp_path / "U盘" / "潢川.bdesk"
    path.parent.mkdir()
    window = renhe_villages(make_window, path, clock, 1)
    window.settle()
    assert window.edits.ledger is not None
    assert window.edits.ledger.journal is Journal.ROLLBACK

    holding, runs, results = threading.Event(), [0], []

    def read(ledger: Ledger) -> object:
        runs[0] += 1
        with ledger.snapshot():  # the file's shared lock, held from the first statement to the end
            members = ledger.scalar("SELECT member_count FROM branch")
            if runs[0] == 1:
                holding.set()  # the edit may come before the long statement starts: it is stopped too
                ledger.scalar(LONG_SCAN)
            return members

    reads = Reads(window.jobs, window)
    reads.ready.connect(lambda _key, result: results.append(result))
    reads.request(path, "members", read)
    assert holding.wait(30)

    table, model = window.branches_tab.table, window.branches_tab.model
    table.setFocus()
    table.setCurrentIndex(model.index(0, COLUMNS.index(BranchColumn.MEMBERS)))
    QTest.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None
    retype(editor, "35")
    press_enter(editor)
    QApplication.processEvents()  # the delegate commits on a queued call
    assert recorder.errors == []  # not refused as "in use" after waiting 3 s for the read
    with open_ledger(path, clock, read_only=True) as ledger:
        assert ledger.scalar("SELECT member_count FROM branch") == 35
    assert reads.wait()
    QApplication.processEvents()
    assert (runs[0], results) == (2, [35])  # read again after the edit, and only that answer shown
