"""Crash safety: a writing process killed with SIGKILL at random points leaves a whole, healthy ledger.

The harness is tools/kill_harness.py (run it for more kills); here it runs fifty times on a small ledger,
and is itself shown to notice a half-written action.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tools.kill_harness import (
    Snapshot,
    check,
    check_import,
    make_ledger,
    make_package_case,
    package_kills,
    run_many,
)


def test_fifty_kills_leave_every_action_whole_or_absent(tmp_path: Path) -> None:
    path = tmp_path / "断电 测试.bdesk"
    results = run_many(path, runs=52, seed=20220519, max_delay=0.07)
    assert len(results) == 52
    assert [(result.action, result.problems) for result in results if result.problems] == []
    # Import, bulk edit, draw commit (and activities with their link rows), through the services.
    assert {result.action for result in results} == {"import", "bulk_edit", "draw_commit", "add_activities"}
    # The kills landed where they matter: inside writes, and after some actions had committed.
    assert sum(result.hot_journal for result in results) >= 10
    assert sum(result.committed for result in results) >= 5


def test_kills_of_a_writer_in_wal_leave_every_action_whole_or_absent_and_one_file(tmp_path: Path) -> None:
    """As the window edits (storage.ledger.Journal): the next opening folds the WAL in, closing leaves one
    file."""
    path = tmp_path / "断电 测试.bdesk"
    results = run_many(path, runs=24, seed=20261206, max_delay=0.07, wal=True)
    assert [(result.action, result.problems) for result in results if result.problems] == []
    assert sum(result.begun - result.committed for result in results) >= 5  # killed inside an action
    assert sum(result.committed for result in results) >= 5


def test_kills_of_package_import_leave_the_packages_all_in_or_all_out(tmp_path: Path) -> None:
    """``branchdesk-cli package import`` of two townships' deltas into their county, killed at random
    points (run tools/kill_harness.py --package-import for more): each time the county passes Check
    database, holds both packages or neither, and importing them again gives what one uninterrupted
    import gives."""
    case, results = package_kills(tmp_path, runs=24, seed=20261206)
    assert case.changes > 2000  # both deltas, each a month of a township's work
    assert [(result.delay_ms, result.problems) for result in results if result.problems] == []
    assert sum(result.hot_journal for result in results) >= 3  # killed inside the import's transaction
    assert sum(result.applied for result in results) >= 3  # killed after it had committed
    assert sum(not result.applied for result in results) >= 3


def test_the_harness_notices_a_package_half_in(tmp_path: Path) -> None:
    case = make_package_case(tmp_path)
    path = tmp_path / "半.bdesk"
    path.write_bytes(case.pristine.read_bytes())
    before = _snapshot(path)
    with _connection(path) as conn:  # one activity of the packages written, outside any action
        conn.execute(
            "INSERT INTO activity (uuid, pairing_id, held_on, type, created_at, updated_at)"
            " SELECT 'x', min(id), '2022-05-02', 'themed_day', 'now', 'now' FROM pairing"
        )
    problems = check_import(path, case, before, []).problems
    assert "the packages are neither all in nor all out" in problems
    assert "activity: the rows are not those from before the run plus the committed actions" in problems


@contextlib.contextmanager
def _connection(path: Path) -> Iterator[sqlite3.Connection]:
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        yield conn


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "小 台账.bdesk"
    make_ledger(path)
    return path


def _snapshot(path: Path) -> Snapshot:
    with _connection(path) as conn:
        return Snapshot.read(conn)


def test_the_harness_notices_a_row_changed_outside_any_action(small: Path) -> None:
    before = _snapshot(small)
    with _connection(small) as conn:
        conn.execute("UPDATE branch SET secretary = '某某' WHERE id = 3")
    _, committed, problems, _ = check(small, before, [])
    assert committed == 0
    assert problems == ["branch: the rows are not those from before the run plus the committed actions"]


def test_the_harness_notices_an_action_missing_part_of_its_rows(small: Path) -> None:
    before = _snapshot(small)
    with _connection(small) as conn:
        conn.execute("INSERT INTO operation (uuid, action, at) VALUES ('x', 'harness.action', 'now')")
    _, committed, problems, _ = check(small, before, ["begin 5"])
    assert committed == 1
    assert problems == [f"operation #{before.last_operation() + 1}: 0 change-log rows, not 5"]


def test_the_harness_notices_an_earlier_log_row_changed(small: Path) -> None:
    before = _snapshot(small)
    with _connection(small) as conn:
        conn.execute("UPDATE operation SET action = 'forged' WHERE id = 1")
    _, _, problems, _ = check(small, before, [])
    assert problems == ["operation #1 from before the run changed"]
