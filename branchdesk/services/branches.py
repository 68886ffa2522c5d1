"""The branch roster: reading it for the Branches tab and the region tree, and every way of changing it.

Each writing function is one user action (one operation, one undo step) and returns what it changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from branchdesk.domain import cells
from branchdesk.domain.branch_rules import (
    BLANKS,
    BranchDraft,
    BranchFacts,
    BranchTies,
    check_branch,
    check_name_length,
)
from branchdesk.domain.changes import Changed
from branchdesk.domain.enums import BranchKind, Tier, UnitLevel
from branchdesk.domain.errors import BranchDeskError, FieldProblem, InvalidRecordError
from branchdesk.domain.listing import BranchColumn, BranchFilter, BranchRow, BranchSort, RegionNode
from branchdesk.domain.records import Unit
from branchdesk.domain.regions import resolve_region
from branchdesk.domain.stars import StarRating
from branchdesk.services import stars
from branchdesk.storage import branch_list
from branchdesk.storage import branches as branch_store
from branchdesk.storage import regions as region_store
from branchdesk.storage.history import changed
from branchdesk.storage.ledger import Ledger

T = TypeVar("T")

# -- reading ------------------------------------------------------------------------------------------


def branch_ids(ledger: Ledger, flt: BranchFilter, sort: BranchSort) -> list[int]:
    return branch_list.branch_ids(ledger, flt, sort)


def branch_rows(ledger: Ledger, ids: Sequence[int]) -> list[BranchRow]:
    return branch_list.branch_rows(ledger, ids)


def region_tree(ledger: Ledger) -> list[RegionNode]:
    return branch_list.region_tree(ledger)


def units(ledger: Ledger) -> list[Unit]:
    return branch_store.units(ledger)


def communities(ledger: Ledger) -> list[tuple[int, str, int]]:
    return branch_store.communities(ledger)


def _day(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def draft_of(ledger: Ledger, branch_id: int) -> BranchDraft:
    """A saved branch as a draft, for the dialog to start from."""
    row = branch_store.branch(ledger, branch_id)
    return BranchDraft(
        name=row["name"],
        kind=BranchKind(row["kind"]),
        region_id=row["region_id"],
        unit_id=row["unit_id"],
        community_id=row["community_id"],
        tier=None if row["tier"] is None else Tier(row["tier"]),
        secretary=row["secretary"],
        phone=row["phone"],
        member_count=row["member_count"],
        optimised_on=_day(row["optimised_on"]),
        established_on=_day(row["established_on"]),
        note=row["note"],
    )


# -- validating ---------------------------------------------------------------------------------------


def _placed(ledger: Ledger, draft: BranchDraft) -> BranchDraft:
    """A grid sits in its community's township, whatever region was given."""
    if draft.kind is BranchKind.GRID:
        township = branch_store.community_region(ledger, draft.community_id)
        if township is not None:
            return replace(draft, region_id=township)
    if draft.kind is not BranchKind.GRID:
        draft = replace(draft, community_id=None)
    if draft.kind is not BranchKind.ORGAN:
        draft = replace(draft, unit_id=None)
    return draft


def problems_of(ledger: Ledger, draft: BranchDraft, branch_id: int | None = None) -> list[FieldProblem]:
    """Every rule the draft breaks, for the dialog to mark before the user saves."""
    draft = _placed(ledger, draft.cleaned())
    facts = BranchFacts(
        region_level=branch_store.region_level(ledger, draft.region_id),
        unit_exists=branch_store.unit_exists(ledger, draft.unit_id),
        community_is_community=branch_store.community_region(ledger, draft.community_id) is not None,
        duplicate_name=draft.region_id is not None
        and bool(draft.name)
        and branch_store.name_taken(ledger, draft.name, draft.region_id, branch_id),
        ties=BranchTies() if branch_id is None else branch_store.ties(ledger, branch_id),
    )
    return check_branch(draft, facts, ledger.clock.today())


def _valid(ledger: Ledger, draft: BranchDraft, branch_id: int | None = None) -> BranchDraft:
    problems = problems_of(ledger, draft, branch_id)
    if problems:
        raise InvalidRecordError(problems, subject=draft.name)
    return _placed(ledger, draft.cleaned())


