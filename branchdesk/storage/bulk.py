"""Bulk inserts for a generated ledger (the demo generator): many rows per statement, in one transaction.

Rows arrive as plain tuples in the column order of each table's ``_*_COLUMNS``, with their ids and uuids
already made, so that related rows can refer to each other without reading anything back. No change-log
rows are written: DESIGN.md §7 lets the demo generator go straight through storage to stay fast, and a
ledger generated whole has no user action to undo. Meant for a new, empty ledger only.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from branchdesk.storage.ledger import Ledger, integrity_error

RegionRow = tuple[int, str, str, str, int | None, str | None]
UnitRow = tuple[int, str, str, str, int, str | None]
BranchRow = tuple[
    int, str, str, str, int, int | None, int | None, str | None, str | None, str | None, int | None,
    str | None, str | None, str | None, str | None,
]  # fmt: skip
DrawRow = tuple[int, str, int, str, int, str, str, str, str, int, str | None, str]
DrawPreviewRow = tuple[int, str, int, str, int, str, str, str]
PairingRow = tuple[
    int, str, int, int, str, int | None, str | None, str | None, str, str | None, str | None, str | None
]
KeyTaskRow = tuple[int, str, str, str, str | None]
ActivityRow = tuple[
    int, str, int, str, str, int | None, int, str | None, str | None, str | None,
    str | None, str | None, int | None, int | None, str | None, str,
]  # fmt: skip
AbsenteeRow = tuple[int, str, int, str, str]
AgreementRow = tuple[int, str, int, str, str, str, str, str, str | None]
TargetRow = tuple[int, str, int, int, str, float | None, str | None, str]
ProgressRow = tuple[int, str, int, str, float, str | None]
StarRatingRow = tuple[int, str, int, int, int, str]
PlanItemRow = tuple[
    int, str, int, str, str, str | None, str, str | None, str, str | None, str | None, int | None, int | None
]

_REGION_COLUMNS = ("id", "uuid", "name", "level", "parent_id", "code")
_UNIT_COLUMNS = ("id", "uuid", "name", "level", "region_id", "note")
_BRANCH_COLUMNS = (
    "id", "uuid", "name", "kind", "region_id", "community_id", "unit_id", "tier", "secretary", "phone",
    "member_count", "optimised_on", "established_on", "archived_on", "note",
)  # fmt: skip
_DRAW_COLUMNS = (
    "id", "uuid", "scope_region_id", "seed", "algorithm_version", "input_hash", "result_hash", "swaps",
    "drawn_at", "committed", "note", "candidates",
)  # fmt: skip
_DRAW_PREVIEW_COLUMNS = (
    "id", "uuid", "scope_region_id", "seed", "algorithm_version", "input_hash", "result_hash", "previewed_at",
)  # fmt: skip
_PAIRING_COLUMNS = (
    "id", "uuid", "organ_id", "grassroots_id", "method", "draw_id", "organ_tier", "grassroots_tier",
    "started_on", "ended_on", "end_reason", "note",
)  # fmt: skip
_KEY_TASK_COLUMNS = ("id", "uuid", "name", "half_year", "note")
# An activity's row ends with the day it was entered (created_at), which "recorded late" reads.
_ACTIVITY_COLUMNS = (
    "id", "uuid", "pairing_id", "held_on", "type", "key_task_id", "volunteers", "location", "summary",
    "weekday_reason", "theme", "host", "expected", "present", "make_up_on", "created_at",
)  # fmt: skip
_ABSENTEE_COLUMNS = ("id", "uuid", "activity_id", "name", "reason")
_AGREEMENT_COLUMNS = (
    "id", "uuid", "pairing_id", "signed_on", "organ_liaison", "organ_phone", "grassroots_liaison",
    "grassroots_phone", "review",
)  # fmt: skip
_TARGET_COLUMNS = ("id", "uuid", "agreement_id", "position", "name", "number", "unit", "due_on")
_PROGRESS_COLUMNS = ("id", "uuid", "target_id", "recorded_on", "value", "note")
_TEAM_COLUMNS = ("id", "uuid", "branch_id", "unit_id", "started_on", "ended_on", "note")
_MEMBER_COLUMNS = (
    "id", "uuid", "team_id", "name", "phone", "role", "sending_unit", "from_on", "to_on", "note",
)  # fmt: skip
_DAYS_COLUMNS = (
    "id", "uuid", "member_id", "month", "marks", "reasons", "present", "leave", "business", "absent",
)  # fmt: skip
_STAR_RATING_COLUMNS = ("id", "uuid", "branch_id", "year", "stars", "rated_on")
_PLAN_ITEM_COLUMNS = (
    "id", "uuid", "pairing_id", "kind", "title", "owner", "opened_on", "due_on", "status", "done_on",
    "done_note", "need_id", "resource_id",
)  # fmt: skip
_ITEM_LINK_COLUMNS = ("id", "uuid", "plan_item_id", "activity_id")

# The tables a load writes; their indexes are built at its end.
_LOADED = (
    "region", "unit", "branch", "draw", "draw_preview", "pairing", "key_task", "activity", "activity_area",
    "activity_absentee", "agreement", "agreement_target", "target_progress", "star_rating", "plan_item",
    "plan_item_activity", "work_team", "team_days",
)  # fmt: skip
# team_member keeps its indexes while loaded: its overlap triggers look members up by phone, row by row.

# Rows per INSERT statement; at most 50 × 15 columns + 1 = 751 parameters, within SQLite's oldest limit (999).
_ROWS_PER_STATEMENT = 50

# A page cache of 256 MiB (a negative cache_size counts KiB) holds the tables of the largest demo while
# they are written, so that SQLite does not spill pages to the file and read them back.
_BULK_CACHE_KIB = 256 * 1024


@contextlib.contextmanager
def bulk_load(ledger: Ledger) -> Iterator[None]:
    """One transaction for a whole load, all or nothing, made fast in two ways.

    - A page cache sized for the load. Journal and sync settings stay as Ledger sets them, so the commit
      is as safe as any other (on a new file the rollback journal holds next to nothing anyway).
    - The loaded tables' own indexes are dropped and built again, from their stored SQL, at the end: one
      sort each instead of a B-tree insert per row. Unique indexes check their rows when built, so
      one-to-one pairing and unique names hold as always; indexes behind PRIMARY KEY and UNIQUE
      constraints stay in place; if anything fails, the rollback brings the dropped indexes back.
    Every constraint (keys, NOT NULL, CHECK, foreign keys, triggers) holds row by row as always.
    """
    previous = int(ledger.scalar("PRAGMA cache_size"))
    ledger.conn.execute(f"PRAGMA cache_size = {-_BULK_CACHE_KIB}")
    try:
        with ledger.transaction():
            indexes = drop_own_indexes(ledger, _LOADED)
            yield
            for _, sql in indexes:
                ledger.conn.execute(sql)
    except sqlite3.IntegrityError as error:
        raise integrity_error(error) from None
    finally:
        ledger.conn.execute(f"PRAGMA cache_size = {previous}")


def drop_own_indexes(
    ledger: Ledger, tables: Sequence[str], *, keep_unique: bool = False
) -> list[tuple[str, str]]:
    """Drop the own indexes of ``tables`` (those behind constraints have no SQL and stay; with
    ``keep_unique`` the unique ones stay too), inside the caller's transaction; their names and SQL, to
    build them again at its end (a rollback brings them back)."""
    marks = ", ".join("?" for _ in tables)
    unique = " AND sql NOT LIKE 'CREATE UNIQUE %'" if keep_unique else ""
    indexes: list[tuple[str, str]] = ledger.conn.execute(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql NOT NULL"
        f" AND tbl_name IN ({marks}){unique} ORDER BY name",
        tuple(tables),
    ).fetchall()
    for name, _ in indexes:
        ledger.conn.execute(f'DROP INDEX "{name}"')
    return indexes


def _insert(ledger: Ledger, table: str, columns: tuple[str, ...], rows: Iterable[tuple[Any, ...]]) -> None:
    """``rows`` hold every column but the two stamps, which are the same for the whole load (or but the
    one stamp, when the rows carry their created_at).

    Binding parameters from Python is most of the cost of a bulk insert, so the rows go in
    _ROWS_PER_STATEMENT to a statement, with the stamps bound once per statement (as ``?1``).
    """
    now = ledger.now()
    pending = iter(rows)
    rest: list[tuple[Any, ...]] = []

    def full_batches() -> Iterator[tuple[Any, ...]]:
        while True:
            batch = list(itertools.islice(pending, _ROWS_PER_STATEMENT))
            if len(batch) < _ROWS_PER_STATEMENT:
                rest.extend(batch)
                return
            yield (now, *itertools.chain.from_iterable(batch))

    ledger.conn.executemany(_insert_sql(table, columns, _ROWS_PER_STATEMENT), full_batches())
    if rest:
        ledger.conn.execute(
            _insert_sql(table, columns, len(rest)), (now, *itertools.chain.from_iterable(rest))
        )


def _insert_sql(table: str, columns: tuple[str, ...], count: int) -> str:
    """INSERT of ``count`` rows: ``?1`` is the stamp, then each row's columns in turn (?2, ?3 …). Rows that
    end with their own created_at (activities) are stamped with it, updated_at too."""
    width = len(columns)
    own = columns[-1] == "created_at"
    names = ", ".join((*columns, "updated_at") if own else (*columns, "created_at", "updated_at"))

    def stamps(row: int) -> str:
        return f"?{1 + (row + 1) * width}" if own else "?1, ?1"

    groups = (
        ", ".join([*(f"?{2 + row * width + column}" for column in range(width)), stamps(row)])
        for row in range(count)
    )
    return f"INSERT INTO {table} ({names}) VALUES " + ", ".join(f"({group})" for group in groups)


def insert_regions(ledger: Ledger, rows: Iterable[RegionRow]) -> None:
    """Parents before children."""
    _insert(ledger, "region", _REGION_COLUMNS, rows)


def insert_units(ledger: Ledger, rows: Iterable[UnitRow]) -> None:
    """Units refer to branches (their assigned community) and branches to units, so the communities are
    set afterwards, with :func:`assign_communities`."""
    _insert(ledger, "unit", _UNIT_COLUMNS, rows)


def assign_communities(ledger: Ledger, assignments: Iterable[tuple[int, int]]) -> None:
    """``(community branch id, unit id)``: the community each city-level unit is assigned to."""
    ledger.conn.executemany("UPDATE unit SET assigned_community_id = ? WHERE id = ?", assignments)


def insert_branches(ledger: Ledger, rows: Iterable[BranchRow]) -> None:
    """Each community before its grids, which refer to it."""
    _insert(ledger, "branch", _BRANCH_COLUMNS, rows)


def insert_draws(ledger: Ledger, rows: Iterable[DrawRow]) -> None:
    _insert(ledger, "draw", _DRAW_COLUMNS, rows)


def insert_draw_previews(ledger: Ledger, rows: Iterable[DrawPreviewRow]) -> None:
    _insert(ledger, "draw_preview", _DRAW_PREVIEW_COLUMNS, rows)


def insert_pairings(ledger: Ledger, rows: Iterable[PairingRow]) -> None:
    """The open-pairing unique indexes and the sides trigger hold here as for any other write."""
    _insert(ledger, "pairing", _PAIRING_COLUMNS, rows)


def insert_key_tasks(ledger: Ledger, rows: Iterable[KeyTaskRow]) -> None:
    _insert(ledger, "key_task", _KEY_TASK_COLUMNS, rows)


def insert_activities(ledger: Ledger, rows: Iterable[ActivityRow]) -> None:
    _insert(ledger, "activity", _ACTIVITY_COLUMNS, rows)


def insert_absentees(ledger: Ledger, rows: Iterable[AbsenteeRow]) -> None:
    _insert(ledger, "activity_absentee", _ABSENTEE_COLUMNS, rows)


def insert_agreements(
    ledger: Ledger,
    agreements: Iterable[AgreementRow],
    targets: Iterable[TargetRow],
    progress: Iterable[ProgressRow],
) -> None:
    """Pairing agreements, their targets and the targets' progress (the due-date triggers hold as always)."""
    _insert(ledger, "agreement", _AGREEMENT_COLUMNS, agreements)
    _insert(ledger, "agreement_target", _TARGET_COLUMNS, targets)
    _insert(ledger, "target_progress", _PROGRESS_COLUMNS, progress)


