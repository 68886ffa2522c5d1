"""The change log read back: what an operation changed, the history of a record, and reversing an operation.

Every logged ``before``/``after`` is a whole row, so reversing an operation puts rows back exactly as they
were (ids included, so references stay valid). A row that changed again since is a conflict: nothing of the
reversal is kept.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from branchdesk.domain.changes import Changed, ChangeEntry, OperationEntry
from branchdesk.domain.errors import BranchDeskError
from branchdesk.storage.ledger import Ledger

# Tables whose rows have no uuid are found by these columns; the others by uuid.
_KEYS: dict[str, tuple[str, ...]] = {
    "activity_area": ("activity_id", "area"),
    "holiday_year": ("year",),
    "setting": ("key",),
}


def _key(table: str) -> tuple[str, ...]:
    return _KEYS.get(table, ("uuid",))


def changed(ledger: Ledger, operation_id: int) -> Changed:
    """What operation ``operation_id`` wrote, as the services return it."""
    action = ledger.scalar("SELECT action FROM operation WHERE id = ?", (operation_id,))
    if action is None:
        raise BranchDeskError("row.missing", table="operation", id=operation_id)
    # The records only: an operation may hold thousands of entries (a township's month grid, an import),
    # whose before and after matter only when there is one record to name.
    touched = ledger.conn.execute(
        "SELECT DISTINCT entity, entity_uuid FROM change_log WHERE operation_id = ?", (operation_id,)
    ).fetchall()
    records = {(entity, uuid) for entity, uuid in touched if entity not in _KEYS}
    subject = None
    if len(records) == 1:
        entity, uuid = next(iter(records))
        row = ledger.query(
            "SELECT before, after FROM change_log WHERE operation_id = ? AND entity = ? AND entity_uuid = ?"
            " ORDER BY id LIMIT 1",
            (operation_id, entity, uuid),
        )[0]
        values = json.loads(row["after"] or row["before"] or "{}")
        subject = values.get("name") if isinstance(values, dict) else None
    return Changed(
        operation_id=operation_id,
        action=action,
        tables=frozenset(entity for entity, _uuid in touched),
        subject=subject if isinstance(subject, str) else None,
    )


def deleted_with(ledger: Ledger, table: str, uuid: str, column: str) -> list[tuple[str, str, dict[str, Any]]]:
    """The rows deleted in the operation that last deleted the row ``uuid`` of ``table`` and referring to
    it by their ``column`` (an activity's areas, absentees and photos; a team member's months):
    ``(table, logged uuid, row as it was)``, in the order they were deleted. A record put back by a
    package import brings them back (exchange/package_import)."""
    rows = ledger.query(
        "WITH gone AS (SELECT operation_id, json_extract(before, '$.id') AS id FROM change_log"
        " WHERE entity = ? AND entity_uuid = ? AND change = 'delete' ORDER BY id DESC LIMIT 1)"
        " SELECT c.entity, c.entity_uuid, c.before FROM change_log c JOIN gone"
        " ON c.operation_id = gone.operation_id AND c.change = 'delete' AND c.entity != ?"
        " AND json_extract(c.before, ?) = gone.id ORDER BY c.id",
        (table, uuid, table, f"$.{column}"),
    )
    return [(row["entity"], row["entity_uuid"], json.loads(row["before"])) for row in rows]


def _current(ledger: Ledger, table: str, values: dict[str, Any]) -> dict[str, Any] | None:
    key = _key(table)
    where = " AND ".join(f"{column} = ?" for column in key)
    found = ledger.query(f"SELECT * FROM {table} WHERE {where}", [values[column] for column in key])
    return found[0] if found else None


def _put_back(
    ledger: Ledger, table: str, owner: str, now: dict[str, Any] | None, wanted: dict[str, Any] | None
) -> None:
    """Turn the row that is ``now`` into ``wanted`` (either may be None: absent), logging the change."""
    if now is not None and wanted is None:
        key = _key(table)
        ledger.conn.execute(
            f"DELETE FROM {table} WHERE " + " AND ".join(f"{column} = ?" for column in key),
            [now[column] for column in key],
        )
        ledger.log_change(table, owner, "delete", now, None)
    elif now is None and wanted is not None:
        columns = ", ".join(wanted)
        marks = ", ".join("?" for _ in wanted)
        ledger.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(wanted.values()))
        ledger.log_change(table, owner, "insert", None, wanted)
    elif now is not None and wanted is not None:
        key = _key(table)
        assignments = ", ".join(f"{column} = ?" for column in wanted if column not in key)
        ledger.conn.execute(
            f"UPDATE {table} SET {assignments} WHERE " + " AND ".join(f"{column} = ?" for column in key),
            [*(value for column, value in wanted.items() if column not in key), *(now[c] for c in key)],
        )
        ledger.log_change(table, owner, "update", now, wanted)


def _without_keys(row: dict[str, Any] | None) -> dict[str, Any] | None:
    """A row without its name's sort key, which the database derives (and an older log lacks)."""
    return None if row is None else {column: value for column, value in row.items() if column != "name_key"}


