"""Editing the roster through the services: the rules, the rows in the file, one undo step per action."""

from __future__ import annotations

import pytest

from branchdesk.domain.branch_rules import BranchDraft
from branchdesk.domain.enums import BranchKind, Tier
from branchdesk.domain.errors import BranchDeskError, InvalidRecordError
from branchdesk.domain.listing import BranchColumn
from branchdesk.services import branches, regions
from branchdesk.services.history import UndoHistory
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder, day


def _branch(ledger: Ledger, name: str) -> dict[str, object]:
    found = ledger.query("SELECT * FROM branch WHERE name = ?", (name,))
    assert len(found) == 1
    return found[0]


def _codes(error: InvalidRecordError) -> list[str]:
    return [problem.code for problem in error.problems]


def test_add_checks_every_rule_and_saves_a_valid_branch(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = build.tree()
    bad = BranchDraft(
        name="\u3000 ",
        kind=BranchKind.VILLAGE,
        region_id=tree["huangchuan"],  # a county, not a township
        phone="12345",
        member_count=-1,
        established_on=day("2030-01-01"),
    )
    with pytest.raises(InvalidRecordError) as raised:
        branches.add_branch(ledger, bad)
    assert _codes(raised.value) == [
        "branch.name_required",
        "branch.township_required",
        "branch.bad_phone",
        "branch.negative_members",
        "branch.date_in_future",
    ]
    assert ledger.scalar("SELECT count(*) FROM branch") == 0

    good = BranchDraft(
        name=" 张庄村党支部 ", kind=BranchKind.VILLAGE, region_id=tree["hc_renhe"], phone="0376-6221234"
    )
    done = branches.add_branch(ledger, good)
    assert done.action == "branch.add"
    assert done.subject == "张庄村党支部"
    assert _branch(ledger, "张庄村党支部")["phone"] == "0376-6221234"
    with pytest.raises(InvalidRecordError) as raised:
        branches.add_branch(ledger, good)
    assert _codes(raised.value) == ["branch.duplicate_name"]


def test_organ_needs_a_unit_and_grid_sits_in_its_communitys_township(
    ledger: Ledger, build: LedgerBuilder
) -> None:
    tree = build.tree()
    with pytest.raises(InvalidRecordError) as raised:
        branches.add_branch(ledger, BranchDraft("县财政局党支部", BranchKind.ORGAN, tree["huangchuan"]))
    assert _codes(raised.value) == ["branch.unit_required"]
    community = build.branch("东城社区党支部", BranchKind.COMMUNITY, tree["hc_chengguan"])
    branches.add_branch(
        ledger, BranchDraft("一网格党支部", BranchKind.GRID, tree["hc_renhe"], community_id=community)
    )
    assert _branch(ledger, "一网格党支部")["region_id"] == tree["hc_chengguan"]


def test_bulk_edit_is_all_or_nothing_and_one_undo_step(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = build.tree()
    unit = build.unit("县委组织部", tree["huangchuan"])
    organs = build.organs(unit, tree["huangchuan"], 2, tier=None)
    villages = build.villages(tree["hc_renhe"], 2, tier=None)
    history = UndoHistory(ledger)
    done = branches.bulk_edit(ledger, [*organs, *villages], branches.BulkEdit(tier=Tier.AVERAGE))
    history.record(done)
    assert ledger.scalar("SELECT count(*) FROM branch WHERE tier = 'average'") == 4
    # Villages cannot move to a county: the whole bulk edit is refused.
    with pytest.raises(InvalidRecordError):
        branches.bulk_edit(ledger, [*villages], branches.BulkEdit(region_id=tree["gushi"]))
    assert {
        row["region_id"] for row in ledger.query("SELECT region_id FROM branch WHERE kind = 'village'")
    } == {tree["hc_renhe"]}
    history.undo()
    assert ledger.scalar("SELECT count(*) FROM branch WHERE tier IS NULL") == 4


def test_archive_delete_and_restore(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = build.tree()
    unit = build.unit("县委组织部", tree["huangchuan"])
    organ = build.organs(unit, tree["huangchuan"], 1)[0]
    paired, lonely = build.villages(tree["hc_renhe"], 2)
    build.pair(organ, paired, "2022-04-01")
    with pytest.raises(BranchDeskError) as raised:
        branches.archive_branches(ledger, [paired], day("2022-05-01"))
    assert raised.value.code == "branch.archive_paired"
    with pytest.raises(BranchDeskError) as raised:
        branches.delete_branches(ledger, [paired, lonely])
    assert raised.value.code == "branch.delete_referenced"
    assert ledger.scalar("SELECT count(*) FROM branch") == 3
    branches.archive_branches(ledger, [lonely], day("2022-05-01"))
    assert ledger.scalar("SELECT archived_on FROM branch WHERE id = ?", (lonely,)) == "2022-05-01"
    branches.restore_branches(ledger, [lonely])
    assert ledger.scalar("SELECT archived_on FROM branch WHERE id = ?", (lonely,)) is None
    branches.delete_branches(ledger, [lonely])
    assert ledger.scalar("SELECT count(*) FROM branch WHERE id = ?", (lonely,)) == 0


def test_paste_adds_valid_rows_and_reports_the_rest(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = build.tree()
    build.unit("县委组织部", tree["huangchuan"])
    rows = [
        {BranchColumn.NAME: "李湾村党支部", BranchColumn.KIND: "农村", BranchColumn.REGION: "潢川县 / 仁和镇",
         BranchColumn.TIER: "差", BranchColumn.MEMBERS: "23", BranchColumn.ESTABLISHED: "2001年7月1日"},
        {BranchColumn.NAME: "组织部机关党支部", BranchColumn.KIND: "机关", BranchColumn.REGION: "潢川县",
         BranchColumn.UNIT: "县委组织部", BranchColumn.TIER: "好"},
        {BranchColumn.NAME: "王营村党支部", BranchColumn.KIND: "农村", BranchColumn.REGION: "城关镇"},
        {BranchColumn.NAME: "李湾村党支部", BranchColumn.KIND: "村", BranchColumn.REGION: "仁和镇"},
        {BranchColumn.NAME: "刘楼村党支部", BranchColumn.KIND: "农村", BranchColumn.REGION: "仁和镇",
         BranchColumn.MEMBERS: "很多", BranchColumn.PHONE: "110"},
    ]  # fmt: skip
    result = branches.paste_branches(ledger, rows)
    assert result.added == 2
    assert result.done is not None
    assert result.done.action == "branch.paste"
    assert [(r.row, r.column, r.problem.code) for r in result.rejected] == [
        (3, BranchColumn.REGION, "region.ambiguous"),
        (4, BranchColumn.NAME, "branch.duplicate_name"),
        (5, BranchColumn.MEMBERS, "cell.not_a_number"),
    ]
    village = _branch(ledger, "李湾村党支部")
    assert (village["tier"], village["member_count"], village["established_on"]) == ("weak", 23, "2001-07-01")
    assert _branch(ledger, "组织部机关党支部")["tier"] == "strong"


def test_regions_add_rename_move_and_remove(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = build.tree()
    regions.add_region(ledger, "伞陂镇", tree["huangchuan"], "411526101")
    added = ledger.query("SELECT * FROM region WHERE name = '伞陂镇'")[0]
    assert (added["level"], added["parent_id"]) == ("township", tree["huangchuan"])
    with pytest.raises(BranchDeskError) as raised:
        regions.add_region(ledger, "伞陂镇", tree["huangchuan"])
    assert raised.value.code == "region.duplicate_name"
    with pytest.raises(BranchDeskError) as raised:
        regions.edit_region(ledger, tree["hc_renhe"], "仁和镇", "411526101")
    assert raised.value.code == "region.duplicate_code"
    regions.move_region(ledger, added["id"], tree["gushi"])
    assert ledger.scalar("SELECT parent_id FROM region WHERE id = ?", (added["id"],)) == tree["gushi"]
    build.villages(tree["hc_renhe"], 2, prefix="湾")
    with pytest.raises(BranchDeskError) as raised:
        regions.remove_region(ledger, tree["hc_renhe"])
    assert raised.value.code == "region.has_branches"
    assert raised.value.params["count"] == 2
    assert raised.value.params["where"] == "湾1村党支部、湾2村党支部"
    regions.remove_region(ledger, added["id"])
    assert ledger.scalar("SELECT count(*) FROM region WHERE name = '伞陂镇'") == 0


@pytest.mark.parametrize("typed", ["12.7", "inf", "1e400", "nan", "很多"])
def test_a_member_count_that_is_not_whole_is_refused_unchanged(
    ledger: Ledger, build: LedgerBuilder, typed: str
) -> None:
    tree = build.tree()
    village = build.villages(tree["hc_renhe"], 1)[0]
    with pytest.raises(BranchDeskError) as raised:
        branches.set_branch_field(ledger, village, BranchColumn.MEMBERS, typed)
    assert raised.value.code == "cell.not_a_number"
    assert ledger.scalar("SELECT member_count FROM branch WHERE id = ?", (village,)) is None
    branches.set_branch_field(ledger, village, BranchColumn.MEMBERS, "1,200")
    assert ledger.scalar("SELECT member_count FROM branch WHERE id = ?", (village,)) == 1200
