"""Tools ▸ New half-year: the closing half-year's figures for the selected region, the next half-year's key
tasks starting from its list (edited in place, dropped, added), then one step that freezes the summary and
sets the list; the frozen summary is saved as a PDF or a Word draft from here. The figures are counted on the
job runner (a city's half-year takes about a second), with a progress bar while they are read and a progress
dialog with Cancel while they are frozen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.changes import Changed
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.halfyear import HalfYearSummary, closing_half
from branchdesk.domain.months import HalfYear
from branchdesk.domain.rates import Rate
from branchdesk.i18n.language import format_count, format_half_year, format_rate
from branchdesk.i18n.messages import error_text
from branchdesk.services import halfyear
from branchdesk.services.key_tasks import half_years
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.edits import LedgerEdits
from branchdesk.ui.jobs.runner import JobRunner, Progress, Reads
from branchdesk.ui.labels import date_text

# Half-years offered to close: the closing one and up to this many before it.
_EARLIER = 5

# Writes the summary of (summary, frozen, the next half-year's tasks) to a file the clerk chooses.
SummaryWriter = Callable[[QWidget, str, HalfYearSummary, bool, list[str]], None]


class NewHalfYearDialog(QDialog):
    def __init__(
        self,
        ledger: Ledger,
        edits: LedgerEdits,
        jobs: JobRunner,
        region_id: int,
        region_name: str,
        save_summary: SummaryWriter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newHalfYearDialog")
        self.setWindowTitle(self.tr("New half-year"))
        self._ledger = ledger
        self._edits = edits
        self._region_id = region_id
        self._save_summary = save_summary
        # The chosen half-year's summary once read, and whether it was frozen.
        self._summary: tuple[HalfYearSummary, bool] | None = None
        self._reads = Reads(jobs, self)
        self._reads.ready.connect(self._ready)
        self._reads.failed.connect(self._failed)
        self._reads.progressed.connect(self._progressed)
        self.closing = QComboBox(self)
        self.closing.setObjectName("closingHalf")
        self.figures = QLabel(self)
        self.figures.setObjectName("halfFigures")
        self.figures.setWordWrap(True)
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counting = QProgressBar(self)
        self.counting.setObjectName("halfFiguresProgress")
        self.counting.setTextVisible(False)
        self.counting.setMaximumHeight(self.fontMetrics().height() // 2)
        self.tasks_label = QLabel(self)
        self.tasks = QListWidget(self)
        self.tasks.setObjectName("nextTasks")
        self.tasks.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.new_task = QLineEdit(self)
        self.new_task.setObjectName("newTaskName")
        self.new_task.setPlaceholderText(self.tr("A key task to add, e.g. 秋冬季森林防火"))
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.setObjectName("addTask")
        self.drop_button = QPushButton(self.tr("&Drop"), self)
        self.drop_button.setObjectName("dropTask")
        self.pdf_button = QPushButton(self.tr("Save as &PDF…"), self)
        self.pdf_button.setObjectName("summaryPdf")
        self.word_button = QPushButton(self.tr("Save as &Word draft…"), self)
        self.word_button.setObjectName("summaryWord")
        self.frozen_label = QLabel(self)
        self.frozen_label.setObjectName("frozenState")
        self.buttons = QDialogButtonBox(self)
        # Not AcceptRole: a button box makes its first accept button the default when shown, whatever
        # its autoDefault, and Enter in the new task's field then froze the half-year.
        self.start_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.start_button.setObjectName("startHalfYear")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        # Enter belongs to the list's editor and the new task's field (which adds it): freezing a half-year
        # is asked for by its own button (Alt+F), never by an Enter that ended typing a task.
        for button in (
            *self.buttons.buttons(),
            self.add_button,
            self.drop_button,
            self.pdf_button,
            self.word_button,
        ):
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)

        form = QFormLayout()
        form.addRow(self.tr("Region"), QLabel(region_name, self))
        form.addRow(self.tr("Half-year closing"), self.closing)
        entry = QHBoxLayout()
        entry.addWidget(self.new_task, 1)
        entry.addWidget(self.add_button)
        entry.addWidget(self.drop_button)
        saving = QHBoxLayout()
        saving.addWidget(self.frozen_label, 1)
        saving.addWidget(self.pdf_button)
        saving.addWidget(self.word_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.figures)
        layout.addWidget(self.counting)
        layout.addWidget(self.tasks_label)
        layout.addWidget(self.tasks, 1)
        layout.addLayout(entry)
        layout.addLayout(saving)
        layout.addWidget(self.buttons)
        self.resize(680, 560)

        today = ledger.clock.today()
        last = closing_half(today)
        first = min([last, *half_years(ledger)])
        choices = [last]
        while len(choices) <= _EARLIER and choices[-1] > first:
            choices.append(choices[-1].previous())
        with QSignalBlocker(self.closing):
            for half in choices:
                self.closing.addItem(format_half_year(half), str(half))
        self.closing.currentIndexChanged.connect(self.refresh)
        self.add_button.clicked.connect(self.add_task)
        self.new_task.returnPressed.connect(self.add_task)
        self.drop_button.clicked.connect(self.drop_task)
        self.start_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        self.pdf_button.clicked.connect(lambda: self._save(".pdf"))
        self.word_button.clicked.connect(lambda: self._save(".docx"))
        self.refresh()

    def chosen(self) -> HalfYear:
        return HalfYear.parse(self.closing.currentData())

    def refresh(self) -> None:
        """The chosen half-year's figures (frozen, or as the ledger has them now) and the list the next
        half-year starts from."""
        half = self.chosen()
        following = format_half_year(half.next())
        self.start_button.setText(self.tr("&Freeze and start {half}").format(half=following))
        self.tasks_label.setText(
            self.tr("Key tasks of {next} (from the list of {closing}: edit with F2, drop or add):").format(
                next=following, closing=format_half_year(half)
            )
        )
        self.tasks.clear()
        for task in halfyear.planned_tasks(self._ledger, half):
            self._append(task.name, task.note)
        self._read_summary()

    def _read_summary(self) -> None:
        """The chosen half-year's summary read off the UI thread; nothing can be frozen or saved until it
        is shown."""
        half, region = self.chosen(), self._region_id
        self._summary = None
        self._enable(False)
        self.figures.setText(self.tr("Counting the figures of {half}…").format(half=format_half_year(half)))
        self.frozen_label.clear()
        self.counting.setRange(0, 0)
        self.counting.show()
        self._reads.request_steps(
            self._ledger.path,
            half,
            lambda reader, progress: halfyear.summary_for_print(reader, region, half, progress),
        )

    def wait(self, msecs: int = 60000) -> bool:
        """Wait for the figures asked for and show them (tests, screenshots)."""
        return self._reads.wait_shown(msecs)

    def done(self, result: int) -> None:
        """Closing stops a count under way: its query is interrupted and its result dropped."""
        self._reads.cancel()
        super().done(result)

    def _enable(self, enabled: bool) -> None:
        for button in (self.start_button, self.pdf_button, self.word_button):
            button.setEnabled(enabled)

    def _progressed(self, done: int, total: int) -> None:
        self.counting.setRange(0, total)
        self.counting.setValue(done)

    def _failed(self, _half: object, error: BranchDeskError) -> None:
        # A half-year not begun: nothing to show, nothing to freeze.
        self.counting.hide()
        self.figures.setText(error_text(error))

    def _ready(self, _half: object, result: tuple[HalfYearSummary, bool]) -> None:
        self.counting.hide()
        self._summary = result
        self._enable(True)
        summary, frozen = result
        coverage = summary.stats["coverage"]["grassroots"]
        self.figures.setText(
            self.tr(
                "As of {date}: grassroots coverage {coverage}; themed Party day compliance over the "
                "half-year {compliance}; {activities} activities, {themed} themed Party days, "
                "{volunteers} volunteer person-times."
            ).format(
                date=date_text(summary.as_of),
                coverage=_rate(Rate(coverage["count"], coverage["total"])),
                compliance=_rate(summary.compliance),
                activities=format_count(summary.activities),
                themed=format_count(summary.themed_days),
                volunteers=format_count(summary.volunteers),
            )
        )
        self.frozen_label.setText(
            self.tr("Frozen on {date}").format(date=date_text(summary.frozen_on))
            if frozen
            else self.tr("Not frozen yet: the summary shows the ledger as it is now")
        )

    def _append(self, name: str, note: str | None = None) -> None:
        item = QListWidgetItem(name, self.tasks)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setData(Qt.ItemDataRole.UserRole, note)

    def add_task(self) -> None:
        name = self.new_task.text().strip()
        if name:
            self._append(name)
            self.new_task.clear()
        self.new_task.setFocus()

    def drop_task(self) -> None:
        for item in self.tasks.selectedItems():
            self.tasks.takeItem(self.tasks.row(item))

    def planned(self) -> list[halfyear.PlannedTask]:
        return [
            halfyear.PlannedTask(item.text(), item.data(Qt.ItemDataRole.UserRole))
            for item in (self.tasks.item(row) for row in range(self.tasks.count()))
        ]

    def start(self) -> None:
        half, tasks, region = self.chosen(), self.planned(), self._region_id

        def write(ledger: Ledger, progress: Progress) -> Changed:
            return halfyear.start_half_year(ledger, region, half, tasks, progress)

        label = self.tr("Freezing the figures of {half}…").format(half=format_half_year(half))
        if self._edits.run_long(label, write, self) is not None:
            self.refresh()

    def _save(self, suffix: str) -> None:
        if self._summary is not None:
            summary, frozen = self._summary
            self._save_summary(self, suffix, summary, frozen, [task.name for task in self.planned()])


def _rate(rate: Rate) -> str:
    return format_rate(rate.percent)
