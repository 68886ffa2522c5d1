"""File ▸ Receive packages: choose or drop the packages (.bdx) the offices below sent and the receipts (.bdxr)
the office above returned, check them (each file verified, then a dry run of what importing would do, shown
record by record with filters), settle the conflicts in place (keep this ledger's, take the package's, or
field by field), import as one undoable step, and save the receipts to send back. The checks, the import
and the receipts run off the UI thread, with progress and Cancel."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from branchdesk.domain.changes import Changed
from branchdesk.domain.enums import ActivityType
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.package_merge import Choice, Conflict, Outcome, RowList, RowResult, Settlement, Take
from branchdesk.domain.packages import Manifest
from branchdesk.exchange.package_files import PACKAGE_SUFFIX
from branchdesk.exchange.package_import import ImportResult, PackageResult, import_packages
from branchdesk.exchange.receipts import (
    RECEIPT_RESULTS,
    RECEIPT_SUFFIX,
    ReceiptImported,
    import_receipt,
    write_receipt,
)
from branchdesk.i18n.language import format_count
from branchdesk.i18n.messages import error_text, message_text
from branchdesk.services.history import changed
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.context import UiContext
from branchdesk.ui.dialogs.file_choice import FilePurpose
from branchdesk.ui.dialogs.wizard_page import ERROR_STYLE, MessagePage
from branchdesk.ui.edits import LedgerEdits
from branchdesk.ui.history_text import value_text
from branchdesk.ui.jobs.runner import Cancelled, JobRunner, Progress, run_with_progress
from branchdesk.ui.models.result_table import Cell, ResultTableModel
from branchdesk.ui.package_words import (
    cell_text,
    column_label,
    kind_text,
    office_name,
    outcome_name,
    reason_text,
    result_text,
    table_name,
)

_UNSETTLED = QColor("#FAD4D2")  # a conflict still to settle
_SETTLED = QColor("#D8EDD8")  # a conflict settled
_REJECTED = QColor("#ECECEC")
# Refusals a person settles by trusting a key (Tools ▸ Offices and keys).
_TRUST_CODES = ("package.wrong_key", "package.scope_owned", "receipt.unknown_key")
_FIT, _STRETCH = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
# The dry run's outcomes in the order the filters list them: what needs the clerk first.
OUTCOMES = (
    Outcome.CONFLICT,
    Outcome.REJECTED,
    Outcome.NEW,
    Outcome.UPDATED,
    Outcome.MERGED,
    Outcome.UNCHANGED,
    Outcome.APPLIED_BEFORE,
)

# What a package may bring that this ledger lacks: a package with none of it was imported before.
_NEW_HERE = frozenset(OUTCOMES) - {Outcome.APPLIED_BEFORE}


@dataclass(frozen=True)
class Received:
    """What the files did (or, checked, would do): the packages' import or dry run, its undo step (None:
    nothing changed), and the receipts taken in or checked."""

    result: ImportResult
    done: Changed | None
    receipts: list[ReceiptImported]

    def names(self, conflict: Conflict) -> dict[str, str]:
        """The labels of the records a conflict's fields refer to, where the packages hold them (looked up
        for the one conflict shown: a city's dry run names hundreds of thousands of records)."""
        rows = (conflict.before, conflict.mine, conflict.theirs)
        referred = {
            value
            for row in rows
            if row is not None
            for column, value in row.items()
            if column.endswith("_uuid") and isinstance(value, str)
        }
        found = {uuid: self.result.rows.label_of(uuid) for uuid in referred}
        return {uuid: label for uuid, label in found.items() if label}


def _record_text(row: RowResult) -> str:
    return _label_text(row.table, row.label or row.uuid)


def _label_text(table: str, label: str) -> str:
    """A record as its label names it, with the words of the window: an activity ("2022-05-10 themed_day"
    below the UI: its day, and its type's code when it has no theme or summary) by its day and type; an
    area, absentee or photo (labelled "activity · detail") with its activity so, an area by name."""
    if table == "activity":
        return _activity_text(label)
    if table not in _WITH_ACTIVITY or " · " not in label:
        return label
    activity, _, detail = label.rpartition(" · ")
    if table == "activity_area":
        detail = value_text(table, "area", detail, {})
    return f"{_activity_text(activity)} · {detail}"


_WITH_ACTIVITY = frozenset({"activity_area", "activity_absentee", "photo"})
_TYPES = frozenset(ActivityType)


