"""Finding regions by what a user types."""

from __future__ import annotations

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.records import Region
from branchdesk.domain.regions import resolve_region
from branchdesk.storage import regions as region_store
from branchdesk.storage.ledger import Ledger


def find_region(ledger: Ledger, query: str | None) -> Region:
    """The region ``query`` names, or the ledger's single top region when ``query`` is None."""
    regions = region_store.all_regions(ledger)
    if query is not None:
        return resolve_region(query, regions)
    roots = [region for region in regions if region.parent_id is None]
    if not roots:
        raise BranchDeskError("region.none")
    if len(roots) > 1:
        raise BranchDeskError("region.choose_one", candidates="; ".join(r.path for r in roots))
    return roots[0]


def list_regions(ledger: Ledger) -> list[Region]:
    return region_store.all_regions(ledger)
