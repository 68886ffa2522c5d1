"""The status bar's figures, computed off the UI thread on a connection of their own.

At stress scale the figures take a few hundred milliseconds of SQL; the window must not freeze for that.
A new request drops any queued one, and a superseded result is ignored when it arrives.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from branchdesk.domain.clock import Clock
from branchdesk.domain.errors import BranchDeskError
from branchdesk.services.ledgers import open_ledger
from branchdesk.services.stats import region_stats


class _Signals(QObject):
    finished = Signal(int, object)  # request number, LedgerStats or BranchDeskError


class _StatsJob(QRunnable):
    def __init__(self, number: int, path: Path, clock: Clock, region_id: int, signals: _Signals) -> None:
        super().__init__()
        self.number = number
        self.path = path
        self.clock = clock
        self.region_id = region_id
        self.signals = signals

    def run(self) -> None:
        result: object
        try:
            with open_ledger(self.path, self.clock, read_only=True) as ledger:
                result = region_stats(ledger, self.region_id)
        except BranchDeskError as error:
            result = error
        except Exception as error:  # a worker must always answer, or the status bar waits forever
            result = BranchDeskError("error.unexpected", reason=f"{type(error).__name__}: {error}")
        self.signals.finished.emit(self.number, result)


class BackgroundStats(QObject):
    ready = Signal(object)  # LedgerStats of the latest request
    failed = Signal(object)  # BranchDeskError of the latest request

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.finished.connect(self._on_finished)
        self._latest = 0

    def request(self, path: Path, region_id: int) -> None:
        self._latest += 1
        self._pool.clear()  # queued requests are stale now
        self._pool.start(_StatsJob(self._latest, path, self._clock, region_id, self._signals))

    def cancel(self) -> None:
        """Forget what is pending (a ledger is being closed)."""
        self._latest += 1
        self._pool.clear()

    def wait(self, msecs: int = 5000) -> bool:
        return self._pool.waitForDone(msecs)

    def _on_finished(self, number: int, result: object) -> None:
        if number != self._latest:
            return
        if isinstance(result, BranchDeskError):
            self.failed.emit(result)
        else:
            self.ready.emit(result)
