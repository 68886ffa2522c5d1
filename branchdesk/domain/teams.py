"""Village work teams (驻村工作队, DESIGN.md §11, docs/teams.md): members, their days in the village,
the rule.

A team is sent to a grassroots branch (usually by the unit of its paired organ branch); its members each
serve from a day to a day, on one team at a time. A person is known by their mobile or landline number, as
the counties' rosters know them (two members named 王伟 are common; two with one number are one person).

A member's month is one string of marks, one character per day of the month (``-`` nothing entered, ``P``
present, ``L`` on leave, ``B`` on official business, ``A`` absent) with the reasons of the leave days
(docs/teams.md says why one row per member-month and not one per member-day). The rule: present + official
business ≥ the ledger's ``teams.min_days`` (20 unless set) in a whole month of service; a member who served
part of the month owes that share of it, rounded up.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from branchdesk.domain.branch_rules import BLANKS, is_valid_phone, name_too_long
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import Month

MIN_DAYS_SETTING = "teams.min_days"
DEFAULT_MIN_DAYS = 20
NOTHING = "-"  # a day with nothing entered
_PHONE_NOISE = re.compile(r"[\s\-()（）—+]")


class Role(StrEnum):
    LEADER = "leader"  # 队长
    MEMBER = "member"  # 队员
    FIRST_SECRETARY = "first_secretary"  # 第一书记


ROLES = {role.value: role for role in Role}  # a lookup per row, cheaper than the enum's constructor


# The order a team's members are listed in: its leader, its first secretary, then the members.
ROLE_ORDER = (Role.LEADER, Role.FIRST_SECRETARY, Role.MEMBER)


class DayMark(StrEnum):
    PRESENT = "P"  # 在村
    LEAVE = "L"  # 请假
    BUSINESS = "B"  # 公务（因公外出）
    ABSENT = "A"  # 缺勤


# What a clerk may type in a cell of the month grid: the letters, or the one Chinese character of each.
_TYPED: dict[str, DayMark] = {
    **{mark.value: mark for mark in DayMark},
    "在": DayMark.PRESENT,
    "假": DayMark.LEAVE,
    "公": DayMark.BUSINESS,
    "缺": DayMark.ABSENT,
}
_STORED: dict[str, DayMark | None] = {NOTHING: None, **{mark.value: mark for mark in DayMark}}
_LETTER = {mark: letter for letter, mark in _STORED.items()}
CHINESE = {DayMark.PRESENT: "在", DayMark.LEAVE: "假", DayMark.BUSINESS: "公", DayMark.ABSENT: "缺"}
_REASON_SPLIT = re.compile(r"[\s:：(（,，]+")


def parse_cell(text: str) -> tuple[DayMark | None, str | None]:
    """A typed or pasted cell: ``P``, ``在``, ``假 病假`` / ``L：病假`` (leave with its reason), empty or
    ``-`` for nothing. Anything else is refused (``team.bad_mark``, the caller adds where it was)."""
    cleaned = text.strip(BLANKS + "）)")
    if cleaned in ("", NOTHING):
        return None, None
    head, reason = cleaned[0].upper(), _REASON_SPLIT.sub(" ", cleaned[1:]).strip() or None
    mark = _TYPED.get(head)
    if mark is None or (reason is not None and mark is not DayMark.LEAVE):
        raise BranchDeskError("team.bad_mark", text=text)
    return mark, reason


def day_texts(days: MonthDays) -> list[str | None]:
    """Each day as a cell of a sheet says it (None: nothing entered), which :func:`parse_cell` reads back:
    在, 公, 缺, 假 or a leave with its reason, 假（病假）."""
    texts: list[str | None] = []
    for day, mark in enumerate(days.marks, start=1):
        reason = days.reasons.get(day)
        texts.append(None if mark is None else f"{CHINESE[mark]}（{reason}）" if reason else CHINESE[mark])
    return texts


def normal_phone(phone: str) -> str:
    """The number as the ledger keeps it: digits only, so that ``138 0000 0000`` is ``13800000000``."""
    return _PHONE_NOISE.sub("", phone)


@dataclass(frozen=True)
class MonthDays:
    """One member's month: a mark per day (None: nothing entered) and the reasons of the leave days."""

    month: Month
    marks: tuple[DayMark | None, ...]
    reasons: Mapping[int, str] = field(default_factory=dict)  # day of the month → reason

    @classmethod
    def empty(cls, month: Month) -> MonthDays:
        return cls(month, (None,) * month.last_day.day)

    @classmethod
    def stored(cls, month: Month, marks: str, reasons: Mapping[str, str]) -> MonthDays:
        # A dict lookup per day, not the enum's constructor: a township's grid reads thousands of days.
        return cls(
            month,
            tuple(map(_STORED.__getitem__, marks)),
            {int(day): reason for day, reason in reasons.items()},
        )

    def text(self) -> str:
        """As stored: one character a day."""
        return "".join(map(_LETTER.__getitem__, self.marks))

    def stored_reasons(self) -> dict[str, str]:
        return {str(day): reason for day, reason in sorted(self.reasons.items())}

    def count(self, mark: DayMark) -> int:
        return self.marks.count(mark)

    @property
    def counted(self) -> int:
        """The days the rule counts: in the village, or away on official business."""
        return self.count(DayMark.PRESENT) + self.count(DayMark.BUSINESS)

    def is_empty(self) -> bool:
        return all(mark is None for mark in self.marks)

    def with_day(self, day: int, mark: DayMark | None, reason: str | None = None) -> MonthDays:
        marks = list(self.marks)
        marks[day - 1] = mark
        reasons = {d: r for d, r in self.reasons.items() if d != day}
        if mark is DayMark.LEAVE and reason:
            reasons[day] = reason
        return MonthDays(self.month, tuple(marks), reasons)


