"""Dialogs of assigned pairing: pick two unpaired branches, a unit with its community's grids, end a
pairing, re-pair. They collect choices; the tab runs the service through ``edits.run``."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.enums import EndReason
from branchdesk.domain.pairing_list import AssignedUnit, PairingRow, UnpairedBranch
from branchdesk.i18n.language import format_count
from branchdesk.services import pairings
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.labels import kind_label, tier_label
from branchdesk.ui.pairing_model import reason_label

PICKER_LIMIT = 200  # choices listed at once; typing narrows them (searched in SQL)


def date_edit(day: dt.date, parent: QWidget) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def day_of(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


def branch_text(branch: UnpairedBranch) -> str:
    parts = [kind_label(branch.kind), tier_label(branch.tier), branch.unit or branch.region]
    return f"{branch.name}（{' · '.join(parts)}）"


class BranchPicker(QWidget):
    """A search box over the unpaired branches of one side in a region, searched in SQL as one types."""

    SEARCH_DELAY_MS = 200

    def __init__(self, ledger: Ledger, region_id: int, *, organ_side: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self._region_id = region_id
        self._organ_side = organ_side
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Type part of a name or unit"))
        self.list = QListWidget(self)
        self.list.setMinimumHeight(220)
        self.count = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.count)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        found = pairings.unpaired(
            self._ledger,
            self._region_id,
            organ_side=self._organ_side,
            text=self.search.text(),
            limit=PICKER_LIMIT,
        )
        self.list.clear()
        for branch in found.branches:
            item = QListWidgetItem(branch_text(branch), self.list)
            item.setData(Qt.ItemDataRole.UserRole, branch.id)
        if found.total > len(found.branches):
            self.count.setText(
                self.tr("The first {shown} of {total}; type to narrow them").format(
                    shown=format_count(len(found.branches)), total=format_count(found.total)
                )
            )
        else:
            self.count.setText(self.tr("{total} unpaired").format(total=format_count(found.total)))
        if self.list.count():
            self.list.setCurrentRow(0)

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))


class AssignPairingDialog(QDialog):
    """Pair an organ branch with a grassroots branch by hand (指定结对)."""

    def __init__(self, ledger: Ledger, region_id: int, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assignPairingDialog")
        self.setWindowTitle(self.tr("Pair two branches"))
        self.organ = BranchPicker(ledger, region_id, organ_side=True, parent=self)
        self.organ.setObjectName("organPicker")
        self.grassroots = BranchPicker(ledger, region_id, organ_side=False, parent=self)
        self.grassroots.setObjectName("grassrootsPicker")
        self.started = date_edit(today, self)
        form = QFormLayout()
        form.addRow(self.tr("Organ branch"), self.organ)
        form.addRow(self.tr("Grassroots branch"), self.grassroots)
        form.addRow(self.tr("Paired from"), self.started)
        _finish(self, form)
        self.resize(640, 620)

    def choice(self) -> tuple[int, int, dt.date] | None:
        organ, grassroots = self.organ.chosen(), self.grassroots.chosen()
        if organ is None or grassroots is None:
            return None
        return organ, grassroots, day_of(self.started)


class UnitCommunityDialog(QDialog):
    """单位联社区、支部联网格: a city-level unit's branches with its community's grids, in one step."""

    def __init__(self, units: list[AssignedUnit], today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitCommunityDialog")
        self.setWindowTitle(self.tr("Pair a unit with its community's grids"))
        self.unit = QComboBox(self)
        for unit in units:
            self.unit.addItem(
                self.tr("{unit} → {community} ({organs} branches, {grids} grids unpaired)").format(
                    unit=unit.name,
                    community=unit.community,
                    organs=format_count(unit.unpaired_organs),
                    grids=format_count(unit.unpaired_grids),
                ),
                unit.id,
            )
        self.started = date_edit(today, self)
        form = QFormLayout()
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Paired from"), self.started)
        note = QLabel(
            self.tr("Each unpaired branch of the unit is paired with one unpaired grid, in name order.")
        )
        note.setWordWrap(True)
        form.addRow(note)
        _finish(self, form)

    def choice(self) -> tuple[int, dt.date] | None:
        unit = self.unit.currentData()
        return None if unit is None else (int(unit), day_of(self.started))


class EndPairingDialog(QDialog):
    def __init__(self, row: PairingRow, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("endPairingDialog")
        self.setWindowTitle(self.tr("End pairing"))
        self.ended = date_edit(today, self)
        self.reason = QComboBox(self)
        for reason in EndReason:
            self.reason.addItem(reason_label(reason), reason.value)
        self.note = QLineEdit(self)
        form = QFormLayout()
        form.addRow(QLabel(f"{row.organ} — {row.grassroots}", self))
        form.addRow(self.tr("Last day"), self.ended)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Note"), self.note)
        _finish(self, form)

    def choice(self) -> tuple[dt.date, EndReason, str]:
        return day_of(self.ended), EndReason(self.reason.currentData()), self.note.text().strip()


class RepairDialog(QDialog):
    """Re-pair: one branch of the pairing keeps going with a new partner; the old pairing ends."""

    def __init__(
        self, ledger: Ledger, region_id: int, row: PairingRow, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("repairDialog")
        self.setWindowTitle(self.tr("Re-pair"))
        self.keep_organ = QRadioButton(
            self.tr("Keep {organ}; choose a new grassroots branch").format(organ=row.organ)
        )
        self.keep_grassroots = QRadioButton(
            self.tr("Keep {grassroots}; choose a new organ branch").format(grassroots=row.grassroots)
        )
        group = QButtonGroup(self)
        group.addButton(self.keep_organ)
        group.addButton(self.keep_grassroots)
        self.keep_organ.setChecked(True)
        self.grassroots = BranchPicker(ledger, region_id, organ_side=False, parent=self)
        self.grassroots.setObjectName("grassrootsPicker")
        self.organ = BranchPicker(ledger, region_id, organ_side=True, parent=self)
        self.organ.setObjectName("organPicker")
        self.organ.hide()
        self.keep_organ.toggled.connect(self._show_picker)
        self.started = date_edit(today, self)
        form = QFormLayout()
        form.addRow(self.keep_organ)
        form.addRow(self.keep_grassroots)
        form.addRow(self.grassroots)
        form.addRow(self.organ)
        form.addRow(self.tr("New pairing from"), self.started)
        _finish(self, form)
        self.resize(620, 560)

    def _show_picker(self, keep_organ: bool) -> None:
        self.grassroots.setVisible(keep_organ)
        self.organ.setVisible(not keep_organ)

    def choice(self) -> tuple[int, dt.date] | None:
        picker = self.grassroots if self.keep_organ.isChecked() else self.organ
        partner = picker.chosen()
        return None if partner is None else (partner, day_of(self.started))


def _finish(dialog: QDialog, form: QFormLayout) -> None:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(buttons)
