"""Backups with SQLite's online backup API: a consistent copy even while another connection writes."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

from branchdesk.domain.errors import BranchDeskError, os_reason
from branchdesk.storage.ledger import Ledger, read_versions, sqlite_reason
from branchdesk.storage.schema import APPLICATION_ID

# Pages copied per step: small enough that a writer waiting for the file is not held up for long.
_PAGES_PER_STEP = 1024


def copy_database(source: Path, target: Path, *, progress: Callable[[int, int], bool] | None = None) -> None:
    """Copy ``source`` into ``target`` page by page; ``progress(done, total)`` returning False cancels.

    The copy is written beside ``target`` and moved into place only when complete.
    """
    partial = target.with_name(target.name + ".partial")

    def step(status: int, remaining: int, total: int) -> None:
        if progress is not None and not progress(total - remaining, total):
            raise _CancelledError

    try:
        with (
            contextlib.closing(sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)) as reader,
            contextlib.closing(sqlite3.connect(partial)) as writer,
        ):
            reader.execute("PRAGMA busy_timeout = 10000")
            reader.backup(writer, pages=_PAGES_PER_STEP, progress=step)
            # The copy takes the source's journal mode, WAL while the ledger is open: a backup is one file.
            writer.execute("PRAGMA journal_mode = DELETE")
        # A WAL a crash left beside a ledger being restored belongs to the old file: SQLite would replay it
        # into the backup put in its place.
        for leftover in ("-wal", "-shm"):
            target.with_name(target.name + leftover).unlink(missing_ok=True)
        partial.replace(target)
    except _CancelledError:
        raise BranchDeskError("backup.cancelled") from None
    except sqlite3.Error as error:
        raise BranchDeskError("backup.failed", path=str(source), reason=sqlite_reason(error)) from None
    except OSError as error:
        raise BranchDeskError("backup.failed", path=str(target), reason=os_reason(error)) from None
    finally:
        partial.unlink(missing_ok=True)


class _CancelledError(Exception):
    """Raised from the progress callback to stop SQLite's backup loop."""


def is_healthy_ledger(path: Path) -> bool:
    """A BranchDesk ledger that passes SQLite's quick check (read without writing a byte)."""
    try:
        application_id, _ = read_versions(path)
        if application_id != APPLICATION_ID:
            return False
        with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
    except (BranchDeskError, sqlite3.Error):
        return False


def content_counts(ledger: Ledger) -> tuple[int, int, int]:
    """Branches, pairings and activities: what a restore list shows of each backup."""
    return (
        int(ledger.scalar("SELECT count(*) FROM branch")),
        int(ledger.scalar("SELECT count(*) FROM pairing")),
        int(ledger.scalar("SELECT count(*) FROM activity")),
    )


def last_operation(ledger: Ledger) -> int:
    """The newest user action's number: a backup is only worth taking when this moved."""
    return int(ledger.scalar("SELECT coalesce(max(id), 0) FROM operation"))
