"""The job runner: newest-wins reads, work in order, bugs logged as bugs, and nothing freed on a worker."""

from __future__ import annotations

import threading
import weakref
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from pytestqt.qtbot import QtBot

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.stats import LedgerStats
from branchdesk.i18n.messages import error_text
from branchdesk.services.stats import region_stats
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.jobs.runner import JobControl, JobRunner, Reads
from tests.builders import LedgerBuilder


def endless_query(ledger: Ledger, started: threading.Event) -> object:
    """A query that runs until interrupted; ``started`` is set once it runs (an interrupt between two
    statements would be lost)."""
    ledger.conn.create_function("running", 0, lambda: started.set() or 1)
    return ledger.conn.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE running()) "
        "SELECT count(*) FROM n"
    ).fetchone()


def stats_of(region: int) -> object:
    return lambda ledger: region_stats(ledger, region, levels=True)


def test_only_the_latest_request_is_reported(
    qtbot: QtBot, build: LedgerBuilder, ledger: Ledger, clock: FixedClock, tmp_path: Path
) -> None:
    tree = build.tree()
    build.villages(tree["hc_chengguan"], 3)
    build.villages(tree["gs_chengguan"], 5)
    reads = Reads(JobRunner(clock, tmp_path / "logs"))
    results: list[LedgerStats] = []
    reads.ready.connect(lambda _key, stats: results.append(stats))
    for region in (tree["city"], tree["huangchuan"], tree["gushi"]):
        reads.request(ledger.path, region, stats_of(region))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(results))
    reads.wait()
    qtbot.wait(50)
    assert [(r.region.name, r.branches.grassroots) for r in results] == [("固始县", 5)]
    assert not reads.pending


def test_a_request_overtaken_before_it_began_reads_nothing(
    qtbot: QtBot, ledger: Ledger, clock: FixedClock, tmp_path: Path
) -> None:
    reads = Reads(JobRunner(clock, tmp_path / "logs"))
    started, release = threading.Event(), threading.Event()
    ran: list[str] = []

    def held(ledger: Ledger) -> str:
        started.set()
        assert release.wait(10)
        return "first"

    def counted(name: str) -> object:
        def compute(ledger: Ledger) -> str:
            ran.append(name)
            return name

        return compute

    got: list[object] = []
    reads.ready.connect(lambda key, result: got.append(result))
    reads.request(ledger.path, 1, held)
    assert started.wait(10)
    reads.request(ledger.path, 2, counted("second"))  # queued behind the running one ...
    reads.request(ledger.path, 3, counted("third"))  # ... and dropped for this one before it began
    release.set()
    qtbot.waitUntil(lambda: bool(got))
    reads.wait()
    qtbot.wait(20)
    assert ran == ["third"]
    assert got == ["third"]


def test_refusals_are_the_users_messages(qtbot: QtBot, tmp_path: Path, clock: FixedClock) -> None:
    reads = Reads(JobRunner(clock, tmp_path / "logs"))
    errors: list[BranchDeskError] = []
    reads.failed.connect(lambda _key, error: errors.append(error))
    reads.request(tmp_path / "gone.bdesk", 1, stats_of(1))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(errors))
    assert errors[0].code == "ledger.missing"
    assert not (tmp_path / "logs").exists(), "a refusal is no bug: nothing is logged"


def test_an_unknown_region_is_an_error_not_silence(
    qtbot: QtBot, build: LedgerBuilder, ledger: Ledger, clock: FixedClock, tmp_path: Path
) -> None:
    build.tree()
    reads = Reads(JobRunner(clock, tmp_path / "logs"))
    errors: list[BranchDeskError] = []
    reads.failed.connect(lambda _key, error: errors.append(error))
    reads.request(ledger.path, 9999, stats_of(9999))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(errors))
    assert errors[0].code == "region.not_found"


def test_a_bug_is_logged_with_its_traceback_and_called_an_internal_error(
    qtbot: QtBot, ledger: Ledger, clock: FixedClock, tmp_path: Path
) -> None:
    reads = Reads(JobRunner(clock, tmp_path / "logs"))
    errors: list[BranchDeskError] = []
    reads.failed.connect(lambda _key, error: errors.append(error))

    def broken_chart_query(ledger: Ledger) -> object:
        return {"groups": []}["rows"]

    reads.request(ledger.path, 1, broken_chart_query)
    qtbot.waitUntil(lambda: bool(errors))
    [error] = errors
    assert error.code == "error.internal"
    log = tmp_path / "logs" / "crash-20220519.log"
    assert error.params == {"log": str(log)}
    text = log.read_text(encoding="utf-8")
    assert "KeyError: 'rows'" in text
    assert "broken_chart_query" in text  # the traceback, for whoever fixes it
    assert str(log) in error_text(error)


def test_work_in_order_runs_one_after_another_and_reports_each(
    qtbot: QtBot, clock: FixedClock, tmp_path: Path
) -> None:
    jobs = JobRunner(clock, tmp_path / "logs")
    order: list[str] = []
    done: list[object] = []
    first_running, release = threading.Event(), threading.Event()

    def first(control: JobControl) -> str:
        first_running.set()
        assert release.wait(10)
        order.append("first")
        return "first"

    def second(control: JobControl) -> str:
        order.append("second")
        return "second"

    jobs.in_order(first, done.append, done.append)
    jobs.in_order(second, done.append, done.append)
    assert first_running.wait(10)
    assert order == []  # the second waits for the first
    release.set()
    qtbot.waitUntil(lambda: len(done) == 2)
    assert order == done == ["first", "second"]


