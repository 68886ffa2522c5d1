"""Activities as the Activities tab lists them and the recording dialog enters them, and the rules an entry
must pass (DESIGN.md §1–§3), independent of SQL and Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from branchdesk.domain.attendance import LATE_ENTRY_DAYS, Attendance, check_attendance, is_recorded_late
from branchdesk.domain.enums import ActivityType, Area
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import HalfYear, Month
from branchdesk.domain.workdays import WorkCalendar, has_reason


class ActivityColumn(StrEnum):
    """The Activities table's columns, in display order; each is sortable."""

    DATE = "date"
    GRASSROOTS = "grassroots"
    ORGAN = "organ"
    TYPE = "type"
    WEEKDAY = "weekday"
    KEY_TASK = "key_task"
    AREAS = "areas"
    VOLUNTEERS = "volunteers"
    ATTENDANCE = "attendance"
    ENTERED = "entered"
    REGION = "region"
    LOCATION = "location"
    SUMMARY = "summary"


@dataclass(frozen=True)
class ActivityFilter:
    region_id: int | None = None
    direct: bool = False  # the region's own pairings only (a chart's 市直 bar)
    pairing_id: int | None = None
    first_month: Month | None = None
    last_month: Month | None = None
    activity_type: ActivityType | None = None
    area: Area | None = None
    key_task_id: int | None = None
    weekday_only: bool = False  # routine activities on a working day without a reason


@dataclass(frozen=True)
class ActivitySort:
    column: ActivityColumn = ActivityColumn.DATE
    descending: bool = True  # the newest first


@dataclass(frozen=True)
class ActivityRow:
    id: int
    uuid: str
    pairing_id: int
    held_on: dt.date
    grassroots: str
    organ: str
    region: str  # "潢川县 / 城关镇": the grassroots branch's region below the city
    type: ActivityType
    key_task: str | None
    areas: tuple[Area, ...]
    volunteers: int
    location: str | None
    summary: str | None
    weekday_reason: str | None
    on_working_day: bool  # a working day by the holiday table (or plain weekends for a year without data)
    expected: int | None = None
    present: int | None = None
    entered_on: dt.date | None = None  # the day it was entered (its created_at, in UTC)
    late_after_days: int = LATE_ENTRY_DAYS  # the ledger's setting

    @property
    def recorded_late(self) -> bool:
        """Entered more than the ledger's late-entry days after it was held (补录)."""
        return self.entered_on is not None and is_recorded_late(
            self.held_on, self.entered_on, self.late_after_days
        )

    @property
    def breaks_weekend_rule(self) -> bool:
        """Routine, on a working day, no reason recorded: what the weekday figures count."""
        return self.type.is_routine and self.on_working_day and not has_reason(self.weekday_reason)

    @property
    def excused(self) -> bool:
        """Routine, on a working day, with a reason: shown as an exception, not counted."""
        return self.type.is_routine and self.on_working_day and has_reason(self.weekday_reason)


@dataclass(frozen=True)
class ActivityTotals:
    """Of the rows a filter matches: how many, and the Party-member volunteers who took part."""

    count: int
    volunteer_person_times: int


@dataclass(frozen=True)
class ActivityDraft:
    """An activity as entered (the same for every pairing of a bulk entry)."""

    held_on: dt.date
    type: ActivityType
    areas: frozenset[Area]
    volunteers: int
    key_task_id: int | None = None
    location: str | None = None
    summary: str | None = None
    weekday_reason: str | None = None
    theme: str | None = None
    host: str | None = None
    attendance: Attendance | None = None  # None: not recorded


@dataclass(frozen=True)
class PairingSpan:
    """What a pairing contributes to an activity's checks: its names and its dates."""

    id: int
    grassroots: str
    organ: str
    started_on: dt.date
    ended_on: dt.date | None

    @property
    def label(self) -> str:
        return f"{self.grassroots} ← {self.organ}"


@dataclass(frozen=True)
class KeyTask:
    id: int
    uuid: str
    name: str
    half_year: HalfYear
    retired: bool = False
    note: str | None = None


def needs_weekday_reason(calendar: WorkCalendar, held_on: dt.date, activity_type: ActivityType) -> bool:
    """A routine activity on a working day must say why it was not held on a day off (周末原则)."""
    return activity_type.is_routine and calendar.is_working_day(held_on)


def check_draft(
    draft: ActivityDraft,
    pairings: list[PairingSpan],
    today: dt.date,
    calendar: WorkCalendar,
    key_task: KeyTask | None,
) -> None:
    """Refuse an entry that cannot be right, with the first reason a clerk can act on."""
    if draft.held_on > today:
        raise BranchDeskError("activity.in_future", date=draft.held_on.isoformat(), today=today.isoformat())
    if not pairings:
        raise BranchDeskError("activity.no_pairing")
    for pairing in pairings:
        if draft.held_on < pairing.started_on:
            raise BranchDeskError(
                "activity.before_pairing",
                pairing=pairing.label,
                date=draft.held_on.isoformat(),
                started=pairing.started_on.isoformat(),
            )
        if pairing.ended_on is not None and draft.held_on > pairing.ended_on:
            raise BranchDeskError(
                "activity.after_pairing",
                pairing=pairing.label,
                date=draft.held_on.isoformat(),
                ended=pairing.ended_on.isoformat(),
            )
    if draft.volunteers < 1:
        raise BranchDeskError("activity.volunteers", volunteers=draft.volunteers)
    if not draft.areas:
        raise BranchDeskError("activity.no_area")
    if draft.type is ActivityType.KEY_TASK and draft.key_task_id is None:
        raise BranchDeskError("activity.key_task_missing")
    if draft.key_task_id is not None:
        if key_task is None:
            raise BranchDeskError("row.missing", table="key_task", id=draft.key_task_id)
        if key_task.half_year != HalfYear.of(draft.held_on):
            raise BranchDeskError(
                "activity.key_task_half_year", task=key_task.name, half_year=str(key_task.half_year)
            )
    if draft.attendance is not None:
        check_attendance(draft.attendance, draft.held_on)
    if needs_weekday_reason(calendar, draft.held_on, draft.type) and not has_reason(draft.weekday_reason):
        raise BranchDeskError("activity.weekday_reason", date=draft.held_on.isoformat())
