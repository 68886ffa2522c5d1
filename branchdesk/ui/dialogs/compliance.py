"""The compliance view (1+N): overdue pairings for a month, each pairing month by month, key tasks covered.

It opens on the current month (by the window's clock) as a reminder of the pairings that still owe this
month a themed Party day. The figures are those of ``branchdesk-cli stats`` and ``branchdesk-cli overdue``.
At stress scale a month's figures take a second or more to read and its overdue list has tens of thousands
of rows: they are read off the UI thread on a connection of their own (a later month interrupts an earlier
one's read) and shown through models that make a cell only when the view paints it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.activities import KeyTask
from branchdesk.domain.compliance import KeyTaskCoverage, MonthStatus, OverduePairing, PairingMonths
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import HalfYear, Month, month_range
from branchdesk.domain.photos import Evidence
from branchdesk.domain.rates import Rate
from branchdesk.i18n.language import format_count, format_half_year, format_month, format_rate
from branchdesk.i18n.messages import error_text
from branchdesk.services import compliance as compliance_service
from branchdesk.services import key_tasks as key_task_service
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.jobs.runner import JobRunner, Reads
from branchdesk.ui.labels import current_language, date_text
from branchdesk.ui.models.result_table import Cell, ResultTableModel
from branchdesk.ui.widgets import MarkedField, MonthLineEdit

MONTHS_SHOWN = 6  # the month-by-month view: the chosen month and the five before it

_OVERDUE = QColor(253, 226, 222)
_DONE = QColor(222, 242, 222)
_INCOMPLETE = QColor(255, 240, 214)


@dataclass(frozen=True)
class MonthFigures:
    """What the dialog shows for a month, read in one go off the UI thread."""

    month: Month
    rate: Rate
    overdue: list[OverduePairing]
    months: list[Month]  # the month-by-month span, ending with ``month``
    grid: list[PairingMonths]
    evidence: Rate  # the month's themed Party days with photos and attendance, of all of them
    evidence_states: dict[int, Evidence]  # per pairing of the grid that held a themed day in ``month``


@dataclass(frozen=True)
class CoverageFigures:
    half_year: HalfYear
    tasks: list[KeyTask]
    rows: list[KeyTaskCoverage]


def read_month(ledger: Ledger, region_id: int, month: Month) -> MonthFigures:
    first = month
    for _ in range(MONTHS_SHOWN - 1):
        first = first.previous()
    months = month_range(first, month)
    grid = compliance_service.pairing_months(ledger, region_id, months)
    return MonthFigures(
        month=month,
        rate=compliance_service.compliance(ledger, region_id, month),
        overdue=compliance_service.overdue_pairings(ledger, region_id, month),
        months=months,
        grid=grid,
        evidence=compliance_service.evidence_complete(ledger, region_id, month),
        evidence_states=compliance_service.evidence_by_pairing(
            ledger, [row.pairing_id for row in grid], month
        ),
    )


def read_coverage(ledger: Ledger, region_id: int, half_year: HalfYear) -> CoverageFigures:
    return CoverageFigures(
        half_year=half_year,
        tasks=key_task_service.key_tasks(ledger, half_year),
        rows=compliance_service.key_task_coverage(ledger, region_id, half_year),
    )


def _names_then_fit(table: QTableView) -> None:
    """The two branch names at a readable width, the month or task columns as wide as their headers.

    Measured from the headers alone: fitting to the contents would make the view read a thousand rows'
    cells per column on the UI thread (seconds at stress scale)."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    cell = table.fontMetrics().horizontalAdvance("✓ 00") + 16
    for column in range(header.count()):
        fitted = max(cell, header.sectionSizeFromContents(column).width())
        table.setColumnWidth(column, {0: 190, 1: 250}.get(column, fitted))
    header.setStretchLastSection(True)


