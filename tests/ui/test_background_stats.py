"""Status-bar figures off the UI thread: only the latest request's result is shown."""

from __future__ import annotations

from pathlib import Path

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.stats import LedgerStats
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.jobs.background_stats import BackgroundStats
from tests.builders import LedgerBuilder


def test_only_the_latest_request_is_reported(
    qtbot: object, build: LedgerBuilder, ledger: Ledger, clock: FixedClock
) -> None:
    tree = build.tree()
    build.villages(tree["hc_chengguan"], 3)
    build.villages(tree["gs_chengguan"], 5)
    worker = BackgroundStats(clock)
    results: list[LedgerStats] = []
    worker.ready.connect(results.append)
    for region in (tree["city"], tree["huangchuan"], tree["gushi"]):
        worker.request(ledger.path, region)
    qtbot.waitUntil(lambda: bool(results))  # type: ignore[attr-defined]
    worker.wait()
    qtbot.wait(50)  # type: ignore[attr-defined]
    assert [(r.region.name, r.branches.grassroots) for r in results] == [("固始县", 5)]


def test_a_vanished_file_is_reported_as_an_error(qtbot: object, tmp_path: Path, clock: FixedClock) -> None:
    worker = BackgroundStats(clock)
    errors: list[object] = []
    worker.failed.connect(errors.append)
    worker.request(tmp_path / "gone.bdesk", 1)
    qtbot.waitUntil(lambda: bool(errors))  # type: ignore[attr-defined]
    assert getattr(errors[0], "code", None) == "ledger.missing"


def test_an_unknown_region_is_an_error_not_silence(
    qtbot: object, build: LedgerBuilder, ledger: Ledger, clock: FixedClock
) -> None:
    build.tree()
    worker = BackgroundStats(clock)
    errors: list[object] = []
    worker.failed.connect(errors.append)
    worker.request(ledger.path, 9999)
    qtbot.waitUntil(lambda: bool(errors))  # type: ignore[attr-defined]
    assert getattr(errors[0], "code", None) == "region.not_found"
