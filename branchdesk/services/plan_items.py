"""The three lists (需求清单 / 资源清单 / 项目清单): add, edit, tick off (销号) and delete items, link them to
the activities that worked on them, and list them for a region. One action = one undoable operation."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from branchdesk.domain.changes import Changed
from branchdesk.domain.chart_data import MonthSpan
from branchdesk.domain.enums import ItemKind, ItemStatus
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.photos import PhotoEntry
from branchdesk.domain.plan_items import (
    ItemCounts,
    ItemDraft,
    ItemFilter,
    ItemMonths,
    ItemSort,
    ItemState,
    PlanItem,
    check_link,
    checked_item,
)
from branchdesk.domain.records import Region
from branchdesk.services.history import changed
from branchdesk.services.regions import find_region
from branchdesk.storage import photos as photo_store
from branchdesk.storage import plan_items as store
from branchdesk.storage.ledger import Ledger

_PAGE = 2000


def _checked(ledger: Ledger, draft: ItemDraft, activity_ids: Sequence[int]) -> ItemDraft:
    """The draft as it will be saved, or the first rule it breaks (domain.plan_items, and the links)."""
    if not store.pairing_exists(ledger, draft.pairing_id):
        raise BranchDeskError("row.missing", table="pairing", id=draft.pairing_id)
    clean = checked_item(draft, ledger.clock.today())
    for linked, wanted in ((clean.need_id, ItemKind.NEED), (clean.resource_id, ItemKind.RESOURCE)):
        if linked is not None:
            check_link(clean.kind, wanted, clean.pairing_id, store.kind_and_pairing(ledger, linked))
    for activity_id in activity_ids:
        if store.activity_pairing(ledger, activity_id) != clean.pairing_id:
            raise BranchDeskError("item.activity_of_other_pairing")
    return clean


def add_item(ledger: Ledger, draft: ItemDraft, activity_ids: Sequence[int] = ()) -> Changed:
    clean = _checked(ledger, draft, activity_ids)
    with ledger.operation("item.add") as op:
        item_id = store.insert_item(ledger, clean)
        store.set_links(ledger, item_id, activity_ids)
    return dataclasses.replace(changed(ledger, op), subject=clean.title)


def _existing(ledger: Ledger, item_id: int) -> PlanItem:
    found = store.item(ledger, item_id)
    if found is None:
        raise BranchDeskError("row.missing", table="plan_item", id=item_id)
    return found


def edit_item(
    ledger: Ledger, item_id: int, draft: ItemDraft, activity_ids: Sequence[int] | None = None
) -> Changed:
    """Save an item as edited (``activity_ids``: its links as they should be; None keeps them)."""
    current = _existing(ledger, item_id)
    links = store.linked_activities(ledger, item_id) if activity_ids is None else list(activity_ids)
    clean = _checked(ledger, draft, links)
    if clean.kind is not current.draft.kind or clean.pairing_id != current.draft.pairing_id:
        used = store.projects_of(ledger, item_id)
        if used:
            raise BranchDeskError("item.in_use", projects="、".join(used))
    with ledger.operation("item.edit") as op:
        store.update_item(ledger, item_id, clean)
        store.set_links(ledger, item_id, links)
    return dataclasses.replace(changed(ledger, op), subject=clean.title)


def close_item(
    ledger: Ledger, item_id: int, done_on: dt.date, note: str, photos: Sequence[PhotoEntry] | None = None
) -> Changed:
    """销号: the item done on ``done_on``, with a note of what was achieved and the photos that show it
    (pictures made ready in the store by services.photos.prepare; None keeps those it has)."""
    current = _existing(ledger, item_id)
    draft = dataclasses.replace(current.draft, status=ItemStatus.DONE, done_on=done_on, done_note=note)
    clean = _checked(ledger, draft, ())
    with ledger.operation("item.close") as op:
        store.update_item(ledger, item_id, clean)
        if photos is not None:
            photo_store.set_item_photos(ledger, item_id, photos)
    return dataclasses.replace(changed(ledger, op), subject=clean.title)


def delete_item(ledger: Ledger, item_id: int) -> Changed:
    """An item entered by mistake, with its links; refused while a project names it."""
    current = _existing(ledger, item_id)
    used = store.projects_of(ledger, item_id)
    if used:
        raise BranchDeskError("item.in_use", projects="、".join(used))
    with ledger.operation("item.delete") as op:
        photo_store.delete_item_photos(ledger, item_id)
        store.delete_item(ledger, item_id)
    return dataclasses.replace(changed(ledger, op), subject=current.draft.title)


def item(ledger: Ledger, item_id: int) -> PlanItem:
    return _existing(ledger, item_id)


def linked_activities(ledger: Ledger, item_id: int) -> list[int]:
    return store.linked_activities(ledger, item_id)


def pairing_activities(ledger: Ledger, pairing_id: int) -> list[tuple[int, str, str, str | None]]:
    return store.pairing_activities(ledger, pairing_id)


def pairing_items(ledger: Ledger, pairing_id: int, kind: ItemKind) -> list[tuple[int, str]]:
    return store.pairing_items(ledger, pairing_id, kind)


def pairing_choices(ledger: Ledger, region_id: int) -> list[tuple[int, str, bool]]:
    return store.pairing_choices(ledger, region_id)


def region_counts(ledger: Ledger, region_id: int) -> ItemCounts:
    """The region's figures today, as ``stats`` counts them."""
    return store.item_counts(ledger, region_id, ledger.clock.today(), direct=False)


def item_ids(ledger: Ledger, flt: ItemFilter, sort: ItemSort) -> list[int]:
    return store.item_ids(ledger, flt, sort)


def item_rows(ledger: Ledger, ids: Sequence[int]) -> list[PlanItem]:
    return store.item_rows(ledger, ids)


def region_items(
    ledger: Ledger, region: str | None, state: ItemState = ItemState.ALL
) -> tuple[Region, list[PlanItem]]:
    """The items of the region a user named (default: the top region) in one state as of today, by due
    day (those without one last): ``branchdesk-cli items``."""
    found = find_region(ledger, region)
    flt = ItemFilter(today=ledger.clock.today(), region_id=found.id, state=state)
    with ledger.snapshot():
        ids = store.item_ids(ledger, flt, ItemSort())
        # in pages: one statement binds at most SQLite's limit of parameters
        return found, [
            row for at in range(0, len(ids), _PAGE) for row in store.item_rows(ledger, ids[at : at + _PAGE])
        ]


def items_by_month(ledger: Ledger, region_id: int, span: MonthSpan) -> ItemMonths:
    """The chart of the lists: items raised and ticked off per month."""
    with ledger.snapshot():
        return store.items_by_month(ledger, region_id, span.clamped())