def day_letters(days: MonthDays, *, chinese: bool) -> str:
    """A member's month to read at a glance: 在假公缺 (or P L B A), ``·`` for a day with nothing entered."""
    return "".join("·" if mark is None else CHINESE[mark] if chinese else mark.value for mark in days.marks)


def serving_days(month: Month, from_on: dt.date, to_on: dt.date | None) -> int:
    """The days of ``month`` within a member's service (from and to included)."""
    first = max(from_on, month.first_day)
    last = min(to_on or month.last_day, month.last_day)
    return max(0, (last - first).days + 1)


def required_days(min_days: int, month: Month, from_on: dt.date, to_on: dt.date | None) -> int:
    """What the rule asks of a member in ``month``: ``min_days`` for the whole month, its share (rounded up)
    for part of it, never more than the days served."""
    length = month.last_day.day
    serving = serving_days(month, from_on, to_on)
    return min(serving, -(-min_days * serving // length))


def check_days(days: MonthDays, name: str, from_on: dt.date, to_on: dt.date | None) -> None:
    """Refuse marks on days outside the member's service, and reasons on days that are no leave."""
    length = days.month.last_day.day
    if len(days.marks) != length:
        raise BranchDeskError("team.wrong_length", month=str(days.month), days=len(days.marks))
    # The service as positions in the month, [start, end): only the days outside it are looked at (a
    # township's grid saves hundreds of members' months at once).
    first = days.month.first_day
    start = min(length, max(0, (from_on - first).days))
    end = length if to_on is None else min(length, max(0, (to_on - first).days + 1))
    for index in (*range(start), *range(max(start, end), length)):
        if days.marks[index] is not None:
            raise BranchDeskError(
                "team.day_outside_member",
                name=name,
                day=(first + dt.timedelta(days=index)).isoformat(),
                from_on=from_on.isoformat(),
                to_on=to_on.isoformat() if to_on else "…",
            )
    for number in days.reasons:
        if not 1 <= number <= len(days.marks) or days.marks[number - 1] is not DayMark.LEAVE:
            raise BranchDeskError("team.reason_without_leave", name=name, day=number)


@dataclass(frozen=True)
class MemberDraft:
    """A member as the dialog or an import gives it."""

    name: str
    phone: str
    role: Role
    from_on: dt.date
    to_on: dt.date | None = None
    sending_unit: str | None = None
    note: str | None = None

    def cleaned(self) -> MemberDraft:
        return MemberDraft(
            self.name.strip(BLANKS),
            normal_phone(self.phone.strip(BLANKS)),
            self.role,
            self.from_on,
            self.to_on,
            (self.sending_unit or "").strip(BLANKS) or None,
            (self.note or "").strip(BLANKS) or None,
        )


def check_member(
    draft: MemberDraft, team_from: dt.date, team_to: dt.date | None, today: dt.date
) -> MemberDraft:
    """The draft cleaned, or the first rule it breaks: a name, a phone number, dates in order, within the
    team's, and not in the future."""
    member = draft.cleaned()
    if not member.name:
        raise BranchDeskError("team.member_name_empty")
    too_long = name_too_long(member.name)
    if too_long is not None:
        raise BranchDeskError(too_long.code, **too_long.params)
    if not member.phone or not is_valid_phone(member.phone):
        raise BranchDeskError("team.member_phone", phone=draft.phone)
    if member.to_on is not None and member.to_on < member.from_on:
        raise BranchDeskError(
            "team.dates_order", from_on=member.from_on.isoformat(), to_on=member.to_on.isoformat()
        )
    if member.from_on > today:
        raise BranchDeskError("team.date_in_future", day=member.from_on.isoformat())
    if member.from_on < team_from or (
        team_to is not None and (member.to_on is None or member.to_on > team_to)
    ):
        raise BranchDeskError(
            "team.member_outside_team",
            name=member.name,
            team_from=team_from.isoformat(),
            team_to=team_to.isoformat() if team_to else "…",
        )
    return member


@dataclass
class MemberMonth:
    """A row of the month grid and of the shortfall list: who, where, and their days (as stored: ``marks``
    None for a month with nothing entered, the reasons as JSON), read into :attr:`days` when first asked.
    Never changed once read, yet not frozen: a frozen dataclass's ``__init__`` takes twice as long, and a
    grid opens at the speed its rows are made (benchmarks/run.py ``teams``)."""

    member_id: int
    name: str
    phone: str
    role: Role
    sending_unit: str | None
    branch: str
    region: str
    from_on: dt.date
    to_on: dt.date | None
    month: Month
    marks: str | None
    reasons: str
    required: int

    @cached_property
    def days(self) -> MonthDays:
        if self.marks is None:
            return MonthDays.empty(self.month)
        reasons = {} if self.reasons == "{}" else json.loads(self.reasons)
        return MonthDays.stored(self.month, self.marks, reasons)

    @property
    def shortfall(self) -> int:
        return max(0, self.required - self.days.counted)

    def day_in_service(self, number: int) -> bool:
        day = dt.date(self.days.month.year, self.days.month.month, number)
        return self.from_on <= day and (self.to_on is None or day <= self.to_on)


@dataclass(frozen=True)
class TeamFigures:
    """``stats --json`` ``teams``: members serving in the month, and those below the rule."""

    month: Month
    members: int
    below_rule: int
    min_days: int

    def as_dict(self) -> dict[str, object]:
        """``stats --json`` ``teams``: counts only, so that a city's figures are its counties' summed (the
        rule's days are in ``teams --json``)."""
        return {"month": str(self.month), "members": self.members, "below_rule": self.below_rule}


Cell = tuple[DayMark | None, str | None]


def parse_block(text: str, first_day: int, month: Month, rows_left: int) -> list[list[Cell]]:
    """A block copied from Excel/WPS (tab-separated rows) pasted with its top-left cell on day
    ``first_day`` of a grid row with ``rows_left`` member rows from there on; every cell a mark, or the
    whole block refused with where it went wrong, so that nothing is half-pasted."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")
    cells = [line.split("\t") for line in lines]
    width = max(len(row) for row in cells)
    days_left = month.last_day.day - first_day + 1
    if width > days_left:
        raise BranchDeskError("team.paste_columns", columns=width, day=first_day, days_left=days_left)
    if len(cells) > rows_left:
        raise BranchDeskError("team.paste_rows", rows=len(cells), rows_left=rows_left)
    block: list[list[Cell]] = []
    for row_number, row in enumerate(cells, start=1):
        parsed: list[Cell] = []
        for column, value in enumerate(row):
            try:
                parsed.append(parse_cell(value))
            except BranchDeskError:
                raise BranchDeskError(
                    "team.paste_bad_cell", row=row_number, day=first_day + column, text=value
                ) from None
        block.append(parsed)
    return block


@dataclass(frozen=True)
class DayEntry:
    """One day of one member as an import gives it (a row of a sheet: phone, date, mark, reason)."""

    phone: str
    day: dt.date
    mark: DayMark | None
    reason: str | None = None
    row: int = 0  # the sheet's row it came from (0: none)


@dataclass(frozen=True)
class SheetProblem:
    """Why a month sheet cannot be imported: the sheet's row (0: none), and what is wrong there."""

    row: int
    error: BranchDeskError


def entries_twice(entries: list[DayEntry]) -> list[SheetProblem]:
    """A member's days entered twice (two rows of one sheet): once for each two rows, naming the first
    day they share."""
    seen: dict[tuple[str, dt.date], int] = {}
    problems: dict[tuple[int, int], SheetProblem] = {}
    for index, entry in enumerate(entries, start=1):
        number = entry.row or index
        key = (normal_phone(entry.phone), entry.day)
        first = seen.setdefault(key, number)
        if first != number and (first, number) not in problems:
            error = BranchDeskError(
                "team.day_twice", phone=entry.phone, day=entry.day.isoformat(), first=first, second=number
            )
            problems[(first, number)] = SheetProblem(number, error)
    return list(problems.values())


@dataclass(frozen=True)
class TeamSheet:
    """The monthly record sheet (驻村工作纪实登记表) of one team: where, who sent it, its members' days."""

    branch: str
    region: str
    unit: str | None
    month: Month
    min_days: int
    members: tuple[MemberMonth, ...]

    def leaves(self) -> list[tuple[str, int, str]]:
        """(name, day, reason) of every day of leave, by member and day."""
        return [
            (member.name, day, member.days.reasons.get(day, ""))
            for member in self.members
            for day, mark in enumerate(member.days.marks, start=1)
            if mark is DayMark.LEAVE
        ]
