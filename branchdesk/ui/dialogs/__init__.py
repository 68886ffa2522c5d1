"""Dialogs, one per file."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QDialog


def exec_and_delete(dialog: QDialog) -> int:
    """Show a modal dialog; once closed it is deleted, on the UI thread by Qt, rather than kept as a child
    of its parent for as long as the window lives, with the readers and models it holds.

    Its Python attributes go with it: its models, pages and readers refer back to it (their callbacks are
    its methods), a cycle that only Python's collector would free, at some later moment.
    """
    dialog.destroyed.connect(partial(_forget, vars(dialog)))
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


def exec_until_saved(dialog: QDialog, save: Callable[[], bool]) -> bool:
    """Show a modal dialog until what it holds is saved or the user cancels: a save the ledger refuses
    (a locked month, a rule only the file can check) shows why and brings the dialog back with everything
    typed into it, rather than losing it. Once closed it is deleted, as by :func:`exec_and_delete`."""
    dialog.destroyed.connect(partial(_forget, vars(dialog)))
    try:
        while dialog.exec():
            if save():
                return True
        return False
    finally:
        dialog.deleteLater()


def _forget(attributes: dict[str, object], *_destroyed: object) -> None:
    attributes.clear()
