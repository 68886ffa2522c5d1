"""No freeze on a write: an edit, an undo or a redo commits on the UI thread with its WAL synced (saved,
even through a power cut), and the job runner copies it into the ``.bdesk`` (SQLite's checkpoint) a moment
later, off the UI thread (ui/jobs/checkpoints.py). Typed as a person types; checked in the file."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from branchdesk.domain.clock import FixedClock
from branchdesk.services.ledgers import create_ledger, open_ledger
from branchdesk.storage import ledger as ledger_module
from branchdesk.ui.jobs import checkpoints as checkpoints_module
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder
from tests.held_read import HeldRead
from tests.ui.conftest import Recorder
from tests.ui.driving import shown
from tests.ui.killed_window import BRANCH, TYPED, type_members

ROOT = Path(__file__).resolve().parents[2]
ROLLBACK_HEADER = b"\x01\x01"  # bytes 18 and 19 of SQLite's header: the rollback journal


@pytest.fixture
def path(tmp_path: Path, clock: FixedClock) -> Path:
    """A new ledger in an empty folder, with two villages' branches."""
    path = tmp_path / "新 台账" / "潢川.bdesk"
    path.parent.mkdir()
    with create_ledger(path, clock) as ledger:
        build = LedgerBuilder(ledger)
        build.villages(build.tree()["hc_renhe"], 2, prefix="仁和")
    return path


@pytest.fixture
def threads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Each checkpoint the window runs: its thread's name and whether all of the WAL got into the file."""
    ran: list[tuple[str, bool]] = []

    def recorded(path: Path) -> bool:
        complete = ledger_module.checkpoint(path)
        ran.append((threading.current_thread().name, complete))
        return complete

    monkeypatch.setattr(checkpoints_module, "checkpoint", recorded)
    return ran


def members(path: Path) -> object:
    """The branch's member count as any other program reading the ledger sees it (the WAL included)."""
    with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        return conn.execute("SELECT member_count FROM branch WHERE name = ?", (BRANCH,)).fetchone()[0]


def members_in_the_file_alone(path: Path) -> object:
    """What the ``.bdesk`` holds without its WAL (what Explorer would copy)."""
    copy = path.parent.parent / "只复制台账文件" / path.name
    copy.parent.mkdir(exist_ok=True)
    shutil.copyfile(path, copy)
    try:
        with contextlib.closing(sqlite3.connect(copy)) as conn:
            return conn.execute("SELECT member_count FROM branch WHERE name = ?", (BRANCH,)).fetchone()[0]
    finally:
        shutil.rmtree(copy.parent)


def opened(make_window: Callable[..., MainWindow], path: Path) -> MainWindow:
    window = make_window()
    assert window.open_path(path)
    window.resize(1366, 768)
    shown(window)
    window.settle()
    return window


def test_an_edit_and_its_undo_are_saved_at_once_and_copied_into_the_file_off_the_ui_thread(
    make_window: Callable[..., MainWindow],
    path: Path,
    qtbot: QtBot,
    recorder: Recorder,
    threads: list[tuple[str, bool]],
) -> None:
    window = opened(make_window, path)
    before = members(path)
    type_members(window, "47")
    assert members(path) == 47  # saved: in the WAL, synced, what every reader sees
    assert members_in_the_file_alone(path) == before  # the UI thread did not copy it into the file
    assert threads == []
    qtbot.waitUntil(lambda: members_in_the_file_alone(path) == 47, timeout=10000)
    assert threads
    assert all(name != threading.main_thread().name for name, _ in threads)

    QTest.keyClick(window.branches_tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert members(path) == before
    assert members_in_the_file_alone(path) == 47
    qtbot.waitUntil(lambda: members_in_the_file_alone(path) == before, timeout=10000)
    QTest.keyClick(window.branches_tab.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert members(path) == 47
    assert recorder.errors == []

    window.close()  # closing folds in the redo, not yet copied, and leaves one file
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    assert path.read_bytes()[18:20] == ROLLBACK_HEADER
    assert members_in_the_file_alone(path) == 47


def test_edits_while_a_read_holds_an_older_state_are_saved_and_copied_in_once_it_ends(
    make_window: Callable[..., MainWindow],
    path: Path,
    clock: FixedClock,
    qtbot: QtBot,
    recorder: Recorder,
    threads: list[tuple[str, bool]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(checkpoints_module, "CHECKPOINT_AFTER_MS", 50)
    monkeypatch.setattr(checkpoints_module, "RETRY_MS", 100)
    window = opened(make_window, path)
    before = members(path)
    with HeldRead(path, clock, lambda ledger: ledger.scalar("SELECT count(*) FROM branch")):
        type_members(window, "61")
        qtbot.waitUntil(lambda: len(threads) >= 2)  # tried, and tried again
        assert not any(complete for _, complete in threads)  # the read keeps the WAL's pages from the file
        type_members(window, "62")  # meanwhile the next edit goes through
        assert members(path) == 62
        assert members_in_the_file_alone(path) == before
    qtbot.waitUntil(lambda: members_in_the_file_alone(path) == 62, timeout=10000)
    assert threads[-1][1]
    assert recorder.errors == []


def test_opening_another_ledger_waits_for_the_checkpoint_running_and_leaves_one_file(
    make_window: Callable[..., MainWindow],
    path: Path,
    clock: FixedClock,
    qtbot: QtBot,
    recorder: Recorder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A checkpoint's connection still open would keep the ledger closed from going back to one file."""
    started = threading.Event()

    def slow(path: Path) -> bool:
        with contextlib.closing(sqlite3.connect(path)) as conn:  # as a checkpoint holds the file
            conn.execute("SELECT count(*) FROM branch").fetchone()
            started.set()
            time.sleep(0.5)
        return ledger_module.checkpoint(path)

    monkeypatch.setattr(checkpoints_module, "checkpoint", slow)
    monkeypatch.setattr(checkpoints_module, "CHECKPOINT_AFTER_MS", 0)
    other = path.with_name("固始.bdesk")
    create_ledger(other, clock).close()
    window = opened(make_window, path)
    type_members(window, "58")
    qtbot.waitUntil(started.is_set)
    recorder.next_open = other
    QTest.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # File ▸ Open
    assert window.session is not None
    assert window.session.path == other
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name)) == [path.name]
    assert path.read_bytes()[18:20] == ROLLBACK_HEADER
    assert members_in_the_file_alone(path) == 58


def test_an_edit_the_window_acknowledged_survives_a_kill_before_its_checkpoint(
    path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    """kill -9 right after the Enter: the edit is in the WAL only, and the next opening keeps it."""
    before = members(path)
    with subprocess.Popen(
        [sys.executable, "-m", "tests.ui.killed_window", str(path), str(tmp_path / "data")],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        text=True,
    ) as window:
        try:
            assert window.stdout is not None
            assert window.stdout.readline().strip() == "saved"
        finally:
            window.send_signal(signal.SIGKILL)
            window.wait(60)
    assert members_in_the_file_alone(path) == before  # killed before the checkpoint
    assert members(path) == int(TYPED)
    with open_ledger(path, clock) as ledger:
        assert ledger.scalar("PRAGMA integrity_check") == "ok"
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    assert members_in_the_file_alone(path) == int(TYPED)
