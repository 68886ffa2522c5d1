"""matplotlib and the chart modules imported on the job runner a moment after the window is up.

The window starts without matplotlib (it would slow every start); without this, the first chart tab shown
would freeze the window for the imports, about two seconds on a slow laptop. Importing is thread-safe: a tab
shown while the worker is still importing waits for the module it needs, as it would have anyway. The
runner's shut-down joins the worker: a thread cut off mid-import can crash on the way out.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer

from branchdesk.ui.jobs.runner import JobControl, JobRunner

DELAY_MS = 3000  # after start-up's own work, when the user is reading the window


def import_chart_modules(_control: JobControl) -> None:
    import matplotlib.figure  # noqa: F401

    import branchdesk.charts  # registers the Chinese font
    import branchdesk.charts.picture  # noqa: F401  (what the chart tabs' workers render with)


def preload_charts(
    jobs: JobRunner, delay_ms: int = DELAY_MS, then: Callable[[], None] = lambda: None
) -> None:
    """Import the chart modules on ``jobs`` after ``delay_ms``; ``then`` runs on the UI thread once they
    are in (or failed to come)."""

    def start() -> None:
        # A failure (a bug) is logged by the runner and met again by the chart tab.
        jobs.in_order(import_chart_modules, lambda _result: then(), lambda _error: then(), lane="preload")

    QTimer.singleShot(delay_ms, jobs, start)
