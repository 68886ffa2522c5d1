"""The chart tabs' figures as SQL aggregates over indexes; rows are never loaded to be counted in Python.

They reuse the definitions of storage.stats (a branch existing on a day, a pairing active on a day, a
working day and a weekday activity), so a chart and the status bar can never disagree. Breakdowns are by
``groups(id, grp)``: every region of the scope with the child of the selected region it falls under, or
the selected region itself for what is attached to it directly.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from branchdesk.domain.chart_data import (
    MONTHS_MAX,
    AreaCounts,
    Group,
    GroupKind,
    GroupMonths,
    MonthlyActivity,
    MonthSpan,
    OrganFigures,
    PairingMonths,
    Scope,
    TierCell,
    TierMatrix,
    WeekdayMonth,
)
from branchdesk.domain.enums import ActivityType, Area, RegionLevel, Tier
from branchdesk.domain.months import Month
from branchdesk.domain.rates import Rate
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.regions import scope_sql
from branchdesk.storage.stats import (
    ACTIVE_ON,
    EXISTS_ON,
    NO_WEEKDAY_REASON,
    NUMERIC_TARGETS,
    REACHED,
    ROUTINE,
    WORKING_DAY,
)

GROUPS = (
    "groups(id, grp) AS (SELECT :region, :region UNION ALL "
    "SELECT r.id, CASE WHEN groups.id = :region THEN r.id ELSE groups.grp END "
    "FROM region r JOIN groups ON r.parent_id = groups.id)"
)

# The scope's pairings (by their grassroots branch's region), collected once into a list.
_SCOPE_PAIRINGS = (
    "SELECT p.id FROM pairing p JOIN branch g ON g.id = p.grassroots_id "
    "WHERE g.region_id IN (SELECT id FROM scope)"
)


# Below one pairing in this many, reading a region's activities pairing by pairing beats scanning the span.
_FEW_PAIRINGS = 100

# A pairing active at some time in the span from :first to :last.
_IN_SPAN = "p.started_on <= :last AND (p.ended_on IS NULL OR p.ended_on >= :first)"


def scope(ledger: Ledger, region_id: int) -> Scope:
    row = ledger.query("SELECT id, name, level FROM region WHERE id = ?", (region_id,))[0]
    return Scope(id=row["id"], name=row["name"], level=RegionLevel(row["level"]))


def _parts(ledger: Ledger, region_id: int) -> list[Group]:
    """The region itself (as OWN) and its children, in the order of official lists: by code, then by
    name."""
    rows = ledger.query(
        "SELECT id, name, level, id = :region AS own FROM region WHERE id = :region OR parent_id = :region "
        "ORDER BY own DESC, code IS NULL, code, name_key, id",
        {"region": region_id},
    )
    return [
        Group(
            kind=GroupKind.OWN if row["own"] else GroupKind.REGION,
            id=row["id"],
            name=row["name"],
            level=RegionLevel(row["level"]),
        )
        for row in rows
    ]


def by_part(
    ledger: Ledger, region_id: int, sql: str, params: dict[str, Any]
) -> list[tuple[Group, dict[str, Any]]]:
    """Rows of ``sql`` (grouped by ``grp``) matched to the region's parts; every child appears (with
    ``None`` when it has no row), the region's own part only when it has one."""
    found = {row["grp"]: row for row in ledger.query(sql, {"region": region_id, **params})}
    return [
        (group, found.get(group.id, {}))
        for group in _parts(ledger, region_id)
        if group.kind is GroupKind.REGION or group.id in found
    ]


# -- coverage tab ---------------------------------------------------------------------------------------


def grassroots_coverage_by_part(ledger: Ledger, region_id: int, day: dt.date) -> list[tuple[Group, Rate]]:
    """Grassroots branches existing on ``day`` with a pairing active then, over all of them, per part."""
    rows = by_part(
        ledger,
        region_id,
        f"""
        WITH RECURSIVE {GROUPS}
        SELECT groups.grp AS grp, count(*) AS total,
               coalesce(sum(EXISTS (
                   SELECT 1 FROM pairing p WHERE p.grassroots_id = b.id AND {ACTIVE_ON}
               )), 0) AS paired
        FROM branch b JOIN groups ON groups.id = b.region_id
        WHERE b.kind <> 'organ' AND {EXISTS_ON}
        GROUP BY groups.grp
        """,
        {"day": day.isoformat()},
    )
    return [(group, Rate(row.get("paired", 0), row.get("total", 0))) for group, row in rows]


