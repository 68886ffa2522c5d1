"""File ▸ Import: choose a file and what it holds, correct the column mapping, check the rows (a dry run
with the report of rejected rows), choose what happens to rejected and duplicate rows, then import as one
undoable step. The checks and the import run off the UI thread, with progress and Cancel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.imports import ImportKind, ImportMode, ImportReport
from branchdesk.exchange.columns import COLUMNS, column
from branchdesk.exchange.files import suffix
from branchdesk.exchange.ledger_import import SheetPlan, import_file, plan_file, sheet_label, write_report
from branchdesk.i18n.import_report import count_lines, report_lines
from branchdesk.i18n.messages import error_text
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.file_choice import FilePurpose
from branchdesk.ui.dialogs.file_import import FileField, ImportTools
from branchdesk.ui.dialogs.wizard_page import ERROR_STYLE, MessagePage
from branchdesk.ui.jobs.runner import Cancelled, Progress

_WHAT = ("branches", "pairings", "activities", "items", "agreements", "teams", "ratings", "regions", "all")
_ENCODINGS = (None, "gb18030", "utf-8")  # automatic, GBK (read as its superset GB18030), UTF-8


def _cell_text(value: object) -> str:
    """A cell as the preview shows it: Excel's dates carry a time of midnight that means nothing."""
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    return "" if value is None else str(value)


def _sheet_text(name: str, label: str) -> str:
    """A sheet in the choice of sheets: its name, and what it is read as where the name does not say it (an
    export's sheets are named for what they hold)."""
    return name if name == label else f"{name} — {label}"


