"""Pairings between an organ branch and a grassroots branch, and the draws that make some of them."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from branchdesk.domain.draw import DrawResult
from branchdesk.domain.enums import BranchKind, EndReason, PairingMethod, Tier
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.pairing_list import AssignedUnit, UnpairedBranch
from branchdesk.storage.ledger import Ledger, new_uuid
from branchdesk.storage.pairing_list import no_active_pairing
from branchdesk.storage.regions import region_label


def add_pairing(
    ledger: Ledger,
    organ_id: int,
    grassroots_id: int,
    started_on: dt.date,
    *,
    method: PairingMethod = PairingMethod.ASSIGNED,
    draw_id: int | None = None,
    ended_on: dt.date | None = None,
    end_reason: EndReason | None = None,
) -> int:
    """Record a pairing with both sides' current tiers as its snapshot."""
    tiers = {
        row["id"]: row["tier"]
        for row in ledger.query("SELECT id, tier FROM branch WHERE id IN (?, ?)", [organ_id, grassroots_id])
    }
    return ledger.insert(
        "pairing",
        {
            "organ_id": organ_id,
            "grassroots_id": grassroots_id,
            "method": method.value,
            "draw_id": draw_id,
            "organ_tier": tiers.get(organ_id),
            "grassroots_tier": tiers.get(grassroots_id),
            "started_on": started_on.isoformat(),
            "ended_on": None if ended_on is None else ended_on.isoformat(),
            "end_reason": None if end_reason is None else end_reason.value,
        },
    )


def end_pairing(
    ledger: Ledger, pairing_id: int, ended_on: dt.date, reason: EndReason, note: str | None = None
) -> None:
    changes: dict[str, object] = {"ended_on": ended_on.isoformat(), "end_reason": reason.value}
    if note:
        changes["note"] = note
    ledger.update("pairing", pairing_id, changes)


def pairing(ledger: Ledger, pairing_id: int) -> dict[str, Any] | None:
    """A pairing with both branches' names and kinds, as the services check and describe it."""
    found = ledger.query(
        "SELECT p.*, o.name AS organ_name, g.name AS grassroots_name FROM pairing p"
        " JOIN branch o ON o.id = p.organ_id JOIN branch g ON g.id = p.grassroots_id WHERE p.id = ?",
        (pairing_id,),
    )
    return found[0] if found else None


def branch(ledger: Ledger, branch_id: int) -> dict[str, Any] | None:
    """A branch with the id of its active pairing (NULL when unpaired)."""
    found = ledger.query(
        """
        SELECT b.id, b.uuid, b.name, b.kind, b.tier, b.archived_on, b.region_id,
               (SELECT p.id FROM pairing p WHERE p.ended_on IS NULL
                  AND (p.organ_id = b.id OR p.grassroots_id = b.id)) AS active_pairing
        FROM branch b WHERE b.id = ?
        """,
        (branch_id,),
    )
    return found[0] if found else None


def organ_scope(ledger: Ledger, region_id: int) -> int:
    """The region whose organ branches a township's grassroots branches pair with: its county (the
    county's departments are its organ branches); any other region itself."""
    found = ledger.scalar(
        "SELECT CASE WHEN level = 'township' THEN parent_id ELSE id END FROM region WHERE id = ?",
        (region_id,),
    )
    return region_id if found is None else int(found)


def county_of(ledger: Ledger, branch_id: int) -> str | None:
    """The name of the county a branch sits in; None for a city-level branch."""
    found = ledger.scalar(
        """
        WITH RECURSIVE up(id, parent_id, level, name) AS (
            SELECT r.id, r.parent_id, r.level, r.name FROM region r JOIN branch b ON b.region_id = r.id
            WHERE b.id = ?
            UNION ALL
            SELECT r.id, r.parent_id, r.level, r.name FROM region r JOIN up ON r.id = up.parent_id
        )
        SELECT name FROM up WHERE level = 'county'
        """,
        (branch_id,),
    )
    return None if found is None else str(found)


