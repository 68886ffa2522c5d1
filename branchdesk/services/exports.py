"""What an export of the ledger holds: the rows of each sheet, the compliance matrix and the figures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from branchdesk.domain.imports import ImportKind
from branchdesk.domain.months import Month, last_ended_month
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
}


def row_count(ledger: Ledger, kind: ImportKind, region_id: int) -> int:
    return store.export_count(ledger, TABLES[kind], region_id)


def rows(ledger: Ledger, kind: ImportKind, region_id: int) -> Iterator[dict[str, Any]]:
    """The sheet of ``kind`` for the region: references by name and uuid, dates as YYYY-MM-DD."""
    return store.export_rows(ledger, TABLES[kind], region_id)


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
