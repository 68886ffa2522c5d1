"""The one way to run work off the UI thread.

Work runs on *lanes*: a lane runs one job at a time, in order, on a worker thread of its own, started with
its first job and kept, waiting for more, until the lane is dropped or the runner shuts down (starting a
thread makes the caller wait until the new thread runs: on a loaded machine that held the UI thread for up
to a quarter of a second per read). Three kinds of work use them:

- reads where the newest request wins (:class:`Reads`: a chart, a list's rows, a dialog's figures): a new
  request drops the queued one and interrupts the running one, whose result is never delivered;
- work in order (:meth:`JobRunner.in_order`): backups, and any write that moves off the UI thread
  (lane :data:`WRITES`), each delivered in turn; the checkpoints of the WAL that the UI thread's edits
  leave (ui/jobs/checkpoints.py) have a lane of their own;
- long jobs behind a progress dialog with Cancel (:func:`run_with_progress`): import, export, report.

Results come back on the UI thread as callbacks (like Anki's ``QueryOp``): ``done(result)``, or
``failed(error)`` with the :class:`BranchDeskError` the work raised. Any other exception is a bug: it is
written with its traceback to the crash log and the job fails with ``error.internal``, which names the log;
it is never reported as if the user had done something wrong.

Why the bookkeeping (issue #16: SIGSEGV in ``runDeletionInMainThread``): a worker must never free a Qt
object, nor the last reference to anything that may hold one (a job's callbacks hold their tab or dialog).
So jobs, their callbacks and their outcomes stay in the runner's table, which only the UI thread empties;
a worker is given a lane, and signals back job numbers. Workers touch no Qt object but the runner's
``_Wake``, which lives as long as the runner, whose :meth:`JobRunner.shut_down` joins them.
"""

from __future__ import annotations

import itertools
import threading
import traceback
from collections import deque
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from branchdesk.domain.clock import Clock
from branchdesk.domain.errors import BranchDeskError
from branchdesk.services.ledgers import open_ledger
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.crash import log_bug
from branchdesk.ui.jobs.priority import below_normal

# The lane of work that changes the file, run one after another in the order asked.
WRITES = "writes"

# Rows done and rows in all (0 when unknown: a progress dialog then shows a busy bar).
Progress = Callable[[int, int], None]
Compute = Callable[[Ledger], object]


class JobCancelledError(Exception):
    """Raised inside a job (by :meth:`JobControl.progress` or :meth:`JobControl.open`) once it was
    cancelled or overtaken; it unwinds the work, rolling back what it had begun."""


@dataclass(frozen=True)
class Cancelled:
    """What :func:`run_with_progress` returns when the user cancelled."""


class JobControl:
    """What a job's work gets: its ledger connections (so that cancelling interrupts their query), its
    progress, and whether it was cancelled. Thread-safe; plain Python."""

    def __init__(self, clock: Clock, report: Callable[[int, int], None]) -> None:
        self.clock = clock
        self._lock = threading.Lock()
        self._ledgers: list[Ledger] = []
        self._cancelled = False
        self._report = report

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def cancel(self) -> None:
        """Stop the work: its running query is interrupted (SQLite's interrupt is safe from any thread),
        its next progress report or connection raises :class:`JobCancelledError`."""
        with self._lock:
            self._cancelled = True
            for ledger in self._ledgers:
                ledger.interrupt()

    @contextmanager
    def open(self, path: Path, *, read_only: bool = True) -> Iterator[Ledger]:
        """A connection of the job's own to ``path``, interrupted if the job is cancelled."""
        if self._cancelled:
            raise JobCancelledError
        with open_ledger(path, self.clock, read_only=read_only) as ledger:
            ledger.stop_later_statements()
            with self._lock:
                if self._cancelled:  # cancelled while opening: its interrupt found no query to stop
                    raise JobCancelledError
                self._ledgers.append(ledger)
            try:
                yield ledger
            finally:
                with self._lock:  # closed next: no interrupt may reach it after this
                    self._ledgers.remove(ledger)

    def progress(self, done: int, total: int = 0) -> None:
        """Report progress to the UI thread; raises :class:`JobCancelledError` once cancelled."""
        if self._cancelled:
            raise JobCancelledError
        self._report(done, total)

    def going_on(self, done: int, total: int) -> bool:
        """Report progress; False once cancelled (for services whose progress callback answers that)."""
        if self._cancelled:
            return False
        self._report(done, total)
        return True


