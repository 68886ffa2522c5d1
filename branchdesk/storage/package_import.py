"""SQL of importing data packages (DESIGN.md §9, docs/packages.md): the receiver's rows looked up by uuid in
batches, the writes of an import with their change-log lines, and the operations of senders applied here.

The tables rows refer to (regions, units, branches, draws, key tasks, pairings: a city's are tens of
thousands at most) are held as uuid ↔ id maps for the whole import; activities, the bulk, are read a batch
at a time. Every write happens inside the caller's ``Ledger.operation``.
"""

from __future__ import annotations

import itertools
import json
import operator
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from typing import Any

from branchdesk.domain.package_merge import RegionTree, Row
from branchdesk.storage.bulk import drop_own_indexes
from branchdesk.storage.ledger import Ledger, LoggedChange
from branchdesk.storage.packages import PACKAGE_TABLES, REFERENCES, package_column

# Tables whose whole uuid ↔ id map is kept; activities are looked up a batch at a time.
MAPPED_TABLES = (
    "region", "unit", "branch", "draw", "key_task", "pairing", "agreement", "agreement_target", "plan_item",
    "work_team", "team_member",
)  # fmt: skip
AREA = "activity_area"
# The bulk of a package: activities and the rows that belong to them. Their inserts are sent to SQLite a
# batch at a time (executemany); no trigger reads them and no other table refers to them, and foreign keys
# are checked at commit.
BUFFERED = frozenset(
    table for table in PACKAGE_TABLES if table == "activity" or "activity_id" in REFERENCES[table]
)
_LOCAL = frozenset({"name_key"})
# A table taking in at least half as many rows as it holds (a city's first import of its townships' year)
# is written without its own indexes, built again just before the commit: one sort each instead of a
# B-tree insert per row, as storage/bulk.py loads a demo. Unique ones stay, so that a dry run, which never
# builds them, meets every refusal the import would. A small delta into a big ledger keeps them all.
_BULK_SHARE = 2
CHANGE_LOG = "change_log"
_APPLIED_OPERATION = "applied_operation"
# The rules the schema holds between rows (its triggers and unique keys; schema.py), as a query finding the
# row or rows a package's row would break them with, so that it is rejected (broken_rule) row by row: a
# target due before its agreement's signing (or an agreement signed after a target is due); a second open
# team for a branch; a member on two teams at once (the same phone, overlapping days); a member's month
# twice; a branch rated twice in a year; a region's half-year frozen twice. Each names the row's own
# columns (``:column``); the same record elsewhere under another uuid (a county and its township each
# entering it) is the usual cause.
_RULES: dict[str, str] = {
    "agreement_target": "SELECT 1 FROM agreement WHERE id = :agreement_id AND :due_on < signed_on",
    "agreement": "SELECT 1 FROM agreement_target WHERE agreement_id = :id AND due_on < :signed_on",
    "work_team": "SELECT 1 FROM work_team WHERE branch_id = :branch_id AND id != :id"
    " AND ended_on IS NULL AND :ended_on IS NULL",
    "team_member": "SELECT 1 FROM team_member WHERE phone = :phone AND id != :id"
    " AND from_on <= coalesce(:to_on, '9999-12-31') AND coalesce(to_on, '9999-12-31') >= :from_on",
    "team_days": "SELECT 1 FROM team_days WHERE member_id = :member_id AND month = :month AND id != :id",
    "star_rating": "SELECT 1 FROM star_rating WHERE branch_id = :branch_id AND year = :year AND id != :id",
    "plan_item_photo": "SELECT 1 FROM plan_item_photo WHERE plan_item_id = :plan_item_id AND sha256 = :sha256"
    " AND id != :id",
    "halfyear_summary": "SELECT 1 FROM halfyear_summary WHERE region_id = :region_id"
    " AND half_year = :half_year AND id != :id",
}
_APPLIED = ("applied", "applied_before")
# The senders' operations marked applied are held and written just before the commit, all in key order,
# or this many at a time (a bound on the memory they take: about 35 MB for a city's year). A city's 199
# deltas mark 300,000, a uuid each, at random places in the table: written one package's at a time, or
# 32,768 at a time, they went in between the import's other writes, and each batch's look-up of operations
# applied before probed the table growing under it (about 1 s more of the import's CPU: docs/packages.md).
_MARKS_AT = 1 << 19
# Marks per INSERT: binding them from Python is most of writing them, as for the change log's entries
# (storage/ledger._LOG_ROWS): a city's 300,000 took 0.27 s of CPU in statements of 50, 0.47 s one each.
_MARK_ROWS = 50


