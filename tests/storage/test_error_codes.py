"""SQLite's errors are told by their result codes, never by their words (issue 16): the words change between
SQLite versions, and a reason worded like another must not pass for it."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import TypeVar

import pytest

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.errors import BranchDeskError, Reason
from branchdesk.storage.ledger import Ledger, integrity_error, sqlite_reason

E = TypeVar("E", bound=sqlite3.Error)


def raised(error: E, code: int, name: str) -> E:
    """``error`` as SQLite raises it, with its result code."""
    error.sqlite_errorcode, error.sqlite_errorname = code, name
    return error


def test_a_file_full_of_its_pages_is_a_full_disk(ledger: Ledger) -> None:
    pages = ledger.scalar("PRAGMA page_count")
    ledger.conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk has no room for another page
    with pytest.raises(BranchDeskError) as caught, ledger.operation("region.add"):
        ledger.insert("region", {"name": "信阳市" * 2000, "level": "city"})
    assert caught.value.code == "ledger.disk_full"


def test_a_file_that_is_not_a_database_inside_is_damaged(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "台账.bdesk"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)  # the header, then nothing SQLite can read
    with pytest.raises(BranchDeskError) as caught:
        Ledger.open(path, clock)
    assert caught.value.code == "ledger.damaged"


def test_another_programs_lock_is_told_by_its_code(ledger: Ledger) -> None:
    ledger.conn.execute("PRAGMA busy_timeout = 0")
    with contextlib.closing(sqlite3.connect(ledger.path, isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(BranchDeskError) as caught, ledger.operation("region.add"):
            ledger.insert("region", {"name": "信阳市", "level": "city"})
        other.execute("ROLLBACK")
    assert caught.value.code == "ledger.locked"


def test_words_alone_say_nothing(ledger: Ledger) -> None:
    """SQLite's code decides; the same words under another code are just the system's words."""
    worded = raised(
        sqlite3.OperationalError("数据库已锁定"), sqlite3.SQLITE_BUSY_SNAPSHOT, "SQLITE_BUSY_SNAPSHOT"
    )
    assert ledger.error(worded).code == "ledger.locked"
    misleading = raised(
        sqlite3.OperationalError("database is locked"), sqlite3.SQLITE_IOERR_READ, "SQLITE_IOERR_READ"
    )
    error = ledger.error(misleading)
    assert error.code == "ledger.cannot_open"
    assert error.params["reason"] == Reason(("SQLITE_IOERR_READ", "SQLITE_IOERR"), "database is locked")
    # Python's own errors (a closed connection) carry no code at all.
    assert (
        ledger.error(sqlite3.ProgrammingError("Cannot operate on a closed database.")).code
        == "ledger.cannot_open"
    )


def test_a_reason_keeps_the_extended_and_the_primary_code(tmp_path: Path) -> None:
    path = tmp_path / "台账.bdesk"
    sqlite3.connect(path).close()
    with (
        contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn,
        pytest.raises(sqlite3.OperationalError) as caught,
    ):
        conn.execute("CREATE TABLE t (x)")
    assert sqlite_reason(caught.value).codes == ("SQLITE_READONLY",)
    with contextlib.closing(sqlite3.connect(":memory:")) as conn:
        conn.execute("CREATE TABLE t (x UNIQUE)")
        conn.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(sqlite3.IntegrityError) as unique:
            conn.execute("INSERT INTO t VALUES (1)")
    assert sqlite_reason(unique.value).codes == ("SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT")
    assert integrity_error(unique.value).code == "row.constraint"


def test_a_trigger_named_like_a_rule_but_of_another_kind_is_no_such_rule() -> None:
    """A CHECK whose text happens to hold a rule's name is no trigger's RAISE: a plain broken rule."""
    error = raised(
        sqlite3.IntegrityError("pairing.sides"), sqlite3.SQLITE_CONSTRAINT_CHECK, "SQLITE_CONSTRAINT_CHECK"
    )
    assert integrity_error(error).code == "row.constraint"
