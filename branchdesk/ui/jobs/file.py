"""Long file work (import, export, report) off the UI thread, on a connection of its own, behind a
progress dialog with Cancel.

The work gets a progress callback; once Cancel is pressed the callback raises, which unwinds the work:
an import's transaction rolls back and an export's half-written file is removed (both already do so on
any exception), so nothing half-done is kept.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from branchdesk.domain.clock import Clock
from branchdesk.domain.errors import BranchDeskError
from branchdesk.services.ledgers import open_ledger
from branchdesk.storage.ledger import Ledger

# Rows done and rows in all (0 when unknown: the dialog then shows a busy bar).
Progress = Callable[[int, int], None]
Work = Callable[[Ledger, Progress], object]


class JobCancelledError(Exception):
    """Raised inside the work by its progress callback once the user pressed Cancel."""


@dataclass(frozen=True)
class Cancelled:
    """What :func:`run_job` returns when the user cancelled."""


class _Signals(QObject):
    """Emitted from the job's thread; lives in the UI thread, so its receivers run there."""

    progress = Signal(int, int)
    done = Signal(object)


class _Receiver(QObject):
    """The UI thread's end: moves the progress bar, and ends the wait when the job reports."""

    def __init__(self, dialog: QProgressDialog, loop: QEventLoop) -> None:
        super().__init__(dialog)
        self._dialog, self._loop = dialog, loop
        self.outcome: list[object] = []

    @Slot(int, int)
    def show(self, done: int, total: int) -> None:
        if total > 0:
            self._dialog.setMaximum(total)
            self._dialog.setValue(min(done, total))

    @Slot(object)
    def finish(self, result: object) -> None:
        self.outcome.append(result)
        self._loop.quit()


class _Job(threading.Thread):
    def __init__(self, path: Path, clock: Clock, work: Work, signals: _Signals, *, read_only: bool) -> None:
        super().__init__(name="file job", daemon=False)
        self.path, self.clock, self.work, self.signals, self.read_only = path, clock, work, signals, read_only
        self.cancelled = threading.Event()

    def _progress(self, done: int, total: int) -> None:
        if self.cancelled.is_set():
            raise JobCancelledError
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        result: object
        try:
            with open_ledger(self.path, self.clock, read_only=self.read_only) as ledger:
                result = self.work(ledger, self._progress)
        except JobCancelledError:
            result = Cancelled()
        except BranchDeskError as error:
            result = error
        except Exception as error:  # the window must hear back, whatever happened
            result = BranchDeskError("error.unexpected", reason=f"{type(error).__name__}: {error}")
        self.signals.done.emit(result)


def run_job(
    parent: QWidget, label: str, ledger_path: Path, clock: Clock, work: Work, *, read_only: bool
) -> object:
    """Run ``work`` on its own connection to ``ledger_path`` while a window-modal progress dialog shows;
    returns what it returned, a BranchDeskError, or :class:`Cancelled`. The UI keeps painting meanwhile."""
    signals = _Signals()
    job = _Job(ledger_path, clock, work, signals, read_only=read_only)
    dialog = QProgressDialog(parent)  # its Cancel button speaks the user's language through Qt's catalogue
    dialog.setLabelText(label)
    dialog.setRange(0, 0)
    dialog.setObjectName("fileJobProgress")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    loop = QEventLoop()
    receiver = _Receiver(dialog, loop)
    signals.progress.connect(receiver.show)
    signals.done.connect(receiver.finish)
    dialog.canceled.connect(job.cancelled.set)
    job.start()
    if not receiver.outcome:
        loop.exec()
    job.join()
    result = receiver.outcome[0]
    dialog.close()
    dialog.deleteLater()
    signals.deleteLater()
    return result