def reverse(ledger: Ledger, operation_id: int, action: str) -> Changed:
    """Undo operation ``operation_id`` as a new operation ``action``; refused whole on a conflict."""
    rows = ledger.query(
        "SELECT entity, entity_uuid, before, after FROM change_log WHERE operation_id = ? ORDER BY id DESC",
        (operation_id,),
    )
    if not rows:
        raise BranchDeskError("undo.nothing", id=operation_id)
    with ledger.operation(action) as new_operation:
        for row in rows:
            table = row["entity"]
            before = None if row["before"] is None else json.loads(row["before"])
            after = None if row["after"] is None else json.loads(row["after"])
            some_version: dict[str, Any] = after or before or {}
            present = _current(ledger, table, some_version)
            if _without_keys(present) != _without_keys(after):
                raise BranchDeskError("undo.conflict", subject=_describe(some_version))
            _put_back(ledger, table, row["entity_uuid"], present, before)
        # An import's senders' operations go out of effect with it, and back in with its redo.
        ledger.conn.execute(
            "UPDATE applied_operation SET operation_id = ?, applied = 1 - applied WHERE operation_id = ?",
            (new_operation, operation_id),
        )
    return changed(ledger, new_operation)


def _describe(values: dict[str, Any]) -> str:
    name = values.get("name")
    return str(name) if name else str(values.get("uuid", ""))


_ENTRY = (
    "SELECT c.id, c.operation_id, o.action, o.at, c.entity, c.entity_uuid, c.change, c.before, c.after"
    " FROM change_log c JOIN operation o ON o.id = c.operation_id"
)


def _entry(row: dict[str, Any]) -> ChangeEntry:
    return ChangeEntry(
        operation_id=row["operation_id"],
        action=row["action"],
        at=dt.datetime.fromisoformat(row["at"]),
        entity=row["entity"],
        entity_uuid=row["entity_uuid"],
        change=row["change"],
        before=None if row["before"] is None else json.loads(row["before"]),
        after=None if row["after"] is None else json.loads(row["after"]),
    )


def entries(ledger: Ledger, entity_uuid: str | None = None, limit: int = 1000) -> list[ChangeEntry]:
    """The newest changes first: of one record (and the link rows it owns), or of the whole ledger."""
    where = "WHERE c.entity_uuid = :uuid" if entity_uuid is not None else ""
    rows = ledger.query(
        f"{_ENTRY} {where} ORDER BY c.id DESC LIMIT :limit", {"uuid": entity_uuid, "limit": limit}
    )
    return [_entry(row) for row in rows]


def _grouped(changes: list[ChangeEntry]) -> list[OperationEntry]:
    """Changes (newest first) as operations, newest first, each with its changes in the order made."""
    found: dict[int, OperationEntry] = {}
    for change in changes:
        operation = found.get(change.operation_id)
        if operation is None:
            operation = found[change.operation_id] = OperationEntry(
                change.operation_id, change.action, change.at, {}, []
            )
        key = (change.entity, change.change)
        operation.counts[key] = operation.counts.get(key, 0) + 1
        operation.changes.insert(0, change)
    return list(found.values())


