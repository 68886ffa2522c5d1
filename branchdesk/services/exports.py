"""What an export of the ledger holds: the rows of each sheet, the compliance matrix and the figures."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from branchdesk.domain.imports import DAY_FIELDS, ImportKind
from branchdesk.domain.months import Month, last_ended_month
from branchdesk.domain.teams import MonthDays, day_texts
from branchdesk.storage import exchange as store
from branchdesk.storage.ledger import Ledger

TABLES: dict[ImportKind, str] = {
    ImportKind.REGIONS: "region",
    ImportKind.UNITS: "unit",
    ImportKind.BRANCHES: "branch",
    ImportKind.DRAWS: "draw",
    ImportKind.PAIRINGS: "pairing",
    ImportKind.KEY_TASKS: "key_task",
    ImportKind.ACTIVITIES: "activity",
    ImportKind.ITEMS: "plan_item",
    ImportKind.AGREEMENTS: "agreement",
    ImportKind.TARGETS: "agreement_target",
    ImportKind.PROGRESS: "target_progress",
    ImportKind.TEAMS: "work_team",
    ImportKind.MEMBERS: "team_member",
    ImportKind.TEAM_DAYS: "team_days",
    ImportKind.RATINGS: "star_rating",
}


def row_count(ledger: Ledger, kind: ImportKind, region_id: int) -> int:
    return store.export_count(ledger, TABLES[kind], region_id)


def rows(ledger: Ledger, kind: ImportKind, region_id: int) -> Iterator[dict[str, Any]]:
    """The sheet of ``kind`` for the region: references by name and uuid, dates as YYYY-MM-DD; a member's
    month a cell per day (在, 假（病假）…)."""
    found = store.export_rows(ledger, TABLES[kind], region_id)
    return map(_by_day, found) if kind is ImportKind.TEAM_DAYS else found


def _by_day(row: dict[str, Any]) -> dict[str, Any]:
    marks, reasons = row.pop("marks"), row.pop("reasons")
    texts = day_texts(MonthDays.stored(Month.parse(row["month"]), marks, json.loads(reasons)))
    return {**row, **{field: texts[at] if at < len(texts) else None for at, field in enumerate(DAY_FIELDS)}}


def matrix_months(ledger: Ledger) -> list[Month]:
    """From the month of the first pairing to the last month that has ended (or the last activity's)."""
    span = store.activity_span(ledger)
    if span is None:
        return []
    first = Month.of(dt.date.fromisoformat(span[0]))
    last = min(Month.of(dt.date.fromisoformat(span[1])), last_ended_month(ledger.clock.today()))
    months = []
    while first <= last:
        months.append(first)
        first = first.next()
    return months


def compliance_rows(
    ledger: Ledger, region_id: int, months: list[Month]
) -> Iterator[tuple[dict[str, Any], dict[str, int]]]:
    """Each pairing of the region with its themed Party days per month ("YYYY-MM" → count)."""
    return store.compliance_matrix(ledger, region_id, months)
