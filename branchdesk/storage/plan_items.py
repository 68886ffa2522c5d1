"""SQL of the three lists (domain.plan_items): items and their links to activities, the Lists tab's and the
CLI's queries (filtered, sorted and paged in SQL), and the figures ``stats`` reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from branchdesk.domain.chart_data import MonthSpan
from branchdesk.domain.enums import ItemKind, ItemStatus
from branchdesk.domain.plan_items import (
    ItemColumn,
    ItemCounts,
    ItemDraft,
    ItemFilter,
    ItemMonths,
    ItemSort,
    ItemState,
    PlanItem,
)
from branchdesk.storage.chart_data import scope
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.regions import region_label, region_label_key, scope_sql
from branchdesk.storage.stats import pairings_in_scope

# An item is overdue on :today (domain.plan_items.is_overdue): opened by then, due before, not done by then.
OVERDUE = "(i.opened_on <= :today AND i.due_on < :today AND (i.done_on IS NULL OR i.done_on > :today))"
_STATUS_RANK = "CASE i.status WHEN 'open' THEN 1 WHEN 'in_progress' THEN 2 ELSE 3 END"
_KIND_RANK = "CASE i.kind WHEN 'need' THEN 1 WHEN 'resource' THEN 2 ELSE 3 END"
_ACTIVITIES = "(SELECT count(*) FROM plan_item_activity l WHERE l.plan_item_id = i.id)"

_SORT_SQL: dict[ItemColumn, str] = {
    ItemColumn.KIND: _KIND_RANK,
    ItemColumn.TITLE: "i.title",
    ItemColumn.PAIRING: "g.name_key",
    ItemColumn.REGION: region_label_key("gr", "grp"),
    ItemColumn.OWNER: "i.owner",
    ItemColumn.OPENED: "i.opened_on",
    ItemColumn.DUE: "i.due_on",
    ItemColumn.STATUS: _STATUS_RANK,  # open, in progress, done
    ItemColumn.DONE: "i.done_on",
    ItemColumn.ACTIVITIES: _ACTIVITIES,
}
_MAYBE_EMPTY = {ItemColumn.OWNER, ItemColumn.DUE, ItemColumn.DONE}

_JOINS = (
    "FROM plan_item i JOIN pairing p ON p.id = i.pairing_id"
    " JOIN branch o ON o.id = p.organ_id JOIN branch g ON g.id = p.grassroots_id"
    " JOIN region gr ON gr.id = g.region_id LEFT JOIN region grp ON grp.id = gr.parent_id"
)
# The joins the filter needs (the region's, the search's); the sort adds the rest when it needs them.
_FILTER_JOINS = (
    "FROM plan_item i JOIN pairing p ON p.id = i.pairing_id JOIN branch g ON g.id = p.grassroots_id"
)


def _where(flt: ItemFilter) -> tuple[str, str, dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {"today": flt.today.isoformat()}
    cte = ""
    if flt.region_id is not None:
        cte = f"WITH RECURSIVE {scope_sql(False)} "
        clauses.append("g.region_id IN (SELECT id FROM scope)")
        params["region"] = flt.region_id
    if flt.kind is not None:
        clauses.append("i.kind = :kind")
        params["kind"] = flt.kind.value
    if flt.state is ItemState.OPEN:
        clauses.append("i.status <> 'done'")
    elif flt.state is ItemState.IN_PROGRESS:
        clauses.append("i.status = 'in_progress'")
    elif flt.state is ItemState.DONE:
        clauses.append("i.status = 'done'")
    elif flt.state is ItemState.OVERDUE:
        clauses.append(OVERDUE)
    if flt.pairing_id is not None:
        clauses.append("i.pairing_id = :pairing")
        params["pairing"] = flt.pairing_id
    text = flt.text.strip()
    if text:
        # instr() rather than LIKE: no wildcards to escape in what a clerk types.
        clauses.append(
            "(instr(i.title, :text) OR instr(coalesce(i.owner, ''), :text) OR instr(g.name, :text))"
        )
        params["text"] = text
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    return cte, where, params


def item_ids(ledger: Ledger, flt: ItemFilter, sort: ItemSort) -> list[int]:
    """Every matching item's id in display order (pages are then primary-key lookups)."""
    cte, where, params = _where(flt)
    direction = "DESC" if sort.descending else "ASC"
    terms = [f"{_SORT_SQL[sort.column]} {direction}", f"i.id {direction}"]
    if sort.column is ItemColumn.STATUS:  # within a status, by due day (none last)
        terms[1:1] = ["i.due_on IS NULL", f"i.due_on {direction}"]
    if sort.column in _MAYBE_EMPTY:
        terms.insert(0, f"({_SORT_SQL[sort.column]}) IS NULL")  # empty cells last, as in Excel
    joins = _JOINS if sort.column is ItemColumn.REGION else _FILTER_JOINS
    sql = f"{cte}SELECT i.id {joins} {where} ORDER BY {', '.join(terms)}"
    return [row[0] for row in ledger.conn.execute(sql, params)]


