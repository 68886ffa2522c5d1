"""Regions: the city → county → township tree."""

from __future__ import annotations

from branchdesk.domain.enums import RegionLevel
from branchdesk.domain.records import Region
from branchdesk.storage.ledger import Ledger

_TREE = """
WITH RECURSIVE tree(id, path) AS (
    SELECT id, name FROM region WHERE parent_id IS NULL
    UNION ALL
    SELECT r.id, tree.path || '/' || r.name FROM region r JOIN tree ON r.parent_id = tree.id
)
SELECT r.id, r.uuid, r.name, r.level, r.parent_id, r.code, tree.path
FROM region r JOIN tree ON tree.id = r.id
ORDER BY tree.path
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


def scope_sql(direct: bool) -> str:
    """A CTE ``scope(id)`` of the region ``:region`` alone, or with all its descendants."""
    if direct:
        return "scope(id) AS (SELECT :region)"
    return (
        "scope(id) AS (SELECT :region UNION ALL "
        "SELECT region.id FROM region JOIN scope ON region.parent_id = scope.id)"
    )
