"""Kill harness: SIGKILL a writing process at random points and check the ledger after each kill.

``python tools/kill_harness.py [--runs 500] [--seed N] [--max-delay-ms 60] [--action NAME ...] [--wal]``
``python tools/kill_harness.py --package-import [--runs 500] [--seed N]``

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

With ``--package-import`` each run kills ``branchdesk-cli package import`` of two townships' deltas into a
fresh copy of their county (:func:`package_kills`): besides the checks above, Check database finds nothing,
the packages are all in (rows, package log, pinned keys) or not at all, and importing them again leaves the
county as one uninterrupted import does.

A kill test shows what a crashed *process* leaves; it cannot show power-cut safety, which rests on SQLite's
atomic commit with ``synchronous = FULL`` (see README, "Your data is safe").
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import os
import random
import shutil
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

from branchdesk.cli import run as run_cli
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import (
    ActivityType,
    Area,
    BranchKind,
    PairingMethod,
    RegionLevel,
    Tier,
    UnitLevel,
)
from branchdesk.exchange.package_export import export_package
from branchdesk.exchange.package_seed import create_from_package
from branchdesk.services.check import check_ledger
from branchdesk.services.ledgers import create_ledger, open_ledger
from branchdesk.services.regions import list_regions
from branchdesk.storage import activities, branches, pairings, regions
from branchdesk.storage import packages as package_store
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.schema import UNLOGGED_TABLES

WRITER = Path(__file__).with_name("kill_writer.py")
ACTIONS = ("import", "bulk_edit", "draw_commit", "add_activities")
PACKAGE_IMPORT = "package_import"  # tools/kill_writer.py's one-shot child
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
    means equal value by value, which is stronger than comparing hashes; but for the names' sort keys,
    which the ledger's triggers derive from the names and a change-log entry need not hold."""

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
            names = [row[1] for row in conn.execute(f"PRAGMA table_info({table})") if row[1] != "name_key"]
            cursor = conn.execute(f"SELECT {', '.join(names)} FROM {table}")
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
    # Written outside the change log on purpose (an undo must never erase a seed tried for a draw, nor the
    # package log what was sent and received): rows are only ever added, so those from before the run must
    # all be there.
    for table in UNLOGGED_TABLES:
        kept = after.keyed.get(table, {})
        if any(kept.get(uuid) != row for uuid, row in before.keyed.get(table, {}).items()) or (
            before.unkeyed.get(table, Counter()) - after.unkeyed.get(table, Counter())
        ):
            problems.append(f"{table}: a row from before the run changed or went missing")
    for table, rows in after.keyed.items():
        if table not in UNLOGGED_TABLES and rows != predicted.keyed.get(table, {}):
            problems.append(f"{table}: the rows are not those from before the run plus the committed actions")
    for table, counts in after.unkeyed.items():
        if table not in UNLOGGED_TABLES and +counts != +predicted.unkeyed.get(table, Counter()):
            problems.append(f"{table}: the rows are not those from before the run plus the committed actions")
    return hot_journal, len(new_operations), problems, after


class Writer:
    """The fork server of tools/kill_writer.py on one ledger."""

    def __init__(
        self, path: Path, *, wal: bool = False, packages: Sequence[Path] = (), data_dir: Path | None = None
    ) -> None:
        self.path = path
        self.first_done: float | None = None  # of the last run: from its child's opening to its first "done"
        options = [*(["--wal"] if wal else []), *(f"--package={package}" for package in packages)]
        environment = {**os.environ, **({} if data_dir is None else {"BRANCHDESK_DATA_DIR": str(data_dir)})}
        self.process = subprocess.Popen(
            [sys.executable, str(WRITER), str(path), *options],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
            env=environment,
        )

    def _out(self) -> IO[str]:
        assert self.process.stdout is not None
        return self.process.stdout

    def _line(self) -> str:
        line = self._out().readline()
        if not line:
            raise RuntimeError(f"the writer stopped (exit {self.process.wait()})")
        return line.strip()

    def run(self, seed: int, action: str, delay: float | None) -> list[str]:
        """Start ``action`` in a fresh child, SIGKILL it ``delay`` seconds after it opened the ledger (with
        None, let it end by itself: an action that ends)."""
        assert self.process.stdin is not None
        self.process.stdin.write(f"go {seed} {action}\n")
        self.process.stdin.flush()
        lines: list[str] = []
        self.first_done = None
        line = self._line()
        while not line.startswith(("ready ", "exit ")):
            line = self._line()
        if line.startswith("exit "):
            raise RuntimeError(f"the writer's child failed before opening the ledger ({line})")
        ready = time.perf_counter()
        if delay is not None:
            time.sleep(delay)
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(line.split()[1]), signal.SIGKILL)
        line = self._line()
        while not line.startswith("exit "):
            lines.append(line)
            if line == "done" and self.first_done is None:
                self.first_done = time.perf_counter() - ready
            line = self._line()
        return lines

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=10)
        self._out().close()


