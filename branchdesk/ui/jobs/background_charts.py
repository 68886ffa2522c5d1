"""Work on a ledger computed off the UI thread, on a connection of its own (charts, the status bar).

At stress scale a chart's aggregate can take a second or two (a million activities); the window must not
freeze for it. A new request drops any queued one and interrupts the running one, whose result (or the
error the interruption raises) is ignored when it arrives.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from branchdesk.domain.clock import Clock
from branchdesk.domain.errors import BranchDeskError
from branchdesk.services.ledgers import open_ledger
from branchdesk.storage.ledger import Ledger

Compute = Callable[[Ledger], object]


class _Signals(QObject):
    finished = Signal(int, object, object)  # request number, key, result or BranchDeskError


class _Running:
    """The ledger the running job reads, so that a newer request can interrupt its query."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._number = 0
        self._ledger: Ledger | None = None
        self._latest = 0  # the newest request when one last interrupted the others

    def start(self, number: int, ledger: Ledger) -> bool:
        """Register the job's ledger; False if a newer request came while the job was being started (its
        interruption found no query to stop, so the job must not begin one)."""
        with self._lock:
            if number < self._latest:
                return False
            self._number, self._ledger = number, ledger
            return True

    def finish(self) -> None:
        with self._lock:
            self._ledger = None

    def interrupt_unless(self, latest: int) -> None:
        with self._lock:
            self._latest = latest
            if self._ledger is not None and self._number != latest:
                self._ledger.interrupt()


class _ChartJob(QRunnable):
    def __init__(
        self,
        number: int,
        key: Hashable,
        path: Path,
        clock: Clock,
        compute: Compute,
        signals: _Signals,
        running: _Running,
    ) -> None:
        super().__init__()
        self.number = number
        self.key = key
        self.path = path
        self.clock = clock
        self.compute = compute
        self.signals = signals
        self.running = running

    def run(self) -> None:
        result: object
        try:
            with open_ledger(self.path, self.clock, read_only=True) as ledger:
                if not self.running.start(self.number, ledger):
                    return  # superseded: its result would be dropped
                try:
                    result = self.compute(ledger)
                finally:
                    self.running.finish()
        except BranchDeskError as error:
            result = error
        except Exception as error:  # an interrupted query, or a bug: the tab must hear back either way
            result = BranchDeskError("error.unexpected", reason=f"{type(error).__name__}: {error}")
        self.signals.finished.emit(self.number, self.key, result)


class BackgroundCharts(QObject):
    ready = Signal(object, object)  # key and result of the latest request
    failed = Signal(object, object)  # key and BranchDeskError of the latest request

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.finished.connect(self._on_finished)
        self._running = _Running()
        self._latest = 0
        self._pending = False

    def request(self, path: Path, key: Hashable, compute: Compute) -> None:
        """Compute ``compute(ledger)`` on a read-only connection to ``path``; ``ready`` brings it with
        ``key`` unless another request came first."""
        self._latest += 1
        self._pending = True
        self._pool.clear()  # queued requests are stale now
        self._running.interrupt_unless(self._latest)
        self._pool.start(
            _ChartJob(self._latest, key, path, self._clock, compute, self._signals, self._running)
        )

    def cancel(self) -> None:
        """Forget what is pending (the ledger is closing, or another was opened)."""
        self._latest += 1
        self._pending = False
        self._pool.clear()
        self._running.interrupt_unless(self._latest)

    @property
    def pending(self) -> bool:
        """A request is being computed, or its result has not been delivered yet."""
        return self._pending

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)

    def _on_finished(self, number: int, key: object, result: object) -> None:
        if number != self._latest:
            return
        self._pending = False
        if isinstance(result, BranchDeskError):
            self.failed.emit(key, result)
        else:
            self.ready.emit(key, result)
