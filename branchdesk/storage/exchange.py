"""SQL of the ledger's exchange with spreadsheets: the rows an export writes, the lookups an import
checks against, and the import's writes in bulk with whole rows in the change log.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from branchdesk.domain.months import Month
from branchdesk.domain.sort_key import PATH_SEPARATOR, name_key
from branchdesk.storage.ledger import Ledger, new_uuid
from branchdesk.storage.regions import scope_sql

# What an export of a region holds: the pairings counted in it (by their grassroots branch, as the figures
# count them), every branch in it or paired from it, their units (and those that sent their work teams),
# draws and regions with all ancestors, so that the workbook can be imported into an empty ledger on its own.
_EXPORT_SCOPE = f"""
WITH RECURSIVE {scope_sql(False)},
p_ids(id) AS (
    SELECT p.id FROM pairing p JOIN branch g ON g.id = p.grassroots_id
    WHERE g.region_id IN (SELECT id FROM scope)
),
b_ids(id) AS (
    SELECT id FROM branch WHERE region_id IN (SELECT id FROM scope)
    UNION SELECT organ_id FROM pairing WHERE id IN (SELECT id FROM p_ids)
    UNION SELECT community_id FROM branch WHERE region_id IN (SELECT id FROM scope) AND community_id NOT NULL
),
t_ids(id) AS (
    SELECT w.id FROM work_team w JOIN branch g ON g.id = w.branch_id
    WHERE g.region_id IN (SELECT id FROM scope)
),
u_ids(id) AS (
    SELECT unit_id FROM branch WHERE id IN (SELECT id FROM b_ids) AND unit_id NOT NULL
    UNION SELECT id FROM unit WHERE region_id IN (SELECT id FROM scope)
    UNION SELECT unit_id FROM work_team WHERE id IN (SELECT id FROM t_ids) AND unit_id NOT NULL
),
d_ids(id) AS (
    SELECT draw_id FROM pairing WHERE id IN (SELECT id FROM p_ids) AND draw_id NOT NULL
    UNION SELECT id FROM draw WHERE scope_region_id IN (SELECT id FROM scope)
),
r_ids(id) AS (
    SELECT id FROM scope
    UNION SELECT region_id FROM branch WHERE id IN (SELECT id FROM b_ids)
    UNION SELECT region_id FROM unit WHERE id IN (SELECT id FROM u_ids)
    UNION SELECT scope_region_id FROM draw WHERE id IN (SELECT id FROM d_ids)
    UNION SELECT region.parent_id FROM region JOIN r_ids ON region.id = r_ids.id
    WHERE region.parent_id NOT NULL
),
paths(id, path, path_key) AS (
    SELECT id, name, name_key FROM region WHERE parent_id IS NULL
    UNION ALL SELECT r.id, paths.path || '/' || r.name, paths.path_key || '{PATH_SEPARATOR}' || r.name_key
    FROM region r JOIN paths ON r.parent_id = paths.id
)
"""

# A row of an agreement names its pairing as the lists' items do: organ, grassroots branch, its region.
_PAIRING_NAMES = "o.name AS organ, g.name AS grassroots, gp.path AS grassroots_region"
_PAIRING_JOINS = """JOIN branch o ON o.id = p.organ_id JOIN branch g ON g.id = p.grassroots_id
        JOIN paths gp ON gp.id = g.region_id"""

_EXPORT_QUERIES: dict[str, str] = {
    "region": """
        SELECT r.uuid, r.name, r.level, parent.path AS parent, r.code
        FROM region r JOIN paths own ON own.id = r.id LEFT JOIN paths parent ON parent.id = r.parent_id
        WHERE r.id IN (SELECT id FROM r_ids) ORDER BY own.path_key, r.id""",
    "unit": """
        SELECT u.uuid, u.name, u.level, paths.path AS region, c.name AS community, c.uuid AS community_uuid,
               u.note
        FROM unit u JOIN paths ON paths.id = u.region_id LEFT JOIN branch c ON c.id = u.assigned_community_id
        WHERE u.id IN (SELECT id FROM u_ids) ORDER BY paths.path_key, u.name_key, u.id""",
    "branch": """
        SELECT b.uuid, b.name, b.kind, paths.path AS region, u.name AS unit, u.uuid AS unit_uuid,
               c.name AS community, c.uuid AS community_uuid, b.tier, b.secretary, b.phone, b.member_count,
               b.optimised_on, b.established_on, b.archived_on, b.note,
               s.stars, s.year AS star_year, s.rated_on
        FROM branch b JOIN paths ON paths.id = b.region_id
        -- the newest star rating (star_rating_branch_year finds it)
        LEFT JOIN star_rating s ON s.branch_id = b.id
             AND s.year = (SELECT max(n.year) FROM star_rating n WHERE n.branch_id = b.id)
        LEFT JOIN unit u ON u.id = b.unit_id LEFT JOIN branch c ON c.id = b.community_id
        WHERE b.id IN (SELECT id FROM b_ids)
        ORDER BY b.community_id IS NOT NULL, paths.path_key, b.name_key, b.id""",
    "draw": """
        SELECT d.uuid, paths.path AS scope, d.seed, d.algorithm_version, d.input_hash, d.result_hash, d.swaps,
               d.drawn_at, d.committed, d.note, d.candidates
        FROM draw d JOIN paths ON paths.id = d.scope_region_id
        WHERE d.id IN (SELECT id FROM d_ids) ORDER BY d.id""",
    "pairing": """
        SELECT p.uuid, o.name AS organ, ou.name AS organ_unit, o.uuid AS organ_uuid,
               g.name AS grassroots, gp.path AS grassroots_region, g.uuid AS grassroots_uuid,
               p.method, d.uuid AS draw_uuid, p.organ_tier, p.grassroots_tier, p.started_on, p.ended_on,
               p.end_reason, p.note
        FROM pairing p JOIN branch o ON o.id = p.organ_id LEFT JOIN unit ou ON ou.id = o.unit_id
        JOIN branch g ON g.id = p.grassroots_id JOIN paths gp ON gp.id = g.region_id
        LEFT JOIN draw d ON d.id = p.draw_id
        WHERE p.id IN (SELECT id FROM p_ids) ORDER BY gp.path_key, g.name_key, p.id""",
    "key_task": """
        SELECT k.uuid, k.name, k.half_year, k.retired, k.note FROM key_task k ORDER BY k.half_year, k.id""",
    "activity": """
        SELECT a.uuid, p.uuid AS pairing_uuid, o.name AS organ, g.name AS grassroots,
               gp.path AS grassroots_region, a.held_on, a.type,
               k.name AS key_task, k.uuid AS key_task_uuid,
               (SELECT group_concat(area, ',') FROM activity_area WHERE activity_id = a.id) AS areas,
               a.volunteers, a.location, a.summary, a.weekday_reason, a.theme, a.host, a.expected, a.present,
               -- as domain.attendance.absentees_text writes them
               (SELECT group_concat(name || '：' || coalesce(reason, ''), '；') FROM (
                    SELECT name, reason FROM activity_absentee WHERE activity_id = a.id ORDER BY id)
               ) AS absentees,
               a.make_up_on
        FROM activity a JOIN pairing p ON p.id = a.pairing_id
        JOIN branch o ON o.id = p.organ_id JOIN branch g ON g.id = p.grassroots_id
        JOIN paths gp ON gp.id = g.region_id
        LEFT JOIN key_task k ON k.id = a.key_task_id
        WHERE a.pairing_id IN (SELECT id FROM p_ids) ORDER BY a.held_on, a.id""",
    # A project after the need and the resource it names (in id order), so that the sheet reads back.
    "plan_item": """
        SELECT i.uuid, p.uuid AS pairing_uuid, o.name AS organ, g.name AS grassroots,
               gp.path AS grassroots_region, i.kind, i.title, i.owner, i.opened_on, i.due_on, i.status,
               i.done_on, i.done_note, n.title AS need, n.uuid AS need_uuid, r.title AS resource,
               r.uuid AS resource_uuid, i.note,
               (SELECT group_concat(uuid, '；') FROM (
                    SELECT a.uuid FROM plan_item_activity l JOIN activity a ON a.id = l.activity_id
                    WHERE l.plan_item_id = i.id ORDER BY a.held_on, a.id)
               ) AS activity_uuids
        FROM plan_item i JOIN pairing p ON p.id = i.pairing_id
        JOIN branch o ON o.id = p.organ_id JOIN branch g ON g.id = p.grassroots_id
        JOIN paths gp ON gp.id = g.region_id
        LEFT JOIN plan_item n ON n.id = i.need_id LEFT JOIN plan_item r ON r.id = i.resource_id
        WHERE i.pairing_id IN (SELECT id FROM p_ids) ORDER BY i.id""",
    "agreement": f"""
        SELECT a.uuid, p.uuid AS pairing_uuid, {_PAIRING_NAMES}, a.signed_on, a.organ_liaison, a.organ_phone,
               a.grassroots_liaison, a.grassroots_phone, a.review
        FROM agreement a JOIN pairing p ON p.id = a.pairing_id {_PAIRING_JOINS}
        WHERE a.pairing_id IN (SELECT id FROM p_ids) ORDER BY gp.path_key, g.name_key, a.id""",
    # Targets in their order on the agreement: an import gives them their places in the order read.
    "agreement_target": f"""
        SELECT t.uuid, a.uuid AS agreement_uuid, {_PAIRING_NAMES}, t.name, t.number, t.unit, t.due_on
        FROM agreement_target t JOIN agreement a ON a.id = t.agreement_id
        JOIN pairing p ON p.id = a.pairing_id {_PAIRING_JOINS}
        WHERE a.pairing_id IN (SELECT id FROM p_ids) ORDER BY a.id, t.position, t.id""",
    # Entries in the order entered: of two of one day, the later one counts (domain.agreements).
    "target_progress": f"""
        SELECT v.uuid, t.uuid AS target_uuid, {_PAIRING_NAMES}, t.name AS target, v.recorded_on, v.value,
               v.note
        FROM target_progress v JOIN agreement_target t ON t.id = v.target_id
        JOIN agreement a ON a.id = t.agreement_id JOIN pairing p ON p.id = a.pairing_id {_PAIRING_JOINS}
        WHERE a.pairing_id IN (SELECT id FROM p_ids) ORDER BY t.agreement_id, t.position, v.id""",
    # Every year's rating, the newest too (an import of the whole workbook takes them from here).
    "star_rating": """
        SELECT s.uuid, g.name AS grassroots, gp.path AS grassroots_region, g.uuid AS grassroots_uuid, s.stars,
               s.year AS star_year, s.rated_on
        FROM star_rating s JOIN branch g ON g.id = s.branch_id JOIN paths gp ON gp.id = g.region_id
        WHERE s.branch_id IN (SELECT id FROM b_ids) ORDER BY gp.path_key, g.name_key, s.year, s.id""",
    "work_team": """
        SELECT w.uuid, g.name AS grassroots, gp.path AS grassroots_region, g.uuid AS grassroots_uuid,
               u.name AS unit, u.uuid AS unit_uuid, w.started_on, w.ended_on, w.note
        FROM work_team w JOIN branch g ON g.id = w.branch_id JOIN paths gp ON gp.id = g.region_id
        LEFT JOIN unit u ON u.id = w.unit_id
        WHERE w.id IN (SELECT id FROM t_ids) ORDER BY gp.path_key, g.name_key, w.started_on, w.id""",
    "team_member": """
        SELECT m.uuid, w.uuid AS team_uuid, g.name AS grassroots, gp.path AS grassroots_region, m.name,
               m.phone, m.sending_unit, m.role, m.from_on, m.to_on, m.note
        FROM team_member m JOIN work_team w ON w.id = m.team_id
        JOIN branch g ON g.id = w.branch_id JOIN paths gp ON gp.id = g.region_id
        WHERE w.id IN (SELECT id FROM t_ids) ORDER BY gp.path_key, g.name_key, w.id, m.from_on, m.id""",
    # A member's month as stored; services.exports spreads it over the day columns.
    "team_days": """
        SELECT d.uuid, m.uuid AS member_uuid, g.name AS grassroots, m.name, m.phone, d.month, d.marks,
               d.reasons
        FROM team_days d JOIN team_member m ON m.id = d.member_id JOIN work_team w ON w.id = m.team_id
        JOIN branch g ON g.id = w.branch_id JOIN paths gp ON gp.id = g.region_id
        WHERE w.id IN (SELECT id FROM t_ids) ORDER BY d.month, gp.path_key, g.name_key, m.id""",
}

_FETCH = 2000


def export_count(ledger: Ledger, table: str, region_id: int) -> int:
    return int(
        ledger.scalar(
            f"{_EXPORT_SCOPE} SELECT count(*) FROM ({_EXPORT_QUERIES[table]})", {"region": region_id}
        )
    )


def export_rows(ledger: Ledger, table: str, region_id: int) -> Iterator[dict[str, Any]]:
    """The rows of one sheet of an export of ``region_id``, with references as names, paths and uuids."""
    cursor = ledger.conn.execute(f"{_EXPORT_SCOPE} {_EXPORT_QUERIES[table]}", {"region": region_id})
    columns = [column[0] for column in cursor.description or ()]
    while batch := cursor.fetchmany(_FETCH):
        for row in batch:
            yield dict(zip(columns, row, strict=True))


def compliance_matrix(
    ledger: Ledger, region_id: int, months: Sequence[Month]
) -> Iterator[tuple[dict[str, Any], dict[str, int]]]:
    """Each exported pairing with its themed Party days per month (``YYYY-MM`` → count) in ``months``."""
    if not months:
        return
    first, last = months[0].first_day.isoformat(), months[-1].last_day.isoformat()
    cursor = ledger.conn.execute(
        f"""{_EXPORT_SCOPE}
        SELECT p.id, p.uuid, p.grassroots_id, o.name AS organ, g.name AS grassroots, gp.path AS region,
               p.started_on, p.ended_on,
               (SELECT json_group_object(m, n) FROM (
                    SELECT substr(a.held_on, 1, 7) AS m, count(*) AS n FROM activity a
                    WHERE a.pairing_id = p.id AND a.type = 'themed_day' AND a.held_on BETWEEN :first AND :last
                    GROUP BY m)) AS themed
        FROM pairing p JOIN branch o ON o.id = p.organ_id JOIN branch g ON g.id = p.grassroots_id
        JOIN paths gp ON gp.id = g.region_id
        WHERE p.id IN (SELECT id FROM p_ids) AND p.started_on <= :last
          AND (p.ended_on IS NULL OR p.ended_on >= :first)
        ORDER BY gp.path_key, g.name_key, p.id""",
        {"region": region_id, "first": first, "last": last},
    )
    columns = [column[0] for column in cursor.description or ()]
    while batch := cursor.fetchmany(_FETCH):
        for values in batch:
            row = dict(zip(columns, values, strict=True))
            yield row, json.loads(row.pop("themed") or "{}")


def activity_span(ledger: Ledger) -> tuple[str, str] | None:
    """The first pairing's start and the last activity (or pairing start): the months a matrix spans."""
    row = ledger.conn.execute(
        "SELECT min(started_on), max(max(started_on), coalesce((SELECT max(held_on) FROM activity), ''))"
        " FROM pairing"
    ).fetchone()
    return None if row is None or row[0] is None else (str(row[0]), str(row[1]))


