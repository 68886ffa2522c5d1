"""History in words: after real actions, Ctrl+H and Edit ▸ Ledger history show one line per action, every
action, field and value by its Chinese name — a draw with its number of pairs, an activity with its date
and pairing, a new ledger's holiday calendar as one line."""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from branchdesk.domain.activities import ActivityDraft
from branchdesk.domain.changes import OperationEntry
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import ActivityType, Area, RegionLevel
from branchdesk.domain.listing import BranchColumn
from branchdesk.services import activities, draws, pairings, regions
from branchdesk.services import history as history_service
from branchdesk.services.ledgers import create_ledger
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.schema import UNLOGGED_TABLES
from branchdesk.ui import tool_dialogs as tool_dialogs_module
from branchdesk.ui.action_names import ACTION_NAMES
from branchdesk.ui.dialogs.bulk_edit import BulkEditDialog
from branchdesk.ui.dialogs.history import HistoryDialog
from branchdesk.ui.history_text import COUNTS, FIELDS
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.models.branches import COLUMNS
from tests.builders import LedgerBuilder
from tests.ui.driving import answer
from tests.ui.test_branch_editing import open_window

SCREENSHOTS = os.environ.get("BRANCHDESK_SCREENSHOTS")
# Codes, column names and stored values that must never reach the user.
RAW = re.compile(
    r"\b[a-z]+[._][a-z_]+\b|\b(?:organisation|weak|strong|average|village|themed_day|assigned)\b"
)


@pytest.fixture
def county(tmp_path: Path, clock: FixedClock) -> Path:
    """A new ledger (its holiday calendar loaded as it is made), then a county's roster, a pairing by hand
    with an activity, and a draw, each through the services as the window calls them."""
    path = tmp_path / "潢川县 台账.bdesk"
    with create_ledger(path, clock) as ledger:
        build = LedgerBuilder(ledger)
        city = build.region("信阳市", RegionLevel.CITY, code="411500")
        regions.add_region(ledger, "潢川县", city, "411526")
        county = ledger.scalar("SELECT id FROM region WHERE name = '潢川县'")
        regions.add_region(ledger, "仁和镇", county)
        township = ledger.scalar("SELECT id FROM region WHERE name = '仁和镇'")
        unit = build.unit("潢川县财政局", county)
        organs = build.organs(unit, county, 4)
        villages = build.villages(township, 4)
        pairings.assign_pairing(ledger, organs[0], villages[0], dt.date(2022, 4, 10))
        pairing = ledger.scalar("SELECT id FROM pairing")
        draft = ActivityDraft(
            dt.date(2022, 5, 14), ActivityType.THEMED_DAY, frozenset({Area.ORGANISATION}), 5
        )
        activities.record_activities(ledger, [pairing], draft)
        draws.commit_draw(ledger, draws.preview_draw(ledger, county, "2022-05-01"), dt.date(2022, 5, 1))
    return path


def _history_rows(open_it: Callable[[], None], shot: str) -> list[list[str]]:
    seen: list[list[list[str]]] = []

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, HistoryDialog)
        assert dialog.wait()  # read on the job runner
        seen.append(dialog.rows())
        if SCREENSHOTS:
            dialog.resize(1366, 768)
            dialog.grab().save(str(Path(SCREENSHOTS) / f"{shot}.png"))
        dialog.reject()

    answer(HistoryDialog, read)
    open_it()
    assert len(seen) == 1
    return seen[0]


