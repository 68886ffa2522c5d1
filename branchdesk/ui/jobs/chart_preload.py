"""matplotlib and the chart modules imported on a worker thread a moment after the window is up.

The window starts without matplotlib (it would slow every start); without this, the first chart tab shown
would freeze the window for the imports, about two seconds on a slow laptop. Importing is thread-safe: a tab
shown while the worker is still importing waits for the module it needs, as it would have anyway.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QTimer


def import_chart_modules() -> None:
    import matplotlib.figure  # noqa: F401

    import branchdesk.charts  # registers the Chinese font
    import branchdesk.charts.picture  # noqa: F401  (what the chart tabs' workers render with)


class ChartPreload:
    DELAY_MS = 3000  # after start-up's own work, when the user is reading the window

    def __init__(self, app: QCoreApplication) -> None:
        self._thread: threading.Thread | None = None
        # Joined before the interpreter shuts down: a thread cut off mid-import can crash on the way out.
        app.aboutToQuit.connect(self.join)

    def schedule(self) -> None:
        QTimer.singleShot(self.DELAY_MS, self.start)

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=import_chart_modules, name="import charts")
            self._thread.start()

    def join(self) -> None:
        if self._thread is not None:
            self._thread.join()
