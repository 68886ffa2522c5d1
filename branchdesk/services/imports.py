"""Importing rows read from a spreadsheet: every row checked by the rules the dialogs use, duplicates
skipped or updated, and the whole import written as ONE operation (one undo step) or not at all.

The rows are checked against the ledger as it stands inside the import's own transaction, so a branch can
refer to a region that an earlier sheet of the same file added. A dry run, or a refusal of a file with
rejected rows (all-or-nothing), rolls that transaction back: nothing of it is kept.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any, ClassVar, TypeVar

from branchdesk.domain import cells
from branchdesk.domain.activities import ActivityDraft, KeyTask, PairingSpan, check_draft
from branchdesk.domain.attendance import Attendance, parse_absentees
from branchdesk.domain.branch_rules import BranchDraft, BranchFacts, check_branch, name_too_long
from branchdesk.domain.enums import (
    ActivityType,
    BranchKind,
    EndReason,
    ItemKind,
    ItemStatus,
    PairingMethod,
    RegionLevel,
    Tier,
    UnitLevel,
)
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.imports import (
    DAY_FIELDS,
    GROUPS,
    ImportKind,
    ImportMode,
    ImportReport,
    RowProblem,
    SourceRow,
)
from branchdesk.domain.months import HalfYear
from branchdesk.domain.plan_items import ItemDraft, check_link, checked_item
from branchdesk.domain.records import Region
from branchdesk.domain.regions import resolve_region
from branchdesk.domain.rules import outside_life, overlap_error, overlaps
from branchdesk.domain.stars import check_rating, parse_rating
from branchdesk.domain.workdays import WorkCalendar
from branchdesk.services import import_plans as plan_rows
from branchdesk.services import import_teams as team_rows
from branchdesk.services.activities import work_calendar
from branchdesk.services.history import changed
from branchdesk.storage import activities as activity_store
from branchdesk.storage import branches as branch_store
from branchdesk.storage import exchange as store
from branchdesk.storage import regions as region_store
from branchdesk.storage.ledger import Ledger

T = TypeVar("T")
Progress = Callable[[int], None]  # rows read so far; may raise to cancel (nothing is kept)

_PARENT_LEVEL = {RegionLevel.COUNTY: RegionLevel.CITY, RegionLevel.TOWNSHIP: RegionLevel.COUNTY}
_GRASSROOTS = {BranchKind.VILLAGE, BranchKind.COMMUNITY, BranchKind.GRID}
_UNIT_LEVEL = {RegionLevel.CITY: UnitLevel.CITY, RegionLevel.COUNTY: UnitLevel.COUNTY}


class _RollbackError(Exception):
    """Leaves the import's transaction without keeping anything."""


class _RejectedError(Exception):
    """A row broke rules; its problems are noted in the session's ``faults``."""


