"""The window's tabs as one widget: each is made (and its module imported) when it is first shown, and the
window tells them all about the ledger, the region and each change in one way (ui/tabs/contract.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSignalBlocker, QTimer, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from branchdesk.ui.tabs.contract import LedgerTab

if TYPE_CHECKING:
    from branchdesk.domain.changes import Changed
    from branchdesk.storage.ledger import Ledger


@dataclass(frozen=True)
class TabSpec:
    """A tab: its id (its object name), its name on the tab, and how it is made."""

    tab_id: str
    title: Callable[[], str]
    make: Callable[[QWidget], QWidget]


class TabDeck(QTabWidget):
    made = Signal(QWidget)  # a tab was just made, before it was given the ledger

    def __init__(self, specs: list[TabSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tabs")
        self._specs = {spec.tab_id: spec for spec in specs}
        self._made: dict[str, QWidget] = {}
        self._ledger: Ledger | None = None
        self._region_id: int | None = None
        # What was written since a hidden tab last heard: it is told once, when it is shown (an edit on
        # one tab must not pay for reading every other tab again: 20-40 ms on the UI thread at county scale).
        self._unheard: dict[str, Changed] = {}
        for spec in specs:
            stand_in = QWidget(self)  # an empty page until the tab is first shown
            stand_in.setObjectName(spec.tab_id)
            self.addTab(stand_in, "")
        # Connected before anyone else: whoever hears of a new current tab finds the real one.
        self.currentChanged.connect(self._make_current)

    def _make_current(self, index: int) -> None:
        if index >= 0:
            tab_id = self._id_at(index)
            self.tab(tab_id)
            self._tell(tab_id)

    def _tell(self, tab_id: str) -> None:
        unheard = self._unheard.pop(tab_id, None)
        if unheard is not None:
            cast(LedgerTab, self._made[tab_id]).changed(unheard)

    def _id_at(self, index: int) -> str:
        widget = self.widget(index)
        assert widget is not None
        return widget.objectName()

    def tab_ids(self) -> list[str]:
        return list(self._specs)

    def tab(self, tab_id: str) -> QWidget:
        """The tab, made now if it was not yet (KeyError: no such tab)."""
        made = self._made.get(tab_id)
        if made is not None:
            return made
        spec = self._specs[tab_id]
        index = next(i for i in range(self.count()) if self._id_at(i) == tab_id)
        widget = spec.make(self)
        assert isinstance(widget, LedgerTab), f"{tab_id} does not keep the tab contract"
        stand_in = self.widget(index)
        assert stand_in is not None
        current = self.currentIndex()
        with QSignalBlocker(self):  # the same tab stays current: nobody needs to hear of it
            self.removeTab(index)
            self.insertTab(index, widget, spec.title())
            self.setCurrentIndex(current)
        stand_in.deleteLater()
        self._made[tab_id] = widget
        self.made.emit(widget)
        if self._ledger is not None:
            widget.set_ledger(self._ledger, self._region_id)
        return widget

    def make_all_soon(self) -> None:
        """Make the tabs not made yet, one per turn of the event loop: the window is on screen first, and
        each tab is ready (with its layout) before anyone turns to it."""
        if len(self._made) < len(self._specs):
            QTimer.singleShot(0, self, self._make_next)  # not after the window is gone

    def _make_next(self) -> None:
        waiting = [tab_id for tab_id in self._specs if tab_id not in self._made]
        if waiting:
            self.tab(waiting[0])
            self.make_all_soon()

    def show_tab(self, tab_id: str) -> QWidget:
        tab = self.tab(tab_id)
        self.setCurrentWidget(tab)
        return tab

    def made_tabs(self) -> list[QWidget]:
        return list(self._made.values())

    def _contract(self) -> Iterator[LedgerTab]:
        for widget in self.made_tabs():
            yield cast(LedgerTab, widget)

    # -- the contract, for every tab made so far; the others are told when they are made ---------------

    def set_ledger(self, ledger: Ledger | None, region_id: int | None) -> None:
        self._ledger, self._region_id = ledger, region_id
        self._unheard.clear()  # each tab reads the ledger afresh
        for tab in self._contract():
            tab.set_ledger(ledger, region_id)
        self._make_current(self.currentIndex())  # on show now: its commands and shortcuts work at once

    def set_region(self, region_id: int | None) -> None:
        self._region_id = region_id
        for tab in self._contract():
            tab.set_region(region_id)

    def changed(self, done: Changed) -> None:
        current = self.currentWidget()
        for tab_id, tab in self._made.items():
            if tab is current:
                cast(LedgerTab, tab).changed(done)
            else:
                self._unheard[tab_id] = done.merged(self._unheard.get(tab_id))

    def catch_up(self) -> None:
        """Tell every hidden tab what it has not heard yet (before a look at them all: tests, screenshots)."""
        for tab_id in list(self._unheard):
            self._tell(tab_id)

    def busy(self) -> bool:
        return any(tab.busy() for tab in self._contract())

    def stop_reading(self) -> None:
        """The ledger is closing: stop every tab's readers of the file and wait for them to finish; a tab
        made from now on is not given it."""
        self._ledger = None
        for tab in self._contract():
            tab.cancel()
            tab.wait()

    def wait(self) -> None:
        self.catch_up()
        for tab in self._contract():
            tab.wait()

    def retranslate(self) -> None:
        for i in range(self.count()):
            self.setTabText(i, self._specs[self._id_at(i)].title())
        for tab in self._contract():
            tab.retranslate()
