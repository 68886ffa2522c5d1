"""What the window is given by app.py: clock, preferences, language, folders and the user-facing choosers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from branchdesk.domain.clock import Clock
from branchdesk.i18n.language import Translations
from branchdesk.services.drives import DriveKind, drive_kind
from branchdesk.ui.app_settings import AppSettings
from branchdesk.ui.dialogs.export_chart import ChartPathChooser, no_chart_path
from branchdesk.ui.dialogs.file_choice import FileChooser, FilesChooser, no_file, no_files

PathChooser = Callable[[QWidget], Path | None]
translate = QCoreApplication.translate


@dataclass
class UiContext:
    clock: Clock
    settings: AppSettings
    translations: Translations
    data_dir: Path
    documents_dir: Path
    demo_ledger: Callable[[QWidget], Path | None]
    choose_open_path: PathChooser
    choose_new_path: PathChooser
    show_error: Callable[[QWidget, str], None]
    # Off for screenshots and the smoke test, which must leave no backups of scratch files behind.
    auto_backup: bool = True
    choose_chart_path: ChartPathChooser = no_chart_path  # File ▸ Export chart
    choose_file: FileChooser = no_file  # import, export, templates, report, packages sent, receipts
    choose_packages: FilesChooser = no_files  # File ▸ Receive packages: packages and receipts to read
    # A yes/no question (restore the newest healthy backup of a damaged ledger?).
    ask: Callable[[QWidget, str], bool] = field(default_factory=lambda: message_box_question)
    # Where a ledger lives (a network or removable drive gets a warning); tests stand in for Windows.
    drive_kind: Callable[[Path], DriveKind] = field(default_factory=lambda: drive_kind)
    # One window per ledger: hold a ledger for this window (None: let go); False when another window
    # holds it (and was asked to come forward). app.py passes ui.single_instance.LedgerInstances.claim.
    claim_ledger: Callable[[Path | None], bool] = field(default_factory=lambda: any_ledger)


def _filter() -> str:
    return translate("FileDialogs", "BranchDesk ledgers (*.bdesk);;All files (*)")


def file_dialog_open(documents_dir: Path) -> PathChooser:
    def choose(parent: QWidget) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent, translate("FileDialogs", "Open ledger"), str(documents_dir), _filter()
        )
        return Path(name) if name else None

    return choose


def file_dialog_new(documents_dir: Path) -> PathChooser:
    def choose(parent: QWidget) -> Path | None:
        dialog = QFileDialog(parent, translate("FileDialogs", "New ledger"), str(documents_dir), _filter())
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        # The suffix is added before the overwrite question, so that it asks about the real file.
        dialog.setDefaultSuffix("bdesk")
        dialog.selectFile(translate("FileDialogs", "ledger.bdesk"))
        if not dialog.exec() or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])

    return choose


def message_box_error(parent: QWidget, text: str) -> None:
    QMessageBox.warning(parent, translate("FileDialogs", "BranchDesk"), text)


def any_ledger(path: Path | None) -> bool:
    """Without single-instance checks (tests, screenshots, the smoke test) every ledger may be opened."""
    return True


def message_box_question(parent: QWidget, text: str) -> bool:
    answer = QMessageBox.question(parent, translate("FileDialogs", "BranchDesk"), text)
    return answer == QMessageBox.StandardButton.Yes