# -- writing ------------------------------------------------------------------------------------------


def add_branch(ledger: Ledger, draft: BranchDraft, ratings: Sequence[StarRating] = ()) -> Changed:
    """A new branch, with its star ratings (a grassroots branch's, as the dialog gives them)."""
    with ledger.operation("branch.add") as operation:
        clean = _valid(ledger, draft)
        branch_id = branch_store.add_draft(ledger, clean)
        stars.set_ratings(ledger, branch_id, ratings, grassroots=clean.kind.is_grassroots)
    return changed(ledger, operation)


def edit_branch(
    ledger: Ledger, branch_id: int, draft: BranchDraft, ratings: Sequence[StarRating] | None = None
) -> Changed:
    """The branch as edited, and its star ratings when given (None: as they are), as one action."""
    with ledger.operation("branch.edit") as operation:
        clean = _valid(ledger, draft, branch_id)
        branch_store.update_draft(ledger, branch_id, clean)
        if ratings is not None:
            stars.set_ratings(ledger, branch_id, ratings, grassroots=clean.kind.is_grassroots)
    return changed(ledger, operation)


_COLUMN_FIELDS = {
    BranchColumn.NAME: "name",
    BranchColumn.KIND: "kind",
    BranchColumn.REGION: "region_id",
    BranchColumn.UNIT: "unit_id",
    BranchColumn.TIER: "tier",
    BranchColumn.SECRETARY: "secretary",
    BranchColumn.PHONE: "phone",
    BranchColumn.MEMBERS: "member_count",
    BranchColumn.OPTIMISED: "optimised_on",
    BranchColumn.ESTABLISHED: "established_on",
}


def set_branch_field(ledger: Ledger, branch_id: int, column: BranchColumn, value: Any) -> Changed:
    """An edit of one cell in the table, held to the same rules as the dialog."""
    if column is BranchColumn.STARS:
        return stars.rate_typed(ledger, branch_id, str(value or ""))
    field_name = _COLUMN_FIELDS.get(column)
    if field_name is None:
        raise BranchDeskError("branch.not_editable")
    if column is BranchColumn.MEMBERS and isinstance(value, str):
        value = cells.whole_number(value)
    if column in (BranchColumn.OPTIMISED, BranchColumn.ESTABLISHED) and isinstance(value, str):
        value = cells.date(value)  # as typed in the cell, in any form the one date reader takes
    if column is BranchColumn.TIER and value is not None:
        value = Tier(value)
    if column is BranchColumn.KIND:
        value = BranchKind(value)  # a village turned community, say; the rules check where it sits
    return edit_branch(ledger, branch_id, replace(draft_of(ledger, branch_id), **{field_name: value}))


def add_unit(ledger: Ledger, name: str, level: UnitLevel, region_id: int) -> Changed:
    name = name.strip(BLANKS)
    if not name:
        raise BranchDeskError("unit.name_required")
    check_name_length(name)
    if branch_store.unit_named(ledger, region_id, name):
        raise BranchDeskError("unit.duplicate_name", name=name)
    with ledger.operation("unit.add") as operation:
        branch_store.add_unit(ledger, name, level, region_id)
    return changed(ledger, operation)


class _Keep:
    """A bulk edit's field that is left as each branch has it."""


KEEP = _Keep()


@dataclass(frozen=True)
class BulkEdit:
    tier: Tier | _Keep | None = KEEP
    optimised_on: dt.date | _Keep | None = KEEP
    region_id: int | _Keep = KEEP


def bulk_edit(ledger: Ledger, branch_ids: Sequence[int], edit: BulkEdit) -> Changed:
    """One change to many branches: all of them or, if any would break a rule, none."""
    changes: dict[str, Any] = {}
    if not isinstance(edit.tier, _Keep):
        changes["tier"] = edit.tier
    if not isinstance(edit.optimised_on, _Keep):
        changes["optimised_on"] = edit.optimised_on
    if not isinstance(edit.region_id, _Keep):
        changes["region_id"] = edit.region_id
    if not changes or not branch_ids:
        raise BranchDeskError("branch.nothing_to_change")
    with ledger.operation("branch.bulk_edit") as operation:
        for branch_id in branch_ids:
            draft = replace(draft_of(ledger, branch_id), **changes)
            if draft.kind is not BranchKind.ORGAN and "optimised_on" in changes:
                draft = replace(draft, optimised_on=None)  # only organ branches are optimised
            if draft.kind is BranchKind.GRID and "region_id" in changes:
                raise InvalidRecordError(
                    [FieldProblem("region_id", "branch.grid_moves_with_community")], draft.name
                )
            branch_store.update_draft(ledger, branch_id, _valid(ledger, draft, branch_id))
    return changed(ledger, operation)


