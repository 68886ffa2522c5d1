"""Importing data packages (``branchdesk-cli package import``, DESIGN.md §9, docs/packages.md "Import").

Every package is verified first (exchange/package_files.read_package, against the key pinned for its
sender); a package of an office that is neither above nor below this one is refused. Then, per sender in
the order of its sequence, every change (a delta's lines, a full package's rows and tombstones) meets this
ledger's row: new, updated, unchanged, applied before, merged, a conflict, or rejected with a reason.

The dry run and the import are one code path: the changes are written inside one ``Ledger.operation`` as
they are classified (the file is the state a later change meets, so a city's year never has to be held in
memory), and a dry run, or an import with a conflict nobody settled, rolls the whole transaction back. An
import that commits is one operation, so Edit ▸ Undo takes all of it back; its changes are in this ledger's
change log and travel on upward in its next delta.
"""

from __future__ import annotations

import dataclasses
import itertools
import operator
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.package_merge import (
    COUNT_KEYS,
    Conflict,
    Decision,
    Outcome,
    Owners,
    Rejection,
    RowList,
    RowResult,
    Settlement,
    decide,
    decide_row,
    settle,
)
from branchdesk.domain.packages import (
    CHANGES,
    THUMBNAILS,
    TOMBSTONES,
    Manifest,
    MemberDigest,
    PackageKind,
    rows_member,
)
from branchdesk.exchange.package_files import Package, read_package
from branchdesk.exchange.package_media import take_pictures
from branchdesk.exchange.package_scope import (
    Places,
    SenderScope,
    as_here,
    check_records_kept_here,
    sender_scope,
)
from branchdesk.services.offices import check_sender
from branchdesk.storage import history as history_store
from branchdesk.storage import identity as identity_store
from branchdesk.storage import offices as office_store
from branchdesk.storage import packages as package_store
from branchdesk.storage.ledger import Ledger, LoggedChange
from branchdesk.storage.month_locks import MonthLocks
from branchdesk.storage.package_import import AREA, BUFFERED, CHANGE_LOG, ImportStore
from branchdesk.storage.packages import PACKAGE_TABLES, REFERENCES, keep_images

ACTION = "package.import"
# The tables whose rows decide who owns an activity (its pairing, its grassroots branch, their region).
_OWNERS_OF_ACTIVITIES = frozenset({"region", "branch", "pairing"})
# Lines looked up together: one query per table instead of one per row. Small enough for a batch's lines
# and rows to stay in the processor's cache while they are looked up, decided and written: a city's 199
# deltas took 40 % more CPU in batches of 4,000 lines than of 250.
_BATCH = 250
_OP, _SEQ = operator.itemgetter("op"), operator.itemgetter("seq")
_ACTIVITY_UUID = operator.methodcaller("get", "activity_uuid")
_AREA_COLUMNS = ("activity_id", "area")
_OF_ACTIVITY = frozenset(table for table in PACKAGE_TABLES if "activity_id" in REFERENCES[table])
# Rows named by the record they belong to: the table and the row's column naming it.
_OF_NAMED = {"work_team": ("branch", "branch_uuid"), "team_days": ("team_member", "member_uuid")}
# How the rows deleted with a record refer to it, where not as ``<table>_id``.
_REFERRED_AS = {"work_team": "team_id", "team_member": "member_id"}

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PackageResult:
    """One package of an import: ``result`` is applied, applied_before (nothing in it was new), refused (a
    gap before it), dry_run, or not_applied (the import had unsettled conflicts)."""

    package: Package
    result: str
    lines: int
    follows: int | None = None  # refused: the sender's last change this ledger has

    @property
    def path(self) -> Path:
        return self.package.path

    def summary(self) -> dict[str, Any]:
        manifest = self.package.manifest
        sender = manifest.sender
        return {
            "path": str(self.package.path),
            "package_uuid": manifest.package_uuid,
            "kind": str(manifest.kind),
            "sender": sender.ledger_id,
            "scope": None if sender.scope is None else sender.scope.path,
            "fingerprint": sender.fingerprint,
            "from": manifest.from_seq,
            "to": manifest.to_seq,
            "lines": self.lines,
            "result": self.result,
        }


@dataclass
class ImportResult:
    packages: list[PackageResult]
    counts: Counter[Outcome] = field(default_factory=Counter)
    conflicts: list[Conflict] = field(default_factory=list)
    rejected: list[RowResult] = field(default_factory=list)
    merged: list[RowResult] = field(default_factory=list)
    rows: RowList = field(default_factory=RowList)  # every line, when asked for (the window's table)
    applied: bool = False
    operation_id: int | None = None  # the import's operation, for Edit ▸ Undo
    pictures: int = 0  # put into the photo store (full packages and seeds carry them)

    @property
    def unsettled(self) -> int:
        return sum(1 for conflict in self.conflicts if conflict.settled is None)

    def summary(self) -> dict[str, Any]:
        """``package import --json``: the issue's keys exactly."""
        return {
            "packages": [package.summary() for package in self.packages],
            "counts": {key: self.counts[outcome] for outcome, key in COUNT_KEYS.items()},
            "conflicts": [
                {
                    "table": conflict.table,
                    "uuid": conflict.uuid,
                    "package_uuid": conflict.package_uuid,
                    "seq": conflict.seq,
                    "columns": list(conflict.columns),
                    "mine": conflict.mine,
                    "theirs": conflict.theirs,
                    "settled": None if conflict.settled is None else _choice_json(conflict.settled),
                }
                for conflict in self.conflicts
            ],
            "rejected": [
                {"table": row.table, "uuid": row.uuid, "reason": str(row.reason)} for row in self.rejected
            ],
            "pictures": self.pictures,
        }


