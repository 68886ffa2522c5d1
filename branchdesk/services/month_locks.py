"""Locking a reported month and unlocking it with a reason (DESIGN.md §9). A lock covers a region and its
subtree; while it is open, no change into that month is written, whatever the path (storage/month_locks.py).
Locks and unlocks are user actions: History shows them and undo reverses them."""

from __future__ import annotations

from branchdesk.domain.changes import Changed
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import Month
from branchdesk.domain.records import Region
from branchdesk.domain.workdays import REASON_BLANKS
from branchdesk.services.history import changed
from branchdesk.services.regions import find_region, list_regions
from branchdesk.storage import identity as identity_store
from branchdesk.storage import month_locks as lock_store
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.month_locks import LockedMonth, month_locks, open_lock


def locked_months(ledger: Ledger, *, with_unlocked: bool = False) -> list[LockedMonth]:
    return month_locks(ledger, with_unlocked=with_unlocked)


def _scope(ledger: Ledger, region: str | None) -> Region:
    """The region named, or else the one this ledger speaks for (its scope)."""
    if region is not None:
        return find_region(ledger, region)
    scope = identity_store.identity(ledger).scope_region_id
    found = next((r for r in list_regions(ledger) if r.id == scope), None)
    return found if found is not None else find_region(ledger, None)


def lock_month(ledger: Ledger, month: Month, region: str | None = None) -> Changed:
    """Lock ``month`` for ``region`` (default: the ledger's scope). Only a month that has ended can have
    been reported."""
    if month >= Month.of(ledger.clock.today()):
        raise BranchDeskError("month.lock_not_ended", month=str(month))
    found = _scope(ledger, region)
    if open_lock(ledger, str(month), found.id) is not None:
        raise BranchDeskError("month.already_locked", month=str(month), region=found.path)
    with ledger.operation("month.lock") as op:
        lock_store.add_lock(ledger, str(month), found.id)
    return changed(ledger, op)


def unlock_month(ledger: Ledger, month: Month, reason: str, region: str | None = None) -> Changed:
    """Open ``month`` again, with the reason kept on the lock's row (History shows it); without
    ``region``, the month's one lock."""
    cleaned = reason.strip(REASON_BLANKS)
    if not cleaned:
        raise BranchDeskError("month.unlock_needs_reason")
    locks = [lock for lock in month_locks(ledger) if lock.month == str(month)]
    if region is not None:
        wanted = find_region(ledger, region).id
        locks = [lock for lock in locks if lock.region_id == wanted]
    if not locks:
        raise BranchDeskError("month.not_locked", month=str(month))
    if len(locks) > 1:
        raise BranchDeskError(
            "month.lock_ambiguous", month=str(month), regions="; ".join(lock.region_path for lock in locks)
        )
    with ledger.operation("month.unlock") as op:
        lock_store.unlock(ledger, locks[0].id, cleaned)
    return changed(ledger, op)
