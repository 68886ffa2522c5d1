"""Dialogs of assigned pairing: pick two unpaired branches, a unit with its community's grids, end a
pairing, re-pair. They collect choices; the tab runs the service through ``edits.run``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.enums import EndReason
from branchdesk.domain.pairing_list import AssignedUnit, PairingRow, UnpairedBranch
from branchdesk.i18n.language import format_count
from branchdesk.services import pairings
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.labels import kind_label, reason_label, tier_label
from branchdesk.ui.widgets import DateLineEdit, MarkedField, check_all, problem_line, show_problem

PICKER_LIMIT = 200  # choices listed at once; typing narrows them (searched in SQL)


def date_field(day: dt.date, parent: QWidget) -> DateLineEdit:
    """A pairing's first or last day: today in sight, typed over in any form a clerk uses."""
    edit = DateLineEdit(parent)
    edit.set_value(day)
    return edit


def day_of(edit: DateLineEdit) -> dt.date:
    """The day of a field that passed ``check_all``."""
    day = edit.value()
    assert day is not None  # the dialog accepts only a field that holds a date
    return day


def confirm_cross_county(parent: QWidget, counties: tuple[str, str] | None) -> bool:
    """Pairing across two counties is done only when the user says so (the history then says 跨县结对)."""
    if counties is None:
        return True
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("PairingDialogs", "Pair across two counties?"),
        QCoreApplication.translate(
            "PairingDialogs",
            "The organ branch is in {organ_county} and the grassroots branch in {grassroots_county}. "
            "Pairs are normally made within one county. Pair them across the two counties?",
        ).format(organ_county=counties[0], grassroots_county=counties[1]),
    )
    return answer == QMessageBox.StandardButton.Yes


def branch_text(branch: UnpairedBranch) -> str:
    parts = [kind_label(branch.kind), tier_label(branch.tier), branch.unit or branch.region]
    return f"{branch.name}（{' · '.join(parts)}）"


