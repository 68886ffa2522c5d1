"""Dates and choices entered as a clerk enters them: typed into the real fields in each form clerks use,
Enter or a click on OK, then the rows in the file checked. A date that is not one is marked beside its
field with the reason and nothing is saved; a typed date is never dropped or changed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QToolButton,
    QWidget,
)

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import Area, BranchKind, Tier
from branchdesk.domain.listing import BranchColumn
from branchdesk.domain.months import Month
from branchdesk.services.ledgers import create_ledger, open_ledger
from branchdesk.ui.dialogs.activity import ActivityDialog
from branchdesk.ui.dialogs.branch import BranchDialog
from branchdesk.ui.dialogs.bulk_edit import BulkEditDialog
from branchdesk.ui.dialogs.date_choice import DateDialog
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.models.branches import COLUMNS
from branchdesk.ui.widgets import DateLineEdit
from tests.builders import LedgerBuilder
from tests.ui.driving import answer, open_shown, press, select_item
from tests.ui.typing import press_enter, retype, type_text

DATE_FORMS = ["2020-05-01", "2020/5/1", "2020.5.1", "20200501", "2020年5月1日"]


@pytest.fixture
def clock() -> FixedClock:
    """The clerk types dates of earlier years, as in the report of issue #14."""
    return FixedClock.on("2026-06-15")


@pytest.fixture
def county(tmp_path: Path, clock: FixedClock) -> Path:
    """A new ledger with its regions, a unit, one pairing from the start of 2023 and an unpaired village."""
    path = tmp_path / "新 台账" / "潢川.bdesk"
    path.parent.mkdir()
    with create_ledger(path, clock) as ledger:
        build = LedgerBuilder(ledger)
        tree = build.tree()
        unit = build.unit("潢川县财政局", tree["huangchuan"])
        organ = build.organs(unit, tree["huangchuan"], 1)[0]
        village = build.branch("城关1村党支部", BranchKind.VILLAGE, tree["hc_chengguan"], tier=Tier.WEAK)
        build.pair(organ, village, "2023-01-01")
        build.branch("王岗村党支部", BranchKind.VILLAGE, tree["hc_renhe"], tier=Tier.AVERAGE)
    return path


def query(path: Path, sql: str) -> list[tuple[object, ...]]:
    with open_ledger(path, FixedClock.on("2026-06-15"), read_only=True) as ledger:
        return [tuple(row.values()) for row in ledger.query(sql)]


def ok_button(dialog: QWidget) -> QWidget:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    return buttons.button(QDialogButtonBox.StandardButton.Ok)


def problems(dialog: QWidget) -> list[str]:
    return [
        label.text()
        for label in dialog.findChildren(QLabel)
        if label.isVisible() and label.text() and "c42b1c" in label.styleSheet()
    ]


def test_a_date_typed_in_the_branch_dialog_is_saved_in_every_form_clerks_use(
    make_window: Callable[..., MainWindow], county: Path, qtbot: object
) -> None:
    window = open_shown(make_window(), county)
    for number, form in enumerate(DATE_FORMS, 1):

        def fill(dialog: QWidget, number: int = number, form: str = form) -> None:
            assert isinstance(dialog, BranchDialog)
            type_text(dialog.name, f"张庄{number}村党支部")
            select_item(dialog.kind, "农村")
            retype(dialog.region.lineEdit(), "信阳市/潢川县/仁和镇")  # over the city chosen in the tree
            select_item(dialog.tier, "差")
            type_text(dialog.established, form)
            qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]

        answer(BranchDialog, fill)
        window.branches_tab.branch_actions.add.trigger()
    assert query(county, "SELECT name, kind, tier, established_on FROM branch WHERE name LIKE '张庄%'") == [
        (f"张庄{number}村党支部", "village", "weak", "2020-05-01") for number in range(1, 6)
    ]


def test_the_branch_dialog_marks_a_date_that_is_none_and_an_unchosen_kind_and_tier(
    make_window: Callable[..., MainWindow], county: Path, qtbot: object
) -> None:
    window = open_shown(make_window(), county)
    seen: list[dict[str, str]] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, BranchDialog)
        # Nothing chosen for the clerk.
        assert (dialog.kind.currentText(), dialog.tier.currentText()) == ("", "")
        type_text(dialog.name, "李湾村党支部")
        retype(dialog.region.lineEdit(), "信阳市/潢川县/仁和镇")  # over the city chosen in the tree
        type_text(dialog.established, "2023-02-30")
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        seen.append(dialog.problem_texts())
        select_item(dialog.kind, "农村")
        select_item(dialog.tier, "差")
        retype(dialog.established, "2023-13-01")
        press_enter(dialog.established)
        seen.append(dialog.problem_texts())
        assert dialog.established.text() == "2023-13-01"  # what was typed stays, to be put right
        retype(dialog.established, "2023年2月28日")
        press_enter(dialog.established)

    answer(BranchDialog, fill)
    window.branches_tab.branch_actions.add.trigger()
    assert seen == [
        {
            "kind": "请选择党支部类型。",
            "tier": "请选择档次（尚未定档的选“未定档次”）。",
            "established_on": "“2023-02-30”不是日期：2023年2月只有28天。",
        },
        {"established_on": "“2023-13-01”不是日期：没有13月（月份为1至12）。"},
    ]
    assert query(county, "SELECT name, tier, established_on FROM branch WHERE name = '李湾村党支部'") == [
        ("李湾村党支部", "weak", "2023-02-28")
    ]


