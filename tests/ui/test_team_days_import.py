"""Work teams ▸ Import a month sheet, driven as a clerk drives it, from a new ledger in an empty folder: the
button on the tab, the sheet's path typed (and chosen with Choose…), the month; a sheet with a cell that is
no mark, a number on no team and a member's row given twice lists every problem with its row and imports
nothing; corrected, the preview shows each member's month with the days counted and the shortfall, Import
writes it as one step of Edit ▸ Undo, and the grid shows the month. The file is read back after each step.
Screenshots at 1366×768 in Chinese (to $BRANCHDESK_SCREENSHOTS)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.teams import MemberDraft, Role
from branchdesk.services import teams as team_service
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.file_choice import FilePurpose
from branchdesk.ui.dialogs.team_days_import import TeamDaysImportDialog
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.tabs.teams import TeamsTab
from tests.builders import day
from tests.ui.driving import answer, file_rows, press, shown
from tests.ui.test_teams_tab import village_ledger
from tests.ui.typing import retype, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
__all__ = ["village_ledger"]  # the fixture, shared with the tab's own test
HEADER = "六月驻村考勤\n姓名,电话,职务," + ",".join(f"{number}日" for number in range(1, 31)) + "\n"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock.on("2022-07-05")


@pytest.fixture
def team_ledger(village_ledger: Path, clock: FixedClock) -> Path:
    """The new ledger of test_teams_tab (城关1村 of 潢川县/城关镇, paired) with its work team since 1 May
    2022: 张明 (队长), 李芳 (第一书记), and 王伟 (队员) who serves until 15 June."""
    with Ledger.open(village_ledger, clock) as ledger:
        village = int(ledger.scalar("SELECT id FROM branch WHERE name = '城关1村党支部'"))
        start = day("2022-05-01")
        team_service.add_team(
            ledger,
            village,
            start,
            members=[
                MemberDraft("张明", "13800000001", Role.LEADER, start),
                MemberDraft("李芳", "13800000002", Role.FIRST_SECRETARY, start),
                MemberDraft("王伟", "13800000003", Role.MEMBER, start, to_on=day("2022-06-15")),
            ],
        )
    return village_ledger


def _days(*runs: tuple[str, int]) -> str:
    cells = [mark for mark, count in runs for _ in range(count)]
    return ",".join(cells + [""] * (30 - len(cells)))


def test_a_clerk_imports_a_month_sheet_with_its_preview_and_problems(
    make_window: Callable[..., MainWindow], team_ledger: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    shots = Path(os.environ.get("BRANCHDESK_SCREENSHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    sheet = tmp_path / "六月考勤.csv"
    sheet.write_text(
        HEADER
        + f"张明,13800000001,队长,{_days(('在', 20), ('公', 2), ('x', 1))}\n"
        + f"李芳,13800000002,第一书记,{_days(('在', 15))}\n"
        + f"赵强,13900000009,队员,{_days(('在', 3))}\n"
        + f"李芳,138 0000 0002,第一书记,{_days(('在', 2))}\n"
        + f"王伟,13800000003,队员,{_days(('P', 10), ('假 病假', 1), ('在', 5))}\n",
        encoding="utf-8",
    )
    window = make_window("zh_CN")
    window.resize(1366, 768)
    assert window.open_path(team_ledger)
    shown(window)
    window.settle()
    window.show_tab("teams")
    tab = window.tabs.tab("teams")
    assert isinstance(tab, TeamsTab)
    qtbot.waitUntil(lambda: not tab.busy())
    assert tab.import_button.text() == "导入考勤表(&I)…"

    # 1. The sheet as first sent: every problem listed with its row; nothing can be imported.
    def first_look(dialog: TeamDaysImportDialog) -> None:
        assert dialog.month.text() == "2022年7月"
        retype(dialog.month, "2022-06")
        QTest.keyClick(dialog.month, Qt.Key.Key_Return)
        dialog.path.setFocus()
        type_text(dialog.path, str(sheet))
        QTest.keyClick(dialog.path, Qt.Key.Key_Return)
        problems = [
            (dialog.problems.item(row, 0).text(), dialog.problems.item(row, 1).text())
            for row in range(dialog.problems.rowCount())
        ]
        assert problems == [
            ("3", "第 3 行、23 日：“x”不是出勤标记（在、假、公、缺 或 P、L、B、A），未导入任何内容。"),
            ("5", "2022年6月1日没有电话为 13900000009 的驻村队员在岗，未导入任何内容。"),
            ("6", "138 0000 0002 在2022年6月1日的出勤登记了两次（第 4 行和第 6 行），未导入任何内容。"),
            # 王伟 serves until 15 June: on the 16th his number is on no team.
            ("7", "2022年6月16日没有电话为 13800000003 的驻村队员在岗，未导入任何内容。"),
        ]
        assert "4 个问题" in dialog.problems_label.text()
        assert not dialog.import_button.isEnabled()
        dialog.resize(1366, 768)
        QApplication.processEvents()
        dialog.grab().save(str(shots / "team-import-problems.png"))
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    seen = answer(TeamDaysImportDialog, first_look)
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    assert seen == ["teamDaysImport"]
    assert file_rows(team_ledger, "SELECT count(*) FROM team_days") == [(0,)]

    # 2. Corrected (王伟's days end on 15 June, the other rows right), chosen with Choose…: the preview.
    sheet.write_text(
        HEADER
        + f"张明,13800000001,队长,{_days(('在', 20), ('公', 2), ('缺', 1))}\n"
        + f"李芳,13800000002,第一书记,{_days(('在', 15))}\n"
        + f"王伟,13800000003,队员,{_days(('P', 10), ('假 病假', 1), ('在', 4))}\n",
        encoding="utf-8",
    )
    window.context.choose_file = lambda parent, purpose, suggested: (
        sheet if purpose is FilePurpose.IMPORT else None
    )

    def corrected(dialog: TeamDaysImportDialog) -> None:
        retype(dialog.month, "2022-06")
        QTest.keyClick(dialog.month, Qt.Key.Key_Return)
        qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
        assert dialog.path.text() == str(sheet)
        preview = [
            [dialog.preview.item(row, column).text() for column in (0, 1, 4, 5, 6, 7)]
            for row in range(dialog.preview.rowCount())
        ]
        assert preview == [
            ["3", "张明", "在" * 20 + "公公缺" + "·" * 7, "22", "20", "0"],
            ["4", "李芳", "在" * 15 + "·" * 15, "15", "20", "5"],
            # 王伟 served 15 days of 30: he owes ⌈20 × 15 ÷ 30⌉ = 10 and was there 14.
            ["5", "王伟", "在" * 10 + "假" + "在" * 4 + "·" * 15, "14", "10", "0"],
        ]
        assert dialog.problems.isHidden()
        assert "3 名队员" in dialog.summary.text()
        assert "1 人未达" in dialog.summary.text()
        assert dialog.import_button.isEnabled()
        dialog.resize(1366, 768)
        QApplication.processEvents()
        dialog.grab().save(str(shots / "team-import-preview.png"))
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    seen = answer(TeamDaysImportDialog, corrected)
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    assert seen == ["teamDaysImport"]
    assert file_rows(
        team_ledger,
        "SELECT m.name, d.month, d.marks, d.reasons, d.present, d.business, d.leave, d.absent"
        " FROM team_days d JOIN team_member m ON m.id = d.member_id ORDER BY m.id",
    ) == [
        ("张明", "2022-06", "P" * 20 + "BBA" + "-" * 7, "{}", 20, 2, 0, 1),
        ("李芳", "2022-06", "P" * 15 + "-" * 15, "{}", 15, 0, 0, 0),
        ("王伟", "2022-06", "P" * 10 + "L" + "P" * 4 + "-" * 15, '{"11": "病假"}', 14, 0, 1, 0),
    ]
    assert file_rows(team_ledger, "SELECT count(*) FROM operation WHERE action = 'team.days_import'") == [
        (1,)
    ]

    # 3. The grid shows June as imported, 李芳 below the rule; Edit ▸ Undo takes the whole import back.
    qtbot.waitUntil(lambda: tab.model.month.month == 6 and len(tab.model.rows) == 3)
    qtbot.waitUntil(lambda: not tab.busy())
    assert [(row.name, tab.model.counted(index)) for index, row in enumerate(tab.model.rows)] == [
        ("张明", 22),
        ("李芳", 15),
        ("王伟", 14),
    ]
    assert "未达每月 20 天要求 1 人" in tab.summary.text()
    QApplication.processEvents()
    window.grab().save(str(shots / "team-import-grid.png"))
    press(window, Qt.Key.Key_Z, CTRL)
    assert file_rows(team_ledger, "SELECT count(*) FROM team_days") == [(0,)]


def test_enter_in_the_sheet_s_path_shows_the_preview_and_imports_nothing(
    make_window: Callable[..., MainWindow], team_ledger: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    """A right sheet's path typed and Enter: the preview, for the clerk to read before Import. Enter also
    clicked Import (the default button, enabled by the check that Enter had just run), so the month was
    written unseen (found walking the dialogs by keys)."""
    sheet = tmp_path / "六月考勤.csv"
    sheet.write_text(HEADER + f"张明,13800000001,队长,{_days(('在', 20))}\n", encoding="utf-8")
    window = make_window("zh_CN")
    assert window.open_path(team_ledger)
    shown(window)
    window.show_tab("teams")
    tab = window.tabs.tab("teams")
    assert isinstance(tab, TeamsTab)
    qtbot.waitUntil(lambda: not tab.busy())
    seen: list[tuple[int, bool]] = []

    def type_path(dialog: TeamDaysImportDialog) -> None:
        retype(dialog.month, "2022-06")
        QTest.keyClick(dialog.month, Qt.Key.Key_Return)
        dialog.path.setFocus()
        type_text(dialog.path, str(sheet))
        QTest.keyClick(dialog.path, Qt.Key.Key_Return)
        seen.append((dialog.preview.rowCount(), dialog.isVisible()))
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    answer(TeamDaysImportDialog, type_path)
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    assert seen == [(1, True)]
    assert file_rows(team_ledger, "SELECT count(*) FROM team_days") == [(0,)]


def test_the_record_sheet_is_saved_in_the_documents_folder(
    make_window: Callable[..., MainWindow], team_ledger: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    """Work teams ▸ Record sheet… in the window as shipped (the other tests give the tab a chooser of
    their own): the save dialog never opened, its file types raising TypeError; it opens in the documents
    folder (a bare name would open the program's working folder: on Windows, where it is installed)
    offering PDF and Word in Chinese."""
    from PySide6.QtWidgets import QFileDialog

    window = make_window("zh_CN")
    assert window.open_path(team_ledger)
    shown(window)
    window.show_tab("teams")
    tab = window.tabs.tab("teams")
    assert isinstance(tab, TeamsTab)
    qtbot.waitUntil(lambda: not tab.busy() and tab.model.rowCount() > 0)
    cell = tab.table.visualRect(tab.model.index(0, 0)).center()
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    seen: list[str] = []

    def cancel(dialog: QFileDialog) -> None:
        seen.append(dialog.directory().absolutePath())
        seen.extend(dialog.nameFilters())
        dialog.reject()

    answer(QFileDialog, cancel)
    qtbot.mouseClick(tab.sheet_button, Qt.MouseButton.LeftButton)
    assert seen == [str(tmp_path), "PDF 文件 (*.pdf)", "Word 文档 (*.docx)"]
