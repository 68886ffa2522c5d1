"""A4 pages in Chinese drawn with matplotlib: text lines, table rows and pictures laid out from the top of
the page down, a new page started as needed, each page footed with a line and its number.

The papers BranchDesk prints (the draw record, the monthly report) read in Chinese whatever the window's
language. matplotlib draws them with the bundled Chinese font and embeds it in the PDF (ReportLab cannot
embed that OpenType font). The pages are Figures, so the window can also show them before printing.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from branchdesk.charts import CHART_FONT_FAMILY
from branchdesk.charts.base import text_inches
from branchdesk.domain.errors import BranchDeskError, os_reason

A4 = (8.27, 11.69)  # inches, portrait
MARGIN = 0.7
CONTENT_WIDTH = A4[0] - 2 * MARGIN
LINE = 0.24  # inches between lines of text and table rows
WRAPPED = 0.16  # inches between the lines of one table cell
SIZE = 8.5  # points
HEADING = "#1f4e79"  # the bundled font has one weight: headings stand out by colour
PICTURE_DPI = 200  # charts are drawn as pictures at print resolution
APP_NAME = "支部联建台账"  # as the papers name the program that made them


@dataclass(frozen=True)
class TableColumn:
    heading: str
    left: float  # inches from the left margin
    width: float


def wrap(text: str, width: float, size: float = SIZE) -> list[str]:
    """``text`` in lines that fit ``width`` inches, broken between characters as Chinese is (a long name
    reads whole on two lines rather than running into its neighbour or being cut)."""
    lines: list[str] = []
    line = ""
    for char in text:
        # Closing punctuation never starts a line (避头): it stays at the end of the line before.
        if line and char not in _NO_LINE_START and text_inches(line + char, size) > width:
            lines.append(line)
            line = ""
        line += char
    return [*lines, line]


_NO_LINE_START = frozenset("）)】]」』》〉，,。.、；;：:！!？?")


class Pages:
    """Lays out the pages of one paper; :attr:`figures` holds them as they are finished."""

    def __init__(self, footer: str) -> None:
        self._footer = footer
        self._figure: Figure | None = None
        self._y = 0.0
        self.figures: list[Figure] = []

    @property
    def room(self) -> float:
        """Inches left on the page under way (0 before the first)."""
        return 0.0 if self._figure is None else self._y - MARGIN

    def _page(self, needed: float = LINE) -> Figure:
        if self._figure is None or self._y - needed < MARGIN:
            self.new_page()
        assert self._figure is not None
        return self._figure

    def new_page(self) -> None:
        self.close()
        self._figure = Figure(figsize=A4)
        self._y = A4[1] - MARGIN

    def text(
        self, x: float, content: str, *, size: float = SIZE, colour: str = "black", down: float = 0.0
    ) -> None:
        """``content`` at ``x`` inches from the left margin, ``down`` inches below the current line."""
        figure = self._page()
        figure.text(
            (MARGIN + x) / A4[0],
            (self._y - down) / A4[1],
            content,
            fontsize=size,
            color=colour,
            family=CHART_FONT_FAMILY,
            va="top",
        )

    def line(self, content: str, *, size: float = SIZE, colour: str = "black", x: float = 0.0) -> None:
        """A line of text, then down a line."""
        self.text(x, content, size=size, colour=colour)
        self.advance(max(LINE, size / 72 * 1.6))

    def advance(self, inches: float = LINE) -> None:
        self._y -= inches

    @staticmethod
    def _cells(cells: Sequence[str], columns: Sequence[TableColumn]) -> list[list[str]]:
        return [wrap(text, column.width - 0.08) for text, column in zip(cells, columns, strict=True)]

    @staticmethod
    def _height(lines: Sequence[Sequence[str]]) -> float:
        return LINE + WRAPPED * (max(len(cell) for cell in lines) - 1)

    def row(self, cells: Sequence[str], columns: Sequence[TableColumn], *, colour: str = "black") -> None:
        """One row; a cell too long for its column goes on over more lines, and the row with it."""
        lines = self._cells(cells, columns)
        self._page(self._height(lines))
        for cell, column in zip(lines, columns, strict=True):
            for number, line in enumerate(cell):
                self.text(column.left, line, colour=colour, down=number * WRAPPED)
        self.advance(self._height(lines))

    def table(self, columns: Sequence[TableColumn], rows: Sequence[Sequence[str]]) -> None:
        """A table whose heading row repeats at the top of each page it runs onto."""
        self._page(2 * LINE)
        headings = [column.heading for column in columns]
        self.row(headings, columns, colour=HEADING)
        for cells in rows:
            if self.room < self._height(self._cells(cells, columns)):
                self.new_page()
                self.row(headings, columns, colour=HEADING)
            self.row(cells, columns)

    def picture(self, chart: Figure) -> None:
        """``chart`` drawn as a picture at its own size, from the left margin: charts lay themselves out
        for a figure of their own, not for part of a page."""
        width, height = chart.get_size_inches()
        chart.set_dpi(PICTURE_DPI)
        canvas = FigureCanvasAgg(chart)
        canvas.draw()  # type: ignore[no-untyped-call]
        image = np.asarray(canvas.buffer_rgba())  # type: ignore[no-untyped-call]
        figure = self._page(height)
        axes = figure.add_axes((MARGIN / A4[0], (self._y - height) / A4[1], width / A4[0], height / A4[1]))
        axes.imshow(image, interpolation="antialiased")
        axes.set_axis_off()
        self.advance(height)

    def close(self) -> None:
        """Finish the page under way: its footer and number."""
        if self._figure is not None:
            number = len(self.figures) + 1
            self._figure.text(0.5, 0.4 / A4[1], f"{self._footer}  第 {number} 页", ha="center",
                              fontsize=7, family=CHART_FONT_FAMILY, color="#555555")  # fmt: skip
            self.figures.append(self._figure)
            self._figure = None


def save_pdf(figures: Sequence[Figure], path: Path, title: str) -> None:
    """The pages as one PDF with the Chinese font embedded, written beside ``path`` and moved into place
    (a failure never leaves half a file)."""
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with PdfPages(temporary, metadata={"Title": title, "Creator": APP_NAME}) as pdf:
            for figure in figures:
                pdf.savefig(figure)
        os.replace(temporary, path)
    except OSError as error:
        raise BranchDeskError("export.cannot_write", path=str(path), reason=os_reason(error)) from None
    finally:
        temporary.unlink(missing_ok=True)
