"""File ▸ Send package: what to send — the changes for the office above (the usual monthly report), every
record, or a seed for an office below — and where to save it; the package is written off the UI thread,
then the dialog says what was written and the key fingerprint to read out to the receiver on the phone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.packages import CHANGES, MEDIA
from branchdesk.domain.records import Region
from branchdesk.exchange.package_export import Exported, export_package
from branchdesk.exchange.package_files import PACKAGE_SUFFIX
from branchdesk.i18n.language import format_count
from branchdesk.i18n.messages import error_text
from branchdesk.services.package_outbox import Outbox, outbox
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.context import UiContext
from branchdesk.ui.dialogs.file_choice import FilePurpose
from branchdesk.ui.dialogs.wizard_page import ERROR_STYLE
from branchdesk.ui.jobs.runner import Cancelled, JobRunner, Progress, Reads, run_with_progress
from branchdesk.ui.labels import moment_text
from branchdesk.ui.package_words import counts_text

_NOTHING_STYLE = "color: #8A5A00; font-weight: bold;"  # amber: not an error, but nothing to send


class SendPackageDialog(QDialog):
    def __init__(
        self,
        ledger_path: Path,
        context: UiContext,
        jobs: JobRunner,
        parent: QWidget,
        region_id: int | None = None,
    ) -> None:
        """``region_id``: the region chosen in the tree, the one a seed is offered for first."""
        super().__init__(parent)
        self.setObjectName("sendPackageDialog")
        self._tree_region = region_id
        self.setWindowTitle(self.tr("Send a data package"))
        self.ledger_path, self.context, self.jobs = ledger_path, context, jobs
        self.outbox: Outbox | None = None
        self.written: Exported | None = None
        self._path_typed = False  # once the user typed or chose a file, a change of kind keeps it

        self.office = QLabel(self.tr("Reading the ledger…"), self)
        self.office.setObjectName("sendOffice")
        self.delta = QRadioButton(self.tr("&Changes for the office above"), self)
        self.delta.setObjectName("sendDelta")
        self.delta_state = QLabel(self)
        self.delta_state.setObjectName("sendDeltaState")
        self.delta_state.setWordWrap(True)
        self.delta_state.setIndent(24)
        self.full = QRadioButton(self.tr("&Every record (a full package)"), self)
        self.full.setObjectName("sendFull")
        full_about = QLabel(
            self.tr("For the office above to build its copy again, or after a BranchDesk upgrade."), self
        )
        full_about.setWordWrap(True)
        full_about.setIndent(24)
        self.seed = QRadioButton(self.tr("A &seed for an office below, to make its ledger:"), self)
        self.seed.setObjectName("sendSeed")
        self.region = QComboBox(self)
        self.region.setObjectName("sendRegion")
        self.region.setMinimumContentsLength(24)
        self.kinds = QButtonGroup(self)
        for button in (self.delta, self.full, self.seed):
            self.kinds.addButton(button)
        self.delta.setChecked(True)
        self.kinds.buttonToggled.connect(self._kind_changed)
        self.region.currentIndexChanged.connect(self._kind_changed)
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed)
        seed_row.addWidget(self.region, 1)
        what = QGroupBox(self.tr("What to send"), self)
        what_layout = QVBoxLayout(what)
        what_layout.addWidget(self.delta)
        what_layout.addWidget(self.delta_state)
        what_layout.addWidget(self.full)
        what_layout.addWidget(full_about)
        what_layout.addLayout(seed_row)

        self.path = QLineEdit(self)
        self.path.setObjectName("sendPath")
        self.path.textEdited.connect(self._typed)
        self.path.textChanged.connect(self._update_enabled)
        browse = QPushButton(self.tr("C&hoose…"), self)
        browse.setObjectName("sendBrowse")
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        where = QFormLayout()
        self.path_label = QLabel(self.tr("Save &as:"), self)
        self.path_label.setBuddy(self.path)
        where.addRow(self.path_label, path_row)
        self.message = QLabel(self)
        self.message.setObjectName("sendMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        choose = QWidget(self)
        choose_layout = QVBoxLayout(choose)
        choose_layout.setContentsMargins(0, 0, 0, 0)
        choose_layout.addWidget(self.office)
        choose_layout.addWidget(what)
        choose_layout.addLayout(where)
        choose_layout.addWidget(self.message)
        choose_layout.addStretch()

        heading = QLabel(self.tr("The package is written."), self)
        heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.summary = QLabel(self)
        self.summary.setObjectName("sendSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint = QLabel(self)
        self.fingerprint.setObjectName("sendFingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setStyleSheet("font-size: 18pt; font-weight: bold; letter-spacing: 2px;")
        self.fingerprint_about = QLabel(self)
        self.fingerprint_about.setWordWrap(True)
        done = QWidget(self)
        done_layout = QVBoxLayout(done)
        done_layout.setContentsMargins(0, 0, 0, 0)
        done_layout.addWidget(heading)
        done_layout.addWidget(self.summary)
        done_layout.addSpacing(12)
        done_layout.addWidget(self.fingerprint_about)
        done_layout.addWidget(self.fingerprint)
        done_layout.addStretch()

        self.pages = QStackedWidget(self)
        self.pages.addWidget(choose)
        self.pages.addWidget(done)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.write_button = QPushButton(self.tr("&Write package"), self)
        self.write_button.setObjectName("sendWrite")
        self.write_button.setDefault(True)
        self.write_button.clicked.connect(self.write)
        self.buttons.addButton(self.write_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 460)

        self._update_enabled()
        self._reads = Reads(jobs, self)
        self._reads.ready.connect(lambda _key, found: self._show_outbox(found))
        self._reads.failed.connect(lambda _key, error: self._show_error(error))
        self._reads.request(ledger_path, "outbox", outbox)

    # -- what to send ----------------------------------------------------------------------------------

    def _show_outbox(self, found: Outbox) -> None:
        self.outbox = found
        office = found.office
        self.office.setText(
            self.tr("This ledger keeps the records of {office}.").format(
                office=office.path if office is not None else self.tr("(no region yet)")
            )
        )
        above = found.above.name if found.above is not None else self.tr("the office above")
        self.delta.setText(
            self.tr("&Changes for the office above ({office})").format(office=above)
            if found.above is not None
            else self.tr("&Changes for the office above")  # not "the office above (the office above)"
        )
        if found.nothing_new and not found.entered:
            self.delta_state.setText(
                self.tr(
                    "Nothing to send yet: no branch, pairing or activity has been entered in this ledger."
                )
            )
            self.delta_state.setStyleSheet(_NOTHING_STYLE)
        elif found.nothing_new:
            self.delta_state.setText(
                self.tr(
                    "Nothing new: no record has changed since the last change {office} acknowledged. There "
                    "is nothing to send; choose a full package to send every record again."
                ).format(office=above)
            )
            self.delta_state.setStyleSheet(_NOTHING_STYLE)
        else:
            text = self.tr(
                "{count} changes of records to send (no. {first} to {last} of this ledger's changes)."
            ).format(first=found.first, last=found.last, count=format_count(found.pending))
            if found.first > 1:
                text += " " + self.tr("The office above has acknowledged those before no. {first}.").format(
                    first=found.first
                )
            else:
                text += " " + self.tr("No receipt yet: the package holds every change from the first.")
            if found.last_sent_at is not None:
                text += " " + self.tr("Last package written {when}.").format(
                    when=moment_text(dt.datetime.fromisoformat(found.last_sent_at))
                )
            self.delta_state.setText(text)
            self.delta_state.setStyleSheet("")
        self.region.blockSignals(True)
        self.region.clear()
        for region in found.below:
            if region is not office:
                self.region.addItem(region.path, region.id)
        self.region.setCurrentIndex(max(0, self.region.findData(self._tree_region)))
        self.region.blockSignals(False)
        self.seed.setEnabled(self.region.count() > 0)
        if found.nothing_new and self.delta.isChecked():
            self.full.setFocus()
        self._kind_changed()

    def chosen_region(self) -> Region | None:
        if not self.seed.isChecked() or self.outbox is None:
            return None
        region_id = self.region.currentData()
        return next((region for region in self.outbox.below if region.id == region_id), None)

    def suggested_name(self) -> str:
        """The office's name, what the package is and the day: 城关镇 改动数据包 2022-05-19.bdx."""
        found = self.outbox
        region = self.chosen_region()
        office = region if region is not None else found.office if found is not None else None
        name = office.name if office is not None else self.ledger_path.stem
        day = self.context.clock.today().isoformat()
        if region is not None:
            text = self.tr("{office} seed package {day}")
        elif self.full.isChecked():
            text = self.tr("{office} full package {day}")
        else:
            text = self.tr("{office} changes {day}")
        return text.format(office=name, day=day) + PACKAGE_SUFFIX

    def _kind_changed(self) -> None:
        self.region.setEnabled(self.seed.isChecked())
        if not self._path_typed and self.outbox is not None:
            folder = Path(self.path.text()).parent if self.path.text() else self.context.documents_dir
            self.path.setText(str(folder / self.suggested_name()))
        self.message.clear()
        self._update_enabled()

    def _typed(self) -> None:
        self._path_typed = True

    def _browse(self) -> None:
        chosen = self.context.choose_file(
            self, FilePurpose.PACKAGE, self.path.text() or self.suggested_name()
        )
        if chosen is not None:
            self._path_typed = True
            self.path.setText(str(chosen))

    def _update_enabled(self) -> None:
        found = self.outbox
        ready = found is not None and bool(self.path.text().strip())
        if found is not None and self.delta.isChecked() and found.nothing_new:
            ready = False
        if self.seed.isChecked() and self.chosen_region() is None:
            ready = False
        self.write_button.setEnabled(ready and self.pages.currentIndex() == 0)

    def _show_error(self, error: BranchDeskError) -> None:
        self.message.setText(error_text(error))

    # -- writing -------------------------------------------------------------------------------------

    def chosen_path(self) -> Path:
        path = Path(self.path.text().strip())
        return path if path.suffix.lower() == PACKAGE_SUFFIX else path.with_name(path.name + PACKAGE_SUFFIX)

    def write(self) -> None:
        if not self.write_button.isEnabled():
            return
        path, full, seed = self.chosen_path(), self.full.isChecked(), self.chosen_region()
        data_dir = self.context.data_dir
        if not path.parent.is_dir():
            self.message.setText(self.tr("The folder {folder} does not exist.").format(folder=path.parent))
            return

        def work(ledger: Ledger, progress: Progress) -> Exported:
            progress(0, 0)
            return export_package(ledger, path, full=full, data_dir=data_dir, seed=seed)

        # The package log records what was sent, so the job writes: after the writes asked before it.
        result = run_with_progress(
            self.jobs, self, self.tr("Writing the package…"), self.ledger_path, work, read_only=False
        )
        if isinstance(result, Exported):
            self.show_written(result)
        elif isinstance(result, BranchDeskError):
            self._show_error(result)
        elif isinstance(result, Cancelled):
            self.message.setText(self.tr("Cancelled: no package was written."))

    def _pictures_text(self, package: Exported) -> list[str]:
        """What a seed or full package carries of its photos (none: no line)."""
        carried, missing = len(package.manifest.pictures), package.pictures_missing
        if not carried and not missing:
            return []
        text = self.tr("Photos: {carried} pictures carried.").format(carried=format_count(carried))
        if missing:
            text += self.tr(
                " {missing} are not in this ledger's photo folder and go as thumbnails only."
            ).format(missing=format_count(missing))
        return [text]

    def show_written(self, package: Exported) -> None:
        self.written = package
        manifest = package.manifest
        # Records (a delta: its changes), not the thumbnails and pictures that come with their photos.
        lines = (
            sum(count for table, count in manifest.counts.items() if table != MEDIA)
            if CHANGES not in manifest.members
            else manifest.members[CHANGES].lines
        )
        if manifest.seed_scope is not None:
            what = self.tr("A seed package of {region}: {count} records.").format(
                region=manifest.seed_scope.path, count=format_count(lines)
            ) + self.tr(
                " {office} makes its ledger from it in its BranchDesk: File ▸ New ledger from a package…"
            ).format(office=manifest.seed_scope.path.rpartition("/")[2])
        elif manifest.from_seq is None:
            what = self.tr("A full package: every record, {count} lines.").format(count=format_count(lines))
        else:
            what = self.tr(
                "{count} changes of records (no. {first} to {last} of this ledger's changes)."
            ).format(first=manifest.from_seq, last=manifest.to_seq, count=format_count(lines))
        details = counts_text(manifest.counts)
        size = format_count(max(1, round(package.size / 1024)))
        self.summary.setText(
            "\n".join(
                [
                    self.tr("File: {name} ({size} KB)").format(name=package.path.name, size=size),
                    self.tr("Folder: {folder}").format(folder=package.path.parent),
                    self.tr("Contents: {what}").format(what=what),
                    *([details] if details else []),
                    *self._pictures_text(package),
                ]
            )
        )
        self.fingerprint_about.setText(
            self.tr(
                "Signed with this ledger's key. When you hand the package over, read this fingerprint out "
                "to the receiver on the phone: their BranchDesk shows the same one for a package really "
                "from you."
            )
        )
        self.fingerprint.setText(manifest.sender.fingerprint)
        self.pages.setCurrentIndex(1)
        self.write_button.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()
