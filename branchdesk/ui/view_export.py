"""Export view: the rows a table shows (its filter, its sort, its columns, every row, not only those
loaded) to a workbook, with the workbook writer every export uses.

The rows are read in batches from the tab's own SQL-backed source on the UI thread; between batches the
progress dialog keeps the window painted and its Cancel button live, and a cancel unwinds the writer,
which removes its half-written file.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from branchdesk.exchange.files import Sheet, SheetColumn, write_workbook
from branchdesk.i18n.language import format_count
from branchdesk.ui.jobs.runner import JobCancelledError
from branchdesk.ui.tabs.contract import TableView

_PROGRESS_EVERY = 500
_MIN_WIDTH, _MAX_WIDTH = 8, 50
_SAMPLE = 50  # rows whose widest cell sets a column's width


def _width(value: object) -> int:
    """Excel's width units of a cell's text: a Chinese character is about two."""
    if hasattr(value, "isoformat"):
        return 11
    return sum(2 if ord(char) > 0x2E80 else 1 for char in str(value or ""))


def _counted(
    rows: Iterable[Sequence[object]], dialog: QProgressDialog, written: list[int]
) -> Iterator[Sequence[object]]:
    for done, row in enumerate(rows, start=1):
        yield row
        written[0] = done
        if done % _PROGRESS_EVERY == 0:
            dialog.setValue(min(done, dialog.maximum()) if dialog.maximum() else 0)
            QCoreApplication.processEvents()
            if dialog.wasCanceled():
                raise JobCancelledError


def export_view(parent: QWidget, view: TableView, path: Path) -> int | None:
    """Write ``view`` to ``path``; the rows written, or None when the user cancelled (nothing is left
    behind)."""
    dialog = QProgressDialog(parent)
    dialog.setObjectName("viewExportProgress")
    dialog.setLabelText(
        QCoreApplication.translate("ViewExport", "Exporting {count} rows…").format(
            count=format_count(view.total)
        )
    )
    dialog.setRange(0, view.total)  # 0: not known beforehand, a busy bar
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    rows = iter(view.rows)
    sample = list(itertools.islice(rows, _SAMPLE))
    columns = [
        SheetColumn(
            header,
            min(max(_width(header), *(_width(row[at]) for row in sample), _MIN_WIDTH) + 2, _MAX_WIDTH),
        )
        for at, header in enumerate(view.headers)
    ]
    written = [0]
    try:
        write_workbook(
            path, [Sheet(view.name, columns, _counted(itertools.chain(sample, rows), dialog, written))]
        )
    except JobCancelledError:
        return None
    finally:
        dialog.close()
        dialog.deleteLater()
    return written[0]
