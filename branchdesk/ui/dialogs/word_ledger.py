"""File ▸ Word ledger: the 台账 of the selected region or of one pairing over a range of months, saved as a
.docx from the built-in template or the office's own (Tools ▸ Settings). Written on the job runner with
progress and Cancel; the file is written beside its place and moved in, never left half-written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import Month
from branchdesk.i18n.language import format_count, format_month
from branchdesk.i18n.messages import error_text, message_text
from branchdesk.services.word_ledger import default_range
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.context import UiContext
from branchdesk.ui.dialogs.activity import PairingsDialog
from branchdesk.ui.dialogs.file_choice import FilePurpose
from branchdesk.ui.jobs.runner import Cancelled, JobRunner, Progress, run_with_progress
from branchdesk.ui.labels import current_language
from branchdesk.ui.widgets import MarkedField, MarkLine, MonthLineEdit, check_all


class WordLedgerDialog(QDialog):
    def __init__(
        self,
        ledger: Ledger,
        region: tuple[int, str] | None,
        context: UiContext,
        jobs: JobRunner,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("wordLedgerDialog")
        self.setWindowTitle(self.tr("Word ledger"))
        self.ledger, self.region, self.context, self.jobs = ledger, region, context, jobs
        self.pairing: tuple[int, str] | None = None
        self.picker: PairingsDialog | None = None  # the pairing picker on show (tests drive it)
        self.written: Path | None = None

        about = QLabel(
            self.tr(
                "The ledger inspectors ask for, as a Word document (A4, for Word and WPS): cover, the "
                "pairings and both branches' rosters, one record per activity with its attendance and "
                "photos, the open items and the figures."
            ),
            self,
        )
        about.setWordWrap(True)
        whole = region[1] if region else self.tr("the whole ledger")
        self.whole = QRadioButton(self.tr("The &region: {region}").format(region=whole), self)
        self.whole.setObjectName("wordLedgerRegion")
        self.one = QRadioButton(self.tr("One &pairing:"), self)
        self.one.setObjectName("wordLedgerOnePairing")
        group = QButtonGroup(self)
        group.addButton(self.whole)
        group.addButton(self.one)
        self.whole.setChecked(True)
        self.pairing_label = QLabel(self.tr("(none chosen)"), self)
        self.pairing_label.setObjectName("wordLedgerPairing")
        self.choose_pairing = QPushButton(self.tr("C&hoose…"), self)
        self.choose_pairing.setObjectName("wordLedgerChoosePairing")
        self.choose_pairing.clicked.connect(self._choose_pairing)
        first, last = default_range(ledger)
        self.first = MonthLineEdit(self, keep_enter=True)
        self.first.setObjectName("wordLedgerFrom")
        self.first.set_value(first)
        self.last = MonthLineEdit(self, keep_enter=True)
        self.last.setObjectName("wordLedgerTo")
        self.last.set_value(last)
        template = context.settings.word_template
        self.template = QLabel(
            str(template) if template else self.tr("built-in (Tools ▸ Settings chooses the office's own)"),
            self,
        )
        self.template.setObjectName("wordLedgerTemplate")
        self.template.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("wordLedgerMessage")
        self.message.setWordWrap(True)

        pairing_row = QHBoxLayout()
        pairing_row.addWidget(self.one)
        pairing_row.addWidget(self.pairing_label, 1)
        pairing_row.addWidget(self.choose_pairing)
        months = QHBoxLayout()
        months.addWidget(MarkedField(self.first))
        months.addWidget(QLabel("–", self))
        months.addWidget(MarkedField(self.last))
        months.addStretch()
        form = QFormLayout()
        form.addRow(self.tr("Months:"), months)
        form.addRow(self.tr("Template:"), self.template)
        self.save_button = QPushButton(self.tr("&Save as Word…"), self)
        self.save_button.setObjectName("wordLedgerSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.whole)
        layout.addLayout(pairing_row)
        layout.addLayout(form)
        layout.addWidget(MarkLine(self.first, self.last, parent=self))
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _choose_pairing(self) -> None:
        region_id = self.region[0] if self.region else None
        dialog = PairingsDialog(
            self.ledger, region_id, self.tr("The pairing's Word ledger"), self, several=False
        )
        self.picker = dialog

        def chosen() -> None:
            spans = dialog.picker.chosen()
            if spans:
                self.pairing = (spans[0].id, spans[0].label)
                self.pairing_label.setText(spans[0].label)
                self.one.setChecked(True)

        dialog.accepted.connect(chosen)
        dialog.open()

    def _months(self) -> tuple[Month, Month] | None:
        if not check_all(self.first, self.last):
            return None
        first, last = self.first.value(), self.last.value()
        if first is None or last is None:
            return None
        if first > last:
            self.message.setText(message_text("ledger_doc.range_reversed", first=str(first), last=str(last)))
            return None
        return first, last

    def _suggested(self, first: Month, last: Month) -> str:
        language = current_language()
        name = self.pairing[1].split(" ←")[0] if self.one.isChecked() and self.pairing else None
        scope = name or (self.region[1].rsplit("/", 1)[-1] if self.region else self.tr("ledger"))
        span = format_month(first.year, first.month, language)
        if last != first:
            span += "–" + format_month(last.year, last.month, language)
        return self.tr("{scope} Word ledger {months}.docx").format(scope=scope, months=span)

    def save(self) -> None:
        months = self._months()
        if months is None:
            return
        if self.one.isChecked() and self.pairing is None:
            self.message.setText(self.tr("Choose the pairing first."))
            return
        first, last = months
        path = self.context.choose_file(self, FilePurpose.WORD, self._suggested(first, last))
        if path is None:
            return
        from branchdesk.exchange.word_ledger import write_ledger_doc
        from branchdesk.services.word_ledger import ledger_book

        region = None if self.region is None else self.region[0]
        pairing = self.pairing[0] if self.one.isChecked() and self.pairing else None
        template = self.context.settings.word_template

        def work(ledger: Ledger, progress: Progress) -> tuple[int, int]:
            book = ledger_book(
                ledger,
                region=None if pairing is not None else region,
                pairing=pairing,
                first=first,
                last=last,
                progress=progress,
            )
            photos = write_ledger_doc(book, path, template, progress)
            return len(book.activities), photos

        label = self.tr("Writing the Word ledger…")
        result = run_with_progress(self.jobs, self, label, self.ledger.path, work, read_only=True)
        if isinstance(result, BranchDeskError):
            self.message.setText(error_text(result))
        elif isinstance(result, Cancelled):
            self.message.setText(self.tr("Cancelled: no file was written."))
        elif isinstance(result, tuple):
            activities, photos = result
            self.written = path
            self.message.setText(
                self.tr("Saved to {path}: {activities} activity records, {photos} photos.").format(
                    path=path, activities=format_count(activities), photos=format_count(photos)
                )
            )
