"""Dates and months as a Chinese clerk writes them (2022年5月25日, 2022年4月), never ISO, where the window
shows them: a refusal's dates, a photo's capture time, a month field once a month is entered. Each driven
from a new ledger in a folder of its own, in Chinese at 1366×768, and checked in the file."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from branchdesk.domain.enums import Area
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.activity import ActivityDialog
from branchdesk.ui.dialogs.holidays import HolidaysDialog
from branchdesk.ui.dialogs.month_locks import MonthLocksDialog
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder
from tests.photo_files import write_jpeg
from tests.ui.conftest import Recorder
from tests.ui.driving import answer, file_rows, open_shown, press, select_item
from tests.ui.test_activity_photos import photos_page, type_file_name
from tests.ui.test_first_hour import click_and_type, opened, shot
from tests.ui.typing import press_enter, retype

ISO = re.compile(r"\d{4}-\d{2}")
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def town(build: LedgerBuilder, ledger: Ledger) -> Path:
    """A new ledger in a folder of its own: 城关1村 paired from 10 April 2022 (today is 19 May 2022)."""
    build.paired_town(1)
    ledger.close()
    return ledger.path


def new_activity(window: MainWindow, qtbot: QtBot, held_on: str) -> ActivityDialog:
    """The Record button clicked, 城关1村's pairing ticked, the date and the type entered."""
    window.show_tab("activities")
    tab = window.activities_tab
    tab.wait()
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, ActivityDialog)
    pairings = dialog.pairings.list
    row = next(r for r in range(pairings.count()) if pairings.item(r).text().startswith("城关1村"))
    pairings.setCurrentRow(row)
    QTest.keyClick(pairings, Qt.Key.Key_Space)  # tick it
    assert pairings.item(row).checkState() == Qt.CheckState.Checked
    click_and_type(dialog.held_on, held_on)  # the field opens empty; taken as the focus moves on
    select_item(dialog.type, "主题党日")
    area = dialog.areas[Area.ORGANISATION]
    qtbot.mouseClick(area, Qt.MouseButton.LeftButton, pos=QPoint(6, area.height() // 2))
    click_and_type(dialog.volunteers.lineEdit(), "6")
    return dialog


def test_an_activity_dated_after_today_is_refused_with_its_dates_as_a_clerk_writes_them(
    make_window: Callable[..., MainWindow], town: Path, recorder: Recorder, qtbot: QtBot
) -> None:
    window = opened(make_window, town)
    dialog = new_activity(window, qtbot, "2022/5/25")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.text() == "日期2022年5月25日晚于今天（2022年5月19日）；活动开展后再登记。"
    shot(dialog, "activity-date-in-future")
    assert recorder.errors == []
    assert file_rows(town, "SELECT count(*) FROM activity") == [(0,)]
    # The date typed stays as typed; corrected, the activity is recorded on that day.
    assert dialog.held_on.text() == "2022/5/25"
    retype(dialog.held_on, "2022-05-14")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(file_rows(town, "SELECT id FROM activity")))
    assert file_rows(town, "SELECT held_on, volunteers FROM activity") == [("2022-05-14", 6)]


def test_a_photos_capture_time_reads_as_a_clerk_writes_it(
    make_window: Callable[..., MainWindow], town: Path, tmp_path: Path, recorder: Recorder, qtbot: QtBot
) -> None:
    photo = write_jpeg(tmp_path / "手机 照片" / "走访 1.jpg", 1, taken="2022:05:14 09:05:00")
    window = opened(make_window, town)
    dialog = new_activity(window, qtbot, "2022-05-14")
    photos_page(dialog)
    seen = answer(QFileDialog, type_file_name(photo))
    qtbot.mouseClick(dialog.photos.add_button, Qt.MouseButton.LeftButton)
    assert seen == ["photoFileDialog"]
    qtbot.waitUntil(lambda: dialog.photos.list.count() == 1 and not dialog.photos.busy, timeout=30000)
    assert dialog.photos.list.item(0).toolTip() == "拍摄于2022年5月14日 09:05"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(file_rows(town, "SELECT id FROM photo")))
    assert file_rows(town, "SELECT taken_at FROM photo") == [("2022-05-14 09:05:00",)]
    assert recorder.errors == []


