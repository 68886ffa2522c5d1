"""The Pairings tab and its dialogs driven as a clerk would, checking the file after each step."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import EndReason, Tier
from branchdesk.services import draws, pairings
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.models.pairings import PairingTableModel
from branchdesk.ui.tabs.pairings import PairingsTab
from tests.builders import LedgerBuilder
from tests.ui.conftest import Recorder


@pytest.fixture
def county(build: LedgerBuilder, ledger: Ledger) -> tuple[Path, dict[str, int]]:
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    build.organs(unit, tree["huangchuan"], 3)
    build.villages(tree["hc_renhe"], 3)
    path = ledger.path
    ledger.close()
    return path, tree


def _open(make_window: Callable[..., MainWindow], path: Path, region: int) -> tuple[MainWindow, PairingsTab]:
    window = make_window("en")
    assert window.open_path(path)
    deadline = time.monotonic() + 10
    while window.session is None and time.monotonic() < deadline:
        QApplication.processEvents()
    window.regions.select(region)
    tab = window.show_tab("pairings")
    assert isinstance(tab, PairingsTab)
    return window, tab


def _side(tab: PairingsTab) -> PairingsTab:
    """The tab once its unpaired lists and coverage line, read off the UI thread, have arrived."""
    tab.wait()
    QApplication.processEvents()
    return tab


def _pairs(window: MainWindow) -> list[tuple[str, str, str | None, str | None]]:
    assert window.session is not None
    return [
        (r["organ"], r["grassroots"], r["ended_on"], r["end_reason"])
        for r in window.session.ledger.query(
            "SELECT o.name AS organ, g.name AS grassroots, p.ended_on, p.end_reason FROM pairing p"
            " JOIN branch o ON o.id = p.organ_id JOIN branch g ON g.id = p.grassroots_id ORDER BY p.id"
        )
    ]


def _answer(dialog_name: str, fill: Callable[[QDialog], None]) -> None:
    """Answer the modal dialog ``dialog_name`` when it shows."""

    def accept(dialog: QDialog) -> None:
        fill(dialog)
        dialog.accept()

    _when_shown(dialog_name, accept)


def _when_shown(dialog_name: str, handle: Callable[[QDialog], None]) -> None:
    """Handle the modal dialog ``dialog_name`` when it shows (again)."""

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != dialog_name or not dialog.isVisible():
            QTimer.singleShot(20, step)
            return
        assert isinstance(dialog, QDialog)
        handle(dialog)

    QTimer.singleShot(0, step)


def test_assign_end_and_repair(
    make_window: Callable[..., MainWindow],
    county: tuple[Path, dict[str, int]],
    qtmodeltester: ModelTester,
    recorder: Recorder,
    clock: FixedClock,
) -> None:
    path, tree = county
    window, tab = _open(make_window, path, tree["huangchuan"])
    assert window.session is not None
    ledger = window.session.ledger
    # The tab's model over the same queries, checked without a view attached (a view's own reaction to a
    # reset would race the tester's bookkeeping).
    model = PairingTableModel()
    model.set_source(
        lambda flt, sort: pairings.pairing_ids(ledger, flt, sort),
        lambda ids: pairings.pairing_rows(ledger, ids),
    )
    qtmodeltester.check(model)
    assert tab.model.total == 0
    assert "3" in _side(tab).grassroots_title.text()

    def pick(dialog: QDialog) -> None:
        dialog.organ.search.setText("第2")  # type: ignore[attr-defined]
        dialog.organ.refresh()  # type: ignore[attr-defined]
        dialog.organ.list.setCurrentRow(0)  # type: ignore[attr-defined]
        dialog.grassroots.list.setCurrentRow(1)  # type: ignore[attr-defined]

    _answer("assignPairingDialog", pick)
    tab.add_button.click()
    assert _pairs(window) == [("机关第2党支部", "村2村党支部", None, None)]
    assert tab.model.total == 1
    assert "33.33%" in _side(tab).summary.text()
    assert "2" in _side(tab).grassroots_title.text()

    tab.table.selectRow(0)

    def end(dialog: QDialog) -> None:
        dialog.reason.setCurrentIndex(dialog.reason.findData(EndReason.MERGED.value))  # type: ignore[attr-defined]

    _answer("endPairingDialog", end)
    tab.end_button.click()
    assert _pairs(window) == [("机关第2党支部", "村2村党支部", "2022-05-19", "merged")]
    assert "unpaired: 3 grassroots, 3 organ" in _side(tab).summary.text()  # its last day still counts today

    window.edits.undo_action.trigger()
    assert _pairs(window) == [("机关第2党支部", "村2村党支部", None, None)]

    tab.table.selectRow(0)

    def repair(dialog: QDialog) -> None:
        dialog.grassroots.list.setCurrentRow(0)  # type: ignore[attr-defined]

    # It began today: a new partner from today would share this day with it (one pairing at a time).
    def cancel(dialog: QDialog) -> None:
        kept.append(dialog.grassroots.list.currentRow())  # type: ignore[attr-defined]
        dialog.reject()

    kept: list[int] = []

    def repair_then_cancel(dialog: QDialog) -> None:
        repair(dialog)
        QTimer.singleShot(0, lambda: _when_shown("repairDialog", cancel))

    _answer("repairDialog", repair_then_cancel)
    tab.repair_button.click()
    assert recorder.errors == [
        "The pairing started on 2022-05-19; a new partner can start on the day after at the earliest."
    ]
    assert kept == [0]  # the refused choice came back in the dialog, and the clerk cancelled it
    assert _pairs(window) == [("机关第2党支部", "村2村党支部", None, None)]
    recorder.errors.clear()

    clock.moment += dt.timedelta(days=1)
    tab.table.selectRow(0)
    _answer("repairDialog", repair)
    tab.repair_button.click()
    rows = _pairs(window)
    assert rows[0][2:] == ("2022-05-19", "repaired")  # its last day is the day before the new partner's first
    assert rows[1] == ("机关第2党支部", "村1村党支部", None, None)
    assert tab.model.total == 2
    assert recorder.errors == []
    model.reload()
    model.sort(0)
    qtmodeltester.check(model)
    assert model.total == 2


def test_the_draw_dialog_previews_swaps_commits_and_undoes(
    make_window: Callable[..., MainWindow], county: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    path, tree = county
    window, tab = _open(make_window, path, tree["hc_renhe"])
    dialog = tab.open_draw()
    assert dialog is not None
    assert dialog.scope.currentData() == tree["huangchuan"]
    assert "3" in dialog.feasibility.text()
    dialog.generate.click()
    assert dialog.seed.text().isdigit()
    dialog.seed.setText("20220411")
    dialog.preview_button.click()
    assert dialog.pairs.rowCount() == 3
    before = [(dialog.pairs.item(r, 0).text(), dialog.pairs.item(r, 2).text()) for r in range(3)]
    assert _pairs(window) == []
    dialog.pairs.selectRow(0)
    dialog.pairs.selectRow(2)
    assert dialog.swap_button.isEnabled()
    dialog.swap_button.click()
    after = [(dialog.pairs.item(r, 0).text(), dialog.pairs.item(r, 2).text()) for r in range(3)]
    assert after == [(before[0][0], before[2][1]), before[1], (before[2][0], before[0][1])]
    dialog.commit_button.click()
    assert [(o, g) for o, g, _, _ in _pairs(window)] == after
    assert dialog.committed_draw == 1
    assert tab.model.total == 3
    assert "100.00%" in _side(tab).summary.text()

    tab.choose_record_path = lambda parent, title, name: tmp_path / name
    dialog.record_button.click()
    record = tmp_path / "抽签记录-1.pdf"
    assert record.read_bytes().startswith(b"%PDF")
    dialog.accept()

    window.edits.undo_action.trigger()
    assert _pairs(window) == []
    assert window.session is not None
    assert window.session.ledger.scalar("SELECT count(*) FROM draw") == 0
    assert tab.model.total == 0


def test_drill_down_shows_a_tier_cell(
    make_window: Callable[..., MainWindow], county: tuple[Path, dict[str, int]]
) -> None:
    from branchdesk.ui.tabs.contract import DrillDown

    path, tree = county
    window, tab = _open(make_window, path, tree["huangchuan"])
    assert window.session is not None
    ledger = window.session.ledger
    organs = [r["id"] for r in ledger.query("SELECT id FROM branch WHERE kind = 'organ' ORDER BY id")]
    villages = [r["id"] for r in ledger.query("SELECT id FROM branch WHERE kind <> 'organ' ORDER BY id")]
    LedgerBuilder(ledger).pair(organs[0], villages[0], "2022-04-11")
    window.drill_down(DrillDown("pairings", tree["city"], organ_tier=Tier.STRONG, grassroots_tier=Tier.WEAK))
    assert window.tabs.currentWidget() is tab
    assert tab.model.total == 1
    window.drill_down(DrillDown("pairings", tree["city"], organ_tier=None, grassroots_tier=Tier.WEAK))
    assert tab.model.total == 0
    window.drill_down(DrillDown("pairings", tree["city"], pairing_id=1))
    assert tab.model.total == 1


def test_the_side_panel_is_read_off_the_ui_thread_and_shows_the_latest_region(
    make_window: Callable[..., MainWindow], county: tuple[Path, dict[str, int]]
) -> None:
    path, tree = county
    window, tab = _open(make_window, path, tree["huangchuan"])
    assert window.session is not None
    expected = pairings.unpaired(window.session.ledger, tree["hc_renhe"], organ_side=False).total
    tab.set_region(tree["huangchuan"])
    assert tab.summary.text() == ""  # asked for, not read on the UI thread
    tab.set_region(tree["hc_renhe"])  # supersedes the county's request
    assert _side(tab).grassroots_title.text() == f"Unpaired grassroots branches: {expected}"
    assert "Coverage today" in tab.summary.text()


def test_a_fair_draw_typed_by_a_clerk_keeps_every_seed_tried_and_prints_the_candidate_list_first(
    make_window: Callable[..., MainWindow],
    county: tuple[Path, dict[str, int]],
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    from branchdesk.ui.dialogs.draw import DrawDialog

    path, tree = county
    window, tab = _open(make_window, path, tree["huangchuan"])
    window.show()
    qtbot.waitExposed(window)
    saved: list[tuple[str, str]] = []

    def choose(parent: QWidget, title: str, name: str) -> Path:
        saved.append((title, name))
        return tmp_path / name

    tab.choose_record_path = choose
    qtbot.mouseClick(tab.draw_button, Qt.MouseButton.LeftButton)
    dialog = tab.findChild(DrawDialog, "drawDialog")
    assert isinstance(dialog, DrawDialog)
    assert window.session is not None
    ledger = window.session.ledger
    expected_hash = draws.draw_candidates(ledger, tree["huangchuan"]).input_hash
    assert dialog.candidate_hash.text() == expected_hash

    # The candidate list with its hash is printed before any seed is drawn.
    qtbot.mouseClick(dialog.print_candidates, Qt.MouseButton.LeftButton)
    assert saved == [("Save the candidate list", "抽签候选名单-潢川县.pdf")]
    assert (tmp_path / "抽签候选名单-潢川县.pdf").read_bytes().startswith(b"%PDF")
    assert str(tmp_path / "抽签候选名单-潢川县.pdf") in dialog.status.text()

    # Seeds typed from dice and from a lottery result; Enter previews, and only that (it also clicked
    # Print the candidate list…, the dialog's first button, asking where to save it again).
    qtbot.keyClicks(dialog.seed, "3-6-1-4")
    qtbot.keyClick(dialog.seed, Qt.Key.Key_Return)
    assert dialog.pairs.rowCount() == 3
    assert len(saved) == 1
    assert dialog.isVisible()
    dialog.seed.setFocus()
    qtbot.keyClick(dialog.seed, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    lottery = "双色球 2022040 期 03 11 17 22 28 30 + 09"
    # Chinese arrives as an input method commits it; digits and spaces are typed.
    for part in ("双色球", " 2022040 ", "期", " 03 11 17 22 28 30 + 09"):
        if part.isascii():
            qtbot.keyClicks(dialog.seed, part)
        else:
            typed = QInputMethodEvent()
            typed.setCommitString(part)
            QApplication.sendEvent(dialog.seed, typed)
    assert dialog.seed.text() == lottery
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.preview is not None
    assert dialog.preview.result.seed == lottery
    assert "3-6-1-4" in dialog.tried.text()
    assert lottery in dialog.tried.text()

    qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
    assert dialog.committed_draw == 1
    with sqlite3.connect(path) as conn:
        assert [r[0] for r in conn.execute("SELECT seed FROM draw_preview ORDER BY id")] == [
            "3-6-1-4",
            lottery,
        ]
        assert conn.execute("SELECT seed, input_hash FROM draw").fetchall() == [(lottery, expected_hash)]
        assert conn.execute("SELECT count(*) FROM pairing WHERE draw_id = 1").fetchone()[0] == 3
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert saved[-1] == ("Save the draw record", "抽签记录-1.pdf")
    record = draws.draw_record(ledger, 1)
    assert [t.seed for t in record.tried] == ["3-6-1-4", lottery]
    assert record.input_hash == expected_hash
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_a_read_only_ledger_previews_a_draw_without_keeping_or_committing(
    county: tuple[Path, dict[str, int]], qtbot: QtBot
) -> None:
    from branchdesk.domain.clock import FixedClock
    from branchdesk.ui.dialogs.draw import DrawDialog
    from branchdesk.ui.edits import LedgerEdits
    from branchdesk.ui.jobs.runner import JobRunner

    path, tree = county
    holder = QWidget()
    qtbot.addWidget(holder)
    jobs = JobRunner(FixedClock.on("2022-05-19"), path.parent / "logs", holder)
    edits = LedgerEdits(lambda parent, text: None, jobs, holder)
    with Ledger.open(path, FixedClock.on("2022-05-19"), read_only=True) as reading:
        edits.set_ledger(reading)
        dialog = DrawDialog(
            edits, FixedClock.on("2022-05-19"), tree["huangchuan"], lambda _: None, lambda _: None
        )
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.seed, "6-6-2")
        qtbot.keyClick(dialog.seed, Qt.Key.Key_Return)
        assert dialog.pairs.rowCount() == 3
        assert dialog.tried.text() == dialog.tr(
            "The ledger is open read-only: a preview is not kept and the draw cannot be committed."
        )
        assert not dialog.commit_button.isEnabled()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM draw_preview").fetchone()[0] == 0


def test_the_pairing_menu_greys_out_what_needs_a_selected_pairing(
    make_window: Callable[..., MainWindow],
    build: LedgerBuilder,
    ledger: Ledger,
    tmp_path: Path,
    clock: FixedClock,
) -> None:
    """Pairing ▸ End, Re-pair and Agreement (Ctrl+Shift+A) did nothing with no pairing selected, looking
    enabled (seen walking the menus of a new ledger and the county demo); they are greyed out as the tab's
    buttons are, and come with a click on a pairing. On a new ledger without regions Pair two branches…,
    which lists a region's branches, is greyed out too (it did nothing)."""
    from branchdesk.services.ledgers import create_ledger
    from branchdesk.ui.dialogs.agreement import AgreementDialog
    from tests.ui.driving import answer, file_rows, press, shown

    tree = build.tree()
    organ = build.organs(build.unit("潢川县财政局", tree["huangchuan"]), tree["huangchuan"], 1)[0]
    build.pair(organ, build.villages(tree["hc_renhe"], 1)[0], "2022-03-01")
    path = ledger.path
    ledger.close()
    window = make_window()
    assert window.open_path(path)
    shown(window)
    tab = window.show_tab("pairings")
    assert isinstance(tab, PairingsTab)
    tab.wait()
    menu = window.menus.pairing_actions
    selected = ("endPairingAction", "repairAction", "agreementAction")
    assert [menu[name].isEnabled() for name in selected] == [False, False, False]
    assert menu["pairAction"].isEnabled()
    press(window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.activeModalWidget() is None

    index = tab.model.index(0, 0)
    QTest.mouseClick(
        tab.table.viewport(), Qt.MouseButton.LeftButton, pos=tab.table.visualRect(index).center()
    )
    assert [menu[name].isEnabled() for name in selected] == [True, True, True]
    opened = answer(AgreementDialog, lambda dialog: QTest.keyClick(dialog, Qt.Key.Key_Escape))
    press(window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert opened == ["agreementDialog"]
    assert file_rows(path, "SELECT count(*) FROM agreement") == [(0,)]

    folder = tmp_path / "新 文件夹"
    folder.mkdir()
    create_ledger(folder / "台账.bdesk", clock).close()
    assert window.open_path(folder / "台账.bdesk")
    tab.wait()
    assert not menu["pairAction"].isEnabled()
    assert not tab.add_button.isEnabled()


def test_a_township_s_village_pairs_with_an_organ_branch_of_its_county(
    make_window: Callable[..., MainWindow], county: tuple[Path, dict[str, int]]
) -> None:
    """仁和镇 chosen in the tree, Pairing ▸ Pair two branches…: the organ branches are the county's (a
    township holds none), so the list offered them; it was empty (“0 unpaired”, seen in a screenshot of a
    new ledger built by the dialogs) and a township's clerk could pair nothing. Chosen by clicks, Enter
    saves the pairing in the file."""
    from tests.ui.driving import answer, file_rows, shown

    path, tree = county
    window, tab = _open(make_window, path, tree["hc_renhe"])
    shown(window)
    seen: list[list[str]] = []

    def pick(dialog: QDialog) -> None:
        organs, villages = dialog.organ.list, dialog.grassroots.list  # type: ignore[attr-defined]
        seen.append([organs.item(row).text() for row in range(organs.count())])
        for picker in (organs, villages):
            if picker.count():
                rect = picker.visualItemRect(picker.item(0))
                QTest.mouseClick(picker.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QTest.keyClick(dialog.started, Qt.Key.Key_Return)  # type: ignore[attr-defined]
        if dialog.isVisible():
            dialog.reject()

    answer(QDialog, pick, "assignPairingDialog")
    window.menus.pairing_actions["pairAction"].trigger()
    assert len(seen[0]) == 3
    assert all("潢川县财政局" in text for text in seen[0])
    assert file_rows(path, "SELECT count(*) FROM pairing WHERE ended_on IS NULL") == [(1,)]
    assert tab.model.total == 1


def test_the_candidate_list_is_saved_in_the_documents_folder(
    make_window: Callable[..., MainWindow], county: tuple[Path, dict[str, int]], tmp_path: Path, qtbot: QtBot
) -> None:
    """Pairing ▸ Draw…, Print the candidate list…: the save dialog opens in the documents folder with the
    list's name, as every file the window saves; it opened the program's working folder (seen in a
    screenshot: on Windows, where the program is installed). Cancelled, nothing is written."""
    from PySide6.QtWidgets import QFileDialog

    from branchdesk.ui.dialogs.draw import DrawDialog
    from tests.ui.driving import answer, shown

    path, tree = county
    window, _tab = _open(make_window, path, tree["huangchuan"])
    shown(window)
    seen: list[tuple[str, list[str]]] = []

    def cancel(dialog: QFileDialog) -> None:
        seen.append((dialog.directory().absolutePath(), dialog.selectedFiles()))
        dialog.reject()

    def draw(dialog: DrawDialog) -> None:
        answer(QFileDialog, cancel)
        qtbot.mouseClick(dialog.print_candidates, Qt.MouseButton.LeftButton)
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    answer(DrawDialog, draw)
    window.menus.pairing_actions["drawAction"].trigger()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [(str(tmp_path), [str(tmp_path / "抽签候选名单-潢川县.pdf")])]
    assert not (tmp_path / "抽签候选名单-潢川县.pdf").exists()
