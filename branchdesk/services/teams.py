"""Village work teams (驻村工作队): teams, members, the month's days and the 20-day rule; each user action one
operation of the change log (history, undo, hash chain), every rule checked before anything is written."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from branchdesk.domain.changes import Changed
from branchdesk.domain.enums import BranchKind
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import Month
from branchdesk.domain.records import Region
from branchdesk.domain.teams import (
    DEFAULT_MIN_DAYS,
    MIN_DAYS_SETTING,
    DayEntry,
    MemberDraft,
    MemberMonth,
    MonthDays,
    SheetProblem,
    TeamFigures,
    TeamSheet,
    check_days,
    check_member,
    entries_twice,
    normal_phone,
)
from branchdesk.services.history import changed
from branchdesk.services.holidays import calendar_for
from branchdesk.services.regions import find_region
from branchdesk.storage import settings as setting_store
from branchdesk.storage import teams as store
from branchdesk.storage.ledger import Ledger

_MAX_MIN_DAYS = 28  # the rule must be reachable in February


def min_days(ledger: Ledger) -> int:
    """The ledger's rule: present + official business days a month (``teams.min_days``, default 20)."""
    value = setting_store.get_setting(ledger, MIN_DAYS_SETTING, DEFAULT_MIN_DAYS)
    return value if isinstance(value, int) and 1 <= value <= _MAX_MIN_DAYS else DEFAULT_MIN_DAYS


def set_min_days(ledger: Ledger, days: int) -> Changed:
    if not 1 <= days <= _MAX_MIN_DAYS:
        raise BranchDeskError("team.bad_min_days", days=days, most=_MAX_MIN_DAYS)
    with ledger.operation("team.rule") as op:
        setting_store.put_setting(ledger, MIN_DAYS_SETTING, days)
    return changed(ledger, op)


# -- reading -------------------------------------------------------------------------------------------


def teams_in(ledger: Ledger, region_id: int) -> list[dict[str, Any]]:
    return store.teams_in(ledger, region_id)


def team(ledger: Ledger, team_id: int) -> dict[str, Any]:
    found = store.team(ledger, team_id)
    if found is None:
        raise BranchDeskError("row.missing", table="work_team", id=team_id)
    return found


def branches_without_team(ledger: Ledger, region_id: int) -> list[dict[str, Any]]:
    return store.branches_without_team(ledger, region_id)


def units(ledger: Ledger) -> list[dict[str, Any]]:
    return store.units(ledger)


def team_of_member(ledger: Ledger, member_id: int) -> dict[str, Any]:
    row = store.member(ledger, member_id)
    if row is None:
        raise BranchDeskError("row.missing", table="team_member", id=member_id)
    return team(ledger, row["team_id"])


def members_of(ledger: Ledger, team_id: int) -> list[dict[str, Any]]:
    return store.members_of(ledger, team_id)


def paired_unit(ledger: Ledger, branch_id: int) -> int | None:
    return store.paired_unit(ledger, branch_id, ledger.clock.today())


def month_members(
    ledger: Ledger, region_id: int, month: Month, *, below_only: bool = False, team_id: int | None = None
) -> list[MemberMonth]:
    """The month grid's rows (and the shortfall list's with ``below_only``): one query."""
    return store.month_members(
        ledger, region_id, month, min_days(ledger), below_only=below_only, team_id=team_id
    )


def month_list(
    ledger: Ledger, region: str | None, month: Month
) -> tuple[Region, TeamFigures, list[MemberMonth]]:
    """For ``branchdesk-cli teams``: the region a user named (default: the top region), the rule's figures
    and every member serving in the month with their days and shortfall."""
    found = find_region(ledger, region)
    with ledger.snapshot():
        return found, team_figures(ledger, found.id, month), month_members(ledger, found.id, month)


def opening_month(ledger: Ledger) -> Month:
    """The month the grid opens on: this month, unless the ledger's days stop before last month (an old
    ledger, the demo): then the last month that has days."""
    this = Month.of(ledger.clock.today())
    last = store.last_month_with_days(ledger)
    return Month.parse(last) if last is not None and Month.parse(last) < this.previous() else this


