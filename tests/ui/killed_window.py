"""The window with one edit typed, then killed (tests/ui/test_checkpoints.py); and the typing it shares.

``python -m tests.ui.killed_window LEDGER FOLDER`` opens LEDGER in the real window (offscreen), types a
member count into the branch's cell (F2, digits, Enter), prints ``saved`` once the edit is acknowledged
(the cell shows it, the undo step is there) and sleeps without running its event loop, so that the
job runner's checkpoint, a second later, never comes: the test kills it with SIGKILL meanwhile.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.listing import BranchColumn
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.models.branches import COLUMNS
from tests.ui.driving import shown
from tests.ui.typing import press_enter, retype

BRANCH = "仁和1村党支部"
TYPED = "47"


def type_members(window: MainWindow, digits: str) -> None:
    """F2 on the branch's member count, the digits, Enter; the delegate's queued commit runs."""
    table, model = window.branches_tab.table, window.branches_tab.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).name == BRANCH)
    table.setFocus()
    table.setCurrentIndex(model.index(row, COLUMNS.index(BranchColumn.MEMBERS)))
    QTest.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None
    assert editor is not table
    retype(editor, digits)
    press_enter(editor)
    QApplication.processEvents()


def main(path: Path, folder: Path) -> None:
    from branchdesk.app import build_window

    app = QApplication([])
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = build_window(app, FixedClock.on("2022-05-19"), settings, "zh_CN", folder, headless=True)
    window.resize(1366, 768)
    shown(window)
    assert window.open_path(path)
    window.settle()
    type_members(window, TYPED)
    assert window.edits.undo_action.isEnabled()
    print("saved", flush=True)
    time.sleep(120)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main(Path(sys.argv[1]), Path(sys.argv[2]))
