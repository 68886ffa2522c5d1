"""Choosing and installing the UI language, and formatting dates and numbers the way readers expect."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from branchdesk.i18n.noop import QT_TRANSLATE_NOOP
from branchdesk.resources import resources_dir

if TYPE_CHECKING:
    from branchdesk.domain.months import HalfYear

CHINESE = "zh_CN"
ENGLISH = "en"
DEFAULT_LANGUAGE = CHINESE
LANGUAGES = (CHINESE, ENGLISH)
LANGUAGE_NAMES = {CHINESE: "简体中文", ENGLISH: "English"}  # each in its own language

# Texts of Qt's own file dialog that Qt's Chinese catalogue (qtbase_zh_CN) lacks (Qt 6 gave labels access
# keys; its file types are new): Qt asks every installed catalogue, so ours answers these.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
)


def normalise(language: str | None) -> str:
    if language is None:
        return DEFAULT_LANGUAGE
    lowered = language.replace("-", "_").lower()
    if lowered.startswith("zh"):
        return CHINESE
    if lowered.startswith("en"):
        return ENGLISH
    return DEFAULT_LANGUAGE


def _own_translator(parent: QCoreApplication | None = None) -> QTranslator:
    own = QTranslator(parent)
    if not own.load(str(resources_dir() / "translations" / "branchdesk_zh_CN.qm")):
        raise FileNotFoundError("branchdesk_zh_CN.qm is missing from the resources folder")
    return own


def catalogue(language: str) -> Callable[[str, str], str]:
    """``(context, source) -> text`` without an application object: ``branchdesk --help`` needs no window
    system, and Qt installs translators only into an application."""
    if normalise(language) != CHINESE:
        return lambda context, source: source
    own = _own_translator()
    return lambda context, source: own.translate(context, source) or source


class Translations:
    """The translators installed for one language; switching removes the old ones first."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = ENGLISH
        self.qt_dialogs_translated = False  # Qt's own Chinese, which a frozen bundle could lose
        self._locale_before: QLocale | None = None

    def remove(self) -> None:
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        if self._locale_before is not None:
            # Dates follow the words (current_language): back to the language spoken before install.
            QLocale.setDefault(self._locale_before)
            self._locale_before = None

    def install(self, language: str) -> str:
        language = normalise(language)
        self.remove()
        self._locale_before = QLocale()
        if language == CHINESE:
            self._installed.append(_own_translator(self._app))
            # Qt's own dialogs (file pickers, message box buttons) in Chinese too.
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qt_base = QTranslator(self._app)
            self.qt_dialogs_translated = qt_base.load("qtbase_zh_CN", qt_dir)
            if self.qt_dialogs_translated:
                self._installed.append(qt_base)
        for translator in self._installed:
            self._app.installTranslator(translator)
        QLocale.setDefault(
            QLocale(QLocale.Language.Chinese, QLocale.Country.China)
            if language == CHINESE
            else QLocale(QLocale.Language.English)
        )
        self.language = language
        return language


def current_language() -> str:
    """The installed language: ``Translations.install`` sets the default locale with the catalogue."""
    return CHINESE if QLocale().language() == QLocale.Language.Chinese else ENGLISH


def format_date(day: dt.date, language: str) -> str:
    """2022年5月19日 in Chinese; ISO (unambiguous) in English."""
    if language == CHINESE:
        return f"{day.year}年{day.month}月{day.day}日"
    return day.isoformat()


def format_month(year: int, month: int, language: str) -> str:
    if language == CHINESE:
        return f"{year}年{month}月"
    return f"{year}-{month:02d}"


def format_moment(moment: dt.datetime, language: str) -> str:
    """2022年5月19日 09:00 in Chinese; 2022-05-19 09:00 in English (the clock's own time, as recorded)."""
    return f"{format_date(moment.date(), language)} {moment:%H:%M}"


def format_span(first: dt.date, last: dt.date | None, language: str) -> str:
    """The days from ``first`` to ``last`` (None: not ended): 2022年1月1日至2022年6月30日, 2022年1月1日起;
    2022-01-01–2022-06-30, 2022-01-01–… in English."""
    if language == CHINESE:
        start = format_date(first, language)
        return f"{start}起" if last is None else f"{start}至{format_date(last, language)}"
    return f"{first.isoformat()}–{'…' if last is None else last.isoformat()}"


_HALVES = (QT_TRANSLATE_NOOP("HalfYear", "{year} H1"), QT_TRANSLATE_NOOP("HalfYear", "{year} H2"))


def format_half_year(half_year: HalfYear) -> str:
    """2022年上半年 in Chinese, 2022 H1 in English (the file keeps 2022-H1)."""
    return QCoreApplication.translate("HalfYear", _HALVES[half_year.half - 1]).format(year=half_year.year)


def format_count(value: int) -> str:
    """Thousands separated by commas, as both Chinese and English readers of official figures expect."""
    return f"{value:,}"


def format_rate(rate: str | None) -> str:
    return "—" if rate is None else f"{rate}%"
