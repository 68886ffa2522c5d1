"""The yearly star rating of grassroots branches (五星支部创建, DESIGN.md §11): one to five stars per branch
per year, with the day it was rated, beside the 好/中/差 tier.

A rating is typed as a clerk writes it: ``4``, ``四星``, ``★★★★``, optionally with its year (``2023 四星``,
``四星（2023年）``, the way the Branches table shows it); an empty text takes the rating away.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from branchdesk.domain.errors import BranchDeskError

STARS = (1, 2, 3, 4, 5)
# The numerals a rating is written with, 一星 … 五星.
NUMERALS = "一二三四五"
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?(?:度)?")
_BLANKS = " \t\r\n\u3000()（）,，:：、·"


@dataclass(frozen=True)
class StarRating:
    branch_id: int
    year: int
    stars: int
    rated_on: dt.date


@dataclass(frozen=True)
class TypedRating:
    """What a clerk typed: the year when given, and the stars (None: no rating)."""

    year: int | None
    stars: int | None


def _stars(text: str) -> int | None:
    """``4``, ``四``, ``四星``, ``4星``, ``★★★★`` (blank: None)."""
    if not text:
        return None
    if set(text) <= {"★", "☆"} and "★" in text:
        return text.count("★")
    word = text
    for suffix in ("支部", "级", "星"):
        word = word.removesuffix(suffix)
    if word.isdigit() and int(word) in STARS:
        return int(word)
    if len(word) == 1 and word in NUMERALS:
        return NUMERALS.index(word) + 1
    raise BranchDeskError("stars.unknown", value=text)


def parse_rating(text: str) -> TypedRating:
    """A rating as typed; refused with ``stars.unknown`` when it names no number of stars from one to five."""
    plain = unicodedata.normalize("NFKC", text).strip(_BLANKS)
    year_match = _YEAR.search(plain)
    year = int(year_match.group(1)) if year_match else None
    rest = (plain[: year_match.start()] + plain[year_match.end() :]) if year_match else plain
    rest = "".join(character for character in rest if character not in _BLANKS)
    if year is not None and not rest:
        raise BranchDeskError("stars.unknown", value=text)
    try:
        return TypedRating(year, _stars(rest))
    except BranchDeskError:
        raise BranchDeskError("stars.unknown", value=text) from None


def check_rating(year: int, rated_on: dt.date, today: dt.date, *, grassroots: bool) -> None:
    """Only grassroots branches are rated; a year's rating is given during that year or after it (the
    county rates the year just past early in the next), never in the future."""
    if not grassroots:
        raise BranchDeskError("stars.not_grassroots")
    if year > today.year:
        raise BranchDeskError("stars.future_year", year=year)
    if rated_on > today:
        raise BranchDeskError("stars.rated_in_future", day=rated_on.isoformat())
    if rated_on.year < year:
        raise BranchDeskError("stars.rated_before_year", day=rated_on.isoformat(), year=year)
