"""Reference cycles made on a worker thread are freed on the UI thread, never on the worker."""

from __future__ import annotations

import gc
import threading

from pytestqt.qtbot import QtBot

from branchdesk.ui.jobs.main_thread_gc import MainThreadCollector


class Cycle:
    """Records the thread that freed it; ``self.me`` keeps it alive until the cycle collector runs."""

    freed_on: list[int]

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.freed_on.append(threading.get_ident())


def make_garbage_on_a_worker() -> int:
    def work() -> None:
        # Far past the youngest generation's threshold: an enabled collector would run on this thread.
        for _ in range(20 * gc.get_threshold()[0]):
            Cycle()

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert worker.ident is not None
    return worker.ident


def test_cycles_made_on_a_worker_are_freed_on_the_ui_thread(qtbot: QtBot) -> None:
    Cycle.freed_on = []
    make_garbage_on_a_worker()
    assert Cycle.freed_on == []  # nothing collected on the worker
    qtbot.waitUntil(lambda: len(Cycle.freed_on) > 0, timeout=5000)  # the UI thread's timer collects
    assert set(Cycle.freed_on) == {threading.get_ident()}
    gc.collect()


def test_stopping_gives_the_collector_back_to_python(qtbot: QtBot) -> None:
    # The session's own collector holds it already; a second one stopped keeps it off.
    assert not gc.isenabled()
    gc.enable()
    try:
        collector = MainThreadCollector(None)
        assert not gc.isenabled()
        collector.stop()
        assert gc.isenabled()
    finally:
        gc.disable()


def test_settling_leaves_what_lives_after_start_up_out_of_later_collections(qtbot: QtBot) -> None:
    """Full collections on the UI thread skip the program's lasting objects (55–125 ms each at county scale
    otherwise, seen by the soak test); garbage made later is still freed, on the UI thread."""
    collector = MainThreadCollector(None)
    try:
        collector.settle()
        assert gc.get_freeze_count() > 10_000  # modules, classes, Qt wrappers: the running program
        Cycle.freed_on = []
        make_garbage_on_a_worker()
        qtbot.waitUntil(lambda: len(Cycle.freed_on) > 0, timeout=5000)
        assert set(Cycle.freed_on) == {threading.get_ident()}
    finally:
        collector.stop()
    assert gc.get_freeze_count() == 0  # stopping gives every object back to the last collection