def record_sheet(ledger: Ledger, team_id: int, month: Month) -> TeamSheet:
    """The monthly record sheet of a team: its members serving in the month with their days."""
    found = team(ledger, team_id)
    branch = store.branch(ledger, found["branch_id"])
    assert branch is not None
    members = month_members(ledger, branch["region_id"], month, team_id=team_id)
    region = members[0].region if members else ""
    return TeamSheet(found["branch"], region, found["unit"], month, min_days(ledger), tuple(members))


def days_off(ledger: Ledger, month: Month) -> frozenset[int]:
    """The days of ``month`` that are no working day (weekends and holidays as the ledger's calendar has
    them), for the grid's columns."""
    calendar = calendar_for(ledger, [month.year])
    return frozenset(day.day for day in month.days() if not calendar.is_working_day(day))


def team_figures(ledger: Ledger, region_id: int, month: Month, *, direct: bool = False) -> TeamFigures:
    """``stats`` ``teams``: the members serving in the month in the region, and those below the rule."""
    rule = min_days(ledger)
    members, below = store.rule_figures(ledger, region_id, month, rule, direct=direct)
    return TeamFigures(month, members, below, rule)


# -- teams ---------------------------------------------------------------------------------------------


def _check_team(
    ledger: Ledger, branch_id: int, started_on: dt.date, ended_on: dt.date | None, except_id: int | None
) -> dict[str, Any]:
    branch = store.branch(ledger, branch_id)
    if branch is None:
        raise BranchDeskError("row.missing", table="branch", id=branch_id)
    if branch["kind"] == BranchKind.ORGAN.value:
        raise BranchDeskError("team.not_grassroots")
    if started_on > ledger.clock.today():
        raise BranchDeskError("team.date_in_future", day=started_on.isoformat())
    if ended_on is not None and ended_on < started_on:
        raise BranchDeskError("team.dates_order", from_on=started_on.isoformat(), to_on=ended_on.isoformat())
    if ended_on is None and store.open_team_of(ledger, branch_id, except_id) is not None:
        raise BranchDeskError("team.branch_has_team", branch=branch["name"])
    return branch


def add_team(
    ledger: Ledger,
    branch_id: int,
    started_on: dt.date,
    *,
    unit_id: int | None = None,
    note: str | None = None,
    members: Sequence[MemberDraft] = (),
) -> Changed:
    """A team for a grassroots branch, sent by ``unit_id`` (default: the unit of its paired organ branch),
    with its first members: one step of undo."""
    branch = _check_team(ledger, branch_id, started_on, None, None)
    sender = unit_id
    if sender is None:  # the pairing of the team's first day, else of today (a team sent before pairing)
        sender = store.paired_unit(ledger, branch_id, started_on) or paired_unit(ledger, branch_id)
    with ledger.operation("team.add") as op:
        team_id = store.insert_team(
            ledger,
            {"branch_id": branch_id, "unit_id": sender, "started_on": started_on.isoformat(), "note": note},
        )
        for draft in members:
            _insert_member(ledger, team_id, draft)
    return dataclasses.replace(changed(ledger, op), subject=branch["name"])


def edit_team(
    ledger: Ledger,
    team_id: int,
    *,
    unit_id: int | None,
    started_on: dt.date,
    ended_on: dt.date | None,
    note: str | None,
) -> Changed:
    """Change a team's unit, dates or note; ending it needs every member's service ended by then."""
    found = team(ledger, team_id)
    _check_team(ledger, found["branch_id"], started_on, ended_on, team_id)
    for row in store.members_of(ledger, team_id):
        from_on, to_on = dt.date.fromisoformat(row["from_on"]), row["to_on"]
        if from_on < started_on or (
            ended_on is not None and (to_on is None or dt.date.fromisoformat(to_on) > ended_on)
        ):
            raise BranchDeskError(
                "team.member_outside_team",
                name=row["name"],
                team_from=started_on.isoformat(),
                team_to=ended_on.isoformat() if ended_on else "…",
            )
    with ledger.operation("team.edit") as op:
        store.update_team(
            ledger,
            team_id,
            {
                "unit_id": unit_id,
                "started_on": started_on.isoformat(),
                "ended_on": None if ended_on is None else ended_on.isoformat(),
                "note": note or None,
            },
        )
    return dataclasses.replace(changed(ledger, op), subject=found["branch"])


