"""The pairing agreement as a clerk keeps it: a new ledger in an empty folder, a pairing, Pairing ▸ Agreement
(Ctrl+Shift+A), the button and the table's context menu; signing date, liaisons, targets and progress
typed in; a target due before the signing refused in place with nothing typed lost; too few hard targets
asked about, not refused; saved as one step, undone with Ctrl+Z. Every check reads the file."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QWidget,
)

from branchdesk.cli import EXIT_OK, run
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind
from branchdesk.services.ledgers import open_ledger
from branchdesk.ui.dialogs.agreement import AgreementDialog
from branchdesk.ui.dialogs.file_choice import FilePurpose
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.tabs.pairings import PairingsTab
from tests.builders import LedgerBuilder
from tests.test_cli_agreement import docx_text, signed_ledger
from tests.ui.driving import answer, file_rows, press, shown
from tests.ui.typing import press_enter, retype, type_text


@pytest.fixture
def township(tmp_path: Path, clock: FixedClock) -> Path:
    """``branchdesk-cli new`` in an empty folder, then one organ branch paired with one village."""
    folder = tmp_path / "空 文件夹"
    folder.mkdir()
    path = folder / "城关镇.bdesk"
    code = run(
        ["new", str(path), "--region", "信阳市/潢川县/城关镇"],
        clock=clock,
        out=io.StringIO(),
        err=io.StringIO(),
    )
    assert code == EXIT_OK
    with open_ledger(path, clock) as ledger:
        build = LedgerBuilder(ledger)
        county = ledger.scalar("SELECT id FROM region WHERE name = '潢川县'")
        town = ledger.scalar("SELECT id FROM region WHERE name = '城关镇'")
        organ = build.organs(build.unit("潢川县财政局", county), county, 1)[0]
        village = build.branch("郑庄村党支部", BranchKind.VILLAGE, town)
        build.pair(organ, village, "2022-03-01")
    return path


def pairings_tab(make_window: Callable[..., MainWindow], path: Path) -> tuple[MainWindow, PairingsTab]:
    window = make_window()
    assert window.open_path(path)
    shown(window)
    tab = window.show_tab("pairings")
    assert isinstance(tab, PairingsTab)
    tab.wait()
    index = tab.model.index(0, 0)
    QTest.mouseClick(
        tab.table.viewport(), Qt.MouseButton.LeftButton, pos=tab.table.visualRect(index).center()
    )
    assert tab.selected_row() is not None
    return window, tab


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def ok_button(dialog: AgreementDialog) -> QPushButton:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button


def click_row(table: QTableWidget, row: int) -> None:
    QTest.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(table.model().index(row, 0)).center(),
    )


def add_target(dialog: AgreementDialog, name: str, number: str, unit: str, due: str) -> None:
    for field, text in (
        (dialog.target_name, name),
        (dialog.target_number, number),
        (dialog.target_unit, unit),
    ):
        retype(field, text)
    retype(dialog.target_due, due)
    click(dialog.add_target)


def cells(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]  # type: ignore[union-attr]
        for row in range(table.rowCount())
    ]


AGREEMENT_ROWS = (
    "SELECT a.signed_on, a.organ_liaison, a.organ_phone, a.grassroots_liaison, a.grassroots_phone, a.review"
    " FROM agreement a"
)
TARGET_ROWS = "SELECT position, name, number, unit, due_on FROM agreement_target ORDER BY position"
PROGRESS_ROWS = (
    "SELECT t.name, v.recorded_on, v.value, v.note FROM target_progress v"
    " JOIN agreement_target t ON t.id = v.target_id ORDER BY v.id"
)


def test_an_agreement_typed_in_refused_in_place_then_saved_as_one_step(
    make_window: Callable[..., MainWindow], township: Path
) -> None:
    window, _tab = pairings_tab(make_window, township)
    seen: list[object] = []

    def fill(dialog: AgreementDialog) -> None:
        dialog.resize(1366, 768)
        retype(dialog.signed, "2022/4/20")
        for field, text in (
            (dialog.organ_liaison, "李明"),
            (dialog.organ_phone, "13812345678"),
            (dialog.grassroots_liaison, "王芳"),
            (dialog.grassroots_phone, "13987654321"),
        ):
            field.setFocus()
            type_text(field, text)
        add_target(dialog, "帮办实事", "3", "件", "2022/12/31")
        add_target(dialog, "引进项目资金", "20", "万元", "2022/4/1")  # before the signing
        add_target(dialog, "培训党员", "50", "人次", "2023/6/30")
        # Progress of 引进项目资金 beyond its number: kept, and shown.
        click_row(dialog.targets, 1)
        retype(dialog.progress_day, "2022/5/10")
        retype(dialog.progress_value, "25")
        type_text(dialog.progress_note, "走访核实")
        click(dialog.add_progress)
        click_row(dialog.targets, 0)
        retype(dialog.progress_day, "2022/5/12")
        retype(dialog.progress_value, "1")
        click(dialog.add_progress)
        dialog.review.setFocus()
        type_text(dialog.review, "半年回顾：按计划推进。")
        seen.append(cells(dialog.targets))
        click(ok_button(dialog))
        # Refused in place: the reason, the row marked, everything typed still there.
        assert dialog.isVisible()
        seen.append(dialog.problem.text())
        assert dialog.targets.rowCount() == 3
        assert dialog.organ_liaison.text() == "李明"
        dialog.grab().save("/tmp/agreement-refused.png")
        click_row(dialog.targets, 1)
        retype(dialog.target_due, "2023/6/30")
        click(dialog.change_target)
        click_row(dialog.targets, 1)
        seen.append(cells(dialog.progress))
        dialog.grab().save("/tmp/agreement.png")
        press_enter(dialog.organ_liaison)  # Enter in a field: OK

    answer(AgreementDialog, fill)
    press(window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert seen[0] == [
        ["帮办实事", "3", "件", "2022年12月31日", "1", "推进中"],
        ["引进项目资金", "20", "万元", "2022年4月1日", "25", "已完成（超出目标）"],  # beyond: shown
        ["培训党员", "50", "人次", "2023年6月30日", "", "推进中"],
    ]
    assert seen[1] == "目标“引进项目资金”的完成时限2022年4月1日早于协议签订日期（2022年4月20日）。"
    assert seen[2] == [["2022年5月10日", "25 万元", "走访核实"]]
    assert file_rows(township, AGREEMENT_ROWS) == [
        ("2022-04-20", "李明", "13812345678", "王芳", "13987654321", "半年回顾：按计划推进。")
    ]
    assert file_rows(township, TARGET_ROWS) == [
        (0, "帮办实事", 3.0, "件", "2022-12-31"),
        (1, "引进项目资金", 20.0, "万元", "2023-06-30"),
        (2, "培训党员", 50.0, "人次", "2023-06-30"),
    ]
    assert file_rows(township, PROGRESS_ROWS) == [  # written target by target
        ("帮办实事", "2022-05-12", 1.0, None),
        ("引进项目资金", "2022-05-10", 25.0, "走访核实"),
    ]
    assert file_rows(township, "SELECT action FROM operation ORDER BY id DESC LIMIT 1") == [
        ("agreement.save",)
    ]
    # One step of Edit ▸ Undo takes the whole agreement back.
    QTest.qWait(10)  # the event loop runs on: the closed dialog is deleted
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert file_rows(township, "SELECT count(*) FROM agreement") == [(0,)]
    assert file_rows(township, "SELECT count(*) FROM agreement_target") == [(0,)]
    assert file_rows(township, "SELECT count(*) FROM target_progress") == [(0,)]


def test_an_agreement_reopened_edited_from_the_context_menu_and_escape_keeps_the_file(
    make_window: Callable[..., MainWindow], township: Path
) -> None:
    _window, tab = pairings_tab(make_window, township)
    questions: list[str] = []

    def first(dialog: AgreementDialog) -> None:
        add_target(dialog, "帮办实事", "3", "件", "2022/12/31")

        def reply(button: QMessageBox.StandardButton) -> Callable[[QMessageBox], None]:
            def pressed(box: QMessageBox) -> None:
                questions.append(box.text())
                box.button(button).click()

            return pressed

        answer(QMessageBox, reply(QMessageBox.StandardButton.No))
        click(ok_button(dialog))
        assert dialog.isVisible()  # not saved: the clerk adds a second hard target
        assert dialog.few.isVisible()
        add_target(dialog, "培训党员", "50", "人次", "2022/12/31")
        assert not dialog.few.isVisible()
        click(ok_button(dialog))

    answer(AgreementDialog, first)
    click(tab.agreement_button)
    assert len(questions) == 1
    assert "至少" in questions[0]
    assert [row[1] for row in file_rows(township, TARGET_ROWS)] == ["帮办实事", "培训党员"]
    uuids = file_rows(township, "SELECT uuid FROM agreement_target ORDER BY position")

    def second(dialog: AgreementDialog) -> None:
        assert dialog.signed.text() != ""
        assert cells(dialog.targets)[0][:3] == ["帮办实事", "3", "件"]
        click_row(dialog.targets, 0)
        retype(dialog.target_number, "4")
        click(dialog.change_target)
        click_row(dialog.targets, 1)
        click(dialog.remove_target)
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    answer(AgreementDialog, second)
    tab.table.setFocus()
    assert tab.agreement_action in tab.table.actions()
    assert tab.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    tab.agreement_action.trigger()  # as the context menu's item does
    assert [row[1:3] for row in file_rows(township, TARGET_ROWS)] == [("帮办实事", 3.0), ("培训党员", 50.0)]
    assert file_rows(township, "SELECT uuid FROM agreement_target ORDER BY position") == uuids
    assert tab.table.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection

    # Looked at and OK (Enter) with nothing changed: nothing written (an empty agreement.save was, a step
    # of Edit ▸ Undo that undid nothing).
    operations = file_rows(township, "SELECT count(*) FROM operation")
    seen = answer(AgreementDialog, lambda dialog: press_enter(dialog.organ_liaison))
    click(tab.agreement_button)
    assert seen == ["agreementDialog"]
    assert file_rows(township, "SELECT count(*) FROM operation") == operations


def test_printed_from_the_pairings_tab(make_window: Callable[..., MainWindow], tmp_path: Path) -> None:
    signed = signed_ledger(tmp_path)
    window = make_window()
    assert window.open_path(signed)
    window.show()
    tab = window.show_tab("pairings")
    assert isinstance(tab, PairingsTab)
    tab.wait()
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row_at(r).grassroots == "郑庄村党支部")  # type: ignore[union-attr]
    QTest.mouseClick(
        tab.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=tab.table.visualRect(tab.model.index(row, 0)).center(),
    )
    asked: list[tuple[FilePurpose, str]] = []
    out = tmp_path / "打印.docx"

    def choose(_parent: object, purpose: FilePurpose, suggested: str) -> Path:
        asked.append((purpose, suggested))
        return out

    window.context.choose_file = choose
    assert tab.agreement_word_action in tab.table.actions()  # the right-click menu's item
    tab.agreement_word_action.trigger()
    assert asked == [(FilePurpose.WORD, "结对共建协议 郑庄村党支部.docx")]
    assert "帮办实事" in docx_text(out)


def test_a_target_typed_and_not_added_is_never_dropped_by_enter(
    make_window: Callable[..., MainWindow], township: Path
) -> None:
    """Two targets added, a third typed in its fields and Enter pressed (the dialog's OK): the dialog stays
    with the reason and the typed target, nothing is written; Add target, then Enter, saves all three.
    (Enter saved the agreement without the third, unsaid.)"""
    window, _tab = pairings_tab(make_window, township)
    seen: list[object] = []

    def fill(dialog: AgreementDialog) -> None:
        retype(dialog.signed, "2022/4/20")
        add_target(dialog, "帮办实事", "3", "件", "2022/12/31")
        add_target(dialog, "引进项目资金", "20", "万元", "2022/12/31")
        for field, text in (
            (dialog.target_name, "培训党员"),
            (dialog.target_number, "50"),
            (dialog.target_unit, "人次"),
        ):
            retype(field, text)
        retype(dialog.target_due, "2023/6/30")
        press_enter(dialog.target_unit)
        assert dialog.isVisible()
        seen.append(dialog.problem.text())
        seen.append(file_rows(township, "SELECT count(*) FROM agreement"))
        assert dialog.target_name.text() == "培训党员"
        assert dialog.focusWidget() is dialog.target_name
        click(dialog.add_target)
        press_enter(dialog.organ_liaison)

    answer(AgreementDialog, fill)
    press(window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert seen == [
        "目标栏里填写的“培训党员”还没有加入列表：请点“添加目标”（或“修改选中的目标”），或清空目标名称后再点确定。",
        [(0,)],
    ]
    assert file_rows(township, TARGET_ROWS) == [
        (0, "帮办实事", 3.0, "件", "2022-12-31"),
        (1, "引进项目资金", 20.0, "万元", "2022-12-31"),
        (2, "培训党员", 50.0, "人次", "2023-06-30"),
    ]
