"""File ▸ Back up now and Restore from a backup, and the automatic backup on opening a ledger, for the
ledger open in the window (the backups themselves run on the job runner: ui/jobs/backup.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from branchdesk.domain.errors import BranchDeskError
from branchdesk.i18n.messages import error_text
from branchdesk.ui.context import UiContext
from branchdesk.ui.jobs.runner import JobRunner
from branchdesk.ui.labels import moment_text
from branchdesk.ui.session import LedgerHost

if TYPE_CHECKING:
    from branchdesk.ui.jobs.backup import Backups


class BackupActions(QObject):
    def __init__(
        self,
        host: LedgerHost,
        context: UiContext,
        jobs: JobRunner,
        notify: Callable[[str], None],
        window: QMainWindow,
    ) -> None:
        super().__init__(window)
        self._host = host
        self._context = context
        self._notify = notify  # where a backup went, in the status bar
        self._window = window  # parent of the dialogs; its status bar reports
        self._jobs = jobs
        self._made: Backups | None = None  # at the first backup: its modules load after the window shows

    @property
    def _backups(self) -> Backups:
        if self._made is None:
            from branchdesk.ui.jobs.backup import Backups

            self._made = Backups(
                self._jobs, self._context.data_dir, self._context.show_error, self._notify, self._window
            )
        return self._made

    @property
    def running(self) -> int:
        """Backups asked for and not reported yet."""
        return 0 if self._made is None else self._made.running

    def back_up_if_due(self) -> None:
        """On opening: a backup when the last one is old enough (off for screenshots and the smoke test)."""
        session = self._host.session
        if session is not None and self._context.auto_backup:
            self._backups.start(session.path, "auto", only_if_due=True)

    def back_up_now(self) -> None:
        """File ▸ Back up now: with progress, cancellable."""
        session = self._host.session
        if session is not None:
            self._backups.back_up_now(session.path)

    def wait(self) -> None:
        if self._made is not None:
            self._made.wait()

    def shut_down(self) -> None:
        """The window closes: an automatic backup is dropped (it is taken again on the next opening)."""
        if self._made is not None:
            self._made.cancel_automatic()

    def restore(self) -> None:
        """File ▸ Restore…: choose a backup; the current file is backed up before it is replaced."""
        from branchdesk.services.backups import list_backups, restore_backup
        from branchdesk.ui.dialogs.restore import RestoreDialog

        session, context = self._host.session, self._context
        if session is None:
            return
        path = session.path
        dialog = RestoreDialog(list_backups(path, context.data_dir, context.clock), self._window)
        chosen = dialog.chosen() if dialog.exec() else None
        dialog.deleteLater()
        if chosen is None:
            return
        self._host.close_ledger()
        try:
            restore_backup(path, chosen.path, context.data_dir, context.clock)
        except BranchDeskError as error:
            context.show_error(self._window, error_text(error))
        if self._host.open_path(path):
            self._window.statusBar().showMessage(
                self.tr("Restored the backup of {when}").format(when=moment_text(chosen.taken_at)), 15000
            )
