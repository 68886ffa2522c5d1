"""The Activities tab driven as a clerk would: record, edit (in the dialog and in the cell), copy, delete
and undo, checking the file after each step; the compliance view's overdue list; the holiday editor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QListWidget

from branchdesk.domain.activities import ActivityColumn, ActivityFilter
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import ActivityType, Area, DayKind
from branchdesk.domain.months import Month
from branchdesk.services.ledgers import open_ledger
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.activity import ActivityDialog, PairingsDialog
from branchdesk.ui.dialogs.compliance import ComplianceDialog
from branchdesk.ui.dialogs.holidays import HolidaysDialog
from branchdesk.ui.jobs.runner import JobRunner
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.models.activities import COLUMNS, ActivityTableModel
from branchdesk.ui.tabs.activities import ActivitiesTab
from branchdesk.ui.tabs.contract import DrillDown
from tests.builders import LedgerBuilder
from tests.ui.conftest import Recorder
from tests.ui.driving import answer, file_rows, press, select_item, shown
from tests.ui.typing import press_enter, retype, type_text


@pytest.fixture
def town(build: LedgerBuilder, ledger: Ledger) -> tuple[Path, dict[str, int]]:
    """城关镇: three pairings from 10 April 2022 (the clock says 19 May 2022); a themed day in April."""
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    organs = build.organs(unit, tree["huangchuan"], 3)
    villages = build.villages(tree["hc_chengguan"], 3, prefix="城关")
    ids = {f"p{i + 1}": build.pair(organs[i], villages[i], "2022-04-10") for i in range(3)}
    build.activity(ids["p1"], "2022-04-16", volunteers=4)
    ids["region"] = tree["hc_chengguan"]
    ids["city"] = tree["city"]
    path = ledger.path
    ledger.close()
    return path, ids


def stored(path: Path) -> list[dict[str, object]]:
    with open_ledger(path, FixedClock.on("2022-05-19"), read_only=True) as ledger:
        return ledger.query(
            "SELECT a.pairing_id, a.held_on, a.type, a.volunteers, a.location, a.weekday_reason,"
            " (SELECT group_concat(area) FROM (SELECT area FROM activity_area WHERE activity_id = a.id"
            " ORDER BY area)) AS areas FROM activity a ORDER BY a.id"
        )


def opened(make_window: Callable[..., MainWindow], path: Path) -> tuple[MainWindow, ActivitiesTab]:
    window = make_window()
    assert window.open_path(path)
    tab = window.activities_tab
    window.show_tab("activities")
    tab.wait()
    return window, tab


def pick(dialog_list: QListWidget, *names: str) -> None:
    for row in range(dialog_list.count()):
        item = dialog_list.item(row)
        if any(item.text().startswith(name) for name in names):
            item.setCheckState(Qt.CheckState.Checked)


def test_record_a_bulk_entry_through_the_dialog_then_undo(
    make_window: Callable[..., MainWindow],
    town: tuple[Path, dict[str, int]],
    recorder: Recorder,
    qtbot: object,
) -> None:
    path, ids = town
    window, tab = opened(make_window, path)
    assert tab.model.rowCount() == 1
    tab.record_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, ActivityDialog)
    pick(dialog.pairings.list, "城关2村", "城关3村")
    select_item(dialog.type, "主题党日")
    type_text(dialog.held_on, "2022-05-11")  # a Wednesday: a working day
    press_enter(dialog.held_on)  # the date is taken; OK is still to be pressed with the rest
    assert dialog.isVisible()
    assert dialog.reason_note.isVisibleTo(dialog)
    assert "工作日" in dialog.reason_note.text()
    dialog.areas[Area.SERVICE].setChecked(True)
    dialog.volunteers.setValue(8)
    dialog.location.setText("村党群服务中心")
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert "工作日" in dialog.error.text()
    assert len(stored(path)) == 1
    dialog.reason.setText("防汛应急，周末值守")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    rows = stored(path)
    assert [(r["pairing_id"], r["held_on"], r["volunteers"], r["weekday_reason"]) for r in rows[1:]] == [
        (ids["p2"], "2022-05-11", 8, "防汛应急，周末值守"),
        (ids["p3"], "2022-05-11", 8, "防汛应急，周末值守"),
    ]
    assert rows[1]["areas"] == "service"
    tab.wait()
    assert tab.model.rowCount() == 3
    weekday_column = COLUMNS.index(ActivityColumn.WEEKDAY)
    assert "防汛应急" in tab.model.index(0, weekday_column).data()  # marked as an excused working day
    window.edits.undo()
    assert len(stored(path)) == 1
    tab.wait()
    assert tab.model.rowCount() == 1
    assert recorder.errors == []


def test_validation_messages_in_the_dialog(
    make_window: Callable[..., MainWindow], town: tuple[Path, dict[str, int]]
) -> None:
    path, _ = town
    _, tab = opened(make_window, path)
    tab.record_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, ActivityDialog)
    dialog.ok_button.click()
    assert dialog.error.text() == "日期：请填写日期，如 2020-05-01。"
    type_text(dialog.held_on, "2022-05-20")
    dialog.ok_button.click()
    assert dialog.error.text() == "请选择活动类型。"
    select_item(dialog.type, "主题党日")
    dialog.ok_button.click()
    assert "晚于今天" in dialog.error.text()  # no future dates: 19 May 2022 is today
    retype(dialog.held_on, "2022-05-14")
    dialog.ok_button.click()
    assert "结对" in dialog.error.text()  # no pairing chosen
    pick(dialog.pairings.list, "城关1村")
    retype(dialog.held_on, "2022/4/9")  # a Saturday before the pairing started
    dialog.ok_button.click()
    assert "2022年4月10日" in dialog.error.text()
    retype(dialog.held_on, "2022年5月14日")
    dialog.volunteers.setValue(0)
    dialog.ok_button.click()
    assert "志愿者" in dialog.error.text()
    dialog.volunteers.setValue(3)
    dialog.ok_button.click()
    assert "六共" in dialog.error.text()
    team = dialog.areas[Area.TEAM]
    team.setFocus()  # as Tab brings it
    QTest.keyClick(team, Qt.Key.Key_Space)
    assert team.isChecked()
    assert dialog.error.text() == ""  # the tick answered it: not left until the next OK
    dialog.type.setCurrentIndex(dialog.type.findData(ActivityType.KEY_TASK))
    dialog.ok_button.click()
    assert "重点任务" in dialog.error.text()
    dialog.reject()
    assert len(stored(path)) == 1


def test_edit_in_the_dialog_and_in_place_copy_delete_and_undo(
    make_window: Callable[..., MainWindow], town: tuple[Path, dict[str, int]], recorder: Recorder
) -> None:
    path, ids = town
    window, tab = opened(make_window, path)
    tab.table.selectRow(0)
    tab.edit_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, ActivityDialog)
    assert dialog.volunteers.value() == 4
    assert dialog.areas[Area.ORGANISATION].isChecked()
    dialog.areas[Area.INDUSTRY].setChecked(True)
    dialog.summary.setPlainText("学习党的二十大精神")
    dialog.ok_button.click()
    assert stored(path)[0]["areas"] == "industry,organisation"
    tab.wait()

    volunteers = tab.model.index(0, COLUMNS.index(ActivityColumn.VOLUNTEERS))
    assert tab.model.setData(volunteers, 12)
    assert stored(path)[0]["volunteers"] == 12
    tab.wait()
    assert tab.model.index(0, COLUMNS.index(ActivityColumn.VOLUNTEERS)).data() == "12"
    assert tab.model.setData(volunteers, 0)  # refused with a message; the file keeps 12
    assert recorder.errors
    assert "志愿者" in recorder.errors[-1]
    assert stored(path)[0]["volunteers"] == 12

    tab.table.selectRow(0)
    tab.copy_button.click()
    copy = tab.dialog
    assert isinstance(copy, PairingsDialog)
    copy.picker.search.setText("城关")
    copy.picker.refresh()
    pick(copy.picker.list, "城关2村", "城关3村")
    copy.ok_button.click()
    rows = stored(path)
    assert [(r["pairing_id"], r["held_on"], r["volunteers"], r["areas"]) for r in rows] == [
        (ids["p1"], "2022-04-16", 12, "industry,organisation"),
        (ids["p2"], "2022-04-16", 12, "industry,organisation"),
        (ids["p3"], "2022-04-16", 12, "industry,organisation"),
    ]
    tab.wait()
    assert tab.model.rowCount() == 3

    tab.table.selectAll()
    tab.delete_button.click()
    assert stored(path) == []
    tab.wait()
    assert tab.model.rowCount() == 0
    window.edits.undo()  # the deletion
    assert len(stored(path)) == 3
    window.edits.undo()  # the copy
    window.edits.undo()  # the in-place edit
    window.edits.undo()  # the dialog's edit
    assert stored(path) == [
        {
            "pairing_id": ids["p1"],
            "held_on": "2022-04-16",
            "type": "themed_day",
            "volunteers": 4,
            "location": None,
            "weekday_reason": None,
            "areas": "organisation",
        }
    ]


def test_filters_totals_and_drill_down(
    make_window: Callable[..., MainWindow], town: tuple[Path, dict[str, int]], qtbot: object
) -> None:
    path, ids = town
    window, tab = opened(make_window, path)
    qtbot.waitUntil(lambda: tab.totals_label.text() == "共 1 次活动 · 党员志愿者 4 人次")  # type: ignore[attr-defined]
    qtbot.mouseClick(tab.months, Qt.MouseButton.LeftButton, pos=QPoint(8, tab.months.height() // 2))  # type: ignore[attr-defined]
    retype(tab.first_month, "2022/5")
    press_enter(tab.first_month)
    retype(tab.last_month, "2022-13")  # refused and marked: the filter keeps the month before
    press_enter(tab.last_month)
    assert tab.last_month.problem_text == "“2022-13”不是月份：没有13月（月份为1至12）。"
    assert tab.months_problem.isVisibleTo(tab)  # the reason, under the filter row
    assert tab.months_problem.text() == tab.last_month.problem_text
    retype(tab.last_month, "2022年5月")
    press_enter(tab.last_month)
    assert not tab.months_problem.isVisibleTo(tab)
    tab.wait()
    assert tab.model.rowCount() == 0
    assert tab.model.current_filter.first_month == Month(2022, 5)
    window.drill_down(DrillDown("activities", ids["region"], month=Month(2022, 4), area=Area.ORGANISATION))
    tab.wait()
    assert window.tabs.currentWidget() is tab
    assert tab.model.rowCount() == 1
    assert tab.model.current_filter.area is Area.ORGANISATION
    window.drill_down(DrillDown("activities", ids["region"], month=Month(2022, 4), pairing_id=ids["p2"]))
    tab.wait()
    assert tab.model.rowCount() == 0
    assert "城关2村" in tab.pairing_label.text()
    tab.clear_pairing.click()
    tab.wait()
    assert tab.model.rowCount() == 1


def test_the_model_passes_the_model_tester(
    qtmodeltester: object, town: tuple[Path, dict[str, int]], clock: FixedClock
) -> None:
    path, _ = town
    model = ActivityTableModel(JobRunner(clock, path.parent / "logs"))
    model.show_ledger(path, ActivityFilter())
    model.wait()
    assert model.rowCount() == 1
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]


def test_the_overdue_list_shrinks_as_themed_days_are_added(
    make_window: Callable[..., MainWindow], town: tuple[Path, dict[str, int]], qtbot: object
) -> None:
    path, ids = town
    window, tab = opened(make_window, path)
    ledger = window.edits.ledger
    assert ledger is not None
    qtbot.waitUntil(lambda: tab.reminder.text() != "")  # type: ignore[attr-defined]
    assert "3" in tab.reminder.text()  # May 2022 is under way: no pairing has held its themed day yet
    view = ComplianceDialog(ledger, window.jobs, ids["region"], "城关镇", window)
    assert view.chosen_month() == Month(2022, 5)
    assert view.summary.text() == "正在统计……"  # read off the UI thread
    view.wait()
    assert "提醒" in view.summary.text()
    assert view.overdue_model.rowCount() == 3
    for expected, pairing in ((2, "城关1村"), (1, "城关2村")):
        tab.record_button.click()
        dialog = tab.dialog
        assert isinstance(dialog, ActivityDialog)
        pick(dialog.pairings.list, pairing)
        select_item(dialog.type, "主题党日")
        type_text(dialog.held_on, "20220514")  # a Saturday
        dialog.areas[Area.ORGANISATION].setChecked(True)
        retype(dialog.volunteers, "5")
        dialog.ok_button.click()
        view.refresh()
        view.wait()
        assert view.overdue_model.rowCount() == expected
    assert view.overdue_model.index(0, 1).data() == "城关3村党支部"
    may = view.grid_model.index(0, 2 + 5)  # May, the last of six months
    assert may.data().startswith("✓")
    assert may.data(Qt.ItemDataRole.BackgroundRole) is not None
    tab.wait()
    qtbot.waitUntil(lambda: "1" in tab.reminder.text())  # type: ignore[attr-defined]


def test_the_holiday_editor_enters_a_year_without_official_data(
    make_window: Callable[..., MainWindow], town: tuple[Path, dict[str, int]]
) -> None:
    path, _ = town
    window, _ = opened(make_window, path)
    assert window.edits.ledger is not None
    dialog = HolidaysDialog(window.edits.ledger, window.edits, window)
    assert dialog.day_kind(dt.date(2022, 5, 3)) is DayKind.HOLIDAY  # the library's Labour Day
    assert dialog.day_kind(dt.date(2022, 5, 7)) is DayKind.WORKDAY
    dialog.year.setValue(2027)
    assert "2027" in dialog.missing.text()
    assert "无" in dialog.status.text()
    dialog.import_text("2027-01-01 休 元旦\n2027-02-06~2027-02-08 休 春节\n2027-02-14 班 春节\n")
    assert dialog.day_kind(dt.date(2027, 2, 7)) is DayKind.HOLIDAY
    dialog.save_button.click()
    with open_ledger(path, FixedClock.on("2022-05-19"), read_only=True) as ledger:
        assert ledger.scalar("SELECT count(*) FROM holiday WHERE day LIKE '2027-%'") == 5
        assert ledger.scalar("SELECT source FROM holiday_year WHERE year = 2027") == "user"
    assert "2027" not in dialog.missing.text()
    dialog.editor.setPlainText("2027-13-01 休")
    assert not dialog.save_button.isEnabled()
    assert "第 1 行" in dialog.problem.text()
    window.edits.undo()
    with open_ledger(path, FixedClock.on("2022-05-19"), read_only=True) as ledger:
        assert ledger.scalar("SELECT count(*) FROM holiday WHERE day LIKE '2027-%'") == 0


def test_enter_in_the_holidays_year_shows_that_year_and_nothing_else(
    make_window: Callable[..., MainWindow], town: tuple[Path, dict[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tools ▸ Holidays: a year typed and Enter shows that year's calendar, the dialog staying open; Enter
    clicked "Import a list…" (the first button), opening a file chooser the clerk never asked for."""
    path, _ = town
    window, _ = opened(make_window, path)
    shown(window)
    chooser: list[object] = []

    def choose(*args: object) -> tuple[str, str]:
        chooser.append(args)
        return "", ""  # cancelled

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    seen: list[tuple[bool, str]] = []

    def handle(dialog: HolidaysDialog) -> None:
        retype(dialog.year, "2027")
        press_enter(dialog.year)
        seen.append((dialog.isVisible(), dialog.status.text()))
        QTest.keyClick(dialog.year, Qt.Key.Key_Escape)

    handled = answer(HolidaysDialog, handle)
    window.menus.holidays_action.trigger()
    assert handled == ["holidaysDialog"]
    assert chooser == []
    assert seen == [(True, "2027年：无官方节假日数据，暂按普通周末计算。请在右侧录入。")]
    assert file_rows(path, "SELECT count(*) FROM holiday WHERE day LIKE '2027-%'") == [(0,)]


