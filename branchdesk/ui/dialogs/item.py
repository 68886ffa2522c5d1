"""The dialogs of the three lists: an item added or edited (its pairing, list, title, owner, dates, status,
the need and resource a project matches, the activities that worked on it), and 销号 (ticking an item off
with the day, what was done and its photos). They collect choices; the tab saves them through
``edits.run``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from branchdesk.domain.enums import ActivityType, ItemKind, ItemStatus
from branchdesk.domain.photos import PhotoEntry
from branchdesk.domain.plan_items import ItemDraft, PlanItem
from branchdesk.services import photos as photo_service
from branchdesk.services import plan_items
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.activity_photos import PhotoPanel
from branchdesk.ui.dialogs.pairing import date_field, day_of, finish_form
from branchdesk.ui.jobs.runner import JobRunner
from branchdesk.ui.labels import activity_type_label, date_text, term_label
from branchdesk.ui.widgets import (
    DateLineEdit,
    MarkedField,
    SearchCombo,
    check_all,
    problem_line,
    show_problem,
)


class ItemDialog(QDialog):
    """Add (``item`` None) or edit an item of a pairing's lists."""

    def __init__(
        self,
        ledger: Ledger,
        pairings: Sequence[tuple[int, str]],
        today: dt.date,
        item: PlanItem | None = None,
        pairing_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("itemDialog")
        self.setWindowTitle(self.tr("New list item") if item is None else self.tr("Edit list item"))
        self._ledger = ledger
        draft = None if item is None else item.draft
        self.pairing = SearchCombo(self)
        self.pairing.setObjectName("itemPairing")
        for value, label in pairings:
            self.pairing.addItem(label, value)
        self.pairing.select_data(draft.pairing_id if draft is not None else pairing_id)
        self.pairing_problem = problem_line(self)
        self.kind = QComboBox(self)
        self.kind.setObjectName("itemKind")
        for kind in ItemKind:
            self.kind.addItem(term_label(kind), kind)
        self.kind.setCurrentIndex(self.kind.findData(draft.kind if draft else ItemKind.NEED))
        self.title = QLineEdit(self)
        self.title.setObjectName("itemTitle")
        self.title.setPlaceholderText(self.tr("e.g. 村道硬化, 产业技术培训, 单位帮扶资金"))
        self.title_problem = problem_line(self)
        self.owner = QLineEdit(self)
        self.owner.setObjectName("itemOwner")
        self.opened = date_field(draft.opened_on if draft else today, self)
        self.opened.setObjectName("itemOpened")
        self.due = DateLineEdit(self, optional=True)
        self.due.setObjectName("itemDue")
        self.status = QComboBox(self)
        self.status.setObjectName("itemStatus")
        for status in ItemStatus:
            self.status.addItem(term_label(status), status)
        self.status.setCurrentIndex(self.status.findData(draft.status if draft else ItemStatus.OPEN))
        self.done_on = DateLineEdit(self, optional=True)
        self.done_on.setObjectName("itemDoneOn")
        self.done_note = QLineEdit(self)
        self.done_note.setObjectName("itemDoneNote")
        self.need = QComboBox(self)
        self.need.setObjectName("itemNeed")
        self.resource = QComboBox(self)
        self.resource.setObjectName("itemResource")
        self.activities = QListWidget(self)
        self.activities.setObjectName("itemActivities")
        self.note = QLineEdit(self)
        self.note.setObjectName("itemNote")
        if draft is not None:
            self.title.setText(draft.title)
            self.owner.setText(draft.owner or "")
            self.due.set_value(draft.due_on)
            self.done_on.set_value(draft.done_on)
            self.done_note.setText(draft.done_note or "")
            self.note.setText(draft.note or "")
        self._item_id = None if item is None else item.id
        self._linked = set() if item is None else set(plan_items.linked_activities(ledger, item.id))
        self._need_id = None if draft is None else draft.need_id
        self._resource_id = None if draft is None else draft.resource_id

        form = QFormLayout()
        form.addRow(self.tr("Pairing"), self.pairing)
        form.addRow("", self.pairing_problem)
        form.addRow(self.tr("List"), self.kind)
        form.addRow(self.tr("Item"), self.title)
        form.addRow("", self.title_problem)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("Raised on"), MarkedField(self.opened))
        form.addRow(self.tr("Due on"), MarkedField(self.due))
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Ticked off on"), MarkedField(self.done_on))
        form.addRow(self.tr("What was done"), self.done_note)
        self.need_label = QLabel(self.tr("Need matched"), self)
        self.resource_label = QLabel(self.tr("Resource matched"), self)
        form.addRow(self.need_label, self.need)
        form.addRow(self.resource_label, self.resource)
        form.addRow(self.tr("Activities that worked on it"), self.activities)
        form.addRow(self.tr("Note"), self.note)
        finish_form(self, form, self._ready)

        self._shown_pairing: object = None
        self.pairing.editTextChanged.connect(self._pairing_changed)
        self.kind.currentIndexChanged.connect(self._show_links)
        self.status.currentIndexChanged.connect(self._show_done)
        self.title.textEdited.connect(lambda: show_problem(self.title_problem, None))
        self._pairing_changed()
        self._show_done()
        self.resize(640, 680)

    # -- what depends on the pairing, the list and the status -----------------------------------------

    def _pairing_changed(self) -> None:
        """The pairing typed or picked: its items to match and its activities to link."""
        pairing = self.pairing.chosen()
        if pairing == self._shown_pairing and self.need.count():
            return
        self._shown_pairing = pairing
        show_problem(self.pairing_problem, None)
        for combo, kind, chosen in (
            (self.need, ItemKind.NEED, self._need_id),
            (self.resource, ItemKind.RESOURCE, self._resource_id),
        ):
            with QSignalBlocker(combo):
                combo.clear()
                combo.addItem(self.tr("(none)"), None)
                if isinstance(pairing, int):
                    for value, title in plan_items.pairing_items(self._ledger, pairing, kind):
                        if value != self._item_id:
                            combo.addItem(title, value)
                combo.setCurrentIndex(max(combo.findData(chosen), 0))
        self.activities.clear()
        if isinstance(pairing, int):
            for activity_id, held_on, held, theme in plan_items.pairing_activities(self._ledger, pairing):
                day = date_text(dt.date.fromisoformat(held_on))
                label = f"{day} {activity_type_label(ActivityType(held))}"
                entry = QListWidgetItem(f"{label} {theme}" if theme else label, self.activities)
                entry.setData(Qt.ItemDataRole.UserRole, activity_id)
                entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                linked = activity_id in self._linked
                entry.setCheckState(Qt.CheckState.Checked if linked else Qt.CheckState.Unchecked)
        self._show_links()

    def _show_links(self) -> None:
        project = self.kind.currentData() == ItemKind.PROJECT
        for widget in (self.need_label, self.need, self.resource_label, self.resource):
            widget.setVisible(project)

    def _show_done(self) -> None:
        done = self.status.currentData() == ItemStatus.DONE
        self.done_on.setEnabled(done)
        self.done_note.setEnabled(done)

    # -- the answer -----------------------------------------------------------------------------------

    def _ready(self) -> bool:
        pairing = show_problem(
            self.pairing_problem,
            self.tr("Choose the pairing.") if self.pairing.chosen() is None else None,
        )
        title = show_problem(
            self.title_problem, self.tr("Enter the item.") if not self.title.text().strip() else None
        )
        return check_all(self.opened, self.due, self.done_on) and pairing and title

    def draft(self) -> ItemDraft:
        kind = ItemKind(self.kind.currentData())
        status = ItemStatus(self.status.currentData())
        project = kind is ItemKind.PROJECT
        done = status is ItemStatus.DONE
        pairing = self.pairing.chosen()
        assert isinstance(pairing, int)  # the dialog accepts only a pairing chosen
        return ItemDraft(
            pairing_id=pairing,
            kind=kind,
            title=self.title.text(),
            opened_on=day_of(self.opened),
            owner=self.owner.text(),
            due_on=self.due.value(),
            status=status,
            done_on=self.done_on.value() if done else None,
            done_note=self.done_note.text() if done else None,
            need_id=self.need.currentData() if project else None,
            resource_id=self.resource.currentData() if project else None,
            note=self.note.text(),
        )

    def activity_ids(self) -> list[int]:
        """The activities ticked, in the list's order (newest first)."""
        return [
            int(entry.data(Qt.ItemDataRole.UserRole))
            for entry in (self.activities.item(row) for row in range(self.activities.count()))
            if entry is not None and entry.checkState() == Qt.CheckState.Checked
        ]


