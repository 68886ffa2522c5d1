"""What the tabs that read the file share: the window's contract over their readers (wait, cancel, busy),
and for the table tabs (Branches, Pairings, Lists) the lazy table with its search box, count and filters.

The tabs keep their own texts: tr() looks a text up under the class that says it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QLineEdit, QTableView, QWidget

from branchdesk.domain.changes import Changed
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.edits import LedgerEdits
from branchdesk.ui.jobs.runner import JobRunner, Reads
from branchdesk.ui.models.id_list import IdListModel
from branchdesk.ui.tabs.contract import TableView, table_headers

ModelT = TypeVar("ModelT", bound=IdListModel[Any, Any, Any])
RowT = TypeVar("RowT")
FilterT = TypeVar("FilterT")


def refill(combo: QComboBox, choices: Sequence[tuple[str, object]]) -> None:
    """A filter's choices again (another language), keeping the one chosen and saying nothing of it."""
    current = combo.currentIndex()
    with QSignalBlocker(combo):
        combo.clear()
        for text, value in choices:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(current, 0))


class ReadingTab(QWidget):
    """A tab that reads the file off the UI thread: what the window waits for, cancels and asks about
    (ui/tabs/contract.py) is every reader the tab made with :meth:`reads`."""

    def __init__(self, tab_id: str, edits: LedgerEdits, jobs: JobRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(tab_id)
        self.edits = edits
        self.jobs = jobs
        self.clock = jobs.clock
        self._region_id: int | None = None
        self._readers: list[Reads] = []

    @property
    def ledger(self) -> Ledger | None:
        return self.edits.ledger

    def reads(self) -> Reads:
        """A reader on a connection of its own, for figures beside the table (the newest request wins)."""
        reader = Reads(self.jobs, self)
        self._readers.append(reader)
        return reader

    def read_region(self, reader: Reads, compute: Callable[[Ledger, int], object]) -> None:
        """Ask ``reader`` for the selected region's figures; with no ledger or region, forget what it read."""
        ledger, region = self.ledger, self._region_id
        if ledger is None or region is None:
            reader.cancel()
            return
        reader.request(ledger.path, region, lambda connection: compute(connection, region))

    def _saved(self, write: Callable[[Ledger], Changed]) -> bool:
        """One undoable action saved; a refusal is said over the tab."""
        return self.edits.run(write, self) is not None

    # -- for the window (ui/tabs/contract.py) --------------------------------------------------------

    def wait(self) -> None:
        for reader in self._readers:
            reader.wait()

    def cancel(self) -> None:
        for reader in self._readers:
            reader.cancel()

    def busy(self) -> bool:
        return any(reader.pending for reader in self._readers)


class LazyTableTab(ReadingTab, Generic[ModelT, RowT, FilterT]):
    """A tab around one lazy table (ui/models/id_list.py): the search box (read a moment after typing
    stops), the count beside the filters, the table sorted in SQL, and the rows on show for Export view.
    A subclass makes the table with :meth:`_make_table` where it stands among the tab's widgets (the order
    they are made in is the order Tab walks them), lays them out, and says its filter and its count."""

    SEARCH_DELAY_MS = 250
    table: QTableView  # made by the subclass (_make_table)

    def __init__(
        self,
        tab_id: str,
        edits: LedgerEdits,
        jobs: JobRunner,
        model: Callable[[QObject], ModelT],
        search_name: str,
        count_name: str,
        parent: QWidget | None,
    ) -> None:
        super().__init__(tab_id, edits, jobs, parent)
        self.model = model(self)
        self.model.read_large_views_with(Reads(jobs, self))

        self.search = QLineEdit(self)
        self.search.setObjectName(search_name)
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName(count_name)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(self.SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self.model.modelReset.connect(self._show_count)

    def _make_table(self, name: str, column: int, order: Qt.SortOrder) -> QTableView:
        """The table of the model's rows, whole rows selected, first sorted by ``column``."""
        table = QTableView(self)
        table.setObjectName(name)
        table.setModel(self.model)
        table.setSortingEnabled(True)
        table.sortByColumn(column, order)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        return table

    def current_filter(self) -> FilterT:
        """The filter the tab's widgets (and the region tree) say."""
        raise NotImplementedError

    def _show_count(self) -> None:
        """How many rows match, beside the filters."""
        raise NotImplementedError

    def apply_filter(self) -> None:
        self._search_timer.stop()
        if self.ledger is not None:
            self.model.set_filter(self.current_filter())

    def selected_rows(self) -> list[RowT]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(row) for row in rows]

    def selected_row(self) -> RowT | None:
        return next(iter(self.selected_rows()), None)

    # -- for the window (ui/tabs/contract.py) --------------------------------------------------------

    def set_region(self, region_id: int | None) -> None:
        self._region_id = region_id
        self.apply_filter()

    def wait(self) -> None:
        """Wait for the figures beside the table, then a large view's rows (tests, screenshots)."""
        super().wait()
        self.model.wait()

    def cancel(self) -> None:
        super().cancel()
        self.model.cancel_reading()

    def busy(self) -> bool:
        return super().busy() or self.model.reading

    def table_view(self, name: str) -> TableView:
        model = self.model
        return TableView(name, table_headers(model), model.view_rows(), model.total)
