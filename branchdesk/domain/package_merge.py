"""Importing data packages (DESIGN.md §9, docs/packages.md): how each change of a package meets the
receiver's row, who owns a row, and how a conflict is settled. Pure: the rows come from
storage/package_import.py and the use case is exchange/package_import.py.

Rows here are as packages carry them: every column but the ledger's own ``id`` and ``name_key``, a reference
``x_id`` as ``x_uuid``. ``updated_at`` is a stamp, not a field anyone edits: it never makes a conflict, and a
merged row keeps the later one.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
from abc import abstractmethod
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, overload

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
    BROKEN_RULE = "broken_rule"  # it would break a rule the schema holds (a target due before its signing)
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
    # A row deleted here with a record whose deletion is a conflict, listed under it: it comes back with
    # that record (table, uuid) when the package's version is taken (counted as new only then).
    follows: tuple[str, str] | None = None


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


_OF_AGREEMENTS = frozenset({"agreement", "agreement_target", "target_progress"})
_OF_BRANCH = frozenset({"star_rating", "work_team", "team_member", "team_days"})


@dataclass(frozen=True)
class Owners:
    """Who owns a row (the lead's rule, docs/packages.md "Ownership"): a grassroots branch, its star
    ratings, its work teams (their members and days), the activities of its pairings (their areas and
    absentees too) and the items of its pairings' three lists (needs, resources and projects alike, with
    their links to activities and the photos of their ticking off) belong to the township holding it;
    organ branches, units, draws, pairings and key tasks to the county (the city for city-level ones), and
    so do a pairing's agreement, its targets and their progress, as the pairing itself; a region to its
    parent; a half-year's summary to its region, the office that froze it.
    Rows are as this ledger stores them (``x_id``); the lookups give a branch's region and kind, a
    pairing's grassroots branch, an activity's, an agreement's and a list item's pairing, a target's
    agreement, a team's branch and a member's team."""

    tree: RegionTree
    branch: Callable[[int], tuple[int, str]]
    pairing_grassroots: Callable[[int], int]
    activity_pairing: Callable[[int], int]
    agreement_pairing: Callable[[int], int]
    target_agreement: Callable[[int], int]
    team_branch: Callable[[int], int]
    member_team: Callable[[int], int]
    item_pairing: Callable[[int], int]

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
        if table in _OF_AGREEMENTS:
            if table == "agreement":
                pairing = row["pairing_id"]
            elif table == "agreement_target":
                pairing = self.agreement_pairing(row["agreement_id"])
            else:
                pairing = self.agreement_pairing(self.target_agreement(row["target_id"]))
            return self.tree.nearest(self.branch(self.pairing_grassroots(pairing))[0], *county)
        if table in _OF_BRANCH:  # kept where the branch is kept, as its tier is
            if table == "team_days":
                branch = self.team_branch(self.member_team(row["member_id"]))
            elif table == "team_member":
                branch = self.team_branch(row["team_id"])
            else:
                branch = row["branch_id"]
            return self.tree.nearest(self.branch(branch)[0], RegionLevel.TOWNSHIP)
        if table == "halfyear_summary":
            return int(row["region_id"])
        if table in ("activity", "plan_item"):
            pairing = row["pairing_id"]
        elif table == "plan_item_photo":
            pairing = self.item_pairing(row["plan_item_id"])
        else:
            pairing = self.activity_pairing(row["activity_id"])
        region = self.branch(self.pairing_grassroots(pairing))[0]
        return self.tree.nearest(region, RegionLevel.TOWNSHIP)


class _Packed:
    """Strings one after another in one buffer (UTF-8), each found by its end offset: a city's dry run
    names nearly 800,000 records, which as str objects would take ten times the room."""

    def __init__(self) -> None:
        self._data = bytearray()
        self._ends = array("Q")

    def append(self, text: str) -> None:
        self._data += text.encode("utf-8")
        self._ends.append(len(self._data))

    def extend(self, texts: Iterable[str]) -> None:
        encoded = [text.encode("utf-8") for text in texts]
        ends = itertools.accumulate(map(len, encoded), initial=len(self._data))
        self._ends.extend(itertools.islice(ends, 1, None))  # after the end of the text before
        self._data += b"".join(encoded)

    def __getitem__(self, index: int) -> str:
        start = self._ends[index - 1] if index else 0
        return self._data[start : self._ends[index]].decode("utf-8")

    def find(self, text: str) -> Iterator[int]:
        """The indexes of the strings equal to ``text``, in order."""
        wanted, start = text.encode("utf-8"), 0
        while (found := self._data.find(wanted, start)) >= 0:
            index = bisect.bisect_right(self._ends, found)
            begins = self._ends[index - 1] if index else 0
            if begins == found and self._ends[index] == found + len(wanted):
                yield index
            start = found + 1


class _Rows(Sequence[RowResult]):
    """Rows made as they are read (``row``, for 0 <= index < len)."""

    @abstractmethod
    def row(self, index: int) -> RowResult: ...

    @overload
    def __getitem__(self, index: int) -> RowResult: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[RowResult]: ...

    def __getitem__(self, index: int | slice) -> RowResult | Sequence[RowResult]:
        if isinstance(index, slice):
            return [self.row(found) for found in range(*index.indices(len(self)))]
        found = index + len(self) if index < 0 else index
        if not 0 <= found < len(self):
            raise IndexError(index)
        return self.row(found)


_OUTCOMES = tuple(Outcome)
_REASONS: tuple[Rejection | None, ...] = (None, *Rejection)


class RowList(_Rows):
    """Every line's RowResult of a dry run (the window's table), held compactly: codes in arrays, uuids and
    labels packed; a RowResult is made only when a row is read. Rows come package after package, so each
    package's rows are one stretch; per outcome, the rows' positions in order (the filters)."""

    def __init__(self) -> None:
        self._packages: list[str] = []  # in the order their rows came
        self._starts = array("Q")  # where each package's rows begin
        self._tables: list[str] = []
        self._package = array("I")
        self._table = array("B")
        self._outcome = array("B")
        self._reason = array("B")
        self._seq = array("q")  # -1: none (a full package's row)
        self._columns: dict[int, tuple[str, ...]] = {}  # merged or conflicting columns, where there are any
        self._follows: dict[int, tuple[str, str]] = {}  # the conflict a row comes back with, where it does
        self._uuids = _Packed()
        self._labels = _Packed()
        self._by_outcome: dict[Outcome, array[int]] = {outcome: array("Q") for outcome in _OUTCOMES}

    def append(self, row: RowResult) -> None:
        index = len(self._outcome)
        if not self._packages or self._packages[-1] != row.package_uuid:
            self._packages.append(row.package_uuid)
            self._starts.append(index)
        if row.table not in self._tables:
            self._tables.append(row.table)
        self._package.append(len(self._packages) - 1)
        self._table.append(self._tables.index(row.table))
        self._outcome.append(_OUTCOMES.index(row.outcome))
        self._reason.append(_REASONS.index(row.reason))
        self._seq.append(-1 if row.seq is None else row.seq)
        if row.columns:
            self._columns[index] = row.columns
        if row.follows is not None:
            self._follows[index] = row.follows
        self._uuids.append(row.uuid)
        self._labels.append(row.label)
        self._by_outcome[row.outcome].append(index)

    def extend_new(self, package_uuid: str, rows: Sequence[tuple[int | None, str, str, str]]) -> None:
        """Rows of one package, each new, without reason, columns or the conflict it follows:
        ``(seq, table, uuid, label)`` each, as ``append`` of their RowResults would keep them (the batch
        path's new lines: a city's dry run names 800,000)."""
        if not rows:
            return
        index = len(self._outcome)
        if not self._packages or self._packages[-1] != package_uuid:
            self._packages.append(package_uuid)
            self._starts.append(index)
        tables = dict.fromkeys(row[1] for row in rows)  # in the order they come, as append adds them
        for table in tables:
            if table not in self._tables:
                self._tables.append(table)
        codes = {table: self._tables.index(table) for table in tables}
        count = len(rows)
        self._package.extend(itertools.repeat(len(self._packages) - 1, count))
        self._table.extend(codes[row[1]] for row in rows)
        self._outcome.extend(itertools.repeat(_OUTCOMES.index(Outcome.NEW), count))
        self._reason.extend(itertools.repeat(_REASONS.index(None), count))
        self._seq.extend(-1 if row[0] is None else row[0] for row in rows)
        self._uuids.extend(row[2] for row in rows)
        self._labels.extend(row[3] for row in rows)
        self._by_outcome[Outcome.NEW].extend(range(index, index + count))

    def __len__(self) -> int:
        return len(self._outcome)

    def row(self, index: int) -> RowResult:
        seq = self._seq[index]
        return RowResult(
            self._packages[self._package[index]],
            None if seq < 0 else seq,
            self._tables[self._table[index]],
            self._uuids[index],
            _OUTCOMES[self._outcome[index]],
            _REASONS[self._reason[index]],
            self._columns.get(index, ()),
            self._labels[index],
            self._follows.get(index),
        )

    def where(self, outcomes: Iterable[Outcome], package_uuid: str | None = None) -> Sequence[RowResult]:
        """The rows of these outcomes (of one package, or of all), in their order."""
        ends = [*self._starts[1:], len(self)]
        stretches = (
            [(0, len(self))]
            if package_uuid is None
            else [
                (start, end)
                for uuid, start, end in zip(self._packages, self._starts, ends, strict=True)
                if uuid == package_uuid  # one stretch, unless the same package came twice
            ]
        )
        shown = set(outcomes)
        if shown >= set(_OUTCOMES) and len(stretches) == 1:
            return _Picked(self, range(*stretches[0]))
        picked = []
        for outcome in _OUTCOMES if shown >= set(_OUTCOMES) else shown:
            positions = self._by_outcome[outcome]
            for start, end in stretches:
                low, high = bisect.bisect_left(positions, start), bisect.bisect_left(positions, end)
                picked.append(positions[low:high])
        return _Picked(self, array("Q", heapq.merge(*picked)))

    def label_of(self, uuid: str, table: str | None = None) -> str:
        """The label of the first row of the record ``uuid`` (of ``table``, or any) that has one ('' if
        none)."""
        labels = (
            self._labels[index]
            for index in self._uuids.find(uuid)
            if table is None or self._tables[self._table[index]] == table
        )
        return next((label for label in labels if label), "")


class _Picked(_Rows):
    """Some rows of a RowList, by position."""

    def __init__(self, rows: RowList, positions: Sequence[int]) -> None:
        self._rows, self._positions = rows, positions

    def __len__(self) -> int:
        return len(self._positions)

    def row(self, index: int) -> RowResult:
        return self._rows.row(self._positions[index])
