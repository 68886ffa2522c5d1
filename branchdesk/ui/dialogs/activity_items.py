"""The activity dialog's list items: the items of the pairing's three lists (needs, resources, projects)
the activity worked on, ticked in a list; what is still to do first. Saved with the activity as its one
undoable action (services/activities.py); the item dialog shows the same links from the item's side."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from branchdesk.domain.enums import ItemStatus
from branchdesk.services import activities as activity_service
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.labels import term_label

_NOTE_STYLE = "color: #965f00;"


class ItemLinks(QWidget):
    """The list items of the one pairing chosen, those the activity worked on ticked."""

    count_changed = Signal(int)  # items ticked

    def __init__(self, ledger: Ledger, linked: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itemLinks")
        self._ledger = ledger
        self._linked = set(linked)
        self._pairing: int | None = None
        self.list = QListWidget(self)
        self.list.setObjectName("activityItems")
        self.note = QLabel(self)
        self.note.setObjectName("activityItemsNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(_NOTE_STYLE)
        hint = QLabel(
            self.tr(
                "Tick the items of the pairing's three lists this activity worked on (needs, resources, "
                "projects; those not ticked off first). The Lists tab shows the same links."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        self.list.itemChanged.connect(self._ticked)

    def show_pairings(self, pairing_ids: Sequence[int]) -> None:
        """The items of the pairing chosen; several chosen (a bulk entry) or none: nothing to link."""
        one = pairing_ids[0] if len(pairing_ids) == 1 else None
        if one == self._pairing and self.list.count():
            return
        self._pairing = one
        self.list.blockSignals(True)
        self.list.clear()
        choices = [] if one is None else activity_service.item_choices(self._ledger, one)
        for item_id, kind, title, status in choices:
            done = f"（{term_label(status)}）" if status is ItemStatus.DONE else ""
            entry = QListWidgetItem(f"{term_label(kind)}：{title}{done}", self.list)
            entry.setData(Qt.ItemDataRole.UserRole, item_id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = item_id in self._linked
            entry.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self.list.setEnabled(one is not None)
        if len(pairing_ids) > 1:
            self.note.setText(self.tr("List items can be linked when one pairing is chosen."))
        elif one is None:
            self.note.setText(self.tr("Choose the pairing first."))
        elif not choices:
            self.note.setText(self.tr("This pairing has no list items yet (the Lists tab adds them)."))
        self.note.setVisible(one is None or not choices)
        self.count_changed.emit(len(self.item_ids()))

    def item_ids(self) -> list[int]:
        """The items ticked, in the list's order."""
        return [
            int(entry.data(Qt.ItemDataRole.UserRole))
            for entry in (self.list.item(row) for row in range(self.list.count()))
            if entry is not None and entry.checkState() == Qt.CheckState.Checked
        ]

    def _ticked(self, entry: QListWidgetItem) -> None:
        item_id = int(entry.data(Qt.ItemDataRole.UserRole))
        if entry.checkState() == Qt.CheckState.Checked:
            self._linked.add(item_id)
        else:
            self._linked.discard(item_id)
        self.count_changed.emit(len(self.item_ids()))
