"""Tools ▸ Locked months: lock a month once it has been reported upward, and unlock one with a reason
(DESIGN.md §9; the same rule as `branchdesk-cli lock` / `unlock`, services/month_locks.py). While a month is
locked no change into it is written, whatever the path. Both are undoable user actions in the history.
A ledger holds a handful of locks, read on the UI thread."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.months import Month
from branchdesk.i18n.language import format_month
from branchdesk.services.month_locks import lock_month, locked_months, unlock_month
from branchdesk.services.regions import list_regions
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.month_locks import LockedMonth
from branchdesk.ui.edits import LedgerEdits
from branchdesk.ui.labels import current_language, date_text
from branchdesk.ui.models.result_table import Cell, ResultTableModel
from branchdesk.ui.widgets import MarkedField, MonthLineEdit, check_all


def _stamp_day(stamp: str | None) -> str:
    return date_text(dt.date.fromisoformat(stamp[:10])) if stamp else ""


class MonthLocksDialog(QDialog):
    def __init__(
        self, ledger: Ledger, edits: LedgerEdits, region_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("monthLocksDialog")
        self.setWindowTitle(self.tr("Locked months"))
        self._ledger, self._edits = ledger, edits
        # The region a new lock covers, with its subtree: the one chosen in the tree, else the ledger's own.
        self._region = next((r for r in list_regions(ledger) if r.id == region_id), None)
        intro = QLabel(
            self.tr(
                "Lock a month once its figures have been reported upward: no change into it is written "
                "afterwards — typed, imported or from a package — until it is unlocked with a reason."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.month = MonthLineEdit(self, keep_enter=True)
        self.month.setObjectName("lockMonth")
        self.month.set_value(Month.of(ledger.clock.today()).previous())
        self.month.returnPressed.connect(self.lock)
        where = QLabel(
            self.tr("for {region} and the regions below it").format(region=self._region.path)
            if self._region is not None
            else self.tr("for the whole ledger"),
            self,
        )
        where.setObjectName("lockRegion")
        self.lock_button = QPushButton(self.tr("&Lock"), self)
        self.lock_button.setObjectName("lockButton")
        self.lock_button.clicked.connect(self.lock)
        lock_row = QHBoxLayout()
        lock_row.addWidget(QLabel(self.tr("Month"), self))
        lock_row.addWidget(MarkedField(self.month, beside=True))
        lock_row.addWidget(where, 1)
        lock_row.addWidget(self.lock_button)

        self.model: ResultTableModel[LockedMonth] = ResultTableModel(self._cell, self)
        self.table = QTableView(self)
        self.table.setObjectName("lockTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self.reason = QLineEdit(self)
        self.reason.setObjectName("unlockReason")
        self.reason.setPlaceholderText(self.tr("Why the month is opened again (kept in the history)"))
        self.reason.returnPressed.connect(self.unlock)
        self.reason.textChanged.connect(self._enable)
        self.unlock_button = QPushButton(self.tr("&Unlock the selected month"), self)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.clicked.connect(self.unlock)
        unlock_row = QHBoxLayout()
        unlock_row.addWidget(QLabel(self.tr("Reason"), self))
        unlock_row.addWidget(self.reason, 1)
        unlock_row.addWidget(self.unlock_button)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        # Enter acts in its own field (the month locks, the reason unlocks); no button is the default,
        # which Enter in the reason clicked too (Lock, locking the month left in the field above).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(lock_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(unlock_row)
        layout.addWidget(buttons)
        self.resize(760, 420)
        self.refresh()
        self.table.selectionModel().selectionChanged.connect(self._enable)
        edits.changed.connect(self.refresh)  # an undo of a lock, made while the dialog is open

    def _cell(self, lock: LockedMonth, column: int) -> Cell:
        year, month = (int(part) for part in lock.month.split("-"))
        if column == 0:
            return Cell(format_month(year, month, current_language()))
        if column == 1:
            return Cell(lock.region_path)
        if column == 2:
            return Cell(_stamp_day(lock.locked_at))
        if column == 3:
            return Cell(_stamp_day(lock.unlocked_at) or self.tr("locked"))
        return Cell(lock.unlock_reason or "")

    def refresh(self) -> None:
        """Every lock, open or unlocked (with the reason): the history of what was reported."""
        self.model.show(
            [
                self.tr("Month"),
                self.tr("Region"),
                self.tr("Locked on"),
                self.tr("Unlocked on"),
                self.tr("Reason"),
            ],
            locked_months(self._ledger, with_unlocked=True),
        )
        self._enable()

    def selected(self) -> LockedMonth | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _enable(self) -> None:
        lock = self.selected()
        writable = self._edits.writable
        self.lock_button.setEnabled(writable)
        self.unlock_button.setEnabled(
            writable and lock is not None and lock.unlocked_at is None and bool(self.reason.text().strip())
        )

    def lock(self) -> None:
        if not check_all(self.month):
            return
        month = self.month.value()
        if month is None:
            return
        region = self._region.path if self._region is not None else None
        if self._edits.run(lambda ledger: lock_month(ledger, month, region), self) is not None:
            self._select(str(month))

    def unlock(self) -> None:
        lock = self.selected()
        if lock is None or not self.unlock_button.isEnabled():
            return
        month = Month.parse(lock.month)
        reason = self.reason.text()
        done = self._edits.run(lambda ledger: unlock_month(ledger, month, reason, lock.region_path), self)
        if done is not None:
            self.reason.clear()

    def _select(self, month: str) -> None:
        for row in range(self.model.rowCount()):
            found = self.model.row_at(row)
            if found.month == month and found.unlocked_at is None:
                self.table.selectRow(row)
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                return