def test_a_month_typed_in_any_form_shows_as_a_clerk_writes_it_and_locks_that_month(
    make_window: Callable[..., MainWindow], town: Path, recorder: Recorder, qtbot: QtBot
) -> None:
    window = opened(make_window, town)
    seen: list[str] = []

    def lock(dialog: MonthLocksDialog) -> None:
        seen.append(dialog.month.text())  # the month before today's, as the field shows it
        for typed in ("2022/3", "2022-02", "2022年1月"):
            retype(dialog.month, typed)
            press_enter(dialog.month)  # Enter locks the month typed
            seen.append(dialog.month.text())
        dialog.resize(1366 // 2, 768 // 2)
        shot(dialog, "month-locks-typed")
        # A month that is none stays as typed, marked with the reason; nothing is locked for it.
        retype(dialog.month, "2022-13")
        press_enter(dialog.month)
        seen.append(dialog.month.text())
        seen.append(dialog.month.problem_text)
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    handled = answer(MonthLocksDialog, lock)
    press(window, Qt.Key.Key_L, CTRL_SHIFT)
    assert handled == ["monthLocksDialog"]
    assert seen == [
        "2022年4月",
        "2022年3月",
        "2022年2月",
        "2022年1月",
        "2022-13",
        "“2022-13”不是月份：没有13月（月份为1至12）。",
    ]
    assert file_rows(town, "SELECT month FROM month_lock ORDER BY month") == [
        ("2022-01",),
        ("2022-02",),
        ("2022-03",),
    ]
    assert recorder.errors == []


def test_a_month_field_in_english_keeps_the_iso_form(
    make_window: Callable[..., MainWindow], town: Path, qtbot: QtBot
) -> None:
    window = open_shown(make_window("en"), town)
    seen: list[str] = []

    def lock(dialog: MonthLocksDialog) -> None:
        seen.append(dialog.month.text())
        retype(dialog.month, "2022年3月")
        press_enter(dialog.month)
        seen.append(dialog.month.text())
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    answer(MonthLocksDialog, lock)
    press(window, Qt.Key.Key_L, CTRL_SHIFT)
    assert seen == ["2022-04", "2022-03"]
    assert file_rows(town, "SELECT month FROM month_lock") == [("2022-03",)]


def test_the_month_locked_refusal_in_the_window_names_the_month_in_chinese(
    make_window: Callable[..., MainWindow], town: Path, recorder: Recorder, qtbot: QtBot
) -> None:
    window = opened(make_window, town)

    def lock(dialog: MonthLocksDialog) -> None:
        retype(dialog.month, "2022/5")
        press_enter(dialog.month)  # May has not ended: refused
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    answer(MonthLocksDialog, lock)
    press(window, Qt.Key.Key_L, CTRL_SHIFT)
    assert recorder.errors == ["2022年5月还没有结束；只有已结束（并已上报）的月份才能锁定。"]
    assert not any(ISO.search(text) for text in recorder.errors)
    assert file_rows(town, "SELECT count(*) FROM month_lock") == [(0,)]


def test_the_holiday_calendars_months_are_titled_as_a_clerk_writes_them(
    make_window: Callable[..., MainWindow], town: Path, tmp_path: Path
) -> None:
    """Tools ▸ Holidays: a year typed and Enter shows its twelve months, 2027年1月 to 2027年12月."""
    window = opened(make_window, town)
    seen: list[list[str]] = []

    def handle(dialog: HolidaysDialog) -> None:
        retype(dialog.year, "2027")
        press_enter(dialog.year)
        seen.append([month.title.text() for month in dialog.months])
        dialog.resize(1366, 768)
        shot(dialog, "holidays-2027")
        QTest.keyClick(dialog.year, Qt.Key.Key_Escape)

    handled = answer(HolidaysDialog, handle)
    window.menus.holidays_action.trigger()
    assert handled == ["holidaysDialog"]
    assert seen == [[f"2027年{month}月" for month in range(1, 13)]]
