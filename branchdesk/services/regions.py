"""Finding regions by what a user types."""

from __future__ import annotations

from branchdesk.domain.branch_rules import BLANKS, check_name_length
from branchdesk.domain.changes import Changed
from branchdesk.domain.enums import RegionLevel
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.listing import ScopeContents
from branchdesk.domain.records import Region
from branchdesk.domain.regions import resolve_region
from branchdesk.storage import regions as region_store
from branchdesk.storage.history import changed
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


def scope_contents(ledger: Ledger, region_id: int) -> ScopeContents:
    return region_store.scope_contents(ledger, region_id)


_CHILD_LEVEL = {RegionLevel.CITY: RegionLevel.COUNTY, RegionLevel.COUNTY: RegionLevel.TOWNSHIP}


def _clean_code(code: str | None) -> str | None:
    text = (code or "").strip(BLANKS)
    return text or None


def _check_name_and_code(
    ledger: Ledger, name: str, code: str | None, parent_id: int | None, region_id: int | None
) -> None:
    if not name:
        raise BranchDeskError("region.name_required")
    check_name_length(name)
    if region_store.sibling_named(ledger, parent_id, name, region_id):
        raise BranchDeskError("region.duplicate_name", name=name)
    if code is not None and region_store.code_taken(ledger, code, region_id):
        raise BranchDeskError("region.duplicate_code", official_code=code)


def add_region(ledger: Ledger, name: str, parent_id: int | None, code: str | None = None) -> Changed:
    """A city at the top of the tree (no parent), a county under a city, or a township under a county."""
    if parent_id is None:
        level: RegionLevel | None = RegionLevel.CITY
    else:
        level = _CHILD_LEVEL.get(RegionLevel(region_store.region_row(ledger, parent_id)["level"]))
    if level is None:
        raise BranchDeskError("region.no_children")
    name, code = name.strip(BLANKS), _clean_code(code)
    _check_name_and_code(ledger, name, code, parent_id, None)
    with ledger.operation("region.add") as operation:
        region_store.add_region(ledger, name, level, parent_id, code)
    return changed(ledger, operation)


def edit_region(ledger: Ledger, region_id: int, name: str, code: str | None) -> Changed:
    """Rename a region and set (or clear) its official code."""
    row = region_store.region_row(ledger, region_id)
    name, code = name.strip(BLANKS), _clean_code(code)
    _check_name_and_code(ledger, name, code, row["parent_id"], region_id)
    with ledger.operation("region.edit") as operation:
        region_store.rename_region(ledger, region_id, name, code)
    return changed(ledger, operation)


def move_region(ledger: Ledger, region_id: int, new_parent_id: int) -> Changed:
    """Move a township to another county (its branches go with it)."""
    row = region_store.region_row(ledger, region_id)
    parent = region_store.region_row(ledger, new_parent_id)
    if _CHILD_LEVEL.get(RegionLevel(parent["level"])) is not RegionLevel(row["level"]):
        raise BranchDeskError("region.bad_move", name=row["name"], parent=parent["name"])
    _check_name_and_code(ledger, row["name"], None, new_parent_id, region_id)
    with ledger.operation("region.move") as operation:
        region_store.move_region(ledger, region_id, new_parent_id)
    return changed(ledger, operation)


def remove_region(ledger: Ledger, region_id: int) -> Changed:
    """Remove an empty region; one holding branches, regions or units is refused, saying what is in it."""
    row = region_store.region_row(ledger, region_id)
    if row["parent_id"] is None and region_store.top_count(ledger) == 1:
        raise BranchDeskError("region.remove_top")
    branches, children, units, where = region_store.usage(ledger, region_id)
    if branches:
        raise BranchDeskError("region.has_branches", name=row["name"], count=branches, where="、".join(where))
    if children:
        raise BranchDeskError("region.has_regions", name=row["name"], count=children)
    if units:
        raise BranchDeskError("region.has_units", name=row["name"], count=units)
    with ledger.operation("region.remove") as operation:
        region_store.delete_region(ledger, region_id)
    return changed(ledger, operation)
