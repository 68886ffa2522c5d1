"""The Pairings table as a thin lazy adapter over SQL: ids sorted and filtered in SQL, rows in batches."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from branchdesk.domain.enums import EndReason, PairingMethod
from branchdesk.domain.pairing_list import PairingColumn, PairingFilter, PairingRow, PairingSort
from branchdesk.i18n.noop import QT_TRANSLATE_NOOP
from branchdesk.ui.labels import date_text, tier_label

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
METHOD_NAMES = {
    PairingMethod.ASSIGNED: QT_TRANSLATE_NOOP("PairingTable", "Assigned"),
    PairingMethod.DRAW: QT_TRANSLATE_NOOP("PairingTable", "Draw"),
}
REASON_NAMES = {
    EndReason.MERGED: QT_TRANSLATE_NOOP("PairingTable", "Merged"),
    EndReason.ABOLISHED: QT_TRANSLATE_NOOP("PairingTable", "Abolished"),
    EndReason.VILLAGE_TO_COMMUNITY: QT_TRANSLATE_NOOP("PairingTable", "Village turned community"),
    EndReason.REPAIRED: QT_TRANSLATE_NOOP("PairingTable", "Re-paired"),
    EndReason.OTHER: QT_TRANSLATE_NOOP("PairingTable", "Other"),
}
_ENDED_COLOUR = QColor(130, 130, 130)

Index = QModelIndex | QPersistentModelIndex
IdsQuery = Callable[[PairingFilter, PairingSort], list[int]]
RowsQuery = Callable[[Sequence[int]], list[PairingRow]]


def method_label(method: PairingMethod) -> str:
    return QCoreApplication.translate("PairingTable", METHOD_NAMES[method])


def reason_label(reason: EndReason) -> str:
    return QCoreApplication.translate("PairingTable", REASON_NAMES[reason])


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


def _no_ids(flt: PairingFilter, sort: PairingSort) -> list[int]:
    return []


def _no_rows(ids: Sequence[int]) -> list[PairingRow]:
    return []


class PairingTableModel(QAbstractTableModel):
    BATCH = 256

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids_query: IdsQuery = _no_ids
        self._rows_query: RowsQuery = _no_rows
        self._filter = PairingFilter()
        self._sort = PairingSort()
        self._ids: list[int] = []  # every matching pairing, in display order
        self._rows: list[PairingRow] = []  # the first rows of _ids, fetched as the view scrolls

    @property
    def total(self) -> int:
        return len(self._ids)

    @property
    def current_filter(self) -> PairingFilter:
        return self._filter

    def set_source(self, ids: IdsQuery, rows: RowsQuery) -> None:
        self._ids_query, self._rows_query = ids, rows
        self.reload()

    def set_filter(self, flt: PairingFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._ids = self._ids_query(self._filter, self._sort)
        self._rows = self._rows_query(self._ids[: self.BATCH])
        self.endResetModel()

    def view_rows(self, batch: int = 2000) -> Iterator[list[object]]:
        """Every row matching the filter (not only those loaded), in the table's order (Export view)."""
        for at in range(0, len(self._ids), batch):
            for row in self._rows_query(self._ids[at : at + batch]):
                yield [_export_value(row, column) for column in COLUMNS]

    def row_at(self, row: int) -> PairingRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and len(self._rows) < len(self._ids)

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if parent.isValid():
            return
        wanted = self._ids[len(self._rows) : len(self._rows) + self.BATCH]
        if not wanted:
            return
        batch = self._rows_query(wanted)
        if len(batch) < len(wanted):
            self.reload()  # rows vanished since the ids were read (an undo): reload rather than show gaps
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
        self._rows.extend(batch)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        wanted = PairingSort(COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        if wanted != self._sort:
            self._sort = wanted
            self.reload()

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("PairingTable", _HEADERS[COLUMNS[section]])
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

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
