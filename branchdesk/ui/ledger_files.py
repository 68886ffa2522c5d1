"""Which ledger the window has open: File ▸ New, Open, Open recent, the demo ledger, and closing. A file is
shown only after its quick check (ui/ledger_safety.py); the window hears of it through ``opened``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QMenu

from branchdesk.domain.errors import BranchDeskError
from branchdesk.i18n.messages import error_text
from branchdesk.ui.context import UiContext
from branchdesk.ui.edits import LedgerEdits
from branchdesk.ui.jobs.runner import JobRunner
from branchdesk.ui.ledger_safety import LedgerSafety
from branchdesk.ui.session import LedgerSession


class LedgerFiles(QObject):
    opened = Signal(object)  # LedgerSession: checked, and given to ``edits``
    closing = Signal(bool)  # the open ledger is about to close: for good (True) or for another (False)
    closed = Signal()  # no ledger is open any more

    def __init__(self, context: UiContext, edits: LedgerEdits, jobs: JobRunner, window: QMainWindow) -> None:
        super().__init__(window)
        self._context = context
        self._edits = edits
        self._window = window  # parent of the dialogs; its status bar reports
        self.session: LedgerSession | None = None
        # The quick check on opening, Tools ▸ Check database, damaged files and risky drives.
        self.safety = LedgerSafety(self, context, jobs, window)
        edits.damaged.connect(self.safety.close_damaged)

    def open_path(self, path: Path) -> bool:
        """Open ``path`` here, unless another window has it open: that one is brought forward."""
        if not self._context.claim_ledger(path):
            self._window.statusBar().showMessage(
                self.tr("{file} is open in another BranchDesk window, brought to the front.").format(
                    file=path.name
                ),
                15000,
            )
            return False
        opened = self._open(path)
        if not opened:  # hold on to the ledger still open here, not to the one refused
            self._context.claim_ledger(None if self.session is None else self.session.path)
        return opened

    def _open(self, path: Path) -> bool:
        context = self._context
        try:
            session = LedgerSession.open(path, context.clock, context.data_dir)
        except BranchDeskError as error:
            if error.code == "ledger.damaged":
                return self.safety.offer_backup(path)
            context.show_error(self._window, error_text(error))
            if error.code == "ledger.missing":
                context.settings.remove_recent(path)
            return False
        return self.safety.check_then_show(session, self._show)

    def _show(self, session: LedgerSession) -> None:
        if self.session is not None:
            self.closing.emit(False)
            self._close(self.session)
        self.session = session
        self._edits.set_ledger(session.ledger)
        self._context.settings.add_recent(session.path)
        self.opened.emit(session)

    def close_ledger(self) -> None:
        """Stop every reader and writer of the open file and close it."""
        self.closing.emit(True)
        self._edits.set_ledger(None)
        if self.session is not None:
            self._close(self.session)
            self.session = None
        self.closed.emit()

    def _close(self, session: LedgerSession) -> None:
        self.safety.checkpoints.let_go(session.ledger)  # its checkpoint running ends first
        session.close()

    def choose_and_open(self) -> None:
        path = self._context.choose_open_path(self._window)
        if path is not None:
            self.open_path(path)

    def new_ledger(self) -> str | None:
        """File ▸ New: a new ledger with the regions chosen; the path of the home region when opened."""
        from branchdesk.services.ledgers import create_ledger
        from branchdesk.ui.dialogs.new_ledger import NewLedgerDialog

        context = self._context
        path = context.choose_new_path(self._window)
        if path is None:
            return None
        if self.session is not None and path.resolve() == self.session.path.resolve():
            context.show_error(self._window, error_text(BranchDeskError("ledger.is_open", path=str(path))))
            return None
        dialog = NewLedgerDialog(path.name, self._window)
        if not dialog.exec():
            return None
        try:
            create_ledger(path, context.clock, overwrite=path.exists(), regions=dialog.chain()).close()
        except BranchDeskError as error:
            context.show_error(self._window, error_text(error))
            return None
        return dialog.chain().home() if self.open_path(path) else None

    def open_demo(self) -> None:
        try:
            path = self._context.demo_ledger(self._window)
        except BranchDeskError as error:
            self._context.show_error(self._window, error_text(error))
            return
        if path is not None:
            self.open_path(path)

    def fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        recent = self._context.settings.recent_files()
        for path in recent:
            action = menu.addAction(str(path).replace("&", "&&"))  # a name's & is no access key
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not recent:
            menu.addAction(self.tr("(none)")).setEnabled(False)

    def shut_down(self) -> None:
        """The window closes: the file is let go."""
        if self.session is not None:
            self._edits.set_ledger(None)
            self._close(self.session)
            self.session = None