# -- members -------------------------------------------------------------------------------------------


def _checked_member(ledger: Ledger, team_id: int, draft: MemberDraft, except_id: int | None) -> MemberDraft:
    found = team(ledger, team_id)
    member = check_member(
        draft,
        dt.date.fromisoformat(found["started_on"]),
        None if found["ended_on"] is None else dt.date.fromisoformat(found["ended_on"]),
        ledger.clock.today(),
    )
    other = store.overlapping_member(ledger, member.phone, member.from_on, member.to_on, except_id)
    if other is not None:
        raise BranchDeskError(
            "team.member_busy",
            name=member.name,
            phone=member.phone,
            other=other["name"],
            branch=other["branch"],
            from_on=other["from_on"],
            to_on=other["to_on"] or "…",
        )
    return member


def _member_values(member: MemberDraft) -> dict[str, Any]:
    return {
        "name": member.name,
        "phone": member.phone,
        "role": member.role.value,
        "sending_unit": member.sending_unit,
        "from_on": member.from_on.isoformat(),
        "to_on": None if member.to_on is None else member.to_on.isoformat(),
        "note": member.note,
    }


def _insert_member(ledger: Ledger, team_id: int, draft: MemberDraft) -> int:
    member = _checked_member(ledger, team_id, draft, None)
    return store.insert_member(ledger, {"team_id": team_id, **_member_values(member)})


def add_member(ledger: Ledger, team_id: int, draft: MemberDraft) -> Changed:
    with ledger.operation("team.member_add") as op:
        _insert_member(ledger, team_id, draft)
    return dataclasses.replace(changed(ledger, op), subject=draft.name.strip())


def edit_member(ledger: Ledger, member_id: int, draft: MemberDraft) -> Changed:
    """Change a member (ending their service is setting ``to_on``); days already entered must stay within
    the new dates."""
    row = store.member(ledger, member_id)
    if row is None:
        raise BranchDeskError("row.missing", table="team_member", id=member_id)
    member = _checked_member(ledger, row["team_id"], draft, member_id)
    for stored in store.months_with_days(ledger, member_id):
        month = Month.parse(stored["month"])
        days = MonthDays.stored(month, stored["marks"], {})
        check_days(days, member.name, member.from_on, member.to_on)
    with ledger.operation("team.member_edit") as op:
        store.update_member(ledger, member_id, _member_values(member))
    return dataclasses.replace(changed(ledger, op), subject=member.name)


def remove_member(ledger: Ledger, member_id: int) -> Changed:
    """A member entered by mistake, with any days entered for them (undo brings both back)."""
    row = store.member(ledger, member_id)
    if row is None:
        raise BranchDeskError("row.missing", table="team_member", id=member_id)
    with ledger.operation("team.member_remove") as op:
        store.delete_member(ledger, member_id)
    return dataclasses.replace(changed(ledger, op), subject=row["name"])


# -- days ----------------------------------------------------------------------------------------------


