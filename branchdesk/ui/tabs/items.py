"""The Lists tab (清单): the three lists' items of the region's pairings (or of one pairing), filtered by
list, status and overdue, searched, sorted in SQL; overdue items stand out in red. Items are added, edited,
ticked off (销号) and deleted in dialogs, each one undoable step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.changes import Changed
from branchdesk.domain.enums import ItemKind, ItemStatus
from branchdesk.domain.plan_items import ItemColumn, ItemCounts, ItemFilter, ItemState, PlanItem
from branchdesk.i18n.language import format_count
from branchdesk.i18n.messages import error_text
from branchdesk.services import plan_items
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.column_fit import ColumnFit
from branchdesk.ui.dialogs import exec_until_saved
from branchdesk.ui.dialogs.item import CloseItemDialog, ItemDialog
from branchdesk.ui.edits import LedgerEdits
from branchdesk.ui.jobs.runner import JobRunner
from branchdesk.ui.labels import date_text, term_label
from branchdesk.ui.models.id_list import WorkerQueries
from branchdesk.ui.models.items import COLUMNS, ItemTableModel, overdue_text
from branchdesk.ui.tabs.table_tab import LazyTableTab, refill

TAB_ID = "items"
_TABLES = ("plan_item", "plan_item_activity", "pairing", "branch", "region")


class ItemsTab(LazyTableTab[ItemTableModel, PlanItem, ItemFilter]):
    def __init__(self, edits: LedgerEdits, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            TAB_ID,
            edits,
            jobs,
            lambda owner: ItemTableModel(ItemFilter(today=jobs.clock.today()), owner),
            "itemSearch",
            "itemCount",
            parent,
        )
        self._pairing: tuple[int, str] | None = None  # "only this pairing": its id and name
        self.kind = QComboBox(self)
        self.kind.setObjectName("itemKindFilter")
        self.state = QComboBox(self)
        self.state.setObjectName("itemStateFilter")
        self.pairing_only = QCheckBox(self)
        self.pairing_only.setObjectName("itemPairingOnly")
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addItem")
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("editItem")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("closeItem")
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("deleteItem")

        # What is still to do first, the longest overdue at the top (storage sorts a status by due day).
        status = COLUMNS.index(ItemColumn.STATUS)
        self.table = self._make_table("itemTable", status, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setDefaultSectionSize(2 * self.fontMetrics().height() + 8)
        weights = {ItemColumn.TITLE: 3, ItemColumn.PAIRING: 5, ItemColumn.OWNER: 1}
        self.columns = ColumnFit(self.table, {COLUMNS.index(c): w for c, w in weights.items()}, self._widest)

        self.summary = QLabel(self)
        self.summary.setObjectName("itemSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.kind, 1)
        filters.addWidget(self.state, 1)
        filters.addWidget(self.pairing_only)
        filters.addStretch()
        filters.addWidget(self.count_label)
        actions = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.close_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

        def action(
            name: str, slot: Callable[[], object], *keys: QKeySequence, on_show: bool = False
        ) -> QAction:
            created = QAction(self)
            created.setObjectName(name)
            created.setShortcuts(list(keys))
            # ``on_show``: while the tab is on show, wherever the focus is in the window (the region tree
            # too); the window holds the Branches menu's same keys back meanwhile (WindowMenus.follow_tab).
            # Delete and Insert act only while the tab has focus, as every tab's rows do.
            created.setShortcutContext(
                Qt.ShortcutContext.WindowShortcut
                if on_show
                else Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            created.triggered.connect(slot)
            self.addAction(created)
            return created

        self.add_action = action("addItemAction", self.add_item, QKeySequence("Ctrl+Shift+N"), on_show=True)
        self.insert_action = action("insertItemAction", self.add_item, QKeySequence("Insert"))
        self.edit_action = action("editItemAction", self.edit_selected, QKeySequence("Ctrl+E"), on_show=True)
        self.close_action = action(
            "closeItemAction", self.close_selected, QKeySequence("Ctrl+D"), on_show=True
        )
        self.delete_action = action(
            "deleteItemAction", self.delete_selected, QKeySequence(QKeySequence.StandardKey.Delete)
        )

        self.kind.currentIndexChanged.connect(self.apply_filter)
        self.state.currentIndexChanged.connect(self.apply_filter)
        self.pairing_only.toggled.connect(self._pairing_toggled)
        self.model.modelReset.connect(self._enable)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self.table.doubleClicked.connect(self.edit_selected)
        # The region's figures, read off the UI thread (a city's at stress scale take a quarter of a second).
        self._counts: ItemCounts | None = None
        self._summary_reader = self.reads()
        self._summary_reader.ready.connect(self._summary_ready)
        self._summary_reader.failed.connect(lambda _key, error: self.summary.setText(error_text(error)))
        self.add_button.clicked.connect(self.add_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.close_button.clicked.connect(self.close_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.retranslate()

    # -- for the window (ui/tabs/contract.py) --------------------------------------------------------

    def set_ledger(self, ledger: Ledger | None, region_id: int | None) -> None:
        self._region_id = region_id
        self._pairing = None
        with QSignalBlocker(self.pairing_only):
            self.pairing_only.setChecked(False)
        if ledger is None:
            return
        self.model.set_queries(
            lambda flt, sort: plan_items.item_ids(ledger, flt, sort),
            lambda ids: plan_items.item_rows(ledger, ids),
            self.current_filter(),
            WorkerQueries(ledger.path, plan_items.item_ids, plan_items.item_rows),
        )
        self._show_summary()

    def set_region(self, region_id: int | None) -> None:
        super().set_region(region_id)
        self._show_summary()

    def changed(self, done: Changed) -> None:
        if done.touches(*_TABLES):
            self.model.refresh()
            self._show_summary()

    # -- filters --------------------------------------------------------------------------------------

    def current_filter(self) -> ItemFilter:
        # Qt hands an enum's value back as a plain str
        kind = self.kind.currentData()
        return ItemFilter(
            today=self.clock.today(),
            region_id=None if self._pairing is not None else self._region_id,
            kind=None if kind is None else ItemKind(kind),
            state=ItemState(self.state.currentData() or ItemState.ALL),
            pairing_id=None if self._pairing is None else self._pairing[0],
            text=self.search.text(),
        )

    def _pairing_toggled(self, checked: bool) -> None:
        """Only the selected item's pairing, or the whole region again."""
        row = self.selected_row()
        self._pairing = (row.draft.pairing_id, row.pairing) if checked and row is not None else None
        if checked and row is None:
            with QSignalBlocker(self.pairing_only):
                self.pairing_only.setChecked(False)
        self._show_pairing()
        self.apply_filter()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("{count} items").format(count=format_count(self.model.total)))

    def _show_summary(self) -> None:
        """Ask for the region's figures; they are shown when they arrive."""
        self._counts = None
        self._write_summary()
        self.read_region(self._summary_reader, plan_items.region_counts)

    def _summary_ready(self, _region: object, counts: ItemCounts) -> None:
        self._counts = counts
        self._write_summary()

    def _write_summary(self) -> None:
        counts = self._counts
        if counts is None:
            self.summary.clear()
            return
        self.summary.setText(
            self.tr(
                "Today in this region: needs {need} · resources {resource} · projects {project} · "
                "ticked off {done} · overdue {overdue}"
            ).format(**{key: format_count(value) for key, value in counts.as_dict().items()})
        )

    def _show_pairing(self) -> None:
        text = self.tr("Only this pairing")
        if self._pairing is not None:
            text = self.tr("Only {pairing}").format(pairing=self._pairing[1])
        self.pairing_only.setText(text)

    # -- actions -------------------------------------------------------------------------------------

    def _enable(self) -> None:
        writable = self.edits.writable
        row = self.selected_row()
        self.add_button.setEnabled(writable and self._region_id is not None)
        self.add_action.setEnabled(self.add_button.isEnabled())
        self.insert_action.setEnabled(self.add_button.isEnabled())
        for button, act, allowed in (
            (self.edit_button, self.edit_action, row is not None),
            (
                self.close_button,
                self.close_action,
                row is not None and row.draft.status is not ItemStatus.DONE,
            ),
            (self.delete_button, self.delete_action, row is not None),
        ):
            button.setEnabled(writable and allowed)
            act.setEnabled(writable and allowed)
        self.pairing_only.setEnabled(row is not None or self._pairing is not None)

    def _pairings(self, ledger: Ledger, keep: int | None = None) -> list[tuple[int, str]]:
        region = self._region_id
        if region is None:
            return []
        return [
            (pairing, label if active else self.tr("{pairing} (ended)").format(pairing=label))
            for pairing, label, active in plan_items.pairing_choices(ledger, region)
            if active or pairing == keep
        ]

    def add_item(self) -> None:
        ledger = self.ledger
        if ledger is None or not self.edits.writable or self._region_id is None:
            return
        chosen = self._pairing[0] if self._pairing is not None else None
        row = self.selected_row()
        if chosen is None and row is not None:
            chosen = row.draft.pairing_id
        dialog = ItemDialog(ledger, self._pairings(ledger, chosen), self.clock.today(), None, chosen, self)

        def save() -> bool:
            draft, links = dialog.draft(), dialog.activity_ids()
            return self._saved(lambda lg: plan_items.add_item(lg, draft, links))

        exec_until_saved(dialog, save)

    def edit_selected(self) -> None:
        ledger, row = self.ledger, self.selected_row()
        if ledger is None or row is None or not self.edits.writable:
            return
        pairings = self._pairings(ledger, row.draft.pairing_id)
        dialog = ItemDialog(ledger, pairings, self.clock.today(), row, row.draft.pairing_id, self)
        shown = dialog.draft(), dialog.activity_ids()

        def save() -> bool:
            draft, links = dialog.draft(), dialog.activity_ids()
            if (draft, links) == shown:
                return True  # looked at, OK pressed: no empty step in the file and in Edit ▸ Undo
            return self._saved(lambda lg: plan_items.edit_item(lg, row.id, draft, links))

        exec_until_saved(dialog, save)

    def close_selected(self) -> None:
        row = self.selected_row()
        if row is None or row.draft.status is ItemStatus.DONE or not self.edits.writable:
            return
        ledger = self.ledger
        if ledger is None:
            return
        dialog = CloseItemDialog(ledger, self.jobs, row, self.clock.today(), self)

        def save() -> bool:
            done_on, note, photos = dialog.choice()
            return self._saved(lambda lg: plan_items.close_item(lg, row.id, done_on, note, photos))

        exec_until_saved(dialog, save)

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None or not self.edits.writable:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete list item"),
            self.tr("Delete “{title}” of {pairing}? Undo (Ctrl+Z) brings it back.").format(
                title=row.draft.title, pairing=row.pairing
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._saved(lambda lg: plan_items.delete_item(lg, row.id))

    # -- language ------------------------------------------------------------------------------------

    @staticmethod
    def _widest() -> dict[int, str]:
        day = date_text(dt.date(2022, 12, 28))
        return {
            COLUMNS.index(ItemColumn.KIND): max((term_label(kind) for kind in ItemKind), key=len),
            COLUMNS.index(ItemColumn.OPENED): day,
            COLUMNS.index(ItemColumn.DUE): day,
            COLUMNS.index(ItemColumn.DONE): day,
            COLUMNS.index(ItemColumn.STATUS): overdue_text(
                max((term_label(status) for status in ItemStatus), key=len)
            ),
            COLUMNS.index(ItemColumn.ACTIVITIES): "999",
            COLUMNS.index(ItemColumn.REGION): "潢川县 / 黄寺岗镇",  # a county and a township, as most are
        }

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search item, owner or grassroots branch"))
        choices: tuple[tuple[QComboBox, list[tuple[str, object]]], ...] = (
            (self.kind, [(self.tr("All three lists"), None), *((term_label(k), k) for k in ItemKind)]),
            (
                self.state,
                [
                    (self.tr("Any status"), ItemState.ALL),
                    (self.tr("Not ticked off"), ItemState.OPEN),
                    (term_label(ItemStatus.IN_PROGRESS), ItemState.IN_PROGRESS),
                    (term_label(ItemStatus.DONE), ItemState.DONE),
                    (self.tr("Overdue items"), ItemState.OVERDUE),
                ],
            ),
        )
        for combo, entries in choices:
            refill(combo, entries)
        self.add_button.setText(self.tr("New item…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.close_button.setText(self.tr("Tick off…"))
        self.delete_button.setText(self.tr("Delete"))
        self.add_action.setText(self.tr("New item…"))
        self.edit_action.setText(self.tr("Edit…"))
        self.close_action.setText(self.tr("Tick off…"))
        self.delete_action.setText(self.tr("Delete"))
        self._show_pairing()
        self.model.retranslate()
        self._show_count()
        self._enable()
        self._write_summary()