def _activity_text(label: str) -> str:
    held, _, what = label.partition(" ")
    try:
        day = value_text("activity", "held_on", held, {})
    except ValueError:  # no day: the label is what the sender gave
        return label
    return f"{day} {value_text('activity', 'type', what, {}) if what in _TYPES else what}".rstrip()


def split(paths: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    """The packages and the receipts among the files chosen."""
    receipts = [path for path in paths if path.suffix.lower() == RECEIPT_SUFFIX]
    return [path for path in paths if path not in receipts], receipts


def receive(ledger: Ledger, paths: Sequence[Path], progress: Progress, settle: Settlement | None) -> Received:
    """Check (``settle`` None: a dry run) or import the packages, and check or take in the receipts, as
    ``branchdesk-cli package import`` does: every receipt checked before anything is taken in."""
    packages, receipts = split(paths)
    for path in receipts:
        import_receipt(ledger, path, dry_run=True)
    dry_run = settle is None
    result = (
        import_packages(
            ledger, packages, apply=not dry_run, settle=settle, keep_rows=dry_run, progress=progress
        )
        if packages
        else ImportResult([])
    )
    taken = [import_receipt(ledger, path, dry_run=dry_run) for path in receipts]
    done = None if result.operation_id is None else changed(ledger, result.operation_id)
    return Received(result, done, taken)


class ReceiveWizard(QWizard):
    def __init__(
        self, ledger_path: Path, context: UiContext, jobs: JobRunner, edits: LedgerEdits, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("receiveWizard")
        self.setWindowTitle(self.tr("Receive data packages"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        # Once imported nothing is left to cancel or go back to: the last page offers Finish only.
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.resize(1100, 660)
        self.ledger_path, self.context, self.jobs, self.edits = ledger_path, context, jobs, edits
        self.checked: Received | None = None
        self.applied: Received | None = None
        self.choices: dict[tuple[str, str], Choice] = {}  # each conflict settled: (table, uuid) → choice
        self.files_page = _FilesPage(self)
        self.review_page = _ReviewPage(self)
        self.done_page = _DonePage(self)
        for page in (self.files_page, self.review_page, self.done_page):
            self.addPage(page)

    def run(self, label: str, work: Callable[[Ledger, Progress], object]) -> object | None:
        """``work`` on the file behind a progress dialog, after the writes asked before it (a dry run
        writes too, inside its transaction, and rolls back); None when cancelled or refused, with the reason
        shown on the current page."""
        result = run_with_progress(self.jobs, self, label, self.ledger_path, work, read_only=False)
        if not isinstance(result, BranchDeskError | Cancelled):
            return result
        page = self.currentPage()
        if isinstance(result, Cancelled):
            text = self.tr("Cancelled: nothing was imported.")
        else:
            text = error_text(result)
            if result.code in _TRUST_CODES:  # the window's way to the decision the message asks for
                text += "\n" + self.tr(
                    "Once checked, trust the key in Tools ▸ Offices and keys ▸ Trusted keys."
                )
        if isinstance(page, _Page):
            page.show_message(text)
        return None

    def reject(self) -> None:
        """Escape or the window's × on the last page close it as Finish does: the receipts not saved yet
        are saved first. If they cannot be (the page says why), closing again closes without them."""
        done = self.done_page
        if self.currentPage() is done and not done.tried and not done.validatePage():
            return
        super().reject()

    def unsettled(self) -> int:
        checked = self.checked
        if checked is None:
            return 0
        return sum((c.table, c.uuid) not in self.choices for c in checked.result.conflicts)


class _Page(MessagePage):
    def __init__(self, wizard: ReceiveWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard


class _FilesPage(_Page):
    def __init__(self, wizard: ReceiveWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Which packages?"))
        self.setSubTitle(
            self.tr(
                "Choose the packages (.bdx) the offices below sent and the receipts (.bdxr) the office above "
                "returned, several at once, or drag them here from a folder or a USB stick. Each file is "
                "checked before anything in it is read."
            )
        )
        self.setAcceptDrops(True)
        self.message.setObjectName("receiveFilesMessage")
        self.list = QListWidget(self)
        self.list.setObjectName("receiveFiles")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.itemSelectionChanged.connect(self._enable_remove)
        self.hint = QLabel(self.tr("No package chosen yet: use Add packages… or drop the files here."), self)
        self.hint.setObjectName("receiveHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        add = QPushButton(self.tr("&Add packages…"), self)
        add.setObjectName("receiveAdd")
        add.clicked.connect(self._browse)
        self.remove = QPushButton(self.tr("&Remove"), self)
        self.remove.setObjectName("receiveRemove")
        self.remove.clicked.connect(self._remove)
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(self.remove)
        buttons.addStretch()
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        self.paths: list[Path] = []
        self._show()

    def add(self, paths: Sequence[Path]) -> None:
        self.paths += [path for path in paths if path not in self.paths]
        self._show()

    def _show(self) -> None:
        self.list.clear()
        for path in self.paths:
            self.list.addItem(f"{path.name}    {path.parent}")
        self.hint.setVisible(not self.paths)
        self._enable_remove()
        self.message.clear()
        self.completeChanged.emit()

    def _enable_remove(self) -> None:
        """Remove takes away the files selected: with none selected it would do nothing."""
        self.remove.setEnabled(bool(self.list.selectedItems()))

    def _browse(self) -> None:
        self.add(self.owner.context.choose_packages(self))

    def _remove(self) -> None:
        rows = {index.row() for index in self.list.selectedIndexes()}
        self.paths = [path for row, path in enumerate(self.paths) if row not in rows]
        self._show()

    @staticmethod
    def _dropped(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        data = event.mimeData()
        urls = data.urls() if data.hasUrls() else []
        paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
        return [path for path in paths if path.suffix.lower() in (PACKAGE_SUFFIX, RECEIPT_SUFFIX)]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._dropped(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        dropped = self._dropped(event)
        if dropped:
            self.add(dropped)
            event.acceptProposedAction()

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.paths)

    def validatePage(self) -> bool:  # noqa: N802
        owner = self.owner
        owner.choices.clear()
        paths = list(self.paths)

        def work(ledger: Ledger, progress: Progress) -> Received:
            return receive(ledger, paths, progress, None)

        checked = owner.run(self.tr("Checking the packages…"), work)
        if not isinstance(checked, Received):
            return False
        owner.checked = checked
        return True


class _ReviewPage(_Page):
    def __init__(self, wizard: ReceiveWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("What importing would do"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.message.setObjectName("receiveReviewMessage")
        self.packages = QTableWidget(0, 5, self)
        self.packages.setObjectName("receivePackages")
        self.packages.verticalHeader().hide()
        self.packages.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.packages.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.packages.horizontalHeader().setStretchLastSection(True)
        self.packages.setMaximumHeight(120)

        self.filters: dict[Outcome, QToolButton] = {}
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show:"), self))
        for outcome in OUTCOMES:
            button = QToolButton(self)
            button.setObjectName(f"receiveShow_{outcome}")
            button.setCheckable(True)
            button.setChecked(True)
            button.toggled.connect(self._filter)
            self.filters[outcome] = button
            filters.addWidget(button)
        filters.addStretch()
        self.package_filter = QComboBox(self)
        self.package_filter.setObjectName("receivePackageFilter")
        self.package_filter.currentIndexChanged.connect(self._filter)
        from_label = QLabel(self.tr("&From:"), self)
        from_label.setBuddy(self.package_filter)
        filters.addWidget(from_label)
        filters.addWidget(self.package_filter)

        self.model: ResultTableModel[RowResult] = ResultTableModel(self._cell, self, tooltips=True)
        self.view = QTableView(self)
        self.view.setObjectName("receiveRows")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.show_current_conflict())

        self.conflict = _ConflictPanel(self)
        self.conflict.hide()
        self.all_mine = QPushButton(self.tr("Keep this ledger's for &all"), self)
        self.all_mine.setObjectName("receiveAllMine")
        self.all_mine.clicked.connect(lambda: self.settle_all(Take.MINE))
        self.all_theirs = QPushButton(self.tr("Take the packages' for a&ll"), self)
        self.all_theirs.setObjectName("receiveAllTheirs")
        self.all_theirs.clicked.connect(lambda: self.settle_all(Take.THEIRS))
        self.to_settle = QLabel(self)
        self.to_settle.setObjectName("receiveToSettle")
        self.to_settle.setWordWrap(True)
        self.to_settle.setStyleSheet(ERROR_STYLE)
        bottom = QHBoxLayout()
        bottom.addWidget(self.to_settle, 1)
        bottom.addWidget(self.all_mine)
        bottom.addWidget(self.all_theirs)
        # The packages' records: with receipts alone there are none, and no table of nothing is shown.
        self.records = QWidget(self)
        records = QVBoxLayout(self.records)
        records.setContentsMargins(0, 0, 0, 0)
        records.addLayout(filters)
        records.addWidget(self.view, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.packages)
        layout.addWidget(self.records, 1)
        layout.addWidget(self.conflict)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        self._offices: dict[str, str] = {}
        self._conflicts: dict[tuple[str, str], Conflict] = {}
        self._rows = RowList()

    def headers(self) -> list[str]:
        return [
            self.tr("From office"), self.tr("Kind of record"), self.tr("Record"), self.tr("Result"),
            self.tr("Why / fields"), self.tr("Settled"),
        ]  # fmt: skip

    # -- the dry run -----------------------------------------------------------------------------------

    def initializePage(self) -> None:  # noqa: N802
        self.message.clear()
        checked = self.owner.checked
        if checked is None:
            return
        result = checked.result
        self.records.setVisible(bool(result.packages))
        self.setSubTitle(
            self.tr(
                "Nothing is imported yet. Check the records below; where a record was changed both here and "
                "in a package, choose whose version to keep. Then Import takes in all of it as one step."
            )
            if result.packages
            else self.tr(
                "Nothing is taken in yet. Import records what the office above has received of this "
                "ledger's changes, so that the next package holds only what is new."
            )
        )
        manifests = [found.package.manifest for found in result.packages]
        self._offices = {manifest.package_uuid: office_name(manifest) for manifest in manifests}
        self._conflicts = {(c.table, c.uuid): c for c in result.conflicts}
        self._rows = result.rows
        self._show_packages(result.packages, checked.receipts)
        self.package_filter.blockSignals(True)
        self.package_filter.clear()
        self.package_filter.addItem(self.tr("All packages"), None)
        for found in result.packages:
            manifest = found.package.manifest
            self.package_filter.addItem(f"{office_name(manifest)} — {found.path.name}", manifest.package_uuid)
        self.package_filter.blockSignals(False)
        for outcome, button in self.filters.items():
            count = result.counts.get(outcome, 0)
            button.setText(f"{outcome_name(outcome)} {format_count(count)}")
            button.setEnabled(count > 0)
        self._filter()
        self.view.resizeColumnsToContents()

    def _show_packages(self, packages: list[PackageResult], receipts: list[ReceiptImported]) -> None:
        self.packages.setHorizontalHeaderLabels(
            [
                self.tr("File"),
                self.tr("From office"),
                self.tr("What"),
                self.tr("Sender's key"),
                self.tr("State"),
            ]
        )
        self.packages.setRowCount(len(packages) + len(receipts))
        for row, receipt in enumerate(receipts, len(packages)):
            manifest = receipt.manifest
            state = (
                self.tr("Imported before: nothing changes")
                if receipt.already
                else self.tr("This ledger's next package starts after no. {last}").format(
                    last=receipt.receipt.to_seq
                )
            )
            self._package_row(row, receipt.path, manifest, state, refused=False)
        for row, found in enumerate(packages):
            manifest = found.package.manifest
            state = result_text(found.result)
            if found.result == "dry_run" and not self._rows.where(_NEW_HERE, manifest.package_uuid):
                state = result_text("applied_before")  # said now, not only once Import is clicked
            if found.result == "refused":
                state = message_text(
                    "package.gap",
                    path=found.path.name,
                    sender=office_name(manifest),
                    first=manifest.from_seq,
                    last=found.follows,
                )
            self._package_row(row, found.path, manifest, state, refused=found.result == "refused")
        self.packages.resizeColumnsToContents()

    def _package_row(self, row: int, path: Path, manifest: Manifest, state: str, *, refused: bool) -> None:
        texts = (path.name, office_name(manifest), kind_text(manifest), manifest.sender.fingerprint, state)
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if refused:
                item.setForeground(QColor("#B00020"))
            self.packages.setItem(row, column, item)

    def _filter(self) -> None:
        shown = {outcome for outcome, button in self.filters.items() if button.isChecked()}
        package = self.package_filter.currentData()
        self.model.show(self.headers(), self._rows.where(shown, package))
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.show_current_conflict()
        self._show_settled()

    def _cell(self, row: RowResult, column: int) -> Cell:
        if column == 0:
            return Cell(self._offices.get(row.package_uuid, ""))
        if column == 1:
            return Cell(table_name(row.table))
        if column == 2:
            return Cell(_record_text(row))
        if row.follows is not None:
            return self._follower_cell(row, row.follows, column)
        if column == 3:
            return Cell(outcome_name(row.outcome), self._colour(row))
        if column == 4:
            if row.reason is not None:
                return Cell(reason_text(row.reason))
            return Cell("、".join(column_label(row.table, name) for name in row.columns))
        if row.outcome is not Outcome.CONFLICT:
            return Cell("")
        return Cell(self.choice_text(self.owner.choices.get((row.table, row.uuid))))

    def _follower_cell(self, row: RowResult, conflict: tuple[str, str], column: int) -> Cell:
        """A row deleted here with a record whose deletion is a conflict: it comes back with that record
        when the package's version is taken, and stays deleted otherwise."""
        if column == 3:
            return Cell(self.tr("Deleted here with it"), self._colour(row))
        if column == 4:
            return Cell(
                self.tr("Comes back with {record} if the package's version is taken").format(
                    record=table_name(conflict[0])
                )
            )
        choice = self.owner.choices.get(conflict)
        if choice is None:
            return Cell(self.choice_text(choice))
        return Cell(self.tr("Comes back") if choice is Take.THEIRS else self.tr("Stays deleted"))

    def _colour(self, row: RowResult) -> QColor | None:
        if row.outcome is Outcome.REJECTED:
            return _REJECTED
        if row.outcome is Outcome.CONFLICT:
            return _SETTLED if (row.follows or (row.table, row.uuid)) in self.owner.choices else _UNSETTLED
        return None

    def choice_text(self, choice: Choice | None) -> str:
        if choice is None:
            return self.tr("To choose")
        if choice is Take.MINE:
            return self.tr("This ledger's")
        if choice is Take.THEIRS:
            return self.tr("The package's")
        return self.tr("Field by field")

    def current_row(self) -> RowResult | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def show_current_conflict(self) -> None:
        row = self.current_row()
        conflict = None if row is None else self._conflicts.get(row.follows or (row.table, row.uuid))
        checked = self.owner.checked
        if row is None or conflict is None or checked is None or row.outcome is not Outcome.CONFLICT:
            self.conflict.hide()
            return
        # Named as its row in the table names it (a row deleted with it: as the conflict's own row).
        label = row.label if row.follows is None else self._rows.label_of(conflict.uuid, conflict.table)
        record = _label_text(conflict.table, label or conflict.uuid)
        self.conflict.show_conflict(conflict, record, checked.names(conflict))
        self.conflict.show()

    # -- settling --------------------------------------------------------------------------------------

    def settle(self, conflict: Conflict, choice: Choice) -> None:
        self.owner.choices[(conflict.table, conflict.uuid)] = choice
        last = self.model.index(self.model.rowCount() - 1, self.model.columnCount() - 1)
        self.model.dataChanged.emit(self.model.index(0, 0), last)
        self._show_settled()

    def settle_all(self, take: Take) -> None:
        for key in self._conflicts:
            self.owner.choices[key] = take
        self._filter()

    def _show_settled(self) -> None:
        left = self.owner.unsettled()
        self.to_settle.setText(
            self.tr(
                "{count} records were changed both here and in a package: select each to choose whose "
                "version to keep, or choose for all of them."
            ).format(count=format_count(left))
            if left
            else ""
        )
        for button in (self.all_mine, self.all_theirs):
            button.setVisible(bool(self._conflicts))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.owner.checked is not None and self.owner.unsettled() == 0

    def validatePage(self) -> bool:  # noqa: N802
        owner = self.owner
        paths, settlement = list(owner.files_page.paths), Settlement(rows=dict(owner.choices))

        def work(ledger: Ledger, progress: Progress) -> Received:
            return receive(ledger, paths, progress, settlement)

        applied = owner.run(self.tr("Importing…"), work)
        if not isinstance(applied, Received):
            return False
        if applied.result.unsettled:  # the ledger changed since the check: a new conflict
            self.show_message(message_text("package.conflicts", count=format_count(applied.result.unsettled)))
            return False
        if applied.done is not None:
            owner.edits.record(applied.done)
        owner.applied = applied
        return True


class _ConflictPanel(QWidget):
    """One conflict: each field both sides changed — what it was, this ledger's value and the package's —
    and whose to keep; or the whole record kept as it is here or taken from the package."""

    def __init__(self, page: _ReviewPage) -> None:
        super().__init__(page)
        self.page = page
        self.conflict: Conflict | None = None
        self.title = QLabel(self)
        self.title.setObjectName("receiveConflictTitle")
        self.title.setWordWrap(True)
        self.mine = QPushButton(self.tr("&Keep this ledger's"), self)
        self.mine.setObjectName("receiveKeepMine")
        self.mine.clicked.connect(lambda: self._settle(Take.MINE))
        self.theirs = QPushButton(self.tr("&Take the package's"), self)
        self.theirs.setObjectName("receiveTakeTheirs")
        self.theirs.clicked.connect(lambda: self._settle(Take.THEIRS))
        self.fields = QTableWidget(0, 5, self)
        self.fields.setObjectName("receiveConflictFields")
        self.fields.verticalHeader().hide()
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.fields.horizontalHeader()
        for column, mode in enumerate((_FIT, _FIT, _STRETCH, _STRETCH, _FIT)):  # the values take the room
            header.setSectionResizeMode(column, mode)
        self.fields.setMaximumHeight(130)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.mine)
        top.addWidget(self.theirs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.fields)

    def show_conflict(self, conflict: Conflict, label: str, names: dict[str, str]) -> None:
        self.conflict = conflict
        table = conflict.table
        self.title.setText(
            self.tr("{kind} “{record}” was changed both here and in the package:").format(
                kind=table_name(table), record=label
            )
        )
        self.fields.setHorizontalHeaderLabels(
            [
                self.tr("Field"), self.tr("Before"), self.tr("This ledger"), self.tr("The package"),
                self.tr("Keep"),
            ]
        )  # fmt: skip
        # A deletion on either side is settled for the whole record; otherwise field by field.
        whole = conflict.mine is None or conflict.theirs is None
        choice = self.page.owner.choices.get((table, conflict.uuid))
        self.fields.setRowCount(len(conflict.columns))
        for row, column in enumerate(conflict.columns):
            texts = (
                column_label(table, column),
                cell_text(table, column, conflict.before, names) if conflict.before is not None else "",
                cell_text(table, column, conflict.mine, names),
                cell_text(table, column, conflict.theirs, names),
            )
            for position, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.fields.setItem(row, position, item)
            keep = QComboBox(self.fields)
            keep.setObjectName(f"receiveKeep_{column}")
            # Qt keeps an item's data as a plain string: the side's value, read back as a Take.
            keep.addItem(self.tr("— choose —"), "")
            keep.addItem(self.tr("This ledger's"), Take.MINE.value)
            keep.addItem(self.tr("The package's"), Take.THEIRS.value)
            taken = choice if isinstance(choice, Take) or choice is None else choice.get(column)
            keep.setCurrentIndex(max(0, keep.findData("" if taken is None else taken.value)))
            keep.setEnabled(not whole)
            keep.currentIndexChanged.connect(lambda _index: self._settle_fields())
            self.fields.setCellWidget(row, 4, keep)

    def _settle(self, take: Take) -> None:
        if self.conflict is not None:
            self.page.settle(self.conflict, take)
            self.page.show_current_conflict()

    def _settle_fields(self) -> None:
        """Once every field has a side, the record is settled field by field."""
        conflict = self.conflict
        if conflict is None:
            return
        taken: dict[str, Take] = {}
        for row, column in enumerate(conflict.columns):
            keep = self.fields.cellWidget(row, 4)
            if isinstance(keep, QComboBox) and keep.currentData():
                taken[column] = Take(keep.currentData())
        if len(taken) == len(conflict.columns):
            sides = set(taken.values())
            self.page.settle(conflict, sides.pop() if len(sides) == 1 else taken)


class _DonePage(_Page):
    def __init__(self, wizard: ReceiveWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Imported"))
        self.message.setObjectName("receiveDoneMessage")
        self.summary = QLabel(self)
        self.summary.setObjectName("receiveDone")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.receipts_about = QLabel(
            self.tr(
                "Send each office its receipt (.bdxr) with the next mail or USB stick: importing it tells "
                "its BranchDesk what arrived here, so that its next package holds only what is new."
            ),
            self,
        )
        self.receipts_about.setWordWrap(True)
        self.folder = QLineEdit(self)
        self.folder.setObjectName("receiptsFolder")
        self.folder_label = QLabel(self.tr("Save the receipts &in:"), self)
        self.folder_label.setBuddy(self.folder)
        self.browse = QPushButton(self.tr("C&hoose…"), self)
        self.browse.setObjectName("receiptsBrowse")
        self.browse.clicked.connect(self._browse)
        self.save = QPushButton(self.tr("&Save receipts"), self)
        self.save.setObjectName("receiptsSave")
        self.save.clicked.connect(self.save_receipts)
        row = QHBoxLayout()
        row.addWidget(self.folder_label)
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        row.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch()
        layout.addWidget(self.receipts_about)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.written: list[Path] = []
        self.tried = False  # saving the receipts was tried and failed: closing again closes

    def initializePage(self) -> None:  # noqa: N802
        applied = self.owner.applied
        if applied is None:
            return
        lines = self._package_lines(applied) if applied.result.packages else []
        lines += [
            self.tr("{file}: {office} has this ledger's changes up to no. {last}").format(
                file=receipt.path.name, office=office_name(receipt.manifest), last=receipt.receipt.to_seq
            )
            for receipt in applied.receipts
        ]
        self.summary.setText("\n".join(lines))
        answered = bool(self._answered())
        for widget in (self.receipts_about, self.folder_label, self.folder, self.browse, self.save):
            widget.setVisible(answered)
        self.folder.setText(str(self.owner.files_page.paths[0].parent))  # where the packages came from

    def _package_lines(self, applied: Received) -> list[str]:
        """Each package's state, the records by outcome, and whether Undo has anything to take back."""
        result = applied.result
        names = {Outcome.CONFLICT: self.tr("Conflicts settled")}  # by now they are
        lines = [
            self.tr("{file} from {office}: {state}").format(
                file=found.path.name,
                office=office_name(found.package.manifest),
                state=result_text(found.result),
            )
            for found in result.packages
        ]
        lines.append("")
        lines.append(
            self.tr(", ").join(
                f"{names.get(outcome) or outcome_name(outcome)} {format_count(result.counts[outcome])}"
                for outcome in OUTCOMES
                if result.counts.get(outcome)
            )
        )
        lines.append("")
        # A package imported before changes no record: no undo step is recorded (LedgerEdits.record), so
        # Undo would take back the action before it.
        lines.append(
            self.tr("The import is one step: Edit ▸ Undo takes all of it back.")
            if applied.done is not None and applied.done.tables
            else self.tr("Nothing new to import: the ledger is unchanged.")
        )
        return lines

    def _answered(self) -> list[PackageResult]:
        """The packages a receipt answers: those imported, imported before or refused (not those left)."""
        applied = self.owner.applied
        packages = [] if applied is None else applied.result.packages
        return [found for found in packages if found.result in RECEIPT_RESULTS]

    def _browse(self) -> None:
        chosen = self.owner.context.choose_file(self, FilePurpose.RECEIPTS, self.folder.text())
        if chosen is not None:
            self.folder.setText(str(chosen))

    def validatePage(self) -> bool:  # noqa: N802
        """Finish (the default button: Enter) saves the receipts not saved yet in the folder shown, so that
        none is lost by closing; a folder that cannot take them keeps the page open with the reason."""
        if self.written or not self._answered():
            return True
        self.save_receipts()
        return bool(self.written)

    def save_receipts(self) -> None:
        self.tried = True  # until they are written
        if not self.folder.text().strip():  # not the program's own folder, unseen
            self.message.setStyleSheet(ERROR_STYLE)
            self.show_message(self.tr("Choose the folder to save the receipts in."))
            return
        folder, answered = Path(self.folder.text().strip()), self._answered()
        data_dir = self.owner.context.data_dir

        def work(ledger: Ledger, progress: Progress) -> list[Path]:
            return [write_receipt(ledger, folder, f.package, f.result, data_dir) for f in answered]

        written = self.owner.run(self.tr("Writing the receipts…"), work)
        if not isinstance(written, list):
            return
        self.written = written
        self.message.setStyleSheet("")
        self.show_message(
            self.tr("{count} receipts saved in {folder}: {files}").format(
                count=format_count(len(written)), folder=folder, files="、".join(p.name for p in written)
            )
        )
