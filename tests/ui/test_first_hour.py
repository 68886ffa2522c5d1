"""Defects a township clerk meets in the first hour, each driven as the clerk drives the window (keys, clicks,
Enter) from a new ledger in an empty folder, in Chinese at 1366×768, and checked in the file."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import Area
from branchdesk.services.ledgers import create_ledger
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.activity import ActivityDialog
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.tabs.pairings import PairingsTab
from tests.builders import LedgerBuilder
from tests.ui.driving import file_rows, select_item, shown
from tests.ui.test_journey import pick
from tests.ui.typing import retype, type_text


@pytest.fixture
def town(build: LedgerBuilder, ledger: Ledger) -> Path:
    """A new ledger in a folder of its own: 潢川县/城关镇 with 城关1村 paired with 潢川县财政局's branch."""
    tree = build.tree()
    organ = build.organs(build.unit("潢川县财政局", tree["huangchuan"]), tree["huangchuan"], 1)[0]
    village = build.villages(tree["hc_chengguan"], 1, prefix="城关")[0]
    build.pair(organ, village, "2022-04-10")
    ledger.close()
    return ledger.path


def opened(make_window: Callable[..., MainWindow], path: Path) -> MainWindow:
    window = make_window("zh_CN")
    window.resize(1366, 768)
    assert window.open_path(path)
    shown(window)
    window.settle()
    return window


def shot(widget: QWidget, name: str) -> None:
    """The widget as a clerk sees it, to $BRANCHDESK_SCREENSHOTS when set (to be looked at)."""
    folder = os.environ.get("BRANCHDESK_SCREENSHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / f"first-hour-{name}.png"))


def click_and_type(field: QWidget, text: str) -> None:
    """A click into the field (not a Tab that selects what it holds), then the keys."""
    QTest.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(8, field.height() // 2))
    QTest.keyClicks(field, text)


def test_an_activity_saved_without_its_volunteers_records_no_figure_nobody_typed(
    make_window: Callable[..., MainWindow], town: Path, qtbot: QtBot
) -> None:
    window = opened(make_window, town)
    window.show_tab("activities")
    tab = window.activities_tab
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, ActivityDialog)
    pick(dialog.pairings.list, "城关1村")
    QTest.keyClick(dialog.pairings.list, Qt.Key.Key_Space)  # tick it
    retype(dialog.held_on, "2022-05-14")  # a Saturday
    select_item(dialog.type, "主题党日")
    area = dialog.areas[Area.ORGANISATION]
    qtbot.mouseClick(area, Qt.MouseButton.LeftButton, pos=QPoint(6, area.height() // 2))
    # The volunteers field opens empty, saying what goes in it; OK with it untouched records nothing.
    assert dialog.volunteers.lineEdit().text() == ""
    assert dialog.volunteers.lineEdit().placeholderText() == "参加人数"
    shot(dialog, "activity-dialog")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "党员志愿者" in dialog.error.text()
    assert file_rows(town, "SELECT count(*) FROM activity") == [(0,)]
    # Clicked into and typed (no Tab selecting its text first): every key is taken, in both counts.
    click_and_type(dialog.volunteers.lineEdit(), "7")
    click_and_type(dialog.attendance.expected.lineEdit(), "9")
    click_and_type(dialog.attendance.present.lineEdit(), "7")
    assert dialog.attendance.absent.text() == "缺席 2 人"
    absentees = dialog.attendance.absentees
    absentees.setFocus()
    type_text(absentees, "李华：外出务工")
    QTest.keyClick(absentees, Qt.Key.Key_Return)
    type_text(absentees, "赵敏：病假")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(file_rows(town, "SELECT id FROM activity")))
    assert file_rows(town, "SELECT held_on, type, volunteers, expected, present FROM activity") == [
        ("2022-05-14", "themed_day", 7, 9, 7)
    ]


def click_tab(window: MainWindow, title: str) -> QWidget:
    """The main window's tab of that title, clicked on its tab bar."""
    bar = window.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i).replace("&", "") == title)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    window.settle()
    return window.tabs.currentWidget()


def test_the_pairings_side_lists_say_what_they_are_on_a_ledger_without_regions(
    make_window: Callable[..., MainWindow], tmp_path: Path, clock: FixedClock
) -> None:
    folder = tmp_path / "空文件夹"
    folder.mkdir()
    path = folder / "新台账.bdesk"
    create_ledger(path, clock).close()  # as `branchdesk-cli new` makes it: no region yet
    window = opened(make_window, path)
    tab = click_tab(window, "结对")
    assert isinstance(tab, PairingsTab)
    shot(window, "pairings-new-ledger")
    assert (tab.grassroots_title.text(), tab.organ_title.text()) == ("未结对基层党支部", "未结对机关党支部")
