"""Cells of a spreadsheet read as the ledger's values: texts, whole numbers, dates and the programme's terms.

Township files are typed by hand in Excel or WPS: numbers stored as text, phone numbers stored as numbers,
dates as real dates, as Excel serial numbers or as 2022年4月10日, full-width digits, stray blanks. Each
reader here accepts all of those and refuses anything else with a message code, never a guess.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from branchdesk.domain.branch_rules import BLANKS
from branchdesk.domain.enums import (
    ActivityType,
    Area,
    BranchKind,
    EndReason,
    PairingMethod,
    RegionLevel,
    Tier,
    UnitLevel,
)
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import parse_date
from branchdesk.domain.vocabulary import parse_kind, parse_tier

E = TypeVar("E", bound=StrEnum)

# Excel's day 0 (its 1900 leap-year bug makes serial 60 the non-existent 1900-02-29; real dates are later).
_EXCEL_EPOCH = dt.date(1899, 12, 30)
# Serial numbers read as dates only in this range (1982 … 2064): a member count is never taken for a date.
_SERIALS = range(30000, 60000)

# The words the ledger's files use for each term (the first is what an export writes), with the
# variants people type. Matching ignores case and blanks.
LABELS: dict[type[StrEnum], dict[StrEnum, tuple[str, ...]]] = {
    RegionLevel: {
        RegionLevel.CITY: ("市",),
        RegionLevel.COUNTY: ("县区", "县", "区", "县(区)", "县（区）", "县/区"),
        RegionLevel.TOWNSHIP: ("乡镇", "乡", "镇", "街道", "乡镇(街道)", "乡镇（街道）", "乡/镇/街道"),
    },
    UnitLevel: {
        UnitLevel.CITY: ("市直", "市级"),
        UnitLevel.COUNTY: ("县直", "县级", "区直"),
        UnitLevel.CENTRAL: ("中央省驻信", "中央、省驻信单位", "中央省驻信单位", "驻信单位"),
    },
    # Kinds and tiers are read by domain.vocabulary (as pasting reads them); these are the words written.
    BranchKind: {
        BranchKind.ORGAN: ("机关",),
        BranchKind.VILLAGE: ("农村",),
        BranchKind.COMMUNITY: ("社区",),
        BranchKind.GRID: ("网格",),
    },
    Tier: {Tier.STRONG: ("好",), Tier.AVERAGE: ("中",), Tier.WEAK: ("差",)},
    PairingMethod: {
        PairingMethod.ASSIGNED: ("指派", "指定", "分配"),
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
    Area: {
        Area.ORGANISATION: ("组织共建",),
        Area.TEAM: ("队伍共带",),
        Area.INDUSTRY: ("产业共促",),
        Area.SERVICE: ("服务共做",),
        Area.CUSTOMS: ("新风共树",),
        Area.PRACTICAL: ("实事共办",),
    },
}

# Separators between the areas (六共) of one activity in one cell.
_AREA_SEPARATORS = "、,，;；/ \u3000\n"


def label(value: StrEnum) -> str:
    """The word a file uses for ``value`` (组织共建, 机关, 好 …)."""
    return LABELS[type(value)][value][0]


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def _lookup(enum: type[StrEnum]) -> dict[str, StrEnum]:
    found: dict[str, StrEnum] = {}
    for member, words in LABELS[enum].items():
        for word in (member.value, *words):
            found[_key(word)] = member
    return found


_LOOKUPS: Mapping[type[StrEnum], dict[str, StrEnum]] = {enum: _lookup(enum) for enum in LABELS}


def blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip(BLANKS))


def text(value: object) -> str | None:
    """A text cell; numbers stored by Excel as numbers (a phone, a code) come back without ".0"."""
    if blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip(BLANKS)


def whole_number(value: object) -> int | None:
    """A count: 35, 35.0, "35", "３５", " 35 人"; a fraction or a word is refused."""
    if blank(value):
        return None
    if isinstance(value, bool):
        raise BranchDeskError("cell.not_a_number", value=str(value))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise BranchDeskError("cell.not_a_number", value=str(value))
    written = unicodedata.normalize("NFKC", str(value)).strip(BLANKS).removesuffix("人").strip()
    if written.isascii() and written.lstrip("-").isdigit():
        return int(written)
    raise BranchDeskError("cell.not_a_number", value=str(value))


def date(value: object) -> dt.date | None:
    """A date cell: a real date, an Excel serial number, or text such as 2022-04-10 or 2022年4月10日."""
    if blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and int(value) in _SERIALS:
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise BranchDeskError("date.invalid", value=text(value) or "")
    written = unicodedata.normalize("NFKC", str(value)).strip(BLANKS)
    if len(written) == 8 and written.isdigit():  # 20220410
        written = f"{written[:4]}-{written[4:6]}-{written[6:]}"
    # "2022-04-10 00:00:00" from a CSV written by a program that kept the time
    return parse_date(written.split(" ")[0] if " " in written else written)


def term(value: object, enum: type[E]) -> E | None:
    """One of the programme's terms, by its Chinese word, a variant or its code."""
    if blank(value):
        return None
    if enum is BranchKind:
        return enum(parse_kind(str(value)).value)
    if enum is Tier:
        tier = parse_tier(str(value))
        return None if tier is None else enum(tier.value)
    found = _LOOKUPS[enum].get(_key(str(value)))
    if found is None:
        raise BranchDeskError(
            "cell.unknown_term",
            value=str(value).strip(),
            choices="、".join(w[0] for w in LABELS[enum].values()),
        )
    return enum(found.value)


def areas(value: object) -> frozenset[Area]:
    """The six areas in one cell: 组织共建、产业共促 (any of the usual separators)."""
    if blank(value):
        return frozenset()
    written = str(value)
    for separator in _AREA_SEPARATORS:
        written = written.replace(separator, "\n")
    found = (term(part, Area) for part in written.split("\n") if part.strip())
    return frozenset(area for area in found if area is not None)


def yes_no(value: object) -> bool:
    """是/否, 1/0, true/false; blank is no."""
    if blank(value):
        return False
    key = _key(text(value) or "")
    if key in {"是", "1", "true", "yes", "y", "√", "✓"}:
        return True
    if key in {"否", "0", "false", "no", "n"}:
        return False
    raise BranchDeskError("cell.not_yes_no", value=str(value))
