"""The Branches table's SQL: filters, sorts with empty cells last, and rows in the order asked."""

from __future__ import annotations

import datetime as dt

from branchdesk.domain.enums import BranchKind, Tier
from branchdesk.domain.listing import BranchColumn, BranchFilter, BranchSort
from branchdesk.storage.branch_list import branch_ids, branch_rows, ids_query, region_tree
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder


def names(ledger: Ledger, flt: BranchFilter, sort: BranchSort) -> list[str]:
    return [row.name for row in branch_rows(ledger, branch_ids(ledger, flt, sort))]


def test_sorts_put_empty_cells_last_both_ways(build: LedgerBuilder, ledger: Ledger) -> None:
    tree = build.tree()
    town = tree["hc_chengguan"]
    build.branch("甲村党支部", BranchKind.VILLAGE, town, secretary="王五", member_count=30)
    build.branch("乙村党支部", BranchKind.VILLAGE, town, member_count=12)
    build.branch("丙村党支部", BranchKind.VILLAGE, town, secretary="李四")
    by_secretary = BranchSort(BranchColumn.SECRETARY)
    assert names(ledger, BranchFilter(), by_secretary) == ["丙村党支部", "甲村党支部", "乙村党支部"]
    descending = BranchSort(BranchColumn.SECRETARY, descending=True)
    assert names(ledger, BranchFilter(), descending) == ["甲村党支部", "丙村党支部", "乙村党支部"]
    by_members = BranchSort(BranchColumn.MEMBERS, descending=True)
    assert names(ledger, BranchFilter(), by_members) == ["甲村党支部", "乙村党支部", "丙村党支部"]


def test_kind_and_tier_sort_in_the_programmes_order(build: LedgerBuilder, ledger: Ledger) -> None:
    tree = build.tree()
    town = tree["hc_chengguan"]
    community = build.branch("春申社区党支部", BranchKind.COMMUNITY, town, tier=Tier.STRONG)
    build.branch("春申一网格党支部", BranchKind.GRID, town, community_id=community, tier=Tier.WEAK)
    build.villages(town, 1, tier=Tier.AVERAGE, prefix="城关")
    build.organs(build.unit("潢川县财政局", tree["huangchuan"]), tree["huangchuan"], 1, tier=None)
    kinds = [
        row.kind
        for row in branch_rows(ledger, branch_ids(ledger, BranchFilter(), BranchSort(BranchColumn.KIND)))
    ]
    assert kinds == [BranchKind.ORGAN, BranchKind.VILLAGE, BranchKind.COMMUNITY, BranchKind.GRID]
    tiers = [
        row.tier
        for row in branch_rows(ledger, branch_ids(ledger, BranchFilter(), BranchSort(BranchColumn.TIER)))
    ]
    assert tiers == [Tier.STRONG, Tier.AVERAGE, Tier.WEAK, None]


def test_filters_combine(build: LedgerBuilder, ledger: Ledger) -> None:
    tree = build.tree()
    build.villages(tree["hc_chengguan"], 3, tier=Tier.WEAK, prefix="城关")
    build.villages(tree["gs_chengguan"], 2, tier=Tier.STRONG, prefix="固始")
    build.branch("旧村党支部", BranchKind.VILLAGE, tree["gs_chengguan"], archived_on=dt.date(2022, 3, 1))
    everything = BranchFilter(include_archived=True)
    assert len(branch_ids(ledger, everything, BranchSort())) == 6
    assert len(branch_ids(ledger, BranchFilter(), BranchSort())) == 5
    strong_in_gushi = BranchFilter(region_id=tree["gushi"], tiers=(Tier.STRONG,))
    assert names(ledger, strong_in_gushi, BranchSort()) == ["固始1村党支部", "固始2村党支部"]
    assert names(ledger, BranchFilter(text="城关2"), BranchSort()) == ["城关2村党支部"]
    assert branch_ids(ledger, BranchFilter(text="%"), BranchSort()) == []  # typed text is not a pattern


def test_rows_come_back_in_the_order_asked(build: LedgerBuilder, ledger: Ledger) -> None:
    tree = build.tree()
    ids = build.villages(tree["hc_chengguan"], 3)
    assert [row.id for row in branch_rows(ledger, [ids[2], ids[0], ids[1]])] == [ids[2], ids[0], ids[1]]
    assert branch_rows(ledger, []) == []


def test_region_tree_counts_roll_up(build: LedgerBuilder, ledger: Ledger) -> None:
    tree = build.tree()
    build.villages(tree["hc_chengguan"], 3)
    build.villages(tree["hc_renhe"], 1)
    build.organs(build.unit("潢川县财政局", tree["huangchuan"]), tree["huangchuan"], 2)
    [city] = region_tree(ledger)
    counties = {node.name: (node.organ, node.grassroots) for node in city.children}
    assert counties == {"潢川县": (2, 4), "固始县": (0, 0)}
    assert (city.organ, city.grassroots, city.total) == (2, 4, 6)


def test_a_text_search_sorts_its_matches_in_every_order(build: LedgerBuilder, ledger: Ledger) -> None:
    tree = build.tree()
    town = tree["hc_chengguan"]
    build.branch("张湾村党支部", BranchKind.VILLAGE, town, secretary="李明", member_count=40, tier=Tier.WEAK)
    build.branch("东岗村党支部", BranchKind.VILLAGE, town, secretary="张华", member_count=12)
    build.branch("北关社区党支部", BranchKind.COMMUNITY, town, phone="1390376张")
    build.branch("王店村党支部", BranchKind.VILLAGE, town, secretary="王强", tier=Tier.STRONG)
    build.organs(build.unit("潢川县张集乡政府", tree["huangchuan"]), tree["huangchuan"], 2, tier=Tier.AVERAGE)
    for column in BranchColumn:
        for descending in (False, True):
            sort = BranchSort(column, descending)
            everything = names(ledger, BranchFilter(), sort)
            # The same order as the whole list, keeping only the rows the search finds.
            matches = [name for name in everything if name != "王店村党支部"]
            assert names(ledger, BranchFilter(text="张"), sort) == matches, sort


def test_a_text_search_reads_rows_in_the_tables_order(ledger: Ledger) -> None:
    """A search reads every row whatever the order. Walking a sort index to do it fetches each row from
    elsewhere in the file, which made the Branches tab's search 2× its raw SQL at stress scale (issue #16,
    benchmarks/run.py); reading the table in its own order and sorting the matches does not."""
    for column in BranchColumn:
        sql, params = ids_query(BranchFilter(text="张"), BranchSort(column))
        steps = [row["detail"] for row in ledger.query(f"EXPLAIN QUERY PLAN {sql}", params)]
        assert "SCAN b" in steps, (column, steps)
