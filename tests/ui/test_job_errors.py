"""Work on the job runner, driven from the keyboard: a refusal is the user's message, a bug is an internal
error with its traceback in the crash log, never dressed up as the user's mistake."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from branchdesk.exchange import ledger_export
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.file_choice import FilePurpose
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder
from tests.ui.conftest import Recorder
from tests.ui.driving import press


def export_from_the_menu(
    make_window: Callable[..., MainWindow], ledger_path: Path, target: Path, qtbot: QtBot
) -> MainWindow:
    """File (Alt+F) ▸ Export the ledger to Excel (X), the file chosen being ``target``."""
    window = make_window()
    window.context.auto_backup = False
    window.context.choose_file = lambda parent, purpose, suggested: (
        target if purpose is FilePurpose.EXPORT else None
    )
    assert window.open_path(ledger_path)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    press(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu), "the File menu did not open"
    QTest.keyClick(menu, Qt.Key.Key_X)  # returns once the export's progress dialog has closed
    return window


def test_a_bug_in_a_job_is_logged_and_shown_as_an_internal_error(
    make_window: Callable[..., MainWindow],
    ledger_path: Path,
    ledger: Ledger,
    build: LedgerBuilder,
    tmp_path: Path,
    recorder: Recorder,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    build.villages(build.tree()["hc_renhe"], 3)

    def broken_export(ledger: Ledger, path: Path, region: object, progress: object) -> int:
        sheets: dict[str, list[str]] = {}
        return len(sheets["党支部"])  # a slip in the code, not in anything the clerk did

    monkeypatch.setattr(ledger_export, "export_ledger", broken_export)
    target = tmp_path / "台账.xlsx"
    window = export_from_the_menu(make_window, ledger_path, target, qtbot)
    log = window.context.data_dir / "logs" / "crash-20220519.log"
    assert len(recorder.errors) == 1
    assert recorder.errors[0].startswith("内部错误")
    assert str(log) in recorder.errors[0]
    trace = log.read_text(encoding="utf-8")
    assert "KeyError: '党支部'" in trace
    assert "broken_export" in trace  # the traceback, for whoever fixes it
    assert not target.exists()


def test_a_refusal_in_a_job_is_the_users_message_and_no_bug(
    make_window: Callable[..., MainWindow],
    ledger_path: Path,
    ledger: Ledger,
    build: LedgerBuilder,
    tmp_path: Path,
    recorder: Recorder,
    qtbot: QtBot,
) -> None:
    build.villages(build.tree()["hc_renhe"], 3)
    target = tmp_path / "没有这个文件夹" / "台账.xlsx"  # the clerk chose a folder that is not there
    window = export_from_the_menu(make_window, ledger_path, target, qtbot)
    assert len(recorder.errors) == 1
    assert str(target) in recorder.errors[0]
    assert "内部错误" not in recorder.errors[0]
    assert not (window.context.data_dir / "logs").exists(), "a refusal is no bug: nothing is logged"
