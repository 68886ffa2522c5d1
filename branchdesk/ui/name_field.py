"""The name of a region or unit in its dialog: a name longer than the ledger takes is refused beside the
field, and the dialog stays open with what was typed (the same rule as every other door)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from branchdesk.domain.branch_rules import name_too_long
from branchdesk.i18n.messages import message_text


class NameProblem(QLabel):
    """Under a name field: why the name cannot be saved, hidden while it can."""

    def __init__(self, field: QLineEdit, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("nameProblem")
        self.setStyleSheet("color: #c42b1c;")
        self.setWordWrap(True)
        self.hide()
        self._field = field
        field.textEdited.connect(lambda _: self.hide())

    def refuses(self) -> bool:
        """Show the reason and keep the focus in the field if the name is too long."""
        problem = name_too_long(self._field.text())
        if problem is None:
            self.hide()
            return False
        self.setText(message_text(problem.code, **problem.params))
        self.show()
        self._field.setFocus()
        return True