@contextlib.contextmanager
def writer(
    path: Path, *, wal: bool = False, packages: Sequence[Path] = (), data_dir: Path | None = None
) -> Iterator[Writer]:
    server = Writer(path, wal=wal, packages=packages, data_dir=data_dir)
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


# -- package import (issue #18) ------------------------------------------------------------------------

PACKAGE_TOWNSHIPS = ("第1镇", "第2镇")
ACTIVITIES_PER_TOWNSHIP = 400


@dataclass(frozen=True)
class PackageCase:
    """A county ledger and its townships' deltas; the county as an uninterrupted import leaves it."""

    pristine: Path  # the county before the import (runs work on copies)
    packages: list[Path]
    data_dir: Path  # the ledgers' keys
    changes: int  # change-log rows of the uninterrupted import
    before: dict[str, list[str]]  # package_state of the county before and after it
    after: dict[str, list[str]]


def package_state(path: Path) -> dict[str, list[str]]:
    """What an import changes, as any ledger would show it: the package tables' rows (references as
    uuids), the packages received and the senders' keys pinned."""
    with open_ledger(path, CLOCK, read_only=True) as ledger:
        state = {
            table: sorted(json.dumps(row, sort_keys=True) for row in package_store.rows(ledger, table))
            for table in package_store.PACKAGE_TABLES
        }
        state["received"] = [  # a package read again is logged again (applied before): one is enough here
            row["package_uuid"]
            for row in ledger.query(
                "SELECT DISTINCT package_uuid FROM package_log WHERE direction = 'received' ORDER BY 1"
            )
        ]
        state["pinned"] = sorted(row["ledger_id"] for row in ledger.query("SELECT ledger_id FROM pinned_key"))
    return state


def _township_work(ledger: Ledger, rng: random.Random) -> None:
    """A township's month offline: activities with their areas, one at a time, one of them deleted, and
    a branch's details changed."""
    active = [row["id"] for row in ledger.query("SELECT id FROM pairing WHERE ended_on IS NULL")]
    for _ in range(ACTIVITIES_PER_TOWNSHIP):
        with ledger.operation("activity.add"):
            added = activities.add_activity(
                ledger,
                rng.choice(active),
                dt.date(2022, 5, 1) + dt.timedelta(days=rng.randrange(18)),
                ActivityType.THEMED_DAY,
                areas=rng.sample(list(Area), rng.randint(1, 3)),
                volunteers=rng.randint(0, 40),
            )
    with ledger.operation("activity.delete"):
        activities.delete_activity(ledger, added)
    village = int(ledger.scalar("SELECT min(id) FROM branch WHERE kind = 'village'"))
    with ledger.operation("branch.edit"):
        ledger.update("branch", village, {"secretary": "王某某", "member_count": 31})


def _import(path: Path, packages: Sequence[Path]) -> int:
    argv = ["package", "import", str(path), *map(str, packages)]
    return run_cli(argv, clock=CLOCK, out=io.StringIO(), err=io.StringIO())


def make_package_case(folder: Path) -> PackageCase:
    """The small county of :func:`make_ledger`; two of its townships made from its seeds (``new --from``),
    a month of work in each and their deltas; then one uninterrupted import of both into a copy."""
    county = folder / "县 台账.bdesk"
    data_dir = folder / "数据"
    make_ledger(county)
    packages = []
    with open_ledger(county, CLOCK) as ledger:
        regions = {region.name: region for region in list_regions(ledger)}
        for number, name in enumerate(PACKAGE_TOWNSHIPS):
            seed = folder / f"{name} 初始.bdx"
            export_package(ledger, seed, full=False, data_dir=data_dir, seed=regions[name])
            township = folder / f"{name} 台账.bdesk"
            create_from_package(township, seed, CLOCK)
            with open_ledger(township, CLOCK) as own:
                _township_work(own, random.Random(number))
                packages.append(
                    export_package(own, folder / f"{name} 改动.bdx", full=False, data_dir=data_dir).path
                )
    reference = folder / "县 一次导入.bdesk"
    shutil.copyfile(county, reference)
    last = _last_change(reference)
    if _import(reference, packages) != 0:
        raise RuntimeError("the uninterrupted import failed")
    changes = _last_change(reference) - last
    return PackageCase(county, packages, data_dir, changes, package_state(county), package_state(reference))


