"""The columns of the ledger's workbooks: each field's Chinese header (what an export writes), the English
header and the variants township files use, which an import recognises; the sheet of each kind."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from branchdesk.domain.imports import DAY_FIELDS, FIELDS, REQUIRED, ImportKind
from branchdesk.domain.vocabulary import NAMES, Concept, name, words


@dataclass(frozen=True)
class Column:
    field: str
    header: str  # Chinese, as exported
    english: str
    variants: tuple[str, ...] = ()
    width: int = 14  # in characters, for the export
    shape: str = "text"  # text, date, number (whole), decimal, term, flag, uuid


def _c(field: str, header: str, english: str, *variants: str, width: int = 14, shape: str = "text") -> Column:
    return Column(field, header, english, variants, width, shape)


_UUID = _c("uuid", "唯一编号", "UUID", "uuid", "编号", width=38, shape="uuid")


def _v(field: str, concept: Concept, *variants: str, width: int = 14, shape: str = "text") -> Column:
    """A column named by the vocabulary: its name is the header, its English and aliases are read too."""
    entry = NAMES[concept]
    return Column(field, entry.chinese, entry.english, (*entry.aliases, *variants), width, shape)


def _id(field: str, concept: Concept, english: str, *old: str) -> Column:
    """The uuid column of a referenced record: "<its name>编号"."""
    return _c(field, f"{name(concept)}编号", english, *old, width=38, shape="uuid")


# A star rating (五星支部): its stars, their year, the day rated.
_BRANCH_STARS = (
    _v("stars", Concept.STARS, width=6),
    _c("star_year", "评星年度", "Rating year", "星级年度", "评定年度", width=8, shape="number"),
    _c("rated_on", "评星日期", "Rated on", "星级评定日期", width=12, shape="date"),
)

# The pairing a row of an agreement names, as the lists' items and the activities name it.
_PAIRING_NAMES = (
    _v("organ", Concept.ORGAN_BRANCH, width=26),
    _v("grassroots", Concept.GRASSROOTS_BRANCH, width=26),
    _v("grassroots_region", Concept.GRASSROOTS_REGION, *words(Concept.REGION), width=22),
)


def _village(width: int) -> Column:
    """The village (community, grid) a work team is sent to, as the team dialog heads it."""
    village = words(Concept.GRASSROOTS_BRANCH)
    return _c("grassroots", "所驻村（社区）", "Village (community)", *village, width=width)


COLUMNS: dict[ImportKind, tuple[Column, ...]] = {
    ImportKind.REGIONS: (
        _UUID,
        _v("name", Concept.REGION_NAME, width=16),
        _v("level", Concept.LEVEL, width=8, shape="term"),
        _v("parent", Concept.PARENT_REGION, "所属区域", width=24),
        _v("code", Concept.OFFICIAL_CODE, width=12),
    ),
    ImportKind.UNITS: (
        _UUID,
        _v("name", Concept.UNIT_NAME, width=24),
        _v("level", Concept.UNIT_LEVEL, width=10, shape="term"),
        _v("region", Concept.REGION, width=20),
        _v("community", Concept.ASSIGNED_COMMUNITY, width=20),
        _id("community_uuid", Concept.ASSIGNED_COMMUNITY, "Community UUID"),
        _v("note", Concept.NOTE, width=20),
    ),
    ImportKind.BRANCHES: (
        _UUID,
        _v("name", Concept.BRANCH_NAME, width=26),
        _v("kind", Concept.KIND, width=8, shape="term"),
        _v("region", Concept.REGION, width=22),
        _v("unit", Concept.UNIT, width=22),
        _id("unit_uuid", Concept.UNIT, "Unit UUID", "所属单位编号"),
        _v("community", Concept.COMMUNITY, width=20),
        _id("community_uuid", Concept.COMMUNITY, "Community UUID"),
        _v("tier", Concept.TIER, width=6, shape="term"),
        _v("secretary", Concept.SECRETARY, width=10),
        _v("phone", Concept.PHONE, width=16),
        _v("member_count", Concept.MEMBERS, width=8, shape="number"),
        _v("optimised_on", Concept.OPTIMISED_ON, width=12, shape="date"),
        _v("established_on", Concept.ESTABLISHED_ON, width=12, shape="date"),
        _v("archived_on", Concept.ARCHIVED_ON, width=12, shape="date"),
        _v("note", Concept.NOTE, width=20),
        # The newest star rating (五星支部) of a grassroots branch: its stars, their year, the day rated.
        *_BRANCH_STARS,
    ),
    ImportKind.DRAWS: (
        _UUID,
        _v("scope", Concept.DRAW_SCOPE, width=20),
        _v("seed", Concept.SEED, width=24),
        _c("algorithm_version", "算法版本", "Algorithm version", width=8, shape="number"),
        _c("input_hash", "输入校验", "Input hash", width=20),
        _c("result_hash", "结果校验", "Result hash", width=20),
        _c("swaps", "人工调整", "Swaps", width=12),
        _c("drawn_at", "抽签时间", "Drawn at", width=20),
        _c("committed", "已确认", "Committed", width=8, shape="flag"),
        _v("note", Concept.NOTE, width=24),
        # Too long for a cell in a large draw: the export writes it in parts on a sheet of its own.
        _c("candidates", "候选名单", "Candidates", width=12),
    ),
    ImportKind.PAIRINGS: (
        _UUID,
        _v("organ", Concept.ORGAN_BRANCH, width=26),
        _v("organ_unit", Concept.ORGAN_UNIT, *words(Concept.UNIT), width=22),  # the Pairings tab's 单位
        _id("organ_uuid", Concept.ORGAN_BRANCH, "Organ UUID", "机关支部编号"),
        _v("grassroots", Concept.GRASSROOTS_BRANCH, width=26),
        # The Pairings tab heads the grassroots branch's region 区域.
        _v("grassroots_region", Concept.GRASSROOTS_REGION, *words(Concept.REGION), width=22),
        _id("grassroots_uuid", Concept.GRASSROOTS_BRANCH, "Grassroots UUID", "基层支部编号"),
        _v("method", Concept.METHOD, width=8, shape="term"),
        _id("draw_uuid", Concept.DRAW, "Draw UUID"),
        _v("organ_tier", Concept.ORGAN_TIER, width=8, shape="term"),
        _v("grassroots_tier", Concept.GRASSROOTS_TIER, width=8, shape="term"),
        _v("started_on", Concept.STARTED_ON, width=12, shape="date"),
        _v("ended_on", Concept.ENDED_ON, width=12, shape="date"),
        _v("end_reason", Concept.END_REASON, width=10, shape="term"),
        _v("note", Concept.NOTE, width=20),
    ),
    ImportKind.KEY_TASKS: (
        _UUID,
        _v("name", Concept.KEY_TASK, "任务名称", "名称", "Name", width=24),
        _v("half_year", Concept.HALF_YEAR, width=10),
        _c("retired", "已停用", "Retired", width=8, shape="flag"),
        _v("note", Concept.NOTE, width=24),
    ),
    ImportKind.ACTIVITIES: (
        _UUID,
        _id("pairing_uuid", Concept.PAIRING, "Pairing UUID"),
        _v("organ", Concept.ORGAN_BRANCH, width=26),
        _v("grassroots", Concept.GRASSROOTS_BRANCH, width=26),
        _v("grassroots_region", Concept.GRASSROOTS_REGION, *words(Concept.REGION), width=22),
        _v("held_on", Concept.HELD_ON, width=12, shape="date"),
        _v("type", Concept.ACTIVITY_TYPE, width=10, shape="term"),
        _v("key_task", Concept.KEY_TASK, width=16),
        _id("key_task_uuid", Concept.KEY_TASK, "Key task UUID"),
        _v("areas", Concept.AREAS, width=22),
        _v("volunteers", Concept.VOLUNTEERS, width=10, shape="number"),
        _v("location", Concept.LOCATION, width=16),
        _v("summary", Concept.SUMMARY, width=40),
        _v("weekday_reason", Concept.WEEKDAY_REASON, width=16),
        # Attendance (DESIGN.md §10); files from before these columns import without them.
        _v("theme", Concept.THEME, width=20),
        _v("host", Concept.HOST, width=10),
        _v("expected", Concept.EXPECTED, width=8, shape="number"),
        _v("present", Concept.PRESENT, width=8, shape="number"),
        _v("absentees", Concept.ABSENTEES, width=30),
        _v("make_up_on", Concept.MAKE_UP_ON, width=12, shape="date"),
    ),
    ImportKind.ITEMS: (
        _UUID,
        _id("pairing_uuid", Concept.PAIRING, "Pairing UUID"),
        _v("organ", Concept.ORGAN_BRANCH, width=26),
        _v("grassroots", Concept.GRASSROOTS_BRANCH, width=26),
        _v("grassroots_region", Concept.GRASSROOTS_REGION, *words(Concept.REGION), width=22),
        _c("kind", "清单", "List", "清单类别", "类别", width=8, shape="term"),
        _c("title", "事项", "Item", "事项名称", "内容", "名称", width=24),
        _c("owner", "责任人", "Owner", "负责人", width=10),
        _c("opened_on", "提出日期", "Raised on", "提出时间", "登记日期", width=12, shape="date"),
        _c("due_on", "完成时限", "Due on", "完成时间", "时限", width=12, shape="date"),
        _c("status", "状态", "Status", "进展", "办理状态", width=8, shape="term"),
        _c("done_on", "销号日期", "Ticked off on", "销号时间", "完成日期", width=12, shape="date"),
        _c("done_note", "完成情况", "What was done", "销号说明", "完成说明", width=24),
        _c("need", "对应需求", "Need matched", width=20),
        _c("need_uuid", "对应需求编号", "Need UUID", width=38, shape="uuid"),
        _c("resource", "对应资源", "Resource matched", width=20),
        _c("resource_uuid", "对应资源编号", "Resource UUID", width=38, shape="uuid"),
        _v("note", Concept.NOTE, width=20),
        # the activities that worked on it, by uuid (the Lists tab links them)
        _c("activity_uuids", "关联活动编号", "Activity UUIDs", width=38, shape="uuid"),
    ),
    # A pairing's agreement, its targets and their progress: three sheets, each row naming the pairing as
    # the lists' items do (and a target or an entry its agreement or target by uuid, a file made by hand by
    # the pairing and the target's text).
    ImportKind.AGREEMENTS: (
        _UUID,
        _id("pairing_uuid", Concept.PAIRING, "Pairing UUID"),
        *_PAIRING_NAMES,
        _c("signed_on", "签订日期", "Signed on", "协议签订日期", "签订时间", width=12, shape="date"),
        _c("organ_liaison", "机关方联络人", "Organ-side liaison", "机关联络人", width=10),
        _c("organ_phone", "机关方联系电话", "Organ-side phone", "机关联络人电话", width=16),
        _c("grassroots_liaison", "基层方联络人", "Grassroots-side liaison", "基层联络人", width=10),
        _c("grassroots_phone", "基层方联系电话", "Grassroots-side phone", "基层联络人电话", width=16),
        _c("review", "回顾评议", "Review notes", "评议", "回顾", width=30),
    ),
    ImportKind.TARGETS: (
        _UUID,
        _c("agreement_uuid", "协议编号", "Agreement UUID", width=38, shape="uuid"),
        *_PAIRING_NAMES,
        _c("name", "目标", "Target", "目标内容", "协议目标", "目标名称", width=24),
        _c("number", "目标数值", "Number", "数值", "目标数", width=8, shape="decimal"),
        _c("unit", "计量单位", "Unit of measure", "单位名称（计量）", "量词", width=8),
        _c("due_on", "完成时限", "Due on", "完成时间", "时限", width=12, shape="date"),
    ),
    ImportKind.PROGRESS: (
        _UUID,
        _c("target_uuid", "目标编号", "Target UUID", width=38, shape="uuid"),
        *_PAIRING_NAMES,
        _c("target", "目标", "Target", "目标内容", "协议目标", width=24),
        _c("recorded_on", "进度日期", "Recorded on", "日期", "截至日期", width=12, shape="date"),
        _c("value", "累计完成", "Total so far", "累计完成数", "完成数", width=10, shape="decimal"),
        _v("note", Concept.NOTE, width=24),
    ),
    # Village work teams: the team by its village (community, grid), its members, their months' days.
    ImportKind.TEAMS: (
        _UUID,
        _village(width=26),
        _v("grassroots_region", Concept.GRASSROOTS_REGION, *words(Concept.REGION), width=22),
        _id("grassroots_uuid", Concept.GRASSROOTS_BRANCH, "Grassroots UUID", "基层支部编号"),
        _c("unit", "派出单位", "Sending unit", *words(Concept.UNIT), width=22),
        _id("unit_uuid", Concept.UNIT, "Unit UUID", "所属单位编号"),
        _c("started_on", "派驻日期", "Sent on", "派驻时间", "驻村日期", width=12, shape="date"),
        _c("ended_on", "撤回日期", "Ended on", "结束日期", "撤离日期", width=12, shape="date"),
        _v("note", Concept.NOTE, width=20),
    ),
    ImportKind.MEMBERS: (
        _UUID,
        _c("team_uuid", "工作队编号", "Team UUID", width=38, shape="uuid"),
        _village(width=26),
        _v("grassroots_region", Concept.GRASSROOTS_REGION, *words(Concept.REGION), width=22),
        _c("name", "姓名", "Name", "队员姓名", width=10),
        _v("phone", Concept.PHONE, width=16),
        _c("sending_unit", "派出单位", "Sending unit", "工作单位", "单位", width=22),
        _c("role", "职务", "Role", "队内职务", "身份", width=10, shape="term"),
        _c("from_on", "驻村开始", "In the village from", "驻村开始日期", "开始日期", width=12, shape="date"),
        _c("to_on", "驻村结束", "In the village until", "驻村结束日期", "结束日期", width=12, shape="date"),
        _v("note", Concept.NOTE, width=20),
    ),
    ImportKind.TEAM_DAYS: (
        _UUID,
        _c("member_uuid", "队员编号", "Member UUID", width=38, shape="uuid"),
        _village(width=22),
        _c("name", "姓名", "Name", "队员姓名", width=8),
        _v("phone", Concept.PHONE, width=13),
        _c("month", "月份", "Month", "年月", "考勤月份", width=9),
        # 在 假 公 缺 (or P L B A), a leave with its reason: 假（病假）
        *(_c(field, f"{day}日", f"Day {day}", str(day), width=5) for day, field in enumerate(DAY_FIELDS, 1)),
    ),
    ImportKind.RATINGS: (
        _UUID,
        _v("grassroots", Concept.GRASSROOTS_BRANCH, width=26),
        _v("grassroots_region", Concept.GRASSROOTS_REGION, *words(Concept.REGION), width=22),
        _id("grassroots_uuid", Concept.GRASSROOTS_BRANCH, "Grassroots UUID", "基层支部编号"),
        *_BRANCH_STARS,
    ),
}

SHEETS: dict[ImportKind, str] = {
    ImportKind.REGIONS: "区域",
    ImportKind.UNITS: "单位",
    ImportKind.BRANCHES: name(Concept.BRANCH),
    ImportKind.DRAWS: "抽签记录",
    ImportKind.PAIRINGS: "结对",
    ImportKind.KEY_TASKS: name(Concept.KEY_TASK),
    ImportKind.ACTIVITIES: "活动",
    ImportKind.ITEMS: "清单",
    ImportKind.AGREEMENTS: "结对共建协议",
    ImportKind.TARGETS: "协议目标",
    ImportKind.PROGRESS: "目标进度",
    ImportKind.TEAMS: "驻村工作队",
    ImportKind.MEMBERS: "工作队队员",
    ImportKind.TEAM_DAYS: "队员出勤",
    ImportKind.RATINGS: "星级评定",
}
# Names earlier versions gave a sheet: their exports still import.
OLD_SHEETS: dict[ImportKind, tuple[str, ...]] = {ImportKind.BRANCHES: ("支部",)}

# Texts longer than a cell holds, in parts: the uuid of the row they belong to, the part's number, the part.
PARTS_SHEET = "抽签候选名单"
PART_LENGTH = 30000
PARTS_COLUMNS = (
    _id("uuid", Concept.DRAW, "Draw UUID"),
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
