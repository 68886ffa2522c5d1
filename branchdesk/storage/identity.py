"""Who a ledger is in the chain of offices (DESIGN.md §9): its ledger_id and the region it is authoritative
for, kept in the one row of ``ledger_identity`` (schema.py, migration 6)."""

from __future__ import annotations

from dataclasses import dataclass

from branchdesk.storage.ledger import Ledger


@dataclass(frozen=True)
class LedgerIdentity:
    ledger_id: str
    scope_region_id: int | None  # None: the ledger has no region, or several top regions
    scope_uuid: str | None


# A ledger's home, as RegionChain.home() names it: the one top region, then down while a region has one
# child (migration 6 applies the same rule once; its text never changes, so it is not shared).
_HOME = """
WITH RECURSIVE home(id, depth) AS (
    SELECT id, 0 FROM region
    WHERE parent_id IS NULL AND (SELECT count(*) FROM region WHERE parent_id IS NULL) = 1
    UNION ALL
    SELECT r.id, home.depth + 1 FROM region r JOIN home ON r.parent_id = home.id
    WHERE (SELECT count(*) FROM region c WHERE c.parent_id = home.id) = 1
) SELECT id FROM home ORDER BY depth DESC LIMIT 1
"""


def identity(ledger: Ledger) -> LedgerIdentity:
    """Who the ledger is; a ledger whose scope was never set (made without a region chain, its regions added
    later, or generated as a demo) is authoritative for its home as it stands."""
    row = ledger.query("SELECT ledger_id, scope_region_id FROM ledger_identity WHERE id = 1")[0]
    scope = row["scope_region_id"] if row["scope_region_id"] is not None else ledger.scalar(_HOME)
    scope_uuid = None if scope is None else ledger.scalar("SELECT uuid FROM region WHERE id = ?", (scope,))
    return LedgerIdentity(row["ledger_id"], scope, scope_uuid)


def set_scope(ledger: Ledger, region_id: int) -> None:
    """Set while the ledger is created (services/ledgers.py); outside the change log, as no undo may
    change which offices' packages a ledger speaks for."""
    ledger.conn.execute("UPDATE ledger_identity SET scope_region_id = ? WHERE id = 1", (region_id,))


def region_id(ledger: Ledger, region_uuid: str) -> int | None:
    found = ledger.scalar("SELECT id FROM region WHERE uuid = ?", (region_uuid,))
    return None if found is None else int(found)


def same_place(ledger: Ledger, code: str | None, level: str, name: str, parent_id: int | None) -> int | None:
    """The region here that is the place another ledger's region stands for: the one with its official
    code, or, where either has no code, the one of its level and name under the same parent."""
    if code:
        found = ledger.scalar("SELECT id FROM region WHERE code = ?", (code,))
        if found is not None:
            return int(found)
    rows = ledger.query(
        "SELECT id, code FROM region WHERE level = ? AND name = ? AND parent_id IS ?",
        (level, name, parent_id),
    )
    if not rows or (code and rows[0]["code"]):  # two codes that differ: two places
        return None
    return int(rows[0]["id"])
