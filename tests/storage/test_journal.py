"""How a writable ledger shares its file with readers (storage.ledger.Journal): WAL while open on a local
disk, so that a write never waits for a read, and one file again once closed, after a crash too."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.errors import BranchDeskError
from branchdesk.services.backups import restore_backup, take_backup
from branchdesk.services.drives import DRIVE_REMOTE, DRIVE_REMOVABLE
from branchdesk.services.ledgers import create_ledger, journal_for, open_ledger
from branchdesk.storage import ledger as ledger_module
from branchdesk.storage.ledger import Journal, Ledger, checkpoint
from tests.held_read import HeldRead

FIXED_DISK = 3  # GetDriveTypeW's DRIVE_FIXED

# SQLite's file header: bytes 18 and 19 are 1 for the rollback journal, 2 for WAL.
ROLLBACK_HEADER = b"\x01\x01"


def beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name))


def header(path: Path) -> bytes:
    return path.read_bytes()[18:20]


def add_region(ledger: Ledger, name: str) -> None:
    with ledger.operation("region.add"):
        ledger.insert("region", {"name": name, "level": "city"})


def regions_named(path: Path, name: str) -> int:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM region WHERE name = ?", (name,)).fetchone()[0])
    finally:
        conn.close()


def editing(path: Path, clock: FixedClock) -> Ledger:
    """The ledger as the window edits it."""
    ledger = open_ledger(path, clock)
    ledger.use_wal(committed=lambda: None)  # the window's checkpoints come later, on the job runner
    assert ledger.journal is Journal.WAL
    return ledger


@pytest.fixture
def path(ledger_path: Path, clock: FixedClock) -> Path:
    create_ledger(ledger_path, clock).close()
    return ledger_path


def count_regions(ledger: Ledger) -> object:
    return ledger.scalar("SELECT count(*) FROM region")


def test_a_write_during_a_read_commits_at_once_and_the_read_keeps_its_state(
    path: Path, clock: FixedClock
) -> None:
    with editing(path, clock) as ledger:
        ledger.conn.execute("PRAGMA busy_timeout = 0")  # waiting for the reader would fail at once
        with HeldRead(path, clock, count_regions) as reader:
            add_region(ledger, "读时写入")
            assert regions_named(path, "读时写入") == 1
        assert reader.seen[0] == reader.seen[1]  # the read saw one state of the file throughout


def test_with_the_rollback_journal_a_write_waits_for_the_read(path: Path, clock: FixedClock) -> None:
    """Why WAL: the same write on a ledger kept with the rollback journal is held up by the read."""
    with Ledger.open(path, clock, journal=Journal.ROLLBACK) as ledger:
        ledger.use_wal(committed=lambda: None)  # stays with the rollback journal
        ledger.conn.execute("PRAGMA busy_timeout = 0")
        with HeldRead(path, clock, count_regions), pytest.raises(BranchDeskError) as caught:
            add_region(ledger, "读时写入")
        assert caught.value.code == "ledger.locked"
    assert regions_named(path, "读时写入") == 0


def test_a_closed_ledger_is_one_file_with_the_rollback_journal(path: Path, clock: FixedClock) -> None:
    with editing(path, clock) as ledger:
        add_region(ledger, "关闭前")
        assert beside(path) == [path.name, path.name + "-shm", path.name + "-wal"]
    assert beside(path) == [path.name]
    assert header(path) == ROLLBACK_HEADER
    assert regions_named(path, "关闭前") == 1


def test_closing_waits_for_a_reader_that_is_being_stopped(path: Path, clock: FixedClock) -> None:
    ledger = editing(path, clock)
    add_region(ledger, "关闭前")
    with HeldRead(path, clock, count_regions) as reader:
        # The reader ends a moment after the window asked it to stop; closing waits for it.
        threading.Timer(0.1, reader.release).start()
        ledger.close()
        assert len(reader.seen) == 2  # closed after the reader was done
    assert beside(path) == [path.name]
    assert header(path) == ROLLBACK_HEADER


def test_a_reader_that_outlasts_closing_leaves_the_wal_for_the_next_opening(
    path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ledger_module, "CLOSE_WAIT_MS", 50)
    ledger = editing(path, clock)
    with HeldRead(path, clock, count_regions):
        add_region(ledger, "读者未走")
        ledger.close()
    assert regions_named(path, "读者未走") == 1
    open_ledger(path, clock).close()
    assert beside(path) == [path.name]
    assert regions_named(path, "读者未走") == 1


CRASH = """
import os, sys
from pathlib import Path
from branchdesk.domain.clock import FixedClock
from branchdesk.services.ledgers import open_ledger
ledger = open_ledger(Path(sys.argv[1]), FixedClock.on("2026-06-15"))
ledger.use_wal(committed=lambda: None)  # killed before the window's checkpoint came
with ledger.operation("region.add"):
    ledger.insert("region", {"name": sys.argv[2], "level": "city"})
