"""The programme's one vocabulary: the Chinese name of every concept and term the ledger shows, writes and
reads (DESIGN.md §1), with the other words township files use for them.

The window's translations, the headers of exports and templates, the monthly report, the CLI and the history
all use the names here (tests compare the translation catalogue with this table); imports and pasting also
accept the aliases, so files written with older or local words still read. 村、村党支部、village and
Village all name the same kind.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from branchdesk.domain.enums import (
    ActivityType,
    Area,
    BranchKind,
    EndReason,
    ItemKind,
    ItemStatus,
    PairingMethod,
    RegionLevel,
    Tier,
    UnitLevel,
)
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.listing import BranchColumn
from branchdesk.domain.teams import DayMark, Role
from branchdesk.domain.translatable import QT_TRANSLATE_NOOP

E = TypeVar("E", bound=StrEnum)


class Concept(StrEnum):
    """A field or notion the ledger names (a column header, a form label, a report line)."""

    BRANCH = "branch"
    BRANCH_NAME = "branch_name"
    ORGAN_BRANCH = "organ_branch"
    GRASSROOTS_BRANCH = "grassroots_branch"
    KIND = "kind"
    TIER = "tier"
    STARS = "stars"
    ORGAN_TIER = "organ_tier"
    GRASSROOTS_TIER = "grassroots_tier"
    REGION = "region"
    REGION_NAME = "region_name"
    PARENT_REGION = "parent_region"
    GRASSROOTS_REGION = "grassroots_region"
    LEVEL = "level"
    OFFICIAL_CODE = "official_code"
    UNIT = "unit"
    UNIT_NAME = "unit_name"
    UNIT_LEVEL = "unit_level"
    ORGAN_UNIT = "organ_unit"
    COMMUNITY = "community"
    ASSIGNED_COMMUNITY = "assigned_community"
    SECRETARY = "secretary"
    PHONE = "phone"
    MEMBERS = "members"
    OPTIMISED_ON = "optimised_on"
    ESTABLISHED_ON = "established_on"
    ARCHIVED_ON = "archived_on"
    NOTE = "note"
    PARTNER = "partner"
    PAIRING = "pairing"
    METHOD = "method"
    STARTED_ON = "started_on"
    ENDED_ON = "ended_on"
    END_REASON = "end_reason"
    DRAW = "draw"
    DRAW_SCOPE = "draw_scope"
    SEED = "seed"
    KEY_TASK = "key_task"
    HALF_YEAR = "half_year"
    ACTIVITY_TYPE = "activity_type"
    HELD_ON = "held_on"
    AREAS = "areas"
    VOLUNTEERS = "volunteers"
    LOCATION = "location"
    SUMMARY = "summary"
    WEEKDAY_REASON = "weekday_reason"
    THEME = "theme"
    HOST = "host"
    EXPECTED = "expected"
    PRESENT = "present"
    ABSENTEES = "absentees"
    MAKE_UP_ON = "make_up_on"
    THEMED_DAY = "themed_day"
    COMPLIANCE = "compliance"
    COMPLIANCE_RATE = "compliance_rate"
    COVERAGE = "coverage"
    OPTIMISATION_RATE = "optimisation_rate"


@dataclass(frozen=True)
class Name:
    chinese: str  # the one name written everywhere
    english: str  # the window's English source for it, and the English header an import reads
    aliases: tuple[str, ...] = ()  # other words files use; read, never written


# fmt: off
NAMES: dict[Concept, Name] = {
    Concept.BRANCH: Name("党支部", "Branch", ("支部", "党组织")),
    Concept.BRANCH_NAME: Name(
        "支部名称", "Branch name",
        ("Name", "branch", "党支部", "党支部名称", "党组织名称", "支部", "名称"),
    ),
    Concept.ORGAN_BRANCH: Name("机关党支部", "Organ branch", ("机关支部", "结对机关支部", "帮扶支部")),
    Concept.GRASSROOTS_BRANCH: Name(
        "基层党支部", "Grassroots branch",
        ("基层支部", "结对村(社区)支部", "村(社区)党支部", "结对村（社区）支部", "村（社区）党支部"),
    ),
    Concept.KIND: Name("支部类型", "Kind", ("type", "类型", "类别", "支部类别", "党组织类别")),
    Concept.TIER: Name(
        "档次", "Tier", ("等次", "分类", "评定等次", "分类等次", "强弱等次", "好中差", "强弱")
    ),
    Concept.STARS: Name("星级", "Stars", ("五星支部", "星级评定", "评星", "支部星级", "创建星级")),
    Concept.ORGAN_TIER: Name("机关档次", "Organ tier", ("机关等次", "机关支部档次")),
    Concept.GRASSROOTS_TIER: Name("基层档次", "Grassroots tier", ("基层等次", "基层支部档次")),
    Concept.REGION: Name(
        "区域", "Region",
        ("所属区域", "地区", "所属乡镇", "乡镇(街道)", "乡镇（街道）", "乡镇", "所属县区"),
    ),
    Concept.REGION_NAME: Name("区域名称", "Region name", ("Name", "名称", "地区名称", "行政区划名称")),
    Concept.PARENT_REGION: Name("上级区域", "Parent region", ("Parent", "上级", "上级地区", "上级区划")),
    Concept.GRASSROOTS_REGION: Name(
        "基层党支部所在区域", "Grassroots region", ("基层支部所在区域", "所在区域", "所属乡镇", "乡镇(街道)")
    ),
    Concept.LEVEL: Name("级别", "Level", ("层级", "区域级别")),
    Concept.OFFICIAL_CODE: Name("区划代码", "Official code", ("Code", "行政区划代码", "代码")),
    Concept.UNIT: Name("单位", "Unit", ("所属单位", "单位名称", "机关单位", "派出单位")),
    Concept.UNIT_NAME: Name("单位名称", "Unit name", ("Name", "单位", "名称")),
    Concept.UNIT_LEVEL: Name("单位级别", "Unit level", ("Level", "级别", "层级")),
    Concept.ORGAN_UNIT: Name("机关单位", "Organ unit", ("所属单位", "单位名称", "单位")),
    Concept.COMMUNITY: Name("所属社区", "Community branch", ("Community", "社区", "所属社区党支部")),
    Concept.ASSIGNED_COMMUNITY: Name("联系社区", "Assigned community", ("联建社区", "包联社区")),
    Concept.SECRETARY: Name("书记", "Secretary", ("支部书记", "书记姓名", "党支部书记")),
    Concept.PHONE: Name("联系电话", "Phone", ("电话", "手机", "手机号", "手机号码", "联系方式")),
    Concept.MEMBERS: Name("党员数", "Members", ("member count", "党员人数", "党员数量")),
    Concept.OPTIMISED_ON: Name(
        "优化日期", "Optimised on", ("optimised", "支部优化日期", "优化时间", "优化提升日期")
    ),
    Concept.ESTABLISHED_ON: Name("成立日期", "Established on", ("established", "成立时间")),
    Concept.ARCHIVED_ON: Name("归档日期", "Archived on", ("archived", "撤销日期", "撤并日期")),
    Concept.NOTE: Name("备注", "Note"),
    Concept.PARTNER: Name("结对支部", "Paired with", ("结对对象",)),
    Concept.PAIRING: Name("结对", "Pairing", ("联建", "结对共建")),
    Concept.METHOD: Name("结对方式", "Method", ("方式",)),
    Concept.STARTED_ON: Name("结对日期", "Started on", ("开始日期", "结对时间", "Paired from")),
    Concept.ENDED_ON: Name("结束日期", "Ended on", ("终止日期",)),
    Concept.END_REASON: Name("结束原因", "End reason", ("终止原因",)),
    Concept.DRAW: Name("抽签", "Draw", ("随机抽签",)),
    Concept.DRAW_SCOPE: Name("抽签范围", "Scope", ("范围",)),
    Concept.SEED: Name("随机种子", "Seed", ("种子",)),
    Concept.KEY_TASK: Name("重点任务", "Key task", ("阶段性重点工作", "重点工作")),
    Concept.HALF_YEAR: Name("半年", "Half-year", ("时段", "阶段")),
    Concept.ACTIVITY_TYPE: Name("活动类型", "Type", ("类型", "活动形式")),
    Concept.HELD_ON: Name("活动日期", "Held on", ("Date", "日期", "开展时间", "活动时间")),
    Concept.AREAS: Name("六共领域", "Areas", ("六共", "“六共”", "领域", "“六共”内容")),
    Concept.VOLUNTEERS: Name(
        "党员志愿者人次", "Volunteers", ("志愿者人次", "参与党员人次", "人次", "志愿者")
    ),
    Concept.LOCATION: Name("活动地点", "Location", ("地点",)),
    Concept.SUMMARY: Name("活动内容", "Summary", ("内容", "主要内容", "活动简介")),
    Concept.WEEKDAY_REASON: Name(
        "工作日开展原因", "Working-day reason", ("Weekday reason", "工作日原因")
    ),
    Concept.THEME: Name("活动主题", "Theme", ("主题",)),
    Concept.HOST: Name("主持人", "Host", ("主持", "活动主持人")),
    Concept.EXPECTED: Name("应到人数", "Expected", ("应到", "应到党员", "应到党员人数", "应到人员")),
    Concept.PRESENT: Name("实到人数", "Present", ("实到", "实到党员", "实到党员人数", "参会人数")),
    Concept.ABSENTEES: Name(
        "缺席人员及原因", "Absentees", ("缺席人员", "缺席", "缺席情况", "缺席人员及缺席原因", "请假人员")
    ),
    Concept.MAKE_UP_ON: Name("补课日期", "Make-up session", ("补课时间", "补学日期", "补课")),
    Concept.THEMED_DAY: Name("主题党日", "Themed Party day"),
    Concept.COMPLIANCE: Name("落实情况", "Compliance", ("合规情况",)),
    Concept.COMPLIANCE_RATE: Name("落实率", "Compliance rate", ("合规率",)),
    Concept.COVERAGE: Name("覆盖率", "Coverage", ("结对覆盖率",)),
    Concept.OPTIMISATION_RATE: Name("优化率", "Optimisation rate", ("支部优化率",)),
}
# fmt: on

# Words the ledger used to write for a concept and writes no more (a test keeps them out of the window,
# exports, reports and CLI); files holding them still import, through the aliases above.
RETIRED: dict[str, Concept] = {
    "等次": Concept.TIER,
    "未分类": Concept.TIER,
    "重点工作": Concept.KEY_TASK,
    "合规": Concept.COMPLIANCE,
    "地区": Concept.REGION,
    "撤档": Concept.ARCHIVED_ON,
}


def name(concept: Concept) -> str:
    """The Chinese name of ``concept``: 档次, 重点任务, 落实率 …"""
    return NAMES[concept].chinese


def words(concept: Concept) -> tuple[str, ...]:
    """Every word read as ``concept``: its name first, then the English and the aliases."""
    entry = NAMES[concept]
    return (entry.chinese, entry.english, *entry.aliases)


# The words for each value of the programme's terms; the first is its name, the others are read too.
# Matching ignores case, width and blanks; a value's code (``strong``) is read as well.
# fmt: off
TERMS: dict[type[StrEnum], dict[StrEnum, tuple[str, ...]]] = {
    RegionLevel: {
        RegionLevel.CITY: ("市",),
        RegionLevel.COUNTY: ("县（区）", "县区", "县", "区", "县(区)", "县/区"),
        RegionLevel.TOWNSHIP: ("乡镇", "乡", "镇", "街道", "乡镇(街道)", "乡镇（街道）", "乡/镇/街道"),
    },
    UnitLevel: {
        UnitLevel.CITY: ("市直", "市级"),
        UnitLevel.COUNTY: ("县直", "县级", "区直"),
        UnitLevel.CENTRAL: ("中央、省驻信单位", "中央省驻信", "中央省驻信单位", "驻信单位"),
    },
    BranchKind: {
        BranchKind.ORGAN: ("机关", "机关支部", "机关党支部", "机关单位"),
        BranchKind.VILLAGE: ("农村", "村", "村支部", "村党支部", "行政村"),
        BranchKind.COMMUNITY: ("社区", "社区支部", "社区党支部"),
        BranchKind.GRID: ("网格", "网格支部", "网格党支部", "小区", "小区党支部"),
    },
    Tier: {
        Tier.STRONG: ("好", "强", "先进", "较强", "五星", "四星"),
        Tier.AVERAGE: ("中", "一般", "中等", "较好", "三星"),
        Tier.WEAK: ("差", "弱", "较弱", "较差", "后进", "软弱涣散", "软弱", "二星", "一星"),
    },
    PairingMethod: {
        PairingMethod.ASSIGNED: ("指定", "指派", "分配"),
        PairingMethod.DRAW: ("抽签", "随机抽签", "随机"),
    },
    EndReason: {
        EndReason.MERGED: ("合并", "撤并"),
        EndReason.ABOLISHED: ("撤销",),
        EndReason.VILLAGE_TO_COMMUNITY: ("村改社区",),
        EndReason.REPAIRED: ("重新结对", "调整结对"),
        EndReason.OTHER: ("其他",),
    },
    ActivityType: {
        ActivityType.THEMED_DAY: ("主题党日",),
        ActivityType.LECTURE: ("党课", "讲党课"),
        ActivityType.KEY_TASK: ("重点任务", "阶段性重点工作", "重点工作"),
        ActivityType.VISIT: ("走访", "走访慰问"),
        ActivityType.VOLUNTEER: ("志愿服务",),
        ActivityType.OTHER: ("其他",),
    },
    ItemKind: {
        ItemKind.NEED: ("需求", "需求清单", "村需求"),
        ItemKind.RESOURCE: ("资源", "资源清单", "单位资源"),
        ItemKind.PROJECT: ("项目", "项目清单"),
    },
    ItemStatus: {
        ItemStatus.OPEN: ("未开始", "未启动", "待办"),
        ItemStatus.IN_PROGRESS: ("推进中", "进行中", "正在推进"),
        ItemStatus.DONE: ("已销号", "销号", "已完成", "完成"),
    },
    Area: {
        Area.ORGANISATION: ("组织共建",),
        Area.TEAM: ("队伍共带",),
        Area.INDUSTRY: ("产业共促",),
        Area.SERVICE: ("服务共做",),
        Area.CUSTOMS: ("新风共树",),
        Area.PRACTICAL: ("实事共办",),
    },
    Role: {
        Role.LEADER: ("队长", "工作队队长"),
        Role.MEMBER: ("队员", "工作队队员"),
        Role.FIRST_SECRETARY: ("第一书记", "驻村第一书记"),
    },
    DayMark: {
        DayMark.PRESENT: ("在村", "在", "在岗", "出勤"),
        DayMark.LEAVE: ("请假", "假", "休假"),
        DayMark.BUSINESS: ("公务", "公", "因公外出", "公出"),
        DayMark.ABSENT: ("缺勤", "缺", "旷工"),
    },
}
# fmt: on
# The English window's name of each value: the source the window translates (context "Labels"; its
# Chinese is the name above, tests check) and a word imports and pastes read, so the English window's
# exports read back.
# (Nested by enum as TERMS is: values of two enums can be equal strings, RegionLevel.CITY == UnitLevel.CITY.)
ENGLISH: dict[type[StrEnum], dict[StrEnum, str]] = {
    RegionLevel: {
        RegionLevel.CITY: QT_TRANSLATE_NOOP("Labels", "City"),
        RegionLevel.COUNTY: QT_TRANSLATE_NOOP("Labels", "County/district"),
        RegionLevel.TOWNSHIP: QT_TRANSLATE_NOOP("Labels", "Township"),
    },
    UnitLevel: {
        UnitLevel.CITY: QT_TRANSLATE_NOOP("Labels", "City-level unit"),
        UnitLevel.COUNTY: QT_TRANSLATE_NOOP("Labels", "County-level unit"),
        UnitLevel.CENTRAL: QT_TRANSLATE_NOOP("Labels", "Central or provincial unit based here"),
    },
    BranchKind: {
        BranchKind.ORGAN: QT_TRANSLATE_NOOP("Labels", "Organ"),
        BranchKind.VILLAGE: QT_TRANSLATE_NOOP("Labels", "Village"),
        BranchKind.COMMUNITY: QT_TRANSLATE_NOOP("Labels", "Community"),
        BranchKind.GRID: QT_TRANSLATE_NOOP("Labels", "Grid"),
    },
    Tier: {
        Tier.STRONG: QT_TRANSLATE_NOOP("Labels", "Strong"),
        Tier.AVERAGE: QT_TRANSLATE_NOOP("Labels", "Average"),
        Tier.WEAK: QT_TRANSLATE_NOOP("Labels", "Weak"),
    },
    PairingMethod: {
        PairingMethod.ASSIGNED: QT_TRANSLATE_NOOP("Labels", "Assigned"),
        PairingMethod.DRAW: QT_TRANSLATE_NOOP("Labels", "Draw"),
    },
    EndReason: {
        EndReason.MERGED: QT_TRANSLATE_NOOP("Labels", "Merged"),
        EndReason.ABOLISHED: QT_TRANSLATE_NOOP("Labels", "Abolished"),
        EndReason.VILLAGE_TO_COMMUNITY: QT_TRANSLATE_NOOP("Labels", "Village turned community"),
        EndReason.REPAIRED: QT_TRANSLATE_NOOP("Labels", "Re-paired"),
        EndReason.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    ActivityType: {
        ActivityType.THEMED_DAY: QT_TRANSLATE_NOOP("Labels", "Themed Party day"),
        ActivityType.LECTURE: QT_TRANSLATE_NOOP("Labels", "Party lecture"),
        ActivityType.KEY_TASK: QT_TRANSLATE_NOOP("Labels", "Key task"),
        ActivityType.VISIT: QT_TRANSLATE_NOOP("Labels", "Visit"),
        ActivityType.VOLUNTEER: QT_TRANSLATE_NOOP("Labels", "Volunteer service"),
        ActivityType.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    ItemKind: {
        ItemKind.NEED: QT_TRANSLATE_NOOP("Labels", "Need"),
        ItemKind.RESOURCE: QT_TRANSLATE_NOOP("Labels", "Resource"),
        ItemKind.PROJECT: QT_TRANSLATE_NOOP("Labels", "Project"),
    },
    ItemStatus: {
        ItemStatus.OPEN: QT_TRANSLATE_NOOP("Labels", "Not started"),
        ItemStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Labels", "In progress"),
        ItemStatus.DONE: QT_TRANSLATE_NOOP("Labels", "Done"),
    },
    Area: {
        Area.ORGANISATION: QT_TRANSLATE_NOOP("Labels", "Organisation"),
        Area.TEAM: QT_TRANSLATE_NOOP("Labels", "Team"),
        Area.INDUSTRY: QT_TRANSLATE_NOOP("Labels", "Industry"),
        Area.SERVICE: QT_TRANSLATE_NOOP("Labels", "Service"),
        Area.CUSTOMS: QT_TRANSLATE_NOOP("Labels", "Civic customs"),
        Area.PRACTICAL: QT_TRANSLATE_NOOP("Labels", "Practical matters"),
    },
    Role: {
        Role.LEADER: QT_TRANSLATE_NOOP("Labels", "Team leader"),
        Role.MEMBER: QT_TRANSLATE_NOOP("Labels", "Team member"),
        Role.FIRST_SECRETARY: QT_TRANSLATE_NOOP("Labels", "First secretary"),
    },
    DayMark: {
        DayMark.PRESENT: QT_TRANSLATE_NOOP("Labels", "In the village"),
        DayMark.LEAVE: QT_TRANSLATE_NOOP("Labels", "On leave"),
        DayMark.BUSINESS: QT_TRANSLATE_NOOP("Labels", "Official business"),
        DayMark.ABSENT: QT_TRANSLATE_NOOP("Labels", "Absent"),
    },
}
UNGRADED = "未定档次"  # a branch without a tier (city-level organs may be ungraded)
UNGRADED_ENGLISH = QT_TRANSLATE_NOOP("Labels", "Ungraded")
_UNGRADED_WORDS = ("", UNGRADED_ENGLISH, UNGRADED, "未定档", "未分类", "未定级", "未评定", "无", "-", "—")


def term_name(value: StrEnum) -> str:
    """The name of one of the programme's values: 好, 机关, 组织共建, 主题党日 …"""
    return TERMS[type(value)][value][0]