def insert_star_ratings(ledger: Ledger, rows: Iterable[StarRatingRow]) -> None:
    _insert(ledger, "star_rating", _STAR_RATING_COLUMNS, rows)


def insert_plan_items(ledger: Ledger, rows: Iterable[PlanItemRow]) -> None:
    """A project after the need and the resource it names."""
    _insert(ledger, "plan_item", _PLAN_ITEM_COLUMNS, rows)


def insert_item_links(ledger: Ledger, rows: Iterable[tuple[int, str, int, int]]) -> None:
    """``(id, uuid, item id, activity id)``: the activities that worked on the items."""
    _insert(ledger, "plan_item_activity", _ITEM_LINK_COLUMNS, rows)


def insert_activity_areas(
    ledger: Ledger, first_id: int, area_sets: Sequence[Sequence[str]], set_of_each: Sequence[int]
) -> None:
    """The areas (六共) of activities ``first_id``, ``first_id + 1`` …: activity ``first_id + i`` has the
    areas ``area_sets[set_of_each[i]]``.

    A large demo has nearly two million area rows; SQLite spells them out itself from this compact form
    (two JSON arrays), in half the time of binding each row from Python. The sets are materialised once
    (SQLite indexes them for the join), and CROSS JOIN keeps the activities in the outer loop, so the
    rows go in in key order.
    """
    sets = [[number, area] for number, areas in enumerate(area_sets) for area in areas]
    ledger.conn.execute(
        """
        WITH area_set(number, area) AS MATERIALIZED (
            SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(:sets)
        )
        INSERT INTO activity_area (activity_id, area)
        SELECT :first + activity.key, area_set.area
        FROM json_each(:chosen) AS activity CROSS JOIN area_set ON area_set.number = activity.value
        """,
        {"sets": json.dumps(sets), "chosen": json.dumps(list(set_of_each)), "first": first_id},
    )


def insert_work_teams(ledger: Ledger, rows: Iterable[tuple[Any, ...]]) -> None:
    _insert(ledger, "work_team", _TEAM_COLUMNS, rows)


def insert_team_members(ledger: Ledger, rows: Iterable[tuple[Any, ...]]) -> None:
    _insert(ledger, "team_member", _MEMBER_COLUMNS, rows)


def insert_team_days(ledger: Ledger, rows: Iterable[tuple[Any, ...]]) -> None:
    _insert(ledger, "team_days", _DAYS_COLUMNS, rows)
