from __future__ import annotations

import pytest

from branchdesk.domain.enums import RegionLevel
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.records import Region
from branchdesk.domain.regions import resolve_region


def region(id_: int, path: str, code: str | None = None) -> Region:
    level = [RegionLevel.CITY, RegionLevel.COUNTY, RegionLevel.TOWNSHIP][path.count("/")]
    return Region(id_, f"u{id_}", path.rsplit("/", 1)[-1], level, None, code, path)


REGIONS = [
    region(1, "信阳市", "411500"),
    region(2, "信阳市/潢川县", "411526"),
    region(3, "信阳市/固始县", "411525"),
    region(4, "信阳市/潢川县/城关镇"),
    region(5, "信阳市/固始县/城关镇"),
    region(6, "信阳市/潢川县/仁和镇"),
]


@pytest.mark.parametrize(
    ("query", "found"),
    [("仁和镇", 6), ("411526", 2), ("信阳市/固始县/城关镇", 5), ("潢川县/城关镇", 4), (" 固始县 ", 3)],
)
def test_names_paths_and_codes(query: str, found: int) -> None:
    assert resolve_region(query, REGIONS).id == found


def test_ambiguous_name_lists_the_candidates() -> None:
    with pytest.raises(BranchDeskError) as caught:
        resolve_region("城关镇", REGIONS)
    assert caught.value.code == "region.ambiguous"
    assert caught.value.params["candidates"] == "信阳市/固始县/城关镇; 信阳市/潢川县/城关镇"


@pytest.mark.parametrize("query", ["光山县", "", "信阳市/光山县"])
def test_unknown_region(query: str) -> None:
    with pytest.raises(BranchDeskError, match=r"region\.not_found"):
        resolve_region(query, REGIONS)
