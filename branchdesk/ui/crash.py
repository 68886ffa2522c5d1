"""Unexpected errors: logged in the data folder and shown as a friendly message, never a silent exit.

A windowed exe has no console, so without this a bug would simply close the window (or do nothing).
"""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication

from branchdesk import __version__
from branchdesk.domain.errors import BranchDeskError
from branchdesk.i18n.messages import error_text

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def write_crash_log(folder: Path, error: BaseException, now: dt.datetime) -> Path:
    """Append the error, with version and time, to today's log; returns the log's path."""
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / f"crash-{now:%Y%m%d}.log"
    with log.open("a", encoding="utf-8") as handle:
        handle.write(f"--- {now.isoformat(timespec='seconds')} BranchDesk {__version__} ---\n")
        handle.write("".join(traceback.format_exception(error)))
    return log


def log_bug(folder: Path, error: BaseException, now: dt.datetime) -> BranchDeskError:
    """Log a bug with its traceback; what to tell the user: an internal error, naming the log."""
    try:
        where = str(write_crash_log(folder, error, now))
    except OSError:
        where = QCoreApplication.translate("Crash", "(the log could not be written)")
    return BranchDeskError("error.internal", log=where)


def crash_handler(
    folder: Path, now: Callable[[], dt.datetime], tell_user: Callable[[str], None]
) -> ExceptHook:
    """A ``sys.excepthook`` that logs and tells the user where the log is, then lets the app go on."""

    def handle(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        tell_user(error_text(log_bug(folder, error.with_traceback(trace), now())))

    return handle
