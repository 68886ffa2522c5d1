"""Bulk edit: set the tier, the optimised date or the region of every selected branch in one step."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from branchdesk.domain.enums import Tier
from branchdesk.domain.records import Region
from branchdesk.i18n.language import format_count
from branchdesk.services.branches import BulkEdit
from branchdesk.ui.labels import tier_label
from branchdesk.ui.widgets import OptionalDateEdit, SearchCombo


class BulkEditDialog(QDialog):
    def __init__(self, count: int, regions: Sequence[Region], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkEditDialog")
        self.setWindowTitle(self.tr("Bulk edit"))
        heading = QLabel(
            self.tr("Change {count} selected branches. Only the ticked fields change.").format(
                count=format_count(count)
            ),
            self,
        )
        heading.setWordWrap(True)
        self.set_tier = QCheckBox(self.tr("Tier"), self)
        self.set_tier.setObjectName("setTier")
        self.tier = QComboBox(self)
        self.tier.setObjectName("bulkTier")
        for tier in (*Tier, None):
            self.tier.addItem(tier_label(tier), tier)
        self.set_optimised = QCheckBox(self.tr("Optimised on"), self)
        self.set_optimised.setObjectName("setOptimised")
        self.optimised = OptionalDateEdit(self)
        self.optimised.setObjectName("bulkOptimised")
        self.set_region = QCheckBox(self.tr("Region"), self)
        self.set_region.setObjectName("setRegion")
        self.region = SearchCombo(self)
        self.region.setObjectName("bulkRegion")
        for region in regions:
            self.region.addItem(region.path, region.id)
        for box, widget in (
            (self.set_tier, self.tier),
            (self.set_optimised, self.optimised),
            (self.set_region, self.region),
        ):
            widget.setEnabled(False)
            box.toggled.connect(widget.setEnabled)
        note = QLabel(self.tr("The optimised date applies to organ branches only."), self)
        note.setStyleSheet("color: palette(mid);")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(heading)
        form.addRow(self.set_tier, self.tier)
        form.addRow(self.set_optimised, self.optimised)
        form.addRow(note)
        form.addRow(self.set_region, self.region)
        form.addRow(buttons)

    def edit(self) -> BulkEdit:
        changes: dict[str, object] = {}
        if self.set_tier.isChecked():
            tier = self.tier.currentData()  # Qt hands StrEnum item data back as plain str
            changes["tier"] = None if tier is None else Tier(tier)
        if self.set_optimised.isChecked():
            changes["optimised_on"] = self.optimised.day()
        region = self.region.chosen()
        if self.set_region.isChecked() and isinstance(region, int):
            changes["region_id"] = region
        return BulkEdit(**changes)  # type: ignore[arg-type]
