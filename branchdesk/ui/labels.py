"""Display names of the programme's terms, through the translation catalogue."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QLocale

from branchdesk.domain.enums import ActivityType, Area, BranchKind, RegionLevel, Tier, UnitLevel
from branchdesk.i18n.language import CHINESE, ENGLISH, format_date
from branchdesk.i18n.noop import QT_TRANSLATE_NOOP

_KIND = {
    BranchKind.ORGAN: QT_TRANSLATE_NOOP("Labels", "Organ"),
    BranchKind.VILLAGE: QT_TRANSLATE_NOOP("Labels", "Village"),
    BranchKind.COMMUNITY: QT_TRANSLATE_NOOP("Labels", "Community"),
    BranchKind.GRID: QT_TRANSLATE_NOOP("Labels", "Grid"),
}
_TIER = {
    Tier.STRONG: QT_TRANSLATE_NOOP("Labels", "Strong"),
    Tier.AVERAGE: QT_TRANSLATE_NOOP("Labels", "Average"),
    Tier.WEAK: QT_TRANSLATE_NOOP("Labels", "Weak"),
}
_LEVEL = {
    RegionLevel.CITY: QT_TRANSLATE_NOOP("Labels", "City"),
    RegionLevel.COUNTY: QT_TRANSLATE_NOOP("Labels", "County/district"),
    RegionLevel.TOWNSHIP: QT_TRANSLATE_NOOP("Labels", "Township"),
}
_UNIT_LEVEL = {
    UnitLevel.CITY: QT_TRANSLATE_NOOP("Labels", "City-level unit"),
    UnitLevel.COUNTY: QT_TRANSLATE_NOOP("Labels", "County-level unit"),
    UnitLevel.CENTRAL: QT_TRANSLATE_NOOP("Labels", "Central or provincial unit based here"),
}
_UNGRADED = QT_TRANSLATE_NOOP("Labels", "Ungraded")
_ACTIVITY_TYPE = {
    ActivityType.THEMED_DAY: QT_TRANSLATE_NOOP("Labels", "Themed Party day"),
    ActivityType.LECTURE: QT_TRANSLATE_NOOP("Labels", "Party lecture"),
    ActivityType.KEY_TASK: QT_TRANSLATE_NOOP("Labels", "Key task"),
    ActivityType.VISIT: QT_TRANSLATE_NOOP("Labels", "Visit"),
    ActivityType.VOLUNTEER: QT_TRANSLATE_NOOP("Labels", "Volunteer service"),
    ActivityType.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
}
_AREA = {
    Area.ORGANISATION: QT_TRANSLATE_NOOP("Labels", "Organisation"),
    Area.TEAM: QT_TRANSLATE_NOOP("Labels", "Team"),
    Area.INDUSTRY: QT_TRANSLATE_NOOP("Labels", "Industry"),
    Area.SERVICE: QT_TRANSLATE_NOOP("Labels", "Service"),
    Area.CUSTOMS: QT_TRANSLATE_NOOP("Labels", "Civic customs"),
    Area.PRACTICAL: QT_TRANSLATE_NOOP("Labels", "Practical matters"),
}


def kind_label(kind: BranchKind) -> str:
    return QCoreApplication.translate("Labels", _KIND[kind])


def tier_label(tier: Tier | None) -> str:
    return QCoreApplication.translate("Labels", _UNGRADED if tier is None else _TIER[tier])


def activity_type_label(activity_type: ActivityType) -> str:
    return QCoreApplication.translate("Labels", _ACTIVITY_TYPE[activity_type])


def area_label(area: Area) -> str:
    return QCoreApplication.translate("Labels", _AREA[area])


def level_label(level: RegionLevel) -> str:
    return QCoreApplication.translate("Labels", _LEVEL[level])


def unit_level_label(level: UnitLevel) -> str:
    return QCoreApplication.translate("Labels", _UNIT_LEVEL[level])


def current_language() -> str:
    """The installed language: ``Translations.install`` sets the default locale with the catalogue."""
    return CHINESE if QLocale().language() == QLocale.Language.Chinese else ENGLISH


def date_text(day: dt.date | None) -> str:
    return "" if day is None else format_date(day, current_language())


def moment_text(moment: dt.datetime) -> str:
    """2022年5月19日 09:00 in Chinese; ISO-like in English."""
    return f"{date_text(moment.date())} {moment:%H:%M}"
