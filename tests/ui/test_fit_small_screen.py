"""At 1366×768, the commonest township laptop, the Pairings tab's columns and the print preview fit on
screen (issue #14): no sideways scrolling, no dialog larger than the screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication

from branchdesk.domain.clock import FixedClock
from branchdesk.services.demo import generate_demo
from branchdesk.ui.main_window import MainWindow

SCREEN = (1366, 768)


@pytest.fixture
def window(
    make_window: Callable[..., MainWindow], tmp_path: Path, clock: FixedClock, qtbot: object
) -> MainWindow:
    """A township demo in a window the size of the screen."""
    path = tmp_path / "乡镇 演示.bdesk"
    generate_demo(path, "township", seed=3, clock=clock)
    made = make_window()
    assert made.open_path(path)
    made.resize(*SCREEN)
    made.show()
    qtbot.waitExposed(made)  # type: ignore[attr-defined]
    return made


def test_pairings_columns_fit_the_table_at_1366_by_768(window: MainWindow, qtbot: object) -> None:
    window.show_tab("pairings")
    window.settle()
    table = window.pairings_tab.table
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)  # type: ignore[attr-defined]
    QApplication.processEvents()
    header = table.horizontalHeader()
    widths = [header.sectionSize(column) for column in range(header.count())]
    assert sum(widths) <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    # Every short column shows its whole title and values; the names share the rest.
    assert min(widths) >= 40


def test_the_monthly_report_preview_fits_the_screen_with_a_whole_page_in_view(
    window: MainWindow, qtbot: object
) -> None:
    dialog = window.exchange.report_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    seen: dict[str, object] = {}

    def look() -> None:
        preview = QApplication.activeModalWidget()
        if not isinstance(preview, QPrintPreviewDialog):
            QTimer.singleShot(20, look)
            return
        widget = preview.findChild(QPrintPreviewWidget)
        assert widget is not None
        seen.update(
            frame=preview.frameGeometry().size(),
            screen=preview.screen().availableGeometry().size(),
            zoom=widget.zoomMode(),
        )
        preview.reject()

    QTimer.singleShot(0, look)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    frame, screen = seen["frame"], seen["screen"]
    assert isinstance(frame, QSize)
    assert isinstance(screen, QSize)
    assert frame.width() <= screen.width()
    assert frame.height() <= screen.height()
    assert seen["zoom"] == QPrintPreviewWidget.ZoomMode.FitInView
