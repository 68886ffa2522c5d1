"""The open ledger's WAL copied into its file off the UI thread (storage.ledger.Journal, ``checkpoint``).

An edit, an undo or a redo commits on the UI thread; with ``synchronous = FULL`` its commit syncs the WAL
and is then safe from a crash or a power cut. Copying it into the ``.bdesk`` (SQLite's checkpoint) cost the
UI thread three more syncs per edit when SQLite did it as part of each commit: on a busy or slow disk,
tens to hundreds of milliseconds felt on a keystroke. Here it runs on a lane of the job runner of its own,
at most ``CHECKPOINT_AFTER_MS`` after the first commit not yet in the file (a burst of edits shares one),
on a connection of its own, PASSIVE: an edit waits for it at most an instant (its connection opening or
closing), within the edit's busy timeout, and never fails for it. What a
read still holding an older state keeps it from copying is tried again ``RETRY_MS`` later; closing folds in
the rest (``Ledger.close``), after the checkpoint running has ended.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from branchdesk.domain.errors import BranchDeskError
from branchdesk.storage.ledger import Ledger, checkpoint
from branchdesk.ui.jobs.runner import JobControl, JobRunner

CHECKPOINT_AFTER_MS = 1000
RETRY_MS = 2000


class Checkpoints(QObject):
    """The window's checkpoints of the ledger it edits: :meth:`watch` it once it may be written to,
    :meth:`let_go` of it before closing it."""

    def __init__(self, jobs: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs = jobs
        self._lane = jobs.lane(newest_wins=False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start)
        self._ledger: Ledger | None = None
        self._running = False
        self._again = False  # a commit came while a checkpoint ran: it may have been too late for it

    def watch(self, ledger: Ledger) -> None:
        """Switch ``ledger`` to WAL (``Ledger.use_wal``) with its commits checkpointed here; the ledger
        watched before is let go of."""
        if self._ledger is not None:
            self.let_go(self._ledger)
        ledger.use_wal(committed=self.due)
        self._ledger = ledger

    def due(self) -> None:
        """A commit changed the file (called by the ledger, on the UI thread)."""
        if self._ledger is None:
            return
        if self._running:
            self._again = True
        elif not self._timer.isActive():  # not restarted: a stream of edits is checkpointed all the same
            self._timer.start(CHECKPOINT_AFTER_MS)

    def _start(self) -> None:
        if self._ledger is None or self._running:
            return
        path = self._ledger.path
        self._running = True
        self._again = False

        def work(_control: JobControl) -> bool:
            return checkpoint(path)

        self._jobs.submit(self._lane, work, self._ended, self._failed, owner=self)

    def _ended(self, complete: object) -> None:
        self._running = False
        if self._ledger is None:
            return
        if self._again:
            self._again = False
            self._timer.start(CHECKPOINT_AFTER_MS)
        elif not complete:
            self._timer.start(RETRY_MS)

    def _failed(self, _error: BranchDeskError) -> None:
        """A bug (``checkpoint`` raises nothing else), which the runner logged; the WAL keeps the commits."""
        self._ended(False)

    def let_go(self, ledger: Ledger) -> None:
        """``ledger`` is about to close: if it is the one watched, no checkpoint starts any more and the one
        running has ended (closing checkpoints what is left, and must be the file's last connection to
        leave WAL)."""
        if ledger is not self._ledger:
            return
        self._ledger = None
        self._timer.stop()
        self._jobs.wait([self._lane])
        self._jobs.deliver()
