"""Driving the window as a person does: shortcuts in the active window, answers to modal dialogs, and the
file read back (typing into fields: tests/ui/typing.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMenu, QWidget

from branchdesk.ui.main_window import MainWindow


def answer(dialog_type: type[QWidget], handle: Callable[[Any], None], name: str | None = None) -> list[str]:
    """Handle the next modal dialog of ``dialog_type`` (and object name) once it is shown; the returned
    list gets the dialog's object name when it was handled, so a test can tell it really came."""
    seen: list[str] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, dialog_type) or (name is not None and dialog.objectName() != name):
            QTimer.singleShot(10, act)
            return
        seen.append(dialog.objectName())
        try:
            handle(dialog)
        except BaseException:
            dialog.close()  # the test fails with what went wrong instead of waiting on the dialog for ever
            raise

    QTimer.singleShot(0, act)
    return seen


def shown(window: QWidget) -> Any:
    """The window on screen and active, as a person has it: shortcuts reach the active window only. A
    dialog closed and awaiting deletion goes first: offscreen, it would stay the active window."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    return window


def open_shown(window: MainWindow, path: Path) -> MainWindow:
    """``path`` opened in the window, the window on screen and active."""
    assert window.open_path(path)
    return shown(window)


def select_item(combo: QComboBox, text: str) -> None:
    """Choose a drop-down's item with the arrow keys on the closed list (Home, then Down to the item), as a
    clerk does without opening it; the offscreen platform would leave an opened list's window active."""
    row = combo.findText(text)
    assert row >= 0, f"{text!r} is not offered: {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(row):
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == row


def press(
    window: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A keyboard shortcut pressed in ``window``; made active first, as the desktop does when a dialog
    closes (the offscreen platform leaves no window active then)."""
    shown(window)
    QTest.keyClick(window, key, modifiers)


def menu_item(window: QWidget, menu_key: Qt.Key, item_key: Qt.Key) -> None:
    """A menu item by its access keys: Alt+letter opens the menu, the item's letter chooses it."""
    # A dialog closed just before is deleted once the event loop runs again; then the window is active.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    press(window, menu_key, Qt.KeyboardModifier.AltModifier)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu), "the menu did not open"
    QTest.keyClick(menu, item_key)


def file_rows(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows as the file holds them, read by a connection of its own."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()