def run_import(
    ledger: Ledger,
    batches: Iterable[tuple[ImportKind, Iterable[SourceRow]]],
    *,
    mode: ImportMode = ImportMode.ALL_OR_NOTHING,
    update: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Check and write ``batches`` (kinds in :class:`ImportKind` order); see the module's text."""
    report = ImportReport()
    batches = list(batches)  # the kinds, known before any row is read (each kind's rows are read lazily)
    try:
        with ledger.operation("import") as operation:
            session = _Session(ledger, report, update=update, progress=progress)
            # A sheet of every year's ratings has the newest too: the branches' own columns give way to it.
            session.ratings_sheet = any(kind is ImportKind.RATINGS for kind, _ in batches)
            for kind, rows in batches:
                session.take(kind, rows)
            session.finish()
            refused = bool(report.problems) and mode is ImportMode.ALL_OR_NOTHING
            if dry_run or refused or report.written == 0:
                raise _RollbackError
    except _RollbackError:
        return report
    report.committed = True
    report.changed = changed(ledger, operation)
    return report


# Tables in the order their rows may refer to each other.
_WRITE_ORDER = (
    "region", "unit", "branch", "star_rating", "draw", "pairing", "key_task", "activity", "activity_absentee",
    "plan_item", "plan_item_activity", "agreement", "agreement_target", "target_progress", "work_team",
    "team_member", "team_days",
)  # fmt: skip

# The fields of a file each stored column is read from, where they are not the column's own name.
_SOURCES: dict[str, tuple[str, ...]] = {
    "parent_id": ("parent",),
    "region_id": ("region",),
    "scope_region_id": ("scope",),
    "unit_id": ("unit", "unit_uuid"),
    "community_id": ("community", "community_uuid"),
    "organ_id": ("organ", "organ_uuid"),
    "grassroots_id": ("grassroots", "grassroots_uuid"),
    "draw_id": ("method", "draw_uuid"),
    "pairing_id": ("pairing_uuid", "grassroots", "grassroots_region"),
    "key_task_id": ("key_task", "key_task_uuid"),
    "need_id": ("need", "need_uuid"),
    "resource_id": ("resource", "resource_uuid"),
    "agreement_id": ("agreement_uuid", "grassroots"),
    "target_id": ("target_uuid", "target"),
    "branch_id": ("grassroots", "grassroots_uuid"),
    "team_id": ("team_uuid", "grassroots"),
    "member_id": ("member_uuid", "phone"),
    # a member's month is read from the day columns
    **dict.fromkeys(("marks", "reasons", "present", "leave", "business", "absent"), DAY_FIELDS),
}


class _Session:
    """One import's lookups of what the ledger holds (kept up to date as rows are added) and its writers."""

    def __init__(
        self, ledger: Ledger, report: ImportReport, *, update: bool, progress: Progress | None
    ) -> None:
        self.ledger = ledger
        self.report = report
        self.update = update
        self.progress = progress
        self.today = ledger.clock.today()
        self.read = 0
        self._writers: dict[str, store.BulkWriter] = {}
        self._regions: list[Region] | None = None
        self._region_cache: dict[str, Region] = {}
        self._indexes: dict[str, _Index] = {}
        self._unit_communities: list[tuple[int, SourceRow]] = []
        self._open: tuple[set[int], set[int]] | None = None
        self._calendars: dict[int, WorkCalendar] = {}
        self.kind = ImportKind.REGIONS
        self.row = SourceRow(0, {})
        self.ratings_sheet = False
        # The problems found in the row being checked: every cell is read before the row is refused, so
        # the report names all of a row's problems at once, not the first only.
        self.faults: list[BranchDeskError] = []

    # -- the loop ------------------------------------------------------------------------------------

    def take(self, kind: ImportKind, rows: Iterable[SourceRow]) -> None:
        self.kind = kind
        check = _CHECKS[kind]
        counts = self.report.of(kind)
        for row in rows:
            self.row = row
            self.faults = []
            counts.read += 1
            try:
                check(self)
            except BranchDeskError as error:
                self.faults.append(error)
            except _RejectedError:
                assert self.faults, "a row is refused only with its reasons"
            if self.faults:
                self.record_faults()
                counts.rejected += 1
            self.read += 1
            if self.progress is not None and self.read % 200 == 0:
                self.progress(self.read)
        self.flush()

    def finish(self) -> None:
        """Units' assigned communities refer to branches, which come after units: set them last."""
        self.kind = ImportKind.UNITS
        for unit_id, row in self._unit_communities:
            self.row = row
            try:
                community = self.branch_ref("community", "community_uuid", kinds={BranchKind.COMMUNITY})
            except BranchDeskError as error:
                self.record(error)
                self.report.of(ImportKind.UNITS).rejected += 1
                continue
            if community is not None:
                branch_store.assign_community(self.ledger, unit_id, community)
        if self.progress is not None:
            self.progress(self.read)

    def flush(self) -> None:
        # Referenced tables first (a branch's new unit may be queued after the branch's own writer was made).
        for table in sorted(self._writers, key=_WRITE_ORDER.index):
            self._writers[table].flush()

    def writer(self, table: str) -> store.BulkWriter:
        if table not in self._writers:
            self._writers[table] = store.BulkWriter(self.ledger, table)
        return self._writers[table]

    # -- cells ---------------------------------------------------------------------------------------

    def has(self, field: str) -> bool:
        return field in self.row.values

    def given(self, column: str) -> bool:
        """Whether the file has a field that stored ``column`` is read from."""
        return any(self.has(field) for field in _SOURCES.get(column, (column,)))

    def raw(self, field: str) -> object:
        return self.row.values.get(field)

    def record(self, error: BranchDeskError, problems: list[RowProblem] | None = None) -> None:
        """Note why the row is rejected (or, in ``problems``, skipped); a ``field`` parameter names the
        field the reason concerns. The checks raise such errors; the loop records them."""
        params = dict(error.params)
        field = params.pop("field", None)
        found = RowProblem(self.kind, self.row.number, field, error.code, params)
        (self.report.problems if problems is None else problems).append(found)

    def record_faults(self) -> None:
        """Report the row's problems, the first of each field (a cell that cannot be read is not also
        reported missing)."""
        fields: set[object] = set()
        for error in self.faults:
            field = error.params.get("field")
            if field is None or field not in fields:
                fields.add(field)
                self.record(error)

    def soft(self, read: Callable[[], T]) -> T | None:
        """``read()``, or None with its problem noted, so that the row's other cells are still checked."""
        try:
            return read()
        except BranchDeskError as error:
            self.faults.append(error)
            return None

    def faulty(self, *fields: str) -> bool:
        return any(error.params.get("field") in fields for error in self.faults)

    def need(self, value: object, field: str, *also: str) -> None:
        """Note a required cell left empty (unless ``field`` or ``also`` already has a problem)."""
        if value is None and not self.faulty(field, *also):
            self.faults.append(BranchDeskError("import.required", field=field))

    def settle(self) -> None:
        """Refuse the row if any of its cells had a problem (before anything is looked up by them)."""
        if self.faults:
            raise _RejectedError

    def cell(self, field: str, read: Callable[[object], T]) -> T | None:
        """The cell read by ``read``, or None with its problem noted."""
        try:
            return read(self.raw(field))
        except BranchDeskError as error:
            self.faults.append(BranchDeskError(error.code, field=field, **error.params))
            return None

    def text(self, field: str) -> str | None:
        return self.cell(field, cells.text)

    def day(self, field: str) -> dt.date | None:
        """A date cell, serial numbers counted in the row's workbook's date system."""
        return self.cell(field, lambda value: cells.date(value, self.row.epoch))

    def required(self, field: str) -> str | None:
        value = self.text(field)
        self.need(value, field)
        return value

    def name(self) -> str | None:
        """The row's name: required, and no longer than a name may be."""
        value = self.required("name")
        too_long = None if value is None else name_too_long(value)
        if too_long is not None:
            self.faults.append(BranchDeskError(too_long.code, field="name", **too_long.params))
            return None
        return value

    def date(self, field: str) -> str | None:
        day = self.day(field)
        if day is not None and day > self.today:
            self.faults.append(BranchDeskError("import.date_in_future", field=field, date=day.isoformat()))
            return None
        return None if day is None else day.isoformat()

    # -- what the ledger holds -----------------------------------------------------------------------

    def calendar(self, year: int) -> WorkCalendar:
        if year not in self._calendars:
            self._calendars[year] = work_calendar(self.ledger, year)
        return self._calendars[year]

    def regions(self) -> list[Region]:
        if self._regions is None:
            self._regions = region_store.all_regions(self.ledger)
        return self._regions

    def region(self, field: str, *, required: bool = True) -> Region | None:
        """The region a cell names, or None with its problem noted."""
        query = self.text(field)
        if query is None:
            if required:
                self.need(query, field)
            return None
        found = self._region_cache.get(query)
        if found is None:
            try:
                found = resolve_region(query, self.regions())
            except BranchDeskError as error:
                self.faults.append(BranchDeskError(error.code, field=field, **error.params))
                return None
            self._region_cache[query] = found
        return found

    def index(self, table: str) -> _Index:
        if table not in self._indexes:
            self._indexes[table] = _Index.load(self.ledger, table)
        return self._indexes[table]

    def open_sides(self) -> tuple[set[int], set[int]]:
        if self._open is None:
            pairs = store.open_pairing_sides(self.ledger)
            self._open = ({organ for organ, _ in pairs}, {grassroots for _, grassroots in pairs})
        return self._open

    def branch_ref(
        self, name_field: str, uuid_field: str, *, kinds: set[BranchKind], near: Callable[[Any], bool] = bool
    ) -> int | None:
        """A branch named by uuid, or by name (narrowed by ``near`` when several share it)."""
        index = self.index("branch")
        uuid = self.text(uuid_field)
        if uuid is not None:
            found = index.by_uuid.get(uuid)
            if found is None:
                raise BranchDeskError("import.not_found", field=uuid_field, value=uuid)
            candidates = [found]
            field = uuid_field
        else:
            name = self.text(name_field)
            if name is None:
                return None
            candidates = [index.rows[i] for i in index.by_name.get(name, ())]
            if len(candidates) > 1:
                candidates = [row for row in candidates if near(row)] or candidates
            field = name_field
            if not candidates:
                raise BranchDeskError("import.not_found", field=field, value=name)
            if len(candidates) > 1:
                raise BranchDeskError("import.ambiguous", field=field, value=name, count=len(candidates))
        row = candidates[0]
        if BranchKind(row["kind"]) not in kinds:
            raise BranchDeskError("import.wrong_kind", field=field, value=row["name"])
        return int(row["id"])

    def uuid_ref(self, table: str, field: str) -> dict[str, Any] | None:
        """The row of ``table`` a uuid cell names (None: the cell is empty); an unknown uuid is refused."""
        uuid = self.text(field)
        if uuid is None:
            return None
        found = self.index(table).by_uuid.get(uuid)
        if found is None:
            raise BranchDeskError("import.not_found", field=field, value=uuid)
        return found

    def grassroots_ref(self) -> int | None:
        """The grassroots branch a row names: by uuid, or by name (its region telling namesakes apart)."""
        region = self.region("grassroots_region", required=False) if self.text("grassroots_region") else None
        return self.branch_ref(
            "grassroots",
            "grassroots_uuid",
            kinds=_GRASSROOTS,
            near=lambda row: region is not None and row["region_id"] == region.id,
        )

    def named_grassroots(self) -> tuple[str, list[dict[str, Any]]]:
        """The grassroots cell's text and the branches of that name, narrowed by the row's region when it
        gives one that holds any of them."""
        name = self.text("grassroots")
        if name is None:
            raise BranchDeskError("import.required", field="grassroots")
        branches = self.index("branch")
        named = [branches.rows[i] for i in branches.by_name.get(name, ())]
        if not named:
            raise BranchDeskError("import.not_found", field="grassroots", value=name)
        region = self.region("grassroots_region", required=False)
        if region is not None:
            named = [row for row in named if row["region_id"] == region.id] or named
        return name, named

    def pairing_on(self, day: str) -> dict[str, Any]:
        """The pairing a row names (by uuid, or its grassroots branch's pairing active on ``day``)."""
        return _activity_pairing(self, day)

    def duplicate(self, existing: dict[str, Any] | None) -> bool:
        """Report a row the ledger already has; with ``update``, bring the stored row up to date."""
        self.settle()
        if existing is None:
            return False
        counts = self.report.of(self.kind)
        counts.duplicates += 1
        self.record(BranchDeskError("import.duplicate", name=_subject(existing)), self.report.duplicates)
        return True

    def write_rating(self, existing: dict[str, Any] | None, values: dict[str, Any]) -> None:
        """A branch's star rating of a year, added or (the file's row being taken) changed; not counted as
        a row of its own: it comes with its branch."""
        if existing is None:
            row_id, uuid = self.writer("star_rating").add(values)
            self.index("star_rating").add({**values, "id": row_id, "uuid": uuid})
        elif not self.writer("star_rating").pending(int(existing["id"])):
            store.update_imported_row(self.ledger, "star_rating", int(existing["id"]), values)

    def save(self, table: str, values: dict[str, Any]) -> int:
        """Add the row, or report it as one the ledger has (updating it, with ``update``): its id."""
        existing = self.index(table).existing(values)
        self.duplicate(existing)
        return self.write(table, existing, values)

    def write(self, table: str, existing: dict[str, Any] | None, values: dict[str, Any]) -> int:
        """Add the row (``existing`` None) or, when updating a duplicate, change what differs."""
        self.settle()
        index = self.index(table)
        if existing is None:
            row_id, uuid = self.writer(table).add(values)
            index.add({**values, "id": row_id, "uuid": uuid})
            index.imported.add(row_id)
            self.report.of(self.kind).added += 1
            return row_id
        row_id = int(existing["id"])
        if self.update:
            stored = (
                store.imported_row(self.ledger, table, row_id)
                if not self.writer(table).pending(row_id)
                else None
            )
            if stored is None:
                self.flush()
                stored = store.imported_row(self.ledger, table, row_id) or {}
            # A column the file does not have keeps what the ledger holds (a roster of names and tiers
            # must not blank the secretaries, un-archive branches or re-date draws).
            changes = {
                k: v for k, v in values.items() if k != "uuid" and self.given(k) and stored.get(k) != v
            }
            if changes:
                store.update_imported_row(self.ledger, table, row_id, changes)
                index.replace(existing, {**existing, **changes})
                self.report.of(self.kind).updated += 1
        return row_id


class _Index:
    """Rows of one table by uuid, by name and by each kind's duplicate key."""

    _COLUMNS: ClassVar[dict[str, tuple[str, ...]]] = {
        "region": ("id", "uuid", "name", "parent_id", "code"),
        "unit": ("id", "uuid", "name", "region_id"),
        "branch": (
            "id",
            "uuid",
            "name",
            "kind",
            "region_id",
            "unit_id",
            "tier",
            "established_on",
            "archived_on",
        ),
        "draw": ("id", "uuid"),
        "pairing": ("id", "uuid", "organ_id", "grassroots_id", "started_on", "ended_on"),
        "key_task": ("id", "uuid", "name", "half_year"),
        "activity": ("id", "uuid", "pairing_id", "held_on", "type"),
        "star_rating": ("id", "uuid", "branch_id", "year"),
        "plan_item": ("id", "uuid", "pairing_id", "kind", "title"),
        "agreement": ("id", "uuid", "pairing_id", "signed_on"),
        "agreement_target": ("id", "uuid", "agreement_id", "name", "due_on"),
        "target_progress": ("id", "uuid", "target_id", "recorded_on", "value"),
        "work_team": ("id", "uuid", "branch_id", "started_on", "ended_on"),
        "team_member": ("id", "uuid", "team_id", "name", "phone", "from_on", "to_on"),
        "team_days": ("id", "uuid", "member_id", "month"),
    }
    _KEYS: ClassVar[dict[str, tuple[str, ...]]] = {
        "region": ("parent_id", "name"),
        "unit": ("region_id", "name"),
        "branch": ("region_id", "name"),
        "draw": ("uuid",),
        "pairing": ("organ_id", "grassroots_id"),
        "key_task": ("half_year", "name"),
        "activity": ("pairing_id", "held_on", "type"),
        "star_rating": ("branch_id", "year"),
        "plan_item": ("pairing_id", "kind", "title"),
        "agreement": ("pairing_id",),
        "agreement_target": ("agreement_id", "name"),
        "target_progress": ("target_id", "recorded_on", "value"),
        "work_team": ("branch_id", "started_on"),
        "team_member": ("phone", "from_on"),
        "team_days": ("member_id", "month"),
    }
    # Rows gathered by a column (``by_group``): an agreement's targets, a branch's teams, a person's
    # memberships (by phone).
    _GROUPS: ClassVar[dict[str, str]] = {
        "agreement_target": "agreement_id",
        "work_team": "branch_id",
        "team_member": "phone",
    }

    def __init__(self, table: str) -> None:
        self.table = table
        self.rows: list[dict[str, Any]] = []
        self.by_uuid: dict[str, dict[str, Any]] = {}
        self.by_id: dict[int, dict[str, Any]] = {}
        self.by_key: dict[tuple[Any, ...], dict[str, Any]] = {}
        self.by_name: dict[str, list[int]] = defaultdict(list)
        self.by_grassroots: dict[int, list[dict[str, Any]]] = defaultdict(list)
        self.by_organ: dict[int, list[dict[str, Any]]] = defaultdict(list)
        self.by_group: dict[Any, list[dict[str, Any]]] = defaultdict(list)
        self.imported: set[int] = set()  # ids this import added

    @classmethod
    def load(cls, ledger: Ledger, table: str) -> _Index:
        index = cls(table)
        for row in store.table_rows(ledger, table, cls._COLUMNS[table]):
            index.add(row)
        return index

    def add(self, values: dict[str, Any]) -> None:
        row: dict[str, Any] = {column: values.get(column) for column in self._COLUMNS[self.table]}
        self.rows.append(row)
        self.by_uuid[row["uuid"]] = row
        self.by_id[row["id"]] = row
        self.by_key[self.key(row)] = row
        if "name" in row:
            self.by_name[row["name"]].append(len(self.rows) - 1)
        if "grassroots_id" in row:
            self.by_grassroots[row["grassroots_id"]].append(row)
            self.by_organ[row["organ_id"]].append(row)
        if self.table in self._GROUPS:
            self.by_group[row[self._GROUPS[self.table]]].append(row)

    def replace(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        fresh = {column: new.get(column) for column in self._COLUMNS[self.table]}
        self.by_key.pop(self.key(old), None)
        old.update(fresh)
        self.by_key[self.key(old)] = old

    def key(self, values: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(values.get(column) for column in self._KEYS[self.table])

    def existing(self, values: dict[str, Any]) -> dict[str, Any] | None:
        """The row ``values`` duplicates: the same uuid, or the same key (name in region …).

        Rows that carry a uuid are told apart by it from rows of this same import: an export may well hold
        two activities of one pairing, day and type, and reads back whole; a file without uuids, or a row
        matching what the ledger held before, is a duplicate by its key.
        """
        uuid = values.get("uuid")
        if uuid and uuid in self.by_uuid:
            return self.by_uuid[uuid]
        found = self.by_key.get(self.key(values))
        if found is not None and uuid and found["id"] in self.imported:
            return None
        return found


def _subject(row: dict[str, Any]) -> str:
    return str(row.get("name") or row.get("uuid") or "")


# -- the rules of each kind -------------------------------------------------------------------------------


def _region(s: _Session) -> None:
    name = s.name()
    level = s.cell("level", lambda v: cells.term(v, RegionLevel))
    s.need(level, "level")
    parent = None if level is RegionLevel.CITY else s.region("parent", required=level is not None)
    if level is not None and parent is not None and parent.level is not _PARENT_LEVEL.get(level):
        s.faults.append(BranchDeskError("import.wrong_parent_level", field="parent", value=parent.path))
    uuid, code = s.text("uuid"), s.text("code")
    if name is None or level is None:
        raise _RejectedError
    values = {
        "uuid": uuid,
        "name": name,
        "level": level.value,
        "parent_id": None if parent is None else parent.id,
        "code": code,
    }
    index = s.index("region")
    existing = index.existing(values)
    if s.duplicate(existing):
        s.write("region", existing, values)
        return
    if code is not None and any(row["code"] == code for row in index.rows):
        raise BranchDeskError("import.code_taken", field="code", value=code)
    region_id = s.write("region", None, values)
    path = name if parent is None else f"{parent.path}/{name}"
    s.regions().append(Region(region_id, "", name, level, None if parent is None else parent.id, code, path))


def _unit(s: _Session) -> None:
    name = s.name()
    level = s.cell("level", lambda v: cells.term(v, UnitLevel))
    s.need(level, "level")
    region = s.region("region")
    uuid, note = s.text("uuid"), s.text("note")
    if name is None or level is None or region is None:
        raise _RejectedError
    values = {"uuid": uuid, "name": name, "level": level.value, "region_id": region.id}
    if s.has("note"):
        values["note"] = note
    unit_id = s.save("unit", values)
    if s.text("community") or s.text("community_uuid"):
        s._unit_communities.append((unit_id, s.row))


def _ancestors(s: _Session, region_id: int) -> set[int]:
    by_id = {region.id: region for region in s.regions()}
    found: set[int] = set()
    current = by_id.get(region_id)
    while current is not None:
        found.add(current.id)
        current = by_id.get(current.parent_id) if current.parent_id is not None else None
    return found


def _unit_of(s: _Session, region: Region) -> tuple[int | None, dict[str, Any] | None]:
    """An organ branch's unit: by uuid, or by name among the units of its region and the regions above;
    or, for a unit named in the file but not in the ledger, the unit to add with the branch (a roster names
    its units) once the branch has passed its checks."""
    index = s.index("unit")
    uuid = s.text("unit_uuid")
    if uuid is not None:
        found = index.by_uuid.get(uuid)
        if found is None:
            raise BranchDeskError("import.not_found", field="unit_uuid", value=uuid)
        return int(found["id"]), None
    name = s.text("unit")
    if name is None:
        return None, None
    above = _ancestors(s, region.id)
    candidates = [index.rows[i] for i in index.by_name.get(name, ()) if index.rows[i]["region_id"] in above]
    if len(candidates) > 1:
        raise BranchDeskError("import.ambiguous", field="unit", value=name, count=len(candidates))
    if candidates:
        return int(candidates[0]["id"]), None
    level = _UNIT_LEVEL.get(region.level)
    if level is None:
        raise BranchDeskError("import.not_found", field="unit", value=name)
    too_long = name_too_long(name, "unit")
    if too_long is not None:
        raise BranchDeskError(too_long.code, field="unit", **too_long.params)
    return None, {"name": name, "level": level.value, "region_id": region.id}


def _add_unit(s: _Session, values: dict[str, Any]) -> int:
    unit_id, uuid = s.writer("unit").add(values)
    s.index("unit").add({**values, "id": unit_id, "uuid": uuid})
    return unit_id


def _branch(s: _Session) -> None:
    kind = s.cell("kind", lambda v: cells.term(v, BranchKind))
    s.need(kind, "kind")
    region = s.region("region")
    tier = s.cell("tier", lambda v: cells.term(v, Tier))
    member_count = s.cell("member_count", cells.whole_number)
    optimised_on = s.day("optimised_on")
    established = s.day("established_on")
    archived_on = s.date("archived_on")
    name, secretary, phone, note = (s.text(f) for f in ("name", "secretary", "phone", "note"))
    if archived_on is not None and established is not None and archived_on < established.isoformat():
        s.faults.append(BranchDeskError("import.archived_before_established", field="archived_on"))
    if kind is None or region is None:
        raise _RejectedError
    found_unit = s.soft(lambda: _unit_of(s, region)) if kind is BranchKind.ORGAN else None
    unit_id, new_unit = found_unit or (None, None)
    community_id = None
    if kind is BranchKind.GRID:
        community_id = s.soft(
            lambda: s.branch_ref(
                "community",
                "community_uuid",
                kinds={BranchKind.COMMUNITY},
                near=lambda r: r["region_id"] == region.id,
            )
        )
    draft = BranchDraft(
        name=name or "",
        kind=kind,
        region_id=region.id,
        unit_id=unit_id,
        community_id=community_id,
        tier=tier,
        secretary=secretary,
        phone=phone,
        member_count=member_count,
        optimised_on=optimised_on,
        established_on=established,
        note=note,
    ).cleaned()
    facts = BranchFacts(
        region_level=region.level,
        unit_exists=unit_id is not None or new_unit is not None,
        community_is_community=community_id is not None,
    )
    # A unit still to be added is checked as if it were there (0: no id yet); a rejected row adds none.
    for problem in check_branch(draft if new_unit is None else replace(draft, unit_id=0), facts, s.today):
        field = problem.field.removesuffix("_id")
        s.faults.append(BranchDeskError(problem.code, field=field, **problem.params))
    s.faults.extend(_branch_rules(s, draft, archived_on))
    rating = _rating(s, kind)
    s.settle()
    values = {"uuid": s.text("uuid"), **branch_store.branch_values(draft), "archived_on": archived_on}
    existing = s.index("branch").existing(values)
    s.duplicate(existing)
    if new_unit is not None and (existing is None or s.update):
        values["unit_id"] = _add_unit(s, new_unit)
    branch_id = s.write("branch", existing, values)
    if rating is not None and (existing is None or s.update) and not s.ratings_sheet:
        rated = {"branch_id": branch_id, **rating}
        s.write_rating(s.index("star_rating").existing(rated), rated)


def _rating(s: _Session, kind: BranchKind | None) -> dict[str, Any] | None:
    """The row's star rating (its stars, year and day rated; the year may be typed with the stars, the day
    defaults to the import's), held to the rules of a rating typed in the window; None when the row has
    none."""
    typed = s.cell("stars", lambda value: parse_rating(cells.text(value) or ""))
    column_year = s.cell("star_year", cells.whole_number)
    rated_on = s.day("rated_on") or s.today
    if typed is None or typed.stars is None:
        return None
    year = typed.year or column_year
    if year is None:
        s.faults.append(BranchDeskError("stars.year_required", field="star_year"))
        return None
    try:
        check_rating(year, rated_on, s.today, grassroots=kind is None or kind.is_grassroots)
    except BranchDeskError as error:
        s.faults.append(BranchDeskError(error.code, field="stars", **error.params))
        return None
    return {"year": year, "stars": typed.stars, "rated_on": rated_on.isoformat()}


def _star_rating(s: _Session) -> None:
    """A grassroots branch's rating of one year (the ratings sheet: every year's)."""
    branch = s.soft(s.grassroots_ref)
    s.need(branch, "grassroots", "grassroots_uuid")
    rating = _rating(s, None)
    s.need(rating, "stars")
    s.settle()
    values = {"uuid": s.text("uuid"), "branch_id": branch, **(rating or {})}
    s.save("star_rating", values)


def _branch_rules(s: _Session, draft: BranchDraft, archived_on: str | None) -> list[BranchDeskError]:
    """The ledger's rules (domain.rules) that need the rows of this same file: a grid's community in its
    own township, and no second active branch of one name in a region (a row of another uuid)."""
    branches = s.index("branch")
    faults = []
    community = None if draft.community_id is None else branches.by_id[draft.community_id]
    if community is not None and community["region_id"] != draft.region_id:
        faults.append(
            BranchDeskError("branch.community_elsewhere", field="community", name=community["name"])
        )
    # A row without a uuid of the same name is the same branch (a duplicate, reported as such).
    uuid, namesake = s.text("uuid"), branches.by_key.get((draft.region_id, draft.name))
    if (
        archived_on is None
        and uuid is not None
        and namesake is not None
        and namesake["archived_on"] is None
        and namesake["id"] in branches.imported
        and namesake["uuid"] != uuid
    ):
        faults.append(BranchDeskError("branch.duplicate_name", field="name", name=draft.name))
    return faults


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _draw(s: _Session) -> None:
    scope = s.region("scope")
    swaps = s.text("swaps") or "[]"
    candidates = s.text("candidates")
    for field, written in (("swaps", swaps), ("candidates", candidates)):
        try:
            json.loads(written or "null")
        except ValueError:
            s.faults.append(BranchDeskError("import.bad_draw_record", field=field))
    values = {
        "uuid": s.required("uuid"),
        "scope_region_id": None if scope is None else scope.id,
        "seed": s.required("seed"),
        "algorithm_version": s.cell("algorithm_version", cells.whole_number) or 1,
        "input_hash": s.text("input_hash") or "",
        "result_hash": s.text("result_hash") or "",
        "swaps": swaps,
        "drawn_at": s.text("drawn_at") or s.ledger.now(),
        "committed": int(s.cell("committed", cells.yes_no) or False),
        "note": s.text("note"),
        "candidates": candidates,
    }
    s.settle()
    s.save("draw", values)


def _pairing(s: _Session) -> None:
    branches = s.index("branch")
    units = s.index("unit")
    organ_unit = s.text("organ_unit")
    organ = s.soft(
        lambda: s.branch_ref(
            "organ",
            "organ_uuid",
            kinds={BranchKind.ORGAN},
            near=lambda r: units.by_id.get(r["unit_id"], {}).get("name") == organ_unit,
        )
    )
    grassroots = s.soft(s.grassroots_ref)
    s.need(organ, "organ", "organ_uuid")
    s.need(grassroots, "grassroots", "grassroots_uuid")
    started = s.date("started_on")
    s.need(started, "started_on")
    ended = s.date("ended_on")
    end_reason = s.cell("end_reason", lambda v: cells.term(v, EndReason))
    if ended is not None and started is not None and ended < started:
        s.faults.append(BranchDeskError("import.ended_before_started", field="ended_on"))
    if ended is None and end_reason is not None and not s.faulty("ended_on"):
        s.faults.append(BranchDeskError("import.reason_without_end", field="end_reason"))
    method = s.cell("method", lambda v: cells.term(v, PairingMethod)) or PairingMethod.ASSIGNED
    draw_id = None
    if method is PairingMethod.DRAW:
        draw_uuid = s.text("draw_uuid")
        found = None if draw_uuid is None else s.index("draw").by_uuid.get(draw_uuid)
        if found is None:
            s.faults.append(BranchDeskError("import.draw_required", field="draw_uuid"))
        else:
            draw_id = found["id"]
    # The file may say what the tiers were when paired; else they are the branches' own.
    tiers = {
        field: s.cell(field, lambda v: cells.term(v, Tier)) for field in ("organ_tier", "grassroots_tier")
    }
    uuid, note = s.text("uuid"), s.text("note")
    if organ is None or grassroots is None or started is None:
        raise _RejectedError
    s.settle()

    def tier(field: str, branch_id: int) -> str | None:
        if s.has(field):
            chosen = tiers[field]
            return None if chosen is None else chosen.value
        return branches.by_id[branch_id]["tier"]  # type: ignore[no-any-return]

    values = {
        "uuid": uuid,
        "organ_id": organ,
        "grassroots_id": grassroots,
        "method": method.value,
        "draw_id": draw_id,
        "organ_tier": tier("organ_tier", organ),
        "grassroots_tier": tier("grassroots_tier", grassroots),
        "started_on": started,
        "ended_on": ended,
        "end_reason": None if end_reason is None else end_reason.value,
        "note": note,
    }
    existing = s.index("pairing").existing(values)
    if s.duplicate(existing):
        if s.update and existing is not None:
            # The dates an update leaves: a column the file lacks keeps the ledger's (see _Session.write).
            kept_start = started if s.given("started_on") else str(existing["started_on"])
            kept_end = ended if s.given("ended_on") else existing["ended_on"]
            _pairing_life(s, organ, grassroots, kept_start, kept_end)
        s.write("pairing", existing, values)
        return
    open_organs, open_grassroots = s.open_sides()
    if ended is None:
        if organ in open_organs:
            raise BranchDeskError("pairing.organ_already_paired", field="organ")
        if grassroots in open_grassroots:
            raise BranchDeskError("pairing.grassroots_already_paired", field="grassroots")
        open_organs.add(organ)
        open_grassroots.add(grassroots)
    _pairing_rules(s, organ, grassroots, started, ended)
    s.write("pairing", None, values)


def _day(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _pairing_rules(s: _Session, organ: int, grassroots: int, started: str, ended: str | None) -> None:
    """The ledger's rules for a new pairing (domain.rules), against the ledger and this import's rows."""
    branches, pairings = s.index("branch"), s.index("pairing")
    _pairing_life(s, organ, grassroots, started, ended)
    start, end = dt.date.fromisoformat(started), _day(ended)
    for branch_id, others in ((organ, pairings.by_organ), (grassroots, pairings.by_grassroots)):
        for other in others.get(branch_id, ()):
            if overlaps(start, end, dt.date.fromisoformat(other["started_on"]), _day(other["ended_on"])):
                raise overlap_error(
                    branches.by_id[branch_id]["name"],
                    other["started_on"],
                    other["ended_on"],
                    field="started_on",
                )


def _pairing_life(s: _Session, organ: int, grassroots: int, started: str, ended: str | None) -> None:
    """A pairing, new or updated, lies within both branches' lives (domain.rules.outside_life)."""
    branches = s.index("branch")
    start, end = dt.date.fromisoformat(started), _day(ended)
    for branch_id in (organ, grassroots):
        branch = branches.by_id[branch_id]
        established, archived = _day(branch["established_on"]), _day(branch["archived_on"])
        if not outside_life(start, end, established, archived):
            continue
        if established is not None and start < established:
            raise BranchDeskError(
                "pairing.before_established", field="started_on", name=branch["name"], date=started
            )
        raise BranchDeskError(
            "pairing.after_archived", field="ended_on", name=branch["name"], date=branch["archived_on"]
        )


def _half_year(value: object) -> str | None:
    written = cells.text(value)
    if written is None:
        return None
    return str(HalfYear.parse(written))  # 2022年上半年 as well as 2022-H1


def _key_task(s: _Session) -> None:
    half_year = s.cell("half_year", _half_year)
    s.need(half_year, "half_year")
    values = {
        "uuid": s.text("uuid"),
        "name": s.name(),
        "half_year": half_year,
        "retired": int(s.cell("retired", cells.yes_no) or False),
        "note": s.text("note"),
    }
    s.settle()
    s.save("key_task", values)


def _activity_pairing(s: _Session, held_on: str) -> dict[str, Any]:
    """The pairing an activity belongs to: by uuid, or the grassroots branch's pairing active that day
    (with the organ branch's name when the file gives it)."""
    found = s.uuid_ref("pairing", "pairing_uuid")
    if found is not None:
        return found
    pairings, branches = s.index("pairing"), s.index("branch")
    name, named = s.named_grassroots()
    # Villages of one name in two townships are told apart by their region, the pairing active that day
    # and its organ branch, as far as the file names them (an Export view of the Activities tab has no
    # uuids).
    organ_name = s.text("organ")
    candidates = [
        p
        for row in named
        if BranchKind(row["kind"]) in _GRASSROOTS
        for p in pairings.by_grassroots.get(row["id"], ())
        if p["started_on"] <= held_on
        and (p["ended_on"] is None or p["ended_on"] >= held_on)
        and (organ_name is None or branches.by_id[p["organ_id"]]["name"] == organ_name)
    ]
    if not any(BranchKind(row["kind"]) in _GRASSROOTS for row in named):
        raise BranchDeskError("import.wrong_kind", field="grassroots", value=name)
    if not candidates:
        raise BranchDeskError("import.no_pairing", field="grassroots", date=held_on)
    if len({p["grassroots_id"] for p in candidates}) > 1:
        raise BranchDeskError("import.ambiguous", field="grassroots", value=name, count=len(candidates))
    return candidates[0]


# The field each refusal of the activity rules concerns, for the report.
_ACTIVITY_FIELDS = {
    "activity.in_future": "held_on",
    "activity.before_pairing": "held_on",
    "activity.after_pairing": "held_on",
    "activity.volunteers": "volunteers",
    "activity.no_area": "areas",
    "activity.key_task_missing": "key_task",
    "activity.key_task_half_year": "key_task",
    "attendance.expected": "expected",
    "attendance.present_over_expected": "present",
    "attendance.absentee_name": "absentees",
    "attendance.absentee_reason": "absentees",
    "attendance.absentees_count": "absentees",
    "attendance.make_up_without_absent": "make_up_on",
    "attendance.make_up_before": "make_up_on",
}


def _attendance(s: _Session) -> Attendance | None:
    """The row's attendance; None when its cells are empty (or the file has none of these columns)."""
    expected = s.cell("expected", cells.whole_number)
    present = s.cell("present", cells.whole_number)
    named = s.text("absentees")
    make_up_on = s.day("make_up_on")
    if expected is None or present is None:
        given = [f for f, v in (("expected", expected), ("present", present)) if v is not None]
        if (given or named is not None or make_up_on is not None) and not s.faulty("expected", "present"):
            missing = "present" if given == ["expected"] else "expected"
            s.faults.append(BranchDeskError("attendance.incomplete", field=missing))
        return None
    absentees = () if named is None else parse_absentees(named)
    return Attendance(expected, present, absentees, make_up_on)


def _activity(s: _Session) -> None:
    held_on = s.day("held_on")
    s.need(held_on, "held_on")
    activity_type = s.cell("type", lambda v: cells.term(v, ActivityType))
    s.need(activity_type, "type")
    areas = s.cell("areas", cells.areas) or frozenset()
    volunteers = s.cell("volunteers", cells.whole_number) or 0
    location, summary, reason, uuid = (s.text(f) for f in ("location", "summary", "weekday_reason", "uuid"))
    theme, host = s.text("theme"), s.text("host")
    attendance = _attendance(s)
    # Which pairing and key task are looked up by the day.
    pairing = None if held_on is None else s.soft(lambda: _activity_pairing(s, held_on.isoformat()))
    key_task = None if held_on is None else s.soft(lambda: _key_task_of(s, held_on))
    if held_on is None or activity_type is None or pairing is None:
        raise _RejectedError
    s.settle()
    draft = ActivityDraft(
        held_on=held_on,
        type=activity_type,
        areas=areas,
        volunteers=volunteers,
        key_task_id=None if key_task is None else key_task.id,
        location=location,
        summary=summary,
        weekday_reason=reason,
        theme=theme,
        host=host,
        attendance=attendance,
    )
    branches = s.index("branch")
    span = PairingSpan(
        id=pairing["id"],
        grassroots=branches.by_id[pairing["grassroots_id"]]["name"],
        organ=branches.by_id[pairing["organ_id"]]["name"],
        started_on=dt.date.fromisoformat(pairing["started_on"]),
        ended_on=None if pairing["ended_on"] is None else dt.date.fromisoformat(pairing["ended_on"]),
    )
    try:
        check_draft(draft, [span], s.today, s.calendar(held_on.year), key_task)
    except BranchDeskError as error:
        # The weekend rule is what the figures report on (activities on working days without a reason),
        # so records of such activities are taken in, as history, and counted there.
        if error.code != "activity.weekday_reason":
            raise BranchDeskError(
                error.code, field=_ACTIVITY_FIELDS.get(error.code), **error.params
            ) from None
    values = {"uuid": uuid, "pairing_id": pairing["id"], **activity_store.activity_columns(draft)}
    existing = s.index("activity").existing(values)
    if s.duplicate(existing):
        activity_id = s.write("activity", existing, values)
        if s.update and s.has("absentees"):
            s.flush()
            named = () if attendance is None else attendance.absentees
            activity_store.replace_absentees(s.ledger, activity_id, named)
        return
    activity_id = s.write("activity", None, values)
    owner = s.index("activity").by_id[activity_id]["uuid"]
    writer = s.writer("activity")
    for area in sorted(draft.areas):
        writer.add_link({"activity_id": activity_id, "area": area.value}, owner)
    absentees = s.writer("activity_absentee")
    for absentee in () if attendance is None else attendance.absentees:
        absentees.add(activity_store.absentee_columns(activity_id, absentee))


def _key_task_of(s: _Session, held_on: dt.date) -> KeyTask | None:
    tasks = s.index("key_task")
    uuid = s.text("key_task_uuid")
    name = s.text("key_task")
    if uuid is not None:
        found = tasks.by_uuid.get(uuid)
        if found is None:
            raise BranchDeskError("import.not_found", field="key_task_uuid", value=uuid)
    elif name is not None:
        found = tasks.by_key.get((str(HalfYear.of(held_on)), name))
        if found is None:
            raise BranchDeskError("import.not_found", field="key_task", value=name)
    else:
        return None
    return KeyTask(found["id"], found["uuid"], found["name"], HalfYear.parse(found["half_year"]))


# The field each refusal of the lists' rules concerns, for the report.
_ITEM_FIELDS = {
    "item.title_empty": "title",
    "item.title_too_long": "title",
    "item.due_before_opened": "due_on",
    "item.done_needs_date": "done_on",
    "item.done_before_opened": "done_on",
    "item.done_needs_note": "done_note",
    "item.links_of_projects": "kind",
}


def _item_link(s: _Session, pairing: int, kind: ItemKind, field: str) -> int | None:
    """A project's need or resource: by uuid, or by title among the pairing's items of that list."""
    items = s.index("plan_item")
    uuid = s.text(f"{field}_uuid")
    title = s.text(field)
    if uuid is not None:
        found = items.by_uuid.get(uuid)
        if found is None:
            raise BranchDeskError("import.not_found", field=f"{field}_uuid", value=uuid)
    elif title is not None:
        found = items.by_key.get((pairing, kind.value, title))
        if found is None:
            raise BranchDeskError("import.not_found", field=field, value=title)
    else:
        return None
    try:
        check_link(ItemKind.PROJECT, kind, pairing, (found["pairing_id"], ItemKind(found["kind"])))
    except BranchDeskError as error:
        raise BranchDeskError(error.code, field=field, **error.params) from None
    return int(found["id"])


def _item(s: _Session) -> None:
    """An item of the three lists; its pairing as an activity's is found (active on the day it was raised)."""
    opened_on = s.day("opened_on")
    s.need(opened_on, "opened_on")
    kind = s.cell("kind", lambda v: cells.term(v, ItemKind))
    s.need(kind, "kind")
    done_on = s.day("done_on")
    status = s.cell("status", lambda v: cells.term(v, ItemStatus))
    if status is None:  # a sheet without the column: a day it was done says it is done
        status = ItemStatus.OPEN if done_on is None else ItemStatus.DONE
    texts = {field: s.text(field) for field in ("uuid", "title", "owner", "done_note", "note")}
    s.need(texts["title"], "title")
    due_on = s.day("due_on")
    pairing = None if opened_on is None else s.soft(lambda: _activity_pairing(s, opened_on.isoformat()))
    if opened_on is None or kind is None or pairing is None:
        raise _RejectedError
    s.settle()
    need = s.soft(lambda: _item_link(s, pairing["id"], ItemKind.NEED, "need"))
    resource = s.soft(lambda: _item_link(s, pairing["id"], ItemKind.RESOURCE, "resource"))
    s.settle()
    draft = ItemDraft(
        pairing_id=pairing["id"],
        kind=kind,
        title=texts["title"] or "",
        opened_on=opened_on,
        owner=texts["owner"],
        due_on=due_on,
        status=status,
        done_on=done_on,
        done_note=texts["done_note"],
        need_id=need,
        resource_id=resource,
        note=texts["note"],
    )
    try:
        clean = checked_item(draft, s.today)
    except BranchDeskError as error:
        # item.in_future: the raising day is checked before the day it was done
        field = _ITEM_FIELDS.get(error.code) or ("opened_on" if opened_on > s.today else "done_on")
        raise BranchDeskError(error.code, field=field, **error.params) from None
    activities = _item_activities(s, pairing["id"])
    values = {"uuid": texts["uuid"], **clean.columns()}
    existing = s.index("plan_item").existing(values)
    s.duplicate(existing)
    item_id = s.write("plan_item", existing, values)
    links = s.writer("plan_item_activity")
    for activity_id in () if existing is not None else activities:
        links.add({"plan_item_id": item_id, "activity_id": activity_id})


_UUID_LIST = re.compile(r"[\s;；,，、]+")


def _item_activities(s: _Session, pairing: int) -> list[int]:
    """The activities an item names (uuids, as an export lists them): the item's pairing's."""
    found = []
    for uuid in _UUID_LIST.split(s.text("activity_uuids") or ""):
        activity = s.index("activity").by_uuid.get(uuid) if uuid else None
        if uuid and activity is None:
            raise BranchDeskError("import.not_found", field="activity_uuids", value=uuid)
        if activity is not None and activity["pairing_id"] != pairing:
            raise BranchDeskError("item.activity_of_other_pairing", field="activity_uuids")
        if activity is not None:
            found.append(int(activity["id"]))
    return found


_CHECKS: dict[ImportKind, Callable[[_Session], None]] = {
    ImportKind.REGIONS: _region,
    ImportKind.UNITS: _unit,
    ImportKind.BRANCHES: _branch,
    ImportKind.DRAWS: _draw,
    ImportKind.PAIRINGS: _pairing,
    ImportKind.KEY_TASKS: _key_task,
    ImportKind.ACTIVITIES: _activity,
    ImportKind.ITEMS: _item,
    ImportKind.AGREEMENTS: plan_rows.agreement,
    ImportKind.TARGETS: plan_rows.target,
    ImportKind.PROGRESS: plan_rows.progress,
    ImportKind.TEAMS: team_rows.team,
    ImportKind.MEMBERS: team_rows.member,
    ImportKind.TEAM_DAYS: team_rows.month_days,
    ImportKind.RATINGS: _star_rating,
}


def import_kinds(what: str) -> Sequence[ImportKind]:
    """``--what``: one kind, a record of several sheets (``agreements``, ``teams``: GROUPS), or ``all``
    (every kind, in order)."""
    if what == "all":
        return tuple(ImportKind)
    return GROUPS.get(what) or (ImportKind(what),)
