"""Assigned pairing, a unit with its community's grids, ending and re-pairing: one action each, undoable,
strictly one-to-one with a clear refusal."""

from __future__ import annotations

import pytest

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind, EndReason, PairingMethod, RegionLevel, Tier, UnitLevel
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.pairing_list import PairingFilter, PairingSort, PairingStatus
from branchdesk.services import pairings
from branchdesk.services.history import UndoHistory
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder, day


def _open(ledger: Ledger) -> list[tuple[int, int]]:
    return [
        (row["organ_id"], row["grassroots_id"])
        for row in ledger.query("SELECT * FROM pairing WHERE ended_on IS NULL ORDER BY id")
    ]


def test_assign_end_and_repair(ledger: Ledger, build: LedgerBuilder, clock: FixedClock) -> None:
    clock.moment = FixedClock.on("2022-12-31").moment  # the dates below are in the past
    tree = build.tree()
    unit = build.unit("县委组织部", tree["huangchuan"])
    organs = build.organs(unit, tree["huangchuan"], 2)
    villages = build.villages(tree["hc_renhe"], 2)
    history = UndoHistory(ledger)

    done = pairings.assign_pairing(ledger, organs[0], villages[0], day("2022-04-11"))
    history.record(done)
    assert done.action == "pairing.add"
    assert done.subject == "机关第1党支部 — 村1村党支部"
    row = ledger.query("SELECT * FROM pairing")[0]
    assert (row["method"], row["organ_tier"], row["grassroots_tier"]) == ("assigned", "strong", "weak")

    with pytest.raises(BranchDeskError) as refused:
        pairings.assign_pairing(ledger, organs[0], villages[1], day("2022-04-11"))
    assert refused.value.code == "pairing.organ_already_paired"
    with pytest.raises(BranchDeskError) as refused:
        pairings.assign_pairing(ledger, organs[1], villages[0], day("2022-04-11"))
    assert refused.value.code == "pairing.grassroots_already_paired"
    with pytest.raises(BranchDeskError) as refused:
        pairings.assign_pairing(ledger, villages[1], organs[1], day("2022-04-11"))
    assert refused.value.code == "pairing.wrong_sides"

    pairing_id = row["id"]
    with pytest.raises(BranchDeskError) as refused:
        pairings.end_pairing(ledger, pairing_id, day("2022-04-01"), EndReason.MERGED)
    assert refused.value.code == "pairing.ends_before_start"

    history.record(pairings.repair(ledger, pairing_id, villages[1], day("2022-06-01")))
    ended = ledger.row("pairing", pairing_id)
    assert ended is not None
    assert (ended["ended_on"], ended["end_reason"]) == ("2022-05-31", "repaired")
    assert _open(ledger) == [(organs[0], villages[1])]

    new_id = ledger.scalar("SELECT id FROM pairing WHERE ended_on IS NULL")
    history.record(pairings.end_pairing(ledger, new_id, day("2022-07-01"), EndReason.OTHER, "调整"))
    assert _open(ledger) == []
    with pytest.raises(BranchDeskError) as refused:
        pairings.end_pairing(ledger, new_id, day("2022-07-02"), EndReason.OTHER)
    assert refused.value.code == "pairing.already_ended"

    history.undo()
    assert _open(ledger) == [(organs[0], villages[1])]
    history.undo()
    assert _open(ledger) == [(organs[0], villages[0])]
    history.undo()
    assert ledger.scalar("SELECT count(*) FROM pairing") == 0