def archive_branches(ledger: Ledger, branch_ids: Sequence[int], on: dt.date) -> Changed:
    """Archive (never delete) branches that have or had pairings; an active pairing must be ended first."""
    if on > ledger.clock.today():
        raise BranchDeskError("branch.date_in_future", date=on.isoformat())
    with ledger.operation("branch.archive") as operation:
        for branch_id in branch_ids:
            row = branch_store.branch(ledger, branch_id)
            if row["archived_on"] is not None:
                continue
            if branch_store.actively_paired(ledger, branch_id):
                raise BranchDeskError("branch.archive_paired", name=row["name"])
            if row["established_on"] is not None and row["established_on"] > on.isoformat():
                raise BranchDeskError("branch.archive_before_established", name=row["name"])
            # Its pairings lie within its life (domain.rules.Rule.PAIRING_OUTSIDE_LIFE).
            last = branch_store.ties(ledger, branch_id).last_pairing_end
            if last is not None and last > on:
                raise BranchDeskError(
                    "branch.archive_before_pairing_end", name=row["name"], date=last.isoformat()
                )
            branch_store.set_archived(ledger, branch_id, on)
    return changed(ledger, operation)


def restore_branches(ledger: Ledger, branch_ids: Sequence[int]) -> Changed:
    with ledger.operation("branch.restore") as operation:
        for branch_id in branch_ids:
            row = branch_store.branch(ledger, branch_id)
            if row["archived_on"] is None:
                continue
            if branch_store.name_taken(ledger, row["name"], row["region_id"], branch_id):
                raise BranchDeskError("branch.duplicate_name", name=row["name"])
            branch_store.set_archived(ledger, branch_id, None)
    return changed(ledger, operation)


def delete_branches(ledger: Ledger, branch_ids: Sequence[int]) -> Changed:
    """Delete branches no record refers to; one that was ever paired must be archived instead."""
    used = branch_store.referenced(ledger, branch_ids)
    if used:
        name = branch_store.branch(ledger, next(iter(used)))["name"]
        raise BranchDeskError("branch.delete_referenced", name=name, count=len(used))
    with ledger.operation("branch.delete") as operation:
        for branch_id in branch_ids:
            branch_store.delete_branch(ledger, branch_id)
    return changed(ledger, operation)


# -- pasting from a spreadsheet ----------------------------------------------------------------------


@dataclass(frozen=True)
class RejectedRow:
    row: int  # 1-based, as the user counts the pasted lines
    column: BranchColumn | None
    problem: FieldProblem


@dataclass(frozen=True)
class PasteResult:
    done: Changed | None  # None when no row could be added
    added: int
    rejected: list[RejectedRow] = field(default_factory=list)


