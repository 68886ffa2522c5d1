"""Start-up loads what the first screen needs (issue 16): the tabs are made when first shown, or in the event
loop's turns after a ledger shows; the spreadsheet commands, the dialogs and matplotlib wait to be used."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from branchdesk.storage.ledger import Ledger
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.tabs.pairings import PairingsTab
from tests.builders import LedgerBuilder

NOT_AT_START = (
    "branchdesk.ui.tabs.branches",
    "branchdesk.ui.tabs.pairings",
    "branchdesk.ui.tabs.activities",
    "branchdesk.ui.tabs.coverage",
    "branchdesk.ui.tabs.frequency",
    "branchdesk.ui.dialogs.import_wizard",
    "branchdesk.ui.dialogs.compliance",
    "branchdesk.exchange.ledger_export",
    "matplotlib",
)

SHOW_WINDOW = """
import sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from branchdesk.app import build_window
from branchdesk.domain.clock import FixedClock
import datetime as dt

app = QApplication([])
folder = Path(sys.argv[1])
settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
window = build_window(app, FixedClock(dt.datetime(2022, 5, 19, 9)), settings, "zh_CN", folder, headless=True)
window.show()
app.processEvents()
print("\\n".join(name for name in sys.modules if name.startswith(("branchdesk", "matplotlib"))))
window.close()
"""


def test_the_window_shows_without_its_tabs_dialogs_or_matplotlib(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SHOW_WINDOW, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    loaded = set(result.stdout.split())
    assert "branchdesk.ui.main_window" in loaded
    assert sorted(name for name in NOT_AT_START if name in loaded) == []


def branch_menu_names(window: MainWindow, qtbot: QtBot) -> list[str]:
    """The Branches menu as a person opens it (Alt+B): its commands' object names."""
    window.activateWindow()
    qtbot.keyClick(window.menuBar(), Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    menu = window.menus.branch_menu
    qtbot.waitUntil(menu.isVisible)
    names = [action.objectName() for action in menu.actions() if action.objectName()]
    menu.close()
    return names


def test_the_branches_menu_lists_its_commands_before_any_ledger_and_once_after(
    make_window: Callable[..., MainWindow], qtbot: QtBot, build: LedgerBuilder, ledger: Ledger
) -> None:
    window = make_window()
    window.show()
    before = branch_menu_names(window, qtbot)
    assert before[:3] == ["addBranch", "editBranch", "bulkEdit"]
    assert not window.branches_tab.branch_actions.add.isEnabled()
    build.tree()
    ledger.close()
    assert window.open_path(ledger.path)
    assert branch_menu_names(window, qtbot) == before
    assert window.branches_tab.branch_actions.add.isEnabled()


def test_a_tab_is_made_when_first_clicked_and_shows_the_ledger(
    make_window: Callable[..., MainWindow], qtbot: QtBot, build: LedgerBuilder, ledger: Ledger
) -> None:
    tree = build.tree()
    organs = build.organs(build.unit("潢川县财政局", tree["huangchuan"]), tree["huangchuan"], 2)
    villages = build.villages(tree["hc_renhe"], 2)
    build.pair(organs[0], villages[0], "2022-04-10")
    ledger.close()
    window = make_window()
    window.show()
    assert [tab.objectName() for tab in window.tabs.made_tabs()] == []
    assert window.open_path(ledger.path)
    assert [tab.objectName() for tab in window.tabs.made_tabs()] == ["branches"]  # the one on show
    bar = window.tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    tab = window.tabs.currentWidget()
    assert isinstance(tab, PairingsTab)
    assert window.tabs.tabText(1) == "结对"
    tab.wait()
    QApplication.processEvents()
    assert tab.model.total == 1
    # The others follow in the event loop's turns, so each is ready before anyone turns to it.
    qtbot.waitUntil(lambda: len(window.tabs.made_tabs()) == 5)
    assert [window.tabs.indexOf(made) for made in window.tabs.made_tabs()] == [0, 1, 2, 3, 4]
    assert window.tabs.currentWidget() is tab