def english_name(value: StrEnum) -> str:
    """The English window's name of a value (its source in the catalogue): Themed Party day …"""
    return ENGLISH[type(value)][value]


def tier_name(tier: Tier | None) -> str:
    return UNGRADED if tier is None else term_name(tier)


def plain(text: str) -> str:
    """A word as compared: without blanks, case or full-width forms."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def _lookup(enum: type[StrEnum]) -> dict[str, StrEnum]:
    found: dict[str, StrEnum] = {}
    for member, written in TERMS[enum].items():
        for word in (member.value, *written, ENGLISH[enum][member]):
            found.setdefault(plain(word), member)
    return found


_LOOKUPS = {enum: _lookup(enum) for enum in TERMS}


def find_term(text: str, enum: type[E]) -> E | None:
    """The value ``text`` names (its name, a variant or its code), or None."""
    found = _LOOKUPS[enum].get(plain(text))
    return None if found is None else enum(found.value)


def parse_kind(text: str) -> BranchKind:
    found = find_term(text, BranchKind)
    if found is None:
        raise BranchDeskError("branch.unknown_kind", value=text)
    return found


def parse_tier(text: str) -> Tier | None:
    if plain(text) in (plain(word) for word in _UNGRADED_WORDS):
        return None
    found = find_term(text, Tier)
    if found is None:
        raise BranchDeskError("branch.unknown_tier", value=text)
    return found


# The concept of each column of the Branches table (its headers as written, and as a pasted sheet has them).
BRANCH_CONCEPTS: dict[BranchColumn, Concept] = {
    BranchColumn.NAME: Concept.BRANCH_NAME,
    BranchColumn.KIND: Concept.KIND,
    BranchColumn.REGION: Concept.REGION,
    BranchColumn.UNIT: Concept.UNIT,
    BranchColumn.TIER: Concept.TIER,
    BranchColumn.STARS: Concept.STARS,
    BranchColumn.PARTNER: Concept.PARTNER,
    BranchColumn.SECRETARY: Concept.SECRETARY,
    BranchColumn.PHONE: Concept.PHONE,
    BranchColumn.MEMBERS: Concept.MEMBERS,
    BranchColumn.OPTIMISED: Concept.OPTIMISED_ON,
    BranchColumn.ESTABLISHED: Concept.ESTABLISHED_ON,
    BranchColumn.ARCHIVED: Concept.ARCHIVED_ON,
}


def branch_column(header: str) -> BranchColumn | None:
    """The column a header names, or None for a header this ledger does not keep."""
    wanted = plain(header).rstrip("*")
    for column, concept in BRANCH_CONCEPTS.items():
        if wanted in (plain(word) for word in words(concept)):
            return column
    return None
