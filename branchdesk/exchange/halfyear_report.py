"""The half-year summary (半年工作总结) of a region as an A4 PDF in Chinese and as a Word draft to write on
(a docxtpl template like the Word ledger's, tools/make_ledger_template.py): the headline figures at the
half-year's end (with the targets reached and the items done and open when the stats service gives them),
themed Party day compliance and activities month by month, the key tasks with their activities, and the
next half-year's key tasks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from branchdesk.domain.halfyear import HalfYearSummary
from branchdesk.domain.months import HalfYear, Month
from branchdesk.domain.rates import Rate
from branchdesk.domain.vocabulary import Concept, name
from branchdesk.exchange.ledger_export import COMPLIANCE_LABEL
from branchdesk.exchange.pdf_pages import APP_NAME, HEADING, Pages, TableColumn, save_pdf
from branchdesk.exchange.word_ledger import builtin_template, write_template

HALFYEAR_TEMPLATE = "halfyear.docx"
HALFYEAR_FIELDS = {
    "title", "region", "period", "as_of", "made", "overview", "figures", "months", "tasks", "next_period",
    "next_tasks",
}  # fmt: skip
TITLE = "支部联支部工作半年总结"

_FIGURE_COLUMNS = tuple(TableColumn(*column) for column in (
    ("项目", 0.0, 3.3), ("数值", 3.3, 1.9), ("分子", 5.2, 0.8), ("分母", 6.0, 0.8),
))  # fmt: skip
_MONTH_COLUMNS = tuple(TableColumn(*column) for column in (
    ("月份", 0.0, 1.1), (COMPLIANCE_LABEL, 1.1, 1.9), ("活动次数", 3.0, 0.95), ("主题党日", 3.95, 0.95),
    ("重点任务活动", 4.9, 1.0), ("志愿者人次", 5.9, 0.95),
))  # fmt: skip
_TASK_COLUMNS = tuple(TableColumn(*column) for column in (
    ("序号", 0.0, 0.45), (name(Concept.KEY_TASK), 0.45, 4.2), ("活动次数", 4.65, 1.0), ("状态", 5.65, 1.2),
))  # fmt: skip


def _day(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def half_text(half: HalfYear) -> str:
    return f"{half.year}年{'上' if half.half == 1 else '下'}半年"


def _month(month: Month) -> str:
    return f"{month.year}年{month.month}月"


def _number(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) else ("" if value is None else str(value))


def _percent(rate: Rate) -> str:
    return "—" if rate.percent is None else f"{rate.percent}%"


def _stats_rate(figure: dict[str, Any]) -> Rate:
    return Rate(int(figure["count"]), int(figure["total"]))


def figure_rows(summary: HalfYearSummary) -> list[tuple[str, str, str, str]]:
    """项目, 数值, 分子, 分母: the half-year's figures as its summary froze them."""
    stats = summary.stats
    rows: list[tuple[str, str, str, str]] = []

    def rate(label: str, value: Rate) -> None:
        rows.append((label, _percent(value), _number(value.count), _number(value.total)))

    def count(label: str, value: object) -> None:
        rows.append((label, _number(value), "", ""))

    branches = stats["branches"]
    count(f"{name(Concept.ORGAN_BRANCH)}数", branches["organ"])
    count(f"{name(Concept.GRASSROOTS_BRANCH)}数", branches["grassroots"])
    rate(
        f"{name(Concept.GRASSROOTS_BRANCH)}结对{name(Concept.COVERAGE)}",
        _stats_rate(stats["coverage"]["grassroots"]),
    )
    rate(f"{name(Concept.ORGAN_BRANCH)}结对{name(Concept.COVERAGE)}", _stats_rate(stats["coverage"]["organ"]))
    rate(f"{name(Concept.ORGAN_BRANCH)}{name(Concept.OPTIMISATION_RATE)}", _stats_rate(stats["optimisation"]))
    rate(f"半年{COMPLIANCE_LABEL}（逐月合计）", summary.compliance)
    count("半年活动次数", summary.activities)
    count(f"其中{name(Concept.THEMED_DAY)}", summary.themed_days)
    count("党员志愿者人次", summary.volunteers)
    targets = stats.get("targets")  # the agreements' targets, once the ledger keeps them
    if isinstance(targets, dict):
        rate("协议目标完成率", Rate(int(targets["reached"]), int(targets["count"])))
    items = stats.get("items")  # the three lists' items, once the ledger keeps them
    if isinstance(items, dict):
        listed = sum(int(items.get(kind, 0)) for kind in ("need", "resource", "project"))
        count("清单事项已销号", items.get("done", 0))
        count("清单事项未销号", listed - int(items.get("done", 0)))
        count("其中逾期", items.get("overdue", 0))
    return rows


def _month_rows(summary: HalfYearSummary) -> list[list[str]]:
    return [
        [
            _month(m.month),
            f"{_percent(m.compliance)}（{m.compliance.count}/{m.compliance.total}）",
            _number(m.activities),
            _number(m.themed_days),
            _number(m.key_task),
            _number(m.volunteers),
        ]
        for m in summary.months
    ]


def _status(retired: bool) -> str:
    return "已停用" if retired else "进行中"


