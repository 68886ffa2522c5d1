"""The Branches tab: the roster of every branch, filtered by the region tree and the tab's own filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QPoint, QSignalBlocker, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QMenu,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.changes import Changed
from branchdesk.domain.enums import GRASSROOTS_KINDS, BranchKind, Tier
from branchdesk.domain.listing import BranchFilter, BranchRow, BranchSort
from branchdesk.i18n.language import format_count
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.branch_actions import BranchActions, branch_choices
from branchdesk.ui.dialogs.branch import BranchChoices
from branchdesk.ui.edits import LedgerEdits
from branchdesk.ui.jobs.runner import JobRunner
from branchdesk.ui.labels import date_text, kind_label, tier_label
from branchdesk.ui.models.branch_delegate import BranchDelegate
from branchdesk.ui.models.branches import BranchTableModel
from branchdesk.ui.session import LedgerSession
from branchdesk.ui.tabs.contract import DrillDown, table_headers
from branchdesk.ui.tabs.table_tab import LazyTableTab, refill

TAB_ID = "branches"


class _NoLedger:
    """The source while no ledger is open: empty, so the tab can exist before a file does."""

    def branch_ids(self, flt: BranchFilter, sort: BranchSort) -> list[int]:
        return []

    def branch_rows(self, ids: Sequence[int]) -> list[BranchRow]:
        return []


NO_BRANCHES = _NoLedger()


class BranchesTab(LazyTableTab[BranchTableModel, BranchRow, BranchFilter]):
    def __init__(self, edits: LedgerEdits, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            TAB_ID,
            edits,
            jobs,
            lambda owner: BranchTableModel(NO_BRANCHES, owner),
            "branchSearch",
            "branchCount",
            parent,
        )
        self._direct = False  # the region's own branches only (a chart's 市直 bar)
        self._unpaired_on: dt.date | None = None  # with the box ticked: unpaired on this day
        self._reselect: list[int] = []  # branches selected before an edit, selected again once re-read

        self.kind = QComboBox(self)
        self.kind.setObjectName("kindFilter")
        self.tier = QComboBox(self)
        self.tier.setObjectName("tierFilter")
        self.archived = QCheckBox(self)
        self.archived.setObjectName("includeArchived")
        self.unpaired = QCheckBox(self)
        self.unpaired.setObjectName("unpairedOnly")

        self.table = self._make_table("branchTable", 0, Qt.SortOrder.AscendingOrder)
        # F2, a double-click or typing edits a cell; the dialog (Ctrl+E) edits the whole branch.
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setItemDelegate(BranchDelegate(self._choices, self.table))
        # Connected after the view's own slot, so this runs once the view has let the editor go.
        self._refresh_when_closed = False
        self.table.itemDelegate().closeEditor.connect(self._editor_closed)
        self.model.hold_reads_while(lambda: self.table.state() is QAbstractItemView.State.EditingState)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setDefaultSectionSize(110)
        self.table.setColumnWidth(0, 260)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.kind, 1)
        filters.addWidget(self.tier, 1)
        filters.addWidget(self.unpaired)
        filters.addWidget(self.archived)
        filters.addStretch()
        filters.addWidget(self.count_label)
        self.branch_actions = BranchActions(
            edits, jobs, self.selected_rows, lambda: self._region_id, lambda: table_headers(self.model), self
        )
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("branchToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            self.branch_actions.add,
            self.branch_actions.edit,
            self.branch_actions.bulk,
            self.branch_actions.archive,
        ):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.branch_actions.history)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        self.table.selectionModel().selectionChanged.connect(self.branch_actions.update_enabled)
        self.model.modelReset.connect(self._select_again)

        self.search.returnPressed.connect(self.apply_filter)
        self.kind.currentIndexChanged.connect(self.apply_filter)
        self.tier.currentIndexChanged.connect(self.apply_filter)
        self.archived.toggled.connect(self.apply_filter)
        self.unpaired.toggled.connect(self._unpaired_toggled)
        self.retranslate()

    # -- filters -------------------------------------------------------------------------------------

    def _kind_choices(self) -> list[tuple[str, tuple[BranchKind, ...]]]:
        return [
            (self.tr("All kinds"), ()),
            (kind_label(BranchKind.ORGAN), (BranchKind.ORGAN,)),
            (self.tr("All grassroots"), GRASSROOTS_KINDS),
            *((kind_label(kind), (kind,)) for kind in GRASSROOTS_KINDS),
        ]

    def _tier_choices(self) -> list[tuple[str, tuple[Tier | None, ...]]]:
        return [
            (self.tr("All tiers"), ()),
            *((tier_label(tier), (tier,)) for tier in Tier),
            (tier_label(None), (None,)),
        ]

    # -- for the window (ui/tabs/contract.py) --------------------------------------------------------

    def set_ledger(self, ledger: Ledger | None, region_id: int | None) -> None:
        self._region_id = region_id
        self.model.set_cell_writer(self.branch_actions.write_cell if self.edits.writable else None)
        if ledger is None:
            self.model.set_source(NO_BRANCHES, self.current_filter())
        else:
            self.model.set_source(LedgerSession(ledger), self.current_filter(), ledger.path)

    def set_region(self, region_id: int | None) -> None:
        self._direct = False
        super().set_region(region_id)

    def changed(self, done: Changed) -> None:
        if not done.touches("branch", "region", "unit", "pairing", "star_rating"):
            return
        self._reselect = [row.id for row in self.selected_rows()]
        if self.table.state() is QAbstractItemView.State.EditingState:
            # A cell's editor is committing this change: a reset under it leaves the editor half released,
            # and its focus loss then commits it a second time to a view that no longer knows it (a Qt
            # warning). The rows are read again as soon as the view has closed the editor.
            self._refresh_when_closed = True
            return
        self.model.refresh()  # at once, or on a worker for a large view: either way modelReset reselects

    def menu_actions(self) -> list[QAction]:
        return self.branch_actions.all()

    def show_drill(self, drill: DrillDown) -> None:
        self.show_matching(drill.kinds, drill.text, direct=drill.direct, unpaired_on=drill.unpaired_on)

    def show_matching(
        self,
        kinds: tuple[BranchKind, ...],
        text: str = "",
        *,
        direct: bool = False,
        unpaired_on: dt.date | None = None,
    ) -> None:
        """The rows behind a chart's bar (the region is set through the tree): one kind or all
        grassroots kinds, a search text, the region's own branches only when ``direct``, and only those
        unpaired on ``unpaired_on`` when given (all of them are one click on the ticked box away)."""
        index = next((i for i in range(self.kind.count()) if tuple(self.kind.itemData(i) or ()) == kinds), 0)
        with QSignalBlocker(self.kind), QSignalBlocker(self.search), QSignalBlocker(self.unpaired):
            self.kind.setCurrentIndex(index)
            self.search.setText(text)
            self.unpaired.setChecked(unpaired_on is not None)
        self._unpaired_on = unpaired_on
        self._show_unpaired_day()
        self._direct = direct
        self.apply_filter()

    def current_filter(self) -> BranchFilter:
        kinds = self.kind.currentData() or ()
        tiers = self.tier.currentData() or ()
        return BranchFilter(
            region_id=self._region_id,
            direct=self._direct,
            kinds=tuple(kinds),
            tiers=tuple(tiers),
            text=self.search.text(),
            include_archived=self.archived.isChecked(),
            unpaired_on=self._unpaired_on if self.unpaired.isChecked() else None,
        )

    def _unpaired_toggled(self, checked: bool) -> None:
        self._unpaired_on = self.clock.today() if checked else None
        self._show_unpaired_day()
        self.apply_filter()

    def _show_unpaired_day(self) -> None:
        """The box names the day when a chart of another day was clicked."""
        day = self._unpaired_on
        if day is None or day == self.clock.today():
            self.unpaired.setText(self.tr("Unpaired only"))
        else:
            self.unpaired.setText(self.tr("Unpaired on {date}").format(date=date_text(day)))

    # -- editing -------------------------------------------------------------------------------------

    def _choices(self) -> BranchChoices:
        ledger = self.ledger
        return branch_choices(ledger) if ledger is not None else BranchChoices((), (), ())

    def select_branch(self, branch_id: int) -> bool:
        row = self.model.row_of(branch_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def _editor_closed(self) -> None:
        if self._refresh_when_closed:
            self._refresh_when_closed = False
            self.model.refresh()
        else:
            self.model.editor_closed()

    def _select_again(self) -> None:
        for branch_id in self._reselect:
            row = self.model.row_of(branch_id)
            if row is not None:
                self.table.selectionModel().select(
                    self.model.index(row, 0),
                    self.table.selectionModel().SelectionFlag.Select
                    | self.table.selectionModel().SelectionFlag.Rows,
                )
        if not self.model.reading:
            self._reselect = []
        self.branch_actions.update_enabled()

    def _context_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        for action in self.branch_actions.all():
            menu.addAction(action)
        menu.exec(self.table.viewport().mapToGlobal(position))

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("{count} branches").format(count=format_count(self.model.total)))

    # -- state and language --------------------------------------------------------------------------

    def header_state(self) -> QByteArray:
        return self.table.horizontalHeader().saveState()

    def restore_header_state(self, state: QByteArray) -> None:
        if not state.isEmpty():
            header = self.table.horizontalHeader()
            header.restoreState(state)
            # restoreState sets the sort arrow without sorting: sort the rows to match it.
            self.table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search name, unit, secretary or phone"))
        self.archived.setText(self.tr("Show archived"))
        self._show_unpaired_day()
        self.unpaired.setToolTip(self.tr("Only branches without an active pairing; untick to see all"))
        refill(self.kind, self._kind_choices())
        refill(self.tier, self._tier_choices())
        self.model.retranslate()
        self.branch_actions.retranslate()
        self._show_count()
