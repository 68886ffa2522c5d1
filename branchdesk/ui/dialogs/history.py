"""History: the change log of one record or of the whole ledger: when, what, each field before → after."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
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

from branchdesk.domain.changes import ChangeEntry
from branchdesk.i18n.noop import QT_TRANSLATE_NOOP
from branchdesk.ui.action_names import action_label
from branchdesk.ui.labels import moment_text

_FIELDS = {
    "name": QT_TRANSLATE_NOOP("HistoryDialog", "name"),
    "kind": QT_TRANSLATE_NOOP("HistoryDialog", "kind"),
    "region_id": QT_TRANSLATE_NOOP("HistoryDialog", "region"),
    "parent_id": QT_TRANSLATE_NOOP("HistoryDialog", "parent region"),
    "code": QT_TRANSLATE_NOOP("HistoryDialog", "official code"),
    "unit_id": QT_TRANSLATE_NOOP("HistoryDialog", "unit"),
    "community_id": QT_TRANSLATE_NOOP("HistoryDialog", "community"),
    "tier": QT_TRANSLATE_NOOP("HistoryDialog", "tier"),
    "secretary": QT_TRANSLATE_NOOP("HistoryDialog", "secretary"),
    "phone": QT_TRANSLATE_NOOP("HistoryDialog", "phone"),
    "member_count": QT_TRANSLATE_NOOP("HistoryDialog", "members"),
    "optimised_on": QT_TRANSLATE_NOOP("HistoryDialog", "optimised on"),
    "established_on": QT_TRANSLATE_NOOP("HistoryDialog", "established on"),
    "archived_on": QT_TRANSLATE_NOOP("HistoryDialog", "archived on"),
    "note": QT_TRANSLATE_NOOP("HistoryDialog", "note"),
    "organ_id": QT_TRANSLATE_NOOP("HistoryDialog", "organ branch"),
    "grassroots_id": QT_TRANSLATE_NOOP("HistoryDialog", "grassroots branch"),
    "started_on": QT_TRANSLATE_NOOP("HistoryDialog", "started on"),
    "ended_on": QT_TRANSLATE_NOOP("HistoryDialog", "ended on"),
    "end_reason": QT_TRANSLATE_NOOP("HistoryDialog", "end reason"),
    "held_on": QT_TRANSLATE_NOOP("HistoryDialog", "held on"),
    "type": QT_TRANSLATE_NOOP("HistoryDialog", "type"),
    "volunteers": QT_TRANSLATE_NOOP("HistoryDialog", "volunteers"),
}
_CHANGES = {
    "insert": QT_TRANSLATE_NOOP("HistoryDialog", "added"),
    "update": QT_TRANSLATE_NOOP("HistoryDialog", "changed"),
    "delete": QT_TRANSLATE_NOOP("HistoryDialog", "removed"),
}
_EMPTY = QT_TRANSLATE_NOOP("HistoryDialog", "(empty)")


def _translate(text: str) -> str:
    return QCoreApplication.translate("HistoryDialog", text)


def _value(column: str, value: Any, names: dict[tuple[str, int], str]) -> str:
    if value is None or value == "":
        return _translate(_EMPTY)
    if isinstance(value, int) and (column, value) in names:
        return names[(column, value)]
    return str(value)


def describe_change(entry: ChangeEntry, names: dict[tuple[str, int], str]) -> str:
    """ "tier: (empty) → weak; secretary: 李明 → 王芳" for an update; the record's name otherwise."""
    if entry.change != "update":
        values = entry.after or entry.before or {}
        return str(values.get("name") or values.get("area") or "")
    parts = []
    for column, (old, new) in entry.changed_fields().items():
        label = _translate(_FIELDS.get(column, column))
        parts.append(f"{label}: {_value(column, old, names)} → {_value(column, new, names)}")
    return "; ".join(parts)


class HistoryDialog(QDialog):
    def __init__(
        self,
        title: str,
        entries: list[ChangeEntry],
        names: dict[tuple[str, int], str],
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
                self.tr(_CHANGES.get(entry.change, entry.change)),
                describe_change(entry, names),
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
