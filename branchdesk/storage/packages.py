"""SQL of data packages (DESIGN.md §9, docs/packages.md): a ledger's rows and logged changes as packages
carry them, references by uuid instead of the ledger's own ids, and the package log.
"""

from __future__ import annotations

import base64
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import orjson

from branchdesk.domain.chain import ChainHead
from branchdesk.domain.errors import BranchDeskError
from branchdesk.storage import photos as photo_store
from branchdesk.storage.exchange import _EXPORT_SCOPE
from branchdesk.storage.ledger import Ledger

# The programme's tables a package carries, parents before children. Holidays and settings stay with each
# office (every ledger has the official calendar); draw_preview rows are the office's own trials, month
# locks each office's own reporting.
PACKAGE_TABLES = (
    "region", "unit", "branch", "draw", "key_task", "pairing", "activity", "activity_area",
    "activity_absentee", "photo", "agreement", "agreement_target", "target_progress", "star_rating",
    "plan_item", "plan_item_activity", "plan_item_photo", "work_team", "team_member", "team_days",
    "halfyear_summary",
)  # fmt: skip
# The tables of photo rows: each uses a picture of the photo store, by its hash (an activity's, a ticked-off
# list item's).
PHOTO_TABLES = ("photo", "plan_item_photo")

# Each reference column and the table it points into; in a package ``x_id`` becomes ``x_uuid``.
REFERENCES: dict[str, dict[str, str]] = {
    "region": {"parent_id": "region"},
    "unit": {"region_id": "region", "assigned_community_id": "branch"},
    "branch": {"region_id": "region", "community_id": "branch", "unit_id": "unit"},
    "draw": {"scope_region_id": "region"},
    "key_task": {},
    "pairing": {"organ_id": "branch", "grassroots_id": "branch", "draw_id": "draw"},
    "activity": {"pairing_id": "pairing", "key_task_id": "key_task"},
    "activity_area": {"activity_id": "activity"},
    "activity_absentee": {"activity_id": "activity"},
    "photo": {"activity_id": "activity"},
    "agreement": {"pairing_id": "pairing"},
    "agreement_target": {"agreement_id": "agreement"},
    "target_progress": {"target_id": "agreement_target"},
    "star_rating": {"branch_id": "branch"},
    "plan_item": {"pairing_id": "pairing", "need_id": "plan_item", "resource_id": "plan_item"},
    "plan_item_activity": {"plan_item_id": "plan_item", "activity_id": "activity"},
    "plan_item_photo": {"plan_item_id": "plan_item"},
    "work_team": {"branch_id": "branch", "unit_id": "unit"},
    "team_member": {"team_id": "work_team"},
    "team_days": {"member_id": "team_member"},
    "halfyear_summary": {"region_id": "region"},
}
# Columns that never leave a ledger: its own row ids, and the sort key it derives from a name.
_LOCAL = frozenset({"id", "name_key"})
_IN_PACKAGES = ", ".join(f"'{table}'" for table in PACKAGE_TABLES)


def package_column(column: str) -> str:
    return column.removesuffix("_id") + "_uuid"


def chain_head(ledger: Ledger, seq: int) -> ChainHead | None:
    """The change-log chain at entry ``seq`` (None before any entry, or where another program left one
    unlinked)."""
    link = ledger.scalar("SELECT chain FROM change_log WHERE id = ?", (seq,))
    return None if link is None else ChainHead(seq, str(link))


def last_sequence(ledger: Ledger) -> int:
    """The ledger's last logged change (0 for none): where its next package ends."""
    return int(ledger.scalar("SELECT coalesce(max(id), 0) FROM change_log"))


