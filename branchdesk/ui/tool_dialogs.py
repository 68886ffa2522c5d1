"""The dialogs the Edit, Tools and Help menus open: ledger history, holidays, key tasks, compliance,
settings and language, the user guide and About. Each dialog's module is loaded when it is first opened."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.halfyear import HalfYearSummary
from branchdesk.i18n.language import CHINESE, ENGLISH, format_count, format_half_year
from branchdesk.i18n.messages import error_text
from branchdesk.services.history import ledger_actions
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.context import UiContext
from branchdesk.ui.dialogs import exec_and_delete
from branchdesk.ui.edits import LedgerEdits
from branchdesk.ui.jobs.runner import JobRunner, Progress
from branchdesk.ui.region_tree import RegionTreePanel

HISTORY_SHOWN = 1000  # actions listed by Edit ▸ Ledger history


class ToolDialogs(QObject):
    def __init__(
        self,
        context: UiContext,
        edits: LedgerEdits,
        jobs: JobRunner,
        regions: RegionTreePanel,
        notify: Callable[[str], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._notify = notify  # a file written, in the status bar
        self._context = context
        self._edits = edits
        self._jobs = jobs
        self._regions = regions
        self._parent = parent

    def show_ledger_history(self) -> None:
        """Edit ▸ Ledger history: the newest changes first."""
        from branchdesk.ui.dialogs.history import HistoryDialog, read_history

        ledger = self._edits.ledger
        if ledger is None:
            return
        dialog = HistoryDialog(
            self.tr("Ledger history"),
            self._jobs,
            ledger.path,
            read_history(lambda reader: ledger_actions(reader, HISTORY_SHOWN)),
            self._parent,
            limit=HISTORY_SHOWN,
            limited_title=self.tr("Ledger history (the newest {count} actions)").format(
                count=format_count(HISTORY_SHOWN)
            ),
        )
        exec_and_delete(dialog)

    def set_language(self, language: str) -> None:
        installed = self._context.translations.install(language)
        self._context.settings.language = installed
        # Installing a translator posts LanguageChange to every widget; the window retranslates.

    def open_settings(self) -> None:
        """The program's settings, and the open ledger's numbers when it can be written."""
        from branchdesk.services.settings import set_ledger_settings
        from branchdesk.ui.dialogs.settings import SettingsDialog, ledger_numbers

        context = self._context
        ledger = self._edits.ledger if self._edits.writable else None
        dialog = SettingsDialog(
            context.translations.language,
            context.settings.reopen_last,
            self._parent,
            word_template=context.settings.word_template,
            choose_file=context.choose_file,
            ledger_values=None if ledger is None else ledger_numbers(ledger),
        )
        if dialog.exec():
            context.settings.reopen_last = dialog.reopen_last.isChecked()
            context.settings.word_template = dialog.word_template
            values = dialog.changed_ledger_values()
            if values:
                self._edits.run(lambda ledger: set_ledger_settings(ledger, values))
            if dialog.chosen_language() != context.translations.language:
                self.set_language(dialog.chosen_language())
        dialog.deleteLater()

    def open_guide(self) -> None:
        from branchdesk.ui.dialogs.guide import GuideDialog

        language = CHINESE if self._context.translations.language == CHINESE else ENGLISH
        exec_and_delete(GuideDialog(language, self._parent))

    def open_holidays(self) -> None:
        """Tools ▸ Holidays: the official calendar per year, entered by hand for years without data."""
        from branchdesk.ui.dialogs.holidays import HolidaysDialog

        if self._edits.ledger is not None:
            dialog = HolidaysDialog(
                self._edits.ledger, self._edits, self._parent, folder=self._context.documents_dir
            )
            exec_and_delete(dialog)

    def open_key_tasks(self) -> None:
        from branchdesk.ui.dialogs.key_tasks import KeyTasksDialog

        if self._edits.ledger is not None:
            exec_and_delete(KeyTasksDialog(self._edits.ledger, self._edits, self._parent))

    def open_new_halfyear(self) -> None:
        """Tools ▸ New half-year, for the selected region (the top region when none is)."""
        from branchdesk.ui.dialogs.new_halfyear import NewHalfYearDialog

        ledger = self._edits.ledger
        chosen = self._region_or_top()
        if ledger is None or chosen is None:
            return
        region_id, name = chosen
        exec_and_delete(
            NewHalfYearDialog(
                ledger, self._edits, self._jobs, region_id, name, self._save_summary, self._parent
            )
        )

    def _region_or_top(self) -> tuple[int, str] | None:
        """The selected region (the top region when none is) by id and name; None, said why, when the
        ledger has no region yet."""
        from branchdesk.services.regions import find_region

        ledger = self._edits.ledger
        if ledger is None:
            return None
        region_id = self._regions.selected_region()
        if region_id is not None:
            return region_id, self._regions.selected_name()
        try:
            top = find_region(ledger, None)
        except BranchDeskError as error:
            self._context.show_error(self._parent, error_text(error))
            return None
        return top.id, top.name

    def _save_summary(
        self, parent: QWidget, suffix: str, summary: HalfYearSummary, frozen: bool, following: list[str]
    ) -> None:
        """A half-year's summary written where the clerk chooses, as a PDF or a Word draft, off the UI
        thread."""
        from branchdesk.exchange.halfyear_report import write_summary_docx, write_summary_pdf
        from branchdesk.ui.dialogs.file_choice import FilePurpose
        from branchdesk.ui.jobs.runner import Cancelled, run_with_progress

        ledger = self._edits.ledger
        place = summary.region.split("/")[-1]
        suggested = self.tr("{place} {half} summary").format(place=place, half=format_half_year(summary.half))
        purpose = FilePurpose.SUMMARY if suffix == ".pdf" else FilePurpose.WORD
        path = self._context.choose_file(parent, purpose, suggested + suffix)
        if ledger is None or path is None:
            return

        def work(_ledger: Ledger, _progress: Progress) -> None:
            if suffix == ".pdf":
                write_summary_pdf(summary, frozen, following, path)
            else:
                write_summary_docx(summary, frozen, following, path)

        result = run_with_progress(
            self._jobs, parent, self.tr("Writing the summary…"), ledger.path, work, read_only=True
        )
        if isinstance(result, BranchDeskError):
            self._context.show_error(parent, error_text(result))
        elif not isinstance(result, Cancelled):
            self._notify(self.tr("Saved {path}").format(path=path))

    def open_compliance(self) -> None:
        """The compliance view of the selected region, opening on the current month as a reminder."""
        from branchdesk.ui.dialogs.compliance import ComplianceDialog

        ledger = self._edits.ledger
        chosen = self._region_or_top()  # a ledger without regions says so (it did nothing)
        if ledger is None or chosen is None:
            return
        exec_and_delete(ComplianceDialog(ledger, self._jobs, *chosen, self._parent))

    def open_evidence(self, open_activity: Callable[[int], None]) -> None:
        """Tools ▸ Evidence check for the selected region (the whole ledger when none is); the list is read
        again after each change, so an activity fixed from it drops off."""
        from branchdesk.ui.dialogs.evidence import EvidenceDialog

        ledger = self._edits.ledger
        if ledger is None:
            return
        region_id = self._regions.selected_region()
        name = self._regions.selected_name() if region_id is not None else ""
        dialog = EvidenceDialog(ledger, self._jobs, region_id, name, open_activity, self._parent)
        self._edits.changed.connect(dialog.refresh)
        exec_and_delete(dialog)

    def open_about(self) -> None:
        from branchdesk.ui.dialogs.about import AboutDialog

        exec_and_delete(
            AboutDialog(self._context.data_dir, self._context.translations.language, self._parent)
        )
