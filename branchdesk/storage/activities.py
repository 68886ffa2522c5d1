"""Activities of pairings, with the six areas they served."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from branchdesk.domain.enums import ActivityType, Area
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
