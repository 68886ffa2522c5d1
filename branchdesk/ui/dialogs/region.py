"""A region's name and official code (add or edit), and where to move a township."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from branchdesk.domain.records import Region
from branchdesk.ui.name_field import NameProblem
from branchdesk.ui.widgets import SearchCombo


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class RegionDialog(QDialog):
    def __init__(
        self, title: str, name: str = "", code: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("regionDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        self.name = QLineEdit(name, self)
        self.name.setObjectName("regionName")
        self.code = QLineEdit(code or "", self)
        self.code.setObjectName("regionCode")
        self.code.setPlaceholderText(self.tr("e.g. 411526 (optional)"))
        self.name_problem = NameProblem(self.name, self)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.name_problem)
        form.addRow(self.tr("Official code"), self.code)
        form.addRow(_buttons(self))

    def accept(self) -> None:
        if not self.name_problem.refuses():
            super().accept()


class MoveRegionDialog(QDialog):
    def __init__(self, region: str, parents: Sequence[Region], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moveRegionDialog")
        self.setWindowTitle(self.tr("Move region"))
        self.parents = SearchCombo(self)
        self.parents.setObjectName("newParent")
        for candidate in parents:
            self.parents.addItem(candidate.path, candidate.id)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Move “{region}” and its branches to:").format(region=region), self))
        form.addRow(self.tr("County"), self.parents)
        form.addRow(_buttons(self))

    def chosen(self) -> int | None:
        value = self.parents.chosen()
        return value if isinstance(value, int) else None
