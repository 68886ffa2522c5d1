"""SQL of the Word ledger (台账): the pairings of a region or one pairing, with both branches' rosters, and
their activities in a range of days."""

from __future__ import annotations

import datetime as dt
from typing import Any

from branchdesk.storage.ledger import Ledger
from branchdesk.storage.regions import scope_sql

# Pairings counted in the region (by their grassroots branch, as the figures count them) that were active
# on some day of the range; or the one pairing asked for.
_PAIRINGS = f"""
WITH RECURSIVE {scope_sql(False)}
SELECT p.id, p.uuid, p.method, p.started_on, p.ended_on,
       g.name AS g_name, g.kind AS g_kind, g.secretary AS g_secretary, g.phone AS g_phone,
       g.member_count AS g_members, p.grassroots_tier AS g_tier, gr.name AS g_region,
       g.region_id AS g_region_id,
       o.name AS o_name, o.secretary AS o_secretary, o.phone AS o_phone, o.member_count AS o_members,
       p.organ_tier AS o_tier
FROM pairing p JOIN branch g ON g.id = p.grassroots_id JOIN region gr ON gr.id = g.region_id
JOIN branch o ON o.id = p.organ_id
WHERE (:pairing IS NULL AND g.region_id IN (SELECT id FROM scope) OR p.id = :pairing)
  AND p.started_on <= :last AND (p.ended_on IS NULL OR p.ended_on >= :first)
ORDER BY gr.name_key, g.name_key, p.started_on, p.id
"""

_ACTIVITIES = """
SELECT a.id, a.pairing_id, a.held_on, a.type, k.name AS key_task, a.volunteers, a.location, a.summary,
       a.weekday_reason, a.created_at, a.theme, a.host,
       (SELECT group_concat(area, ',') FROM activity_area WHERE activity_id = a.id) AS areas
FROM activity a LEFT JOIN key_task k ON k.id = a.key_task_id
WHERE a.pairing_id IN (SELECT value FROM json_each(:pairings)) AND a.held_on BETWEEN :first AND :last
ORDER BY a.held_on, a.id
"""


def book_pairings(
    ledger: Ledger, region_id: int, pairing_id: int | None, first: dt.date, last: dt.date
) -> list[dict[str, Any]]:
    return ledger.query(
        _PAIRINGS,
        {"region": region_id, "pairing": pairing_id, "first": first.isoformat(), "last": last.isoformat()},
    )


def book_activities(
    ledger: Ledger, pairing_ids: list[int], first: dt.date, last: dt.date
) -> list[dict[str, Any]]:
    return ledger.query(
        _ACTIVITIES,
        {
            "pairings": f"[{','.join(map(str, pairing_ids))}]",
            "first": first.isoformat(),
            "last": last.isoformat(),
        },
    )


def pairings_named(ledger: Ledger, text: str) -> list[dict[str, Any]]:
    """Pairings whose uuid is ``text``, or one of whose branches is named ``text``; the open ones first."""
    return ledger.query(
        """SELECT p.id, g.name AS grassroots, o.name AS organ, p.started_on, p.ended_on
           FROM pairing p JOIN branch g ON g.id = p.grassroots_id JOIN branch o ON o.id = p.organ_id
           WHERE p.uuid = :text OR g.name = :text OR o.name = :text
           ORDER BY p.ended_on IS NOT NULL, p.started_on DESC, p.id""",
        {"text": text},
    )
