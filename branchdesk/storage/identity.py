"""Who a ledger is in the chain of offices (DESIGN.md §9): its ledger_id and the region it is authoritative
for, kept in the one row of ``ledger_identity`` (schema.py, migration 6)."""

from __future__ import annotations

from dataclasses import dataclass

from branchdesk.storage.ledger import Ledger


@dataclass(frozen=True)
class LedgerIdentity:
    ledger_id: str
    scope_region_id: int | None  # None: the ledger has no region yet
    scope_uuid: str | None


def identity(ledger: Ledger) -> LedgerIdentity:
    row = ledger.query(
        "SELECT i.ledger_id, i.scope_region_id, r.uuid FROM ledger_identity i"
        " LEFT JOIN region r ON r.id = i.scope_region_id WHERE i.id = 1"
    )[0]
    return LedgerIdentity(row["ledger_id"], row["scope_region_id"], row["uuid"])


def set_scope(ledger: Ledger, region_id: int) -> None:
    """Set while the ledger is created (services/ledgers.py); outside the change log, as no undo may
    change which offices' packages a ledger speaks for."""
    ledger.conn.execute("UPDATE ledger_identity SET scope_region_id = ? WHERE id = 1", (region_id,))


def region_id(ledger: Ledger, region_uuid: str) -> int | None:
    found = ledger.scalar("SELECT id FROM region WHERE uuid = ?", (region_uuid,))
    return None if found is None else int(found)
