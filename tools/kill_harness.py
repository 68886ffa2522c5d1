"""Kill harness: SIGKILL a writing process at random points and check the ledger after each kill.

``python tools/kill_harness.py [--runs 500] [--seed N] [--max-delay-ms 60] [--action NAME ...] [--wal]``

Each run forks a writer (tools/kill_writer.py) that repeats one user action on a small ledger, kills it
after a random delay, and then checks the file as the next start of BranchDesk would find it:

- it opens (a hot journal left by the kill is rolled back; with ``--wal``, where the writer ran in WAL as the
  window edits, the WAL is folded in and closing leaves one file) and ``PRAGMA integrity_check`` says ok,
  with no broken foreign key;
- every row that existed before the run is unchanged (row hashes), unless a committed action changed it;
- every action that committed is whole: its ``operation`` row has exactly the change-log rows the writer
  announced, and replaying those change-log rows on the rows from before the run gives exactly the rows in
  the file; the action that was cut short is either whole in this sense or entirely absent;
- the seeds previewed for a draw (kept outside the change log) only grow: every one from before is there.

A kill test shows what a crashed *process* leaves; it cannot show power-cut safety, which rests on SQLite's
atomic commit with ``synchronous = FULL`` (see README, "Your data is safe").
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind, PairingMethod, RegionLevel, Tier, UnitLevel
from branchdesk.services.ledgers import create_ledger
from branchdesk.storage import branches, pairings, regions
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.schema import UNLOGGED_TABLES

WRITER = Path(__file__).with_name("kill_writer.py")
ACTIONS = ("import", "bulk_edit", "draw_commit", "add_activities")
LOG_TABLES = ("operation", "change_log")
CLOCK = FixedClock.on("2022-05-19")


def make_ledger(path: Path) -> None:
    """A small ledger with something of everything the writer's actions need."""
    with create_ledger(path, CLOCK) as ledger, ledger.operation("harness.setup"):
        city = regions.add_region(ledger, "信阳市", RegionLevel.CITY, None)
        county = regions.add_region(ledger, "潢川县", RegionLevel.COUNTY, city)
        townships = [regions.add_region(ledger, f"第{i}镇", RegionLevel.TOWNSHIP, county) for i in (1, 2, 3)]
        unit = branches.add_unit(ledger, "县直机关", UnitLevel.COUNTY, county)
        organs = [
            branches.add_branch(
                ledger, f"机关第{i}党支部", BranchKind.ORGAN, county, tier=Tier.STRONG, unit_id=unit
            )
            for i in range(40)
        ]
        villages = [
            branches.add_branch(
                ledger, f"第{i}村党支部", BranchKind.VILLAGE, townships[i % 3], tier=list(Tier)[i % 3]
            )
            for i in range(120)
        ]
        # Half the organ branches paired by hand (activities need pairings); the rest are left to draw.
        for organ, village in zip(organs[:20], villages, strict=False):
            pairings.add_pairing(ledger, organ, village, dt.date(2022, 4, 20), method=PairingMethod.ASSIGNED)


Row = tuple[Any, ...]


@dataclass
class Snapshot:
    """Every row of the file, by uuid where the table has one, else as a multiset; ``operation`` and
    ``change_log`` rows by id. Rows are kept whole (tuples of values in column order), so "unchanged"
    means equal value by value, which is stronger than comparing hashes."""

    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    keyed: dict[str, dict[str, Row]] = field(default_factory=dict)
    unkeyed: dict[str, Counter[Row]] = field(default_factory=dict)
    log: dict[str, dict[int, Row]] = field(default_factory=dict)

    @classmethod
    def read(cls, conn: sqlite3.Connection) -> Snapshot:
        snapshot = cls()
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for table in tables:
            cursor = conn.execute(f"SELECT * FROM {table}")
            columns = tuple(column[0] for column in cursor.description)
            snapshot.columns[table] = columns
            rows = cursor.fetchall()
            if table in LOG_TABLES:
                snapshot.log[table] = {row[0]: row for row in rows}
            elif "uuid" in columns:
                at = columns.index("uuid")
                snapshot.keyed[table] = {row[at]: row for row in rows}
            else:
                snapshot.unkeyed[table] = Counter(rows)
        return snapshot

    def row_of(self, table: str, logged: str | None) -> Row | None:
        """A row as a change-log entry recorded it (JSON of the whole row), in this table's column order."""
        if logged is None:
            return None
        values = json.loads(logged)
        return tuple(values[column] for column in self.columns[table])

    def last_operation(self) -> int:
        return max(self.log["operation"], default=0)