os._exit(0)  # gone without closing, as a crash or a power cut leaves it
"""


def crash_after_a_write(path: Path, name: str) -> None:
    subprocess.run([sys.executable, "-c", CRASH, str(path), name], check=True)


def alone(path: Path, name: str, folder: Path) -> int:
    """Regions named ``name`` in the ``.bdesk`` without its WAL: what a copy of the file alone holds."""
    copy = folder / "单独一份" / path.name
    copy.parent.mkdir(exist_ok=True)
    shutil.copyfile(path, copy)
    conn = sqlite3.connect(copy)
    try:
        return int(conn.execute("SELECT count(*) FROM region WHERE name = ?", (name,)).fetchone()[0])
    finally:
        conn.close()
        for made in copy.parent.iterdir():
            made.unlink()


def test_with_checkpoints_elsewhere_a_commit_is_saved_in_the_wal_and_a_checkpoint_copies_it_in(
    path: Path, clock: FixedClock, tmp_path: Path
) -> None:
    """As the window edits (ui/jobs/checkpoints.py): the UI thread's commit syncs the WAL alone; another
    thread's checkpoint puts it in the ``.bdesk``."""
    told: list[int] = []
    with open_ledger(path, clock) as ledger:
        ledger.use_wal(committed=lambda: told.append(ledger.conn.total_changes))
        add_region(ledger, "稍后写入")
        assert len(told) == 1
        with ledger.snapshot():  # a read commits nothing worth copying
            count_regions(ledger)
        assert len(told) == 1
        assert regions_named(path, "稍后写入") == 1  # saved: every other connection sees it
        assert alone(path, "稍后写入", tmp_path) == 0  # not in the .bdesk yet
        assert checkpoint(path)
        assert alone(path, "稍后写入", tmp_path) == 1
        assert checkpoint(path)  # nothing left to copy
    assert beside(path) == [path.name]
    assert header(path) == ROLLBACK_HEADER


def test_a_checkpoint_never_holds_up_an_edit_nor_loses_one(
    path: Path, clock: FixedClock, tmp_path: Path
) -> None:
    """Checkpoints run on and on beside forty edits: none is refused or lost. The edits keep the ledger's
    busy timeout, as in the window: a checkpoint's connection opening or closing can hold a lock of the
    file for an instant (with no timeout at all this failed once in CI, ledger.locked)."""
    stop, outcomes = threading.Event(), []

    def checkpoints() -> None:
        while not stop.is_set():
            outcomes.append(checkpoint(path))

    with open_ledger(path, clock) as ledger:
        ledger.use_wal(committed=lambda: None)
        worker = threading.Thread(target=checkpoints)
        worker.start()
        try:
            for number in range(40):
                add_region(ledger, f"边写边拷{number}")
        finally:
            stop.set()
            worker.join(60)
        assert True in outcomes
    assert beside(path) == [path.name]
    assert [alone(path, f"边写边拷{number}", tmp_path) for number in range(40)] == [1] * 40


def test_a_read_holding_an_older_state_leaves_the_checkpoint_for_later(
    path: Path, clock: FixedClock, tmp_path: Path
) -> None:
    with open_ledger(path, clock) as ledger:
        ledger.use_wal(committed=lambda: None)
        with HeldRead(path, clock, count_regions):
            add_region(ledger, "读者未走")
            assert not checkpoint(path)  # the reader still reads the file as it was
            assert alone(path, "读者未走", tmp_path) == 0
        assert checkpoint(path)
        assert alone(path, "读者未走", tmp_path) == 1


def test_after_a_crash_the_next_opening_keeps_every_saved_action_and_is_one_file_again(
    path: Path, clock: FixedClock, tmp_path: Path
) -> None:
    crash_after_a_write(path, "崩溃前")
    assert path.name + "-wal" in beside(path)
    assert alone(path, "崩溃前", tmp_path) == 0  # saved in the WAL only: no checkpoint came
    with open_ledger(path, clock, read_only=True) as ledger:  # a read-only look sees it too
        assert ledger.scalar("SELECT count(*) FROM region WHERE name = '崩溃前'") == 1
    with open_ledger(path, clock) as ledger:
        assert ledger.scalar("SELECT count(*) FROM region WHERE name = '崩溃前'") == 1
        assert ledger.scalar("PRAGMA integrity_check") == "ok"
    assert beside(path) == [path.name]
    assert header(path) == ROLLBACK_HEADER
    assert alone(path, "崩溃前", tmp_path) == 1


