"""What the window asks of every tab, and the little the tabs hand back: the window tells each tab about a
ledger, a region and a change in one way, and loops over its tabs instead of naming each.

No widgets are imported here, so the window can speak to a tab before its module is loaded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QAbstractItemModel

if TYPE_CHECKING:
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QAction

    from branchdesk.domain.changes import Changed
    from branchdesk.domain.enums import ActivityType, Area, BranchKind, Tier
    from branchdesk.domain.months import Month
    from branchdesk.storage.ledger import Ledger


@runtime_checkable
class LedgerTab(Protocol):
    """A tab of the window. Its object name is its id (``--screenshot`` names the files by it)."""

    def set_ledger(self, ledger: Ledger | None, region_id: int | None) -> None:
        """Show this ledger (None: none is open) for this region."""

    def set_region(self, region_id: int | None) -> None:
        """The region tree's selection changed (a hidden tab may only take note)."""

    def changed(self, done: Changed) -> None:
        """An action, undo or redo was saved to the open ledger."""

    def busy(self) -> bool:
        """A read of the file is under way for this tab."""

    def cancel(self) -> None:
        """Stop reading the file (another is opened, or the window closes)."""

    def wait(self) -> object:
        """Wait for the reads asked for (screenshots, the smoke test, tests)."""

    def retranslate(self) -> None: ...


@dataclass(frozen=True)
class DrillDown:
    """The rows behind a clicked bar: which tab lists them, for which region, filtered how."""

    tab: str  # the object name of the tab that lists the rows
    region_id: int
    kinds: tuple[BranchKind, ...] = ()
    text: str = ""  # the Branches tab's search text (a unit's name)
    direct: bool = False  # the region's own branches only (市直), not those below it
    unpaired_on: dt.date | None = None  # only the branches unpaired on this day: a coverage bar's gap
    month: Month | None = None
    activity_type: ActivityType | None = None
    area: Area | None = None
    organ_tier: Tier | None = None
    grassroots_tier: Tier | None = None
    pairing_id: int | None = None
    any_tier: bool = False  # the Pairings tab: the region's active pairings, whatever their tiers


@runtime_checkable
class DrillTarget(Protocol):
    """A tab that lists the rows behind a chart's bar."""

    def show_drill(self, drill: DrillDown) -> None: ...


@dataclass(frozen=True)
class TableView:
    """What a table tab hands over for File ▸ Export view: its sheet's name, the headers on show and its
    rows (cells as shown, dates as dates, counts as numbers), with how many there are."""

    name: str
    headers: Sequence[str]
    rows: Iterable[Sequence[object]]
    total: int


def table_headers(model: QAbstractItemModel) -> list[str]:
    """A table's column headers as shown."""
    from PySide6.QtCore import Qt  # not at import: the window's frame paints without Qt's namespace (app.py)

    return [str(model.headerData(i, Qt.Orientation.Horizontal)) for i in range(model.columnCount())]


@runtime_checkable
class TableTab(Protocol):
    def table_view(self, name: str) -> TableView | None:
        """The rows on show (its filter and order) as the sheet ``name``, or None when there is no ledger."""


@runtime_checkable
class ChartHolder(Protocol):
    """A tab whose chart File ▸ Export chart saves."""

    def has_chart(self) -> bool: ...

    def suggested_file_name(self) -> str: ...

    def export(self, path: Path) -> None: ...


@runtime_checkable
class MenuTab(Protocol):
    """A tab whose commands are also the Branches menu's (the Branches tab)."""

    def menu_actions(self) -> list[QAction]: ...


@runtime_checkable
class LayoutTab(Protocol):
    """A tab whose column layout is kept between sessions (under its id)."""

    def header_state(self) -> QByteArray: ...

    def restore_header_state(self, state: QByteArray) -> None: ...
