"""Where an import is read from and exports, templates, reports and rejected-row reports are saved."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


class FilePurpose(StrEnum):
    IMPORT = "import"  # a spreadsheet to read
    EXPORT = "export"  # the ledger as a workbook
    VIEW = "view"  # a table's rows as a workbook
    REJECTED = "rejected"  # an import's report of rejected rows
    TEMPLATES = "templates"  # a folder for the import templates
    REPORT = "report"  # the monthly report as PDF


# Given the window, what the file is for and a suggested name; None when the user cancels.
FileChooser = Callable[[QWidget, FilePurpose, str], Path | None]


def _title(purpose: FilePurpose) -> str:
    titles = {
        FilePurpose.IMPORT: QCoreApplication.translate("FileDialogs", "Import from a spreadsheet"),
        FilePurpose.EXPORT: QCoreApplication.translate("FileDialogs", "Export the ledger"),
        FilePurpose.VIEW: QCoreApplication.translate("FileDialogs", "Export the rows on show"),
        FilePurpose.REJECTED: QCoreApplication.translate("FileDialogs", "Save the report of rejected rows"),
        FilePurpose.TEMPLATES: QCoreApplication.translate("FileDialogs", "Folder for the import templates"),
        FilePurpose.REPORT: QCoreApplication.translate("FileDialogs", "Save the monthly report"),
    }
    return titles[purpose]


def file_dialog_chooser(documents_dir: Path) -> FileChooser:
    def choose(parent: QWidget, purpose: FilePurpose, suggested: str) -> Path | None:
        title = _title(purpose)
        if purpose is FilePurpose.TEMPLATES:
            folder = QFileDialog.getExistingDirectory(parent, title, str(documents_dir))
            return Path(folder) if folder else None
        if purpose is FilePurpose.IMPORT:
            spreadsheets = QCoreApplication.translate(
                "FileDialogs", "Spreadsheets (*.xlsx *.xls *.csv);;All files (*)"
            )
            name, _ = QFileDialog.getOpenFileName(parent, title, str(documents_dir), spreadsheets)
            return Path(name) if name else None
        pdf = purpose is FilePurpose.REPORT
        dialog = QFileDialog(
            parent,
            title,
            str(documents_dir),
            QCoreApplication.translate("FileDialogs", "PDF document (*.pdf)")
            if pdf
            else QCoreApplication.translate("FileDialogs", "Excel workbook (*.xlsx)"),
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        # The suffix is added before the overwrite question, so that it asks about the real file.
        dialog.setDefaultSuffix("pdf" if pdf else "xlsx")
        dialog.selectFile(suggested)
        if not dialog.exec() or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])

    return choose


def no_file(parent: QWidget, purpose: FilePurpose, suggested: str) -> Path | None:
    """The chooser of a window built without one (tests): as if the user cancelled."""
    return None