@dataclass
class RunResult:
    action: str
    delay_ms: float
    hot_journal: bool  # the kill left a journal: it landed inside a write
    begun: int  # actions the writer started
    committed: int  # actions found in the file
    problems: list[str]


def _replay(before: Snapshot, entries: list[dict[str, Any]], problems: list[str]) -> Snapshot:
    """The rows from before the run with the committed change-log entries applied, checking each step."""
    state = Snapshot(
        columns=before.columns,
        keyed={table: dict(rows) for table, rows in before.keyed.items()},
        unkeyed={table: Counter(rows) for table, rows in before.unkeyed.items()},
    )
    for entry in entries:
        table, change = entry["entity"], entry["change"]
        old = before.row_of(table, entry["before"])
        new = before.row_of(table, entry["after"])
        if table in state.keyed:
            rows = state.keyed[table]
            uuid = entry["entity_uuid"]
            if change != "insert" and rows.get(uuid) != old:
                problems.append(f"change_log #{entry['id']}: {table} {uuid} was not as logged before")
            if change == "delete":
                rows.pop(uuid, None)
            else:
                assert new is not None
                rows[uuid] = new
        else:
            counts = state.unkeyed.setdefault(table, Counter())
            if change in ("delete", "update") and old is not None:
                counts[old] -= 1
            if change in ("insert", "update") and new is not None:
                counts[new] += 1
    return state


def check(path: Path, before: Snapshot, lines: Sequence[str]) -> tuple[bool, int, list[str], Snapshot | None]:
    """``(hot journal left, actions committed, problems, the rows now)`` for the file after a kill."""
    hot_journal = path.with_name(path.name + "-journal").exists()
    problems: list[str] = []
    # Open as BranchDesk would: this is what rolls a hot journal back (or folds a WAL in).
    Ledger.open(path, CLOCK).close()
    if path.with_name(path.name + "-wal").exists():
        problems.append("closing left the WAL beside the file")
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            return hot_journal, 0, [f"integrity_check: {integrity[:5]}"], None
        if conn.execute("PRAGMA foreign_key_check").fetchall():
            problems.append("foreign_key_check found broken references")
        after = Snapshot.read(conn)
        base = before.last_operation()
        for table in LOG_TABLES:
            for row_id, row in before.log[table].items():
                if after.log[table].get(row_id) != row:
                    problems.append(f"{table} #{row_id} from before the run changed")
        new_operations = sorted(row_id for row_id in after.log["operation"] if row_id > base)
        cursor = conn.execute(
            "SELECT id, operation_id, entity, entity_uuid, change, before, after FROM change_log"
            " WHERE operation_id > ? ORDER BY id",
            (base,),
        )
        names = [column[0] for column in cursor.description]
        entries = [dict(zip(names, row, strict=True)) for row in cursor]
    announced = [int(line.split()[1]) for line in lines if line.startswith("begin ")]
    finished = sum(1 for line in lines if line == "done")
    if not finished <= len(new_operations) <= len(announced):
        problems.append(
            f"{len(new_operations)} actions in the file; {len(announced)} begun, {finished} reported done"
        )
    per_operation = Counter(entry["operation_id"] for entry in entries)
    for operation_id, expected in zip(new_operations, announced, strict=False):
        if per_operation[operation_id] != expected:
            problems.append(
                f"operation #{operation_id}: {per_operation[operation_id]} change-log rows, not {expected}"
            )
    predicted = _replay(before, entries, problems)
    # Written outside the change log on purpose (an undo must never erase a seed tried for a draw): rows are
    # only ever added, each in a transaction of its own, so those from before the run must all be there.
    for table in UNLOGGED_TABLES:
        kept = after.keyed.pop(table, {})
        if any(kept.get(uuid) != row for uuid, row in before.keyed.get(table, {}).items()):
            problems.append(f"{table}: a row from before the run changed or went missing")
    for table, rows in after.keyed.items():
        if rows != predicted.keyed.get(table, {}):
            problems.append(f"{table}: the rows are not those from before the run plus the committed actions")
    for table, counts in after.unkeyed.items():
        if +counts != +predicted.unkeyed.get(table, Counter()):
            problems.append(f"{table}: the rows are not those from before the run plus the committed actions")
    return hot_journal, len(new_operations), problems, after