def targets_reached_by_part(ledger: Ledger, region_id: int, day: dt.date) -> list[tuple[Group, Rate]]:
    """Agreement targets reached by ``day`` over those of the agreements signed by then, per part (an
    agreement counts where its pairing's grassroots branch is, as in storage.stats.target_counts)."""
    rows = by_part(
        ledger,
        region_id,
        f"""
        WITH RECURSIVE {GROUPS}
        SELECT groups.grp AS grp, count(*) AS total, coalesce(sum({REACHED}), 0) AS reached
        FROM pairing p JOIN branch g ON g.id = p.grassroots_id JOIN groups ON groups.id = g.region_id
        {NUMERIC_TARGETS}
        GROUP BY groups.grp
        """,
        {"day": day.isoformat()},
    )
    return [(group, Rate(row.get("reached", 0), row.get("total", 0))) for group, row in rows]


_ORGAN_COLUMNS = f"""
    count(*) AS total,
    coalesce(sum(EXISTS (SELECT 1 FROM pairing p WHERE p.organ_id = b.id AND {ACTIVE_ON})), 0) AS paired,
    coalesce(sum(b.optimised_on <= :day), 0) AS optimised
"""


def organ_figures_by_part(ledger: Ledger, region_id: int, day: dt.date) -> list[OrganFigures]:
    """Organ branches existing on ``day`` per part: all, with an active pairing, optimised by then."""
    rows = by_part(
        ledger,
        region_id,
        f"""
        WITH RECURSIVE {GROUPS}
        SELECT groups.grp AS grp, {_ORGAN_COLUMNS}
        FROM branch b JOIN groups ON groups.id = b.region_id
        WHERE b.kind = 'organ' AND {EXISTS_ON}
        GROUP BY groups.grp
        """,
        {"day": day.isoformat()},
    )
    return [
        OrganFigures(group, row.get("total", 0), row.get("paired", 0), row.get("optimised", 0))
        for group, row in rows
    ]


def organ_figures_by_unit(ledger: Ledger, region_id: int, day: dt.date) -> list[OrganFigures]:
    """The same per unit, for the units with organ branches in the region (descendants included)."""
    rows = ledger.query(
        f"""
        WITH RECURSIVE {scope_sql(False)}
        SELECT u.id AS id, u.name AS name, {_ORGAN_COLUMNS}
        FROM branch b JOIN unit u ON u.id = b.unit_id
        WHERE b.region_id IN (SELECT id FROM scope) AND b.kind = 'organ' AND {EXISTS_ON}
        GROUP BY u.id
        ORDER BY u.name_key, u.id
        """,
        {"region": region_id, "day": day.isoformat()},
    )
    return [
        OrganFigures(
            Group(GroupKind.UNIT, row["id"], row["name"]), row["total"], row["paired"], row["optimised"]
        )
        for row in rows
    ]


def _tier(value: str | None) -> Tier | None:
    return None if value is None else Tier(value)


def tier_matrix(ledger: Ledger, region_id: int, day: dt.date) -> TierMatrix:
    """Pairings active on ``day`` (by their grassroots branch's region) by both sides' tiers when paired."""
    rows = ledger.query(
        f"""
        WITH RECURSIVE {scope_sql(False)}
        SELECT p.organ_tier AS organ, p.grassroots_tier AS grassroots, count(*) AS count
        FROM pairing p JOIN branch g ON g.id = p.grassroots_id
        WHERE g.region_id IN (SELECT id FROM scope) AND {ACTIVE_ON}
        GROUP BY p.organ_tier, p.grassroots_tier
        """,
        {"region": region_id, "day": day.isoformat()},
    )
    cells = tuple(TierCell(_tier(row["organ"]), _tier(row["grassroots"]), row["count"]) for row in rows)
    return TierMatrix(scope(ledger, region_id), day, cells)


