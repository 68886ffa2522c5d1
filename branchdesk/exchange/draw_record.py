"""The printable record of a committed draw (抽签记录) as an A4 PDF, in Chinese.

The record is an official paper kept on file and signed, so it reads in Chinese whatever the window's
language. matplotlib's PDF backend draws it with the bundled Chinese font, embedded in the file
(ReportLab cannot embed that OpenType font).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from branchdesk.charts import CHART_FONT_FAMILY
from branchdesk.charts.base import text_inches
from branchdesk.domain.enums import Tier
from branchdesk.domain.pairing_list import UnpairedBranch
from branchdesk.services.draws import DrawRecord

A4 = (8.27, 11.69)  # inches, portrait
MARGIN = 0.7
LINE = 0.24  # inches between table rows
SIZE = 8.5  # points
TIERS = {Tier.STRONG: "好", Tier.AVERAGE: "中", Tier.WEAK: "差", None: "未定档"}

# Table columns: heading, left edge and width in inches from the left margin.
COLUMNS = (("序号", 0.0, 0.45), ("机关支部", 0.45, 2.75), ("档次", 3.2, 0.45), ("基层支部", 3.65, 1.75),
           ("所在乡镇", 5.4, 1.3), ("档次", 6.7, 0.45))  # fmt: skip


def _clip(text: str, width: float) -> str:
    """Shorten ``text`` with … to fit ``width`` inches (a long unit name must not run into its neighbour)."""
    if text_inches(text, SIZE) <= width:
        return text
    while text and text_inches(text + "…", SIZE) > width:
        text = text[:-1]
    return text + "…"


def _header_lines(record: DrawRecord) -> list[str]:
    scope = record.scope.path + (f"（{record.scope.code}）" if record.scope.code else "")
    local = record.drawn_at.astimezone()
    lines = [
        f"抽签范围：{scope}",
        f"抽签时间：{local.year}年{local.month}月{local.day}日 {local:%H:%M}",
        f"随机种子：{record.seed}        "
        f"算法版本：{record.algorithm_version}（SHA-256 驱动的 Fisher–Yates 洗牌）",
        f"输入哈希：{record.input_hash}",
        f"结果哈希：{record.result_hash}",
        f"结对 {len(record.pairs)} 对；未结对机关支部 {len(record.organ_leftovers)} 个，"
        f"未结对基层支部 {len(record.grassroots_leftovers)} 个",
        "规则：机关支部按好、中、差排序，基层支部按差、中、好排序，各档内随机排序后按位置一一结对（以强带弱）。",
    ]
    if record.swaps:
        lines.append(f"人工调换 {len(record.swaps)} 次（确认前，按顺序）：")
        lines += [f"    {i}. {a.name} 与 {b.name} 交换结对对象" for i, (a, b) in enumerate(record.swaps, 1)]
    else:
        lines.append("人工调换：无")
    if not record.matches:
        lines.append("注意：台账中的结对与按记录重新抽签的结果不一致！")
    return lines


def _rows(record: DrawRecord) -> Iterator[tuple[str, ...]]:
    for pair in record.pairs:
        yield (
            str(pair.position),
            pair.organ.name,
            TIERS[pair.organ_tier],
            pair.grassroots.name,
            pair.grassroots.region.split(" / ")[-1],
            TIERS[pair.grassroots_tier],
        )


def _leftover_lines(title: str, branches: Sequence[UnpairedBranch]) -> list[str]:
    if not branches:
        return []
    return [title] + [f"    {b.name}（{TIERS[b.tier]}）" for b in branches]


class _Pages:
    """Lays out text lines and table rows from the top of A4 pages down, starting pages as needed."""

    def __init__(self, pdf: PdfPages, footer: str) -> None:
        self._pdf = pdf
        self._footer = footer
        self._figure: Figure | None = None
        self._y = 0.0
        self._number = 0

    def _page(self) -> Figure:
        if self._figure is None or self._y < MARGIN + LINE:
            self.close()
            self._figure = Figure(figsize=A4)
            self._number += 1
            self._y = A4[1] - MARGIN
        return self._figure

    def text(self, x: float, content: str, *, size: float = SIZE, colour: str = "black") -> None:
        figure = self._page()
        figure.text(
            (MARGIN + x) / A4[0],
            self._y / A4[1],
            content,
            fontsize=size,
            color=colour,
            family=CHART_FONT_FAMILY,
            va="top",
        )

    def advance(self, inches: float = LINE) -> None:
        self._y -= inches

    def row(self, cells: Sequence[str], *, colour: str = "black") -> None:
        self._page()
        for text, (_, left, width) in zip(cells, COLUMNS, strict=True):
            self.text(left, _clip(text, width - 0.08), colour=colour)
        self.advance()

    def close(self) -> None:
        if self._figure is not None:
            self._figure.text(0.5, 0.4 / A4[1], f"{self._footer}  第 {self._number} 页", ha="center",
                              fontsize=7, family=CHART_FONT_FAMILY, color="#555555")  # fmt: skip
            self._pdf.savefig(self._figure)  # type: ignore[no-untyped-call]
            self._figure = None


def write_draw_record(record: DrawRecord, path: Path) -> None:
    """Write the record of ``record`` to ``path`` (PDF)."""
    footer = f"抽签记录 {record.id} · 复核：branchdesk-cli draw 台账文件 --verify {record.id}"
    metadata = {"Title": f"支部联支部随机固定结对抽签记录 {record.id}", "Creator": "BranchDesk"}
    with PdfPages(path, metadata=metadata) as pdf:
        pages = _Pages(pdf, footer)
        # The bundled font has one weight: the title stands out by size, the headings by colour.
        pages.text(0.0, "支部联支部随机固定结对抽签记录", size=16)
        pages.advance(0.5)
        for line in _header_lines(record):
            pages.text(0.0, line)
            pages.advance()
        pages.advance(0.15)
        pages.row([heading for heading, _, _ in COLUMNS], colour="#1f4e79")
        for cells in _rows(record):
            pages.row(cells)
        pages.advance(0.15)
        for line in [
            *_leftover_lines("未结对的机关支部：", record.organ_leftovers),
            *_leftover_lines("未结对的基层支部：", record.grassroots_leftovers),
        ]:
            pages.text(0.0, line)
            pages.advance()
        pages.advance(0.3)
        pages.text(0.0, "抽签人（签字）：                    监督人（签字）：                    日期：")
        pages.advance()
        pages.close()
