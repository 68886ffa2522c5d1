"""The main window: menus, status bar, region tree and the tabs. It wires parts together and little else."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branchdesk import PRODUCT_NAME
from branchdesk.domain.changes import Changed
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.listing import BranchFilter, BranchRow, BranchSort
from branchdesk.domain.stats import LedgerStats
from branchdesk.i18n.language import CHINESE, ENGLISH, format_count, format_month, format_rate
from branchdesk.i18n.messages import error_text
from branchdesk.services.backups import list_backups, restore_backup
from branchdesk.services.history import ledger_actions
from branchdesk.services.ledgers import create_ledger
from branchdesk.services.stats import region_stats
from branchdesk.ui.action_names import action_name
from branchdesk.ui.context import UiContext
from branchdesk.ui.dialogs import exec_and_delete
from branchdesk.ui.dialogs.about import AboutDialog
from branchdesk.ui.dialogs.compliance import ComplianceDialog
from branchdesk.ui.dialogs.guide import GuideDialog
from branchdesk.ui.dialogs.history import HistoryDialog, read_history
from branchdesk.ui.dialogs.holidays import HolidaysDialog
from branchdesk.ui.dialogs.key_tasks import KeyTasksDialog
from branchdesk.ui.dialogs.new_ledger import NewLedgerDialog
from branchdesk.ui.dialogs.restore import RestoreDialog
from branchdesk.ui.dialogs.settings import LANGUAGE_NAMES, SettingsDialog
from branchdesk.ui.edits import LedgerEdits
from branchdesk.ui.empty_hints import EmptyHints
from branchdesk.ui.exchange_actions import ExchangeActions
from branchdesk.ui.jobs.backup import Backups
from branchdesk.ui.jobs.runner import JobRunner, Reads
from branchdesk.ui.labels import moment_text
from branchdesk.ui.ledger_safety import LedgerSafety
from branchdesk.ui.region_actions import RegionActions
from branchdesk.ui.region_tree import RegionTreePanel
from branchdesk.ui.session import LedgerSession
from branchdesk.ui.tabs.activities import ActivitiesTab
from branchdesk.ui.tabs.branches import BranchesTab
from branchdesk.ui.tabs.chart import ChartTab, DrillDown
from branchdesk.ui.tabs.coverage import CoverageTab
from branchdesk.ui.tabs.frequency import FrequencyTab
from branchdesk.ui.tabs.pairings import PairingsTab

HISTORY_SHOWN = 1000  # actions listed by Edit ▸ Ledger history


class _NoLedger:
    """The tabs' source while no ledger is open: empty, so the widgets can exist before a file does."""

    def branch_ids(self, flt: BranchFilter, sort: BranchSort) -> list[int]:
        return []

    def branch_rows(self, ids: Sequence[int]) -> list[BranchRow]:
        return []