def test_a_copy_made_while_the_ledger_is_open_holds_the_last_edit(
    path: Path, clock: FixedClock, tmp_path: Path
) -> None:
    """What Explorer copies while the window is open: each edit is in the file once its checkpoint, on
    the job runner, has run (at most a second after it: ui/jobs/checkpoints.py)."""
    with editing(path, clock) as ledger:
        add_region(ledger, "复制前")
        assert checkpoint(path)
        copy = tmp_path / "复制" / "台账.bdesk"
        copy.parent.mkdir()
        shutil.copyfile(path, copy)
    assert regions_named(copy, "复制前") == 1
    with open_ledger(copy, clock) as reopened:
        assert reopened.scalar("PRAGMA integrity_check") == "ok"
    assert beside(copy) == [copy.name]


def test_a_backup_of_an_open_ledger_is_one_file_with_the_edits_not_yet_checkpointed(
    path: Path, clock: FixedClock, tmp_path: Path
) -> None:
    with editing(path, clock) as ledger:
        add_region(ledger, "备份前")
        backup = take_backup(path, tmp_path / "data", clock, "manual")
    assert header(backup) == ROLLBACK_HEADER
    assert beside(backup) == [backup.name]
    assert regions_named(backup, "备份前") == 1


def test_restoring_over_a_crashed_ledger_drops_the_old_files_wal(
    path: Path, clock: FixedClock, tmp_path: Path
) -> None:
    backup = take_backup(path, tmp_path / "data", clock, "manual")
    crash_after_a_write(path, "崩溃前")
    restore_backup(path, backup, tmp_path / "data", clock)
    with open_ledger(path, clock) as ledger:
        assert ledger.scalar("SELECT count(*) FROM region WHERE name = '崩溃前'") == 0
        assert ledger.scalar("PRAGMA integrity_check") == "ok"


def test_a_file_left_in_wal_opened_with_the_rollback_journal_folds_it_in(
    path: Path, clock: FixedClock
) -> None:
    crash_after_a_write(path, "崩溃前")
    with Ledger.open(path, clock, journal=Journal.ROLLBACK) as ledger:
        assert ledger.journal is Journal.ROLLBACK
        assert ledger.scalar("SELECT count(*) FROM region WHERE name = '崩溃前'") == 1
        assert beside(path) == [path.name]


@pytest.mark.parametrize(
    ("where", "answer", "journal"),
    [
        ("C:\\台账\\潢川.bdesk", FIXED_DISK, Journal.WAL),
        ("E:\\台账\\潢川.bdesk", DRIVE_REMOVABLE, Journal.ROLLBACK),
        ("Z:\\台账\\潢川.bdesk", DRIVE_REMOTE, Journal.ROLLBACK),
        ("\\\\server\\share\\潢川.bdesk", FIXED_DISK, Journal.ROLLBACK),
    ],
)
def test_wal_on_local_disks_only(where: str, answer: int, journal: Journal) -> None:
    assert journal_for(Path(where), lambda root: answer, windows=True) is journal


def test_opening_and_closing_without_an_edit_writes_nothing(path: Path, clock: FixedClock) -> None:
    """A damaged file is never written to: only editing (after the window's check) turns WAL on."""
    before = path.read_bytes(), path.stat().st_mtime_ns
    with open_ledger(path, clock) as ledger:
        assert ledger.journal is Journal.WAL
        assert ledger.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_a_ledger_only_looked_at_keeps_its_date(path: Path, clock: FixedClock) -> None:
    made = path.stat().st_mtime_ns
    with editing(path, clock) as ledger:
        ledger.scalar("SELECT count(*) FROM region")
    assert path.stat().st_mtime_ns == made
    assert beside(path) == [path.name]
    with editing(path, clock) as ledger:
        add_region(ledger, "改过")
    assert path.stat().st_mtime_ns != made


def test_a_file_another_program_is_reading_keeps_the_rollback_journal_for_the_session(
    path: Path, clock: FixedClock
) -> None:
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN")
        other.execute("SELECT count(*) FROM region").fetchone()
        with open_ledger(path, clock) as ledger:
            ledger.use_wal(committed=lambda: None)  # at once, without waiting for the other program
            assert ledger.journal is Journal.ROLLBACK
            other.execute("COMMIT")
            add_region(ledger, "照常保存")
    finally:
        other.close()
    assert regions_named(path, "照常保存") == 1
    assert beside(path) == [path.name]
