"""Half-year summaries (domain/halfyear.py): the frozen figures of a region's half-year, and the activities of
its key tasks as an SQL aggregate."""

from __future__ import annotations

import json

from branchdesk.domain.halfyear import HalfYearSummary, TaskFigures
from branchdesk.domain.months import HalfYear
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.regions import scope_sql
from branchdesk.storage.stats import PAIRING_SIDES, pairings_in_scope


def task_figures(ledger: Ledger, region_id: int, half: HalfYear) -> list[TaskFigures]:
    """The half-year's key tasks in the order entered, each with the region's activities held for it."""
    rows = ledger.query(
        f"""
        WITH RECURSIVE {scope_sql(False)}
        SELECT k.name, k.retired, (
            SELECT count(*) FROM activity a WHERE a.key_task_id = k.id AND a.pairing_id IN (
                SELECT p.id FROM {PAIRING_SIDES} WHERE {pairings_in_scope(False)}
            )
        ) AS activities
        FROM key_task k WHERE k.half_year = :half ORDER BY k.id
        """,
        {"region": region_id, "half": str(half)},
    )
    return [TaskFigures(row["name"], row["activities"], bool(row["retired"])) for row in rows]


def summary(ledger: Ledger, region_id: int, half: HalfYear) -> HalfYearSummary | None:
    figures = ledger.scalar(
        "SELECT figures FROM halfyear_summary WHERE region_id = ? AND half_year = ?", (region_id, str(half))
    )
    return None if figures is None else HalfYearSummary.from_json(json.loads(figures))


def keep_summary(ledger: Ledger, region_id: int, frozen: HalfYearSummary) -> None:
    """The region's summary of the half-year written (replacing one frozen before), inside the caller's
    operation."""
    values = {
        "frozen_on": frozen.frozen_on.isoformat(),
        "figures": json.dumps(frozen.as_json(), ensure_ascii=False, sort_keys=True),
    }
    found = ledger.scalar(
        "SELECT id FROM halfyear_summary WHERE region_id = ? AND half_year = ?", (region_id, str(frozen.half))
    )
    if found is None:
        ledger.insert("halfyear_summary", {"region_id": region_id, "half_year": str(frozen.half), **values})
    else:
        ledger.update("halfyear_summary", int(found), values)
