"""Tools ▸ Locked months (Ctrl+Shift+L) and the ledger's numbers in Tools ▸ Settings, driven by the keyboard
and the mouse as a clerk does, then checked in the file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QSpinBox
from pytestqt.qtbot import QtBot

from branchdesk.domain.activities import ActivityColumn
from branchdesk.domain.attendance import Attendance
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.month_locks import MonthLocksDialog
from branchdesk.ui.dialogs.settings import SettingsDialog
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.models.activities import COLUMNS
from tests.builders import LedgerBuilder
from tests.ui.conftest import Recorder
from tests.ui.driving import answer, file_rows, press, shown
from tests.ui.typing import press_enter, retype, type_text

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def undo(window: MainWindow) -> None:
    """Back in the window after the dialog: a click on the region tree, then Ctrl+Z."""
    QTest.qWait(20)  # the closed dialog is deleted, and the window is active again
    tree = shown(window).regions.view
    QTest.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(tree.currentIndex()).center()
    )
    QTest.keyClick(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def _county(build: LedgerBuilder, ledger: Ledger) -> Path:
    """A county ledger with one pairing and one activity held on 16 April 2022, entered on 19 May (the
    tests' today): 33 days later."""
    tree = build.tree()
    organs = build.organs(build.unit("潢川县财政局", tree["huangchuan"]), tree["huangchuan"], 1)
    village = build.villages(tree["hc_chengguan"], 1, prefix="城关")[0]
    build.activity(build.pair(organs[0], village, "2022-04-10"), "2022-04-16", attendance=Attendance(5, 5))
    path = ledger.path
    ledger.close()
    return path


def test_a_month_is_locked_and_unlocked_with_a_reason_from_the_window(
    tmp_path: Path,
    make_window: Callable[..., MainWindow],
    build: LedgerBuilder,
    ledger: Ledger,
    recorder: Recorder,
    qtbot: QtBot,
) -> None:
    path = _county(build, ledger)
    window = make_window()
    assert window.open_path(path)
    window.settle()
    seen: list[list[str]] = []

    def lock_then_unlock(dialog: MonthLocksDialog) -> None:
        assert dialog.month.text() == "2022年4月"  # the month before today's, the one usually reported
        assert dialog.model.rowCount() == 0
        retype(dialog.month, "2022年4月")
        press_enter(dialog.month)
        assert [dialog.model.index(0, c).data() for c in range(4)] == [
            "2022年4月",
            "信阳市",
            "2022年5月19日",
            "锁定中",
        ]
        # locking it twice is refused with the reason, and the dialog stays as it was
        press_enter(dialog.month)
        assert recorder.errors == ["2022年4月已对信阳市锁定。"]
        assert dialog.model.rowCount() == 1
        # without a reason there is nothing to unlock with
        assert dialog.table.currentIndex().row() == 0
        assert not dialog.unlock_button.isEnabled()
        type_text(dialog.reason, "更正志愿者人数")
        assert dialog.unlock_button.isEnabled()
        dialog.resize(1366 // 2, 768 // 2)
        dialog.grab().save(str(tmp_path / "locks.png"))
        QTest.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
        seen.append([dialog.model.index(0, c).data() for c in range(5)])
        assert dialog.reason.text() == ""
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    handled = answer(MonthLocksDialog, lock_then_unlock)
    press(window, Qt.Key.Key_L, CTRL_SHIFT)
    assert handled == ["monthLocksDialog"]
    assert seen == [["2022年4月", "信阳市", "2022年5月19日", "2022年5月19日", "更正志愿者人数"]]
    assert file_rows(path, "SELECT month, unlocked_at IS NOT NULL, unlock_reason FROM month_lock") == [
        ("2022-04", 1, "更正志愿者人数")
    ]
    # the unlock is one undo step: Ctrl+Z locks the month again
    undo(window)
    assert file_rows(path, "SELECT month, unlocked_at, unlock_reason FROM month_lock") == [
        ("2022-04", None, None)
    ]


def test_enter_in_the_reason_unlocks_and_locks_nothing_else(
    make_window: Callable[..., MainWindow],
    build: LedgerBuilder,
    ledger: Ledger,
    recorder: Recorder,
) -> None:
    """A reason typed and Enter unlocks the selected month, and only that: Enter also clicked Lock (the
    dialog's first button), locking the month left in the field above (found by keys on a new ledger)."""
    path = _county(build, ledger)
    window = make_window()
    assert window.open_path(path)
    window.settle()

    def work(dialog: MonthLocksDialog) -> None:
        press_enter(dialog.month)  # 2022-04, the month shown
        retype(dialog.month, "2022-03")  # typed there, not asked for
        table = dialog.table
        QTest.mouseClick(
            table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=table.visualRect(dialog.model.index(0, 0)).center(),
        )
        type_text(dialog.reason, "更正志愿者人数")
        press_enter(dialog.reason)
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    handled = answer(MonthLocksDialog, work)
    press(window, Qt.Key.Key_L, CTRL_SHIFT)
    assert handled == ["monthLocksDialog"]
    assert file_rows(path, "SELECT month, unlocked_at IS NOT NULL, unlock_reason FROM month_lock") == [
        ("2022-04", 1, "更正志愿者人数")
    ]
    assert recorder.errors == []


def _late_marks(window: MainWindow) -> list[str]:
    tab = window.activities_tab
    tab.wait()
    column = COLUMNS.index(ActivityColumn.DATE)
    return [tab.model.index(row, column).data() for row in range(tab.model.rowCount())]


def test_the_ledger_numbers_are_set_in_settings_as_one_undo_step(
    make_window: Callable[..., MainWindow], build: LedgerBuilder, ledger: Ledger, qtbot: QtBot
) -> None:
    path = _county(build, ledger)
    window = make_window()
    assert window.open_path(path)
    window.settle()
    window.show_tab("activities")
    assert _late_marks(window) == ["2022年4月16日补录"]
    shown: list[dict[str, int]] = []

    def set_numbers(dialog: SettingsDialog) -> None:
        late = dialog.findChild(QSpinBox, "late_entry_days")
        stale = dialog.findChild(QSpinBox, "offices_stale_days")
        assert isinstance(late, QSpinBox)
        assert isinstance(stale, QSpinBox)
        shown.append({"late": late.value(), "stale": stale.value()})
        for spin, text in ((late, "40"), (stale, "20")):
            spin.setFocus()
            QTest.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            type_text(spin, text)
        box = dialog.findChild(QDialogButtonBox)
        assert isinstance(box, QDialogButtonBox)
        ok = box.button(QDialogButtonBox.StandardButton.Ok)
        QTest.mouseClick(ok, Qt.MouseButton.LeftButton)

    handled = answer(SettingsDialog, set_numbers)
    press(window, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(window.menus.tools_menu, Qt.Key.Key_S)
    assert handled == ["settingsDialog"]
    assert shown == [{"late": 30, "stale": 35}]
    assert dict(file_rows(path, "SELECT key, value FROM setting WHERE key LIKE '%days'")) == {
        "late_entry_days": "40",
        "offices.stale_days": "20",
    }
    assert _late_marks(window) == ["2022年4月16日"]  # 33 days is no longer late
    undo(window)
    # one step: both numbers are gone again (the ledger had not set them), so the defaults hold
    assert file_rows(path, "SELECT key FROM setting WHERE key LIKE '%days'") == []
    assert _late_marks(window) == ["2022年4月16日补录"]
