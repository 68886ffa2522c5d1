"""The Branches tab edits the roster through the real widgets: dialog, cells, bulk edit, paste, archive,
undo and redo, with the rows in the file checked after each step."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind, Tier
from branchdesk.domain.listing import BranchColumn, BranchFilter, BranchSort
from branchdesk.services import branches as branch_service
from branchdesk.services.ledgers import create_ledger
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.branch import BranchDialog
from branchdesk.ui.dialogs.bulk_edit import BulkEditDialog
from branchdesk.ui.dialogs.date_choice import DateDialog
from branchdesk.ui.dialogs.region import RegionDialog
from branchdesk.ui.dialogs.rejected_rows import RejectedRowsDialog
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.models.branches import COLUMNS, BranchTableModel
from tests.builders import LedgerBuilder
from tests.ui.conftest import Recorder
from tests.ui.driving import answer
from tests.ui.typing import retype, type_text


@pytest.fixture
def small(tmp_path: Path, clock: FixedClock) -> Path:
    path = tmp_path / "乡镇 台账.bdesk"
    with create_ledger(path, clock) as ledger:
        build = LedgerBuilder(ledger)
        tree = build.tree()
        build.unit("县委组织部", tree["huangchuan"])
        build.villages(tree["hc_renhe"], 2)
    return path


TIER_NOT_CHOSEN = "请选择档次（尚未定档的选“未定档次”）。"
BAD_PHONE = "“12345”不是电话号码：请填写手机号（以 1 开头的 11 位数字）或带区号的座机号，如 0376-6221234。"


def rows(
    path: Path, sql: str = "SELECT name, kind, tier, phone, member_count, archived_on FROM branch"
) -> list[tuple[object, ...]]:
    with Ledger.open(path, FixedClock.on("2022-05-19"), read_only=True) as ledger:
        return [tuple(row.values()) for row in ledger.query(sql + " ORDER BY name")]


def press_ok(dialog: QWidget) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def open_window(make_window: Callable[..., MainWindow], path: Path) -> MainWindow:
    window = make_window()
    assert window.open_path(path)
    window.show()
    return window


def select(window: MainWindow, *names: str) -> None:
    table = window.branches_tab.table
    model = window.branches_tab.model
    table.clearSelection()
    for row in range(model.rowCount()):
        if model.row_at(row).name in names:
            table.selectionModel().select(
                model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )


def test_dialog_shows_each_rule_then_adds_the_branch_and_undo_redo_it(
    make_window: Callable[..., MainWindow], small: Path, qtbot: object
) -> None:
    window = open_window(make_window, small)
    seen: list[dict[str, str]] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, BranchDialog)
        dialog.kind.setCurrentIndex(dialog.kind.findData(BranchKind.VILLAGE))
        dialog.region.setEditText("信阳市/潢川县/仁和镇")
        dialog.phone.setText("12345")
        dialog.members.setText("-3")
        type_text(dialog.established, "2030-01-01")
        press_ok(dialog)
        seen.append(dialog.problem_texts())
        dialog.name.setText("村1村党支部")  # already in 仁和镇
        dialog.members.setText("很多")
        press_ok(dialog)
        seen.append(dialog.problem_texts())
        dialog.kind.setCurrentIndex(dialog.kind.findData(BranchKind.ORGAN))
        dialog.name.setText("县财政局党支部")
        press_ok(dialog)
        seen.append(dialog.problem_texts())
        dialog.region.setEditText("")
        press_ok(dialog)
        seen.append(dialog.problem_texts())
        dialog.kind.setCurrentIndex(dialog.kind.findData(BranchKind.GRID))
        dialog.name.setText("一网格党支部")
        press_ok(dialog)
        seen.append(dialog.problem_texts())
        dialog.kind.setCurrentIndex(dialog.kind.findData(BranchKind.VILLAGE))
        dialog.region.setEditText("信阳市/潢川县/仁和镇")
        dialog.name.setText("张庄村党支部")
        dialog.phone.setText("138 0013 8000")
        dialog.members.setText("31")
        retype(dialog.established, "")
        dialog.tier.setCurrentIndex(dialog.tier.findData(Tier.WEAK))
        press_ok(dialog)

    answer(BranchDialog, fill)
    window.branches_tab.branch_actions.add.trigger()
    assert seen[0] == {
        "name": "请填写党支部名称。",
        "tier": TIER_NOT_CHOSEN,
        "phone": BAD_PHONE,
        "member_count": "党员数不能为负数。",
        "established_on": "日期2030年1月1日在今天之后。",
    }
    assert seen[1] == {
        "name": "同一区域已有名为“村1村党支部”的党支部。",
        "tier": TIER_NOT_CHOSEN,
        "phone": BAD_PHONE,
        "member_count": "“很多”不是整数。",
        "established_on": "日期2030年1月1日在今天之后。",
    }
    assert seen[2]["unit_id"] == "机关党支部须隶属于一个单位：请选择其单位。"
    assert seen[3]["region_id"] == "请选择党支部所属区域。"
    assert seen[4]["community_id"] == "网格党支部隶属于社区：请选择其所属社区。"
    added = ("张庄村党支部", "village", "weak", "138 0013 8000", 31, None)
    assert added in rows(small)
    assert window.edits.undo_action.text() == "撤销(&U) 添加党支部 “张庄村党支部”"
    window.edits.undo_action.trigger()
    assert added not in rows(small)
    assert window.edits.redo_action.text() == "重做(&R) 添加党支部 “张庄村党支部”"
    window.edits.redo_action.trigger()
    assert added in rows(small)
    assert "张庄村党支部" in [
        window.branches_tab.model.row_at(r).name for r in range(window.branches_tab.model.rowCount())
    ]


def test_editing_a_cell_with_its_editor_saves_and_undoes(
    make_window: Callable[..., MainWindow], small: Path, qtbot: object, recorder: Recorder
) -> None:
    window = open_window(make_window, small)
    table = window.branches_tab.table
    model = window.branches_tab.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).name == "村1村党支部")
    index = model.index(row, COLUMNS.index(BranchColumn.PHONE))
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.findChild(QLineEdit)
    assert editor is not None
    editor.setText("0376-6221234")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    QApplication.processEvents()  # the delegate commits on a queued call
    assert ("村1村党支部", "village", "weak", "0376-6221234", None, None) in rows(small)
    # The same rules as the dialog: a bad number is refused with its message, the file unchanged.
    table.edit(index)
    editor = next(e for e in table.findChildren(QLineEdit) if e.isVisible())
    editor.setText("110")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    QApplication.processEvents()  # the delegate commits on a queued call
    assert recorder.errors[-1].startswith("“村1村党支部”：“110”不是电话号码")
    assert ("村1村党支部", "village", "weak", "0376-6221234", None, None) in rows(small)
    window.edits.undo_action.trigger()
    assert ("村1村党支部", "village", "weak", None, None, None) in rows(small)
    window.edits.redo_action.trigger()
    assert ("村1村党支部", "village", "weak", "0376-6221234", None, None) in rows(small)
    window.edits.undo_action.trigger()

    # Kind and tier through their pickers: a village turned community.
    for column, value in ((BranchColumn.KIND, BranchKind.COMMUNITY), (BranchColumn.TIER, Tier.STRONG)):
        index = model.index(row, COLUMNS.index(column))
        table.edit(index)
        combo = next(e for e in table.findChildren(QComboBox) if e.isVisible())
        combo.setCurrentIndex(combo.findData(value))
        qtbot.keyClick(combo, Qt.Key.Key_Return)  # type: ignore[attr-defined]
        QApplication.processEvents()  # the delegate commits on a queued call
        assert not combo.isVisible()
    assert ("村1村党支部", "community", "strong", None, None, None) in rows(small)


def test_bulk_edit_archive_and_their_undo(
    make_window: Callable[..., MainWindow], small: Path, qtbot: object
) -> None:
    window = open_window(make_window, small)
    select(window, "村1村党支部", "村2村党支部")

    def set_average(dialog: QWidget) -> None:
        assert isinstance(dialog, BulkEditDialog)
        dialog.set_tier.setChecked(True)
        dialog.tier.setCurrentIndex(dialog.tier.findData(Tier.AVERAGE))
        dialog.accept()

    answer(BulkEditDialog, set_average)
    window.branches_tab.branch_actions.bulk.trigger()
    assert [r[2] for r in rows(small)] == ["average", "average"]

    select(window, "村2村党支部")

    def archive_on_may_first(dialog: QWidget) -> None:
        assert isinstance(dialog, DateDialog)
        retype(dialog.date, "2022-05-01")
        dialog.accept()

    answer(DateDialog, archive_on_may_first)
    window.branches_tab.branch_actions.archive.trigger()
    assert [r[5] for r in rows(small)] == [None, "2022-05-01"]
    assert window.branches_tab.model.total == 1  # archived rows are hidden by default
    qtbot.waitUntil(lambda: "基层党支部" in window.figures.counts_label.text())  # type: ignore[attr-defined]
    assert window.figures.counts_label.text() == "信阳市：机关党支部 0 个，基层党支部 1 个"

    window.edits.undo_action.trigger()
    assert [r[5] for r in rows(small)] == [None, None]
    window.edits.undo_action.trigger()
    assert [r[2] for r in rows(small)] == ["weak", "weak"]
    window.edits.redo_action.trigger()
    assert [r[2] for r in rows(small)] == ["average", "average"]
    window.edits.redo_action.trigger()
    assert [r[5] for r in rows(small)] == [None, "2022-05-01"]


def test_paste_from_excel_adds_valid_rows_reports_the_rest_and_copy_round_trips(
    make_window: Callable[..., MainWindow], small: Path, qtbot: object
) -> None:
    window = open_window(make_window, small)
    QApplication.clipboard().setText(
        "党支部名称\t类型\t所属乡镇\t党员数\r\n"
        "李湾村党支部\t农村\t潢川县/仁和镇\t23\r\n"
        "王营村党支部\t农村\t城关镇\t12\r\n"
    )
    reports: list[list[str]] = []

    def read_report(dialog: QWidget) -> None:
        assert isinstance(dialog, RejectedRowsDialog)
        table = dialog.table
        reports.append([table.item(0, c).text() for c in range(3)])  # type: ignore[union-attr]
        dialog.reject()

    answer(RejectedRowsDialog, read_report)
    window.branches_tab.setFocus()
    window.branches_tab.branch_actions.paste.trigger()
    assert ("李湾村党支部", "village", None, None, 23, None) in rows(small)
    assert reports[0][:2] == ["2", "区域"]
    assert reports[0][2].startswith("“城关镇”对应多个区域")
    window.edits.undo_action.trigger()
    assert [r[0] for r in rows(small)] == ["村1村党支部", "村2村党支部"]
    window.edits.redo_action.trigger()
    assert ("李湾村党支部", "village", None, None, 23, None) in rows(small)

    select(window, "村1村党支部")
    window.branches_tab.branch_actions.copy.trigger()
    copied = QApplication.clipboard().text().splitlines()
    assert copied[0].split("\t")[:3] == ["党支部", "支部类型", "区域"]
    assert copied[1].split("\t")[:5] == ["村1村党支部", "农村", "潢川县 / 仁和镇", "", "差"]


def test_delete_with_undo_and_redo(
    make_window: Callable[..., MainWindow], small: Path, qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(make_window, small)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    select(window, "村2村党支部")
    window.branches_tab.branch_actions.delete.trigger()
    assert [r[0] for r in rows(small)] == ["村1村党支部"]
    window.edits.undo_action.trigger()
    assert [r[0] for r in rows(small)] == ["村1村党支部", "村2村党支部"]
    window.edits.redo_action.trigger()
    assert [r[0] for r in rows(small)] == ["村1村党支部"]


def test_column_widths_and_sort_survive_a_restart(
    make_window: Callable[..., MainWindow], small: Path, qtbot: object
) -> None:
    window = open_window(make_window, small)
    secretary = COLUMNS.index(BranchColumn.SECRETARY)
    window.branches_tab.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    window.branches_tab.table.setColumnWidth(secretary, 233)
    assert [window.branches_tab.model.row_at(r).name for r in range(2)] == ["村2村党支部", "村1村党支部"]
    window.close()

    again = open_window(make_window, small)
    header = again.branches_tab.table.horizontalHeader()
    assert header.sectionSize(secretary) == 233
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert [again.branches_tab.model.row_at(r).name for r in range(2)] == ["村2村党支部", "村1村党支部"]


def region_id(path: Path, name: str) -> int:
    found = rows(path, f"SELECT id FROM region WHERE name = '{name}'")
    assert len(found) == 1
    value = found[0][0]
    assert isinstance(value, int)
    return value


def test_region_tree_add_rename_and_refused_remove(
    make_window: Callable[..., MainWindow], small: Path, qtbot: object, recorder: Recorder
) -> None:
    window = open_window(make_window, small)
    huangchuan = window.regions.index_of(region_id(small, "潢川县"))
    assert huangchuan is not None
    window.regions.view.setCurrentIndex(huangchuan)
    assert window.region_actions.add.text() == "添加乡镇（街道）(&T)…"

    def name_it(dialog: QWidget) -> None:
        assert isinstance(dialog, RegionDialog)
        dialog.name.setText("伞陂镇")
        dialog.code.setText("411526101")
        dialog.accept()

    answer(RegionDialog, name_it)
    window.region_actions.add.trigger()
    assert rows(small, "SELECT name, level, code FROM region WHERE name = '伞陂镇'") == [
        ("伞陂镇", "township", "411526101")
    ]
    assert window.regions.index_of(region_id(small, "伞陂镇")) is not None

    window.regions.select(region_id(small, "仁和镇"))
    window.region_actions.remove.trigger()
    assert recorder.errors[-1] == (
        "“仁和镇”下还有 2 个党支部（如村1村党支部、村2村党支部），请先移走或删除它们再删除该区域。"
    )
    window.edits.undo_action.trigger()
    assert rows(small, "SELECT name FROM region WHERE name = '伞陂镇'") == []


def test_a_large_view_is_sorted_and_refreshed_on_a_worker(
    make_window: Callable[..., MainWindow], small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above BACKGROUND_FROM rows a new order is read off the UI thread while the rows on show stay;
    after an edit the re-read rows come back with the same branch selected."""
    monkeypatch.setattr(BranchTableModel, "BACKGROUND_FROM", 1)
    threads: list[bool] = []  # per ids query: on the UI (main) thread?
    real = branch_service.branch_ids

    def recorded(ledger: Ledger, flt: BranchFilter, sort: BranchSort) -> list[int]:
        threads.append(threading.current_thread() is threading.main_thread())
        return real(ledger, flt, sort)

    monkeypatch.setattr(branch_service, "branch_ids", recorded)
    window = open_window(make_window, small)
    model = window.branches_tab.model
    names = lambda: [model.row_at(r).name for r in range(model.rowCount())]  # noqa: E731
    assert names() == ["村1村党支部", "村2村党支部"]
    window.branches_tab.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert model.reading
    assert names() == ["村1村党支部", "村2村党支部"]  # still on show until the worker's read arrives
    model.wait()
    assert names() == ["村2村党支部", "村1村党支部"]
    assert threads[-1] is False

    select(window, "村1村党支部")
    window.branches_tab.branch_actions.write_cell(model.row_at(1).id, BranchColumn.SECRETARY, "李明")
    model.wait()
    assert threads[-1] is False
    assert [row.name for row in window.branches_tab.selected_rows()] == ["村1村党支部"]
    assert model.row_at(1).secretary == "李明"


