"""Key tasks per half-year (the "N" of 1+N): add, rename, retire; start a half-year from the last list."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.activities import KeyTask
from branchdesk.domain.changes import Changed
from branchdesk.domain.months import HalfYear
from branchdesk.i18n.language import format_half_year
from branchdesk.services import key_tasks as key_task_service
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.edits import LedgerEdits


class KeyTasksDialog(QDialog):
    def __init__(self, ledger: Ledger, edits: LedgerEdits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyTasksDialog")
        self.setWindowTitle(self.tr("Key tasks"))
        self._ledger = ledger
        self._edits = edits
        self._tasks: list[KeyTask] = []
        self.half_year = QComboBox(self)
        self.half_year.setObjectName("halfYear")
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyKeyTasks")
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("keyTaskTable")
        self.table.setHorizontalHeaderLabels([self.tr("Key task"), self.tr("Note"), self.tr("Status")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.name = QLineEdit(self)
        self.name.setObjectName("keyTaskName")
        self.name.setPlaceholderText(self.tr("e.g. 疫情防控"))
        self.note = QLineEdit(self)
        self.note.setObjectName("keyTaskNote")
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setObjectName("addKeyTask")
        self.save_button = QPushButton(self.tr("Save changes"), self)
        self.save_button.setObjectName("saveKeyTask")
        self.retire_button = QPushButton(self)
        self.retire_button.setObjectName("retireKeyTask")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        # Enter in the task's fields adds it (saves the selected one); no button is the default, which
        # Enter clicked instead (Copy the last list, leaving the task typed unsaved).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.name.returnPressed.connect(self._enter)
        self.note.returnPressed.connect(self._enter)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Half-year"), self))
        top.addWidget(self.half_year)
        top.addStretch()
        top.addWidget(self.copy_button)
        entry = QHBoxLayout()
        entry.addWidget(self.name, 2)
        entry.addWidget(self.note, 2)
        entry.addWidget(self.add_button)
        entry.addWidget(self.save_button)
        entry.addWidget(self.retire_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(entry)
        layout.addWidget(buttons)
        self.resize(720, 460)

        self.half_year.currentIndexChanged.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)
        self.retire_button.clicked.connect(self.retire)
        self.copy_button.clicked.connect(self.copy_last)
        edits.changed.connect(self._on_changed)
        self._fill_half_years(HalfYear.of(ledger.clock.today()))

    def _fill_half_years(self, select: HalfYear) -> None:
        current = HalfYear.of(self._ledger.clock.today())
        choices = sorted({*key_task_service.half_years(self._ledger), current, current.next(), select})
        with QSignalBlocker(self.half_year):
            self.half_year.clear()
            for half_year in choices:
                self.half_year.addItem(format_half_year(half_year), str(half_year))
            self.half_year.setCurrentIndex(self.half_year.findData(str(select)))
        self.refresh()

    def chosen_half_year(self) -> HalfYear:
        return HalfYear.parse(self.half_year.currentData())

    def _previous_with_tasks(self) -> HalfYear | None:
        """The last half-year before the chosen one that has tasks: the list a new half-year starts from."""
        chosen = self.chosen_half_year()
        earlier = [h for h in key_task_service.half_years(self._ledger) if h < chosen]
        return earlier[-1] if earlier else None

    def refresh(self) -> None:
        self._tasks = key_task_service.key_tasks(self._ledger, self.chosen_half_year())
        self.table.setRowCount(len(self._tasks))
        for row, task in enumerate(self._tasks):
            status = self.tr("Retired") if task.retired else self.tr("In use")
            for column, text in enumerate((task.name, task.note or "", status)):
                item = QTableWidgetItem(text)
                if task.retired:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, column, item)
        previous = self._previous_with_tasks()
        self.copy_button.setEnabled(previous is not None)
        self.copy_button.setText(
            self.tr("Copy the list of {half_year}").format(half_year=format_half_year(previous))
            if previous is not None
            else self.tr("Copy the last list")
        )
        self._on_selection()

    def selected(self) -> KeyTask | None:
        rows = self.table.selectionModel().selectedRows()
        return self._tasks[rows[0].row()] if rows else None

    def _on_selection(self) -> None:
        task = self.selected()
        self.save_button.setEnabled(task is not None)
        self.retire_button.setEnabled(task is not None)
        self.retire_button.setText(self.tr("Put back in use") if task and task.retired else self.tr("Retire"))
        if task is not None:
            self.name.setText(task.name)
            self.note.setText(task.note or "")

    def _enter(self) -> None:
        if self.selected() is None:
            self.add()
        else:
            self.save()

    def add(self) -> None:
        half_year, name, note = self.chosen_half_year(), self.name.text(), self.note.text().strip()
        if self._edits.run(lambda ledger: key_task_service.add_key_task(ledger, half_year, name, note), self):
            self.name.clear()
            self.note.clear()

    def save(self) -> None:
        task = self.selected()
        if task is not None:
            name, note = self.name.text(), self.note.text().strip()
            self._edits.run(lambda ledger: key_task_service.edit_key_task(ledger, task.id, name, note), self)

    def retire(self) -> None:
        task = self.selected()
        if task is not None:
            retired = not task.retired
            self._edits.run(lambda ledger: key_task_service.retire_key_task(ledger, task.id, retired), self)

    def copy_last(self) -> None:
        source, target = self._previous_with_tasks(), self.chosen_half_year()
        if source is not None:
            self._edits.run(lambda ledger: key_task_service.copy_key_tasks(ledger, source, target), self)

    def _on_changed(self, changed: Changed) -> None:
        if changed.touches("key_task"):
            self._fill_half_years(self.chosen_half_year())
