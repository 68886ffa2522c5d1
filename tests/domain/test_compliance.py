"""Monthly compliance, the weekend rule and an activity's checks on hand-made months of 2022 (and 2027,
a year without official holiday data)."""

from __future__ import annotations

import datetime as dt

import pytest

from branchdesk.domain.activities import (
    ActivityDraft,
    KeyTask,
    PairingSpan,
    check_draft,
    needs_weekday_reason,
)
from branchdesk.domain.compliance import (
    MonthStatus,
    key_tasks_covered,
    month_status,
    overdue_pairings,
)
from branchdesk.domain.enums import ActivityType, Area, DayKind, PairingMethod
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import HalfYear, Month
from branchdesk.domain.records import Activity, Pairing
from branchdesk.domain.stats import monthly_compliance
from branchdesk.domain.workdays import WorkCalendar

D = dt.date.fromisoformat
MAY = Month(2022, 5)

# May 2022: 2–4 May Labour Day holidays (Monday–Wednesday), Saturday 7 May an adjusted working day.
CALENDAR = WorkCalendar(
    declared={
        D("2022-05-02"): DayKind.HOLIDAY,
        D("2022-05-03"): DayKind.HOLIDAY,
        D("2022-05-04"): DayKind.HOLIDAY,
        D("2022-05-07"): DayKind.WORKDAY,
    },
    covered_years=frozenset({2022}),
)


def pairing(pairing_id: int, started: str, ended: str | None = None) -> Pairing:
    return Pairing(
        pairing_id,
        f"p{pairing_id}",
        100 + pairing_id,
        200 + pairing_id,
        PairingMethod.DRAW,
        D(started),
        None if ended is None else D(ended),
    )


def activity(
    activity_id: int,
    pairing_id: int,
    held_on: str,
    kind: ActivityType = ActivityType.THEMED_DAY,
    key_task_id: int | None = None,
) -> Activity:
    return Activity(activity_id, f"a{activity_id}", pairing_id, D(held_on), kind, key_task_id=key_task_id)


PAIRINGS = [
    pairing(1, "2022-04-10"),  # active all of May, themed day held
    pairing(2, "2022-04-10"),  # active all of May, only a lecture: overdue
    pairing(3, "2022-05-16"),  # started mid-May: owes nothing for May, owes June
    pairing(4, "2022-04-10", "2022-05-20"),  # ended mid-May: owes nothing for May
    pairing(5, "2022-04-10", "2022-05-31"),  # ended on May's last day: owed May, and held it
    pairing(6, "2022-05-01"),  # started on the 1st: owes May, held its themed day in April only
]
ACTIVITIES = [
    activity(1, 1, "2022-05-14"),
    activity(2, 2, "2022-05-14", ActivityType.LECTURE),
    activity(3, 3, "2022-05-21"),
    activity(4, 5, "2022-05-28"),
    activity(5, 6, "2022-04-30"),
    activity(6, 4, "2022-05-08"),
]


def test_overdue_pairings_of_a_month() -> None:
    assert overdue_pairings(PAIRINGS, ACTIVITIES, MAY) == [2, 6]
    statuses = {p.id: month_status(p, ACTIVITIES, MAY) for p in PAIRINGS}
    assert statuses == {
        1: MonthStatus.DONE,
        2: MonthStatus.OVERDUE,
        3: MonthStatus.NOT_DUE,
        4: MonthStatus.NOT_DUE,
        5: MonthStatus.DONE,
        6: MonthStatus.OVERDUE,
    }


def test_overdue_pairings_are_exactly_the_non_compliant_ones() -> None:
    rate = monthly_compliance(PAIRINGS, ACTIVITIES, MAY)
    assert (rate.count, rate.total) == (2, 4)
    assert rate.total - rate.count == len(overdue_pairings(PAIRINGS, ACTIVITIES, MAY))


def test_a_pairing_that_started_mid_month_owes_the_next_month() -> None:
    june = Month(2022, 6)
    assert month_status(PAIRINGS[2], ACTIVITIES, june) is MonthStatus.OVERDUE
    assert 3 in overdue_pairings(PAIRINGS, ACTIVITIES, june)
    assert 4 not in overdue_pairings(PAIRINGS, ACTIVITIES, june)  # ended: owes nothing any more
    assert 5 not in overdue_pairings(PAIRINGS, ACTIVITIES, june)


def test_a_month_without_any_pairing_active_throughout_shows_no_rate() -> None:
    april = Month(2022, 4)  # pairing ran 4–20 April 2022
    assert overdue_pairings(PAIRINGS, ACTIVITIES, april) == []
    assert monthly_compliance(PAIRINGS, ACTIVITIES, april).percent is None