def record_operations(ledger: Ledger, entity_uuid: str, limit: int = 1000) -> list[OperationEntry]:
    """The actions that changed one record (and the link rows it owns), newest first."""
    return _grouped(entries(ledger, entity_uuid, limit))


def operations(ledger: Ledger, limit: int = 1000, detail: int = 50) -> list[OperationEntry]:
    """The newest ``limit`` actions that changed something, newest first, each with how many rows of each
    table it added, changed and removed, and the first ``detail`` changes of each table (an import may
    hold 100,000)."""
    found = ledger.query(
        "SELECT id, action, at FROM operation o"
        " WHERE EXISTS (SELECT 1 FROM change_log c WHERE c.operation_id = o.id)"
        " ORDER BY id DESC LIMIT ?",
        (limit,),
    )
    result = []
    for row in found:
        counts = {
            (count["entity"], count["change"]): count["n"]
            for count in ledger.query(
                "SELECT entity, change, count(*) AS n FROM change_log WHERE operation_id = ? GROUP BY 1, 2",
                (row["id"],),
            )
        }
        changes = [
            change
            for table in dict.fromkeys(table for table, _ in counts)
            for change in ledger.query(
                f"{_ENTRY} WHERE c.operation_id = ? AND c.entity = ? ORDER BY c.id LIMIT ?",
                (row["id"], table, detail),
            )
        ]
        changes.sort(key=lambda change: change["id"])
        result.append(
            OperationEntry(
                row["id"],
                row["action"],
                dt.datetime.fromisoformat(row["at"]),
                counts,
                [_entry(change) for change in changes],
            )
        )
    return result


# Columns that hold ids, and the table whose names History shows in their place.
REFERENCE_COLUMNS = {
    "region_id": "region",
    "parent_id": "region",
    "scope_region_id": "region",
    "unit_id": "unit",
    "community_id": "branch",
    "branch_id": "branch",
    "organ_id": "branch",
    "grassroots_id": "branch",
    "assigned_community_id": "branch",
    "key_task_id": "key_task",
    "pairing_id": "pairing",
    "draw_id": "draw",
    "agreement_id": "agreement",
    "target_id": "agreement_target",
    "team_id": "work_team",
    "member_id": "team_member",
    "need_id": "plan_item",
    "resource_id": "plan_item",
    "plan_item_id": "plan_item",
}
# How a record without a name of its own is named: a pairing by its two branches, a draw by its county.
_NAMES = {
    "pairing": "SELECT p.id, o.name || '—' || g.name AS name FROM pairing p"
    " JOIN branch o ON o.id = p.organ_id JOIN branch g ON g.id = p.grassroots_id WHERE p.id IN ({marks})",
    "draw": "SELECT d.id, r.name AS name FROM draw d JOIN region r ON r.id = d.scope_region_id"
    " WHERE d.id IN ({marks})",
    "agreement": "SELECT x.id, o.name || '—' || g.name AS name FROM agreement x"
    " JOIN pairing p ON p.id = x.pairing_id JOIN branch o ON o.id = p.organ_id"
    " JOIN branch g ON g.id = p.grassroots_id WHERE x.id IN ({marks})",
    "work_team": "SELECT t.id, b.name AS name FROM work_team t JOIN branch b ON b.id = t.branch_id"
    " WHERE t.id IN ({marks})",
    "plan_item": "SELECT id, title AS name FROM plan_item WHERE id IN ({marks})",
}


def names_of(ledger: Ledger, table: str, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    sql = _NAMES.get(table, f"SELECT id, name FROM {table} WHERE id IN ({{marks}})").format(marks=marks)
    return {row["id"]: row["name"] for row in ledger.query(sql, sorted(ids))}
