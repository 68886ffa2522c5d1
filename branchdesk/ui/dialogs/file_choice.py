"""Where an import is read from and exports, templates, reports and rejected-row reports are saved."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from branchdesk.i18n.noop import QT_TRANSLATE_NOOP


class FilePurpose(StrEnum):
    IMPORT = "import"  # a spreadsheet to read
    EXPORT = "export"  # the ledger as a workbook
    VIEW = "view"  # a table's rows as a workbook
    REJECTED = "rejected"  # an import's report of rejected rows
    TEMPLATES = "templates"  # a folder for the import templates
    REPORT = "report"  # the monthly report as PDF
    SUMMARY = "summary"  # a half-year's summary as PDF
    WORD = "word"  # the Word ledger or a sign-in sheet (.docx)
    WORD_TEMPLATE = "word_template"  # an office's own Word template to use (.docx)
    PACKAGE = "package"  # a data package to send (.bdx)
    RECEIPTS = "receipts"  # a folder for the receipts of packages received
    SEED = "seed"  # the seed (or full) package a new ledger is made from (.bdx)


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
        FilePurpose.SUMMARY: QCoreApplication.translate("FileDialogs", "Save the half-year summary"),
        FilePurpose.PACKAGE: QCoreApplication.translate("FileDialogs", "Save the data package"),
        FilePurpose.RECEIPTS: QCoreApplication.translate("FileDialogs", "Folder for the receipts"),
        FilePurpose.WORD: QCoreApplication.translate("FileDialogs", "Save the Word document"),
        FilePurpose.WORD_TEMPLATE: QCoreApplication.translate("FileDialogs", "Choose the Word template"),
        FilePurpose.SEED: QCoreApplication.translate("FileDialogs", "The package to make the ledger from"),
    }
    return titles[purpose]


# What each kind of file saved is: its suffix and its type in the dialog's filter.
_SAVED = {
    FilePurpose.EXPORT: ("xlsx", QT_TRANSLATE_NOOP("FileDialogs", "Excel workbook (*.xlsx)")),
    FilePurpose.REPORT: ("pdf", QT_TRANSLATE_NOOP("FileDialogs", "PDF document (*.pdf)")),
    FilePurpose.SUMMARY: ("pdf", QT_TRANSLATE_NOOP("FileDialogs", "PDF document (*.pdf)")),
    FilePurpose.PACKAGE: ("bdx", QT_TRANSLATE_NOOP("FileDialogs", "BranchDesk data packages (*.bdx)")),
    FilePurpose.WORD: ("docx", QT_TRANSLATE_NOOP("FileDialogs", "Word document (*.docx)")),
}


def file_dialog_chooser(documents_dir: Path) -> FileChooser:
    def choose(parent: QWidget, purpose: FilePurpose, suggested: str) -> Path | None:
        title = _title(purpose)
        if purpose in (FilePurpose.TEMPLATES, FilePurpose.RECEIPTS):
            folder = QFileDialog.getExistingDirectory(parent, title, str(documents_dir))
            return Path(folder) if folder else None
        if purpose in (FilePurpose.IMPORT, FilePurpose.WORD_TEMPLATE, FilePurpose.SEED):
            if purpose is FilePurpose.WORD_TEMPLATE:
                kinds = QCoreApplication.translate("FileDialogs", "Word document (*.docx)")
            elif purpose is FilePurpose.SEED:
                kinds = QCoreApplication.translate("FileDialogs", "BranchDesk data packages (*.bdx)")
            else:
                kinds = QCoreApplication.translate(
                    "FileDialogs", "Spreadsheets (*.xlsx *.xls *.csv);;All files (*)"
                )
            name, _ = QFileDialog.getOpenFileName(parent, title, str(documents_dir), kinds)
            return Path(name) if name else None
        suffix, kind = _SAVED.get(purpose, _SAVED[FilePurpose.EXPORT])
        dialog = QFileDialog(
            parent, title, str(documents_dir), QCoreApplication.translate("FileDialogs", kind)
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        # The suffix is added before the overwrite question, so that it asks about the real file.
        dialog.setDefaultSuffix(suffix)
        # The suggestion may be a whole path (a package's, as typed in its dialog): it opens in that folder.
        dialog.selectFile(suggested)
        if not dialog.exec() or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])

    return choose


# Given the window: the packages and receipts chosen to read (none when the user cancels).
FilesChooser = Callable[[QWidget], list[Path]]


def packages_dialog(documents_dir: Path) -> FilesChooser:
    def choose(parent: QWidget) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(
            parent,
            QCoreApplication.translate("FileDialogs", "Receive data packages"),
            str(documents_dir),
            QCoreApplication.translate(
                "FileDialogs", "Data packages and receipts (*.bdx *.bdxr);;All files (*)"
            ),
        )
        return [Path(name) for name in names]

    return choose


def no_files(parent: QWidget) -> list[Path]:
    """The multi-file chooser of a window built without one (tests): as if the user cancelled."""
    return []


def no_file(parent: QWidget, purpose: FilePurpose, suggested: str) -> Path | None:
    """The chooser of a window built without one (tests): as if the user cancelled."""
    return None
