"""The monthly report (月报) of a region as A4 pages in Chinese: the headline figures of DESIGN.md §3,
coverage by the region's parts, activities over the year to the month and by the six areas, and the
pairings overdue for the month's themed Party day.

The pages are matplotlib Figures: the CLI saves them as a PDF, the window shows them for print preview
and prints them; the PDF and the preview are the same drawing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from matplotlib.figure import Figure

from branchdesk.charts import coverage, frequency
from branchdesk.domain import cells
from branchdesk.domain.chart_data import GroupKind, MonthSpan, RateBreakdown
from branchdesk.domain.enums import Area
from branchdesk.domain.months import Month
from branchdesk.domain.vocabulary import Concept, name
from branchdesk.exchange.ledger_export import COMPLIANCE_LABEL, summary_rows
from branchdesk.exchange.pdf_pages import APP_NAME, CONTENT_WIDTH, Pages, TableColumn, save_pdf
from branchdesk.services import charts as chart_data
from branchdesk.services import exports
from branchdesk.services.compliance import overdue_pairings
from branchdesk.services.regions import find_region
from branchdesk.services.stats import ledger_stats
from branchdesk.storage.ledger import Ledger

D = TypeVar("D")
T = TypeVar("T")
Progress = Callable[[int, int], None]  # steps done, steps in all; may raise to cancel

_YEAR = 12  # months the activity chart spans, ending with the report's month
_STEPS = 5
_FIGURE_COLUMNS = tuple(TableColumn(*column) for column in (
    ("项目", 0.0, 3.3), ("数值", 3.3, 1.9), ("分子", 5.2, 0.8), ("分母", 6.0, 0.8),
))  # fmt: skip
_OVERDUE_COLUMNS = tuple(TableColumn(*column) for column in (
    ("序号", 0.0, 0.45), (name(Concept.GRASSROOTS_BRANCH), 0.45, 1.9), ("所在区域", 2.35, 1.65),
    (name(Concept.ORGAN_BRANCH), 4.0, 1.9), (f"上次{name(Concept.THEMED_DAY)}", 5.9, 0.95),
))  # fmt: skip


@dataclass(frozen=True)
class MonthlyReport:
    title: str
    pages: list[Figure]


def _day(day: dt.date | None) -> str:
    return "" if day is None else f"{day.year}年{day.month}月{day.day}日"


def _month(month: Month) -> str:
    return f"{month.year}年{month.month}月"


def _value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return _day(value)
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _coverage_labels(data: RateBreakdown) -> list[str]:
    """The parts' names; the region's own branches (those directly under it) as "本级"."""
    only = len(data.items) == 1
    return [
        "本级" if item.group.kind is GroupKind.OWN and not only else item.group.name for item in data.items
    ]


def _month_labels(span: MonthSpan) -> list[str]:
    return [
        f"{month.month}月" + (f"\n{month.year}年" if i == 0 or month.month == 1 else "")
        for i, month in enumerate(span.months)
    ]


def build_report(
    ledger: Ledger, month: Month, region: str | None = None, progress: Progress | None = None
) -> MonthlyReport:
    """The pages of the report of ``month`` for ``region`` (default: the whole ledger)."""
    step = [0]

    def advance() -> None:
        step[0] += 1
        if progress is not None:
            progress(step[0], _STEPS)

    scope = find_region(ledger, region)
    # Figures as of the month's last day, or today while the month is still running.
    as_of = min(month.last_day, ledger.clock.today())
    stats = ledger_stats(ledger, region, as_of=as_of, month=month, levels=True)
    advance()
    by_part = chart_data.grassroots_coverage(ledger, scope.id, as_of)
    advance()
    # A year up to the month, from the first pairing's month if later (no empty months before it).
    first = month
    for _ in range(_YEAR - 1):
        first = first.previous()
    started = exports.matrix_months(ledger)
    if started and first < started[0] <= month:
        first = started[0]
    year = chart_data.monthly_activity(ledger, scope.id, MonthSpan(first, month))
    areas = chart_data.area_counts(ledger, scope.id, MonthSpan(month, month))
    advance()
    overdue = overdue_pairings(ledger, scope.id, month)
    advance()

    title = f"支部联支部工作月报 · {scope.name} · {_month(month)}"
    pages = Pages(f"{scope.path} {_month(month)}月报 · {APP_NAME}")
    pages.text(0.0, "支部联支部工作月报", size=18)
    pages.advance(0.45)
    pages.line(f"{name(Concept.REGION)}：{scope.path}" + (f"（{scope.code}）" if scope.code else ""), size=10)
    pages.line(f"月份：{_month(month)}        统计截至：{_day(as_of)}", size=10)
    pages.advance(0.15)
    pages.line("一、主要指标", size=11, colour="#1f4e79")
    # The summary's first rows (region, date) are in the heading above, its last is a note under the table.
    *figures, (_, note, _, _) = summary_rows(stats)[2:]
    pages.table(_FIGURE_COLUMNS, [[_value(cell) for cell in row] for row in figures])
    pages.line(f"注：{note}", size=7.5, colour="#555555")
    pages.advance(0.2)
    pages.line("二、基层党支部结对覆盖率", size=11, colour="#1f4e79")
    total = by_part.total
    pages.picture(
        _draw(
            coverage.draw_rate_bars,
            by_part,
            coverage.RateChartText(
                title=f"{by_part.scope.name}：基层党支部结对覆盖率",  # its only part's, when it has one
                subtitle=f"截至{_day(as_of)}；合计 {_value(total.count)}/{_value(total.total)}",
                labels=_coverage_labels(by_part),
                axis="覆盖率",
                empty=f"{scope.name}在{_day(as_of)}没有基层党支部。",
            ),
            min(pages.room - 0.1, 4.6),
        )
    )

    pages.new_page()
    pages.line("三、活动开展情况", size=11, colour="#1f4e79")
    span = year.span
    pages.picture(
        _draw(
            frequency.draw_monthly_types,
            year,
            frequency.MonthChartText(
                title=f"{scope.name}：每月活动次数（按类型）",
                subtitle=f"{_month(span.first)}至{_month(span.last)}；共 {_value(year.count)} 次",
                months=_month_labels(span),
                axis="活动次数",
                empty=f"{scope.name}在此期间没有活动。",
                series=[cells.label(kind) for kind in frequency.TYPE_ORDER],
            ),
            4.3,
        )
    )
    pages.advance(0.2)
    pages.picture(
        _draw(
            frequency.draw_areas,
            areas,
            frequency.AreaChartText(
                title=f"{scope.name}：{_month(month)}活动涉及的{name(Concept.AREAS)}",
                subtitle=f"共 {_value(areas.activities)} 次活动；一次活动可涉及多个领域",
                areas={area: cells.label(area) for area in Area},
                axis="活动次数",
                empty=f"{scope.name}在{_month(month)}没有活动。",
            ),
            3.4,
        )
    )

    pages.new_page()
    pages.line(f"四、{_month(month)}未开展主题党日的结对（{len(overdue)} 对）", size=11, colour="#1f4e79")
    pages.line(
        f"{COMPLIANCE_LABEL}：{stats.compliance.percent}%（{stats.compliance.count}/{stats.compliance.total}）"
        if stats.compliance.percent is not None
        else f"本月没有整月有效的结对，{COMPLIANCE_LABEL}为“—”。"
    )
    if overdue:
        pages.table(
            _OVERDUE_COLUMNS,
            [
                [str(i), row.grassroots, row.region, row.organ, _day(row.last_themed_day) or "从未开展"]
                for i, row in enumerate(overdue, start=1)
            ],
        )
    else:
        pages.line("无。")
    pages.close()
    advance()
    return MonthlyReport(title, pages.figures)


def _draw(draw: Callable[[Figure, D, T], object], data: D, text: T, height: float) -> Figure:
    """A chart drawn on a figure as wide as the page's text and ``height`` inches tall."""
    figure = Figure(figsize=(CONTENT_WIDTH, height))
    draw(figure, data, text)
    return figure


def write_report(
    ledger: Ledger, path: Path, month: Month, region: str | None = None, progress: Progress | None = None
) -> int:
    """Write the report as a PDF; returns its number of pages."""
    report = build_report(ledger, month, region, progress)
    save_pdf(report.pages, path, report.title)
    return len(report.pages)