class ComplianceDialog(QDialog):
    def __init__(
        self,
        ledger: Ledger,
        jobs: JobRunner,
        region_id: int,
        region_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("complianceDialog")
        self.setWindowTitle(self.tr("Compliance (1+N): {region}").format(region=region_name))
        self._ledger = ledger
        self._region_id = region_id
        today = ledger.clock.today()
        self._current = Month.of(today)
        self._tasks: list[KeyTask] = []  # the coverage columns, of the half-year shown
        self._evidence: dict[int, Evidence] = {}  # the grid's last column, of the month shown
        # Enter shows the month typed; it does not close the view.
        self.month = MonthLineEdit(self, keep_enter=True)
        self.month.setObjectName("complianceMonth")
        self.month.set_value(self._current)
        self.summary = QLabel(self)
        self.summary.setObjectName("complianceSummary")
        self.summary.setWordWrap(True)
        self.overdue_model: ResultTableModel[OverduePairing] = ResultTableModel(self._overdue_cell, self)
        self.grid_model: ResultTableModel[PairingMonths] = ResultTableModel(self._grid_cell, self)
        self.coverage_model: ResultTableModel[KeyTaskCoverage] = ResultTableModel(self._coverage_cell, self)
        self.overdue = QTableView(self)
        self.overdue.setObjectName("overdueTable")
        self.grid = QTableView(self)
        self.grid.setObjectName("monthGrid")
        self.half_year = QComboBox(self)
        self.half_year.setObjectName("coverageHalfYear")
        self.coverage_status = QLabel(self)
        self.coverage_status.setObjectName("coverageStatus")
        self.coverage = QTableView(self)
        self.coverage.setObjectName("keyTaskCoverage")
        for table, model in (
            (self.overdue, self.overdue_model),
            (self.grid, self.grid_model),
            (self.coverage, self.coverage_model),
        ):
            table.setModel(model)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setAlternatingRowColors(True)
            table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.overdue.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.pages = QTabWidget(self)
        self.pages.addTab(self.overdue, self.tr("Overdue pairings"))
        self.pages.addTab(self.grid, self.tr("Month by month"))
        coverage_page = QWidget(self)
        coverage_layout = QVBoxLayout(coverage_page)
        coverage_top = QHBoxLayout()
        coverage_top.addWidget(QLabel(self.tr("Half-year"), coverage_page))
        coverage_top.addWidget(self.half_year)
        coverage_top.addWidget(self.coverage_status, 1)
        coverage_layout.addLayout(coverage_top)
        coverage_layout.addWidget(self.coverage)
        self.pages.addTab(coverage_page, self.tr("Key tasks (N)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month"), self))
        top.addWidget(MarkedField(self.month, beside=True))
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages)
        layout.addWidget(buttons)
        self.resize(980, 620)

        # Two readers, so that choosing a half-year does not interrupt the month's read or the other way.
        self._month_reader = Reads(jobs, self)
        self._month_reader.ready.connect(self._month_ready)
        self._month_reader.failed.connect(self._month_failed)
        self._coverage_reader = Reads(jobs, self)
        self._coverage_reader.ready.connect(self._coverage_ready)
        self._coverage_reader.failed.connect(self._coverage_failed)

        # The current half-year at once; the others the key tasks name come with a read of their own.
        self._offer_half_years([HalfYear.of(today)])
        self._halves_reader = Reads(jobs, self)
        self._halves_reader.ready.connect(lambda _key, halves: self._offer_half_years(halves))
        self._halves_reader.request(ledger.path, "half-years", key_task_service.half_years)
        self.month.value_edited.connect(self._read_month)
        self.half_year.currentIndexChanged.connect(self._read_coverage)
        self.refresh()

    def _offer_half_years(self, halves: list[HalfYear]) -> None:
        """The half-years to choose from, newest first; the one chosen stays chosen."""
        chosen = self.half_year.currentData() or str(HalfYear.of(self._ledger.clock.today()))
        with QSignalBlocker(self.half_year):
            self.half_year.clear()
            for half_year in sorted({*halves, HalfYear.parse(chosen)}, reverse=True):
                self.half_year.addItem(format_half_year(half_year), str(half_year))
            self.half_year.setCurrentIndex(self.half_year.findData(chosen))

    def chosen_month(self) -> Month:
        """The month last entered: text that is no month is marked and leaves the figures as they are."""
        return self.month.accepted() or self._current

    def refresh(self) -> None:
        """Read the chosen month and half-year again (after an activity was recorded)."""
        self._read_month()
        self._read_coverage()

    def wait(self, msecs: int = 60000) -> bool:
        """Wait for the figures asked for and show them (tests, screenshots)."""
        readers = (self._halves_reader, self._month_reader, self._coverage_reader)
        done = all(reader.wait(msecs) for reader in readers)
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()
        return done

    @property
    def reading(self) -> bool:
        readers = (self._halves_reader, self._month_reader, self._coverage_reader)
        return any(reader.pending for reader in readers)

    def done(self, result: int) -> None:
        """Closing stops a read under way: its query is interrupted and its result dropped."""
        for reader in (self._halves_reader, self._month_reader, self._coverage_reader):
            reader.cancel()
        super().done(result)

    # -- the month: overdue pairings and month by month ---------------------------------------------

    def _read_month(self) -> None:
        month, region = self.chosen_month(), self._region_id
        self.summary.setText(self.tr("Counting…"))
        self.overdue_model.clear()
        self.grid_model.clear()
        self._month_reader.request(self._ledger.path, month, lambda reader: read_month(reader, region, month))

    def _month_ready(self, _month: object, figures: MonthFigures) -> None:
        month, rate = figures.month, figures.rate
        name = format_month(month.year, month.month, current_language())
        if rate.total == 0:
            text = self.tr(
                "{month}: no pairing was active for the whole month, so none owes a themed Party day."
            )
        elif month == self._current:
            text = self.tr(
                "Reminder — {month} is under way: {overdue} of {total} pairings have not held a themed Party "
                "day yet (compliance so far {rate})."
            )
        else:
            text = self.tr(
                "{month}: {overdue} of {total} pairings held no themed Party day (compliance {rate})."
            )
        evidence = figures.evidence
        self._evidence = figures.evidence_states
        self.summary.setText(
            text.format(
                month=name,
                overdue=format_count(len(figures.overdue)),
                total=format_count(rate.total),
                rate=format_rate(rate.percent),
            )
            + self.tr(
                " Evidence complete (photos and attendance): {count} of {total} themed Party days ({rate})."
            ).format(
                count=format_count(evidence.count),
                total=format_count(evidence.total),
                rate=format_rate(evidence.percent),
            )
        )
        self.overdue_model.show(
            [
                self.tr("Region"),
                self.tr("Grassroots branch"),
                self.tr("Organ branch"),
                self.tr("Last themed Party day"),
            ],
            figures.overdue,
        )
        language = current_language()
        self.grid_model.show(
            [
                self.tr("Grassroots branch"),
                self.tr("Organ branch"),
                *(format_month(m.year, m.month, language) for m in figures.months),
                self.tr("Evidence {month}").format(month=format_month(month.year, month.month, language)),
            ],
            figures.grid,
        )
        _names_then_fit(self.grid)
        limited = len(figures.grid) >= compliance_service.ROWS_LIMIT
        self.pages.setTabText(
            self.pages.indexOf(self.grid),
            self.tr(
                "Month by month (the first {count} pairings; choose a county or township for the rest)"
            ).format(count=format_count(compliance_service.ROWS_LIMIT))
            if limited
            else self.tr("Month by month"),
        )

    def _month_failed(self, _month: object, error: BranchDeskError) -> None:
        self.summary.setText(error_text(error))

    def _overdue_cell(self, pairing: OverduePairing, column: int) -> Cell:
        if column == 3:
            last = pairing.last_themed_day
            return Cell(date_text(last) if last else self.tr("never"))
        return Cell((pairing.region, pairing.grassroots, pairing.organ)[column])

    def _grid_cell(self, pairing: PairingMonths, column: int) -> Cell:
        if column < 2:
            return Cell((pairing.grassroots, pairing.organ)[column])
        index = column - 2
        if index == len(pairing.themed_days):
            return self._evidence_cell(self._evidence.get(pairing.pairing_id))
        status = pairing.status(index)
        if status is MonthStatus.NOT_DUE:
            return Cell("—", centred=True)
        if status is MonthStatus.DONE:
            return Cell(f"✓ {pairing.themed_days[index]}", _DONE, centred=True)
        return Cell("✗", _OVERDUE, centred=True)

    def _evidence_cell(self, evidence: Evidence | None) -> Cell:
        """The chosen month's themed day of a pairing: its photos and attendance there, or what is missing."""
        if evidence is None:
            return Cell("—", centred=True)
        if evidence is Evidence.COMPLETE:
            return Cell(self.tr("✓ complete"), _DONE, centred=True)
        missing = {
            Evidence.NO_PHOTOS: self.tr("no photos"),
            Evidence.NO_ATTENDANCE: self.tr("no attendance"),
            Evidence.NEITHER: self.tr("no photos, no attendance"),
        }
        return Cell(missing[evidence], _INCOMPLETE, centred=True)

    # -- the half-year: key tasks covered -----------------------------------------------------------

    def _read_coverage(self) -> None:
        half_year, region = HalfYear.parse(self.half_year.currentData()), self._region_id
        self.coverage_status.setText(self.tr("Counting…"))
        self.coverage_model.clear()
        self._coverage_reader.request(
            self._ledger.path, half_year, lambda reader: read_coverage(reader, region, half_year)
        )

    def _coverage_ready(self, _half_year: object, figures: CoverageFigures) -> None:
        self.coverage_status.clear()
        if len(figures.rows) >= compliance_service.ROWS_LIMIT:
            self.coverage_status.setText(
                self.tr("The first {count} pairings; choose a county or township for the rest.").format(
                    count=format_count(compliance_service.ROWS_LIMIT)
                )
            )
        self._tasks = figures.tasks
        self.coverage_model.show(
            [
                self.tr("Grassroots branch"),
                self.tr("Organ branch"),
                *(t.name for t in figures.tasks),
                self.tr("Covered"),
            ],
            figures.rows,
        )
        _names_then_fit(self.coverage)

    def _coverage_failed(self, _half_year: object, error: BranchDeskError) -> None:
        self.coverage_status.setText(error_text(error))

    def _coverage_cell(self, pairing: KeyTaskCoverage, column: int) -> Cell:
        if column < 2:
            return Cell((pairing.grassroots, pairing.organ)[column])
        tasks = self._tasks
        if column - 2 < len(tasks):
            done = tasks[column - 2].id in pairing.covered
            return Cell("✓" if done else "", _DONE if done else None, centred=True)
        count = sum(1 for task in tasks if task.id in pairing.covered)
        return Cell(self.tr("{count} of {total}").format(count=count, total=len(tasks)))
