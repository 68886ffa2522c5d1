"""The Lists table (清单) as a thin lazy adapter over SQL: ids sorted and filtered in SQL, rows in batches.
An item overdue on the filter's day stands out in red."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from branchdesk.domain.enums import ItemStatus
from branchdesk.domain.plan_items import ItemColumn, ItemFilter, ItemSort, PlanItem
from branchdesk.i18n.language import format_count
from branchdesk.i18n.noop import QT_TRANSLATE_NOOP
from branchdesk.ui.labels import date_text, term_label
from branchdesk.ui.models.id_list import IdListModel, Index

COLUMNS = list(ItemColumn)

_HEADERS = {
    ItemColumn.KIND: QT_TRANSLATE_NOOP("ItemTable", "List"),
    ItemColumn.TITLE: QT_TRANSLATE_NOOP("ItemTable", "Item"),
    ItemColumn.PAIRING: QT_TRANSLATE_NOOP("ItemTable", "Pairing"),
    ItemColumn.REGION: QT_TRANSLATE_NOOP("ItemTable", "Region"),
    ItemColumn.OWNER: QT_TRANSLATE_NOOP("ItemTable", "Owner"),
    ItemColumn.OPENED: QT_TRANSLATE_NOOP("ItemTable", "Raised on"),
    ItemColumn.DUE: QT_TRANSLATE_NOOP("ItemTable", "Due on"),
    ItemColumn.STATUS: QT_TRANSLATE_NOOP("ItemTable", "Status"),
    ItemColumn.DONE: QT_TRANSLATE_NOOP("ItemTable", "Ticked off on"),
    ItemColumn.ACTIVITIES: QT_TRANSLATE_NOOP("ItemTable", "Linked activities"),
}
_OVERDUE = QT_TRANSLATE_NOOP("ItemTable", "{status} · overdue")
_OVERDUE_COLOUR = QColor(178, 34, 34)
_DONE_COLOUR = QColor(110, 110, 110)


def overdue_text(status: str) -> str:
    """An overdue item's status: 未开始 · 已逾期."""
    return QCoreApplication.translate("ItemTable", _OVERDUE).format(status=status)


def _cell(row: PlanItem, column: ItemColumn) -> str:
    draft = row.draft
    match column:
        case ItemColumn.KIND:
            return term_label(draft.kind)
        case ItemColumn.TITLE:
            return draft.title
        case ItemColumn.PAIRING:
            return row.pairing
        case ItemColumn.REGION:
            return row.region
        case ItemColumn.OWNER:
            return draft.owner or ""
        case ItemColumn.OPENED:
            return date_text(draft.opened_on)
        case ItemColumn.DUE:
            return date_text(draft.due_on)
        case ItemColumn.STATUS:
            return term_label(draft.status)
        case ItemColumn.DONE:
            return date_text(draft.done_on)
        case ItemColumn.ACTIVITIES:
            return format_count(row.activities) if row.activities else ""


def _export_value(row: PlanItem, column: ItemColumn) -> object:
    """Dates as dates and counts as numbers in Export view."""
    draft = row.draft
    if column is ItemColumn.OPENED:
        return draft.opened_on
    if column is ItemColumn.DUE:
        return draft.due_on
    if column is ItemColumn.DONE:
        return draft.done_on
    if column is ItemColumn.ACTIVITIES:
        return row.activities
    return _cell(row, column)


class ItemTableModel(IdListModel[PlanItem, ItemFilter, ItemSort]):
    def __init__(self, flt: ItemFilter, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, _HEADERS, "ItemTable", flt, ItemSort(), parent)

    def sort_for(self, column: int, descending: bool) -> ItemSort:
        return ItemSort(COLUMNS[column], descending)

    def export_value(self, row: PlanItem, column: Any) -> object:
        return _export_value(row, column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        overdue = row.overdue_on(self.current_filter.today)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = _cell(row, column)
            if overdue and column is ItemColumn.STATUS:
                return overdue_text(text)
            if role == Qt.ItemDataRole.ToolTipRole and column is ItemColumn.STATUS and row.draft.done_note:
                return f"{text}：{row.draft.done_note}"
            return text
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if overdue:
                return QBrush(_OVERDUE_COLOUR)
            if row.draft.status is ItemStatus.DONE:
                return QBrush(_DONE_COLOUR)
        if role == Qt.ItemDataRole.FontRole and overdue and column in (ItemColumn.DUE, ItemColumn.STATUS):
            font = QFont()
            font.setBold(True)
            return font
        return None
