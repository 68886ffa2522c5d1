"""A county clerk's work team sheet into a new ledger through the window: File ▸ Import templates writes
the work teams' workbook (驻村工作队, 工作队队员, 队员出勤), the clerk fills it in Excel, and File ▸ Import
reads it through the wizard — the three sheets previewed, a day outside a member's service listed with its
column, the valid rows imported as one undo step."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import openpyxl
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from branchdesk.domain.imports import ImportKind
from branchdesk.exchange.columns import SHEETS
from branchdesk.exchange.templates import template
from branchdesk.ui.dialogs.file_choice import FilePurpose
from branchdesk.ui.dialogs.import_wizard import ImportWizard
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder
from tests.ui.driving import answer, file_rows, menu_item, press, select_item, shown
from tests.workbooks import type_rows

Button = QWizard.WizardButton
SCREENSHOTS = os.environ.get("BRANCHDESK_SCREENSHOTS")
_VILLAGE, _REGION = "城关1村党支部", "信阳市/潢川县/城关镇"


def _fill_in_excel(path: Path) -> None:
    """What the clerk types into the template: the team, its three members, April's days."""
    april = ["在" if 11 <= day <= 30 else None for day in range(1, 32)]
    april[17] = "假（病假）"  # the 18th
    type_rows(
        path,
        {
            ImportKind.TEAMS: [[_VILLAGE, _REGION, "潢川县财政局", dt.date(2022, 4, 11)]],
            ImportKind.MEMBERS: [
                [_VILLAGE, _REGION, "刘洋", "13800000003", None, "队长", dt.date(2022, 4, 11)],
                [_VILLAGE, _REGION, "陈静", "13800000004", None, "第一书记", dt.date(2022, 4, 11)],
                [_VILLAGE, _REGION, "张伟", "13800000005", None, "队员", "2022-04-18"],
            ],
            ImportKind.TEAM_DAYS: [
                [_VILLAGE, "刘洋", "13800000003", "2022-04", *april],
                [_VILLAGE, "陈静", "13800000004", "2022年4月", *([None] * 10 + ["公"] * 10 + [None] * 11)],
                [_VILLAGE, "张伟", "13800000005", "2022-04", *(["在"] * 20 + [None] * 11)],  # before the 18th
            ],
        },
    )