def test_import_a_holiday_list_opens_in_the_documents_folder(
    make_window: Callable[..., MainWindow], town: tuple[Path, dict[str, int]], tmp_path: Path, qtbot: object
) -> None:
    """Tools ▸ Holidays ▸ Import a list…: the file dialog opens in the documents folder, as every file the
    window reads; it opened the program's working folder (on Windows, where the program is installed)."""
    path, _ = town
    window, _ = opened(make_window, path)
    shown(window)
    folders: list[str] = []

    def cancel(chooser: QFileDialog) -> None:
        folders.append(chooser.directory().absolutePath())
        chooser.reject()

    def look(dialog: HolidaysDialog) -> None:
        answer(QFileDialog, cancel)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        QTest.keyClick(dialog.year, Qt.Key.Key_Escape)

    handled = answer(HolidaysDialog, look)
    window.menus.holidays_action.trigger()
    assert handled == ["holidaysDialog"]
    assert folders == [str(tmp_path)]


def test_edit_copy_and_delete_wait_for_a_selected_activity(
    make_window: Callable[..., MainWindow], town: tuple[Path, dict[str, int]], qtbot: object
) -> None:
    """With no activity selected, Edit…, Copy to pairings… and Delete are greyed out (they were enabled and a
    click did nothing, seen in a screenshot of the tab); a click on a row brings them, and Delete then
    deletes that activity from the file, undone by Ctrl+Z."""
    path, _ids = town
    window, tab = opened(make_window, path)
    window.resize(1366, 768)
    shown(window)
    buttons = (tab.edit_button, tab.copy_button, tab.delete_button)
    assert [button.isEnabled() for button in buttons] == [False, False, False]
    assert tab.record_button.isEnabled()
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert len(stored(path)) == 1

    cell = tab.table.visualRect(tab.model.index(0, 1)).center()
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # type: ignore[attr-defined]
    assert [button.isEnabled() for button in buttons] == [True, True, True]

    # Edit…, looked at and OK (Enter) with nothing changed: nothing written (an empty activity.edit was, a
    # step of Edit ▸ Undo that undid nothing; seen on the county demo).
    operations = file_rows(path, "SELECT count(*) FROM operation")
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    dialog = tab.dialog
    assert isinstance(dialog, ActivityDialog)
    qtbot.waitExposed(dialog)  # type: ignore[attr-defined]
    press_enter(dialog.location)
    assert not dialog.isVisible()
    assert file_rows(path, "SELECT count(*) FROM operation") == operations
    shown(window)
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # type: ignore[attr-defined]
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert stored(path) == []
    tab.wait()
    assert [button.isEnabled() for button in buttons] == [False, False, False]  # the row is gone
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(stored(path)) == 1
