"""The window's one way to write: run a service, record it for undo, tell every tab what changed.

Tabs and dialogs call :meth:`LedgerEdits.run` with a function of the ledger that returns a ``Changed``;
errors become a message (nothing is written), success becomes one undo step and a ``changed`` signal
that each tab filters by the tables it shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from branchdesk.domain.changes import Changed
from branchdesk.domain.errors import BranchDeskError
from branchdesk.i18n.messages import error_text
from branchdesk.services.history import UndoHistory
from branchdesk.storage.ledger import Journal, Ledger
from branchdesk.ui.action_names import action_name
from branchdesk.ui.jobs.runner import JobRunner, Progress, run_with_progress

translate = QCoreApplication.translate


class LedgerEdits(QObject):
    changed = Signal(object)  # Changed: after an action, an undo or a redo
    damaged = Signal()  # a write found the file damaged: the window stops using it (ui/ledger_safety.py)

    def __init__(self, show_error: Callable[[QWidget, str], None], jobs: JobRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = parent
        self._show_error = show_error
        self._jobs = jobs
        self._ledger: Ledger | None = None
        self._history: UndoHistory | None = None
        self.undo_action = QAction(parent)
        self.undo_action.setObjectName("undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(parent)
        self.redo_action.setObjectName("redo")
        # Ctrl+Y as on Windows, and Ctrl+Shift+Z as elsewhere.
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.triggered.connect(self.redo)
        self.retranslate()

    @property
    def ledger(self) -> Ledger | None:
        return self._ledger

    @property
    def writable(self) -> bool:
        return self._ledger is not None and not self._ledger.read_only

    def set_ledger(self, ledger: Ledger | None) -> None:
        """A newly opened file starts with empty undo stacks (it is switched to WAL once its quick check
        passed: ui/ledger_safety.py)."""
        self._ledger = ledger
        self._history = None if ledger is None else UndoHistory(ledger)
        self.retranslate()

    def run(self, write: Callable[[Ledger], Changed], parent: QWidget | None = None) -> Changed | None:
        """Run one user action; on a refusal show why and return None (the file is unchanged)."""
        if self._ledger is None or self._history is None:
            return None
        try:
            with self.writing():
                done = write(self._ledger)
        except BranchDeskError as error:
            self._refused(error, parent or self._window)
            return None
        self.record(done)
        return done

    def run_long(
        self, label: str, write: Callable[[Ledger, Progress], Changed], parent: QWidget
    ) -> Changed | None:
        """Run one user action that takes long (a city's half-year summarised and frozen) off the UI
        thread, behind a progress dialog with Cancel, on the writes lane; recorded like :meth:`run`. None
        when refused (shown) or cancelled (nothing written)."""
        if self._ledger is None or self._history is None:
            return None
        path = self._ledger.path
        try:
            with self.writing():
                result = run_with_progress(self._jobs, parent, label, path, write, read_only=False)
        except BranchDeskError as error:
            result = error
        if isinstance(result, BranchDeskError):
            self._refused(result, parent)
            return None
        if not isinstance(result, Changed):
            return None  # cancelled: its transaction rolled back
        self.record(result)
        return result

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Around a write on the UI thread. A large file's quick check, if still running, ends first
        (ui/ledger_safety.py). On a network share or a USB stick the ledger keeps the rollback
        journal, whose COMMIT waits for every reader (and fails as "in use" after 3 s): there the window's
        newest-wins reads (charts, lists, the status bar's figures) are interrupted for the write and
        asked again after it. Long jobs are not: an export, a report or a check runs behind a modal
        progress dialog, so no edit is typed meanwhile, and a backup lets writes in between its steps."""
        ledger = self._ledger
        if ledger is not None and not self._jobs.writes_allowed(ledger.path):
            # Its quick check, still running when the write was asked, found it damaged: it is closed.
            raise BranchDeskError("ledger.damaged", path=str(ledger.path))
        if ledger is not None and ledger.journal is Journal.ROLLBACK:
            with self._jobs.reads_interrupted():
                yield
        else:
            yield

    def record(self, done: Changed) -> None:
        """An action a caller ran itself (one that reports more than what changed, such as a paste)."""
        if not done.tables:
            return  # the action changed nothing (a cell set to its own value): no undo step
        if self._history is not None:
            self._history.record(done)
        self._announce(done)

    def undo(self) -> None:
        if self._history is not None and self._history.next_undo() is not None:
            self._step(self._history.undo)

    def redo(self) -> None:
        if self._history is not None and self._history.next_redo() is not None:
            self._step(self._history.redo)

    def _step(self, step: Callable[[], Changed]) -> None:
        try:
            with self.writing():
                done = step()
        except BranchDeskError as error:
            self._refused(error, self._window)
            return
        self._announce(done)

    def _refused(self, error: BranchDeskError, parent: QWidget) -> None:
        if error.code == "ledger.damaged":
            self.damaged.emit()  # the window says so, closes the file and offers a backup
        else:
            self._show_error(parent, error_text(error))

    def _announce(self, done: Changed) -> None:
        self.retranslate()
        self.changed.emit(done)

    def retranslate(self) -> None:
        history = self._history
        next_undo = None if history is None else history.next_undo()
        next_redo = None if history is None else history.next_redo()
        self.undo_action.setEnabled(next_undo is not None and self.writable)
        self.redo_action.setEnabled(next_redo is not None and self.writable)
        self.undo_action.setText(
            translate("Edits", "&Undo {action}").format(action=action_name(next_undo)).strip()
            if next_undo
            else translate("Edits", "&Undo")
        )
        self.redo_action.setText(
            translate("Edits", "&Redo {action}").format(action=action_name(next_redo)).strip()
            if next_redo
            else translate("Edits", "&Redo")
        )
