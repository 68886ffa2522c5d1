"""File ▸ Word ledger… and the blank sign-in sheet, driven as a clerk drives them: a new ledger, an
activity with its attendance typed in the dialog, the Word ledger by its shortcut and by the File menu's
access key, the
office's own template chosen in Tools ▸ Settings, the sign-in sheet from the Activities list's context menu;
each .docx read back with python-docx."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from branchdesk.domain.enums import Area
from branchdesk.exchange.word_ledger import builtin_template
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.activity import ActivityDialog
from branchdesk.ui.dialogs.file_choice import FilePurpose
from branchdesk.ui.dialogs.settings import SettingsDialog
from branchdesk.ui.dialogs.word_ledger import WordLedgerDialog
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder
from tests.photo_files import write_jpeg
from tests.ui.driving import answer, press, select_item, shown
from tests.ui.test_activity_photos import photos_page, select_photo, settle, type_file_name
from tests.ui.typing import press_enter, retype, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def new_town(build: LedgerBuilder, ledger: Ledger) -> Path:
    """A new ledger in an empty folder with one township's two pairings (from 10 April 2022; today 19 May)."""
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    organs = build.organs(unit, tree["huangchuan"], 2)
    villages = build.villages(tree["hc_chengguan"], 2, prefix="城关")
    build.pair(organs[0], villages[0], "2022-04-10")
    build.pair(organs[1], villages[1], "2022-04-10")
    path = ledger.path
    ledger.close()
    return path


def _window(make_window: Callable[..., MainWindow], path: Path, files: dict[FilePurpose, Path]) -> MainWindow:
    window = shown(make_window())
    window.resize(1366, 768)
    window.context.choose_file = lambda parent, purpose, suggested: files.get(purpose)
    assert window.open_path(path)
    window.show_tab("activities")
    window.activities_tab.wait()
    return window


def _record_activity(window: MainWindow, qtbot: QtBot, photos: tuple[Path, ...] = ()) -> None:
    """城关1村's themed Party day on Saturday 14 May 2022, with its attendance typed into the dialog, and
    the photos added through its file dialog (the first captioned)."""
    tab = window.activities_tab
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, ActivityDialog)
    type_text(dialog.pairings.search, "城关1村")
    dialog.pairings.refresh()
    dialog.pairings.list.item(0).setCheckState(Qt.CheckState.Checked)
    type_text(dialog.held_on, "2022-05-14")
    select_item(dialog.type, "主题党日")
    dialog.areas[Area.ORGANISATION].setFocus()
    QTest.keyClick(dialog.areas[Area.ORGANISATION], Qt.Key.Key_Space)
    retype(dialog.volunteers, "6")
    type_text(dialog.location, "城关1村党群服务中心")
    type_text(dialog.theme, "学习贯彻党的二十大精神")
    type_text(dialog.host, "王强")
    retype(dialog.attendance.expected, "15")
    retype(dialog.attendance.present, "14")
    dialog.attendance.absentees.setFocus()
    type_text(dialog.attendance.absentees, "李华：外出务工")
    if photos:
        photos_page(dialog)
        for shot in photos:
            seen = answer(QFileDialog, type_file_name(shot))
            qtbot.mouseClick(dialog.photos.add_button, Qt.MouseButton.LeftButton)
            assert seen == ["photoFileDialog"]
            settle(dialog, qtbot)
        select_photo(dialog, 0)
        type_text(dialog.photos.caption, "党员入户走访")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    else:
        dialog.host.setFocus()
        press_enter(dialog.host)
    assert not dialog.isVisible(), dialog.error.text()
    tab.wait()
    _back_to(window, qtbot)


