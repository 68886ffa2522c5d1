"""Activities of pairings, with the six areas they served.

The areas live in the link table activity_area; they are written through ``Ledger.insert_link`` and
``delete_link`` (logged under the activity), never left to ``ON DELETE CASCADE``, so that undo puts them
back with the activity.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from branchdesk.domain.activities import ActivityDraft
from branchdesk.domain.enums import ActivityType, Area
from branchdesk.domain.errors import BranchDeskError
from branchdesk.storage.ledger import Ledger


def add_activity(
    ledger: Ledger,
    pairing_id: int,
    held_on: dt.date,
    activity_type: ActivityType,
    *,
    areas: Iterable[Area] = (),
    volunteers: int = 0,
    key_task_id: int | None = None,
    weekday_reason: str | None = None,
    location: str | None = None,
    summary: str | None = None,
) -> int:
    activity_id = ledger.insert(
        "activity",
        {
            "pairing_id": pairing_id,
            "held_on": held_on.isoformat(),
            "type": activity_type.value,
            "volunteers": volunteers,
            "key_task_id": key_task_id,
            "weekday_reason": weekday_reason,
            "location": location,
            "summary": summary,
        },
    )
    activity_uuid = ledger.scalar("SELECT uuid FROM activity WHERE id = ?", (activity_id,))
    for area in sorted(set(areas)):
        ledger.insert_link("activity_area", {"activity_id": activity_id, "area": area.value}, activity_uuid)
    return activity_id


def add_draft(ledger: Ledger, pairing_id: int, draft: ActivityDraft) -> int:
    return add_activity(
        ledger,
        pairing_id,
        draft.held_on,
        draft.type,
        areas=draft.areas,
        volunteers=draft.volunteers,
        key_task_id=draft.key_task_id,
        weekday_reason=draft.weekday_reason,
        location=draft.location,
        summary=draft.summary,
    )


def _areas(ledger: Ledger, activity_id: int) -> frozenset[Area]:
    return frozenset(
        Area(row["area"])
        for row in ledger.query("SELECT area FROM activity_area WHERE activity_id = ?", (activity_id,))
    )


def _stored(ledger: Ledger, activity_id: int) -> dict[str, Any]:
    row = ledger.row("activity", activity_id)
    if row is None:
        raise BranchDeskError("row.missing", table="activity", id=activity_id)
    return row


def activity_draft(ledger: Ledger, activity_id: int) -> tuple[int, ActivityDraft]:
    """The pairing and the entry of a stored activity, as the dialog edits it."""
    row = _stored(ledger, activity_id)
    return row["pairing_id"], ActivityDraft(
        held_on=dt.date.fromisoformat(row["held_on"]),
        type=ActivityType(row["type"]),
        areas=_areas(ledger, activity_id),
        volunteers=row["volunteers"],
        key_task_id=row["key_task_id"],
        location=row["location"],
        summary=row["summary"],
        weekday_reason=row["weekday_reason"],
    )


def update_activity(ledger: Ledger, activity_id: int, pairing_id: int, draft: ActivityDraft) -> None:
    """Rewrite an activity: the changed columns, and the areas added or taken away."""
    row = _stored(ledger, activity_id)
    wanted = {
        "pairing_id": pairing_id,
        "held_on": draft.held_on.isoformat(),
        "type": draft.type.value,
        "volunteers": draft.volunteers,
        "key_task_id": draft.key_task_id,
        "weekday_reason": draft.weekday_reason,
        "location": draft.location,
        "summary": draft.summary,
    }
    changes = {column: value for column, value in wanted.items() if row[column] != value}
    if changes:
        ledger.update("activity", activity_id, changes)
    present = _areas(ledger, activity_id)
    for area in sorted(present - draft.areas):
        ledger.delete_link("activity_area", {"activity_id": activity_id, "area": area.value}, row["uuid"])
    for area in sorted(draft.areas - present):
        ledger.insert_link("activity_area", {"activity_id": activity_id, "area": area.value}, row["uuid"])


def delete_activity(ledger: Ledger, activity_id: int) -> None:
    row = _stored(ledger, activity_id)
    for area in sorted(_areas(ledger, activity_id)):
        ledger.delete_link("activity_area", {"activity_id": activity_id, "area": area.value}, row["uuid"])
    ledger.delete("activity", activity_id)
