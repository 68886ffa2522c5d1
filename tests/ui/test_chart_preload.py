"""matplotlib and pypinyin come in on a worker thread after start-up, before the first chart tab or the
first edit of a name needs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys, threading
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from branchdesk.domain.clock import SystemClock
from branchdesk.ui.jobs.chart_preload import preload_charts
from branchdesk.ui.jobs.runner import JobRunner
app = QApplication([])
jobs = JobRunner(SystemClock(), Path("logs-unused"))
importers = []
original = threading.Thread.run
def run(self):
    importers.append(self.name)
    original(self)
threading.Thread.run = run
settled = []
preload_charts(jobs, 10, then=lambda: settled.append(threading.current_thread() is threading.main_thread()))
assert "matplotlib" not in sys.modules and "pypinyin" not in sys.modules
QTimer.singleShot(50, app.quit)
app.exec()
jobs.shut_down()  # as the window's closing does: joins the worker
assert "matplotlib.figure" in sys.modules and "branchdesk.charts.picture" in sys.modules
assert "pypinyin" in sys.modules  # else the first edit of a branch would read its table under Enter
assert importers == ["branchdesk job"], importers
assert settled == [True], settled  # told once the modules are in, on the UI thread
print("ok")
"""


def test_slow_modules_are_imported_on_a_worker_after_the_window_is_up() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().endswith("ok")
