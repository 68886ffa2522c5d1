"""Driving the window as a person does: keys into fields, clicks on buttons, answers to modal dialogs."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


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
        handle(dialog)

    QTimer.singleShot(0, act)
    return seen


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into the focused ``widget`` as a clerk does: Latin letters, digits and punctuation
    key by key, Chinese through the input method, which commits each word as a whole."""
    widget.setFocus()
    for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if run.isascii():
            QTest.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def shown(window: QWidget) -> Any:
    """The window on screen and active, as a person has it: shortcuts reach the active window only."""
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    return window


def press(
    window: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A keyboard shortcut pressed in ``window``; made active first, as the desktop does when a dialog
    closes (the offscreen platform leaves no window active then)."""
    shown(window)
    QTest.keyClick(window, key, modifiers)


def file_rows(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows as the file holds them, read by a connection of its own."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()
