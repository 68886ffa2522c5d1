"""Ledger settings: one call, one transaction."""

from __future__ import annotations

from typing import Any

from branchdesk.storage import settings as setting_store
from branchdesk.storage.ledger import Ledger


def ledger_setting(ledger: Ledger, key: str, default: Any = None) -> Any:
    return setting_store.get_setting(ledger, key, default)


def set_ledger_setting(ledger: Ledger, key: str, value: Any) -> None:
    with ledger.operation("setting.set"):
        setting_store.put_setting(ledger, key, value)
