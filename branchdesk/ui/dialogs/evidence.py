"""Tools ▸ Evidence check: the warnings on the activities of the chosen region and months — photos without a
capture time or taken far from the day, the same picture in two activities, activities recorded late.
Warnings, never refusals; double-click (or Enter on) a line to open its activity.

Read off the UI thread (a county's photos are compared by their perceptual hashes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.activities import ActivityFilter
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import Month
from branchdesk.domain.photos import EvidenceKind, EvidenceWarning
from branchdesk.i18n.language import format_count
from branchdesk.i18n.messages import error_text
from branchdesk.i18n.noop import QT_TRANSLATE_NOOP
from branchdesk.services import photos as photo_service
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.jobs.runner import JobRunner, Reads
from branchdesk.ui.labels import date_text, moment_text
from branchdesk.ui.models.result_table import Cell, ResultTableModel
from branchdesk.ui.widgets import MarkedField, MonthLineEdit, check_all

MONTHS_SHOWN = 12  # opens on the last twelve months

_KINDS = {
    EvidenceKind.NO_CAPTURE_TIME: QT_TRANSLATE_NOOP("EvidenceDialog", "Photo without a capture time"),
    EvidenceKind.CAPTURE_TIME_FAR: QT_TRANSLATE_NOOP("EvidenceDialog", "Photo taken more than 3 days off"),
    EvidenceKind.SAME_PICTURE: QT_TRANSLATE_NOOP("EvidenceDialog", "Same picture as another activity"),
    EvidenceKind.RECORDED_LATE: QT_TRANSLATE_NOOP("EvidenceDialog", "Recorded late"),
}


class EvidenceDialog(QDialog):
    def __init__(
        self,
        ledger: Ledger,
        jobs: JobRunner,
        region_id: int | None,
        region_name: str,
        open_activity: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceDialog")
        whole = self.tr("the whole ledger")  # no region chosen (a ledger without regions): not "…检查："
        self.setWindowTitle(self.tr("Evidence check: {region}").format(region=region_name or whole))
        self._ledger = ledger
        self._region_id = region_id
        self._open_activity = open_activity
        last = Month.of(ledger.clock.today())
        first = last
        for _ in range(MONTHS_SHOWN - 1):
            first = first.previous()
        self.first = MonthLineEdit(self, keep_enter=True)
        self.first.setObjectName("evidenceFirst")
        self.first.set_value(first)
        self.last = MonthLineEdit(self, keep_enter=True)
        self.last.setObjectName("evidenceLast")
        self.last.set_value(last)
        self.summary = QLabel(self)
        self.summary.setObjectName("evidenceSummary")
        self.summary.setWordWrap(True)
        self.model: ResultTableModel[EvidenceWarning] = ResultTableModel(self._cell, self, tooltips=True)
        self.table = QTableView(self)
        self.table.setObjectName("evidenceTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.doubleClicked.connect(self._open)
        self.table.installEventFilter(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        hint = QLabel(
            self.tr(
                "These are warnings for the clerk to look into, not errors: a photo may be genuine and still "
                "lack a capture time. Double-click a line to open its activity."
            ),
            self,
        )
        hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Months from"), self))
        top.addWidget(MarkedField(self.first, beside=True))
        top.addWidget(QLabel(self.tr("to"), self))
        top.addWidget(MarkedField(self.last, beside=True))
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(980, 600)
        self._reader = Reads(jobs, self)
        self._reader.ready.connect(self._ready)
        self._reader.failed.connect(lambda _key, error: self._failed(error))
        self.first.value_edited.connect(self.refresh)
        self.last.value_edited.connect(self.refresh)
        self.refresh()

    def refresh(self, *_changed: object) -> None:
        """Read the list again (the months were changed, or an activity was saved meanwhile)."""
        if not check_all(self.first, self.last):
            return
        flt = ActivityFilter(
            region_id=self._region_id, first_month=self.first.accepted(), last_month=self.last.accepted()
        )
        self.summary.setText(self.tr("Checking…"))
        self.model.clear()
        self._reader.request(
            self._ledger.path, flt, lambda reader: photo_service.evidence_warnings(reader, flt)
        )

    def wait(self, msecs: int = 60000) -> bool:
        """Wait for the list asked for and show it (tests, screenshots)."""
        return self._reader.wait_shown(msecs)

    def done(self, result: int) -> None:
        self._reader.cancel()
        super().done(result)

    def _ready(self, _key: object, warnings: list[EvidenceWarning]) -> None:
        activities = len({warning.activity_id for warning in warnings})
        self.summary.setText(
            self.tr("{count} warnings on {activities} activities.").format(
                count=format_count(len(warnings)), activities=format_count(activities)
            )
            if warnings
            else self.tr(
                "No warnings: every photo's capture time fits its activity, and no picture is used twice."
            )
        )
        self.model.show(
            [self.tr("Date"), self.tr("Pairing"), self.tr("Warning"), self.tr("Details")], warnings
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((120, 330, 300)):
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)

    def _failed(self, error: BranchDeskError) -> None:
        self.summary.setText(error_text(error))

    def _cell(self, warning: EvidenceWarning, column: int) -> Cell:
        if column == 0:
            return Cell(date_text(warning.held_on))
        if column == 1:
            return Cell(warning.pairing)
        if column == 2:
            return Cell(QCoreApplication.translate("EvidenceDialog", _KINDS[warning.kind]))
        return Cell(self._detail(warning))

    def _detail(self, warning: EvidenceWarning) -> str:
        if warning.kind is EvidenceKind.SAME_PICTURE:
            other = date_text(dt.date.fromisoformat(warning.detail))
            return self.tr("also in the activity of {date}").format(date=other)
        if warning.kind is EvidenceKind.RECORDED_LATE:
            entered = date_text(dt.date.fromisoformat(warning.detail))
            return self.tr("entered on {date}").format(date=entered)
        caption, number = warning.detail, warning.photo
        if warning.taken_at is None:
            if caption:
                return self.tr("photo {number} “{caption}”").format(number=number, caption=caption)
            return self.tr("photo {number}").format(number=number)
        moment = moment_text(warning.taken_at)
        if caption:
            text = self.tr("photo {number}, taken {moment} “{caption}”")
            return text.format(number=number, moment=moment, caption=caption)
        return self.tr("photo {number}, taken {moment}").format(number=number, moment=moment)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self._open_activity(self.model.row_at(index.row()).activity_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._open(self.table.currentIndex())
            return True
        return super().eventFilter(watched, event)
