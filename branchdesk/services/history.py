"""Undo and redo of whole user actions, and the change history shown to the user.

Undo reverses one operation as a new operation, so the file always holds what the user sees, each step is
saved at once, and the history tells undo and redo apart. The stacks live for one window session.
"""

from __future__ import annotations

from branchdesk.domain.changes import (
    REDO_PREFIX,
    UNDO_PREFIX,
    Changed,
    ChangeEntry,
    OperationEntry,
    undone_action,
)
from branchdesk.storage import history as history_store
from branchdesk.storage.ledger import Ledger


class UndoHistory:
    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger
        self._undo: list[Changed] = []
        self._redo: list[Changed] = []

    def record(self, done: Changed) -> None:
        """A new action: it can be undone, and what was undone before it can no longer be redone."""
        self._undo.append(done)
        self._redo.clear()

    def next_undo(self) -> Changed | None:
        return self._undo[-1] if self._undo else None

    def next_redo(self) -> Changed | None:
        return self._redo[-1] if self._redo else None

    def undo(self) -> Changed:
        done = self._undo[-1]
        reversed_ = history_store.reverse(
            self._ledger, done.operation_id, UNDO_PREFIX + undone_action(done.action)
        )
        self._undo.pop()
        # The redo entry names the original action, so the menu reads "Redo Add branch".
        self._redo.append(_renamed(reversed_, done))
        return reversed_

    def redo(self) -> Changed:
        undone = self._redo[-1]
        redone = history_store.reverse(
            self._ledger, undone.operation_id, REDO_PREFIX + undone_action(undone.action)
        )
        self._redo.pop()
        self._undo.append(_renamed(redone, undone))
        return redone

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()


def _renamed(done: Changed, like: Changed) -> Changed:
    return Changed(done.operation_id, undone_action(like.action), done.tables, like.subject)


def changed(ledger: Ledger, operation_id: int) -> Changed:
    return history_store.changed(ledger, operation_id)


def record_actions(ledger: Ledger, entity_uuid: str) -> list[OperationEntry]:
    """The actions that changed one record, newest first: Ctrl+H."""
    return history_store.record_operations(ledger, entity_uuid)


def ledger_actions(ledger: Ledger, limit: int = 1000) -> list[OperationEntry]:
    """The newest ``limit`` actions of the whole ledger, newest first: Edit ▸ Ledger history."""
    return history_store.operations(ledger, limit)


def reference_names(ledger: Ledger, entries: list[ChangeEntry]) -> dict[tuple[str, int], str]:
    """``{(column, id): name}`` for the ids in ``entries`` (a region's id shown as its name, a pairing's
    as its two branches)."""
    wanted: dict[str, set[int]] = {}
    for entry in entries:
        for column, value in [*(entry.before or {}).items(), *(entry.after or {}).items()]:
            table = history_store.REFERENCE_COLUMNS.get(column)
            if table is not None and isinstance(value, int):
                wanted.setdefault(table, set()).add(value)
    names: dict[tuple[str, int], str] = {}
    for column, table in history_store.REFERENCE_COLUMNS.items():
        for row_id, name in history_store.names_of(ledger, table, wanted.get(table, set())).items():
            names[(column, row_id)] = name
    return names