def _day(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def draft_of(row: dict[str, Any]) -> ItemDraft:
    """A stored row (plan_item's columns) as a draft."""
    return ItemDraft(
        pairing_id=row["pairing_id"],
        kind=ItemKind(row["kind"]),
        title=row["title"],
        opened_on=dt.date.fromisoformat(row["opened_on"]),
        owner=row["owner"],
        due_on=_day(row["due_on"]),
        status=ItemStatus(row["status"]),
        done_on=_day(row["done_on"]),
        done_note=row["done_note"],
        need_id=row["need_id"],
        resource_id=row["resource_id"],
        note=row["note"],
    )


def item_rows(ledger: Ledger, ids: Sequence[int]) -> list[PlanItem]:
    """The items of ``ids``, in that order."""
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    rows = ledger.query(
        f"""
        SELECT i.*, g.name || ' ← ' || o.name AS pairing_label, {region_label("gr", "grp")} AS region,
               {_ACTIVITIES} AS activities
        {_JOINS} WHERE i.id IN ({marks})
        """,
        list(ids),
    )
    by_id = {
        row["id"]: PlanItem(
            id=row["id"],
            uuid=row["uuid"],
            draft=draft_of(row),
            pairing=row["pairing_label"],
            region=row["region"],
            activities=row["activities"],
        )
        for row in rows
    }
    return [by_id[item_id] for item_id in ids if item_id in by_id]


def item(ledger: Ledger, item_id: int) -> PlanItem | None:
    found = item_rows(ledger, [item_id])
    return found[0] if found else None


def pairing_exists(ledger: Ledger, pairing_id: int) -> bool:
    return ledger.scalar("SELECT 1 FROM pairing WHERE id = ?", (pairing_id,)) is not None


def kind_and_pairing(ledger: Ledger, item_id: int) -> tuple[int, ItemKind] | None:
    row = ledger.conn.execute("SELECT pairing_id, kind FROM plan_item WHERE id = ?", (item_id,)).fetchone()
    return None if row is None else (int(row[0]), ItemKind(row[1]))


def pairing_items(ledger: Ledger, pairing_id: int, kind: ItemKind) -> list[tuple[int, str]]:
    """A pairing's items of one list, ``(id, title)`` in the order opened: a project's choices."""
    return [
        (int(row[0]), str(row[1]))
        for row in ledger.conn.execute(
            "SELECT id, title FROM plan_item WHERE pairing_id = ? AND kind = ? ORDER BY opened_on, id",
            (pairing_id, kind.value),
        )
    ]


def insert_item(ledger: Ledger, draft: ItemDraft) -> int:
    return ledger.insert("plan_item", draft.columns())


def update_item(ledger: Ledger, item_id: int, draft: ItemDraft) -> None:
    ledger.update("plan_item", item_id, draft.columns())


def projects_of(ledger: Ledger, item_id: int) -> list[str]:
    """The titles of the projects that name this need or resource."""
    return [
        str(row[0])
        for row in ledger.conn.execute(
            "SELECT title FROM plan_item WHERE need_id = ?1 OR resource_id = ?1 ORDER BY id", (item_id,)
        )
    ]


def delete_item(ledger: Ledger, item_id: int) -> None:
    """The item and its links to activities."""
    for row in ledger.query("SELECT id FROM plan_item_activity WHERE plan_item_id = ?", (item_id,)):
        ledger.delete("plan_item_activity", row["id"])
    ledger.delete("plan_item", item_id)


def linked_activities(ledger: Ledger, item_id: int) -> list[int]:
    """The ids of the activities linked to an item, by date."""
    return [
        int(row[0])
        for row in ledger.conn.execute(
            "SELECT a.id FROM plan_item_activity l JOIN activity a ON a.id = l.activity_id"
            " WHERE l.plan_item_id = ? ORDER BY a.held_on, a.id",
            (item_id,),
        )
    ]


def set_links(ledger: Ledger, item_id: int, activity_ids: Sequence[int]) -> None:
    """Make the item's links exactly ``activity_ids`` (each a logged row of its own)."""
    _set_links(ledger, "plan_item_id", item_id, "activity_id", activity_ids)


def set_activity_links(ledger: Ledger, activity_id: int, item_ids: Sequence[int]) -> None:
    """Make the items an activity worked on exactly ``item_ids`` (none: the activity is being deleted)."""
    _set_links(ledger, "activity_id", activity_id, "plan_item_id", item_ids)


def _set_links(ledger: Ledger, side: str, side_id: int, other: str, wanted: Sequence[int]) -> None:
    present = {
        int(row[other]): int(row["id"])
        for row in ledger.query(f"SELECT id, {other} FROM plan_item_activity WHERE {side} = ?", (side_id,))
    }
    for other_id, link_id in sorted(present.items()):
        if other_id not in set(wanted):
            ledger.delete("plan_item_activity", link_id)
    for other_id in dict.fromkeys(wanted):
        if other_id not in present:
            ledger.insert("plan_item_activity", {side: side_id, other: other_id})


def activity_items(ledger: Ledger, activity_id: int) -> list[int]:
    """The ids of the items an activity worked on, in the order they were raised."""
    return [
        int(row[0])
        for row in ledger.conn.execute(
            "SELECT i.id FROM plan_item_activity l JOIN plan_item i ON i.id = l.plan_item_id"
            " WHERE l.activity_id = ? ORDER BY i.opened_on, i.id",
            (activity_id,),
        )
    ]


def pairing_item_choices(ledger: Ledger, pairing_id: int) -> list[tuple[int, ItemKind, str, ItemStatus]]:
    """A pairing's items of the three lists ``(id, list, title, status)``, what is still to do first, then
    in the order raised: what an activity can be linked to."""
    return [
        (int(row[0]), ItemKind(row[1]), str(row[2]), ItemStatus(row[3]))
        for row in ledger.conn.execute(
            "SELECT id, kind, title, status FROM plan_item WHERE pairing_id = ?"
            " ORDER BY status = 'done', opened_on, id",
            (pairing_id,),
        )
    ]


def pairing_activities(ledger: Ledger, pairing_id: int) -> list[tuple[int, str, str, str | None]]:
    """A pairing's activities ``(id, held_on, type, theme or summary)``, newest first: what an item can be
    linked to."""
    return [
        (int(row[0]), str(row[1]), str(row[2]), row[3])
        for row in ledger.conn.execute(
            "SELECT id, held_on, type, coalesce(theme, summary) FROM activity WHERE pairing_id = ?"
            " ORDER BY held_on DESC, id DESC",
            (pairing_id,),
        )
    ]


def activity_pairing(ledger: Ledger, activity_id: int) -> int | None:
    found = ledger.scalar("SELECT pairing_id FROM activity WHERE id = ?", (activity_id,))
    return None if found is None else int(found)


def pairing_choices(ledger: Ledger, region_id: int) -> list[tuple[int, str, bool]]:
    """The region's pairings ``(id, grassroots ← organ, active)``: active ones first, by grassroots name."""
    rows = ledger.conn.execute(
        f"""
        WITH RECURSIVE {scope_sql(False)}
        SELECT p.id, g.name || ' ← ' || o.name, p.ended_on IS NULL
        FROM pairing p JOIN branch g ON g.id = p.grassroots_id JOIN branch o ON o.id = p.organ_id
        WHERE g.region_id IN (SELECT id FROM scope)
        ORDER BY p.ended_on IS NOT NULL, g.name_key, p.started_on DESC, p.id
        """,
        {"region": region_id},
    ).fetchall()
    return [(int(row[0]), str(row[1]), bool(row[2])) for row in rows]


def item_counts(
    ledger: Ledger, region_id: int, day: dt.date, *, direct: bool, county: bool = False
) -> ItemCounts:
    """domain.plan_items.item_counts in SQL, for the pairings ``stats`` counts in the region."""
    row = ledger.query(item_counts_sql(direct, county), {"region": region_id, "today": day.isoformat()})[0]
    return ItemCounts(**row)


def item_counts_sql(direct: bool, county: bool = False) -> str:
    return f"""
        WITH RECURSIVE {scope_sql(direct)}
        SELECT coalesce(sum(i.kind = 'need'), 0) AS need,
               coalesce(sum(i.kind = 'resource'), 0) AS resource,
               coalesce(sum(i.kind = 'project'), 0) AS project,
               coalesce(sum(i.done_on <= :today), 0) AS done,
               coalesce(sum({OVERDUE}), 0) AS overdue
        FROM plan_item i JOIN pairing p ON p.id = i.pairing_id
             JOIN branch g ON g.id = p.grassroots_id JOIN branch o ON o.id = p.organ_id
        WHERE {pairings_in_scope(direct, county)} AND i.opened_on <= :today
        """


def items_by_month(ledger: Ledger, region_id: int, span: MonthSpan) -> ItemMonths:
    """Per month of ``span``: the region's items raised (by plan_item_opened) and ticked off (by
    plan_item_done), counted as ``stats`` places them (by their pairing's grassroots branch)."""
    rows = ledger.conn.execute(
        f"""
        WITH RECURSIVE {scope_sql(False)},
        events(month, opened, done) AS (
            SELECT substr(i.opened_on, 1, 7), 1, 0 FROM plan_item i WHERE i.opened_on BETWEEN :first AND :last
              AND i.pairing_id IN (SELECT p.id FROM pairing p JOIN branch g ON g.id = p.grassroots_id
                                   WHERE g.region_id IN (SELECT id FROM scope))
            UNION ALL
            SELECT substr(i.done_on, 1, 7), 0, 1 FROM plan_item i WHERE i.done_on BETWEEN :first AND :last
              AND i.pairing_id IN (SELECT p.id FROM pairing p JOIN branch g ON g.id = p.grassroots_id
                                   WHERE g.region_id IN (SELECT id FROM scope))
        )
        SELECT month, sum(opened), sum(done) FROM events GROUP BY month
        """,
        {"region": region_id, "first": span.first_day.isoformat(), "last": span.last_day.isoformat()},
    ).fetchall()
    index = {str(month): i for i, month in enumerate(span.months)}
    opened, done = [0] * len(index), [0] * len(index)
    for month, raised, ticked in rows:
        opened[index[month]], done[index[month]] = int(raised), int(ticked)
    return ItemMonths(scope(ledger, region_id), span, tuple(opened), tuple(done))
