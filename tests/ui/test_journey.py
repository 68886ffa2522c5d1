"""A township clerk's first hour, driven as a person drives the window: from File ▸ New in an empty folder to
the monthly report. Keys into fields, clicks on buttons, menus by their access keys and shortcuts, Enter and
Escape; after each step the rows in the ledger file are checked, and a screenshot of the step is saved at
1366×768 in Chinese (to $BRANCHDESK_SCREENSHOTS, or the test's own folder)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QListWidget,
    QMenu,
    QPushButton,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from branchdesk.domain.enums import Area
from branchdesk.ui.dialogs.activity import ActivityDialog
from branchdesk.ui.dialogs.branch import BranchDialog
from branchdesk.ui.dialogs.file_choice import FilePurpose
from branchdesk.ui.dialogs.import_wizard import ImportWizard
from branchdesk.ui.dialogs.new_ledger import NewLedgerDialog
from branchdesk.ui.dialogs.pairing import AssignPairingDialog
from branchdesk.ui.dialogs.region import RegionDialog
from branchdesk.ui.dialogs.report import ReportDialog
from branchdesk.ui.dialogs.unit import UnitDialog
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.tabs.chart import ChartTab
from tests.ui.conftest import Recorder
from tests.ui.driving import answer, file_rows, press, select_item, shown
from tests.ui.typing import retype, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


class Journey:
    """The window, the ledger file and the screenshots of one journey."""

    def __init__(self, window: MainWindow, ledger: Path, shots: Path, qtbot: QtBot) -> None:
        self.window = window
        self.ledger = ledger
        self.shots = shots
        self.qtbot = qtbot
        self.step = 0

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        return file_rows(self.ledger, sql)

    def shot(self, name: str, widget: QWidget | None = None) -> Path:
        """The window (or a dialog over it) as the clerk sees it now."""
        self.step += 1
        window = self.window
        if window.session is not None:  # the figures read off the UI thread have arrived
            self.qtbot.waitUntil(lambda: window.figures.coverage_label.text() != "", timeout=20000)
            window.activities_tab.wait()
        QApplication.processEvents()
        path = self.shots / f"{self.step:02d}-{name}.png"
        (widget or self.window).grab().save(str(path))
        return path

    def menu(self, title_key: Qt.Key, item_key: Qt.Key) -> None:
        """A menu item by its access keys: Alt+letter opens the menu, the item's letter chooses it."""
        press(self.window, title_key, ALT)
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu), "the menu did not open"
        QTest.keyClick(menu, item_key)

    def ok(self, dialog: QWidget) -> None:
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        self.qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def pick(items: QListWidget, name: str) -> None:
    """Click the list's item that names ``name``."""
    found = [items.item(row) for row in range(items.count()) if name in items.item(row).text()]
    assert found, [items.item(row).text() for row in range(items.count())]
    items.scrollToItem(found[0])
    QTest.mouseClick(items.viewport(), Qt.MouseButton.LeftButton, pos=items.visualItemRect(found[0]).center())


def next_page(wizard: ImportWizard) -> None:
    QTest.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def click_region(window: MainWindow, name: str) -> None:
    """Click a region's name in the tree."""
    view, model = window.regions.view, window.regions.model
    found = model.match(model.index(0, 0), Qt.ItemDataRole.DisplayRole, name, 1, Qt.MatchFlag.MatchRecursive)
    assert found, name
    view.scrollTo(found[0])
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(found[0]).center())
    assert window.regions.selected_name() == name


