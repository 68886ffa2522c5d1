"""Editing Branches cells in place with the same pickers as the dialog: tier, region, unit and dates."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QToolTip, QWidget

from branchdesk.domain.enums import BranchKind, RegionLevel, Tier
from branchdesk.domain.listing import BranchColumn
from branchdesk.ui.dialogs.branch import BranchChoices
from branchdesk.ui.labels import kind_label, tier_label
from branchdesk.ui.models.branches import COLUMNS, BranchTableModel
from branchdesk.ui.widgets import DateLineEdit, SearchCombo

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
            return DateLineEdit(parent, optional=True)
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
        elif isinstance(editor, DateLineEdit):
            editor.set_value(value)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802
        if isinstance(editor, SearchCombo):
            chosen = editor.chosen()
            if chosen is not None:
                model.setData(index, chosen, Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, DateLineEdit):
            # The text as typed: the service reads it with the one date parser and refuses it with its
            # reason if it is no date, rather than the cell dropping it.
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter or Tab on a date that is no date keeps the editor open with the reason shown beside it."""
        if (
            isinstance(watched, DateLineEdit)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and not watched.check()
        ):
            QToolTip.showText(watched.mapToGlobal(QPoint(0, watched.height())), watched.problem_text, watched)
            return True
        return super().eventFilter(watched, event)
