"""History: the actions that changed one record or the whole ledger, one line each: when, which action,
what it concerned, and what it changed (each field before → after, or how many records)."""

from __future__ import annotations

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

from branchdesk.domain.changes import OperationEntry
from branchdesk.ui.action_names import action_label
from branchdesk.ui.history_text import Names, describe
from branchdesk.ui.labels import moment_text


class HistoryDialog(QDialog):
    def __init__(
        self,
        title: str,
        entries: list[OperationEntry],
        names: Names,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(title)
        self.resize(880, 480)
        heading = QLabel(title, self)
        self.table = QTableWidget(len(entries), 4, self)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Action"), self.tr("What"), self.tr("Change")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        for row, entry in enumerate(entries):
            cells = [
                moment_text(entry.at.astimezone()),
                action_label(entry.action),
                *describe(entry, names),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        empty = QLabel(self.tr("Nothing has been changed yet."), self)
        empty.setVisible(not entries)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table)
        layout.addWidget(empty)
        layout.addWidget(buttons)

    def rows(self) -> list[list[str]]:
        return [
            [
                item.text() if (item := self.table.item(row, column)) is not None else ""
                for column in range(self.table.columnCount())
            ]
            for row in range(self.table.rowCount())
        ]