def test_an_optional_date_can_be_cleared_and_an_empty_one_stays_empty(
    make_window: Callable[..., MainWindow], county: Path, qtbot: object
) -> None:
    window = open_shown(make_window(), county)
    tab = window.branches_tab
    village = next(r for r in range(tab.model.rowCount()) if tab.model.row_at(r).name == "城关1村党支部")
    tab.table.selectRow(village)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, BranchDialog)
        assert dialog.established.text() == ""
        type_text(dialog.established, "2020/5/1")
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]

    answer(BranchDialog, fill)
    tab.branch_actions.edit.trigger()
    established = "SELECT established_on, tier FROM branch WHERE name = '城关1村党支部'"
    assert query(county, established) == [("2020-05-01", "weak")]

    def clear(dialog: QWidget) -> None:
        assert isinstance(dialog, BranchDialog)
        assert dialog.established.text() == "2020-05-01"
        retype(dialog.established, "")
        press_enter(dialog.established)

    answer(BranchDialog, clear)
    tab.branch_actions.edit.trigger()
    assert query(county, established) == [(None, "weak")]


def record_activity(qtbot: object, window: MainWindow, held_on: str) -> ActivityDialog:
    """Open Record activity, tick the pairing, choose a themed Party day and type the date over the field."""
    tab = window.activities_tab
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    dialog = tab.dialog
    assert isinstance(dialog, ActivityDialog)
    assert dialog.held_on.text() == ""
    assert dialog.type.currentText() == ""
    dialog.pairings.list.setFocus()
    qtbot.keyClick(dialog.pairings.list, Qt.Key.Key_Home)  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.pairings.list, Qt.Key.Key_Space)  # type: ignore[attr-defined]
    select_item(dialog.type, "主题党日")
    box = dialog.areas[Area.TEAM]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # type: ignore[attr-defined]
    retype(dialog.volunteers, "6")
    retype(dialog.held_on, held_on)
    return dialog


def stored_days(path: Path) -> list[object]:
    return [row[0] for row in query(path, "SELECT held_on FROM activity ORDER BY id")]


def test_a_date_typed_in_the_activity_dialog_is_stored_as_typed(
    make_window: Callable[..., MainWindow], county: Path, qtbot: object
) -> None:
    window = open_shown(make_window(), county)
    window.show_tab("activities")
    dialog = record_activity(qtbot, window, "2023-06-10")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert dialog.error.text() == ""
    assert not dialog.isVisible()
    assert stored_days(county) == ["2023-06-10"]  # not this year's 2026-06-10

    dialog = record_activity(qtbot, window, "2023-02-30")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert dialog.isVisible()
    reason = "“2023-02-30”不是日期：2023年2月只有28天。"
    assert dialog.error.text() == f"日期：{reason}"
    assert dialog.held_on.problem_text == reason
    assert sorted(problems(dialog)) == sorted([reason, f"日期：{reason}"])  # beside the field, above OK
    assert stored_days(county) == ["2023-06-10"]  # nothing saved, not 2026-02-03
    retype(dialog.held_on, "2023年2月25日")
    assert problems(dialog) == [f"日期：{reason}"]  # the field's mark goes as soon as the date is right
    press_enter(dialog.held_on)
    assert not dialog.isVisible()
    assert stored_days(county) == ["2023-06-10", "2023-02-25"]


def branch_cell(window: MainWindow, name: str, column: BranchColumn) -> QModelIndex:
    model = window.branches_tab.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).name == name)
    return model.index(row, COLUMNS.index(column))


def test_a_date_cell_takes_typed_dates_refuses_bad_ones_and_can_be_cleared(
    make_window: Callable[..., MainWindow], county: Path, qtbot: object
) -> None:
    window = open_shown(make_window(), county)
    table = window.branches_tab.table
    established = "SELECT established_on FROM branch WHERE name = '城关1村党支部'"

    def edit(text: str) -> DateLineEdit:
        table.setFocus()
        table.setCurrentIndex(branch_cell(window, "城关1村党支部", BranchColumn.ESTABLISHED))
        qtbot.keyClick(table, Qt.Key.Key_F2)  # type: ignore[attr-defined]
        editor = table.indexWidget(table.currentIndex())
        assert isinstance(editor, DateLineEdit)
        retype(editor, text)
        press_enter(editor)
        QApplication.processEvents()  # the delegate commits on a queued call
        return editor

    edit("2020年5月1日")
    assert query(county, established) == [("2020-05-01",)]
    editor = edit("2023-02-30")
    assert editor.isVisible()  # kept open with the text as typed, to be put right or given up (Escape)
    assert editor.text() == "2023-02-30"
    assert editor.problem_text == "“2023-02-30”不是日期：2023年2月只有28天。"
    assert editor.toolTip() == editor.problem_text
    assert query(county, established) == [("2020-05-01",)]
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # type: ignore[attr-defined]
    assert query(county, established) == [("2020-05-01",)]
    edit("")
    assert query(county, established) == [(None,)]
    edit("2021.7.1")
    assert query(county, established) == [("2021-07-01",)]


