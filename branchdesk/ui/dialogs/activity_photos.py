"""The activity dialog's photos: add (file dialog or drag and drop, several at once), caption, reorder and
remove; missing pictures shown as such with the way to find their folder.

The pictures are made ready (normalised into the store beside the ledger) on the job runner, with progress
in the panel, so the window never waits for Pillow; the ledger itself is written only by the dialog's OK,
with the activity, as one undoable action (services/activities.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.photos import DateCheck, PhotoEntry, StoredPhoto, date_check
from branchdesk.i18n.language import format_count
from branchdesk.i18n.messages import error_text
from branchdesk.services import photos as photo_service
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.jobs.runner import JobControl, JobRunner
from branchdesk.ui.labels import moment_text
from branchdesk.ui.widgets import PROBLEM_STYLE

_NOTE_STYLE = "color: #965f00;"
_ICON = QSize(160, 120)
# Every photo in a cell of its own, with two lines for its number and caption (elided when longer).
_CELL = QSize(180, 175)
_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif")


@dataclass(frozen=True)
class _Shown:
    """A photo in the panel: what will be saved, and what is shown of it."""

    entry: PhotoEntry
    thumbnail: bytes
    taken_at: dt.datetime | None
    present: bool


class PhotoList(QListWidget):
    """Thumbnails in the photos' order; files dropped on it are added."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(_ICON)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setGridSize(_CELL)
        self.setUniformItemSizes(True)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        # A static icon view turns drops off on its viewport, where the desktop delivers them.
        self.viewport().setAcceptDrops(True)

    @staticmethod
    def _files(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
        return [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if self._files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 (Qt's name)
        if self._files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        files = self._files(event)
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(files)


class PhotoPanel(QWidget):
    """The photos of the activity being recorded or edited."""

    busy_changed = Signal(bool)
    count_changed = Signal(int)  # photos in the list

    def __init__(
        self,
        ledger: Ledger,
        jobs: JobRunner,
        photos: Sequence[StoredPhoto],
        parent: QWidget | None = None,
        *,
        hint: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("photoPanel")
        self._ledger = ledger
        self._jobs = jobs
        self._lane = jobs.lane(newest_wins=False)
        self._control: JobControl | None = None
        self._held_on: dt.date | None = None
        self._shown = [
            _Shown(photo.entry(), photo.thumbnail, photo.taken_at, photo.present) for photo in photos
        ]

        self.list = PhotoList(self)
        self.list.setObjectName("photoList")
        self.add_button = QPushButton(self.tr("&Add photos…"), self)
        self.add_button.setObjectName("addPhotos")
        self.earlier_button = QPushButton(self.tr("Move &earlier"), self)
        self.earlier_button.setObjectName("photoEarlier")
        self.later_button = QPushButton(self.tr("Move &later"), self)
        self.later_button.setObjectName("photoLater")
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setObjectName("removePhoto")
        self.caption = QLineEdit(self)
        self.caption.setObjectName("photoCaption")
        self.caption.setPlaceholderText(self.tr("What the photo shows, e.g. 党员入户走访困难群众"))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("photoProgress")
        self.cancel_button = QPushButton(self.tr("Stop"), self)
        self.cancel_button.setObjectName("stopPhotos")
        self.missing = QLabel(self)
        self.missing.setObjectName("photosMissing")
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet(_NOTE_STYLE)
        self.relink_button = QPushButton(self.tr("Find the photo &folder…"), self)
        self.relink_button.setObjectName("relinkPhotos")
        self.notes = QLabel(self)
        self.notes.setObjectName("photoNotes")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet(_NOTE_STYLE)
        self.problems = QLabel(self)
        self.problems.setObjectName("photoProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(PROBLEM_STYLE)
        about = QLabel(
            hint
            or self.tr(
                "Add 2–4 photos of the activity (JPEG or PNG), or drag them here from a folder. "
                "They are kept in the folder beside the ledger; copy it along with the ledger."
            ),
            self,
        )
        about.setWordWrap(True)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.earlier_button, self.later_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        caption_row = QHBoxLayout()
        caption_label = QLabel(self.tr("&Caption"), self)
        caption_label.setBuddy(self.caption)
        caption_row.addWidget(caption_label)
        caption_row.addWidget(self.caption, 1)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        missing_row = QHBoxLayout()
        missing_row.addWidget(self.missing, 1)
        missing_row.addWidget(self.relink_button)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        layout.addLayout(caption_row)
        layout.addLayout(progress_row)
        layout.addLayout(missing_row)
        layout.addWidget(self.notes)
        layout.addWidget(self.problems)

        self.add_button.clicked.connect(self.choose_files)
        self.earlier_button.clicked.connect(self._move_earlier)
        self.later_button.clicked.connect(self._move_later)
        self.remove_button.clicked.connect(self._remove)
        self.caption.textEdited.connect(self._set_caption)
        self.list.currentRowChanged.connect(self._on_current)
        self.list.files_dropped.connect(self.add_files)
        self.cancel_button.clicked.connect(self._stop)
        self.relink_button.clicked.connect(self.choose_folder)
        self.destroyed.connect(partial(jobs.drop, self._lane))  # not a method of self: by then it is going
        self._show_busy(False)
        self._refresh()

    # -- what the dialog saves ----------------------------------------------------------------------

    def entries(self) -> list[PhotoEntry]:
        return [shown.entry for shown in self._shown]

    @property
    def busy(self) -> bool:
        return self._control is not None

    def set_held_on(self, held_on: dt.date | None) -> None:
        """The date typed in the dialog: capture times are checked against it as the clerk types."""
        self._held_on = held_on
        self._refresh()

    # -- adding -------------------------------------------------------------------------------------

    def choose_files(self) -> None:
        dialog = QFileDialog(self, self.tr("Add photos"))
        dialog.setObjectName("photoFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilter(self.tr("Photos (*.jpg *.jpeg *.png *.heic);;All files (*)"))
        if dialog.exec() and dialog.selectedFiles():
            self.add_files([Path(name) for name in dialog.selectedFiles()])
        dialog.deleteLater()

    def add_files(self, files: list[Path]) -> None:
        """Make the files ready on the job runner; the panel shows progress and stays usable."""
        if self.busy or not files:
            return
        ledger_path = self._ledger.path
        self.problems.clear()
        self.progress.setRange(0, len(files))
        self.progress.setValue(0)

        def work(control: JobControl) -> object:
            return photo_service.prepare(ledger_path, files, control.progress)

        self._control = self._jobs.submit(
            self._lane,
            work,
            self._prepared,
            self._failed,
            cancelled=lambda: self._show_busy(False),
            progress=lambda done, total: self.progress.setValue(done),
            owner=self,
        )
        self._show_busy(True)

    def _prepared(self, result: object) -> None:
        self._show_busy(False)
        assert isinstance(result, list)
        known = {shown.entry.sha256 for shown in self._shown}
        problems = []
        for item in result:
            assert isinstance(item, photo_service.Prepared)
            if item.error is not None:
                problems.append(error_text(item.error))
            elif item.photo is not None and item.photo.sha256 in known:
                problems.append(
                    self.tr("{name} is among this activity's photos already.").format(name=item.source.name)
                )
            elif item.photo is not None:
                known.add(item.photo.sha256)
                entry = PhotoEntry(item.photo.sha256, None, None, item.photo)
                self._shown.append(_Shown(entry, item.photo.thumbnail, item.photo.taken_at, True))
        self.problems.setText("\n".join(problems))
        self._refresh(select=len(self._shown) - 1)

    def _failed(self, error: BranchDeskError) -> None:
        self._show_busy(False)
        self.problems.setText(error_text(error))

    def _stop(self) -> None:
        if self._control is not None:
            self._control.cancel()

    def _show_busy(self, busy: bool) -> None:
        if not busy:
            self._control = None
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.add_button.setEnabled(not busy)
        self.busy_changed.emit(busy)

    # -- the list -----------------------------------------------------------------------------------

    def _current(self) -> int:
        row = self.list.currentRow()
        return row if 0 <= row < len(self._shown) else -1

    def _move_earlier(self) -> None:
        self._move(-1)

    def _move_later(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        row = self._current()
        target = row + step
        if row < 0 or not 0 <= target < len(self._shown):
            return
        self._shown[row], self._shown[target] = self._shown[target], self._shown[row]
        self._refresh(select=target)

    def _remove(self) -> None:
        row = self._current()
        if row < 0:
            return
        del self._shown[row]
        self._refresh(select=min(row, len(self._shown) - 1))

    def _set_caption(self, text: str) -> None:
        row = self._current()
        if row < 0:
            return
        shown = self._shown[row]
        self._shown[row] = replace(shown, entry=replace(shown.entry, caption=text.strip() or None))
        self.list.item(row).setText(self._label(row))

    def _on_current(self, row: int) -> None:
        has = 0 <= row < len(self._shown)
        self.caption.setEnabled(has)
        self.caption.setText(self._shown[row].entry.caption or "" if has else "")
        self.remove_button.setEnabled(has)
        self.earlier_button.setEnabled(has and row > 0)
        self.later_button.setEnabled(has and row < len(self._shown) - 1)

    def _label(self, row: int) -> str:
        shown = self._shown[row]
        if shown.entry.caption:
            return self.tr("{number}. {caption}").format(number=row + 1, caption=shown.entry.caption)
        return self.tr("Photo {number}").format(number=format_count(row + 1))

    def _icon(self, shown: _Shown) -> QIcon:
        pixmap = QPixmap()
        pixmap.loadFromData(shown.thumbnail, "JPG")
        if pixmap.isNull():
            pixmap = QPixmap(_ICON)
            pixmap.fill(Qt.GlobalColor.lightGray)
        pixmap = pixmap.scaled(_ICON, Qt.AspectRatioMode.KeepAspectRatio)
        if not shown.present:
            painter = QPainter(pixmap)
            painter.fillRect(pixmap.rect(), Qt.GlobalColor.white)
            painter.setOpacity(0.35)
            original = QPixmap()
            original.loadFromData(shown.thumbnail, "JPG")
            if not original.isNull():
                painter.drawPixmap(pixmap.rect(), original)
            painter.setOpacity(1)
            painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Missing"))
            painter.end()
        # Centred in a box of the full size: the list makes every cell one item's size, so an upright
        # thumbnail must not set a width that cuts the sides off the wide ones.
        framed = QPixmap(_ICON)
        framed.fill(Qt.GlobalColor.transparent)
        painter = QPainter(framed)
        painter.drawPixmap(
            (_ICON.width() - pixmap.width()) // 2, (_ICON.height() - pixmap.height()) // 2, pixmap
        )
        painter.end()
        return QIcon(framed)

    def _refresh(self, select: int | None = None) -> None:
        row = self._current() if select is None else select
        self.list.blockSignals(True)
        self.list.clear()
        for index, shown in enumerate(self._shown):
            item = QListWidgetItem(self._icon(shown), self._label(index), self.list)
            item.setToolTip(self._tooltip(shown))
        self.list.blockSignals(False)
        self.list.setCurrentRow(row if 0 <= row < len(self._shown) else -1)
        self._on_current(self.list.currentRow())
        missing = sum(not shown.present for shown in self._shown)
        self.missing.setText(
            self.tr(
                "{count} photos are shown by their thumbnails only: their pictures are not in the photo "
                "folder beside the ledger (it was not copied with the ledger, or the photos came in a "
                "package of changes, which carries thumbnails only). Find the folder to bring them back."
            ).format(count=format_count(missing))
        )
        self.missing.setVisible(missing > 0)
        self.relink_button.setVisible(missing > 0)
        self._show_notes()
        self.count_changed.emit(len(self._shown))

    def _checks(self) -> list[DateCheck]:
        if self._held_on is None:
            return []
        held_on = self._held_on
        return [date_check(shown.taken_at, held_on) for shown in self._shown]

    def _tooltip(self, shown: _Shown) -> str:
        lines = []
        if shown.taken_at is not None:
            lines.append(self.tr("Taken {moment}").format(moment=moment_text(shown.taken_at)))
        else:
            lines.append(self.tr("No capture time in the photo"))
        if not shown.present:
            lines.append(self.tr("Missing from the photo folder"))
        return "\n".join(lines)

    def _show_notes(self) -> None:
        checks = self._checks()
        notes = []
        no_time = checks.count(DateCheck.MISSING)
        far = checks.count(DateCheck.FAR)
        if no_time:
            notes.append(
                self.tr(
                    "{count} photos have no capture time (a screenshot, or sent without “original”?)."
                ).format(count=format_count(no_time))
            )
        if far:
            notes.append(
                self.tr("{count} photos were taken more than 3 days from the activity's date.").format(
                    count=format_count(far)
                )
            )
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

    # -- re-linking ---------------------------------------------------------------------------------

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Find the photo folder"), str(self._ledger.path.parent)
        )
        if folder:
            self.relink(Path(folder))

    def relink(self, folder: Path) -> None:
        """Copy the missing pictures from ``folder`` into the store (on the job runner; the ledger is not
        written)."""
        if self.busy:
            return
        ledger_path = self._ledger.path
        self.progress.setRange(0, 0)

        def work(control: JobControl) -> object:
            with control.open(ledger_path) as ledger:
                return photo_service.relink(ledger, folder)

        self._control = self._jobs.submit(
            self._lane,
            work,
            self._relinked,
            self._failed,
            cancelled=lambda: self._show_busy(False),
            owner=self,
        )
        self._show_busy(True)

    def _relinked(self, result: object) -> None:
        self._show_busy(False)
        assert isinstance(result, tuple)
        found, missing = result
        stored = photo_service.in_store(self._ledger.path, [shown.entry.sha256 for shown in self._shown])
        self._shown = [replace(shown, present=shown.entry.sha256 in stored) for shown in self._shown]
        self.problems.setText(
            self.tr("{found} photos found; {missing} still missing.").format(
                found=format_count(found), missing=format_count(missing)
            )
        )
        self._refresh()
