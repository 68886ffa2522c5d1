"""Right-click on a table's column names: a menu to show or hide each column, as in Excel. A small screen
cannot show every column of a wide table whole; the clerk chooses which, and the choice is kept with the
table's layout (QHeaderView.saveState holds the hidden columns)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView


class ColumnMenu:
    def __init__(self, table: QTableView) -> None:
        self._table = table
        header = table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_menu)
        self.menu: QMenu | None = None  # the one on screen, for tests to answer

    def actions(self, parent: QObject) -> list[QAction]:
        """One checkable action per column; the last shown column cannot be hidden."""
        header = self._table.horizontalHeader()
        model = self._table.model()
        shown = [column for column in range(header.count()) if not header.isSectionHidden(column)]
        actions = []
        for column in range(header.count()):
            action = QAction(str(model.headerData(column, Qt.Orientation.Horizontal)), parent)
            action.setCheckable(True)
            action.setChecked(column in shown)
            action.setEnabled(shown != [column])
            action.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
            actions.append(action)
        return actions

    def show_menu(self, position: QPoint) -> None:
        header = self._table.horizontalHeader()
        menu = QMenu(self._table)
        menu.setObjectName("columnMenu")
        title = menu.addAction(QCoreApplication.translate("ColumnMenu", "Columns shown"))
        title.setEnabled(False)
        menu.addSeparator()
        menu.addActions(self.actions(menu))
        self.menu = menu
        menu.exec(header.mapToGlobal(position))
        self.menu = None
        menu.deleteLater()