def _member_rows(ledger: Ledger, member_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    found = store.members(ledger, member_ids)
    missing = next((member_id for member_id in member_ids if member_id not in found), None)
    if missing is not None:
        raise BranchDeskError("row.missing", table="team_member", id=missing)
    return found


def _check_month(row: dict[str, Any], days: MonthDays) -> None:
    to_on = row["to_on"]
    check_days(
        days,
        row["name"],
        dt.date.fromisoformat(row["from_on"]),
        None if to_on is None else dt.date.fromisoformat(to_on),
    )


def save_month(ledger: Ledger, month: Month, months: Mapping[int, MonthDays]) -> Changed | None:
    """The month grid saved: every member's month checked first, then written as one operation (one step of
    undo); None when nothing changed."""
    members = _member_rows(ledger, list(months))
    for member_id, days in months.items():
        if days.month != month:
            raise BranchDeskError("team.wrong_length", month=str(month), days=len(days.marks))
        _check_month(members[member_id], days)
    with ledger.operation("team.days") as op:
        store.write_months(ledger, months, store.days_rows(ledger, months, month))
    done = changed(ledger, op)
    return done if done.tables else None


@dataclasses.dataclass(frozen=True)
class DaysImport:
    """A month sheet's days checked against the ledger: each member's month as it would be stored (their
    days so far with the sheet's), the sheet's rows of each, and every problem found (nothing is imported
    while there is one)."""

    months: dict[tuple[int, Month], MonthDays]
    members: dict[int, dict[str, Any]]  # member id -> the member's row, with the branch of their team
    rows: dict[int, list[int]]  # member id -> the sheet's rows that gave their days
    problems: list[SheetProblem]


def check_days_import(ledger: Ledger, entries: Sequence[DayEntry]) -> DaysImport:
    """Days imported from a sheet (a row per member-day, the member by phone) checked without writing: a day
    given twice, a number serving on no team that day, a day outside the member's service."""
    problems = entries_twice(list(entries))
    by_month: dict[tuple[int, Month], list[DayEntry]] = {}
    members: dict[int, dict[str, Any]] = {}
    rows: dict[int, list[int]] = {}
    memberships: dict[str, list[dict[str, Any]]] = {}
    unknown: set[tuple[int, str]] = set()
    for entry in entries:
        phone = normal_phone(entry.phone)
        if phone not in memberships:
            memberships[phone] = store.memberships_of_phone(ledger, phone)
        row = next((m for m in memberships[phone] if _serves_on(m, entry.day)), None)
        if row is None:
            if (entry.row, phone) not in unknown:  # once a row: its other days say the same
                unknown.add((entry.row, phone))
                error = BranchDeskError("team.no_member_on_day", phone=entry.phone, day=entry.day.isoformat())
                problems.append(SheetProblem(entry.row, error))
            continue
        members[row["id"]] = row
        if entry.row not in rows.setdefault(row["id"], []):
            rows[row["id"]].append(entry.row)
        by_month.setdefault((row["id"], Month.of(entry.day)), []).append(entry)
    months: dict[tuple[int, Month], MonthDays] = {}
    for (member_id, month), found in by_month.items():
        stored = store.days_rows(ledger, [member_id], month).get(member_id)
        days = (
            MonthDays.empty(month)
            if stored is None
            else MonthDays.stored(month, stored["marks"], _reasons(stored))
        )
        for entry in found:
            days = days.with_day(entry.day.day, entry.mark, entry.reason)
        try:
            _check_month(members[member_id], days)
        except BranchDeskError as error:
            problems.append(SheetProblem(found[0].row, error))
        months[(member_id, month)] = days
    problems.sort(key=lambda problem: problem.row)
    return DaysImport(months, members, rows, problems)


def _serves_on(member: dict[str, Any], day: dt.date) -> bool:
    text = day.isoformat()
    return bool(member["from_on"] <= text and (member["to_on"] is None or text <= member["to_on"]))


def record_days(ledger: Ledger, entries: Sequence[DayEntry]) -> Changed:
    """Days imported from a sheet: refused whole at the first problem :func:`check_days_import` finds, else
    one operation."""
    checked = check_days_import(ledger, entries)
    if checked.problems:
        raise checked.problems[0].error
    with ledger.operation("team.days_import") as op:
        for month in sorted({month for _member, month in checked.months}):
            of_month = {member: days for (member, when), days in checked.months.items() if when == month}
            store.write_months(ledger, of_month, store.days_rows(ledger, of_month, month))
    return changed(ledger, op)


def _reasons(stored: dict[str, Any]) -> dict[str, str]:
    value = json.loads(stored["reasons"])
    return value if isinstance(value, dict) else {}
