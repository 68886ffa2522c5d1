"""The Pairings tab: every pairing (filtered by the region tree, status and method), the unpaired branches
of both sides for the selected region, and a coverage line that follows every change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.changes import Changed
from branchdesk.domain.enums import PairingMethod, Tier
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.pairing_list import PairingColumn, PairingFilter, PairingRow, PairingStatus, Unpaired
from branchdesk.domain.rates import Rate
from branchdesk.i18n.language import format_count, format_rate
from branchdesk.i18n.messages import error_text
from branchdesk.services import agreements, draws, pairings
from branchdesk.services.draws import DrawCandidates
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.column_fit import ColumnFit
from branchdesk.ui.dialogs import exec_until_saved
from branchdesk.ui.dialogs.draw import DrawDialog
from branchdesk.ui.dialogs.pairing import (
    AssignPairingDialog,
    EndPairingDialog,
    RepairDialog,
    UnitCommunityDialog,
)
from branchdesk.ui.edits import LedgerEdits
from branchdesk.ui.jobs.runner import JobRunner
from branchdesk.ui.labels import date_text, method_label, tier_label
from branchdesk.ui.models.id_list import WorkerQueries
from branchdesk.ui.models.pairings import COLUMNS, PairingTableModel
from branchdesk.ui.tabs.contract import DrillDown
from branchdesk.ui.tabs.table_tab import LazyTableTab, refill

TAB_ID = "pairings"
UNPAIRED_SHOWN = 300  # per side; the count says how many there are in all
RecordPathChooser = Callable[[QWidget, str, str], Path | None]  # parent, title, file name


@dataclass(frozen=True)
class _Side:
    """What the side panel shows for a region: both sides' unpaired branches and today's coverage."""

    organ: Unpaired
    grassroots: Unpaired
    grassroots_coverage: Rate
    organ_coverage: Rate


def choose_record_path(parent: QWidget, title: str, name: str) -> Path | None:
    # One context whatever the parent (the tab or the draw dialog): parent.tr() looked the texts up under
    # the parent's class, where they are not.
    pdf_files = QCoreApplication.translate("PairingsTab", "PDF files (*.pdf)")
    path, _ = QFileDialog.getSaveFileName(parent, title, name, pdf_files)
    return Path(path) if path else None


class PairingsTab(LazyTableTab[PairingTableModel, PairingRow, PairingFilter]):
    def __init__(self, edits: LedgerEdits, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(TAB_ID, edits, jobs, PairingTableModel, "pairingSearch", "pairingCount", parent)
        self.choose_record_path: RecordPathChooser = choose_record_path
        # A chart's drill-down: tiers when paired (None in them: ungraded) or one pairing, until the next
        # change of filter.
        self._drill: PairingFilter | None = None
        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.method = QComboBox(self)
        self.method.setObjectName("methodFilter")
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addPairing")
        self.unit_button = QPushButton(self)
        self.unit_button.setObjectName("pairUnit")
        self.end_button = QPushButton(self)
        self.end_button.setObjectName("endPairing")
        self.repair_button = QPushButton(self)
        self.repair_button.setObjectName("repairPairing")
        self.draw_button = QPushButton(self)
        self.draw_button.setObjectName("drawPairs")
        self.record_button = QPushButton(self)
        self.record_button.setObjectName("drawRecord")
        self.agreement_button = QPushButton(self)
        self.agreement_button.setObjectName("pairingAgreement")
        # The table's context menu: the commands that act on the pairing under the mouse.
        self.agreement_action = QAction(self)
        self.agreement_action.setObjectName("agreementContext")
        self.agreement_action.triggered.connect(self.open_agreement)
        self.agreement_pdf_action = QAction(self)
        self.agreement_pdf_action.setObjectName("agreementPdf")
        self.agreement_pdf_action.triggered.connect(lambda: self._print_agreement(word=False))
        self.agreement_word_action = QAction(self)
        self.agreement_word_action.setObjectName("agreementWord")
        self.agreement_word_action.triggered.connect(lambda: self._print_agreement(word=True))
        # A pairing's agreement printed (pairing id, label, Word or PDF): set by the window.
        self.print_agreement: Callable[[int, str, bool], None] = lambda _pairing, _label, _word: None
        # The window's Pairing menu, enabled as the buttons that do the same (follow_buttons).
        self._menu: list[tuple[QAction, QPushButton]] = []

        self.table = self._make_table("pairingTable", 7, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (self.agreement_action, self.agreement_pdf_action, self.agreement_word_action):
            self.table.addAction(action)
        names = {PairingColumn.ORGAN: 4, PairingColumn.UNIT: 1, PairingColumn.GRASSROOTS: 4}
        names |= {PairingColumn.REGION: 2, PairingColumn.REASON: 1}
        # Two lines a row, so that a long name still reads whole in the width a small screen leaves it.
        self.table.setWordWrap(True)
        self.table.verticalHeader().setDefaultSectionSize(2 * self.fontMetrics().height() + 8)
        self.columns = ColumnFit(self.table, {COLUMNS.index(c): w for c, w in names.items()}, self._widest)

        self.organ_title = QLabel(self)
        self.organ_list = QListWidget(self)
        self.organ_list.setObjectName("unpairedOrgans")
        self.grassroots_title = QLabel(self)
        self.grassroots_list = QListWidget(self)
        self.grassroots_list.setObjectName("unpairedGrassroots")
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.grassroots_title, self.grassroots_list, self.organ_title, self.organ_list):
            side_layout.addWidget(widget)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        # The table takes what the lists of unpaired names (short: a village's, a grid's) do not need.
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 1)

        self.summary = QLabel(self)
        self.summary.setObjectName("pairingSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status, 1)
        filters.addWidget(self.method, 1)
        filters.addStretch()
        filters.addWidget(self.count_label)
        actions = QHBoxLayout()
        for button in (
            self.add_button,
            self.unit_button,
            self.end_button,
            self.repair_button,
            self.draw_button,
            self.record_button,
            self.agreement_button,
        ):
            actions.addWidget(button)
        actions.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)

        self.status.currentIndexChanged.connect(self._user_filter)
        self.method.currentIndexChanged.connect(self._user_filter)
        self.model.modelReset.connect(self._enable)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self.add_button.clicked.connect(self.add_pairing)
        self.unit_button.clicked.connect(self.pair_unit)
        self.end_button.clicked.connect(self.end_selected)
        self.repair_button.clicked.connect(self.repair_selected)
        self.draw_button.clicked.connect(self.open_draw)
        self.record_button.clicked.connect(self.save_selected_record)
        self.agreement_button.clicked.connect(self.open_agreement)
        # The unpaired lists and the coverage line, read off the UI thread on a connection of their own.
        self._side: _Side | None = None
        self._side_reader = self.reads()
        self._side_reader.ready.connect(self._side_ready)
        self._side_reader.failed.connect(self._side_failed)
        self.retranslate()

    # -- for the window (ui/tabs/contract.py) --------------------------------------------------------

    def set_ledger(self, ledger: Ledger | None, region_id: int | None) -> None:
        self._region_id = region_id
        self._drill = None
        if ledger is None:
            return
        self.model.set_source(
            lambda flt, sort: pairings.pairing_ids(ledger, flt, sort),
            lambda ids: pairings.pairing_rows(ledger, ids),
            WorkerQueries(ledger.path, pairings.pairing_ids, pairings.pairing_rows),
        )
        self.apply_filter()
        self.refresh_side()

    def set_region(self, region_id: int | None) -> None:
        self._drill = None
        super().set_region(region_id)
        self.refresh_side()

    def _user_filter(self) -> None:
        self._drill = None
        self.apply_filter()

    def current_filter(self) -> PairingFilter:
        if self._drill is not None:
            return self._drill
        return PairingFilter(
            region_id=self._region_id,
            status=self.status.currentData() or PairingStatus.ALL,
            method=self.method.currentData(),
            text=self.search.text(),
        )

    def show_matching(
        self,
        region_id: int,
        *,
        organ_tier: Tier | None = None,
        grassroots_tier: Tier | None = None,
        pairing_id: int | None = None,
        any_tier: bool = False,
    ) -> None:
        """The rows behind a chart's bar: one pairing, or the active pairings of a tier cell (both tiers
        exact, None meaning ungraded, as the tier chart counts them), or of any tier."""
        with QSignalBlocker(self.status), QSignalBlocker(self.method), QSignalBlocker(self.search):
            self.status.setCurrentIndex(0)
            self.method.setCurrentIndex(0)
            self.search.clear()
        self._region_id = region_id
        if pairing_id is not None:
            self._drill = PairingFilter(pairing_id=pairing_id)
        else:
            self._drill = PairingFilter(
                region_id=region_id,
                status=PairingStatus.ACTIVE,
                organ_tiers=() if any_tier else (organ_tier,),
                grassroots_tiers=() if any_tier else (grassroots_tier,),
            )
        self.apply_filter()
        self.refresh_side()

    def changed(self, done: Changed) -> None:
        if done.touches("pairing", "branch", "draw", "unit", "region"):
            self.model.reload()
            self.refresh_side()

    # -- unpaired lists and the summary --------------------------------------------------------------

    def refresh_side(self) -> None:
        """The unpaired branches of both sides and the coverage line, for the selected region: read off the
        UI thread (at stress scale the city's figures take a quarter of a second), shown when they arrive."""
        self._side = None
        self._show_side()

        def compute(reader: Ledger, region: int) -> _Side:
            organ = pairings.unpaired(reader, region, organ_side=True, limit=UNPAIRED_SHOWN)
            grassroots = pairings.unpaired(reader, region, organ_side=False, limit=UNPAIRED_SHOWN)
            return _Side(organ, grassroots, *pairings.coverage(reader, region))

        self.read_region(self._side_reader, compute)

    def _side_ready(self, _region: object, side: _Side) -> None:
        self._side = side
        self._show_side()

    def _show_side(self) -> None:
        side = self._side
        for widget in (self.organ_list, self.grassroots_list):
            widget.clear()
        if side is None:
            # Titled before the counts arrive, and with no region to count (a new ledger): what the lists are
            # for is never left for the clerk to guess.
            self.organ_title.setText(self.tr("Unpaired organ branches"))
            self.grassroots_title.setText(self.tr("Unpaired grassroots branches"))
            self.summary.clear()
            return
        for found, title, widget, text in (
            (side.organ, self.organ_title, self.organ_list, self.tr("Unpaired organ branches: {count}")),
            (
                side.grassroots,
                self.grassroots_title,
                self.grassroots_list,
                self.tr("Unpaired grassroots branches: {count}"),
            ),
        ):
            title.setText(text.format(count=format_count(found.total)))
            widget.addItems([f"{b.name}（{tier_label(b.tier)}）" for b in found.branches])
            if found.total > len(found.branches):
                widget.addItem(
                    self.tr("… and {count} more").format(
                        count=format_count(found.total - len(found.branches))
                    )
                )
        grassroots, organ = side.grassroots_coverage, side.organ_coverage
        self.summary.setText(
            self.tr(
                "Coverage today: grassroots {grassroots} ({paired} of {total}) · organ side {organ} "
                "({organ_paired} of {organ_total}) · unpaired: {unpaired_grassroots} grassroots, "
                "{unpaired_organ} organ"
            ).format(
                grassroots=format_rate(grassroots.percent),
                paired=format_count(grassroots.count),
                total=format_count(grassroots.total),
                organ=format_rate(organ.percent),
                organ_paired=format_count(organ.count),
                organ_total=format_count(organ.total),
                unpaired_grassroots=format_count(side.grassroots.total),
                unpaired_organ=format_count(side.organ.total),
            )
        )

    def _side_failed(self, _region: object, error: BranchDeskError) -> None:
        self.summary.setText(error_text(error))

    def show_drill(self, drill: DrillDown) -> None:
        self.show_matching(
            drill.region_id,
            organ_tier=drill.organ_tier,
            grassroots_tier=drill.grassroots_tier,
            pairing_id=drill.pairing_id,
            any_tier=drill.any_tier,
        )

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("{count} pairings").format(count=format_count(self.model.total)))

    # -- actions -------------------------------------------------------------------------------------

    def _enable(self) -> None:
        writable = self.edits.writable
        row = self.selected_row()
        for button in (self.unit_button, self.draw_button):
            button.setEnabled(writable)
        self.add_button.setEnabled(writable and self._region_id is not None)  # its pickers list a region's
        self.end_button.setEnabled(writable and row is not None and row.active)
        self.repair_button.setEnabled(writable and row is not None and row.active)
        self.record_button.setEnabled(row is not None and row.draw_id is not None)
        self.agreement_button.setEnabled(row is not None)
        for action in (self.agreement_action, self.agreement_pdf_action, self.agreement_word_action):
            action.setEnabled(row is not None)
        for action, button in self._menu:
            action.setEnabled(button.isEnabled())

    def follow_buttons(self, actions: Mapping[str, QAction]) -> None:
        """The Pairing menu's commands (by object name), greyed out with the buttons that do the same: a
        command on the selected pairing did nothing when none was selected."""
        buttons = {
            "pairAction": self.add_button,
            "pairUnitAction": self.unit_button,
            "endPairingAction": self.end_button,
            "repairAction": self.repair_button,
            "drawAction": self.draw_button,
            "agreementAction": self.agreement_button,
        }
        self._menu = [(actions[name], button) for name, button in buttons.items()]
        self._enable()

    def add_pairing(self) -> None:
        ledger, region = self.ledger, self._region_id
        if ledger is None or region is None:
            return
        dialog = AssignPairingDialog(ledger, region, self.clock.today(), self)

        def save() -> bool:
            choice = dialog.choice()
            if choice is None:
                return True
            organ, grassroots, started = choice
            across = dialog.cross_county
            return self._saved(
                lambda lg: pairings.assign_pairing(lg, organ, grassroots, started, cross_county=across)
            )

        exec_until_saved(dialog, save)

    def pair_unit(self) -> None:
        ledger = self.ledger
        if ledger is None:
            return
        dialog = UnitCommunityDialog(pairings.assigned_units(ledger), self.clock.today(), self)

        def save() -> bool:
            choice = dialog.choice()
            if choice is None:
                return True
            unit, started = choice
            return self._saved(lambda lg: pairings.pair_unit_with_community(lg, unit, started))

        exec_until_saved(dialog, save)

    def end_selected(self) -> None:
        row = self.selected_row()
        if row is None or not row.active:
            return
        dialog = EndPairingDialog(row, self.clock.today(), self)

        def save() -> bool:
            ended, reason, note = dialog.choice()
            return self._saved(lambda lg: pairings.end_pairing(lg, row.id, ended, reason, note or None))

        exec_until_saved(dialog, save)

    def repair_selected(self) -> None:
        ledger, region, row = self.ledger, self._region_id, self.selected_row()
        if ledger is None or region is None or row is None or not row.active:
            return
        dialog = RepairDialog(ledger, region, row, self.clock.today(), self)

        def save() -> bool:
            choice = dialog.choice()
            if choice is None:
                return True
            partner, started = choice
            across = dialog.cross_county
            return self._saved(lambda lg: pairings.repair(lg, row.id, partner, started, cross_county=across))

        exec_until_saved(dialog, save)

    def open_agreement(self) -> None:
        """The selected pairing's agreement, in its dialog (read-only ledgers show it without saving)."""
        ledger, row = self.ledger, self.selected_row()
        if ledger is None or row is None:
            return
        from branchdesk.ui.dialogs.agreement import AgreementDialog

        found = agreements.pairing_agreement(ledger, row.id)
        dialog = AgreementDialog(found, self.clock.today(), self)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.edits.writable)
        shown = None if found.agreement is None else dialog.agreement()

        def save() -> bool:
            agreement = dialog.agreement()
            if agreement == shown:
                return True  # looked at, OK pressed: no empty step in the file and in Edit ▸ Undo
            return self._saved(lambda lg: agreements.save_agreement(lg, row.id, agreement))

        exec_until_saved(dialog, save)

    def _print_agreement(self, *, word: bool) -> None:
        row = self.selected_row()
        if row is not None:
            self.print_agreement(row.id, row.grassroots, word)

    def open_draw(self) -> DrawDialog | None:
        ledger = self.ledger
        if ledger is None:
            return None
        dialog = DrawDialog(
            self.edits, self.clock, self._region_id, self.save_record, self.save_candidate_list, self
        )
        dialog.open()
        return dialog

    def save_selected_record(self) -> None:
        row = self.selected_row()
        if row is not None and row.draw_id is not None:
            self.save_record(row.draw_id)

    def save_record(self, draw_id: int) -> Path | None:
        """Write draw ``draw_id``'s record as a PDF where the user chooses."""
        ledger = self.ledger
        if ledger is None:
            return None
        path = self.choose_record_path(self, self.tr("Save the draw record"), f"抽签记录-{draw_id}.pdf")
        if path is None:
            return None
        from branchdesk.exchange.draw_record import write_draw_record  # matplotlib: loaded when first used

        write_draw_record(draws.draw_record(ledger, draw_id), path)
        return path

    def save_candidate_list(self, candidates: DrawCandidates) -> Path | None:
        """Write a draw's candidate list with its hash as a PDF where the user chooses (to be printed and
        signed before the seed is drawn)."""
        name = f"抽签候选名单-{candidates.scope.name}.pdf"
        path = self.choose_record_path(self, self.tr("Save the candidate list"), name)
        if path is None:
            return None
        from branchdesk.exchange.draw_record import write_candidate_list  # matplotlib: loaded when first used

        write_candidate_list(candidates, self.clock.now(), path)
        return path

    # -- language ------------------------------------------------------------------------------------

    @staticmethod
    def _widest() -> dict[int, str]:
        """The widest value of each short column, as shown."""
        tiers = max((tier_label(tier) for tier in (*Tier, None)), key=len)
        method = max((method_label(method) for method in PairingMethod), key=len) + " #999"
        day = date_text(dt.date(2022, 12, 28))
        return {
            COLUMNS.index(PairingColumn.ORGAN_TIER): tiers,
            COLUMNS.index(PairingColumn.GRASSROOTS_TIER): tiers,
            COLUMNS.index(PairingColumn.METHOD): method,
            COLUMNS.index(PairingColumn.STARTED): day,
            COLUMNS.index(PairingColumn.ENDED): day,
        }

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search organ branch, grassroots branch or unit"))
        choices: tuple[tuple[QComboBox, list[tuple[str, object]]], ...] = (
            (
                self.status,
                [
                    (self.tr("Active and ended"), PairingStatus.ALL),
                    (self.tr("Active"), PairingStatus.ACTIVE),
                    (self.tr("Ended"), PairingStatus.ENDED),
                ],
            ),
            (
                self.method,
                [(self.tr("All methods"), None), *((method_label(m), m) for m in PairingMethod)],
            ),
        )
        for combo, items in choices:
            refill(combo, items)
        self.add_button.setText(self.tr("Pair…"))
        self.unit_button.setText(self.tr("Unit with community…"))
        self.end_button.setText(self.tr("End…"))
        self.repair_button.setText(self.tr("Re-pair…"))
        self.draw_button.setText(self.tr("Draw…"))
        self.record_button.setText(self.tr("Draw record…"))
        self.agreement_button.setText(self.tr("Agreement…"))
        self.agreement_action.setText(self.tr("Agreement…"))
        self.agreement_pdf_action.setText(self.tr("Print the agreement (PDF)…"))
        self.agreement_word_action.setText(self.tr("Agreement as a Word document…"))
        self.model.retranslate()
        self._show_count()
        self._enable()
        self._show_side()