def _choice_json(choice: Any) -> Any:
    return str(choice) if isinstance(choice, str) else {column: str(take) for column, take in choice.items()}


class _RolledBackError(Exception):
    """Leaves the import's transaction without keeping anything (a dry run, unsettled conflicts)."""


def import_packages(
    ledger: Ledger,
    paths: Sequence[Path],
    *,
    apply: bool,
    settle: Settlement | None = None,
    keep_rows: bool = False,
    progress: Progress | None = None,
    batched: bool = True,
) -> ImportResult:
    """Verify every package, then classify (and with ``apply``, import) their changes as one operation.
    ``batched`` False decides every line by itself (the batch path's tests compare the two)."""
    if ledger.read_only:
        raise BranchDeskError("ledger.read_only", path=str(ledger.path))
    packages = [
        read_package(
            Path(path),
            pinned_key=lambda sender: office_store.pinned_public_key(ledger, sender),
            contents=False,  # each line is checked as the import reads it: a refusal rolls it all back
        )
        for path in paths
    ]
    store = ImportStore(ledger)
    mine = identity_store.identity(ledger)
    places = Places(store)
    scopes = {
        package.manifest.package_uuid: sender_scope(places, package, mine.scope_region_id)
        for package in packages
    }
    for package in packages:  # a re-created ledger claiming an office's scope waits for `package trust`
        check_sender(ledger, as_here(package.manifest, store))
        if mine.scope_region_id is not None:  # without one, sender_scope has refused it
            check_records_kept_here(
                store, package, scopes[package.manifest.package_uuid], mine.scope_region_id
            )
    packages.sort(key=lambda p: (p.manifest.sender.ledger_id, p.manifest.from_seq or 1, p.manifest.to_seq))
    run = _Run(
        store,
        places,
        settle or Settlement(),
        keep_rows,
        progress,
        MonthLocks(ledger, logged=False),
        batched=batched,
    )
    run.total = sum(member.lines for p in packages for member in p.manifest.members.values())
    result = ImportResult([])
    run.result = result
    try:
        with ledger.operation(ACTION) as operation_id:
            incoming: Counter[str] = Counter()
            for package in packages:
                incoming.update(package.manifest.counts)
            if apply:  # each line's write is logged
                incoming[CHANGE_LOG] = sum(incoming.values())
            store.begin(incoming)
            for package in packages:
                scope = scopes[package.manifest.package_uuid]
                result.packages.append(run.package(package, scope, operation_id, log=apply))
            if run.parent_deleted and store.dangling():
                raise BranchDeskError("row.foreign_key")
            keep = apply and not result.unsettled
            if keep:
                store.finish()
            # The last step before the commit (a dry run checks them too): a picture refused rolls it back.
            result.pictures = take_pictures(ledger, packages, write=keep)
            if not keep:
                raise _RolledBackError
            for entry in result.packages:
                _record(ledger, as_here(entry.package.manifest, store), entry, operation_id)
            result.applied = True
            result.operation_id = operation_id
    except _RolledBackError:
        label = "dry_run" if not apply else "not_applied"
        result.packages = [
            dataclasses.replace(entry, result=entry.result if entry.result == "refused" else label)
            for entry in result.packages
        ]
    return result


def _record(ledger: Ledger, manifest: Manifest, entry: PackageResult, operation_id: int) -> None:
    """The package log's ``received`` line and, on a sender's first accepted package, its key pinned (its
    scope as this ledger names it); in the import's own transaction, so a crash keeps all or none."""
    sender = manifest.sender
    if entry.result != "refused" and office_store.pinned(ledger, sender.ledger_id) is None:
        office_store.pin_sender(ledger, sender)
    package_store.record_package(
        ledger,
        "received",
        office_store.log_line(
            manifest,
            {
                "sha256": entry.package.sha256,
                "result": entry.result,
                "operation_id": operation_id,
                "at": ledger.now(),
            },
        ),
    )


