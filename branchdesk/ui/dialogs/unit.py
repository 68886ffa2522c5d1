"""A new unit (机关单位) for organ branches: its name, level and region."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from branchdesk.domain.enums import RegionLevel, UnitLevel
from branchdesk.domain.records import Region
from branchdesk.ui.labels import unit_level_label
from branchdesk.ui.name_field import NameProblem
from branchdesk.ui.widgets import SearchCombo


class UnitDialog(QDialog):
    def __init__(
        self, regions: Sequence[Region], region_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unitDialog")
        self.setWindowTitle(self.tr("New unit"))
        self.name = QLineEdit(self)
        self.name.setObjectName("unitName")
        self.level = QComboBox(self)
        self.level.setObjectName("unitLevel")
        for level in UnitLevel:
            self.level.addItem(unit_level_label(level), level)
        self.region = SearchCombo(self)
        self.region.setObjectName("unitRegion")
        for region in regions:
            if region.level is not RegionLevel.TOWNSHIP:
                self.region.addItem(region.path, region.id)
        self.region.select_data(region_id)
        if self.region.currentIndex() < 0:
            self.region.setCurrentIndex(0)
        self.level.setCurrentIndex(self.level.findData(UnitLevel.COUNTY))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.name_problem = NameProblem(self.name, self)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.name_problem)
        form.addRow(self.tr("Level"), self.level)
        form.addRow(self.tr("Region"), self.region)
        form.addRow(buttons)

    def accept(self) -> None:
        if not self.name_problem.refuses():
            super().accept()

    def chosen(self) -> tuple[str, UnitLevel, int] | None:
        region = self.region.chosen()
        if not isinstance(region, int):
            return None
        return self.name.text(), UnitLevel(self.level.currentData()), region
