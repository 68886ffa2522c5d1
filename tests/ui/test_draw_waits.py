"""Pairing ▸ Draw (Alt+P, D) on a new ledger: Generate, Preview and Print the candidate list wait, saying why,
while the county has nothing to draw; Enter in the seed waits with them. Once there are candidates they work,
and the file keeps the preview."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.draw import DrawDialog
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder
from tests.ui.driving import answer, file_rows, menu_item, select_item
from tests.ui.test_first_hour import opened, shot
from tests.ui.typing import type_text

WAITING = "固始县暂无可抽签的支部"


def draw_from_the_menu(window: MainWindow, qtbot: QtBot, handle: Callable[[DrawDialog], None]) -> None:
    """Pairing ▸ Draw by its access keys; ``handle`` answers the dialog (it opens window-modal)."""
    seen = answer(DrawDialog, handle)
    menu_item(window, Qt.Key.Key_P, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: seen == ["drawDialog"])  # answered: the handler has run


def buttons(dialog: DrawDialog) -> list[QWidget]:
    return [dialog.generate, dialog.preview_button, dialog.print_candidates]


def test_the_draw_waits_for_candidates_and_says_why(
    make_window: Callable[..., MainWindow],
    build: LedgerBuilder,
    ledger: Ledger,
    qtbot: QtBot,
) -> None:
    tree = build.tree()  # a new ledger: its regions, no branch yet
    ledger.close()
    window = opened(make_window, ledger.path)

    def nothing_yet(dialog: DrawDialog) -> None:
        select_item(dialog.scope, "信阳市/固始县")
        assert [button.isEnabled() for button in buttons(dialog)] == [False, False, False]
        assert dialog.feasibility.text().startswith(WAITING)
        assert all(button.toolTip() == dialog.feasibility.text() for button in buttons(dialog))
        assert dialog.candidate_hash.text() == ""
        dialog.seed.setFocus()
        type_text(dialog.seed, "3-6-1-4")
        QTest.keyClick(dialog.seed, Qt.Key.Key_Return)  # waits with Preview: no refusal, nothing kept
        assert dialog.status.text() == ""
        assert dialog.preview is None
        shot(dialog, "draw-waiting")
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    draw_from_the_menu(window, qtbot, nothing_yet)
    assert file_rows(ledger.path, "SELECT count(*) FROM draw_preview") == [(0,)]

    # Candidates in 潢川县 (固始县 still has none).
    assert window.session is not None
    more = LedgerBuilder(window.session.ledger)
    more.organs(more.unit("潢川县财政局", tree["huangchuan"]), tree["huangchuan"], 2)
    more.villages(tree["hc_chengguan"], 3)
    folder = window.context.documents_dir
    window.pairings_tab.choose_record_path = lambda _owner, _title, name: folder / name

    def with_candidates(dialog: DrawDialog) -> None:
        select_item(dialog.scope, "信阳市/潢川县")
        assert [button.isEnabled() for button in buttons(dialog)] == [True, True, True]
        assert "签字" in dialog.print_candidates.toolTip()
        qtbot.mouseClick(dialog.print_candidates, Qt.MouseButton.LeftButton)
        dialog.seed.setFocus()
        type_text(dialog.seed, "3-6-1-4")
        QTest.keyClick(dialog.seed, Qt.Key.Key_Return)
        assert dialog.pairs.rowCount() == 2
        shot(dialog, "draw-previewed")
        select_item(dialog.scope, "信阳市/固始县")  # the buttons follow the county chosen
        assert [button.isEnabled() for button in buttons(dialog)] == [False, False, False]
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    draw_from_the_menu(window, qtbot, with_candidates)
    assert (folder / "抽签候选名单-潢川县.pdf").read_bytes().startswith(b"%PDF")
    assert file_rows(ledger.path, "SELECT seed FROM draw_preview") == [("3-6-1-4",)]
