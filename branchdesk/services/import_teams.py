"""The rows of an import that make village work teams (驻村工作队): teams, their members and each member's
days of a month, held to the rules of the team dialog and the month grid (domain.teams).

A team names its village (community, grid) by uuid or by name and region; a member the team by uuid or by
that village (the team there on the member's first day); a member's month the member by uuid or by the
phone number (the membership serving in that month), as the counties' sheets know them.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from branchdesk.domain import cells
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.imports import DAY_FIELDS
from branchdesk.domain.months import Month
from branchdesk.domain.teams import (
    MemberDraft,
    MonthDays,
    Role,
    check_days,
    check_member,
    normal_phone,
    parse_cell,
)
from branchdesk.storage.teams import days_values

if TYPE_CHECKING:
    from branchdesk.services.imports import _Session

# The field of the sheet each refusal of a member's rules concerns.
_MEMBER_FIELDS = {
    "team.member_name_empty": "name",
    "team.member_phone": "phone",
    "team.dates_order": "to_on",
    "team.date_in_future": "from_on",
    "team.member_outside_team": "from_on",
}


def _day(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _unit(s: _Session) -> int | None:
    """The sending unit: by uuid, or by its name when one unit has it."""
    found = s.uuid_ref("unit", "unit_uuid")
    if found is not None:
        return int(found["id"])
    units = s.index("unit")
    name = s.text("unit")
    if name is None:
        return None
    named = units.by_name.get(name, [])
    if not named:
        raise BranchDeskError("import.not_found", field="unit", value=name)
    if len(named) > 1:
        raise BranchDeskError("import.ambiguous", field="unit", value=name, count=len(named))
    return int(units.rows[named[0]]["id"])


def team(s: _Session) -> None:
    branch = s.soft(s.grassroots_ref)
    s.need(branch, "grassroots", "grassroots_uuid")
    unit = s.soft(lambda: _unit(s))
    started, ended = s.date("started_on"), s.date("ended_on")
    s.need(started, "started_on")
    if started is not None and ended is not None and ended < started:
        s.faults.append(BranchDeskError("team.dates_order", field="ended_on", from_on=started, to_on=ended))
    s.settle()
    assert branch is not None
    values = {
        "uuid": s.text("uuid"),
        "branch_id": branch,
        "unit_id": unit,
        "started_on": started,
        "ended_on": ended,
        "note": s.text("note"),
    }
    teams = s.index("work_team")
    existing = teams.existing(values)
    serving = [t for t in teams.by_group.get(branch, ()) if t["ended_on"] is None]
    if existing is None and ended is None and serving:
        name = s.index("branch").by_id[branch]["name"]
        raise BranchDeskError("team.branch_has_team", field="grassroots", branch=name)
    s.duplicate(existing)
    s.write("work_team", existing, values)


def _team_on(s: _Session, day: dt.date) -> dict[str, Any]:
    """The team a member row names: by uuid, or the team in the named village on the member's first day."""
    found = s.uuid_ref("work_team", "team_uuid")
    if found is not None:
        return found
    teams = s.index("work_team")
    branch = s.grassroots_ref()
    if branch is None:
        raise BranchDeskError("import.required", field="grassroots")
    serving = [
        t
        for t in teams.by_group.get(branch, ())
        if t["started_on"] <= day.isoformat() and (t["ended_on"] is None or t["ended_on"] >= day.isoformat())
    ]
    if len(serving) != 1:
        name = s.index("branch").by_id[branch]["name"]
        raise BranchDeskError("import.no_team", field="grassroots", branch=name, day=day.isoformat())
    return serving[0]


