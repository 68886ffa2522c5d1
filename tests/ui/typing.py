"""Entering text and choices as a person does: keys for what a keyboard types, an input method's commit for
Chinese (as Pinyin input hands it over), a drop-down list opened and chosen from with the keyboard; answering
a modal dialog once it is on screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` at the cursor: ASCII key by key, other characters as an input method commits them."""
    run = ""
    for char in text + "\0":
        if char.isascii() and char != "\0":
            if run:
                event = QInputMethodEvent()
                event.setCommitString(run)
                QApplication.sendEvent(widget, event)
                run = ""
            QTest.keyClicks(widget, char)
        elif char != "\0":
            run += char
        elif run:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def retype(widget: QWidget, text: str) -> None:
    """Select all the field holds (Ctrl+A) and type over it."""
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        type_text(widget, text)
    else:
        QTest.keyClick(widget, Qt.Key.Key_Delete)


def choose(combo: QComboBox, text: str) -> None:
    """Open the drop-down list from the keyboard (Alt+Down), go to the item that reads ``text``, Enter."""
    row = combo.findText(text)
    assert row >= 0, f"{text!r} is not offered: {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    view = combo.view()
    assert view.isVisible()
    QTest.keyClick(view, Qt.Key.Key_Home)
    for _ in range(row):
        QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert combo.currentIndex() == row


def press_enter(widget: QWidget) -> None:
    QTest.keyClick(widget, Qt.Key.Key_Return)


def answer(dialog_type: type[QWidget], handle: Callable[[QWidget], None]) -> None:
    """Handle the next modal dialog of ``dialog_type`` as a user would, once it is on screen."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, dialog_type):
            QTimer.singleShot(10, act)
            return
        try:
            handle(dialog)
        finally:
            if dialog.isVisible():  # a failed step must not leave the test waiting on an open dialog
                dialog.reject()

    QTimer.singleShot(0, act)
