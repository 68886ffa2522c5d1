"""The status bar's figures, computed off the UI thread on a connection of their own.

At stress scale the figures take a few hundred milliseconds of SQL; the window must not freeze for that.
The work goes through the charts' runner: a new request drops any queued one and interrupts the running
one, and a superseded result is ignored.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from branchdesk.domain.clock import Clock
from branchdesk.services.stats import region_stats
from branchdesk.ui.jobs.background_charts import BackgroundCharts


class BackgroundStats(QObject):
    ready = Signal(object)  # LedgerStats of the latest request
    failed = Signal(object)  # BranchDeskError of the latest request

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = BackgroundCharts(clock, self)
        self._runner.ready.connect(lambda _key, stats: self.ready.emit(stats))
        self._runner.failed.connect(lambda _key, error: self.failed.emit(error))

    def request(self, path: Path, region_id: int) -> None:
        # A city's figures come with its 市直 and 县级 ones, which the status bar shows beside them.
        self._runner.request(path, region_id, lambda ledger: region_stats(ledger, region_id, levels=True))

    def cancel(self) -> None:
        """Forget what is pending (a ledger is being closed)."""
        self._runner.cancel()

    def wait(self, msecs: int = 5000) -> bool:
        return self._runner.wait(msecs)
