"""The Work teams tab driven as a clerk drives it, from a new ledger in an empty folder: send a team in the
dialog (keys into its fields, clicks on its buttons), type a month's days on the grid, see the shortfall,
save with Ctrl+S (one undo step), paste from Excel (a wrong paste refused whole), print the record sheet;
after each step the rows in the file. Screenshots at 1366×768 in Chinese (to $BRANCHDESK_SCREENSHOTS)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind, RegionLevel, Tier, UnitLevel
from branchdesk.services.ledgers import create_ledger
from branchdesk.ui.dialogs.team import TeamDialog
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.tabs.teams import TeamsTab
from tests.builders import LedgerBuilder
from tests.ui.driving import answer, file_rows, press, shown
from tests.ui.typing import type_text

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock.on("2022-06-03")


@pytest.fixture
def village_ledger(tmp_path: Path, clock: FixedClock) -> Path:
    """A new ledger in an empty folder: 潢川县/城关镇 with 城关1村 paired with an organ of 潢川县财政局."""
    folder = tmp_path / "空文件夹"
    folder.mkdir()
    path = folder / "城关镇 台账.bdesk"
    with create_ledger(path, clock) as ledger:
        build = LedgerBuilder(ledger)
        city = build.region("信阳市", RegionLevel.CITY)
        county = build.region("潢川县", RegionLevel.COUNTY, city)
        town = build.region("城关镇", RegionLevel.TOWNSHIP, county)
        unit = build.unit("潢川县财政局", county, UnitLevel.COUNTY)
        organ = build.organs(unit, county, 1)[0]
        village = build.branch("城关1村党支部", BranchKind.VILLAGE, town, tier=Tier.WEAK)
        build.pair(organ, village, "2022-04-10")
    return path


def _teams_tab(window: MainWindow) -> TeamsTab:
    window.show_tab("teams")
    tab = window.tabs.tab("teams")
    assert isinstance(tab, TeamsTab)
    return tab


def _open_teams(
    make_window: Callable[..., MainWindow], path: Path, qtbot: QtBot
) -> tuple[MainWindow, TeamsTab]:
    """The ledger open in the window at 1366×768, in Chinese, on the Work teams tab, its grid read."""
    window = make_window("zh_CN")
    window.resize(1366, 768)
    assert window.open_path(path)
    shown(window)
    window.settle()
    tab = _teams_tab(window)
    qtbot.waitUntil(lambda: not tab.busy())
    return window, tab


def _shot(widget: object, shots: Path, name: str) -> None:
    QApplication.processEvents()
    widget.grab().save(str(shots / f"teams-{name}.png"))  # type: ignore[attr-defined]


def test_a_clerk_sends_a_team_types_a_month_and_prints_the_sheet(
    make_window: Callable[..., MainWindow],
    village_ledger: Path,
    qtbot: QtBot,
    tmp_path: Path,
    qtmodeltester: object,
) -> None:
    shots = Path(os.environ.get("BRANCHDESK_SCREENSHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    window, tab = _open_teams(make_window, village_ledger, qtbot)

    # 1. Send a work team: three members typed in, the unit taken from the village's pairing.
    def fill(dialog: TeamDialog) -> None:
        assert dialog.unit.currentText() == "潢川县财政局"
        QTest.keyClick(dialog.start, Qt.Key.Key_A, CTRL)
        type_text(dialog.start, "2022-05-01")
        QTest.keyClick(dialog.start, Qt.Key.Key_Tab)
        for name, phone, role in (
            ("张明", "13800000001", 0),
            ("李芳", "138 0000 0002", 1),
            ("王伟", "13800000003", 2),
        ):
            type_text(dialog.name, name)
            type_text(dialog.phone, phone)
            dialog.role.setFocus()
            QTest.keyClick(dialog.role, Qt.Key.Key_Home)
            for _ in range(role):
                QTest.keyClick(dialog.role, Qt.Key.Key_Down)
            QTest.keyClick(dialog.member_from, Qt.Key.Key_A, CTRL)
            type_text(dialog.member_from, "2022-05-01")
            qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        # The same number again: one person is on one team at a time.
        type_text(dialog.name, "张明明")
        type_text(dialog.phone, "13800000001")
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        assert "同一时间只能在一个工作队" in dialog.problem.text()
        dialog.name.clear()
        dialog.phone.clear()
        _shot(dialog, shots, "dialog")
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    seen = answer(TeamDialog, fill)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    assert seen == ["teamDialog"]
    assert file_rows(village_ledger, "SELECT name, phone, role, from_on FROM team_member ORDER BY id") == [
        ("张明", "13800000001", "leader", "2022-05-01"),
        ("李芳", "13800000002", "first_secretary", "2022-05-01"),
        ("王伟", "13800000003", "member", "2022-05-01"),
    ]
    assert file_rows(village_ledger, "SELECT u.name FROM work_team t JOIN unit u ON u.id = t.unit_id") == [
        ("潢川县财政局",)
    ]

    # 2. May 2022 on the grid: 张明 in the village every day but a leave and two days of business.
    QTest.keyClick(tab.month, Qt.Key.Key_A, CTRL)
    type_text(tab.month, "2022-05")
    QTest.keyClick(tab.month, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.model.month.month == 5 and len(tab.model.rows) == 3)
    qtbot.waitUntil(lambda: not tab.busy())
    assert [row.name for row in tab.model.rows] == ["张明", "李芳", "王伟"]
    qtmodeltester.check(tab.model, force_py=True)  # type: ignore[attr-defined]
    first = tab.model.index(0, 3)  # 张明, 1 May
    tab.table.setFocus()
    tab.table.setCurrentIndex(first)
    type_text(tab.table, "在" * 12 + "假" + "PPPPPPPPPPPPBB" + "aaaa")
    assert tab.model.index(0, 3 + 12).data() == "假"
    assert tab.model.counted(0) == 26
    # 李芳: 15 days; she stands out as below the rule before anything is saved.
    tab.table.setCurrentIndex(tab.model.index(1, 3))
    QTest.keyClicks(tab.table, "P" * 15)
    assert tab.model.shortfall(1) == 5
    assert tab.model.data(tab.model.index(1, 1), Qt.ItemDataRole.ForegroundRole) is not None
    assert "2 人" in tab.summary.text()
    assert "尚未保存" in tab.summary.text()
    # A letter that is no mark changes nothing, and says why.
    QTest.keyClicks(tab.table, "x")
    assert tab.model.counted(1) == 15
    assert "“x”不是出勤标记" in tab.problem.text()
    _shot(window, shots, "typed")
    assert file_rows(village_ledger, "SELECT count(*) FROM team_days") == [(0,)]

    # 3. Ctrl+S saves the month as one action.
    press(window, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not tab.model.changed_months())
    assert file_rows(
        village_ledger,
        "SELECT m.name, d.marks, d.present, d.leave, d.business, d.absent FROM team_days d"
        " JOIN team_member m ON m.id = d.member_id ORDER BY m.id",
    ) == [
        ("张明", "PPPPPPPPPPPPLPPPPPPPPPPPPBBAAAA", 24, 1, 2, 4),
        ("李芳", "P" * 15 + "-" * 16, 15, 0, 0, 0),
    ]
    assert file_rows(
        village_ledger,
        "SELECT count(DISTINCT operation_id) FROM change_log WHERE entity = 'team_days'",
    ) == [(1,)]
    qtbot.waitUntil(lambda: not tab.busy())
    assert "未达每月 20 天要求 2 人" in tab.summary.text()  # 李芳 short by 5, 王伟 with no days at all

    # 4. A paste from Excel: 王伟's first week; one with too many columns is refused whole.
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(2, 3 + 28))  # 29 May
    QGuiApplication.clipboard().setText("在\t在\t在\t在\n")
    QTest.keyClick(tab.table, Qt.Key.Key_V, CTRL)
    assert "从 29 日起本月只剩 3 天" in tab.problem.text()
    assert not tab.model.changed_months()
    tab.table.setCurrentIndex(tab.model.index(2, 3))
    QGuiApplication.clipboard().setText("在\t在\t公\t假 病假\t在\r\n")
    QTest.keyClick(tab.table, Qt.Key.Key_V, CTRL)
    assert tab.model.counted(2) == 4
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.model.changed_months())
    assert file_rows(village_ledger, "SELECT marks, reasons FROM team_days WHERE member_id = 3") == [
        ("PPBLP" + "-" * 26, '{"4": "病假"}')
    ]
    # Edit ▸ Undo takes the paste back, and only it.
    press(window, Qt.Key.Key_Z, CTRL)
    assert file_rows(village_ledger, "SELECT count(*) FROM team_days WHERE member_id = 3") == [(0,)]
    assert file_rows(village_ledger, "SELECT count(*) FROM team_days") == [(2,)]

    # 5. The record sheet of the team, as PDF.
    qtbot.waitUntil(lambda: not tab.busy())
    sheet = tmp_path / "纪实登记表.pdf"
    tab.choose_sheet_path = lambda parent, name: sheet
    tab.table.setCurrentIndex(tab.model.index(1, 0))
    qtbot.mouseClick(tab.sheet_button, Qt.MouseButton.LeftButton)
    assert sheet.read_bytes().startswith(b"%PDF")
    assert "纪实登记表" in tab.summary.text()
    _shot(window, shots, "saved")


def test_a_new_ledger_without_regions_shows_the_rule_it_keeps(
    make_window: Callable[..., MainWindow], tmp_path: Path, qtbot: QtBot, clock: FixedClock
) -> None:
    """A new ledger in an empty folder, no region yet: the rule's field reads the ledger's 20 days (it
    read 1, its lowest, and leaving it by Enter would have made 1 day the rule) and the grid's titles are
    whole. Changed by keys, the rule is in the file."""
    folder = tmp_path / "空文件夹"
    folder.mkdir()
    path = folder / "新台账.bdesk"
    create_ledger(path, clock).close()
    window, tab = _open_teams(make_window, path, qtbot)
    assert tab.rule.value() == 20
    header = tab.table.horizontalHeader()
    metrics = tab.table.fontMetrics()
    for column in range(3):
        title = str(tab.model.headerData(column, Qt.Orientation.Horizontal))
        assert header.sectionSize(column) > metrics.horizontalAdvance(title), title

    tab.rule.setFocus()
    QTest.keyClick(tab.rule, Qt.Key.Key_Return)  # left as it is: nothing written
    window.jobs.wait()
    assert file_rows(path, "SELECT value FROM setting WHERE key = 'teams.min_days'") == []
    QTest.keyClick(tab.rule, Qt.Key.Key_A, CTRL)
    type_text(tab.rule, "18")
    QTest.keyClick(tab.rule, Qt.Key.Key_Return)
    window.jobs.wait()
    assert file_rows(path, "SELECT value FROM setting WHERE key = 'teams.min_days'") == [("18",)]


def test_a_member_typed_and_enter_is_on_the_team_saved(
    make_window: Callable[..., MainWindow], village_ledger: Path, qtbot: QtBot
) -> None:
    """Send a work team…: one member added with Add member, the second typed and Enter (the dialog's OK).
    The team was saved without the second member, dropped unsaid (found walking the dialog by keys); the
    typed member is added before saving, and one refused keeps the dialog open with the reason."""
    window = make_window("zh_CN")
    assert window.open_path(village_ledger)
    shown(window)
    window.settle()
    tab = _teams_tab(window)
    qtbot.waitUntil(lambda: not tab.busy())
    seen: list[str] = []

    def fill(dialog: TeamDialog) -> None:
        type_text(dialog.name, "张明")
        type_text(dialog.phone, "13800000001")
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        dialog.name.setFocus()
        type_text(dialog.name, "李芳")
        type_text(dialog.phone, "1380000000")  # a digit short: refused, the dialog stays
        QTest.keyClick(dialog.phone, Qt.Key.Key_Return)
        seen.append(dialog.problem.text())
        assert dialog.isVisible()
        type_text(dialog.phone, "2")
        QTest.keyClick(dialog.phone, Qt.Key.Key_Return)

    answer(TeamDialog, fill)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1
    assert "电话" in seen[0], seen
    assert file_rows(village_ledger, "SELECT name, phone FROM team_member ORDER BY id") == [
        ("张明", "13800000001"),
        ("李芳", "13800000002"),
    ]