Work = Callable[[JobControl], object]
Done = Callable[[object], None]
Failed = Callable[[BranchDeskError], None]


@dataclass(frozen=True)
class _Bug:
    error: BaseException


_CANCELLED = Cancelled()


@dataclass(eq=False)
class Lane:
    """Work run one job at a time, in order; with ``newest_wins`` a new job drops the queued one and
    interrupts the running one. Made by :meth:`JobRunner.lane`; its fields are the runner's."""

    newest_wins: bool
    queue: deque[_Job] = field(default_factory=deque)
    running: _Job | None = None
    busy: bool = False  # a job is queued or running
    worker: threading.Thread | None = None  # its worker, from its first job until it is dropped
    dropped: bool = False
    latest: int = 0  # newest wins: the one request whose outcome is still wanted (0: none)


@dataclass(eq=False)
class _Job:
    number: int
    lane: Lane
    work: Work
    control: JobControl
    done: Done
    failed: Failed
    cancelled: Callable[[], None] | None
    progress: Progress | None
    owner: QObject | None  # callbacks are dropped once it is deleted
    outcome: object = None


class _Wake(QObject):
    """The only Qt object workers touch: they emit job numbers, delivered on the UI thread."""

    finished = Signal(int)
    progressed = Signal(int, int, int)


def _outcome(work: Work, control: JobControl) -> object:
    try:
        return work(control)
    except JobCancelledError:
        return _CANCELLED
    except BranchDeskError as error:  # an expected refusal: a message for the user
        return error
    except Exception as error:
        # A cancelled job's interrupted query raises sqlite3's own error: that is the cancel, not a bug.
        return _CANCELLED if control.cancelled else _Bug(error)


