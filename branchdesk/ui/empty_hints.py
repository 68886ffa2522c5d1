"""Every empty tab says in one line what to do next, with the buttons that do it: no region → add one; no
branches → add, paste or import; no pairings → pair or draw; no activities → record one."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from branchdesk.services.regions import scope_contents
from branchdesk.storage.ledger import Ledger

if TYPE_CHECKING:
    from branchdesk.ui.main_window import MainWindow

_MNEMONIC = re.compile(r"\(&\w\)|&(?=\w)")  # 添加支部(&A)… and &Add branch… read 添加支部… and Add branch…


@dataclass(frozen=True)
class Step:
    """What a hint's button says and does."""

    name: str
    text: str
    run: Callable[[], object]
    enabled: bool = True


def action_step(action: QAction) -> Step:
    """A menu action as a button: its words without the access key."""
    return Step(action.objectName(), _MNEMONIC.sub("", action.text()), action.trigger, action.isEnabled())


def button_step(button: QPushButton) -> Step:
    return Step(button.objectName(), button.text(), button.click, button.isEnabled())


class EmptyHint(QFrame):
    """One line of advice and the buttons that act on it, at the top of a tab."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        # Pale yellow, as a note pinned to the page: it stands out without looking like an error.
        self.setStyleSheet(f"QFrame#{name} {{ background: #fff7d6; border: 1px solid #e5cf7a; }}")
        self.label = QLabel(self)
        self.label.setObjectName("emptyHintText")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 10, 6)
        self._layout.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        self._steps: list[Step] = []
        self.hide()

    def show_hint(self, text: str, steps: Sequence[Step]) -> None:
        self.label.setText(text)
        self._steps = list(steps)
        while len(self.buttons) > len(steps):
            self.buttons.pop().deleteLater()
        while len(self.buttons) < len(steps):
            button = QPushButton(self)
            index = len(self.buttons)
            button.clicked.connect(lambda _checked=False, i=index: self._steps[i].run())
            self._layout.addWidget(button)
            self.buttons.append(button)
        for button, step in zip(self.buttons, steps, strict=True):
            button.setObjectName(f"hint-{step.name}")
            button.setText(step.text)
            button.setEnabled(step.enabled)
        self.show()


@dataclass(frozen=True)
class HintSteps:
    """The window's means to each next step (built when asked: their words and enabled state change)."""

    add_region: Callable[[], Step]
    add_branch: Callable[[], Step]
    paste: Callable[[], Step]
    import_rows: Callable[[], Step]
    pair: Callable[[], Step]
    draw: Callable[[], Step]
    record: Callable[[], Step]


class EmptyHints(QObject):
    """A hint at the top of each tab, shown while the selected region holds nothing for that tab."""

    def __init__(self, tabs: Sequence[QWidget], steps: HintSteps, parent: QObject) -> None:
        super().__init__(parent)
        self._steps = steps
        self.hints: dict[str, EmptyHint] = {}  # by tab id
        for tab in tabs:
            key = tab.objectName()
            hint = EmptyHint(f"emptyHint-{key}", tab)
            layout = tab.layout()
            assert isinstance(layout, QBoxLayout)
            layout.insertWidget(0, hint)
            self.hints[key] = hint

    @classmethod
    def for_window(cls, window: MainWindow) -> EmptyHints:
        """Hints on the window's tabs, their buttons doing what the menus do."""
        tabs = [
            window.branches_tab,
            window.pairings_tab,
            window.activities_tab,
            window.coverage_tab,
            window.frequency_tab,
        ]
        branch_actions = window.branches_tab.branch_actions
        steps = HintSteps(
            add_region=lambda: action_step(window.region_actions.add_top),
            add_branch=lambda: action_step(branch_actions.add),
            paste=lambda: action_step(branch_actions.paste),
            import_rows=lambda: action_step(window.exchange.import_action),
            pair=lambda: action_step(window.pairing_actions["pairAction"]),
            draw=lambda: action_step(window.pairing_actions["drawAction"]),
            record=lambda: button_step(window.activities_tab.record_button),
        )
        return cls(tabs, steps, window)

    def refresh(self, ledger: Ledger | None, region_id: int | None, region: str) -> None:
        if ledger is None:
            for hint in self.hints.values():
                hint.hide()
            return
        steps = self._steps
        if region_id is None:
            text = self.tr(
                "This ledger has no regions yet: add the city first, then its counties and townships."
            )
            for hint in self.hints.values():
                hint.show_hint(text, [steps.add_region()])
            return
        contents = scope_contents(ledger, region_id)
        no_branches = (
            self.tr(
                "{region} has no branches yet: add them one by one, paste rows copied from Excel or WPS, "
                "or import a list."
            ).format(region=region),
            [steps.add_branch(), steps.paste(), steps.import_rows()],
        )
        no_pairings = (
            self.tr(
                "{region} has no pairings yet: pair two branches, or draw the pairs, strong with weak."
            ).format(region=region),
            [steps.pair(), steps.draw()],
        )
        no_activities = (
            self.tr("{region} has no activities yet: record the first one.").format(region=region),
            [steps.record()],
        )
        # Each tab needs what comes before it: branches, then pairings, then activities.
        needs = {
            "branches": [(contents.branches, no_branches)],
            "coverage": [(contents.branches, no_branches), (contents.pairings, no_pairings)],
            "pairings": [(contents.branches, no_branches), (contents.pairings, no_pairings)],
            "activities": [
                (contents.branches, no_branches),
                (contents.pairings, no_pairings),
                (contents.activities, no_activities),
            ],
        }
        needs["activity-frequency"] = needs["activities"]
        for key, hint in self.hints.items():
            missing = next((advice for present, advice in needs[key] if not present), None)
            if missing is None:
                hint.hide()
            else:
                hint.show_hint(*missing)
