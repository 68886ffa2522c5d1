"""The import wizard's last page, reached by clicks on a new ledger: once the rows are imported it offers
only Finish (nothing is left to cancel or go back to) and counts the rows under the vocabulary's names."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from branchdesk.domain.vocabulary import Concept, name
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder
from tests.ui.driving import file_rows

Button = QWizard.WizardButton
SCREENSHOTS = os.environ.get("BRANCHDESK_SCREENSHOTS")


def _roster(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["党支部名称", "类型", "所属乡镇", "等次"])
    sheet.append(["张庄村党支部", "农村", "仁和镇", "差"])
    sheet.append(["王湾村党支部", "农村", "仁和镇", "好"])
    book.save(path)
    return path


def test_after_the_import_the_wizard_offers_finish_only(
    make_window: Callable[..., MainWindow],
    ledger_path: Path,
    build: LedgerBuilder,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    build.tree()
    roster = _roster(tmp_path / "roster.xlsx")  # typed into the wizard: QTest types ASCII keys only
    window = make_window()
    assert window.open_path(ledger_path)
    wizard = window.exchange.import_wizard()
    assert wizard is not None
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    qtbot.keyClicks(wizard.file_page.path, str(roster))
    qtbot.mouseClick(wizard.button(Button.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.mapping_page
    qtbot.mouseClick(wizard.button(Button.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.check_page
    # Before the import Cancel is offered.
    assert wizard.button(Button.CancelButton).isVisible()
    assert wizard.button(Button.CommitButton).text() == "导入(&I)"
    qtbot.mouseClick(wizard.button(Button.CommitButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.done_page
    assert set(file_rows(ledger_path, "SELECT name, tier FROM branch")) == {
        ("王湾村党支部", "strong"),
        ("张庄村党支部", "weak"),
    }

    shown = [
        wizard.button(which).text()
        for which in (Button.BackButton, Button.NextButton, Button.CommitButton, Button.CancelButton,
                      Button.FinishButton)
        if wizard.button(which).isVisible()
    ]  # fmt: skip
    assert shown == ["完成(&F)"]
    summary = wizard.done_page.summary.text()
    assert summary.startswith("党支部："), summary  # the vocabulary's name, not 支部
    assert name(Concept.BRANCH) == "党支部"
    if SCREENSHOTS:
        wizard.resize(900, 620)
        wizard.grab().save(str(Path(SCREENSHOTS) / "import-done.png"))
    qtbot.mouseClick(wizard.button(Button.FinishButton), Qt.MouseButton.LeftButton)
    assert not wizard.isVisible()
    assert len(file_rows(ledger_path, "SELECT id FROM branch")) == 2
