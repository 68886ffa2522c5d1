"""File ▸ Import through the wizard (mapping, dry run, report, choices, one undo step), Export, Export
view of a tab, templates and the monthly report with its print preview, in the real window."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QComboBox, QPushButton
from pytestqt.qtbot import QtBot

from branchdesk.domain.enums import BranchKind
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.file_choice import FilePurpose
from branchdesk.ui.dialogs.import_wizard import ImportWizard
from branchdesk.ui.jobs.runner import JobControl
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder

SCREENSHOTS = os.environ.get("BRANCHDESK_SCREENSHOTS")


def _messy_roster(path: Path) -> Path:
    """A township's roster as Excel files come: a title row, Chinese headers one of which the import does
    not know (负责人: the secretary), numbers stored as text, a blank row, a duplicate, a bad date and an
    unknown region."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["潢川县仁和镇村级党支部花名册（2022年5月）"])
    sheet.append(["序号", "党支部名称", "类型", "乡镇(街道)", "等次", "负责人", "党员人数", "成立时间"])
    sheet.append([1, "张庄村党支部", "农村", "仁和镇", "差", "李明", "35", dt.datetime(2001, 3, 1)])
    sheet.append([2, "王湾村党支部", "村", "信阳市/潢川县/仁和镇", "好", "王强", 28, "2005年7月1日"])
    sheet.append([None] * 8)
    sheet.append([3, "赵楼村党支部", "农村", "光山县", "中", None, None, None])
    sheet.append([4, "钱岗村党支部", "农村", "仁和镇", "中", None, None, "2022-02-30"])
    sheet.append([5, "张庄村党支部", "农村", "仁和镇", "差", None, None, None])
    book.save(path)
    return path


def _names(ledger: Ledger) -> set[str]:
    return {row["name"] for row in ledger.query("SELECT name FROM branch")}


def _window(
    make_window: Callable[..., MainWindow], ledger_path: Path, files: dict[FilePurpose, Path]
) -> MainWindow:
    window = make_window()
    window.context.choose_file = lambda parent, purpose, suggested: files.get(purpose)
    assert window.open_path(ledger_path)
    return window


