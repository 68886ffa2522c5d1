"""A read-only table over a list of rows already computed (off the UI thread): cells are made only as the
view paints them, so tens of thousands of rows cost the UI thread one model reset, not one item each."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, NamedTuple, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

RowT = TypeVar("RowT")

Index = QModelIndex | QPersistentModelIndex


class Cell(NamedTuple):
    text: str
    background: QColor | None = None
    centred: bool = False


class ResultTableModel(QAbstractTableModel, Generic[RowT]):
    def __init__(
        self, cell: Callable[[RowT, int], Cell], parent: QObject | None = None, *, tooltips: bool = False
    ) -> None:
        super().__init__(parent)
        self._cell = cell  # the owner's, so that its texts are translated in the owner's context
        self._tooltips = tooltips  # a cell's whole text when hovered (for columns that elide it)
        self._headers: list[str] = []
        self._rows: Sequence[RowT] = ()

    def show(self, headers: list[str], rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self._headers, self._rows = headers, rows
        self.endResetModel()

    def clear(self) -> None:
        """No rows while the next ones are read (the headers stay, so the columns keep their widths)."""
        self.show(self._headers, ())

    def row_at(self, row: int) -> RowT:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.TextAlignmentRole,
        ) and (role != Qt.ItemDataRole.ToolTipRole or not self._tooltips):
            return None
        cell = self._cell(self._rows[index.row()], index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell.text
        if role == Qt.ItemDataRole.BackgroundRole:
            return None if cell.background is None else QBrush(cell.background)
        return int(Qt.AlignmentFlag.AlignCenter) if cell.centred else None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return section + 1
        return None