class _StoredPlan:
    """How a table's package row becomes a stored one: the columns as the package names them (its
    reference ``x_uuid``) and as stored (``x_id``), the references among them, each column's default."""

    def __init__(self, columns: list[tuple[str, str, str | None, Any]]) -> None:
        self.columns = columns
        self.stored = [column for _name, column, _target, _default in columns]
        names = [name for name, _column, _target, _default in columns]
        getter = operator.itemgetter(*names)
        # The values of a row's columns in one call (a tuple, also for a table of one column).
        self.taken: Callable[[Row], tuple[Any, ...]] = (
            getter if len(names) > 1 else lambda row: (getter(row),)
        )
        self.references = [
            (index, name, target) for index, (name, _column, target, _default) in enumerate(columns) if target
        ]


class ImportStore:
    """One import's view of the ledger: the maps, the table layouts and the writes."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.columns: dict[str, list[str]] = {}
        self.defaults: dict[str, dict[str, Any]] = {}
        for table in PACKAGE_TABLES:
            info = ledger.query(f"SELECT name, dflt_value FROM pragma_table_info('{table}')")
            self.columns[table] = [row["name"] for row in info if row["name"] not in _LOCAL]
            self.defaults[table] = {
                row["name"]: ledger.scalar(f"SELECT {row['dflt_value']}")
                for row in info
                if row["dflt_value"] is not None
            }
        self.ids: dict[str, dict[str, int]] = {}
        self.uuids: dict[str, dict[int, str]] = {}
        for table in MAPPED_TABLES:
            pairs = ledger.conn.execute(f"SELECT uuid, id FROM {table}").fetchall()
            self.ids[table] = dict(pairs)
            self.uuids[table] = {row_id: row_uuid for row_uuid, row_id in pairs}
        # Other ledgers' uuids for this ledger's regions, matched by earlier imports (Places).
        self.region_aliases: dict[str, int] = dict(
            ledger.conn.execute("SELECT uuid, region_id FROM region_alias").fetchall()
        )
        self.ids["region"].update(self.region_aliases)
        self.tree = RegionTree()
        for region_id, parent_id, level in ledger.conn.execute("SELECT id, parent_id, level FROM region"):
            self.tree.add(region_id, parent_id, level)
        self.branches: dict[int, tuple[int, str]] = {
            row_id: (region_id, kind)
            for row_id, region_id, kind in ledger.conn.execute("SELECT id, region_id, kind FROM branch")
        }
        self.pairings: dict[int, int] = dict(ledger.conn.execute("SELECT id, grassroots_id FROM pairing"))
        # An agreement's pairing and a target's agreement: whose they are (domain.package_merge.Owners).
        self.agreements: dict[int, int] = dict(ledger.conn.execute("SELECT id, pairing_id FROM agreement"))
        self.targets: dict[int, int] = dict(
            ledger.conn.execute("SELECT id, agreement_id FROM agreement_target")
        )
        # A team's branch and a member's team: whose they are (the township of the branch).
        self.teams: dict[int, int] = dict(ledger.conn.execute("SELECT id, branch_id FROM work_team"))
        self.members: dict[int, int] = dict(ledger.conn.execute("SELECT id, team_id FROM team_member"))
        self.items: dict[int, int] = dict(ledger.conn.execute("SELECT id, pairing_id FROM plan_item"))
        self._next_id = {
            table: itertools.count(int(ledger.scalar(f"SELECT coalesce(max(id), 0) FROM {table}")) + 1)
            for table in PACKAGE_TABLES
            if table != AREA
        }
        self._statements: dict[tuple[str, str, tuple[str, ...]], str] = {}
        self._names: dict[str, dict[str, str]] = {}  # branches' and members' names, for labels
        self._pending: dict[str, list[tuple[Any, ...]]] = {}
        self._logged: list[LoggedChange] = []  # change-log lines of the writes sent, logged at the flush
        self._dropped: list[tuple[str, str]] = []  # indexes dropped for the import, built again at its end
        self._new_aliases: dict[str, int] = {}  # regions matched in this import (Places), kept at its end
        # The senders' operations marked applied and not yet written (mark_applied): a set for the look-ups,
        # and each one's sender, seq and this ledger's operation in lists beside the uuids (a tuple each
        # took 10 MB more for a city's year).
        self._marked: set[str] = set()
        self._mark_ops: list[str] = []
        self._mark_senders: list[str] = []
        self._mark_seqs: array[int] | list[Any] = array("q")
        self._mark_operations = array("q")
        # Whether applied_operation holds an operation in effect: while it holds none, the look-ups of
        # operations applied before need only the marks held here.
        self._marked_before = (
            ledger.scalar("SELECT 1 FROM applied_operation WHERE applied = 1 LIMIT 1") is not None
        )
        # Per table: each column's name in a package, its name here, the table it refers to, its default.
        self._plans: dict[str, _StoredPlan] = {}

    def begin(self, incoming: Mapping[str, int]) -> None:
        """At the start of the import's transaction: foreign keys checked at its commit, as units and
        branches refer to each other and buffered rows go in after those read with them; the own indexes
        dropped of each table that takes in ``incoming`` rows (per table) at least half its size."""
        self.ledger.conn.execute("PRAGMA defer_foreign_keys = ON")
        bulk = [
            table
            for table, rows in incoming.items()
            if (table in BUFFERED or table == CHANGE_LOG) and rows and rows * _BULK_SHARE >= self._size(table)
        ]
        if CHANGE_LOG in bulk:  # it marks about as many operations applied as it logs lines, or fewer
            bulk.append(_APPLIED_OPERATION)
        self._dropped = drop_own_indexes(self.ledger, bulk, keep_unique=True) if bulk else []

    def _size(self, table: str) -> int:
        if table == AREA:  # no rowid: counted (it has about two rows per activity)
            return int(self.ledger.scalar(f"SELECT count(*) FROM {AREA}"))
        return int(self.ledger.scalar(f"SELECT coalesce(max(rowid), 0) FROM {table}"))

    def finish(self) -> None:
        """Just before the import commits: everything logged and marked applied, the indexes dropped at
        its start built again, and the regions matched kept."""
        self.flush()
        self._write_marks()
        for _name, sql in self._dropped:
            self.ledger.conn.execute(sql)
        self.ledger.conn.executemany(
            "INSERT OR IGNORE INTO region_alias (uuid, region_id) VALUES (?, ?)", self._new_aliases.items()
        )

    # -- reading --------------------------------------------------------------------------------------

    def rows(self, table: str, uuids: Iterable[str]) -> dict[str, Row]:
        """The rows of ``table`` with these uuids, as this ledger stores them (without name keys)."""
        self.flush()
        listed = json.dumps(sorted(set(uuids)))
        if listed == "[]":
            return {}
        cursor = self.ledger.conn.execute(
            f"SELECT {', '.join(self.columns[table])} FROM {table}"
            " WHERE uuid IN (SELECT value FROM json_each(?))",
            (listed,),
        )
        names = [column[0] for column in cursor.description]
        return {row["uuid"]: row for row in (dict(zip(names, values, strict=True)) for values in cursor)}

    def areas(self, activity_ids: Iterable[int]) -> set[tuple[int, str]]:
        listed = json.dumps(sorted(set(activity_ids)))
        return set(
            self.ledger.conn.execute(
                "SELECT activity_id, area FROM activity_area"
                " WHERE activity_id IN (SELECT value FROM json_each(?))",
                (listed,),
            ).fetchall()
        )

    def package_row(self, table: str, row: Row, activity_uuids: dict[int, str]) -> Row:
        """A stored row as a package carries it (activities' uuids given by the caller, who read them)."""
        references = REFERENCES[table]
        carried: Row = {}
        for column, value in row.items():
            if column == "id":
                continue
            if column not in references:
                carried[column] = value
                continue
            target = references[column]
            uuids = activity_uuids if target == "activity" else self.uuids[target]
            carried[package_column(column)] = None if value is None else uuids.get(value)
        return carried

    def plan(self, table: str) -> _StoredPlan:
        """How a package's row of ``table`` becomes a stored one (made once per table)."""
        plan = self._plans.get(table)
        if plan is None:
            plan = self._plans[table] = _StoredPlan(
                [
                    (
                        package_column(column) if column in REFERENCES[table] else column,
                        column,
                        REFERENCES[table].get(column),
                        self.defaults[table].get(column),
                    )
                    for column in self.columns[table]
                    if column != "id"
                ]
            )
        return plan

    def stored_row(self, table: str, row: Row, activity_ids: dict[str, int]) -> tuple[Row, str | None]:
        """A package's row as this ledger would store it (references as ids, missing columns at their
        defaults, no id yet), and the first reference column naming a row this ledger lacks."""
        plan = self.plan(table)
        try:  # every column there, as a package of this schema carries them: taken in one call
            values = list(plan.taken(row))
        except KeyError:  # an older sender's row lacks a column: its default
            values = [row.get(name, default) for name, _column, _target, default in plan.columns]
        missing = None
        for index, name, target in plan.references:
            value = values[index]
            if value is not None:
                value = values[index] = (activity_ids if target == "activity" else self.ids[target]).get(
                    str(value)
                )
                if value is None and missing is None:
                    missing = name
        return dict(zip(plan.stored, values, strict=True)), missing

    def applied_operations(self, op_uuids: Iterable[str]) -> set[str]:
        """Those of the senders' operations that are in effect here (imported, not undone), or marked
        applied earlier in this import."""
        wanted = set(op_uuids)
        applied = wanted & self._marked
        if self._marked_before:
            applied.update(
                op
                for (op,) in self.ledger.conn.execute(
                    "SELECT op_uuid FROM applied_operation WHERE applied = 1"
                    " AND op_uuid IN (SELECT value FROM json_each(?))",
                    (json.dumps(sorted(wanted)),),
                )
            )
        return applied

    def package_applied(self, package_uuid: str) -> bool:
        marks = ", ".join("?" for _ in _APPLIED)
        return (
            self.ledger.scalar(
                "SELECT 1 FROM package_log WHERE direction = 'received' AND package_uuid = ?"
                f" AND result IN ({marks})",
                (package_uuid, *_APPLIED),
            )
            is not None
        )

    def names(self, table: str) -> dict[str, str]:
        """Every branch's (or team member's) name by uuid, read once, on first use: only the window's
        labels need them."""
        found = self._names.get(table)
        if found is None:
            found = self._names[table] = dict(self.ledger.conn.execute(f"SELECT uuid, name FROM {table}"))
        return found

    # -- writing --------------------------------------------------------------------------------------

    def keep_alias(self, uuid: str, region_id: int) -> None:
        """Another ledger's uuid for this ledger's region, matched now: kept with the import (``finish``),
        so that later imports start from it; a dry run keeps nothing."""
        self.region_aliases[uuid] = region_id
        self._new_aliases[uuid] = region_id

    def new_id(self, table: str) -> int:
        return next(self._next_id[table])

    def new_ids(self, table: str) -> Iterator[int]:
        """The ids ``new_id`` gives, one per ``next``: the batch path takes them without a call each."""
        return self._next_id[table]

    def _run(self, kind: str, table: str, columns: tuple[str, ...], values: Iterable[Any]) -> None:
        self.ledger.conn.execute(self._statement(kind, table, columns), tuple(values))

    def _statement(self, kind: str, table: str, columns: tuple[str, ...]) -> str:
        key = (kind, table, columns)
        statement = self._statements.get(key)
        if statement is None:
            if kind == "insert":
                marks = ", ".join("?" for _ in columns)
                statement = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
            elif kind == "update":
                statement = f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?"
            else:
                statement = f"DELETE FROM {table} WHERE {' AND '.join(f'{c} = ?' for c in columns)}"
            self._statements[key] = statement
        return statement

    def insert(self, table: str, row: Row) -> None:
        """Insert ``row`` (with its id) and keep the maps."""
        if table in BUFFERED:  # no map keeps them
            statement = self._statement("insert", table, tuple(row))
            self._pending.setdefault(statement, []).append(tuple(row.values()))
            return
        self._run("insert", table, tuple(row), row.values())
        self._remember(table, row)

    def pending(self, table: str, columns: tuple[str, ...]) -> list[tuple[Any, ...]]:
        """The buffered inserts of ``table``'s ``columns`` (a row's values in that order) not yet sent, for
        the batch path to add rows to as ``insert`` would; a flush starts a new list."""
        return self._pending.setdefault(self._statement("insert", table, columns), [])

    def flush(self) -> None:
        """Send the buffered inserts, in the order their tables first came (before a read or another write
        of them), then log every write sent so far in one pass."""
        for statement, values in self._pending.items():
            self.ledger.conn.executemany(statement, values)
        self._pending.clear()
        if self._logged:
            self.ledger.log_changes(self._logged)
            self._logged = []

    def update(self, table: str, row_id: int, values: Row) -> None:
        self.flush()
        self._run("update", table, tuple(values), (*values.values(), row_id))

    def delete(self, table: str, row: Row) -> None:
        self.flush()
        if table == AREA:
            self._run("delete", table, ("activity_id", "area"), (row["activity_id"], row["area"]))
            return
        self._run("delete", table, ("id",), (row["id"],))

    def log(self, table: str, uuid: str, change: str, before: Row | None, after: Row | None) -> None:
        """A write of the import in this ledger's change log (its own ids: undo and the next delta), logged
        with the others at the next flush."""
        self._logged.append((table, uuid, change, before, after))

    def log_all(self, entries: list[LoggedChange]) -> None:
        """``log`` of each of ``entries``, in order (the batch path's writes)."""
        self._logged.extend(entries)

    def remember(self, table: str, row: Row) -> None:
        """Keep the maps after an update (a branch moved, a pairing's side changed)."""
        self._remember(table, row)

    def _remember(self, table: str, row: Row) -> None:
        if table in self._names:
            self._names[table][row["uuid"]] = row["name"]
        if table in self.ids:
            self.ids[table][row["uuid"]] = row["id"]
            self.uuids[table][row["id"]] = row["uuid"]
        if table == "region":
            self.tree.add(row["id"], row["parent_id"], row["level"])
        elif table == "branch":
            self.branches[row["id"]] = (row["region_id"], row["kind"])
        elif table == "pairing":
            self.pairings[row["id"]] = row["grassroots_id"]
        elif table == "agreement":
            self.agreements[row["id"]] = row["pairing_id"]
        elif table == "agreement_target":
            self.targets[row["id"]] = row["agreement_id"]
        elif table == "work_team":
            self.teams[row["id"]] = row["branch_id"]
        elif table == "team_member":
            self.members[row["id"]] = row["team_id"]
        elif table == "plan_item":
            self.items[row["id"]] = row["pairing_id"]

    def has_rules(self, table: str) -> bool:
        """Whether ``breaks_rule`` may refuse a row of ``table``."""
        return table in _RULES

    def breaks_rule(self, table: str, row: Row) -> bool:
        """Whether writing ``row`` (as stored here, its id -1 when new) would break a rule the schema holds
        between rows (_RULES): the commit, or the write itself, would refuse the whole import."""
        rule = _RULES.get(table)
        if rule is None:
            return False
        return self.ledger.conn.execute(rule, row).fetchone() is not None

    def dangling(self) -> bool:
        """Whether a row now refers to one that is gone (a deletion the sender made while this ledger still
        uses the row): the commit would refuse it, so the dry run must say so too. Scans the tables:
        called only after a deletion of a row others refer to."""
        self.flush()
        return self.ledger.conn.execute("PRAGMA foreign_key_check").fetchone() is not None

    def mark_applied(self, operations: Iterable[tuple[str, str, int]], operation_id: int) -> None:
        """The senders' operations ``(op uuid, sender ledger_id, last seq)`` are now in effect here, by this
        ledger's operation ``operation_id`` (undo turns them off again: storage/history.py). Written at
        ``finish`` (or _MARKS_AT at a time), in key order: an operation marked twice keeps its first mark,
        as the row it wrote did."""
        marked = self._marked
        for op, sender, seq in operations:
            if op not in marked:
                marked.add(op)
                self._mark_ops.append(op)
                self._mark_senders.append(sender)
                try:
                    self._mark_seqs.append(seq)
                except (TypeError, OverflowError):  # no 64-bit integer: kept as is, SQLite judges it
                    self._mark_seqs = [*self._mark_seqs, seq]
                self._mark_operations.append(operation_id)
        if len(self._mark_ops) >= _MARKS_AT:
            self._write_marks()

    def _write_marks(self) -> None:
        ops, senders, seqs, operations = (
            self._mark_ops,
            self._mark_senders,
            self._mark_seqs,
            self._mark_operations,
        )
        if not ops:
            return
        self._marked.clear()  # in the table from now on: the look-ups find them there
        self._marked_before = True
        # Sorted by the uuid alone (each is there once): half the time of sorting tuples of the rows.
        order = sorted(range(len(ops)), key=ops.__getitem__)
        values = itertools.chain.from_iterable(
            (ops[at], senders[at], seqs[at], operations[at]) for at in order
        )
        whole, rest = divmod(len(order), _MARK_ROWS)
        self.ledger.conn.executemany(
            _marks_insert(_MARK_ROWS),
            (list(itertools.islice(values, 4 * _MARK_ROWS)) for _ in range(whole)),
        )
        if rest:
            self.ledger.conn.execute(_marks_insert(rest), list(values))
        self._mark_ops, self._mark_senders = [], []
        self._mark_seqs, self._mark_operations = array("q"), array("q")


@cache
def _marks_insert(rows: int) -> str:
    """The upsert of ``rows`` marks, each bound as its uuid, sender, seq and this ledger's operation: an
    operation marked before keeps its mark unless an undo switched it off."""
    values = ", ".join("(?, ?, ?, ?, 1)" for _ in range(rows))
    return (
        "INSERT INTO applied_operation (op_uuid, sender_ledger_id, seq, operation_id, applied)"
        f" VALUES {values} ON CONFLICT (op_uuid) DO UPDATE SET"
        " operation_id = excluded.operation_id, applied = 1, seq = excluded.seq WHERE applied = 0"
    )
