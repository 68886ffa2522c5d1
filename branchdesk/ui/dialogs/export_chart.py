"""File ▸ Export chart: where to save the chart on show, as PNG, SVG or PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

# Given the window and a suggested file name; None when the user cancels.
ChartPathChooser = Callable[[QWidget, str], Path | None]

FORMATS = ("png", "svg", "pdf")


def _filters() -> list[str]:
    return [
        QCoreApplication.translate("ExportChartDialog", "PNG image, for documents and messages (*.png)"),
        QCoreApplication.translate("ExportChartDialog", "SVG drawing, for further editing (*.svg)"),
        QCoreApplication.translate("ExportChartDialog", "PDF document, for printing (*.pdf)"),
    ]


def with_format(path: Path, chosen_filter: int) -> Path:
    """The path with a chart format's suffix: the typed one if it is one, else the chosen filter's."""
    if path.suffix.lower().lstrip(".") in FORMATS:
        return path
    return path.with_name(path.name + "." + FORMATS[max(chosen_filter, 0)])


def file_dialog_export_chart(documents_dir: Path) -> ChartPathChooser:
    def choose(parent: QWidget, suggested: str) -> Path | None:
        dialog = QFileDialog(
            parent, QCoreApplication.translate("ExportChartDialog", "Export chart"), str(documents_dir)
        )
        dialog.setObjectName("exportChartDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        filters = _filters()
        dialog.setNameFilters(filters)
        dialog.selectFile(suggested)
        # The suffix is added before the overwrite question, so that it asks about the real file.
        dialog.filterSelected.connect(
            lambda chosen: dialog.setDefaultSuffix(
                FORMATS[filters.index(chosen)] if chosen in filters else ""
            )
        )
        dialog.setDefaultSuffix(FORMATS[0])
        if not dialog.exec() or not dialog.selectedFiles():
            return None
        chosen = dialog.selectedNameFilter()
        return with_format(Path(dialog.selectedFiles()[0]), filters.index(chosen) if chosen in filters else 0)

    return choose


def no_chart_path(parent: QWidget, suggested: str) -> Path | None:
    """The chooser of a window built without one (tests): as if the user cancelled."""
    return None
