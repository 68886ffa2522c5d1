"""Regions: the city → county → township tree."""

from __future__ import annotations

from typing import Any

from branchdesk.domain.enums import RegionLevel
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.listing import ScopeContents
from branchdesk.domain.records import Region
from branchdesk.domain.sort_key import PATH_SEPARATOR
from branchdesk.storage.ledger import Ledger


def region_label(region: str, parent: str) -> str:
    """ "潢川县 / 城关镇" for a township; the region's own name above that level."""
    return (
        f"CASE WHEN {region}.level = 'township' THEN {parent}.name || ' / ' || {region}.name"
        f" ELSE {region}.name END"
    )


def region_label_key(region: str, parent: str) -> str:
    """The sort key of :func:`region_label`: by county, then by township within it."""
    return (
        f"CASE WHEN {region}.level = 'township'"
        f" THEN {parent}.name_key || '{PATH_SEPARATOR}' || {region}.name_key ELSE {region}.name_key END"
    )


# Every region under its parent, each level in name order (pinyin, numbers numerically).
_TREE = f"""
WITH RECURSIVE tree(id, path, path_key) AS (
    SELECT id, name, name_key FROM region WHERE parent_id IS NULL
    UNION ALL
    SELECT r.id, tree.path || '/' || r.name, tree.path_key || '{PATH_SEPARATOR}' || r.name_key
    FROM region r JOIN tree ON r.parent_id = tree.id
)
SELECT r.id, r.uuid, r.name, r.level, r.parent_id, r.code, tree.path
FROM region r JOIN tree ON tree.id = r.id
ORDER BY tree.path_key, r.id
"""


def all_regions(ledger: Ledger) -> list[Region]:
    return [
        Region(
            id=row["id"],
            uuid=row["uuid"],
            name=row["name"],
            level=RegionLevel(row["level"]),
            parent_id=row["parent_id"],
            code=row["code"],
            path=row["path"],
        )
        for row in ledger.query(_TREE)
    ]


def add_region(
    ledger: Ledger, name: str, level: RegionLevel, parent_id: int | None, code: str | None = None
) -> int:
    return ledger.insert(
        "region", {"name": name.strip(), "level": level.value, "parent_id": parent_id, "code": code}
    )


def rename_region(ledger: Ledger, region_id: int, name: str, code: str | None) -> None:
    ledger.update("region", region_id, {"name": name, "code": code})


def move_region(ledger: Ledger, region_id: int, parent_id: int) -> None:
    ledger.update("region", region_id, {"parent_id": parent_id})


def delete_region(ledger: Ledger, region_id: int) -> None:
    ledger.delete("region", region_id)


def scope_sql(direct: bool) -> str:
    """A CTE ``scope(id)`` of the region ``:region`` alone, or with all its descendants."""
    if direct:
        return "scope(id) AS (SELECT :region)"
    return (
        "scope(id) AS (SELECT :region UNION ALL "
        "SELECT region.id FROM region JOIN scope ON region.parent_id = scope.id)"
    )


def region_row(ledger: Ledger, region_id: int) -> dict[str, Any]:
    found = ledger.row("region", region_id)
    if found is None:
        raise BranchDeskError("row.missing", table="region", id=region_id)
    return found


def sibling_named(ledger: Ledger, parent_id: int | None, name: str, except_id: int | None) -> bool:
    return (
        ledger.scalar(
            "SELECT 1 FROM region WHERE parent_id IS ? AND name = ? AND id IS NOT ?",
            (parent_id, name, except_id),
        )
        is not None
    )


def code_taken(ledger: Ledger, code: str, except_id: int | None) -> bool:
    return ledger.scalar("SELECT 1 FROM region WHERE code = ? AND id IS NOT ?", (code, except_id)) is not None


def top_count(ledger: Ledger) -> int:
    return int(ledger.scalar("SELECT count(*) FROM region WHERE parent_id IS NULL"))


def usage(ledger: Ledger, region_id: int) -> tuple[int, int, int, list[str]]:
    """``(branches, child regions, units, where)`` in the region itself: what keeps it from being removed.
    ``where`` names up to three places of its branches, the region's own children first."""
    branches = ledger.scalar("SELECT count(*) FROM branch WHERE region_id = ?", (region_id,))
    children = ledger.scalar("SELECT count(*) FROM region WHERE parent_id = ?", (region_id,))
    units = ledger.scalar("SELECT count(*) FROM unit WHERE region_id = ?", (region_id,))
    where = [
        row["name"]
        for row in ledger.query(
            "SELECT name FROM branch WHERE region_id = ? ORDER BY archived_on IS NOT NULL, name_key LIMIT 3",
            (region_id,),
        )
    ]
    return int(branches), int(children), int(units), where


def scope_contents(ledger: Ledger, region_id: int) -> ScopeContents:
    """Whether the region (with all below it) holds any branch, pairing and activity: the empty tabs' hints.
    EXISTS stops at the first row, so a full region answers at once."""
    row = ledger.query(
        f"""
        WITH RECURSIVE {scope_sql(False)}
        SELECT
            EXISTS (SELECT 1 FROM branch b WHERE b.region_id IN (SELECT id FROM scope)) AS branches,
            EXISTS (
                SELECT 1 FROM branch g JOIN pairing p ON p.grassroots_id = g.id
                WHERE g.region_id IN (SELECT id FROM scope)
            ) AS pairings,
            EXISTS (
                SELECT 1 FROM branch g JOIN pairing p ON p.grassroots_id = g.id
                JOIN activity a ON a.pairing_id = p.id
                WHERE g.region_id IN (SELECT id FROM scope)
            ) AS activities
        """,
        {"region": region_id},
    )[0]
    return ScopeContents(bool(row["branches"]), bool(row["pairings"]), bool(row["activities"]))
