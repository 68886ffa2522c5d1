"""File ▸ Restore…: the ledger's backups with their dates, sizes and contents; pick one to restore."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchdesk.i18n.language import format_count
from branchdesk.i18n.noop import QT_TRANSLATE_NOOP
from branchdesk.services.backups import BackupInfo
from branchdesk.ui.labels import moment_text

_REASONS = {
    "auto": QT_TRANSLATE_NOOP("RestoreDialog", "automatic"),
    "manual": QT_TRANSLATE_NOOP("RestoreDialog", "by hand"),
    "migration": QT_TRANSLATE_NOOP("RestoreDialog", "before an upgrade"),
    "before-restore": QT_TRANSLATE_NOOP("RestoreDialog", "before a restore"),
    "damaged": QT_TRANSLATE_NOOP("RestoreDialog", "damaged file kept"),
}


class RestoreDialog(QDialog):
    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.backups = backups
        note = QLabel(
            self.tr("The ledger is replaced by the backup you choose. The current file is backed up first."),
            self,
        )
        note.setWordWrap(True)
        self.table = QTableWidget(len(backups), 5, self)
        self.table.setObjectName("backupTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Taken"), self.tr("Why"), self.tr("Size"), self.tr("Branches"), self.tr("Activities")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, info in enumerate(backups):
            taken = moment_text(info.taken_at)
            counts = info.counts
            cells = [
                taken,
                self.tr(_REASONS.get(info.reason, info.reason)),
                f"{info.size / 2**20:.1f} MB",
                self.tr("unreadable") if counts is None else format_count(counts[0]),
                "" if counts is None else format_count(counts[2]),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if backups:
            self.table.selectRow(0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(bool(backups))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(620, 380)

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None
