"""Every empty tab says in one line what to do next, and its buttons do it (clicked, as a person does)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from branchdesk.domain.clock import FixedClock
from branchdesk.services.ledgers import create_ledger
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.activity import ActivityDialog
from branchdesk.ui.dialogs.branch import BranchDialog
from branchdesk.ui.dialogs.pairing import AssignPairingDialog
from branchdesk.ui.dialogs.region import RegionDialog
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder
from tests.ui.driving import answer, file_rows, shown
from tests.ui.typing import type_text

TABS = ("branches", "pairings", "activities", "items", "coverage", "activity-frequency", "teams")


def hints(window: MainWindow) -> dict[str, tuple[str, list[str]]]:
    """Each tab's hint as shown when the tab is looked at: its line and its buttons' words (tabs without a
    hint left out). A tab is made when it is first shown: every one is looked at, then the one on show
    before comes back."""
    current = window.tabs.currentWidget()
    for key in TABS:
        window.show_tab(key)
    window.tabs.setCurrentWidget(current)
    found = {}
    for key, hint in window.empty_hints.hints.items():
        if not hint.isHidden():
            found[key] = (hint.label.text(), [button.text() for button in hint.buttons])
    return found


def click(window: MainWindow, tab: str, words: str) -> None:
    hint = window.empty_hints.hints[tab]
    window.show_tab(tab)
    button = next(button for button in hint.buttons if button.text() == words)
    assert button.isEnabled()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def escape(qtbot: object) -> Callable[[QDialog], None]:
    return lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # type: ignore[attr-defined]


def test_a_ledger_without_regions_says_add_one_and_the_button_adds_it(
    make_window: Callable[..., MainWindow], qtbot: object, tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "空.bdesk"
    create_ledger(path, clock).close()
    window = make_window()
    assert window.open_path(path)
    shown(window)
    no_region = (
        "这本台账还没有区域：先添加市，再添加下面的县（区）和乡镇（街道）。",
        ["添加市（最上一级）…"],
    )
    assert hints(window) == dict.fromkeys(TABS, no_region)

    def name_city(dialog: RegionDialog) -> None:
        type_text(dialog.name, "信阳市")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # type: ignore[attr-defined]

    seen = answer(RegionDialog, name_city)
    click(window, "coverage", "添加市（最上一级）…")
    assert seen == ["regionDialog"]
    assert file_rows(path, "SELECT name, level FROM region") == [("信阳市", "city")]
    no_branches = (
        "信阳市还没有党支部：逐个新建、粘贴从 Excel 或 WPS 复制的行，或导入名单。",
        ["新建党支部…", "粘贴行", "从 Excel 或 CSV 导入…"],
    )
    assert hints(window) == {
        "branches": no_branches,
        "pairings": no_branches,
        "activities": no_branches,
        "items": no_branches,
        "coverage": no_branches,
        "activity-frequency": no_branches,
        "teams": no_branches,
    }
    seen = answer(BranchDialog, escape(qtbot))
    click(window, "branches", "新建党支部…")
    assert seen == ["branchDialog"]


@pytest.fixture
def unpaired(build: LedgerBuilder) -> tuple[Path, int, int]:
    """信阳市 with one organ branch of 潢川县 and one village of its 城关镇, not paired."""
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    organ = build.organs(unit, tree["huangchuan"], 1)[0]
    village = build.villages(tree["hc_chengguan"], 1)[0]
    return build.ledger.path, organ, village


def test_no_pairings_says_pair_or_draw(
    make_window: Callable[..., MainWindow], qtbot: object, unpaired: tuple[Path, int, int], ledger: Ledger
) -> None:
    ledger.close()
    window = make_window()
    assert window.open_path(unpaired[0])
    shown(window)
    no_pairings = ("信阳市还没有结对：指定两个党支部结对，或按以强带弱抽签。", ["指定结对…", "抽签…"])
    assert hints(window) == {
        "pairings": no_pairings,
        "coverage": no_pairings,
        "activities": no_pairings,
        "items": no_pairings,
        "activity-frequency": no_pairings,
    }
    seen = answer(AssignPairingDialog, escape(qtbot))
    click(window, "activities", "指定结对…")
    assert seen == ["assignPairingDialog"]


def test_no_activities_says_record_one(
    make_window: Callable[..., MainWindow],
    qtbot: object,
    unpaired: tuple[Path, int, int],
    build: LedgerBuilder,
) -> None:
    path, organ, village = unpaired
    build.pair(organ, village, "2022-04-10")
    build.ledger.close()
    window = make_window()
    assert window.open_path(path)
    shown(window)
    no_activities = ("信阳市还没有活动记录：登记第一次活动。", ["登记活动…"])
    assert hints(window) == {"activities": no_activities, "activity-frequency": no_activities}
    click(window, "activity-frequency", "登记活动…")
    dialog = window.activities_tab.dialog
    assert isinstance(dialog, ActivityDialog)
    assert dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # type: ignore[attr-defined]