def test_a_work_team_sheet_filled_from_the_template_imports_through_the_wizard(
    make_window: Callable[..., MainWindow],
    ledger_path: Path,
    build: LedgerBuilder,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    build.paired_town(1)
    sheet = tmp_path / "teams.xlsx"
    window = make_window()
    window.context.choose_file = lambda parent, purpose, suggested: {
        FilePurpose.TEMPLATES: tmp_path,
        FilePurpose.IMPORT: sheet,
    }.get(purpose)
    assert window.open_path(ledger_path)
    shown(window)

    menu_item(window, Qt.Key.Key_F, Qt.Key.Key_T)  # File ▸ Import templates…
    (tmp_path / "导入模板 — 驻村工作队.xlsx").rename(sheet)
    _fill_in_excel(sheet)

    def import_teams(wizard: ImportWizard) -> None:
        qtbot.mouseClick(wizard.file_page.findChild(object, "importBrowse"), Qt.MouseButton.LeftButton)
        select_item(wizard.file_page.what, "驻村工作队（含队员和出勤）")
        qtbot.mouseClick(wizard.button(Button.NextButton), Qt.MouseButton.LeftButton)
        mapping = wizard.mapping_page
        assert wizard.currentPage() is mapping
        # The three sheets, each named once (the sheet is named for what it holds), every column known.
        assert [mapping.sheet.itemText(i) for i in range(mapping.sheet.count())] == [
            "驻村工作队",
            "工作队队员",
            "队员出勤",
        ]
        select_item(mapping.sheet, mapping.sheet.itemText(2))
        # 所驻村（社区）, 姓名, 联系电话, 月份, 1日 … 31日
        assert mapping.preview.columnCount() == 35
        if SCREENSHOTS:
            # the sheet shown before goes once the wizard's own event loop runs again
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            wizard.resize(1000, 700)
            wizard.grab().save(str(Path(SCREENSHOTS) / "import-teams-mapping.png"))
        qtbot.mouseClick(wizard.button(Button.NextButton), Qt.MouseButton.LeftButton)
        check = wizard.check_page
        assert wizard.currentPage() is check
        lines = [
            tuple(check.report.item(row, column).text() for column in range(3))
            for row in range(check.report.rowCount())
        ]
        assert lines == [("队员出勤", "5", "1日")]  # 张伟 came on the 18th
        if SCREENSHOTS:
            wizard.grab().save(str(Path(SCREENSHOTS) / "import-teams-check.png"))
        qtbot.mouseClick(check.valid_only, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(wizard.button(Button.CommitButton), Qt.MouseButton.LeftButton)
        assert wizard.currentPage() is wizard.done_page
        summary = wizard.done_page.summary.text()
        assert "驻村工作队：读取 1 行，新增 1 行" in summary, summary
        qtbot.mouseClick(wizard.button(Button.FinishButton), Qt.MouseButton.LeftButton)

    seen = answer(ImportWizard, import_teams)
    menu_item(window, Qt.Key.Key_F, Qt.Key.Key_I)  # File ▸ Import from Excel or CSV…
    qtbot.waitUntil(lambda: bool(seen))

    assert file_rows(ledger_path, "SELECT name, phone, role FROM team_member ORDER BY id") == [
        ("刘洋", "13800000003", "leader"),
        ("陈静", "13800000004", "first_secretary"),
        ("张伟", "13800000005", "member"),
    ]
    assert file_rows(
        ledger_path,
        "SELECT m.name, d.present, d.leave, d.business, d.reasons FROM team_days d"
        " JOIN team_member m ON m.id = d.member_id ORDER BY m.id",
    ) == [("刘洋", 19, 1, 0, '{"18": "病假"}'), ("陈静", 0, 0, 10, "{}")]
    # One step of Edit ▸ Undo takes the whole import back.
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert file_rows(ledger_path, "SELECT count(*) FROM work_team") == [(0,)]
    assert file_rows(ledger_path, "SELECT count(*) FROM team_days") == [(0,)]


def test_the_wizard_names_a_sheet_once_and_an_old_sheet_with_what_it_is_read_as(
    make_window: Callable[..., MainWindow], ledger_path: Path, build: LedgerBuilder, tmp_path: Path
) -> None:
    """A whole ledger's workbook, chosen by keys: its sheets named as File ▸ Export names them show once
    in the choice of sheets; a sheet an earlier version named 支部 shows that name and what it is read as."""
    build.tree()
    book = tmp_path / "ledger.xlsx"  # typed into the wizard: QTest types ASCII keys only
    template(book, ImportKind.BRANCHES, ImportKind.PAIRINGS, ImportKind.TEAMS)
    workbook = openpyxl.load_workbook(book)
    workbook[SHEETS[ImportKind.BRANCHES]].title = "支部"
    workbook.save(book)
    window = make_window()
    assert window.open_path(ledger_path)
    seen: list[str] = []

    def choose_sheets(wizard: ImportWizard) -> None:
        page = wizard.file_page
        page.path.setFocus()
        QTest.keyClicks(page.path, str(book))
        select_item(page.what, page.what.itemText(page.what.findData("all")))
        QTest.keyClick(page.what, Qt.Key.Key_Return)  # Enter: 下一步, the wizard's default button
        sheets = wizard.mapping_page.sheet
        assert wizard.currentPage() is wizard.mapping_page, page.message.text()
        seen.extend(sheets.itemText(i) for i in range(sheets.count()))
        QTest.keyClick(wizard, Qt.Key.Key_Escape)

    handled = answer(ImportWizard, choose_sheets)
    menu_item(window, Qt.Key.Key_F, Qt.Key.Key_I)  # File ▸ Import from Excel or CSV…
    assert handled == ["importWizard"]
    assert seen == [f"支部 — {SHEETS[ImportKind.BRANCHES]}", "结对", "驻村工作队"]
