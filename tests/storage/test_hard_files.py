"""Files that are hard to open or write: each refused with its own message and left byte for byte."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.errors import BranchDeskError
from branchdesk.services.check import check_ledger
from branchdesk.storage import ledger as ledger_module
from branchdesk.storage.ledger import Ledger


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def crashed_mid_write(ledger: Ledger, folder: Path) -> Path:
    """A copy of the ledger's file and journal as a crash in the middle of a big write would leave them,
    with the rollback journal a ledger keeps on a network share or a USB stick."""
    ledger.conn.execute("PRAGMA journal_mode = DELETE")
    ledger.conn.execute("PRAGMA cache_size = 5")  # spill changed pages into the file before the commit
    ledger.conn.execute("BEGIN")
    ledger.conn.execute("UPDATE holiday SET name = '改掉'")
    ledger.conn.execute("CREATE TABLE half_written (x BLOB)")
    ledger.conn.execute("INSERT INTO half_written SELECT randomblob(900) FROM holiday")
    folder.mkdir()
    for name in (ledger.path.name, ledger.path.name + "-journal"):
        shutil.copy2(ledger.path.with_name(name), folder / name)
    ledger.conn.execute("ROLLBACK")
    return folder / ledger.path.name


def test_a_write_cut_short_is_rolled_back_on_opening(
    ledger: Ledger, tmp_path: Path, clock: FixedClock
) -> None:
    holidays = ledger.scalar("SELECT count(*) FROM holiday")
    copy = crashed_mid_write(ledger, tmp_path / "断电后")
    with pytest.raises(sqlite3.OperationalError):  # what a plain read-only reader meets
        sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True).execute("SELECT count(*) FROM holiday")
    with Ledger.open(copy, clock) as reopened:
        assert reopened.scalar("SELECT count(*) FROM holiday WHERE name = '改掉'") == 0
        assert reopened.scalar("SELECT count(*) FROM holiday") == holidays
        assert reopened.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'half_written'") == 0
        assert reopened.scalar("PRAGMA integrity_check") == "ok"
    assert not copy.with_name(copy.name + "-journal").exists()


def test_a_write_cut_short_on_a_read_only_file_says_it_needs_write_access(
    ledger: Ledger, tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = crashed_mid_write(ledger, tmp_path / "只读")
    before = fingerprint(copy)
    # Tests run as root, for whom chmod changes nothing: stand in for the operating system's answer.
    monkeypatch.setattr(ledger_module.os, "access", lambda path, mode: False)
    with pytest.raises(BranchDeskError) as caught:
        Ledger.open(copy, clock)
    assert caught.value.code == "ledger.needs_recovery"
    assert fingerprint(copy) == before


def test_a_file_the_system_will_not_let_us_write_refuses_the_action_whole(
    ledger: Ledger, clock: FixedClock
) -> None:
    """Opened for writing, but the system says no at the first write (a read-only share, say): SQLite's
    ``mode=ro`` gives the same answer, which root's chmod would not."""
    path = ledger.path
    ledger.close()
    before = fingerprint(path)
    conn = ledger_module._connect(path, "ro")
    stuck = Ledger(path, conn, clock, read_only=False)
    try:
        with pytest.raises(BranchDeskError) as caught, stuck.operation("region.add"):
            stuck.insert("region", {"name": "信阳市", "level": "city"})
        assert caught.value.code == "ledger.read_only"
        assert not conn.in_transaction
    finally:
        stuck.close()
    assert fingerprint(path) == before


def test_a_check_that_meets_another_programs_lock_reports_the_lock_not_damage(ledger: Ledger) -> None:
    # With the rollback journal (a ledger on a network share) another program's write lock stops reads.
    ledger.conn.execute("PRAGMA journal_mode = DELETE")
    ledger.conn.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(ledger.path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(BranchDeskError) as caught:
            check_ledger(ledger, quick=True)
        assert caught.value.code == "ledger.locked"
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert check_ledger(ledger) == []
