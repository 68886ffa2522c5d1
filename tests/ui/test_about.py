"""Help ▸ About, opened from the keyboard: the product's name and version, this version's notes from
CHANGELOG.md in the window's language, and the licences of everything bundled, read to the end."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
)
from pytestqt.qtbot import QtBot

from branchdesk import PRODUCT_NAME, __version__
from branchdesk.release import read_notices
from branchdesk.ui.dialogs.about import AboutDialog
from branchdesk.ui.main_window import MainWindow
from tests.ui.driving import answer, shown

NOTES_FIRST_LINE = {"zh_CN": "第一个版本：离线记录党支部", "en": "First release: an offline ledger"}
TABS = {"zh_CN": f"{__version__} 版更新说明 | 许可证", "en": f"What's new in {__version__} | Licences"}


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_about_shows_version_notes_and_every_licence(
    make_window: Callable[..., MainWindow], qtbot: QtBot, language: str
) -> None:
    window = shown(make_window(language))
    read: dict[str, str] = {}

    def read_and_close(dialog: AboutDialog) -> None:
        read["heading"] = dialog.findChild(QLabel, "aboutText").text()  # type: ignore[union-attr]
        notes = dialog.findChild(QTextBrowser, "releaseNotes")
        assert isinstance(notes, QTextBrowser)
        assert notes.isVisible()
        read["notes"] = notes.toPlainText()
        tabs = dialog.findChild(QTabWidget)
        assert isinstance(tabs, QTabWidget)
        read["tabs"] = " | ".join(tabs.tabText(i) for i in range(tabs.count()))
        bar = tabs.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
        notices = dialog.findChild(QPlainTextEdit, "noticesText")
        assert isinstance(notices, QPlainTextEdit)
        assert notices.isVisible()
        # Scrolled to the end from the keyboard: the last lines are reachable, the text cannot be changed.
        notices.setFocus()
        QTest.keyClick(notices, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(notices, "x")
        scroll = notices.verticalScrollBar()
        read["scrolled_to_end"] = str(scroll.maximum() > 0 and scroll.value() == scroll.maximum())
        if notices.viewport().rect().contains(notices.cursorRect()):
            read["line_in_view"] = notices.textCursor().block().text()
        read["notices"] = notices.toPlainText()
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    seen = answer(AboutDialog, read_and_close)
    QTest.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    QTest.keyClick(menu, Qt.Key.Key_A)
    assert seen == ["aboutDialog"]

    heading = re.sub(r"<[^>]+>", " ", read["heading"])
    assert PRODUCT_NAME in heading
    assert ("版本 " if language == "zh_CN" else "Version ") + __version__ in heading
    assert ("MIT 许可证" if language == "zh_CN" else "MIT License") in heading
    assert read["notes"].startswith(NOTES_FIRST_LINE[language])
    assert read["tabs"] == TABS[language]
    notices = read["notices"]
    assert notices.startswith(f"{PRODUCT_NAME} {__version__}: licences and third-party notices")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in notices
    assert "SIL OPEN FONT LICENSE" in notices
    assert notices == read_notices().rstrip("\n")  # the "x" typed changed nothing
    assert read["scrolled_to_end"] == "True"
    assert read["line_in_view"] == "(Written by tools/notices.py from the installed packages.)"
