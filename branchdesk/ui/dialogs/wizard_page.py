"""What the wizards' pages share: a line in red that says what stops the next step."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWizard, QWizardPage

ERROR_STYLE = "color: #B00020;"


class MessagePage(QWizardPage):
    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