class BranchPicker(QWidget):
    """A search box over the unpaired branches of one side in a region, searched in SQL as one types."""

    SEARCH_DELAY_MS = 200

    def __init__(self, ledger: Ledger, region_id: int, *, organ_side: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self._ledger = ledger
        # A township holds no organ branch: its villages pair with its county's (the list was empty).
        self._region_id = pairings.organ_scope(ledger, region_id) if organ_side else region_id
        self._organ_side = organ_side
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Type part of a name or unit"))
        self.list = QListWidget(self)
        self.list.setMinimumHeight(220)
        self.count = QLabel(self)
        self.problem = problem_line(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.count)
        layout.addWidget(self.problem)
        self.list.currentItemChanged.connect(lambda: show_problem(self.problem, None))
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
        chosen = self.chosen()
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
        # Nothing is chosen for the user; a choice made stays chosen while the list is narrowed.
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == chosen:
                self.list.setCurrentRow(row)

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def check(self, missing: str) -> bool:
        """Say ``missing`` under the list while no branch is chosen; True when one is."""
        return show_problem(self.problem, missing if self.chosen() is None else None)


class AssignPairingDialog(QDialog):
    """Pair an organ branch with a grassroots branch by hand (指定结对)."""

    def __init__(self, ledger: Ledger, region_id: int, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assignPairingDialog")
        self.setWindowTitle(self.tr("Pair two branches"))
        self._ledger = ledger
        self.cross_county = False  # the user confirmed pairing across two counties
        self.organ = BranchPicker(ledger, region_id, organ_side=True, parent=self)
        self.organ.setObjectName("organPicker")
        self.grassroots = BranchPicker(ledger, region_id, organ_side=False, parent=self)
        self.grassroots.setObjectName("grassrootsPicker")
        self.started = date_field(today, self)
        self.started.setObjectName("pairedFrom")
        form = QFormLayout()
        form.addRow(self.tr("Organ branch"), self.organ)
        form.addRow(self.tr("Grassroots branch"), self.grassroots)
        form.addRow(self.tr("Paired from"), MarkedField(self.started))
        finish_form(self, form, self._ready)
        self.resize(640, 620)

    def _ready(self) -> bool:
        organ = self.organ.check(self.tr("Choose the organ branch."))
        grassroots = self.grassroots.check(self.tr("Choose the grassroots branch."))
        if not (check_all(self.started) and organ and grassroots):
            return False
        choice = self.choice()
        assert choice is not None  # both were just checked
        counties = pairings.other_counties(self._ledger, choice[0], choice[1])
        self.cross_county = counties is not None
        return confirm_cross_county(self, counties)

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
        self.unit.setObjectName("pairedUnit")
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
        self.unit.setCurrentIndex(-1)  # chosen by the user, not the first of the list
        self.unit_problem = problem_line(self)
        self.unit.currentIndexChanged.connect(lambda: show_problem(self.unit_problem, None))
        self.started = date_field(today, self)
        form = QFormLayout()
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow("", self.unit_problem)
        form.addRow(self.tr("Paired from"), MarkedField(self.started))
        note = QLabel(
            self.tr("Each unpaired branch of the unit is paired with one unpaired grid, in name order.")
        )
        note.setWordWrap(True)
        form.addRow(note)
        finish_form(self, form, self._ready)

    def _ready(self) -> bool:
        unit = show_problem(
            self.unit_problem, self.tr("Choose the unit.") if self.unit.currentIndex() < 0 else None
        )
        return check_all(self.started) and unit

    def choice(self) -> tuple[int, dt.date] | None:
        unit = self.unit.currentData()
        return None if unit is None else (int(unit), day_of(self.started))


class EndPairingDialog(QDialog):
    def __init__(self, row: PairingRow, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("endPairingDialog")
        self.setWindowTitle(self.tr("End pairing"))
        self.ended = date_field(today, self)
        self.ended.setObjectName("lastDay")
        self.reason = QComboBox(self)
        self.reason.setObjectName("endReason")
        for reason in EndReason:
            self.reason.addItem(reason_label(reason), reason.value)
        self.reason.setCurrentIndex(-1)  # the user says why, it is not guessed
        self.reason_problem = problem_line(self)
        self.reason.currentIndexChanged.connect(lambda: show_problem(self.reason_problem, None))
        self.note = QLineEdit(self)
        form = QFormLayout()
        form.addRow(QLabel(f"{row.organ} — {row.grassroots}", self))
        form.addRow(self.tr("Last day"), MarkedField(self.ended))
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow("", self.reason_problem)
        form.addRow(self.tr("Note"), self.note)
        finish_form(self, form, self._ready)

    def _ready(self) -> bool:
        missing = self.tr("Choose why the pairing ends.") if self.reason.currentIndex() < 0 else None
        reason = show_problem(self.reason_problem, missing)  # marked with the date, at once
        return check_all(self.ended) and reason

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
        self._ledger = ledger
        self._pairing_id = row.id
        self.cross_county = False  # the user confirmed pairing across two counties
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
        self.started = date_field(today, self)
        form = QFormLayout()
        form.addRow(self.keep_organ)
        form.addRow(self.keep_grassroots)
        form.addRow(self.grassroots)
        form.addRow(self.organ)
        form.addRow(self.tr("New pairing from"), MarkedField(self.started))
        finish_form(self, form, self._ready)
        self.resize(620, 560)

    def _ready(self) -> bool:
        if self.keep_organ.isChecked():
            partner = self.grassroots.check(self.tr("Choose the new grassroots branch."))
        else:
            partner = self.organ.check(self.tr("Choose the new organ branch."))
        choice = self.choice() if check_all(self.started) and partner else None
        if choice is None:
            return False
        counties = pairings.repair_counties(self._ledger, self._pairing_id, choice[0])
        self.cross_county = counties is not None
        return confirm_cross_county(self, counties)

    def _show_picker(self, keep_organ: bool) -> None:
        self.grassroots.setVisible(keep_organ)
        self.organ.setVisible(not keep_organ)

    def choice(self) -> tuple[int, dt.date] | None:
        picker = self.grassroots if self.keep_organ.isChecked() else self.organ
        partner = picker.chosen()
        return None if partner is None else (partner, day_of(self.started))


def finish_form(dialog: QDialog, form: QFormLayout, ready: Callable[[], bool]) -> QDialogButtonBox:
    """OK and Cancel under ``form``; OK closes only once ``ready`` says every field is right."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )

    def try_accept() -> None:
        if ready():
            dialog.accept()

    buttons.accepted.connect(try_accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(buttons)
    return buttons
