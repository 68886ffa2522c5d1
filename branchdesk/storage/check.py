"""Integrity checks: SQLite's own, foreign keys, and ledger invariants that constraints can't hold."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.records import Problem
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.schema import APPLICATION_ID

# The full check's stages, for a progress display: SQLite's integrity check, foreign keys, ledger rules.
STAGES = 3


def check(ledger: Ledger, *, quick: bool, progress: Callable[[int], None] | None = None) -> list[Problem]:
    """Problems found; an empty list means healthy. ``quick`` skips the slower full scans.

    ``progress(stages_done)`` is called as each stage ends; ``ledger.interrupt()`` from another thread
    cancels with ``check.cancelled``. A file that cannot be read just now (another program holds it, a
    disk error) raises its own error: that is no finding about the file's health.
    """
    try:
        return _check(ledger, quick, progress or (lambda done: None))
    except sqlite3.OperationalError as error:
        if "interrupted" in str(error):
            raise BranchDeskError("check.cancelled") from None
        raise ledger.error(error) from None


def _check(ledger: Ledger, quick: bool, progress: Callable[[int], None]) -> list[Problem]:
    problems: list[Problem] = []
    pragma = "quick_check" if quick else "integrity_check"
    try:
        messages = [row[0] for row in ledger.conn.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.DatabaseError as error:
        if isinstance(error, sqlite3.OperationalError):
            raise  # locked, interrupted, I/O: see check()
        # Damage bad enough that SQLite cannot even walk the file: that is the finding.
        return [Problem("check.integrity", str(error))]
    if messages != ["ok"]:
        problems.extend(Problem("check.integrity", message) for message in messages[:20])
    if ledger.scalar("PRAGMA application_id") != APPLICATION_ID:
        problems.append(Problem("check.application_id", str(ledger.scalar("PRAGMA application_id"))))
    progress(1)
    if quick or problems:
        # A file with broken structure gives no trustworthy answer to the finer questions.
        return problems
    for table, rowid, parent, _ in ledger.conn.execute("PRAGMA foreign_key_check").fetchall()[:20]:
        problems.append(Problem("check.foreign_key", f"{table} #{rowid} → {parent}"))
    progress(2)
    for row in ledger.query(
        """
        SELECT p.id FROM pairing p JOIN branch o ON o.id = p.organ_id JOIN branch g ON g.id = p.grassroots_id
        WHERE o.kind <> 'organ' OR g.kind = 'organ' LIMIT 20
        """
    ):
        problems.append(Problem("check.pairing_sides", f"pairing #{row['id']}"))
    for row in ledger.query(
        """
        SELECT a.id FROM activity a JOIN pairing p ON p.id = a.pairing_id
        WHERE a.held_on < p.started_on OR (p.ended_on IS NOT NULL AND a.held_on > p.ended_on) LIMIT 20
        """
    ):
        problems.append(Problem("check.activity_outside_pairing", f"activity #{row['id']}"))
    progress(3)
    return problems
