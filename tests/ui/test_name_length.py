"""A name longer than 100 characters, pasted into the window as a clerk pastes a paragraph from a document,
is refused with the message at every door of the window — the branch dialog, a cell of the Branches table,
pasted rows, the region and unit dialogs, the key tasks dialog — and nothing reaches the file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QPushButton, QWidget

from branchdesk.cli import EXIT_USAGE
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.listing import BranchColumn
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.branch import BranchDialog
from branchdesk.ui.dialogs.key_tasks import KeyTasksDialog
from branchdesk.ui.dialogs.new_ledger import NewLedgerDialog
from branchdesk.ui.dialogs.region import RegionDialog
from branchdesk.ui.dialogs.rejected_rows import RejectedRowsDialog
from branchdesk.ui.dialogs.unit import UnitDialog
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.models.branches import COLUMNS
from tests.test_cli import cli
from tests.ui.conftest import Recorder
from tests.ui.driving import answer, press, shown
from tests.ui.test_branch_editing import open_window, small  # noqa: F401  (the fixture)
from tests.ui.test_history import SCREENSHOTS, _activate
from tests.ui.typing import type_text

LONG = "信阳市潢川县仁和镇张庄村" * 8 + "党支部联建"  # 101 characters
REFUSED = "名称最多 100 个字，现有 101 个字，请缩短。"


def _names(path: Path, table: str) -> list[str]:
    with Ledger.open(path, FixedClock.on("2022-05-19"), read_only=True) as ledger:
        return [row["name"] for row in ledger.query(f"SELECT name FROM {table}")]


def _paste_long_name(qtbot: object, field: QLineEdit) -> None:
    """Click into the field, select what is there and paste the paragraph over it (Ctrl+A, Ctrl+V)."""
    QApplication.clipboard().setText(LONG)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert field.text() == LONG


def _click_ok(qtbot: object, dialog: QWidget) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]


def test_branch_dialog_cell_and_paste_refuse_a_long_name(
    make_window: Callable[..., MainWindow],
    small: Path,  # noqa: F811
    qtbot: object,
    recorder: Recorder,
) -> None:
    window = open_window(make_window, small)
    before = _names(small, "branch")
    table = window.branches_tab.table
    _activate(window, qtbot)

    # The dialog (Ctrl+Shift+N): the reason beside the name, the dialog open with what was typed.
    seen: dict[str, str] = {}

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, BranchDialog)
        _paste_long_name(qtbot, dialog.name)
        _click_ok(qtbot, dialog)
        seen.update(dialog.problem_texts())
        if SCREENSHOTS:
            dialog.grab().save(str(Path(SCREENSHOTS) / "long-name-BranchDialog.png"))
        assert dialog.isVisible()
        assert dialog.name.text() == LONG
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # type: ignore[attr-defined]

    answer(BranchDialog, fill)
    table.setFocus()  # where a clerk works: the shortcuts belong to the Branches tab
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(table, Qt.Key.Key_N, modifiers)  # type: ignore[attr-defined]
    assert seen.get("name") == REFUSED, seen

    # A cell: F2 on a name, paste, Enter.
    _activate(window, qtbot)
    model = window.branches_tab.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).name == "村1村党支部")
    rect = table.visualRect(model.index(row, COLUMNS.index(BranchColumn.NAME)))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[attr-defined]
    qtbot.keyClick(table, Qt.Key.Key_F2)  # type: ignore[attr-defined]
    editor = next(e for e in table.findChildren(QLineEdit) if e.isVisible())
    _paste_long_name(qtbot, editor)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    QApplication.processEvents()  # the delegate commits on a queued call
    assert recorder.errors[-1] == f"“{LONG}”：{REFUSED}"

    # Rows pasted from a sheet (Ctrl+V): the long one listed with its reason, the other added.
    reports: list[list[str]] = []

    def read_report(dialog: QWidget) -> None:
        assert isinstance(dialog, RejectedRowsDialog)
        reports.append([dialog.table.item(0, c).text() for c in range(3)])  # type: ignore[union-attr]
        dialog.reject()

    answer(RejectedRowsDialog, read_report)
    QApplication.clipboard().setText(
        f"支部名称\t支部类型\t区域\r\n{LONG}\t农村\t潢川县/仁和镇\r\n李湾村党支部\t农村\t潢川县/仁和镇\r\n"
    )
    _activate(window, qtbot)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert reports == [["1", "党支部", REFUSED]]  # the first row pasted, under the Branches column
    assert sorted(_names(small, "branch")) == sorted([*before, "李湾村党支部"])


def test_region_unit_and_key_task_dialogs_refuse_a_long_name(
    make_window: Callable[..., MainWindow],
    small: Path,  # noqa: F811
    qtbot: object,
    recorder: Recorder,
) -> None:
    window = open_window(make_window, small)
    regions, units = _names(small, "region"), _names(small, "unit")
    window.regions.select(_region_id(small, "潢川县"))

    def refuse(dialog: QWidget) -> None:
        assert isinstance(dialog, RegionDialog | UnitDialog)
        _paste_long_name(qtbot, dialog.name)
        _click_ok(qtbot, dialog)
        assert dialog.isVisible()  # kept open with what was typed
        assert dialog.name_problem.isVisible()
        assert dialog.name_problem.text() == REFUSED
        if SCREENSHOTS:
            dialog.grab().save(str(Path(SCREENSHOTS) / f"long-name-{type(dialog).__name__}.png"))
        dialog.reject()

    answer(RegionDialog, refuse)
    window.region_actions.add.trigger()
    answer(UnitDialog, refuse)
    window.branches_tab.branch_actions.new_unit.trigger()
    assert (_names(small, "region"), _names(small, "unit")) == (regions, units)

    def add_task(dialog: QWidget) -> None:
        assert isinstance(dialog, KeyTasksDialog)
        _paste_long_name(qtbot, dialog.name)
        add = dialog.findChild(QPushButton, "addKeyTask")
        assert add is not None
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        assert dialog.name.text() == LONG  # still there to shorten
        dialog.reject()

    answer(KeyTasksDialog, add_task)
    window.menus.key_tasks_action.trigger()
    assert recorder.errors[-1] == REFUSED
    assert _names(small, "key_task") == []


def _region_id(path: Path, name: str) -> int:
    with Ledger.open(path, FixedClock.on("2022-05-19"), read_only=True) as ledger:
        return int(ledger.scalar("SELECT id FROM region WHERE name = ?", (name,)))


def test_file_new_refuses_a_long_region_name(
    make_window: Callable[..., MainWindow], qtbot: object, tmp_path: Path, recorder: Recorder
) -> None:
    window = shown(make_window())
    recorder.next_new = tmp_path / "新 台账.bdesk"
    seen: list[str] = []

    def fill(dialog: NewLedgerDialog) -> None:
        type_text(dialog.county, LONG)
        _click_ok(qtbot, dialog)
        seen.append(dialog.problems.text())
        assert dialog.isVisible()  # nothing made until the name is shortened
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # type: ignore[attr-defined]

    answer(NewLedgerDialog, fill)
    press(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen == [REFUSED]
    assert not recorder.next_new.exists()


def test_cli_new_refuses_a_long_region_name(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "新 台账.bdesk"
    code, _, err = cli("new", str(path), "--region", f"信阳市/{LONG}", clock=clock)
    assert code == EXIT_USAGE  # a --region that cannot be a chain is a bad argument
    assert REFUSED in err
    assert not path.exists()
