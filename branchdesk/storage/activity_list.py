"""The Activities table's queries: filtered, sorted and paged in SQL over indexes, and the totals of a filter.

At stress scale (a million activities) a page is a ``LIMIT``/``OFFSET`` query: the first page comes at once,
and the view fetches the next as it scrolls. Nothing reads every matching row except the totals, which the
window computes off the UI thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from branchdesk.domain.activities import (
    ActivityColumn,
    ActivityFilter,
    ActivityRow,
    ActivitySort,
    ActivityTotals,
    PairingSpan,
)
from branchdesk.domain.attendance import LATE_ENTRY_DAYS, LATE_ENTRY_SETTING
from branchdesk.domain.enums import ActivityType, Area
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.regions import region_label, region_label_key, scope_sql
from branchdesk.storage.settings import get_setting
from branchdesk.storage.stats import PAIRING_SIDES, WEEKDAY_ACTIVITY, WORKING_DAY, pairings_in_scope

_SIDES_JOIN = "JOIN pairing p ON p.id = a.pairing_id JOIN branch g ON g.id = p.grassroots_id"
_ORGAN_JOIN = "JOIN branch o ON o.id = p.organ_id"
_REGION_JOIN = "JOIN region gr ON gr.id = g.region_id LEFT JOIN region grp ON grp.id = gr.parent_id"
_KEY_TASK_JOIN = "LEFT JOIN key_task kt ON kt.id = a.key_task_id"
_HOLIDAY_JOIN = "LEFT JOIN holiday h ON h.day = a.held_on"
_REGION_LABEL = region_label("gr", "grp")

_TYPE_ORDER = (
    "CASE a.type " + " ".join(f"WHEN '{t.value}' THEN {i}" for i, t in enumerate(ActivityType)) + " END"
)
_FIRST_AREA = (
    "(SELECT min(CASE x.area "
    + " ".join(f"WHEN '{area.value}' THEN {i}" for i, area in enumerate(Area))
    + " END) FROM activity_area x WHERE x.activity_id = a.id)"
)
# 2: breaks the weekend rule; 1: on a working day with a reason; 0: on a day off, or key-task work.
_WEEKDAY_ORDER = (
    f"(CASE WHEN a.type = 'key_task' OR NOT {WORKING_DAY} THEN 0 WHEN {WEEKDAY_ACTIVITY} THEN 2 ELSE 1 END)"
)

_SORT_SQL: dict[ActivityColumn, str] = {
    ActivityColumn.DATE: "a.held_on",
    ActivityColumn.GRASSROOTS: "g.name_key",
    ActivityColumn.ORGAN: "o.name_key",
    ActivityColumn.REGION: region_label_key("gr", "grp"),
    ActivityColumn.TYPE: _TYPE_ORDER,
    ActivityColumn.KEY_TASK: "kt.name",
    ActivityColumn.AREAS: _FIRST_AREA,
    ActivityColumn.VOLUNTEERS: "a.volunteers",
    ActivityColumn.ATTENDANCE: "CAST(a.present AS REAL) / a.expected",
    ActivityColumn.ENTERED: "a.created_at",
    ActivityColumn.WEEKDAY: _WEEKDAY_ORDER,
    ActivityColumn.LOCATION: "a.location",
    ActivityColumn.SUMMARY: "a.summary",
}
_JOINS_FOR_SORT: dict[ActivityColumn, tuple[str, ...]] = {
    ActivityColumn.GRASSROOTS: (_SIDES_JOIN,),
    ActivityColumn.ORGAN: (_SIDES_JOIN, _ORGAN_JOIN),
    ActivityColumn.REGION: (_SIDES_JOIN, _REGION_JOIN),
    ActivityColumn.KEY_TASK: (_KEY_TASK_JOIN,),
    ActivityColumn.WEEKDAY: (_HOLIDAY_JOIN,),
}
_NULLABLE = {
    ActivityColumn.KEY_TASK, ActivityColumn.LOCATION, ActivityColumn.SUMMARY, ActivityColumn.ATTENDANCE
}  # fmt: skip


def _whole_ledger(ledger: Ledger, flt: ActivityFilter) -> bool:
    """The only top region, with everything below it: every pairing is in scope, so no test is needed."""
    if flt.region_id is None:
        return True
    if flt.direct:
        return False
    tops = ledger.query("SELECT id FROM region WHERE parent_id IS NULL")
    return [row["id"] for row in tops] == [flt.region_id]


def where_clause(ledger: Ledger, flt: ActivityFilter) -> tuple[str, str, dict[str, Any]]:
    """``(cte, where, params)`` selecting a filter's activities ``a`` (the weekday test needs ``h``)."""
    clauses: list[str] = []
    params: dict[str, Any] = {}
    cte = ""
    if not _whole_ledger(ledger, flt):
        cte = f"WITH RECURSIVE {scope_sql(flt.direct)} "
        clauses.append(
            f"a.pairing_id IN (SELECT p.id FROM {PAIRING_SIDES} WHERE {pairings_in_scope(flt.direct)})"
        )
        params["region"] = flt.region_id
    if flt.pairing_id is not None:
        clauses.append("a.pairing_id = :pairing")
        params["pairing"] = flt.pairing_id
    if flt.first_month is not None:
        clauses.append("a.held_on >= :first")
        params["first"] = flt.first_month.first_day.isoformat()
    if flt.last_month is not None:
        clauses.append("a.held_on <= :last")
        params["last"] = flt.last_month.last_day.isoformat()
    if flt.activity_type is not None:
        clauses.append("a.type = :type")
        params["type"] = flt.activity_type.value
    if flt.area is not None:
        clauses.append("EXISTS (SELECT 1 FROM activity_area x WHERE x.activity_id = a.id AND x.area = :area)")
        params["area"] = flt.area.value
    if flt.key_task_id is not None:
        clauses.append("a.key_task_id = :key_task")
        params["key_task"] = flt.key_task_id
    if flt.weekday_only:
        clauses.append(WEEKDAY_ACTIVITY)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    return cte, where, params