def _activate(window: MainWindow, qtbot: object) -> None:
    """Keyboard shortcuts go to the active window (the offscreen platform does not hand it back when a
    dialog closes)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # type: ignore[attr-defined]


def _click_row(window: MainWindow, qtbot: object, name: str) -> None:
    table = window.branches_tab.table
    model = window.branches_tab.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).name == name)
    rect = table.visualRect(model.index(row, COLUMNS.index(BranchColumn.NAME)))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[attr-defined]


def test_branch_and_ledger_history_read_in_chinese(
    make_window: Callable[..., MainWindow], county: Path, qtbot: object
) -> None:
    window = open_window(make_window, county)
    _activate(window, qtbot)
    _click_row(window, qtbot, "村2村党支部")

    # Ctrl+B: tick the tier, move to 中 in its list with the keyboard, Enter.
    def bulk(dialog: QWidget) -> None:
        assert isinstance(dialog, BulkEditDialog)
        tick = dialog.findChild(QCheckBox, "setTier")
        tier = dialog.findChild(QComboBox, "bulkTier")
        assert tick is not None
        assert tier is not None
        qtbot.mouseClick(tick, Qt.MouseButton.LeftButton, pos=QPoint(5, tick.height() // 2))  # type: ignore[attr-defined]
        for key in (Qt.Key.Key_End, Qt.Key.Key_Up, Qt.Key.Key_Up):  # 未定档次, 差, 中
            qtbot.keyClick(tier, key)  # type: ignore[attr-defined]
        qtbot.keyClick(tier, Qt.Key.Key_Return)  # type: ignore[attr-defined]

    answer(BulkEditDialog, bulk)
    qtbot.keyClick(window.branches_tab.table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    with Ledger.open(county, FixedClock.on("2022-05-19"), read_only=True) as ledger:
        assert ledger.scalar("SELECT tier FROM branch WHERE name = '村2村党支部'") == "average"
        pairs = ledger.scalar("SELECT count(*) FROM pairing WHERE method = 'draw'")
    assert pairs == 3

    # Ctrl+H on the branch: its changes, newest first, the tier by its name.
    _activate(window, qtbot)
    _click_row(window, qtbot, "村2村党支部")
    qtbot.waitUntil(window.branches_tab.branch_actions.history.isEnabled)  # type: ignore[attr-defined]
    branch = _history_rows(
        lambda: qtbot.keyClick(  # type: ignore[attr-defined]
            window.branches_tab.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier
        ),
        "history-branch",
    )
    assert branch[0][1:] == ["批量修改党支部", "村2村党支部", "档次：差 → 中"]

    # Edit ▸ Ledger history: one line per action.
    ledger_rows = _history_rows(window.menus.ledger_history_action.trigger, "history-ledger")
    by_action = {row[1]: row[2:] for row in ledger_rows}
    assert by_action["确认抽签结果"] == ["潢川县，随机种子 2022-05-01", f"新增结对 {pairs} 对"]
    assert by_action["登记活动"] == [
        "2022年5月14日 机关第1党支部—村1村党支部",
        "新增；活动类型：主题党日；党员志愿者人次：5；六共领域：+组织共建",
    ]
    assert by_action["结对"][0] == "机关第1党支部—村1村党支部"
    assert "结对方式：指定" in by_action["结对"][1]
    assert "结对日期：2022年4月10日" in by_action["结对"][1]
    lines = [row[1:] for row in ledger_rows]
    assert ["添加区域", "仁和镇", "新增；级别：乡镇；上级区域：潢川县"] in lines
    assert ["添加区域", "潢川县", "新增；级别：县（区）；上级区域：信阳市；区划代码：411526"] in lines
    seeding = [row for row in ledger_rows if row[1] == "新建台账"]  # the calendar came with the new file
    assert len(seeding) == 1
    assert re.fullmatch(r"新增节假日安排 [\d,]+ 天", seeding[0][2])
    assert re.fullmatch(r"\d{4}年—\d{4}年", seeding[0][3])
    for row in ledger_rows:
        assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d", row[0])
        if not row[1].startswith("test."):  # the test's own setup steps
            assert RAW.search(" ".join(row)) is None, row


def test_every_action_field_and_table_has_a_name(ledger: Ledger) -> None:
    """Every action a service logs, every column of every logged table and every table has its words, so
    nothing in History falls back to a code."""
    logged = set()
    for source in (Path(__file__).resolve().parents[2] / "branchdesk").rglob("*.py"):
        logged |= set(re.findall(r'\.operation\(\s*"([\w.]+)"', source.read_text(encoding="utf-8")))
    assert logged - set(ACTION_NAMES) == set()
    tables = {row["name"] for row in ledger.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    tables -= {"operation", "change_log", "meta", *UNLOGGED_TABLES}  # never in History
    assert tables - set(COUNTS) - {"activity_area"} == set()
    unnamed = [
        (table, column["name"])
        for table in tables
        for column in ledger.query(f"SELECT name FROM pragma_table_info('{table}')")
        # name_key: the name's sort key, never shown as a change (domain/changes.py _BOOKKEEPING)
        if column["name"] not in ("id", "uuid", "created_at", "updated_at", "activity_id", "name_key")
        and (table, column["name"]) not in FIELDS
        and column["name"] not in FIELDS
    ]
    assert unnamed == []


def test_ledger_history_shows_at_once_and_reads_its_lines_off_the_ui_thread(
    make_window: Callable[..., MainWindow],
    county: Path,
    qtbot: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(make_window, county)
    release = threading.Event()
    threads: list[bool] = []  # per read: on the UI (main) thread?

    def held(ledger: Ledger, limit: int = 1000) -> list[OperationEntry]:
        threads.append(threading.current_thread() is threading.main_thread())
        assert release.wait(10)
        return history_service.ledger_actions(ledger, limit)

    monkeypatch.setattr(tool_dialogs_module, "ledger_actions", held)
    seen: list[tuple[str, bool, int]] = []

    def state(dialog: HistoryDialog) -> tuple[str, bool, int]:
        """The status line (if shown), the busy bar shown, the lines."""
        status = dialog.status.text() if dialog.status.isVisible() else ""
        return status, dialog.busy.isVisible(), dialog.model.rowCount()

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, HistoryDialog)
        seen.append(state(dialog))
        release.set()
        assert dialog.wait()
        seen.append(state(dialog))
        widths = [dialog.table.columnWidth(column) for column in range(4)]
        assert all(width > 0 for width in widths)
        assert sum(widths) <= dialog.table.viewport().width() + 2, "every column shows without scrolling"
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # type: ignore[attr-defined]

    answer(HistoryDialog, look)
    _activate(window, qtbot)
    # Edit (Alt+E), then Ledger history (H), as a clerk would from the keyboard.
    qtbot.keyClick(window.menuBar(), Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # type: ignore[attr-defined]
    qtbot.waitUntil(window.menus.edit_menu.isVisible)  # type: ignore[attr-defined]
    qtbot.keyClick(window.menus.edit_menu, Qt.Key.Key_H)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: len(seen) == 2)  # type: ignore[attr-defined]
    assert seen[0] == ("正在读取修改记录……", True, 0), "the dialog shows before its lines are read"
    assert threads == [False]
    status, busy, rows = seen[1]
    assert (status, busy) == ("", False)
    assert rows > 5
