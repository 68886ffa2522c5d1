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
        # A unit's whole name (潢川县人力资源和社会保障局) and its region's path in view: it opened 200 wide.
        self.setMinimumWidth(420)
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
        # The level follows the region (a unit of the city is 市直, of a county 县直) until the user picks
        # one: a fixed default counted city units as county-level in the figures.
        self._levels = {region.id: region.level for region in regions}
        self._level_picked = False
        self.region.currentTextChanged.connect(self._follow_region)
        self.level.activated.connect(self._pick_level)
        self.region.select_data(region_id)
        if self.region.currentIndex() < 0:
            self.region.setCurrentIndex(0)
        self._follow_region()
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

    def _pick_level(self) -> None:
        self._level_picked = True

    def _follow_region(self) -> None:
        if self._level_picked:
            return
        region = self.region.chosen()
        level = self._levels.get(region) if isinstance(region, int) else None
        unit_level = UnitLevel.CITY if level is RegionLevel.CITY else UnitLevel.COUNTY
        self.level.setCurrentIndex(self.level.findData(unit_level))

    def accept(self) -> None:
        if not self.name_problem.refuses():
            super().accept()

    def chosen(self) -> tuple[str, UnitLevel, int] | None:
        region = self.region.chosen()
        if not isinstance(region, int):
            return None
        return self.name.text(), UnitLevel(self.level.currentData()), region