def established_after(ledger: Ledger, branch_ids: Sequence[int], day: dt.date) -> str | None:
    """The name of one of ``branch_ids`` established after ``day``, if any."""
    if not branch_ids:
        return None
    marks = ", ".join("?" for _ in branch_ids)
    name: str | None = ledger.scalar(
        f"SELECT name FROM branch WHERE id IN ({marks}) AND established_on > ? ORDER BY name_key LIMIT 1",
        [*branch_ids, day.isoformat()],
    )
    return name


def running_on_or_after(ledger: Ledger, branch_ids: Sequence[int], day: dt.date) -> dict[str, Any] | None:
    """A pairing of one of ``branch_ids`` still running on ``day`` or later (ended ones too), with that
    branch's name: what a pairing from ``day`` on would overlap."""
    if not branch_ids:
        return None
    marks = ", ".join("?" for _ in branch_ids)
    found = ledger.query(
        " UNION ALL ".join(
            f"SELECT b.name, p.started_on, p.ended_on FROM pairing p JOIN branch b ON b.id = p.{side}"
            f" WHERE p.{side} IN ({marks}) AND coalesce(p.ended_on, '9999-12-31') >= ?"
            for side in ("organ_id", "grassroots_id")
        )
        + " LIMIT 1",
        [*branch_ids, day.isoformat(), *branch_ids, day.isoformat()],
    )
    return found[0] if found else None


def last_activity(ledger: Ledger, pairing_id: int) -> str | None:
    day: str | None = ledger.scalar("SELECT max(held_on) FROM activity WHERE pairing_id = ?", (pairing_id,))
    return day


def assigned_units(ledger: Ledger) -> list[AssignedUnit]:
    """Units assigned to a community, with their unpaired organ branches and the community's unpaired
    grids."""
    rows = ledger.query(
        f"""
        SELECT u.id, u.name, c.id AS community_id, c.name AS community,
               (SELECT count(*) FROM branch b WHERE b.unit_id = u.id AND b.archived_on IS NULL
                  AND {no_active_pairing("organ_id")}) AS organs,
               (SELECT count(*) FROM branch b WHERE b.community_id = c.id AND b.archived_on IS NULL
                  AND {no_active_pairing("grassroots_id")}) AS grids
        FROM unit u JOIN branch c ON c.id = u.assigned_community_id
        ORDER BY u.name_key, u.id
        """
    )
    return [
        AssignedUnit(r["id"], r["name"], r["community_id"], r["community"], r["organs"], r["grids"])
        for r in rows
    ]


def unit_and_grids(ledger: Ledger, unit_id: int) -> tuple[list[int], list[int]]:
    """A unit's unpaired organ branches and its community's unpaired grids, each in name order."""
    organs = ledger.query(
        "SELECT b.id FROM branch b WHERE b.unit_id = ? AND b.archived_on IS NULL"
        f" AND {no_active_pairing('organ_id')} ORDER BY b.name_key, b.id",
        (unit_id,),
    )
    grids = ledger.query(
        "SELECT b.id FROM branch b JOIN unit u ON b.community_id = u.assigned_community_id"
        f" WHERE u.id = ? AND b.archived_on IS NULL AND {no_active_pairing('grassroots_id')}"
        " ORDER BY b.name_key, b.id",
        (unit_id,),
    )
    return [r["id"] for r in organs], [r["id"] for r in grids]


def insert_draw(
    ledger: Ledger,
    scope_region_id: int,
    result: DrawResult,
    candidates: str,
    drawn_at: str,
) -> int:
    return ledger.insert(
        "draw",
        {
            "scope_region_id": scope_region_id,
            "seed": result.seed,
            "algorithm_version": result.algorithm_version,
            "input_hash": result.input_hash,
            "result_hash": result.result_hash,
            "swaps": json.dumps([list(pair) for pair in result.swaps]),
            "drawn_at": drawn_at,
            "committed": 1,
            "candidates": candidates,
        },
    )


