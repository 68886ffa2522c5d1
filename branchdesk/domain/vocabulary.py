"""The words people use for the programme's terms in spreadsheets and pasted text, in Chinese and English.

Pasting from Excel/WPS and importing read cells through these, so 村、村党支部、village and Village all
name the same kind.
"""

from __future__ import annotations

from branchdesk.domain.enums import BranchKind, Tier
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.listing import BranchColumn

_KIND_WORDS: dict[BranchKind, tuple[str, ...]] = {
    BranchKind.ORGAN: ("organ", "机关", "机关支部", "机关党支部", "机关单位"),
    BranchKind.VILLAGE: ("village", "村", "农村", "村支部", "村党支部", "行政村"),
    BranchKind.COMMUNITY: ("community", "社区", "社区支部", "社区党支部"),
    BranchKind.GRID: ("grid", "网格", "网格支部", "网格党支部", "小区", "小区党支部"),
}
_TIER_WORDS: dict[Tier, tuple[str, ...]] = {
    Tier.STRONG: ("strong", "强", "好", "先进", "较强", "五星", "四星"),
    Tier.AVERAGE: ("average", "一般", "中", "中等", "较好", "三星"),
    Tier.WEAK: ("weak", "弱", "差", "较弱", "较差", "后进", "软弱涣散", "软弱", "二星", "一星"),
}
_UNGRADED_WORDS = ("", "ungraded", "未分类", "未定级", "未评定", "无", "-", "—")

# Header names as a clerk's sheet may have them; matched after removing blanks, case-insensitively.
BRANCH_HEADERS: dict[BranchColumn, tuple[str, ...]] = {
    BranchColumn.NAME: (
        "branch",
        "name",
        "branch name",
        "支部",
        "支部名称",
        "党支部名称",
        "党组织名称",
        "名称",
    ),
    BranchColumn.KIND: ("kind", "type", "类型", "支部类型", "类别", "党组织类别"),
    BranchColumn.REGION: (
        "region",
        "所属区域",
        "区域",
        "所属乡镇",
        "乡镇",
        "乡镇(街道)",
        "乡镇（街道）",
        "地区",
    ),
    BranchColumn.UNIT: ("unit", "单位", "所属单位", "机关单位", "派出单位"),
    BranchColumn.TIER: ("tier", "强弱", "等次", "星级", "分类", "强弱等次"),
    BranchColumn.PARTNER: ("paired with", "结对支部", "结对对象"),
    BranchColumn.SECRETARY: ("secretary", "书记", "支部书记", "党支部书记"),
    BranchColumn.PHONE: ("phone", "电话", "联系电话", "手机", "手机号"),
    BranchColumn.MEMBERS: ("members", "member count", "党员数", "党员人数", "党员数量"),
    BranchColumn.OPTIMISED: ("optimised on", "optimised", "优化日期", "优化时间", "优化提升日期"),
    BranchColumn.ESTABLISHED: ("established on", "established", "成立日期", "成立时间"),
    BranchColumn.ARCHIVED: ("archived on", "archived", "归档日期", "撤销日期"),
}


def _plain(text: str) -> str:
    return "".join(text.split()).replace("\u3000", "").lower()


def parse_kind(text: str) -> BranchKind:
    wanted = _plain(text)
    for kind, words in _KIND_WORDS.items():
        if wanted in (_plain(word) for word in words):
            return kind
    raise BranchDeskError("branch.unknown_kind", value=text)


def parse_tier(text: str) -> Tier | None:
    wanted = _plain(text)
    if wanted in (_plain(word) for word in _UNGRADED_WORDS):
        return None
    for tier, words in _TIER_WORDS.items():
        if wanted in (_plain(word) for word in words):
            return tier
    raise BranchDeskError("branch.unknown_tier", value=text)


def branch_column(header: str) -> BranchColumn | None:
    """The column a header names, or None for a header this ledger does not keep."""
    wanted = _plain(header)
    for column, words in BRANCH_HEADERS.items():
        if wanted in (_plain(word) for word in words):
            return column
    return None