# -- lookups for an import -------------------------------------------------------------------------------


def table_rows(ledger: Ledger, table: str, columns: Sequence[str]) -> list[dict[str, Any]]:
    """Some columns of every row of ``table``: the import's indexes of what the ledger already holds."""
    return ledger.query(f"SELECT {', '.join(columns)} FROM {table}")


def open_pairing_sides(ledger: Ledger) -> list[tuple[int, int]]:
    return [(row[0], row[1]) for row in ledger.conn.execute(
        "SELECT organ_id, grassroots_id FROM pairing WHERE ended_on IS NULL"
    )]  # fmt: skip


def activity_areas(ledger: Ledger, activity_id: int) -> list[str]:
    return [row[0] for row in ledger.conn.execute(
        "SELECT area FROM activity_area WHERE activity_id = ? ORDER BY area", (activity_id,)
    )]  # fmt: skip


def imported_row(ledger: Ledger, table: str, row_id: int) -> dict[str, Any] | None:
    """The stored row an imported duplicate is compared with (a file may bring any table's rows)."""
    return ledger.row(table, row_id)


def update_imported_row(ledger: Ledger, table: str, row_id: int, changes: dict[str, Any]) -> None:
    """Bring a stored row up to date with what an import's duplicate says, logged for undo."""
    ledger.update(table, row_id, changes)


