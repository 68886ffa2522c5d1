"""The printable record of a committed draw (抽签记录) as an A4 PDF, in Chinese.

The record is an official paper kept on file and signed, so it reads in Chinese whatever the window's
language. matplotlib's PDF backend draws it with the bundled Chinese font, embedded in the file
(ReportLab cannot embed that OpenType font).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from branchdesk.domain.pairing_list import UnpairedBranch
from branchdesk.domain.vocabulary import Concept, name, tier_name
from branchdesk.exchange.pdf_pages import Pages, TableColumn, save_pdf
from branchdesk.services.draws import DrawRecord

# Heading, left edge and width in inches from the left margin.
COLUMNS = tuple(TableColumn(*column) for column in (
    ("序号", 0.0, 0.45), (name(Concept.ORGAN_BRANCH), 0.45, 2.75), (name(Concept.TIER), 3.2, 0.45),
    (name(Concept.GRASSROOTS_BRANCH), 3.65, 1.75), ("所在乡镇", 5.4, 1.3), (name(Concept.TIER), 6.7, 0.45),
))  # fmt: skip


def _header_lines(record: DrawRecord) -> list[str]:
    scope = record.scope.path + (f"（{record.scope.code}）" if record.scope.code else "")
    local = record.drawn_at.astimezone()
    lines = [
        f"抽签范围：{scope}",
        f"抽签时间：{local.year}年{local.month}月{local.day}日 {local:%H:%M}",
        f"{name(Concept.SEED)}：{record.seed}        "
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
            tier_name(pair.organ_tier),
            pair.grassroots.name,
            pair.grassroots.region.split(" / ")[-1],
            tier_name(pair.grassroots_tier),
        )


def _leftover_lines(title: str, branches: Sequence[UnpairedBranch]) -> list[str]:
    if not branches:
        return []
    return [title] + [f"    {b.name}（{tier_name(b.tier)}）" for b in branches]


def write_draw_record(record: DrawRecord, path: Path) -> None:
    """Write the record of ``record`` to ``path`` (PDF)."""
    footer = f"抽签记录 {record.id} · 复核：branchdesk-cli draw 台账文件 --verify {record.id}"
    pages = Pages(footer)
    # The bundled font has one weight: the title stands out by size, the headings by colour.
    pages.text(0.0, "支部联支部随机固定结对抽签记录", size=16)
    pages.advance(0.5)
    for line in _header_lines(record):
        pages.line(line)
    pages.advance(0.15)
    pages.table(COLUMNS, list(_rows(record)))
    pages.advance(0.15)
    for line in [
        *_leftover_lines("未结对的机关支部：", record.organ_leftovers),
        *_leftover_lines("未结对的基层支部：", record.grassroots_leftovers),
    ]:
        pages.line(line)
    pages.advance(0.3)
    pages.line("抽签人（签字）：                    监督人（签字）：                    日期：")
    pages.close()
    save_pdf(pages.figures, path, f"支部联支部随机固定结对抽签记录 {record.id}")