def _draft_from_cells(
    ledger: Ledger, row: Mapping[BranchColumn, str], regions: Sequence[Any], unit_ids: dict[str, list[Unit]]
) -> tuple[BranchDraft | None, list[tuple[BranchColumn | None, FieldProblem]]]:
    """A draft from one pasted row: text turned into kinds, tiers, regions, units, numbers and dates by the
    cell reader an import uses, so a paste and an import take the same words and numbers."""
    problems: list[tuple[BranchColumn | None, FieldProblem]] = []

    def read(column: BranchColumn, parse: Callable[[object], T]) -> T | None:
        try:
            return parse(row.get(column))
        except BranchDeskError as error:
            problems.append((column, FieldProblem(column.value, error.code, error.params)))
            return None

    def region_of(value: object) -> Any:
        written = cells.text(value)
        return None if written is None else resolve_region(written.replace(" / ", "/"), regions)

    kind = read(BranchColumn.KIND, lambda value: cells.term(value, BranchKind))
    region = read(BranchColumn.REGION, region_of)
    tier = read(BranchColumn.TIER, lambda value: cells.term(value, Tier))
    members = read(BranchColumn.MEMBERS, cells.whole_number)
    optimised = read(BranchColumn.OPTIMISED, cells.date)
    established = read(BranchColumn.ESTABLISHED, cells.date)
    unit_id = None
    unit_name = row.get(BranchColumn.UNIT, "").strip(BLANKS)
    if kind is BranchKind.ORGAN and unit_name:
        candidates = unit_ids.get(unit_name, [])
        if len(candidates) == 1:
            unit_id = candidates[0].id
        elif not candidates:
            problems.append(
                (BranchColumn.UNIT, FieldProblem("unit_id", "branch.unknown_unit", {"name": unit_name}))
            )
        else:
            problem = FieldProblem("unit_id", "branch.ambiguous_unit", {"name": unit_name})
            problems.append((BranchColumn.UNIT, problem))
    if kind is BranchKind.GRID:
        problems.append((BranchColumn.KIND, FieldProblem("kind", "branch.grid_needs_dialog")))
    if kind is None and not any(column is BranchColumn.KIND for column, _ in problems):
        problems.append((BranchColumn.KIND, FieldProblem("kind", "branch.kind_required")))
    if problems or kind is None:
        return None, problems
    draft = BranchDraft(
        name=row.get(BranchColumn.NAME, ""),
        kind=kind,
        region_id=None if region is None else region.id,
        unit_id=unit_id,
        tier=tier,
        secretary=row.get(BranchColumn.SECRETARY),
        phone=row.get(BranchColumn.PHONE),
        member_count=members,
        optimised_on=optimised,
        established_on=established,
    )
    return draft, []


_FIELD_COLUMNS = {
    "name": BranchColumn.NAME,
    "kind": BranchColumn.KIND,
    "region_id": BranchColumn.REGION,
    "unit_id": BranchColumn.UNIT,
    "tier": BranchColumn.TIER,
    "secretary": BranchColumn.SECRETARY,
    "phone": BranchColumn.PHONE,
    "member_count": BranchColumn.MEMBERS,
    "optimised_on": BranchColumn.OPTIMISED,
    "established_on": BranchColumn.ESTABLISHED,
}


def paste_branches(ledger: Ledger, rows: Sequence[Mapping[BranchColumn, str]]) -> PasteResult:
    """Add the valid pasted rows as one action; report each rejected row with its column and reason."""
    regions = region_store.all_regions(ledger)
    by_unit_name: dict[str, list[Unit]] = {}
    for unit in branch_store.units(ledger):
        by_unit_name.setdefault(unit.name, []).append(unit)
    rejected: list[RejectedRow] = []
    try:
        done = _paste(ledger, rows, regions, by_unit_name, rejected)
    except _NothingAddedError:
        return PasteResult(None, 0, rejected)
    return PasteResult(done, len(rows) - len({r.row for r in rejected}), rejected)


class _NothingAddedError(Exception):
    """Rolls back the empty operation of a paste whose every row was rejected."""


def _paste(
    ledger: Ledger,
    rows: Sequence[Mapping[BranchColumn, str]],
    regions: Sequence[Any],
    by_unit_name: dict[str, list[Unit]],
    rejected: list[RejectedRow],
) -> Changed:
    added = 0
    with ledger.operation("branch.paste") as operation:
        for number, row in enumerate(rows, start=1):
            draft, problems = _draft_from_cells(ledger, row, regions, by_unit_name)
            if draft is not None:
                # Checked one by one inside the operation, so a name repeated within the paste is caught too.
                found = problems_of(ledger, draft)
                problems = [(_FIELD_COLUMNS.get(problem.field), problem) for problem in found]
            if problems:
                rejected.extend(RejectedRow(number, column, problem) for column, problem in problems)
                continue
            assert draft is not None
            branch_store.add_draft(ledger, _placed(ledger, draft.cleaned()))
            added += 1
        if not added:
            raise _NothingAddedError
    return changed(ledger, operation)
