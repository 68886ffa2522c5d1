"""Every sheet the window writes reads back: the Export view of the Branches, Pairings and Activities tabs,
in Chinese and in English (the English window's words for types, areas and end reasons are read too), and
rows copied with Ctrl+C, import into a new ledger as the rows they show."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import ActivityType, Area, EndReason
from branchdesk.domain.imports import ImportKind
from branchdesk.exchange.ledger_import import import_file, plan_file
from branchdesk.services.ledgers import create_ledger
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.file_choice import FilePurpose
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder

_BRANCHES = """SELECT b.name, b.kind, r.name, (SELECT name FROM region WHERE id = r.parent_id), u.name,
    b.tier, b.optimised_on, b.established_on, b.member_count
    FROM branch b JOIN region r ON r.id = b.region_id LEFT JOIN unit u ON u.id = b.unit_id
    ORDER BY b.name, r.name"""
_PAIRINGS = """SELECT o.name, g.name, p.method, p.organ_tier, p.grassroots_tier, p.started_on, p.ended_on,
    p.end_reason FROM pairing p JOIN branch o ON o.id = p.organ_id JOIN branch g ON g.id = p.grassroots_id
    ORDER BY p.started_on, o.name"""
_ACTIVITIES = """SELECT a.held_on, a.type, g.name, a.volunteers, a.location,
    (SELECT group_concat(area) FROM (SELECT area FROM activity_area WHERE activity_id = a.id ORDER BY area))
    FROM activity a JOIN pairing p ON p.id = a.pairing_id JOIN branch g ON g.id = p.grassroots_id
    ORDER BY a.held_on"""


def _rows(path: Path, clock: FixedClock) -> list[list[tuple[object, ...]]]:
    with Ledger.open(path, clock) as ledger:
        return [
            [tuple(row.values()) for row in ledger.query(sql)] for sql in (_BRANCHES, _PAIRINGS, _ACTIVITIES)
        ]


def _filled(build: LedgerBuilder) -> None:
    tree = build.tree()
    unit = build.unit("县委组织部", tree["huangchuan"])
    organs = build.organs(unit, tree["huangchuan"], 2, optimised=1)
    villages = build.villages(tree["hc_renhe"], 3)
    # A namesake in another county: the views' region column and the activity's pairing tell them apart.
    namesake = build.villages(tree["gs_chengguan"], 1)[0]
    other = build.unit("县委办公室", tree["gushi"])
    build.activity(build.pair(build.organs(other, tree["gushi"], 1)[0], namesake, "2022-04-12"), "2022-05-14")
    first = build.pair(organs[0], villages[0], "2022-04-11")
    build.pair(organs[1], villages[1], "2022-04-11", "2022-05-01", EndReason.VILLAGE_TO_COMMUNITY)
    build.activity(first, "2022-05-14", volunteers=7, areas=(Area.ORGANISATION, Area.SERVICE))
    build.activity(first, "2022-04-16", ActivityType.LECTURE, volunteers=3)
    build.activity(first, "2022-05-07", ActivityType.VOLUNTEER, areas=(Area.CUSTOMS, Area.PRACTICAL))


@pytest.fixture(params=["zh_CN", "en"])
def window(
    make_window: Callable[..., MainWindow],
    ledger_path: Path,
    build: LedgerBuilder,
    request: pytest.FixtureRequest,
) -> MainWindow:
    """The window on a filled ledger in each language, shown and active (shortcuts go to the active
    window)."""
    _filled(build)
    made = make_window(request.param)
    assert made.open_path(ledger_path)
    made.show()
    made.activateWindow()
    return made


@pytest.fixture
def target(tmp_path: Path, clock: FixedClock) -> Path:
    """A new ledger with the same regions, to import into."""
    path = tmp_path / "新台账.bdesk"
    with create_ledger(path, clock) as fresh:
        LedgerBuilder(fresh).tree()
    return path


def test_each_tabs_export_view_imports_back(
    window: MainWindow, target: Path, ledger_path: Path, tmp_path: Path, qtbot: QtBot, clock: FixedClock
) -> None:
    files: dict[FilePurpose, Path] = {}
    window.context.choose_file = lambda parent, purpose, suggested: files.get(purpose)
    tabs = {
        ImportKind.BRANCHES: window.branches_tab,
        ImportKind.PAIRINGS: window.pairings_tab,
        ImportKind.ACTIVITIES: window.activities_tab,
    }
    for kind, tab in tabs.items():
        window.tabs.setCurrentWidget(tab)
        files[FilePurpose.VIEW] = tmp_path / f"{kind.value} 视图.xlsx"
        qtbot.waitUntil(lambda: window.exchange.view_action.isEnabled())
        qtbot.mouseClick(window.exchange.view_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: files[FilePurpose.VIEW].exists())
        plans = plan_file(files[FilePurpose.VIEW], kind.value)
        assert plans[0].missing == []
        with Ledger.open(target, clock) as fresh:
            report = import_file(fresh, files[FilePurpose.VIEW], plans)
        assert report.committed, report.problems
    assert _rows(target, clock) == _rows(ledger_path, clock)


def test_rows_copied_with_ctrl_c_import_back(
    window: MainWindow, target: Path, ledger_path: Path, tmp_path: Path, qtbot: QtBot, clock: FixedClock
) -> None:
    qtbot.waitUntil(window.isActiveWindow)
    table = window.branches_tab.table
    qtbot.waitUntil(lambda: window.branches_tab.model.rowCount() == 7)
    first = table.visualRect(window.branches_tab.model.index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first.center())
    qtbot.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = tmp_path / "复制的行.txt"  # what a clerk saves from Notepad, tab-separated
    copied.write_text(QGuiApplication.clipboard().text(), "utf-8")
    with Ledger.open(target, clock) as fresh:
        report = import_file(fresh, copied, plan_file(copied, "branches"))
        assert report.committed, report.problems
    assert _rows(target, clock)[0] == _rows(ledger_path, clock)[0]
