"""Defects a township clerk meets in the first hour, each driven as the clerk drives the window (keys, clicks,
Enter) from a new ledger in an empty folder, in Chinese at 1366×768, and checked in the file."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import Area
from branchdesk.domain.months import HalfYear, Month
from branchdesk.domain.teams import DayMark, MemberDraft, MonthDays, Role
from branchdesk.services import key_tasks as key_task_service
from branchdesk.services import teams as team_service
from branchdesk.services.ledgers import create_ledger
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.activity import ActivityDialog
from branchdesk.ui.dialogs.draw import DrawDialog
from branchdesk.ui.dialogs.key_tasks import KeyTasksDialog
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.tabs.frequency import FrequencyTab
from branchdesk.ui.tabs.pairings import PairingsTab
from branchdesk.ui.tabs.teams import TeamsTab
from tests.builders import LedgerBuilder, day
from tests.ui.driving import answer, file_rows, menu_item, select_item, shown
from tests.ui.test_journey import pick
from tests.ui.typing import press_enter, retype, type_text


@pytest.fixture
def town(build: LedgerBuilder, ledger: Ledger) -> Path:
    """A new ledger in a folder of its own: 城关1村 of 潢川县/城关镇 paired with 潢川县财政局's branch."""
    build.paired_town(1)
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
    counts = (dialog.attendance.expected, dialog.attendance.present)
    shown_counts = [(count.text(), count.lineEdit().placeholderText()) for count in counts]
    assert shown_counts == [("", "未填"), ("", "")]
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


def test_the_work_teams_tab_opens_on_the_last_month_with_days_read_off_the_ui_thread(
    make_window: Callable[..., MainWindow],
    build: LedgerBuilder,
    ledger: Ledger,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Days entered up to March 2022 and none since (today is 19 May): the grid opens on March, as it did,
    but the days are looked through on the job runner, not on the UI thread (a county's are many)."""
    build.paired_town(1)
    village = ledger.scalar("SELECT id FROM branch WHERE name = '城关1村党支部'")
    member = MemberDraft("张明", "13800000001", Role.LEADER, day("2022-03-01"), sending_unit="潢川县财政局")
    team_service.add_team(ledger, village, day("2022-03-01"), members=[member])
    march = Month(2022, 3)
    member_id = ledger.scalar("SELECT id FROM team_member")
    team_service.save_month(ledger, march, {member_id: MonthDays(march, (DayMark("P"),) * 31)})
    ledger.close()
    on_ui_thread: list[bool] = []
    read = team_service.opening_month

    def opening_month(reader: Ledger) -> Month:
        on_ui_thread.append(threading.current_thread() is threading.main_thread())
        return read(reader)

    monkeypatch.setattr(team_service, "opening_month", opening_month)
    window = opened(make_window, ledger.path)
    tab = click_tab(window, "驻村工作队")
    assert isinstance(tab, TeamsTab)
    qtbot.waitUntil(lambda: not tab.busy())
    shot(window, "teams-opening-month")
    assert on_ui_thread == [False]
    assert tab.month.text() == "2022年3月"
    assert (tab.model.month, [row.name for row in tab.model.rows]) == (march, ["张明"])
    # The clerk's month is shown from then on: April typed, Enter.
    retype(tab.month, "2022-04")
    QTest.keyClick(tab.month, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not tab.busy())
    assert (tab.month.text(), tab.model.month) == ("2022年4月", Month(2022, 4))


def test_the_month_fields_say_every_form_a_clerk_may_type(
    make_window: Callable[..., MainWindow], town: Path, qtbot: QtBot
) -> None:
    """Months read 2022年4月 in the charts and figures: the fields say that form is taken too."""
    window = opened(make_window, town)
    tab = click_tab(window, "活动频次")
    assert isinstance(tab, FrequencyTab)
    qtbot.waitUntil(tab.first_month.isEnabled)
    field = tab.first_month
    retype(field, "")
    press_enter(field)
    assert field.placeholderText() == "如 2023年6月"
    assert field.problem_text == "请填写月份，如 2023年6月。"
    shot(window, "frequency-months")
    type_text(field, "2022年4月")
    press_enter(field)
    assert (field.accepted(), field.problem_text) == (Month(2022, 4), "")


def test_last_half_years_list_is_offered_in_chinese_without_spaces_around_the_half_year(
    make_window: Callable[..., MainWindow], build: LedgerBuilder, ledger: Ledger, qtbot: QtBot
) -> None:
    """Tools ▸ Key tasks (Alt+T, K) in May 2022, the tasks of 2021's second half entered: the button copies
    them, named as Chinese writes it."""
    build.paired_town(1)
    key_task_service.add_key_task(ledger, HalfYear(2021, 2), "防汛救灾")
    ledger.close()
    window = opened(make_window, ledger.path)

    def copy(dialog: KeyTasksDialog) -> None:
        assert dialog.copy_button.text() == "沿用2021年下半年的清单"
        shot(dialog, "key-tasks")
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    seen = answer(KeyTasksDialog, copy)
    menu_item(window, Qt.Key.Key_T, Qt.Key.Key_K)
    assert seen == ["keyTasksDialog"]
    assert file_rows(ledger.path, "SELECT name, half_year FROM key_task ORDER BY half_year") == [
        ("防汛救灾", "2021-H2"),
        ("防汛救灾", "2022-H1"),
    ]


def test_a_draw_with_no_branch_left_to_pair_says_none_without_a_dangling_colon(
    make_window: Callable[..., MainWindow], town: Path, qtbot: QtBot
) -> None:
    """Pairing ▸ Draw (Alt+P, D) where every branch is paired: 共 0 个, not 共 0 个：."""
    window = opened(make_window, town)
    counts: list[tuple[str, str]] = []

    def read(dialog: DrawDialog) -> None:
        qtbot.waitUntil(lambda: dialog.organ_counts.text() != "")
        counts.append((dialog.organ_counts.text(), dialog.grassroots_counts.text()))
        shot(dialog, "draw-nothing-left")
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    seen = answer(DrawDialog, read)
    menu_item(window, Qt.Key.Key_P, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: bool(counts))  # opened window-modal: the menu returns at once
    assert seen == ["drawDialog"]
    assert counts == [("共 0 个", "共 0 个")]
    assert file_rows(town, "SELECT count(*) FROM draw") == [(0,)]


def test_paste_rows_with_nothing_copied_says_what_to_copy(
    make_window: Callable[..., MainWindow], town: Path, qtbot: QtBot
) -> None:
    """Branches ▸ Paste rows (Alt+B, P) before anything was copied: it says so, where it did nothing."""
    window = opened(make_window, town)
    QApplication.clipboard().clear()
    said: list[str] = []

    def read(box: QMessageBox) -> None:
        said.append(box.text())
        QTest.keyClick(box, Qt.Key.Key_Escape)

    seen = answer(QMessageBox, read)
    menu_item(window, Qt.Key.Key_B, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: bool(said))
    assert seen
    assert said == ["剪贴板里没有可粘贴的行。请先在 Excel 或 WPS 中复制整行，再到这里粘贴。"]
    assert file_rows(town, "SELECT count(*) FROM branch") == [(2,)]
