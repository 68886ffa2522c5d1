"""The compliance view's SQL: overdue pairings, a month-by-month grid, key tasks covered per half-year.

The conditions are those of ``storage.stats.monthly_compliance`` (a pairing owes a month a themed Party day
when it was active for the whole month), so that the overdue list and the compliance rate always agree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from branchdesk.domain.compliance import KeyTaskCoverage, OverduePairing, PairingMonths
from branchdesk.domain.months import HalfYear, Month
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.regions import region_label_key, scope_sql
from branchdesk.storage.stats import OWES_MONTH, PAIRING_SIDES, pairings_in_scope

_REGION_LABEL = (
    "(SELECT CASE WHEN r.level = 'township' THEN rp.name || ' / ' || r.name ELSE r.name END"
    " FROM region r LEFT JOIN region rp ON rp.id = r.parent_id WHERE r.id = g.region_id)"
)
# Region, then grassroots branch, in name order (pinyin, numbers numerically).
_ORDER = (
    f"(SELECT {region_label_key('r', 'rp')} FROM region r LEFT JOIN region rp ON rp.id = r.parent_id"
    " WHERE r.id = g.region_id), g.name_key, p.id"
)
# Active at some time between :first and :last.
_ACTIVE_IN_SPAN = "p.started_on <= :last AND (p.ended_on IS NULL OR p.ended_on >= :first)"
_THEMED_IN_MONTH = (
    "EXISTS (SELECT 1 FROM activity a WHERE a.pairing_id = p.id AND a.type = 'themed_day'"
    " AND a.held_on BETWEEN :first AND :last)"
)


def _scope(region_id: int, direct: bool, **values: Any) -> tuple[str, dict[str, Any]]:
    return f"WITH RECURSIVE {scope_sql(direct)} ", {"region": region_id, **values}


def overdue_pairings(
    ledger: Ledger, region_id: int, month: Month, *, direct: bool = False
) -> list[OverduePairing]:
    """Pairings that owe ``month`` a themed Party day and have none in it, by region and name: one per
    grassroots branch, as the compliance rate counts them (a branch in two overlapping pairings once, by
    the first of them, and not at all when either held its themed Party day)."""
    cte, params = _scope(
        region_id, direct, first=month.first_day.isoformat(), last=month.last_day.isoformat()
    )
    rows = ledger.query(
        f"""{cte.rstrip()},
        owing AS (
            SELECT min(p.id) AS id, max({_THEMED_IN_MONTH}) AS themed FROM {PAIRING_SIDES}
            WHERE {pairings_in_scope(direct)} AND {OWES_MONTH} GROUP BY p.grassroots_id
        )
        SELECT p.id, g.name AS grassroots, o.name AS organ, {_REGION_LABEL} AS region,
               (SELECT max(a.held_on) FROM activity a WHERE a.pairing_id = p.id AND a.type = 'themed_day'
                AND a.held_on <= :last) AS last_themed
        FROM owing w JOIN pairing p ON p.id = w.id
        JOIN branch g ON g.id = p.grassroots_id JOIN branch o ON o.id = p.organ_id
        WHERE NOT w.themed
        ORDER BY {_ORDER}
        """,
        params,
    )
    return [
        OverduePairing(
            row["id"],
            row["grassroots"],
            row["organ"],
            row["region"],
            None if row["last_themed"] is None else dt.date.fromisoformat(row["last_themed"]),
        )
        for row in rows
    ]


def pairing_months(
    ledger: Ledger, region_id: int, months: list[Month], *, direct: bool = False, limit: int = 2000
) -> list[PairingMonths]:
    """Per pairing active at some time in ``months``: its themed Party days per month (None: not owed)."""
    first, last = months[0], months[-1]
    cte, params = _scope(
        region_id, direct, first=first.first_day.isoformat(), last=last.last_day.isoformat(), limit=limit
    )
    pairings = ledger.query(
        f"""{cte}
        SELECT p.id, g.name AS grassroots, o.name AS organ, {_REGION_LABEL} AS region,
               p.started_on, p.ended_on
        FROM {PAIRING_SIDES}
        WHERE {pairings_in_scope(direct)} AND {_ACTIVE_IN_SPAN}
        ORDER BY {_ORDER} LIMIT :limit
        """,
        params,
    )
    if not pairings:
        return []
    marks = ", ".join("?" for _ in pairings)
    counts: dict[tuple[int, str], int] = {
        (row["pairing_id"], row["month"]): row["themed"]
        for row in ledger.query(
            f"""SELECT a.pairing_id, substr(a.held_on, 1, 7) AS month, count(*) AS themed
            FROM activity a WHERE a.type = 'themed_day' AND a.held_on BETWEEN ? AND ?
            AND a.pairing_id IN ({marks}) GROUP BY 1, 2""",
            [params["first"], params["last"], *(row["id"] for row in pairings)],
        )
    }
    result = []
    for row in pairings:
        cells: list[int | None] = []
        for month in months:
            owes = row["started_on"] <= month.first_day.isoformat() and (
                row["ended_on"] is None or row["ended_on"] >= month.last_day.isoformat()
            )
            cells.append(counts.get((row["id"], str(month)), 0) if owes else None)
        result.append(PairingMonths(row["id"], row["grassroots"], row["organ"], row["region"], tuple(cells)))
    return result


def key_task_coverage(
    ledger: Ledger, region_id: int, half_year: HalfYear, *, direct: bool = False, limit: int = 2000
) -> list[KeyTaskCoverage]:
    """Per pairing active at some time in the half-year: the key tasks its activities served in it."""
    cte, params = _scope(
        region_id,
        direct,
        first=half_year.first_day.isoformat(),
        last=half_year.last_day.isoformat(),
        limit=limit,
    )
    # The page of pairings first, then the tasks of those alone: at city scale the subquery for every
    # pairing in scope would cost seconds.
    rows = ledger.query(
        f"""{cte.rstrip()},
        chosen AS (
            SELECT p.id, g.name AS grassroots, o.name AS organ,
                   row_number() OVER (ORDER BY {_ORDER}) AS rank
            FROM {PAIRING_SIDES}
            WHERE {pairings_in_scope(direct)} AND {_ACTIVE_IN_SPAN}
            ORDER BY rank LIMIT :limit
        )
        SELECT c.id, c.grassroots, c.organ,
               (SELECT group_concat(DISTINCT a.key_task_id) FROM activity a
                WHERE a.pairing_id = c.id AND a.key_task_id IS NOT NULL
                  AND a.held_on BETWEEN :first AND :last) AS tasks
        FROM chosen c ORDER BY c.rank
        """,
        params,
    )
    return [
        KeyTaskCoverage(
            row["id"],
            row["grassroots"],
            row["organ"],
            frozenset(int(task) for task in (row["tasks"] or "").split(",") if task),
        )
        for row in rows
    ]