class _Board:
    """The job table shared by the UI thread and the workers, under one lock; plain Python."""

    def __init__(self, wake: _Wake) -> None:
        self.lock = threading.Condition()
        self.jobs: dict[int, _Job] = {}
        self.lanes: list[Lane] = []
        self.threads: list[threading.Thread] = []
        self.closing = False  # shut down: idle workers end
        self._wake = wake

    def submit(self, job: _Job) -> None:
        lane = job.lane
        with self.lock:
            if lane.newest_wins:
                self._drop_queued(lane)
                if lane.running is not None:
                    lane.running.control.cancel()
                lane.latest = job.number
            lane.queue.append(job)
            self.jobs[job.number] = job
            lane.busy = True
            if lane.worker is not None:
                self.lock.notify_all()
                return
            # A daemon: an idle worker never holds up the interpreter's exit; shut_down joins them all.
            lane.worker = threading.Thread(
                target=self._drain, args=(lane,), name="branchdesk job", daemon=True
            )
            self.threads = [thread for thread in self.threads if thread.is_alive()]
            self.threads.append(lane.worker)
            lane.worker.start()

    def cancel(self, lane: Lane) -> None:
        """Drop the lane's queued jobs and interrupt its running one; nothing of it is delivered."""
        with self.lock:
            self._drop_queued(lane)
            lane.latest = 0
            if lane.running is not None:  # its worker still holds it: it is dropped when it reports
                lane.running.control.cancel()

    def interrupt_reads(self) -> list[_Job]:
        """Stop every newest-wins read: its running statement is interrupted (its lock on the file goes at
        once) and its queued request dropped. Returns the requests still wanted, to be asked again."""
        wanted: list[_Job] = []
        with self.lock:
            for lane in self.lanes:
                if not lane.newest_wins:
                    continue
                pending = [lane.running, *lane.queue]
                wanted += [job for job in pending if job is not None and job.number == lane.latest]
                self._drop_queued(lane)
                if lane.running is not None:
                    lane.running.control.cancel()
        return wanted

    def _drop_queued(self, lane: Lane) -> None:
        for queued in lane.queue:
            del self.jobs[queued.number]
        lane.queue.clear()

    def take(self, number: int) -> _Job | None:
        with self.lock:
            return self.jobs.pop(number, None)

    def peek(self, number: int) -> _Job | None:
        with self.lock:
            return self.jobs.get(number)

    def wait(self, lanes: list[Lane], msecs: int) -> bool:
        """Block until the lanes have no work left (not delivered yet: that needs the event loop)."""
        with self.lock:
            return self.lock.wait_for(lambda: not any(lane.busy for lane in lanes), msecs / 1000)

    def drop(self, lane: Lane) -> None:
        """The lane's reader is gone: its work is cancelled and its worker ends. A job still running is
        waited for like any other (it holds its callbacks, and so its reader's wrapper, until delivered):
        the lane is forgotten when its worker ends."""
        self.cancel(lane)
        with self.lock:
            lane.dropped = True
            if lane.worker is None:
                self._forget(lane)
            self.lock.notify_all()

    def _forget(self, lane: Lane) -> None:
        if lane in self.lanes:
            self.lanes.remove(lane)

    def join(self) -> None:
        with self.lock:
            self.closing = True
            self.lock.notify_all()
        for thread in list(self.threads):
            thread.join()
        with self.lock:
            self.closing = False  # a window used again starts workers again

    def _drain(self, lane: Lane) -> None:
        """A lane's worker: run its jobs in turn, then wait for more until the lane is dropped or the
        runner shuts down."""
        below_normal()  # the UI thread first (ui/jobs/priority.py)
        while True:
            with self.lock:
                while not lane.queue:
                    if lane.busy:
                        lane.busy = False
                        self.lock.notify_all()  # for wait(); idle workers woken by it go back to sleep
                    if lane.dropped or self.closing:
                        lane.worker = None
                        if lane.dropped:
                            self._forget(lane)
                        return
                    self.lock.wait()
                job = lane.queue.popleft()
                lane.running = job
            outcome = _outcome(job.work, job.control)
            if isinstance(outcome, _Bug):
                # Its frames hold the work's locals; cleared here, they cannot keep anything alive.
                traceback.clear_frames(outcome.error.__traceback__)
            with self.lock:
                job.outcome = outcome
                lane.running = None
            number = job.number
            del job, outcome  # the table keeps them: they are freed on the UI thread
            self._signal(self._wake.finished, number)

    def report(self, number: int, done: int, total: int) -> None:
        self._signal(self._wake.progressed, number, done, total)

    @staticmethod
    def _signal(signal: object, *args: int) -> None:
        # The runner is gone (its owner skipped shut_down): nobody is listening.
        with suppress(RuntimeError):
            signal.emit(*args)  # type: ignore[attr-defined]


