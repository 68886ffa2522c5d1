"""Write the Word templates, resources/templates/ledger.docx, signin.docx and halfyear.docx, from this script,
so that their layout can be reviewed as code and made again byte for byte:

    python tools/make_ledger_template.py            # rewrite both
    python tools/make_ledger_template.py --check    # exit 1 if the files in resources/ differ

The templates are docxtpl (Jinja2) documents; branchdesk/exchange/word_ledger.py fills them and
docs/word-ledger.md lists the fields, so an office can make its own in Word or WPS from a copy of these.
What WPS and Word need, and what python-docx has no API for, is set here in the XML: the East Asian
fonts in the styles (仿宋 for text, 黑体 for headings, with their English names as the fonts Word falls
back to), A4 with GB/T 9704's margins, fixed table layouts with every column's and cell's width (WPS
ignores autofit and the table's total width), header rows repeated on every page (w:tblHeader) and rows
that never break across pages (w:cantSplit).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "resources" / "templates"

BODY_FONT, BODY_FALLBACK = "仿宋", "FangSong"
HEADING_FONT, HEADING_FALLBACK = "黑体", "SimHei"
LATIN_FONT = "Times New Roman"
TYPE_WIDTH_MM = 156  # GB/T 9704: the type area is 156 mm × 225 mm on A4
_TWIPS_PER_MM = 1440 / 25.4
_FIXED_TIME = (2026, 1, 1, 0, 0, 0)  # every zip entry's date: the same bytes on every run


def twips(mm: float) -> int:
    return round(mm * _TWIPS_PER_MM)


def _fonts(element: OxmlElement, latin: str, east_asian: str) -> None:
    """Set ``w:rFonts`` of an ``w:rPr``: the East Asian font is the one python-docx cannot set."""
    fonts = element.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        element.insert(0, fonts)
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]  # theme fonts (asciiTheme …) would win over the names
    for key, value in (("ascii", latin), ("hAnsi", latin), ("eastAsia", east_asian), ("cs", latin)):
        fonts.set(qn(f"w:{key}"), value)


def _style(document: DocumentObject, name: str, size: float, east_asian: str, *, bold: bool = False) -> None:
    style = document.styles[name]
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = None
    _fonts(style.element.get_or_add_rPr(), LATIN_FONT, east_asian)


def _font_table(document: DocumentObject) -> None:
    """Name the fallbacks: Word uses w:altName when the font itself is not installed; charset 86 is GB2312."""
    part = next(p for p in document.part.package.parts if p.partname == "/word/fontTable.xml")
    fonts = part.blob.decode("utf-8")
    entries = "".join(
        f'<w:font w:name="{font}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
        f'<w:family w:val="{family}"/><w:pitch w:val="fixed"/></w:font>'
        for font, alt, family in (
            (BODY_FONT, BODY_FALLBACK, "modern"),
            (HEADING_FONT, HEADING_FALLBACK, "modern"),
        )
    )
    part._blob = fonts.replace("</w:fonts>", entries + "</w:fonts>").encode("utf-8")


def _page(document: DocumentObject) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    # GB/T 9704: top 37 mm, binding (left) 28 mm; the type area 156 × 225 mm leaves 26 mm right, 35 mm bottom.
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(20)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("— ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    footer._p.append(field)
    footer.add_run(" —")


def _styles(document: DocumentObject) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    default_run = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(default_run, LATIN_FONT, BODY_FONT)
    language = default_run.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        default_run.append(language)
    language.set(qn("w:val"), "en-US")
    language.set(qn("w:eastAsia"), "zh-CN")
    _style(document, "Normal", 12, BODY_FONT)
    document.styles["Normal"].paragraph_format.space_after = Pt(0)
    _style(document, "Title", 22, HEADING_FONT)
    title = document.styles["Title"]
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(24)
    border = title.element.get_or_add_pPr().find(qn("w:pBdr"))
    if border is not None:  # python-docx's Title has a rule under it; a ledger's cover has none
        title.element.get_or_add_pPr().remove(border)
    _style(document, "Heading 1", 16, HEADING_FONT)
    _style(document, "Heading 2", 14, HEADING_FONT)
    for name in ("Heading 1", "Heading 2"):
        document.styles[name].paragraph_format.space_before = Pt(12)
        document.styles[name].paragraph_format.space_after = Pt(6)
    cover = document.styles.add_style("Cover Line", WD_STYLE_TYPE.PARAGRAPH)
    cover.base_style = document.styles["Normal"]
    cover.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cover.paragraph_format.space_after = Pt(12)
    _style(document, "Cover Line", 16, BODY_FONT)
    cell = document.styles.add_style("Table Head", WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = document.styles["Normal"]
    cell.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _style(document, "Table Head", 10.5, HEADING_FONT)
    text = document.styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    text.base_style = document.styles["Normal"]
    _style(document, "Table Text", 10.5, BODY_FONT)
    small = document.styles.add_style("Caption Line", WD_STYLE_TYPE.PARAGRAPH)
    small.base_style = document.styles["Normal"]
    small.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    small.paragraph_format.space_after = Pt(4)
    _style(document, "Caption Line", 10.5, BODY_FONT)


@dataclass(frozen=True)
class Column:
    head: str
    mm: float


def _row_properties(row_element: OxmlElement, *, header: bool) -> None:
    properties = row_element.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))


def _table(document: DocumentObject, columns: Sequence[Column], *, head: bool = True) -> Table:
    """A table of fixed layout with explicit widths: the grid, the table and every cell of the head row."""
    widths = [twips(column.mm) for column in columns]
    table = document.add_table(rows=1 if head else 0, cols=len(columns))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    properties = table._tbl.tblPr
    width = properties.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        properties.append(width)
    width.set(qn("w:w"), str(sum(widths)))
    width.set(qn("w:type"), "dxa")
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)
    for grid_column, twip in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        grid_column.set(qn("w:w"), str(twip))
    if head:
        _row_properties(table.rows[0]._tr, header=True)
        for cell, column in zip(table.rows[0].cells, columns, strict=True):
            _cell_text(cell, [column.head], style="Table Head")
    table._widths = widths  # type: ignore[attr-defined]  # read by _row below
    return table


def _cell_width(cell: _Cell, twip: int) -> None:
    properties = cell._tc.get_or_add_tcPr()
    width = properties.find(qn("w:tcW"))
    if width is None:
        width = OxmlElement("w:tcW")
        properties.insert(0, width)
    width.set(qn("w:w"), str(twip))
    width.set(qn("w:type"), "dxa")
    alignment = OxmlElement("w:vAlign")
    alignment.set(qn("w:val"), "center")
    properties.append(alignment)


def _cell_text(cell: _Cell, lines: Sequence[str], style: str = "Normal") -> None:
    first = cell.paragraphs[0]
    first.text = lines[0]
    first.style = style
    for line in lines[1:]:
        cell.add_paragraph(line, style=style)


def _row(
    table: Table,
    cells: Sequence[Sequence[str] | str],
    *,
    spans: Sequence[int] = (),
    header: bool = False,
    style: str = "Table Text",
    min_height_mm: float = 0,
) -> None:
    """A row of cells (each one line, or several paragraphs); ``spans`` merges grid columns cell by cell."""
    widths: list[int] = table._widths  # type: ignore[attr-defined]
    spans = list(spans) or [1] * len(cells)
    row = table.add_row()
    _row_properties(row._tr, header=header)
    if min_height_mm:
        height = OxmlElement("w:trHeight")
        height.set(qn("w:val"), str(twips(min_height_mm)))
        height.set(qn("w:hRule"), "atLeast")
        row._tr.get_or_add_trPr().append(height)
    start = 0
    for lines, span in zip(cells, spans, strict=True):
        cell = row.cells[start]
        if span > 1:
            cell = cell.merge(row.cells[start + span - 1])
        _cell_text(cell, [lines] if isinstance(lines, str) else list(lines), style)
        start += span
    for cell_element, twip in zip(row._tr.tc_lst, _merged_widths(widths, spans), strict=True):
        _cell_width(_Cell(cell_element, table), twip)


def _merged_widths(widths: Sequence[int], spans: Sequence[int]) -> list[int]:
    merged, start = [], 0
    for span in spans:
        merged.append(sum(widths[start : start + span]))
        start += span
    return merged


def _head_widths(table: Table) -> None:
    widths: list[int] = table._widths  # type: ignore[attr-defined]
    for cell_element, twip in zip(table.rows[0]._tr.tc_lst, widths, strict=True):
        _cell_width(_Cell(cell_element, table), twip)


def _loop_row(table: Table, tag: str) -> None:
    """A row holding only a docxtpl ``{%tr … %}`` tag: the rendering removes the row and keeps the tag."""
    row = table.add_row()
    first = row.cells[0].merge(row.cells[-1]) if len(row.cells) > 1 else row.cells[0]
    first.paragraphs[0].text = tag
    _cell_width(first, sum(table._widths))  # type: ignore[attr-defined]


def _paragraph(document: DocumentObject, text: str, style: str = "Normal") -> Paragraph:
    return document.add_paragraph(text, style=style)


def _page_break_before(paragraph: Paragraph) -> None:
    paragraph.paragraph_format.page_break_before = True


def _new_document() -> DocumentObject:
    document = Document()
    # python-docx's default file carries a thumbnail of its own (dropped); the core properties get fixed
    # values so that the file is the same on every run.
    document.core_properties.author = "BranchDesk"
    document.core_properties.last_modified_by = "BranchDesk"
    document.core_properties.revision = 1
    document.core_properties.title = "支部联建工作台账"
    document.core_properties.created = document.core_properties.modified = dt.datetime(2026, 1, 1)
    package = document.part.package
    for key, relationship in list(package.rels.items()):
        if relationship.reltype.endswith("/thumbnail"):
            package.rels.pop(key)
    _page(document)
    _styles(document)
    _font_table(document)
    return document


def ledger_template() -> DocumentObject:
    document = _new_document()
    doc = document
    _paragraph(doc, "", "Cover Line")
    _paragraph(doc, "{{ title }}", "Title")
    _paragraph(doc, "{{ region }}", "Cover Line")
    _paragraph(doc, "{{ period }}", "Cover Line")
    _paragraph(doc, "", "Cover Line")
    _paragraph(doc, "收录结对 {{ pairing_count }} 对 · 活动记录 {{ activity_count }} 份", "Cover Line")
    _paragraph(doc, "生成日期：{{ generated_on }}", "Cover Line")

    heading = _paragraph(doc, "一、结对情况及支部花名册", "Heading 1")
    _page_break_before(heading)
    _paragraph(doc, "每对上行为基层党支部，下行为结对的机关党支部。")
    roster = _table(doc, [
        Column("序号", 12), Column("结对双方", 50), Column("书记", 16), Column("联系电话", 28),
        Column("党员数", 12), Column("档次", 10), Column("结对方式及时间", 28),
    ])  # fmt: skip
    _head_widths(roster)
    _loop_row(roster, "{%tr for p in pairings %}")
    _row(roster, [
        "{{ p.no }}", *(
            [f"{{{{ p.grassroots.{field} }}}}", f"{{{{ p.organ.{field} }}}}"]
            for field in ("name", "secretary", "phone", "members", "tier")
        ),
        ["{{ p.method }}", "{{ p.period }}"],
    ])  # fmt: skip
    _loop_row(roster, "{%tr endfor %}")

    heading = _paragraph(doc, "二、活动一览", "Heading 1")
    _page_break_before(heading)
    overview = _table(doc, [
        Column("序号", 12), Column("日期", 24), Column("结对双方", 48), Column("类型", 20),
        Column("地点", 32), Column("志愿者人次", 20),
    ])  # fmt: skip
    _head_widths(overview)
    _loop_row(overview, "{%tr for a in activities %}")
    _row(overview, [
        "{{ a.no }}", "{{ a.date }}", ["{{ a.grassroots }}", "{{ a.organ }}"], "{{ a.type }}",
        "{{ a.place }}", "{{ a.volunteers }}",
    ])  # fmt: skip
    _loop_row(overview, "{%tr endfor %}")
    _paragraph(doc, "{%p if not activities %}")
    _paragraph(doc, "所选期间没有活动记录。")
    _paragraph(doc, "{%p endif %}")

    _paragraph(doc, "{%p for a in activities %}")
    heading = _paragraph(doc, "活动记录（{{ a.no }}）：{{ a.date }} {{ a.type }}", "Heading 2")
    _page_break_before(heading)
    record = _table(doc, [Column("", 26), Column("", 52), Column("", 26), Column("", 52)], head=False)
    _row(
        record,
        ["结对双方", "{{ a.grassroots }} — {{ a.organ }}"],
        spans=[1, 3],
        header=True,
        style="Table Head",
    )
    _row(record, ["活动时间", "{{ a.date }}（{{ a.weekday }}）", "活动地点", "{{ a.place }}"])
    _row(record, ["活动类型", "{{ a.type }}", "重点任务", "{{ a.key_task }}"])
    _row(record, ["六共领域", "{{ a.areas }}"], spans=[1, 3])
    _row(record, ["主持人", "{{ a.host }}", "活动主题", "{{ a.theme }}"])
    _loop_row(record, "{%tr if a.attendance %}")
    _row(record, ["应到人数", "{{ a.attendance.expected }}", "实到人数", "{{ a.attendance.present }}"])
    _row(record, ["缺席人员及原因", "{{ a.attendance.absent }}"], spans=[1, 3])
    _row(record, ["补课情况", "{{ a.attendance.makeup }}"], spans=[1, 3])
    _loop_row(record, "{%tr endif %}")
    _row(record, ["党员志愿者", "{{ a.volunteers }} 人", "录入情况", "{{ a.entered }}"])
    _row(record, ["活动内容及成效", "{{ a.content }}"], spans=[1, 3], min_height_mm=40)
    _paragraph(doc, "{%p if a.photo_rows %}")
    photos = _table(doc, [Column("活动照片", 78), Column("", 78)], head=False)
    _row(photos, ["活动照片"], spans=[2], header=True, style="Table Head")
    _loop_row(photos, "{%tr for pair in a.photo_rows %}")
    _row(photos, [
        ["{{ pair[0].image }}", "{{ pair[0].caption }}"], ["{{ pair[1].image }}", "{{ pair[1].caption }}"],
    ], style="Caption Line")  # fmt: skip
    _loop_row(photos, "{%tr endfor %}")
    _paragraph(doc, "{%p endif %}")
    _paragraph(doc, "{%p endfor %}")

    heading = _paragraph(doc, "三、问题及待办事项", "Heading 1")
    _page_break_before(heading)
    items = _table(doc, [
        Column("序号", 12), Column("月份", 20), Column("结对双方", 56), Column("事项", 48),
        Column("状态", 20),
    ])  # fmt: skip
    _head_widths(items)
    _loop_row(items, "{%tr for item in open_items %}")
    _row(items, [
        "{{ item.no }}", "{{ item.month }}", ["{{ item.grassroots }}", "{{ item.organ }}"],
        "{{ item.matter }}", "{{ item.status }}",
    ])  # fmt: skip
    _loop_row(items, "{%tr endfor %}")
    _paragraph(doc, "{%p if not open_items %}")
    _paragraph(doc, "无。")
    _paragraph(doc, "{%p endif %}")

    heading = _paragraph(doc, "四、主要指标", "Heading 1")
    _page_break_before(heading)
    _paragraph(doc, "{{ figures_scope }}")
    figures = _table(doc, [Column("项目", 76), Column("数值", 32), Column("分子", 24), Column("分母", 24)])
    _head_widths(figures)
    _loop_row(figures, "{%tr for f in figures %}")
    _row(figures, ["{{ f.item }}", "{{ f.value }}", "{{ f.numerator }}", "{{ f.denominator }}"])
    _loop_row(figures, "{%tr endfor %}")
    _paragraph(doc, "注：{{ figures_note }}")

    heading = _paragraph(doc, "五、结对共建协议及目标完成情况", "Heading 1")
    _page_break_before(heading)
    _paragraph(doc, "{%p for a in agreements %}")
    _paragraph(doc, "（{{ a.no }}）{{ a.grassroots }} — {{ a.organ }}", "Heading 2")
    _agreement_tables(doc)
    _paragraph(doc, "{%p endfor %}")
    _paragraph(doc, "{%p if not agreements %}")
    _paragraph(doc, "所列结对尚未录入结对共建协议。")
    _paragraph(doc, "{%p endif %}")
    return document


def _agreement_tables(doc: DocumentObject) -> None:
    """An agreement (the context's ``a``): its facts, its targets and where each stands, the review."""
    facts = _table(doc, [Column("", 30), Column("", 48), Column("", 30), Column("", 48)], head=False)
    _row(facts, ["签订日期", "{{ a.signed }}", "目标完成", "{{ a.summary }}"])
    _row(facts, ["机关方联络人", "{{ a.organ_liaison }}", "基层方联络人", "{{ a.grassroots_liaison }}"])
    targets = _table(doc, [
        Column("序号", 12), Column("目标", 40), Column("目标数值", 22), Column("完成时限", 26),
        Column("最新进度", 32), Column("状态", 24),
    ])  # fmt: skip
    _head_widths(targets)
    _loop_row(targets, "{%tr for t in a.targets %}")
    _row(
        targets,
        ["{{ t.no }}", "{{ t.name }}", "{{ t.goal }}", "{{ t.due }}", "{{ t.latest }}", "{{ t.status }}"],
    )
    _row(targets, ["", "进度：{{ t.progress }}"], spans=[1, 5])
    _loop_row(targets, "{%tr endfor %}")
    review = _table(doc, [Column("", 26), Column("", 130)], head=False)
    _row(review, ["回顾评议", "{{ a.review }}"], min_height_mm=20)


def agreement_template() -> DocumentObject:
    document = _new_document()
    doc = document
    _paragraph(doc, "{{ title }}", "Title")
    _paragraph(doc, "{{ a.grassroots }} — {{ a.organ }}", "Cover Line")
    _agreement_tables(doc)
    _paragraph(doc, "")
    _paragraph(doc, "机关党支部（盖章）：                    基层党支部（盖章）：")
    _paragraph(doc, "书记（签字）：                          书记（签字）：")
    _paragraph(doc, "")
    _paragraph(doc, "打印日期：{{ generated_on }}")
    return document


def signin_template() -> DocumentObject:
    document = _new_document()
    doc = document
    _paragraph(doc, "{{ title }}", "Title")
    head = _table(doc, [Column("", 24), Column("", 54), Column("", 24), Column("", 54)], head=False)
    _row(head, ["结对双方", "{{ grassroots }} — {{ organ }}"], spans=[1, 3])
    _row(head, ["活动时间", "{{ date }}", "活动地点", "{{ place }}"])
    _row(head, ["活动主题", "{{ theme }}"], spans=[1, 3])
    _row(head, ["应到人数", "{{ expected }}", "实到人数", ""])
    _paragraph(doc, "")
    sheet = _table(doc, [
        Column("序号", 12), Column("姓名", 30), Column("所在党支部", 46), Column("签到时间", 26),
        Column("备注", 42),
    ])  # fmt: skip
    _head_widths(sheet)
    _loop_row(sheet, "{%tr for line in lines %}")
    _row(sheet, ["{{ line }}", "", "", "", ""], min_height_mm=9)  # room for a handwritten name
    _loop_row(sheet, "{%tr endfor %}")
    _paragraph(doc, "")
    _paragraph(doc, "主持人（签字）：                    记录人（签字）：")
    return document


def halfyear_template() -> DocumentObject:
    """The half-year summary as a Word draft (exchange/halfyear_report.py fills it): the office writes its
    account of the half-year around the frozen figures."""
    document = _new_document()
    doc = document
    _paragraph(doc, "{{ title }}", "Title")
    _paragraph(doc, "（{{ made }}）", "Cover Line")
    _paragraph(doc, "一、基本情况", "Heading 1")
    _paragraph(doc, "{{ overview }}")
    _paragraph(doc, "（请在此补充本半年度工作的主要做法和成效。）")
    _paragraph(doc, "二、主要指标", "Heading 1")
    _paragraph(doc, "{{ region }}，{{ period }}，统计截至{{ as_of }}。")
    figures = _table(doc, [Column("项目", 76), Column("数值", 32), Column("分子", 24), Column("分母", 24)])
    _head_widths(figures)
    _loop_row(figures, "{%tr for f in figures %}")
    _row(figures, ["{{ f.item }}", "{{ f.value }}", "{{ f.numerator }}", "{{ f.denominator }}"])
    _loop_row(figures, "{%tr endfor %}")
    _paragraph(doc, "三、逐月主题党日落实率及活动", "Heading 1")
    months = _table(doc, [
        Column("月份", 28), Column("主题党日落实率", 40), Column("活动次数", 22), Column("主题党日", 22),
        Column("重点任务活动", 22), Column("志愿者人次", 22),
    ])  # fmt: skip
    _head_widths(months)
    _loop_row(months, "{%tr for m in months %}")
    _row(months, [
        "{{ m.month }}", "{{ m.compliance }}", "{{ m.activities }}", "{{ m.themed_days }}",
        "{{ m.key_task }}", "{{ m.volunteers }}",
    ])  # fmt: skip
    _loop_row(months, "{%tr endfor %}")
    _paragraph(doc, "四、重点任务完成情况", "Heading 1")
    tasks = _table(
        doc, [Column("序号", 12), Column("重点任务", 96), Column("活动次数", 24), Column("状态", 24)]
    )
    _head_widths(tasks)
    _loop_row(tasks, "{%tr for t in tasks %}")
    _row(tasks, ["{{ t.no }}", "{{ t.name }}", "{{ t.activities }}", "{{ t.status }}"])
    _loop_row(tasks, "{%tr endfor %}")
    _paragraph(doc, "五、存在的问题", "Heading 1")
    _paragraph(doc, "（请在此填写。）")
    _paragraph(doc, "六、{{ next_period }}工作打算", "Heading 1")
    _paragraph(doc, "{{ next_period }}重点任务：")
    _paragraph(doc, "{%p for t in next_tasks %}")
    _paragraph(doc, "{{ t.no }}. {{ t.name }}")
    _paragraph(doc, "{%p endfor %}")
    _paragraph(doc, "（请在此补充下一阶段的工作安排。）")
    return document


def docx_bytes(document: DocumentObject) -> bytes:
    """The file with fixed entry dates, in a fixed order: the same bytes on every run."""
    saved = io.BytesIO()
    document.save(saved)
    out = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            target.writestr(zipfile.ZipInfo(name, _FIXED_TIME), source.read(name), zipfile.ZIP_DEFLATED)
    return out.getvalue()


TEMPLATES_MADE = {
    "ledger.docx": ledger_template,
    "signin.docx": signin_template,
    "agreement.docx": agreement_template,
    "halfyear.docx": halfyear_template,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    differ = []
    for name, make in TEMPLATES_MADE.items():
        data = docx_bytes(make())
        path = TEMPLATES / name
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                differ.append(name)
        else:
            TEMPLATES.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)} ({len(data)} bytes)")
    if differ:
        print("differ from tools/make_ledger_template.py: " + ", ".join(differ))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