class MainWindow(QMainWindow):
    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.context = context
        self.session: LedgerSession | None = None
        # All work off the UI thread: the tabs' and dialogs' reads, backups, checks, imports and exports.
        self.jobs = JobRunner(context.clock, context.data_dir / "logs", self)
        # Every write of every tab goes through this: one undo step and one `changed` signal per action.
        self.edits = LedgerEdits(context.show_error, self)

        self.regions = RegionTreePanel(self)
        self.region_actions = RegionActions(self.regions, self.edits, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.branches_tab = BranchesTab(_NoLedger(), self.edits, self.jobs, self)
        self.tabs.addTab(self.branches_tab, "")
        self.pairings_tab = PairingsTab(self.edits, self.jobs, self)
        self.tabs.addTab(self.pairings_tab, "")
        self.activities_tab = ActivitiesTab(self.jobs, self.edits, self)
        self.activities_tab.open_compliance = self.open_compliance
        self.activities_tab.open_key_tasks = self.open_key_tasks
        self.tabs.addTab(self.activities_tab, "")
        self.coverage_tab = CoverageTab(self.jobs, self)
        self.frequency_tab = FrequencyTab(self.jobs, self)
        self.chart_tabs: list[ChartTab] = [self.coverage_tab, self.frequency_tab]
        for chart_tab in self.chart_tabs:
            self.tabs.addTab(chart_tab, "")
            chart_tab.drill_down.connect(self.drill_down)
            chart_tab.chart_shown.connect(self._enable_export)
        self.tabs.currentChanged.connect(self._enable_export)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.regions)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 1000])

        self.welcome = self._build_welcome()
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.splitter)
        self.setCentralWidget(self.pages)

        self.file_label = QLabel(self)
        self.file_label.setObjectName("statusFile")
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("statusCounts")
        self.coverage_label = QLabel(self)
        self.coverage_label.setObjectName("statusCoverage")
        self.statusBar().addWidget(self.file_label, 1)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.coverage_label)
        # For a city: the organ side by level, as the programme reports it (市直 and 县级).
        self.levels_label = QLabel(self)
        self.levels_label.setObjectName("statusLevels")
        self.statusBar().addPermanentWidget(self.levels_label)

        self.backups = Backups(self.jobs, context.data_dir, context.show_error, self)
        self.background_stats = Reads(self.jobs, self)
        self.background_stats.ready.connect(self._show_stats)
        self.background_stats.failed.connect(self._show_stats_error)
        self._stats: LedgerStats | None = None
        # The quick check on opening, Tools ▸ Check database, damaged files and risky drives.
        self.safety = LedgerSafety(self)
        self.edits.damaged.connect(self.safety.close_damaged)

        self._build_menus()
        self.empty_hints = EmptyHints.for_window(self)  # what to do next, on each tab with nothing to show
        self.regions.region_selected.connect(self._on_region_selected)
        self.edits.changed.connect(self._on_ledger_changed)
        self.retranslate()
        self._restore_layout()

    # -- building ------------------------------------------------------------------------------------

    def _build_welcome(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("welcome")
        self.welcome_title = QLabel(page)
        self.welcome_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome_new = QPushButton(page)
        self.welcome_open = QPushButton(page)
        self.welcome_demo = QPushButton(page)
        self.welcome_demo.setObjectName("openDemo")
        layout = QVBoxLayout(page)
        layout.addStretch()
        layout.addWidget(self.welcome_title)
        for button in (self.welcome_new, self.welcome_open, self.welcome_demo):
            button.setMinimumWidth(260)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch()
        self.welcome_new.clicked.connect(self.new_ledger)
        self.welcome_open.clicked.connect(self.choose_and_open)
        self.welcome_demo.clicked.connect(self.open_demo)
        return page

    def _action(
        self, menu: QMenu, shortcut: QKeySequence | QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.new_action = self._action(self.file_menu, QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_ledger)
        self.open_action = self._action(self.file_menu, QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_and_open)
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.file_menu.addSeparator()
        self.exchange = ExchangeActions(self)  # import, export, view export, monthly report
        self.file_menu.addActions(self.exchange.import_actions())
        self.file_menu.addActions(self.exchange.export_actions())
        self.export_chart_action = self._action(self.file_menu)
        self.export_chart_action.setObjectName("exportChart")
        self.export_chart_action.triggered.connect(self.export_chart)
        self.export_chart_action.setEnabled(False)
        self.file_menu.addSeparator()
        self.backup_action = self._action(self.file_menu)
        self.backup_action.triggered.connect(self.backup_now)
        self.restore_action = self._action(self.file_menu)
        self.restore_action.triggered.connect(self.restore_from_backup)
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, QKeySequence.StandardKey.Quit)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)

        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.edits.undo_action)
        self.edit_menu.addAction(self.edits.redo_action)
        self.edit_menu.addSeparator()
        self.ledger_history_action = self._action(self.edit_menu)
        self.ledger_history_action.setObjectName("ledgerHistory")
        self.ledger_history_action.triggered.connect(self.show_ledger_history)

        self.branch_menu = bar.addMenu("")
        self.branch_menu.setObjectName("branchMenu")
        self.branch_menu.addActions(self.branches_tab.branch_actions.all())
        self.branch_menu.addSeparator()
        self.region_menu = self.branch_menu.addMenu("")
        self.region_menu.addActions(self.region_actions.all())

        self.pairing_menu = bar.addMenu("")
        self.pairing_menu.setObjectName("pairingMenu")
        self.pairing_actions: dict[str, QAction] = {}
        for name, slot in (
            ("pairAction", self.pairings_tab.add_pairing),
            ("pairUnitAction", self.pairings_tab.pair_unit),
            ("endPairingAction", self.pairings_tab.end_selected),
            ("repairAction", self.pairings_tab.repair_selected),
            ("drawAction", self.pairings_tab.open_draw),
        ):
            action = self._action(self.pairing_menu)
            action.setObjectName(name)
            action.triggered.connect(lambda _checked=False, slot=slot: self._on_pairings(slot))
            self.pairing_actions[name] = action

        self.tools_menu = bar.addMenu("")
        self.check_action = self._action(self.tools_menu)
        self.check_action.setObjectName("checkDatabase")
        self.check_action.triggered.connect(self.safety.check_database)
        self.holidays_action = self._action(self.tools_menu)
        self.holidays_action.setObjectName("holidays")
        self.holidays_action.triggered.connect(self.open_holidays)
        self.key_tasks_action = self._action(self.tools_menu)
        self.key_tasks_action.setObjectName("keyTasks")
        self.key_tasks_action.triggered.connect(self.open_key_tasks)
        self.compliance_action = self._action(self.tools_menu)
        self.compliance_action.setObjectName("compliance")
        self.compliance_action.triggered.connect(self.open_compliance)
        self.tools_menu.addSeparator()
        self.settings_action = self._action(self.tools_menu)
        self.settings_action.triggered.connect(self.open_settings)
        self.language_menu = self.tools_menu.addMenu("")
        self.language_menu.setObjectName("languageMenu")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(name, self, checkable=True)
            action.setData(code)
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))

        self.help_menu = bar.addMenu("")
        self.guide_action = self._action(self.help_menu, QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(self.open_guide)
        self.about_action = self._action(self.help_menu)
        self.about_action.triggered.connect(self.open_about)

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.new_action.setText(self.tr("&New ledger…"))
        self.open_action.setText(self.tr("&Open ledger…"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.backup_action.setText(self.tr("&Back up now"))
        self.restore_action.setText(self.tr("Re&store from a backup…"))
        self.export_chart_action.setText(self.tr("&Export chart…"))
        self.exchange.retranslate()
        self.quit_action.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.edits.retranslate()
        self.ledger_history_action.setText(self.tr("Ledger &history…"))
        self.branch_menu.setTitle(self.tr("&Branches"))
        self.pairing_menu.setTitle(self.tr("&Pairing"))
        for name, text in (
            ("pairAction", self.tr("&Pair two branches…")),
            ("pairUnitAction", self.tr("Pair a &unit with its community's grids…")),
            ("endPairingAction", self.tr("&End the selected pairing…")),
            ("repairAction", self.tr("&Re-pair the selected pairing…")),
            ("drawAction", self.tr("&Draw…")),
        ):
            self.pairing_actions[name].setText(text)
        self.tabs.setTabText(self.tabs.indexOf(self.pairings_tab), self.tr("Pairings"))
        self.pairings_tab.retranslate()
        self.region_menu.setTitle(self.tr("&Regions"))
        self.region_actions.retranslate()
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.check_action.setText(self.tr("Check &database…"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.holidays_action.setText(self.tr("&Holidays…"))
        self.key_tasks_action.setText(self.tr("&Key tasks…"))
        self.compliance_action.setText(self.tr("&Compliance (1+N)…"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.guide_action.setText(self.tr("User &guide"))
        self.about_action.setText(self.tr("&About BranchDesk"))
        self.tabs.setTabText(self.tabs.indexOf(self.branches_tab), self.tr("Branches"))
        self.tabs.setTabText(self.tabs.indexOf(self.activities_tab), self.tr("Activities"))
        self.activities_tab.retranslate()
        self.tabs.setTabText(self.tabs.indexOf(self.coverage_tab), self.tr("Coverage"))
        self.tabs.setTabText(self.tabs.indexOf(self.frequency_tab), self.tr("Activity frequency"))
        for chart_tab in self.chart_tabs:
            chart_tab.retranslate()
        self.welcome_title.setText(self.tr("No ledger is open."))
        self.welcome_new.setText(self.tr("New ledger…"))
        self.welcome_open.setText(self.tr("Open ledger…"))
        self.welcome_demo.setText(self.tr("Open the demo ledger"))
        self.language_actions[self.context.translations.language].setChecked(True)
        self.branches_tab.retranslate()
        self.regions.retranslate()
        self._show_title()
        self._show_stats_text()
        self._show_hints()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- tabs ----------------------------------------------------------------------------------------

    def _tab_widgets(self) -> list[QWidget]:
        return [widget for i in range(self.tabs.count()) if (widget := self.tabs.widget(i)) is not None]

    def tab_ids(self) -> list[str]:
        """Each tab's id (its object name), as ``--screenshot`` names the files."""
        return [widget.objectName() for widget in self._tab_widgets()]

    def show_tab(self, tab_id: str) -> QWidget:
        for widget in self._tab_widgets():
            if widget.objectName() == tab_id:
                self.tabs.setCurrentWidget(widget)
                return widget
        raise KeyError(tab_id)

    # -- ledgers -------------------------------------------------------------------------------------

    def open_path(self, path: Path) -> bool:
        """Open ``path`` here, unless another window has it open: that one is brought forward."""
        if not self.context.claim_ledger(path):
            self.statusBar().showMessage(
                self.tr("{file} is open in another BranchDesk window, brought to the front.").format(
                    file=path.name
                ),
                15000,
            )
            return False
        opened = self._open(path)
        if not opened:  # hold on to the ledger still open here, not to the one refused
            self.context.claim_ledger(None if self.session is None else self.session.path)
        return opened

    def _open(self, path: Path) -> bool:
        try:
            session = LedgerSession.open(path, self.context.clock, self.context.data_dir)
        except BranchDeskError as error:
            if error.code == "ledger.damaged":
                return self.safety.offer_backup(path)
            self.context.show_error(self, error_text(error))
            if error.code == "ledger.missing":
                self.context.settings.remove_recent(path)
            return False
        return self.safety.check_then_show(session, self._set_session)

    def _set_session(self, session: LedgerSession) -> None:
        if self.session is not None:
            self.background_stats.cancel()
            self.session.close()
        self.session = session
        self.edits.set_ledger(session.ledger)
        self.context.settings.add_recent(session.path)
        with QSignalBlocker(self.regions):  # one reload below, not one per selection change
            self.regions.load(session.region_tree())
        self.branches_tab.show_source(session, self.regions.selected_region(), session.path)
        self.activities_tab.show_ledger(session.ledger, self.regions.selected_region())
        self.pairings_tab.show_ledger(self.regions.selected_region())
        for chart_tab in self.chart_tabs:
            chart_tab.show_ledger(session.path, self.regions.selected_region())
        self.pages.setCurrentWidget(self.splitter)
        self.region_actions.update_enabled()
        self._refresh()
        if self.context.auto_backup:
            self.backups.start(session.path, "auto", only_if_due=True)

    def choose_and_open(self) -> None:
        path = self.context.choose_open_path(self)
        if path is not None:
            self.open_path(path)

    def new_ledger(self) -> None:
        path = self.context.choose_new_path(self)
        if path is None:
            return
        if self.session is not None and path.resolve() == self.session.path.resolve():
            self.context.show_error(self, error_text(BranchDeskError("ledger.is_open", path=str(path))))
            return
        dialog = NewLedgerDialog(path.name, self)
        if not dialog.exec():
            return
        try:
            create_ledger(path, self.context.clock, overwrite=path.exists(), regions=dialog.chain()).close()
        except BranchDeskError as error:
            self.context.show_error(self, error_text(error))
            return
        if self.open_path(path):
            self.region_actions.select_path(dialog.chain().home())

    def open_demo(self) -> None:
        try:
            path = self.context.demo_ledger(self)
        except BranchDeskError as error:
            self.context.show_error(self, error_text(error))
            return
        if path is not None:
            self.open_path(path)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.context.settings.recent_files()
        for path in recent:
            action = self.recent_menu.addAction(str(path).replace("&", "&&"))  # a name's & is no access key
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not recent:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    # -- region and status ---------------------------------------------------------------------------

    def _on_region_selected(self, region_id: int | None) -> None:
        self.branches_tab.set_region(region_id)
        self.activities_tab.set_region(region_id)
        self.pairings_tab.set_region(region_id)
        for chart_tab in self.chart_tabs:
            chart_tab.set_region(region_id)  # a hidden chart tab only takes note
        self._refresh()

    def _on_ledger_changed(self, done: Changed) -> None:
        """After an action, undo or redo: counts in the tree and the status bar (tabs refresh themselves;
        the chart tabs' figures are all out of date)."""
        for chart_tab in self.chart_tabs:
            chart_tab.changed()
        if done.touches("branch", "region") and self.session is not None:
            selected = self.regions.selected_region()
            with QSignalBlocker(self.regions):
                self.regions.load(self.session.region_tree())
            if self.regions.selected_region() != selected:  # the selected region was removed
                self._on_region_selected(self.regions.selected_region())
        self._refresh()
        self.statusBar().showMessage(self.tr("Saved: {action}").format(action=action_name(done)), 5000)

    def show_ledger_history(self) -> None:
        """Edit ▸ Ledger history: the newest changes first."""
        if self.session is None:
            return
        dialog = HistoryDialog(
            self.tr("Ledger history"),
            self.jobs,
            self.session.path,
            read_history(lambda ledger: ledger_actions(ledger, HISTORY_SHOWN)),
            self,
            limit=HISTORY_SHOWN,
            limited_title=self.tr("Ledger history (the newest {count} actions)").format(
                count=format_count(HISTORY_SHOWN)
            ),
        )
        exec_and_delete(dialog)

    def _show_title(self) -> None:
        if self.session is None:
            self.setWindowTitle(PRODUCT_NAME)
            self.file_label.setText(self.tr("No ledger open"))
        else:
            name = self.session.path.name
            if self.session.read_only:
                name = self.tr("{file} (read-only)").format(file=name)
                self.file_label.setText(
                    self.tr("{path} — read-only: changes cannot be saved to this file").format(
                        path=self.session.path
                    )
                )
            else:
                self.file_label.setText(str(self.session.path))
            self.setWindowTitle(f"{name} — {PRODUCT_NAME}")
        self.restore_action.setEnabled(self.session is not None and not self.session.read_only)
        self.check_action.setEnabled(self.session is not None)
        self.backup_action.setEnabled(self.session is not None)
        self.exchange.enable()

    def _refresh(self) -> None:
        """The window title, and the status bar's figures for the selected region (computed off-thread)."""
        self._show_title()
        self._stats = None
        self.coverage_label.clear()
        self.levels_label.clear()
        region_id = self.regions.selected_region()
        self._show_hints()
        if self.session is None or region_id is None:
            self.counts_label.clear()
            return
        self.counts_label.setText(self.tr("Counting…"))
        # A city's figures come with its 市直 and 县级 ones, which the status bar shows beside them.
        self.background_stats.request(
            self.session.path, region_id, lambda ledger: region_stats(ledger, region_id, levels=True)
        )

    def _show_hints(self) -> None:
        self.empty_hints.refresh(
            self.edits.ledger, self.regions.selected_region(), self.regions.selected_name()
        )

    def _show_stats(self, _region_id: object, stats: LedgerStats) -> None:
        self._stats = stats
        self._show_stats_text()

    def _show_stats_text(self) -> None:
        stats = self._stats
        if stats is None:
            return
        self.counts_label.setText(
            self.tr("{region}: {organ} organ, {grassroots} grassroots branches").format(
                region=stats.region.name,
                organ=format_count(stats.branches.organ),
                grassroots=format_count(stats.branches.grassroots),
            )
        )
        self.coverage_label.setText(
            self.tr("Coverage {grassroots} · organ side {organ} · optimised {optimised}").format(
                grassroots=format_rate(stats.grassroots_coverage.percent),
                organ=format_rate(stats.organ_coverage.percent),
                optimised=format_rate(stats.optimisation.percent),
            )
        )
        self._show_levels(stats)

    def _show_levels(self, stats: LedgerStats) -> None:
        """A city's organ branches by level: its own (市直) and the counties' (县级), optimised and paired.
        A county office's ledger has no city organs under its city: there the split would say nothing."""
        self.levels_label.setVisible(stats.levels is not None and stats.levels[0].branches.organ > 0)
        if stats.levels is None or stats.levels[0].branches.organ == 0:
            return
        own, county = stats.levels

        def part(text: str, figures: LedgerStats) -> str:
            rate = figures.optimisation
            return text.format(
                rate=format_rate(rate.percent), count=format_count(rate.count), total=format_count(rate.total)
            )

        self.levels_label.setText(
            part(self.tr("City's own organs optimised {rate} ({count}/{total})"), own)
            + " · "
            + part(self.tr("county level {rate} ({count}/{total})"), county)
        )
        self.levels_label.setToolTip(
            "\n".join(
                self.tr(
                    "{level}: {organ} organ branches, optimised {optimised}, paired {paired}; "
                    "themed Party day compliance in {month} {compliance}"
                ).format(
                    level=level,
                    month=format_month(
                        stats.month.year, stats.month.month, self.context.translations.language
                    ),
                    organ=format_count(figures.branches.organ),
                    optimised=format_rate(figures.optimisation.percent),
                    paired=format_rate(figures.organ_coverage.percent),
                    compliance=format_rate(figures.compliance.percent),
                )
                for level, figures in (
                    (self.tr("City's own"), own),
                    (self.tr("County level"), county),
                )
            )
        )

    def _show_stats_error(self, _region_id: object, error: BranchDeskError) -> None:
        self.counts_label.setText(error_text(error))

    # -- backups -------------------------------------------------------------------------------------

    def backup_now(self) -> None:
        """File ▸ Back up now: with progress, cancellable."""
        if self.session is not None:
            self.backups.back_up_now(self.session.path)

    def restore_from_backup(self) -> None:
        """File ▸ Restore…: choose a backup; the current file is backed up before it is replaced."""
        if self.session is None:
            return
        path = self.session.path
        dialog = RestoreDialog(list_backups(path, self.context.data_dir, self.context.clock), self)
        chosen = dialog.chosen() if dialog.exec() else None
        if chosen is None:
            return
        self.close_ledger()
        try:
            restore_backup(path, chosen.path, self.context.data_dir, self.context.clock)
        except BranchDeskError as error:
            self.context.show_error(self, error_text(error))
        if self.open_path(path):
            self.statusBar().showMessage(
                self.tr("Restored the backup of {when}").format(when=moment_text(chosen.taken_at)), 15000
            )

    def close_ledger(self) -> None:
        """Stop every reader and writer of the open file and close it; the welcome page shows."""
        self.backups.wait()
        self.background_stats.cancel()
        self.background_stats.wait()
        self._stop_charts()
        self.edits.set_ledger(None)
        if self.session is not None:
            self.session.close()
            self.session = None
        self.pages.setCurrentWidget(self.welcome)
        self._refresh()

    def bring_forward(self) -> None:
        """Another start asked for the ledger open here: show this window on top."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def settle(self) -> None:
        """Wait for background figures and show them (for screenshots and the smoke test)."""
        # A large ledger is shown once its quick check is done: deliver that first.
        self.safety.wait()
        QApplication.processEvents()
        self.background_stats.wait()
        for chart_tab in self.chart_tabs:
            chart_tab.wait()
        self.activities_tab.wait()
        self.pairings_tab.wait()
        self.branches_tab.model.wait()
        # The result arrives as a queued signal; the status bar's relayout (and a chart's drawing) is
        # posted after it.
        for _ in range(4):
            QApplication.processEvents()

    # -- charts --------------------------------------------------------------------------------------

    def _enable_export(self) -> None:
        current = self.tabs.currentWidget()
        self.export_chart_action.setEnabled(isinstance(current, ChartTab) and current.has_chart())

    def export_chart(self) -> None:
        """File ▸ Export chart: the chart on show, as PNG, SVG or PDF at print resolution."""
        tab = self.tabs.currentWidget()
        if not isinstance(tab, ChartTab) or not tab.has_chart():
            return
        path = self.context.choose_chart_path(self, tab.suggested_file_name())
        if path is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            tab.export(path)
        except (OSError, ValueError) as error:
            text = self.tr("The chart could not be saved: {reason}").format(reason=error)
            self.context.show_error(self, text)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(self.tr("Chart saved to {path}").format(path=path), 15000)

    def drill_down(self, drill: DrillDown) -> None:
        """A clicked bar: the tab that lists its rows, for its region."""
        try:
            tab = self.show_tab(drill.tab)
        except KeyError:
            names = {"pairings": self.tr("Pairings"), "activities": self.tr("Activities")}
            name = names.get(drill.tab, drill.tab)
            self.statusBar().showMessage(
                self.tr("The {tab} tab is not in this version yet.").format(tab=name), 8000
            )
            return
        self.regions.select(drill.region_id)
        if tab is self.branches_tab:
            self.branches_tab.show_matching(
                drill.kinds, drill.text, direct=drill.direct, unpaired_on=drill.unpaired_on
            )
        elif tab is self.activities_tab:
            self.activities_tab.show_matching(drill)
        elif tab is self.pairings_tab:
            self.pairings_tab.show_matching(
                drill.region_id,
                organ_tier=drill.organ_tier,
                grassroots_tier=drill.grassroots_tier,
                pairing_id=drill.pairing_id,
            )

    def _on_pairings(self, action: object) -> None:
        """A Pairing menu command: on the Pairings tab, where its rows and selection are."""
        self.tabs.setCurrentWidget(self.pairings_tab)
        if callable(action):
            action()

    def _stop_charts(self) -> None:
        """Stop the background readers of the file (charts, the Activities tab's pages and totals, the
        Pairings tab's unpaired lists, a large Branches view)."""
        for chart_tab in self.chart_tabs:
            chart_tab.cancel()
            chart_tab.wait()
        self.activities_tab.cancel()
        self.activities_tab.wait()
        self.pairings_tab.cancel()
        self.pairings_tab.wait()
        self.branches_tab.model.cancel_reading()

    # -- tools and help ------------------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        installed = self.context.translations.install(language)
        self.context.settings.language = installed
        # Installing a translator posts LanguageChange to every widget; changeEvent retranslates.

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.context.translations.language, self.context.settings.reopen_last, self)
        if dialog.exec():
            self.context.settings.reopen_last = dialog.reopen_last.isChecked()
            if dialog.chosen_language() != self.context.translations.language:
                self.set_language(dialog.chosen_language())

    def open_guide(self) -> None:
        language = CHINESE if self.context.translations.language == CHINESE else ENGLISH
        exec_and_delete(GuideDialog(language, self))

    def open_holidays(self) -> None:
        """Tools ▸ Holidays: the official calendar per year, entered by hand for years without data."""
        if self.edits.ledger is not None:
            exec_and_delete(HolidaysDialog(self.edits.ledger, self.edits, self))

    def open_key_tasks(self) -> None:
        if self.edits.ledger is not None:
            exec_and_delete(KeyTasksDialog(self.edits.ledger, self.edits, self))

    def open_compliance(self) -> None:
        """The compliance view of the selected region, opening on the current month as a reminder."""
        ledger = self.edits.ledger
        region_id = self.regions.selected_region()
        if ledger is None or region_id is None:
            return
        exec_and_delete(ComplianceDialog(ledger, self.jobs, region_id, self.regions.selected_name(), self))

    def open_about(self) -> None:
        exec_and_delete(AboutDialog(self.context.data_dir, self.context.translations.language, self))

    # -- layout --------------------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = self.context.settings
        geometry = settings.layout("window")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        splitter = settings.layout("splitter")
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        self.branches_tab.restore_header_state(settings.layout("branches"))
        self.activities_tab.restore_header_state(settings.layout("activities"))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        settings = self.context.settings
        settings.set_layout("window", self.saveGeometry())
        settings.set_layout("splitter", self.splitter.saveState())
        settings.set_layout("branches", self.branches_tab.header_state())
        settings.set_layout("activities", self.activities_tab.header_state())
        settings.sync()
        self.backups.cancel_automatic()
        self.safety.shut_down()
        # Reads are cancelled, work in order finished, and what it reported delivered (a backup's message).
        self.jobs.shut_down()
        if self.session is not None:
            self.edits.set_ledger(None)
            self.session.close()
            self.session = None
        super().closeEvent(event)
