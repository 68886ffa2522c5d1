"""Pairing ▸ Draw…: choose a county, see its candidates by tier and what the draw will do, print the
candidate list with its hash (to be signed before the seed is drawn), enter or generate a seed, preview
(every seed previewed is kept and printed on the record), swap pairs by hand, and commit as one undoable
action."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
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

from branchdesk.domain.clock import Clock
from branchdesk.domain.draw import GRASSROOTS_TIER_ORDER, ORGAN_TIER_ORDER, os_seed
from branchdesk.domain.enums import Tier
from branchdesk.domain.errors import BranchDeskError
from branchdesk.i18n.language import format_count
from branchdesk.i18n.messages import error_text
from branchdesk.services import draws
from branchdesk.services.draws import DrawCandidates, DrawPreview
from branchdesk.services.regions import list_regions
from branchdesk.ui.dialogs.pairing import date_field, day_of
from branchdesk.ui.edits import LedgerEdits
from branchdesk.ui.labels import tier_label
from branchdesk.ui.widgets import MarkedField, check_all


def _tier_counts(counts: dict[Tier | None, int], order: tuple[Tier | None, ...]) -> str:
    return "  ".join(f"{tier_label(tier)} {format_count(counts[tier])}" for tier in order if counts[tier])


class DrawDialog(QDialog):
    def __init__(
        self,
        edits: LedgerEdits,
        clock: Clock,
        region_id: int | None,
        save_record: Callable[[int], Path | None],
        save_candidates: Callable[[DrawCandidates], Path | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("drawDialog")
        # Opened window-modal (not exec_and_delete): each opening makes a new one, let go once closed.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Draw pairs (随机固定结对)"))
        self.edits = edits
        self._save_record = save_record
        self._save_candidates = save_candidates
        self.candidates: DrawCandidates | None = None
        self.preview: DrawPreview | None = None
        self.committed_draw: int | None = None
        ledger = edits.ledger
        assert ledger is not None

        self.scope = QComboBox(self)
        self.scope.setObjectName("drawScope")
        counties = draws.counties(ledger)
        for county in counties:
            self.scope.addItem(county.path, county.id)
        chosen = _county_of(region_id, {c.id: c.parent_id for c in list_regions(ledger)})
        self.scope.setCurrentIndex(max(self.scope.findData(chosen), 0))
        self.organ_counts = QLabel(self)
        self.grassroots_counts = QLabel(self)
        self.feasibility = QLabel(self)
        self.feasibility.setObjectName("drawFeasibility")
        self.feasibility.setWordWrap(True)
        self.candidate_hash = QLabel(self)
        self.candidate_hash.setObjectName("candidateHash")
        self.candidate_hash.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_candidates = QPushButton(self.tr("Print the candidate list…"), self)
        self.print_candidates.setObjectName("printCandidates")
        hash_row = QHBoxLayout()
        hash_row.addWidget(self.candidate_hash, 1)
        hash_row.addWidget(self.print_candidates)
        self.seed = QLineEdit(self)
        self.seed.setObjectName("drawSeed")
        self.seed.setPlaceholderText(
            self.tr("Any text: numbers thrown with dice, a lottery result, or press Generate")
        )
        self.tried = QLabel(self)
        self.tried.setObjectName("triedSeeds")
        self.tried.setWordWrap(True)
        self.generate = QPushButton(self.tr("Generate"), self)
        self.generate.setObjectName("generateSeed")
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.preview_button.setObjectName("previewDraw")
        self.started = date_field(clock.today(), self)
        self.started.setObjectName("drawStart")
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(self.generate)
        seed_row.addWidget(self.preview_button)

        self.pairs = QTableWidget(0, 5, self)
        self.pairs.setObjectName("drawPairs")
        self.pairs.setHorizontalHeaderLabels(
            [
                self.tr("Organ branch"),
                self.tr("Tier"),
                self.tr("Grassroots branch"),
                self.tr("Township"),
                self.tr("Tier"),
            ]
        )
        self.pairs.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pairs.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.pairs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pairs.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.pairs.setColumnWidth(0, 260)
        self.pairs.setColumnWidth(1, 60)
        self.pairs.setColumnWidth(2, 180)
        self.pairs.setColumnWidth(3, 110)
        self.pairs.setColumnWidth(4, 60)
        self.leftovers = QLabel(self)
        self.leftovers.setObjectName("drawLeftovers")
        self.leftovers.setWordWrap(True)
        self.swaps = QLabel(self)
        self.swaps.setObjectName("drawSwaps")
        self.swap_button = QPushButton(self.tr("Swap the two selected pairs"), self)
        self.swap_button.setObjectName("swapPairs")
        self.commit_button = QPushButton(self.tr("Commit the draw"), self)
        self.commit_button.setObjectName("commitDraw")
        self.record_button = QPushButton(self.tr("Save the draw record…"), self)
        self.record_button.setObjectName("saveRecord")
        self.close_button = QPushButton(self.tr("Close"), self)
        self.status = QLabel(self)
        self.status.setObjectName("drawStatus")
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("County or district"), self.scope)
        form.addRow(self.tr("Organ candidates (strong first)"), self.organ_counts)
        form.addRow(self.tr("Grassroots candidates (weak first)"), self.grassroots_counts)
        form.addRow(self.feasibility)
        form.addRow(self.tr("Candidate list hash"), hash_row)
        form.addRow(self.tr("Seed"), seed_row)
        form.addRow(self.tried)
        buttons = QHBoxLayout()
        buttons.addWidget(self.swap_button)
        buttons.addWidget(self.swaps, 1)
        buttons.addWidget(QLabel(self.tr("Pairs start on"), self))
        buttons.addWidget(MarkedField(self.started, beside=True))
        buttons.addWidget(self.commit_button)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.pairs, 1)
        layout.addWidget(self.leftovers)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

        self.scope.currentIndexChanged.connect(self.load_candidates)
        self.generate.clicked.connect(lambda: self.seed.setText(os_seed()))
        self.preview_button.clicked.connect(self.run_preview)
        self.seed.returnPressed.connect(self.run_preview)
        self.swap_button.clicked.connect(self.swap_selected)
        self.commit_button.clicked.connect(self.commit)
        self.record_button.clicked.connect(self.save_record)
        self.print_candidates.clicked.connect(self.save_candidates)
        self.close_button.clicked.connect(self.accept)
        # Enter in the seed previews (returnPressed); no button is the default, which Enter clicked as
        # well (Print the candidate list…, asking where to save it).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.pairs.itemSelectionChanged.connect(self._enable)
        self.resize(980, 700)
        self.load_candidates()

    # -- steps ---------------------------------------------------------------------------------------

    def _show_error(self, error: BranchDeskError) -> None:
        self.status.setText(error_text(error))

    def load_candidates(self) -> None:
        ledger = self.edits.ledger
        region = self.scope.currentData()
        self.preview = None
        self.candidates = None
        self._show_pairs()
        self.candidate_hash.clear()
        self.tried.clear()
        self.feasibility.clear()
        if ledger is None or region is None:
            self.feasibility.setText(self.tr("This ledger has no county or district."))
            self._enable()
            return
        try:
            self.candidates = draws.draw_candidates(ledger, int(region))
        except BranchDeskError as error:
            self._show_error(error)
            self._enable()
            return
        self._show_feasibility(self.candidates)
        if self.candidates.feasibility.pairs:  # the hash of a list with nothing to draw would only puzzle
            self.candidate_hash.setText(self.candidates.input_hash)
        self._show_tried()
        self._enable()

    def _show_tried(self) -> None:
        """The seeds previewed for these candidates so far: the record prints every one of them."""
        ledger = self.edits.ledger
        if ledger is None or self.candidates is None:
            return
        seeds = [tried.seed for tried in draws.tried_seeds(ledger, self.candidates)]
        if not self.edits.writable:
            text = self.tr(
                "The ledger is open read-only: a preview is not kept and the draw cannot be committed."
            )
        elif seeds:
            text = self.tr(
                "Seeds tried for these candidates ({count}, all printed on the draw record): {seeds}"
            ).format(count=format_count(len(seeds)), seeds="、".join(seeds))
        else:
            text = self.tr(
                "No seed tried yet. Every seed you preview is kept and printed on the draw record."
            )
        self.tried.setText(text)

    def _show_feasibility(self, candidates: DrawCandidates) -> None:
        plan = candidates.feasibility
        for label, count, tiers in (
            (self.organ_counts, plan.organs, _tier_counts(plan.organ_tiers, ORGAN_TIER_ORDER)),
            (
                self.grassroots_counts,
                plan.grassroots,
                _tier_counts(plan.grassroots_tiers, GRASSROOTS_TIER_ORDER),
            ),
        ):
            # None left to draw: the count alone, not a colon with nothing after it.
            text = self.tr("{count} in all: {tiers}") if tiers else self.tr("{count} in all")
            label.setText(text.format(count=format_count(count), tiers=tiers))
        if not plan.pairs:
            self.feasibility.setText(
                self.tr(
                    "Nothing to draw in {county} yet: the draw needs unpaired branches on both sides, "
                    "organ and grassroots. Add them on the Branches tab; Generate, Preview and the candidate "
                    "list wait until then."
                ).format(county=candidates.scope.name)
            )
            return
        self.feasibility.setText(
            self.tr(
                "The draw will make {pairs} pairs; left over: {organs} organ and {grassroots} grassroots "
                "branches. Pairings made before stay as they are."
            ).format(
                pairs=format_count(plan.pairs),
                organs=format_count(plan.organ_leftovers),
                grassroots=format_count(plan.grassroots_leftovers),
            )
        )

    def run_preview(self) -> None:
        ledger, region = self.edits.ledger, self.scope.currentData()
        # Enter in the seed follows the Preview button: nothing when there is nothing to draw (it says why).
        if ledger is None or region is None or not self.preview_button.isEnabled():
            return
        try:
            self.preview = draws.preview_draw(ledger, int(region), self.seed.text())
        except BranchDeskError as error:
            self._show_error(error)
            return
        self.status.setText(
            self.tr(
                "Preview with seed {seed}: result hash {hash}. No pairing is saved until you commit."
            ).format(seed=self.preview.result.seed, hash=self.preview.result.result_hash[:16])
        )
        self._show_tried()
        self._show_pairs()

    def swap_selected(self) -> None:
        rows = sorted({index.row() for index in self.pairs.selectionModel().selectedRows()})
        if self.preview is None or len(rows) != 2:
            return
        self.preview = draws.swap_pairs(self.preview, rows[0], rows[1])
        self._show_pairs()
        self.pairs.clearSelection()

    def commit(self) -> None:
        preview = self.preview
        if preview is None or not check_all(self.started):
            return
        started = day_of(self.started)
        done = self.edits.run(lambda ledger: draws.commit_draw(ledger, preview, started), self)
        ledger = self.edits.ledger
        if done is None or ledger is None:
            return
        self.committed_draw = draws.committed_draw_id(ledger, done)
        self.status.setText(
            self.tr("Committed as draw {id}: {pairs} pairs. Edit ▸ Undo takes the whole draw back.").format(
                id=self.committed_draw, pairs=format_count(len(preview.result.pairs))
            )
        )
        self.preview = None
        self._enable()

    def save_record(self) -> None:
        if self.committed_draw is not None:
            draw_id = self.committed_draw
            self._save_paper(
                lambda: self._save_record(draw_id), self.tr("The draw record was saved to {path}")
            )

    def save_candidates(self) -> None:
        candidates = self.candidates
        if candidates is not None:
            self._save_paper(
                lambda: self._save_candidates(candidates),
                self.tr(
                    "The candidate list was saved to {path}: print it and have it signed before the seed "
                    "is drawn."
                ),
            )

    def _save_paper(self, save: Callable[[], Path | None], saved: str) -> None:
        try:
            path = save()
        except BranchDeskError as error:
            self._show_error(error)
            return
        if path is not None:
            self.status.setText(saved.format(path=path))

    # -- showing -------------------------------------------------------------------------------------

    def _show_pairs(self) -> None:
        preview = self.preview
        pairs = [] if preview is None else preview.pairs()
        self.pairs.setRowCount(len(pairs))
        for row, pair in enumerate(pairs):
            cells = (
                pair.organ.name,
                tier_label(pair.organ_tier),
                pair.grassroots.name,
                pair.grassroots.region.split(" / ")[-1],
                tier_label(pair.grassroots_tier),
            )
            for column, text in enumerate(cells):
                self.pairs.setItem(row, column, QTableWidgetItem(text))
        self.pairs.setVerticalHeaderLabels([str(n + 1) for n in range(len(pairs))])
        if preview is None:
            self.leftovers.clear()
            self.swaps.clear()
        else:
            organs, grassroots = preview.leftovers()
            names = [b.name for b in (*organs, *grassroots)]
            shown = "、".join(names[:12]) + ("…" if len(names) > 12 else "")
            self.leftovers.setText(
                self.tr("Left over ({count}): {names}").format(count=format_count(len(names)), names=shown)
                if names
                else self.tr("Nothing left over.")
            )
            self.swaps.setText(
                self.tr("Hand swaps: {count}").format(count=format_count(len(preview.result.swaps)))
            )
        self._enable()

    def _enable(self) -> None:
        selected = len({index.row() for index in self.pairs.selectionModel().selectedRows()})
        has_preview = self.preview is not None
        candidates = self.candidates
        drawable = candidates is not None and candidates.feasibility.pairs > 0
        # With nothing to draw, a seed, a preview or a list to sign would be for a draw that cannot be held:
        # the buttons wait, and say why (as the line above them does).
        for button, tip in (
            (self.generate, ""),
            (self.preview_button, ""),
            (
                self.print_candidates,
                self.tr(
                    "Print the candidates with their hash and have them signed before the seed is drawn."
                ),
            ),
        ):
            button.setEnabled(drawable)
            button.setToolTip(tip if drawable else self.feasibility.text())
        self.swap_button.setEnabled(has_preview and selected == 2)
        self.commit_button.setEnabled(has_preview and self.edits.writable)
        self.record_button.setEnabled(self.committed_draw is not None)


def _county_of(region_id: int | None, parents: dict[int, int | None]) -> int | None:
    """The county at or above ``region_id`` (its id), walking up the tree; None above county level."""
    chain = []
    while region_id is not None:
        chain.append(region_id)
        region_id = parents.get(region_id)
    # city → county → township: the county is the second from the top.
    return chain[-2] if len(chain) >= 2 else None
