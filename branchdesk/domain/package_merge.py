"""Importing data packages (DESIGN.md §9, docs/packages.md): how each change of a package meets the
receiver's row, who owns a row, and how a conflict is settled. Pure: the rows come from
storage/package_import.py and the use case is exchange/package_import.py.

Rows here are as packages carry them: every column but the ledger's own ``id`` and ``name_key``, a reference
``x_id`` as ``x_uuid``. ``updated_at`` is a stamp, not a field anyone edits: it never makes a conflict, and a
merged row keeps the later one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from branchdesk.domain.enums import RegionLevel

Row = dict[str, Any]
STAMP = "updated_at"


class Outcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"  # a deletion is an update too: the row is as the sender has it
    UNCHANGED = "unchanged"
    APPLIED_BEFORE = "applied_before"  # its operation was imported here before
    MERGED = "merged"  # both sides changed the row, in different columns
    CONFLICT = "conflict"
    REJECTED = "rejected"


# The keys of the ``counts`` of ``package import --json`` (the exact names).
COUNT_KEYS: dict[Outcome, str] = {
    Outcome.NEW: "new",
    Outcome.UPDATED: "updated",
    Outcome.UNCHANGED: "unchanged",
    Outcome.APPLIED_BEFORE: "applied_before",
    Outcome.MERGED: "merged",
    Outcome.CONFLICT: "conflicts",
    Outcome.REJECTED: "rejected",
}


class Rejection(StrEnum):
    OUTSIDE_SCOPE = "outside_scope"  # the row's owner region is not in the sender's scope
    UNKNOWN_REFERENCE = "unknown_reference"  # it refers to a row neither ledger nor package holds
    LOCKED_MONTH = "locked_month"  # it changes a month this ledger has locked: unlock first
    GAP = "gap"  # a whole package: changes are missing before it ("ask for a new package")


class Take(StrEnum):
    MINE = "mine"
    THEIRS = "theirs"


Choice = Take | Mapping[str, Take]


@dataclass(frozen=True)
class Settlement:
    """How the conflicts of an import are settled: ``rows`` per (table, uuid), either one side for the whole
    row or a side per conflicting column (a column not named keeps mine); ``take`` for every other
    conflict. A conflict no choice covers is unsettled, and an import with one is not applied.
    A conflict where one side deleted the row takes a side for the whole row (a per-column choice keeps
    mine)."""

    take: Take | None = None
    rows: Mapping[tuple[str, str], Choice] = field(default_factory=dict)

    def choice(self, table: str, uuid: str) -> Choice | None:
        return self.rows.get((table, uuid), self.take)


@dataclass(frozen=True)
class RowResult:
    """What became of one line of a package."""

    package_uuid: str
    seq: int | None
    table: str
    uuid: str
    outcome: Outcome
    reason: Rejection | None = None
    columns: tuple[str, ...] = ()  # merged or conflicting columns
    label: str = ""  # how a clerk knows the record (only when the rows are kept, for the window)


@dataclass(frozen=True)
class Conflict:
    """A row both sides changed differently: ``before`` as the sender had it before its change (None: the
    sender made it), ``mine`` as this ledger has it, ``theirs`` as the sender has it (None: deleted)."""

    table: str
    uuid: str
    package_uuid: str
    seq: int | None
    columns: tuple[str, ...]
    before: Row | None
    mine: Row | None
    theirs: Row | None
    settled: Take | Mapping[str, Take] | None = None


@dataclass(frozen=True)
class Decision:
    """How a change meets the receiver's row: ``write`` says whether the row becomes ``result``
    (None: deleted)."""

    outcome: Outcome
    columns: tuple[str, ...] = ()
    write: bool = False
    result: Row | None = None


def _fields(row: Mapping[str, Any]) -> set[str]:
    return {column for column in row if column != STAMP}


def same(row: Mapping[str, Any], other: Mapping[str, Any]) -> bool:
    """The same record in every field ``row`` has (the stamp aside)."""
    return all(other.get(column) == row[column] for column in _fields(row))


def _changed(old: Mapping[str, Any], new: Mapping[str, Any]) -> set[str]:
    return {column for column in _fields(new) if old.get(column) != new[column]}


def decide(change: str, before: Row | None, after: Row | None, current: Row | None) -> Decision:
    """A logged change (insert, update, delete; ``before``/``after`` as the sender logged it) against the
    receiver's row ``current`` (None: there is none): applies when the row still equals ``before``; equal
    results are no conflict; different columns merge."""
    if current is None:
        if after is None:
            return Decision(Outcome.UNCHANGED)  # deleted on both sides
        if change == "insert":
            return Decision(Outcome.NEW, write=True, result=after)
        return Decision(Outcome.CONFLICT, tuple(sorted(_fields(after))))  # mine deleted, theirs edited
    if after is None:
        if before is not None and same(before, current):
            return Decision(Outcome.UPDATED, write=True, result=None)
        return Decision(Outcome.CONFLICT, tuple(sorted(_changed(before or {}, current))))
    if same(after, current):
        return Decision(Outcome.UNCHANGED)
    if before is None:  # made on both sides with one uuid: only a re-seed does that
        return Decision(Outcome.CONFLICT, tuple(sorted(_changed(current, after))))
    if same(before, current):
        return Decision(Outcome.UPDATED, write=True, result=after)
    theirs = _changed(before, after)
    clash = {column for column in theirs & _changed(before, current) if current.get(column) != after[column]}
    if clash:
        return Decision(Outcome.CONFLICT, tuple(sorted(clash)))
    return Decision(Outcome.MERGED, tuple(sorted(theirs)), write=True, result=_merged(current, after, theirs))


def decide_row(row: Row, current: Row | None) -> Decision:
    """A row of a full package: the sender's record as it stands now, compared by uuid."""
    if current is None:
        return Decision(Outcome.NEW, write=True, result=row)
    if same(row, current):
        return Decision(Outcome.UNCHANGED)
    return Decision(Outcome.UPDATED, write=True, result=row)


