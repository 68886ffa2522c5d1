"""The region chain a new ledger is made for: typed townships, codes in chain order, every broken rule."""

from __future__ import annotations

import pytest

from branchdesk.domain.errors import BranchDeskError, InvalidRecordError
from branchdesk.domain.region_chain import (
    NamedRegion,
    RegionChain,
    chain_problems,
    parse_chain,
    township_lines,
)


def test_townships_one_a_line_with_optional_codes_as_typed_or_pasted_from_excel() -> None:
    text = "城关镇 411526100\n\n春申街道\n  仁和镇\t411526104 \n双柳树镇，411526105\n"
    assert township_lines(text) == (
        NamedRegion("城关镇", "411526100"),
        NamedRegion("春申街道"),
        NamedRegion("仁和镇", "411526104"),
        NamedRegion("双柳树镇", "411526105"),
    )


def test_parse_chain_puts_fewer_codes_on_the_last_levels() -> None:
    assert parse_chain(" 信阳市 / 潢川县 /城关镇", ["411526100"]) == RegionChain(
        NamedRegion("信阳市"), NamedRegion("潢川县"), (NamedRegion("城关镇", "411526100"),)
    )
    assert parse_chain("信阳市/潢川县", ["411500", ""]) == RegionChain(
        NamedRegion("信阳市", "411500"), NamedRegion("潢川县")
    )
    assert parse_chain("信阳市") == RegionChain(NamedRegion("信阳市"))


@pytest.mark.parametrize(
    ("path", "codes", "code"),
    [
        ("信阳市/潢川县/城关镇/东街村", [], "chain.too_deep"),
        ("信阳市", ["1", "2"], "chain.too_many_codes"),
        ("/潢川县", [], "chain.city_required"),
        ("信阳市//城关镇", [], "chain.county_required"),
        ("信阳市//城关镇", ["", "411526", ""], "chain.name_required"),
    ],
)
def test_parse_chain_refuses(path: str, codes: list[str], code: str) -> None:
    with pytest.raises(BranchDeskError) as raised:
        parse_chain(path, codes)
    assert raised.value.code == code


def test_every_problem_of_a_chain_is_named_at_once() -> None:
    chain = RegionChain(
        NamedRegion(" ", "411500"),
        None,
        (NamedRegion("城关镇", "411500"), NamedRegion("城关镇")),
    ).cleaned()
    assert [(p.field, p.code) for p in chain_problems(chain)] == [
        ("city", "chain.city_required"),
        ("county", "chain.county_required"),
        ("township1", "chain.duplicate_township"),
        ("township0", "region.duplicate_code"),
    ]
    with pytest.raises(InvalidRecordError):
        parse_chain("信阳市/潢川县", ["411526", "411526"])


def test_an_empty_county_is_no_county() -> None:
    chain = RegionChain(NamedRegion("信阳市"), NamedRegion(" ", " ")).cleaned()
    assert chain.county is None
    assert chain.describe() == "信阳市"


def test_home_is_the_office_s_own_region() -> None:
    city, county = NamedRegion("信阳市"), NamedRegion("潢川县")
    assert RegionChain(city, county, (NamedRegion("城关镇"),)).home() == "信阳市/潢川县/城关镇"
    assert (
        RegionChain(city, county, (NamedRegion("城关镇"), NamedRegion("春申街道"))).home() == "信阳市/潢川县"
    )
    assert RegionChain(city).home() == "信阳市"
