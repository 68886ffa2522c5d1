"""The Branches table as a thin lazy adapter over SQL: rows arrive in batches, sorting happens in SQL."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from branchdesk.domain.listing import BranchColumn, BranchFilter, BranchRow, BranchSort
from branchdesk.i18n.noop import QT_TRANSLATE_NOOP
from branchdesk.services import branches
from branchdesk.ui.labels import date_text, kind_label, rating_text, tier_label
from branchdesk.ui.models.id_list import IdListModel, Index, WorkerQueries

COLUMNS = list(BranchColumn)

_HEADERS = {
    BranchColumn.NAME: QT_TRANSLATE_NOOP("BranchTable", "Branch"),
    BranchColumn.KIND: QT_TRANSLATE_NOOP("BranchTable", "Kind"),
    BranchColumn.REGION: QT_TRANSLATE_NOOP("BranchTable", "Region"),
    BranchColumn.UNIT: QT_TRANSLATE_NOOP("BranchTable", "Unit"),
    BranchColumn.TIER: QT_TRANSLATE_NOOP("BranchTable", "Tier"),
    BranchColumn.STARS: QT_TRANSLATE_NOOP("BranchTable", "Stars"),
    BranchColumn.PARTNER: QT_TRANSLATE_NOOP("BranchTable", "Paired with"),
    BranchColumn.SECRETARY: QT_TRANSLATE_NOOP("BranchTable", "Secretary"),
    BranchColumn.PHONE: QT_TRANSLATE_NOOP("BranchTable", "Phone"),
    BranchColumn.MEMBERS: QT_TRANSLATE_NOOP("BranchTable", "Members"),
    BranchColumn.OPTIMISED: QT_TRANSLATE_NOOP("BranchTable", "Optimised on"),
    BranchColumn.ESTABLISHED: QT_TRANSLATE_NOOP("BranchTable", "Established on"),
    BranchColumn.ARCHIVED: QT_TRANSLATE_NOOP("BranchTable", "Archived on"),
}

_ARCHIVED_COLOUR = QColor(130, 130, 130)

# Columns a user can edit in place; the others are set elsewhere (the pairing, archiving).
EDITABLE = frozenset(
    {
        BranchColumn.NAME,
        BranchColumn.KIND,
        BranchColumn.REGION,
        BranchColumn.UNIT,
        BranchColumn.TIER,
        BranchColumn.STARS,
        BranchColumn.SECRETARY,
        BranchColumn.PHONE,
        BranchColumn.MEMBERS,
        BranchColumn.OPTIMISED,
        BranchColumn.ESTABLISHED,
    }
)

# Saves one cell (branch id, column, new value); True when the ledger took it.
CellWriter = Callable[[int, BranchColumn, Any], bool]


class BranchSource(Protocol):
    def branch_ids(self, flt: BranchFilter, sort: BranchSort) -> list[int]: ...

    def branch_rows(self, ids: Sequence[int]) -> list[BranchRow]: ...


def _edit_value(row: BranchRow, column: BranchColumn) -> Any:
    """A cell's value as its editor takes it: ids, enums and dates rather than their texts."""
    match column:
        case BranchColumn.KIND:
            return row.kind
        case BranchColumn.REGION:
            return row.region_id
        case BranchColumn.UNIT:
            return row.unit_id
        case BranchColumn.TIER:
            return row.tier
        case BranchColumn.OPTIMISED:
            return row.optimised_on
        case BranchColumn.ESTABLISHED:
            return row.established_on
        case BranchColumn.MEMBERS:
            return "" if row.member_count is None else str(row.member_count)
        case _:
            return cell_text(row, column)


def cell_text(row: BranchRow, column: BranchColumn) -> str:
    match column:
        case BranchColumn.NAME:
            return row.name
        case BranchColumn.KIND:
            return kind_label(row.kind)
        case BranchColumn.REGION:
            return row.region
        case BranchColumn.UNIT:
            return row.unit or ""
        case BranchColumn.TIER:
            return tier_label(row.tier)
        case BranchColumn.STARS:
            return rating_text(row.stars, row.star_year)
        case BranchColumn.PARTNER:
            return row.partner or ""
        case BranchColumn.SECRETARY:
            return row.secretary or ""
        case BranchColumn.PHONE:
            return row.phone or ""
        case BranchColumn.MEMBERS:
            return "" if row.member_count is None else str(row.member_count)
        case BranchColumn.OPTIMISED:
            return date_text(row.optimised_on)
        case BranchColumn.ESTABLISHED:
            return date_text(row.established_on)
        case BranchColumn.ARCHIVED:
            return date_text(row.archived_on)


_RAW: dict[BranchColumn, Callable[[BranchRow], object]] = {
    BranchColumn.MEMBERS: lambda row: row.member_count,
    BranchColumn.OPTIMISED: lambda row: row.optimised_on,
    BranchColumn.ESTABLISHED: lambda row: row.established_on,
    BranchColumn.ARCHIVED: lambda row: row.archived_on,
}


def export_value(row: BranchRow, column: BranchColumn) -> object:
    """A cell as Export view writes it: dates as dates and counts as numbers, so Excel sorts them right."""
    raw = _RAW.get(column)
    return raw(row) if raw is not None else cell_text(row, column)


class BranchTableModel(IdListModel[BranchRow, BranchFilter, BranchSort]):
    ID_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, source: BranchSource, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, _HEADERS, "BranchTable", BranchFilter(), BranchSort(), parent)
        self._write_cell: CellWriter | None = None  # None: read-only
        self.set_queries(source.branch_ids, source.branch_rows)

    def set_source(self, source: BranchSource, flt: BranchFilter, path: Path | None = None) -> None:
        """Read ``source``; with the ledger's ``path``, large views are read on a worker of their own."""
        worker = None if path is None else WorkerQueries(path, branches.branch_ids, branches.branch_rows)
        self.set_queries(source.branch_ids, source.branch_rows, flt, worker)

    def sort_for(self, column: int, descending: bool) -> BranchSort:
        return BranchSort(COLUMNS[column], descending)

    def export_value(self, row: BranchRow, column: Any) -> object:
        return export_value(row, column)

    def set_cell_writer(self, writer: CellWriter | None) -> None:
        self._write_cell = writer

    def row_of(self, branch_id: int) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row.id == branch_id), None)

    def branch_id(self, row: int) -> int:
        return self._rows[row].id

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if (
            index.isValid()
            and self._write_cell is not None
            and COLUMNS[index.column()] in EDITABLE
            and self._rows[index.row()].archived_on is None
            and (
                COLUMNS[index.column()] is not BranchColumn.STARS
                or self._rows[index.row()].kind.is_grassroots
            )
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self._write_cell is None:
            return False
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if value == _edit_value(row, column):
            return False
        # The writer saves through the services; the change signal that follows refreshes the rows.
        return self._write_cell(row.id, column, value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell_text(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return _edit_value(row, column)
        if role == self.ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column is BranchColumn.MEMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.archived_on is not None:
            return QBrush(_ARCHIVED_COLOUR)
        return None
