"""The Lists tab (清单) and its dialogs driven as a clerk would, from a new ledger in an empty folder: keys
typed into the fields, buttons clicked, the tab's shortcuts, Enter and Escape; the file read back after
each step."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from branchdesk.domain.plan_items import ItemFilter
from branchdesk.services import plan_items
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.item import CloseItemDialog, ItemDialog
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.models.items import ItemTableModel
from branchdesk.ui.tabs.items import ItemsTab
from tests.builders import LedgerBuilder
from tests.ui.conftest import Recorder
from tests.ui.driving import answer, file_rows, press, select_item, shown
from tests.ui.typing import press_enter, retype, type_text


@pytest.fixture
def town(build: LedgerBuilder, ledger: Ledger) -> tuple[Path, dict[str, int], list[int]]:
    """A new ledger in an empty folder: 城关镇 with two pairings and one activity of the first."""
    tree, pairings = build.paired_town(2)
    build.activity(pairings[0], "2022-05-14")
    path = ledger.path
    ledger.close()
    return path, tree, pairings


def _open(make_window: Callable[..., MainWindow], path: Path, region: int) -> tuple[MainWindow, ItemsTab]:
    window = make_window()
    assert window.open_path(path)
    deadline = time.monotonic() + 10
    while window.session is None and time.monotonic() < deadline:
        QApplication.processEvents()
    window.regions.select(region)
    tab = window.show_tab("items")
    assert isinstance(tab, ItemsTab)
    shown(window)
    return window, tab


def _items(path: Path) -> list[tuple[Any, ...]]:
    return file_rows(
        path,
        "SELECT kind, title, owner, opened_on, due_on, status, done_on, done_note FROM plan_item ORDER BY id",
    )


def _shown_titles(tab: ItemsTab) -> list[str]:
    tab.wait()
    return [tab.model.row_at(row).draft.title for row in range(tab.model.rowCount())]


def _summary(tab: ItemsTab) -> str:
    """The region's figures under the table, once read off the UI thread."""
    tab.wait()
    QApplication.processEvents()
    return tab.summary.text()


def _select(tab: ItemsTab, title: str) -> None:
    row = _shown_titles(tab).index(title)
    tab.table.setFocus()
    tab.table.selectRow(row)


