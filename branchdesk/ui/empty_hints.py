"""Every empty tab says in one line what to do next, with the buttons that do it: no region → add one; no
branches → add, paste or import; no pairings → pair or draw; no activities → record one."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from branchdesk.services.regions import scope_contents
from branchdesk.storage.ledger import Ledger

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


Advice = tuple[str, Callable[[], list[Step]]]  # a hint's line, and its buttons (made only when shown)


class EmptyHints(QObject):
    """A hint at the top of each tab, shown while the selected region holds nothing for that tab. A tab
    made later (ui/tabs/deck.py) gets its hint when it is made."""

    def __init__(self, steps: HintSteps, parent: QObject) -> None:
        super().__init__(parent)
        self._steps = steps
        self.hints: dict[str, EmptyHint] = {}  # by tab id
        self._advice: dict[str, Advice | None] = {}  # by tab id; None: the tab has something to show

    def attach(self, tab: QWidget) -> None:
        key = tab.objectName()
        hint = EmptyHint(f"emptyHint-{key}", tab)
        layout = tab.layout()
        assert isinstance(layout, QBoxLayout)
        layout.insertWidget(0, hint)
        self.hints[key] = hint
        self._show(key)

    def _show(self, key: str) -> None:
        advice = self._advice.get(key)
        if advice is None:
            self.hints[key].hide()
        else:
            self.hints[key].show_hint(advice[0], advice[1]())

    def refresh(self, ledger: Ledger | None, region_id: int | None, region: str) -> None:
        self._advice = self._what_to_do(ledger, region_id, region)
        for key in self.hints:
            self._show(key)

    def _what_to_do(
        self, ledger: Ledger | None, region_id: int | None, region: str
    ) -> dict[str, Advice | None]:
        if ledger is None:
            return {}
        steps = self._steps
        if region_id is None:
            text = self.tr(
                "This ledger has no regions yet: add the city first, then its counties and townships."
            )
            return dict.fromkeys(TAB_NEEDS, (text, lambda: [steps.add_region()]))
        contents = scope_contents(ledger, region_id)
        no_branches: Advice = (
            self.tr(
                "{region} has no branches yet: add them one by one, paste rows copied from Excel or WPS, "
                "or import a list."
            ).format(region=region),
            lambda: [steps.add_branch(), steps.paste(), steps.import_rows()],
        )
        no_pairings: Advice = (
            self.tr(
                "{region} has no pairings yet: pair two branches, or draw the pairs, strong with weak."
            ).format(region=region),
            lambda: [steps.pair(), steps.draw()],
        )
        no_activities: Advice = (
            self.tr("{region} has no activities yet: record the first one.").format(region=region),
            lambda: [steps.record()],
        )
        present = {
            "branches": contents.branches,
            "pairings": contents.pairings,
            "activities": contents.activities,
        }
        advice = {"branches": no_branches, "pairings": no_pairings, "activities": no_activities}
        return {
            key: next((advice[need] for need in needs if not present[need]), None)
            for key, needs in TAB_NEEDS.items()
        }


# Each tab needs what comes before it: branches, then pairings, then activities.
TAB_NEEDS = {
    "branches": ("branches",),
    "pairings": ("branches", "pairings"),
    "activities": ("branches", "pairings", "activities"),
    "items": ("branches", "pairings"),
    "coverage": ("branches", "pairings"),
    "activity-frequency": ("branches", "pairings", "activities"),
    "teams": ("branches",),  # a team is sent to a village's branch, by any unit
}
