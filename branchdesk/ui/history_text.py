"""History in words: each user action as one line — what it concerned and what it changed — with every
field and value by its name (档次：（空）→ 差), never a column name, a code or a count of raw rows."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication

from branchdesk.domain.attendance import LATE_ENTRY_SETTING
from branchdesk.domain.changes import ChangeEntry, OperationEntry
from branchdesk.domain.enums import (
    ActivityType,
    Area,
    BranchKind,
    DayKind,
    EndReason,
    ItemKind,
    ItemStatus,
    PairingMethod,
    RegionLevel,
    Tier,
    UnitLevel,
)
from branchdesk.domain.months import HalfYear, Month
from branchdesk.domain.photos import DateCheck
from branchdesk.domain.teams import CHINESE, MIN_DAYS_SETTING, NOTHING, DayMark, Role
from branchdesk.i18n.language import format_count, format_half_year, format_month
from branchdesk.i18n.noop import QT_TRANSLATE_NOOP
from branchdesk.ui.labels import (
    activity_type_label,
    area_label,
    current_language,
    date_text,
    kind_label,
    level_label,
    method_label,
    moment_text,
    reason_label,
    star_label,
    term_label,
    tier_label,
    unit_level_label,
)

Names = dict[tuple[str, int], str]  # (id column, id) → the name of the record it refers to

_CONTEXT = "HistoryDialog"

# Each column's name; (table, column) where a column means different things in different tables.
# The uses of pictures: an activity's photos and a ticked-off list item's.
_PHOTO_TABLES = ("photo", "plan_item_photo")
FIELDS: dict[str | tuple[str, str], str] = {
    "name": QT_TRANSLATE_NOOP("HistoryDialog", "Name"),
    ("branch", "name"): QT_TRANSLATE_NOOP("HistoryDialog", "Branch name"),
    ("region", "name"): QT_TRANSLATE_NOOP("HistoryDialog", "Region name"),
    ("unit", "name"): QT_TRANSLATE_NOOP("HistoryDialog", "Unit name"),
    ("key_task", "name"): QT_TRANSLATE_NOOP("HistoryDialog", "Key task"),
    ("holiday", "name"): QT_TRANSLATE_NOOP("HistoryDialog", "Holiday"),
    "kind": QT_TRANSLATE_NOOP("HistoryDialog", "Kind"),
    ("holiday", "kind"): QT_TRANSLATE_NOOP("HistoryDialog", "Day off or working day"),
    "level": QT_TRANSLATE_NOOP("HistoryDialog", "Level"),
    ("unit", "level"): QT_TRANSLATE_NOOP("HistoryDialog", "Unit level"),
    "region_id": QT_TRANSLATE_NOOP("HistoryDialog", "Region"),
    "parent_id": QT_TRANSLATE_NOOP("HistoryDialog", "Parent region"),
    "code": QT_TRANSLATE_NOOP("HistoryDialog", "Official code"),
    "unit_id": QT_TRANSLATE_NOOP("HistoryDialog", "Unit"),
    "assigned_community_id": QT_TRANSLATE_NOOP("HistoryDialog", "Assigned community"),
    "community_id": QT_TRANSLATE_NOOP("HistoryDialog", "Community branch"),
    "tier": QT_TRANSLATE_NOOP("HistoryDialog", "Tier"),
    "secretary": QT_TRANSLATE_NOOP("HistoryDialog", "Secretary"),
    "phone": QT_TRANSLATE_NOOP("HistoryDialog", "Phone"),
    "member_count": QT_TRANSLATE_NOOP("HistoryDialog", "Members"),
    "optimised_on": QT_TRANSLATE_NOOP("HistoryDialog", "Optimised on"),
    "established_on": QT_TRANSLATE_NOOP("HistoryDialog", "Established on"),
    "archived_on": QT_TRANSLATE_NOOP("HistoryDialog", "Archived on"),
    "note": QT_TRANSLATE_NOOP("HistoryDialog", "Note"),
    "organ_id": QT_TRANSLATE_NOOP("HistoryDialog", "Organ branch"),
    "grassroots_id": QT_TRANSLATE_NOOP("HistoryDialog", "Grassroots branch"),
    "method": QT_TRANSLATE_NOOP("HistoryDialog", "Method"),
    "draw_id": QT_TRANSLATE_NOOP("HistoryDialog", "Draw"),
    "organ_tier": QT_TRANSLATE_NOOP("HistoryDialog", "Organ tier"),
    "grassroots_tier": QT_TRANSLATE_NOOP("HistoryDialog", "Grassroots tier"),
    "started_on": QT_TRANSLATE_NOOP("HistoryDialog", "Started on"),
    "ended_on": QT_TRANSLATE_NOOP("HistoryDialog", "Ended on"),
    "end_reason": QT_TRANSLATE_NOOP("HistoryDialog", "End reason"),
    "scope_region_id": QT_TRANSLATE_NOOP("HistoryDialog", "Scope"),
    "seed": QT_TRANSLATE_NOOP("HistoryDialog", "Seed"),
    "algorithm_version": QT_TRANSLATE_NOOP("HistoryDialog", "Algorithm version"),
    "input_hash": QT_TRANSLATE_NOOP("HistoryDialog", "Input hash"),
    "result_hash": QT_TRANSLATE_NOOP("HistoryDialog", "Result hash"),
    "swaps": QT_TRANSLATE_NOOP("HistoryDialog", "Swaps by hand"),
    "drawn_at": QT_TRANSLATE_NOOP("HistoryDialog", "Drawn at"),
    "committed": QT_TRANSLATE_NOOP("HistoryDialog", "Committed"),
    "candidates": QT_TRANSLATE_NOOP("HistoryDialog", "Candidates"),
    "half_year": QT_TRANSLATE_NOOP("HistoryDialog", "Half-year"),
    "retired": QT_TRANSLATE_NOOP("HistoryDialog", "Retired"),
    "pairing_id": QT_TRANSLATE_NOOP("HistoryDialog", "Pairing"),
    "held_on": QT_TRANSLATE_NOOP("HistoryDialog", "Held on"),
    "type": QT_TRANSLATE_NOOP("HistoryDialog", "Type"),
    "key_task_id": QT_TRANSLATE_NOOP("HistoryDialog", "Key task"),
    "volunteers": QT_TRANSLATE_NOOP("HistoryDialog", "Volunteers"),
    "location": QT_TRANSLATE_NOOP("HistoryDialog", "Location"),
    "summary": QT_TRANSLATE_NOOP("HistoryDialog", "Summary"),
    "weekday_reason": QT_TRANSLATE_NOOP("HistoryDialog", "Working-day reason"),
    "area": QT_TRANSLATE_NOOP("HistoryDialog", "Areas"),
    "theme": QT_TRANSLATE_NOOP("HistoryDialog", "Theme"),
    "host": QT_TRANSLATE_NOOP("HistoryDialog", "Host"),
    "expected": QT_TRANSLATE_NOOP("HistoryDialog", "Expected"),
    "present": QT_TRANSLATE_NOOP("HistoryDialog", "Present"),
    "make_up_on": QT_TRANSLATE_NOOP("HistoryDialog", "Make-up session"),
    ("activity_absentee", "name"): QT_TRANSLATE_NOOP("HistoryDialog", "Absentee"),
    "reason": QT_TRANSLATE_NOOP("HistoryDialog", "Reason for absence"),
    "day": QT_TRANSLATE_NOOP("HistoryDialog", "Date"),
    "source": QT_TRANSLATE_NOOP("HistoryDialog", "Source"),
    "year": QT_TRANSLATE_NOOP("HistoryDialog", "Year"),
    "key": QT_TRANSLATE_NOOP("HistoryDialog", "Setting"),
    "value": QT_TRANSLATE_NOOP("HistoryDialog", "Value"),
    "month": QT_TRANSLATE_NOOP("HistoryDialog", "Month"),
    ("month_lock", "region_id"): QT_TRANSLATE_NOOP("HistoryDialog", "Locked for"),
    "unlocked_at": QT_TRANSLATE_NOOP("HistoryDialog", "Unlocked at"),
    "unlock_reason": QT_TRANSLATE_NOOP("HistoryDialog", "Reason for unlocking"),
    "stars": QT_TRANSLATE_NOOP("HistoryDialog", "Stars"),
    "rated_on": QT_TRANSLATE_NOOP("HistoryDialog", "Rated on"),
    ("star_rating", "branch_id"): QT_TRANSLATE_NOOP("HistoryDialog", "Branch"),
    "frozen_on": QT_TRANSLATE_NOOP("HistoryDialog", "Frozen on"),
    "figures": QT_TRANSLATE_NOOP("HistoryDialog", "Figures"),
    "title": QT_TRANSLATE_NOOP("HistoryDialog", "Item"),
    ("plan_item", "kind"): QT_TRANSLATE_NOOP("HistoryDialog", "List"),
    "owner": QT_TRANSLATE_NOOP("HistoryDialog", "Owner"),
    "opened_on": QT_TRANSLATE_NOOP("HistoryDialog", "Raised on"),
    ("plan_item", "status"): QT_TRANSLATE_NOOP("HistoryDialog", "Status"),
    "done_on": QT_TRANSLATE_NOOP("HistoryDialog", "Ticked off on"),
    "done_note": QT_TRANSLATE_NOOP("HistoryDialog", "What was done"),
    "need_id": QT_TRANSLATE_NOOP("HistoryDialog", "Need matched"),
    "resource_id": QT_TRANSLATE_NOOP("HistoryDialog", "Resource matched"),
    "plan_item_id": QT_TRANSLATE_NOOP("HistoryDialog", "List item"),
    **{
        (table, column): label
        for table in _PHOTO_TABLES
        for column, label in (
            ("sha256", QT_TRANSLATE_NOOP("HistoryDialog", "Picture")),
            ("position", QT_TRANSLATE_NOOP("HistoryDialog", "Place among the photos")),
            ("caption", QT_TRANSLATE_NOOP("HistoryDialog", "Caption")),
            ("taken_at", QT_TRANSLATE_NOOP("HistoryDialog", "Taken at")),
        )
    },
    ("photo", "date_check"): QT_TRANSLATE_NOOP("HistoryDialog", "Capture time against the date"),
    "signed_on": QT_TRANSLATE_NOOP("HistoryDialog", "Signed on"),
    "organ_liaison": QT_TRANSLATE_NOOP("HistoryDialog", "Organ-side liaison"),
    "organ_phone": QT_TRANSLATE_NOOP("HistoryDialog", "Organ-side liaison's phone"),
    "grassroots_liaison": QT_TRANSLATE_NOOP("HistoryDialog", "Grassroots-side liaison"),
    "grassroots_phone": QT_TRANSLATE_NOOP("HistoryDialog", "Grassroots-side liaison's phone"),
    "review": QT_TRANSLATE_NOOP("HistoryDialog", "Review notes"),
    "agreement_id": QT_TRANSLATE_NOOP("HistoryDialog", "Agreement"),
    ("agreement_target", "name"): QT_TRANSLATE_NOOP("HistoryDialog", "Target"),
    ("agreement_target", "position"): QT_TRANSLATE_NOOP("HistoryDialog", "Place among the targets"),
    "number": QT_TRANSLATE_NOOP("HistoryDialog", "Target number"),
    "unit": QT_TRANSLATE_NOOP("HistoryDialog", "Unit of measure"),
    "due_on": QT_TRANSLATE_NOOP("HistoryDialog", "Due on"),
    "target_id": QT_TRANSLATE_NOOP("HistoryDialog", "Target"),
    "recorded_on": QT_TRANSLATE_NOOP("HistoryDialog", "Progress dated"),
    ("target_progress", "value"): QT_TRANSLATE_NOOP("HistoryDialog", "Progress"),
    "branch_id": QT_TRANSLATE_NOOP("HistoryDialog", "Branch"),
    ("work_team", "unit_id"): QT_TRANSLATE_NOOP("HistoryDialog", "Sending unit"),
    "team_id": QT_TRANSLATE_NOOP("HistoryDialog", "Work team"),
    "member_id": QT_TRANSLATE_NOOP("HistoryDialog", "Team member"),
    ("team_member", "name"): QT_TRANSLATE_NOOP("HistoryDialog", "Member"),
    "sending_unit": QT_TRANSLATE_NOOP("HistoryDialog", "Sending unit"),
    "role": QT_TRANSLATE_NOOP("HistoryDialog", "Role"),
    "from_on": QT_TRANSLATE_NOOP("HistoryDialog", "In the village from"),
    "to_on": QT_TRANSLATE_NOOP("HistoryDialog", "In the village until"),
    "marks": QT_TRANSLATE_NOOP("HistoryDialog", "Days"),
    "reasons": QT_TRANSLATE_NOOP("HistoryDialog", "Reasons for leave"),
    ("team_days", "present"): QT_TRANSLATE_NOOP("HistoryDialog", "Days in the village"),
    "leave": QT_TRANSLATE_NOOP("HistoryDialog", "Days on leave"),
    "business": QT_TRANSLATE_NOOP("HistoryDialog", "Days on official business"),
    "absent": QT_TRANSLATE_NOOP("HistoryDialog", "Days absent"),
}
# How many rows of a table an action added, changed or removed: "新增结对 12 对".
COUNTS: dict[str, str] = {
    "region": QT_TRANSLATE_NOOP("HistoryDialog", "{change} {count} regions"),
    "unit": QT_TRANSLATE_NOOP("HistoryDialog", "{change} {count} units"),
    "branch": QT_TRANSLATE_NOOP("HistoryDialog", "{change} {count} branches"),
    "draw": QT_TRANSLATE_NOOP("HistoryDialog", "{change} {count} draws"),
    "pairing": QT_TRANSLATE_NOOP("HistoryDialog", "{change} {count} pairings"),
    "key_task": QT_TRANSLATE_NOOP("HistoryDialog", "{change} {count} key tasks"),
    "activity": QT_TRANSLATE_NOOP("HistoryDialog", "{change} {count} activities"),
    "activity_absentee": QT_TRANSLATE_NOOP("HistoryDialog", "{change} {count} absentees"),
    "holiday": QT_TRANSLATE_NOOP("HistoryDialog", "{change} {count} days of the holiday calendar"),
    "holiday_year": QT_TRANSLATE_NOOP("HistoryDialog", "{change} the holiday calendars of {count} years"),
    "setting": QT_TRANSLATE_NOOP("HistoryDialog", "{change} {count} settings"),
    "month_lock": QT_TRANSLATE_NOOP("HistoryDialog", "{change} {count} month locks"),
    "photo": QT_TRANSLATE_NOOP("HistoryDialog", "{change} {count} photos"),
    "agreement": QT_TRANSLATE_NOOP("HistoryDialog", "{change} {count} pairing agreements"),
    "agreement_target": QT_TRANSLATE_NOOP("HistoryDialog", "{change} {count} agreement targets"),
    "target_progress": QT_TRANSLATE_NOOP("HistoryDialog", "{change} {count} progress entries"),
    "star_rating": QT_TRANSLATE_NOOP("HistoryDialog", "{change} {count} star ratings"),
    "halfyear_summary": QT_TRANSLATE_NOOP("HistoryDialog", "{change} {count} half-year summaries"),
    "plan_item": QT_TRANSLATE_NOOP("HistoryDialog", "{change} {count} list items"),
    "plan_item_activity": QT_TRANSLATE_NOOP(
        "HistoryDialog", "{change} {count} links of list items to activities"
    ),
    "plan_item_photo": QT_TRANSLATE_NOOP("HistoryDialog", "{change} {count} photos of ticked-off list items"),
    "work_team": QT_TRANSLATE_NOOP("HistoryDialog", "{change} {count} work teams"),
    "team_member": QT_TRANSLATE_NOOP("HistoryDialog", "{change} {count} team members"),
    "team_days": QT_TRANSLATE_NOOP("HistoryDialog", "{change} {count} members' months of days"),
}
_CHANGES = {
    "insert": QT_TRANSLATE_NOOP("HistoryDialog", "added"),
    "update": QT_TRANSLATE_NOOP("HistoryDialog", "changed"),
    "delete": QT_TRANSLATE_NOOP("HistoryDialog", "removed"),
}
_DAY_KINDS = {
    DayKind.HOLIDAY: QT_TRANSLATE_NOOP("HistoryDialog", "Day off"),
    DayKind.WORKDAY: QT_TRANSLATE_NOOP("HistoryDialog", "Adjusted working day"),
}
_SOURCES = {
    "library": QT_TRANSLATE_NOOP("HistoryDialog", "Official calendar"),
    "user": QT_TRANSLATE_NOOP("HistoryDialog", "Typed in"),
}
_EMPTY = QT_TRANSLATE_NOOP("HistoryDialog", "(empty)")
_SEPARATOR = QT_TRANSLATE_NOOP("HistoryDialog", "; ")
_LIST = QT_TRANSLATE_NOOP("HistoryDialog", ", ")
_DATE_CHECKS = {
    DateCheck.OK: QT_TRANSLATE_NOOP("HistoryDialog", "within 3 days"),
    DateCheck.MISSING: QT_TRANSLATE_NOOP("HistoryDialog", "no capture time"),
    DateCheck.FAR: QT_TRANSLATE_NOOP("HistoryDialog", "more than 3 days off"),
}
_YES = QT_TRANSLATE_NOOP("HistoryDialog", "yes")
_NO = QT_TRANSLATE_NOOP("HistoryDialog", "no")
_SWAPS = QT_TRANSLATE_NOOP("HistoryDialog", "{count} swaps")
_YEAR = QT_TRANSLATE_NOOP("HistoryDialog", "{year}")
_YEARS = QT_TRANSLATE_NOOP("HistoryDialog", "{first}–{last}")
_DRAW = QT_TRANSLATE_NOOP("HistoryDialog", "{region}, seed {seed}")
_VALUE = QT_TRANSLATE_NOOP("HistoryDialog", "{field}: {value}")
_CHANGED = QT_TRANSLATE_NOOP("HistoryDialog", "{field}: {old} → {new}")
_AND_MORE = QT_TRANSLATE_NOOP("HistoryDialog", "{names} and {count} more")
_DAY_REASON = QT_TRANSLATE_NOOP("HistoryDialog", "day {day}: {reason}")
# Link rows (an activity's areas) belong to the record that owns them; a year's row to its days.
_LINKS = frozenset({"activity_area"})
# The tables whose records name an action that wrote several: the first present.
_HEADS = (
    "draw", "region", "unit", "branch", "pairing", "activity", "plan_item", "key_task", "agreement",
    "agreement_target", "holiday_year", "holiday", "star_rating", "halfyear_summary",
)  # fmt: skip
# What an added record's line says about it beyond its title.
_FACTS: dict[str, tuple[str, ...]] = {
    "branch": ("kind", "region_id", "unit_id", "community_id", "tier"),
    "region": ("level", "parent_id", "code"),
    "unit": ("level", "region_id"),
    "pairing": ("method", "organ_tier", "grassroots_tier", "started_on"),
    "activity": ("type", "key_task_id", "volunteers"),
    "key_task": ("half_year",),
    "agreement": ("signed_on",),
    "agreement_target": ("number", "unit", "due_on"),
    "target_progress": ("recorded_on", "value"),
    "holiday": ("kind", "source"),
    "month_lock": ("month", "region_id"),
    "star_rating": ("year", "stars", "rated_on"),
    "halfyear_summary": ("frozen_on",),
    "plan_item": ("kind", "pairing_id", "status", "due_on"),
    "work_team": ("unit_id", "started_on"),
    "team_member": ("role", "phone", "team_id", "from_on"),
    "team_days": ("marks",),
}
_SHOWN_NAMES = 5
# The ledger's settings by what they mean to a clerk (a setting not listed is named by its key).
SETTINGS = {
    MIN_DAYS_SETTING: QT_TRANSLATE_NOOP("HistoryDialog", "Days a month a work team member is in the village"),
    LATE_ENTRY_SETTING: QT_TRANSLATE_NOOP("HistoryDialog", "Days after which an activity is entered late"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def field_label(table: str, column: str) -> str:
    source = FIELDS.get((table, column), FIELDS.get(column))
    return _tr(source) if source is not None else column


def _term(enum: type[StrEnum], label: Callable[[Any], str]) -> Callable[[Any], str]:
    return lambda value: label(enum(value))


def _day(value: Any) -> str:
    return date_text(dt.date.fromisoformat(str(value)))


def _month(value: Any) -> str:
    month = Month.parse(str(value))
    return format_month(month.year, month.month, current_language())


_TIER = _term(Tier, tier_label)
# How the values of a column read; (table, column) where the same column holds different terms.
_VALUES: dict[str | tuple[str, str], Callable[[Any], str]] = {
    ("branch", "kind"): _term(BranchKind, kind_label),
    ("holiday", "kind"): lambda value: _tr(_DAY_KINDS[DayKind(value)]),
    ("region", "level"): _term(RegionLevel, level_label),
    ("unit", "level"): _term(UnitLevel, unit_level_label),
    "tier": _TIER,
    "organ_tier": _TIER,
    "grassroots_tier": _TIER,
    "method": _term(PairingMethod, method_label),
    "end_reason": _term(EndReason, reason_label),
    "type": _term(ActivityType, activity_type_label),
    "area": _term(Area, area_label),
    "source": lambda value: _tr(_SOURCES.get(str(value), str(value))),
    "retired": lambda value: _tr(_YES if value else _NO),
    "committed": lambda value: _tr(_YES if value else _NO),
    "swaps": lambda value: _tr(_SWAPS).format(count=len(json.loads(value))),
    **dict.fromkeys(
        ("drawn_at", "unlocked_at"), lambda value: moment_text(dt.datetime.fromisoformat(value).astimezone())
    ),
    "half_year": lambda value: format_half_year(HalfYear.parse(str(value))),
    **{(table, "sha256"): lambda value: str(value)[:12] for table in _PHOTO_TABLES},
    **{
        (table, "taken_at"): lambda value: moment_text(dt.datetime.fromisoformat(value))
        for table in _PHOTO_TABLES
    },
    ("photo", "date_check"): lambda value: _tr(_DATE_CHECKS[DateCheck(value)]),
    ("month_lock", "month"): _month,
    "stars": lambda value: star_label(int(value)),
    ("plan_item", "kind"): _term(ItemKind, term_label),
    ("plan_item", "status"): _term(ItemStatus, term_label),
    ("team_days", "month"): _month,
    "role": _term(Role, term_label),
    "marks": lambda value: "".join(CHINESE[DayMark(mark)] if mark != NOTHING else "·" for mark in str(value)),
    "reasons": lambda value: (
        _tr(_LIST).join(
            _tr(_DAY_REASON).format(day=day, reason=reason) for day, reason in json.loads(value).items()
        )
        or _tr(_EMPTY)
    ),
    **dict.fromkeys(("from_on", "to_on"), _day),
    **dict.fromkeys(("optimised_on", "established_on", "archived_on", "day"), _day),
    **dict.fromkeys(("started_on", "ended_on", "held_on", "make_up_on", "rated_on", "frozen_on"), _day),
    **dict.fromkeys(("signed_on", "due_on", "recorded_on"), _day),
    **dict.fromkeys(
        ("number", "value"), lambda value: f"{value:g}" if isinstance(value, float) else str(value)
    ),
    "figures": lambda value: "…",
    **dict.fromkeys(("opened_on", "done_on"), _day),
}


def value_text(table: str, column: str, value: Any, names: Names) -> str:
    """A stored value as a person reads it: 差 for weak, 2022年4月10日, the region's name for its id."""
    if value is None or value == "":
        return _tr(_EMPTY)
    if isinstance(value, int) and not isinstance(value, bool) and (column, value) in names:
        return names[(column, value)]
    shown = _VALUES.get((table, column), _VALUES.get(column))
    return str(value) if shown is None else shown(value)


