"""Calendar months and half-years as the ledger names them ("2022-04", "2022-H1")."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from branchdesk.domain.errors import BranchDeskError

# 2022-H1 (as stored), 2022 H1, 2022年上半年, 2022上半年.
_HALF_YEAR = re.compile(r"(\d{4})\s*(?:-?\s*[Hh]([12])|年?\s*([上下])半年)")


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    def __post_init__(self) -> None:
        if not (1 <= self.month <= 12 and 1 <= self.year <= 9999):
            raise BranchDeskError("month.invalid", value=f"{self.year}-{self.month}")

    @classmethod
    def parse(cls, text: str) -> Month:
        return parse_month(text)

    @classmethod
    def of(cls, day: dt.date) -> Month:
        return cls(day.year, day.month)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def days(self) -> list[dt.date]:
        return [dt.date(self.year, self.month, d) for d in range(1, self.last_day.day + 1)]

    def next(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> Month:
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def last_ended_month(today: dt.date) -> Month:
    """The default month of the reports: the last one that has ended."""
    return Month.of(today).previous()


def month_range(first: Month, last: Month) -> list[Month]:
    months: list[Month] = []
    current = first
    while current <= last:
        months.append(current)
        current = current.next()
    return months


@dataclass(frozen=True, order=True)
class HalfYear:
    year: int
    half: int  # 1 or 2

    @classmethod
    def parse(cls, text: str) -> HalfYear:
        match = _HALF_YEAR.fullmatch(_typed(text))
        if not match:
            raise BranchDeskError("half_year.invalid", value=text)
        year, number, word = match.groups()
        return cls(int(year), int(number) if number else 1 if word == "上" else 2)

    @classmethod
    def of(cls, day: dt.date) -> HalfYear:
        return cls(day.year, 1 if day.month <= 6 else 2)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.year, 6, 30) if self.half == 1 else dt.date(self.year, 12, 31)

    def next(self) -> HalfYear:
        return HalfYear(self.year + (self.half == 2), 2 if self.half == 1 else 1)

    def previous(self) -> HalfYear:
        return HalfYear(self.year - (self.half == 1), 2 if self.half == 1 else 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-H{self.half}"


# The ways dates are typed in Chinese offices and Excel: 2022-04-10, 2022/4/10, 2022.4.10, 20220410,
# 2022年4月10日; months 2022-04, 2022/4, 2022.4, 202204, 2022年4月.
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{4})(\d{2})(\d{2})")
_MONTH = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?|(\d{4})(\d{2})")


def _typed(text: str) -> str:
    """Full-width digits and signs (a Chinese input method's) as plain ones, surrounding blanks dropped."""
    return unicodedata.normalize("NFKC", text).strip(" \t\r\n")


def _numbers(pattern: re.Pattern[str], text: str) -> list[int] | None:
    found = pattern.fullmatch(_typed(text))
    return None if found is None else [int(part) for part in found.groups() if part is not None]


def parse_date(text: str) -> dt.date:
    """A date typed by a user or read from a file; an error that says what is wrong otherwise."""
    numbers = _numbers(_DATE, text)
    if numbers is None or numbers[0] == 0:
        raise BranchDeskError("date.invalid", value=text)
    year, month, day = numbers
    if not 1 <= month <= 12:
        raise BranchDeskError("date.no_such_month", value=text, month=month)
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise BranchDeskError("date.no_such_day", value=text, year=year, month=month, days=days)
    return dt.date(year, month, day)


def parse_month(text: str) -> Month:
    """A month typed by a user or given on the command line; an error that says what is wrong otherwise."""
    numbers = _numbers(_MONTH, text)
    if numbers is None or numbers[0] == 0:
        raise BranchDeskError("month.invalid", value=text)
    year, month = numbers
    if not 1 <= month <= 12:
        raise BranchDeskError("month.no_such_month", value=text, month=month)
    return Month(year, month)
