"""The region tree (city → county → township, with branch counts); selecting a node filters every tab."""

from __future__ import annotations

from collections.abc import Hashable, Iterator

from PySide6.QtCore import QItemSelection, QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QVBoxLayout, QWidget

from branchdesk.domain.changes import Changed
from branchdesk.domain.listing import RegionNode
from branchdesk.i18n.language import format_count
from branchdesk.services.branches import region_tree
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.jobs.runner import JobRunner, Reads
from branchdesk.ui.labels import level_label

REGION_ID_ROLE = Qt.ItemDataRole.UserRole
EXPAND_ALL = 40  # a township's or a county's tree is shown whole; a city's shows its counties


def _count(nodes: list[RegionNode]) -> int:
    return sum(1 + _count(node.children) for node in nodes)


def _walk(nodes: list[RegionNode]) -> Iterator[RegionNode]:
    for node in nodes:
        yield node
        yield from _walk(node.children)


class RegionTreeModel(QStandardItemModel):
    """Regions are few (hundreds), so a standard model built once per load is the simple, fast choice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: dict[int, tuple[RegionNode, QStandardItem, QStandardItem]] = {}

    def load(self, roots: list[RegionNode]) -> None:
        self.clear()
        self._rows = {}
        self.setHorizontalHeaderLabels([self.tr("Region"), self.tr("Branches")])
        for node in roots:
            self._append(self.invisibleRootItem(), node)

    def _append(self, parent: QStandardItem, node: RegionNode) -> None:
        name = QStandardItem(node.name)
        name.setData(node.id, REGION_ID_ROLE)
        name.setEditable(False)
        count = QStandardItem()
        count.setEditable(False)
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._show_counts(node, name, count)
        parent.appendRow([name, count])
        for child in node.children:
            self._append(name, child)

    def _show_counts(self, node: RegionNode, name: QStandardItem, count: QStandardItem) -> None:
        self._rows[node.id] = (node, name, count)
        tip = self.tr("{level}; {organ} organ and {grassroots} grassroots branches").format(
            level=level_label(node.level),
            organ=format_count(node.organ),
            grassroots=format_count(node.grassroots),
        )
        if node.code:
            tip += "\n" + self.tr("Official code: {code}").format(code=node.code)
        name.setToolTip(tip)
        count.setText(format_count(node.total))
        count.setToolTip(tip)

    def update_counts(self, roots: list[RegionNode]) -> None:
        """Show the counts of the same regions read again, changing only the rows whose counts differ
        (the nodes shown take them too: a language change rebuilds the tree from them)."""
        for node in _walk(roots):
            row = self._rows.get(node.id)
            if row is not None and (row[0].organ, row[0].grassroots) != (node.organ, node.grassroots):
                shown, name, count = row
                shown.organ, shown.grassroots = node.organ, node.grassroots
                self._show_counts(shown, name, count)


class RegionTreePanel(QWidget):
    region_selected = Signal(object)  # region id, or None for the whole ledger

    def __init__(self, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RegionTreeModel(self)
        # After a change to branches only the counts change: read on a worker (a query over every branch,
        # ~100 ms at stress), shown in the rows there are.
        self._counts = Reads(jobs, self)
        self._counts.ready.connect(self._show_counts)
        self.view = QTreeView(self)
        self.view.setObjectName("regionTree")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformRowHeights(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self._roots: list[RegionNode] = []

    def load(self, roots: list[RegionNode]) -> None:
        self._counts.cancel()  # read before these regions: not theirs to show
        selected = self.selected_region()
        self._roots = roots
        self.model.load(roots)
        header = self.view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        if _count(roots) <= EXPAND_ALL:
            self.view.expandAll()
        else:
            for row in range(self.model.rowCount()):
                self.view.expand(self.model.index(row, 0))
        target = self.index_of(selected) if selected is not None else None
        self.view.setCurrentIndex(target or self.model.index(0, 0))

    def changed(self, done: Changed, ledger: Ledger) -> bool:
        """After an action, undo or redo: a change to regions reloads the tree at once (a new region is
        selected next), one to branches only has the counts read again. True when the selected region
        is no longer there (another one is selected, with no signal)."""
        if done.touches("region"):
            selected = self.selected_region()
            with QSignalBlocker(self):
                self.load(region_tree(ledger))
            return self.selected_region() != selected
        if done.touches("branch"):
            self._counts.request(ledger.path, "counts", region_tree)
        return False

    def cancel(self) -> None:
        """The ledger is closing: its counts are no longer wanted."""
        self._counts.cancel()
        self._counts.wait()

    def wait(self) -> None:
        """Until the counts asked for are read (shown by the next events; for tests and screenshots)."""
        self._counts.wait()

    def _show_counts(self, _key: Hashable, roots: list[RegionNode]) -> None:
        # Its regions are the ones shown: a change to regions reloads the tree, which cancels this read.
        self.model.update_counts(roots)

    def retranslate(self) -> None:
        """Headers and tooltips in the new language, keeping the selection (no signal: nothing changed)."""
        with QSignalBlocker(self):
            self.load(self._roots)

    def index_of(self, region_id: int) -> QModelIndex | None:
        matches = self.model.match(
            self.model.index(0, 0),
            REGION_ID_ROLE,
            region_id,
            1,
            Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly,
        )
        return matches[0] if matches else None

    def select(self, region_id: int) -> None:
        index = self.index_of(region_id)
        if index is not None:
            self.view.setCurrentIndex(index)

    def selected_region(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        value = index.siblingAtColumn(0).data(REGION_ID_ROLE)
        return None if value is None else int(value)

    def selected_name(self) -> str:
        """The selected region's name as the tree shows it (no query)."""
        index = self.view.currentIndex()
        return str(index.siblingAtColumn(0).data() or "") if index.isValid() else ""

    def _on_selection(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self.region_selected.emit(self.selected_region())
