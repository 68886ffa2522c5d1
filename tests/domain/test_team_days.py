"""``check_days`` looks only at the days outside a member's service: it must refuse exactly the marks a
day-by-day comparison of dates refuses, for services starting and ending before, in and after the month."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import Month
from branchdesk.domain.teams import DayMark, MonthDays, check_days

FEBRUARY = Month(2024, 2)  # 29 days
EDGES = [dt.date(2024, 1, 20), dt.date(2024, 2, 1), dt.date(2024, 2, 10), dt.date(2024, 2, 29),
         dt.date(2024, 3, 5)]  # fmt: skip


def first_refused(days: MonthDays, from_on: dt.date, to_on: dt.date | None) -> str | None:
    """The first marked day outside the service, compared date by date."""
    for number, mark in enumerate(days.marks, start=1):
        day = dt.date(2024, 2, number)
        if mark is not None and (day < from_on or (to_on is not None and day > to_on)):
            return day.isoformat()
    return None


@pytest.mark.parametrize("marked", [(1,), (9, 10), (29,), (1, 15, 29), tuple(range(1, 30))])
def test_marks_outside_the_service_are_refused_as_a_day_by_day_check_would(marked: tuple[int, ...]) -> None:
    days = MonthDays.empty(FEBRUARY)
    for number in marked:
        days = days.with_day(number, DayMark.PRESENT)
    for from_on, to_on in itertools.product(EDGES, [*EDGES, None]):
        if to_on is not None and to_on < from_on:
            continue
        expected = first_refused(days, from_on, to_on)
        if expected is None:
            check_days(days, "张明", from_on, to_on)
            continue
        with pytest.raises(BranchDeskError) as refused:
            check_days(days, "张明", from_on, to_on)
        assert (refused.value.code, refused.value.params["day"]) == ("team.day_outside_member", expected)