def _batches(values: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(values)
    while batch := list(itertools.islice(iterator, _BATCH)):
        yield batch


def _values(
    taken: Callable[[dict[str, Any]], tuple[Any, ...]],
    row: dict[str, Any],
    references: list[tuple[int, dict[str, int]]],
) -> list[Any] | None:
    """A package's row as stored values (ImportStore.stored_row's), or None where ``stored_row`` has more
    to do: a column missing, a reference that is not a uuid here."""
    try:
        values = list(taken(row))
    except KeyError:
        return None
    for index, ids in references:
        value = values[index]
        if value is not None:
            value = values[index] = ids.get(value) if type(value) is str else None
            if value is None:
                return None
    return values


def _activity_label(row: dict[str, Any]) -> str:
    """Its day and theme (or summary, or type), those it has."""
    held, what = row.get("held_on"), row.get("theme") or row.get("summary") or row.get("type")
    return f"{held} {what}" if held and what else str(held or what or "")


def _dependent_label(label: str, row: dict[str, Any]) -> str:
    """A row deleted with a record (an activity's area, absentee or photo), known by that record's label."""
    return f"{label} · {row.get('area') or row.get('name') or row.get('caption') or ''}"


def _grouped_batches(
    rows: Iterable[dict[str, Any]], key: Callable[[dict[str, Any]], Any]
) -> Iterator[list[dict[str, Any]]]:
    """Batches that never split a run of rows with one ``key``: a full package's areas of one activity, a
    delta's lines of one operation (an activity's areas taken away wait for its own deletion in the same
    batch, whatever the batch size)."""
    batch: list[dict[str, Any]] = []
    for _key, group in itertools.groupby(rows, key=key):
        if len(batch) >= _BATCH:
            yield batch
            batch = []
        batch.extend(group)
    if batch:
        yield batch


class _Run:
    """One import: the packages in order, each change against the file as the earlier ones left it."""

    def __init__(
        self,
        store: ImportStore,
        places: Places,
        settlement: Settlement,
        keep_rows: bool,
        progress: Progress | None,
        locks: MonthLocks,
        *,
        batched: bool = True,
    ) -> None:
        self.store = store
        self.places = places
        self.settlement = settlement
        self.keep_rows = keep_rows
        self.progress = progress
        self.locks = locks  # the open ones (the import's own writes lock nothing)
        self.batched = batched  # the batch path (_batch) for the common lines
        self.result = ImportResult([])
        self.total = 0
        self.done = 0
        self.last: dict[str, int] = {}  # per sender: its last change applied, here or earlier in this run
        self.log = False
        # Per batch: the rows looked up (None: not here), activities' ids and pairings, areas present.
        self.state: dict[tuple[str, str], dict[str, Any] | None] = {}
        self.activity_ids: dict[str, int] = {}
        self.activity_uuids: dict[int, str] = {}
        self.activity_pairing: dict[int, int] = {}
        self.areas: set[tuple[int, str]] = set()
        self.owners = Owners(
            store.tree,
            branch=lambda row_id: store.branches[row_id],
            pairing_grassroots=lambda row_id: store.pairings[row_id],
            activity_pairing=lambda row_id: self.activity_pairing[row_id],
            agreement_pairing=lambda row_id: store.agreements[row_id],
            target_agreement=lambda row_id: store.targets[row_id],
            team_branch=lambda row_id: store.teams[row_id],
            member_team=lambda row_id: store.members[row_id],
            item_pairing=lambda row_id: store.items[row_id],
        )
        self.package_uuid = ""
        self.scope = 0  # the sender's region here; 0 (no region) until a county new here has brought it
        self.arriving: str | None = None  # the uuid of that county's region, on its way
        self._seen: set[str] = set()  # full packages taken in this run
        self._taken: set[str] = set()  # a dry run's senders' operations taken so far
        self._deferred: dict[str, list[dict[str, Any]]] = {}  # area deletions waiting for their activity
        self.parent_deleted = False  # a row other tables refer to was deleted: check for dangling ones
        self.op = ""  # the operation of the line at hand
        self.line_row: dict[str, Any] = {}  # and its row, for its label
        self.read: list[MemberDigest] = []  # the members of the package at hand read so far
        self._stored: tuple[dict[str, Any] | None, dict[str, Any]] = (None, {})  # the last row made local
        # Per pairing, whether its activities (their areas, absentees, photos) are the sender's: asked once
        # per package, not per row (a township's year is thousands of activities of tens of pairings);
        # forgotten when a region, branch or pairing is written.
        self._pairing_owned: dict[int, bool] = {}
        # Operations with a change rejected for a reason that may pass later (a month unlocked, the row
        # referred to arrived): not marked applied, so the same package brings that change then.
        self._retry: set[str] = set()

    # -- packages -------------------------------------------------------------------------------------

    def package(self, package: Package, scope: SenderScope, operation_id: int, *, log: bool) -> PackageResult:
        """One package taken in; its every line checked (hash, count) before the import may keep any."""
        self.read = []
        taken = self._package(package, scope, operation_id, log=log)
        self.store.flush()
        package.check_read(self.read)
        return taken

    def _package(
        self, package: Package, scope: SenderScope, operation_id: int, *, log: bool
    ) -> PackageResult:
        manifest = package.manifest
        sender = manifest.sender.ledger_id
        self.package_uuid, self.log = manifest.package_uuid, log
        self._pairing_owned.clear()  # the sender's scope is this package's
        self.scope = scope.region_id or self.store.ids["region"].get(scope.uuid, 0)
        self.arriving = None if self.scope else scope.uuid
        last = self.last.setdefault(sender, office_store.applied_sequence(self.store.ledger, sender))
        lines = sum(member.lines for member in manifest.members.values())
        if manifest.kind is PackageKind.DELTA and (manifest.from_seq or 1) > last + 1:
            gap = self._result(
                None,
                "package",
                manifest.package_uuid,
                Outcome.REJECTED,
                reason=Rejection.GAP,
                label=package.path.name,
            )
            self._row(gap)
            self._advance(lines)
            return PackageResult(package, "refused", lines, follows=last)
        if manifest.kind is not PackageKind.DELTA and (
            self.store.package_applied(manifest.package_uuid) or manifest.package_uuid in self._seen
        ):
            self.result.counts[Outcome.APPLIED_BEFORE] += lines
            self._advance(lines)
            return PackageResult(package, "applied_before", lines)
        self._seen.add(manifest.package_uuid)
        before = Counter(self.result.counts)
        if manifest.kind is PackageKind.DELTA:
            operations = self._changes(package.values(CHANGES, self.read), sender)
            if self.log:
                self.store.mark_applied(operations, operation_id)
            else:  # a dry run keeps nothing: the packages after this one need only know
                self._taken.update(op for op, _sender, _seq in operations)
        else:
            self._rows(package)
        if THUMBNAILS in manifest.members:  # the pictures' facts and thumbnails, by hash, unlogged
            keep_images(self.store.ledger, package.values(THUMBNAILS, self.read))
        self.last[sender] = max(last, manifest.to_seq)
        counts = self.result.counts - before
        nothing_new = sum(counts.values()) == counts[Outcome.APPLIED_BEFORE] + counts[Outcome.UNCHANGED]
        repeated = nothing_new and counts[Outcome.APPLIED_BEFORE] > 0
        return PackageResult(package, "applied_before" if repeated else "applied", lines)

    def _advance(self, lines: int) -> None:
        self.done += lines
        if self.progress is not None:
            self.progress(self.done, self.total)

    def _row(self, row: RowResult) -> None:
        self.result.counts[row.outcome] += 1
        if row.outcome is Outcome.REJECTED:
            self.result.rejected.append(row)
            if row.reason in (Rejection.LOCKED_MONTH, Rejection.UNKNOWN_REFERENCE):
                self._retry.add(self.op)
        elif row.outcome is Outcome.MERGED:
            self.result.merged.append(row)
        if self.keep_rows:
            self.result.rows.append(row)

    # -- a delta's changes ----------------------------------------------------------------------------

    def _changes(self, lines: Iterable[dict[str, Any]], sender: str) -> list[tuple[str, str, int]]:
        operations: dict[str, int] = {}
        for batch in _grouped_batches(lines, _OP):
            ops = set(map(_OP, batch))
            applied = self.store.applied_operations(ops) | (ops & self._taken)
            deleted = self._look_up_changes(batch)
            operations.update(zip(map(_OP, batch), map(_SEQ, batch), strict=True))
            if self.batched:
                self._batch(batch, applied, deleted)
            else:
                for line in batch:
                    self._line(line, applied, deleted)
            self._advance(len(batch))
        return [(op, sender, seq) for op, seq in operations.items() if op not in self._retry]

    def _look_up_changes(self, batch: list[dict[str, Any]]) -> set[str]:
        """``_look_up`` of a delta's lines, in one pass that also gives the activities the batch deletes
        (their areas, taken away before them, wait for their fate)."""
        wanted: dict[str, set[str]] = {"activity": set()}
        activities, deleted = wanted["activity"], set()
        for line in batch:
            table = line["table"]
            if table == "activity":
                activities.add(line["uuid"])
                if line["after"] is None:
                    deleted.add(line["uuid"])
                continue
            if table != AREA:
                wanted.setdefault(table, set()).add(line["uuid"])
            if table in _OF_ACTIVITY:
                row = line["before"] or line["after"] or {}
                activities.add(str(row.get("activity_uuid") or line["uuid"]))
        if not activities:
            del wanted["activity"]
        self._rows_of(wanted)
        return deleted

    def _line(self, line: dict[str, Any], applied: set[str], deleted: set[str]) -> None:
        """One change of a delta, decided by itself."""
        self.op = line["op"]
        self.line_row = line["after"] or line["before"] or {}
        if line["op"] in applied:
            self._count(line["seq"], line["table"], line["uuid"], Outcome.APPLIED_BEFORE)
        elif line["table"] == AREA and line["after"] is None and line["uuid"] in deleted:
            self._deferred.setdefault(line["uuid"], []).append(line)  # goes with its activity
        elif line["table"] == AREA:
            self._area(line["seq"], line["change"], line["uuid"], line["before"], line["after"])
        else:
            self._change(line)

    def _batch(self, batch: list[dict[str, Any]], applied: set[str], deleted: set[str]) -> None:
        """A batch of a delta's changes, its common lines decided here without a call each: a change of
        an operation applied before, a new activity (not here, not made or deferred earlier, its references
        here, its pairing the sender's, outside the locks) and an area added to an activity here (its
        pairing the sender's, outside the locks). They end exactly as ``_line`` would end them (the same
        rows and ids, change-log lines, counts, and the window's rows with their labels); every other line
        goes to ``_line``, in its place, so the file and the log meet the lines in their order. A line in a
        locked month goes there too: rejected, and its operation tried again later (``_retry``)."""
        store = self.store
        plan = store.plan("activity")
        taken = plan.taken
        columns = ("id", *plan.stored)
        references = [
            (index, self.activity_ids if target == "activity" else store.ids[target])
            for index, _name, target in plan.references
        ]
        pairing_at, held_at = plan.stored.index("pairing_id"), plan.stored.index("held_on")
        new_ids = store.new_ids("activity")
        activity_ids, activity_uuids, activity_pairing = (
            self.activity_ids,
            self.activity_uuids,
            self.activity_pairing,
        )
        areas, owned, deferred, state = self.areas, self._pairing_owned, self._deferred, self.state
        # An activity with a second line in the batch is decided line by line: that line meets its row.
        made = [line["uuid"] for line in batch if line["table"] == "activity"]
        twice = (
            {uuid for uuid, times in Counter(made).items() if times > 1} if len(set(made)) < len(made) else ()
        )
        ruleless = not store.has_rules("activity")  # else _rejection asks breaks_rule of each
        log, kept = self.log, self.keep_rows
        # The window's rows of the new lines taken here, (seq, table, uuid, label) each, kept before a line
        # _line takes (it keeps its own), with the label of each activity made here for its areas.
        new_rows: list[tuple[int | None, str, str, str]] = []
        labels: dict[str, str] = {}
        locked, months = bool(self.locks), self.locks.months
        # With locks, each activity made here: its locked month and pairing (None: no lock has its month),
        # for its areas' lock. For the window's labels (an absentee's), they are in ``state`` as ``_write``
        # leaves them.
        made_in: dict[str, tuple[str, int] | None] = {}
        entries: list[LoggedChange] = []
        new = before = 0
        rows: list[tuple[Any, ...]] | None = None  # the buffered inserts: a flush starts new lists
        area_rows: list[tuple[Any, ...]] | None = None
        for line in batch:
            if applied and line["op"] in applied:
                if kept:  # its row for the window, as _line gives it (nothing written)
                    self.result.rows.extend_new(self.package_uuid, new_rows)
                    new_rows = []
                    self._line(line, applied, deleted)
                else:
                    before += 1
                continue
            table, after = line["table"], line["after"]
            if table == AREA and after:
                activity: int | None
                try:  # activity_ids' keys are uuids (str): any other value is no key
                    activity, area = activity_ids[after["activity_uuid"]], after["area"]
                except (KeyError, TypeError):
                    activity = area = None
                if activity is not None and type(area) is str and (activity, area) not in areas:
                    pairing = activity_pairing[activity]
                    if (owned.get(pairing) or self._owns_pairing(pairing)) and not (
                        locked and self._area_in_lock(after["activity_uuid"], made_in)
                    ):
                        areas.add((activity, area))
                        if area_rows is None:
                            area_rows = store.pending(AREA, _AREA_COLUMNS)
                        area_rows.append((activity, area))
                        if log:
                            entries.append(
                                (AREA, line["uuid"], "insert", None, {"activity_id": activity, "area": area})
                            )
                        if kept:
                            label = labels.get(after["activity_uuid"])
                            label = (
                                self._label(AREA, after) if label is None else _dependent_label(label, after)
                            )
                            new_rows.append((line["seq"], AREA, line["uuid"], label))
                        new += 1
                        continue
            elif table == "activity" and after is not None and line["change"] == "insert" and ruleless:
                uuid = line["uuid"]
                # Not in activity_ids: not here (looked up), not written in this batch, not deleted in it.
                values = (
                    None
                    if uuid in activity_ids or uuid in deferred or uuid in twice
                    else _values(taken, after, references)
                )
                if values is not None and values[pairing_at] is not None:
                    of, held = values[pairing_at], values[held_at]
                    month = held[:7] if locked and type(held) is str and held[:7] in months else None
                    if (owned.get(of) or self._owns_pairing(of)) and not (
                        month is not None and self._in_lock(month, of)
                    ):
                        row = (next(new_ids), *values)
                        if rows is None:
                            rows = store.pending("activity", columns)
                        rows.append(row)
                        if locked:
                            made_in[uuid] = None if month is None else (month, of)
                        if log or kept:
                            stored = dict(zip(columns, row, strict=True))
                            if log:
                                entries.append(("activity", uuid, "insert", None, stored))
                            if kept:
                                state[("activity", uuid)] = stored
                        if kept:
                            label = labels[uuid] = _activity_label(after)
                            new_rows.append((line["seq"], "activity", uuid, label))
                        activity_ids[uuid] = row[0]
                        activity_uuids[row[0]] = uuid
                        activity_pairing[row[0]] = of
                        new += 1
                        continue
            if entries:  # logged before the line's own writes, as they came before it
                store.log_all(entries)
                entries = []
            if new_rows:  # and listed before its rows
                self.result.rows.extend_new(self.package_uuid, new_rows)
                new_rows = []
            self._line(line, applied, deleted)
            rows = area_rows = None
        if entries:
            store.log_all(entries)
        self.result.rows.extend_new(self.package_uuid, new_rows)
        for outcome, times in ((Outcome.NEW, new), (Outcome.APPLIED_BEFORE, before)):
            if times:  # as _count would have counted them (no outcome counted zero times)
                self.result.counts[outcome] += times

    def _area_in_lock(self, activity_uuid: str, made_in: dict[str, tuple[str, int] | None]) -> bool:
        """Whether an area added to this activity falls in an open lock: the activity's month as the file
        has it now (made here by the batch path: ``made_in``; else its row in ``state``, as looked up or
        written since)."""
        if activity_uuid in made_in:
            locked_month = made_in[activity_uuid]
            return locked_month is not None and self._in_lock(*locked_month)
        key = ("activity", activity_uuid)
        if key not in self.state:  # never read: _line asks the file itself
            return True
        activity = self.state[key]
        if activity is None:  # deleted here: no month, no lock
            return False
        held = activity["held_on"]
        return (
            type(held) is str
            and held[:7] in self.locks.months
            and self._in_lock(held[:7], activity["pairing_id"])
        )

    def _count(self, seq: int | None, table: str, uuid: str, outcome: Outcome) -> None:
        """A line whose outcome is only counted (unless the window keeps every row)."""
        if self.keep_rows:
            self._row(self._result(seq, table, uuid, outcome))
        else:
            self.result.counts[outcome] += 1

    def _result(self, seq: int | None, table: str, uuid: str, outcome: Outcome, **more: Any) -> RowResult:
        if self.keep_rows and "label" not in more:
            more["label"] = self._label(table, self.line_row)
        return RowResult(self.package_uuid, seq, table, uuid, outcome, **more)

    def _label(self, table: str, row: dict[str, Any]) -> str:
        """How a clerk knows the record of a line: its name, a pairing's two branches, an activity's day
        and theme (an area or absentee with its activity's)."""
        if table in (AREA, "activity_absentee"):
            activity = self.state.get(("activity", str(row.get("activity_uuid")))) or {}
            return _dependent_label(_activity_label(activity), row)
        if table == "activity":
            return _activity_label(row)
        if table == "pairing":
            names = self.store.names("branch")
            organ, grassroots = (
                names.get(str(row.get(side)), "") for side in ("organ_uuid", "grassroots_uuid")
            )
            return f"{organ} ↔ {grassroots}"
        if table == "draw":
            return f"{row.get('drawn_at') or ''} {row.get('seed') or ''}".strip()
        if table in _OF_NAMED:  # a team by its branch, a member's month by the member
            table, column = _OF_NAMED[table]
            name = self.store.names(table).get(str(row.get(column)), "")
            return f"{name} {row.get('month') or row.get('started_on') or ''}".strip()
        if table == "halfyear_summary":
            return str(row.get("half_year") or "")
        return str(row.get("name") or "")

    def _look_up(self, lines: Iterable[tuple[str, str, dict[str, Any]]]) -> None:
        """The rows a batch of lines meets, in one query per table; an area line's activity too."""
        wanted: dict[str, set[str]] = {}
        for table, uuid, row in lines:
            if table != AREA:
                wanted.setdefault(table, set()).add(uuid)
            if table in _OF_ACTIVITY:  # an area's or absentee's activity, to refer to
                wanted.setdefault("activity", set()).add(str(row.get("activity_uuid") or uuid))
        self._rows_of(wanted)

    def _rows_of(self, wanted: dict[str, set[str]]) -> None:
        """The rows with these uuids (per table), by (table, uuid) in ``state``; a row not here is left
        out (``state.get`` gives None for it as for a row deleted in the batch). Activities' ids,
        pairings and areas too."""
        self.store.flush()
        self.state, self.activity_ids, self.activity_uuids, self.activity_pairing = {}, {}, {}, {}
        for table, uuids in wanted.items():
            found = self.store.rows(table, uuids)
            self.state.update(((table, uuid), row) for uuid, row in found.items())
            if table == "activity":
                for uuid, row in found.items():
                    self._activity(uuid, row)
        self.areas = self.store.areas(self.activity_ids.values()) if self.activity_ids else set()

    def _activity(self, uuid: str, row: dict[str, Any]) -> None:
        self.activity_ids[uuid] = row["id"]
        self.activity_uuids[row["id"]] = uuid
        self.activity_pairing[row["id"]] = row["pairing_id"]

    def _change(self, line: dict[str, Any]) -> None:
        table, uuid, seq = line["table"], line["uuid"], line["seq"]
        before, after = line["before"], line["after"]
        if table == "region":
            if self.places.elsewhere(uuid, after or before):  # this ledger's own region
                self._count(seq, table, uuid, Outcome.UNCHANGED)
                return
            before, after = self.places.local(before), self.places.local(after)
        current = self.state.get((table, uuid))
        mine = None if current is None else self.store.package_row(table, current, self.activity_uuids)
        decision = decide(line["change"], before, after, mine)
        areas = self._deferred.pop(uuid, []) if table == "activity" else []
        if decision.outcome is Outcome.UNCHANGED:
            self._count(seq, table, uuid, Outcome.UNCHANGED)
            self._areas_go(areas)
            return
        rejection = self._rejection(table, current, after, before)
        if rejection is not None:
            self._row(self._result(seq, table, uuid, Outcome.REJECTED, reason=rejection))
            for area in areas:
                self._row(self._result(area["seq"], AREA, uuid, Outcome.REJECTED, reason=rejection))
            return
        restored = False
        if decision.outcome is Outcome.CONFLICT:
            conflict = Conflict(table, uuid, self.package_uuid, seq, decision.columns, before, mine, after)
            choice = self.settlement.choice(table, uuid)
            self.result.conflicts.append(dataclasses.replace(conflict, settled=choice))
            self._row(self._result(seq, table, uuid, Outcome.CONFLICT, columns=decision.columns))
            if choice is None:
                if current is None and self.keep_rows:
                    self._restorable(table, uuid, seq)
                self._areas_stay(areas)
                return
            decision = settle(conflict, choice)
            restored = current is None and decision.result is not None  # deleted here, taken theirs
        elif decision.outcome is Outcome.MERGED:
            self._row(self._result(seq, table, uuid, decision.outcome, columns=decision.columns))
        else:
            self._count(seq, table, uuid, decision.outcome)
        if decision.write and decision.result is None:
            self._areas_go(areas)
        else:
            self._areas_stay(areas)
        if decision.write:
            self._write(table, uuid, current, decision.result)
            if restored:
                self._restore(table, uuid, seq)

    def _restorable(self, table: str, uuid: str, seq: int | None) -> None:
        """The window's table lists, under a conflict whose record was deleted here, the rows deleted with
        it that come back if the clerk takes the package's (not counted: nothing is decided yet)."""
        label = self._label(table, self.line_row)
        for dependent, logged_uuid, before in self._deleted_with(table, uuid):
            shown = _dependent_label(label, before)
            self.result.rows.append(
                RowResult(
                    self.package_uuid,
                    seq,
                    dependent,
                    logged_uuid,
                    Outcome.CONFLICT,
                    label=shown,
                    follows=(table, uuid),
                )
            )

    def _deleted_with(self, table: str, uuid: str) -> list[tuple[str, str, dict[str, Any]]]:
        """The rows deleted here with the record (storage/history.deleted_with)."""
        column = _REFERRED_AS.get(table, f"{table}_id")
        return history_store.deleted_with(self.store.ledger, table, uuid, column)

    def _restore(self, table: str, uuid: str, seq: int | None) -> None:
        """A record deleted here and kept by the sender (a conflict settled theirs) comes back with the rows
        deleted with it here (an activity's areas, absentees and photos, a member's months), as the sender
        still has them; the sender's own changes to those follow in its package. Each counts as new."""
        back = self.state[(table, uuid)] or {}
        column = _REFERRED_AS.get(table, f"{table}_id")
        label = self._label(table, self.line_row) if self.keep_rows else ""
        for dependent, logged_uuid, before in self._deleted_with(table, uuid):
            self._row(
                self._result(seq, dependent, logged_uuid, Outcome.NEW, label=_dependent_label(label, before))
            )
            row = {**before, column: back["id"]}
            if dependent == AREA:
                self.areas.add((back["id"], str(row["area"])))
            else:
                row["id"] = self.store.new_id(dependent)
                self.state[(dependent, logged_uuid)] = row
            self.store.insert(dependent, row)
            self._logged(dependent, logged_uuid, "insert", None, row)

    def _areas_go(self, lines: list[dict[str, Any]]) -> None:
        """The areas of an activity being deleted (or gone already) taken away first, as the sender did."""
        for line in lines:
            self._area(line["seq"], line["change"], line["uuid"], line["before"], line["after"])

    def _areas_stay(self, lines: list[dict[str, Any]]) -> None:
        """The areas of an activity whose deletion was not taken: it keeps them."""
        for line in lines:
            self._count(line["seq"], AREA, line["uuid"], Outcome.UNCHANGED)

    def _rejection(
        self,
        table: str,
        current: dict[str, Any] | None,
        after: dict[str, Any] | None,
        before: dict[str, Any] | None,
    ) -> Rejection | None:
        """Why this change may not be applied here: a reference to a row this ledger lacks, a row whose
        owner lies outside the sender's scope (as it is here and as the sender has it), a locked month, a
        rule the schema would refuse (a target due before its agreement's signing, a member on two teams
        at once: ImportStore.breaks_rule): row by row, as the other reasons, rather than the whole import
        refused by the trigger or the unique key."""
        rows = []
        if after is not None:
            stored, missing = self.store.stored_row(table, after, self.activity_ids)
            if missing is not None:
                return Rejection.UNKNOWN_REFERENCE
            self._stored = (after, stored)
            rows.append({"id": current["id"] if current is not None else -1, **stored})
        if current is not None:
            rows.append(current)
        # A county new here brings its own region, under one of this ledger's (package_scope).
        arriving = (
            table == "region" and current is None and after is not None and after["uuid"] == self.arriving
        )
        for row in () if arriving else rows:
            if not self._owned(table, row):
                return Rejection.OUTSIDE_SCOPE
        if self._locked(table, before, after) or (
            current is not None and self._locked(table, current, after)
        ):
            return Rejection.LOCKED_MONTH
        stored_id = current["id"] if current is not None else -1
        if after is not None and self.store.breaks_rule(table, {**self._stored[1], "id": stored_id}):
            return Rejection.BROKEN_RULE
        return None

    def _locked(self, table: str, before: dict[str, Any] | None, after: dict[str, Any] | None) -> bool:
        """Whether the change falls in an open lock, with the rows written so far in the file, where the
        locks look."""
        if not self.locks:
            return False
        self.store.flush()
        return self.locks.locked_change(table, before, after) is not None

    def _in_lock(self, month: str, pairing: int) -> bool:
        """``_locked`` of an activity of ``pairing`` held in ``month`` (a month with a lock), or of its
        area, from the maps alone, placed as MonthLocks places it: in its pairing's grassroots branch's
        region (none known: any lock of the month)."""
        grassroots = self.store.pairings.get(pairing)
        branch = None if grassroots is None else self.store.branches.get(grassroots)
        return self.locks.lock_of((month,), None if branch is None else branch[0]) is not None

    def _owned(self, table: str, row: dict[str, Any]) -> bool:
        """Whether the row's owner lies in the sender's scope (an activity's: its pairing's)."""
        pairing = row.get("pairing_id") if table == "activity" else None
        if pairing is not None:
            return self._owns_pairing(pairing)
        return self.store.tree.within(self.owners.owner(table, row, self.scope), self.scope)

    def _owns_pairing(self, pairing: int) -> bool:
        """Whether the activities of a pairing (their areas, absentees, photos) are the sender's."""
        owned = self._pairing_owned.get(pairing)
        if owned is None:
            owner = self.owners.owner("activity", {"pairing_id": pairing}, self.scope)
            owned = self._pairing_owned[pairing] = self.store.tree.within(owner, self.scope)
        return owned

    def _write(
        self, table: str, uuid: str, current: dict[str, Any] | None, result: dict[str, Any] | None
    ) -> None:
        """Make this ledger's row ``result`` (None: deleted), logged in this ledger's change log."""
        store = self.store
        if table in _OWNERS_OF_ACTIVITIES:
            self._pairing_owned.clear()
        if result is None:
            if current is not None:
                store.delete(table, current)
                self.parent_deleted = self.parent_deleted or table not in BUFFERED
                self._logged(table, uuid, "delete", current, None)
            self.state[(table, uuid)] = None
            return
        if self._stored[0] is result:  # as _rejection has just made it
            stored = self._stored[1]
        else:
            stored, _missing = store.stored_row(table, result, self.activity_ids)
        if current is None:
            row = {"id": store.new_id(table), **stored}
            store.insert(table, row)
            self._logged(table, uuid, "insert", None, row)
            if table == "region" and uuid == self.arriving:
                self.scope, self.arriving = row["id"], None
        else:
            values = {column: value for column, value in stored.items() if current.get(column) != value}
            if not values:
                return
            store.update(table, current["id"], values)
            row = {**current, **values}
            store.remember(table, row)
            self._logged(table, uuid, "update", current, row)
        self.state[(table, uuid)] = row
        if table == "activity":
            self._activity(uuid, row)

    def _logged(
        self, table: str, uuid: str, change: str, before: dict[str, Any] | None, after: dict[str, Any] | None
    ) -> None:
        if self.log:
            self.store.log(table, uuid, change, before, after)

    def _area(
        self,
        seq: int | None,
        change: str,
        owner: str,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> None:
        """An activity's area added or taken away: there or not, never a conflict."""
        row = self.line_row = after or before or {}
        activity = self.activity_ids.get(str(row.get("activity_uuid")))
        if activity is None:
            outcome = Outcome.UNCHANGED if after is None else Outcome.REJECTED
            reason = None if after is None else Rejection.UNKNOWN_REFERENCE
            self._row(self._result(seq, AREA, owner, outcome, reason=reason))
            return
        key = (activity, str(row.get("area")))
        if (key in self.areas) == (after is not None):
            self._count(seq, AREA, owner, Outcome.UNCHANGED)
            return
        if not self._owns_pairing(self.activity_pairing[activity]):
            self._row(self._result(seq, AREA, owner, Outcome.REJECTED, reason=Rejection.OUTSIDE_SCOPE))
            return
        if self._locked(AREA, before, after):
            self._row(self._result(seq, AREA, owner, Outcome.REJECTED, reason=Rejection.LOCKED_MONTH))
            return
        values = {"activity_id": activity, "area": key[1]}
        if after is None:
            self.store.delete(AREA, values)
            self.areas.discard(key)
            self._logged(AREA, owner, "delete", values, None)
            self._count(seq, AREA, owner, Outcome.UPDATED)
        else:
            self.store.insert(AREA, values)
            self.areas.add(key)
            self._logged(AREA, owner, "insert", None, values)
            self._count(seq, AREA, owner, Outcome.NEW)

    # -- a full package's rows ------------------------------------------------------------------------

    def _rows(self, package: Package) -> None:
        """A full (or seed) package: each row against this ledger's by uuid, each activity's areas made
        those listed, and the tombstones' rows deleted."""
        members = package.manifest.members
        for table in PACKAGE_TABLES:
            if rows_member(table) not in members:
                continue
            values = package.values(rows_member(table), self.read)
            batches = _grouped_batches(values, _ACTIVITY_UUID) if table == AREA else _batches(values)
            for batch in batches:
                if table == AREA:
                    self._listed_areas(batch)
                else:
                    self._look_up((table, str(row["uuid"]), row) for row in batch)
                    for row in batch:
                        self.line_row = row
                        self._full_row(table, row)
                self._advance(len(batch))
        if TOMBSTONES in members:
            for batch in _batches(package.values(TOMBSTONES, self.read)):
                self._look_up((line["table"], line["uuid"], {}) for line in batch)
                for line in batch:
                    self._tombstone(line)
                self._advance(len(batch))

    def _full_row(self, table: str, row: dict[str, Any]) -> None:
        uuid = str(row["uuid"])
        if table == "region":
            if self.places.elsewhere(uuid, row):  # this ledger's own region
                self._count(None, table, uuid, Outcome.UNCHANGED)
                return
            row = self.places.local(row) or row
        current = self.state.get((table, uuid))
        mine = None if current is None else self.store.package_row(table, current, self.activity_uuids)
        decision: Decision = decide_row(row, mine)
        if decision.outcome is not Outcome.UNCHANGED:
            rejection = self._rejection(table, current, row, mine)
            if rejection is not None:
                self._row(self._result(None, table, uuid, Outcome.REJECTED, reason=rejection))
                return
            self._write(table, uuid, current, decision.result)
        self._count(None, table, uuid, decision.outcome)

    def _tombstone(self, line: dict[str, Any]) -> None:
        table, uuid = line["table"], line["uuid"]
        current = self.state.get((table, uuid))
        mine = self.line_row = (
            {} if current is None else self.store.package_row(table, current, self.activity_uuids)
        )
        if current is None:
            self._count(line["seq"], table, uuid, Outcome.UNCHANGED)
            return
        rejection = self._rejection(table, current, None, mine)
        if rejection is not None:
            self._row(self._result(line["seq"], table, uuid, Outcome.REJECTED, reason=rejection))
            return
        self._write(table, uuid, current, None)
        self._count(line["seq"], table, uuid, Outcome.UPDATED)

    def _listed_areas(self, batch: list[dict[str, Any]]) -> None:
        """A full package lists each activity's areas whole: those listed are added, others taken away."""
        self._look_up((AREA, str(row["activity_uuid"]), row) for row in batch)
        listed: dict[str, set[str]] = {}
        for row in batch:
            listed.setdefault(str(row["activity_uuid"]), set()).add(str(row["area"]))
        present: dict[int, set[str]] = {}
        for activity_id, area in self.areas:
            present.setdefault(activity_id, set()).add(area)
        for activity_uuid, areas in listed.items():
            activity = self.activity_ids.get(activity_uuid)
            there = present.get(activity, set()) if activity is not None else set()
            for area in sorted(areas | there):
                if area in areas:
                    self._area(
                        None, "insert", activity_uuid, None, {"activity_uuid": activity_uuid, "area": area}
                    )
                else:
                    self._area(
                        None, "delete", activity_uuid, {"activity_uuid": activity_uuid, "area": area}, None
                    )