def keep_preview(ledger: Ledger, scope_region_id: int, result: DrawResult) -> None:
    """Keep a previewed seed, in a transaction of its own and outside the change log (no undo erases it)."""
    if ledger.read_only:
        raise BranchDeskError("ledger.read_only", path=str(ledger.path))
    now = ledger.now()
    try:
        with ledger.transaction():
            ledger.conn.execute(
                "INSERT INTO draw_preview (uuid, scope_region_id, seed, algorithm_version, input_hash,"
                " result_hash, previewed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    new_uuid(),
                    scope_region_id,
                    result.seed,
                    result.algorithm_version,
                    result.input_hash,
                    result.result_hash,
                    now,
                    now,
                    now,
                ),
            )
    except sqlite3.Error as error:
        raise ledger.error(error) from None


def previews(
    ledger: Ledger, scope_region_id: int, input_hash: str, until: str | None = None
) -> list[dict[str, Any]]:
    """The previews of a scope since its candidates last changed (the last preview with other candidates),
    up to ``until`` (a timestamp; None: now), oldest first, when the candidates hash to ``input_hash``."""
    return ledger.query(
        "WITH mine AS (SELECT * FROM draw_preview WHERE scope_region_id = :scope"
        " AND (:until IS NULL OR previewed_at <= :until))"
        " SELECT seed, result_hash, previewed_at FROM mine WHERE input_hash = :hash"
        " AND id > coalesce((SELECT max(id) FROM mine WHERE input_hash <> :hash), 0) ORDER BY id",
        {"scope": scope_region_id, "until": until, "hash": input_hash},
    )


def draw(ledger: Ledger, draw_id: int) -> dict[str, Any] | None:
    found = ledger.query("SELECT * FROM draw WHERE id = ? AND committed = 1", (draw_id,))
    return found[0] if found else None


def draw_of_operation(ledger: Ledger, operation_id: int) -> int | None:
    """The draw that operation ``operation_id`` recorded (from its change log)."""
    found = ledger.scalar(
        "SELECT json_extract(after, '$.id') FROM change_log"
        " WHERE operation_id = ? AND entity = 'draw' AND change = 'insert'",
        (operation_id,),
    )
    return None if found is None else int(found)


def draw_pairs(ledger: Ledger, draw_id: int) -> list[tuple[str, str]]:
    """The (organ uuid, grassroots uuid) pairs the ledger holds for a draw, in the order they were made."""
    rows = ledger.conn.execute(
        "SELECT o.uuid, g.uuid FROM pairing p JOIN branch o ON o.id = p.organ_id"
        " JOIN branch g ON g.id = p.grassroots_id WHERE p.draw_id = ? ORDER BY p.id",
        (draw_id,),
    )
    return [(row[0], row[1]) for row in rows]


def branches_by_uuid(ledger: Ledger, uuids: Sequence[str]) -> dict[str, UnpairedBranch]:
    """Names, regions and units of branches by uuid (paired or not), for a draw's record."""
    found: dict[str, UnpairedBranch] = {}
    wanted = list(dict.fromkeys(uuids))
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        for row in ledger.query(
            "SELECT b.id, b.uuid, b.name, b.kind, b.tier, u.name AS unit,"
            f" {region_label('r', 'rp')} AS region"
            " FROM branch b JOIN region r ON r.id = b.region_id LEFT JOIN region rp ON rp.id = r.parent_id"
            f" LEFT JOIN unit u ON u.id = b.unit_id WHERE b.uuid IN ({marks})",
            chunk,
        ):
            found[row["uuid"]] = UnpairedBranch(
                row["id"],
                row["uuid"],
                row["name"],
                BranchKind(row["kind"]),
                None if row["tier"] is None else Tier(row["tier"]),
                row["region"],
                row["unit"],
            )
    return found


# Parameters per IN list: within SQLite's oldest limit of 999.
_CHUNK = 900