def test_a_clerks_first_hour_from_an_empty_folder_to_the_monthly_report(
    make_window: Callable[..., MainWindow], qtbot: QtBot, tmp_path: Path, recorder: Recorder
) -> None:
    folder = tmp_path / "我的文档"
    folder.mkdir()
    shots = Path(os.environ.get("BRANCHDESK_SCREENSHOTS") or tmp_path / "journey")
    shots.mkdir(parents=True, exist_ok=True)
    window = make_window("zh_CN")
    window.resize(1366, 768)
    shown(window)
    files: dict[FilePurpose, Path] = {}
    window.context.choose_file = lambda parent, purpose, suggested: files.get(purpose)
    journey = Journey(window, folder / "城关镇 支部联建台账.bdesk", shots, qtbot)
    journey.shot("welcome")

    # 1. File ▸ New (Ctrl+N): the file name, then what the ledger is for.
    recorder.next_new = journey.ledger

    def chain(dialog: NewLedgerDialog) -> None:
        type_text(dialog.county, "潢川县")
        QTest.keyClick(dialog.county, Qt.Key.Key_Tab)
        type_text(dialog.county_code, "411526")
        QTest.keyClick(dialog.county_code, Qt.Key.Key_Tab)
        type_text(dialog.townships, "城关镇 411526100")
        journey.shot("new-ledger", dialog)
        journey.ok(dialog)

    assert answer(NewLedgerDialog, chain) is not None
    press(window, Qt.Key.Key_N, CTRL)
    assert journey.rows("SELECT name, level, code FROM region ORDER BY id") == [
        ("信阳市", "city", "411500"),
        ("潢川县", "county", "411526"),
        ("城关镇", "township", "411526100"),
    ]
    assert window.regions.selected_name() == "城关镇"
    journey.shot("new-ledger-opened")

    # 2. Regions: a second township under the county, by the tree's shortcut.
    click_region(window, "潢川县")

    def township(dialog: RegionDialog) -> None:
        type_text(dialog.name, "春申街道")
        QTest.keyClick(dialog.name, Qt.Key.Key_Return)

    answer(RegionDialog, township)
    press(window, Qt.Key.Key_R, CTRL)
    assert journey.rows("SELECT name FROM region WHERE level = 'township' ORDER BY id") == [
        ("城关镇",),
        ("春申街道",),
    ]
    journey.shot("regions")

    # 3. Paste the villages copied from the township's Excel roster (Ctrl+V in the Branches table).
    roster = "\n".join(
        [
            "党支部名称\t类型\t乡镇（街道）\t等次\t书记\t联系电话\t党员人数\t成立时间",
            "东街村党支部\t农村\t城关镇\t差\t李明\t13800138000\t35\t2001-03-01",
            "西关村党支部\t农村\t城关镇\t中\t王芳\t0376-6221234\t28\t2005/7/1",
            "南湖社区党支部\t社区\t城关镇\t好\t赵强\t13900139000\t41\t2010年5月4日",
        ]
    )
    QApplication.clipboard().setText(roster)
    click_region(window, "城关镇")
    window.show_tab("branches")
    window.branches_tab.table.setFocus()
    press(window, Qt.Key.Key_V, CTRL)
    assert journey.rows("SELECT name, kind, tier, member_count, established_on FROM branch ORDER BY id") == [
        ("东街村党支部", "village", "weak", 35, "2001-03-01"),
        ("西关村党支部", "village", "average", 28, "2005-07-01"),
        ("南湖社区党支部", "community", "strong", 41, "2010-05-04"),
    ]
    journey.shot("pasted")

    # 4. Export the Branches view (the button beside the tabs), change it in Excel, import it back.
    view = folder / "城关镇党支部.xlsx"
    files[FilePurpose.VIEW] = view
    qtbot.mouseClick(window.exchange.view_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(view.exists)
    book = openpyxl.load_workbook(view)
    sheet = book.worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    phone = headers.index("联系电话") + 1
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "西关村党支部":
            row[phone - 1].value = "13700137000"  # the new secretary's mobile, typed in Excel
    added = {"党支部": "北街村党支部", "支部类型": "农村", "区域": "潢川县 / 城关镇", "档次": "中"}
    added |= {"书记": "孙磊", "联系电话": "13600136000", "党员数": 22}
    sheet.append([added.get(str(header)) for header in headers])  # by the view's column headers
    book.save(view)
    files[FilePurpose.IMPORT] = view

    def import_back(wizard: ImportWizard) -> None:
        browse = wizard.file_page.findChild(QPushButton, "importBrowse")
        assert browse is not None
        qtbot.mouseClick(browse, Qt.MouseButton.LeftButton)
        journey.shot("import-file", wizard)
        next_page(wizard)
        assert wizard.currentPage() is wizard.mapping_page
        journey.shot("import-mapping", wizard)
        next_page(wizard)
        check = wizard.check_page
        assert wizard.currentPage() is check
        qtbot.mouseClick(check.update_rows, Qt.MouseButton.LeftButton)
        journey.shot("import-check", wizard)
        next_page(wizard)
        assert wizard.currentPage() is wizard.done_page
        journey.shot("import-done", wizard)
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    answer(ImportWizard, import_back)
    journey.menu(Qt.Key.Key_F, Qt.Key.Key_I)
    assert journey.rows("SELECT name, phone FROM branch ORDER BY id") == [
        ("东街村党支部", "13800138000"),
        ("西关村党支部", "13700137000"),
        ("南湖社区党支部", "13900139000"),
        ("北街村党支部", "13600136000"),
    ]
    journey.shot("imported")

    # 5. An organ branch by the dialog (Ctrl+Shift+N in the Branches table), with a new unit; a date
    # that cannot be is refused beside its field, then typed as clerks type it.
    click_region(window, "潢川县")
    qtbot.mouseClick(window.branches_tab.table.viewport(), Qt.MouseButton.LeftButton)

    def new_unit(dialog: UnitDialog) -> None:
        type_text(dialog.name, "潢川县财政局")
        journey.ok(dialog)

    def organ(dialog: BranchDialog) -> None:
        type_text(dialog.name, "潢川县财政局机关党支部")
        select_item(dialog.kind, "机关")
        answer(UnitDialog, new_unit)
        qtbot.mouseClick(dialog.add_unit, Qt.MouseButton.LeftButton)
        select_item(dialog.tier, "好")
        type_text(dialog.secretary, "周敏")
        type_text(dialog.phone, "0376-3912345")
        type_text(dialog.members, "18")
        retype(dialog.established, "2023-02-30")
        journey.ok(dialog)
        assert dialog.isVisible()
        assert "2023-02-30" in dialog.problem_texts()["established_on"]
        journey.shot("branch-dialog-refused", dialog)
        retype(dialog.established, "2020年5月1日")
        retype(dialog.optimised, "2022/4/10")
        journey.shot("branch-dialog", dialog)
        journey.ok(dialog)

    answer(BranchDialog, organ)
    press(window, Qt.Key.Key_N, CTRL | SHIFT)
    assert journey.rows(
        "SELECT b.name, b.kind, u.name, b.tier, b.established_on, b.optimised_on"
        " FROM branch b JOIN unit u ON u.id = b.unit_id"
    ) == [("潢川县财政局机关党支部", "organ", "潢川县财政局", "strong", "2020-05-01", "2022-04-10")]
    journey.shot("branch-added")

    # 6. Pair it with a village: Pairing ▸ Pair two branches (Alt+P, P).
    def pair(dialog: AssignPairingDialog) -> None:
        type_text(dialog.organ.search, "财政")
        dialog.organ.refresh()
        pick(dialog.organ.list, "潢川县财政局机关党支部")
        type_text(dialog.grassroots.search, "东街")
        dialog.grassroots.refresh()
        pick(dialog.grassroots.list, "东街村党支部")
        retype(dialog.started, "2022-04-12")
        journey.shot("pair-dialog", dialog)
        journey.ok(dialog)

    answer(AssignPairingDialog, pair)
    journey.menu(Qt.Key.Key_P, Qt.Key.Key_P)
    assert journey.rows(
        "SELECT o.name, g.name, p.started_on, p.method FROM pairing p"
        " JOIN branch o ON o.id = p.organ_id JOIN branch g ON g.id = p.grassroots_id"
    ) == [("潢川县财政局机关党支部", "东街村党支部", "2022-04-12", "assigned")]
    journey.shot("paired")

    # 7. Record the pair's themed Party day in April (the Activities tab's button).
    window.show_tab("activities")

    def themed_day(dialog: ActivityDialog) -> None:
        pick(dialog.pairings.list, "潢川县财政局机关党支部")
        QTest.keyClick(dialog.pairings.list, Qt.Key.Key_Space)  # tick it
        retype(dialog.held_on, "2022.4.16")
        select_item(dialog.type, "主题党日")
        area = dialog.areas[Area.ORGANISATION]
        qtbot.mouseClick(area, Qt.MouseButton.LeftButton, pos=QPoint(6, area.height() // 2))  # its box
        retype(dialog.volunteers, "12")
        type_text(dialog.location, "东街村党群服务中心")
        journey.shot("activity-dialog", dialog)
        journey.ok(dialog)

    qtbot.mouseClick(window.activities_tab.record_button, Qt.MouseButton.LeftButton)
    dialog = window.activities_tab.dialog  # opened window-modal, not run to its end by exec()
    assert isinstance(dialog, ActivityDialog)
    themed_day(dialog)
    qtbot.waitUntil(lambda: bool(journey.rows("SELECT id FROM activity")))
    assert journey.rows("SELECT held_on, type, volunteers, location FROM activity") == [
        ("2022-04-16", "themed_day", 12, "东街村党群服务中心")
    ]
    journey.shot("activity-recorded")

    # 8. The charts of the county, and its figures in the status bar: one of its four grassroots branches
    # and its one organ branch paired.
    click_region(window, "潢川县")
    qtbot.waitUntil(lambda: window.figures.coverage_label.text() != "")
    assert "基层覆盖率 25.00%" in window.figures.coverage_label.text()
    assert "机关覆盖率 100.00%" in window.figures.coverage_label.text()
    for tab in ("coverage", "activity-frequency"):
        chart = window.show_tab(tab)
        assert isinstance(chart, ChartTab)
        qtbot.waitUntil(chart.has_chart, timeout=20000)
        journey.shot(f"chart-{tab}")

    # 9. The monthly report for April as PDF: File ▸ Monthly report (Alt+F, M), Save as PDF.
    report = folder / "2022年4月 月报.pdf"
    files[FilePurpose.REPORT] = report

    def save_report(dialog: ReportDialog) -> None:
        journey.shot("report-dialog", dialog)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(report.exists, timeout=30000)
        journey.shot("report-saved", dialog)
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    answer(ReportDialog, save_report)
    journey.menu(Qt.Key.Key_F, Qt.Key.Key_M)
    assert report.read_bytes().startswith(b"%PDF")
