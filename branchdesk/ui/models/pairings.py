"""The Pairings table as a thin lazy adapter over SQL: ids sorted and filtered in SQL, rows in batches."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from branchdesk.domain.pairing_list import PairingColumn, PairingFilter, PairingRow, PairingSort
from branchdesk.i18n.noop import QT_TRANSLATE_NOOP
from branchdesk.ui.labels import date_text, method_label, reason_label, tier_label
from branchdesk.ui.models.id_list import IdListModel, Index, WorkerQueries

COLUMNS = list(PairingColumn)

_HEADERS = {
    PairingColumn.ORGAN: QT_TRANSLATE_NOOP("PairingTable", "Organ branch"),
    PairingColumn.UNIT: QT_TRANSLATE_NOOP("PairingTable", "Unit"),
    PairingColumn.ORGAN_TIER: QT_TRANSLATE_NOOP("PairingTable", "Organ tier"),
    PairingColumn.GRASSROOTS: QT_TRANSLATE_NOOP("PairingTable", "Grassroots branch"),
    PairingColumn.REGION: QT_TRANSLATE_NOOP("PairingTable", "Region"),
    PairingColumn.GRASSROOTS_TIER: QT_TRANSLATE_NOOP("PairingTable", "Grassroots tier"),
    PairingColumn.METHOD: QT_TRANSLATE_NOOP("PairingTable", "Method"),
    PairingColumn.STARTED: QT_TRANSLATE_NOOP("PairingTable", "Started on"),
    PairingColumn.ENDED: QT_TRANSLATE_NOOP("PairingTable", "Ended on"),
    PairingColumn.REASON: QT_TRANSLATE_NOOP("PairingTable", "End reason"),
}
_ENDED_COLOUR = QColor(130, 130, 130)

PairingWorker = WorkerQueries[PairingRow, PairingFilter, PairingSort]
IdsQuery = Callable[[PairingFilter, PairingSort], list[int]]
RowsQuery = Callable[[Sequence[int]], list[PairingRow]]


def _cell(row: PairingRow, column: PairingColumn) -> str:
    match column:
        case PairingColumn.ORGAN:
            return row.organ
        case PairingColumn.UNIT:
            return row.unit or ""
        case PairingColumn.ORGAN_TIER:
            return tier_label(row.organ_tier)
        case PairingColumn.GRASSROOTS:
            return row.grassroots
        case PairingColumn.REGION:
            return row.region
        case PairingColumn.GRASSROOTS_TIER:
            return tier_label(row.grassroots_tier)
        case PairingColumn.METHOD:
            name = method_label(row.method)
            return name if row.draw_id is None else f"{name} #{row.draw_id}"
        case PairingColumn.STARTED:
            return date_text(row.started_on)
        case PairingColumn.ENDED:
            return date_text(row.ended_on)
        case PairingColumn.REASON:
            return "" if row.end_reason is None else reason_label(row.end_reason)


def _export_value(row: PairingRow, column: PairingColumn) -> object:
    """Dates as dates in Export view, so Excel sorts and filters them as dates."""
    if column is PairingColumn.STARTED:
        return row.started_on
    if column is PairingColumn.ENDED:
        return row.ended_on
    return _cell(row, column)


class PairingTableModel(IdListModel[PairingRow, PairingFilter, PairingSort]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, _HEADERS, "PairingTable", PairingFilter(), PairingSort(), parent)

    def set_source(
        self,
        ids: IdsQuery,
        rows: RowsQuery,
        worker: WorkerQueries[PairingRow, PairingFilter, PairingSort] | None = None,
    ) -> None:
        self.set_queries(ids, rows, worker=worker)

    def sort_for(self, column: int, descending: bool) -> PairingSort:
        return PairingSort(COLUMNS[column], descending)

    def export_value(self, row: PairingRow, column: Any) -> object:
        return _export_value(row, column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _cell(row, COLUMNS[index.column()])
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QBrush(_ENDED_COLOUR)
        return None