class CloseItemDialog(QDialog):
    """销号: the day an item was done, what was done, and photos that show it (made ready in the store on
    the job runner; OK waits for them)."""

    def __init__(
        self,
        ledger: Ledger,
        jobs: JobRunner,
        item: PlanItem,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("closeItemDialog")
        self.setWindowTitle(self.tr("Tick off list item"))
        self.done_on = date_field(today, self)
        self.done_on.setObjectName("closeDoneOn")
        self.note = QLineEdit(self)
        self.note.setObjectName("closeNote")
        self.note.setPlaceholderText(self.tr("e.g. 已完工验收, 已培训 40 人次"))
        self.note_problem = problem_line(self)
        self.note.textEdited.connect(lambda: show_problem(self.note_problem, None))
        self.photos = PhotoPanel(
            ledger,
            jobs,
            photo_service.item_photos(ledger, item.id),
            self,
            hint=self.tr(
                "Photos that show it done (the road finished, the training held), JPEG or PNG, or drag "
                "them here from a folder. They are kept in the folder beside the ledger."
            ),
        )
        form = QFormLayout()
        form.addRow(QLabel(f"{term_label(item.draft.kind)}：{item.draft.title}（{item.pairing}）", self))
        form.addRow(self.tr("Ticked off on"), MarkedField(self.done_on))
        form.addRow(self.tr("What was done"), self.note)
        form.addRow("", self.note_problem)
        form.addRow(self.photos)
        ok = finish_form(self, form, self._ready).button(QDialogButtonBox.StandardButton.Ok)
        self.photos.busy_changed.connect(lambda busy: ok.setEnabled(not busy))  # saved once they are ready
        self.resize(720, 620)

    def _ready(self) -> bool:
        missing = self.tr("Say what was done.") if not self.note.text().strip() else None
        note = show_problem(self.note_problem, missing)
        return check_all(self.done_on) and note

    def choice(self) -> tuple[dt.date, str, list[PhotoEntry]]:
        return day_of(self.done_on), self.note.text(), self.photos.entries()
