"""The Activities tab: every activity of the selected region, filtered, sorted and totalled in SQL.

Pages and totals are read off the UI thread (a million activities at stress scale), so typing in a
filter never freezes the window. Every write (record, edit in place or in the dialog, copy, delete) goes
through ``LedgerEdits``: one undoable action each.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QModelIndex, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.activities import ActivityColumn, ActivityDraft, ActivityFilter, ActivityTotals
from branchdesk.domain.changes import Changed
from branchdesk.domain.enums import ActivityType, Area
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import Month
from branchdesk.domain.rates import Rate
from branchdesk.i18n.language import format_count, format_half_year, format_month
from branchdesk.i18n.messages import error_text
from branchdesk.services import activities as activity_service
from branchdesk.services import compliance as compliance_service
from branchdesk.services import key_tasks as key_task_service
from branchdesk.services import photos as photo_service
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.column_menu import ColumnMenu
from branchdesk.ui.dialogs.activity import ActivityDialog, PairingsDialog
from branchdesk.ui.edits import LedgerEdits
from branchdesk.ui.jobs.runner import JobRunner, Reads
from branchdesk.ui.labels import activity_type_label, area_label, current_language
from branchdesk.ui.models.activities import EDITABLE, ActivityTableModel
from branchdesk.ui.tabs.contract import DrillDown, TableView, table_headers
from branchdesk.ui.widgets import MarkLine, MonthLineEdit

TAB_ID = "activities"
# "setting": the days after which an entry is marked recorded late (Tools ▸ Settings).
_TABLES = (
    "activity", "activity_area", "activity_absentee", "key_task", "pairing", "holiday", "holiday_year",
    "branch", "region", "setting",
)  # fmt: skip


class ActivitiesTab(QWidget):
    def __init__(self, jobs: JobRunner, edits: LedgerEdits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(TAB_ID)
        self._clock = clock = jobs.clock
        self._jobs = jobs
        self._edits = edits
        self._path: Path | None = None
        self._region_id: int | None = None
        self._direct = False
        self._pairing: tuple[int, str] | None = None  # the pairing filter: id and label
        self._totals: tuple[ActivityTotals, Rate | None] | None = None  # of the filter, and this month's rate
        self.dialog: QDialog | None = None  # the dialog on show (tests drive it)
        self.open_compliance: Callable[[], None] = lambda: None  # set by the window
        self.open_key_tasks: Callable[[], None] = lambda: None
        # A blank sign-in sheet for a pairing's coming activity (id, label): set by the window.
        self.print_signin: Callable[[int, str], None] = lambda _pairing, _label: None

        self.model = ActivityTableModel(jobs, self)
        self.totals = Reads(jobs, self)
        self.totals.ready.connect(self._show_totals)
        self.totals.failed.connect(lambda _key, error: self._show_error(error))
        self.model.failed.connect(self._show_error)
        self.model.cell_edited.connect(self._edit_cell)

        self.reminder = QLabel(self)
        self.reminder.setObjectName("complianceReminder")
        self.reminder.setStyleSheet("color: #b02018;")
        self.compliance_button = QPushButton(self)
        self.compliance_button.setObjectName("openCompliance")
        self.compliance_button.clicked.connect(lambda: self.open_compliance())
        self.key_tasks_button = QPushButton(self)
        self.key_tasks_button.setObjectName("openKeyTasks")
        self.key_tasks_button.clicked.connect(lambda: self.open_key_tasks())

        self.record_button = QPushButton(self)
        self.record_button.setObjectName("recordActivity")
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("editActivity")
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyActivity")
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("deleteActivities")
        self.record_button.clicked.connect(self.record)
        self.edit_button.clicked.connect(self.edit_selected)
        self.copy_button.clicked.connect(self.copy_selected)
        self.delete_button.clicked.connect(self.delete_selected)

        self.months = QCheckBox(self)
        self.months.setObjectName("monthFilter")
        # Enter takes the month typed and filters; text that is no month is marked beside it.
        self.first_month = MonthLineEdit(self, keep_enter=True)
        self.first_month.setObjectName("firstMonth")
        self.last_month = MonthLineEdit(self, keep_enter=True)
        self.last_month.setObjectName("lastMonth")
        for edit in (self.first_month, self.last_month):
            edit.set_value(Month.of(clock.today()))
            edit.setEnabled(False)
        self.type = QComboBox(self)
        self.type.setObjectName("typeFilter")
        self.area = QComboBox(self)
        self.area.setObjectName("areaFilter")
        self.key_task = QComboBox(self)
        self.key_task.setObjectName("keyTaskFilter")
        self.weekday = QCheckBox(self)
        self.weekday.setObjectName("weekdayOnly")
        self.pairing_label = QLabel(self)
        self.pairing_label.setObjectName("pairingFilter")
        self.pairing_button = QToolButton(self)
        self.pairing_button.setObjectName("choosePairingFilter")
        self.pairing_button.clicked.connect(self._choose_pairing_filter)
        self.clear_pairing = QToolButton(self)
        self.clear_pairing.setObjectName("clearPairingFilter")
        self.clear_pairing.setText("✕")
        self.clear_pairing.clicked.connect(self.clear_pairing_filter)
        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("activityTotals")

        self.table = QTableView(self)
        self.table.setObjectName("activityTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setDefaultSectionSize(100)
        # At 1366×768 the figures (volunteers, present/expected) are in view without scrolling sideways: the
        # names are elided (their tips have them whole), and the day an activity was entered is hidden until
        # asked for (right-click the column names), since a late entry is marked 补录 on its date.
        widths = {
            ActivityColumn.DATE: 125,
            ActivityColumn.GRASSROOTS: 150,
            ActivityColumn.ORGAN: 160,
            ActivityColumn.TYPE: 80,
            ActivityColumn.WEEKDAY: 90,  # mostly blank: a working day's reason, its tip shows it whole
            ActivityColumn.AREAS: 120,
            ActivityColumn.VOLUNTEERS: 60,
            ActivityColumn.REGION: 140,
        }
        for column, width in widths.items():
            self.table.setColumnWidth(list(ActivityColumn).index(column), width)
        self.table.setColumnHidden(list(ActivityColumn).index(ActivityColumn.ENTERED), True)
        self.column_menu = ColumnMenu(self.table)
        self._fit_names()
        self.table.doubleClicked.connect(self._on_double_click)
        # Edit, copy and delete act on the selected activities: greyed out until one is selected.
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self.model.modelReset.connect(self._enable)
        # The keys of the Branches and Items tabs for a new row and editing one, while this tab has focus.
        for name, slot, keys in (
            ("recordActivityAction", self.record, ("Ctrl+Shift+N", "Insert")),
            ("editActivityAction", self.edit_selected, ("Ctrl+E",)),
        ):
            key_action = QAction(self)
            key_action.setObjectName(name)
            key_action.setShortcuts([QKeySequence(key) for key in keys])
            key_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            key_action.triggered.connect(slot)
            self.addAction(key_action)
        self.signin_action = QAction(self)
        self.signin_action.setObjectName("signinSheet")
        self.signin_action.triggered.connect(self._print_signin)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addAction(self.signin_action)

        top = QHBoxLayout()
        for button in (self.record_button, self.edit_button, self.copy_button, self.delete_button):
            top.addWidget(button)
        top.addStretch()
        top.addWidget(self.reminder)
        top.addWidget(self.compliance_button)
        top.addWidget(self.key_tasks_button)
        filters = QHBoxLayout()
        filters.addWidget(self.months)
        filters.addWidget(self.first_month)
        filters.addWidget(QLabel("–", self))
        filters.addWidget(self.last_month)
        filters.addWidget(self.type)
        filters.addWidget(self.area)
        filters.addWidget(self.key_task, 1)
        filters.addWidget(self.weekday)
        filters.addWidget(self.pairing_button)
        filters.addWidget(self.pairing_label)
        filters.addWidget(self.clear_pairing)
        filters.addStretch()
        filters.addWidget(self.totals_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        # Under the crowded filter row, where the whole reason fits.
        self.months_problem = MarkLine(self.first_month, self.last_month, parent=self)
        self.months_problem.setObjectName("monthsProblem")
        layout.addWidget(self.months_problem)
        layout.addWidget(self.table)

        self.months.toggled.connect(self._on_months_toggled)
        for edit in (self.first_month, self.last_month):
            edit.value_edited.connect(self.apply_filter)
        for combo in (self.type, self.area, self.key_task):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.weekday.toggled.connect(self.apply_filter)
        self.retranslate()
        self._enable()

    # -- ledger, region and filters ------------------------------------------------------------------

    @property
    def _ledger(self) -> Ledger | None:
        """The window's open ledger (None once it is closed), for the dialogs' reads."""
        return self._edits.ledger

    # -- for the window (ui/tabs/contract.py) --------------------------------------------------------

    def set_ledger(self, ledger: Ledger | None, region_id: int | None) -> None:
        self._path = None if ledger is None else ledger.path
        self._region_id = region_id
        self._direct = False
        self._pairing = None
        self._fill_key_tasks()
        self._show_pairing()
        self.model.show_ledger(self._path, self.current_filter())
        self._request_totals()
        self._enable()

    def set_region(self, region_id: int | None) -> None:
        self._region_id = region_id
        self._direct = False
        self.apply_filter()

    def current_filter(self) -> ActivityFilter:
        first = last = None
        first_month, last_month = self.first_month.accepted(), self.last_month.accepted()
        if self.months.isChecked() and first_month is not None and last_month is not None:
            first, last = sorted((first_month, last_month))
        return ActivityFilter(
            region_id=self._region_id,
            direct=self._direct,
            pairing_id=None if self._pairing is None else self._pairing[0],
            first_month=first,
            last_month=last,
            # Qt hands a StrEnum back as a plain str.
            activity_type=None if self.type.currentData() is None else ActivityType(self.type.currentData()),
            area=None if self.area.currentData() is None else Area(self.area.currentData()),
            key_task_id=self.key_task.currentData(),
            weekday_only=self.weekday.isChecked(),
        )

    def apply_filter(self) -> None:
        flt = self.current_filter()
        if flt != self.model.current_filter:
            self.model.set_filter(flt)
            self._request_totals()

    def _on_months_toggled(self, on: bool) -> None:
        self.first_month.setEnabled(on)
        self.last_month.setEnabled(on)
        self.apply_filter()

    def show_drill(self, drill: DrillDown) -> None:
        """The rows behind a chart's bar (the region is set through the tree)."""
        blockers = [QSignalBlocker(w) for w in (self.months, self.first_month, self.last_month)]
        blockers += [QSignalBlocker(w) for w in (self.type, self.area, self.key_task, self.weekday)]
        self.months.setChecked(drill.month is not None)
        self.first_month.setEnabled(drill.month is not None)
        self.last_month.setEnabled(drill.month is not None)
        if drill.month is not None:
            self.first_month.set_value(drill.month)
            self.last_month.set_value(drill.month)
        self.type.setCurrentIndex(max(self.type.findData(drill.activity_type), 0))
        self.area.setCurrentIndex(max(self.area.findData(drill.area), 0))
        self.key_task.setCurrentIndex(0)
        self.weekday.setChecked(False)
        del blockers
        self._region_id = drill.region_id
        self._direct = drill.direct
        self._pairing = None
        if drill.pairing_id is not None and self._ledger is not None:
            spans = activity_service.pairing_spans(self._ledger, [drill.pairing_id])
            self._pairing = (drill.pairing_id, spans[0].label) if spans else None
        self._show_pairing()
        self.apply_filter()

    def _choose_pairing_filter(self) -> None:
        if self._ledger is None:
            return
        title = self.tr("Show one pairing's activities")
        dialog = PairingsDialog(self._ledger, self._region_id, title, self, several=False)
        self.dialog = dialog

        def chosen() -> None:
            spans = dialog.picker.chosen()
            self._pairing = (spans[0].id, spans[0].label) if spans else None
            self._show_pairing()
            self.apply_filter()

        dialog.accepted.connect(chosen)
        dialog.open()

    def clear_pairing_filter(self) -> None:
        self._pairing = None
        self._show_pairing()
        self.apply_filter()

    def _show_pairing(self) -> None:
        self.pairing_label.setText("" if self._pairing is None else self._pairing[1])
        self.clear_pairing.setVisible(self._pairing is not None)

    def _fill_key_tasks(self) -> None:
        current = self.key_task.currentData()
        with QSignalBlocker(self.key_task):
            self.key_task.clear()
            self.key_task.addItem(self.tr("All key tasks"), None)
            if self._ledger is not None:
                for task in key_task_service.key_tasks(self._ledger):
                    self.key_task.addItem(f"{format_half_year(task.half_year)} {task.name}", task.id)
            self.key_task.setCurrentIndex(max(self.key_task.findData(current), 0))

    # -- totals and the reminder ---------------------------------------------------------------------

    def _request_totals(self) -> None:
        if self._path is None:
            self.totals.cancel()
            self.totals_label.clear()
            self.reminder.clear()
            return
        flt = self.current_filter()
        month = Month.of(self._clock.today())
        region_id = self._region_id

        def compute(ledger: Ledger) -> tuple[ActivityTotals, Rate | None]:
            totals = activity_service.activity_totals(ledger, flt)
            rate = None if region_id is None else compliance_service.compliance(ledger, region_id, month)
            return totals, rate

        self.totals_label.setText(self.tr("Counting…"))
        self.totals.request(self._path, flt, compute)

    def _show_totals(self, _key: object, result: tuple[ActivityTotals, Rate | None]) -> None:
        self._totals = result
        self._show_totals_text()

    def _show_error(self, error: BranchDeskError) -> None:
        self.totals_label.setText(error_text(error))

    def _show_totals_text(self) -> None:
        if self._totals is None:
            return
        totals, rate = self._totals
        self.totals_label.setText(
            self.tr("{count} activities · {volunteers} volunteer person-times").format(
                count=format_count(totals.count), volunteers=format_count(totals.volunteer_person_times)
            )
        )
        month = Month.of(self._clock.today())
        overdue = 0 if rate is None else rate.total - rate.count
        self.reminder.setText(
            self.tr("{month}: {count} pairings have no themed Party day yet").format(
                month=format_month(month.year, month.month, current_language()), count=format_count(overdue)
            )
            if overdue
            else ""
        )

    def wait(self) -> None:
        """Wait for the page and the totals asked for (tests, screenshots)."""
        self.model.wait()
        self.totals.wait()
        self.model.wait()

    def cancel(self) -> None:
        self.model.cancel()
        self.totals.cancel()

    def busy(self) -> bool:
        return self.model.loading or self.totals.pending

    def table_view(self, name: str) -> TableView | None:
        ledger = self._ledger
        if ledger is None:
            return None
        model = self.model
        return TableView(name, table_headers(model), model.view_rows(ledger), 0)

    # -- writing -------------------------------------------------------------------------------------

    def changed(self, changed: Changed) -> None:
        if self._ledger is None or not changed.touches(*_TABLES):
            return
        if changed.touches("key_task"):
            self._fill_key_tasks()
        self.model.reload()
        self._request_totals()

    def _write(self, write: Callable[[Ledger], Changed]) -> Changed | None:
        return self._edits.run(write, self)

    def _saved(self, write: Callable[[Ledger], Changed], dialog: QWidget) -> bool:
        """Saved from the open dialog: a refusal is shown over it and it stays open with what was typed."""
        return self._edits.run(write, dialog) is not None

    def _enable(self) -> None:
        writable = self._ledger is not None and self._edits.writable
        self.record_button.setEnabled(writable)
        selected = self.table.selectionModel().hasSelection()
        for button in (self.edit_button, self.copy_button, self.delete_button):
            button.setEnabled(writable and selected)

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.activity(row).id for row in rows]

    def record(self) -> None:
        if self._ledger is None or not self._edits.writable:
            return
        pairing = None
        if self._pairing is not None:
            pairing = activity_service.pairing_spans(self._ledger, [self._pairing[0]])[0]
        dialog = ActivityDialog(self._ledger, self._region_id, self._jobs, self, pairing=pairing)
        self.dialog = dialog

        def save() -> bool:
            ids, draft, photos, items = (
                dialog.pairing_ids(),
                dialog.draft(),
                dialog.photo_entries(),
                dialog.item_ids(),
            )
            return self._saved(
                lambda ledger: activity_service.record_activities(
                    ledger, ids, draft, photos=photos, items=items
                ),
                dialog,
            )

        dialog.save = save
        dialog.open()

    def _print_signin(self) -> None:
        """The selected activity's pairing gets a blank sign-in sheet for its next activity."""
        rows = self.table.selectionModel().selectedRows()
        if rows:
            activity = self.model.activity(rows[0].row())
            self.print_signin(activity.pairing_id, f"{activity.grassroots} ← {activity.organ}")

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.edit(ids[0])

    def edit(self, activity_id: int) -> None:
        if self._ledger is None or not self._edits.writable:
            return
        try:
            pairing_id, draft = activity_service.activity_draft(self._ledger, activity_id)
        except BranchDeskError:
            self.model.reload()  # removed meanwhile (an undo): show the file as it is
            return
        pairing = activity_service.pairing_spans(self._ledger, [pairing_id])[0]
        photos = photo_service.activity_photos(self._ledger, activity_id)
        items = activity_service.activity_items(self._ledger, activity_id)
        dialog = ActivityDialog(
            self._ledger,
            self._region_id,
            self._jobs,
            self,
            pairing=pairing,
            draft=draft,
            photos=photos,
            items=items,
        )
        self.dialog = dialog
        try:
            shown = dialog.pairing_ids(), dialog.draft(), dialog.photo_entries(), dialog.item_ids()
        except BranchDeskError:
            shown = None  # an activity the dialog cannot take as it is: any OK is a change

        def save() -> bool:
            ids, new, entries, linked = (
                dialog.pairing_ids(),
                dialog.draft(),
                dialog.photo_entries(),
                dialog.item_ids(),
            )
            if (ids, new, entries, linked) == shown:
                return True  # looked at, OK pressed: no empty step in the file and in Edit ▸ Undo
            return self._saved(
                lambda ledger: activity_service.edit_activity(
                    ledger, activity_id, ids[0], new, photos=entries, items=linked
                ),
                dialog,
            )

        dialog.save = save
        dialog.open()

    def _on_double_click(self, index: QModelIndex) -> None:
        if list(ActivityColumn)[index.column()] not in EDITABLE:
            self.edit(self.model.activity(index.row()).id)

    def _edit_cell(self, activity_id: int, column: ActivityColumn, value: object) -> None:
        """An in-place edit: the stored activity with one field changed, checked and written as one action."""

        def write(ledger: Ledger) -> Changed:
            pairing_id, draft = activity_service.activity_draft(ledger, activity_id)
            return activity_service.edit_activity(
                ledger, activity_id, pairing_id, _with(draft, column, value)
            )

        self._write(write)

    def copy_selected(self) -> None:
        ids = self.selected_ids()
        if self._ledger is None or not ids or not self._edits.writable:
            return
        activity_id = ids[0]
        dialog = PairingsDialog(self._ledger, self._region_id, self.tr("Copy the activity to pairings"), self)
        self.dialog = dialog

        def copy() -> None:
            targets = dialog.pairing_ids()
            self._write(lambda ledger: activity_service.copy_activity(ledger, activity_id, targets))

        dialog.accepted.connect(copy)
        dialog.open()

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids and self._edits.writable:
            self._write(lambda ledger: activity_service.delete_activities(ledger, ids))

    # -- state and language --------------------------------------------------------------------------

    def header_state(self) -> QByteArray:
        return self.table.horizontalHeader().saveState()

    def restore_header_state(self, state: QByteArray) -> None:
        if not state.isEmpty():
            self.table.horizontalHeader().restoreState(state)
            self._fit_names()  # a layout saved by an earlier version may hold a column narrower than its name

    def _fit_names(self) -> None:
        """No column narrower than its name (党员志愿者人次)."""
        header = self.table.horizontalHeader()
        for index in range(header.count()):
            if header.sectionSize(index) < header.sectionSizeHint(index):
                header.resizeSection(index, header.sectionSizeHint(index))

    def retranslate(self) -> None:
        self.record_button.setText(self.tr("Record activity…"))
        self.record_button.setToolTip(self.tr("Record an activity (Insert or Ctrl+Shift+N)"))
        self.edit_button.setText(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Edit the selected activity (Ctrl+E or a double click)"))
        self.copy_button.setText(self.tr("Copy to pairings…"))
        self.delete_button.setText(self.tr("Delete"))
        self.compliance_button.setText(self.tr("Compliance…"))
        self.key_tasks_button.setText(self.tr("Key tasks…"))
        self.signin_action.setText(self.tr("Blank &sign-in sheet for this pairing…"))
        self.months.setText(self.tr("Months"))
        self.weekday.setText(self.tr("Working days only"))
        self.weekday.setToolTip(
            self.tr("Routine activities on a working day without a reason (weekend rule)")
        )
        self.pairing_button.setText(self.tr("Pairing…"))
        self.clear_pairing.setToolTip(self.tr("Show every pairing"))
        choices = (
            (self.type, self.tr("All types"), [(activity_type_label(t), t) for t in ActivityType]),
            (self.area, self.tr("All areas"), [(area_label(a), a) for a in Area]),
        )
        for combo, everything, items in choices:
            with QSignalBlocker(combo):
                current = combo.currentIndex()
                combo.clear()
                combo.addItem(everything, None)
                for text, value in items:
                    combo.addItem(text, value)
                combo.setCurrentIndex(max(current, 0))
        self._fill_key_tasks()
        # The crowded filter row fits a 1366-pixel screen: each filter is as wide as its first item
        # (全部重点任务, All types) shown whole; a longer choice (a task's name, Themed Party day) is elided,
        # its list shows it whole. Qt counts the room in widths of "X" and adds an icon's (these have none).
        for combo in (self.type, self.area, self.key_task):
            metrics = combo.fontMetrics()
            room = metrics.horizontalAdvance(combo.itemText(0)) - combo.iconSize().width() - 4
            combo.setMinimumContentsLength(max(1, math.ceil(room / metrics.horizontalAdvance("X"))))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.model.retranslate()
        self._fit_names()
        self._show_totals_text()


def _with(draft: ActivityDraft, column: ActivityColumn, value: object) -> ActivityDraft:
    if column is ActivityColumn.VOLUNTEERS:
        try:
            volunteers = int(str(value).strip())
        except ValueError:
            volunteers = 0  # refused with the volunteers message, as a 0 typed in would be
        return replace(draft, volunteers=volunteers)
    text = str(value).strip() or None
    if column is ActivityColumn.LOCATION:
        return replace(draft, location=text)
    return replace(draft, summary=text)
