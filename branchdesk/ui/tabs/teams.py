"""The Work teams tab (驻村工作队): the month grid of the region's work team members, one row per member and
one column per day, typed on the keyboard (P L B A or 在 假 公 缺; Delete clears) or pasted from Excel/WPS,
saved as one step of Edit ▸ Undo; members below the days rule in red; the team dialog; the monthly record
sheet of the selected member's team as PDF or Word."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QInputMethodEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.changes import Changed
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import Month
from branchdesk.domain.teams import CHINESE, DEFAULT_MIN_DAYS, DayMark, MemberMonth
from branchdesk.i18n.language import format_count, format_month
from branchdesk.i18n.messages import error_text
from branchdesk.services import teams as team_service
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs import exec_and_delete, exec_until_saved
from branchdesk.ui.dialogs.file_choice import FileChooser, no_file
from branchdesk.ui.dialogs.file_import import ImportTools
from branchdesk.ui.dialogs.team import TeamDialog
from branchdesk.ui.dialogs.team_days_import import TeamDaysImportDialog
from branchdesk.ui.edits import LedgerEdits
from branchdesk.ui.jobs.runner import JobRunner
from branchdesk.ui.labels import current_language
from branchdesk.ui.models.team_month import TeamMonthModel
from branchdesk.ui.tabs.table_tab import ReadingTab
from branchdesk.ui.widgets import PROBLEM_STYLE, MonthLineEdit

TAB_ID = "teams"
_TYPED = frozenset(
    {*(mark.value for mark in DayMark), *(mark.value.lower() for mark in DayMark), *CHINESE.values()}
)
_TABLES = ("work_team", "team_member", "team_days", "setting", "branch", "region", "unit")
SheetPathChooser = Callable[[QWidget, str], Path | None]  # parent, suggested file name


@dataclass(frozen=True)
class _Grid:
    month: Month
    rows: list[MemberMonth]
    days_off: frozenset[int]
    min_days: int
    opening: Month | None = None  # the month the field opens on, read with a ledger's first grid

    @staticmethod
    def empty(month: Month, reader: Ledger) -> _Grid:
        """No member to show (no region chosen), with the ledger's rule."""
        return _Grid(month, [], frozenset(), team_service.min_days(reader))

    @staticmethod
    def read(reader: Ledger, region: int, month: Month, below: bool) -> _Grid:
        rows = team_service.month_members(reader, region, month, below_only=below)
        return _Grid(month, rows, team_service.days_off(reader, month), team_service.min_days(reader))


@dataclass(frozen=True)
class _Opening:
    """The key of a ledger's first read, which finds the month the grid opens on (its region, below only)."""

    region: int | None
    below: bool


def choose_sheet_path(parent: QWidget, name: str) -> Path | None:
    from branchdesk.exchange.team_sheet import TITLE

    # One context whatever the parent (QWidget.tr(parent, …) raised TypeError: the dialog never opened).
    filters = ";;".join(
        (
            QCoreApplication.translate("TeamsTab", "PDF files (*.pdf)"),
            QCoreApplication.translate("TeamsTab", "Word documents (*.docx)"),
        )
    )
    path, _ = QFileDialog.getSaveFileName(parent, TITLE, name, filters)
    return Path(path) if path else None


