"""Attendance in the activity dialog, typed as a clerk types it (theme, host, expected, present, the absentees
one a line, the make-up date, Enter), checked in the file; refusals in Chinese beside the fields."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from branchdesk.domain.attendance import Attendance
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import Area
from branchdesk.services.ledgers import open_ledger
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.activity import ActivityDialog
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.tabs.activities import ActivitiesTab
from tests.builders import LedgerBuilder
from tests.ui.driving import select_item, shown
from tests.ui.typing import press_enter, retype, type_text


@pytest.fixture
def new_town(build: LedgerBuilder, ledger: Ledger) -> Path:
    """A new ledger with nothing but one township's two pairings (from 10 April 2022; today 19 May)."""
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    organs = build.organs(unit, tree["huangchuan"], 2)
    villages = build.villages(tree["hc_chengguan"], 2, prefix="城关")
    build.pair(organs[0], villages[0], "2022-04-10")
    build.pair(organs[1], villages[1], "2022-04-10")
    path = ledger.path
    ledger.close()
    return path


def _file(path: Path, sql: str) -> list[tuple[object, ...]]:
    with open_ledger(path, FixedClock.on("2022-05-19"), read_only=True) as ledger:
        return [tuple(row.values()) for row in ledger.query(sql)]


def _opened(make_window: Callable[..., MainWindow], path: Path) -> ActivitiesTab:
    window = shown(make_window())
    assert window.open_path(path)
    window.show_tab("activities")
    window.activities_tab.wait()
    return window.activities_tab


def _new_dialog(tab: ActivitiesTab, qtbot: QtBot) -> ActivityDialog:
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, ActivityDialog)
    return dialog


def _the_activity(dialog: ActivityDialog, qtbot: QtBot) -> None:
    """城关1村, a themed Party day on Saturday 14 May 2022, organisation, 6 volunteers."""
    type_text(dialog.pairings.search, "城关1村")
    dialog.pairings.refresh()
    item = dialog.pairings.list.item(0)
    assert item.text().startswith("城关1村")
    item.setCheckState(Qt.CheckState.Checked)
    type_text(dialog.held_on, "2022-05-14")
    select_item(dialog.type, "主题党日")
    dialog.areas[Area.ORGANISATION].setFocus()
    QTest.keyClick(dialog.areas[Area.ORGANISATION], Qt.Key.Key_Space)
    retype(dialog.volunteers, "6")


def _type_attendance(dialog: ActivityDialog, expected: str, present: str, absentees: list[str]) -> None:
    fields = dialog.attendance
    retype(fields.expected, expected)
    retype(fields.present, present)
    fields.absentees.setFocus()
    for number, line in enumerate(absentees):
        if number:
            QTest.keyClick(fields.absentees, Qt.Key.Key_Return)
        type_text(fields.absentees, line)


def test_attendance_typed_into_a_new_ledger_is_saved_and_edited(
    make_window: Callable[..., MainWindow], new_town: Path, qtbot: QtBot
) -> None:
    tab = _opened(make_window, new_town)
    dialog = _new_dialog(tab, qtbot)
    _the_activity(dialog, qtbot)
    type_text(dialog.theme, "学习贯彻党的二十大精神")
    type_text(dialog.host, "王强")
    _type_attendance(dialog, "15", "13", ["李华：外出务工", "赵敏：病假"])
    assert dialog.attendance.absent.text() == "缺席 2 人"
    type_text(dialog.attendance.make_up_on, "2022-05-21")
    dialog.host.setFocus()
    press_enter(dialog.host)
    assert not dialog.isVisible(), dialog.error.text()
    assert _file(new_town, "SELECT theme, host, expected, present, make_up_on FROM activity") == [
        ("学习贯彻党的二十大精神", "王强", 15, 13, "2022-05-21")
    ]
    assert _file(new_town, "SELECT name, reason FROM activity_absentee ORDER BY id") == [
        ("李华", "外出务工"),
        ("赵敏", "病假"),
    ]

    # Edit: one of them came after all; the dialog shows what was saved.
    tab.wait()
    tab.table.setFocus()
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, ActivityDialog)
    assert dialog.attendance.expected.value() == 15
    assert dialog.attendance.absentees.toPlainText() == "李华：外出务工\n赵敏：病假"
    retype(dialog.attendance.present, "14")
    dialog.host.setFocus()
    press_enter(dialog.host)
    assert dialog.isVisible()  # two named, one absent
    assert dialog.error.text() == "已填写 2 名缺席人员，但应到减实到为 1 人：请填全缺席人员，或核对人数。"
    retype(dialog.attendance.absentees, "李华：外出务工")
    dialog.host.setFocus()
    press_enter(dialog.host)
    assert not dialog.isVisible(), dialog.error.text()
    assert _file(new_town, "SELECT expected, present FROM activity") == [(15, 14)]
    assert _file(new_town, "SELECT name, reason FROM activity_absentee") == [("李华", "外出务工")]