def _from_for(flt: ActivityFilter, sort: ActivitySort | None) -> str:
    """Only the joins that the sort and the filter need: at a million rows each costs."""
    joins = ["FROM activity a"]
    if sort is not None:
        joins.extend(_JOINS_FOR_SORT.get(sort.column, ()))
    if flt.weekday_only:
        joins.append(_HOLIDAY_JOIN)
    return " ".join(dict.fromkeys(joins))


def activity_page(
    ledger: Ledger, flt: ActivityFilter, sort: ActivitySort, offset: int, limit: int
) -> list[int]:
    """The ids of rows ``offset`` … ``offset + limit - 1`` in display order."""
    cte, where, params = where_clause(ledger, flt)
    direction = "DESC" if sort.descending else "ASC"
    terms = [f"{_SORT_SQL[sort.column]} {direction}"]
    if sort.column is not ActivityColumn.DATE:
        terms.append(f"a.held_on {direction}")
    terms.append(f"a.id {direction}")
    if sort.column in _NULLABLE:
        # Empty cells last whichever the direction, as in Excel.
        terms.insert(0, f"({_SORT_SQL[sort.column]}) IS NULL")
    order = ", ".join(terms)
    sql = f"{cte}SELECT a.id {_from_for(flt, sort)} {where} ORDER BY {order} LIMIT :limit OFFSET :offset"
    return [row[0] for row in ledger.conn.execute(sql, {**params, "limit": limit, "offset": offset})]


def filtered_ids(ledger: Ledger, flt: ActivityFilter) -> list[int]:
    """Every activity of a filter (the evidence check reads them all, off the UI thread)."""
    cte, where, params = where_clause(ledger, flt)
    return [row[0] for row in ledger.conn.execute(f"{cte}SELECT a.id {_from_for(flt, None)} {where}", params)]


def activity_totals(ledger: Ledger, flt: ActivityFilter) -> ActivityTotals:
    cte, where, params = where_clause(ledger, flt)
    row = ledger.conn.execute(
        f"{cte}SELECT count(*), coalesce(sum(a.volunteers), 0) {_from_for(flt, None)} {where}", params
    ).fetchone()
    return ActivityTotals(count=row[0], volunteer_person_times=row[1])


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


# Enum members by stored value, and the areas' display order: looked up per row of every page.
_TYPES = {t.value: t for t in ActivityType}
_AREAS = {area.value: area for area in Area}
_AREA_RANK = {area: rank for rank, area in enumerate(Area)}


