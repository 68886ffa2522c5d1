"""Import templates (File ▸ Import templates): the sheet an import of one kind reads, with an example row
under the headers, a drop-down on each coded column, and a 说明 sheet listing what each column takes.

The example row starts with 示例： and an import skips it, so a clerk may keep it or delete it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from branchdesk.domain import cells
from branchdesk.domain.attendance import Absentee, absentees_text
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
from branchdesk.domain.imports import DAY_FIELDS, REQUIRED, ImportKind
from branchdesk.domain.teams import Role
from branchdesk.domain.vocabulary import plain, term_name
from branchdesk.exchange.columns import COLUMNS, SHEETS, Column
from branchdesk.exchange.files import Sheet, SheetColumn, write_workbook

EXAMPLE_MARK = "示例："
NOTES_SHEET = "说明"

# The values of each coded column, by kind and field.
_CODED: dict[ImportKind, dict[str, type[StrEnum]]] = {
    ImportKind.REGIONS: {"level": RegionLevel},
    ImportKind.UNITS: {"level": UnitLevel},
    ImportKind.BRANCHES: {"kind": BranchKind, "tier": Tier},
    ImportKind.PAIRINGS: {
        "method": PairingMethod,
        "organ_tier": Tier,
        "grassroots_tier": Tier,
        "end_reason": EndReason,
    },
    ImportKind.ACTIVITIES: {"type": ActivityType},
    ImportKind.ITEMS: {"kind": ItemKind, "status": ItemStatus},
    ImportKind.MEMBERS: {"role": Role},
}
_YES_NO = ("是", "否")

# The pairing the agreement examples name (the pairing example's).
_PAIRING: dict[str, object] = {
    "organ": "县委组织部机关第一党支部",
    "grassroots": "东街村党支部",
    "grassroots_region": "信阳市/潢川县/城关镇",
}

# One made-up but well-formed row of each kind (fields not named stay empty).
_EXAMPLES: dict[ImportKind, dict[str, object]] = {
    ImportKind.REGIONS: {"name": "城关镇", "level": RegionLevel.TOWNSHIP, "parent": "信阳市/潢川县"},
    ImportKind.UNITS: {"name": "县委组织部", "level": UnitLevel.COUNTY, "region": "信阳市/潢川县"},
    ImportKind.BRANCHES: {
        "name": "东街村党支部",
        "kind": BranchKind.VILLAGE,
        "region": "信阳市/潢川县/城关镇",
        "tier": Tier.WEAK,
        "secretary": "张明",
        "phone": "13800000000",
        "member_count": 35,
        "established_on": dt.date(2001, 7, 1),
        "stars": "三星",
        "star_year": 2023,
    },
    ImportKind.DRAWS: {},
    ImportKind.PAIRINGS: {
        "organ": "县委组织部机关第一党支部",
        "organ_unit": "县委组织部",
        "grassroots": "东街村党支部",
        "grassroots_region": "信阳市/潢川县/城关镇",
        "method": PairingMethod.ASSIGNED,
        "organ_tier": Tier.STRONG,
        "grassroots_tier": Tier.WEAK,
        "started_on": dt.date(2022, 4, 11),
    },
    ImportKind.KEY_TASKS: {"name": "人居环境整治", "half_year": "2022-H1"},
    ImportKind.ACTIVITIES: {
        "organ": "县委组织部机关第一党支部",
        "grassroots": "东街村党支部",
        "held_on": dt.date(2022, 5, 20),
        "type": ActivityType.THEMED_DAY,
        "areas": "、".join(term_name(area) for area in (Area.ORGANISATION, Area.SERVICE)),
        "volunteers": 12,
        "location": "东街村党群服务中心",
        "summary": "联合开展主题党日，走访慰问困难党员",
        "theme": "学习贯彻党的二十大精神",
        "host": "王强",
        "expected": 15,
        "present": 13,
        "absentees": absentees_text((Absentee("李华", "外出务工"), Absentee("赵敏", "病假"))),
        "make_up_on": dt.date(2022, 5, 27),
    },
    ImportKind.ITEMS: {
        "organ": "县委组织部机关第一党支部",
        "grassroots": "东街村党支部",
        "kind": ItemKind.NEED,
        "title": "村道硬化",
        "owner": "王强",
        "opened_on": dt.date(2022, 5, 10),
        "due_on": dt.date(2022, 9, 30),
        "status": ItemStatus.OPEN,
    },
    ImportKind.RATINGS: {
        "grassroots": "东街村党支部",
        "grassroots_region": "信阳市/潢川县/城关镇",
        "stars": "四星",
        "star_year": 2023,
        "rated_on": dt.date(2024, 1, 20),
    },
    ImportKind.AGREEMENTS: {
        **_PAIRING,
        "signed_on": dt.date(2022, 4, 20),
        "organ_liaison": "李华",
        "organ_phone": "13800000001",
        "grassroots_liaison": "王强",
        "grassroots_phone": "13800000002",
    },
    ImportKind.TARGETS: {
        **_PAIRING,
        "name": "帮办实事",
        "number": 3,
        "unit": "件",
        "due_on": dt.date(2022, 12, 31),
    },
    ImportKind.PROGRESS: {
        **_PAIRING,
        "target": "帮办实事",
        "recorded_on": dt.date(2022, 7, 1),
        "value": 1,
        "note": "硬化村道 800 米",
    },
    ImportKind.TEAMS: {
        "grassroots": "东街村党支部",
        "grassroots_region": "信阳市/潢川县/城关镇",
        "unit": "县委组织部",
        "started_on": dt.date(2022, 4, 11),
    },
    ImportKind.MEMBERS: {
        "grassroots": "东街村党支部",
        "grassroots_region": "信阳市/潢川县/城关镇",
        "name": "刘洋",
        "phone": "13800000003",
        "sending_unit": "县委组织部",
        "role": Role.LEADER,
        "from_on": dt.date(2022, 4, 11),
    },
    ImportKind.TEAM_DAYS: {
        "grassroots": "东街村党支部",
        "name": "刘洋",
        "phone": "13800000003",
        "month": "2022-05",
        "day_1": "在",
        "day_2": "在",
        "day_3": "公",
        "day_4": "假（病假）",
        "day_5": "缺",
    },
}

# What a column of each shape takes, for the 说明 sheet.
_SHAPES = {
    "date": "日期，如 2022-04-10、2022/4/10、2022.4.10、20220410 或 2022年4月10日",
    "number": "整数，如 35",
    "flag": "是 或 否",
}
# Where a field of one kind takes something else than the field of that name elsewhere.
_KIND_NOTES: dict[tuple[ImportKind, str], str] = {
    (ImportKind.TARGETS, "name"): "目标内容，如 帮办实事、引进项目资金",
    (ImportKind.TARGETS, "number"): "硬目标的数值，如 3 或 20.5；定性目标不填",
    (ImportKind.TARGETS, "unit"): "数值的单位，如 件、万元、人次",
    (ImportKind.TARGETS, "due_on"): "目标的完成时限，不早于协议签订日期；",
    (ImportKind.PROGRESS, "value"): "截至该日的累计完成数（不是本次新增数），可超出目标数值",
    (ImportKind.TEAMS, "unit"): "派出工作队的单位名称（一般是所驻村结对机关支部所在的单位）",
    (ImportKind.MEMBERS, "name"): "队员姓名",
    (ImportKind.TEAM_DAYS, "name"): "队员姓名（按联系电话找到队员，姓名便于核对）",
}
_DAY_NOTE = "在、假、公、缺（也可写 P、L、B、A）；请假写明原因，如 假（病假）；未登记的留空"
_FIELD_NOTES = {
    "region": "区域路径（如 信阳市/潢川县/城关镇）或区域名称（名称唯一时）",
    "parent": "上级区域的路径，如 信阳市/潢川县；市一级不填",
    "grassroots_region": "区域路径，如 信阳市/潢川县/城关镇（同名支部较多时填写）",
    "areas": "、".join(term_name(area) for area in Area) + "；可填多个，用顿号隔开",
    "unit": "机关党支部必填：所属单位名称",
    "community": "网格支部必填：所属社区党支部名称",
    "half_year": "如 2022-H1 或 2022年上半年",
    "weekday_reason": "工作日开展的主题党日等活动须写明原因",
    "optimised_on": "仅机关党支部填写；",
    "organ": "机关党支部全称",
    "grassroots": "村（社区、网格）党支部全称",
    "name": "全称",
    "code": "行政区划代码，如 411526",
    "organ_unit": "机关党支部所属单位（同名机关党支部不止一个时填写）",
    "key_task": "本半年重点任务的名称（活动类型为重点任务时填写）",
    "expected": "应参加的党员人数；填写出勤情况时，应到、实到都要填；",
    "present": "实到党员人数，不多于应到人数；",
    "absentees": "每人写“姓名：原因”，多人用分号隔开，如 李华：外出务工；赵敏：病假。"
    "填写时人数须等于应到减实到",
    "make_up_on": "为缺席人员补课的日期，不早于活动日期；",
    "stars": "基层党支部的星级（五星支部创建）：一星至五星，可写 4 或 四星，也可连年度写作 2023 四星",
    "star_year": "星级所属年度，如 2023（星级中已写年度的可不填）；",
    "rated_on": "评定星级的日期，不早于该年度开始，不填则记为导入当天；",
    "title": "需求、资源或项目的名称，如 村道硬化、单位帮扶资金",
    "owner": "负责落实的人",
    "opened_on": "提出（登记）的日期；",
    "due_on": "应完成的日期，不早于提出日期；",
    "done_on": "状态为已销号时必填，不早于提出日期；",
    "done_note": "状态为已销号时必填：完成了什么",
    "need": "仅项目填写：所对应的本结对需求的名称",
    "resource": "仅项目填写：所对应的本结对资源的名称",
    "signed_on": "协议签订的日期；",
    "organ_phone": "手机或座机号码",
    "grassroots_phone": "手机或座机号码",
    "target": "协议目标的内容，与“协议目标”表中写法一致",
    "recorded_on": "记录进度的日期；",
    "started_on": "工作队派驻的日期；",
    "ended_on": "工作队撤回的日期（仍在驻村的不填）；",
    "phone": "手机或座机号码；同一人只能同时在一个工作队",
    "sending_unit": "队员的派出单位",
    "from_on": "队员开始驻村的日期，不早于工作队派驻日期；",
    "to_on": "队员结束驻村的日期（仍在驻村的不填）；",
    "month": "如 2022-05 或 2022年5月",
    **dict.fromkeys(DAY_FIELDS, _DAY_NOTE),
}


def _choices(kind: ImportKind, column: Column) -> Sequence[str]:
    enum = _CODED.get(kind, {}).get(column.field)
    if enum is not None:
        return [term_name(value) for value in enum]
    return _YES_NO if column.shape == "flag" else ()


def _written(value: object) -> object:
    return term_name(value) if isinstance(value, StrEnum) else value


def _required(kind: ImportKind, field: str) -> str:
    # A template has no uuid columns: of "a name or its uuid" the name is the one to fill in.
    return "必填" if any(field in group for group in REQUIRED[kind]) else "选填"


def _notes(kinds: Sequence[ImportKind]) -> Sheet:
    rows: list[Sequence[object]] = [
        ("（第 2 行）", "", f"以“{EXAMPLE_MARK}”开头的第 2 行是示例，导入时跳过；可以保留，也可以删除。"),
    ]
    for kind in kinds:
        if len(kinds) > 1:  # a workbook of several sheets: the notes of each under its name
            rows.append((f"【{SHEETS[kind]}】表", "", ""))
        for column in _columns(kind):
            offered = _choices(kind, column)
            if offered:
                what = "从下拉列表选择：" + "、".join(offered)
            else:
                note = _KIND_NOTES.get((kind, column.field)) or _FIELD_NOTES.get(column.field, "")
                what = note + _SHAPES.get(column.shape, "") or "文字"
            rows.append((column.header, _required(kind, column.field), what))
    notes = [SheetColumn("列名", 18), SheetColumn("是否必填", 12), SheetColumn("填写说明", 90)]
    return Sheet(NOTES_SHEET, notes, rows, filters=False)


def _columns(kind: ImportKind) -> list[Column]:
    return [c for c in COLUMNS[kind] if c.shape != "uuid"]  # a template has no uuid columns


def _sheet(kind: ImportKind) -> Sheet:
    columns = _columns(kind)
    values = _EXAMPLES[kind]
    example = [_written(values.get(c.field)) for c in columns] if values else []
    if example:
        example[0] = f"{EXAMPLE_MARK}{example[0]}"
    return Sheet(
        SHEETS[kind],
        [SheetColumn(c.header, c.width, c.shape) for c in columns],
        [],
        example=example,
        choices={i: offered for i, c in enumerate(columns) if (offered := _choices(kind, c))},
    )


def template(path: Path, *kinds: ImportKind) -> None:
    """The workbook an import of ``kinds`` reads (one sheet each, as File ▸ Export names them: an agreement
    with its targets and progress, a team with its members and days): each sheet with its example row and
    drop-downs, then the 说明 sheet."""
    write_workbook(path, [*(_sheet(kind) for kind in kinds), _notes(kinds)])


def is_example(row: Sequence[object]) -> bool:
    """Whether a row is a template's example: its first filled cell starts with 示例： (or 示例:)."""
    first = next((value for value in row if not cells.blank(value)), None)
    return isinstance(first, str) and plain(first).startswith(plain(EXAMPLE_MARK))
