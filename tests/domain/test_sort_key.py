"""Names sort as Excel/WPS sort Chinese: by pinyin, with the numbers in a name in numeric order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from branchdesk.domain.sort_key import PATH_SEPARATOR, name_key


def excel_order(names: list[str]) -> list[str]:
    return sorted(names, key=name_key)


def chinese(number: int) -> str:
    """``number`` (1–9999) in Chinese numerals as a clerk writes it: 十一, 二十, 一百零五, 三千二百."""
    digits = "零一二三四五六七八九"
    text, pending_zero = "", False
    for power, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // power % 10
        if digit == 0:
            pending_zero = bool(text)
            continue
        if pending_zero:
            text += "零"
            pending_zero = False
        text += ("" if (unit == "十" and not text and digit == 1) else digits[digit]) + unit
    return text


def test_pinyin_not_code_points() -> None:
    # In code-point order 张 (U+5F20) comes before 陈 (U+9648) and 郑 before 陈; a clerk looks under C, Z.
    names = ["郑庄村", "张湾村", "陈湾村", "安康村", "白庙村"]
    assert sorted(names) != excel_order(names)
    assert excel_order(names) == ["安康村", "白庙村", "陈湾村", "张湾村", "郑庄村"]


def test_numbers_in_names_in_numeric_order_arabic_and_chinese() -> None:
    names = [
        "第10网格",
        "第2网格",
        "第十网格",
        "第三网格",
        "第二网格",
        "第一百零一网格",
        "第二十三网格",
        "第9网格",
    ]
    assert excel_order(names) == [
        "第2网格",
        "第二网格",
        "第三网格",
        "第9网格",
        "第10网格",
        "第十网格",
        "第二十三网格",
        "第一百零一网格",
    ]
    assert excel_order(["城关社区3网格", "城关社区12网格", "城关社区二网格"]) == [
        "城关社区二网格",
        "城关社区3网格",
        "城关社区12网格",
    ]


def test_a_place_name_that_begins_with_a_numeral_keeps_its_pinyin_place() -> None:
    names = ["十里镇", "白店乡", "三河尖镇", "八里岔乡", "百花社区", "千佛村", "陈店乡"]
    assert excel_order(names) == ["八里岔乡", "白店乡", "百花社区", "陈店乡", "千佛村", "三河尖镇", "十里镇"]


def test_digits_and_latin_letters_before_chinese_case_and_width_ignored() -> None:
    assert excel_order(["安康村", "b区", "A区", "１号网格", "2号网格"]) == [
        "１号网格",
        "2号网格",
        "A区",
        "b区",
        "安康村",
    ]
    assert name_key("ＡＢＣ") == name_key("abc")
    assert name_key("城关 一网格") == name_key("城关一网格")


def test_a_shorter_name_first_and_same_reading_characters_kept_apart() -> None:
    assert excel_order(["城关镇党支部", "城关镇"]) == ["城关镇", "城关镇党支部"]
    # 李 and 里 read li3 alike: distinct keys, in a fixed order.
    assert name_key("李店乡") != name_key("里店乡")


def test_a_polyphonic_character_sorts_by_its_usual_reading() -> None:
    """As Excel does: per character, its usual reading (重 zhòng), not the one its word would need."""
    assert excel_order(["重庆路社区", "张湾村", "周河乡"]) == ["张湾村", "重庆路社区", "周河乡"]


def test_a_region_path_sorts_by_its_parts() -> None:
    def label(*parts: str) -> str:
        return PATH_SEPARATOR.join(name_key(part) for part in parts)

    paths = [
        ("固始县", "城关镇"),
        ("固始县",),
        ("潢川县", "仁和镇"),
        ("固始县 东", "安康镇"),
        ("潢川县", "城关镇"),
    ]
    assert sorted(paths, key=lambda path: label(*path)) == [
        ("固始县",),
        ("固始县", "城关镇"),
        ("固始县 东", "安康镇"),
        ("潢川县", "城关镇"),
        ("潢川县", "仁和镇"),
    ]


@given(st.integers(1, 9999), st.integers(1, 9999))
def test_any_two_numbers_compare_as_numbers(first: int, second: int) -> None:
    for write in (str, chinese):
        ordered = name_key(f"第{write(first)}网格") < name_key(f"第{write(second)}网格")
        assert ordered == (first < second), (write(first), write(second))
    assert name_key(f"第{chinese(first)}组") == name_key(f"第{first}组")