def _merged(current: Row, after: Row, columns: set[str]) -> Row:
    row = {**current, **{column: after[column] for column in columns}}
    if STAMP in after:
        row[STAMP] = max(str(current.get(STAMP) or ""), str(after[STAMP]))
    return row


def settle(conflict: Conflict, choice: Choice) -> Decision:
    """The row a settled conflict leaves: theirs or mine for the conflicting columns (the sender's other
    changes merge either way); a deletion on either side takes one side whole."""
    mine, theirs = conflict.mine, conflict.theirs
    if mine is None or theirs is None:
        take_theirs = choice is Take.THEIRS
        return Decision(Outcome.CONFLICT, conflict.columns, write=take_theirs, result=theirs)
    theirs_changed = _changed(conflict.before or mine, theirs)
    chosen = {
        column
        for column in theirs_changed
        if column not in conflict.columns
        or (choice if isinstance(choice, Take) else choice.get(column, Take.MINE)) is Take.THEIRS
    }
    result = _merged(mine, theirs, chosen)
    return Decision(Outcome.CONFLICT, conflict.columns, write=result != mine, result=result)


class RegionTree:
    """The regions of a ledger by id: which lies in which, and each one's township, county and city."""

    def __init__(self) -> None:
        self._parent: dict[int, int | None] = {}
        self._level: dict[int, str] = {}

    def add(self, region_id: int, parent_id: int | None, level: str) -> None:
        self._parent[region_id] = parent_id
        self._level[region_id] = level

    def within(self, region_id: int, scope_id: int) -> bool:
        """``region_id`` is ``scope_id`` or lies inside it."""
        found: int | None = region_id
        while found is not None:
            if found == scope_id:
                return True
            found = self._parent.get(found)
        return False

    def nearest(self, region_id: int, *levels: RegionLevel) -> int:
        """The region itself or its nearest ancestor at one of ``levels`` (the region itself if none)."""
        found: int | None = region_id
        while found is not None:
            if self._level.get(found) in levels:
                return found
            found = self._parent.get(found)
        return region_id


@dataclass(frozen=True)
class Owners:
    """Who owns a row (the lead's rule, docs/packages.md "Ownership"): a grassroots branch and the
    activities of its pairings (their areas and absentees too) belong to the township holding it; organ
    branches, units, draws, pairings and key tasks to the county (the city for city-level ones); a region
    to its parent. Rows are as this ledger stores them (``x_id``); the lookups give a branch's region and
    kind, a pairing's grassroots branch and an activity's pairing."""

    tree: RegionTree
    branch: Callable[[int], tuple[int, str]]
    pairing_grassroots: Callable[[int], int]
    activity_pairing: Callable[[int], int]

    def owner(self, table: str, row: Mapping[str, Any], sender_scope: int) -> int:
        county = (RegionLevel.COUNTY, RegionLevel.CITY)
        if table == "region":
            return int(row["parent_id"] or row["id"])  # the city: itself
        if table == "unit":
            return self.tree.nearest(row["region_id"], *county)
        if table == "branch":
            if row["kind"] == "organ":
                return self.tree.nearest(row["region_id"], *county)
            return self.tree.nearest(row["region_id"], RegionLevel.TOWNSHIP)
        if table == "draw":
            return self.tree.nearest(row["scope_region_id"], *county)
        if table == "key_task":  # the programme's, not a place's: the county of the sender
            return self.tree.nearest(sender_scope, *county)
        if table == "pairing":
            return self.tree.nearest(self.branch(row["grassroots_id"])[0], *county)
        pairing = row["pairing_id"] if table == "activity" else self.activity_pairing(row["activity_id"])
        region = self.branch(self.pairing_grassroots(pairing))[0]
        return self.tree.nearest(region, RegionLevel.TOWNSHIP)
