"""Dialogs, one per file."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def exec_and_delete(dialog: QDialog) -> int:
    """Show a modal dialog; once closed it is deleted (on the UI thread, by Qt) rather than kept as a child
    of its parent for as long as the window lives, with the readers and models it holds."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
