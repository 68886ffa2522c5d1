"""History: the actions that changed one record or the whole ledger, one line each: when, which action,
what it concerned, and what it changed (each field before → after, or how many records).

The dialog shows at once; its lines are read on the job runner (a thousand actions and the names they
refer to take a while at stress scale) and shown through a model that makes a cell only when the view
paints it. The columns are fitted on a sample of the lines, not on every one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.changes import OperationEntry
from branchdesk.domain.errors import BranchDeskError
from branchdesk.i18n.messages import error_text
from branchdesk.services.history import reference_names
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.action_names import action_label
from branchdesk.ui.column_fit import ColumnFit
from branchdesk.ui.history_text import Names, describe
from branchdesk.ui.jobs.runner import JobRunner, Reads
from branchdesk.ui.labels import moment_text
from branchdesk.ui.models.result_table import Cell, ResultTableModel

History = tuple[list[OperationEntry], Names]

# Lines measured to fit the short columns: history lines are alike, and measuring a thousand of them on the
# UI thread cost 67 ms at stress scale.
FIT_SAMPLE = 50


def read_history(actions: Callable[[Ledger], list[OperationEntry]]) -> Callable[[Ledger], History]:
    """The actions and the names of the records their changes refer to, read together."""

    def read(ledger: Ledger) -> History:
        entries = actions(ledger)
        return entries, reference_names(ledger, [change for entry in entries for change in entry.changes])

    return read


class HistoryDialog(QDialog):
    """``limit``: when the read brings that many actions, the title says only the newest are shown."""

    def __init__(
        self,
        title: str,
        jobs: JobRunner,
        path: Path,
        read: Callable[[Ledger], History],
        parent: QWidget | None = None,
        *,
        limit: int | None = None,
        limited_title: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(title)
        self.resize(880, 480)
        self._limit, self._limited_title = limit, limited_title
        self._names: Names = {}
        self._texts: dict[int, list[str]] = {}  # id of a line's entry → its texts, made when first painted
        self.heading = QLabel(title, self)
        self.model: ResultTableModel[OperationEntry] = ResultTableModel(self._cell, self, tooltips=True)
        self.model.show(self._headers(), [])
        self.table = QTableView(self)
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.fit = ColumnFit(self.table, {2: 1, 3: 2}, self._widest)
        self.status = QLabel(self.tr("Reading the history…"), self)
        self.status.setObjectName("historyStatus")
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)  # busy, for as long as the read takes
        self.busy.setMaximumHeight(self.fontMetrics().height() // 2)
        self.busy.setTextVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self._reads = Reads(jobs, self)
        self._reads.ready.connect(self._show)
        self._reads.failed.connect(self._failed)
        self._reads.request(path, "history", read)

    def _headers(self) -> list[str]:
        return [self.tr("When"), self.tr("Action"), self.tr("What"), self.tr("Change")]

    @property
    def reading(self) -> bool:
        return self._reads.pending

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for the lines and show them (tests, screenshots)."""
        return self._reads.wait_shown(msecs)

    def done(self, result: int) -> None:
        """Closing stops a read under way: its query is interrupted and its result dropped."""
        self._reads.cancel()
        super().done(result)

    def rows(self) -> list[list[str]]:
        return [self._texts_of(self.model.row_at(row)) for row in range(self.model.rowCount())]

    def _show(self, _key: object, history: History) -> None:
        entries, self._names = history
        self._texts.clear()
        self.busy.hide()
        self.status.setText(self.tr("Nothing has been changed yet."))
        self.status.setVisible(not entries)
        if self._limit is not None and len(entries) >= self._limit:
            self.heading.setText(self._limited_title)
            self.setWindowTitle(self._limited_title)
        self.model.show(self._headers(), entries)

    def _failed(self, _key: object, error: BranchDeskError) -> None:
        self.busy.hide()
        self.status.setText(error_text(error))

    def _texts_of(self, entry: OperationEntry) -> list[str]:
        texts = self._texts.get(id(entry))
        if texts is None:
            when = moment_text(entry.at.astimezone())
            texts = self._texts[id(entry)] = [when, action_label(entry.action), *describe(entry, self._names)]
        return texts

    def _cell(self, entry: OperationEntry, column: int) -> Cell:
        return Cell(self._texts_of(entry)[column])

    def _widest(self) -> dict[int, str]:
        """The short columns' widest texts among the first lines."""
        count = min(self.model.rowCount(), FIT_SAMPLE)
        rows = [self._texts_of(self.model.row_at(row)) for row in range(count)]
        metrics = self.table.fontMetrics()
        return {
            column: max((texts[column] for texts in rows), key=metrics.horizontalAdvance, default="")
            for column in (0, 1)
        }
