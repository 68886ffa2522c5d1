"""One soak session (tests/ui/soak.py) on the real window, in a pytest process of its own.

Not collected with the suite (its name does not start with ``test_``): tests/ui/test_soak.py and
benchmarks/run.py start it with ``python -m pytest tests/ui/soak_session.py`` and read its report, so that a
crash ends this process only. The suite's Qt and fault settings (pyproject.toml) apply here too.

    BRANCHDESK_SOAK_LEDGER   the ledger to copy and open (a county demo, or stress for the benchmark)
    BRANCHDESK_SOAK_SEED     the random generator's seed
    BRANCHDESK_SOAK_ACTIONS  how many actions (300)
    BRANCHDESK_SOAK_REPORT   where the JSON report goes
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from branchdesk.domain.clock import FixedClock
from branchdesk.ui.jobs.chart_preload import preload_charts
from branchdesk.ui.jobs.main_thread_gc import MainThreadCollector
from branchdesk.ui.main_window import MainWindow
from tests.ui.conftest import Recorder
from tests.ui.driving import shown
from tests.ui.soak import Soak

# Inside the demo's activity span (April 2022 to 2023), as benchmarks/run.py takes it: every chart has data.
SOAK_DAY = "2024-01-15"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock.on(SOAK_DAY)


def test_soak_session(
    make_window: Callable[..., MainWindow],
    tmp_path: Path,
    recorder: Recorder,
    qtbot: QtBot,
    qapp: QApplication,
) -> None:
    path = tmp_path / "soak.bdesk"
    shutil.copy(os.environ["BRANCHDESK_SOAK_LEDGER"], path)
    window = make_window()
    window.resize(1366, 768)
    shown(window)
    soak = Soak(window, path, int(os.environ["BRANCHDESK_SOAK_SEED"]), recorder.errors)
    assert window.open_path(path)
    # A large file is shown once its quick check, off the UI thread, has passed.
    qtbot.waitUntil(lambda: window.session is not None, timeout=600_000)
    # As app.py does once the window is up: matplotlib imported on the job runner, then the lasting objects
    # left out of later collections. The clerk starts once that is done (a chart tab opened before then
    # waits for the imports: start-up's matter, not this session's).
    collector = qapp.findChild(MainThreadCollector)
    assert collector is not None
    preload_charts(window.jobs, delay_ms=0, then=collector.settle)
    qtbot.waitUntil(lambda: "branchdesk.charts.picture" in sys.modules, timeout=120_000)
    assert window.jobs.wait(msecs=120_000)
    report = soak.run(int(os.environ.get("BRANCHDESK_SOAK_ACTIONS", "300")))
    window.close()
    Path(os.environ["BRANCHDESK_SOAK_REPORT"]).write_text(json.dumps(report.as_json(), ensure_ascii=False))
