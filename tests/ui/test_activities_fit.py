"""At 1366×768 the Activities tab shows every column's name whole (党员志愿者人次 among them, even after a
layout saved with a narrower column), the volunteers' numbers and the attendance without scrolling sideways,
and its filters' names whole (全部重点任务) without widening the window beyond the screen, in Chinese and
English. The day of entry is hidden until the clerk shows it from the column names' right-click menu."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMenu, QStyle, QStyleOptionComboBox
from pytestqt.qtbot import QtBot

from branchdesk.domain.activities import ActivityColumn
from branchdesk.domain.clock import FixedClock
from branchdesk.services.demo import generate_demo
from branchdesk.ui.main_window import MainWindow

SCREEN = (1366, 768)
VOLUNTEERS = list(ActivityColumn).index(ActivityColumn.VOLUNTEERS)
ATTENDANCE = list(ActivityColumn).index(ActivityColumn.ATTENDANCE)
ENTERED = list(ActivityColumn).index(ActivityColumn.ENTERED)


def _activities(
    make_window: Callable[..., MainWindow], path: Path, language: str, qtbot: QtBot
) -> MainWindow:
    window = make_window(language)
    assert window.open_path(path)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitExposed(window)
    window.show_tab("activities")
    window.settle()
    qtbot.waitUntil(lambda: window.activities_tab.model.rowCount() > 0)
    return window


def _text_room(combo: QComboBox) -> int:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


@pytest.fixture
def demo(tmp_path: Path, clock: FixedClock) -> Path:
    path = tmp_path / "乡镇 演示.bdesk"
    generate_demo(path, "township", seed=3, clock=clock)
    return path


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_activities_tab_fits_1366_by_768_with_its_names_whole(
    make_window: Callable[..., MainWindow], demo: Path, qtbot: QtBot, language: str
) -> None:
    window = _activities(make_window, demo, language, qtbot)
    tab = window.activities_tab
    assert window.width() == SCREEN[0]  # the filter row does not push the window beyond the screen
    header = tab.table.horizontalHeader()
    for column in range(header.count()):
        assert header.sectionSize(column) >= header.sectionSizeHint(column), tab.model.headerData(
            column, Qt.Orientation.Horizontal
        )
    # the volunteers' and the attendance columns in view without scrolling sideways
    for column in (VOLUNTEERS, ATTENDANCE):
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= header.width()
    for combo in (tab.type, tab.area, tab.key_task):
        assert _text_room(combo) >= combo.fontMetrics().horizontalAdvance(combo.currentText()), (
            combo.currentText()
        )


def test_a_layout_saved_with_a_narrow_column_opens_with_its_name_whole(
    make_window: Callable[..., MainWindow], demo: Path, qtbot: QtBot
) -> None:
    first = _activities(make_window, demo, "zh_CN", qtbot)
    header = first.activities_tab.table.horizontalHeader()
    header.resizeSection(VOLUNTEERS, 60)  # as an earlier version laid it out, or a clerk dragged it
    first.close()  # the layout is kept in the settings
    header = _activities(make_window, demo, "zh_CN", qtbot).activities_tab.table.horizontalHeader()
    assert header.sectionSize(VOLUNTEERS) >= header.sectionSizeHint(VOLUNTEERS) > 60


def _right_click_column_names(window: MainWindow, qtbot: QtBot, pick: Callable[[QMenu], None]) -> None:
    """A right-click on the column names, and ``pick`` done in the menu that opens."""
    header = window.activities_tab.table.horizontalHeader()
    seen: list[QMenu] = []

    def answer() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(10, answer)
            return
        seen.append(menu)
        pick(menu)

    QTimer.singleShot(0, answer)
    where = QPoint(header.sectionViewportPosition(0) + 5, header.height() // 2)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, header.mapToGlobal(where))
    QApplication.sendEvent(header.viewport(), event)
    assert len(seen) == 1


def test_the_day_of_entry_is_shown_from_the_column_names_menu_and_kept(
    make_window: Callable[..., MainWindow], demo: Path, qtbot: QtBot
) -> None:
    window = _activities(make_window, demo, "zh_CN", qtbot)
    header = window.activities_tab.table.horizontalHeader()
    assert header.isSectionHidden(ENTERED)
    offered: list[list[tuple[str, bool]]] = []

    def show_entered(menu: QMenu) -> None:
        offered.append([(a.text(), a.isChecked()) for a in menu.actions() if a.isCheckable()])
        entered = next(a for a in menu.actions() if a.text() == "录入日期")
        menu.setActiveAction(entered)
        QTest.keyClick(menu, Qt.Key.Key_Return)

    _right_click_column_names(window, qtbot, show_entered)
    assert ("录入日期", False) in offered[0]
    assert ("实到/应到", True) in offered[0]
    assert len(offered[0]) == len(ActivityColumn)
    assert not header.isSectionHidden(ENTERED)
    shown_entered = window.activities_tab.model.index(0, ENTERED).data()
    assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", shown_entered)
    window.close()  # the layout, with the column shown, is kept in the settings
    again = _activities(make_window, demo, "zh_CN", qtbot)
    assert not again.activities_tab.table.horizontalHeader().isSectionHidden(ENTERED)
