"""A year's official calendar as a simple list: ranges, both kinds, names, and clear refusals."""

from __future__ import annotations

import datetime as dt

import pytest

from branchdesk.domain.enums import DayKind
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.holiday_list import format_holiday_list, parse_holiday_list

D = dt.date.fromisoformat


def test_ranges_kinds_and_names() -> None:
    text = (
        "# 2027\n2027-01-01 休 元旦\n\n2027-02-06~2027-02-08\t放假\t春节\n"
        "2027-02-14，班，春节\n2027-10-09 workday\n"
    )
    days = parse_holiday_list(text, 2027)
    assert days[D("2027-01-01")] == (DayKind.HOLIDAY, "元旦")
    assert [d for d, (k, _) in days.items() if k is DayKind.HOLIDAY] == [
        D("2027-01-01"),
        D("2027-02-06"),
        D("2027-02-07"),
        D("2027-02-08"),
    ]
    assert days[D("2027-02-14")] == (DayKind.WORKDAY, "春节")
    assert days[D("2027-10-09")] == (DayKind.WORKDAY, None)
    assert parse_holiday_list(format_holiday_list(days), 2027) == days


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2027-01-01", "holidays.bad_line"),
        ("2027-02-30 休", "holidays.bad_line"),
        ("2027-01-01 maybe", "holidays.bad_line"),
        ("2027-02-08~2027-02-06 休", "holidays.bad_line"),
        ("2026-12-31~2027-01-02 休 元旦", "holidays.wrong_year"),
    ],
)
def test_a_line_that_cannot_be_read_is_refused_with_its_number(text: str, code: str) -> None:
    with pytest.raises(BranchDeskError) as caught:
        parse_holiday_list("2027-01-01 休\n" + text, 2027)
    assert caught.value.code == code
    assert caught.value.params["line"] == 2
