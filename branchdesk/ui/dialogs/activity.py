"""Recording or editing an activity, and choosing the pairings an activity is recorded for or copied to.

The dialog checks the entry with the services' own rules before it closes (date not in the future and
within the pairing's dates, at least one volunteer and one area, the key task of that half-year, a reason
for a routine activity on a working day), so a clerk sees what to fix beside the fields; the caller then
writes it as one undoable action.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.activities import ActivityDraft, PairingSpan, needs_weekday_reason
from branchdesk.domain.enums import ActivityType, Area
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import HalfYear
from branchdesk.domain.photos import ActivityPhoto, PhotoEntry
from branchdesk.i18n.language import format_count, format_half_year
from branchdesk.i18n.messages import error_text
from branchdesk.services import activities as activity_service
from branchdesk.services import key_tasks as key_task_service
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.activity_items import ItemLinks
from branchdesk.ui.dialogs.activity_photos import PhotoPanel
from branchdesk.ui.dialogs.attendance_fields import AttendanceFields
from branchdesk.ui.jobs.runner import JobRunner
from branchdesk.ui.labels import activity_type_label, area_label, date_text
from branchdesk.ui.widgets import PROBLEM_STYLE, CountSpinBox, DateLineEdit, MarkedField

_NOTE_STYLE = "color: #965f00;"


class PairingPicker(QWidget):
    """Type part of a branch's name; tick one pairing (or several, for a bulk entry or a copy)."""

    SEARCH_DELAY_MS = 200
    chosen_changed = Signal()

    def __init__(
        self, ledger: Ledger, region_id: int | None, *, several: bool, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._ledger = ledger
        self._region_id = region_id
        self._several = several
        self._chosen: dict[int, PairingSpan] = {}
        self.search = QLineEdit(self)
        self.search.setObjectName("pairingSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Type part of a branch name"))
        self.list = QListWidget(self)
        self.list.setObjectName("pairingList")
        self.list.setMinimumHeight(140)
        self.chosen_label = QLabel(self)
        self.chosen_label.setObjectName("pairingsChosen")
        self.chosen_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.chosen_label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.list.itemChanged.connect(self._on_item_changed)
        self.refresh()

    def chosen(self) -> list[PairingSpan]:
        return list(self._chosen.values())

    def choose(self, spans: list[PairingSpan]) -> None:
        self._chosen = {span.id: span for span in spans}
        self.refresh()

    def refresh(self) -> None:
        """The pairings matching the search, the chosen ones first so they stay in sight."""
        self._timer.stop()
        found = activity_service.pairing_choices(self._ledger, self.search.text(), self._region_id)
        shown = [*self._chosen.values(), *(span for span in found if span.id not in self._chosen)]
        self.list.blockSignals(True)
        self.list.clear()
        for span in shown:
            text = span.label
            if span.ended_on is not None:
                text += self.tr(" (ended {date})").format(date=date_text(span.ended_on))
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, span.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = span.id in self._chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._spans = {span.id: span for span in shown}
        self._show_chosen()

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        pairing_id = int(item.data(Qt.ItemDataRole.UserRole))
        if item.checkState() == Qt.CheckState.Checked:
            if not self._several:
                self._chosen.clear()
            self._chosen[pairing_id] = self._spans[pairing_id]
        else:
            self._chosen.pop(pairing_id, None)
        if not self._several:
            self.refresh()
        else:
            self._show_chosen()

    def _show_chosen(self) -> None:
        spans = list(self._chosen.values())
        if not spans:
            self.chosen_label.setText(self.tr("No pairing chosen yet."))
        elif len(spans) == 1:
            self.chosen_label.setText(self.tr("Chosen: {pairing}").format(pairing=spans[0].label))
        else:
            self.chosen_label.setText(
                self.tr("{count} pairings chosen").format(count=format_count(len(spans)))
            )
        self.chosen_changed.emit()