# -- activity frequency tab -----------------------------------------------------------------------------


def _span_params(region_id: int, span: MonthSpan) -> dict[str, Any]:
    return {"region": region_id, "first": span.first_day.isoformat(), "last": span.last_day.isoformat()}


def _month_index(span: MonthSpan) -> dict[str, int]:
    return {str(month): i for i, month in enumerate(span.months)}


def _in_scope(ledger: Ledger, region_id: int) -> str:
    """A condition on activity ``a`` keeping the region's activities (as storage.stats counts them: by the
    region of the pairing's grassroots branch), written for the plan that suits the region's size."""
    roots = [row["id"] for row in ledger.query("SELECT id FROM region WHERE parent_id IS NULL")]
    if roots == [region_id]:
        # The ledger's only top region holds every activity: checking a million of them against the
        # list of its pairings would cost half a second for nothing.
        return "1"
    mine = ledger.scalar(
        f"WITH RECURSIVE {scope_sql(False)} SELECT count(*) FROM ({_SCOPE_PAIRINGS})", {"region": region_id}
    )
    if mine * _FEW_PAIRINGS <= ledger.scalar("SELECT count(*) FROM pairing"):
        # A small region (a township): its pairings' activities through activity_pairing_type_held.
        return f"a.pairing_id IN ({_SCOPE_PAIRINGS})"
    # A large one: the span's range of activity_month, which covers the queries, checked against the list
    # of its pairings (the unary + keeps the planner off the pairing index).
    return f"+a.pairing_id IN ({_SCOPE_PAIRINGS})"


def monthly_activity(ledger: Ledger, region_id: int, span: MonthSpan) -> MonthlyActivity:
    """Activities per month and type, and volunteer person-times per month."""
    types = list(ActivityType)
    per_type = ", ".join(f"sum(a.type = '{t.value}') AS {t.value}" for t in types)
    # Summed per day first: grouping by day follows activity_month's order, while grouping a million
    # rows by month straight away would sort them all.
    rows = ledger.query(
        f"""
        WITH RECURSIVE {scope_sql(False)},
        days AS (
            SELECT a.held_on AS day, {per_type}, sum(a.volunteers) AS volunteers
            FROM activity a
            WHERE a.held_on BETWEEN :first AND :last AND {_in_scope(ledger, region_id)}
            GROUP BY a.held_on
        )
        SELECT substr(day, 1, 7) AS month, {", ".join(f"sum({t.value}) AS {t.value}" for t in types)},
               sum(volunteers) AS volunteers
        FROM days GROUP BY month
        """,
        _span_params(region_id, span),
    )
    index = _month_index(span)
    counts = {activity_type: [0] * len(index) for activity_type in types}
    volunteers = [0] * len(index)
    for row in rows:
        i = index[row["month"]]
        for activity_type in types:
            counts[activity_type][i] = row[activity_type.value]
        volunteers[i] = row["volunteers"]
    return MonthlyActivity(
        scope=scope(ledger, region_id),
        span=span,
        counts={activity_type: tuple(values) for activity_type, values in counts.items()},
        volunteers=tuple(volunteers),
    )


def area_counts(ledger: Ledger, region_id: int, span: MonthSpan) -> AreaCounts:
    """Activities of the span per area, and all activities of the span (the shares' denominator)."""
    params = _span_params(region_id, span)
    where = f"a.held_on BETWEEN :first AND :last AND {_in_scope(ledger, region_id)}"
    rows = ledger.query(
        f"""
        WITH RECURSIVE {scope_sql(False)}
        SELECT aa.area AS area, count(*) AS count
        FROM activity a JOIN activity_area aa ON aa.activity_id = a.id
        WHERE {where}
        GROUP BY aa.area
        """,
        params,
    )
    activities = ledger.scalar(
        f"WITH RECURSIVE {scope_sql(False)} SELECT count(*) FROM activity a WHERE {where}", params
    )
    return AreaCounts(
        scope=scope(ledger, region_id),
        span=span,
        activities=int(activities),
        counts={Area(row["area"]): row["count"] for row in rows},
    )


