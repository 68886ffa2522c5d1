"""At 1366×768 the Activities tab shows every column's name whole (党员志愿者人次 among them, even after a
layout saved with a narrower column), the volunteers' numbers without scrolling sideways, and its filters'
names whole (全部重点任务) without widening the window beyond the screen, in Chinese and English."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox
from pytestqt.qtbot import QtBot

from branchdesk.domain.activities import ActivityColumn
from branchdesk.domain.clock import FixedClock
from branchdesk.services.demo import generate_demo
from branchdesk.ui.main_window import MainWindow

SCREEN = (1366, 768)
VOLUNTEERS = list(ActivityColumn).index(ActivityColumn.VOLUNTEERS)


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
        assert header.sectionSize(column) >= header.sectionSizeHint(column), tab.model.headerData(column)
    # the volunteers' column in view without scrolling sideways
    assert header.sectionViewportPosition(VOLUNTEERS) + header.sectionSize(VOLUNTEERS) <= header.width()
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
