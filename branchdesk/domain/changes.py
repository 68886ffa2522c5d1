"""What one user action changed: the result every writing service returns (one action = one operation)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Changed:
    """One committed operation: its id in the ledger's log, its action code and the tables it wrote."""

    operation_id: int
    action: str
    tables: frozenset[str]
    subject: str | None = None  # the name of the one record it concerned, for "Undo Edit branch “…”"

    def touches(self, *tables: str) -> bool:
        return not self.tables.isdisjoint(tables)

    def merged(self, earlier: Changed | None) -> Changed:
        """This operation and ``earlier`` ones as one, for who hears of them together: every table written."""
        if earlier is None:
            return self
        return Changed(self.operation_id, self.action, self.tables | earlier.tables, self.subject)


@dataclass(frozen=True)
class ChangeEntry:
    """A row of the change log as History shows it."""

    operation_id: int
    action: str
    at: dt.datetime
    entity: str
    entity_uuid: str
    change: str  # insert | update | delete
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def changed_fields(self) -> dict[str, tuple[Any, Any]]:
        """``{column: (before, after)}`` of the columns that differ, bookkeeping columns left out."""
        before = self.before or {}
        after = self.after or {}
        fields = {}
        for column in dict.fromkeys([*before, *after]):
            if column in _BOOKKEEPING:
                continue
            old, new = before.get(column), after.get(column)
            if old != new:
                fields[column] = (old, new)
        return fields


@dataclass(frozen=True)
class OperationEntry:
    """One user action as History shows it: one line, however many rows it wrote."""

    operation_id: int
    action: str
    at: dt.datetime
    counts: dict[tuple[str, str], int]  # (table, insert|update|delete) → rows
    changes: list[ChangeEntry]  # in the order made; all of them, or the first few of a large action


# name_key is the sort key of the name (storage/schema.py), never a change of its own.
_BOOKKEEPING = frozenset({"id", "uuid", "created_at", "updated_at", "name_key"})

UNDO_PREFIX = "undo:"
REDO_PREFIX = "redo:"


def undone_action(action: str) -> str:
    """The action an undo or redo operation reversed ("undo:branch.add" → "branch.add")."""
    for prefix in (UNDO_PREFIX, REDO_PREFIX):
        if action.startswith(prefix):
            return action[len(prefix) :]
    return action