def title(change: ChangeEntry, names: Names) -> str:
    """What a record is called in History: its name; a pairing by its branches; an activity by its date and
    pairing; a draw by its county and seed; a holiday by its date."""
    values = change.after or change.before or {}

    def ref(column: str) -> str:
        return value_text(change.entity, column, values.get(column), names)

    match change.entity:
        case "pairing":
            return f"{ref('organ_id')}—{ref('grassroots_id')}"
        case "activity":
            return f"{ref('held_on')} {ref('pairing_id')}"
        case "draw":
            return _tr(_DRAW).format(region=ref("scope_region_id"), seed=values.get("seed", ""))
        case "holiday":
            return " ".join(part for part in (ref("day"), values.get("name") or "") if part)
        case "holiday_year":
            return _tr(_YEAR).format(year=values.get("year", ""))
        case "setting":
            key = str(values.get("key", ""))
            return _tr(SETTINGS[key]) if key in SETTINGS else key
        case "month_lock":
            return f"{ref('month')} {ref('region_id')}"
        case "agreement":
            return ref("pairing_id")
        case "target_progress":
            return ref("target_id")
        case "halfyear_summary":
            return f"{ref('region_id')} {ref('half_year')}"
        case "star_rating":
            return f"{ref('branch_id')} {values.get('year', '')}"
        case "plan_item":
            return str(values.get("title") or "")
        case "plan_item_activity" | "plan_item_photo":
            return ref("plan_item_id")
        case "work_team":
            return ref("branch_id")
        case "team_days":
            return f"{ref('member_id')} {ref('month')}"
    return str(values.get("name") or "")