# A seed of a region holds what the spreadsheet export of it selects (_EXPORT_SCOPE): the pairings counted in
# it, every branch in it or paired from it, their units and draws, its regions with all their ancestors.
_OF_SEED_ACTIVITIES = "t.activity_id IN (SELECT id FROM activity WHERE pairing_id IN (SELECT id FROM p_ids))"
_OF_SEED_AGREEMENTS = (
    "t.agreement_id IN (SELECT id FROM agreement WHERE pairing_id IN (SELECT id FROM p_ids))"
)
_OF_SEED_PAIRINGS = "pairing_id IN (SELECT id FROM p_ids)"
_OF_SEED_TEAMS = "t.team_id IN (SELECT id FROM t_ids)"
_SEED_ROWS: dict[str, str] = {
    "region": "t.id IN (SELECT id FROM r_ids)",
    "unit": "t.id IN (SELECT id FROM u_ids)",
    "branch": "t.id IN (SELECT id FROM b_ids)",
    "draw": "t.id IN (SELECT id FROM d_ids)",
    "key_task": "1",  # the programme's, few: every office has them all
    "pairing": "t.id IN (SELECT id FROM p_ids)",
    "activity": "t.pairing_id IN (SELECT id FROM p_ids)",
    "activity_area": _OF_SEED_ACTIVITIES,
    "activity_absentee": _OF_SEED_ACTIVITIES,
    "photo": _OF_SEED_ACTIVITIES,
    "agreement": "t.pairing_id IN (SELECT id FROM p_ids)",
    "agreement_target": _OF_SEED_AGREEMENTS,
    "target_progress": f"t.target_id IN (SELECT id FROM agreement_target t WHERE {_OF_SEED_AGREEMENTS})",
    "star_rating": "t.branch_id IN (SELECT id FROM b_ids)",
    "plan_item": "t.pairing_id IN (SELECT id FROM p_ids)",
    "plan_item_activity": _OF_SEED_ACTIVITIES,
    "plan_item_photo": f"t.plan_item_id IN (SELECT id FROM plan_item WHERE {_OF_SEED_PAIRINGS})",
    "work_team": "t.id IN (SELECT id FROM t_ids)",
    "team_member": _OF_SEED_TEAMS,
    "team_days": f"t.member_id IN (SELECT id FROM team_member t WHERE {_OF_SEED_TEAMS})",
    "halfyear_summary": "t.region_id IN (SELECT id FROM scope)",  # the region's and those below it
}


def rows(ledger: Ledger, table: str, within: int | None = None) -> Iterator[dict[str, Any]]:
    """Every row of ``table`` as a package carries it, in id order; with ``within``, those of a seed of
    that region's subtree."""
    references = REFERENCES[table]
    columns = [row["name"] for row in ledger.query(f"SELECT name FROM pragma_table_info('{table}')")]
    selected = [
        f"t.{column}" if column not in references else f"ref_{column}.uuid AS {package_column(column)}"
        for column in columns
        if column not in _LOCAL
    ]
    joins = "".join(
        f" LEFT JOIN {target} ref_{column} ON ref_{column}.id = t.{column}"
        for column, target in references.items()
    )
    order = "t.activity_id, t.area" if table == "activity_area" else "t.id"
    select = f"SELECT {', '.join(selected)} FROM {table} t{joins}"
    if within is None:
        cursor = ledger.conn.execute(f"{select} ORDER BY {order}")
    else:
        cursor = ledger.conn.execute(
            f"{_EXPORT_SCOPE} {select} WHERE {_SEED_ROWS[table]} ORDER BY {order}", {"region": within}
        )
    names = [column[0] for column in cursor.description]
    for values in cursor:
        yield dict(zip(names, values, strict=True))


# The pictures' facts and thumbnails (unlogged, by hash) that a full package's or a seed's photo rows use.
IMAGES = "photo_image"
_IMAGE_COLUMNS = "i.sha256, i.size, i.width, i.height, i.taken_at, i.dhash, i.thumbnail"


def _used_images(ledger: Ledger, columns: str, within: int | None) -> sqlite3.Cursor:
    used = " UNION ".join(
        f"SELECT t.sha256 FROM {table} t" + ("" if within is None else f" WHERE {_SEED_ROWS[table]}")
        for table in PHOTO_TABLES
    )
    select = f"SELECT {columns} FROM photo_image i WHERE i.sha256 IN ({used}) ORDER BY i.id"
    if within is None:
        return ledger.conn.execute(select)
    return ledger.conn.execute(f"{_EXPORT_SCOPE} {select}", {"region": within})


def _image_lines(cursor: sqlite3.Cursor) -> Iterator[dict[str, Any]]:
    names = [column[0] for column in cursor.description]
    for values in cursor:
        row = dict(zip(names, values, strict=True))
        yield {**row, "thumbnail": base64.b64encode(row["thumbnail"]).decode("ascii")}


def images(ledger: Ledger, within: int | None = None) -> Iterator[dict[str, Any]]:
    """Each picture the photos (of a seed of ``within``'s subtree) use: its facts, and its thumbnail as
    base64 (a package's lines are JSON)."""
    return _image_lines(_used_images(ledger, _IMAGE_COLUMNS, within))


def images_of(ledger: Ledger, hashes: Iterable[str]) -> Iterator[dict[str, Any]]:
    """The facts and thumbnails of these pictures (a delta's photos'), as ``images`` gives them."""
    return _image_lines(
        ledger.conn.execute(
            f"SELECT {_IMAGE_COLUMNS} FROM photo_image i"
            " WHERE i.sha256 IN (SELECT value FROM json_each(?)) ORDER BY i.id",
            (json.dumps(sorted(set(hashes))),),
        )
    )


def picture_sizes(ledger: Ledger, within: int | None = None) -> dict[str, int]:
    """The pictures ``images`` gives, hash → size: the files a full package or a seed carries."""
    return dict(_used_images(ledger, "i.sha256, i.size", within).fetchall())