class ActivityDialog(QDialog):
    """New activity (for one or several pairings) or an existing one to edit, with its photos on a page of
    their own."""

    def __init__(
        self,
        ledger: Ledger,
        region_id: int | None,
        jobs: JobRunner,
        parent: QWidget | None = None,
        *,
        pairing: PairingSpan | None = None,
        draft: ActivityDraft | None = None,
        photos: list[ActivityPhoto] | None = None,
        items: list[int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("activityDialog")
        self._ledger = ledger
        # Saves the entry while the dialog is still open (the tab sets it): a refusal keeps it open.
        self.save: Callable[[], bool] = lambda: True
        editing = draft is not None
        self.setWindowTitle(self.tr("Edit activity") if editing else self.tr("Record activity"))
        self._today = ledger.clock.today()

        self.pairings = PairingPicker(ledger, region_id, several=not editing, parent=self)
        # Empty until the clerk types the day it was held: a default of today would be saved unnoticed.
        self.held_on = DateLineEdit(self)
        self.held_on.setObjectName("heldOn")
        self.type = QComboBox(self)
        self.type.setObjectName("activityType")
        for activity_type in ActivityType:
            self.type.addItem(activity_type_label(activity_type), activity_type)
        self.type.setCurrentIndex(-1)  # chosen by the clerk: a forgotten type must not count as a themed day
        self.key_task = QComboBox(self)
        self.key_task.setObjectName("keyTask")
        self.areas: dict[Area, QCheckBox] = {}
        areas_box = QWidget(self)
        areas_grid = QGridLayout(areas_box)
        areas_grid.setContentsMargins(0, 0, 0, 0)
        for index, area in enumerate(Area):
            box = QCheckBox(area_label(area), areas_box)
            box.setObjectName(f"area_{area.value}")
            box.toggled.connect(self._area_toggled)
            self.areas[area] = box
            areas_grid.addWidget(box, index // 3, index % 3)
        # Empty until the clerk types how many took part: a default would be counted as a figure nobody gave
        # (volunteer person-times, DESIGN.md §3); an activity saved with it empty is refused, as an import is.
        self.volunteers = CountSpinBox(self.tr("How many took part"), 100000, self)
        self.volunteers.setObjectName("volunteers")
        self.location = QLineEdit(self)
        self.location.setObjectName("location")
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("summary")
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(self.fontMetrics().height() * 4)
        self.theme = QLineEdit(self)
        self.theme.setObjectName("theme")
        self.host = QLineEdit(self)
        self.host.setObjectName("host")
        self.attendance = AttendanceFields(self)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("weekdayReason")
        self.reason.setPlaceholderText(self.tr("e.g. flood emergency; the villagers' market day"))
        self.reason_note = QLabel(self)
        self.reason_note.setObjectName("reasonNote")
        self.reason_note.setWordWrap(True)
        self.reason_note.setStyleSheet(_NOTE_STYLE)
        self.error = QLabel(self)
        self.error.setObjectName("activityError")
        self._error_code: str | None = None  # the refusal shown, while it is
        self.error.setWordWrap(True)
        self.error.setStyleSheet(PROBLEM_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        self.photos = PhotoPanel(ledger, jobs, photos or [], self)
        self.photos_note = QLabel(
            self.tr("Photos can be added when one pairing is chosen: they belong to one activity."), self
        )
        self.photos_note.setObjectName("photosNote")
        self.photos_note.setWordWrap(True)
        self.photos_note.setStyleSheet(_NOTE_STYLE)
        self.items = ItemLinks(ledger, items or [], self)

        activity_page = QWidget(self)
        form = QFormLayout()
        form.addRow(self.tr("Pairing") if editing else self.tr("Pairings"), self.pairings)
        form.addRow(self.tr("Date"), MarkedField(self.held_on))
        form.addRow(self.tr("Type"), self.type)
        form.addRow(self.tr("Key task"), self.key_task)
        form.addRow(self.tr("Areas"), areas_box)
        form.addRow(self.tr("Volunteers"), self.volunteers)
        form.addRow(self.tr("Location"), self.location)
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow(self.tr("Working-day reason"), self.reason)
        form.addRow("", self.reason_note)
        # The record's second half beside the first (what an inspection's 记录表 asks for), so that the
        # whole entry fits a 768-pixel screen.
        record = QFormLayout()
        record.addRow(self.tr("Theme"), self.theme)
        record.addRow(self.tr("Host"), self.host)
        side = QVBoxLayout()
        side.addLayout(record)
        side.addWidget(self.attendance)
        side.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(form, 3)
        columns.addSpacing(12)
        columns.addLayout(side, 2)
        QVBoxLayout(activity_page).addLayout(columns)
        self.photos_page = photos_page = QWidget(self)
        photos_layout = QVBoxLayout(photos_page)
        photos_layout.addWidget(self.photos_note)
        photos_layout.addWidget(self.photos, 1)
        self.pages = QTabWidget(self)
        self.pages.setObjectName("activityPages")
        self.pages.addTab(activity_page, self.tr("Activity"))
        self.pages.addTab(photos_page, self.tr("Photos"))
        self.pages.addTab(self.items, self.tr("List items"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(1000, 680)

        # Tab runs down the first column, then down the second.
        fields = self.attendance.fields()
        for before, after in zip(
            (self.summary, self.reason, self.theme, self.host, *fields[:-1]),
            (self.reason, self.theme, self.host, *fields),
            strict=True,
        ):
            QWidget.setTabOrder(before, after)

        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        self.held_on.value_edited.connect(self._on_date_or_type)
        self.type.currentIndexChanged.connect(self._on_date_or_type)
        self.pairings.chosen_changed.connect(self._on_pairings)
        self.photos.busy_changed.connect(self._on_photos_busy)
        self.photos.count_changed.connect(self._on_photo_count)
        self.items.count_changed.connect(self._on_item_count)

        if draft is not None:
            if pairing is not None:
                self.pairings.choose([pairing])
            self._fill(draft)
        else:
            if pairing is not None:
                self.pairings.choose([pairing])
        self._on_date_or_type()
        self._on_pairings()
        self._on_photo_count(len(self.photos.entries()))

    def _on_photo_count(self, count: int) -> None:
        title = self.tr("Photos ({count})").format(count=format_count(count)) if count else self.tr("Photos")
        self.pages.setTabText(self.pages.indexOf(self.photos_page), title)

    def _on_item_count(self, count: int) -> None:
        title = (
            self.tr("List items ({count})").format(count=format_count(count))
            if count
            else self.tr("List items")
        )
        self.pages.setTabText(self.pages.indexOf(self.items), title)

    def _on_photos_busy(self, busy: bool) -> None:
        """Saved only once the photos added are ready in the store."""
        self.ok_button.setEnabled(not busy)

    def _on_pairings(self) -> None:
        """Photos belong to one activity, list items to one pairing: a bulk entry for several pairings has
        neither."""
        one = len(self.pairings.chosen()) <= 1
        self.photos.setEnabled(one)
        self.photos_note.setVisible(not one)
        self.items.show_pairings(self.pairing_ids())

    def item_ids(self) -> list[int]:
        """The list items the activity worked on (none for a bulk entry)."""
        return self.items.item_ids() if len(self.pairings.chosen()) == 1 else []

    def photo_entries(self) -> list[PhotoEntry]:
        """The photos to save with the activity, in order (none for a bulk entry)."""
        return self.photos.entries() if len(self.pairings.chosen()) <= 1 else []

    def _fill(self, draft: ActivityDraft) -> None:
        self.held_on.set_value(draft.held_on)
        self.type.setCurrentIndex(self.type.findData(draft.type))
        self._fill_key_tasks(draft.key_task_id)
        self.key_task.setCurrentIndex(max(self.key_task.findData(draft.key_task_id), 0))
        for area, box in self.areas.items():
            box.setChecked(area in draft.areas)
        self.volunteers.setValue(draft.volunteers)
        self.location.setText(draft.location or "")
        self.summary.setPlainText(draft.summary or "")
        self.reason.setText(draft.weekday_reason or "")
        self.theme.setText(draft.theme or "")
        self.host.setText(draft.host or "")
        self.attendance.fill(draft.attendance)

    def day(self) -> dt.date | None:
        """The date typed; None while it is empty or not a date."""
        try:
            return self.held_on.value()
        except BranchDeskError:
            return None

    def _fill_key_tasks(self, keep: int | None = None) -> None:
        """Only the tasks of the half-year the date falls in (and the activity's own, even if retired);
        before a date is typed, those of the half-year under way."""
        current = keep if keep is not None else self.key_task.currentData()
        half_year = HalfYear.of(self.day() or self._today)
        tasks = key_task_service.key_tasks(self._ledger, half_year)
        self.key_task.blockSignals(True)
        self.key_task.clear()
        self.key_task.addItem(self.tr("(none)"), None)
        for task in tasks:
            if not task.retired or task.id == current:
                self.key_task.addItem(task.name, task.id)
        self.key_task.setCurrentIndex(max(self.key_task.findData(current), 0))
        self.key_task.blockSignals(False)
        self.key_task.setToolTip(
            self.tr("Key tasks of {half_year}").format(half_year=format_half_year(half_year))
        )

    def _on_date_or_type(self) -> None:
        self._fill_key_tasks()
        day = self.day()
        self.photos.set_held_on(day)
        if day is None:
            self.reason_note.hide()
            return
        calendar = activity_service.work_calendar(self._ledger, day.year)
        activity_type = self._type()
        notes = []
        if activity_type is not None and needs_weekday_reason(calendar, day, activity_type):
            notes.append(
                self.tr(
                    "{date} is a working day. Routine activities are held on days off (weekend rule): "
                    "give the reason, or choose another date."
                ).format(date=date_text(day))
            )
        if not calendar.has_official_data(day.year):
            notes.append(
                self.tr("There is no official holiday calendar for {year}; plain weekends are used.").format(
                    year=day.year
                )
            )
        self.reason_note.setText("\n".join(notes))
        self.reason_note.setVisible(bool(notes))

    def draft(self) -> ActivityDraft:
        """The activity as entered; raises BranchDeskError while the date is empty or not a date."""

        def text(value: str) -> str | None:
            return value.strip() or None

        held_on = self.held_on.value()
        if held_on is None:
            raise BranchDeskError("activity.no_date")
        activity_type = self._type()
        if activity_type is None:
            raise BranchDeskError("activity.no_type")
        return ActivityDraft(
            held_on=held_on,
            type=activity_type,
            areas=frozenset(area for area, box in self.areas.items() if box.isChecked()),
            volunteers=self.volunteers.value(),
            key_task_id=self.key_task.currentData(),
            location=text(self.location.text()),
            summary=text(self.summary.toPlainText()),
            weekday_reason=text(self.reason.text()),
            theme=text(self.theme.text()),
            host=text(self.host.text()),
            attendance=self.attendance.attendance(),
        )

    def _type(self) -> ActivityType | None:
        data = self.type.currentData()  # Qt hands StrEnum item data back as plain str
        return None if data is None else ActivityType(data)

    def pairing_ids(self) -> list[int]:
        return [span.id for span in self.pairings.chosen()]

    def _area_toggled(self) -> None:
        # "Tick at least one area" is answered by the tick itself: the message must not wait for the next OK.
        if self._error_code == "activity.no_area" and any(box.isChecked() for box in self.areas.values()):
            self.error.clear()
            self._error_code = None

    def try_accept(self) -> None:
        """Close only on an entry the services will take; otherwise say what to fix."""
        self._error_code = None
        if not self.held_on.check():
            self.error.setText(self.tr("Date: {problem}").format(problem=self.held_on.problem_text))
            self.held_on.setFocus()
            return
        if not self.attendance.make_up_on.check():
            self.error.setText(
                self.tr("Make-up session: {problem}").format(problem=self.attendance.make_up_on.problem_text)
            )
            self.attendance.make_up_on.setFocus()
            return
        try:
            activity_service.check(self._ledger, self.pairing_ids(), self.draft())
        except BranchDeskError as error:
            self.error.setText(error_text(error))
            self._error_code = error.code
            return
        self.error.clear()
        if self.save():
            self.accept()


class PairingsDialog(QDialog):
    """Choose the pairings to copy an activity to."""

    def __init__(
        self,
        ledger: Ledger,
        region_id: int | None,
        title: str,
        parent: QWidget | None = None,
        *,
        several: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pairingsDialog")
        self.setWindowTitle(title)
        self.picker = PairingPicker(ledger, region_id, several=several, parent=self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(520, 460)

    def pairing_ids(self) -> list[int]:
        return [span.id for span in self.picker.chosen()]