# -- writing in bulk ----------------------------------------------------------------------------------


class BulkWriter:
    """Inserts many rows of one operation with two ``executemany`` calls per table (rows and change log).

    Ids are handed out here, before the rows are written, so that rows of the same import can refer to
    each other; each logged row is the whole row as stored (every column, defaults included), exactly what
    :meth:`Ledger.insert` logs, so undo and redo treat an import like any other action.
    """

    def __init__(self, ledger: Ledger, table: str) -> None:
        self._ledger = ledger
        self._table = table
        info = ledger.query(f"PRAGMA table_info({table})")
        self._columns = [row["name"] for row in info]
        self._defaults = {
            row["name"]: ledger.scalar(f"SELECT {row['dflt_value']}")
            if row["dflt_value"] is not None
            else None
            for row in info
        }
        self._next_id = int(ledger.scalar(f"SELECT coalesce(max(id), 0) + 1 FROM {table}"))
        self._pending: list[dict[str, Any]] = []
        self._pending_ids: set[int] = set()
        self._links: list[tuple[dict[str, Any], str]] = []
        self._now = ledger.now()

    def add(self, values: dict[str, Any]) -> tuple[int, str]:
        """Queue one row; returns the id and uuid it will have."""
        row_id = self._next_id
        self._next_id += 1
        row = {column: self._defaults[column] for column in self._columns}
        row.update(values)
        row.update(id=row_id, created_at=self._now, updated_at=self._now)
        if "name_key" in row:  # what the schema's trigger would store: the log holds the row as stored
            row["name_key"] = name_key(str(row["name"]))
        if not row.get("uuid"):
            row["uuid"] = new_uuid()
        self._pending.append(row)
        self._pending_ids.add(row_id)
        return row_id, str(row["uuid"])

    def add_link(self, values: dict[str, Any], owner_uuid: str) -> None:
        """An activity's area (activity_area has no uuid), written after the activity it belongs to."""
        self._links.append((values, owner_uuid))

    def pending(self, row_id: int) -> bool:
        return row_id in self._pending_ids

    def flush(self) -> None:
        """Write what is queued: the rows, their change-log entries, then their link rows."""
        ledger, rows = self._ledger, self._pending
        if rows:
            marks = ", ".join("?" for _ in self._columns)
            ledger.conn.executemany(
                f"INSERT INTO {self._table} ({', '.join(self._columns)}) VALUES ({marks})",
                [tuple(row[column] for column in self._columns) for row in rows],
            )
            for row in rows:
                ledger.log_change(self._table, row["uuid"], "insert", None, row)
        for values, owner in self._links:
            ledger.insert_link("activity_area", values, owner)
        self._pending = []
        self._pending_ids.clear()
        self._links = []
