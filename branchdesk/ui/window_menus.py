"""The window's menu bar: File, Edit, Branches (with Regions), Pairing, Tools and Help, their shortcuts and
their words. What each command does is handed in (``MenuCommands``) or comes with its own actions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from branchdesk.i18n.language import LANGUAGE_NAMES

if TYPE_CHECKING:
    from branchdesk.ui.backup_actions import BackupActions
    from branchdesk.ui.ledger_files import LedgerFiles
    from branchdesk.ui.ledger_safety import LedgerSafety
    from branchdesk.ui.tabs.catalogue import WindowTabs
    from branchdesk.ui.tabs.pairings import PairingsTab
    from branchdesk.ui.tool_dialogs import ToolDialogs

Command = Callable[[], object]


@dataclass(frozen=True)
class MenuCommands:
    new_ledger: Command
    open_ledger: Command
    fill_recent: Callable[[QMenu], None]
    back_up: Command
    restore: Command
    quit: Command
    ledger_history: Command
    check_database: Command
    holidays: Command
    key_tasks: Command
    new_halfyear: Command
    compliance: Command
    evidence: Command
    settings: Command
    set_language: Callable[[str], None]
    guide: Command
    about: Command
    branch_commands: Command  # makes the Branches tab, whose commands the Branches menu lists
    pairings: Callable[[], PairingsTab]  # the Pairings tab, brought to the front: its rows and selection


class CommandHost(Protocol):
    """The window, as its menus' commands use it: its parts are made after the menus are first painted
    (ui/main_window.py), so each command finds them when it runs."""

    files: LedgerFiles
    backups: BackupActions
    safety: LedgerSafety
    tools: ToolDialogs
    tabs: WindowTabs

    def new_ledger(self) -> None: ...

    def close(self) -> bool: ...

    def pairings_in_front(self) -> PairingsTab: ...

    def open_activity(self, activity_id: int) -> None: ...


def window_commands(window: CommandHost) -> MenuCommands:
    return MenuCommands(
        new_ledger=window.new_ledger,
        open_ledger=lambda: window.files.choose_and_open(),
        fill_recent=lambda menu: window.files.fill_recent(menu),
        back_up=lambda: window.backups.back_up_now(),
        restore=lambda: window.backups.restore(),
        quit=window.close,
        ledger_history=lambda: window.tools.show_ledger_history(),
        check_database=lambda: window.safety.check_database(),
        holidays=lambda: window.tools.open_holidays(),
        key_tasks=lambda: window.tools.open_key_tasks(),
        new_halfyear=lambda: window.tools.open_new_halfyear(),
        compliance=lambda: window.tools.open_compliance(),
        evidence=lambda: window.tools.open_evidence(window.open_activity),
        settings=lambda: window.tools.open_settings(),
        set_language=lambda language: window.tools.set_language(language),
        guide=lambda: window.tools.open_guide(),
        about=lambda: window.tools.open_about(),
        branch_commands=lambda: window.tabs.tab("branches"),
        pairings=window.pairings_in_front,
    )


# The Pairing menu: each command acts on the Pairings tab.
PAIRING_COMMANDS: tuple[tuple[str, Callable[[PairingsTab], object]], ...] = (
    ("pairAction", lambda tab: tab.add_pairing()),
    ("pairUnitAction", lambda tab: tab.pair_unit()),
    ("endPairingAction", lambda tab: tab.end_selected()),
    ("repairAction", lambda tab: tab.repair_selected()),
    ("drawAction", lambda tab: tab.open_draw()),
    ("agreementAction", lambda tab: tab.open_agreement()),
)
# Shortcuts of the Pairing menu's commands (window-wide: the Pairings tab comes to the front).
PAIRING_SHORTCUTS = {"agreementAction": "Ctrl+Shift+A"}


class WindowMenus(QObject):
    def __init__(self, window: QMainWindow, commands: MenuCommands) -> None:
        super().__init__(window)
        self._window = window
        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        self.new_action = self._action(self.file_menu, commands.new_ledger, QKeySequence.StandardKey.New)
        self.open_action = self._action(self.file_menu, commands.open_ledger, QKeySequence.StandardKey.Open)
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(lambda: commands.fill_recent(self.recent_menu))
        self.file_menu.addSeparator()
        self._before_backup = self.file_menu.addSeparator()  # import, export, view export, report, chart
        self.backup_action = self._action(self.file_menu, commands.back_up)
        self.restore_action = self._action(self.file_menu, commands.restore)
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, commands.quit, QKeySequence("Ctrl+Q"))

        self.edit_menu = bar.addMenu("")
        self._before_history = self.edit_menu.addSeparator()  # undo, redo
        self.ledger_history_action = self._action(
            self.edit_menu, commands.ledger_history, name="ledgerHistory"
        )

        self.branch_menu = bar.addMenu("")
        self.branch_menu.setObjectName("branchMenu")
        # The Branches tab's commands come with the tab (add_branch_commands): it is made when a ledger is
        # shown, or at the latest when this menu opens.
        self.branch_menu.aboutToShow.connect(commands.branch_commands)
        self._before_regions = self.branch_menu.addSeparator()
        self._branch_tab: QWidget | None = None  # the tab whose commands these are, once made
        self._window_wide: list[QAction] = []  # those of its commands whose keys work on every tab
        self.region_menu = self.branch_menu.addMenu("")

        self.pairing_menu = bar.addMenu("")
        self.pairing_menu.setObjectName("pairingMenu")
        self.pairing_actions: dict[str, QAction] = {}
        for name, command in PAIRING_COMMANDS:
            key = PAIRING_SHORTCUTS.get(name)
            self.pairing_actions[name] = self._action(
                self.pairing_menu,
                _on_tab(commands.pairings, command),
                None if key is None else QKeySequence(key),
                name=name,
            )
        for name in ("endPairingAction", "repairAction", "agreementAction"):
            self.pairing_actions[name].setEnabled(False)  # no pairing is selected before the tab is made

        self.tools_menu = bar.addMenu("")
        self.check_action = self._action(self.tools_menu, commands.check_database, name="checkDatabase")
        self.holidays_action = self._action(self.tools_menu, commands.holidays, name="holidays")
        self.key_tasks_action = self._action(self.tools_menu, commands.key_tasks, name="keyTasks")
        self.new_halfyear_action = self._action(
            self.tools_menu, commands.new_halfyear, QKeySequence("Ctrl+Shift+Y"), name="newHalfYear"
        )
        self.compliance_action = self._action(self.tools_menu, commands.compliance, name="compliance")
        self.evidence_action = self._action(self.tools_menu, commands.evidence, name="evidenceCheck")
        self._before_settings = self.tools_menu.addSeparator()
        self.settings_action = self._action(self.tools_menu, commands.settings)
        self.language_menu = self.tools_menu.addMenu("")
        self.language_menu.setObjectName("languageMenu")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, language in LANGUAGE_NAMES.items():
            action = QAction(language, window, checkable=True)
            action.setData(code)
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
            action.triggered.connect(lambda _checked=False, c=code: commands.set_language(c))

        self.help_menu = bar.addMenu("")
        self.guide_action = self._action(
            self.help_menu, commands.guide, QKeySequence.StandardKey.HelpContents
        )
        self.about_action = self._action(self.help_menu, commands.about)

    def _action(
        self,
        menu: QMenu,
        command: Command,
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
        *,
        name: str = "",
    ) -> QAction:
        action = QAction(self._window)
        action.setObjectName(name)
        if shortcut is not None:
            # Not setShortcut, which builds Qt's namespace (12 ms) that the window's first paint does without.
            action.setShortcuts(shortcut if isinstance(shortcut, QKeySequence.StandardKey) else [shortcut])
        action.triggered.connect(lambda _checked=False: command())
        menu.addAction(action)
        return action

    def add_part_actions(
        self,
        *,
        file_actions: Sequence[QAction],
        edit_actions: Sequence[QAction],
        region_actions: Sequence[QAction],
        tool_actions: Sequence[QAction] = (),
    ) -> None:
        """The commands that come with the window's parts, made after the menus are first painted."""
        self.file_menu.insertActions(self._before_backup, list(file_actions))
        self.tools_menu.insertActions(self._before_settings, list(tool_actions))
        self.edit_menu.insertActions(self._before_history, list(edit_actions))
        self.region_menu.addActions(list(region_actions))

    def add_branch_commands(self, actions: Sequence[QAction], tab: QWidget) -> None:
        """The Branches tab's commands, whose keys follow the tab on show from now on (``follow_tab``)."""
        from PySide6.QtCore import Qt  # not at import: the window's first paint does without Qt's namespace

        self.branch_menu.insertActions(self._before_regions, list(actions))
        self._branch_tab = tab
        window_wide = Qt.ShortcutContext.WindowShortcut
        self._window_wide = [a for a in actions if a.shortcuts() and a.shortcutContext() == window_wide]

    def follow_tab(self, current: QWidget | None) -> None:
        """The Branches menu's keys work on every tab, except where the tab on show has a command of its own
        on the same key (the Lists tab's Ctrl+Shift+N adds a list item): two commands on one key would
        both be refused by Qt as ambiguous. A command held back is there again on the next tab."""
        from PySide6.QtCore import Qt

        claimed: set[str] = set()
        if current is not None and current is not self._branch_tab:
            claimed = {key.toString() for own in current.actions() for key in own.shortcuts()}
        for action in self._window_wide:
            keys = {key.toString() for key in action.shortcuts()}
            action.setShortcutContext(
                Qt.ShortcutContext.WidgetWithChildrenShortcut
                if keys & claimed
                else Qt.ShortcutContext.WindowShortcut
            )

    def enable(self, *, open_: bool, writable: bool) -> None:
        """The commands that need an open ledger (restore: one that can be written to)."""
        self.restore_action.setEnabled(writable)
        self.check_action.setEnabled(open_)
        self.backup_action.setEnabled(open_)

    def retranslate(self, language: str) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.new_action.setText(self.tr("&New ledger…"))
        self.open_action.setText(self.tr("&Open ledger…"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.backup_action.setText(self.tr("&Back up now"))
        self.restore_action.setText(self.tr("Re&store from a backup…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.ledger_history_action.setText(self.tr("Ledger &history…"))
        self.branch_menu.setTitle(self.tr("&Branches"))
        self.region_menu.setTitle(self.tr("&Regions"))
        self.pairing_menu.setTitle(self.tr("&Pairing"))
        for name, text in (
            ("pairAction", self.tr("&Pair two branches…")),
            ("pairUnitAction", self.tr("Pair a &unit with its community's grids…")),
            ("endPairingAction", self.tr("&End the selected pairing…")),
            ("repairAction", self.tr("&Re-pair the selected pairing…")),
            ("drawAction", self.tr("&Draw…")),
            ("agreementAction", self.tr("&Agreement of the selected pairing…")),
        ):
            self.pairing_actions[name].setText(text)
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.check_action.setText(self.tr("Check &database…"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.holidays_action.setText(self.tr("&Holidays…"))
        self.key_tasks_action.setText(self.tr("&Key tasks…"))
        self.new_halfyear_action.setText(self.tr("New half-&year…"))
        self.compliance_action.setText(self.tr("&Compliance (1+N)…"))
        self.evidence_action.setText(self.tr("&Evidence check…"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.guide_action.setText(self.tr("User &guide"))
        self.about_action.setText(self.tr("&About BranchDesk"))
        self.language_actions[language].setChecked(True)


def _on_tab(tab: Callable[[], PairingsTab], command: Callable[[PairingsTab], object]) -> Command:
    return lambda: command(tab())
