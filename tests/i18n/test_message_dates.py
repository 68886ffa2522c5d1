"""Dates, months and spans set into messages read as a Chinese clerk writes them (2022年4月16日, 2022年4月),
as the file keeps them in English (ISO); what the clerk typed and numbered days or months stay as given."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication

from branchdesk.domain.months import Month
from branchdesk.i18n.language import CHINESE, ENGLISH, Translations, current_language
from branchdesk.i18n.messages import DATE_PARAMS, MESSAGES, message_text

PLACEHOLDER = re.compile(r"\{(\w+)")
ISO = re.compile(r"\d{4}-\d{2}")


def _sample(name: str) -> str:
    """A value of parameter ``name`` as the raise sites give it: the file's ISO text."""
    if name in {"month", "first", "last"}:
        return "2022-04"
    if name.endswith("span"):
        return "2022-04-16–2022-06-30"
    if name == "at":
        return "2022-04-16T09:05:00+08:00"
    return "2022-04-16"


DATED = sorted(code for code, text in MESSAGES.items() if set(PLACEHOLDER.findall(text)) & DATE_PARAMS)


@pytest.fixture
def speak(qapp: object) -> Iterator[Translations]:
    translations = Translations(QCoreApplication.instance())  # type: ignore[arg-type]
    yield translations
    translations.remove()


def _render(code: str) -> str:
    names = PLACEHOLDER.findall(MESSAGES[code])
    return message_text(code, **{name: _sample(name) if name in DATE_PARAMS else "X" for name in names})


@pytest.mark.parametrize("code", DATED)
def test_every_dated_message_reads_chinese_dates_in_chinese_and_iso_in_english(
    code: str, speak: Translations
) -> None:
    speak.install(CHINESE)
    chinese = _render(code)
    assert not ISO.search(chinese), chinese
    assert "2022年4月" in chinese, chinese
    speak.install(ENGLISH)
    english = _render(code)
    assert "2022-04" in english, english
    assert "年" not in english, english


def test_the_dates_of_an_activity_in_the_future(speak: Translations) -> None:
    speak.install(CHINESE)
    text = message_text("activity.in_future", date="2026-12-10", today="2026-12-06")
    assert text == "日期2026年12月10日晚于今天（2026年12月6日）；活动开展后再登记。"
    speak.install(ENGLISH)
    text = message_text("activity.in_future", date="2026-12-10", today="2026-12-06")
    assert (
        text
        == "The date 2026-12-10 is in the future (today is 2026-12-06); record an activity once it is held."
    )


def test_a_locked_month_as_the_file_keeps_it(speak: Translations) -> None:
    speak.install(CHINESE)
    assert (
        message_text("month.already_locked", month="2022-04", region="信阳市") == "2022年4月已对信阳市锁定。"
    )
    speak.install(ENGLISH)
    assert message_text("month.already_locked", month="2022-04", region="信阳市") == (
        "2022-04 is already locked for 信阳市."
    )


def test_spans_open_and_closed_and_a_moment(speak: Translations) -> None:
    speak.install(CHINESE)
    overlap = message_text(
        "rule.pairing_overlap",
        branch="村1",
        pairing="甲",
        span="2022-04-10–…",
        other="乙",
        other_span="2022-04-20–2022-05-01",
    )
    assert "“甲”（2022年4月10日起）与“乙”（2022年4月20日至2022年5月1日）" in overlap
    broken = message_text("check.chain_broken", id=7, at="2022-05-19T09:05:00+08:00")
    assert "第 7 条（2022年5月19日 09:05）" in broken
    speak.install(ENGLISH)
    overlap = message_text(
        "rule.pairing_overlap", branch="b", pairing="p", span="2022-04-10–…", other="q", other_span="x"
    )
    assert "p (2022-04-10–…)" in overlap


def test_dates_given_as_values_are_formatted_in_either_language(speak: Translations) -> None:
    speak.install(CHINESE)
    assert current_language() == CHINESE
    assert message_text("branch.date_in_future", date=dt.date(2030, 1, 1)) == "日期2030年1月1日在今天之后。"
    assert message_text("month.not_locked", month=Month(2023, 6)) == "2023年6月没有锁定，无需解锁。"
    speak.install(ENGLISH)
    assert (
        message_text("month.not_locked", month=Month(2023, 6))
        == "2023-06 is not locked; there is nothing to unlock."
    )


def test_what_was_typed_and_numbered_days_and_months_stay_as_given(speak: Translations) -> None:
    speak.install(CHINESE)
    # The clerk's own text is quoted back as typed, even when it looks like a date.
    assert message_text("date.no_such_month", value="2022-13-01", month=13) == (
        "“2022-13-01”不是日期：没有13月（月份为1至12）。"
    )
    assert message_text("month.invalid", value="2023-06x").startswith("“2023-06x”不是月份")
    # Shaped like a date but none: as it came, rather than no message at all.
    assert message_text("branch.date_in_future", date="2022-02-30") == "日期2022-02-30在今天之后。"
    # Numbers of days, changes and columns are numbers.
    assert "第 12 项" in message_text("package.gap", sender="城关镇", path="a.bdx", first=12, last=9)
    assert "从 5 日起" in message_text("team.paste_columns", columns=3, day=5, days_left=2)


def test_removing_the_translations_gives_back_the_language_spoken_before(speak: Translations) -> None:
    before = current_language()
    speak.install(CHINESE if before == ENGLISH else ENGLISH)
    speak.remove()
    assert current_language() == before
