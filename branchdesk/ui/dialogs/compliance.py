"""The compliance view (1+N): overdue pairings for a month, each pairing month by month, key tasks covered.

It opens on the current month (by the window's clock) as a reminder of the pairings that still owe this
month a themed Party day. The figures are those of ``branchdesk-cli stats`` and ``branchdesk-cli overdue``.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.compliance import MonthStatus
from branchdesk.domain.months import HalfYear, Month, month_range
from branchdesk.i18n.language import format_count, format_month, format_rate
from branchdesk.services import compliance as compliance_service
from branchdesk.services import key_tasks as key_task_service
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.labels import current_language, date_text

MONTHS_SHOWN = 6  # the month-by-month view: the chosen month and the five before it

_OVERDUE = QColor(253, 226, 222)
_DONE = QColor(222, 242, 222)


def _item(text: str, background: QColor | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if background is not None:
        item.setBackground(QBrush(background))
    return item


def _names_then_fit(table: QTableWidget) -> None:
    """The two branch names at a readable width, the month or task columns as wide as their headers."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column, width in ((0, 190), (1, 250)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(column, width)
    header.setStretchLastSection(True)


class ComplianceDialog(QDialog):
    def __init__(
        self, ledger: Ledger, region_id: int, region_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("complianceDialog")
        self.setWindowTitle(self.tr("Compliance (1+N): {region}").format(region=region_name))
        self._ledger = ledger
        self._region_id = region_id
        today = ledger.clock.today()
        self._current = Month.of(today)
        self.month = QDateEdit(self)
        self.month.setObjectName("complianceMonth")
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(True)
        self.month.setMaximumDate(QDate(today.year, today.month, 1))
        self.month.setDate(QDate(today.year, today.month, 1))
        self.summary = QLabel(self)
        self.summary.setObjectName("complianceSummary")
        self.summary.setWordWrap(True)
        self.overdue = QTableWidget(0, 4, self)
        self.overdue.setObjectName("overdueTable")
        self.grid = QTableWidget(0, 0, self)
        self.grid.setObjectName("monthGrid")
        self.half_year = QComboBox(self)
        self.half_year.setObjectName("coverageHalfYear")
        self.coverage = QTableWidget(0, 0, self)
        self.coverage.setObjectName("keyTaskCoverage")
        for table in (self.overdue, self.grid, self.coverage):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setAlternatingRowColors(True)
            table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.pages = QTabWidget(self)
        self.pages.addTab(self.overdue, self.tr("Overdue pairings"))
        self.pages.addTab(self.grid, self.tr("Month by month"))
        coverage_page = QWidget(self)
        coverage_layout = QVBoxLayout(coverage_page)
        coverage_top = QHBoxLayout()
        coverage_top.addWidget(QLabel(self.tr("Half-year"), coverage_page))
        coverage_top.addWidget(self.half_year)
        coverage_top.addStretch()
        coverage_layout.addLayout(coverage_top)
        coverage_layout.addWidget(self.coverage)
        self.pages.addTab(coverage_page, self.tr("Key tasks (N)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month"), self))
        top.addWidget(self.month)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages)
        layout.addWidget(buttons)
        self.resize(980, 620)

        halves = sorted({*key_task_service.half_years(ledger), HalfYear.of(today)}, reverse=True)
        for half_year in halves:
            self.half_year.addItem(str(half_year))
        self.half_year.setCurrentIndex(self.half_year.findText(str(HalfYear.of(today))))
        self.month.dateChanged.connect(self.refresh)
        self.half_year.currentIndexChanged.connect(self._fill_coverage)
        self.refresh()

    def chosen_month(self) -> Month:
        value = self.month.date()
        return Month(value.year(), value.month())

    def refresh(self) -> None:
        month = self.chosen_month()
        self._fill_overdue(month)
        self._fill_grid(month)
        self._fill_coverage()

    def _fill_overdue(self, month: Month) -> None:
        rate = compliance_service.compliance(self._ledger, self._region_id, month)
        overdue = compliance_service.overdue_pairings(self._ledger, self._region_id, month)
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
        self.summary.setText(
            text.format(
                month=name,
                overdue=format_count(len(overdue)),
                total=format_count(rate.total),
                rate=format_rate(rate.percent),
            )
        )
        self.overdue.setHorizontalHeaderLabels(
            [
                self.tr("Region"),
                self.tr("Grassroots branch"),
                self.tr("Organ branch"),
                self.tr("Last themed Party day"),
            ]
        )
        self.overdue.setRowCount(len(overdue))
        for row, pairing in enumerate(overdue):
            last = date_text(pairing.last_themed_day) if pairing.last_themed_day else self.tr("never")
            for column, text in enumerate((pairing.region, pairing.grassroots, pairing.organ, last)):
                self.overdue.setItem(row, column, _item(text))
        self.overdue.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def _fill_grid(self, month: Month) -> None:
        first = month
        for _ in range(MONTHS_SHOWN - 1):
            first = first.previous()
        months = month_range(first, month)
        rows = compliance_service.pairing_months(self._ledger, self._region_id, months)
        self.grid.clear()
        self.grid.setColumnCount(2 + len(months))
        self.grid.setHorizontalHeaderLabels(
            [
                self.tr("Grassroots branch"),
                self.tr("Organ branch"),
                *(f"{m.year}-{m.month:02d}" for m in months),
            ]
        )
        self.grid.setRowCount(len(rows))
        for row, pairing in enumerate(rows):
            self.grid.setItem(row, 0, _item(pairing.grassroots))
            self.grid.setItem(row, 1, _item(pairing.organ))
            for index in range(len(months)):
                status = pairing.status(index)
                if status is MonthStatus.NOT_DUE:
                    cell = _item("—")
                elif status is MonthStatus.DONE:
                    cell = _item(f"✓ {pairing.themed_days[index]}", _DONE)
                else:
                    cell = _item("✗", _OVERDUE)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.grid.setItem(row, 2 + index, cell)
        _names_then_fit(self.grid)

    def _fill_coverage(self) -> None:
        half_year = HalfYear.parse(self.half_year.currentText())
        tasks = key_task_service.key_tasks(self._ledger, half_year)
        rows = compliance_service.key_task_coverage(self._ledger, self._region_id, half_year)
        self.coverage.clear()
        self.coverage.setColumnCount(3 + len(tasks))
        self.coverage.setHorizontalHeaderLabels(
            [
                self.tr("Grassroots branch"),
                self.tr("Organ branch"),
                *(t.name for t in tasks),
                self.tr("Covered"),
            ]
        )
        self.coverage.setRowCount(len(rows))
        for row, pairing in enumerate(rows):
            self.coverage.setItem(row, 0, _item(pairing.grassroots))
            self.coverage.setItem(row, 1, _item(pairing.organ))
            for index, task in enumerate(tasks):
                done = task.id in pairing.covered
                cell = _item("✓" if done else "", _DONE if done else None)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.coverage.setItem(row, 2 + index, cell)
            count = sum(1 for task in tasks if task.id in pairing.covered)
            total = self.tr("{count} of {total}").format(count=count, total=len(tasks))
            self.coverage.setItem(row, 2 + len(tasks), _item(total))
        _names_then_fit(self.coverage)
