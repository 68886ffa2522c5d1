"""Display names of the programme's terms, through the translation catalogue."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from branchdesk.domain.enums import (
    ActivityType,
    Area,
    BranchKind,
    EndReason,
    PairingMethod,
    RegionLevel,
    Tier,
    UnitLevel,
)
from branchdesk.domain.vocabulary import UNGRADED_ENGLISH, english_name
from branchdesk.i18n.language import current_language as current_language
from branchdesk.i18n.language import format_date, format_moment
from branchdesk.i18n.noop import QT_TRANSLATE_NOOP


def term_label(value: StrEnum) -> str:
    """A value's name in the window's language; its English source is the vocabulary's (imports read it)."""
    return QCoreApplication.translate("Labels", english_name(value))


def kind_label(kind: BranchKind) -> str:
    return term_label(kind)


def tier_label(tier: Tier | None) -> str:
    return QCoreApplication.translate("Labels", UNGRADED_ENGLISH) if tier is None else term_label(tier)


_STARS = (
    QT_TRANSLATE_NOOP("Labels", "Not rated"),
    QT_TRANSLATE_NOOP("Labels", "One star"),
    QT_TRANSLATE_NOOP("Labels", "Two stars"),
    QT_TRANSLATE_NOOP("Labels", "Three stars"),
    QT_TRANSLATE_NOOP("Labels", "Four stars"),
    QT_TRANSLATE_NOOP("Labels", "Five stars"),
)


def star_label(stars: int | None) -> str:
    """一星 … 五星 (None or 0: not rated)."""
    return QCoreApplication.translate("Labels", _STARS[stars or 0])


def rating_text(stars: int | None, year: int | None) -> str:
    """A branch's rating with its year, as the Branches table shows it and reads it back: 四星（2023）."""
    if stars is None or year is None:
        return ""
    return QCoreApplication.translate("Labels", "{stars} ({year})").format(stars=star_label(stars), year=year)


def activity_type_label(activity_type: ActivityType) -> str:
    return term_label(activity_type)


def area_label(area: Area) -> str:
    return term_label(area)


def level_label(level: RegionLevel) -> str:
    return term_label(level)


def unit_level_label(level: UnitLevel) -> str:
    return term_label(level)


def method_label(method: PairingMethod) -> str:
    return term_label(method)


def reason_label(reason: EndReason) -> str:
    return term_label(reason)


def date_text(day: dt.date | None) -> str:
    return "" if day is None else format_date(day, current_language())


def moment_text(moment: dt.datetime) -> str:
    return format_moment(moment, current_language())