class TeamsTab(ReadingTab):
    def __init__(self, edits: LedgerEdits, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(TAB_ID, edits, jobs, parent)
        self.choose_sheet_path: SheetPathChooser = choose_sheet_path
        self.choose_file: FileChooser = no_file  # the month sheet to import: set by the window
        self._shown: tuple[int, Month, bool] | None = None  # what the grid holds: region, month, below only
        self._opening = False  # the month to open on is being read, until the clerk chooses one
        self._min_days = DEFAULT_MIN_DAYS
        self.model = TeamMonthModel(self)

        self.month = MonthLineEdit(self, keep_enter=True)
        self.month.setObjectName("teamMonth")
        self.month.set_value(Month.of(self.clock.today()))
        self.below_only = QCheckBox(self)
        self.below_only.setObjectName("belowOnly")
        self.rule_label = QLabel(self)
        self.rule = QSpinBox(self)
        self.rule.setObjectName("teamRule")
        self.rule.setRange(1, 28)
        self.rule.setValue(DEFAULT_MIN_DAYS)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newTeam")
        self.team_button = QPushButton(self)
        self.team_button.setObjectName("teamMembers")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveDays")
        self.discard_button = QPushButton(self)
        self.discard_button.setObjectName("discardDays")
        self.sheet_button = QPushButton(self)
        self.sheet_button.setObjectName("recordSheet")
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("importTeamDays")
        self.summary = QLabel(self)
        self.summary.setObjectName("teamSummary")
        self.problem = QLabel(self)
        self.problem.setObjectName("teamGridProblem")
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setWordWrap(True)

        self.table = QTableView(self)
        self.table.setObjectName("teamGrid")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(10)
        header.setDefaultSectionSize(self.fontMetrics().horizontalAdvance("在") + 9)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.installEventFilter(self)

        top = QHBoxLayout()
        self.month_label = QLabel(self)
        top.addWidget(self.month_label)
        top.addWidget(self.month)
        top.addWidget(self.below_only)
        top.addSpacing(12)
        top.addWidget(self.rule_label)
        top.addWidget(self.rule)
        top.addStretch()
        for button in (self.new_button, self.team_button, self.import_button, self.sheet_button):
            top.addWidget(button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.discard_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addLayout(bottom)

        self.save_action = QAction(self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        # While the tab is on show, wherever the focus is in the window (the region tree too): no other
        # command of the window uses Ctrl+S.
        self.save_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.save_action.triggered.connect(self.save)
        self.addAction(self.save_action)
        self.month.value_edited.connect(self._month_chosen)
        self.below_only.toggled.connect(self.reload)
        self.rule.editingFinished.connect(self._set_rule)
        self.new_button.clicked.connect(self.new_team)
        self.team_button.clicked.connect(self.open_team)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self.discard)
        self.sheet_button.clicked.connect(self.print_sheet)
        self.import_button.clicked.connect(self.import_sheet)
        self.model.edited.connect(self._show_summary)
        self.model.refused.connect(lambda error: self._show_problem(error_text(error)))
        self.table.selectionModel().currentChanged.connect(self._enable)
        self._reader = self.reads()
        self._reader.ready.connect(self._ready)
        self._reader.failed.connect(lambda _key, error: self._show_problem(error_text(error)))
        self.retranslate()

    # -- for the window (ui/tabs/contract.py) --------------------------------------------------------

    def set_ledger(self, ledger: Ledger | None, region_id: int | None) -> None:
        self._region_id = region_id
        self._shown = None
        # The month to open on is read with the first grid, off the UI thread: it looks through the days
        # entered, many in a county's ledger.
        self._opening = ledger is not None
        self.reload()
        self._enable()

    def set_region(self, region_id: int | None) -> None:
        self._region_id = region_id
        self.reload()
        self._enable()

    def changed(self, done: Changed) -> None:
        if done.touches(*_TABLES):
            self._shown = None
            self.reload(keep_typed=False)

    # -- reading -------------------------------------------------------------------------------------

    def _wanted(self) -> tuple[int, Month, bool] | None:
        month = self.month.accepted()
        if self.ledger is None or self._region_id is None or month is None:
            return None
        return self._region_id, month, self.below_only.isChecked()

    def reload(self, *, keep_typed: bool = True) -> None:
        """Read the grid for the region and month chosen (off the UI thread); days typed and not saved are
        saved first."""
        wanted = self._wanted()
        if keep_typed and wanted != self._shown and self.model.changed_months() and not self._settle_typed():
            return
        ledger = self.ledger
        if self._opening and ledger is not None:
            self._open(ledger)
            return
        if wanted is None or ledger is None:
            self._reader.cancel()
            today = Month.of(self.clock.today())
            self.model.set_rows(today, [], frozenset())
            self._fit_columns()
            self._shown = None
            if ledger is not None:  # no region yet: the rule's field still shows the ledger's rule
                self._reader.request(ledger.path, None, lambda reader: _Grid.empty(today, reader))
            return
        region, month, below = wanted
        self._reader.request(ledger.path, wanted, lambda reader: _Grid.read(reader, region, month, below))

    def _open(self, ledger: Ledger) -> None:
        """The grid of the month the ledger opens on (this month, or the last with days in an old ledger),
        read with that month; with no region yet, this month's empty grid and the ledger's rule."""
        key = _Opening(self._region_id, self.below_only.isChecked())
        today = Month.of(self.clock.today())

        def compute(reader: Ledger) -> _Grid:
            opening = team_service.opening_month(reader)
            if key.region is None:
                return replace(_Grid.empty(today, reader), opening=opening)
            return replace(_Grid.read(reader, key.region, opening, key.below), opening=opening)

        if key.region is None:
            self.model.set_rows(today, [], frozenset())
            self._fit_columns()
        self._reader.request(ledger.path, key, compute)

    def _month_chosen(self) -> None:
        self._opening = False  # the clerk's month, not the one being read
        self.reload()

    def _settle_typed(self) -> bool:
        """Days typed and not saved, before the grid shows another region or month: saved then (one step
        of Edit ▸ Undo), as every edit is; a save refused keeps the grid as it is, saying why."""
        return self.save()

    def _ready(self, key: object, grid: _Grid) -> None:
        if isinstance(key, _Opening):
            self._opening = False
            if grid.opening is not None:
                self.month.set_value(grid.opening)
            key = None if key.region is None else (key.region, grid.month, key.below)
        self._shown = key  # type: ignore[assignment]
        self._min_days = grid.min_days
        self.rule.blockSignals(True)
        self.rule.setValue(grid.min_days)
        self.rule.blockSignals(False)
        self.model.set_rows(grid.month, grid.rows, grid.days_off)
        self._fit_columns()
        self._show_problem("")
        self._enable()

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        metrics = self.fontMetrics()
        widths = (
            max((metrics.horizontalAdvance(row.branch) for row in self.model.rows[:200]), default=60) + 12,
            metrics.horizontalAdvance("欧阳建华") + 14,
            metrics.horizontalAdvance("第一书记") + 12,
        )
        for column, width in enumerate(widths):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            # A long name is elided, whole in its tip; the column's title is never cut (an empty grid).
            header.resizeSection(column, max(min(width, 120), metrics.horizontalAdvance(title) + 14))
        figure = metrics.horizontalAdvance("应到") + 10
        for column in range(self.model.columnCount() - 3, self.model.columnCount()):
            header.resizeSection(column, figure)

    # -- typing and pasting --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event)
        if (
            watched is self.table
            and isinstance(event, QInputMethodEvent)
            and event.commitString()
            and self.table.state() != QAbstractItemView.State.EditingState
        ):
            # 在假公缺 come from the input method (Pinyin), several at once when typed as one phrase.
            for char in event.commitString():
                self._type(char)
            return True
        return super().eventFilter(watched, event)

    def _type(self, text: str) -> None:
        """A mark typed into the current day, then on to the next day."""
        index = self.table.currentIndex()
        if not index.isValid() or text not in _TYPED:
            if index.isValid() and text.strip():
                self.model.setData(index, text)  # says why it is no mark
            return
        if self.model.setData(index, text):
            self._show_problem("")
            following = self.model.index(index.row(), index.column() + 1)
            if self.model.day_of(following.column()) is not None:
                self.table.setCurrentIndex(following)

    def _key(self, event: QKeyEvent) -> bool:
        index = self.table.currentIndex()
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return True
        if not index.isValid() or self.table.state() == QAbstractItemView.State.EditingState:
            return False
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.model.clear_cells(self.table.selectionModel().selectedIndexes())
            return True
        text = event.text()
        typing = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
        if typing and text and text.isprintable() and text.strip():
            self._type(text)
            return True
        return False

    def paste(self) -> None:
        index = self.table.currentIndex()
        text = QGuiApplication.clipboard().text()
        if not index.isValid() or not text:
            return
        try:
            self.model.paste(text, index.row(), index.column())
        except BranchDeskError as error:
            self._show_problem(error_text(error))
            return
        self._show_problem("")

    # -- saving --------------------------------------------------------------------------------------

    def save(self) -> bool:
        """Every month typed, saved as one action; True when nothing is left unsaved."""
        months = self.model.changed_months()
        shown = self._shown
        if not months or shown is None:
            return True
        month = shown[1]

        def write(ledger: Ledger) -> Changed:
            done = team_service.save_month(ledger, month, months)
            assert done is not None  # the months differ from what is stored
            return done

        return self._saved(write)

    def discard(self) -> None:
        self.model.discard()
        self._show_problem("")

    def _set_rule(self) -> None:
        days = self.rule.value()
        if self.ledger is None or days == self._min_days:
            return
        self.edits.run(lambda ledger: team_service.set_min_days(ledger, days), self)

    # -- teams and the record sheet ------------------------------------------------------------------

    def _current_member(self) -> MemberMonth | None:
        index = self.table.currentIndex()
        return (
            self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None
        )

    def new_team(self) -> None:
        ledger, region = self.ledger, self._region_id
        if ledger is None or region is None:
            return
        dialog = TeamDialog(ledger, self.edits, region, self.clock.today(), parent=self)

        def save() -> bool:
            branch, start, unit, members = dialog.chosen()
            sent = self.edits.run(
                lambda led: team_service.add_team(led, branch, start, unit_id=unit, members=members), dialog
            )
            return sent is not None

        exec_until_saved(dialog, save)

    def open_team(self) -> None:
        member, ledger, region = self._current_member(), self.ledger, self._region_id
        if member is None or ledger is None or region is None:
            return
        team_id = int(team_service.team_of_member(ledger, member.member_id)["id"])
        exec_and_delete(TeamDialog(ledger, self.edits, region, self.clock.today(), team_id, self))

    def import_sheet(self) -> None:
        """A month sheet from Excel, WPS or CSV, checked and previewed in a dialog, imported as one step;
        the grid then shows the month imported. Days typed and not saved are saved first."""
        ledger = self.ledger
        if ledger is None or (self.model.changed_months() and not self.save()):
            return
        month = self.month.accepted() or self.model.month
        tools = ImportTools(ledger.path, self.jobs, self.edits, self.choose_file)
        dialog = TeamDaysImportDialog(tools, month, self)
        dialog.imported.connect(self._show_month)
        exec_and_delete(dialog)

    def _show_month(self, month: Month) -> None:
        if month != self.month.accepted() or self._opening:
            self.month.set_value(month)
            self._month_chosen()

    def print_sheet(self) -> None:
        member, ledger, shown = self._current_member(), self.ledger, self._shown
        if member is None or ledger is None or shown is None:
            return
        if self.model.changed_months() and not self.save():
            return
        # Imported here: the papers draw with matplotlib, which the window loads only when first needed.
        from branchdesk.exchange.team_sheet import TITLE, write_sheet

        team_id = int(team_service.team_of_member(ledger, member.member_id)["id"])
        sheet = team_service.record_sheet(ledger, team_id, shown[1])
        name = f"{TITLE}-{sheet.branch}-{shown[1]}.pdf"
        path = self.choose_sheet_path(self, name)
        if path is None:
            return
        try:
            write_sheet(sheet, path)
        except BranchDeskError as error:
            self._show_problem(error_text(error))
            return
        self.summary.setText(self.tr("Saved the record sheet {path}").format(path=path))

    # -- what the tab says ---------------------------------------------------------------------------

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _show_summary(self) -> None:
        model = self.model
        typed = len(model.changed_months())
        text = self.tr("{month}: {members} members serving, {below} below the rule of {days} days").format(
            month=format_month(model.month.year, model.month.month, current_language()),
            members=format_count(len(model.rows)),
            below=format_count(model.below_rule()),
            days=self._min_days,
        )
        if typed:
            text += self.tr(" · days of {count} members typed, not saved (Ctrl+S saves)").format(
                count=format_count(typed)
            )
        self.summary.setText(text)
        self.save_button.setEnabled(bool(typed) and self.edits.writable)
        self.discard_button.setEnabled(bool(typed))

    def _enable(self) -> None:
        writable = self.edits.writable
        has_member = self._current_member() is not None
        self.new_button.setEnabled(writable and self._region_id is not None)
        self.team_button.setEnabled(writable and has_member)
        self.sheet_button.setEnabled(has_member)
        self.rule.setEnabled(writable)
        self.import_button.setEnabled(writable and self._region_id is not None)

    def retranslate(self) -> None:
        self.month_label.setText(self.tr("Month"))
        self.below_only.setText(self.tr("Only members below the rule"))
        self.rule_label.setText(self.tr("Days a month in the village"))
        self.new_button.setText(self.tr("Send a &work team…"))
        self.team_button.setText(self.tr("Team &members…"))
        self.save_button.setText(self.tr("&Save days"))
        self.discard_button.setText(self.tr("Discard typed days"))
        self.sheet_button.setText(self.tr("&Record sheet…"))
        self.import_button.setText(self.tr("&Import a month sheet…"))
        self.table.setToolTip(
            self.tr(
                "Type P, L, B or A (在, 假, 公, 缺) in a day; F2 for a leave's reason (假 病假); "
                "Delete clears; Ctrl+V pastes cells copied from Excel or WPS; Ctrl+S saves."
            )
        )
        self._show_summary()
        self._enable()
