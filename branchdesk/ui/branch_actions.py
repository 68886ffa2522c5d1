"""What a user can do to branches from the Branches tab: add, edit, bulk edit, archive, delete, copy, paste,
history. Each runs through ``LedgerEdits`` so it is one undo step, saved at once. The dialogs other than the
branch's own are loaded when first opened, not with the window."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from branchdesk.domain.branch_rules import BranchDraft
from branchdesk.domain.changes import Changed
from branchdesk.domain.errors import BranchDeskError, FieldProblem
from branchdesk.domain.listing import BranchColumn, BranchRow
from branchdesk.domain.stars import StarRating
from branchdesk.domain.vocabulary import branch_column
from branchdesk.i18n.language import format_count
from branchdesk.i18n.messages import error_text, message_text
from branchdesk.services import branches, regions, stars
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs import exec_and_delete, exec_until_saved
from branchdesk.ui.dialogs.branch import BranchChoices, BranchDialog
from branchdesk.ui.edits import LedgerEdits
from branchdesk.ui.jobs.runner import JobRunner
from branchdesk.ui.models.branches import COLUMNS, cell_text

translate = QCoreApplication.translate


def branch_choices(ledger: Ledger) -> BranchChoices:
    return BranchChoices(
        regions=regions.list_regions(ledger),
        units=branches.units(ledger),
        communities=branches.communities(ledger),
    )


def rows_as_text(rows: list[BranchRow], header: list[str]) -> str:
    """Tab-separated, with a header line: what Excel and WPS paste as cells."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell_text(row, column) for column in COLUMNS])
    return buffer.getvalue()


def rows_from_text(text: str) -> list[dict[BranchColumn, str]]:
    """Cells copied from a sheet, by column: by its header line if it has one, else in this table's order."""
    lines = [
        line for line in csv.reader(io.StringIO(text), delimiter="\t") if any(cell.strip() for cell in line)
    ]
    if not lines:
        return []
    headed = [branch_column(cell) for cell in lines[0]]
    if BranchColumn.NAME in headed:
        columns: list[BranchColumn | None] = headed
        lines = lines[1:]
    else:
        columns = list(COLUMNS)
    return [
        {column: cell for column, cell in zip(columns, line, strict=False) if column is not None}
        for line in lines
    ]


