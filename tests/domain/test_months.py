from __future__ import annotations

import datetime as dt

import pytest

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import HalfYear, Month, last_ended_month, month_range, parse_date, parse_month


def test_month_bounds_and_neighbours() -> None:
    february = Month.parse("2024-02")
    assert february.last_day == dt.date(2024, 2, 29)
    assert Month.parse("2022-01").previous() == Month(2021, 12)
    assert Month.parse("2022-12").next() == Month(2023, 1)
    assert str(Month(2022, 4)) == "2022-04"
    assert len(Month(2022, 4).days()) == 30


def test_default_report_month_is_the_last_ended_one() -> None:
    assert last_ended_month(dt.date(2022, 5, 19)) == Month(2022, 4)
    assert last_ended_month(dt.date(2023, 1, 1)) == Month(2022, 12)


def test_month_range_is_inclusive() -> None:
    assert [str(m) for m in month_range(Month(2022, 11), Month(2023, 2))] == [
        "2022-11",
        "2022-12",
        "2023-01",
        "2023-02",
    ]


@pytest.mark.parametrize("text", ["2022-4x", "April", "", "2022-06-10", "0000-01"])
def test_bad_months_are_errors_with_a_code(text: str) -> None:
    with pytest.raises(BranchDeskError) as caught:
        Month.parse(text)
    assert caught.value.code == "month.invalid"
    assert caught.value.params == {"value": text}


@pytest.mark.parametrize(
    "text", ["2023-06", "2023/6", "2023年6月", "2023.6", "202306", " ２０２３年６月\u3000"]
)
def test_months_parse_as_clerks_type_them(text: str) -> None:
    assert parse_month(text) == Month.parse(text) == Month(2023, 6)


def test_a_month_that_does_not_exist_says_why() -> None:
    with pytest.raises(BranchDeskError) as caught:
        parse_month("2023-13")
    assert (caught.value.code, caught.value.params) == (
        "month.no_such_month",
        {"value": "2023-13", "month": 13},
    )


def test_half_years() -> None:
    assert HalfYear.of(dt.date(2022, 7, 1)) == HalfYear(2022, 2)
    assert str(HalfYear.parse("2022-H1").next()) == "2022-H2"
    assert HalfYear.parse("2022-H2").next() == HalfYear(2023, 1)
    assert HalfYear(2022, 1).last_day == dt.date(2022, 6, 30)
    with pytest.raises(BranchDeskError, match=r"half_year\.invalid"):
        HalfYear.parse("2022-H3")


@pytest.mark.parametrize(
    ("typed", "half_year"),
    [
        ("2022-H1", HalfYear(2022, 1)),
        ("2022 h2", HalfYear(2022, 2)),
        ("2022年上半年", HalfYear(2022, 1)),
        ("2022年下半年", HalfYear(2022, 2)),
        ("２０２２年 下半年", HalfYear(2022, 2)),  # an input method's full-width digits
        ("2022上半年", HalfYear(2022, 1)),
    ],
)
def test_half_years_as_clerks_write_them(typed: str, half_year: HalfYear) -> None:
    assert HalfYear.parse(typed) == half_year


@pytest.mark.parametrize("typed", ["2022-H3", "2022年中半年", "22-H1", "2022年上半年底", "上半年"])
def test_what_is_no_half_year(typed: str) -> None:
    with pytest.raises(BranchDeskError, match=r"half_year\.invalid"):
        HalfYear.parse(typed)


def test_dates_parse_or_fail_clearly() -> None:
    assert parse_date(" 2022-05-19 ") == dt.date(2022, 5, 19)
    assert parse_date("2022/5/19") == dt.date(2022, 5, 19)
    assert parse_date("2022年5月19日") == dt.date(2022, 5, 19)
    assert parse_date("2022.05.19\u3000") == dt.date(2022, 5, 19)
    assert parse_date("20220519") == dt.date(2022, 5, 19)
    assert parse_date("２０２２年５月１９日") == dt.date(
        2022, 5, 19
    )  # a Chinese input method's full-width digits
    for text in ("19/05/2022", "2022-5", "五月", "2022519", "0000-01-01"):
        with pytest.raises(BranchDeskError, match=r"date\.invalid"):
            parse_date(text)


@pytest.mark.parametrize(
    ("text", "code", "params"),
    [
        ("2023-02-30", "date.no_such_day", {"year": 2023, "month": 2, "days": 28}),
        ("20240230", "date.no_such_day", {"year": 2024, "month": 2, "days": 29}),
        ("2023-04-31", "date.no_such_day", {"year": 2023, "month": 4, "days": 30}),
        ("2023-13-01", "date.no_such_month", {"month": 13}),
        ("2023/0/5", "date.no_such_month", {"month": 0}),
    ],
)
def test_a_date_that_does_not_exist_says_why(text: str, code: str, params: dict[str, int]) -> None:
    with pytest.raises(BranchDeskError) as caught:
        parse_date(text)
    assert (caught.value.code, caught.value.params) == (code, {"value": text, **params})
