"""The main window: it puts the parts together (menus, region tree, tabs, status bar) and passes on what one
part tells the others: a ledger opened or closed, a region selected, a change saved.

At start-up (app.py) the window paints its frame first (the menus, the tabs' names and the name of the ledger
being opened) and makes its parts right after (``assemble``): their modules, and what they import below ui,
are imported there, so that the first paint waits for none of them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QSignalBlocker
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter, QStackedWidget, QWidget

from branchdesk import PRODUCT_NAME
from branchdesk.ui.context import UiContext
from branchdesk.ui.tabs.catalogue import WindowTabs
from branchdesk.ui.tabs.contract import DrillTarget, LayoutTab, LedgerTab, MenuTab
from branchdesk.ui.window_menus import WindowMenus, window_commands

if TYPE_CHECKING:
    from branchdesk.domain.changes import Changed
    from branchdesk.ui.backup_actions import BackupActions
    from branchdesk.ui.edits import LedgerEdits
    from branchdesk.ui.empty_hints import EmptyHints
    from branchdesk.ui.exchange_actions import ExchangeActions
    from branchdesk.ui.jobs.runner import JobRunner
    from branchdesk.ui.ledger_files import LedgerFiles
    from branchdesk.ui.ledger_safety import LedgerSafety
    from branchdesk.ui.package_actions import PackageActions
    from branchdesk.ui.region_actions import RegionActions
    from branchdesk.ui.region_tree import RegionTreePanel
    from branchdesk.ui.session import LedgerSession
    from branchdesk.ui.status_figures import StatusFigures
    from branchdesk.ui.tabs.activities import ActivitiesTab
    from branchdesk.ui.tabs.branches import BranchesTab
    from branchdesk.ui.tabs.chart import ChartTab
    from branchdesk.ui.tabs.contract import DrillDown
    from branchdesk.ui.tabs.coverage import CoverageTab
    from branchdesk.ui.tabs.frequency import FrequencyTab
    from branchdesk.ui.tabs.pairings import PairingsTab
    from branchdesk.ui.tool_dialogs import ToolDialogs
    from branchdesk.ui.welcome import WelcomePage


class MainWindow(QMainWindow):
    # The parts, made by ``assemble``.
    jobs: JobRunner  # all work off the UI thread: the tabs' and dialogs' reads, backups, checks, exchange
    edits: LedgerEdits  # every write of every tab: one undo step and one `changed` signal per action
    files: LedgerFiles
    safety: LedgerSafety
    regions: RegionTreePanel
    region_actions: RegionActions
    tools: ToolDialogs
    figures: StatusFigures
    backups: BackupActions
    exchange: ExchangeActions
    packages: PackageActions
    empty_hints: EmptyHints
    welcome: WelcomePage  # the page while no ledger is open

    def __init__(self, context: UiContext, *, assemble: bool = True) -> None:
        """The window's frame; its parts too unless ``assemble`` is False (then ``assemble()`` makes them,
        before the event loop hands the window any input)."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.context = context
        self.assembled = False
        self._opening: Path | None = None  # the ledger named while the parts are being made
        self.tabs = WindowTabs(self, self)
        # Where the region tree goes: what is being opened, until the tree is there.
        self.opening_label = QLabel(self)
        self.opening_label.setObjectName("openingLedger")
        self.side = QStackedWidget(self)
        self.side.addWidget(self.opening_label)
        self.splitter = QSplitter()  # side by side; not QSplitter(parent): its overloads build Qt's namespace
        self.splitter.setObjectName("ledgerPage")
        self.splitter.addWidget(self.side)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 1000])
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.splitter)
        self.setCentralWidget(self.pages)
        self.menus = WindowMenus(self, window_commands(self))
        context.settings.restore_window(self, self.splitter)
        self.retranslate()
        if assemble:
            self.assemble()

    def show_opening(self, path: Path) -> None:
        """Before the parts are made: the ledger's name in the title and that it is being opened."""
        self._opening = path
        self._show_page()
        self._show_title()
        self.statusBar().showMessage(self.tr("Opening {file}…").format(file=path.name))

    def assemble(self) -> None:
        """Make the window's parts and connect them."""
        if self.assembled:
            return
        from branchdesk.ui.backup_actions import BackupActions
        from branchdesk.ui.edits import LedgerEdits
        from branchdesk.ui.empty_hints import EmptyHints, HintSteps, action_step, button_step
        from branchdesk.ui.exchange_actions import ExchangeActions
        from branchdesk.ui.jobs.runner import JobRunner
        from branchdesk.ui.ledger_files import LedgerFiles
        from branchdesk.ui.package_actions import PackageActions
        from branchdesk.ui.region_actions import RegionActions
        from branchdesk.ui.region_tree import RegionTreePanel
        from branchdesk.ui.status_figures import StatusFigures
        from branchdesk.ui.tool_dialogs import ToolDialogs
        from branchdesk.ui.welcome import WelcomePage

        context = self.context
        self.jobs = JobRunner(context.clock, context.data_dir / "logs", self)
        self.edits = LedgerEdits(context.show_error, self.jobs, self)
        self.files = LedgerFiles(context, self.edits, self.jobs, self)
        self.safety = self.files.safety
        self.welcome = WelcomePage(
            self.new_ledger,
            self.files.choose_and_open,
            self.open_demo,
            lambda: self.packages.new_from_package(),  # made below, with the other package commands
            self,
        )
        self.pages.addWidget(self.welcome)
        self.regions = RegionTreePanel(self.jobs, self)
        self.side.addWidget(self.regions)
        self.region_actions = RegionActions(self.regions, self.edits, self)
        self.figures = StatusFigures(self.statusBar(), self.jobs, lambda: context.translations.language)
        notify = self.figures.show_notice  # a file written (backup, export), where the file's path shows
        self.tools = ToolDialogs(context, self.edits, self.jobs, self.regions, notify, self)
        self.backups = BackupActions(self.files, context, self.jobs, notify, self)
        self.exchange = ExchangeActions(
            self.files, self.tabs, self.regions, self.edits, self.jobs, context, notify, self
        )
        self.tabs.print_signin = self.exchange.signin_sheet
        self.tabs.print_agreement = self.exchange.agreement_paper
        self.packages = PackageActions(self.files, self.edits, self.jobs, context, self, self.regions)
        # What to do next, on each tab with nothing to show; its buttons do what the menus do.
        self.empty_hints = EmptyHints(
            HintSteps(
                add_region=lambda: action_step(self.region_actions.add_top),
                add_branch=lambda: action_step(self.branches_tab.branch_actions.add),
                paste=lambda: action_step(self.branches_tab.branch_actions.paste),
                import_rows=lambda: action_step(self.exchange.import_action),
                pair=lambda: action_step(self.menus.pairing_actions["pairAction"]),
                draw=lambda: action_step(self.menus.pairing_actions["drawAction"]),
                record=lambda: button_step(self.activities_tab.record_button),
            ),
            self,
        )
        self.menus.add_part_actions(
            file_actions=[
                *self.exchange.import_actions(),
                *self.exchange.export_actions(),
                *self.packages.file_actions(),
            ],
            edit_actions=[self.edits.undo_action, self.edits.redo_action],
            region_actions=self.region_actions.all(),
            tool_actions=self.packages.tool_actions(),
        )
        self.tabs.made.connect(self._tab_made)
        self.tabs.currentChanged.connect(lambda _index: self.menus.follow_tab(self.tabs.currentWidget()))
        self.files.opened.connect(self._on_opened)
        self.files.closing.connect(self._on_closing)
        self.files.closed.connect(self._on_closed)
        self.safety.checked.connect(self.backups.back_up_if_due)
        self.tabs.drill_down.connect(self.drill_down)
        self.tabs.chart_shown.connect(self.exchange.enable)
        self.regions.region_selected.connect(self._on_region_selected)
        self.edits.changed.connect(self._on_ledger_changed)
        self.assembled = True
        self.retranslate()
        self._show_page()

    def open_activity(self, activity_id: int) -> None:
        """An activity from a list elsewhere (Tools ▸ Evidence check), in its dialog on the Activities tab."""
        self.show_tab("activities")
        self.activities_tab.edit(activity_id)

    def _tab_made(self, tab: QWidget) -> None:
        self.empty_hints.attach(tab)
        if isinstance(tab, MenuTab):
            self.menus.add_branch_commands(tab.menu_actions(), tab)
        if isinstance(tab, LayoutTab):
            tab.restore_header_state(self.context.settings.layout(tab.objectName()))
        if tab.objectName() == "pairings":
            cast("PairingsTab", tab).follow_buttons(self.menus.pairing_actions)
        self.menus.follow_tab(self.tabs.currentWidget())  # its keys, if it is the one on show

    def retranslate(self) -> None:
        self.menus.retranslate(self.context.translations.language)
        self.tabs.retranslate()
        # Centred by its paragraph (vertically by QLabel's default): an alignment would need Qt's namespace,
        # which the frame paints without (app.py).
        opening = self.tr("Opening the ledger…")
        self.opening_label.setText(f'<p align="center">{opening}</p>')
        if self.assembled:
            self.welcome.retranslate()
            self.exchange.retranslate()
            self.packages.retranslate()
            self.edits.retranslate()
            self.region_actions.retranslate()
            self.regions.retranslate()
            self.figures.retranslate()
            self._show_hints()
        self._show_title()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- tabs ----------------------------------------------------------------------------------------

    def tab_ids(self) -> list[str]:
        """Each tab's id (its object name), as ``--screenshot`` names the files."""
        return self.tabs.tab_ids()

    def show_tab(self, tab_id: str) -> QWidget:
        return self.tabs.show_tab(tab_id)

    def pairings_in_front(self) -> PairingsTab:
        tab = self.pairings_tab
        self.tabs.setCurrentWidget(tab)
        return tab

    @property
    def branches_tab(self) -> BranchesTab:
        return self.tabs.branches

    @property
    def pairings_tab(self) -> PairingsTab:
        return self.tabs.pairings

    @property
    def activities_tab(self) -> ActivitiesTab:
        return self.tabs.activities

    @property
    def coverage_tab(self) -> CoverageTab:
        return self.tabs.coverage

    @property
    def frequency_tab(self) -> FrequencyTab:
        return self.tabs.frequency

    @property
    def chart_tabs(self) -> list[ChartTab]:
        return self.tabs.charts

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
        if isinstance(tab, DrillTarget):
            tab.show_drill(drill)

    # -- ledgers -------------------------------------------------------------------------------------

    @property
    def session(self) -> LedgerSession | None:
        return self.files.session if self.assembled else None

    def open_path(self, path: Path) -> bool:
        """Open ``path`` here, unless another window has it open: that one is brought forward. A large file
        shows once its quick check is done (ui/ledger_safety.py); until then the window says it is opening."""
        self._opening = path
        opened = self.files.open_path(path)
        self._opening = None
        self._refresh()
        return opened

    def open_demo(self) -> None:
        self.files.open_demo()

    def opening(self) -> Path | None:
        """The ledger being opened, until it shows or is refused."""
        return self._opening

    def first_screen_shown(self) -> bool:
        """A ledger is open and the tab on show has read what it shows (for the start-up benchmark)."""
        tab = self.tabs.currentWidget()
        if self.session is None or tab not in self.tabs.made_tabs():
            return False
        return not cast(LedgerTab, tab).busy()

    def new_ledger(self) -> None:
        home = self.files.new_ledger()
        if home is not None:
            self.region_actions.select_path(home)

    def close_ledger(self) -> None:
        """Stop every reader and writer of the open file and close it; the welcome page shows."""
        self.files.close_ledger()

    def _on_opened(self, session: LedgerSession) -> None:
        with QSignalBlocker(self.regions):  # one reload below, not one per selection change
            self.regions.load(session.region_tree())
        self.tabs.set_ledger(session.ledger, self.regions.selected_region())
        self.tabs.make_all_soon()
        self.region_actions.update_enabled()
        self._refresh()

    def _on_closing(self, for_good: bool) -> None:
        if for_good:  # a backup still reading the file finishes first (a restore replaces it next)
            self.backups.wait()
        self.safety.cancel_check()
        self.figures.stop()
        self.regions.cancel()
        self.tabs.stop_reading()

    def _on_closed(self) -> None:
        self._refresh()

    def settle(self) -> None:
        """Wait for background figures and show them (for screenshots and the smoke test)."""
        # A large ledger's quick check, which it shows during: its result first.
        self.safety.wait()
        QApplication.processEvents()
        self.figures.wait()
        self.regions.wait()
        self.tabs.wait()
        # The result arrives as a queued signal; the status bar's relayout (and a chart's drawing) is
        # posted after it.
        for _ in range(4):
            QApplication.processEvents()

    # -- region and status ---------------------------------------------------------------------------

    def _on_region_selected(self, region_id: int | None) -> None:
        self.tabs.set_region(region_id)  # a hidden chart tab only takes note
        self._refresh()

    def _on_ledger_changed(self, done: Changed) -> None:
        """After an action, undo or redo: the tabs, counts in the tree and the status bar."""
        self.tabs.changed(done)
        session = self.session
        if session is not None and self.regions.changed(done, session.ledger):
            self._on_region_selected(self.regions.selected_region())  # the selected region was removed
        self._refresh()
        from branchdesk.ui.action_names import action_name  # a part's module (``assemble``)

        self.statusBar().showMessage(self.tr("Saved: {action}").format(action=action_name(done)), 5000)

    def _refresh(self) -> None:
        """The page on show, the window title, and the status bar's figures for the selected region
        (computed off-thread)."""
        self._show_page()
        self._show_title()
        self._show_hints()
        self.figures.refresh(self.session, self.regions.selected_region())

    def _show_page(self) -> None:
        """The open ledger; else the one being opened (that it is, where the region tree goes); else the
        welcome page."""
        if self.session is not None:
            self.pages.setCurrentWidget(self.splitter)
            self.side.setCurrentWidget(self.regions)
        elif self.opening() is not None:
            self.pages.setCurrentWidget(self.splitter)
            self.side.setCurrentIndex(0)
        elif self.assembled:
            self.pages.setCurrentWidget(self.welcome)

    def _show_hints(self) -> None:
        self.empty_hints.refresh(
            self.edits.ledger, self.regions.selected_region(), self.regions.selected_name()
        )

    def _show_title(self) -> None:
        session = self.session
        opening = self.opening()
        if session is not None:
            name = session.path.name
            if session.read_only:
                name = self.tr("{file} (read-only)").format(file=name)
            self.setWindowTitle(f"{name} — {PRODUCT_NAME}")
        elif opening is not None:
            self.setWindowTitle(f"{opening.name} — {PRODUCT_NAME}")
        else:
            self.setWindowTitle(PRODUCT_NAME)
        self.menus.enable(open_=session is not None, writable=session is not None and not session.read_only)
        if self.assembled:
            self.figures.show_file(session)
            self.exchange.enable()
            self.packages.enable()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.context.settings.save_window(self, self.splitter, self.tabs.made_tabs())
        if self.assembled:
            self.tabs.stop_reading()
            self.backups.shut_down()
            self.safety.shut_down()
            # Reads are cancelled, work in order finished, what it reported delivered (a backup's message).
            self.jobs.shut_down()
            self.files.shut_down()
        super().closeEvent(event)
