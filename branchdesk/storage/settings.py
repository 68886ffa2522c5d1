"""Settings stored in the ledger itself (they travel with the file)."""

from __future__ import annotations

import json
from typing import Any

from branchdesk.storage.ledger import Ledger


def get_setting(ledger: Ledger, key: str, default: Any = None) -> Any:
    value = ledger.scalar("SELECT value FROM setting WHERE key = ?", (key,))
    return default if value is None else json.loads(value)


def _row(ledger: Ledger, key: str) -> dict[str, Any] | None:
    found = ledger.query("SELECT key, value, updated_at FROM setting WHERE key = ?", (key,))
    return found[0] if found else None


def put_setting(ledger: Ledger, key: str, value: Any) -> None:
    """Within the caller's operation. The log holds the whole row before and after, as for every table, so
    that undo puts it back (storage/history.py finds a setting by its key)."""
    before = _row(ledger, key)
    after = {"key": key, "value": json.dumps(value, ensure_ascii=False), "updated_at": ledger.now()}
    ledger.conn.execute(
        "INSERT INTO setting (key, value, updated_at) VALUES (:key, :value, :updated_at)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        after,
    )
    ledger.log_change("setting", key, "insert" if before is None else "update", before, after)