def overview(summary: HalfYearSummary) -> str:
    """The draft's opening paragraph, in the words a township's summary starts with."""
    stats = summary.stats
    grassroots = _stats_rate(stats["coverage"]["grassroots"])
    compliance = summary.compliance
    place = summary.region.split("/")[-1]
    text = (
        f"{half_text(summary.half)}，{place}共开展支部联建活动 {summary.activities:,} 次，"
        f"其中{name(Concept.THEMED_DAY)} {summary.themed_days:,} 次，"
        f"党员志愿者参与 {summary.volunteers:,} 人次；"
        f"截至{_day(summary.as_of)}，{name(Concept.GRASSROOTS_BRANCH)}结对{name(Concept.COVERAGE)}"
        f"{_percent(grassroots)}（{grassroots.count:,}/{grassroots.total:,}），"
        f"半年{COMPLIANCE_LABEL}{_percent(compliance)}。"
    )
    worked = [task for task in summary.tasks if task.activities]
    if worked:
        text += "围绕" + "、".join(f"“{task.name}”" for task in worked) + "等重点任务开展了活动。"
    return text


def _made(summary: HalfYearSummary, frozen: bool) -> str:
    if frozen:
        return f"数据于{_day(summary.frozen_on)}开启新半年时冻结，统计截至{_day(summary.as_of)}"
    return f"尚未冻结：按{_day(summary.frozen_on)}的台账数据生成，统计截至{_day(summary.as_of)}"


def summary_pages(summary: HalfYearSummary, frozen: bool, next_tasks: Sequence[str]) -> Pages:
    pages = Pages(f"{summary.region} {half_text(summary.half)}工作总结 · {APP_NAME}")
    pages.text(0.0, TITLE, size=18)
    pages.advance(0.45)
    pages.line(f"{name(Concept.REGION)}：{summary.region}", size=10)
    pages.line(f"时段：{half_text(summary.half)}        {_made(summary, frozen)}", size=10)
    pages.advance(0.15)
    pages.line("一、主要指标", size=11, colour=HEADING)
    pages.table(_FIGURE_COLUMNS, [list(row) for row in figure_rows(summary)])
    pages.advance(0.2)
    pages.line(f"二、逐月{COMPLIANCE_LABEL}及活动", size=11, colour=HEADING)
    pages.table(_MONTH_COLUMNS, _month_rows(summary))
    pages.advance(0.2)
    pages.line(f"三、{name(Concept.KEY_TASK)}", size=11, colour=HEADING)
    if summary.tasks:
        pages.table(
            _TASK_COLUMNS,
            [
                [str(i), task.name, _number(task.activities), _status(task.retired)]
                for i, task in enumerate(summary.tasks, start=1)
            ],
        )
    else:
        pages.line(f"本半年未设{name(Concept.KEY_TASK)}。")
    pages.advance(0.2)
    pages.line(f"四、{half_text(summary.half.next())}{name(Concept.KEY_TASK)}", size=11, colour=HEADING)
    for i, task in enumerate(next_tasks, start=1):
        pages.line(f"{i}. {task}")
    if not next_tasks:
        pages.line("尚未确定。")
    pages.close()
    return pages


def write_summary_pdf(summary: HalfYearSummary, frozen: bool, next_tasks: Sequence[str], path: Path) -> int:
    """Write the summary as a PDF; returns its number of pages."""
    pages = summary_pages(summary, frozen, next_tasks)
    save_pdf(pages.figures, path, f"{TITLE} · {summary.region} · {half_text(summary.half)}")
    return len(pages.figures)


def summary_context(summary: HalfYearSummary, frozen: bool, next_tasks: Sequence[str]) -> dict[str, Any]:
    return {
        "title": f"{summary.region.split('/')[-1]}{half_text(summary.half)}支部联支部工作总结",
        "region": summary.region,
        "period": half_text(summary.half),
        "as_of": _day(summary.as_of),
        "made": _made(summary, frozen),
        "overview": overview(summary),
        "figures": [
            {"item": item, "value": value, "numerator": numerator, "denominator": denominator}
            for item, value, numerator, denominator in figure_rows(summary)
        ],
        "months": [
            dict(
                zip(
                    ("month", "compliance", "activities", "themed_days", "key_task", "volunteers"),
                    row,
                    strict=True,
                )
            )
            for row in _month_rows(summary)
        ],
        "tasks": [
            {
                "no": i,
                "name": task.name,
                "activities": _number(task.activities),
                "status": _status(task.retired),
            }
            for i, task in enumerate(summary.tasks, start=1)
        ],
        "next_period": half_text(summary.half.next()),
        "next_tasks": [{"no": i, "name": task} for i, task in enumerate(next_tasks, start=1)],
    }


def write_summary_docx(
    summary: HalfYearSummary,
    frozen: bool,
    next_tasks: Sequence[str],
    path: Path,
    template_path: Path | None = None,
) -> None:
    """Write the summary as a Word draft from the template (default the built-in one)."""
    template_path = template_path or builtin_template(HALFYEAR_TEMPLATE)
    write_template(
        template_path, HALFYEAR_TEMPLATE, HALFYEAR_FIELDS, summary_context(summary, frozen, next_tasks), path
    )