def test_a_clerk_adds_links_ticks_off_filters_undoes_and_deletes_items(
    make_window: Callable[..., MainWindow],
    town: tuple[Path, dict[str, int], list[int]],
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    recorder: Recorder,
) -> None:
    path, tree, _ = town
    window, tab = _open(make_window, path, tree["hc_chengguan"])
    assert tab.count_label.text() == "0 项"

    # A need, by the Insert key: pairing chosen with the arrow keys, title and owner typed, Enter saves.
    def need(dialog: ItemDialog) -> None:
        retype(dialog.pairing.lineEdit(), "城关1村党支部 ← 机关第1党支部")
        type_text(dialog.title, "村道硬化")
        type_text(dialog.owner, "王强")
        retype(dialog.opened, "2022-04-15")
        retype(dialog.due, "2022/5/1")
        press_enter(dialog.title)

    tab.table.setFocus()
    seen = answer(ItemDialog, need)
    press(window, Qt.Key.Key_Insert)
    assert seen == ["itemDialog"]
    assert _items(path) == [("need", "村道硬化", "王强", "2022-04-15", "2022-05-01", "open", None, None)]
    # Overdue today (19 May, due 1 May): it stands out.
    tab.wait()
    status = tab.model.index(0, 7)
    assert tab.model.data(status) == "未开始 · 已逾期"
    assert tab.model.data(status, Qt.ItemDataRole.ForegroundRole).color() == QColor(178, 34, 34)

    # A resource, by the button; its due day typed before the raising day is refused and the dialog comes
    # back with what was typed; the day put right saves it.
    def resource(dialog: ItemDialog) -> None:
        retype(dialog.pairing.lineEdit(), "城关1村党支部 ← 机关第1党支部")
        select_item(dialog.kind, "资源")
        type_text(dialog.title, "单位帮扶资金")
        retype(dialog.opened, "2022-04-20")
        retype(dialog.due, "2022-04-01")
        press_enter(dialog.title)

    def resource_again(dialog: ItemDialog) -> None:
        assert dialog.title.text() == "单位帮扶资金"
        retype(dialog.due, "2022-05-10")
        press_enter(dialog.title)

    seen = answer(ItemDialog, resource)
    later = answer(ItemDialog, resource_again)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert seen == later == ["itemDialog"]
    assert recorder.errors == ["完成时限2022年4月1日早于提出日期（2022年4月20日）。"]
    assert _items(path)[1] == (
        "resource",
        "单位帮扶资金",
        None,
        "2022-04-20",
        "2022-05-10",
        "open",
        None,
        None,
    )

    # A project matching them, linked to the activity that did it (Space ticks it in the list).
    def project(dialog: ItemDialog) -> None:
        retype(dialog.pairing.lineEdit(), "城关1村党支部 ← 机关第1党支部")
        select_item(dialog.kind, "项目")
        type_text(dialog.title, "村道硬化工程")
        select_item(dialog.need, "村道硬化")
        select_item(dialog.resource, "单位帮扶资金")
        dialog.activities.setFocus()
        dialog.activities.setCurrentRow(0)
        QTest.keyClick(dialog.activities, Qt.Key.Key_Space)
        press_enter(dialog.title)

    seen = answer(ItemDialog, project)
    press(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert seen == ["itemDialog"]
    assert file_rows(
        path,
        "SELECT p.title, n.title, r.title, a.held_on FROM plan_item p JOIN plan_item n ON n.id = p.need_id"
        " JOIN plan_item r ON r.id = p.resource_id JOIN plan_item_activity l ON l.plan_item_id = p.id"
        " JOIN activity a ON a.id = l.activity_id",
    ) == [("村道硬化工程", "村道硬化", "单位帮扶资金", "2022-05-14")]

    # 销号 by Ctrl+D: no note is refused in the dialog, a day before raising by the ledger; then it is done.
    _select(tab, "村道硬化")

    def tick_off(dialog: CloseItemDialog) -> None:
        press_enter(dialog.note)  # no note: stays open
        assert dialog.isVisible()
        assert dialog.note_problem.text() == "请说明完成情况。"
        type_text(dialog.note, "已完工验收")
        retype(dialog.done_on, "2022-04-10")
        press_enter(dialog.note)

    def tick_off_again(dialog: CloseItemDialog) -> None:
        retype(dialog.done_on, "2022-05-18")
        press_enter(dialog.note)

    seen = answer(CloseItemDialog, tick_off)
    later = answer(CloseItemDialog, tick_off_again)
    press(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert seen == later == ["closeItemDialog"]
    assert recorder.errors[-1] == "销号日期（2022年4月10日）不能早于提出日期（2022年4月15日）。"
    assert _items(path)[0] == (
        "need", "村道硬化", "王强", "2022-04-15", "2022-05-01", "done", "2022-05-18", "已完工验收"
    )  # fmt: skip

    # Filters: the overdue ones, then the needs only.
    select_item(tab.state, "已逾期")
    assert _shown_titles(tab) == ["单位帮扶资金"]
    select_item(tab.state, "全部状态")
    select_item(tab.kind, "需求")
    assert _shown_titles(tab) == ["村道硬化"]
    assert tab.count_label.text() == "1 项"
    select_item(tab.kind, "三张清单")
    assert _summary(tab) == "本区域截至今天：需求 1 · 资源 1 · 项目 1 · 已销号 1 · 逾期 1"

    # Undo (Ctrl+Z) takes the 销号 back, in the file and on screen.
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _items(path)[0][5:] == ("open", None, None)
    assert _summary(tab).endswith("已销号 0 · 逾期 2")

    # Escape leaves an edit unsaved.
    _select(tab, "单位帮扶资金")

    def typed_then_escaped(dialog: ItemDialog) -> None:
        retype(dialog.title, "不要的名称")
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    seen = answer(ItemDialog, typed_then_escaped)
    press(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["itemDialog"]
    assert [row[1] for row in _items(path)] == ["村道硬化", "单位帮扶资金", "村道硬化工程"]

    # Looked at and OK (Enter) with nothing changed: nothing written (an empty item.edit was, a step of
    # Edit ▸ Undo that undid nothing).
    operations = file_rows(path, "SELECT count(*) FROM operation")
    _select(tab, "单位帮扶资金")
    seen = answer(ItemDialog, lambda dialog: press_enter(dialog.title))
    press(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["itemDialog"]
    assert file_rows(path, "SELECT count(*) FROM operation") == operations

    # Delete: a need a project names is refused; the project itself goes, with its link, once confirmed.
    _select(tab, "村道硬化")
    seen = answer(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    press(window, Qt.Key.Key_Delete)
    assert seen
    assert recorder.errors[-1] == "项目“村道硬化工程”对应了此事项，请先修改这些项目。"
    _select(tab, "村道硬化工程")
    seen = answer(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    press(window, Qt.Key.Key_Delete)
    assert seen
    assert [row[1] for row in _items(path)] == ["村道硬化", "单位帮扶资金"]
    assert file_rows(path, "SELECT count(*) FROM plan_item_activity") == [(0,)]

    # The model behind the tab, over the same queries, passes Qt's model tests.
    assert window.session is not None
    ledger = window.session.ledger
    model = ItemTableModel(ItemFilter(today=ledger.clock.today()))
    model.set_queries(
        lambda flt, sort: plan_items.item_ids(ledger, flt, sort),
        lambda ids: plan_items.item_rows(ledger, ids),
    )
    qtmodeltester.check(model)
    assert model.total == 2