def weekday_by_month(ledger: Ledger, region_id: int, span: MonthSpan) -> list[WeekdayMonth]:
    """Per month: routine activities on non-working days, on working days with and without a reason (the
    latter are storage.stats' weekday activities), and key-task activities, which the rule exempts."""
    # Counted per day first, then each day looked up in the holiday table once rather than per activity.
    # The outer query names the days "a" so that WORKING_DAY reads a.held_on there.
    rows = ledger.query(
        f"""
        WITH RECURSIVE {scope_sql(False)},
        days AS (
            SELECT a.held_on AS held_on,
                   sum({ROUTINE}) AS routine,
                   sum({ROUTINE} AND {NO_WEEKDAY_REASON}) AS without_reason,
                   sum(NOT ({ROUTINE})) AS key_task
            FROM activity a
            WHERE a.held_on BETWEEN :first AND :last AND {_in_scope(ledger, region_id)}
            GROUP BY a.held_on
        )
        SELECT substr(a.held_on, 1, 7) AS month,
               sum(CASE WHEN {WORKING_DAY} THEN 0 ELSE a.routine END) AS non_working,
               sum(CASE WHEN {WORKING_DAY} THEN a.routine - a.without_reason ELSE 0 END) AS excused,
               sum(CASE WHEN {WORKING_DAY} THEN a.without_reason ELSE 0 END) AS weekday,
               sum(a.key_task) AS key_task
        FROM days a LEFT JOIN holiday h ON h.day = a.held_on
        GROUP BY month
        """,
        _span_params(region_id, span),
    )
    found = {row["month"]: row for row in rows}
    months = []
    for month in span.months:
        row = found.get(str(month), {})
        months.append(
            WeekdayMonth(
                month=month,
                non_working=row.get("non_working", 0),
                weekday_excused=row.get("excused", 0),
                weekday=row.get("weekday", 0),
                key_task=row.get("key_task", 0),
            )
        )
    return months


def compliance_by_part(ledger: Ledger, region_id: int, span: MonthSpan) -> list[GroupMonths]:
    """Monthly compliance per part of the region, as storage.stats.monthly_compliance counts it: among the
    grassroots branches with a pairing active for the whole of a month, those whose pairing held a themed
    Party day in it (a branch in two overlapping pairings, a broken rule, counts once).

    Each pairing's months with a themed Party day are gathered once, as the bits of an integer (bit i for
    the span's month i; a span has at most MONTHS_MAX < 63 months); each month is then one column summed
    over the pairings. Probing the activities once per pairing and month instead takes three times as long.
    """
    months = span.months
    if len(months) > MONTHS_MAX:
        raise ValueError("too many months for one query")
    params = _span_params(region_id, span)
    params["base"] = span.first.year * 12 + span.first.month
    per_branch, columns = [], []
    for i, month in enumerate(months):
        params[f"first{i}"] = month.first_day.isoformat()
        params[f"last{i}"] = month.last_day.isoformat()
        whole = f"(started_on <= :first{i} AND (ended_on IS NULL OR ended_on >= :last{i}))"
        per_branch.append(f"max({whole}) AS due{i}, max({whole} AND (held >> {i}) & 1) AS held{i}")
        columns.append(f"sum(due{i}) AS total{i}, sum(held{i}) AS compliant{i}")
    rows = by_part(
        ledger,
        region_id,
        f"""
        WITH RECURSIVE {GROUPS},
        -- MATERIALIZED: each pairing's subquery runs once, not once per column that reads it.
        scoped(grp, branch, started_on, ended_on, held) AS MATERIALIZED (
            SELECT groups.grp, p.grassroots_id, p.started_on, p.ended_on, (
                SELECT coalesce(sum(DISTINCT 1 << (
                    CAST(substr(a.held_on, 1, 4) AS INTEGER) * 12 + CAST(substr(a.held_on, 6, 2) AS INTEGER)
                    - :base
                )), 0)
                FROM activity a
                WHERE a.pairing_id = p.id AND a.type = 'themed_day' AND a.held_on BETWEEN :first AND :last
            )
            FROM pairing p JOIN branch g ON g.id = p.grassroots_id JOIN groups ON groups.id = g.region_id
            WHERE {_IN_SPAN}
        ),
        branches AS (SELECT grp, {", ".join(per_branch)} FROM scoped GROUP BY grp, branch)
        SELECT grp, {", ".join(columns)} FROM branches GROUP BY grp
        """,
        params,
    )
    return [
        GroupMonths(
            group,
            tuple(Rate(row.get(f"compliant{i}", 0), row.get(f"total{i}", 0)) for i in range(len(months))),
        )
        for group, row in rows
    ]


