"""File ▸ Monthly report: choose the month (the region is the one selected), then preview and print the
report, or save it as a PDF. The pages are drawn off the UI thread; the preview and the printout show the
same pages as the PDF."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import Month, last_ended_month
from branchdesk.i18n.language import format_month
from branchdesk.i18n.messages import error_text
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.file_choice import FilePurpose
from branchdesk.ui.jobs.runner import Cancelled, JobRunner, Progress, run_with_progress
from branchdesk.ui.labels import current_language
from branchdesk.ui.widgets import MarkedField, MonthLineEdit, check_all

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from branchdesk.exchange.monthly_report import MonthlyReport
    from branchdesk.ui.context import UiContext

# matplotlib and the report's charts load when a report is first drawn, not when the window starts.

PREVIEW_DPI = 150  # enough for the screen and for a printout of charts and text


def page_image(figure: Figure, dpi: float = PREVIEW_DPI) -> QImage:
    """A report page as an image (the same drawing as the PDF's page)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    figure.set_dpi(dpi)
    canvas.draw()  # type: ignore[no-untyped-call]
    width, height = canvas.get_width_height()
    data = bytes(canvas.buffer_rgba())  # type: ignore[no-untyped-call]
    return QImage(data, width, height, QImage.Format.Format_RGBA8888).copy()


def paint_pages(printer: QPrinter, images: list[QImage]) -> None:
    """Each page's image on a page of ``printer``, scaled to the page and centred."""
    painter = QPainter(printer)
    try:
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            page = QRectF(painter.viewport())
            scale = min(page.width() / image.width(), page.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            target = QRectF(
                page.x() + (page.width() - width) / 2, page.y() + (page.height() - height) / 2, width, height
            )
            painter.drawImage(target, image)
    finally:
        painter.end()


# What a window's frame (title bar and borders, as on Windows 10/11) adds to its size.
_FRAME = QSize(16, 48)


class ReportDialog(QDialog):
    def __init__(
        self, ledger_path: Path, region: str | None, context: UiContext, jobs: JobRunner, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(self.tr("Monthly report"))
        self.ledger_path, self.region, self.context, self.jobs = ledger_path, region, context, jobs
        self.report: MonthlyReport | None = None
        self._built_for: tuple[Month, str | None] | None = None
        self.month = MonthLineEdit(self, keep_enter=True)  # Enter takes the month; the dialog stays
        self.month.setObjectName("reportMonth")
        self.month.set_value(last_ended_month(context.clock.today()))
        self.message = QLabel(self)
        self.message.setObjectName("reportMessage")
        self.message.setWordWrap(True)
        about = QLabel(
            self.tr(
                "An A4 report in Chinese: the headline figures, coverage by region, activities over the "
                "year and by the six areas, and the pairings without a themed Party day in the month."
            ),
            self,
        )
        about.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Region:"), QLabel(region or self.tr("The whole ledger"), self))
        form.addRow(self.tr("Month:"), MarkedField(self.month))
        self.preview_button = QPushButton(self.tr("&Preview and print…"), self)
        self.preview_button.setObjectName("reportPreview")
        self.preview_button.clicked.connect(self.preview)
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.save_button.setObjectName("reportSave")
        self.save_button.clicked.connect(self.save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def chosen_month(self) -> Month | None:
        """The month typed; None while the field holds none (it is marked with the reason)."""
        return self.month.value() if check_all(self.month) else None

    def _month_text(self) -> str:
        month = self._built_for[0] if self._built_for else None
        return "" if month is None else format_month(month.year, month.month, current_language())

    def build(self) -> MonthlyReport | None:
        """The report's pages for the month chosen (kept while the month stays the same)."""
        month, region = self.chosen_month(), self.region
        if month is None:
            return None
        if self.report is not None and self._built_for == (month, region):
            return self.report

        from branchdesk.exchange.monthly_report import MonthlyReport, build_report

        def work(ledger: Ledger, progress: Progress) -> MonthlyReport:
            return build_report(ledger, month, region, progress)

        label = self.tr("Drawing the report…")
        result = run_with_progress(self.jobs, self, label, self.ledger_path, work, read_only=True)
        if isinstance(result, MonthlyReport):
            self.report, self._built_for = result, (month, region)
            return result
        if isinstance(result, BranchDeskError):
            self.message.setText(error_text(result))
        elif isinstance(result, Cancelled):
            self.message.setText(self.tr("Cancelled."))
        return None

    def preview_dialog(self) -> QPrintPreviewDialog | None:
        report = self.build()
        if report is None:
            return None
        images = [page_image(page) for page in report.pages]
        # The preview does not own its printer: kept here for as long as the dialog may use it.
        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        self._printer.setDocName(report.title)
        dialog = QPrintPreviewDialog(self._printer, self)
        dialog.setObjectName("reportPrintPreview")
        dialog.setWindowTitle(
            self.tr("Monthly report {month} — print preview").format(month=self._month_text())
        )
        dialog.paintRequested.connect(lambda target: paint_pages(target, images))
        # As tall as the screen allows (768 pixels on the common township laptop, less the taskbar) with a
        # whole A4 page in view: no part of the dialog or its buttons off screen.
        screen = self.screen().availableGeometry()
        dialog.resize(min(900, screen.width() - _FRAME.width()), min(1000, screen.height() - _FRAME.height()))
        widget = dialog.findChild(QPrintPreviewWidget)
        if widget is not None:
            widget.fitInView()
        return dialog

    def preview(self) -> None:
        dialog = self.preview_dialog()
        if dialog is not None:
            dialog.exec()

    def save(self) -> None:
        report = self.build()
        if report is None:
            return
        suggested = self.tr("Monthly report {month}.pdf").format(month=self._month_text())
        path = self.context.choose_file(self, FilePurpose.REPORT, suggested)
        if path is None:
            return
        from branchdesk.exchange.pdf_pages import save_pdf

        try:
            save_pdf(report.pages, path, report.title)
        except BranchDeskError as error:
            self.message.setText(error_text(error))
            return
        self.message.setText(self.tr("Saved to {path}").format(path=path))
