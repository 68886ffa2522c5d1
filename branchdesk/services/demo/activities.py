"""Activities ("1+N"): a themed Party day in most months for most pairings, other activities on top."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from branchdesk.domain.enums import ActivityType, Area, BranchKind
from branchdesk.domain.months import HalfYear
from branchdesk.domain.workdays import WorkCalendar
from branchdesk.services.demo.attendance import Attendances
from branchdesk.services.demo.common import apportion, random_uuid
from branchdesk.services.demo.dates import SPAN_START
from branchdesk.services.demo.model import Pairing
from branchdesk.storage import bulk

_SUMMARIES = {
    ActivityType.THEMED_DAY: (
        "联合开展“支部联支部”主题党日，重温入党誓词", "两支部共同学习党的理论，交流支部建设经验",
        "联合开展“我为群众办实事”主题党日", "共商年度共建计划，明确“六共”任务",
        "组织党员参观红色教育基地", "联合召开组织生活会，开展批评与自我批评",
    ),
    ActivityType.LECTURE: (
        "机关支部书记讲专题党课", "讲授专题党课《重温历史问初心 村企联建共前行》", "讲解乡村振兴政策",
        "开展法律法规宣讲", "讲授“三会一课”规范化建设专题课",
    ),
    ActivityType.VISIT: (
        "走访慰问留守儿童和困难群众", "入户走访返贫风险户", "走访慰问老党员", "调研村集体经济发展情况",
    ),
    ActivityType.VOLUNTEER: (
        "党员志愿者参与人居环境整治", "开展义诊和健康咨询志愿服务", "开展文明劝导志愿服务",
        "帮助群众抢收抢种", "开展敬老助残志愿服务",
    ),
    ActivityType.OTHER: (
        "召开联建支部联席会议", "捐赠图书和办公用品", "交流基层党建工作经验", "协调解决群众急难愁盼问题",
    ),
}  # fmt: skip

# Locations, by index into each pairing's list (see _locations): where each type of activity is held.
_LOCATION_CHOICES = {
    ActivityType.THEMED_DAY: (0, 0, 1, 4),
    ActivityType.LECTURE: (0, 2, 2),
    ActivityType.KEY_TASK: (0, 3, 3, 4),
    ActivityType.VISIT: (3,),
    ActivityType.VOLUNTEER: (3, 4, 4),
    ActivityType.OTHER: (0, 1, 2),
}
_VOLUNTEERS = {
    ActivityType.THEMED_DAY: (5, 40),
    ActivityType.LECTURE: (3, 30),
    ActivityType.KEY_TASK: (2, 40),
    ActivityType.VISIT: (2, 12),
    ActivityType.VOLUNTEER: (4, 40),
    ActivityType.OTHER: (2, 20),
}
# Areas (六共) each type of activity leans towards; an activity has one to three areas.
_AREA_LEANINGS = {
    ActivityType.THEMED_DAY: (Area.ORGANISATION, Area.TEAM),
    ActivityType.LECTURE: (Area.TEAM, Area.ORGANISATION),
    ActivityType.KEY_TASK: (Area.PRACTICAL, Area.SERVICE),
    ActivityType.VISIT: (Area.SERVICE, Area.PRACTICAL, Area.INDUSTRY),
    ActivityType.VOLUNTEER: (Area.SERVICE, Area.CUSTOMS),
    ActivityType.OTHER: (Area.INDUSTRY, Area.CUSTOMS, Area.ORGANISATION),
}
_AREA_COUNT_SHARES = (0.5, 0.35, 0.15)
# Activities beyond the monthly themed day, by type.
_OTHER_TYPES = (
    ActivityType.KEY_TASK,
    ActivityType.LECTURE,
    ActivityType.VISIT,
    ActivityType.VOLUNTEER,
    ActivityType.OTHER,
)
_OTHER_TYPE_WEIGHTS = (35, 20, 20, 17, 8)

_WEEKEND_SHARE = 0.88  # routine activities put on a non-working day (周末原则)
_WEEKDAY_REASON_SHARE = 0.3  # routine activities on a working day that record why
_WEEKDAY_REASONS = (
    "配合全员核酸检测",
    "上级督导检查安排",
    "农忙时节错峰开展",
    "结合防汛值守开展",
    "群众集中办事日",
)
_PARTIAL_MONTH_THEMED = 0.5  # a themed day in a month a pairing only partly spans


# An activity before it has an id: (day index, pairing id, type, key task id, volunteers, location,
# summary, weekday reason, index of its set of areas).
Raw = tuple[int, int, str, int | None, int, str, str, str | None, int]

# What the hot loops need of a type, as a plain tuple: (type value, fewest volunteers, how many volunteer
# counts there are, location indices, summaries, cumulative weights of the area sets).
_Profile = tuple[str, int, int, tuple[int, ...], tuple[str, ...], list[float]]


@dataclass(frozen=True)
class Days:
    """The span's days by index from 1 April 2022, with what the weekend rule needs of each."""

    iso: list[str]
    working: list[bool]
    month_of: list[int]
    half_year_of: list[str]
    month_first: list[int]
    month_last: list[int]
    non_working_in: list[list[int]]  # per month, ascending
    working_in: list[list[int]]

    @classmethod
    def of(cls, end: dt.date, calendar: WorkCalendar) -> Days:
        count = (end - SPAN_START).days + 1
        days = [SPAN_START + dt.timedelta(days=i) for i in range(count)]
        working = [calendar.is_working_day(day) for day in days]
        month_of = [(day.year - SPAN_START.year) * 12 + day.month - SPAN_START.month for day in days]
        months = month_of[-1] + 1
        first = [count] * months
        last = [0] * months
        non_working_in: list[list[int]] = [[] for _ in range(months)]
        working_in: list[list[int]] = [[] for _ in range(months)]
        for i, month in enumerate(month_of):
            first[month] = min(first[month], i)
            last[month] = i
            (working_in if working[i] else non_working_in)[month].append(i)
        return cls(
            iso=[day.isoformat() for day in days],
            working=working,
            month_of=month_of,
            half_year_of=[str(HalfYear.of(day)) for day in days],
            month_first=first,
            month_last=last,
            non_working_in=non_working_in,
            working_in=working_in,
        )