def pairings_in_span(ledger: Ledger, region_id: int, span: MonthSpan) -> int:
    """Pairings of the region active at some time in the span."""
    return int(
        ledger.scalar(
            f"""
            WITH RECURSIVE {scope_sql(False)}
            SELECT count(*) FROM pairing p JOIN branch g ON g.id = p.grassroots_id
            WHERE g.region_id IN (SELECT id FROM scope) AND {_IN_SPAN}
            """,
            _span_params(region_id, span),
        )
    )


def pairing_months(ledger: Ledger, region_id: int, span: MonthSpan, limit: int) -> list[PairingMonths]:
    """The first ``limit`` pairings of the region active in the span (by region, then grassroots name),
    each with its themed Party days per month."""
    pairings = ledger.query(
        f"""
        WITH RECURSIVE {scope_sql(False)}
        SELECT p.id AS id, o.name AS organ, g.name AS grassroots, g.region_id AS region_id,
               p.started_on AS started_on, p.ended_on AS ended_on
        FROM pairing p JOIN branch g ON g.id = p.grassroots_id JOIN branch o ON o.id = p.organ_id
        JOIN region gr ON gr.id = g.region_id
        WHERE g.region_id IN (SELECT id FROM scope) AND {_IN_SPAN}
        ORDER BY gr.name_key, g.region_id, g.name_key, p.started_on, p.id
        LIMIT :limit
        """,
        {**_span_params(region_id, span), "limit": limit},
    )
    counts = _themed_days(ledger, [row["id"] for row in pairings], span)
    index = _month_index(span)
    rows = []
    for row in pairings:
        per_month = [0] * len(index)
        for month, count in counts.get(row["id"], {}).items():
            per_month[index[month]] = count
        rows.append(
            PairingMonths(
                pairing_id=row["id"],
                organ=row["organ"],
                grassroots=row["grassroots"],
                grassroots_region_id=row["region_id"],
                started_on=dt.date.fromisoformat(row["started_on"]),
                ended_on=None if row["ended_on"] is None else dt.date.fromisoformat(row["ended_on"]),
                themed_days=tuple(per_month),
            )
        )
    return rows


def _themed_days(ledger: Ledger, pairing_ids: Sequence[int], span: MonthSpan) -> dict[int, dict[str, int]]:
    found: dict[int, dict[str, int]] = {}
    if not pairing_ids:
        return found
    rows = ledger.query(
        """
        SELECT a.pairing_id AS pairing, substr(a.held_on, 1, 7) AS month, count(*) AS count
        FROM activity a
        WHERE a.pairing_id IN (SELECT value FROM json_each(:ids))
          AND a.type = 'themed_day' AND a.held_on BETWEEN :first AND :last
        GROUP BY a.pairing_id, month
        """,
        {
            "ids": json.dumps(list(pairing_ids)),
            "first": span.first_day.isoformat(),
            "last": span.last_day.isoformat(),
        },
    )
    for row in rows:
        found.setdefault(row["pairing"], {})[row["month"]] = row["count"]
    return found


def activity_months(ledger: Ledger) -> tuple[Month, Month] | None:
    """The first and last month with activities, or None for a ledger without any."""
    row = ledger.query("SELECT min(held_on) AS first, max(held_on) AS last FROM activity")[0]
    if row["first"] is None:
        return None
    return (
        Month.of(dt.date.fromisoformat(row["first"])),
        Month.of(dt.date.fromisoformat(row["last"])),
    )
