"""Columns that fit their table's width, so that a 1366×768 laptop (the common township machine) shows every
column without scrolling sideways: short columns as wide as their header or their widest value, the columns
of names sharing what is left by weight (a name too long for its share is elided; its tooltip has it all).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView

# Room for a cell's margins and grid line.
_CELL_PADDING = 12


class ColumnFit(QObject):
    """Refits ``table``'s columns whenever its viewport changes size or its headers change language.

    ``weights``: column → share of the width left by the others. ``samples``: column → its widest value
    as shown (read at each fit: the language may have changed).
    """

    def __init__(
        self, table: QTableView, weights: Mapping[int, int], samples: Callable[[], Mapping[int, str]]
    ) -> None:
        super().__init__(table)
        self._table = table
        self._weights = dict(weights)
        self._samples = samples
        table.horizontalHeader().setStretchLastSection(False)
        table.viewport().installEventFilter(self)
        model = table.model()
        model.headerDataChanged.connect(self.fit)
        model.modelReset.connect(self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def widths(self, available: int) -> dict[int, int]:
        """Each column's width for a viewport ``available`` pixels wide."""
        table, header = self._table, self._table.horizontalHeader()
        samples = self._samples()
        widths: dict[int, int] = {}
        for column in range(table.model().columnCount()):
            if column in self._weights:
                continue
            widths[column] = max(
                header.sectionSizeFromContents(column).width(),  # the title, with room for the sort arrow
                table.fontMetrics().horizontalAdvance(samples.get(column, "")) + _CELL_PADDING,
            )
        # Each name column gets the narrowest a column may be, then its share of what is left after that.
        least = header.minimumSectionSize()
        left = max(0, available - sum(widths.values()) - least * len(self._weights))
        total = sum(self._weights.values())
        for column, weight in self._weights.items():
            widths[column] = least + left * weight // total
        return widths

    def fit(self) -> None:
        header = self._table.horizontalHeader()
        for column, width in self.widths(self._table.viewport().width()).items():
            header.resizeSection(column, width)
