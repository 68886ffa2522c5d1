"""A CSV marked UTF-8 but written in GBK: the wizard and the CLI say what to do, and the window never
tells its user to type a command-line flag."""

from __future__ import annotations

import io
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from branchdesk.cli import EXIT_FAILED, EXIT_OK, run
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.errors import BranchDeskError
from branchdesk.exchange.files import decode
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder

_ROSTER = "党支部名称,类型,所属乡镇,等次\r\n张庄村党支部,农村,仁和镇,差\r\n"
# Contexts of the texts the import wizard and its report show (the catalogue's messages among them).
_WINDOW_CONTEXTS = {
    "ImportWizard", "_FilePage", "_MappingPage", "_CheckPage", "_DonePage", "ImportReport", "ExchangeActions",
    "RejectedRowsDialog", "Messages", "Reasons",
}  # fmt: skip
_FLAG = re.compile(r"--[a-z]")
SCREENSHOTS = os.environ.get("BRANCHDESK_SCREENSHOTS")


@pytest.fixture
def marked_gbk(tmp_path: Path) -> Path:
    path = tmp_path / "roster.csv"  # typed into the wizard: QTest types ASCII keys only
    path.write_bytes(b"\xef\xbb\xbf" + _ROSTER.encode("gbk"))
    return path


def test_a_utf8_mark_before_gbk_is_named_and_gbk_chosen_reads_it(marked_gbk: Path) -> None:
    with pytest.raises(BranchDeskError) as raised:
        decode(marked_gbk.read_bytes(), marked_gbk)
    assert raised.value.code == "import.bom_not_utf8"
    assert decode(marked_gbk.read_bytes(), marked_gbk, "gb18030") == _ROSTER


def test_the_wizard_says_what_to_do_and_reads_it_as_gbk_when_chosen(
    make_window: Callable[..., MainWindow],
    ledger_path: Path,
    build: LedgerBuilder,
    marked_gbk: Path,
    qtbot: QtBot,
) -> None:
    build.tree()
    window = make_window()
    assert window.open_path(ledger_path)
    wizard = window.exchange.import_wizard()
    assert wizard is not None
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    page = wizard.file_page
    qtbot.keyClicks(page.path, str(marked_gbk))
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is page
    said = page.message.text()
    assert ".xlsx" in said
    assert "GBK" in said
    assert not _FLAG.search(said)
    assert page.encoding.hasFocus()
    if SCREENSHOTS:
        qtbot.wait(100)
        wizard.grab().save(str(Path(SCREENSHOTS) / "import-encoding.png"))
    qtbot.keyClick(page.encoding, Qt.Key.Key_Down)  # 自动识别 → GBK
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.mapping_page
    assert wizard.mapping_page.preview.item(0, 0).text() == "张庄村党支部"


def test_the_cli_names_its_flag(
    marked_gbk: Path, ledger: Ledger, build: LedgerBuilder, clock: FixedClock
) -> None:
    build.tree()
    path = str(ledger.path)
    out, err = io.StringIO(), io.StringIO()
    code = run(["import", path, str(marked_gbk), "--what", "branches"], clock=clock, out=out, err=err)
    assert code == EXIT_FAILED
    assert ".xlsx" in err.getvalue()
    assert "--encoding gbk" in err.getvalue()
    code = run(
        ["import", path, str(marked_gbk), "--what", "branches", "--encoding", "gbk"], clock=clock, out=out
    )
    assert code == EXIT_OK
    assert ledger.scalar("SELECT name FROM branch") == "张庄村党支部"


def test_no_text_of_the_import_window_names_a_command_line_flag() -> None:
    catalogue = Path(__file__).parents[2] / "resources" / "translations" / "branchdesk_zh_CN.ts"
    seen = set()
    for context in ET.parse(catalogue).getroot().iter("context"):
        name = context.findtext("name")
        if name not in _WINDOW_CONTEXTS:
            continue
        seen.add(name)
        for message in context.iter("message"):
            for text in (message.findtext("source") or "", message.findtext("translation") or ""):
                assert not _FLAG.search(text), text
    assert seen == _WINDOW_CONTEXTS