class Writer:
    """The fork server of tools/kill_writer.py on one ledger."""

    def __init__(self, path: Path, *, wal: bool = False) -> None:
        self.path = path
        self.process = subprocess.Popen(
            [sys.executable, str(WRITER), str(path), *(["--wal"] if wal else [])],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )

    def _out(self) -> IO[str]:
        assert self.process.stdout is not None
        return self.process.stdout

    def _line(self) -> str:
        line = self._out().readline()
        if not line:
            raise RuntimeError(f"the writer stopped (exit {self.process.wait()})")
        return line.strip()

    def run(self, seed: int, action: str, delay: float) -> list[str]:
        """Start ``action`` in a fresh child, SIGKILL it ``delay`` seconds after it opened the ledger."""
        assert self.process.stdin is not None
        self.process.stdin.write(f"go {seed} {action}\n")
        self.process.stdin.flush()
        lines: list[str] = []
        line = self._line()
        while not line.startswith(("ready ", "exit ")):
            line = self._line()
        if line.startswith("exit "):
            raise RuntimeError(f"the writer's child failed before opening the ledger ({line})")
        time.sleep(delay)
        with contextlib.suppress(ProcessLookupError):
            os.kill(int(line.split()[1]), signal.SIGKILL)
        line = self._line()
        while not line.startswith("exit "):
            lines.append(line)
            line = self._line()
        return lines

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=10)
        self._out().close()


@contextlib.contextmanager
def writer(path: Path, *, wal: bool = False) -> Iterator[Writer]:
    server = Writer(path, wal=wal)
    try:
        yield server
    finally:
        server.close()


def run_many(
    path: Path, runs: int, seed: int, max_delay: float, actions: Sequence[str] = ACTIONS, *, wal: bool = False
) -> list[RunResult]:
    """``runs`` kills on the ledger at ``path`` (made when missing), cycling through ``actions``; with
    ``wal``, of a writer in WAL as the window edits."""
    if not path.exists():
        make_ledger(path)
    rng = random.Random(seed)
    results: list[RunResult] = []
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        before: Snapshot | None = Snapshot.read(conn)
    with writer(path, wal=wal) as server:
        for run in range(runs):
            if before is None:
                break  # the file is damaged: nothing further to compare against
            action = actions[run % len(actions)]
            delay = rng.uniform(0, max_delay)
            lines = server.run(rng.randrange(2**31), action, delay)
            hot, committed, problems, before = check(path, before, lines)
            begun = sum(1 for line in lines if line.startswith("begin "))
            results.append(RunResult(action, delay * 1000, hot, begun, committed, problems))
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--seed", type=int, default=random.SystemRandom().randrange(2**31))
    parser.add_argument("--max-delay-ms", type=float, default=60.0)
    parser.add_argument("--action", action="append", choices=ACTIONS, help="default: all, in turn")
    parser.add_argument("--wal", action="store_true", help="the writer in WAL, as the window edits")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="branchdesk kill ") as folder:
        started = time.perf_counter()
        path = Path(folder) / "断电 测试.bdesk"
        results = run_many(
            path, args.runs, args.seed, args.max_delay_ms / 1000, args.action or ACTIONS, wal=args.wal
        )
        elapsed = time.perf_counter() - started
    failed = [result for result in results if result.problems]
    for result in failed:
        print(f"FAILED {result.action} after {result.delay_ms:.1f} ms: {'; '.join(result.problems)}")
    for action in sorted({result.action for result in results}):
        mine = [result for result in results if result.action == action]
        inside = sum(result.hot_journal for result in mine)
        committed = sum(result.committed for result in mine)
        cut_short = sum(result.begun - result.committed for result in mine)
        print(
            f"{action}: {len(mine)} kills, {inside} inside a write (hot journal left), "
            f"{committed} actions committed, {cut_short} cut short"
        )
    print(f"seed {args.seed}: {len(results)} runs in {elapsed:.1f} s, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