def test_key_tasks_covered_per_half_year() -> None:
    activities = [
        activity(1, 1, "2022-05-14", ActivityType.KEY_TASK, key_task_id=7),
        activity(2, 1, "2022-06-30", ActivityType.VOLUNTEER, key_task_id=8),  # any type may serve a task
        activity(3, 1, "2022-07-01", ActivityType.KEY_TASK, key_task_id=9),  # the next half-year
        activity(4, 2, "2022-05-14", ActivityType.KEY_TASK, key_task_id=7),
    ]
    assert key_tasks_covered(activities, 1, HalfYear(2022, 1)) == {7, 8}
    assert key_tasks_covered(activities, 1, HalfYear(2022, 2)) == {9}
    assert key_tasks_covered(activities, 3, HalfYear(2022, 1)) == frozenset()


# -- the weekend rule and an entry's checks -----------------------------------------------------------

SPAN = PairingSpan(1, "城关村党支部", "财政局机关党支部", D("2022-04-10"), D("2022-12-31"))
TODAY = D("2022-05-19")
TASK = KeyTask(7, "k7", "疫情防控", HalfYear(2022, 1))


def draft(held_on: str, kind: ActivityType = ActivityType.THEMED_DAY, **changes: object) -> ActivityDraft:
    values: dict[str, object] = {
        "held_on": D(held_on),
        "type": kind,
        "areas": frozenset({Area.ORGANISATION}),
        "volunteers": 5,
    }
    values.update(changes)
    return ActivityDraft(**values)  # type: ignore[arg-type]


def refused(entry: ActivityDraft, task: KeyTask | None = None, calendar: WorkCalendar = CALENDAR) -> str:
    with pytest.raises(BranchDeskError) as caught:
        check_draft(entry, [SPAN], TODAY, calendar, task)
    return caught.value.code


def test_a_saturday_that_is_an_official_working_day_needs_a_reason() -> None:
    assert D("2022-05-07").weekday() == 5
    assert needs_weekday_reason(CALENDAR, D("2022-05-07"), ActivityType.THEMED_DAY)
    assert refused(draft("2022-05-07")) == "activity.weekday_reason"
    check_draft(draft("2022-05-07", weekday_reason="调休上班，村民集中在家"), [SPAN], TODAY, CALENDAR, None)
    assert refused(draft("2022-05-07", weekday_reason="\u3000 ")) == "activity.weekday_reason"


def test_a_weekday_holiday_needs_no_reason() -> None:
    assert D("2022-05-03").weekday() == 1
    assert not needs_weekday_reason(CALENDAR, D("2022-05-03"), ActivityType.VISIT)
    check_draft(draft("2022-05-03", ActivityType.VISIT), [SPAN], TODAY, CALENDAR, None)


def test_key_task_work_on_a_weekday_is_exempt() -> None:
    assert not needs_weekday_reason(CALENDAR, D("2022-05-11"), ActivityType.KEY_TASK)
    check_draft(draft("2022-05-11", ActivityType.KEY_TASK, key_task_id=7), [SPAN], TODAY, CALENDAR, TASK)
    assert refused(draft("2022-05-11", ActivityType.LECTURE)) == "activity.weekday_reason"


def test_a_year_without_holiday_data_falls_back_to_weekends() -> None:
    later = PairingSpan(1, "城关村党支部", "财政局机关党支部", D("2026-01-01"), None)
    new_years_day = draft("2027-01-01")  # a Friday: a holiday, but 2027 has no official data here
    assert not CALENDAR.has_official_data(2027)
    assert needs_weekday_reason(CALENDAR, new_years_day.held_on, ActivityType.THEMED_DAY)
    with pytest.raises(BranchDeskError, match=r"activity.weekday_reason"):
        check_draft(new_years_day, [later], D("2027-01-05"), CALENDAR, None)
    check_draft(draft("2027-01-02"), [later], D("2027-01-05"), CALENDAR, None)  # a Saturday


def test_an_entry_is_checked_against_today_the_pairing_and_the_rules() -> None:
    assert refused(draft("2022-05-21")) == "activity.in_future"
    assert refused(draft("2022-04-09")) == "activity.before_pairing"
    ended = PairingSpan(1, "城关村党支部", "财政局机关党支部", D("2022-04-10"), D("2022-05-08"))
    with pytest.raises(BranchDeskError, match=r"activity.after_pairing"):
        check_draft(draft("2022-05-14"), [ended], TODAY, CALENDAR, None)
    check_draft(draft("2022-05-08"), [ended], TODAY, CALENDAR, None)  # its last day still counts
    assert refused(draft("2022-05-14", volunteers=0)) == "activity.volunteers"
    assert refused(draft("2022-05-14", areas=frozenset())) == "activity.no_area"
    assert refused(draft("2022-05-14", ActivityType.KEY_TASK)) == "activity.key_task_missing"
    other_half = KeyTask(8, "k8", "防汛救灾", HalfYear(2022, 2))
    assert refused(draft("2022-05-14", key_task_id=8), other_half) == "activity.key_task_half_year"
    with pytest.raises(BranchDeskError, match=r"activity.no_pairing"):
        check_draft(draft("2022-05-14"), [], TODAY, CALENDAR, None)
