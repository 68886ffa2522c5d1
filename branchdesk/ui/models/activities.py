"""The Activities table as a lazy adapter over SQL whose pages are read off the UI thread.

At stress scale a page sorted by a name, or filtered by a rare area, can take a second of SQL; the window
must not freeze for it. A new filter or sort asks for the first page on a worker connection (the rows on
show stay until it arrives, so nothing flickers); scrolling asks for the next page the same way. A request
supersedes the one before it, which is interrupted and ignored.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from branchdesk.domain.activities import ActivityColumn, ActivityFilter, ActivityRow, ActivitySort
from branchdesk.i18n.noop import QT_TRANSLATE_NOOP
from branchdesk.services.activities import activity_page
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.jobs.runner import JobRunner, Reads
from branchdesk.ui.labels import activity_type_label, area_label, date_text

COLUMNS = list(ActivityColumn)

_HEADERS = {
    ActivityColumn.DATE: QT_TRANSLATE_NOOP("ActivityTable", "Held on"),
    ActivityColumn.GRASSROOTS: QT_TRANSLATE_NOOP("ActivityTable", "Grassroots branch"),
    ActivityColumn.ORGAN: QT_TRANSLATE_NOOP("ActivityTable", "Organ branch"),
    ActivityColumn.REGION: QT_TRANSLATE_NOOP("ActivityTable", "Region"),
    ActivityColumn.TYPE: QT_TRANSLATE_NOOP("ActivityTable", "Type"),
    ActivityColumn.KEY_TASK: QT_TRANSLATE_NOOP("ActivityTable", "Key task"),
    ActivityColumn.AREAS: QT_TRANSLATE_NOOP("ActivityTable", "Areas"),
    ActivityColumn.VOLUNTEERS: QT_TRANSLATE_NOOP("ActivityTable", "Volunteers"),
    ActivityColumn.ATTENDANCE: QT_TRANSLATE_NOOP("ActivityTable", "Present/expected"),
    ActivityColumn.ENTERED: QT_TRANSLATE_NOOP("ActivityTable", "Entered on"),
    ActivityColumn.WEEKDAY: QT_TRANSLATE_NOOP("ActivityTable", "Weekend rule"),
    ActivityColumn.LOCATION: QT_TRANSLATE_NOOP("ActivityTable", "Location"),
    ActivityColumn.SUMMARY: QT_TRANSLATE_NOOP("ActivityTable", "Summary"),
}
_BREAKS = QT_TRANSLATE_NOOP("ActivityTable", "Working day, no reason")
_EXCUSED = QT_TRANSLATE_NOOP("ActivityTable", "Working day: {reason}")
_LATE = QT_TRANSLATE_NOOP("ActivityTable", "{date} recorded late")
_LATE_TIP = QT_TRANSLATE_NOOP(
    "ActivityTable",
    "Recorded late: entered on {entered}, {days} days after it was held (more than {limit} days).",
)

_NUMBERS = (ActivityColumn.VOLUNTEERS, ActivityColumn.ATTENDANCE)
_LATE_MARKED = (ActivityColumn.DATE, ActivityColumn.ENTERED)
# Columns a clerk may edit in the cell itself; the rest through the dialog.
EDITABLE = (ActivityColumn.VOLUNTEERS, ActivityColumn.LOCATION, ActivityColumn.SUMMARY)

_BREAKS_BACKGROUND = QColor(253, 226, 222)
_BREAKS_TEXT = QColor(176, 32, 24)
_EXCUSED_TEXT = QColor(150, 95, 0)

Index = QModelIndex | QPersistentModelIndex


def _cell(row: ActivityRow, column: ActivityColumn) -> str:
    match column:
        case ActivityColumn.DATE:
            if row.recorded_late:  # the mark where the eye looks first, without a column of its own
                return QCoreApplication.translate("ActivityTable", _LATE).format(date=date_text(row.held_on))
            return date_text(row.held_on)
        case ActivityColumn.GRASSROOTS:
            return row.grassroots
        case ActivityColumn.ORGAN:
            return row.organ
        case ActivityColumn.REGION:
            return row.region
        case ActivityColumn.TYPE:
            return activity_type_label(row.type)
        case ActivityColumn.KEY_TASK:
            return row.key_task or ""
        case ActivityColumn.AREAS:
            return "、".join(area_label(area) for area in row.areas)
        case ActivityColumn.VOLUNTEERS:
            return str(row.volunteers)
        case ActivityColumn.ATTENDANCE:
            return "" if row.expected is None else f"{row.present}/{row.expected}"
        case ActivityColumn.ENTERED:
            return date_text(row.entered_on)
        case ActivityColumn.WEEKDAY:
            if row.breaks_weekend_rule:
                return QCoreApplication.translate("ActivityTable", _BREAKS)
            if row.excused:
                return QCoreApplication.translate("ActivityTable", _EXCUSED).format(reason=row.weekday_reason)
            return ""
        case ActivityColumn.LOCATION:
            return row.location or ""
        case ActivityColumn.SUMMARY:
            return row.summary or ""


def _export_value(row: ActivityRow, column: ActivityColumn) -> object:
    """Dates as dates and counts as numbers in Export view, so Excel sorts and sums them."""
    if column is ActivityColumn.DATE:
        return row.held_on
    if column is ActivityColumn.VOLUNTEERS:
        return row.volunteers
    return _cell(row, column)


def _tip(row: ActivityRow, column: ActivityColumn) -> str:
    if column in _LATE_MARKED and row.recorded_late and row.entered_on is not None:
        return QCoreApplication.translate("ActivityTable", _LATE_TIP).format(
            entered=date_text(row.entered_on),
            days=(row.entered_on - row.held_on).days,
            limit=row.late_after_days,
        )
    return _cell(row, column)


class ActivityTableModel(QAbstractTableModel):
    BATCH = 200
    ID_ROLE = Qt.ItemDataRole.UserRole

    page_loaded = Signal()  # rows arrived (the first page of a new query, or the next page)
    cell_edited = Signal(int, object, object)  # activity id, ActivityColumn, new value
    failed = Signal(object)  # BranchDeskError

    def __init__(self, jobs: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self._filter = ActivityFilter()
        self._sort = ActivitySort()
        self._rows: list[ActivityRow] = []
        self._complete = True  # the last page came back short: there is nothing more to fetch
        self._generation = 0  # bumped by each new query, so that a late page of an old one is ignored
        self._pages = Reads(jobs, self)
        self._pages.ready.connect(self._on_page)
        self._pages.failed.connect(lambda _key, error: self.failed.emit(error))

    # -- what the tab drives -------------------------------------------------------------------------

    @property
    def current_filter(self) -> ActivityFilter:
        return self._filter

    @property
    def loading(self) -> bool:
        return self._pages.pending

    def show_ledger(self, path: Path | None, flt: ActivityFilter) -> None:
        self._path = path
        self._filter = flt
        self.reload()

    def set_filter(self, flt: ActivityFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self.reload()

    def reload(self) -> None:
        """Ask for the first page of the current query; the rows on show stay until it arrives."""
        self._generation += 1
        if self._path is None:
            self._pages.cancel()
            self.beginResetModel()
            self._rows, self._complete = [], True
            self.endResetModel()
            self.page_loaded.emit()
            return
        self._request(0)

    def _request(self, offset: int) -> None:
        if self._path is None:
            return
        flt, sort, limit = self._filter, self._sort, self.BATCH
        self._pages.request(
            self._path,
            (self._generation, offset),
            lambda ledger: activity_page(ledger, flt, sort, offset, limit),
        )

    def _on_page(self, key: object, rows: object) -> None:
        if not isinstance(key, tuple) or key[0] != self._generation or not isinstance(rows, list):
            return
        offset = int(key[1])
        if offset == 0:
            self.beginResetModel()
            self._rows = list(rows)
            self._complete = len(rows) < self.BATCH
            self.endResetModel()
        elif offset == len(self._rows) and rows:
            self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
            self._complete = len(rows) < self.BATCH
        else:
            self._complete = True
        self.page_loaded.emit()

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for the page asked for and deliver it (tests, screenshots)."""
        done = self._pages.wait(msecs)
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()
        return done

    def cancel(self) -> None:
        self._pages.cancel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def view_rows(self, ledger: Ledger, batch: int = 2000) -> Iterator[list[object]]:
        """Every row of the filter on show, in the table's order, page by page (Export view)."""
        flt, sort, offset = self._filter, self._sort, 0
        while page := activity_page(ledger, flt, sort, offset, batch):
            yield from ([_export_value(row, column) for column in COLUMNS] for row in page)
            offset += len(page)

    def activity(self, row: int) -> ActivityRow:
        return self._rows[row]

    # -- QAbstractTableModel ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and not self._complete and not self._pages.pending

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self._request(len(self._rows))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        wanted = ActivitySort(COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        if wanted != self._sort:
            self._sort = wanted
            self.reload()

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("ActivityTable", _HEADERS[COLUMNS[section]])
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and COLUMNS[index.column()] in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tip(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return row.volunteers if column is ActivityColumn.VOLUNTEERS else _cell(row, column)
        if role == self.ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column in _LATE_MARKED and row.recorded_late:
            return QBrush(_EXCUSED_TEXT)
        if column is ActivityColumn.WEEKDAY:
            if role == Qt.ItemDataRole.BackgroundRole and row.breaks_weekend_rule:
                return QBrush(_BREAKS_BACKGROUND)
            if role == Qt.ItemDataRole.ForegroundRole and (row.breaks_weekend_rule or row.excused):
                return QBrush(_BREAKS_TEXT if row.breaks_weekend_rule else _EXCUSED_TEXT)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """An in-place edit is not written here: the tab writes it as one undoable action, and the
        table shows the file's state when the write reloads it."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        column = COLUMNS[index.column()]
        if column not in EDITABLE:
            return False
        self.cell_edited.emit(self._rows[index.row()].id, column, value)
        return True
