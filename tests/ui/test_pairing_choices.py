"""The pairing dialogs as a clerk meets them: nothing chosen for the clerk, dates typed in any form, and a
pairing across two counties made only when confirmed, the history saying so."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget

from branchdesk.cli import EXIT_OK, run
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind, Tier
from branchdesk.services.ledgers import create_ledger, open_ledger
from branchdesk.ui.action_names import action_label
from branchdesk.ui.dialogs.pairing import AssignPairingDialog, EndPairingDialog
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.tabs.pairings import PairingsTab
from tests.builders import LedgerBuilder
from tests.ui.conftest import Recorder
from tests.ui.driving import answer, select_item
from tests.ui.typing import retype, type_text


@pytest.fixture
def city(tmp_path: Path, clock: FixedClock) -> tuple[Path, dict[str, int]]:
    """An organ branch of 潢川县 and a village of 潢川县 and one of 固始县, all unpaired."""
    path = tmp_path / "市 台账.bdesk"
    with create_ledger(path, clock) as ledger:
        build = LedgerBuilder(ledger)
        tree = build.tree()
        unit = build.unit("潢川县财政局", tree["huangchuan"])
        build.organs(unit, tree["huangchuan"], 1)
        build.branch("潢川1村党支部", BranchKind.VILLAGE, tree["hc_renhe"], tier=Tier.WEAK)
        build.branch("固始1村党支部", BranchKind.VILLAGE, tree["gs_chengguan"], tier=Tier.WEAK)
    return path, tree


def pairings_of(path: Path) -> list[tuple[object, ...]]:
    with open_ledger(path, FixedClock.on("2022-05-19"), read_only=True) as ledger:
        return [
            tuple(row.values())
            for row in ledger.query(
                "SELECT o.name AS organ, g.name AS grassroots, p.started_on, p.ended_on, p.end_reason"
                " FROM pairing p JOIN branch o ON o.id = p.organ_id"
                " JOIN branch g ON g.id = p.grassroots_id ORDER BY p.id"
            )
        ]


def last_action(path: Path) -> str:
    with open_ledger(path, FixedClock.on("2022-05-19"), read_only=True) as ledger:
        return str(ledger.scalar("SELECT action FROM operation ORDER BY id DESC LIMIT 1"))


def click_ok(qtbot: object, dialog: QWidget) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]


def reply(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    def press(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen_questions.append(box.text())
        box.button(button).click()

    return press


seen_questions: list[str] = []


def pairings_tab(make_window: Callable[..., MainWindow], path: Path, region: int) -> PairingsTab:
    window = make_window()
    assert window.open_path(path)
    window.show()
    window.regions.select(region)
    tab = window.show_tab("pairings")
    assert isinstance(tab, PairingsTab)
    return tab


def test_a_pairing_across_two_counties_is_confirmed_and_named_so(
    make_window: Callable[..., MainWindow], city: tuple[Path, dict[str, int]], qtbot: object
) -> None:
    path, tree = city
    tab = pairings_tab(make_window, path, tree["city"])
    seen: list[dict[str, object]] = []
    seen_questions.clear()

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, AssignPairingDialog)
        seen.append({"organ": dialog.organ.chosen(), "grassroots": dialog.grassroots.chosen()})
        click_ok(qtbot, dialog)
        seen.append({"organ": dialog.organ.problem.text(), "grassroots": dialog.grassroots.problem.text()})
        type_text(dialog.grassroots.search, "固始")
        dialog.grassroots.refresh()  # as the search timer does once typing pauses
        for picker in (dialog.organ, dialog.grassroots):
            picker.list.setFocus()
            qtbot.keyClick(picker.list, Qt.Key.Key_Home)  # type: ignore[attr-defined]
        retype(dialog.started, "2022/5/1")
        answer(QMessageBox, reply(QMessageBox.StandardButton.No))
        click_ok(qtbot, dialog)
        assert dialog.isVisible()  # not confirmed: nothing done, the choices stay
        answer(QMessageBox, reply(QMessageBox.StandardButton.Yes))
        click_ok(qtbot, dialog)

    answer(AssignPairingDialog, fill)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert seen == [
        {"organ": None, "grassroots": None},  # nothing chosen for the clerk
        {"organ": "请选择机关党支部。", "grassroots": "请选择基层党支部。"},
    ]
    question = "机关党支部属于潢川县，基层党支部属于固始县。结对一般在同一县内进行。确定跨县结对吗？"
    assert seen_questions == [question, question]  # asked at each OK until confirmed
    assert pairings_of(path) == [("机关第1党支部", "固始1村党支部", "2022-05-01", None, None)]
    assert last_action(path) == "pairing.add_cross_county"
    assert action_label(last_action(path)) == "跨县结对"


def test_ending_a_pairing_asks_its_reason_and_takes_a_typed_last_day(
    make_window: Callable[..., MainWindow], city: tuple[Path, dict[str, int]], qtbot: object
) -> None:
    path, tree = city
    with open_ledger(path, FixedClock.on("2022-05-19")) as ledger:
        build = LedgerBuilder(ledger)
        organ = int(ledger.scalar("SELECT id FROM branch WHERE kind = 'organ'"))
        village = int(ledger.scalar("SELECT id FROM branch WHERE name = '潢川1村党支部'"))
        build.pair(organ, village, "2022-01-10")
    tab = pairings_tab(make_window, path, tree["huangchuan"])
    tab.wait()
    tab.table.selectRow(0)
    seen: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, EndPairingDialog)
        assert dialog.reason.currentText() == ""
        retype(dialog.ended, "2022-02-29")
        click_ok(qtbot, dialog)
        seen.extend([dialog.ended.problem_text, dialog.reason_problem.text()])
        retype(dialog.ended, "2022年3月31日")
        select_item(dialog.reason, "合并")
        click_ok(qtbot, dialog)

    answer(EndPairingDialog, fill)
    qtbot.mouseClick(tab.end_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert seen == ["“2022-02-29”不是日期：2022年2月只有28天。", "请选择结对结束的原因。"]
    assert pairings_of(path) == [("机关第1党支部", "潢川1村党支部", "2022-01-10", "2022-03-31", "merged")]


def test_an_end_the_ledger_refuses_brings_the_dialog_back_with_what_was_typed(
    make_window: Callable[..., MainWindow],
    city: tuple[Path, dict[str, int]],
    qtbot: object,
    recorder: Recorder,
) -> None:
    """A last day in a locked month is refused only by the file: the clerk sees why and gets the dialog
    back with the reason and the note typed, instead of typing them again."""
    path, tree = city
    with open_ledger(path, FixedClock.on("2022-05-19")) as ledger:
        build = LedgerBuilder(ledger)
        organ = int(ledger.scalar("SELECT id FROM branch WHERE kind = 'organ'"))
        village = int(ledger.scalar("SELECT id FROM branch WHERE name = '潢川1村党支部'"))
        build.pair(organ, village, "2022-01-10")
    lock = ["lock", str(path), "--month", "2022-03"]
    assert run(lock, clock=FixedClock.on("2022-05-19"), out=io.StringIO(), err=io.StringIO()) == EXIT_OK
    tab = pairings_tab(make_window, path, tree["huangchuan"])
    tab.wait()
    tab.table.selectRow(0)
    again: list[tuple[str, str, str]] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, EndPairingDialog)
        retype(dialog.ended, "2022-03-31")
        select_item(dialog.reason, "合并")
        type_text(dialog.note, "两村合并")
        answer(EndPairingDialog, fix)
        click_ok(qtbot, dialog)

    def fix(dialog: QWidget) -> None:
        assert isinstance(dialog, EndPairingDialog)
        again.append((dialog.ended.text(), dialog.reason.currentText(), dialog.note.text()))
        retype(dialog.ended, "2022-04-30")
        click_ok(qtbot, dialog)

    answer(EndPairingDialog, fill)
    qtbot.mouseClick(tab.end_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert len(recorder.errors) == 1
    assert "2022年3月已对信阳市锁定" in recorder.errors[0]
    assert again == [("2022-03-31", "合并", "两村合并")]
    assert pairings_of(path) == [("机关第1党支部", "潢川1村党支部", "2022-01-10", "2022-04-30", "merged")]
