"""The demo's village work teams (驻村工作队) as 潢川县 runs them: a three-person team in every village of
潢川县 and in the weak (后进) villages of the other counties, sent by the unit of the village's paired organ
branch from the day of pairing; a team leader (队长) and two members, or a first secretary (第一书记) in
about one team in seven; now and then a member is called back and replaced the next day.

Days (一日一考勤): the working days in the village, some weekends too, a day or two on official business,
leave now and then with its reason, and in about one month in sixteen a bad month (a long leave, days
absent) that falls below the 20-day rule. Their own random sequence, drawn after everything else, so the
rest of the demo is what it was before teams.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field

from branchdesk.domain.enums import BranchKind, PairingMethod, Tier
from branchdesk.domain.months import Month
from branchdesk.domain.teams import NOTHING, DayMark, Role
from branchdesk.services.demo.activities import Days
from branchdesk.services.demo.common import random_uuid
from branchdesk.services.demo.dates import SPAN_START
from branchdesk.services.demo.model import Build, Pairing
from branchdesk.services.demo.names import person, phone
from branchdesk.services.demo.scales import HUANGCHUAN

_FIRST_SECRETARY_SHARE = 1 / 7
_RECALLED_SHARE = 0.06  # members called back during the span, replaced the next day
_WEEKEND_SHARE = 0.35  # of the non-working days spent in the village
_LEAVE_SHARE = 0.2  # months with a short leave
_BAD_MONTH_SHARE = 1 / 16
_LEAVE_REASONS = ("病假", "事假", "探亲", "陪护家人就医", "子女升学", "年休假", "婚假")
_ABSENT_SHARE_OF_BAD = 0.3

TeamRow = tuple[int, str, int, int | None, str, str | None, str | None]
MemberRow = tuple[int, str, int, str, str, str, str, str, str | None, str | None]
DaysRow = tuple[int, str, int, str, str, str, int, int, int, int]


@dataclass
class Teams:
    teams: list[TeamRow] = field(default_factory=list)
    members: list[MemberRow] = field(default_factory=list)
    days: list[DaysRow] = field(default_factory=list)


def _with_teams(build: Build, county_of: dict[int, str]) -> list[Pairing]:
    """The village pairings still running that get a team: all of 潢川县's, the weak villages elsewhere."""
    return [
        pairing
        for pairing in build.pairings
        if pairing.ended_on is None
        and pairing.method is PairingMethod.DRAW
        and pairing.grassroots.kind is BranchKind.VILLAGE
        and (
            county_of.get(pairing.grassroots.region_id) == HUANGCHUAN or pairing.grassroots_tier is Tier.WEAK
        )
    ]


def build_teams(build: Build, days: Days, county_of: dict[int, str]) -> Teams:
    """``county_of``: each township's county code."""
    rng = random.Random(build.rng.getrandbits(64))
    units = {row[0]: row[2] for row in build.units}
    made = Teams()
    phones: set[str] = set()
    last = len(days.iso) - 1

    def new_phone() -> str:
        number = phone(build)
        while number in phones:
            number = phone(build)
        phones.add(number)
        return number

    for pairing in _with_teams(build, county_of):
        team_id = len(made.teams) + 1
        unit_id = pairing.organ.unit_id
        sender = units.get(unit_id) if unit_id is not None else None
        start = (pairing.started_on - SPAN_START).days
        made.teams.append(
            (team_id, random_uuid(rng), pairing.grassroots.id, unit_id, days.iso[start], None, None)
        )
        roles = [Role.LEADER, Role.MEMBER, Role.MEMBER]
        if rng.random() < _FIRST_SECRETARY_SHARE:
            roles[1] = Role.FIRST_SECRETARY
        for role in roles:
            first = start
            while True:
                recalled = rng.random() < _RECALLED_SHARE and last - first > 60
                end = rng.randrange(first + 30, last - 20) if recalled else None
                member_id = len(made.members) + 1
                made.members.append(
                    (
                        member_id,
                        random_uuid(rng),
                        team_id,
                        person(build),
                        new_phone(),
                        role.value,
                        sender or "",
                        days.iso[first],
                        None if end is None else days.iso[end],
                        None,
                    )
                )
                _member_days(rng, days, made, member_id, first, last if end is None else end)
                if end is None:
                    break
                first = end + 1
    return made


def _member_days(rng: random.Random, days: Days, made: Teams, member_id: int, first: int, last: int) -> None:
    """A member's months from day index ``first`` to ``last`` (their service, up to the demo's today)."""
    for month in range(days.month_of[first], days.month_of[last] + 1):
        start = days.month_first[month]
        # The whole calendar month, though the span may end inside it (the days after it stay empty).
        length = Month.parse(days.iso[start][:7]).last_day.day
        marks = [NOTHING] * length
        for i in days.working_in[month]:
            marks[i - start] = DayMark.PRESENT.value
        rest = days.non_working_in[month]
        for i in rng.sample(rest, min(len(rest), int(len(rest) * _WEEKEND_SHARE + rng.random() * 2))):
            marks[i - start] = DayMark.PRESENT.value
        working = days.working_in[month]
        reasons: dict[str, str] = {}
        for i in rng.sample(working, min(len(working), rng.randrange(4))):
            marks[i - start] = DayMark.BUSINESS.value
        away = rng.randrange(5, 10) if rng.random() < _BAD_MONTH_SHARE else 0
        if not away and rng.random() < _LEAVE_SHARE:
            away = rng.randrange(1, 4)
        if away:
            begin = rng.randrange(max(1, len(working) - away))
            absent = away > 4 and rng.random() < _ABSENT_SHARE_OF_BAD
            reason = rng.choice(_LEAVE_REASONS)
            for i in working[begin : begin + away]:
                marks[i - start] = DayMark.ABSENT.value if absent else DayMark.LEAVE.value
                if not absent:
                    reasons[str(i - start + 1)] = reason
        for i in range(start, start + length):  # outside the service, or after today: nothing entered
            if i < first or i > last:
                marks[i - start] = NOTHING
                reasons.pop(str(i - start + 1), None)
        text = "".join(marks)
        if text.strip(NOTHING):
            made.days.append(
                (
                    len(made.days) + 1,
                    random_uuid(rng),
                    member_id,
                    days.iso[start][:7],
                    text,
                    json.dumps(reasons, ensure_ascii=False),
                    text.count("P"),
                    text.count("L"),
                    text.count("B"),
                    text.count("A"),
                )
            )
