"""The window's tabs, in order, and how each is made. A tab's module is imported when the tab is first shown,
so the window starts with only what its first screen needs."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from branchdesk.ui.tabs.deck import TabDeck, TabSpec

if TYPE_CHECKING:
    from branchdesk.ui.context import UiContext
    from branchdesk.ui.edits import LedgerEdits
    from branchdesk.ui.jobs.runner import JobRunner
    from branchdesk.ui.tabs.activities import ActivitiesTab
    from branchdesk.ui.tabs.branches import BranchesTab
    from branchdesk.ui.tabs.chart import ChartTab
    from branchdesk.ui.tabs.coverage import CoverageTab
    from branchdesk.ui.tabs.frequency import FrequencyTab
    from branchdesk.ui.tabs.items import ItemsTab
    from branchdesk.ui.tabs.pairings import PairingsTab
    from branchdesk.ui.tool_dialogs import ToolDialogs

CHART_TAB_IDS = ("coverage", "activity-frequency")

# The tabs keep the names (and translations) they had when the window named each one itself.
translate = QCoreApplication.translate


class TabParts(Protocol):
    """What a tab is made with: the window's parts, which are made after its first paint (the tab bar is
    on it), and before any tab."""

    @property
    def edits(self) -> LedgerEdits: ...

    @property
    def jobs(self) -> JobRunner: ...

    @property
    def tools(self) -> ToolDialogs: ...

    @property
    def context(self) -> UiContext: ...


class WindowTabs(TabDeck):
    drill_down = Signal(object)  # DrillDown: a chart's bar was clicked
    chart_shown = Signal()  # a chart tab drew a chart or took it away

    def __init__(self, parts: TabParts, parent: QWidget | None = None) -> None:
        def branches(parent: QWidget) -> QWidget:
            from branchdesk.ui.tabs.branches import BranchesTab

            tab = BranchesTab(parts.edits, parts.jobs, parent)
            # Its commands (the Branches menu, their keys on any tab) show the tab they act on.
            tab.branch_actions.to_front = lambda: self.setCurrentWidget(tab)
            return tab

        def pairings(parent: QWidget) -> QWidget:
            from branchdesk.ui.tabs.pairings import PairingsTab, choose_record_path

            tab = PairingsTab(parts.edits, parts.jobs, parent)
            tab.print_agreement = lambda pairing, label, word: self.print_agreement(pairing, label, word)
            # In the documents folder, as every file saved: a bare name opened the program's own folder.
            tab.choose_record_path = lambda owner, title, name: choose_record_path(
                owner, title, str(parts.context.documents_dir / name)
            )
            return tab

        def activities(parent: QWidget) -> QWidget:
            from branchdesk.ui.tabs.activities import ActivitiesTab

            tab = ActivitiesTab(parts.jobs, parts.edits, parent)
            tab.open_compliance = parts.tools.open_compliance
            tab.open_key_tasks = parts.tools.open_key_tasks
            tab.print_signin = lambda pairing, label: self.print_signin(pairing, label)
            return tab

        def items(parent: QWidget) -> QWidget:
            from branchdesk.ui.tabs.items import ItemsTab

            return ItemsTab(parts.edits, parts.jobs, parent)

        def coverage(parent: QWidget) -> QWidget:
            from branchdesk.ui.tabs.coverage import CoverageTab

            return self._chart(CoverageTab(parts.jobs, parent))

        def frequency(parent: QWidget) -> QWidget:
            from branchdesk.ui.tabs.frequency import FrequencyTab

            return self._chart(FrequencyTab(parts.jobs, parent))

        def teams(parent: QWidget) -> QWidget:
            from branchdesk.ui.tabs.teams import TeamsTab, choose_sheet_path

            tab = TeamsTab(parts.edits, parts.jobs, parent)
            folder = parts.context.documents_dir  # as every file saved: a bare name opened the working folder
            tab.choose_sheet_path = lambda owner, name: choose_sheet_path(owner, str(folder / name))
            # Through the window's context when asked: a test puts its own chooser there.
            tab.choose_file = lambda *choice: parts.context.choose_file(*choice)
            return tab

        specs = [
            TabSpec("branches", lambda: translate("MainWindow", "Branches"), branches),
            TabSpec("pairings", lambda: translate("MainWindow", "Pairings"), pairings),
            TabSpec("activities", lambda: translate("MainWindow", "Activities"), activities),
            TabSpec("items", lambda: translate("MainWindow", "Lists"), items),
            TabSpec("coverage", lambda: translate("MainWindow", "Coverage"), coverage),
            TabSpec("activity-frequency", lambda: translate("MainWindow", "Activity frequency"), frequency),
            TabSpec("teams", lambda: translate("MainWindow", "Work teams"), teams),
        ]
        super().__init__(specs, parent)
        # A blank sign-in sheet for a pairing (id, label), from the Activities list: set by the window.
        self.print_signin: Callable[[int, str], None] = lambda _pairing, _label: None
        # A pairing's agreement (id, label, Word or PDF), from the Pairings list: set by the window.
        self.print_agreement: Callable[[int, str, bool], None] = lambda _pairing, _label, _word: None

    def _chart(self, tab: ChartTab) -> ChartTab:
        tab.drill_down.connect(self.drill_down)
        tab.chart_shown.connect(self.chart_shown)
        return tab

    # -- each tab by its type (made when first asked for) ---------------------------------------------

    @property
    def branches(self) -> BranchesTab:
        return cast("BranchesTab", self.tab("branches"))

    @property
    def pairings(self) -> PairingsTab:
        return cast("PairingsTab", self.tab("pairings"))

    @property
    def activities(self) -> ActivitiesTab:
        return cast("ActivitiesTab", self.tab("activities"))

    @property
    def items(self) -> ItemsTab:
        return cast("ItemsTab", self.tab("items"))

    @property
    def coverage(self) -> CoverageTab:
        return cast("CoverageTab", self.tab("coverage"))

    @property
    def frequency(self) -> FrequencyTab:
        return cast("FrequencyTab", self.tab("activity-frequency"))

    @property
    def charts(self) -> list[ChartTab]:
        return [cast("ChartTab", self.tab(tab_id)) for tab_id in CHART_TAB_IDS]
