"""Backups on the runner's lane of work in order, with progress and cancel (SQLite's backup API copies page
by page): File ▸ Back up now, and the automatic backup on opening."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMainWindow, QProgressDialog, QWidget

from branchdesk.domain.errors import BranchDeskError
from branchdesk.i18n.messages import error_text
from branchdesk.services.backups import backup_due, take_backup
from branchdesk.ui.jobs.runner import WRITES, JobControl, JobRunner, Progress, Work


def backup_work(path: Path, data_dir: Path, reason: str, *, only_if_due: bool) -> Work:
    """``only_if_due``: the automatic backup on opening, taken only when the last is old and stale; the
    work then returns None when none was due."""

    def work(control: JobControl) -> Path | None:
        if only_if_due:
            with control.open(path) as ledger:
                if not backup_due(ledger, data_dir, control.clock.now()):
                    return None
        return take_backup(path, data_dir, control.clock, reason, progress=control.going_on)

    return work


class Backups(QObject):
    """The window's backups; reports where one went through ``notify`` (the status bar), and through
    ``show_error`` when one failed."""

    def __init__(
        self,
        jobs: JobRunner,
        data_dir: Path,
        show_error: Callable[[QWidget, str], None],
        notify: Callable[[str], None],
        window: QMainWindow,
    ) -> None:
        super().__init__(window)
        self._jobs, self._data_dir, self._show_error, self._window = jobs, data_dir, show_error, window
        self._notify = notify
        self._automatic: list[JobControl] = []
        self.running = 0  # asked for and not reported yet

    def start(
        self,
        path: Path,
        reason: str,
        *,
        only_if_due: bool = False,
        progress: Progress | None = None,
        finished: Callable[[], None] = lambda: None,
    ) -> JobControl:
        def done(result: object) -> None:
            self._ended()
            finished()
            if isinstance(result, Path):
                self._notify(self.tr("Backed up to {path}").format(path=result))

        def failed(error: BranchDeskError) -> None:
            self._ended()
            finished()
            if error.code != "backup.cancelled":
                self._show_error(self._window, error_text(error))

        self.running += 1
        work = backup_work(path, self._data_dir, reason, only_if_due=only_if_due)
        control = self._jobs.in_order(work, done, failed, lane=WRITES, progress=progress, owner=self)
        if only_if_due:
            self._automatic.append(control)
        return control

    def back_up_now(self, path: Path) -> None:
        """File ▸ Back up now: with progress, cancellable."""
        dialog = QProgressDialog(self.tr("Backing up the ledger…"), self.tr("Cancel"), 0, 100, self._window)
        dialog.setObjectName("backupProgress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)

        def finished() -> None:
            dialog.close()
            dialog.deleteLater()

        control = self.start(
            path,
            "manual",
            progress=lambda done, total: dialog.setValue(100 * done // max(total, 1)),
            finished=finished,
        )
        dialog.canceled.connect(control.cancel)

    def cancel_automatic(self) -> None:
        """An automatic backup of a large file can take a while: it is taken again on the next opening,
        so closing need not wait for it. A backup the user asked for is finished."""
        for control in self._automatic:
            control.cancel()

    def wait(self) -> None:
        self._jobs.wait_in_order(WRITES)

    def _ended(self) -> None:
        self.running -= 1
        if not self.running:
            self._automatic.clear()