def member(s: _Session) -> None:
    name, phone = s.name(), s.required("phone")
    role = s.cell("role", lambda value: cells.term(value, Role))
    s.need(role, "role")
    from_on, to_on = s.day("from_on"), s.day("to_on")
    s.need(from_on, "from_on")
    found = None if from_on is None else s.soft(lambda: _team_on(s, from_on))
    s.settle()
    assert name is not None
    assert phone is not None
    assert role is not None
    assert from_on is not None
    assert found is not None
    draft = MemberDraft(name, phone, role, from_on, to_on, s.text("sending_unit"), s.text("note"))
    try:
        cleaned = check_member(draft, _day(found["started_on"]) or from_on, _day(found["ended_on"]), s.today)
    except BranchDeskError as error:
        raise BranchDeskError(error.code, field=_MEMBER_FIELDS.get(error.code), **error.params) from None
    values = {
        "uuid": s.text("uuid"),
        "team_id": found["id"],
        "name": cleaned.name,
        "phone": cleaned.phone,
        "sending_unit": cleaned.sending_unit,
        "role": cleaned.role.value,
        "from_on": cleaned.from_on.isoformat(),
        "to_on": None if cleaned.to_on is None else cleaned.to_on.isoformat(),
        "note": cleaned.note,
    }
    members = s.index("team_member")
    existing = members.existing(values)
    if existing is None:
        _one_team_at_a_time(s, values)
    s.duplicate(existing)
    s.write("team_member", existing, values)


def _one_team_at_a_time(s: _Session, values: dict[str, Any]) -> None:
    """No two memberships of one number share a day (the schema's rule, said with the other team)."""
    start, end = values["from_on"], values["to_on"] or "9999-12-31"
    for other in s.index("team_member").by_group.get(values["phone"], ()):
        if other["from_on"] <= end and (other["to_on"] or "9999-12-31") >= start:
            village = s.index("branch").by_id[s.index("work_team").by_id[other["team_id"]]["branch_id"]]
            raise BranchDeskError(
                "team.member_busy",
                field="phone",
                name=values["name"],
                phone=values["phone"],
                branch=village["name"],
                from_on=other["from_on"],
                to_on=other["to_on"] or "…",
            )


def _month(value: object) -> Month | None:
    """A month cell: 2023-05, 2023年5月, or a date Excel made of what was typed (2023-05 → 2023-05-01)."""
    if isinstance(value, dt.date):
        return Month.of(value)
    written = cells.text(value)
    return None if written is None else Month.parse(written)


def _member_in(s: _Session, month: Month) -> dict[str, Any]:
    """The membership a month's row names: by uuid, or the one of that phone number serving in the month."""
    found = s.uuid_ref("team_member", "member_uuid")
    if found is not None:
        return found
    members = s.index("team_member")
    phone = cells.text(s.raw("phone"))
    if phone is None:
        raise BranchDeskError("import.required", field="phone")
    first, last = month.first_day.isoformat(), month.last_day.isoformat()
    serving = [
        m
        for m in members.by_group.get(normal_phone(phone), ())
        if m["from_on"] <= last and (m["to_on"] is None or m["to_on"] >= first)
    ]
    if len(serving) != 1:
        raise BranchDeskError("import.no_member", field="phone", phone=phone, month=str(month))
    return serving[0]


def _marks(s: _Session, month: Month) -> MonthDays:
    """The day columns read: each cell a mark (在 假 公 缺, P L B A, a leave with its reason) or empty."""
    days = MonthDays.empty(month)
    length = month.last_day.day
    for number, field in enumerate(DAY_FIELDS, start=1):
        written = cells.text(s.raw(field))
        if written is None:
            continue
        try:
            mark, reason = parse_cell(written)
        except BranchDeskError as error:
            s.faults.append(BranchDeskError(error.code, field=field, **error.params))
            continue
        if mark is not None and number > length:
            s.faults.append(
                BranchDeskError("import.no_such_day", field=field, month=str(month), days=length, day=number)
            )
        elif mark is not None:
            days = days.with_day(number, mark, reason)
    return days


def month_days(s: _Session) -> None:
    month = s.cell("month", _month)
    s.need(month, "month")
    found = None if month is None else s.soft(lambda: _member_in(s, month))
    days = None if month is None else _marks(s, month)
    s.settle()
    assert month is not None
    assert found is not None
    assert days is not None
    try:
        check_days(days, found["name"], dt.date.fromisoformat(found["from_on"]), _day(found["to_on"]))
    except BranchDeskError as error:  # team.day_outside_member, naming the day
        day = dt.date.fromisoformat(str(error.params["day"])).day
        raise BranchDeskError(error.code, field=DAY_FIELDS[day - 1], **error.params) from None
    if days.is_empty():  # a row of a member with nothing entered: nothing to keep
        return
    values = {"uuid": s.text("uuid"), "member_id": found["id"], **days_values(days)}
    s.save("team_days", values)