def test_a_cancelled_job_reports_cancelled_not_an_error(
    qtbot: QtBot, ledger: Ledger, clock: FixedClock, tmp_path: Path
) -> None:
    jobs = JobRunner(clock, tmp_path / "logs")
    outcomes: list[str] = []
    started = threading.Event()

    def endless(control: JobControl) -> object:
        with control.open(ledger.path) as reader:
            return endless_query(reader, started)

    control = jobs.in_order(
        endless,
        lambda result: outcomes.append("done"),
        lambda error: outcomes.append(error.code),
        cancelled=lambda: outcomes.append("cancelled"),
    )
    assert started.wait(10)
    control.cancel()
    qtbot.waitUntil(lambda: bool(outcomes))
    assert outcomes == ["cancelled"]
    assert not (tmp_path / "logs").exists()


def test_a_deleted_owner_hears_nothing_and_its_read_is_stopped(
    qtbot: QtBot, ledger: Ledger, clock: FixedClock, tmp_path: Path
) -> None:
    jobs = JobRunner(clock, tmp_path / "logs")
    owner = QObject()
    reads = Reads(jobs, owner)
    heard: list[object] = []
    reads.ready.connect(lambda _key, result: heard.append(result))
    reads.failed.connect(lambda _key, error: heard.append(error))
    started = threading.Event()

    reads.request(ledger.path, 1, lambda reader: endless_query(reader, started))
    assert started.wait(10)
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert jobs.wait(msecs=10000), "deleting the reader interrupted its query"
    qtbot.wait(20)
    assert heard == []


def test_a_deleted_readers_running_job_is_waited_for_and_frees_it_on_the_ui_thread(
    qtbot: QtBot, ledger: Ledger, clock: FixedClock, tmp_path: Path
) -> None:
    """A dialog closed while its read runs: the job holds the reader's callbacks until it is delivered, so
    waiting for all work waits for it too (the compliance dialog's test saw a closed reader still alive
    after ``jobs.wait()`` on a loaded machine: the dropped lane was no longer waited for)."""
    jobs = JobRunner(clock, tmp_path / "logs")
    owner = QObject()
    reads = Reads(jobs, owner)
    gone = weakref.ref(reads)
    started, release = threading.Event(), threading.Event()

    def slow(_ledger: Ledger) -> str:
        started.set()
        release.wait(10)  # Python, not a statement: the cancel cannot interrupt it
        return "late"

    reads.request(ledger.path, 1, slow)
    del reads
    assert started.wait(10)
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not jobs.wait(msecs=100), "the deleted reader's job still runs"
    release.set()
    assert jobs.wait(msecs=10000)
    QCoreApplication.processEvents()
    assert gone() is None
    jobs.shut_down()


class Tracer:
    """Records the thread that frees it."""

    freed_on: list[bool]

    def __del__(self) -> None:
        Tracer.freed_on.append(threading.current_thread() is threading.main_thread())


def test_what_a_job_holds_is_freed_on_the_ui_thread(
    qtbot: QtBot, ledger: Ledger, clock: FixedClock, tmp_path: Path
) -> None:
    """A job's work and callbacks hold their tab or dialog: a worker must never drop the last reference to
    them (PySide6 then frees Qt objects on the wrong thread: SIGSEGV in runDeletionInMainThread)."""
    Tracer.freed_on = []
    jobs = JobRunner(clock, tmp_path / "logs")
    reads = Reads(jobs)
    delivered: list[object] = []
    reads.ready.connect(lambda _key, result: delivered.append(result))
    reads.failed.connect(lambda _key, error: delivered.append(error))
    rounds = 40
    for number in range(rounds):
        tracer = Tracer()

        def work(ledger: Ledger, tracer: Tracer = tracer) -> int:
            return id(tracer)

        def failing(ledger: Ledger, tracer: Tracer = tracer) -> int:
            raise ValueError(id(tracer))

        reads.request(ledger.path, number, work if number % 2 else failing)
        del tracer, work, failing
        reads.wait()
        qtbot.waitUntil(lambda number=number: len(delivered) == number + 1)  # type: ignore[misc]
    assert len(Tracer.freed_on) == rounds
    assert all(Tracer.freed_on)


def test_a_lane_keeps_its_worker_so_a_later_request_starts_no_thread(
    qtbot: QtBot, ledger: Ledger, clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Starting a thread makes the caller wait until the new thread runs: on a loaded machine the soak test
    saw a region click hold the UI thread 228 ms for it. A lane's worker comes with its first job, stays."""
    runner = JobRunner(clock, tmp_path / "logs")
    reads = Reads(runner)
    results: list[object] = []
    reads.ready.connect(lambda _key, value: results.append(value))
    reads.request(ledger.path, 1, lambda _ledger: "first")
    qtbot.waitUntil(lambda: results == ["first"])
    started: list[str] = []
    start = threading.Thread.start
    monkeypatch.setattr(
        threading.Thread, "start", lambda thread: (started.append(thread.name), start(thread))[1]
    )
    reads.request(ledger.path, 2, lambda _ledger: "second")
    qtbot.waitUntil(lambda: results == ["first", "second"])
    assert started == []
    runner.shut_down()