def keep_images(ledger: Ledger, lines: Iterable[dict[str, Any]]) -> None:
    """The pictures' facts and thumbnails a package brought, where this ledger lacks them (by hash), in one
    transaction (or inside the one under way)."""
    with ledger.transaction():
        photo_store.keep_images(
            ledger,
            (
                (
                    line["sha256"],
                    line["size"],
                    line["width"],
                    line["height"],
                    line["taken_at"],
                    line["dhash"],
                    base64.b64decode(line["thumbnail"]),
                )
                for line in lines
            ),
        )


def tombstones(ledger: Ledger) -> Iterator[dict[str, Any]]:
    """The rows deleted and not back: those whose last logged change is their deletion. Link rows
    (activity_area) have none: a package lists each activity's areas whole."""
    cursor = ledger.conn.execute(
        "SELECT c.id, c.entity, c.entity_uuid FROM change_log c"
        f" WHERE c.change = 'delete' AND c.entity IN ({_IN_PACKAGES}) AND c.entity != 'activity_area'"
        " AND c.id = (SELECT max(id) FROM change_log l"
        " WHERE l.entity = c.entity AND l.entity_uuid = c.entity_uuid)"
        " ORDER BY c.id"
    )
    for seq, table, row_uuid in cursor:
        yield {"seq": seq, "table": table, "uuid": row_uuid}


def changes(ledger: Ledger, from_seq: int, to_seq: int) -> list[dict[str, Any]]:
    """The logged changes ``from_seq``..``to_seq`` of the package tables, each with its operation, the row
    before and after with references as uuids as they were at that change (an id may have been taken by
    another row since its row was deleted, so the log is walked back from its end)."""
    cursor = ledger.conn.execute(
        "SELECT c.id, o.uuid, o.action, o.at, c.entity, c.entity_uuid, c.change, c.before, c.after"
        " FROM change_log c JOIN operation o ON o.id = c.operation_id"
        f" WHERE c.id >= ? AND c.entity IN ({_IN_PACKAGES}) ORDER BY c.id DESC",
        (from_seq,),
    )
    ids = _IdsBackwards(ledger)
    lines = []
    for seq, op, action, at, table, row_uuid, change, before_text, after_text in cursor:
        before = None if before_text is None else _decode(before_text)
        after = None if after_text is None else _decode(after_text)
        sent = seq <= to_seq  # the later ones are only walked back through
        after_id = None if after is None else after.get("id")
        if sent and after is not None:
            ids.map(table, after)  # as the ids were just after this change
        ids.step_back(table, before, after_id)
        if not sent:
            continue
        if before is not None:
            ids.map(table, before)  # and just before it
        lines.append(
            {
                "seq": seq, "op": op, "action": action, "at": at, "table": table, "uuid": row_uuid,
                "change": change, "before": before, "after": after,
            }
        )  # fmt: skip
    lines.reverse()
    return lines


_ID_BLOCK = 1024


def _decode(text: str) -> Any:
    """A logged row's JSON, read by orjson (a third faster than the standard library's raw_decode); what it
    refuses and the standard library reads (an older log's Infinity) by the latter."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


class _IdsBackwards:
    """Which row's uuid an id stood for, at a point of the change log walked back from now."""

    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger
        self._known: dict[tuple[str, int], str | None] = {}  # as the walk back has found them
        self._now: dict[tuple[str, int], str] = {}  # the rows in the file, read in blocks of ids
        self._blocks: set[tuple[str, int]] = set()

    def uuid(self, table: str, row_id: int) -> str | None:
        key = (table, row_id)
        if key in self._known:
            return self._known[key]
        # The ids a delta refers to lie close together (recent rows): a block of them in one query.
        block = row_id // _ID_BLOCK
        if (table, block) not in self._blocks:
            self._blocks.add((table, block))
            found = self._ledger.conn.execute(
                f"SELECT id, uuid FROM {table} WHERE id BETWEEN ? AND ?",
                (block * _ID_BLOCK, (block + 1) * _ID_BLOCK - 1),
            )
            self._now.update(((table, found_id), found_uuid) for found_id, found_uuid in found)
        return self._now.get(key)

    def step_back(self, table: str, before: dict[str, Any] | None, after_id: int | None) -> None:
        """From just after a change to just before it (``before`` as logged, ``after_id`` the id of the
        row after it)."""
        if after_id is not None:
            self._known[(table, after_id)] = None
        if before is not None and "id" in before:
            self._known[(table, before["id"])] = before["uuid"]

    def map(self, table: str, row: dict[str, Any]) -> None:
        """A logged row as packages carry it, in place: without the ledger's own columns, each reference
        ``x_id`` as ``x_uuid``."""
        for column in _LOCAL:
            row.pop(column, None)
        for column, target in REFERENCES[table].items():
            if column in row:
                value = row.pop(column)
                row[package_column(column)] = None if value is None else self.uuid(target, value)


