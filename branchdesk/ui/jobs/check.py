"""Check Database off the UI thread, on a read-only connection of its own, with progress and cancel."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from branchdesk.domain.clock import Clock
from branchdesk.domain.errors import BranchDeskError
from branchdesk.services.check import check_ledger
from branchdesk.services.ledgers import open_ledger
from branchdesk.storage.ledger import Ledger


class CheckSignals(QObject):
    """Lives in the UI thread, owned by the window, for as long as the job may still report."""

    progress = Signal(int)  # stages done (services.check.STAGES in all)
    done = Signal(object)  # list[Problem], or a BranchDeskError (check.cancelled when cancelled)


class CheckJob(threading.Thread):
    """``quick``: SQLite's quick check only, as on opening a large ledger; else the full check."""

    def __init__(self, path: Path, clock: Clock, signals: CheckSignals, *, quick: bool = False) -> None:
        super().__init__(name="check database", daemon=False)
        self.path = path
        self.clock = clock
        self.quick = quick
        self.signals = signals
        self._lock = threading.Lock()
        self._ledger: Ledger | None = None
        self._cancelled = False

    def cancel(self) -> None:
        """Stop the query under way (SQLite's interrupt is safe from any thread)."""
        with self._lock:
            self._cancelled = True
            if self._ledger is not None:
                self._ledger.interrupt()

    def run(self) -> None:
        result: object
        try:
            with open_ledger(self.path, self.clock, read_only=True) as ledger:
                with self._lock:
                    if self._cancelled:
                        raise BranchDeskError("check.cancelled")
                    self._ledger = ledger
                try:
                    result = check_ledger(ledger, quick=self.quick, progress=self.signals.progress.emit)
                finally:
                    with self._lock:  # closed next: no interrupt may reach it after this
                        self._ledger = None
        except BranchDeskError as error:
            result = error
        except Exception as error:  # the window must hear back, whatever happened
            result = BranchDeskError("error.unexpected", reason=f"{type(error).__name__}: {error}")
        self.signals.done.emit(result)