AREA_SETS = [combo for size in (1, 2, 3) for combo in itertools.combinations(Area, size)]


def _area_weights(leanings: tuple[Area, ...]) -> list[float]:
    """Cumulative weights over AREA_SETS that favour ``leanings`` and keep the shares of one, two and
    three areas."""
    affinity = [3.0 ** sum(area in leanings for area in combo) for combo in AREA_SETS]
    per_size = [sum(a for a, c in zip(affinity, AREA_SETS, strict=True) if len(c) == n) for n in (1, 2, 3)]
    return list(
        itertools.accumulate(
            _AREA_COUNT_SHARES[len(c) - 1] * a / per_size[len(c) - 1]
            for a, c in zip(affinity, AREA_SETS, strict=True)
        )
    )


def _profile(activity_type: ActivityType, summaries: tuple[str, ...]) -> _Profile:
    low, high = _VOLUNTEERS[activity_type]
    return (
        activity_type.value,
        low,
        high - low + 1,
        _LOCATION_CHOICES[activity_type],
        summaries,
        _area_weights(_AREA_LEANINGS[activity_type]),
    )


def _locations(pairing: Pairing) -> tuple[str, ...]:
    """Where a pairing's activities happen; indexed by _LOCATION_CHOICES."""
    place = pairing.grassroots.place
    homes = "各村民组" if pairing.grassroots.kind is BranchKind.VILLAGE else "居民小区"
    return (
        f"{place}党群服务中心",
        f"{place}新时代文明实践站",
        f"{pairing.organ.place}会议室",
        f"{place}{homes}",
        f"{place}文化广场",
    )


