"""What the dialogs that read a spreadsheet into the ledger share (File ▸ Import's wizard, Work teams ▸
Import a month sheet): the ledger and what checks and imports it off the UI thread as one step of
Edit ▸ Undo, and the field of the file to read with its Choose… button."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.file_choice import FileChooser, FilePurpose
from branchdesk.ui.edits import LedgerEdits
from branchdesk.ui.jobs.runner import JobRunner, Progress, run_with_progress


@dataclass(frozen=True)
class ImportTools:
    ledger_path: Path
    jobs: JobRunner
    edits: LedgerEdits  # the import, recorded as one step of Edit ▸ Undo
    choose_file: FileChooser

    def run(
        self, parent: QWidget, label: str, work: Callable[[Ledger, Progress], object], *, read_only: bool
    ) -> object:
        """``work`` off the UI thread with progress and Cancel: what it returned, a BranchDeskError or
        Cancelled."""
        return run_with_progress(self.jobs, parent, label, self.ledger_path, work, read_only=read_only)


class FileField(QHBoxLayout):
    """The path of the file to read, typed, or chosen with Choose… beside it (``chosen`` then)."""

    chosen = Signal()

    def __init__(self, parent: QWidget, choose_file: FileChooser, name: str) -> None:
        super().__init__()
        self._choose_file = choose_file
        self.path = QLineEdit(parent)
        self.path.setObjectName(f"{name}Path")
        self.browse = QPushButton(self.tr("Choose…"), parent)
        self.browse.setObjectName(f"{name}Browse")
        self.browse.clicked.connect(self._browse)
        self.addWidget(self.path, 1)
        self.addWidget(self.browse)

    def _browse(self) -> None:
        chosen = self._choose_file(self.browse.window(), FilePurpose.IMPORT, "")
        if chosen is not None:
            self.path.setText(str(chosen))
            self.chosen.emit()
