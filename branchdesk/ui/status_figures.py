"""The status bar's lasting parts: the open file, and the selected region's figures (counts, coverage and,
for a city, its organs by level), computed off the UI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QStatusBar

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.stats import LedgerStats
from branchdesk.i18n.language import format_count, format_month, format_rate
from branchdesk.i18n.messages import error_text
from branchdesk.services.stats import region_stats
from branchdesk.ui.jobs.runner import JobRunner, Reads
from branchdesk.ui.session import LedgerSession


class StatusFigures(QObject):
    def __init__(self, bar: QStatusBar, jobs: JobRunner, language: Callable[[], str]) -> None:
        super().__init__(bar)
        self._language = language
        self.file_label = QLabel(bar)
        self.file_label.setObjectName("statusFile")
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
            self.file_label.setText(self.tr("No ledger open"))
        elif session.read_only:
            self.file_label.setText(
                self.tr("{path} — read-only: changes cannot be saved to this file").format(path=session.path)
            )
        else:
            self.file_label.setText(str(session.path))

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