def _areas(stored: str | None) -> tuple[Area, ...]:
    return tuple(sorted((_AREAS[v] for v in (stored or "").split(",") if v), key=_AREA_RANK.__getitem__))


def activity_rows(ledger: Ledger, ids: Sequence[int]) -> list[ActivityRow]:
    """The rows of ``ids``, in that order (ids no longer in the file are left out)."""
    if not ids:
        return []
    late = late_entry_days(ledger)
    marks = ", ".join("?" for _ in ids)
    cursor = ledger.conn.execute(
        f"""
        SELECT a.id, a.uuid, a.pairing_id, a.held_on, g.name, o.name, {_REGION_LABEL}, a.type, kt.name,
               (SELECT group_concat(x.area) FROM activity_area x WHERE x.activity_id = a.id),
               a.volunteers, a.location, a.summary, a.weekday_reason, {WORKING_DAY},
               a.expected, a.present, a.created_at
        FROM activity a {_SIDES_JOIN} {_ORGAN_JOIN} {_REGION_JOIN} {_KEY_TASK_JOIN} {_HOLIDAY_JOIN}
        WHERE a.id IN ({marks})
        """,
        list(ids),
    )
    by_id = {
        row[0]: ActivityRow(
            row[0],
            row[1],
            row[2],
            dt.date.fromisoformat(row[3]),
            row[4],
            row[5],
            row[6],
            _TYPES[row[7]],
            row[8],
            _areas(row[9]),
            row[10],
            row[11],
            row[12],
            row[13],
            bool(row[14]),
            row[15],
            row[16],
            entered_on(row[17]),
            late,
        )
        for row in cursor
    }
    return [by_id[activity_id] for activity_id in ids if activity_id in by_id]


def entered_on(created_at: str) -> dt.date:
    """The day a row was entered: its stamp's date (in UTC, as stamps are written)."""
    return dt.date.fromisoformat(created_at[:10])


def late_entry_days(ledger: Ledger) -> int:
    return int(get_setting(ledger, LATE_ENTRY_SETTING, LATE_ENTRY_DAYS))


def entry_days(ledger: Ledger, ids: Sequence[int]) -> dict[int, tuple[dt.date, dt.date]]:
    """Each activity's (held on, entered on)."""
    marks = ", ".join("?" for _ in ids)
    return {
        row[0]: (dt.date.fromisoformat(row[1]), entered_on(row[2]))
        for row in ledger.conn.execute(
            f"SELECT id, held_on, created_at FROM activity WHERE id IN ({marks})", list(ids)
        )
    }


_SPAN_COLUMNS = "p.id, g.name AS grassroots, o.name AS organ, p.started_on, p.ended_on"


def _spans(rows: list[dict[str, Any]]) -> list[PairingSpan]:
    return [
        PairingSpan(
            id=row["id"],
            grassroots=row["grassroots"],
            organ=row["organ"],
            started_on=dt.date.fromisoformat(row["started_on"]),
            ended_on=_date(row["ended_on"]),
        )
        for row in rows
    ]


def pairing_spans(ledger: Ledger, ids: Sequence[int]) -> list[PairingSpan]:
    """The pairings of ``ids``, in that order."""
    marks = ", ".join("?" for _ in ids)
    found = {
        span.id: span
        for span in _spans(
            ledger.query(f"SELECT {_SPAN_COLUMNS} FROM {PAIRING_SIDES} WHERE p.id IN ({marks})", list(ids))
        )
    }
    return [found[pairing_id] for pairing_id in ids if pairing_id in found]


def pairing_choices(ledger: Ledger, text: str, region_id: int | None, limit: int) -> list[PairingSpan]:
    """Pairings whose branch names contain ``text``, within a region: active ones first, then by name."""
    params: dict[str, Any] = {"text": text.strip(), "limit": limit}
    cte, scope = "", ""
    if region_id is not None:
        cte = f"WITH RECURSIVE {scope_sql(False)} "
        scope = f"AND {pairings_in_scope(False)}"
        params["region"] = region_id
    rows = ledger.query(
        f"""{cte}SELECT {_SPAN_COLUMNS} FROM {PAIRING_SIDES}
        WHERE (instr(g.name, :text) OR instr(o.name, :text)) {scope}
        ORDER BY p.ended_on IS NOT NULL, g.name_key, p.started_on DESC LIMIT :limit""",
        params,
    )
    return _spans(rows)
