"""Ask for one date (the day branches were archived, say), today by default."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from branchdesk.ui.widgets import DateLineEdit, MarkedField, check_all


class DateDialog(QDialog):
    def __init__(self, title: str, prompt: str, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dateDialog")
        self.setWindowTitle(title)
        self.date = DateLineEdit(self)
        self.date.setObjectName("chosenDate")
        self.date.set_value(day)
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(label)
        form.addRow(self.tr("Date"), MarkedField(self.date))
        form.addRow(buttons)

    def _try_accept(self) -> None:
        if check_all(self.date):
            self.accept()

    def day(self) -> dt.date | None:
        return self.date.value()