@pytest.mark.parametrize(
    ("expected", "present", "absentees", "make_up", "message"),
    [
        ("15", "16", [], "", "实到人数（16）不能多于应到人数（15）。"),
        (
            "15",
            "13",
            ["李华：外出务工"],
            "",
            "已填写 1 名缺席人员，但应到减实到为 2 人：请填全缺席人员，或核对人数。",
        ),
        ("15", "14", ["李华"], "", "请写明李华的缺席原因。"),
        ("15", "14", [], "2022-05-13", "补课日期（2022年5月13日）不能早于活动日期（2022年5月14日）。"),
        ("15", "15", [], "2022-05-20", "没有缺席人员，无需填写补课日期。"),
        ("", "3", [], "", "出勤情况须同时填写应到和实到人数（或都不填）。"),
        (
            "15",
            "14",
            [],
            "5月",
            "补课日期：“5月”不是日期：请写成 2020-05-01（也可写 2020/5/1、20200501 或 2020年5月1日）。",
        ),
    ],
)
def test_a_wrong_attendance_is_refused_in_chinese_and_nothing_is_saved(
    make_window: Callable[..., MainWindow],
    new_town: Path,
    qtbot: QtBot,
    expected: str,
    present: str,
    absentees: list[str],
    make_up: str,
    message: str,
) -> None:
    tab = _opened(make_window, new_town)
    dialog = _new_dialog(tab, qtbot)
    _the_activity(dialog, qtbot)
    _type_attendance(dialog, expected, present, absentees)
    if make_up:
        type_text(dialog.attendance.make_up_on, make_up)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.text() == message
    dialog.reject()
    assert _file(new_town, "SELECT count(*) FROM activity") == [(0,)]


def test_an_activity_without_attendance_keeps_none(
    make_window: Callable[..., MainWindow], new_town: Path, qtbot: QtBot
) -> None:
    tab = _opened(make_window, new_town)
    dialog = _new_dialog(tab, qtbot)
    _the_activity(dialog, qtbot)
    assert dialog.attendance.expected.text() == ""
    assert dialog.attendance.expected.lineEdit().placeholderText() == "未填"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error.text()
    assert _file(new_town, "SELECT expected, present, theme FROM activity") == [(None, None, None)]


def test_the_attendance_of_an_activity_reads_back(ledger: Ledger, build: LedgerBuilder) -> None:
    """What the Word ledger reads: services.activities.attendance_of."""
    from branchdesk.domain.attendance import Absentee
    from branchdesk.services.activities import attendance_of

    tree = build.tree()
    organs = build.organs(build.unit("潢川县财政局", tree["huangchuan"]), tree["huangchuan"], 1)
    village = build.villages(tree["hc_chengguan"], 1)[0]
    pairing = build.pair(organs[0], village, "2022-04-10")
    with_it = build.activity(pairing, "2022-05-14", attendance=Attendance(9, 8, (Absentee("李华", "病假"),)))
    without = build.activity(pairing, "2022-04-16")
    assert attendance_of(ledger, [with_it, without]) == {
        with_it: Attendance(9, 8, (Absentee("李华", "病假"),))
    }


def test_tab_runs_down_the_first_column_then_the_second(
    make_window: Callable[..., MainWindow], new_town: Path, qtbot: QtBot
) -> None:
    tab = _opened(make_window, new_town)
    dialog = _new_dialog(tab, qtbot)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # as a desktop activates a dialog it shows, so that Tab moves the focus
    qtbot.waitUntil(dialog.isActiveWindow)
    _the_activity(dialog, qtbot)
    dialog.summary.setFocus()
    typed = {"weekdayReason": "", "theme": "重温入党誓词", "host": "王强", "expected": "12", "present": "11"}
    for name, text in typed.items():
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        owner = focused if focused.objectName() == name else focused.parentWidget()
        assert owner is not None
        assert owner.objectName() == name
        if text:
            type_text(focused, text)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.attendance.absentees
    type_text(dialog.attendance.absentees, "李华：病假")
    QTest.keyClick(dialog.attendance.absentees, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.attendance.make_up_on
    type_text(dialog.attendance.make_up_on, "2022-05-21")
    press_enter(dialog.attendance.make_up_on)
    assert not dialog.isVisible(), dialog.error.text()
    assert _file(new_town, "SELECT theme, host, expected, present, make_up_on FROM activity") == [
        ("重温入党誓词", "王强", 12, 11, "2022-05-21")
    ]
    assert _file(new_town, "SELECT name, reason FROM activity_absentee") == [("李华", "病假")]
