"""The File menu's spreadsheet and report commands: Import, Import templates, Export (the whole ledger or
the selected region), Export view (the table on show), the monthly Report and Export chart (the chart on
show). Kept out of the main window, which only adds these actions to its menu."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QToolButton

from branchdesk.domain.errors import BranchDeskError
from branchdesk.i18n.language import CHINESE, format_count
from branchdesk.i18n.messages import error_text
from branchdesk.services.regions import list_regions
from branchdesk.ui.context import UiContext
from branchdesk.ui.dialogs import exec_and_delete
from branchdesk.ui.dialogs.file_choice import FilePurpose
from branchdesk.ui.edits import LedgerEdits
from branchdesk.ui.jobs.runner import Cancelled, JobRunner, Progress, run_with_progress
from branchdesk.ui.region_tree import RegionTreePanel
from branchdesk.ui.session import LedgerHost
from branchdesk.ui.tabs.contract import ChartHolder, TableTab, TableView

if TYPE_CHECKING:
    from branchdesk.storage.ledger import Ledger
    from branchdesk.ui.dialogs.import_wizard import ImportWizard
    from branchdesk.ui.dialogs.report import ReportDialog
    from branchdesk.ui.dialogs.word_ledger import WordLedgerDialog

# The spreadsheet modules and dialogs are loaded when a command is first used, not with the window.


class ExchangeActions(QObject):
    def __init__(
        self,
        host: LedgerHost,
        tabs: QTabWidget,
        regions: RegionTreePanel,
        edits: LedgerEdits,
        jobs: JobRunner,
        context: UiContext,
        notify: Callable[[str], None],
        window: QMainWindow,
    ) -> None:
        super().__init__(window)
        self.host = host
        self.tabs = tabs
        self.regions = regions
        self.edits = edits
        self.jobs = jobs
        self.context = context
        self.window = window  # parent of the dialogs
        self._notify = notify  # what was written where, in the status bar
        self.import_action = self._action("importAction", self.import_file)
        self.templates_action = self._action("importTemplates", self.save_templates)
        self.export_action = self._action("exportLedger", lambda: self.export_ledger(selected=False))
        self.export_region_action = self._action("exportRegion", lambda: self.export_ledger(selected=True))
        self.view_action = self._action("exportView", self.export_view)
        self.report_action = self._action("reportAction", self.open_report)
        self.word_action = self._action("wordLedgerAction", self.open_word_ledger)
        self.word_action.setShortcut(QKeySequence("Ctrl+Shift+W"))
        self.chart_action = self._action("exportChart", self.export_chart)
        # The same Export view as a small button beside the tabs, where the table is.
        self.view_button = QToolButton(tabs)
        self.view_button.setObjectName("exportViewButton")
        self.view_button.setDefaultAction(self.view_action)
        self.view_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.view_button.setAutoRaise(True)
        tabs.setCornerWidget(self.view_button, Qt.Corner.TopRightCorner)
        tabs.currentChanged.connect(self.enable)
        edits.changed.connect(self.enable)
        self.retranslate()

    def _action(self, name: str, slot: Callable[[], None]) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def import_actions(self) -> list[QAction]:
        return [self.import_action, self.templates_action]

    def export_actions(self) -> list[QAction]:
        return [
            self.export_action,
            self.export_region_action,
            self.view_action,
            self.report_action,
            self.word_action,
            self.chart_action,
        ]

    def retranslate(self) -> None:
        self.import_action.setText(self.tr("&Import from Excel or CSV…"))
        self.templates_action.setText(self.tr("Import &templates…"))
        self.export_action.setText(self.tr("E&xport the ledger to Excel…"))
        self.export_region_action.setText(self.tr("Export the selected re&gion to Excel…"))
        self.view_action.setText(self.tr("Export &view…"))
        self.view_action.setToolTip(self.tr("Save the rows this table shows (its filter and order) as xlsx"))
        self.report_action.setText(self.tr("&Monthly report…"))
        self.word_action.setText(self.tr("&Word ledger…"))
        self.word_action.setToolTip(
            self.tr("The ledger inspectors ask for (台账) as a Word document, one record per activity")
        )
        self.chart_action.setText(self.tr("&Export chart…"))
        self.enable()

    def enable(self) -> None:
        session = self.host.session
        self.import_action.setEnabled(session is not None and not session.read_only)
        for action in (self.export_action, self.export_region_action, self.report_action, self.word_action):
            action.setEnabled(session is not None)
        self.view_action.setEnabled(session is not None and self._view() is not None)
        chart = self.tabs.currentWidget()
        self.chart_action.setEnabled(isinstance(chart, ChartHolder) and chart.has_chart())

    # -- import --------------------------------------------------------------------------------------

    def import_wizard(self) -> ImportWizard | None:
        from branchdesk.ui.dialogs.file_import import ImportTools
        from branchdesk.ui.dialogs.import_wizard import ImportWizard

        session, context = self.host.session, self.context
        if session is None or session.read_only:
            return None
        return ImportWizard(
            ImportTools(session.path, self.jobs, self.edits, context.choose_file),
            chinese=context.translations.language == CHINESE,
            parent=self.window,
        )

    def import_file(self) -> None:
        wizard = self.import_wizard()
        if wizard is not None:
            exec_and_delete(wizard)

    def save_templates(self) -> None:
        from branchdesk.domain.imports import GROUPS, ImportKind
        from branchdesk.exchange.ledger_import import sheet_label
        from branchdesk.exchange.templates import template

        folder = self.context.choose_file(self.window, FilePurpose.TEMPLATES, "")
        if folder is None:
            return
        written = []
        try:
            # The kinds a township fills in by hand (units, draws and key tasks come with a whole-ledger
            # export).
            hand_filled = (
                ImportKind.REGIONS,
                ImportKind.BRANCHES,
                ImportKind.PAIRINGS,
                ImportKind.ACTIVITIES,
            )
            # An agreement with its targets and progress, a team with its members and days: one workbook
            # of a sheet each, named by its first.
            singles = (*hand_filled, ImportKind.ITEMS, ImportKind.RATINGS)
            groups: list[tuple[ImportKind, ...]] = [(kind,) for kind in singles] + list(GROUPS.values())
            for kinds in groups:
                path = folder / self.tr("Import template — {sheet}.xlsx").format(sheet=sheet_label(kinds[0]))
                template(path, *kinds)
                written.append(path.name)
        except BranchDeskError as error:
            self.context.show_error(self.window, error_text(error))
            return
        self._status(
            self.tr("Templates saved in {folder}: {files}").format(folder=folder, files="、".join(written))
        )

    # -- export --------------------------------------------------------------------------------------

    def _region_path(self) -> tuple[str | None, str]:
        """The selected region as the export names it (path), and its name for the file name."""
        region_id = self.regions.selected_region()
        ledger = self.edits.ledger
        found = next((r for r in list_regions(ledger) if r.id == region_id), None) if ledger else None
        return (None, "") if found is None else (found.path, found.name)

    def export_ledger(self, *, selected: bool) -> None:
        session = self.host.session
        if session is None:
            return
        region, name = self._region_path() if selected else (None, "")
        suggested = self.tr("{name} ledger.xlsx").format(name=name or session.path.stem)
        path = self.context.choose_file(self.window, FilePurpose.EXPORT, suggested)
        if path is None:
            return

        from branchdesk.exchange.ledger_export import export_ledger

        def work(ledger: Ledger, progress: Progress) -> int:
            return export_ledger(ledger, path, region, progress)

        label = self.tr("Exporting the ledger…")
        result = run_with_progress(self.jobs, self.window, label, session.path, work, read_only=True)
        self._report(result, path)

    def _view(self) -> TableView | None:
        """The table on show, if the current tab is a table."""
        tab = self.tabs.currentWidget()
        if not isinstance(tab, TableTab):
            return None
        return tab.table_view(self.tabs.tabText(self.tabs.currentIndex()))

    def export_view(self) -> None:
        from branchdesk.ui.view_export import export_view

        view = self._view()
        if view is None:
            return
        path = self.context.choose_file(self.window, FilePurpose.VIEW, f"{view.name}.xlsx")
        if path is None:
            return
        try:
            written = export_view(self.window, view, path)
        except BranchDeskError as error:
            self.context.show_error(self.window, error_text(error))
            return
        self._report(Cancelled() if written is None else written, path)

    def export_chart(self) -> None:
        """File ▸ Export chart: the chart on show, as PNG, SVG or PDF at print resolution."""
        tab = self.tabs.currentWidget()
        if not isinstance(tab, ChartHolder) or not tab.has_chart():
            return
        path = self.context.choose_chart_path(self.window, tab.suggested_file_name())
        if path is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            tab.export(path)
        except (OSError, ValueError) as error:
            text = self.tr("The chart could not be saved: {reason}").format(reason=error)
            self.context.show_error(self.window, text)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._status(self.tr("Chart saved to {path}").format(path=path))

    def _report(self, result: object, path: Path) -> None:
        if isinstance(result, BranchDeskError):
            self.context.show_error(self.window, error_text(result))
        elif isinstance(result, Cancelled):
            self._status(self.tr("Export cancelled: no file was written."))
        else:
            rows = result if isinstance(result, int) else 0
            self._status(self.tr("Exported {rows} rows to {path}").format(rows=format_count(rows), path=path))

    def _status(self, text: str) -> None:
        self._notify(text)

    # -- report --------------------------------------------------------------------------------------

    def report_dialog(self) -> ReportDialog | None:
        from branchdesk.ui.dialogs.report import ReportDialog

        session = self.host.session
        if session is None:
            return None
        region, _ = self._region_path()
        return ReportDialog(session.path, region, self.context, self.jobs, self.window)

    def open_report(self) -> None:
        dialog = self.report_dialog()
        if dialog is not None:
            exec_and_delete(dialog)

    # -- Word ledger and sign-in sheet ----------------------------------------------------------------

    def word_ledger_dialog(self) -> WordLedgerDialog | None:
        from branchdesk.ui.dialogs.word_ledger import WordLedgerDialog

        ledger = self.edits.ledger
        if self.host.session is None or ledger is None:
            return None
        region_id = self.regions.selected_region()
        found = next((r for r in list_regions(ledger) if r.id == region_id), None)
        region = None if found is None else (found.id, found.path)
        return WordLedgerDialog(ledger, region, self.context, self.jobs, self.window)

    def open_word_ledger(self) -> None:
        dialog = self.word_ledger_dialog()
        if dialog is not None:
            exec_and_delete(dialog)

    def agreement_paper(self, pairing_id: int, label: str, word: bool) -> None:
        """The pairing's agreement as saved, where its targets stand today: Word or PDF."""
        session = self.host.session
        if session is None:
            return
        suffix = "docx" if word else "pdf"
        suggested = self.tr("Agreement {pairing}.{suffix}").format(pairing=label, suffix=suffix)
        path = self.context.choose_file(
            self.window, FilePurpose.WORD if word else FilePurpose.REPORT, suggested
        )
        if path is None:
            return
        from branchdesk.services.agreements import agreement_to_print

        def work(ledger: Ledger, progress: Progress) -> int:
            found, agreement = agreement_to_print(ledger, pairing_id)
            today = ledger.clock.today()
            if word:
                from branchdesk.exchange.word_ledger import write_agreement_doc

                write_agreement_doc(found.grassroots, found.organ, agreement, today, path)
            else:
                from branchdesk.exchange.agreement_paper import write_agreement_pdf

                write_agreement_pdf(found.grassroots, found.organ, agreement, today, path)
            return len(agreement.targets)

        label = self.tr("Writing the agreement…")
        result = run_with_progress(self.jobs, self.window, label, session.path, work, read_only=True)
        if isinstance(result, BranchDeskError):
            self.context.show_error(self.window, error_text(result))
        elif isinstance(result, int):
            self._status(self.tr("Agreement saved to {path}").format(path=path))

    def signin_sheet(self, pairing_id: int, label: str) -> None:
        """A blank sign-in sheet (签到表) for the pairing's coming activity, to print before it."""
        session = self.host.session
        if session is None:
            return
        suggested = self.tr("Sign-in sheet {pairing}.docx").format(pairing=label.split(" ←")[0])
        path = self.context.choose_file(self.window, FilePurpose.WORD, suggested)
        if path is None:
            return
        from branchdesk.exchange.word_ledger import write_signin_sheet
        from branchdesk.services.word_ledger import signin_sheet

        def work(ledger: Ledger, progress: Progress) -> int:
            sheet = signin_sheet(ledger, pairing_id)
            write_signin_sheet(sheet, path)
            return sheet.lines

        label = self.tr("Writing the sign-in sheet…")
        result = run_with_progress(self.jobs, self.window, label, session.path, work, read_only=True)
        if isinstance(result, BranchDeskError):
            self.context.show_error(self.window, error_text(result))
        elif isinstance(result, int):
            self._status(self.tr("Sign-in sheet saved to {path}").format(path=path))
