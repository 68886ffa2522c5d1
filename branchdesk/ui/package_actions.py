"""The data package commands (DESIGN.md §9): File ▸ Send package, Receive packages and New ledger from a
package, Tools ▸ Offices and Locked months. Kept out of the main window, which only adds these actions to its
menus; each dialog's module is loaded when first opened."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from branchdesk.domain.errors import BranchDeskError
from branchdesk.i18n.language import format_count
from branchdesk.i18n.messages import error_text
from branchdesk.ui.context import UiContext
from branchdesk.ui.dialogs import exec_and_delete
from branchdesk.ui.dialogs.file_choice import FilePurpose
from branchdesk.ui.edits import LedgerEdits
from branchdesk.ui.jobs.runner import JobControl, JobRunner, run_job_with_progress
from branchdesk.ui.region_tree import RegionTreePanel
from branchdesk.ui.session import LedgerHost

if TYPE_CHECKING:
    from branchdesk.ui.dialogs.month_locks import MonthLocksDialog
    from branchdesk.ui.dialogs.offices import OfficesDialog
    from branchdesk.ui.dialogs.receive_wizard import ReceiveWizard
    from branchdesk.ui.dialogs.send_package import SendPackageDialog


class PackageActions(QObject):
    def __init__(
        self,
        host: LedgerHost,
        edits: LedgerEdits,
        jobs: JobRunner,
        context: UiContext,
        window: QMainWindow,
        regions: RegionTreePanel,
    ) -> None:
        super().__init__(window)
        self.host, self.edits, self.jobs, self.context, self.window = host, edits, jobs, context, window
        self.regions = regions  # the region chosen in the tree: a month is locked, a seed offered for it
        self.send_action = self._action("sendPackage", self.send_package, "Ctrl+Shift+S")
        self.receive_action = self._action("receivePackages", self.receive_packages, "Ctrl+Shift+I")
        # A township's first step: no ledger is open yet, so it is never disabled.
        self.new_from_action = self._action("newFromPackage", self.new_from_package, "")
        self.offices_action = self._action("offices", self.open_offices, "Ctrl+Shift+O")
        self.locks_action = self._action("monthLocks", self.open_month_locks, "Ctrl+Shift+L")
        self._separator = QAction(window)  # the packages apart from the spreadsheets in the File menu
        self._separator.setSeparator(True)
        self.retranslate()

    def _action(self, name: str, slot: Callable[[], None], shortcut: str) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def file_actions(self) -> list[QAction]:
        return [self._separator, self.send_action, self.receive_action, self.new_from_action]

    def tool_actions(self) -> list[QAction]:
        return [self.offices_action, self.locks_action]

    def retranslate(self) -> None:
        self.send_action.setText(self.tr("Sen&d package…"))
        self.receive_action.setText(self.tr("Re&ceive packages…"))
        self.new_from_action.setText(self.tr("New ledger from a &package…"))
        self.new_from_action.setToolTip(
            self.tr("Make this office's ledger from the seed package the office above sent")
        )
        self.offices_action.setText(self.tr("&Offices and keys…"))
        self.offices_action.setToolTip(
            self.tr("The offices below: their figures, last packages and keys; the keys this ledger trusts")
        )
        self.locks_action.setText(self.tr("Locked &months…"))
        self.locks_action.setToolTip(self.tr("Lock a month reported upward; unlock one with a reason"))
        self.receive_action.setToolTip(self.tr("Check and import the data packages of the offices below"))
        self.send_action.setToolTip(
            self.tr("Write a data package for the office above, or a seed for one below")
        )

    def enable(self) -> None:
        # Writing a package records it in the ledger's package log: a read-only ledger sends nothing.
        session = self.host.session
        writable = session is not None and not session.read_only
        self.send_action.setEnabled(writable)
        self.receive_action.setEnabled(writable)
        self.offices_action.setEnabled(session is not None)
        self.locks_action.setEnabled(session is not None)

    def send_dialog(self) -> SendPackageDialog | None:
        from branchdesk.ui.dialogs.send_package import SendPackageDialog

        session = self.host.session
        if session is None or session.read_only:
            return None
        return SendPackageDialog(
            session.path, self.context, self.jobs, self.window, self.regions.selected_region()
        )

    def send_package(self) -> None:
        dialog = self.send_dialog()
        if dialog is not None:
            exec_and_delete(dialog)

    def receive_wizard(self) -> ReceiveWizard | None:
        from branchdesk.ui.dialogs.receive_wizard import ReceiveWizard

        session = self.host.session
        if session is None or session.read_only:
            return None
        return ReceiveWizard(session.path, self.context, self.jobs, self.edits, self.window)

    def receive_packages(self) -> None:
        wizard = self.receive_wizard()
        if wizard is not None:
            exec_and_delete(wizard)

    def new_from_package(self) -> None:
        """A township's ledger made from the seed package its county sent (``branchdesk-cli new LEDGER
        --from PACKAGE.bdx``) off the UI thread, opened, and the sender's key fingerprint shown to be
        checked on the phone."""
        from branchdesk.exchange.package_seed import Seeded, create_from_package

        context, window = self.context, self.window
        package = context.choose_file(window, FilePurpose.SEED, "")
        if package is None:
            return
        path = context.choose_new_path(window)
        if path is None:
            return
        session = self.host.session
        if session is not None and path.resolve() == session.path.resolve():
            context.show_error(window, error_text(BranchDeskError("ledger.is_open", path=str(path))))
            return
        clock = context.clock

        def make(control: JobControl) -> Seeded:
            return create_from_package(path, package, clock, overwrite=path.exists())

        made = run_job_with_progress(self.jobs, window, self.tr("Making the ledger from the package…"), make)
        if isinstance(made, BranchDeskError):
            context.show_error(window, error_text(made))
        if not isinstance(made, Seeded) or not self.host.open_path(path):
            return
        sender = made.manifest.sender
        QMessageBox.information(
            window,
            self.tr("New ledger from a package"),
            self.tr(
                "{file} was made from the package of {office}: {count} records.\nCheck the key fingerprint "
                "with {office} on the phone: {fingerprint}"
            ).format(
                file=path.name,
                office=sender.ledger_id if sender.scope is None else sender.scope.path,
                count=format_count(made.rows),
                fingerprint=sender.fingerprint,
            ),
        )

    def offices_dialog(self) -> OfficesDialog | None:
        from branchdesk.ui.dialogs.offices import OfficesDialog

        session = self.host.session
        if session is None:
            return None
        return OfficesDialog(session.path, self.context, self.jobs, self.window)

    def open_offices(self) -> None:
        dialog = self.offices_dialog()
        if dialog is not None:
            exec_and_delete(dialog)

    def month_locks_dialog(self) -> MonthLocksDialog | None:
        from branchdesk.ui.dialogs.month_locks import MonthLocksDialog

        ledger = self.edits.ledger
        if ledger is None:
            return None
        return MonthLocksDialog(ledger, self.edits, self.regions.selected_region(), self.window)

    def open_month_locks(self) -> None:
        dialog = self.month_locks_dialog()
        if dialog is not None:
            exec_and_delete(dialog)