def test_typing_in_a_cell_survives_a_worker_read_that_arrives_meanwhile(
    make_window: Callable[..., MainWindow],
    small: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A new order asked for by a click comes back while the clerk types into a cell: the table keeps the
    editor and what is typed; the order shows once the editor is closed (the soak test saw typing lost)."""
    monkeypatch.setattr(BranchTableModel, "BACKGROUND_FROM", 1)
    gate = threading.Event()
    real = branch_service.branch_ids

    def slow(ledger: Ledger, flt: BranchFilter, sort: BranchSort) -> list[int]:
        if threading.current_thread() is not threading.main_thread():
            gate.wait(10)
        return real(ledger, flt, sort)

    monkeypatch.setattr(branch_service, "branch_ids", slow)
    window = open_window(make_window, small)
    table, model = window.branches_tab.table, window.branches_tab.model
    header = table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(0) + 5, 5)
    )
    assert model.reading
    row = next(r for r in range(model.rowCount()) if model.row_at(r).name == "村1村党支部")
    table.setCurrentIndex(model.index(row, COLUMNS.index(BranchColumn.PHONE)))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = next(e for e in table.findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClicks(editor, "0376-")
    gate.set()
    qtbot.waitUntil(lambda: not model.reading)
    assert editor.isVisible()
    qtbot.keyClicks(editor, "6221234")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on a queued call
    assert ("村1村党支部", "village", "weak", "0376-6221234", None, None) in rows(small)
    model.wait()
    names = [model.row_at(r).name for r in range(model.rowCount())]
    assert names == sorted(names, reverse=header.sortIndicatorOrder() is Qt.SortOrder.DescendingOrder)


def test_tab_runs_down_the_new_branch_form_through_the_star_rating(
    make_window: Callable[..., MainWindow], small: Path, qtbot: object
) -> None:
    """New branch… (Ctrl+Shift+N), filled by the keyboard: Tab goes name, kind, region, tier, the star
    rating (year, stars, day rated), then secretary, as the form reads. Tab skipped the star rating (made
    last) and came to it after the note (found pressing Tab through the dialog)."""
    from tests.ui.driving import select_item, shown

    window = shown(open_window(make_window, small))
    window.show_tab("branches")
    QTest.mouseClick(window.branches_tab.table.viewport(), Qt.MouseButton.LeftButton)
    order: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, BranchDialog)
        dialog.activateWindow()  # as a desktop activates a dialog it shows, so that Tab moves the focus
        qtbot.waitUntil(dialog.isActiveWindow)  # type: ignore[attr-defined]
        dialog.name.setFocus()
        type_text(dialog.name, "村9村党支部")
        for _ in range(7):
            focused = QApplication.focusWidget()
            assert focused is not None
            order.append(focused.objectName())
            if focused is dialog.kind:
                select_item(dialog.kind, "农村")
            elif focused is dialog.tier:
                select_item(dialog.tier, "好")
            QTest.keyClick(focused, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None
        order.append(focused.objectName())
        QTest.keyClick(focused, Qt.Key.Key_Escape)

    answer(BranchDialog, fill)
    QTest.keyClick(
        window.branches_tab.table,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert order == ["name", "kind", "region", "tier", "starYear", "starCount", "starRatedOn", "secretary"]
    assert rows(small, "SELECT name FROM branch WHERE name = '村9村党支部'") == []  # Escape: nothing saved


def test_edit_branch_looked_at_and_ok_writes_nothing(
    make_window: Callable[..., MainWindow], small: Path, qtbot: object
) -> None:
    """Edit branch (Ctrl+E) on a clicked branch, Enter with nothing changed: the file gained an empty
    “branch.edit” action, a step of Edit ▸ Undo that undoes nothing (found walking the Branches tab's
    buttons by keys; a branch with ratings of two years wrote it too). Nothing is written now; a changed
    secretary still is, as one step."""
    from branchdesk.services import stars
    from tests.ui.driving import file_rows, press, shown

    with Ledger.open(small, FixedClock.on("2022-05-19")) as ledger:
        for (village,) in ledger.conn.execute("SELECT id FROM branch WHERE kind = 'village'").fetchall():
            stars.rate_branch(ledger, village, 2020, 3, dt.date(2020, 12, 10))
            stars.rate_branch(ledger, village, 2021, 4, dt.date(2021, 12, 16))
    window = shown(open_window(make_window, small))
    window.show_tab("branches")
    table = window.branches_tab.table
    window.branches_tab.wait()
    operations = file_rows(small, "SELECT count(*) FROM operation")
    undo_text = window.edits.undo_action.text()
    cell = table.visualRect(window.branches_tab.model.index(0, 0)).center()

    def edit(change: str) -> None:
        def handle(dialog: QWidget) -> None:
            assert isinstance(dialog, BranchDialog)
            if change:
                dialog.secretary.setFocus()
                type_text(dialog.secretary, change)
            QTest.keyClick(dialog.name, Qt.Key.Key_Return)

        handled = answer(BranchDialog, handle)
        QTest.qWait(20)  # a dialog closed before is deleted, and the window is active again
        shown(window)
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        press(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        assert handled == ["branchDialog"]

    edit("")
    assert file_rows(small, "SELECT count(*) FROM operation") == operations
    assert window.edits.undo_action.text() == undo_text
    edit("李明")
    assert file_rows(small, "SELECT count(*) FROM operation") == [(operations[0][0] + 1,)]
    assert file_rows(small, "SELECT count(*) FROM branch WHERE secretary = '李明'") == [(1,)]
