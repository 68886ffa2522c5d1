"""The three lists (需求清单 / 资源清单 / 项目清单, DESIGN.md §11): what an item is, when it is overdue, and
the rules every door that writes one applies (the dialog, the CLI, import; the schema holds the same for
any other writer, and Check database names what breaks domain.rules.Rule.PLAN_ITEM_*).

An item is overdue on day D when it was opened by D, has a due day before D and was not done by D: the due
day itself is still in time. ``stats`` counts the items opened by its as-of date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from branchdesk.domain.chart_data import MonthSpan, Scope
from branchdesk.domain.enums import ItemKind, ItemStatus
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.workdays import REASON_BLANKS

# Longest title a clerk types: the lists are short phrases (村道硬化, 产业技术培训).
TITLE_LIMIT = 200


@dataclass(frozen=True)
class ItemDraft:
    """An item as a dialog, the CLI or an import row gives it, before it is checked and saved."""

    pairing_id: int
    kind: ItemKind
    title: str
    opened_on: dt.date
    owner: str | None = None
    due_on: dt.date | None = None
    status: ItemStatus = ItemStatus.OPEN
    done_on: dt.date | None = None
    done_note: str | None = None
    need_id: int | None = None
    resource_id: int | None = None
    note: str | None = None

    def columns(self) -> dict[str, Any]:
        """The row as the ledger stores it."""
        return {
            "pairing_id": self.pairing_id,
            "kind": self.kind.value,
            "title": self.title,
            "owner": self.owner,
            "opened_on": self.opened_on.isoformat(),
            "due_on": None if self.due_on is None else self.due_on.isoformat(),
            "status": self.status.value,
            "done_on": None if self.done_on is None else self.done_on.isoformat(),
            "done_note": self.done_note,
            "need_id": self.need_id,
            "resource_id": self.resource_id,
            "note": self.note,
        }


@dataclass(frozen=True)
class PlanItem:
    """A stored item with what the lists show beside it."""

    id: int
    uuid: str
    draft: ItemDraft
    pairing: str  # its two branches, grassroots ← organ
    region: str  # its grassroots branch's township
    activities: int  # how many activities worked on it

    def overdue_on(self, day: dt.date) -> bool:
        return is_overdue(self.draft, day)


def is_overdue(item: ItemDraft, day: dt.date) -> bool:
    if item.opened_on > day or item.due_on is None or item.due_on >= day:
        return False
    return item.done_on is None or item.done_on > day


def _clean(text: str | None) -> str | None:
    cleaned = (text or "").strip(REASON_BLANKS)
    return cleaned or None


def checked_item(draft: ItemDraft, today: dt.date) -> ItemDraft:
    """The draft with its texts trimmed, or the first rule it breaks as a BranchDeskError."""
    title = _clean(draft.title)
    if title is None:
        raise BranchDeskError("item.title_empty")
    if len(title) > TITLE_LIMIT:
        raise BranchDeskError("item.title_too_long", limit=TITLE_LIMIT)
    if draft.opened_on > today:
        raise BranchDeskError("item.in_future", day=draft.opened_on.isoformat(), today=today.isoformat())
    if draft.due_on is not None and draft.due_on < draft.opened_on:
        raise BranchDeskError(
            "item.due_before_opened", due=draft.due_on.isoformat(), opened=draft.opened_on.isoformat()
        )
    note = _clean(draft.done_note)
    if draft.status is ItemStatus.DONE:
        if draft.done_on is None:
            raise BranchDeskError("item.done_needs_date")
        if draft.done_on < draft.opened_on:
            raise BranchDeskError(
                "item.done_before_opened", done=draft.done_on.isoformat(), opened=draft.opened_on.isoformat()
            )
        if draft.done_on > today:
            raise BranchDeskError("item.in_future", day=draft.done_on.isoformat(), today=today.isoformat())
        if note is None:
            raise BranchDeskError("item.done_needs_note")
    done_on = draft.done_on if draft.status is ItemStatus.DONE else None
    if draft.kind is not ItemKind.PROJECT and (draft.need_id is not None or draft.resource_id is not None):
        raise BranchDeskError("item.links_of_projects")
    return ItemDraft(
        pairing_id=draft.pairing_id,
        kind=draft.kind,
        title=title,
        opened_on=draft.opened_on,
        owner=_clean(draft.owner),
        due_on=draft.due_on,
        status=draft.status,
        done_on=done_on,
        done_note=note if draft.status is ItemStatus.DONE else None,
        need_id=draft.need_id,
        resource_id=draft.resource_id,
        note=_clean(draft.note),
    )


def check_link(
    kind: ItemKind, wanted: ItemKind, pairing_id: int, linked: tuple[int, ItemKind] | None
) -> None:
    """A project's need (``wanted`` NEED) or resource is an item of that kind of the project's own pairing;
    ``linked`` is that item's (pairing id, kind), None when it does not exist."""
    if linked is None or linked[1] is not wanted or linked[0] != pairing_id or kind is not ItemKind.PROJECT:
        raise BranchDeskError("item.link_wrong", kind=wanted.value)


@dataclass(frozen=True)
class ItemCounts:
    """``stats --json`` ``items``: the items of a region's pairings opened by the as-of date, by list, and
    how many of them were done by then and how many were overdue then."""

    need: int
    resource: int
    project: int
    done: int
    overdue: int

    def as_dict(self) -> dict[str, int]:
        return {
            "need": self.need,
            "resource": self.resource,
            "project": self.project,
            "done": self.done,
            "overdue": self.overdue,
        }


def item_counts(items: list[ItemDraft], day: dt.date) -> ItemCounts:
    """The readable definition that storage's SQL is tested against."""
    opened = [item for item in items if item.opened_on <= day]
    return ItemCounts(
        need=sum(item.kind is ItemKind.NEED for item in opened),
        resource=sum(item.kind is ItemKind.RESOURCE for item in opened),
        project=sum(item.kind is ItemKind.PROJECT for item in opened),
        done=sum(item.done_on is not None and item.done_on <= day for item in opened),
        overdue=sum(is_overdue(item, day) for item in opened),
    )


class ItemColumn(StrEnum):
    """The Lists tab's columns, in display order; each is sortable."""

    KIND = "kind"
    TITLE = "title"
    PAIRING = "pairing"
    REGION = "region"
    OWNER = "owner"
    OPENED = "opened"
    DUE = "due"
    STATUS = "status"
    DONE = "done"
    ACTIVITIES = "activities"


class ItemState(StrEnum):
    """What the lists are filtered by: open (not done: open or in progress), done, overdue on the day."""

    ALL = "all"
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class ItemFilter:
    """Items are placed by their pairing's grassroots branch, as activities are (DESIGN.md §3); ``today``
    is the day "overdue" is judged on."""

    today: dt.date
    region_id: int | None = None
    kind: ItemKind | None = None
    state: ItemState = ItemState.ALL
    pairing_id: int | None = None
    text: str = ""


@dataclass(frozen=True)
class ItemSort:
    column: ItemColumn = ItemColumn.DUE
    descending: bool = False


@dataclass(frozen=True)
class ItemMonths:
    """The chart of the lists: per month of the span, the items raised then and those ticked off then."""

    scope: Scope
    span: MonthSpan
    opened: tuple[int, ...]
    done: tuple[int, ...]
