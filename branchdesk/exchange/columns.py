"""The columns of the ledger's workbooks: each field's Chinese header (what an export writes), the English
header and the variants township files use, which an import recognises; the sheet of each kind."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from branchdesk.domain.imports import FIELDS, REQUIRED, ImportKind


@dataclass(frozen=True)
class Column:
    field: str
    header: str  # Chinese, as exported
    english: str
    variants: tuple[str, ...] = ()
    width: int = 14  # in characters, for the export
    shape: str = "text"  # text, date, number, term, flag, uuid


def _c(field: str, header: str, english: str, *variants: str, width: int = 14, shape: str = "text") -> Column:
    return Column(field, header, english, variants, width, shape)


_UUID = _c("uuid", "唯一编号", "UUID", "uuid", "编号", width=38, shape="uuid")

COLUMNS: dict[ImportKind, tuple[Column, ...]] = {
    ImportKind.REGIONS: (
        _UUID,
        _c("name", "区域名称", "Name", "名称", "地区名称", "行政区划名称", width=16),
        _c("level", "级别", "Level", "层级", "区域级别", width=8, shape="term"),
        _c("parent", "上级区域", "Parent", "上级", "所属区域", "上级区划", width=24),
        _c("code", "区划代码", "Code", "行政区划代码", "代码", width=12),
    ),
    ImportKind.UNITS: (
        _UUID,
        _c("name", "单位名称", "Name", "单位", "名称", width=24),
        _c("level", "单位级别", "Level", "级别", "层级", width=10, shape="term"),
        _c("region", "所属区域", "Region", "区域", "所属县区", width=20),
        _c("community", "联系社区", "Assigned community", "联建社区", "包联社区", width=20),
        _c("community_uuid", "联系社区编号", "Community UUID", width=38, shape="uuid"),
        _c("note", "备注", "Note", width=20),
    ),
    ImportKind.BRANCHES: (
        _UUID,
        _c("name", "支部名称", "Name", "党支部名称", "党组织名称", "支部", "名称", "branch name", width=26),
        _c("kind", "支部类型", "Kind", "类型", "类别", "支部类别", width=8, shape="term"),
        _c(
            "region",
            "所属区域",
            "Region",
            "所属乡镇",
            "乡镇(街道)",
            "乡镇（街道）",
            "乡镇",
            "所属县区",
            width=22,
        ),
        _c("unit", "所属单位", "Unit", "单位名称", "单位", "机关单位", width=22),
        _c("unit_uuid", "所属单位编号", "Unit UUID", width=38, shape="uuid"),
        _c("community", "所属社区", "Community", "社区", "所属社区党支部", width=20),
        _c("community_uuid", "所属社区编号", "Community UUID", width=38, shape="uuid"),
        _c("tier", "等次", "Tier", "评定等次", "分类等次", "好中差", "星级", width=6, shape="term"),
        _c("secretary", "书记", "Secretary", "支部书记", "书记姓名", "党支部书记", width=10),
        _c("phone", "联系电话", "Phone", "电话", "手机", "手机号码", "联系方式", width=16),
        _c("member_count", "党员数", "Members", "党员人数", "党员数量", width=8, shape="number"),
        _c("optimised_on", "优化日期", "Optimised on", "支部优化日期", "优化时间", width=12, shape="date"),
        _c("established_on", "成立日期", "Established on", "成立时间", width=12, shape="date"),
        _c("archived_on", "归档日期", "Archived on", "撤销日期", "撤并日期", width=12, shape="date"),
        _c("note", "备注", "Note", width=20),
    ),
    ImportKind.DRAWS: (
        _UUID,
        _c("scope", "抽签范围", "Scope", "范围", width=20),
        _c("seed", "种子", "Seed", "随机种子", width=24),
        _c("algorithm_version", "算法版本", "Algorithm version", width=8, shape="number"),
        _c("input_hash", "输入校验", "Input hash", width=20),
        _c("result_hash", "结果校验", "Result hash", width=20),
        _c("swaps", "人工调整", "Swaps", width=12),
        _c("drawn_at", "抽签时间", "Drawn at", width=20),
        _c("committed", "已确认", "Committed", width=8, shape="flag"),
        _c("note", "备注", "Note", width=24),
        # Too long for a cell in a large draw: the export writes it in parts on a sheet of its own.
        _c("candidates", "候选名单", "Candidates", width=12),
    ),
    ImportKind.PAIRINGS: (
        _UUID,
        _c("organ", "机关支部", "Organ branch", "机关党支部", "结对机关支部", "帮扶支部", width=26),
        _c("organ_unit", "机关单位", "Organ unit", "所属单位", "单位名称", "单位", width=22),
        _c("organ_uuid", "机关支部编号", "Organ UUID", width=38, shape="uuid"),
        _c(
            "grassroots",
            "基层支部",
            "Grassroots branch",
            "基层党支部",
            "结对村(社区)支部",
            "村(社区)党支部",
            width=26,
        ),
        _c("grassroots_region", "基层支部所在区域", "Grassroots region", "所属乡镇", "乡镇(街道)", width=22),
        _c("grassroots_uuid", "基层支部编号", "Grassroots UUID", width=38, shape="uuid"),
        _c("method", "结对方式", "Method", "方式", width=8, shape="term"),
        _c("draw_uuid", "抽签编号", "Draw UUID", width=38, shape="uuid"),
        _c("organ_tier", "机关等次", "Organ tier", width=8, shape="term"),
        _c("grassroots_tier", "基层等次", "Grassroots tier", width=8, shape="term"),
        _c("started_on", "结对日期", "Started on", "开始日期", "结对时间", width=12, shape="date"),
        _c("ended_on", "结束日期", "Ended on", "终止日期", width=12, shape="date"),
        _c("end_reason", "结束原因", "End reason", "终止原因", width=10, shape="term"),
        _c("note", "备注", "Note", width=20),
    ),
    ImportKind.KEY_TASKS: (
        _UUID,
        _c("name", "任务名称", "Name", "重点任务", "名称", width=24),
        _c("half_year", "半年", "Half-year", "时段", "阶段", width=10),
        _c("retired", "已停用", "Retired", width=8, shape="flag"),
        _c("note", "备注", "Note", width=24),
    ),
    ImportKind.ACTIVITIES: (
        _UUID,
        _c("pairing_uuid", "结对编号", "Pairing UUID", width=38, shape="uuid"),
        _c("organ", "机关支部", "Organ branch", "机关党支部", width=26),
        _c("grassroots", "基层支部", "Grassroots branch", "基层党支部", "村(社区)党支部", width=26),
        _c("held_on", "活动日期", "Date", "日期", "开展时间", "活动时间", width=12, shape="date"),
        _c("type", "活动类型", "Type", "类型", "活动形式", width=10, shape="term"),
        _c("key_task", "重点任务", "Key task", width=16),
        _c("key_task_uuid", "重点任务编号", "Key task UUID", width=38, shape="uuid"),
        _c("areas", "六共领域", "Areas", "六共", "领域", width=22),
        _c(
            "volunteers",
            "党员志愿者人次",
            "Volunteers",
            "志愿者人次",
            "参与党员人次",
            "人次",
            width=10,
            shape="number",
        ),
        _c("location", "活动地点", "Location", "地点", width=16),
        _c("summary", "活动内容", "Summary", "内容", "主要内容", "活动简介", width=40),
        _c("weekday_reason", "工作日开展原因", "Weekday reason", "工作日原因", width=16),
    ),
}

SHEETS: dict[ImportKind, str] = {
    ImportKind.REGIONS: "区域",
    ImportKind.UNITS: "单位",
    ImportKind.BRANCHES: "支部",
    ImportKind.DRAWS: "抽签记录",
    ImportKind.PAIRINGS: "结对",
    ImportKind.KEY_TASKS: "重点任务",
    ImportKind.ACTIVITIES: "活动",
}

# Texts longer than a cell holds, in parts: the uuid of the row they belong to, the part's number, the part.
PARTS_SHEET = "抽签候选名单"
PART_LENGTH = 30000
PARTS_COLUMNS = (
    _c("uuid", "抽签编号", "Draw UUID", width=38, shape="uuid"),
    _c("part", "序号", "Part", width=6, shape="number"),
    _c("text", "内容", "Text", width=80),
)

assert all(tuple(c.field for c in COLUMNS[kind]) == FIELDS[kind] for kind in ImportKind)


def _key(header: str) -> str:
    """Headers compared without case, blanks, width or a trailing asterisk (a required-field mark)."""
    return "".join(unicodedata.normalize("NFKC", header).split()).casefold().rstrip("*")


def match_headers(kind: ImportKind, headers: Sequence[object]) -> dict[int, str]:
    """Column position → field, for the headers recognised (each field at most once, the first wins)."""
    known: dict[str, str] = {}
    for column in COLUMNS[kind]:
        for word in (column.header, column.english, column.field, *column.variants):
            known.setdefault(_key(word), column.field)
    found: dict[int, str] = {}
    for position, header in enumerate(headers):
        field = known.get(_key(str(header))) if header is not None else None
        if field is not None and field not in found.values():
            found[position] = field
    return found


def missing_fields(kind: ImportKind, mapped: Sequence[str]) -> list[str]:
    """Required fields (one of each group) that no column is mapped to."""
    return [group[0] for group in REQUIRED[kind] if not any(field in mapped for field in group)]


def column(kind: ImportKind, field: str) -> Column:
    return next(c for c in COLUMNS[kind] if c.field == field)
