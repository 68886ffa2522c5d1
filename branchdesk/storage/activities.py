"""Activities of pairings, with the six areas they served and their attendance.

The areas live in the link table activity_area; they are written through ``Ledger.insert_link`` and
``delete_link`` (logged under the activity), never left to ``ON DELETE CASCADE``, so that undo puts them
back with the activity. The absentees are rows of their own (activity_absentee, with uuids so that packages
carry them), listed in the order they were entered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from branchdesk.domain.activities import ActivityDraft
from branchdesk.domain.attendance import Absentee, Attendance
from branchdesk.domain.enums import ActivityType, Area
from branchdesk.domain.errors import BranchDeskError
from branchdesk.storage import photos, plan_items
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
    return add_draft(
        ledger,
        pairing_id,
        ActivityDraft(
            held_on=held_on,
            type=activity_type,
            areas=frozenset(areas),
            volunteers=volunteers,
            key_task_id=key_task_id,
            weekday_reason=weekday_reason,
            location=location,
            summary=summary,
        ),
    )


def activity_columns(draft: ActivityDraft) -> dict[str, Any]:
    """The activity's own columns as a draft fills them (the pairing aside)."""
    attendance = draft.attendance
    make_up_on = None if attendance is None else attendance.make_up_on
    return {
        "held_on": draft.held_on.isoformat(),
        "type": draft.type.value,
        "volunteers": draft.volunteers,
        "key_task_id": draft.key_task_id,
        "weekday_reason": draft.weekday_reason,
        "location": draft.location,
        "summary": draft.summary,
        "theme": draft.theme,
        "host": draft.host,
        "expected": None if attendance is None else attendance.expected,
        "present": None if attendance is None else attendance.present,
        "make_up_on": None if make_up_on is None else make_up_on.isoformat(),
    }


def absentee_columns(activity_id: int, absentee: Absentee) -> dict[str, Any]:
    return {"activity_id": activity_id, "name": absentee.name, "reason": absentee.reason or None}


def add_draft(ledger: Ledger, pairing_id: int, draft: ActivityDraft) -> int:
    activity_id = ledger.insert("activity", {"pairing_id": pairing_id, **activity_columns(draft)})
    activity_uuid = ledger.scalar("SELECT uuid FROM activity WHERE id = ?", (activity_id,))
    for area in sorted(draft.areas):
        ledger.insert_link("activity_area", {"activity_id": activity_id, "area": area.value}, activity_uuid)
    for absentee in _absentees(draft):
        ledger.insert("activity_absentee", absentee_columns(activity_id, absentee))
    return activity_id


def _absentees(draft: ActivityDraft) -> tuple[Absentee, ...]:
    return () if draft.attendance is None else draft.attendance.absentees


def _absentee_rows(ledger: Ledger, activity_id: int) -> list[dict[str, Any]]:
    return ledger.query(
        "SELECT id, name, reason FROM activity_absentee WHERE activity_id = ? ORDER BY id", (activity_id,)
    )


def attendance_of(ledger: Ledger, activity_ids: Sequence[int]) -> dict[int, Attendance]:
    """The attendance of each of ``activity_ids`` that has one recorded."""
    if not activity_ids:
        return {}
    marks = ", ".join("?" for _ in activity_ids)
    named: dict[int, list[Absentee]] = {}
    for row in ledger.query(
        f"SELECT activity_id, name, reason FROM activity_absentee WHERE activity_id IN ({marks}) ORDER BY id",
        list(activity_ids),
    ):
        named.setdefault(row["activity_id"], []).append(Absentee(row["name"], row["reason"] or ""))
    return {
        row["id"]: Attendance(
            expected=row["expected"],
            present=row["present"],
            absentees=tuple(named.get(row["id"], ())),
            make_up_on=None if row["make_up_on"] is None else dt.date.fromisoformat(row["make_up_on"]),
        )
        for row in ledger.query(
            f"SELECT id, expected, present, make_up_on FROM activity WHERE id IN ({marks})"
            " AND expected IS NOT NULL",
            list(activity_ids),
        )
    }


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
        theme=row["theme"],
        host=row["host"],
        attendance=attendance_of(ledger, [activity_id]).get(activity_id),
    )


def update_activity(ledger: Ledger, activity_id: int, pairing_id: int, draft: ActivityDraft) -> None:
    """Rewrite an activity: the changed columns, the areas added or taken away, and the absentees."""
    row = _stored(ledger, activity_id)
    wanted = {"pairing_id": pairing_id, **activity_columns(draft)}
    changes = {column: value for column, value in wanted.items() if row[column] != value}
    if changes:
        ledger.update("activity", activity_id, changes)
    if "held_on" in changes:
        photos.recheck_dates(ledger, activity_id)
    present = _areas(ledger, activity_id)
    for area in sorted(present - draft.areas):
        ledger.delete_link("activity_area", {"activity_id": activity_id, "area": area.value}, row["uuid"])
    for area in sorted(draft.areas - present):
        ledger.insert_link("activity_area", {"activity_id": activity_id, "area": area.value}, row["uuid"])
    replace_absentees(ledger, activity_id, _absentees(draft))


def replace_absentees(ledger: Ledger, activity_id: int, absentees: Sequence[Absentee]) -> None:
    """Make the activity's absentees ``absentees``: when they differ, listed again whole, so that they
    stay in the order entered."""
    stored = _absentee_rows(ledger, activity_id)
    if [Absentee(a["name"], a["reason"] or "") for a in stored] != list(absentees):
        for row in stored:
            ledger.delete("activity_absentee", row["id"])
        for absentee in absentees:
            ledger.insert("activity_absentee", absentee_columns(activity_id, absentee))


def delete_activity(ledger: Ledger, activity_id: int) -> None:
    row = _stored(ledger, activity_id)
    for absentee in _absentee_rows(ledger, activity_id):
        ledger.delete("activity_absentee", absentee["id"])
    photos.delete_photos(ledger, activity_id)
    plan_items.set_activity_links(ledger, activity_id, [])
    for area in sorted(_areas(ledger, activity_id)):
        ledger.delete_link("activity_area", {"activity_id": activity_id, "area": area.value}, row["uuid"])
    ledger.delete("activity", activity_id)