def test_archived_branches_are_not_paired(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = build.tree()
    unit = build.unit("县委组织部", tree["huangchuan"])
    organ = build.organs(unit, tree["huangchuan"], 1)[0]
    village = build.branch("旧村党支部", BranchKind.VILLAGE, tree["hc_renhe"], archived_on=day("2022-01-01"))
    with pytest.raises(BranchDeskError) as refused:
        pairings.assign_pairing(ledger, organ, village, day("2022-04-11"))
    assert refused.value.code == "pairing.branch_archived"
    assert refused.value.params["name"] == "旧村党支部"


def test_a_unit_pairs_with_its_communitys_grids_in_one_step(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = build.tree()
    district = build.region("浉河区", RegionLevel.COUNTY, tree["city"])
    street = build.region("老城街道", RegionLevel.TOWNSHIP, district)
    community = build.branch("五星社区党支部", BranchKind.COMMUNITY, street)
    grids = [
        build.branch(f"第{i}网格党支部", BranchKind.GRID, street, community_id=community) for i in (1, 2, 3)
    ]
    unit = build.unit("市财政局", tree["city"], UnitLevel.CITY)
    with ledger.operation("test.assign"):
        ledger.update("unit", unit, {"assigned_community_id": community})
    organs = build.organs(unit, tree["city"], 2, tier=None)

    (assigned,) = pairings.assigned_units(ledger)
    assert (assigned.name, assigned.community, assigned.unpaired_organs, assigned.unpaired_grids) == (
        "市财政局",
        "五星社区党支部",
        2,
        3,
    )
    done = pairings.pair_unit_with_community(ledger, unit, day("2022-04-08"))
    assert done.action == "pairing.community"
    assert _open(ledger) == list(zip(organs, grids[:2], strict=True))
    with pytest.raises(BranchDeskError) as refused:
        pairings.pair_unit_with_community(ledger, unit, day("2022-04-08"))
    assert refused.value.code == "pairing.unit_nothing_to_pair"


def test_listing_filters_and_unpaired_lists(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = build.tree()
    unit = build.unit("县委组织部", tree["huangchuan"])
    organs = build.organs(unit, tree["huangchuan"], 3)
    villages = build.villages(tree["hc_renhe"], 2)
    gushi = build.villages(tree["gs_chengguan"], 1, prefix="固")
    first = build.pair(organs[0], villages[0], "2022-04-11")
    build.pair(organs[1], villages[1], "2022-04-11", "2022-05-01", EndReason.MERGED)

    def ids(**fields: object) -> list[int]:
        return pairings.pairing_ids(ledger, PairingFilter(**fields), PairingSort())  # type: ignore[arg-type]

    assert len(ids()) == 2
    assert ids(status=PairingStatus.ACTIVE) == [first]
    assert len(ids(status=PairingStatus.ENDED)) == 1
    assert ids(region_id=tree["gushi"]) == []
    assert ids(method=PairingMethod.DRAW) == []
    assert ids(grassroots_tiers=(Tier.WEAK,), organ_tiers=(Tier.STRONG,), status=PairingStatus.ACTIVE) == [
        first
    ]
    assert ids(organ_tiers=(None,)) == []
    assert ids(text="村1") == [first]
    assert ids(pairing_id=first) == [first]
    (row,) = pairings.pairing_rows(ledger, [first])
    assert (row.organ, row.unit, row.grassroots, row.region, row.active) == (
        "机关第1党支部",
        "县委组织部",
        "村1村党支部",
        "潢川县 / 仁和镇",
        True,
    )

    organ_side = pairings.unpaired(ledger, tree["city"], organ_side=True)
    assert [b.id for b in organ_side.branches] == organs[1:]
    grassroots_side = pairings.unpaired(ledger, tree["huangchuan"], organ_side=False, limit=1)
    assert (grassroots_side.total, [b.id for b in grassroots_side.branches]) == (1, [villages[1]])
    assert pairings.unpaired(ledger, tree["gushi"], organ_side=False, text="固").total == len(gushi)
    grassroots, organ = pairings.coverage(ledger, tree["huangchuan"])
    assert (grassroots.count, grassroots.total, organ.count, organ.total) == (1, 2, 1, 3)


def test_pairing_dates_are_not_in_the_future_nor_before_a_branch_existed(
    ledger: Ledger, build: LedgerBuilder
) -> None:
    tree = build.tree()
    unit = build.unit("县委组织部", tree["huangchuan"])
    organ = build.organs(unit, tree["huangchuan"], 1)[0]
    young = build.branch(
        "新建村党支部", BranchKind.VILLAGE, tree["hc_renhe"], established_on=day("2022-05-01")
    )
    with pytest.raises(BranchDeskError) as refused:
        pairings.assign_pairing(ledger, organ, young, day("2022-05-20"))  # today is 2022-05-19
    assert refused.value.code == "pairing.starts_in_future"
    with pytest.raises(BranchDeskError) as refused:
        pairings.assign_pairing(ledger, organ, young, day("2022-04-30"))
    assert (refused.value.code, refused.value.params["name"]) == (
        "pairing.before_established",
        "新建村党支部",
    )
    assert ledger.scalar("SELECT count(*) FROM pairing") == 0
    pairings.assign_pairing(ledger, organ, young, day("2022-05-01"))
    pairing_id = ledger.scalar("SELECT id FROM pairing")
    with pytest.raises(BranchDeskError) as refused:
        pairings.end_pairing(ledger, pairing_id, day("2022-06-30"), EndReason.OTHER)
    assert refused.value.code == "pairing.ends_in_future"


def test_pairing_across_two_counties_needs_confirmation_and_is_named_so(
    ledger: Ledger, build: LedgerBuilder
) -> None:
    tree = build.tree()
    organs = build.organs(build.unit("潢川县财政局", tree["huangchuan"]), tree["huangchuan"], 2)
    city_organ = build.organs(build.unit("信阳市委组织部", tree["city"], UnitLevel.CITY), tree["city"], 1)[0]
    gushi = build.villages(tree["gs_chengguan"], 2, prefix="固始")
    huangchuan = build.villages(tree["hc_renhe"], 1)[0]
    assert pairings.other_counties(ledger, organs[0], gushi[0]) == ("潢川县", "固始县")
    assert pairings.other_counties(ledger, organs[0], huangchuan) is None
    assert pairings.other_counties(ledger, city_organ, gushi[0]) is None  # a city-level organ is in no county
    with pytest.raises(BranchDeskError) as refused:
        pairings.assign_pairing(ledger, organs[0], gushi[0], day("2022-05-01"))
    assert (refused.value.code, refused.value.params) == (
        "pairing.cross_county",
        {"organ_county": "潢川县", "grassroots_county": "固始县"},
    )
    assert ledger.scalar("SELECT count(*) FROM pairing") == 0
    done = pairings.assign_pairing(ledger, organs[0], gushi[0], day("2022-05-01"), cross_county=True)
    assert done.action == "pairing.add_cross_county"
    done = pairings.assign_pairing(ledger, organs[1], huangchuan, day("2022-05-01"))
    assert done.action == "pairing.add"
    # Re-pairing 潢川县's organ with the other 固始 village: the same question, the same name in the history.
    pairing = int(ledger.scalar("SELECT id FROM pairing WHERE grassroots_id = ?", (huangchuan,)))
    assert pairings.repair_counties(ledger, pairing, gushi[1]) == ("潢川县", "固始县")
    with pytest.raises(BranchDeskError, match=r"pairing\.cross_county"):
        pairings.repair(ledger, pairing, gushi[1], day("2022-05-10"))
    done = pairings.repair(ledger, pairing, gushi[1], day("2022-05-10"), cross_county=True)
    assert done.action == "pairing.repair_cross_county"