def _fields(change: ChangeEntry, columns: list[str], names: Names) -> list[str]:
    before, after = change.before or {}, change.after or {}

    def shown(column: str, value: Any) -> str:
        return value_text(change.entity, column, value, names)

    parts = []
    for column in columns:
        field = field_label(change.entity, column)
        old, new = before.get(column), after.get(column)
        if change.change == "update":
            parts.append(_tr(_CHANGED).format(field=field, old=shown(column, old), new=shown(column, new)))
        elif new not in (None, ""):
            parts.append(_tr(_VALUE).format(field=field, value=shown(column, new)))
    return parts


def _areas(links: list[ChangeEntry]) -> list[str]:
    """An activity's areas added and removed: "六共领域：+组织共建 −产业共促"."""
    marks = {"insert": "+", "delete": "−"}
    changes = " ".join(
        marks.get(link.change, "")
        + value_text("activity_area", "area", (link.after or link.before or {})["area"], {})
        for link in links
    )
    field = field_label("activity_area", "area")
    return [_tr(_VALUE).format(field=field, value=changes)] if changes else []


def _counts(operation: OperationEntry, leave_out: tuple[str, str] | None = None) -> str:
    parts = []
    tables = {table for table, _ in operation.counts}
    for (table, change), count in sorted(operation.counts.items()):
        if table in _LINKS or (table, change) == leave_out or table not in COUNTS:
            continue
        if table == "holiday_year" and "holiday" in tables:  # the days say it; the years are named beside
            continue
        parts.append(
            _tr(COUNTS[table]).format(change=_tr(_CHANGES.get(change, change)), count=format_count(count))
        )
    return _tr(_SEPARATOR).join(parts)


