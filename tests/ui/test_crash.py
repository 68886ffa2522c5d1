"""An unexpected error is logged in the data folder and explained to the user; the app carries on."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from branchdesk.ui.crash import crash_handler


def test_errors_are_logged_and_shown(tmp_path: Path, qtbot: object) -> None:
    told: list[str] = []
    moment = dt.datetime(2022, 5, 19, 9, 30)
    handler = crash_handler(tmp_path / "logs", lambda: moment, told.append)
    try:
        raise ValueError("一个意外")
    except ValueError:
        handler(*sys.exc_info())  # type: ignore[arg-type]
    log = tmp_path / "logs" / "crash-20220519.log"
    text = log.read_text(encoding="utf-8")
    assert "ValueError: 一个意外" in text
    assert "2022-05-19T09:30:00" in text
    assert "test_errors_are_logged_and_shown" in text  # the traceback, for whoever fixes it
    assert len(told) == 1
    assert str(log) in told[0]


def test_an_error_in_a_qt_slot_reaches_the_handler(tmp_path: Path) -> None:
    """In a real event loop (not pytest-qt's, which catches slot errors itself)."""
    script = f"""
import datetime as dt, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from branchdesk.ui.crash import crash_handler
app = QCoreApplication([])
sys.excepthook = crash_handler(Path({str(tmp_path / "logs")!r}), dt.datetime.now, print)
def broken():
    raise RuntimeError("slot failed")
QTimer.singleShot(0, broken)
QTimer.singleShot(50, app.quit)
sys.exit(app.exec())
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    [log] = (tmp_path / "logs").iterdir()
    assert "RuntimeError: slot failed" in log.read_text(encoding="utf-8")
    assert str(log) in result.stdout
