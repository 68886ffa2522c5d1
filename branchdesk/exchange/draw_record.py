"""The printable papers of a draw as A4 PDFs, in Chinese: the candidate list with its hash (候选名单), signed
before the seed is drawn, and the record of a committed draw (抽签记录) with the seeds tried.

The record is an official paper kept on file and signed, so it reads in Chinese whatever the window's
language. matplotlib's PDF backend draws it with the bundled Chinese font, embedded in the file
(ReportLab cannot embed that OpenType font).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

from matplotlib.figure import Figure

from branchdesk.domain.draw import ALGORITHM_VERSION
from branchdesk.domain.pairing_list import UnpairedBranch
from branchdesk.domain.records import Region
from branchdesk.domain.vocabulary import UNGRADED, Concept, name, tier_name
from branchdesk.exchange.pdf_pages import HEADING, LINE, Pages, TableColumn, save_pdf
from branchdesk.services.draws import DrawCandidates, DrawRecord

# Heading, left edge and width in inches from the left margin.
COLUMNS = tuple(TableColumn(*column) for column in (
    ("序号", 0.0, 0.45), (name(Concept.ORGAN_BRANCH), 0.45, 2.75), (name(Concept.TIER), 3.2, 0.45),
    (name(Concept.GRASSROOTS_BRANCH), 3.65, 1.75), ("所在乡镇", 5.4, 1.3), (name(Concept.TIER), 6.7, 0.45),
))  # fmt: skip


# Algorithm version 1 (docs/draw.md) in a few lines, so that the paper alone says how to re-run the draw.
ALGORITHM_LINES = (
    "算法第 1 版（全文见 docs/draw.md，参考脚本 docs/draw_reference.py）：",
    f"    1. 分组：机关党支部按好、中、差、{UNGRADED}，基层党支部按差、中、好、{UNGRADED}；"
    "组内按编号 uuid 升序。",
    "    2. 随机数：计数器 c 从 0 起贯穿整次抽签；每次取 SHA-256(“种子:c”) 前 8 字节（大端整数），c 加 1。",
    "    3. 取 [0, n) 的数：随机数 < 2^64 − (2^64 mod n) 时取其模 n，否则再取下一个随机数。",
    "    4. 洗牌：先机关各组、后基层各组；组内自末位 i 向前，j 取 [0, i+1) 的数，交换第 i、j 位。",
    "    5. 结对：两边各自按组依次连接，按位置一一结对；较长一边多出的为未结对支部。",
)


def _when(moment: dt.datetime) -> str:
    local = moment.astimezone()
    return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"


def _scope(region: Region) -> str:
    return region.path + (f"（{region.code}）" if region.code else "")


def _header_lines(record: DrawRecord) -> list[str]:
    lines = [
        f"抽签范围：{_scope(record.scope)}",
        f"抽签时间：{_when(record.drawn_at)}",
        f"{name(Concept.SEED)}：{record.seed}        算法版本：{record.algorithm_version}",
        f"候选名单哈希：{record.input_hash}",
        "    （须与抽签前签字的候选名单上的哈希一致）",
        f"结果哈希：{record.result_hash}",
        f"结对 {len(record.pairs)} 对；未结对机关党支部 {len(record.organ_leftovers)} 个，"
        f"未结对基层党支部 {len(record.grassroots_leftovers)} 个",
        "规则：机关党支部按好、中、差排序，基层党支部按差、中、好排序，各档内随机排序后按位置一一结对（以强带弱）。",
        *ALGORITHM_LINES,
        *_tried_lines(record),
    ]
    if record.swaps:
        lines.append(f"人工调换 {len(record.swaps)} 次（确认前，按顺序）：")
        lines += [f"    {i}. {a.name} 与 {b.name} 交换结对对象" for i, (a, b) in enumerate(record.swaps, 1)]
    else:
        lines.append("人工调换：无")
    if not record.matches:
        lines.append("注意：台账中的结对与按记录重新抽签的结果不一致！")
    return lines


def _tried_lines(record: DrawRecord) -> list[str]:
    if not record.tried:
        return ["试抽的种子：台账中没有留存（本次抽签早于留存试抽种子的版本，或未经预览）。"]
    lines = [f"试抽的种子（候选名单最近一次变化以来，共 {len(record.tried)} 次，按时间先后）："]
    # The last preview of the chosen seed is the one committed (a seed may have been previewed twice).
    chosen_at = max((i for i, tried in enumerate(record.tried, 1) if tried.seed == record.seed), default=0)
    for i, tried in enumerate(record.tried, 1):
        chosen = "  ← 采用" if i == chosen_at else ""
        when = _when(tried.previewed_at)
        lines.append(f"    {i}. {when}  种子 {tried.seed}  结果哈希 {tried.result_hash[:16]}…{chosen}")
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


def draw_record_pages(record: DrawRecord) -> list[Figure]:
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
        *_leftover_lines("未结对的机关党支部：", record.organ_leftovers),
        *_leftover_lines("未结对的基层党支部：", record.grassroots_leftovers),
    ]:
        pages.line(line)
    _signatures(pages)
    return pages.figures


def write_draw_record(record: DrawRecord, path: Path) -> None:
    """Write the record of ``record`` to ``path`` (PDF)."""
    save_pdf(draw_record_pages(record), path, f"支部联支部随机固定结对抽签记录 {record.id}")


def _signatures(pages: Pages) -> None:
    """The signature lines, kept together on one page, which they close."""
    if pages.room < 4 * LINE:
        pages.new_page()
    pages.advance(0.3)
    for role in ("抽签人", "监督人", "见证人"):
        pages.line(f"{role}（签字）：________________________        日期：____________", size=10)
        pages.advance(0.15)
    pages.close()


ORGAN_COLUMNS = tuple(TableColumn(*column) for column in (
    ("序号", 0.0, 0.4), (name(Concept.ORGAN_BRANCH), 0.4, 3.4), (name(Concept.TIER), 3.8, 0.4),
    ("编号（uuid）", 4.2, 2.67),
))  # fmt: skip
GRASSROOTS_COLUMNS = tuple(TableColumn(*column) for column in (
    ("序号", 0.0, 0.4), (name(Concept.GRASSROOTS_BRANCH), 0.4, 2.45), ("所在乡镇", 2.85, 0.95),
    (name(Concept.TIER), 3.8, 0.4),
    ("编号（uuid）", 4.2, 2.67),
))  # fmt: skip


def _candidate_rows(branches: Sequence[UnpairedBranch], *, township: bool) -> list[tuple[str, ...]]:
    rows = []
    for i, branch in enumerate(branches, 1):
        where = (branch.region.split(" / ")[-1],) if township else ()
        rows.append((str(i), branch.name, *where, tier_name(branch.tier), branch.uuid))
    return rows


def candidate_list_pages(candidates: DrawCandidates, printed_at: dt.datetime) -> list[Figure]:
    organs, grassroots = candidates.in_list_order()
    plan = candidates.feasibility
    pages = Pages(
        f"随机固定结对候选名单 · {candidates.scope.path} · 候选名单哈希 {candidates.input_hash[:16]}…"
    )
    pages.text(0.0, "支部联支部随机固定结对候选名单", size=16)
    pages.advance(0.5)
    for line in (
        f"抽签范围：{_scope(candidates.scope)}",
        f"打印时间：{_when(printed_at)}        算法版本：{ALGORITHM_VERSION}",
        f"候选名单哈希：{candidates.input_hash}",
        "本名单在抽取随机种子之前打印并签字；抽签记录上的候选名单哈希须与此一致，否则名单已被改动。",
        f"机关党支部 {len(organs)} 个，基层党支部 {len(grassroots)} 个；将结对 {plan.pairs} 对，"
        f"未结对机关党支部 {plan.organ_leftovers} 个、基层党支部 {plan.grassroots_leftovers} 个。",
        f"排列：机关党支部按好、中、差、{UNGRADED}，基层党支部按差、中、好、{UNGRADED}，同档按编号升序（即洗牌前的顺序）。",
    ):
        pages.line(line)
    for title, branches, columns in (
        ("机关党支部", organs, ORGAN_COLUMNS),
        ("基层党支部", grassroots, GRASSROOTS_COLUMNS),
    ):
        pages.advance(0.15)
        pages.line(f"{title}（{len(branches)} 个）", colour=HEADING)
        pages.table(columns, _candidate_rows(branches, township=columns is GRASSROOTS_COLUMNS))
    _signatures(pages)
    return pages.figures


def write_candidate_list(candidates: DrawCandidates, printed_at: dt.datetime, path: Path) -> None:
    """The candidates of a draw with their hash (PDF), to be printed and signed before the seed is drawn:
    the record of the draw then shows the same hash."""
    save_pdf(
        candidate_list_pages(candidates, printed_at),
        path,
        f"支部联支部随机固定结对候选名单 {candidates.scope.path}",
    )
