"""Keeping the open ledger safe: the quick check on opening, Tools ▸ Check database, the offer of the
newest healthy backup for a damaged file, and the warning for ledgers on network or removable drives.

A ledger is written to, or backed up automatically, only after its quick check passed: a damaged file is
never written to, and its damage never pushes healthy backups out of the rotation. A small file is checked
before it shows; a large one shows at once and is checked on the job runner (0.6 s at stress scale), and a
write asked meanwhile waits for the check's end (``writes_allowed``), refused if the file is damaged.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QProgressDialog

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.records import Problem
from branchdesk.i18n.language import format_count
from branchdesk.i18n.messages import error_text
from branchdesk.services.check import STAGES, check_ledger
from branchdesk.services.drives import DriveKind
from branchdesk.ui.context import UiContext
from branchdesk.ui.jobs.checkpoints import Checkpoints
from branchdesk.ui.jobs.runner import JobControl, JobRunner, Reads
from branchdesk.ui.labels import moment_text
from branchdesk.ui.session import LedgerHost, LedgerSession

if TYPE_CHECKING:
    from branchdesk.ui.dialogs.check import CheckResultDialog

# Files up to this size are quick-checked at once on opening (SQLite reads some hundreds of MB a second);
# larger ones are checked off the UI thread and shown when the check is done.
QUICK_CHECK_AT_ONCE_BYTES = 16 * 2**20
WAL_SWITCH_WAIT_MS = 1000  # for the reads interrupted to let go of the file (longer: the rollback journal)


class LedgerSafety(QObject):
    checked = Signal()  # the ledger on show passed its quick check: it may be written to and backed up

    def __init__(self, host: LedgerHost, context: UiContext, jobs: JobRunner, window: QMainWindow) -> None:
        super().__init__(window)
        self.host = host
        self.window = window  # parent of the dialogs; its status bar reports
        self.context = context
        self.quick_check_at_once_bytes = QUICK_CHECK_AT_ONCE_BYTES
        self._jobs = jobs
        # The quick check of a large file being opened: opening another drops it.
        self._quick = Reads(jobs, self)
        self._quick.ready.connect(self._checked_on_show)
        self._quick.failed.connect(self._checked_on_show)
        self._full = jobs.lane(newest_wins=False)  # Tools ▸ Check database
        self._checking: LedgerSession | None = None  # shown, its quick check still running
        # Once checked, the ledger on show runs in WAL, its edits copied into the file off the UI thread.
        self.checkpoints = Checkpoints(jobs, self)
        jobs.writes_allowed = self.writes_allowed
        self.result_dialog: CheckResultDialog | None = None
        self.progress: QProgressDialog | None = None

    # -- opening -------------------------------------------------------------------------------------

    def check_then_show(self, session: LedgerSession, show: Callable[[LedgerSession], None]) -> bool:
        """Quick-check a just-opened ledger and ``show`` it when healthy; False when it was refused. A large
        file shows at once and is checked after (``checked`` when it passed)."""
        self.cancel_check()
        if session.path.stat().st_size <= self.quick_check_at_once_bytes:
            try:
                problems = check_ledger(session.ledger, quick=True)
            except BranchDeskError as error:  # the file could not be read just now (locked, say)
                session.close()
                self.context.show_error(self.window, error_text(error))
                return False
            if problems:
                path = session.path
                session.close()
                return self.offer_backup(path)
            self.checkpoints.watch(session.ledger)  # before its readers start: the switch waits for none
            show(session)
            self.warn_about_drive(session.path)
            self.checked.emit()
            return True
        show(session)  # in the rollback journal until checked: nothing is written to it before
        self._checking = session
        self._quick.request(session.path, session, lambda ledger: check_ledger(ledger, quick=True))
        self.window.statusBar().showMessage(self.tr("Checking the database…"))
        self.warn_about_drive(session.path)
        return True

    def _checked_on_show(self, checked: object, result: object) -> None:
        if self._checking is None or self._checking is not checked:
            return  # another file was opened, or the window closed
        session = self._checking
        self._checking = None
        self.window.statusBar().clearMessage()
        if isinstance(result, BranchDeskError):  # the file could not be read just now (locked, say)
            self.host.close_ledger()
            self.context.show_error(self.window, error_text(result))
        elif result:
            session.ledger.found_damaged()
            self.host.close_ledger()  # nothing is written to a damaged file
            self.offer_backup(session.path)
        else:
            # Its edits need not wait for a read from now on (storage.ledger.Journal): the switch to WAL
            # waits for no reader, so the tabs' reads stop for it and are asked again after it.
            with self._jobs.reads_interrupted():
                self._jobs.reads_stopped(WAL_SWITCH_WAIT_MS)
                self.checkpoints.watch(session.ledger)
            self.checked.emit()

    def writes_allowed(self, path: Path) -> bool:
        """Before a write to ``path``: the quick check of the ledger on show, if it is still running, ends
        first (the UI thread waits for it); False when it was refused (damaged: closed, backup offered)."""
        session = self._checking
        if session is None or session.path != path:
            return True
        self._quick.wait()
        self._jobs.deliver()
        return self.host.session is session and self._checking is None

    def cancel_check(self) -> None:
        """Drop the quick check of the ledger on show (another file is being opened, or the window
        closes)."""
        if self._checking is None:
            return
        self._checking = None
        self._quick.cancel()
        self._quick.wait()

    def warn_about_drive(self, path: Path) -> None:
        kind = self.context.drive_kind(path)
        if kind is DriveKind.NETWORK:
            text = self.tr(
                "{file} is on a network drive. If the connection drops while a change is being saved, the "
                "change can be lost, and two people opening it at once can damage it. Copy the ledger to "
                "this computer (for example to Documents) and work on that copy."
            )
        elif kind is DriveKind.REMOVABLE:
            text = self.tr(
                "{file} is on a removable drive (a USB stick or memory card). Pulling the drive out while "
                "a change is being saved can damage the ledger. Copy it to this computer and work on that "
                "copy; use the drive only to carry copies."
            )
        else:
            return
        self.context.show_error(self.window, text.format(file=path))

    # -- damaged files -------------------------------------------------------------------------------

    def offer_backup(self, path: Path) -> bool:
        """Say the file is damaged and offer its newest healthy backup; True when it was restored (and
        opened). The damaged file itself is kept, byte for byte, beside the backups."""
        context = self.context
        damaged_text = error_text(BranchDeskError("ledger.damaged", path=str(path)))
        from branchdesk.services.backups import newest_healthy_backup, restore_backup

        backup = newest_healthy_backup(path, context.data_dir, context.clock)
        if backup is None:
            context.show_error(
                self.window, damaged_text + "\n" + self.tr("No healthy backup of it was found.")
            )
            return False
        counts = backup.counts or (0, 0, 0)
        question = self.tr(
            "Restore the newest healthy backup, taken {when} ({branches} branches, {pairings} pairings, "
            "{activities} activities)? Work done after it is lost; the damaged file is kept in the backup "
            "folder."
        ).format(
            when=moment_text(backup.taken_at),
            branches=format_count(counts[0]),
            pairings=format_count(counts[1]),
            activities=format_count(counts[2]),
        )
        if not context.ask(self.window, damaged_text + "\n\n" + question):
            return False
        try:
            restore_backup(path, backup.path, context.data_dir, context.clock)
        except BranchDeskError as error:
            context.show_error(self.window, error_text(error))
            return False
        if not self.host.open_path(path):
            return False
        self.window.statusBar().showMessage(
            self.tr("Restored the backup of {when}").format(when=moment_text(backup.taken_at)), 15000
        )
        return True

    # -- Tools ▸ Check database ----------------------------------------------------------------------

    def check_database(self) -> None:
        """The full check of the open ledger, off the UI thread, with progress; then what it found."""
        session = self.host.session
        if session is None:
            return
        progress = QProgressDialog(
            self.tr("Checking the database…"), self.tr("Cancel"), 0, STAGES, self.window
        )
        progress.setObjectName("checkProgress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setValue(0)
        self.progress = progress
        path = session.path

        def work(control: JobControl) -> list[Problem]:
            with control.open(path) as ledger:
                return check_ledger(ledger, progress=control.progress)

        control = self._jobs.submit(
            self._full,
            work,
            lambda problems: self._full_check_done(path, problems),
            lambda error: self._full_check_done(path, error),
            cancelled=lambda: self._full_check_done(path, BranchDeskError("check.cancelled")),
            progress=lambda done, _total: progress.setValue(done),
            owner=self,
        )
        progress.canceled.connect(control.cancel)

    def _full_check_done(self, path: Path, result: object) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if isinstance(result, BranchDeskError):
            if result.code == "check.cancelled":
                self.window.statusBar().showMessage(error_text(result), 8000)
            else:
                self.context.show_error(self.window, error_text(result))
            return
        assert isinstance(result, list)
        from branchdesk.ui.dialogs.check import CheckResultDialog, damaged

        dialog = CheckResultDialog(path.name, result, self.window)
        self.result_dialog = dialog
        if damaged(result):
            dialog.finished.connect(lambda _code: self._damaged_after_check(path))
        dialog.open()

    def close_damaged(self) -> None:
        """A write found the open file damaged: stop using it, and offer its newest healthy backup."""
        if self.host.session is not None:
            self._damaged_after_check(self.host.session.path)

    def _damaged_after_check(self, path: Path) -> None:
        session = self.host.session
        if session is not None and session.path == path:
            session.ledger.found_damaged()
            self.host.close_ledger()  # nothing more is written to a damaged file
        self.offer_backup(path)

    # -- work off the UI thread ----------------------------------------------------------------------

    def wait(self) -> None:
        self._jobs.wait([self._full])
        self._quick.wait()

    def shut_down(self) -> None:
        """The window closes: stop any check, and let no result arrive after it."""
        self._jobs.cancel(self._full)
        self.cancel_check()
        self.wait()
