"""A county's own edits into a month it has locked are refused in the window too, with the way to unlock
(DESIGN.md §9, docs/packages.md "Locked months"): the activity dialog and the table's in-place edit say so
and the file keeps what it had; after ``unlock`` with a reason the same edit is saved."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from branchdesk.cli import EXIT_OK, run
from branchdesk.domain.activities import ActivityColumn
from branchdesk.domain.clock import FixedClock
from branchdesk.services.ledgers import open_ledger
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.activity import ActivityDialog
from branchdesk.ui.dialogs.history import HistoryDialog
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.models.activities import COLUMNS
from tests.builders import LedgerBuilder
from tests.ui.conftest import Recorder
from tests.ui.driving import answer
from tests.ui.typing import retype


def volunteers(path: Path) -> list[int]:
    with open_ledger(path, FixedClock.on("2022-05-19"), read_only=True) as ledger:
        return [row["volunteers"] for row in ledger.query("SELECT volunteers FROM activity ORDER BY id")]


def cli(*argv: str, clock: FixedClock) -> int:
    return run(list(argv), clock=clock, out=io.StringIO(), err=io.StringIO())


def test_the_window_refuses_an_edit_into_a_locked_month_until_it_is_unlocked(
    tmp_path: Path,
    make_window: Callable[..., MainWindow],
    build: LedgerBuilder,
    ledger: Ledger,
    clock: FixedClock,
    recorder: Recorder,
) -> None:
    tree = build.tree()
    organs = build.organs(build.unit("潢川县财政局", tree["huangchuan"]), tree["huangchuan"], 1)
    village = build.villages(tree["hc_chengguan"], 1, prefix="城关")[0]
    build.activity(build.pair(organs[0], village, "2022-04-10"), "2022-04-16", volunteers=4)
    path = ledger.path
    ledger.close()
    assert cli("lock", str(path), "--month", "2022-04", clock=clock) == EXIT_OK

    window = make_window()
    assert window.open_path(path)
    window.show()
    window.show_tab("activities")
    tab = window.activities_tab
    tab.wait()
    tab.table.selectRow(0)
    QTest.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, ActivityDialog)
    retype(dialog.volunteers.lineEdit(), "9")
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    tab.wait()
    assert recorder.errors == [
        "2022年4月已对信阳市锁定：该月数据已上报，不能再修改，本次未保存任何内容。"
        "确需修改，请先解锁该月并填写理由。"
    ]
    assert volunteers(path) == [4]
    # the refusal leaves the dialog open with what was typed, for the clerk to change or to cancel
    assert dialog.isVisible()
    assert dialog.volunteers.lineEdit().text() == "9"
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert volunteers(path) == [4]

    cell = tab.model.index(0, COLUMNS.index(ActivityColumn.VOLUNTEERS))
    tab.table.setCurrentIndex(cell)
    tab.table.edit(cell)
    editor = tab.table.focusWidget()
    retype(editor, "12")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    tab.wait()
    assert len(recorder.errors) == 2
    assert "已对信阳市锁定" in recorder.errors[-1]
    assert volunteers(path) == [4]

    window.close()
    assert (
        cli("unlock", str(path), "--month", "2022-04", "--reason", "更正志愿者人数", clock=clock) == EXIT_OK
    )
    window = make_window()
    assert window.open_path(path)
    window.show()
    window.show_tab("activities")
    tab = window.activities_tab
    tab.wait()
    cell = tab.model.index(0, COLUMNS.index(ActivityColumn.VOLUNTEERS))
    tab.table.setCurrentIndex(cell)
    tab.table.edit(cell)
    editor = tab.table.focusWidget()
    retype(editor, "12")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    tab.wait()
    assert volunteers(path) == [12]

    seen: list[list[list[str]]] = []

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, HistoryDialog)
        assert dialog.wait()
        seen.append(dialog.rows())
        dialog.resize(1366, 768)
        dialog.grab().save(str(tmp_path / "history.png"))
        dialog.reject()

    answer(HistoryDialog, read)
    window.menus.ledger_history_action.trigger()
    lines = [" ".join(row) for row in seen[0]]
    when, *unlock = next(row for row in seen[0] if "解锁月份" in row)  # when: the unlock's time, local
    assert "2022年4月 信阳市" in unlock
    assert f"解锁时间：（空） → {when}；解锁理由：（空） → 更正志愿者人数" in unlock
    assert any("锁定月份" in line and "新增" in line for line in lines)
