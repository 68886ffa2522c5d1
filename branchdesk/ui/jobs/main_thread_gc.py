"""Python's cycle collector runs on the UI thread only.

Left to itself, the collector runs on whatever thread allocates when a threshold is crossed: often a
chart's or a list's worker thread. It then frees the reference cycles of closed dialogs there, Qt objects
included, and PySide6 crashes (SIGSEGV in ``runDeletionInMainThread``, seen with a branch edited while a
chart was read). So automatic collection is switched off while the window runs, and a timer on the UI
thread collects each generation when Python's own thresholds say it is due.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

# Often enough that garbage never piles up between two checks; a check with nothing due costs microseconds.
INTERVAL_MS = 250


class MainThreadCollector(QObject):
    """Owns the cycle collector while it exists: ``stop()`` gives it back to Python."""

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> None:
        """Collect as Python would have: a generation whose count passed its threshold, and the older
        ones whose counts passed theirs in turn."""
        counts = gc.get_count()
        for generation, threshold in enumerate(gc.get_threshold()):
            if threshold == 0 or counts[generation] <= threshold:
                return
            gc.collect(generation)

    def settle(self) -> None:
        """Start-up is over (the window is up, the chart modules are in): what lives now lives for the
        session. It is collected once and then left out of every later collection (gc.freeze): at county
        scale some 120,000 objects, which made each full collection hold the UI thread 55–125 ms
        (1–6 ms without them)."""
        gc.collect()
        gc.freeze()

    def stop(self) -> None:
        self._timer.stop()
        gc.unfreeze()  # the last collection, on this thread, is a whole one
        gc.collect()
        if self._was_enabled:
            gc.enable()
        self.deleteLater()
