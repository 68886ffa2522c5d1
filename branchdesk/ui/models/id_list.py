"""A table as a thin lazy adapter over SQL: one query gives every matching id in display order (filter and
sort in SQL), then rows are read by id in batches as the view scrolls, so any page at any depth is a
primary-key lookup. The Branches and Pairings tables are this, with their own columns and cells.

On a large table (a stress ledger's 50,000 branches take 0.1–0.3 s to sort; a county's few thousand rows, some
milliseconds each) a new order or filter is read on a worker connection while the rows on show stay; small
tables (a township's) are read at once, quicker than a round trip.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from branchdesk.storage.ledger import Ledger
from branchdesk.ui.jobs.runner import Reads

RowT = TypeVar("RowT")
FilterT = TypeVar("FilterT")
SortT = TypeVar("SortT")

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class WorkerQueries(Generic[RowT, FilterT, SortT]):
    """The same queries as the model's, for a worker's own connection to ``path``."""

    path: Path
    ids: Callable[[Ledger, FilterT, SortT], list[int]]
    rows: Callable[[Ledger, Sequence[int]], list[RowT]]


class IdListModel(QAbstractTableModel, Generic[RowT, FilterT, SortT]):
    BATCH = 256
    # Rows from which a new order or filter is read on a worker: a county's lists (700 pairings, 1,500
    # branches, 2,600 items) read at once held the UI thread some 35 ms per click on a region.
    BACKGROUND_FROM = 500

    def __init__(
        self,
        columns: Sequence[object],
        headers: Mapping[Any, str],
        context: str,
        flt: FilterT,
        sort: SortT,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._headers = headers  # column → English source text in translation ``context``
        self._context = context
        self._filter = flt
        self._sort = sort
        self._ids_query: Callable[[FilterT, SortT], list[int]] = lambda flt, sort: []
        self._rows_query: Callable[[Sequence[int]], list[RowT]] = lambda ids: []
        self._ids: list[int] = []  # every matching row's id, in display order
        self._rows: list[RowT] = []  # the first rows of _ids, fetched as the view scrolls
        self._worker: WorkerQueries[RowT, FilterT, SortT] | None = None
        self._runner: Reads | None = None
        self._largest = 0  # the most rows a read of this ledger gave: a filter taken off brings them back
        # A worker's read that arrives while a cell editor is open waits for it to close: a reset would take
        # the editor, and what the clerk is typing into it, away.
        self._editing: Callable[[], bool] = lambda: False
        self._held: tuple[object, list[int], list[RowT]] | None = None

    def read_large_views_with(self, runner: Reads) -> None:
        """The worker that reads large views (see the module's note); once, when the table is built."""
        self._runner = runner
        runner.ready.connect(self._worker_read)

    def hold_reads_while(self, editing: Callable[[], bool]) -> None:
        """Keep a worker's read from the view while ``editing()``; the tab calls :meth:`editor_closed`."""
        self._editing = editing

    def editor_closed(self) -> None:
        """Show the read that waited for the editor, if it is still the one asked for."""
        held, self._held = self._held, None
        if held is not None:
            key, ids, rows = held
            self._worker_read(key, (ids, rows))

    # -- what subclasses say ---------------------------------------------------------------------------

    def sort_for(self, column: int, descending: bool) -> SortT:
        raise NotImplementedError

    def export_value(self, row: RowT, column: Any) -> object:
        """A cell as Export view writes it (dates as dates, counts as numbers)."""
        raise NotImplementedError

    # -- what the tab drives -------------------------------------------------------------------------

    @property
    def total(self) -> int:
        """Rows matching the filter, loaded or not."""
        return len(self._ids)

    @property
    def current_filter(self) -> FilterT:
        return self._filter

    def set_queries(
        self,
        ids: Callable[[FilterT, SortT], list[int]],
        rows: Callable[[Sequence[int]], list[RowT]],
        flt: FilterT | None = None,
        worker: WorkerQueries[RowT, FilterT, SortT] | None = None,
    ) -> None:
        """Read another ledger (and, if given, with another filter); the first read is at once."""
        self._ids_query, self._rows_query = ids, rows
        self._worker = worker
        self._held = None
        self._largest = 0
        if flt is not None:
            self._filter = flt
        self._read_now(self.BATCH)

    def set_filter(self, flt: FilterT) -> None:
        self.show(flt, self._sort)

    def show(self, flt: FilterT, sort: SortT) -> None:
        """The rows matching ``flt`` in the order ``sort``: one query, only when either changed."""
        if (flt, sort) != (self._filter, self._sort):
            self._filter, self._sort = flt, sort
            self.reload()

    def reload(self) -> None:
        self._read(self.BATCH)

    def refresh(self) -> None:
        """Read again after a change, keeping as many rows loaded as before (the view keeps its place)."""
        self._read(max(len(self._rows), self.BATCH))

    def _read(self, loaded: int) -> None:
        self._held = None  # older than what is read now
        worker, runner = self._worker, self._runner
        if worker is None or runner is None or self._largest < self.BACKGROUND_FROM:
            self._read_now(loaded)
            return
        flt, sort = self._filter, self._sort

        def read(ledger: Ledger) -> tuple[list[int], list[RowT]]:
            ids = worker.ids(ledger, flt, sort)
            return ids, worker.rows(ledger, ids[:loaded])

        runner.request(worker.path, (flt, sort), read)

    def _read_now(self, loaded: int) -> None:
        if self._runner is not None:
            self._runner.cancel()  # a worker's older read must not replace this one
        self._show_read(self._ids_query(self._filter, self._sort), self._rows_query, loaded)

    def _worker_read(self, key: object, result: object) -> None:
        if key != (self._filter, self._sort) or not isinstance(result, tuple):
            return  # a read for another view; the runner only delivers its latest
        ids, rows = result
        if self._editing():
            self._held = (key, ids, rows)
            return
        self._show_read(ids, lambda _ids: rows, len(rows))

    def _show_read(self, ids: list[int], rows: Callable[[Sequence[int]], list[RowT]], loaded: int) -> None:
        self.beginResetModel()
        self._ids = ids
        self._rows = rows(ids[:loaded])
        self._largest = max(self._largest, len(ids))
        self.endResetModel()

    @property
    def reading(self) -> bool:
        return self._runner is not None and self._runner.pending

    def cancel_reading(self) -> None:
        """Stop a worker's read and wait for its connection to close (the file is closing)."""
        if self._runner is not None:
            self._runner.cancel()
            self._runner.wait()

    def wait(self) -> None:
        """Wait for a worker's read and show it (tests, screenshots)."""
        if self._runner is not None:
            self._runner.wait()
            QCoreApplication.sendPostedEvents()
            QCoreApplication.processEvents()

    def view_rows(self, batch: int = 2000) -> Iterator[list[object]]:
        """Every row matching the filter (not only those loaded), in the table's order (Export view)."""
        for at in range(0, len(self._ids), batch):
            for row in self._rows_query(self._ids[at : at + batch]):
                yield [self.export_value(row, column) for column in self._columns]

    def row_at(self, row: int) -> RowT:
        return self._rows[row]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1))

    # -- QAbstractTableModel ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and len(self._rows) < len(self._ids)

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if parent.isValid():
            return
        wanted = self._ids[len(self._rows) : len(self._rows) + self.BATCH]
        if not wanted:
            return  # an empty insert would be an invalid row range
        batch = self._rows_query(wanted)
        if len(batch) < len(wanted):
            # Rows vanished from the file since the ids were read (an undo): reload rather than show gaps.
            self.reload()
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
        self._rows.extend(batch)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self._columns):
            self.show(self._filter, self.sort_for(column, order == Qt.SortOrder.DescendingOrder))

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return QCoreApplication.translate(self._context, self._headers[self._columns[section]])
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None
