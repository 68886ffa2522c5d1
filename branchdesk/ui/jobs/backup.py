"""Backups taken off the UI thread, with progress and cancel (SQLite's backup API copies page by page)."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from branchdesk.domain.clock import Clock
from branchdesk.domain.errors import BranchDeskError
from branchdesk.services.backups import backup_due, take_backup
from branchdesk.services.ledgers import open_ledger


class BackupSignals(QObject):
    """Lives in the UI thread, owned by the window, for as long as the job may still report."""

    progress = Signal(int, int)  # pages done, pages in all
    done = Signal(object)  # the backup's Path, None when none was due, or a BranchDeskError

    def __init__(self, parent: QObject | None = None, *, automatic: bool = False) -> None:
        super().__init__(parent)
        self.cancelled = threading.Event()
        self.automatic = automatic  # taken on opening, not asked for: closing the window may cancel it

    def cancel(self) -> None:
        self.cancelled.set()


class BackupJob(threading.Thread):
    """``only_if_due``: the automatic backup on opening, taken only when the last is old and stale.

    A plain Python thread, joined when the window closes; it reports through ``signals``, which the window
    owns and which outlive the thread.
    """

    def __init__(
        self,
        ledger: Path,
        data_dir: Path,
        clock: Clock,
        reason: str,
        signals: BackupSignals,
        *,
        only_if_due: bool = False,
    ) -> None:
        super().__init__(name=f"backup {reason}", daemon=False)
        self.ledger = ledger
        self.data_dir = data_dir
        self.clock = clock
        self.reason = reason
        self.only_if_due = only_if_due
        self.signals = signals

    def _progress(self, done: int, total: int) -> bool:
        self.signals.progress.emit(done, total)
        return not self.signals.cancelled.is_set()

    def run(self) -> None:
        result: object
        try:
            if self.only_if_due:
                with open_ledger(self.ledger, self.clock, read_only=True) as ledger:
                    due = backup_due(ledger, self.data_dir, self.clock.now())
                if not due:
                    self.signals.done.emit(None)
                    return
            result = take_backup(self.ledger, self.data_dir, self.clock, self.reason, progress=self._progress)
        except BranchDeskError as error:
            result = error
        except Exception as error:  # the window must hear back, whatever happened
            result = BranchDeskError("error.unexpected", reason=f"{type(error).__name__}: {error}")
        self.signals.done.emit(result)
