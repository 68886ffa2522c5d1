"""Tools ▸ Holidays: a year's official calendar, which years lack one, and entering a year by hand.

The State Council announces each year's holidays and adjusted working days late in the year before; the
program ships the years its library knows, and a clerk enters later years here (typed, or pasted or
imported as a simple list). A year without data falls back to plain weekends, and the dialog says so.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.changes import Changed
from branchdesk.domain.enums import DayKind
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.holiday_list import DeclaredDays, format_holiday_list, parse_holiday_list
from branchdesk.i18n.language import current_language, format_month
from branchdesk.i18n.messages import error_text
from branchdesk.services import holidays as holiday_service
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.edits import LedgerEdits

_HOLIDAY = QColor(253, 210, 205)
_WORKDAY = QColor(205, 222, 250)
_WEEKEND_TEXT = QColor(200, 30, 30)


class HolidaysDialog(QDialog):
    def __init__(
        self, ledger: Ledger, edits: LedgerEdits, parent: QWidget | None = None, *, folder: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("holidaysDialog")
        # Where Import a list… opens: the documents folder (an empty start opened the working folder).
        self._folder = folder if folder is not None else ledger.path.parent
        self.setWindowTitle(self.tr("Holidays"))
        self._ledger = ledger
        self._edits = edits
        today = ledger.clock.today()
        self.year = QSpinBox(self)
        self.year.setObjectName("holidayYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.status = QLabel(self)
        self.status.setObjectName("holidayStatus")
        self.status.setWordWrap(True)
        self.missing = QLabel(self)
        self.missing.setObjectName("missingYears")
        self.missing.setWordWrap(True)
        self.months: list[MonthGrid] = []
        grid_box = QWidget(self)
        grid = QGridLayout(grid_box)
        grid.setSpacing(6)
        for index in range(12):
            month = MonthGrid(grid_box)
            grid.addWidget(month, index // 4, index % 4)
            self.months.append(month)
        self.legend = QLabel(self)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("holidayList")
        self.editor.setMinimumWidth(240)
        self.problem = QLabel(self)
        self.problem.setObjectName("holidayProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b02018;")
        self.import_button = QPushButton(self.tr("Import a list…"), self)
        self.import_button.setObjectName("importHolidays")
        self.save_button = QPushButton(self.tr("Save this year"), self)
        self.save_button.setObjectName("saveHolidays")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        # Enter in the year shows that year: no button is the default (it opened a file chooser, or would
        # save or close), the dialog closes by Escape or Close.
        for button in (self.import_button, self.save_button, *buttons.buttons()):
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year"), self))
        top.addWidget(self.year)
        top.addWidget(self.status, 1)
        side = QVBoxLayout()
        hint = QLabel(self.tr("One date or range a line: 2027-02-06~2027-02-12 休 春节; 2027-02-14 班"), self)
        hint.setWordWrap(True)
        side.addWidget(hint)
        side.addWidget(self.editor, 1)
        side.addWidget(self.problem)
        side_buttons = QHBoxLayout()
        side_buttons.addWidget(self.import_button)
        side_buttons.addWidget(self.save_button)
        side.addLayout(side_buttons)
        body = QHBoxLayout()
        body.addWidget(grid_box)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.missing)
        layout.addLayout(body)
        layout.addWidget(self.legend)
        layout.addWidget(buttons)
        self.legend.setText(
            self.tr(
                "<span style='background:#fdd2cd'>&nbsp;休&nbsp;</span> official holiday &nbsp; "
                "<span style='background:#cddefa'>&nbsp;班&nbsp;</span> adjusted working day"
            )
        )

        self.year.valueChanged.connect(self.load_year)
        self.editor.textChanged.connect(self._preview)
        self.save_button.clicked.connect(self.save)
        self.import_button.clicked.connect(self.import_list)
        edits.changed.connect(self._on_changed)
        self.load_year()

    def load_year(self) -> None:
        year = self.year.value()
        days = holiday_service.year_days(self._ledger, year)
        self.editor.setPlainText(format_holiday_list(days))
        self._show_status()

    def _show_status(self) -> None:
        year = self.year.value()
        covered = holiday_service.covered_years(self._ledger)
        if year in covered:
            source = holiday_service.year_source(self._ledger, year)
            self.status.setText(
                self.tr("{year}: official calendar entered by hand.").format(year=year)
                if source == "user"
                else self.tr("{year}: official calendar supplied with BranchDesk.").format(year=year)
            )
        else:
            self.status.setText(
                self.tr("{year}: no official calendar yet; plain weekends are used. Enter it below.").format(
                    year=year
                )
            )
        missing = holiday_service.years_lacking_data(self._ledger)
        self.missing.setText(
            self.tr("Years without official data: {years}").format(years="、".join(map(str, missing)))
            if missing
            else self.tr("Every year from the first on record to next year has official data.")
        )

    def _parsed(self) -> DeclaredDays:
        return parse_holiday_list(self.editor.toPlainText(), self.year.value())

    def _preview(self) -> None:
        try:
            days = self._parsed()
        except BranchDeskError as error:
            self.problem.setText(error_text(error))
            self.save_button.setEnabled(False)
            return
        self.problem.clear()
        self.save_button.setEnabled(True)
        self._paint(days)

    def _paint(self, days: DeclaredDays) -> None:
        year = self.year.value()
        for month, grid in enumerate(self.months, start=1):
            grid.show_month(year, month, {day: value for day, value in days.items() if day.month == month})

    def save(self) -> Changed | None:
        try:
            days = self._parsed()
        except BranchDeskError as error:
            self.problem.setText(error_text(error))
            return None
        year = self.year.value()
        return self._edits.run(lambda ledger: holiday_service.set_year(ledger, year, days), self)

    def import_list(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a holiday list"),
            str(self._folder),
            self.tr("Text files (*.txt *.csv);;All files (*)"),
        )
        if not name:
            return
        data = Path(name).read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("gb18030", errors="replace")  # Notepad and WPS on Chinese Windows save GBK
        self.import_text(text)

    def import_text(self, text: str) -> None:
        """Put a list read from a file in the editor, to check on the calendar before saving."""
        self.editor.setPlainText(text)

    def _on_changed(self, changed: Changed) -> None:
        if changed.touches("holiday", "holiday_year"):
            self.load_year()

    def day_kind(self, day: dt.date) -> DayKind | None:
        """What the calendar on show marks ``day`` as (tests read the painting back)."""
        return self.months[day.month - 1].kind_of(day)


class MonthGrid(QWidget):
    """One month as a wall calendar shows it: Monday first, weekends in red, declared days coloured."""

    CELL = 26

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kinds: dict[dt.date, DayKind] = {}
        self.title = QLabel(self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table = QTableWidget(self)
        self.table.verticalHeader().hide()
        # Sizes first: the default size applies to the sections made after it is set.
        for header, size in (
            (self.table.horizontalHeader(), self.CELL + 6),
            (self.table.verticalHeader(), self.CELL - 4),
        ):
            header.setMinimumSectionSize(10)
            header.setDefaultSectionSize(size)
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setRowCount(6)
        self.table.setColumnCount(7)
        self.table.setHorizontalHeaderLabels(["一", "二", "三", "四", "五", "六", "日"])
        self.table.setShowGrid(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header_height = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedSize(7 * (self.CELL + 6) + 2, header_height + 6 * (self.CELL - 4) + 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.table)

    def show_month(self, year: int, month: int, days: DeclaredDays) -> None:
        self.title.setText(format_month(year, month, current_language()))
        self._kinds = {day: kind for day, (kind, _) in days.items()}
        self.table.clearContents()
        first = dt.date(year, month, 1)
        offset = first.weekday()
        day = first
        while day.month == month:
            position = offset + day.day - 1
            item = QTableWidgetItem(str(day.day))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            declared = days.get(day)
            if declared is not None:
                kind, name = declared
                item.setBackground(_HOLIDAY if kind is DayKind.HOLIDAY else _WORKDAY)
                item.setToolTip(f"{name or ''} {'休' if kind is DayKind.HOLIDAY else '班'}".strip())
            if day.weekday() >= 5 and (declared is None or declared[0] is DayKind.HOLIDAY):
                item.setForeground(_WEEKEND_TEXT)
            self.table.setItem(position // 7, position % 7, item)
            day += dt.timedelta(days=1)

    def kind_of(self, day: dt.date) -> DayKind | None:
        return self._kinds.get(day)
