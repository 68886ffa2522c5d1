"""Reading the branch roster for the Branches tab and the region tree."""

from __future__ import annotations

from branchdesk.domain.listing import BranchFilter, BranchRow, BranchSort, RegionNode
from branchdesk.storage import branch_list
from branchdesk.storage.ledger import Ledger


def count_branches(ledger: Ledger, flt: BranchFilter) -> int:
    return branch_list.count_branches(ledger, flt)


def branch_page(
    ledger: Ledger, flt: BranchFilter, sort: BranchSort, offset: int, limit: int
) -> list[BranchRow]:
    return branch_list.branch_page(ledger, flt, sort, offset, limit)


def region_tree(ledger: Ledger) -> list[RegionNode]:
    return branch_list.region_tree(ledger)
