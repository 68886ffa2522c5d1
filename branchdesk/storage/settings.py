"""Settings stored in the ledger itself (they travel with the file)."""

from __future__ import annotations

import json
from typing import Any

from branchdesk.storage.ledger import Ledger


def get_setting(ledger: Ledger, key: str, default: Any = None) -> Any:
    value = ledger.scalar("SELECT value FROM setting WHERE key = ?", (key,))
    return default if value is None else json.loads(value)


def put_setting(ledger: Ledger, key: str, value: Any) -> None:
    """Within the caller's operation."""
    before = get_setting(ledger, key)
    encoded = json.dumps(value, ensure_ascii=False)
    ledger.conn.execute(
        "INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        (key, encoded, ledger.now()),
    )
    ledger.log_change("setting", key, "update", {"value": before}, {"value": value})
