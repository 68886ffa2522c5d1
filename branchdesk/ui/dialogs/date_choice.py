"""Ask for one date (the day branches were archived, say), today by default."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from branchdesk.ui.widgets import OptionalDateEdit


class DateDialog(QDialog):
    def __init__(self, title: str, prompt: str, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dateDialog")
        self.setWindowTitle(title)
        self.date = OptionalDateEdit(self)
        self.date.setObjectName("chosenDate")
        self.date.set_day(day)
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(label)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(buttons)

    def day(self) -> dt.date | None:
        return self.date.day()
