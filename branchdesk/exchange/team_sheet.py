"""The monthly record sheet of a village work team (驻村工作纪实登记表), as an A4 PDF and as a Word document.

One sheet per team and month, in Chinese whatever the window's language (it is filed on paper): the team,
who sent it and the rule; each member's days (在 公 假 缺, one column a day) with what the rule asks; the
days of leave with their reasons; the roster; lines for the month's work record and the signatures.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Sequence
from pathlib import Path

from branchdesk.domain.errors import BranchDeskError, os_reason
from branchdesk.domain.teams import CHINESE, MemberMonth, TeamSheet
from branchdesk.domain.vocabulary import term_name
from branchdesk.exchange.pdf_pages import APP_NAME, CONTENT_WIDTH, HEADING, LINE, Pages, TableColumn, save_pdf

TITLE = "驻村工作纪实登记表"
_NAME, _ROLE, _FIGURE = 0.62, 0.58, 0.26
_DAY_SIZE = 6.5  # points: 31 columns across the page
_WORD_WIDTH = 18.0  # cm between the Word page's margins
_KEY = "在＝在村　公＝公务（因公外出）　假＝请假　缺＝缺勤　空白＝未登记"
_WORK_LINES = 6
_SIGNATURES = ("工作队队长（签字）：", "村党支部书记（签字）：", "乡镇党委（盖章）：")


def _month(sheet: TeamSheet) -> str:
    return f"{sheet.month.year}年{sheet.month.month}月"


def _heading_lines(sheet: TeamSheet) -> list[str]:
    return [
        f"派驻村（社区）：{sheet.region} {sheet.branch}",
        f"派出单位：{sheet.unit or '—'}　　月份：{_month(sheet)}",
        f"考勤要求：在村（含公务）每月不少于 {sheet.min_days} 天，当月部分时间在岗的按在岗天数折算。",
        _KEY,
    ]


def _day_cells(member: MemberMonth) -> list[str]:
    return ["" if mark is None else CHINESE[mark] for mark in member.days.marks]


def _figures(member: MemberMonth) -> list[str]:
    return [str(member.days.counted), str(member.required), str(member.shortfall) if member.shortfall else ""]


def _roster(sheet: TeamSheet) -> list[list[str]]:
    return [
        [
            member.name,
            term_name(member.role),
            member.sending_unit or "",
            member.phone,
            f"{member.from_on.isoformat()} 至 {member.to_on.isoformat() if member.to_on else '今'}",
        ]
        for member in sheet.members
    ]


def _spans(days: list[int]) -> str:
    """Days of one month as runs: 17日，20—24日."""
    runs: list[list[int]] = []
    for day in days:
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return "，".join(f"{run[0]}日" if len(run) == 1 else f"{run[0]}—{run[-1]}日" for run in runs)


def _leaves(sheet: TeamSheet) -> list[list[str]]:
    """A line per member and reason: the days as runs and how many."""
    grouped: dict[tuple[str, str], list[int]] = {}
    for name, day, reason in sheet.leaves():
        grouped.setdefault((name, reason), []).append(day)
    return [
        [name, f"{sheet.month.month}月{_spans(days)}（{len(days)}天）", reason or "—"]
        for (name, reason), days in grouped.items()
    ]


def sheet_pages(sheet: TeamSheet) -> Pages:
    pages = Pages(f"{TITLE} · {sheet.branch} · {_month(sheet)} · {APP_NAME}")
    pages.line(TITLE, size=15, colour=HEADING)
    for line in _heading_lines(sheet):
        pages.line(line)
    pages.advance(0.1)
    pages.line("一、出勤登记（计＝在村＋公务天数，应＝应在村天数，差＝差额）", colour=HEADING)
    _day_table(pages, sheet)
    pages.advance(0.1)
    pages.line("二、请假情况", colour=HEADING)
    leaves = _leaves(sheet)
    if leaves:
        pages.table(
            [TableColumn("姓名", 0.0, 1.2), TableColumn("日期", 1.2, 2.8), TableColumn("事由", 4.0, 2.87)],
            leaves,
        )
    else:
        pages.line("本月无请假。")
    pages.advance(0.1)
    pages.line("三、队员名单", colour=HEADING)
    pages.table(
        [
            TableColumn("姓名", 0.0, 0.8),
            TableColumn("职务", 0.8, 0.8),
            TableColumn("派出单位", 1.6, 2.0),
            TableColumn("电话", 3.6, 1.2),
            TableColumn("驻村时间", 4.8, 2.07),
        ],
        _roster(sheet),
    )
    pages.advance(0.1)
    pages.line("四、本月工作纪实（走访群众、办理实事、参加支部活动等，由工作队填写）", colour=HEADING)
    for _ in range(_WORK_LINES):
        pages.line("＿" * 40, colour="#999999")
    pages.advance(0.2)
    for signature in _SIGNATURES:
        pages.line(f"{signature}＿＿＿＿＿＿＿＿　　日期：　　年　　月　　日")
    pages.close()
    return pages


def _day_table(pages: Pages, sheet: TeamSheet) -> None:
    """One column a day in small type (two-digit days would not fit the page's width at the text's size);
    the heading repeated on each page the table runs onto."""
    days = sheet.month.last_day.day
    width = (CONTENT_WIDTH - _NAME - _ROLE - 3 * _FIGURE) / days
    lefts = [_NAME + _ROLE + width * day for day in range(days)]
    figures = [lefts[-1] + width + _FIGURE * n for n in range(3)]

    def row(cells: Sequence[str], colour: str = "black") -> None:
        if pages.room < LINE:
            pages.new_page()
            heading()
        pages.text(0.0, cells[0], colour=colour)
        pages.text(_NAME, cells[1], colour=colour)
        for left, cell in zip([*lefts, *figures], cells[2:], strict=True):
            pages.text(left, cell, size=_DAY_SIZE, colour=colour)
        pages.advance(LINE)

    def heading() -> None:
        row(["姓名", "职务", *(str(day) for day in range(1, days + 1)), "计", "应", "差"], HEADING)

    heading()
    for member in sheet.members:
        row([member.name, term_name(member.role), *_day_cells(member), *_figures(member)])


def write_sheet_pdf(sheet: TeamSheet, path: Path) -> None:
    save_pdf(sheet_pages(sheet).figures, path, f"{TITLE} {sheet.branch} {_month(sheet)}")


def write_sheet_docx(sheet: TeamSheet, path: Path) -> None:
    """The same sheet as a Word document (python-docx, which the Word ledger's docxtpl is built on): A4,
    narrow margins, the day table in small type so that a 31-day month fits the page's width."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    style = document.styles["Normal"]
    style.font.name = "FangSong"  # the Word ledger's fonts (tools/make_ledger_template.py): 仿宋 for text
    style.font.size = Pt(10)
    fonts = style.element.rPr.rFonts
    fonts.set(qn("w:eastAsia"), "仿宋")
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(TITLE)
    run.font.size = Pt(16)
    run.bold = True
    for line in _heading_lines(sheet):
        document.add_paragraph(line)

    def table(
        headings: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], size: float = 9
    ) -> None:
        """Every width explicit (cm) and narrow cell margins, as WPS lays a table out as Word does only
        then (docs/word-ledger.md)."""
        grid = document.add_table(rows=1, cols=len(headings))
        grid.style = "Table Grid"
        grid.autofit = False
        margins = OxmlElement("w:tblCellMar")
        for side in ("left", "right"):
            margin = OxmlElement(f"w:{side}")
            margin.set(qn("w:w"), "20")  # twentieths of a point
            margin.set(qn("w:type"), "dxa")
            margins.append(margin)
        grid._tbl.tblPr.append(margins)
        for cell, text in zip(grid.rows[0].cells, headings, strict=True):
            cell.text = text
        for cells in rows:
            row = grid.add_row()
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
        for column, width in zip(grid.columns, widths, strict=True):
            column.width = Cm(width)
        for row in grid.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Cm(width)
                for paragraph in cell.paragraphs:
                    for piece in paragraph.runs:
                        piece.font.size = Pt(size)

    days = sheet.month.last_day.day
    document.add_paragraph("一、出勤登记（计＝在村＋公务天数，应＝应在村天数，差＝差额）")
    day_width = (_WORD_WIDTH - 1.5 - 1.4 - 3 * 0.6) / days
    table(
        ["姓名", "职务", *(str(day) for day in range(1, days + 1)), "计", "应", "差"],
        [[m.name, term_name(m.role), *_day_cells(m), *_figures(m)] for m in sheet.members],
        [1.5, 1.4, *([day_width] * days), 0.6, 0.6, 0.6],
        size=7,
    )
    document.add_paragraph("二、请假情况")
    leaves = _leaves(sheet)
    if leaves:
        table(["姓名", "日期", "事由"], leaves, [2.5, 8.0, 7.5])
    else:
        document.add_paragraph("本月无请假。")
    document.add_paragraph("三、队员名单")
    table(["姓名", "职务", "派出单位", "电话", "驻村时间"], _roster(sheet), [2.2, 2.0, 5.6, 3.0, 5.2])
    document.add_paragraph("四、本月工作纪实（走访群众、办理实事、参加支部活动等，由工作队填写）")
    for _ in range(_WORK_LINES):
        document.add_paragraph("＿" * 38)
    for signature in _SIGNATURES:
        document.add_paragraph(f"{signature}＿＿＿＿＿＿＿＿　　日期：　　年　　月　　日")
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        document.save(str(temporary))
        os.replace(temporary, path)
    except OSError as error:
        raise BranchDeskError("export.cannot_write", path=str(path), reason=os_reason(error)) from None
    finally:
        temporary.unlink(missing_ok=True)


def write_sheet(sheet: TeamSheet, path: Path) -> None:
    """As the file's suffix says: ``.docx`` for Word, anything else as PDF."""
    if path.suffix.lower() == ".docx":
        write_sheet_docx(sheet, path)
    else:
        write_sheet_pdf(sheet, path)
