"""Chinese puts no space between its words and a name, place or period set into a sentence: 沿用2023年下半年的
清单, not 沿用 2023年下半年 的清单. Numbers, keys and paths keep their spaces, and so do file names."""

from __future__ import annotations

import re

from branchdesk.i18n.messages import DATE_PARAMS
from tests.i18n.test_catalogue import TS, entries

# Placeholders that put Chinese words into the sentence (a half-year, a region or office, branch names).
WORDS = ("half_year", "region", "scope", "office", "sender", "names", "where", "when", "pairing")
CHINESE = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”]"
WORD = rf"\{{(?:{'|'.join(WORDS)})\}}"
SPACED = re.compile(rf"(?<={CHINESE}) +{WORD}|{WORD} +(?={CHINESE})")
# Names of files the window suggests: their parts stay apart, as an office names its files.
FILE_NAMES = {
    "{office} seed package {day}",
    "{office} full package {day}",
    "{office} changes {day}",
    "{scope} Word ledger {months}.docx",
    "Agreement {pairing}.{suffix}",
    "Sign-in sheet {pairing}.docx",
}


def test_no_space_around_words_set_into_a_chinese_sentence() -> None:
    spaced = [
        (source, translation.text)
        for (_context, source), translation in entries(TS).items()
        if source not in FILE_NAMES and SPACED.search(translation.text or "")
    ]
    assert spaced == []


# The dates, months and spans message_text sets into a message are Chinese words too (2022年4月16日); a
# parameter of those names that is a number (第 {day} 天, {day} 日, 第 {first} 项) keeps its spaces.
DATES = rf"(?<!第 )\{{(?:{'|'.join(sorted(DATE_PARAMS))})\}}(?! *[日月天项号条行列])"
DATE_SPACED = re.compile(rf"(?<={CHINESE}) +{DATES}|{DATES} +(?={CHINESE})")


def test_no_space_around_dates_set_into_a_chinese_message() -> None:
    spaced = [
        (source, translation.text)
        for (context, source), translation in entries(TS).items()
        if context == "Messages" and DATE_SPACED.search(translation.text or "")
    ]
    assert spaced == []
