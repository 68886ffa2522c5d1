"""Input widgets the dialogs share: a date that may be left empty, a combo box one can type to search."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QDateEdit, QWidget

# The earliest date shown as "not set": earlier than any date the programme records.
_UNSET = QDate(1900, 1, 1)


class OptionalDateEdit(QDateEdit):
    """A calendar date picker whose lowest value reads as empty: a date can be cleared (Delete key)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(_UNSET)
        self.setSpecialValueText(" ")
        # yyyy-MM-dd is unambiguous in both languages and what Excel users type.
        self.setDisplayFormat("yyyy-MM-dd")
        self.set_day(None)

    def day(self) -> dt.date | None:
        value = self.date()
        if value == _UNSET:
            return None
        return dt.date(value.year(), value.month(), value.day())

    def set_day(self, day: dt.date | None) -> None:
        self.setDate(_UNSET if day is None else QDate(day.year, day.month, day.day))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Delete:
            self.set_day(None)
            return
        super().keyPressEvent(event)


class SearchCombo(QComboBox):
    """A combo box over many items that finds an item by any part of its text as one types."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)

    def select_data(self, value: object) -> None:
        index = self.findData(value)
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")

    def chosen(self) -> object:
        """The chosen item's data, or None when the typed text names no item."""
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchExactly)
        return None if index < 0 else self.itemData(index)
