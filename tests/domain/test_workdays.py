"""The weekend rule on hand-made days of May 2022 and on a year without official data."""

from __future__ import annotations

import datetime as dt

from branchdesk.domain.enums import ActivityType, DayKind
from branchdesk.domain.workdays import WorkCalendar, is_weekday_activity

MAY_2022 = WorkCalendar(
    declared={
        dt.date(2022, 5, 2): DayKind.HOLIDAY,  # Monday, Labour Day holiday
        dt.date(2022, 5, 3): DayKind.HOLIDAY,  # Tuesday, Labour Day holiday
        dt.date(2022, 5, 7): DayKind.WORKDAY,  # Saturday, adjusted working day
    },
    covered_years=frozenset({2022}),
)


def test_saturday_declared_a_working_day_is_one() -> None:
    saturday = dt.date(2022, 5, 7)
    assert saturday.weekday() == 5
    assert MAY_2022.is_working_day(saturday)
    assert is_weekday_activity(MAY_2022, saturday, ActivityType.THEMED_DAY, None)


def test_weekday_holiday_is_not_a_working_day() -> None:
    tuesday = dt.date(2022, 5, 3)
    assert tuesday.weekday() == 1
    assert not MAY_2022.is_working_day(tuesday)
    assert not is_weekday_activity(MAY_2022, tuesday, ActivityType.LECTURE, None)


def test_plain_days_follow_the_week() -> None:
    assert MAY_2022.is_working_day(dt.date(2022, 5, 11))  # Wednesday
    assert not MAY_2022.is_working_day(dt.date(2022, 5, 14))  # Saturday


def test_key_task_work_on_a_weekday_is_exempt() -> None:
    wednesday = dt.date(2022, 5, 11)
    assert not is_weekday_activity(MAY_2022, wednesday, ActivityType.KEY_TASK, None)
    assert is_weekday_activity(MAY_2022, wednesday, ActivityType.VISIT, None)


def test_a_recorded_reason_excuses_a_weekday_activity() -> None:
    wednesday = dt.date(2022, 5, 11)
    assert not is_weekday_activity(MAY_2022, wednesday, ActivityType.THEMED_DAY, "防汛应急")
    assert is_weekday_activity(MAY_2022, wednesday, ActivityType.THEMED_DAY, "   ")


def test_year_without_data_falls_back_to_weekends_and_says_so() -> None:
    new_years_day_2027 = dt.date(2027, 1, 1)  # a Friday: a holiday, but no official data for 2027
    assert MAY_2022.is_working_day(new_years_day_2027)
    assert not MAY_2022.is_working_day(dt.date(2027, 1, 2))
    assert not MAY_2022.has_official_data(2027)
    assert MAY_2022.years_without_data([2022, 2027, 2027]) == [2027]