def _wizard(window: MainWindow, qtbot: QtBot) -> ImportWizard:
    wizard = window.exchange.import_wizard()
    assert wizard is not None
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_import_through_the_wizard_with_report_choices_and_undo(
    make_window: Callable[..., MainWindow],
    ledger_path: Path,
    ledger: Ledger,
    build: LedgerBuilder,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    build.tree()
    roster = _messy_roster(tmp_path / "仁和镇 花名册.xlsx")
    report_path = tmp_path / "被拒绝的行.xlsx"
    window = _window(
        make_window, ledger_path, {FilePurpose.IMPORT: roster, FilePurpose.REJECTED: report_path}
    )
    wizard = _wizard(window, qtbot)

    browse = wizard.file_page.findChild(QPushButton, "importBrowse")
    assert browse is not None
    browse.click()
    assert wizard.file_page.path.text() == str(roster)
    assert not wizard.file_page.encoding.isEnabled()  # a workbook has no text encoding to choose
    wizard.next()

    # The mapping found the header row under the title and the known columns; 负责人 is not known.
    page = wizard.mapping_page
    assert wizard.currentPage() is page
    plan = wizard.plans[0]
    assert plan.header_row == 2
    assert "secretary" not in plan.mapping.values()
    assert page.preview.rowCount() == 5  # the blank row is not previewed
    secretary = page.mapping.cellWidget(5, 1)
    assert isinstance(secretary, QComboBox)
    secretary.setCurrentIndex(secretary.findData("secretary"))
    assert plan.mapping[5] == "secretary"
    headers = [page.preview.horizontalHeaderItem(i).text() for i in range(page.preview.columnCount())]
    assert "书记" in headers
    if SCREENSHOTS:
        wizard.grab().save(str(Path(SCREENSHOTS) / "import-mapping.png"))

    # Read as nothing, a required column leaves the mapping incomplete.
    kind = page.mapping.cellWidget(2, 1)
    assert isinstance(kind, QComboBox)
    kind.setCurrentIndex(0)
    assert not page.isComplete()
    assert "类型" in page.message.text()
    kind.setCurrentIndex(kind.findData("kind"))
    assert page.isComplete()

    # The dry run: the report of rejected rows, nothing written.
    wizard.next()
    check = wizard.check_page
    assert wizard.currentPage() is check
    assert _names(ledger) == set()
    lines = {
        (check.report.item(r, 1).text(), check.report.item(r, 2).text())
        for r in range(check.report.rowCount())
    }
    assert ("6", "区域") in lines  # 光山县 is not in the ledger
    assert ("7", "成立日期") in lines  # 2022-02-30
    assert ("8", "") in lines  # already in the file (a duplicate of row 3)
    assert not check.isComplete()  # all or nothing, with rejected rows: nothing to import
    assert check.hint.isVisible()
    if SCREENSHOTS:
        wizard.grab().save(str(Path(SCREENSHOTS) / "import-check.png"))
    check.save.click()
    saved = openpyxl.load_workbook(report_path, read_only=True)
    rows = list(saved.worksheets[0].iter_rows(values_only=True))
    assert rows[0] == ("表", "行", "列", "原因")
    assert any(row[1] == 6 and row[2] == "区域" and "光山县" in str(row[3]) for row in rows[1:])
    saved.close()

    check.valid_only.setChecked(True)
    assert check.isComplete()
    wizard.next()
    assert wizard.currentPage() is wizard.done_page
    assert _names(ledger) == {"张庄村党支部", "王湾村党支部"}
    row = ledger.query("SELECT * FROM branch WHERE name = '张庄村党支部'")[0]
    assert (row["secretary"], row["member_count"], row["established_on"]) == ("李明", 35, "2001-03-01")
    assert row["kind"] == BranchKind.VILLAGE.value
    assert "撤销" in wizard.done_page.summary.text()
    wizard.accept()

    # One step to undo, named as an import.
    assert "导入" in window.edits.undo_action.text()
    window.edits.undo()
    assert _names(ledger) == set()


def test_a_csv_of_unclear_encoding_makes_the_wizard_ask(
    make_window: Callable[..., MainWindow],
    ledger_path: Path,
    ledger: Ledger,
    build: LedgerBuilder,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    build.tree()
    csv = tmp_path / "花名册.csv"
    # Traditional characters in GBK: valid GBK, but not text GBK files usually hold, so not guessed.
    csv.write_bytes("党支部名称,类型,所属乡镇\r\n張莊村黨支部,农村,仁和镇\r\n".encode("gbk"))
    window = _window(make_window, ledger_path, {})
    wizard = _wizard(window, qtbot)
    wizard.file_page.path.setText(str(csv))
    assert wizard.file_page.encoding.isEnabled()
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert "GBK" in wizard.file_page.message.text()
    wizard.file_page.encoding.setCurrentIndex(1)  # GBK
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    assert wizard.plans[0].preview[0][0] == "張莊村黨支部"  # read right, not garbled
    wizard.next()
    wizard.next()
    assert _names(ledger) == {"張莊村黨支部"}


def test_cancelling_an_import_keeps_nothing(
    make_window: Callable[..., MainWindow],
    ledger_path: Path,
    ledger: Ledger,
    build: LedgerBuilder,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    build.tree()
    roster = _messy_roster(tmp_path / "花名册.xlsx")
    window = _window(make_window, ledger_path, {})
    wizard = _wizard(window, qtbot)
    wizard.file_page.path.setText(str(roster))
    wizard.next()
    wizard.next()
    wizard.check_page.valid_only.setChecked(True)
    original = JobControl.progress

    def cancel_at_once(control: JobControl, done: int, total: int = 0) -> None:
        control.cancel()  # as if Cancel was pressed while the rows were written
        original(control, done, total)

    monkeypatch.setattr(JobControl, "progress", cancel_at_once)
    wizard.next()
    assert wizard.currentPage() is wizard.check_page
    assert "取消" in wizard.check_page.message.text()
    assert _names(ledger) == set()
    assert window.edits.undo_action.isEnabled() is False


def test_export_the_ledger_and_a_tab_view_and_templates(
    make_window: Callable[..., MainWindow],
    ledger_path: Path,
    ledger: Ledger,
    build: LedgerBuilder,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    regions = build.tree()
    build.villages(regions["hc_renhe"], 3)
    files = {
        FilePurpose.EXPORT: tmp_path / "台账.xlsx",
        FilePurpose.VIEW: tmp_path / "支部.xlsx",
        FilePurpose.TEMPLATES: tmp_path,
    }
    window = _window(make_window, ledger_path, files)

    window.exchange.export_action.trigger()
    book = openpyxl.load_workbook(files[FilePurpose.EXPORT], read_only=True)
    assert {"汇总", "区域", "党支部", "结对", "活动"} <= set(book.sheetnames)
    names = {row[1] for row in book["党支部"].iter_rows(min_row=2, values_only=True)}
    assert names == _names(ledger)
    book.close()
    assert "台账.xlsx" in window.figures.file_label.text()

    window.tabs.setCurrentWidget(window.branches_tab)
    window.branches_tab.search.setText("2村")  # the view on show: one of the three villages
    qtbot.waitUntil(lambda: window.branches_tab.model.total == 1)
    model = window.branches_tab.model
    assert window.exchange.view_action.isEnabled()
    window.exchange.view_button.click()
    book = openpyxl.load_workbook(files[FilePurpose.VIEW], read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert list(rows[0]) == headers
    assert [row[0] for row in rows[1:]] == ["村2村党支部"]
    book.close()

    window.exchange.templates_action.trigger()
    made = sorted(path.name for path in tmp_path.glob("导入模板*.xlsx"))
    assert len(made) == 8
    assert "导入模板 — 清单.xlsx" in made
    # an agreement with its targets and progress, a team with its members and days: a sheet each
    agreements = openpyxl.load_workbook(tmp_path / "导入模板 — 结对共建协议.xlsx", read_only=True)
    assert agreements.sheetnames == ["结对共建协议", "协议目标", "目标进度", "说明"]
    agreements.close()
    teams = openpyxl.load_workbook(tmp_path / "导入模板 — 驻村工作队.xlsx", read_only=True)
    assert teams.sheetnames == ["驻村工作队", "工作队队员", "队员出勤", "说明"]
    teams.close()
    branches = openpyxl.load_workbook(tmp_path / "导入模板 — 党支部.xlsx", read_only=True)
    assert "支部名称" in next(branches.worksheets[0].iter_rows(values_only=True))
    branches.close()


def test_monthly_report_preview_and_pdf(
    make_window: Callable[..., MainWindow],
    ledger_path: Path,
    ledger: Ledger,
    build: LedgerBuilder,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    regions = build.tree()
    organs = build.organs(build.unit("潢川县农业农村局", regions["huangchuan"]), regions["huangchuan"], 2)
    villages = build.villages(regions["hc_renhe"], 2)
    pairing = build.pair(organs[0], villages[0], "2022-03-01")
    build.pair(organs[1], villages[1], "2022-03-01")
    build.activity(pairing, "2022-04-16")
    pdf = tmp_path / "月报.pdf"
    window = _window(make_window, ledger_path, {FilePurpose.REPORT: pdf})
    dialog = window.exchange.report_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.chosen_month().month == 4  # the last month that has ended (the clock says 2022-05-19)
    preview = dialog.preview_dialog()
    assert preview is not None
    widget = preview.findChild(QPrintPreviewWidget)
    assert widget is not None
    widget.updatePreview()
    assert widget.pageCount() == 3
    dialog.save_button.click()
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "月报.pdf" in dialog.message.text()