class BranchActions(QObject):
    """The Branches tab's commands; ``selected`` and ``region`` ask the tab what the user has chosen."""

    def __init__(
        self,
        edits: LedgerEdits,
        jobs: JobRunner,
        selected: Callable[[], list[BranchRow]],
        region: Callable[[], int | None],
        headers: Callable[[], list[str]],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._edits = edits
        self._jobs = jobs
        self._clock = jobs.clock
        self._selected = selected
        self._region = region
        self._headers = headers
        self._parent = parent

        # Set by the window: the Branches tab brought to the front, so that a command chosen from the menu
        # or by its key on another tab shows what it acts on.
        self.to_front: Callable[[], object] = lambda: None

        def action(
            name: str,
            slot: Callable[[], object],
            *keys: QKeySequence | QKeySequence.StandardKey,
            window_wide: bool = False,
        ) -> QAction:
            created = QAction(parent)
            created.setObjectName(name)
            if keys:
                created.setShortcuts([QKeySequence(key) for key in keys])
            # The Branches menu's own keys (Ctrl+…) work anywhere in the window, as the menu shows them
            # (but for a tab on show with its own command on the key: WindowMenus.follow_tab). The keys
            # every tab uses for its rows (Delete, Ctrl+C, Ctrl+V, Insert) act only while it has focus.
            created.setShortcutContext(
                Qt.ShortcutContext.WindowShortcut
                if window_wide
                else Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            created.triggered.connect(lambda _checked=False: (self.to_front(), slot()))
            parent.addAction(created)
            return created

        self.add = action("addBranch", self.add_branch, QKeySequence("Ctrl+Shift+N"), window_wide=True)
        # Insert, as in a sheet: a row added where the rows are (the same command, on the tab's focus only).
        self.insert = action("insertBranch", self.add_branch, QKeySequence("Insert"))
        self.edit = action("editBranch", self.edit_branch, QKeySequence("Ctrl+E"), window_wide=True)
        self.bulk = action("bulkEdit", self.bulk_edit, QKeySequence("Ctrl+B"), window_wide=True)
        self.archive = action("archiveBranch", self.archive_branches)
        self.restore = action("restoreBranch", self.restore_branches)
        self.delete = action("deleteBranch", self.delete_branches, QKeySequence.StandardKey.Delete)
        self.history = action("branchHistory", self.show_history, QKeySequence("Ctrl+H"), window_wide=True)
        self.copy = action("copyBranches", self.copy_rows, QKeySequence.StandardKey.Copy)
        self.paste = action("pasteBranches", self.paste_rows, QKeySequence.StandardKey.Paste)
        self.new_unit = action("newUnit", self.add_unit)
        self.retranslate()

    def all(self) -> list[QAction]:
        return [
            self.add, self.edit, self.bulk, self.archive, self.restore, self.delete,
            self.history, self.copy, self.paste, self.new_unit,
        ]  # fmt: skip

    def retranslate(self) -> None:
        self.add.setText(self.tr("&New branch…"))
        self.edit.setText(self.tr("&Edit branch…"))
        self.bulk.setText(self.tr("&Bulk edit…"))
        self.archive.setText(self.tr("&Archive…"))
        self.restore.setText(self.tr("Re&store from archive"))
        self.delete.setText(self.tr("&Delete"))
        self.history.setText(self.tr("&History…"))
        self.copy.setText(self.tr("&Copy rows"))
        self.paste.setText(self.tr("&Paste rows"))
        self.new_unit.setText(self.tr("New &unit…"))
        self.update_enabled()

    def update_enabled(self) -> None:
        writable = self._edits.writable
        selected = self._selected()
        active = [row for row in selected if row.archived_on is None]
        archived = [row for row in selected if row.archived_on is not None]
        self.add.setEnabled(writable)
        self.insert.setEnabled(writable)
        self.new_unit.setEnabled(writable)
        self.paste.setEnabled(writable)
        self.edit.setEnabled(writable and len(selected) == 1)
        self.bulk.setEnabled(writable and bool(active))
        self.archive.setEnabled(writable and bool(active))
        self.restore.setEnabled(writable and bool(archived))
        self.delete.setEnabled(writable and bool(selected))
        self.history.setEnabled(self._edits.ledger is not None and len(selected) == 1)
        self.copy.setEnabled(bool(selected))

    # -- one branch ----------------------------------------------------------------------------------

    def _ledger(self) -> Ledger | None:
        return self._edits.ledger

    def _checker(self, ledger: Ledger, branch_id: int | None) -> Callable[[BranchDraft], list[FieldProblem]]:
        return lambda draft: branches.problems_of(ledger, draft, branch_id)

    def _new_unit_for_dialog(self, dialog: QWidget, region_id: int | None) -> int | None:
        done = self._create_unit(dialog, region_id)
        ledger = self._ledger()
        if done is None or ledger is None or not isinstance(dialog, BranchDialog):
            return None
        unit = max(branches.units(ledger), key=lambda candidate: candidate.id)
        dialog.add_unit_choice(unit)
        return unit.id

    def _create_unit(self, parent: QWidget, region_id: int | None) -> Changed | None:
        from branchdesk.ui.dialogs.unit import UnitDialog

        ledger = self._ledger()
        if ledger is None:
            return None
        dialog = UnitDialog(regions.list_regions(ledger), region_id, parent)
        chosen = dialog.chosen() if dialog.exec() else None
        if chosen is None:
            return None
        name, level, region = chosen
        return self._edits.run(lambda led: branches.add_unit(led, name, level, region), parent)

    def add_unit(self) -> None:
        self._create_unit(self._parent, self._region())

    def add_branch(self) -> None:
        ledger = self._ledger()
        if ledger is None or not self._edits.writable:
            return
        dialog = BranchDialog(
            branch_choices(ledger),
            self._checker(ledger, None),
            None,
            self._parent,
            self._new_unit_for_dialog,
            today=ledger.clock.today(),
        )
        dialog.preset_region(self._region())
        exec_until_saved(
            dialog,
            lambda: self._save_draft(
                dialog, lambda led, draft: branches.add_branch(led, draft, dialog.ratings())
            ),
        )

    def edit_branch(self) -> None:
        ledger = self._ledger()
        selected = self._selected()
        if ledger is None or len(selected) != 1 or not self._edits.writable:
            return
        branch_id = selected[0].id
        shown, rated = branches.draft_of(ledger, branch_id), stars.ratings(ledger, branch_id)
        dialog = BranchDialog(
            branch_choices(ledger),
            self._checker(ledger, branch_id),
            shown,
            self._parent,
            self._new_unit_for_dialog,
            today=ledger.clock.today(),
            ratings=rated,
        )

        def facts(ratings: Sequence[StarRating]) -> set[tuple[int, int, dt.date]]:
            return {(rating.year, rating.stars, rating.rated_on) for rating in ratings}  # in any order

        def save() -> bool:
            if dialog.draft() == shown and facts(dialog.ratings()) == facts(rated):
                return True  # looked at, OK pressed: no empty step in the file and in Edit ▸ Undo
            return self._save_draft(
                dialog, lambda led, draft: branches.edit_branch(led, branch_id, draft, dialog.ratings())
            )

        exec_until_saved(dialog, save)

    def _save_draft(self, dialog: BranchDialog, write: Callable[[Ledger, BranchDraft], Changed]) -> bool:
        draft = dialog.draft()
        return draft is None or self._edits.run(lambda led: write(led, draft), self._parent) is not None

    def write_cell(self, branch_id: int, column: BranchColumn, value: Any) -> bool:
        return (
            self._edits.run(
                lambda led: branches.set_branch_field(led, branch_id, column, value), self._parent
            )
            is not None
        )

    def show_history(self) -> None:
        from branchdesk.services.history import record_actions
        from branchdesk.ui.dialogs.history import HistoryDialog, read_history

        ledger = self._ledger()
        selected = self._selected()
        if ledger is None or len(selected) != 1:
            return
        uuid = selected[0].uuid
        title = self.tr("History of {name}").format(name=selected[0].name)
        read = read_history(lambda reader: record_actions(reader, uuid))
        exec_and_delete(HistoryDialog(title, self._jobs, ledger.path, read, self._parent))

    # -- many branches -------------------------------------------------------------------------------

    def bulk_edit(self) -> None:
        from branchdesk.ui.dialogs.bulk_edit import BulkEditDialog

        ledger = self._ledger()
        active = [row.id for row in self._selected() if row.archived_on is None]
        if ledger is None or not active:
            return
        dialog = BulkEditDialog(len(active), regions.list_regions(ledger), self._parent)
        if dialog.exec():
            edit = dialog.edit()
            self._edits.run(lambda led: branches.bulk_edit(led, active, edit), self._parent)

    def archive_branches(self) -> None:
        from branchdesk.ui.dialogs.date_choice import DateDialog

        active = [row for row in self._selected() if row.archived_on is None]
        if not active:
            return
        dialog = DateDialog(
            self.tr("Archive branches"),
            self.tr(
                "Archive {count} branches (merged or abolished). Archived branches keep their history and "
                "leave the counts from this date."
            ).format(count=format_count(len(active))),
            self._clock.today(),
            self._parent,
        )
        day = dialog.day() if dialog.exec() else None
        if day is not None:
            ids = [row.id for row in active]
            self._edits.run(lambda led: branches.archive_branches(led, ids, day), self._parent)

    def restore_branches(self) -> None:
        ids = [row.id for row in self._selected() if row.archived_on is not None]
        if ids:
            self._edits.run(lambda led: branches.restore_branches(led, ids), self._parent)

    def delete_branches(self) -> None:
        selected = self._selected()
        if not selected:
            return
        answer = QMessageBox.question(
            self._parent,
            self.tr("Delete branches"),
            self.tr("Delete {count} branches? Ctrl+Z brings them back.").format(
                count=format_count(len(selected))
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            ids = [row.id for row in selected]
            self._edits.run(lambda led: branches.delete_branches(led, ids), self._parent)

    def copy_rows(self) -> None:
        selected = self._selected()
        if selected:
            QApplication.clipboard().setText(rows_as_text(selected, self._headers()))

    def paste_rows(self) -> None:
        from branchdesk.ui.dialogs.rejected_rows import RejectedRowsDialog

        ledger = self._ledger()
        if ledger is None or not self._edits.writable:
            return
        rows = rows_from_text(QApplication.clipboard().text())
        if not rows:  # said, not nothing at all: the clerk may not have copied yet
            QMessageBox.information(
                self._parent,
                self.tr("Paste rows"),
                self.tr(
                    "The clipboard holds no rows. Copy whole rows in Excel or WPS first, then paste here."
                ),
            )
            return
        try:
            with self._edits.writing():
                result = branches.paste_branches(ledger, rows)
        except BranchDeskError as error:
            QMessageBox.warning(self._parent, self.tr("Paste rows"), error_text(error))
            return
        if result.done is not None:
            self._edits.record(result.done)
        if result.rejected:
            summary = self.tr("{added} rows added; {rejected} rows were not added:").format(
                added=format_count(result.added), rejected=format_count(len({r.row for r in result.rejected}))
            )
            lines = [
                (
                    rejected.row,
                    self._headers()[COLUMNS.index(rejected.column)] if rejected.column is not None else "",
                    message_text(rejected.problem.code, **rejected.problem.params),
                )
                for rejected in result.rejected
            ]
            RejectedRowsDialog(summary, lines, self._parent).exec()
