"""The Branches tab's search as a clerk uses it: typed into the field, then sorted by a header click; the rows
on show are the file's, in the file's name order."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind
from branchdesk.services.ledgers import create_ledger
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder
from tests.ui.typing import type_text


def _file_matches(path: Path, text: str) -> list[str]:
    """Active branches whose name, secretary, unit or phone holds ``text``, in the file's name order."""
    with Ledger.open(path, FixedClock.on("2022-05-19"), read_only=True) as ledger:
        rows = ledger.query(
            "SELECT b.name, b.secretary, b.phone, u.name AS unit FROM branch b"
            " LEFT JOIN unit u ON u.id = b.unit_id WHERE b.archived_on IS NULL ORDER BY b.name_key, b.id"
        )
    return [
        row["name"]
        for row in rows
        if any(text in (row[k] or "") for k in ("name", "secretary", "phone", "unit"))
    ]


def _shown(window: MainWindow) -> list[str]:
    model = window.branches_tab.model
    return [model.row_at(row).name for row in range(model.rowCount())]


def test_typed_search_shows_the_files_matches_in_name_order_both_ways(
    make_window: Callable[..., MainWindow], tmp_path: Path, clock: FixedClock, qtbot: QtBot
) -> None:
    path = tmp_path / "新 台账.bdesk"
    with create_ledger(path, clock) as ledger:
        build = LedgerBuilder(ledger)
        tree = build.tree()
        town = tree["hc_renhe"]
        build.branch("张湾村党支部", BranchKind.VILLAGE, town)
        build.branch("东岗村党支部", BranchKind.VILLAGE, town, secretary="张华")
        build.branch("北关社区党支部", BranchKind.COMMUNITY, town)
        build.branch("王店村党支部", BranchKind.VILLAGE, town, secretary="王强")
        build.organs(build.unit("潢川县张集乡政府", tree["huangchuan"]), tree["huangchuan"], 2)
    expected = _file_matches(path, "张")
    assert len(expected) == 4  # the village, the secretary's and the unit's two

    window = make_window()
    assert window.open_path(path)
    window.show()
    search = window.branches_tab.search
    qtbot.mouseClick(search, Qt.MouseButton.LeftButton)
    type_text(search, "张")
    qtbot.waitUntil(lambda: _shown(window) == expected)

    # A click on the name header turns the order round; the search stays.
    header = window.branches_tab.table.horizontalHeader()
    centre = QPoint(header.sectionViewportPosition(0) + header.sectionSize(0) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.waitUntil(lambda: _shown(window) == expected[::-1])
    assert search.text() == "张"
