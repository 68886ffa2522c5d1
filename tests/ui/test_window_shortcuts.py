"""The Branches menu's keys work wherever the clerk is in the window, as the menu shows them: on another tab
the Branches tab comes to the front and the command runs; with the focus in the region tree they act on the
Branches tab's selection. A tab on show with its own command on the key keeps it (the Lists tab's
Ctrl+Shift+N adds a list item), and its keys work from the region tree too, as the Work teams tab's Ctrl+S
does."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from branchdesk.domain.teams import MemberDraft, Role
from branchdesk.services import teams
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.branch import BranchDialog
from branchdesk.ui.dialogs.item import ItemDialog
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.tabs.teams import TeamsTab
from tests.builders import LedgerBuilder, day
from tests.ui.driving import answer, file_rows, press, select_item, shown
from tests.ui.test_first_hour import click_tab, opened
from tests.ui.test_journey import click_region
from tests.ui.typing import press_enter, retype, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_the_branches_menus_keys_work_from_any_tab_and_from_the_region_tree(
    make_window: Callable[..., MainWindow], build: LedgerBuilder, ledger: Ledger, qtbot: QtBot
) -> None:
    build.tree()  # a new ledger: its regions, no branch yet
    ledger.close()
    window = opened(make_window, ledger.path)
    click_region(window, "仁和镇")
    click_tab(window, "覆盖率")  # the focus on the tab bar, the Branches tab hidden

    # Branches ▸ New branch (Ctrl+Shift+N) on the Coverage tab: the Branches tab comes up with the dialog.
    def new_branch(dialog: BranchDialog) -> None:
        assert window.tabs.currentWidget() is window.branches_tab
        type_text(dialog.name, "东街村党支部")
        select_item(dialog.kind, "农村")
        select_item(dialog.tier, "中")
        press_enter(dialog.name)

    seen = answer(BranchDialog, new_branch)
    press(window, Qt.Key.Key_N, CTRL | SHIFT)
    assert seen == ["branchDialog"]
    assert file_rows(
        ledger.path, "SELECT b.name, b.kind, b.tier, r.name FROM branch b JOIN region r ON r.id = b.region_id"
    ) == [("东街村党支部", "village", "average", "仁和镇")]

    # Its row selected, the focus back in the region tree: Branches ▸ Edit branch (Ctrl+E) edits it.
    tab = window.branches_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    shown(window)  # active again once the dialog has gone, as on the desktop
    table = tab.table
    QTest.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(tab.model.index(0, 0)).center()
    )
    click_region(window, "仁和镇")
    assert window.regions.view.hasFocus()

    def edit(dialog: BranchDialog) -> None:
        retype(dialog.secretary, "王芳")
        press_enter(dialog.secretary)

    seen = answer(BranchDialog, edit)
    press(window, Qt.Key.Key_E, CTRL)
    assert seen == ["branchDialog"]
    assert file_rows(ledger.path, "SELECT secretary FROM branch") == [("王芳",)]

    # On the Lists tab its own Ctrl+Shift+N adds a list item (not a branch), from the region tree as well.
    click_tab(window, "清单")
    click_region(window, "仁和镇")

    def no_item(dialog: ItemDialog) -> None:
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    seen = answer(ItemDialog, no_item)
    press(window, Qt.Key.Key_N, CTRL | SHIFT)
    assert seen == ["itemDialog"]
    assert window.tabs.currentWidget() is window.tabs.items
    assert file_rows(ledger.path, "SELECT count(*) FROM branch") == [(1,)]


def test_ctrl_s_saves_the_work_teams_month_with_the_focus_in_the_region_tree(
    make_window: Callable[..., MainWindow], build: LedgerBuilder, ledger: Ledger, qtbot: QtBot
) -> None:
    build.paired_town(1)
    village = ledger.scalar("SELECT id FROM branch WHERE name = '城关1村党支部'")
    member = MemberDraft("张明", "13800000001", Role.LEADER, day("2022-05-01"), sending_unit="潢川县财政局")
    teams.add_team(ledger, village, day("2022-05-01"), members=[member])
    ledger.close()
    window = opened(make_window, ledger.path)
    tab = click_tab(window, "驻村工作队")
    assert isinstance(tab, TeamsTab)
    retype(tab.month, "2022-05")
    press_enter(tab.month)
    qtbot.waitUntil(lambda: not tab.busy() and [row.name for row in tab.model.rows] == ["张明"])
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(0, 3))  # 1 May
    type_text(tab.table, "在在假")
    click_region(window, window.regions.selected_name())  # the same region: the focus in the tree
    assert window.regions.view.hasFocus()
    press(window, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not tab.model.changed_months())
    assert file_rows(ledger.path, "SELECT marks FROM team_days") == [("PPL" + "-" * 28,)]