def _back_to(window: MainWindow, qtbot: QtBot) -> None:
    """The desktop gives the window back its activation when a dialog closes (offscreen: asked for here)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _records(path: Path) -> list[dict[str, str]]:
    """Each activity record table of a Word ledger as label → value (the first column's label)."""
    document = docx.Document(str(path))
    return [
        {row.cells[0].text: row.cells[1].text for row in table.rows}
        for table in document.tables
        if table.rows[0].cells[0].text == "结对双方"
    ]


def test_a_new_ledger_to_its_word_ledger_by_the_shortcut(
    make_window: Callable[..., MainWindow], new_town: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    out = tmp_path / "城关镇 台账.docx"
    files = {FilePurpose.WORD: out}
    window = _window(make_window, new_town, files)
    shots = (
        write_jpeg(tmp_path / "手机 照片" / "走访.jpg", 1, taken="2022:05:14 09:30:00", orientation=6),
        write_jpeg(tmp_path / "手机 照片" / "学习.jpg", 2, taken="2022:05:14 15:00:00"),
        write_jpeg(tmp_path / "手机 照片" / "合影.jpg", 3, taken="2022:05:14 16:00:00"),
    )
    _record_activity(window, qtbot, shots)

    def save(dialog: WordLedgerDialog) -> None:
        assert dialog.whole.isChecked()
        # This year to the last month ended (April); May, the activity's month, is typed.
        assert (dialog.first.text(), dialog.last.text()) == ("2022年1月", "2022年4月")
        retype(dialog.last, "2022-05")
        dialog.resize(dialog.sizeHint())
        dialog.grab().save(str(tmp_path / "word-ledger-dialog.png"))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "已保存到" in dialog.message.text(), timeout=30000)
        assert "活动记录 1 份，照片 3 张" in dialog.message.text()
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    seen = answer(WordLedgerDialog, save)
    press(window, Qt.Key.Key_W, CTRL | SHIFT)
    assert seen == ["wordLedgerDialog"]
    (record,) = _records(out)
    assert record["结对双方"].startswith("城关1村党支部")
    assert record["主持人"] == "王强"
    assert record["应到人数"] == "15"
    assert record["缺席人员及原因"] == "1人：李华（外出务工）"
    assert record["补课情况"] == "未补课"
    document = docx.Document(str(out))
    roster = document.tables[0]
    assert len(roster.rows) == 1 + 2  # both pairings, active in the range
    grid = next(table for table in document.tables if table.rows[0].cells[0].text == "活动照片")
    assert [cell.text.strip() for cell in grid.rows[1].cells] == ["党员入户走访", "活动照片2"]
    assert len(document.inline_shapes) == 3
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []


def test_one_pairing_by_the_file_menus_access_key_with_the_offices_template(
    make_window: Callable[..., MainWindow], new_town: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    own = tmp_path / "本单位模板.docx"
    out = tmp_path / "城关2村.docx"
    files = {FilePurpose.WORD_TEMPLATE: own, FilePurpose.WORD: out}
    window = _window(make_window, new_town, files)

    # Tools ▸ Settings: a template with a field BranchDesk does not fill is named and not kept; the office's
    # own (the built-in one with its title changed) is.
    with zipfile.ZipFile(builtin_template()) as source, zipfile.ZipFile(own, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"{{ period }}", b"{{ periode }}")
            target.writestr(info, data)

    def choose(dialog: SettingsDialog) -> None:
        button = dialog.findChild(QPushButton, "chooseWordTemplate")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert "“periode”" in dialog.template_message.text()
        assert dialog.word_template is None
        fixed = io.BytesIO()
        with zipfile.ZipFile(builtin_template()) as source, zipfile.ZipFile(fixed, "w") as target:
            for info in source.infolist():
                data = source.read(info)
                if info.filename == "word/document.xml":
                    data = data.replace(b"{{ title }}", "城关镇{{ title }}".encode(), 1)
                target.writestr(info, data)
        own.write_bytes(fixed.getvalue())
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert dialog.word_template == own
        assert dialog.template.text() == str(own)
        dialog.grab().save(str(tmp_path / "settings.png"))
        buttons = dialog.findChild(QDialogButtonBox)
        qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    seen = answer(SettingsDialog, choose)
    press(window, Qt.Key.Key_T, ALT)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    QTest.keyClick(menu, Qt.Key.Key_S)
    assert seen == ["settingsDialog"]
    assert window.context.settings.word_template == own

    def one_pairing(dialog: WordLedgerDialog) -> None:
        qtbot.mouseClick(dialog.choose_pairing, Qt.MouseButton.LeftButton)
        picker = dialog.picker
        assert picker is not None
        type_text(picker.picker.search, "城关2村")
        picker.picker.refresh()
        picker.picker.list.item(0).setCheckState(Qt.CheckState.Checked)
        picker.accept()
        assert dialog.one.isChecked()
        assert dialog.pairing_label.text().startswith("城关2村党支部")
        assert dialog.template.text() == str(own)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "已保存到" in dialog.message.text(), timeout=30000)
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    seen = answer(WordLedgerDialog, one_pairing)
    _back_to(window, qtbot)
    press(window, Qt.Key.Key_F, ALT)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    QTest.keyClick(menu, Qt.Key.Key_W)
    assert seen == ["wordLedgerDialog"]
    document = docx.Document(str(out))
    assert "城关镇支部联建工作台账" in document.paragraphs[1].text  # the office's own title
    assert len(document.tables[0].rows) == 1 + 1  # that pairing alone
    assert "城关2村党支部" in document.tables[0].rows[1].cells[1].text


def test_a_blank_signin_sheet_from_the_activities_context_menu(
    make_window: Callable[..., MainWindow], new_town: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    out = tmp_path / "签到表.docx"
    window = _window(make_window, new_town, {FilePurpose.WORD: out})
    _record_activity(window, qtbot)
    table = window.activities_tab.table
    table.setFocus()
    table.selectRow(0)

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(10, choose)
            return
        QTest.keyClick(menu, Qt.Key.Key_S)

    QTimer.singleShot(0, choose)
    # A right-click on the row: the event the platform sends for it (QTest's clicks bypass that step).
    where = table.visualRect(table.model().index(0, 0)).center()
    QApplication.sendEvent(
        table.viewport(),
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, table.viewport().mapToGlobal(where)),
    )
    qtbot.waitUntil(out.exists, timeout=20000)
    document = docx.Document(str(out))
    head, sheet = document.tables
    assert head.rows[0].cells[1].text == "城关1村党支部 — 机关第1党支部"
    # No member counts in the roster: 30 lines to sign on.
    assert len(sheet.rows) == 1 + 30
    assert "签到表已保存到" in window.figures.file_label.text()