class ActivityMaker:
    """Activities of all pairings: a themed day in most months, and the rest of the count on top.

    Written for speed (a million activities at the stress scale): plain tuples, and locals in the loops.
    """

    def __init__(
        self,
        rng: random.Random,
        days: Days,
        pairings: Sequence[Pairing],
        tasks: Mapping[str, list[tuple[int, tuple[str, ...]]]],
    ) -> None:
        self.rng = rng
        self.days = days
        self.pairing_ids = [p.id for p in pairings]
        last = len(days.iso) - 1
        # Each pairing's active days, as indices into the span.
        self.spans = [
            (
                (p.started_on - SPAN_START).days,
                min(last, (p.ended_on - SPAN_START).days if p.ended_on else last),
            )
            for p in pairings
        ]
        self.locations = [_locations(p) for p in pairings]
        self.tasks_of_day = [tasks[half_year] for half_year in days.half_year_of]
        self.themed = _profile(ActivityType.THEMED_DAY, _SUMMARIES[ActivityType.THEMED_DAY])
        # Key tasks take their summaries from the task, chosen by the day.
        self.key_task = _profile(ActivityType.KEY_TASK, ())
        # The other types, each as often in this table as its weight (they sum to 100): one lookup a pick.
        self.other_types = [
            self.key_task if t is ActivityType.KEY_TASK else _profile(t, _SUMMARIES[t])
            for t, weight in zip(_OTHER_TYPES, _OTHER_TYPE_WEIGHTS, strict=True)
            for _ in range(weight)
        ]

    def _routine_day(self, first: int, last: int, month: int) -> tuple[int, str | None]:
        """A day in [first, last] (within one month) by the weekend rule, with a weekday reason now and
        then."""
        random = self.rng.random
        days = self.days
        candidates, other = days.non_working_in[month], days.working_in[month]
        if random() >= _WEEKEND_SHARE:
            candidates, other = other, candidates
        low, high = bisect.bisect_left(candidates, first), bisect.bisect_right(candidates, last)
        if low == high:
            # None of the wanted kind in the part of the month the pairing spans: take the other kind.
            candidates = other
            low, high = bisect.bisect_left(candidates, first), bisect.bisect_right(candidates, last)
        day = candidates[low + int(random() * (high - low))]
        if days.working[day] and random() < _WEEKDAY_REASON_SHARE:
            return day, _WEEKDAY_REASONS[int(random() * len(_WEEKDAY_REASONS))]
        return day, None

    def themed_days(self) -> list[Raw]:
        random = self.rng.random
        days = self.days
        value, low, volunteers, places, summaries, weights = self.themed
        made: list[Raw] = []
        for pairing_id, (start, end), locations in zip(
            self.pairing_ids, self.spans, self.locations, strict=True
        ):
            # Some pairings are more diligent than others: 2 % to 14 % of their months go without.
            held = 1 - (0.02 + 0.12 * random() ** 2)
            for month in range(days.month_of[start], days.month_of[end] + 1):
                first = max(start, days.month_first[month])
                last = min(end, days.month_last[month])
                whole = first == days.month_first[month] and last == days.month_last[month]
                if random() >= (held if whole else _PARTIAL_MONTH_THEMED):
                    continue
                day, reason = self._routine_day(first, last, month)
                # As in others(), inline: a method call here costs a second or so at the stress scale.
                location = locations[places[int(random() * len(places))]]
                summary = summaries[int(random() * len(summaries))]
                areas = bisect.bisect(weights, random() * weights[-1])
                taking_part = low + int(random() * volunteers)
                made.append((day, pairing_id, value, None, taking_part, location, summary, reason, areas))
        return made

    def others(self, count: int) -> list[Raw]:
        """``count`` activities of the other types, shared among the pairings by how long each is active."""
        random = self.rng.random
        days = self.days
        routine_day = self._routine_day
        types = self.other_types
        made: list[Raw] = []
        shares = apportion(count, [end - start + 1 for start, end in self.spans])
        for pairing_id, (start, end), locations, share in zip(
            self.pairing_ids, self.spans, self.locations, shares, strict=True
        ):
            for _ in range(share):
                profile = types[int(random() * len(types))]
                value, low, volunteers, places, summaries, weights = profile
                day = start + int(random() * (end - start + 1))
                task = reason = None
                if profile is self.key_task:
                    # Key-task (emergency) work is not bound by the weekend rule.
                    tasks = self.tasks_of_day[day]
                    task, summaries = tasks[int(random() * len(tasks))]
                else:
                    month = days.month_of[day]
                    day, reason = routine_day(
                        max(start, days.month_first[month]), min(end, days.month_last[month]), month
                    )
                location = locations[places[int(random() * len(places))]]
                summary = summaries[int(random() * len(summaries))]
                areas = bisect.bisect(weights, random() * weights[-1])
                taking_part = low + int(random() * volunteers)
                made.append((day, pairing_id, value, task, taking_part, location, summary, reason, areas))
        return made


def by_day(raws: list[Raw], days: int) -> list[Raw]:
    """``raws`` in order of date, as they would have been entered (one bucket per day, which is faster
    than sorting a million rows; within a day they stay in the order they were made)."""
    buckets: list[list[Raw]] = [[] for _ in range(days)]
    for raw in raws:
        buckets[raw[0]].append(raw)
    return list(itertools.chain.from_iterable(buckets))


def activity_rows(
    rng: random.Random, raws: Sequence[Raw], iso: Sequence[str], attendances: Attendances
) -> Iterator[bulk.ActivityRow]:
    # The uuids are handed out in ascending order, so that SQLite appends to the uuid index rather than
    # inserting at random (seconds saved at the stress scale); they are as random as ever.
    uuids = sorted(random_uuid(rng) for _ in raws)
    entry = attendances.entry
    for number, (uuid, raw) in enumerate(zip(uuids, raws, strict=True), 1):
        day, pairing_id, kind, task, volunteers, location, summary, reason, _ = raw
        yield (
            number, uuid, pairing_id, iso[day], kind, task, volunteers, location, summary, reason,
            *entry(number, day, kind, volunteers),
        )  # fmt: skip
