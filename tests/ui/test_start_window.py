"""Starting on a ledger (issue 16): the window paints first, with the ledger's name and that it is being
opened, and reads the file after; a file that cannot be opened is refused in Chinese and leaves the welcome
page, never a window waiting for a ledger that does not come. Driven through app.py's start, as
``branchdesk LEDGER`` runs."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from branchdesk.app import run
from branchdesk.domain.clock import FixedClock
from branchdesk.storage.schema import SCHEMA_VERSION
from branchdesk.ui import ledger_safety
from branchdesk.ui.main_window import MainWindow

GIVE_UP_MS = 30_000


@dataclass
class Seen:
    """What the window showed at each moment of its start."""

    first_paint: dict[str, object] = field(default_factory=dict)
    ready: dict[str, object] = field(default_factory=dict)
    errors: list[tuple[str, dict[str, object]]] = field(default_factory=list)


def the_window() -> MainWindow | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)


def state(window: MainWindow) -> dict[str, object]:
    opening = window.side.currentWidget() is window.opening_label
    page = window.pages.currentWidget()
    return {
        "title": window.windowTitle(),
        "page": page.objectName() if page is not None else None,
        "opening": window.opening_label.text() if opening and window.opening_label.isVisible() else None,
        "menus": [action.text() for action in window.menuBar().actions()],
        "tabs": [window.tabs.tabText(i) for i in range(window.tabs.count())],
        "assembled": window.assembled,
        "session": window.session is not None,
    }


class FirstPaint(QObject):
    """Records the main window as it is first painted."""

    def __init__(self, seen: Seen) -> None:
        super().__init__()
        self.seen = seen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, MainWindow)
            and not self.seen.first_paint
        ):
            self.seen.first_paint = state(watched)
        return False


def start(
    argv: list[str],
    tmp_path: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    until: Callable[[MainWindow, Seen], bool],
) -> Seen:
    """``branchdesk ARGV`` until ``until`` holds (checked every few milliseconds), then quit."""
    seen = Seen()

    def message_box(parent: QWidget, text: str) -> None:
        window = the_window()
        seen.errors.append((text, state(window) if window is not None else {}))

    monkeypatch.setattr("branchdesk.app.message_box_error", message_box)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # The application's event loop, as run() starts it, in a loop of its own: QApplication.quit() would
    # leave every later event loop of the test session ending at once (qtbot's waits among them).
    loop = QEventLoop()
    monkeypatch.setattr(app, "exec", loop.exec)
    painted = FirstPaint(seen)
    app.installEventFilter(painted)
    waited = 0

    def poll() -> None:
        nonlocal waited
        window = the_window()
        running = QThread.currentThread().loopLevel() > 0  # not the first paint's turns (app.paint_first)
        if running and (waited > GIVE_UP_MS or (window is not None and until(window, seen))):
            loop.quit()
            return
        waited += 5
        QTimer.singleShot(5, poll)

    QTimer.singleShot(0, poll)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    try:
        assert run(argv, clock=clock, settings=settings, data_folder=tmp_path / "data") == 0
    finally:
        app.removeEventFilter(painted)
    assert waited <= GIVE_UP_MS, "the window never got there"
    return seen


def test_a_ledger_named_to_start_with_shows_its_name_then_its_rows(
    villages: Path, tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Quick-checked as a large file is: while it shows, on the job runner.
    monkeypatch.setattr(ledger_safety, "QUICK_CHECK_AT_ONCE_BYTES", 0)

    def until(window: MainWindow, seen: Seen) -> bool:
        if not window.first_screen_shown():
            return False
        seen.ready = state(window) | {
            "rows": window.branches_tab.model.total,
            "regions": window.regions.model.rowCount(),
            "add branch": window.branches_tab.branch_actions.add.isEnabled(),
        }
        return True

    seen = start([str(villages)], tmp_path, clock, monkeypatch, until)
    title = f"{villages.name} — 支部联建台账 BranchDesk"
    assert seen.first_paint == {
        "title": title,
        "page": "ledgerPage",  # the region side and the tabs
        "opening": '<p align="center">正在打开台账…</p>',
        "menus": ["文件(&F)", "编辑(&E)", "党支部(&B)", "结对(&P)", "工具(&T)", "帮助(&H)"],
        "tabs": ["党支部", "结对", "活动", "清单", "覆盖率", "活动频次", "驻村工作队"],
        "assembled": False,
        "session": False,
    }
    assert seen.ready["title"] == title
    assert seen.ready["opening"] is None
    assert seen.ready["session"] is True
    assert seen.ready["rows"] == 300
    assert seen.ready["regions"] == 1
    assert seen.ready["add branch"] is True
    assert seen.errors == []


def test_a_newer_ledger_named_to_start_with_is_refused_in_chinese_on_the_welcome_page(
    villages: Path, tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    newer = tmp_path / "新版 台账.bdesk"
    newer.write_bytes(villages.read_bytes())
    with contextlib.closing(sqlite3.connect(newer)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = newer.read_bytes()
    seen = start([str(newer)], tmp_path, clock, monkeypatch, lambda window, seen: bool(seen.errors))
    assert seen.first_paint["title"] == f"{newer.name} — 支部联建台账 BranchDesk"
    assert seen.first_paint["opening"] == '<p align="center">正在打开台账…</p>'
    [(text, behind)] = seen.errors
    assert text == (
        f"{newer} 由更新版本的支部联建台账保存（台账版本 {SCHEMA_VERSION + 1}，本程序最高支持版本 "
        f"{SCHEMA_VERSION}）。请升级本程序。文件未作任何改动。"
    )
    assert behind["session"] is False
    assert newer.read_bytes() == before


def test_after_a_refusal_the_welcome_page_shows_and_takes_the_keyboard(
    villages: Path, tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, qtbot: object
) -> None:
    missing = tmp_path / "不见了.bdesk"
    after: dict[str, object] = {}

    def until(window: MainWindow, seen: Seen) -> bool:
        if not seen.errors:
            return False
        after.update(state(window))
        # What a person does next: Ctrl+Z finds nothing to undo, and the welcome page's buttons answer.
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
        after["undo"] = window.edits.undo_action.isEnabled()
        after["open button"] = window.welcome.open_button.isVisible()
        return True

    seen = start([str(missing)], tmp_path, clock, monkeypatch, until)
    assert [text for text, _ in seen.errors] == [f"台账文件 {missing} 不存在。"]
    assert after["title"] == "支部联建台账 BranchDesk"
    assert after["page"] == "welcome"
    assert after["session"] is False
    assert after["undo"] is False
    assert after["open button"] is True


def test_with_no_ledger_the_window_starts_on_the_welcome_page(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = start([], tmp_path, clock, monkeypatch, lambda window, seen: bool(seen.first_paint))
    assert seen.first_paint["page"] == "welcome"
    assert seen.first_paint["title"] == "支部联建台账 BranchDesk"
    assert seen.first_paint["assembled"] is True


# The benchmark's start, in its own process: what is loaded at the first paint, and both moments reported.
AT_FIRST_PAINT = """
import sys
import branchdesk.app as app
from PySide6 import QtCore

