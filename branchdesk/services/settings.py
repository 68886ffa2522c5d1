"""Ledger settings: one call, one transaction."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from branchdesk.domain.changes import Changed
from branchdesk.services.history import changed
from branchdesk.storage import settings as setting_store
from branchdesk.storage.ledger import Ledger


def ledger_setting(ledger: Ledger, key: str, default: Any = None) -> Any:
    return setting_store.get_setting(ledger, key, default)


def set_ledger_setting(ledger: Ledger, key: str, value: Any) -> Changed:
    return set_ledger_settings(ledger, {key: value})


def set_ledger_settings(ledger: Ledger, values: Mapping[str, Any]) -> Changed:
    """Several settings changed together (Tools ▸ Settings' OK): one undo step."""
    with ledger.operation("setting.set") as op:
        for key, value in values.items():
            setting_store.put_setting(ledger, key, value)
    return changed(ledger, op)
