"""Bulk edit: set the tier, the optimised date or the region of every selected branch in one step."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.enums import Tier
from branchdesk.domain.records import Region
from branchdesk.i18n.language import format_count
from branchdesk.services.branches import BulkEdit
from branchdesk.ui.labels import tier_label
from branchdesk.ui.widgets import (
    DateLineEdit,
    MarkedField,
    SearchCombo,
    check_all,
    problem_line,
    show_problem,
)


def _with_line(widget: QWidget, line: QLabel) -> QWidget:
    box = QWidget(widget.parentWidget())
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    widget.setParent(box)
    layout.addWidget(widget)
    layout.addWidget(line)
    return box


class BulkEditDialog(QDialog):
    def __init__(self, count: int, regions: Sequence[Region], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkEditDialog")
        self.setWindowTitle(self.tr("Bulk edit"))
        self.setMinimumWidth(560)  # a refused date's reason on two lines at most
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
        self.tier.setCurrentIndex(-1)  # a ticked tier is chosen by the clerk, never 好 by default
        self.tier_problem = problem_line(self)
        self.set_optimised = QCheckBox(self.tr("Optimised on"), self)
        self.set_optimised.setObjectName("setOptimised")
        self.optimised = DateLineEdit(self, optional=True)
        self.optimised.setObjectName("bulkOptimised")
        self.set_region = QCheckBox(self.tr("Region"), self)
        self.set_region.setObjectName("setRegion")
        self.region = SearchCombo(self)
        self.region.setObjectName("bulkRegion")
        for region in regions:
            self.region.addItem(region.path, region.id)
        self.region.setCurrentIndex(-1)
        self.region_problem = problem_line(self)
        for box, widget in (
            (self.set_tier, self.tier),
            (self.set_optimised, self.optimised),
            (self.set_region, self.region),
        ):
            widget.setEnabled(False)
            box.toggled.connect(widget.setEnabled)
        note = QLabel(
            self.tr("The optimised date applies to organ branches only; leave it empty to clear it."), self
        )
        note.setStyleSheet("color: palette(mid);")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(heading)
        form.addRow(self.set_tier, _with_line(self.tier, self.tier_problem))
        form.addRow(self.set_optimised, MarkedField(self.optimised))
        form.addRow(note)
        form.addRow(self.set_region, _with_line(self.region, self.region_problem))
        form.addRow(buttons)

    def _try_accept(self) -> None:
        """A ticked field must say what to set: a chosen tier, a real date (or none), a known region."""
        tier_missing = self.set_tier.isChecked() and self.tier.currentIndex() < 0
        region_missing = self.set_region.isChecked() and not isinstance(self.region.chosen(), int)
        show_problem(self.tier_problem, self.tr("Choose the tier to set.") if tier_missing else None)
        show_problem(
            self.region_problem, self.tr("Choose the region to move them to.") if region_missing else None
        )
        dates_ok = not self.set_optimised.isChecked() or check_all(self.optimised)
        if dates_ok and not tier_missing and not region_missing:
            self.accept()

    def edit(self) -> BulkEdit:
        changes: dict[str, object] = {}
        if self.set_tier.isChecked():
            tier = self.tier.currentData()  # Qt hands StrEnum item data back as plain str
            changes["tier"] = None if tier is None else Tier(tier)
        if self.set_optimised.isChecked():
            changes["optimised_on"] = self.optimised.value()
        region = self.region.chosen()
        if self.set_region.isChecked() and isinstance(region, int):
            changes["region_id"] = region
        return BulkEdit(**changes)  # type: ignore[arg-type]