class JobRunner(QObject):
    """Owned by the window; every tab, dialog and action runs its off-thread work here."""

    def __init__(self, clock: Clock, log_folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.log_folder = log_folder
        wake = _Wake(self)
        wake.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        wake.progressed.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self._board = _Board(wake)
        self._numbers = itertools.count(1)
        self._ordered: dict[Hashable, Lane] = {}
        # Whether a write to a ledger may go ahead now: the window's quick check of the ledger it shows ends
        # first, and a damaged file is refused (set by ui/ledger_safety.py).
        self.writes_allowed: Callable[[Path], bool] = lambda _path: True

    def lane(self, *, newest_wins: bool) -> Lane:
        lane = Lane(newest_wins)
        self._board.lanes.append(lane)
        return lane

    def submit(
        self,
        lane: Lane,
        work: Work,
        done: Done,
        failed: Failed,
        *,
        cancelled: Callable[[], None] | None = None,
        progress: Progress | None = None,
        owner: QObject | None = None,
    ) -> JobControl:
        """Run ``work`` on ``lane``; its callbacks run on the UI thread, unless ``owner`` was deleted.
        ``cancelled`` is called instead of ``done`` when the work stopped for :meth:`JobControl.cancel`."""
        number = next(self._numbers)
        control = JobControl(self.clock, partial(self._board.report, number))
        job = _Job(number, lane, work, control, done, failed, cancelled, progress, owner)
        self._board.submit(job)
        return control

    def in_order(
        self,
        work: Work,
        done: Done,
        failed: Failed,
        *,
        lane: Hashable = WRITES,
        cancelled: Callable[[], None] | None = None,
        progress: Progress | None = None,
        owner: QObject | None = None,
    ) -> JobControl:
        """Run ``work`` after the work asked for before on the same named lane; cancel with the
        returned control."""
        if lane not in self._ordered:
            self._ordered[lane] = self.lane(newest_wins=False)
        return self.submit(
            self._ordered[lane], work, done, failed, cancelled=cancelled, progress=progress, owner=owner
        )

    def cancel(self, lane: Lane) -> None:
        self._board.cancel(lane)

    @contextmanager
    def reads_interrupted(self) -> Iterator[None]:
        """Around a write whose COMMIT waits for every reader of the file (a ledger with the rollback
        journal: storage.ledger.Journal): the newest-wins reads are interrupted, so that it waits for none
        of them, and asked again after it with their callbacks (a newer request made meanwhile wins).
        Work in order and long jobs (a backup, an export's snapshot, a check) go on: they hold the file
        for good reason."""
        wanted = self._board.interrupt_reads()
        try:
            yield
        finally:
            for job in wanted:
                self.submit(
                    job.lane,
                    job.work,
                    job.done,
                    job.failed,
                    cancelled=job.cancelled,
                    progress=job.progress,
                    owner=job.owner,
                )

    def drop(self, lane: Lane) -> None:
        """A lane no longer used (its reader was deleted): cancel its work, end its worker, forget it."""
        self._board.drop(lane)

    def wait(self, lanes: list[Lane] | None = None, msecs: int = 30000) -> bool:
        """Wait for the lanes' work (all work when None) to finish; the results are delivered by the
        event loop afterwards."""
        return self._board.wait(self._board.lanes if lanes is None else lanes, msecs)

    def wait_in_order(self, lane: Hashable = WRITES) -> None:
        if lane in self._ordered:
            self.wait([self._ordered[lane]])

    def shut_down(self) -> None:
        """The window closes: every read is cancelled, work in order finishes (cancel it first if it
        need not), and what it reported is delivered."""
        for lane in list(self._board.lanes):  # a dropped lane's worker may forget it meanwhile
            if lane.newest_wins:
                self._board.cancel(lane)
        self._board.join()
        self.deliver()

    def reads_stopped(self, msecs: int) -> bool:
        """Within ``reads_interrupted``: until the interrupted reads have ended (their locks on the file
        gone); False if one still runs after ``msecs``."""
        return self._board.wait([lane for lane in self._board.lanes if lane.newest_wins], msecs)

    def deliver(self) -> None:
        """What finished, delivered now (for a wait on the UI thread that needs its result)."""
        QCoreApplication.sendPostedEvents(self)
        for child in self.children():
            QCoreApplication.sendPostedEvents(child)

    def _deliver(self, number: int) -> None:
        job = self._board.take(number)
        if job is None or (job.owner is not None and not shiboken6.isValid(job.owner)):
            return
        if job.lane.newest_wins:
            if number != job.lane.latest:
                return  # overtaken by a newer request
            job.lane.latest = 0
        outcome = job.outcome
        if isinstance(outcome, _Bug):
            job.failed(self.bug(outcome.error))
        elif isinstance(outcome, BranchDeskError):
            job.failed(outcome)
        elif outcome is _CANCELLED:
            if job.cancelled is not None:
                job.cancelled()
        else:
            job.done(outcome)

    def _progress(self, number: int, done: int, total: int) -> None:
        job = self._board.peek(number)
        if job is None or job.progress is None:
            return
        if job.owner is None or shiboken6.isValid(job.owner):
            job.progress(done, total)

    def bug(self, error: BaseException) -> BranchDeskError:
        """Log a bug with its traceback; the error to show for it names the log."""
        return log_bug(self.log_folder, error, self.clock.now())


class Reads(QObject):
    """Reads where the newest request wins, each on a read-only connection of its own: a chart's
    aggregate, a long list's rows, a dialog's figures. At stress scale one can take a second or two; the
    window must not freeze for it. Owned by its tab or dialog: deleting it cancels what it asked."""

    ready = Signal(object, object)  # key and result of the latest request
    failed = Signal(object, object)  # key and BranchDeskError of the latest request
    progressed = Signal(int, int)  # steps done and in all of the latest request_steps

    def __init__(self, runner: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._lane = runner.lane(newest_wins=True)
        self._pending = False
        # Not a method of self: by then its wrapper is going.
        self.destroyed.connect(partial(runner.drop, self._lane))

    def request(self, path: Path, key: Hashable, compute: Compute) -> None:
        """Compute ``compute(ledger)`` on a read-only connection to ``path``; ``ready`` brings it with
        ``key`` unless another request came first."""
        self.request_steps(path, key, lambda ledger, _progress: compute(ledger), reported=False)

    def request_steps(
        self,
        path: Path,
        key: Hashable,
        compute: Callable[[Ledger, Progress], object],
        *,
        reported: bool = True,
    ) -> None:
        """As :meth:`request`, for work that reports its steps (``progressed``: a dialog's progress bar);
        its progress callback raises once a newer request overtook it."""
        self._pending = True

        def work(control: JobControl) -> object:
            with control.open(path) as ledger:
                return compute(ledger, control.progress)

        self._runner.submit(
            self._lane,
            work,
            partial(self._ready, key),
            partial(self._failed, key),
            progress=self.progressed.emit if reported else None,
            owner=self,
        )

    def cancel(self) -> None:
        """Forget what is pending (the ledger is closing, or another was opened)."""
        self._pending = False
        self._runner.cancel(self._lane)

    @property
    def pending(self) -> bool:
        """A request is being computed, or its result has not been delivered yet."""
        return self._pending

    def wait(self, msecs: int = 30000) -> bool:
        return self._runner.wait([self._lane], msecs)

    def wait_shown(self, msecs: int = 30000) -> bool:
        """Wait for what was asked and let its owner show it (tests, screenshots)."""
        done = self.wait(msecs)
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()
        return done

    def _ready(self, key: Hashable, result: object) -> None:
        self._pending = False
        self.ready.emit(key, result)

    def _failed(self, key: Hashable, error: BranchDeskError) -> None:
        self._pending = False
        self.failed.emit(key, error)


def run_with_progress(
    runner: JobRunner,
    parent: QWidget,
    label: str,
    ledger_path: Path,
    work: Callable[[Ledger, Progress], object],
    *,
    read_only: bool,
) -> object:
    """Run ``work`` on its own connection to ``ledger_path`` while a window-modal progress dialog with
    Cancel shows; returns what it returned, a BranchDeskError, or :class:`Cancelled`. The UI keeps
    painting meanwhile. A job that writes waits for the writes asked before it.

    Cancel makes the progress callback raise, which unwinds the work: an import's transaction rolls back
    and an export's half-written file is removed (both already do so on any exception).
    """
    if not read_only and not runner.writes_allowed(ledger_path):
        return BranchDeskError("ledger.damaged", path=str(ledger_path))

    def job(control: JobControl) -> object:
        with control.open(ledger_path, read_only=read_only) as ledger:
            return work(ledger, control.progress)

    return run_job_with_progress(runner, parent, label, job, in_order=not read_only)


def run_job_with_progress(
    runner: JobRunner, parent: QWidget, label: str, job: Work, *, in_order: bool = True
) -> object:
    """``job`` run as :func:`run_with_progress` runs a ledger's work, for work that opens what it needs
    itself (a new ledger made from a package); ``in_order``: after the writes asked before it."""
    dialog = QProgressDialog(parent)  # its Cancel button speaks the user's language through Qt's catalogue
    dialog.setLabelText(label)
    dialog.setRange(0, 0)
    dialog.setObjectName("fileJobProgress")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    loop = QEventLoop(dialog)
    outcome: list[object] = []

    def show(done: int, total: int) -> None:
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    def finish(result: object) -> None:
        outcome.append(result)
        loop.quit()

    def cancelled() -> None:
        finish(Cancelled())

    lane = None if in_order else runner.lane(newest_wins=False)
    if lane is None:
        control = runner.in_order(job, finish, finish, cancelled=cancelled, progress=show)
    else:
        control = runner.submit(lane, job, finish, finish, cancelled=cancelled, progress=show)
    dialog.canceled.connect(control.cancel)
    while not outcome:
        loop.exec()
    if lane is not None:
        runner.drop(lane)
    dialog.close()
    dialog.deleteLater()
    return outcome[0]
