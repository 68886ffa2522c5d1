"""The status bar's lasting parts: the open file (or, for a while, a notice such as where a backup went), and
the selected region's figures (counts, coverage and, for a city, its organs by level), computed off the UI
thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QStatusBar

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.stats import LedgerStats
from branchdesk.i18n.language import format_count, format_month, format_rate
from branchdesk.i18n.messages import error_text
from branchdesk.services.stats import region_stats
from branchdesk.ui.jobs.runner import JobRunner, Reads
from branchdesk.ui.session import LedgerSession

NOTICE_MS = 15000  # how long a notice stands in place of the file's path


class ElidedLabel(QLabel):
    """One line that takes the room it is given and no more: a long text (a path with Chinese folder names)
    is drawn shortened in the middle, so its start and its end (the file's name) stay; the whole text is its
    text (what a screen reader reads) and its tooltip. A plain QLabel asks for its whole text's width: the
    status bar's figures beside it were squeezed, and a message in its place was cut off by them."""

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setToolTip(text)

    def shown_text(self) -> str:
        """The text as drawn in the label's width."""
        width = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideMiddle, width)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        self.style().drawItemText(
            painter, self.contentsRect(), align, self.palette(), self.isEnabled(), self.shown_text()
        )


class StatusFigures(QObject):
    def __init__(self, bar: QStatusBar, jobs: JobRunner, language: Callable[[], str]) -> None:
        super().__init__(bar)
        self._language = language
        self._bar = bar
        # The status bar's left part: the open file's path, or a notice while ``notice_timer`` runs.
        self.file_label = ElidedLabel(bar)
        self.file_label.setObjectName("statusFile")
        # Apart from the figures on the right, however long the path.
        self.file_label.setContentsMargins(0, 0, self.file_label.fontMetrics().horizontalAdvance("  "), 0)
        self._file_text = ""
        self.notice_timer = QTimer(self)
        self.notice_timer.setSingleShot(True)
        self.notice_timer.timeout.connect(lambda: self.file_label.show_text(self._file_text))
        self.counts_label = QLabel(bar)
        self.counts_label.setObjectName("statusCounts")
        self.coverage_label = QLabel(bar)
        self.coverage_label.setObjectName("statusCoverage")
        bar.addWidget(self.file_label, 1)
        bar.addPermanentWidget(self.counts_label)
        bar.addPermanentWidget(self.coverage_label)
        # For a city: the organ side by level, as the programme reports it (市直 and 县级).
        self.levels_label = QLabel(bar)
        self.levels_label.setObjectName("statusLevels")
        bar.addPermanentWidget(self.levels_label)
        self.background_stats = Reads(jobs, self)
        self.background_stats.ready.connect(self._show_stats)
        self.background_stats.failed.connect(self._show_stats_error)
        self._stats: LedgerStats | None = None

    def show_file(self, session: LedgerSession | None) -> None:
        if session is None:
            self._file_text = self.tr("No ledger open")
        elif session.read_only:
            self._file_text = self.tr("{path} — read-only: changes cannot be saved to this file").format(
                path=session.path
            )
        else:
            self._file_text = str(session.path)
        if not self.notice_timer.isActive():
            self.file_label.show_text(self._file_text)

    def show_notice(self, text: str) -> None:
        """A notice naming a file (a backup, an export) where the file's path is, for a while: elided in the
        middle like the path, whole in its tooltip. Unlike QStatusBar's message, which the figures on the
        right cut off. A message shown before it would cover it: the newer notice goes first."""
        self._bar.clearMessage()
        self.file_label.show_text(text)
        self.notice_timer.start(NOTICE_MS)

    def refresh(self, session: LedgerSession | None, region_id: int | None) -> None:
        """The selected region's figures, computed off the UI thread."""
        self._stats = None
        self.coverage_label.clear()
        self.levels_label.clear()
        if session is None or region_id is None:
            self.counts_label.clear()
            return
        self.counts_label.setText(self.tr("Counting…"))
        # A city's figures come with its 市直 and 县级 ones, which the status bar shows beside them.
        self.background_stats.request(
            session.path, region_id, lambda ledger: region_stats(ledger, region_id, levels=True)
        )

    def stop(self) -> None:
        self.background_stats.cancel()
        self.background_stats.wait()

    def wait(self) -> None:
        self.background_stats.wait()

    def _show_stats(self, _region_id: object, stats: LedgerStats) -> None:
        self._stats = stats
        self.retranslate()

    def retranslate(self) -> None:
        stats = self._stats
        if stats is None:
            return
        self.counts_label.setText(
            self.tr("{region}: {organ} organ, {grassroots} grassroots branches").format(
                region=stats.region.name,
                organ=format_count(stats.branches.organ),
                grassroots=format_count(stats.branches.grassroots),
            )
        )
        self.coverage_label.setText(
            self.tr("Coverage {grassroots} · organ side {organ} · optimised {optimised}").format(
                grassroots=format_rate(stats.grassroots_coverage.percent),
                organ=format_rate(stats.organ_coverage.percent),
                optimised=format_rate(stats.optimisation.percent),
            )
        )
        self._show_levels(stats)

    def _show_levels(self, stats: LedgerStats) -> None:
        """A city's organ branches by level: its own (市直) and the counties' (县级), optimised and paired.
        A county office's ledger has no city organs under its city: there the split would say nothing."""
        self.levels_label.setVisible(stats.levels is not None and stats.levels[0].branches.organ > 0)
        if stats.levels is None or stats.levels[0].branches.organ == 0:
            return
        own, county = stats.levels

        def part(text: str, figures: LedgerStats) -> str:
            rate = figures.optimisation
            return text.format(
                rate=format_rate(rate.percent), count=format_count(rate.count), total=format_count(rate.total)
            )

        self.levels_label.setText(
            part(self.tr("City's own organs optimised {rate} ({count}/{total})"), own)
            + " · "
            + part(self.tr("county level {rate} ({count}/{total})"), county)
        )
        self.levels_label.setToolTip(
            "\n".join(
                self.tr(
                    "{level}: {organ} organ branches, optimised {optimised}, paired {paired}; "
                    "themed Party day compliance in {month} {compliance}"
                ).format(
                    level=level,
                    month=format_month(stats.month.year, stats.month.month, self._language()),
                    organ=format_count(figures.branches.organ),
                    optimised=format_rate(figures.optimisation.percent),
                    paired=format_rate(figures.organ_coverage.percent),
                    compliance=format_rate(figures.compliance.percent),
                )
                for level, figures in (
                    (self.tr("City's own"), own),
                    (self.tr("County level"), county),
                )
            )
        )

    def _show_stats_error(self, _region_id: object, error: BranchDeskError) -> None:
        self.counts_label.setText(error_text(error))