def test_bulk_edit_takes_a_typed_date_and_refuses_what_is_none(
    make_window: Callable[..., MainWindow], county: Path, qtbot: object
) -> None:
    window = open_shown(make_window(), county)
    window.branches_tab.table.selectAll()
    optimised = "SELECT name, optimised_on, tier FROM branch WHERE kind = 'organ'"
    seen: list[list[str]] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, BulkEditDialog)
        for box in (dialog.set_optimised, dialog.set_tier):
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # type: ignore[attr-defined]
        type_text(dialog.optimised, "2023-13")
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        seen.append(sorted(problems(dialog)))
        retype(dialog.optimised, "2020.5.1")
        select_item(dialog.tier, "中")
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]

    answer(BulkEditDialog, fill)
    qtbot.mouseClick(window.branches_tab.table.viewport(), Qt.MouseButton.LeftButton)  # focus in the table
    window.branches_tab.table.selectAll()
    press(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert seen == [
        sorted(
            [
                "“2023-13”不是日期：请写成 2020-05-01（也可写 2020/5/1、20200501 或 2020年5月1日）。",
                "请选择要改成的档次。",
            ]
        )
    ]
    assert query(county, optimised) == [("机关第1党支部", "2020-05-01", "average")]


def test_the_archive_date_is_typed_and_a_bad_one_refused(
    make_window: Callable[..., MainWindow], county: Path, qtbot: object
) -> None:
    window = open_shown(make_window(), county)
    tab = window.branches_tab
    tab.table.setCurrentIndex(branch_cell(window, "王岗村党支部", BranchColumn.NAME))
    seen: list[list[str]] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, DateDialog)
        assert dialog.date.text() == "2026-06-15"  # today, in sight
        retype(dialog.date, "")
        press_enter(dialog.date)
        seen.append(problems(dialog))
        type_text(dialog.date, "2024/12/31")
        press_enter(dialog.date)

    answer(DateDialog, fill)
    tab.branch_actions.archive.trigger()
    assert seen == [["请填写日期，如 2020-05-01。"]]
    assert query(county, "SELECT archived_on FROM branch WHERE name = '王岗村党支部'") == [("2024-12-31",)]


def test_the_report_month_is_typed_and_enter_does_not_close_the_dialog(
    make_window: Callable[..., MainWindow], county: Path, qtbot: object
) -> None:
    window = open_shown(make_window(), county)
    dialog = window.exchange.report_dialog()
    assert dialog is not None
    dialog.show()
    assert dialog.month.text() == "2026年5月"  # the last month that has ended, in sight
    retype(dialog.month, "2026-13")
    press_enter(dialog.month)
    assert dialog.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert dialog.report is None  # nothing drawn for a month that is none
    assert problems(dialog) == ["“2026-13”不是月份：没有13月（月份为1至12）。"]
    for typed in ("2023年6月", "2023/6", "202306"):
        retype(dialog.month, typed)
        press_enter(dialog.month)
        assert dialog.isVisible()
        assert dialog.month.text() == "2023年6月"
        assert dialog.chosen_month() == Month(2023, 6)
        assert problems(dialog) == []
    dialog.close()


def test_a_date_can_be_picked_from_the_calendar_beside_the_field(
    make_window: Callable[..., MainWindow], county: Path, qtbot: object
) -> None:
    window = open_shown(make_window(), county)
    tab = window.branches_tab
    tab.table.setCurrentIndex(branch_cell(window, "王岗村党支部", BranchColumn.NAME))

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, BranchDialog)
        type_text(dialog.established, "2020-05-01")
        button = next(  # the calendar icon at the field's end
            b for b in dialog.established.findChildren(QToolButton) if b.toolTip() == "从日历中选择"
        )
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        popup = QApplication.activePopupWidget()
        calendar = popup.findChild(QCalendarWidget) if popup is not None else None
        assert calendar is not None
        assert calendar.selectedDate() == QDate(2020, 5, 1)  # opens on the date in the field
        view = calendar.findChild(QTableView)
        assert view is not None
        qtbot.keyClick(view, Qt.Key.Key_Left)  # type: ignore[attr-defined]
        qtbot.keyClick(view, Qt.Key.Key_Return)  # type: ignore[attr-defined]
        assert dialog.established.text() == "2020-04-30"
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]

    answer(BranchDialog, fill)
    tab.branch_actions.edit.trigger()
    assert query(county, "SELECT established_on FROM branch WHERE name = '王岗村党支部'") == [("2020-04-30",)]