def _last_change(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        return int(conn.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()[0])


@dataclass
class ImportRun:
    delay_ms: float
    hot_journal: bool
    applied: bool  # the killed import had committed
    problems: list[str]


def check_import(path: Path, case: PackageCase, before: Snapshot, lines: Sequence[str]) -> ImportRun:
    """The county at ``path`` after an import of the case's packages that was killed (``lines``: what the
    writer said): whole by :func:`check` and by Check database, the packages all in or not at all, and
    importing them again gives what the uninterrupted import gave."""
    hot, committed, problems, _ = check(path, before, [f"begin {case.changes}", *lines])
    with open_ledger(path, CLOCK, read_only=True) as ledger:
        problems += [f"check: {problem.code} {problem.params}" for problem in check_ledger(ledger)]
    state = package_state(path)
    if state not in (case.before, case.after):
        problems.append("the packages are neither all in nor all out")
    elif state != (case.after if committed else case.before):
        problems.append(f"{committed} imports committed, but the rows say otherwise")
    if _import(path, case.packages) != 0 or package_state(path) != case.after:
        problems.append("importing again did not give what the uninterrupted import gave")
    return ImportRun(0.0, hot, bool(committed), problems)


def package_kills(folder: Path, runs: int, seed: int) -> tuple[PackageCase, list[ImportRun]]:
    """``runs`` imports of the case's packages into a fresh copy of its county, each killed after a random
    time up to a little more than an uninterrupted import takes, and checked by :func:`check_import`."""
    case = make_package_case(folder)
    path = folder / "县 导入中.bdesk"
    rng = random.Random(seed)
    results = []
    with writer(path, packages=case.packages, data_dir=case.data_dir) as server:
        # How long the child's import takes, which a kill's delay is drawn against.
        took = []
        for _ in range(3):
            shutil.copyfile(case.pristine, path)
            if server.run(0, PACKAGE_IMPORT, None) != ["done"] or server.first_done is None:
                raise RuntimeError("the writer's uninterrupted import failed")
            took.append(server.first_done)
        seconds = sorted(took)[1]
        for _ in range(runs):
            shutil.copyfile(case.pristine, path)
            with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
                before = Snapshot.read(conn)
            delay = rng.uniform(0, seconds * 1.5)
            result = check_import(path, case, before, server.run(0, PACKAGE_IMPORT, delay))
            result.delay_ms = delay * 1000
            results.append(result)
    return case, results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--seed", type=int, default=random.SystemRandom().randrange(2**31))
    parser.add_argument("--max-delay-ms", type=float, default=60.0)
    parser.add_argument("--action", action="append", choices=ACTIONS, help="default: all, in turn")
    parser.add_argument("--wal", action="store_true", help="the writer in WAL, as the window edits")
    parser.add_argument(
        "--package-import", action="store_true", help="kill `package import` of townships' deltas instead"
    )
    args = parser.parse_args(argv)
    if args.package_import:
        return _main_package_import(args.runs, args.seed)
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


def _main_package_import(runs: int, seed: int) -> int:
    with tempfile.TemporaryDirectory(prefix="branchdesk kill ") as folder:
        started = time.perf_counter()
        case, results = package_kills(Path(folder), runs, seed)
        elapsed = time.perf_counter() - started
    failed = [result for result in results if result.problems]
    for result in failed:
        print(f"FAILED after {result.delay_ms:.1f} ms: {'; '.join(result.problems)}")
    inside = sum(result.hot_journal for result in results)
    applied = sum(result.applied for result in results)
    print(
        f"package import of {len(case.packages)} deltas ({case.changes} changes): {len(results)} kills,"
        f" {inside} inside a write (hot journal left), {applied} after the commit"
    )
    print(f"seed {seed}: {len(results)} runs in {elapsed:.1f} s, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
