"""Editing Branches cells in place with the same pickers as the dialog: tier, region, unit and dates."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from branchdesk.domain.enums import BranchKind, RegionLevel, Tier
from branchdesk.domain.listing import BranchColumn
from branchdesk.ui.branch_model import COLUMNS, BranchTableModel
from branchdesk.ui.dialogs.branch import BranchChoices
from branchdesk.ui.labels import kind_label, tier_label
from branchdesk.ui.widgets import OptionalDateEdit, SearchCombo

Index = QModelIndex | QPersistentModelIndex


class BranchDelegate(QStyledItemDelegate):
    def __init__(self, choices: Callable[[], BranchChoices], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = choices  # read when an editor opens: the ledger may have gained units since

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        column = COLUMNS[index.column()]
        if column is BranchColumn.TIER:
            combo = QComboBox(parent)
            for tier in (*Tier, None):
                combo.addItem(tier_label(tier), tier)
            return combo
        if column is BranchColumn.KIND:
            combo = QComboBox(parent)
            for kind in BranchKind:
                combo.addItem(kind_label(kind), kind)
            return combo
        if column in (BranchColumn.REGION, BranchColumn.UNIT):
            combo = SearchCombo(parent)
            choices = self._choices()
            if column is BranchColumn.UNIT:
                for unit in choices.units:
                    combo.addItem(unit.name, unit.id)
            else:
                organ = self._is_organ(index)
                for region in choices.regions:
                    if organ or region.level is RegionLevel.TOWNSHIP:
                        combo.addItem(region.path, region.id)
            return combo
        if column in (BranchColumn.OPTIMISED, BranchColumn.ESTABLISHED):
            return OptionalDateEdit(parent)
        return super().createEditor(parent, option, index)

    @staticmethod
    def _is_organ(index: Index) -> bool:
        model = index.model()
        return isinstance(model, BranchTableModel) and model.row_at(index.row()).kind is BranchKind.ORGAN

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, SearchCombo):
            editor.select_data(value)
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(value))
        elif isinstance(editor, OptionalDateEdit):
            editor.set_day(value)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802
        if isinstance(editor, SearchCombo):
            chosen = editor.chosen()
            if chosen is not None:
                model.setData(index, chosen, Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, OptionalDateEdit):
            model.setData(index, editor.day(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
