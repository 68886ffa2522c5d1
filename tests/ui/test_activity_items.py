"""The activity dialog links list items, driven as a clerk would from a new ledger in an empty folder: the
List items page, an item ticked with Space, OK; the link in the file and in the item dialog; unticked in an
edit; several pairings chosen leave nothing to link; deleting a linked activity takes its links with it
(it was refused before); Edit ▸ Undo brings each back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from branchdesk.domain.enums import ItemKind, ItemStatus
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.plan_items import ItemDraft
from branchdesk.services import activities as activity_service
from branchdesk.services import plan_items
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.activity import ActivityDialog
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder
from tests.ui.conftest import Recorder
from tests.ui.driving import file_rows
from tests.ui.test_activity_photos import edited, fill_themed_day, opened

LINKS = (
    "SELECT i.title, a.held_on FROM plan_item_activity l JOIN plan_item i ON i.id = l.plan_item_id"
    " JOIN activity a ON a.id = l.activity_id ORDER BY i.id"
)


@pytest.fixture
def town(build: LedgerBuilder, ledger: Ledger) -> Path:
    """城关镇's three pairings from 10 April 2022; the first has a need (done) and a resource, the second a
    need (today is 19 May 2022)."""
    _tree, pairings = build.paired_town(3)
    for pairing, kind, title in (
        (pairings[0], ItemKind.NEED, "村道硬化"),
        (pairings[0], ItemKind.RESOURCE, "单位帮扶资金"),
        (pairings[1], ItemKind.NEED, "产业技术培训"),
    ):
        plan_items.add_item(ledger, ItemDraft(pairing, kind, title, dt.date(2022, 4, 15)))
    first = int(ledger.scalar("SELECT id FROM plan_item WHERE title = '村道硬化'"))
    plan_items.close_item(ledger, first, dt.date(2022, 5, 1), "已完工验收")
    path = ledger.path
    ledger.close()
    return path


def items_page(dialog: ActivityDialog) -> list[str]:
    """The List items page, chosen by its tab as a clerk clicks it: the items it offers."""
    bar = dialog.pages.tabBar()
    index = dialog.pages.indexOf(dialog.items)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert dialog.pages.currentWidget() is dialog.items
    view = dialog.items.list
    return [view.item(row).text() for row in range(view.count())]


def toggle(dialog: ActivityDialog, text: str) -> None:
    """Click the item's line, then Space ticks or unticks it."""
    view = dialog.items.list
    (entry,) = view.findItems(text, Qt.MatchFlag.MatchExactly)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualItemRect(entry).center())
    QTest.keyClick(view, Qt.Key.Key_Space)


def test_an_activity_links_its_pairings_items_and_deleting_it_takes_the_links(
    make_window: Callable[..., MainWindow], town: Path, recorder: Recorder, tmp_path: Path
) -> None:
    window, tab = opened(make_window, town)
    tab.record_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, ActivityDialog)
    assert items_page(dialog) == []  # no pairing chosen yet
    assert dialog.items.note.text() == "请先选择结对。"
    fill_themed_day(dialog, "城关1村")
    # The pairing's items, what is still to do first; the other pairings' are not offered.
    assert items_page(dialog) == ["资源：单位帮扶资金", "需求：村道硬化（已销号）"]
    toggle(dialog, "资源：单位帮扶资金")
    assert dialog.pages.tabText(dialog.pages.indexOf(dialog.items)) == "清单事项（1）"
    dialog.resize(1366, 768)
    dialog.grab().save(str(tmp_path / "活动关联清单.png"))
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert file_rows(town, LINKS) == [("单位帮扶资金", "2022-05-14")]
    assert file_rows(town, "SELECT title FROM plan_item WHERE status = ?", (ItemStatus.DONE.value,)) == [
        ("村道硬化",)
    ]

    # Edit: the done need ticked, the resource unticked; OK is one step of Edit ▸ Undo.
    dialog = edited(tab)
    assert items_page(dialog) == ["资源：单位帮扶资金", "需求：村道硬化（已销号）"]
    assert dialog.item_ids() != []
    toggle(dialog, "资源：单位帮扶资金")
    toggle(dialog, "需求：村道硬化（已销号）")
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert file_rows(town, LINKS) == [("村道硬化", "2022-05-14")]
    window.edits.undo()
    assert file_rows(town, LINKS) == [("单位帮扶资金", "2022-05-14")]

    # Deleting the linked activity takes its link along (it was refused for the link before), undoably.
    tab.wait()
    tab.table.selectRow(0)
    tab.delete_button.click()
    assert file_rows(town, "SELECT count(*) FROM activity") == [(0,)]
    assert file_rows(town, LINKS) == []
    window.edits.undo()
    assert file_rows(town, LINKS) == [("单位帮扶资金", "2022-05-14")]
    assert recorder.errors == []


def test_several_pairings_leave_no_items_to_link_and_the_service_refuses_them(
    make_window: Callable[..., MainWindow], town: Path, recorder: Recorder
) -> None:
    _window, tab = opened(make_window, town)
    tab.record_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, ActivityDialog)
    fill_themed_day(dialog, "城关1村")
    toggle_first = items_page(dialog)[0]
    toggle(dialog, toggle_first)
    picker = dialog.pairings.list
    (second,) = [
        picker.item(row) for row in range(picker.count()) if picker.item(row).text().startswith("城关2村")
    ]
    second.setCheckState(Qt.CheckState.Checked)  # a bulk entry for two pairings, as the picker's test ticks
    assert items_page(dialog) == []
    assert not dialog.items.list.isEnabled()
    assert dialog.items.note.text() == "只选一个结对时才能关联清单事项。"
    assert dialog.item_ids() == []
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert file_rows(town, "SELECT count(*) FROM activity") == [(2,)]
    assert file_rows(town, LINKS) == []
    assert recorder.errors == []

    ledger = tab._ledger
    assert ledger is not None
    pairings = [int(row[0]) for row in ledger.conn.execute("SELECT id FROM pairing ORDER BY id")]
    other = int(ledger.scalar("SELECT id FROM plan_item WHERE title = '产业技术培训'"))
    draft = dialog.draft()
    for chosen, code in (
        (pairings[:2], "activity.items_one_pairing"),
        (pairings[:1], "item.activity_of_other_pairing"),
    ):
        with pytest.raises(BranchDeskError) as refused:
            activity_service.record_activities(ledger, chosen, draft, items=[other])
        assert refused.value.code == code
