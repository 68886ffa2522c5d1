"""Sort keys that order names as Excel/WPS order Chinese: by pinyin, with the numbers in a name in numeric
order (第2网格 before 第10网格, 第二网格 before 第三网格 before 第十网格).

A key is a string compared byte by byte (SQLite's BINARY collation), so that the database sorts by an
indexed column at the speed of sorting by the name itself. Each character or number of the name becomes one
token; no token is a prefix of another, so comparing two keys compares the names token by token:

- other characters (punctuation, symbols): ``0`` and the character;
- a number, in Arabic digits or (after the first character) Chinese numerals: ``1``, its digit count as one
  character, then its digits;
- a Latin letter, case ignored: ``2`` and the letter;
- a Chinese character: ``3``, its pinyin with the tone as a digit (``zhong1``), then the character itself, so
  that different characters with one reading stay apart; one that pypinyin does not know: ``4`` and it.

As in Excel, a character with several readings (重, 长, 行) sorts by its usual one: pypinyin's first reading
of the character alone, never guessed from the words around it. Blanks are left out. :data:`PATH_SEPARATOR`
sorts before every token, so a parent's key, the separator and a child's key sort a region path by its parts.
"""

from __future__ import annotations

import functools
import os
import unicodedata
from collections.abc import Callable

PATH_SEPARATOR = " "

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_TENS = {"十": 10, "百": 100, "千": 1000}


def name_key(name: str) -> str:
    """The sort key of ``name``; the same name always gets the same key."""
    text = unicodedata.normalize("NFKC", name)
    tokens: list[str] = []
    i = 0
    while i < len(text):
        end = _number_end(text, i)
        if end > i:
            tokens.append(_number_token(_number_value(text[i:end])))
            i = end
            continue
        if not text[i].isspace():
            tokens.append(_char_token(text[i]))
        i += 1
    return "".join(tokens)


def _number_end(text: str, start: int) -> int:
    """Where the number starting at ``start`` ends (``start`` itself when none starts there): a run of
    Arabic digits, or of Chinese numerals after the first character (第二网格, 城关社区三网格).

    A name that begins with a numeral is a place name (三河尖镇, 十里镇, 八里岔乡) and keeps its pinyin
    place, as 百 and 千 do unless they follow a digit (百花社区, 千佛村, but 一百, 三千)."""
    end = start
    if text[start].isascii():
        while end < len(text) and text[end].isascii() and text[end].isdigit():
            end += 1
        return end
    if start == 0:
        return end
    while end < len(text) and (
        text[end] in _DIGITS
        or text[end] == "十"
        or (text[end] in _TENS and end > start and text[end - 1] in _DIGITS)
    ):
        end += 1
    return end


def _number_value(numeral: str) -> int:
    if numeral.isascii():
        return int(numeral)
    if not any(char in _TENS for char in numeral):  # 二〇二三: digit by digit
        return int("".join(str(_DIGITS[char]) for char in numeral))
    total, digit = 0, 0
    for char in numeral:
        if char in _TENS:
            total += (digit or 1) * _TENS[char]
            digit = 0
        else:
            digit = _DIGITS[char]
    return total + digit


def _number_token(value: int) -> str:
    digits = str(value)
    return f"1{chr(ord('A') + len(digits))}{digits}"


@functools.cache
def _char_token(char: str) -> str:
    if char.isascii() and char.isalpha():
        return f"2{char.lower()}"
    if not unicodedata.name(char, "").startswith("CJK "):
        return f"0{char}"
    reading = _reader()(char)
    if not reading:
        return f"4{char}"
    return f"3{reading}{'' if reading[-1].isdigit() else '5'}{char}"


@functools.cache
def _reader() -> Callable[[str], str]:
    """pypinyin's reading of one character, imported on first use (most starts write no name)."""
    # Keys are per character: the phrase dictionary (2.5 MB, 0.15 s to load) is not needed, and build.spec
    # leaves it out of the installer. pypinyin reads these variables when it is first imported.
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")
    from pypinyin import Style, lazy_pinyin

    def read(char: str) -> str:
        found = lazy_pinyin(char, style=Style.TONE3, neutral_tone_with_five=True, errors="ignore")
        return found[0] if found else ""

    return read
