"""Tools ▸ Check database names each row that breaks a rule of the ledger, in Chinese."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from branchdesk.ui.main_window import MainWindow
from tests.test_cli_check import pairing_row, shell, sound  # noqa: F401  (sound: the fixture)


def test_check_database_names_the_broken_rows(
    make_window: Callable[..., MainWindow],
    sound: Path,  # noqa: F811
    qtbot: QtBot,
) -> None:
    shell(
        sound,
        "DROP TRIGGER pairing_overlap_grassroots_insert",
        pairing_row(3, 4, "2022-04-20", "2022-05-01"),
        "UPDATE activity SET held_on = '2022-05-21'",
    )
    window = make_window()
    window.resize(1366, 768)
    window.show()
    assert window.open_path(sound)
    # Tools (Alt+T), then Check database (D), as a clerk would from the keyboard.
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    QTest.keyClick(window.menuBar(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.menus.tools_menu.isVisible())
    QTest.keyClick(window.menus.tools_menu, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: window.safety.result_dialog is not None)
    dialog = window.safety.result_dialog
    assert dialog is not None
    texts = [dialog.problem_list.item(row).text() for row in range(dialog.problem_list.count())]
    assert texts == [
        "“村1村党支部”同时处在两个结对中，时间重叠：“村1村党支部 ← 机关第1党支部”（2022年4月10日起）"
        "与“村1村党支部 ← 机关第3党支部”（2022年4月20日至2022年5月1日）。",
        "结对“村1村党支部 ← 机关第1党支部”的2022年5月21日活动日期晚于今天（2022年5月19日）。",
    ]
    assert "2 条记录" in dialog.summary.text()
    dialog.reject()
