"""Editing the region tree: add a city at the top (always possible, also by right-clicking empty space), a
county or township under the selected region, rename it or set its official code, move a township to another
county, remove an empty region. Each is one undo step through ``LedgerEdits``. The dialogs are loaded when
first opened, not with the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from branchdesk.domain.branch_rules import BLANKS
from branchdesk.domain.enums import RegionLevel
from branchdesk.domain.records import Region
from branchdesk.services import regions
from branchdesk.ui.edits import LedgerEdits
from branchdesk.ui.region_tree import RegionTreePanel


class RegionActions(QObject):
    def __init__(self, panel: RegionTreePanel, edits: LedgerEdits, parent: QWidget) -> None:
        super().__init__(parent)
        self._panel = panel
        self._edits = edits
        self._parent = parent

        def action(name: str, slot: Callable[[], object], shortcut: str | None = None) -> QAction:
            created = QAction(parent)
            created.setObjectName(name)
            created.triggered.connect(slot)
            if shortcut is not None:
                created.setShortcut(QKeySequence(shortcut))
            return created

        self.add_top = action("addTopRegion", self.add_top_region, "Ctrl+Shift+R")
        self.add = action("addRegion", self.add_region, "Ctrl+R")
        self.edit = action("editRegion", self.edit_region)
        self.move = action("moveRegion", self.move_region)
        self.remove = action("removeRegion", self.remove_region)
        panel.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        panel.view.customContextMenuRequested.connect(self._context_menu)
        # The tree's own current row, not region_selected: a reload after an edit selects without that signal.
        panel.view.selectionModel().currentChanged.connect(lambda *_: self.update_enabled())
        self.retranslate()

    def all(self) -> list[QAction]:
        return [self.add_top, self.add, self.edit, self.move, self.remove]

    def _selected(self) -> Region | None:
        ledger = self._edits.ledger
        region_id = self._panel.selected_region()
        if ledger is None or region_id is None:
            return None
        return next((r for r in regions.list_regions(ledger) if r.id == region_id), None)

    def retranslate(self) -> None:
        self.add_top.setText(self.tr("Add a cit&y at the top…"))
        self.edit.setText(self.tr("Re&name or set code…"))
        self.move.setText(self.tr("&Move to another county…"))
        self.remove.setText(self.tr("&Remove region"))
        self.update_enabled()

    def update_enabled(self) -> None:
        region = self._selected()
        writable = self._edits.writable and region is not None
        level = None if region is None else region.level
        self.add_top.setEnabled(self._edits.writable)
        self.add.setEnabled(writable and level is not RegionLevel.TOWNSHIP)
        self.edit.setEnabled(writable)
        self.move.setEnabled(writable and level is RegionLevel.TOWNSHIP)
        self.remove.setEnabled(writable and level is not RegionLevel.CITY)
        # The city takes counties; a county takes townships.
        self.add.setText(self.tr("Add &county…") if level is RegionLevel.CITY else self.tr("Add &township…"))

    def _context_menu(self, position: QPoint) -> None:
        self.update_enabled()
        menu = QMenu(self._parent)
        # On empty space only the top level is offered: the selected region is not what was clicked.
        on_region = self._panel.view.indexAt(position).isValid()
        menu.addActions(self.all() if on_region else [self.add_top])
        menu.exec(self._panel.view.viewport().mapToGlobal(position))

    def add_top_region(self) -> None:
        from branchdesk.ui.dialogs.region import RegionDialog

        if not self._edits.writable:
            return
        dialog = RegionDialog(self.tr("New city"), parent=self._parent)
        if dialog.exec():
            name, code = dialog.name.text(), dialog.code.text()
            if self._edits.run(lambda led: regions.add_region(led, name, None, code), self._parent):
                self.select_path(name.strip(BLANKS))

    def select_path(self, path: str) -> None:
        """Select a region by its path (a new one: its first child or branch is then one step away)."""
        ledger = self._edits.ledger
        found = [r.id for r in ([] if ledger is None else regions.list_regions(ledger)) if r.path == path]
        if found:
            self._panel.select(found[0])

    def add_region(self) -> None:
        from branchdesk.ui.dialogs.region import RegionDialog

        parent = self._selected()
        if parent is None or parent.level is RegionLevel.TOWNSHIP:
            return
        title = self.tr("New county") if parent.level is RegionLevel.CITY else self.tr("New township")
        dialog = RegionDialog(f"{title} — {parent.path}", parent=self._parent)
        if dialog.exec():
            name, code = dialog.name.text(), dialog.code.text()
            done = self._edits.run(lambda led: regions.add_region(led, name, parent.id, code), self._parent)
            # A new county is selected for its townships; after a township the county stays, for the next.
            if done is not None and parent.level is RegionLevel.CITY:
                self.select_path(f"{parent.path}/{name.strip(BLANKS)}")

    def edit_region(self) -> None:
        from branchdesk.ui.dialogs.region import RegionDialog

        region = self._selected()
        if region is None:
            return
        dialog = RegionDialog(
            self.tr("Region {path}").format(path=region.path), region.name, region.code, self._parent
        )
        if dialog.exec():
            name, code = dialog.name.text(), dialog.code.text()
            if (name.strip(BLANKS), code.strip(BLANKS) or None) == (region.name, region.code):
                return  # looked at, OK pressed: no empty step in the file and in Edit ▸ Undo
            self._edits.run(lambda led: regions.edit_region(led, region.id, name, code), self._parent)

    def move_region(self) -> None:
        from branchdesk.ui.dialogs.region import MoveRegionDialog

        region = self._selected()
        ledger = self._edits.ledger
        if region is None or ledger is None or region.level is not RegionLevel.TOWNSHIP:
            return
        counties = [
            r
            for r in regions.list_regions(ledger)
            if r.level is RegionLevel.COUNTY and r.id != region.parent_id
        ]
        dialog = MoveRegionDialog(region.name, counties, self._parent)
        target = dialog.chosen() if dialog.exec() else None
        if target is not None:
            self._edits.run(lambda led: regions.move_region(led, region.id, target), self._parent)

    def remove_region(self) -> None:
        region = self._selected()
        if region is not None:
            self._edits.run(lambda led: regions.remove_region(led, region.id), self._parent)
