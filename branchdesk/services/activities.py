"""Recording, editing, copying and deleting activities; reading the Activities table.

Each writing function is one user action (one operation, undoable whole) and checks the entry against
the rules of ``domain.activities.check_draft`` first, so the file never holds what the dialog would refuse.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from branchdesk.domain.activities import (
    ActivityDraft,
    ActivityFilter,
    ActivityRow,
    ActivitySort,
    ActivityTotals,
    PairingSpan,
    check_draft,
)
from branchdesk.domain.attendance import Attendance, is_recorded_late
from branchdesk.domain.changes import Changed
from branchdesk.domain.enums import ItemKind, ItemStatus
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.photos import PhotoEntry
from branchdesk.domain.workdays import WorkCalendar
from branchdesk.services.history import changed
from branchdesk.storage import activities as activity_store
from branchdesk.storage import activity_list
from branchdesk.storage import holidays as holiday_store
from branchdesk.storage import key_tasks as key_task_store
from branchdesk.storage import photos as photo_store
from branchdesk.storage import plan_items as item_store
from branchdesk.storage.ledger import Ledger

PAIRING_CHOICES = 200  # the picker lists at most this many; typing narrows them


def activity_page(
    ledger: Ledger, flt: ActivityFilter, sort: ActivitySort, offset: int, limit: int
) -> list[ActivityRow]:
    return activity_list.activity_rows(ledger, activity_list.activity_page(ledger, flt, sort, offset, limit))


def activity_totals(ledger: Ledger, flt: ActivityFilter) -> ActivityTotals:
    return activity_list.activity_totals(ledger, flt)


def pairing_choices(ledger: Ledger, text: str, region_id: int | None) -> list[PairingSpan]:
    return activity_list.pairing_choices(ledger, text, region_id, PAIRING_CHOICES)


def pairing_spans(ledger: Ledger, ids: Sequence[int]) -> list[PairingSpan]:
    return activity_list.pairing_spans(ledger, ids)


def activity_draft(ledger: Ledger, activity_id: int) -> tuple[int, ActivityDraft]:
    return activity_store.activity_draft(ledger, activity_id)


def attendance_of(ledger: Ledger, activity_ids: Sequence[int]) -> dict[int, Attendance]:
    """The attendance of each of ``activity_ids`` that has one (the Word ledger's record tables)."""
    return activity_store.attendance_of(ledger, activity_ids)


def late_entry_days(ledger: Ledger) -> int:
    """After how many days an entry counts as recorded late (补录): the ledger's setting, 30 unless set."""
    return activity_list.late_entry_days(ledger)


def recorded_late(ledger: Ledger, activity_ids: Sequence[int]) -> dict[int, dt.date]:
    """Of ``activity_ids``, those recorded late, each with the day it was entered (the evidence check's and
    the Word ledger's figures page's mark)."""
    days = late_entry_days(ledger)
    return {
        activity_id: entered
        for activity_id, (held, entered) in activity_list.entry_days(ledger, activity_ids).items()
        if is_recorded_late(held, entered, days)
    }


def work_calendar(ledger: Ledger, year: int) -> WorkCalendar:
    return holiday_store.work_calendar(ledger, [year])


def check(ledger: Ledger, pairing_ids: Sequence[int], draft: ActivityDraft) -> None:
    """Refuse the entry (``BranchDeskError``) if it breaks a rule; the dialog asks before saving too."""
    spans = pairing_spans(ledger, pairing_ids)
    if len(spans) < len(set(pairing_ids)):
        raise BranchDeskError("row.missing", table="pairing", id=",".join(map(str, pairing_ids)))
    task = None if draft.key_task_id is None else key_task_store.key_task(ledger, draft.key_task_id)
    check_draft(draft, spans, ledger.clock.today(), work_calendar(ledger, draft.held_on.year), task)


def _check_items(ledger: Ledger, pairing_ids: Sequence[int], item_ids: Sequence[int]) -> None:
    """List items are linked to an activity of their own pairing, entered for that one pairing."""
    if not item_ids:
        return
    if len(set(pairing_ids)) > 1:
        raise BranchDeskError("activity.items_one_pairing")
    if any(_pairing_of(ledger, item_id) != pairing_ids[0] for item_id in item_ids):
        raise BranchDeskError("item.activity_of_other_pairing")


def _pairing_of(ledger: Ledger, item_id: int) -> int | None:
    found = item_store.kind_and_pairing(ledger, item_id)
    return None if found is None else found[0]


def record_activities(
    ledger: Ledger,
    pairing_ids: Sequence[int],
    draft: ActivityDraft,
    *,
    photos: Sequence[PhotoEntry] = (),
    items: Sequence[int] = (),
) -> Changed:
    """The same activity for one pairing or several (a bulk entry: one reason covers them all); its
    photos (pictures already in the store: services/photos.py prepare) and the list items it worked on
    for one pairing only."""
    check(ledger, pairing_ids, draft)
    pairings = list(dict.fromkeys(pairing_ids))
    if photos and len(pairings) > 1:
        raise BranchDeskError("photo.one_activity")
    _check_items(ledger, pairings, items)
    with ledger.operation("activity.add") as op:
        for pairing_id in pairings:
            activity_id = activity_store.add_draft(ledger, pairing_id, draft)
            photo_store.set_photos(ledger, activity_id, photos)
            item_store.set_activity_links(ledger, activity_id, items)
    return changed(ledger, op)


def edit_activity(
    ledger: Ledger,
    activity_id: int,
    pairing_id: int,
    draft: ActivityDraft,
    *,
    photos: Sequence[PhotoEntry] | None = None,
    items: Sequence[int] | None = None,
) -> Changed:
    """Rewrite an activity, and its photos and the list items it worked on when given (``None``: as they
    are; a pairing changed drops the links to the other pairing's items)."""
    check(ledger, [pairing_id], draft)
    if items is None:
        kept = item_store.activity_items(ledger, activity_id)
        items = [item for item in kept if _pairing_of(ledger, item) == pairing_id]
    _check_items(ledger, [pairing_id], items)
    with ledger.operation("activity.edit") as op:
        activity_store.update_activity(ledger, activity_id, pairing_id, draft)
        if photos is not None:
            photo_store.set_photos(ledger, activity_id, photos)
        item_store.set_activity_links(ledger, activity_id, items)
    return changed(ledger, op)


def activity_items(ledger: Ledger, activity_id: int) -> list[int]:
    """The list items an activity worked on."""
    return item_store.activity_items(ledger, activity_id)


def item_choices(ledger: Ledger, pairing_id: int) -> list[tuple[int, ItemKind, str, ItemStatus]]:
    """The pairing's list items an activity of it can be linked to."""
    return item_store.pairing_item_choices(ledger, pairing_id)


def copy_activity(ledger: Ledger, activity_id: int, pairing_ids: Sequence[int]) -> Changed:
    """The activity as it is, once more for each of ``pairing_ids``."""
    _, draft = activity_draft(ledger, activity_id)
    check(ledger, pairing_ids, draft)
    with ledger.operation("activity.copy") as op:
        for pairing_id in dict.fromkeys(pairing_ids):
            activity_store.add_draft(ledger, pairing_id, draft)
    return changed(ledger, op)


def delete_activities(ledger: Ledger, activity_ids: Sequence[int]) -> Changed:
    if not activity_ids:
        raise BranchDeskError("activity.none_selected")
    with ledger.operation("activity.delete") as op:
        for activity_id in dict.fromkeys(activity_ids):
            activity_store.delete_activity(ledger, activity_id)
    return changed(ledger, op)
