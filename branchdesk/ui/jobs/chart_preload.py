"""matplotlib, the chart modules and pypinyin imported on the job runner a moment after the window is up.

The window starts without them (they would slow every start); without this, the first chart tab shown
would freeze the window for the imports, about two seconds on a slow laptop, and the first edit of a
branch would take pypinyin's character table in (50-60 ms) under the clerk's Enter. Importing is
thread-safe: a tab shown while the worker is still importing waits for the module it needs, as it would
have anyway. The runner's shut-down joins the worker: a thread cut off mid-import can crash on the way out.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer

from branchdesk.domain.sort_key import name_key
from branchdesk.ui.jobs.runner import JobControl, JobRunner

DELAY_MS = 3000  # after start-up's own work, when the user is reading the window


def import_slow_modules(_control: JobControl) -> None:
    import matplotlib.figure  # noqa: F401

    import branchdesk.charts  # registers the Chinese font
    import branchdesk.charts.picture  # noqa: F401  (what the chart tabs' workers render with)

    # Every write of a name, or of a row with one, keeps its sort key (Ledger.keep_name_keys).
    name_key("支部")


def preload_charts(
    jobs: JobRunner, delay_ms: int = DELAY_MS, then: Callable[[], None] = lambda: None
) -> None:
    """Import the chart modules and pypinyin on ``jobs`` after ``delay_ms``; ``then`` runs on the UI thread
    once they are in (or failed to come)."""

    def start() -> None:
        # A failure (a bug) is logged by the runner and met again by the chart tab.
        jobs.in_order(import_slow_modules, lambda _result: then(), lambda _error: then(), lane="preload")

    QTimer.singleShot(delay_ms, jobs, start)