def acknowledged_sequence(ledger: Ledger) -> int:
    """The last change of this ledger that a receiver has acknowledged (0 before any receipt): a delta
    carries every change after it, so a package lost on the way is simply part of the next one. Only
    receipts of the deltas and full packages it sent up count: a township's receipt of a county's seed
    says nothing of what the county's own office above has."""
    return int(
        ledger.scalar(
            "SELECT coalesce(max(r.to_seq), 0) FROM package_log r"
            " JOIN package_log p ON p.package_uuid = r.acknowledges AND p.direction = 'sent'"
            " WHERE r.direction = 'received' AND r.kind = 'receipt' AND p.kind IN ('delta', 'full')"
        )
    )


def last_sent(ledger: Ledger) -> str | None:
    """The package this ledger sent last, which its next one follows."""
    found = ledger.scalar(
        "SELECT package_uuid FROM package_log WHERE direction = 'sent' AND kind != 'receipt'"
        " ORDER BY id DESC LIMIT 1"
    )
    return None if found is None else str(found)


def load_rows(ledger: Ledger, rows_of: Callable[[str], Iterable[dict[str, Any]]]) -> int:
    """A seed or full package's rows into a new, empty ledger, outside the change log: they are its
    starting point, as a generated demo's are (storage/bulk.py), so the ledger's own log and its first
    delta hold only its own work. Ids are given here and references resolved from uuids; foreign keys are
    checked at commit, as units and branches refer to each other. ``rows_of(table)`` is read twice (the
    uuids first), so that a city's rows need not all be in memory at once. Returns the rows written."""
    ids: dict[str, dict[str, int]] = {}
    for table in PACKAGE_TABLES:
        if table != "activity_area":
            start = int(ledger.scalar(f"SELECT coalesce(max(id), 0) FROM {table}"))
            ids[table] = {_uuid(table, row): start + number for number, row in enumerate(rows_of(table), 1)}
    written = 0
    with ledger.transaction():
        ledger.conn.execute("PRAGMA defer_foreign_keys = ON")
        for table in PACKAGE_TABLES:
            columns = {row["name"] for row in ledger.query(f"SELECT name FROM pragma_table_info('{table}')")}
            for row in rows_of(table):
                values = _local_row(table, row, ids, columns - _LOCAL)
                names = ", ".join(values)
                marks = ", ".join("?" for _ in values)
                ledger.conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(values.values()))
                written += 1
    return written


def _local_row(
    table: str, row: dict[str, Any], ids: dict[str, dict[str, int]], columns: set[str]
) -> dict[str, Any]:
    """A package's row as this ledger stores it; a column the table lacks, a value that is no plain value
    or a reference to a row the package does not hold refuses the package."""
    references = {package_column(column): column for column in REFERENCES[table]}
    values: dict[str, Any] = {} if table == "activity_area" else {"id": ids[table][_uuid(table, row)]}
    for name, value in row.items():
        column = references.get(name, name)
        if (
            column not in columns
            or not isinstance(value, str | int | float | None)
            or isinstance(value, bool)
        ):
            raise BranchDeskError("package.bad_row", table=table, column=name)
        if name in references and value is not None:
            found = ids[REFERENCES[table][column]].get(str(value))
            if found is None:
                raise BranchDeskError("package.unknown_reference", table=table, column=name)
            value = found
        values[column] = value
    return values


def _uuid(table: str, row: dict[str, Any]) -> str:
    value = row.get("uuid")
    if not isinstance(value, str):
        raise BranchDeskError("package.bad_row", table=table, column="uuid")
    return value


def record_package(ledger: Ledger, direction: str, values: dict[str, Any]) -> None:
    """One line of the package log, in a transaction of its own (the log is outside the change log)."""
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    with ledger.transaction():
        ledger.conn.execute(
            f"INSERT INTO package_log (direction, {columns}) VALUES (?, {marks})",
            (direction, *values.values()),
        )


def pending_changes(ledger: Ledger, from_seq: int, to_seq: int) -> int:
    """How many logged changes of the package tables ``from_seq``..``to_seq`` hold: the lines of a delta."""
    return int(
        ledger.scalar(
            f"SELECT count(*) FROM change_log WHERE id BETWEEN ? AND ? AND entity IN ({_IN_PACKAGES})",
            (from_seq, to_seq),
        )
    )


def last_sent_at(ledger: Ledger) -> str | None:
    """When this ledger last wrote a package (None: never)."""
    found = ledger.scalar(
        "SELECT at FROM package_log WHERE direction = 'sent' AND kind != 'receipt' ORDER BY id DESC LIMIT 1"
    )
    return None if found is None else str(found)