def _names(records: list[ChangeEntry], total: int, names: Names) -> str:
    if records[0].entity == "holiday_year" and len(records) == total > 2:  # 2004年—2026年
        years = sorted(int((record.after or record.before or {})["year"]) for record in records)
        return _tr(_YEARS).format(first=years[0], last=years[-1])
    shown = list(dict.fromkeys(title(record, names) for record in records))[:_SHOWN_NAMES]
    joined = _tr(_LIST).join(shown)
    if total > len(shown):
        return _tr(_AND_MORE).format(names=joined, count=format_count(total - len(shown)))
    return joined


def describe(operation: OperationEntry, names: Names) -> tuple[str, str]:
    """(what the action concerned, what it changed) as History's two columns."""
    records = [change for change in operation.changes if change.entity not in _LINKS]
    links = [change for change in operation.changes if change.entity in _LINKS]
    distinct = {(change.entity, change.entity_uuid) for change in records}
    total = sum(count for (table, _), count in operation.counts.items() if table not in _LINKS)
    if len(distinct) == 1 and total == len(records):
        record = records[-1]
        if record.change == "update" or len(records) > 1:
            parts = [
                part for change in records for part in _fields(change, list(change.changed_fields()), names)
            ]
        elif record.change == "insert":
            parts = [_tr(_CHANGES["insert"]), *_fields(record, list(_FACTS.get(record.entity, ())), names)]
        else:
            parts = [_tr(_CHANGES[record.change])]
        return title(record, names), _tr(_SEPARATOR).join([*parts, *_areas(links)])
    if not records:  # only link rows: an activity's areas changed
        return "", _tr(_SEPARATOR).join(_areas(links))
    head = next(table for table in (*_HEADS, records[0].entity) if any(r.entity == table for r in records))
    heads = [record for record in records if record.entity == head]
    if head == "draw" and len(heads) == 1:
        return title(heads[0], names), _counts(operation, ("draw", heads[0].change))
    count = sum(n for (table, _), n in operation.counts.items() if table == head)
    return _counts(operation), _names(heads, count, names)
