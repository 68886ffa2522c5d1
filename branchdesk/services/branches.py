"""Reading the branch roster for the Branches tab and the region tree."""

from __future__ import annotations

from collections.abc import Sequence

from branchdesk.domain.listing import BranchFilter, BranchRow, BranchSort, RegionNode
from branchdesk.storage import branch_list
from branchdesk.storage.ledger import Ledger


def branch_ids(ledger: Ledger, flt: BranchFilter, sort: BranchSort) -> list[int]:
    return branch_list.branch_ids(ledger, flt, sort)


def branch_rows(ledger: Ledger, ids: Sequence[int]) -> list[BranchRow]:
    return branch_list.branch_rows(ledger, ids)


def region_tree(ledger: Ledger) -> list[RegionNode]:
    return branch_list.region_tree(ledger)
