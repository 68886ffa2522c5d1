"""Cells of a spreadsheet read as the ledger's values: texts, whole numbers, dates and the programme's terms.

The one reader of cells for every way rows come in: .xlsx, .xls and .csv files and rows pasted from
Excel/WPS. Township files are typed by hand: numbers stored as text, phone numbers stored as numbers, every
number a float (.xls: ``1.0``), dates as real dates, as serial numbers of either of Excel's date systems,
as 20220410 or 2022年4月10日, full-width digits, stray blanks. Each reader here accepts all of those and
refuses anything else with a message code, never a guess.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from branchdesk.domain.branch_rules import BLANKS
from branchdesk.domain.enums import (
    Area,
    BranchKind,
    Tier,
)
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import parse_date
from branchdesk.domain.vocabulary import TERMS as LABELS
from branchdesk.domain.vocabulary import find_term, parse_kind, parse_tier, plain, term_name

E = TypeVar("E", bound=StrEnum)

# Day 0 of Excel's two date systems: the usual one (its 1900 leap-year bug makes serial 60 the non-existent
# 1900-02-29; real dates are later) and the 1904 one of old Mac workbooks, which a file may still use.
EPOCH_1900 = dt.date(1899, 12, 30)
EPOCH_1904 = dt.date(1904, 1, 1)
# Serial numbers read as dates only in this range (1982 … 2064): a member count is never taken for a date.
_SERIALS = range(30000, 60000)
# 20220410 typed into a cell Excel keeps as a number.
_YYYYMMDD = range(1000_01_01, 9999_12_32)


@dataclass(frozen=True)
class Uncalculated:
    """A formula cell whose file holds no result: written by a program and never calculated, so its
    value is unknown (not empty)."""

    formula: str

    def __str__(self) -> str:  # as a preview of the file shows it
        return self.formula


# Separators between the areas (六共) of one activity in one cell; blanks separate them too, except inside an
# area's English name (Civic customs).
_AREA_SEPARATORS = "、,，;；/\n"


def label(value: StrEnum) -> str:
    """The word a file uses for ``value`` (组织共建, 机关, 好 …)."""
    return term_name(value)


def blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip(BLANKS))


def _given(value: object) -> bool:
    """Whether the cell holds something; a formula without a result is refused, not taken for empty."""
    if isinstance(value, Uncalculated):
        raise BranchDeskError("cell.formula_without_value", formula=value.formula)
    return not blank(value)


def text(value: object) -> str | None:
    """A text cell; numbers stored by Excel as numbers (a phone, a code) come back without ".0"."""
    if not _given(value):
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip(BLANKS)


def whole_number(value: object) -> int | None:
    """A count: 35, 35.0, "35", "35.0", "1,200", "３５", " 35 人"; a fraction, infinity or a word is
    refused, never cut short."""
    if not _given(value):
        return None
    if isinstance(value, bool):
        raise BranchDeskError("cell.not_a_number", value=text(value) or "")
    if isinstance(value, int):
        return value
    written = unicodedata.normalize("NFKC", str(value)).strip(BLANKS).removesuffix("人").strip()
    try:
        number = float(written.replace(",", ""))
    except ValueError:
        number = math.nan
    if not number.is_integer():  # also inf and nan, which int() cannot take
        raise BranchDeskError("cell.not_a_number", value=str(value).strip(BLANKS))
    return int(number)


def decimal(value: object) -> float | None:
    """A quantity that may have a fraction: 3, 2.5, "20", "1,200.5", "２．５"; infinity or a word is
    refused."""
    if not _given(value):
        return None
    if isinstance(value, bool):
        raise BranchDeskError("cell.not_a_number", value=text(value) or "")
    if isinstance(value, int | float):
        number = float(value)
    else:
        written = unicodedata.normalize("NFKC", str(value)).strip(BLANKS).replace(",", "")
        try:
            number = float(written)
        except ValueError:
            number = math.nan
    if not math.isfinite(number):
        raise BranchDeskError("cell.not_a_number", value=str(value).strip(BLANKS))
    return number


def date(value: object, epoch: dt.date = EPOCH_1900) -> dt.date | None:
    """A date cell: a real date, a serial number counted from the workbook's ``epoch``, 20220410 kept as a
    number, or text such as 2022-04-10, 2022/4/10, 2022.4.10, 20220410 or 2022年4月10日."""
    if not _given(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        whole = int(value) if float(value).is_integer() else 0
        if whole in _SERIALS:
            return epoch + dt.timedelta(days=whole)
        if whole not in _YYYYMMDD:
            raise BranchDeskError("date.invalid", value=text(value) or "")
    written = unicodedata.normalize("NFKC", text(value) or "").strip(BLANKS)
    if len(written) == 8 and written.isdigit():  # 20220410
        written = f"{written[:4]}-{written[4:6]}-{written[6:]}"
    # "2022-04-10 00:00:00" from a CSV written by a program that kept the time
    return parse_date(written.split(" ")[0] if " " in written else written)


def term(value: object, enum: type[E]) -> E | None:
    """One of the programme's terms, by its Chinese word, a variant or its code."""
    written = text(value)
    if written is None:
        return None
    if enum is BranchKind:
        return enum(parse_kind(written).value)
    if enum is Tier:
        tier = parse_tier(written)
        return None if tier is None else enum(tier.value)
    found = find_term(written, enum)
    if found is None:
        raise BranchDeskError(
            "cell.unknown_term",
            value=written,
            choices="、".join(w[0] for w in LABELS[enum].values()),
        )
    return found


def areas(value: object) -> frozenset[Area]:
    """The six areas in one cell: 组织共建、产业共促 (any of the usual separators)."""
    written = text(value)
    if written is None:
        return frozenset()
    for separator in _AREA_SEPARATORS:
        written = written.replace(separator, "\n")
    parts = [part for part in written.split("\n") if part.strip()]
    words = [word for part in parts for word in ([part] if find_term(part, Area) else part.split())]
    return frozenset(area for area in (term(word, Area) for word in words) if area is not None)


def yes_no(value: object) -> bool:
    """是/否, 1/0, true/false (also a real boolean cell); blank is no."""
    written = text(value)
    if written is None:
        return False
    key = plain(written)
    if key in {"是", "1", "true", "yes", "y", "√", "✓"}:
        return True
    if key in {"否", "0", "false", "no", "n"}:
        return False
    raise BranchDeskError("cell.not_yes_no", value=str(value))
