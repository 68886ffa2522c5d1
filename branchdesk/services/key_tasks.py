"""Key tasks per half-year: add, rename, retire, and start a half-year from the last one's list."""

from __future__ import annotations

from branchdesk.domain.activities import KeyTask
from branchdesk.domain.branch_rules import check_name_length
from branchdesk.domain.changes import Changed
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import HalfYear
from branchdesk.domain.workdays import REASON_BLANKS
from branchdesk.services.history import changed
from branchdesk.storage import key_tasks as store
from branchdesk.storage.ledger import Ledger


def key_tasks(
    ledger: Ledger, half_year: HalfYear | None = None, *, include_retired: bool = True
) -> list[KeyTask]:
    return store.key_tasks(ledger, half_year, include_retired=include_retired)


def half_years(ledger: Ledger) -> list[HalfYear]:
    return store.half_years(ledger)


def _clean_name(ledger: Ledger, half_year: HalfYear, name: str, except_id: int | None = None) -> str:
    cleaned = name.strip(REASON_BLANKS)
    if not cleaned:
        raise BranchDeskError("key_task.name_empty")
    check_name_length(cleaned)
    if store.name_taken(ledger, half_year, cleaned, except_id):
        raise BranchDeskError("key_task.name_taken", name=cleaned, half_year=str(half_year))
    return cleaned


def _existing(ledger: Ledger, task_id: int) -> KeyTask:
    task = store.key_task(ledger, task_id)
    if task is None:
        raise BranchDeskError("row.missing", table="key_task", id=task_id)
    return task


def add_key_task(ledger: Ledger, half_year: HalfYear, name: str, note: str | None = None) -> Changed:
    cleaned = _clean_name(ledger, half_year, name)
    with ledger.operation("key_task.add") as op:
        store.add_key_task(ledger, half_year, cleaned, note or None)
    return changed(ledger, op)


def edit_key_task(ledger: Ledger, task_id: int, name: str, note: str | None) -> Changed:
    task = _existing(ledger, task_id)
    cleaned = _clean_name(ledger, task.half_year, name, except_id=task_id)
    with ledger.operation("key_task.edit") as op:
        store.edit_key_task(ledger, task_id, {"name": cleaned, "note": note or None})
    return changed(ledger, op)


def retire_key_task(ledger: Ledger, task_id: int, retired: bool = True) -> Changed:
    """A retired task stays on the activities that served it but is no longer offered for new ones."""
    _existing(ledger, task_id)
    with ledger.operation("key_task.retire") as op:
        store.edit_key_task(ledger, task_id, {"retired": int(retired)})
    return changed(ledger, op)


def copy_key_tasks(ledger: Ledger, source: HalfYear, target: HalfYear) -> Changed:
    """Start ``target`` from ``source``'s tasks that are not retired (those it has already are kept)."""
    names = [task.name for task in store.key_tasks(ledger, source, include_retired=False)]
    new = [name for name in names if not store.name_taken(ledger, target, name)]
    if not new:
        raise BranchDeskError("key_task.nothing_to_copy", source=str(source), target=str(target))
    with ledger.operation("key_task.copy") as op:
        for name in new:
            store.add_key_task(ledger, target, name)
    return changed(ledger, op)