paint_first = app.paint_first

def watched(window):
    paint_first(window)
    loaded = [name for name in sys.modules if name.startswith(("branchdesk", "sqlite", "PySide6.QtNetwork"))]
    print("loaded=" + ",".join(loaded))
    print("qt_namespace=" + str("Qt" in QtCore.__dict__))
    print("title=" + window.windowTitle())

app.paint_first = watched
sys.exit(app.run(sys.argv[1:]))
"""

NOT_AT_FIRST_PAINT = (
    "branchdesk.storage.ledger",  # and so sqlite3: the file is opened after the first paint
    "branchdesk.services.ledgers",
    "branchdesk.ui.jobs.runner",
    "branchdesk.ui.ledger_files",
    "branchdesk.ui.region_tree",
    "branchdesk.i18n.messages",
    "sqlite3",
    "PySide6.QtNetwork",  # the single-instance server listens once the window's parts are made
)


def test_the_first_paint_waits_for_no_file_and_no_part_of_the_window(villages: Path, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "BRANCHDESK_DATA_DIR": str(tmp_path / "data"),
    }
    result = subprocess.run(
        [sys.executable, "-c", AT_FIRST_PAINT, str(villages), "--exit-when-shown"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    lines = result.stdout.splitlines()
    said = dict(line.split("=", 1) for line in lines)
    loaded = said["loaded"].split(",")
    assert "branchdesk.ui.main_window" in loaded
    assert sorted(name for name in NOT_AT_FIRST_PAINT if name in loaded) == []
    assert said["qt_namespace"] == "False", "Qt's namespace (12 ms to build) waits for the first paint"
    assert said["title"] == f"{villages.name} — 支部联建台账 BranchDesk"
    # For benchmarks/run.py: the first paint, then the moment the first tab's rows were painted.
    order = [line.split("=", 1)[0] for line in lines if line.endswith(tuple("0123456789"))]
    assert [name for name in order if name.endswith("_at")] == ["shown_at", "data_shown_at"]
    assert float(said["data_shown_at"]) > float(said["shown_at"])
