"""Rules the database itself holds, whatever program writes to it."""

from __future__ import annotations

import pytest

from branchdesk.domain.enums import BranchKind, EndReason, Tier, UnitLevel
from branchdesk.domain.errors import BranchDeskError
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder


@pytest.fixture
def pairs(build: LedgerBuilder) -> dict[str, int]:
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    organs = build.organs(unit, tree["huangchuan"], 2)
    villages = build.villages(tree["hc_chengguan"], 2)
    return {"o1": organs[0], "o2": organs[1], "v1": villages[0], "v2": villages[1], **tree, "unit": unit}


def code_of(action: object) -> str:
    with pytest.raises(BranchDeskError) as caught:
        action()  # type: ignore[operator]
    return caught.value.code


def test_one_open_pairing_per_organ_branch(build: LedgerBuilder, pairs: dict[str, int]) -> None:
    build.pair(pairs["o1"], pairs["v1"], "2022-04-10")
    assert (
        code_of(lambda: build.pair(pairs["o1"], pairs["v2"], "2022-04-11")) == "pairing.organ_already_paired"
    )


def test_one_open_pairing_per_grassroots_branch(build: LedgerBuilder, pairs: dict[str, int]) -> None:
    build.pair(pairs["o1"], pairs["v1"], "2022-04-10")
    assert (
        code_of(lambda: build.pair(pairs["o2"], pairs["v1"], "2022-04-11"))
        == "pairing.grassroots_already_paired"
    )


def test_an_ended_pairing_frees_both_sides(
    build: LedgerBuilder, pairs: dict[str, int], ledger: Ledger
) -> None:
    build.pair(pairs["o1"], pairs["v1"], "2022-04-10", "2022-09-30", EndReason.REPAIRED)
    build.pair(pairs["o1"], pairs["v2"], "2022-10-01")
    build.pair(pairs["o2"], pairs["v1"], "2022-10-01")
    assert ledger.scalar("SELECT count(*) FROM pairing WHERE ended_on IS NULL") == 2


def test_pairing_needs_an_organ_and_a_grassroots_side(build: LedgerBuilder, pairs: dict[str, int]) -> None:
    assert code_of(lambda: build.pair(pairs["o1"], pairs["o2"], "2022-04-10")) == "pairing.wrong_sides"
    assert code_of(lambda: build.pair(pairs["v1"], pairs["v2"], "2022-04-10")) == "pairing.wrong_sides"


def test_pairing_cannot_end_before_it_starts(build: LedgerBuilder, pairs: dict[str, int]) -> None:
    code = code_of(lambda: build.pair(pairs["o1"], pairs["v1"], "2022-04-10", "2022-04-01", EndReason.OTHER))
    assert code == "row.constraint"


def test_pairing_snapshots_both_tiers(build: LedgerBuilder, pairs: dict[str, int], ledger: Ledger) -> None:
    pairing = build.pair(pairs["o1"], pairs["v1"], "2022-04-10")
    row = ledger.row("pairing", pairing)
    assert row is not None
    assert (row["organ_tier"], row["grassroots_tier"]) == (Tier.STRONG.value, Tier.WEAK.value)


def test_grid_needs_its_community_and_organ_its_unit(build: LedgerBuilder, pairs: dict[str, int]) -> None:
    township = pairs["hc_chengguan"]
    assert code_of(lambda: build.branch("一网格党支部", BranchKind.GRID, township)) == "row.constraint"
    assert code_of(lambda: build.branch("机关党支部", BranchKind.ORGAN, township)) == "row.constraint"
    community = build.branch("春申社区党支部", BranchKind.COMMUNITY, township)
    build.branch("春申社区第一网格党支部", BranchKind.GRID, township, community_id=community)


def test_negative_member_count_and_bad_dates_are_refused(build: LedgerBuilder, pairs: dict[str, int]) -> None:
    township = pairs["hc_chengguan"]
    assert code_of(lambda: build.branch("甲村党支部", BranchKind.VILLAGE, township, member_count=-1)) == (
        "row.constraint"
    )
    with pytest.raises(BranchDeskError, match=r"row\.constraint"), build.ledger.operation("bad date"):
        build.ledger.insert(
            "branch",
            {"name": "乙村党支部", "kind": "village", "region_id": township, "established_on": "2022-02-30"},
        )


def test_referenced_branch_cannot_be_deleted(
    build: LedgerBuilder, pairs: dict[str, int], ledger: Ledger
) -> None:
    build.pair(pairs["o1"], pairs["v1"], "2022-04-10")
    with pytest.raises(BranchDeskError) as caught, ledger.operation("delete"):
        ledger.conn.execute("DELETE FROM branch WHERE id = ?", (pairs["v1"],))
    assert caught.value.code == "row.foreign_key"


def test_unit_names_are_unique_within_a_region(build: LedgerBuilder, pairs: dict[str, int]) -> None:
    assert (
        code_of(lambda: build.unit("潢川县财政局", pairs["huangchuan"], UnitLevel.COUNTY)) == "row.constraint"
    )
