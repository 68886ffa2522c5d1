"""Cells of a spreadsheet read as the ledger's values: texts, whole numbers, dates and the programme's terms.

Township files are typed by hand in Excel or WPS: numbers stored as text, phone numbers stored as numbers,
dates as real dates, as Excel serial numbers or as 2022年4月10日, full-width digits, stray blanks. Each
reader here accepts all of those and refuses anything else with a message code, never a guess.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
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

# Excel's day 0 (its 1900 leap-year bug makes serial 60 the non-existent 1900-02-29; real dates are later).
_EXCEL_EPOCH = dt.date(1899, 12, 30)
# Serial numbers read as dates only in this range (1982 … 2064): a member count is never taken for a date.
_SERIALS = range(30000, 60000)

# Separators between the areas (六共) of one activity in one cell.
_AREA_SEPARATORS = "、,，;；/ \u3000\n"


def label(value: StrEnum) -> str:
    """The word a file uses for ``value`` (组织共建, 机关, 好 …)."""
    return term_name(value)


def blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip(BLANKS))


def text(value: object) -> str | None:
    """A text cell; numbers stored by Excel as numbers (a phone, a code) come back without ".0"."""
    if blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip(BLANKS)


def whole_number(value: object) -> int | None:
    """A count: 35, 35.0, "35", "３５", " 35 人"; a fraction or a word is refused."""
    if blank(value):
        return None
    if isinstance(value, bool):
        raise BranchDeskError("cell.not_a_number", value=str(value))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise BranchDeskError("cell.not_a_number", value=str(value))
    written = unicodedata.normalize("NFKC", str(value)).strip(BLANKS).removesuffix("人").strip()
    if written.isascii() and written.lstrip("-").isdigit():
        return int(written)
    raise BranchDeskError("cell.not_a_number", value=str(value))


def date(value: object) -> dt.date | None:
    """A date cell: a real date, an Excel serial number, or text such as 2022-04-10 or 2022年4月10日."""
    if blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and int(value) in _SERIALS:
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise BranchDeskError("date.invalid", value=text(value) or "")
    written = unicodedata.normalize("NFKC", str(value)).strip(BLANKS)
    if len(written) == 8 and written.isdigit():  # 20220410
        written = f"{written[:4]}-{written[4:6]}-{written[6:]}"
    # "2022-04-10 00:00:00" from a CSV written by a program that kept the time
    return parse_date(written.split(" ")[0] if " " in written else written)


def term(value: object, enum: type[E]) -> E | None:
    """One of the programme's terms, by its Chinese word, a variant or its code."""
    if blank(value):
        return None
    if enum is BranchKind:
        return enum(parse_kind(str(value)).value)
    if enum is Tier:
        tier = parse_tier(str(value))
        return None if tier is None else enum(tier.value)
    found = find_term(str(value), enum)
    if found is None:
        raise BranchDeskError(
            "cell.unknown_term",
            value=str(value).strip(),
            choices="、".join(w[0] for w in LABELS[enum].values()),
        )
    return found


def areas(value: object) -> frozenset[Area]:
    """The six areas in one cell: 组织共建、产业共促 (any of the usual separators)."""
    if blank(value):
        return frozenset()
    written = str(value)
    for separator in _AREA_SEPARATORS:
        written = written.replace(separator, "\n")
    found = (term(part, Area) for part in written.split("\n") if part.strip())
    return frozenset(area for area in found if area is not None)


def yes_no(value: object) -> bool:
    """是/否, 1/0, true/false; blank is no."""
    if blank(value):
        return False
    key = plain(text(value) or "")
    if key in {"是", "1", "true", "yes", "y", "√", "✓"}:
        return True
    if key in {"否", "0", "false", "no", "n"}:
        return False
    raise BranchDeskError("cell.not_yes_no", value=str(value))