class ImportWizard(QWizard):
    def __init__(self, tools: ImportTools, *, chinese: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import from a spreadsheet"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        # Once imported (the check page commits) nothing is left to cancel or go back to: the last page
        # offers Finish only.
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.resize(900, 620)
        self.tools = tools
        self.chinese = chinese
        self.plans: list[SheetPlan] = []
        self.checked: ImportReport | None = None  # the dry run's report
        self.result_report: ImportReport | None = None  # the import's
        self.file_page = _FilePage(self)
        self.mapping_page = _MappingPage(self)
        self.check_page = _CheckPage(self)
        self.done_page = _DonePage(self)
        for page in (self.file_page, self.mapping_page, self.check_page, self.done_page):
            self.addPage(page)

    # -- shared by the pages ---------------------------------------------------------------------------

    @property
    def path(self) -> Path:
        return Path(self.file_page.path.text().strip())

    @property
    def encoding(self) -> str | None:
        return _ENCODINGS[self.file_page.encoding.currentIndex()]

    def field_name(self, kind: ImportKind, field: str) -> str:
        found = column(kind, field)
        return found.header if self.chinese else found.english

    def run(self, label: str, *, dry_run: bool) -> ImportReport | None:
        """Check (``dry_run``) or import the file off the UI thread; None when cancelled or refused (the
        reason is shown on the current page)."""
        path, plans, encoding = self.path, self.plans, self.encoding
        mode = ImportMode.VALID_ONLY if self.check_page.valid_only.isChecked() else ImportMode.ALL_OR_NOTHING
        update = self.check_page.update_rows.isChecked()

        def work(ledger: Ledger, progress: Progress) -> ImportReport:
            return import_file(
                ledger,
                path,
                plans,
                mode=mode,
                update=update,
                dry_run=dry_run,
                encoding=encoding,
                progress=lambda rows: progress(rows, 0),
            )

        # A dry run writes too (inside its transaction, so later rows can refer to earlier ones) and rolls
        # back: it needs a writable connection as well.
        result = self.tools.run(self, label, work, read_only=False)
        if isinstance(result, ImportReport):
            return result
        page = self.currentPage()
        message = (
            self.tr("Cancelled: nothing was imported.")
            if isinstance(result, Cancelled)
            else error_text(result)
            if isinstance(result, BranchDeskError)
            else str(result)
        )
        if isinstance(page, _Page):
            page.show_message(message)
        return None


class _Page(MessagePage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard


class _FilePage(_Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Which file, and what does it hold?"))
        self.setSubTitle(
            self.tr(
                "Excel workbooks (.xlsx, .xls) and CSV files (UTF-8 or GBK) are read. Columns are found by "
                "their headers; you can correct the match on the next page."
            )
        )
        self.message.setObjectName("importFileMessage")
        self.file = FileField(self, wizard.tools.choose_file, "import")
        self.path = self.file.path
        self.path.textChanged.connect(self._path_changed)
        self.what = QComboBox(self)
        self.what.setObjectName("importWhat")
        names = {
            "branches": self.tr("Branches"),
            "pairings": self.tr("Pairings"),
            "activities": self.tr("Activities"),
            "items": self.tr("Items of the three lists (needs, resources, projects)"),
            "agreements": self.tr("Pairing agreements (with their targets and progress)"),
            "teams": self.tr("Village work teams (with their members and days)"),
            "ratings": self.tr("Star ratings of grassroots branches (every year's)"),
            "regions": self.tr("Regions"),
            "all": self.tr("A whole ledger (a workbook made by File ▸ Export)"),
        }
        for what in _WHAT:
            self.what.addItem(names[what], what)
        self.encoding = QComboBox(self)
        self.encoding.setObjectName("importEncoding")
        self.encoding.addItems(
            [self.tr("Detect automatically"), self.tr("GBK (GB18030), as WPS and older Excel save"), "UTF-8"]
        )
        self.encoding_label = QLabel(self.tr("Text encoding (CSV files):"), self)
        form = QFormLayout(self)
        form.addRow(self.tr("File:"), self.file)
        form.addRow(self.tr("The file holds:"), self.what)
        form.addRow(self.encoding_label, self.encoding)
        form.addRow(self.message)
        self._path_changed()

    def _path_changed(self) -> None:
        csv = suffix(Path(self.path.text().strip())) in (".csv", ".txt")
        self.encoding.setEnabled(csv)
        self.encoding_label.setEnabled(csv)
        self.message.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:  # noqa: N802
        owner = self.owner
        try:
            owner.plans = plan_file(owner.path, str(self.what.currentData()), encoding=owner.encoding)
        except BranchDeskError as error:
            text = error_text(error)
            if error.code == "import.encoding_unknown":
                # Never guess: the user says which of the two encodings the file is in.
                text += "\n" + self.tr("Choose the file's encoding above (GBK or UTF-8), then go on.")
                self.encoding.setFocus()
            elif error.code == "import.bom_not_utf8":
                text += "\n" + self.tr("Or, if it is GBK, choose GBK as the encoding above and go on.")
                self.encoding.setFocus()
            self.show_message(text)
            return False
        return True


class _MappingPage(_Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Match the file's columns"))
        self.setSubTitle(
            self.tr(
                "Each column of the file is read as the field chosen beside it. Columns set to "
                "“not imported” are left out. The first rows below show how the file will be read."
            )
        )
        self.message.setObjectName("importMissing")
        self.sheet = QComboBox(self)
        self.sheet.setObjectName("importSheet")
        self.sheet.currentIndexChanged.connect(self._show_plan)
        self.sheet_label = QLabel(self.tr("Sheet:"), self)
        self.mapping = QTableWidget(0, 2, self)
        self.mapping.setObjectName("importMapping")
        self.mapping.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Read as")])
        self.mapping.verticalHeader().hide()
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview = QTableWidget(0, 0, self)
        self.preview.setObjectName("importPreview")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_label = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.sheet_label)
        top.addWidget(self.sheet, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.mapping, 3)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.preview, 2)
        layout.addWidget(self.message)

    def initializePage(self) -> None:  # noqa: N802
        self.sheet.blockSignals(True)
        self.sheet.clear()
        for plan in self.owner.plans:
            self.sheet.addItem(_sheet_text(plan.sheet or self.owner.path.name, sheet_label(plan.kind)))
        self.sheet.blockSignals(False)
        several = len(self.owner.plans) > 1
        self.sheet.setVisible(several)
        self.sheet_label.setVisible(several)
        self._show_plan()

    @property
    def plan(self) -> SheetPlan | None:
        index = self.sheet.currentIndex()
        return self.owner.plans[index] if 0 <= index < len(self.owner.plans) else None

    def _show_plan(self) -> None:
        plan = self.plan
        if plan is None:
            return
        self.mapping.setRowCount(len(plan.headers))
        for position, header in enumerate(plan.headers):
            self.mapping.setItem(position, 0, QTableWidgetItem(header or self.tr("(no header)")))
            choice = QComboBox(self.mapping)
            choice.setObjectName(f"mapping{position}")
            choice.addItem(self.tr("— not imported —"), None)
            for found in COLUMNS[plan.kind]:
                choice.addItem(self.owner.field_name(plan.kind, found.field), found.field)
            choice.setCurrentIndex(max(choice.findData(plan.mapping.get(position)), 0))
            choice.currentIndexChanged.connect(
                lambda _index, position=position, choice=choice: self.map(position, choice.currentData())
            )
            self.mapping.setCellWidget(position, 1, choice)
        self.preview_label.setText(
            self.tr("The first {count} rows, below the header row (row {row} of the file):").format(
                count=len(plan.preview), row=plan.header_row
            )
        )
        self._show_preview()

    def map(self, position: int, field: str | None) -> None:
        """Read column ``position`` as ``field`` (None: leave it out); a field is read from one column."""
        plan = self.plan
        if plan is None:
            return
        if field is None:
            plan.mapping.pop(position, None)
        else:
            for other, name in list(plan.mapping.items()):
                if name == field and other != position:
                    del plan.mapping[other]
                    widget = self.mapping.cellWidget(other, 1)
                    if isinstance(widget, QComboBox):
                        widget.blockSignals(True)
                        widget.setCurrentIndex(0)
                        widget.blockSignals(False)
            plan.mapping[position] = field
        self._show_preview()

    def _show_preview(self) -> None:
        plan = self.plan
        if plan is None:
            return
        mapped = sorted(plan.mapping.items())
        self.preview.clear()
        self.preview.setColumnCount(len(mapped))
        self.preview.setRowCount(len(plan.preview))
        self.preview.setHorizontalHeaderLabels([self.owner.field_name(plan.kind, f) for _, f in mapped])
        for row, values in enumerate(plan.preview):
            for index, (position, _) in enumerate(mapped):
                value = values[position] if position < len(values) else None
                self.preview.setItem(row, index, QTableWidgetItem(_cell_text(value)))
        self.preview.resizeColumnsToContents()
        missing = [
            self.tr("{sheet}: no column for {fields}").format(
                sheet=sheet_label(p.kind),
                fields="、".join(self.owner.field_name(p.kind, name) for name in p.missing),
            )
            for p in self.owner.plans
            if p.missing
        ]
        self.show_message("\n".join(missing))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return all(not plan.missing for plan in self.owner.plans)


class _CheckPage(_Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Check the rows, then import"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.message.setObjectName("importCheckMessage")
        self.hint = QLabel(
            self.tr(
                "Some rows are rejected, so nothing would be imported: correct them in the file and "
                "go back to check again, or choose to import the valid rows only."
            ),
            self,
        )
        self.hint.setObjectName("importBlocked")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(ERROR_STYLE)
        self.hint.hide()
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.report = QTableWidget(0, 4, self)
        self.report.setObjectName("importReport")
        self.report.setHorizontalHeaderLabels(self.report_headers())
        self.report.verticalHeader().hide()
        self.report.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.report.horizontalHeader()
        for index in range(3):
            header.setSectionResizeMode(index, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.save = QPushButton(self.tr("Save report as xlsx…"), self)
        self.save.setObjectName("saveImportReport")
        self.save.clicked.connect(self.save_report)
        self.all_or_nothing = QRadioButton(self.tr("Import nothing if any row is rejected"), self)
        self.all_or_nothing.setObjectName("importAllOrNothing")
        self.valid_only = QRadioButton(self.tr("Import the valid rows, leave out the rejected ones"), self)
        self.valid_only.setObjectName("importValidOnly")
        self.skip_rows = QRadioButton(self.tr("Skip rows already in the ledger"), self)
        self.skip_rows.setObjectName("importSkip")
        self.update_rows = QRadioButton(self.tr("Update rows already in the ledger from the file"), self)
        self.update_rows.setObjectName("importUpdate")
        self._groups: list[QButtonGroup] = []
        choices = QHBoxLayout()
        for title, buttons in (
            (self.tr("Rejected rows"), (self.all_or_nothing, self.valid_only)),
            (self.tr("Rows already in the ledger"), (self.skip_rows, self.update_rows)),
        ):
            box = QGroupBox(title, self)
            box_layout = QVBoxLayout(box)
            group = QButtonGroup(self)
            for button in buttons:
                group.addButton(button)
                box_layout.addWidget(button)
                button.toggled.connect(self.completeChanged)
            self._groups.append(group)
            choices.addWidget(box)
        # The safe choices by default, set once each pair has its own group.
        self.all_or_nothing.setChecked(True)
        self.skip_rows.setChecked(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.report, 1)
        layout.addLayout(choices)
        layout.addLayout(bottom)

    def report_headers(self) -> list[str]:
        return [self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Reason")]

    def initializePage(self) -> None:  # noqa: N802
        self.message.clear()
        self.owner.checked = self.owner.run(self.tr("Checking the rows…"), dry_run=True)
        self.show_report(self.owner.checked)
        self.completeChanged.emit()

    def show_report(self, report: ImportReport | None) -> None:
        lines = [] if report is None else report_lines(report)
        self.report.setRowCount(len(lines))
        for row, line in enumerate(lines):
            for position, value in enumerate(line):
                item = QTableWidgetItem(str(value))
                item.setToolTip(str(value))
                self.report.setItem(row, position, item)
        self.save.setEnabled(bool(lines))
        self.summary.setText("" if report is None else "\n".join(count_lines(report)))

    def save_report(self) -> None:
        report = self.owner.checked
        if report is None:
            return
        suggested = self.tr("{file} — rejected rows.xlsx").format(file=self.owner.path.stem)
        path = self.owner.tools.choose_file(self, FilePurpose.REJECTED, suggested)
        if path is None:
            return
        try:
            write_report(path, report_lines(report), self.report_headers())
        except BranchDeskError as error:
            self.show_message(error_text(error))
            return
        self.show_message(self.tr("Report saved to {path}").format(path=path))

    def isComplete(self) -> bool:  # noqa: N802
        report = self.owner.checked
        if report is None:
            return False
        # All or nothing with rejected rows would import nothing: the user fixes the file or chooses.
        blocked = bool(report.problems) and self.all_or_nothing.isChecked()
        self.hint.setVisible(blocked)
        return not blocked

    def validatePage(self) -> bool:  # noqa: N802
        report = self.owner.run(self.tr("Importing…"), dry_run=False)
        if report is None:
            return False
        if report.changed is not None:
            self.owner.tools.edits.record(report.changed)
        self.owner.result_report = report
        return True


class _DonePage(_Page):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Imported"))
        self.summary = QLabel(self)
        self.summary.setObjectName("importDone")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch()

    def initializePage(self) -> None:  # noqa: N802
        report = self.owner.result_report
        if report is None:
            return
        text = "\n".join(count_lines(report))
        if report.committed:
            text += "\n\n" + self.tr("The import is one step: Edit ▸ Undo takes all of it back.")
        else:
            text += "\n\n" + self.tr("Nothing new to import.")
        self.summary.setText(text)
