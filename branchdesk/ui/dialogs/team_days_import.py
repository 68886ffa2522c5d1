"""Work teams ▸ Import a month sheet: a month's days as the counties keep them in Excel, WPS or CSV (a row
per member found by the phone number, a column per day; exchange/team_days.py), read and checked off the UI
thread against the ledger (services.teams.check_days_import, the checks of ``teams --import``). Each
member's month is previewed as it will be saved, with the days the rule counts and the shortfall; every
problem is listed with its row, and nothing is imported while there is one (a sheet goes in whole or not
at all). The import is one step of Edit ▸ Undo."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.changes import Changed
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import Month
from branchdesk.domain.teams import DayEntry, SheetProblem, day_letters, required_days
from branchdesk.i18n.language import format_count, format_month
from branchdesk.i18n.messages import error_text
from branchdesk.services import teams as team_service
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.file_import import FileField, ImportTools
from branchdesk.ui.jobs.runner import Cancelled, Progress
from branchdesk.ui.labels import current_language
from branchdesk.ui.widgets import PROBLEM_STYLE, MonthLineEdit

_SHORT = QColor("#c42b1c")  # PROBLEM_STYLE's red: a member below the rule, as on the grid


@dataclass(frozen=True)
class PreviewRow:
    """A member's month as the import would leave it (the days entered before, with the sheet's)."""

    rows: tuple[int, ...]  # the sheet's rows that give these days
    name: str
    phone: str
    branch: str
    days: str  # 在假公缺, · for a day with nothing entered
    counted: int
    required: int


@dataclass(frozen=True)
class Checked:
    """What a check found: the days to import, the preview, and every problem."""

    month: Month
    entries: list[DayEntry]
    preview: list[PreviewRow]
    problems: list[SheetProblem]


def _date(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def check_sheet(ledger: Ledger, path: Path, month: Month) -> Checked:
    """Read the sheet and check its days against the ledger, writing nothing; a sheet without a phone
    column or with the wrong day columns is refused at once (BranchDeskError)."""
    from branchdesk.exchange.team_days import read_sheet  # the spreadsheet readers: loaded when first used

    sheet = read_sheet(path, month)
    found = team_service.check_days_import(ledger, sheet.entries)
    rule = team_service.min_days(ledger)
    preview = []
    for (member_id, of_month), days in found.months.items():
        member = found.members[member_id]
        from_on = dt.date.fromisoformat(member["from_on"])
        preview.append(
            PreviewRow(
                tuple(found.rows[member_id]),
                member["name"],
                member["phone"],
                member["branch"],
                day_letters(days, chinese=True),
                days.counted,
                required_days(rule, of_month, from_on, _date(member["to_on"])),
            )
        )
    preview.sort(key=lambda row: row.rows)
    problems = sorted((*sheet.problems, *found.problems), key=lambda problem: problem.row)
    return Checked(month, sheet.entries, preview, problems)


class TeamDaysImportDialog(QDialog):
    imported = Signal(object)  # the Month whose days were imported

    def __init__(self, tools: ImportTools, month: Month, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamDaysImport")
        self.setWindowTitle(self.tr("Import a month sheet of work team days"))
        self.resize(980, 620)
        self.tools = tools
        self.checked: Checked | None = None

        self.file = FileField(self, tools.choose_file, "teamImport")
        self.path, self.browse = self.file.path, self.file.browse
        self.path.setPlaceholderText(self.tr("An .xlsx, .xls or .csv file with a phone column and the days"))
        self.month = MonthLineEdit(self, keep_enter=True)
        self.month.setObjectName("teamImportMonth")
        self.month.set_value(month)
        self.month.setMaximumWidth(self.fontMetrics().horizontalAdvance("2022-06") * 3)
        self.check_button = QPushButton(self.tr("&Check the sheet"), self)
        self.check_button.setObjectName("teamImportCheck")
        self.summary = QLabel(self)
        self.summary.setObjectName("teamImportSummary")
        self.summary.setWordWrap(True)
        self.preview = self._table(
            "teamImportPreview",
            [
                self.tr("Row"),
                self.tr("Member"),
                self.tr("Phone"),
                self.tr("Branch"),
                self.tr("Days (在 假 公 缺)"),
                self.tr("Days counted"),
                self.tr("Days required"),
                self.tr("Short by"),
            ],
            stretch=4,
        )
        self.problems = self._table("teamImportProblems", [self.tr("Row"), self.tr("Problem")], stretch=1)
        self.problems_label = QLabel(self)
        self.problems_label.setObjectName("teamImportBlocked")
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet(PROBLEM_STYLE)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        # Not AcceptRole, and no button the default: Enter in the path checks the sheet, and it clicked
        # Import as well (enabled by that check), writing the month before its preview was seen.
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button.setObjectName("teamImportRun")
        self.import_button.setEnabled(False)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)

        month_row = QHBoxLayout()
        month_row.addWidget(self.month)
        month_row.addWidget(self.check_button)
        month_row.addStretch()
        form = QFormLayout()
        form.addRow(self.tr("Sheet file:"), self.file)
        form.addRow(self.tr("Month:"), month_row)
        note = QLabel(
            self.tr(
                "A header row with the phone column (电话) and a column for each day of the month (1 … 31 or "
                "1日 …); a row per member: 在 假 公 缺 or P L B A, a leave with its reason (假 病假). Empty "
                "cells change nothing. Members are found by their phone numbers."
            ),
            self,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview, 3)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)

        self.file.chosen.connect(self.check)
        self.path.returnPressed.connect(self.check)
        self.month.value_edited.connect(self.check)
        self.check_button.clicked.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.run_import)
        self._show(None)

    def _table(self, name: str, headers: list[str], stretch: int) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = table.horizontalHeader()
        for column in range(len(headers)):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column == stretch
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
        return table

    # -- checking ------------------------------------------------------------------------------------

    def check(self) -> None:
        """Read and check the sheet for the month chosen, off the UI thread; nothing is written."""
        text, month = self.path.text().strip(), self.month.accepted()
        self.checked = None
        if not text or month is None:
            self._show(None)
            return
        path = Path(text)

        def work(ledger: Ledger, _progress: Progress) -> Checked:
            return check_sheet(ledger, path, month)

        result = self.tools.run(self, self.tr("Checking the sheet…"), work, read_only=True)
        if isinstance(result, Checked):
            self.checked = result
            self._show(result)
        elif isinstance(result, BranchDeskError):
            self._show(None, error_text(result))
        elif isinstance(result, Cancelled):
            self._show(None, self.tr("Cancelled: nothing was checked."))

    def _show(self, checked: Checked | None, refused: str = "") -> None:
        preview = [] if checked is None else checked.preview
        self.preview.setRowCount(len(preview))
        for position, row in enumerate(preview):
            short = max(0, row.required - row.counted)
            cells = (
                "、".join(map(str, row.rows)), row.name, row.phone, row.branch, row.days,
                str(row.counted), str(row.required), str(short),
            )  # fmt: skip
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if short:
                    item.setForeground(QBrush(_SHORT))
                self.preview.setItem(position, column, item)
        problems = [] if checked is None else checked.problems
        self.problems.setRowCount(len(problems))
        for position, problem in enumerate(problems):
            for column, value in enumerate((str(problem.row or ""), error_text(problem.error))):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.problems.setItem(position, column, item)
        self.problems.setVisible(bool(problems))
        if refused:
            blocked = refused
        elif problems:
            blocked = self.tr(
                "{count} problem(s): nothing can be imported. Correct the sheet, save it, then Check the "
                "sheet again."
            ).format(count=format_count(len(problems)))
        else:
            blocked = ""
        self.problems_label.setText(blocked)
        self.problems_label.setVisible(bool(blocked))
        self.summary.setText(self._summary(checked) if checked is not None else "")
        self.import_button.setEnabled(
            checked is not None and not problems and bool(checked.entries) and self.tools.edits.writable
        )

    def _summary(self, checked: Checked) -> str:
        month = format_month(checked.month.year, checked.month.month, current_language())
        if not checked.entries:
            return self.tr("The sheet has no days entered for {month}.").format(month=month)
        short = sum(1 for row in checked.preview if row.counted < row.required)
        return self.tr(
            "{month}: {days} days read, for {members} members; after the import {short} of them are below "
            "the rule."
        ).format(
            month=month,
            days=format_count(len(checked.entries)),
            members=format_count(len(checked.preview)),
            short=format_count(short),
        )

    # -- importing -----------------------------------------------------------------------------------

    def run_import(self) -> None:
        """The checked days, as one step of Edit ▸ Undo; a refusal (a month locked meanwhile) is shown and
        nothing is written."""
        checked = self.checked
        if checked is None or checked.problems or not checked.entries:
            return
        entries = checked.entries

        def work(ledger: Ledger, _progress: Progress) -> Changed:
            return team_service.record_days(ledger, entries)

        result = self.tools.run(self, self.tr("Importing the days…"), work, read_only=False)
        if isinstance(result, Changed):
            self.tools.edits.record(result)
            self.imported.emit(checked.month)
            self.accept()
        elif isinstance(result, BranchDeskError):
            self._show(checked, error_text(result))
