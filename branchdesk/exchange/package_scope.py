"""Where a package's sender stands in this ledger (DESIGN.md §9, docs/packages.md "A city and its
counties"): the region it speaks for must lie in this ledger's scope or hold it.

A city's ledger is made for the city alone (``new 信阳市.bdesk --region 信阳市``) and learns each county from
the county's first full package: the county's region is new here and arrives in the package, under a region
this ledger holds. Regions made in different ledgers have different uuids (each county's ledger made its own
信阳市), so a package's region that is not here by uuid is matched to this ledger's by its official code, or,
where either side has no code, by level, name and (matched) parent: the same place. A matched region is this
ledger's own: the sender's copy of it changes nothing, and rows referring to it refer to this ledger's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.packages import Manifest, PackageKind, rows_member
from branchdesk.exchange.package_files import Package
from branchdesk.services.regions import list_regions
from branchdesk.storage import identity as identity_store
from branchdesk.storage.package_import import ImportStore

_REGIONS = rows_member("region")


@dataclass(frozen=True)
class SenderScope:
    uuid: str
    region_id: int | None  # None: new here, brought by the package (a county's first full package)


class Places:
    """A package's regions as this ledger's: by uuid, else the same place under another uuid (then the
    uuid is kept as an alias in the import's uuid → id map, so rows referring to it refer to this
    ledger's region, and in the ledger's ``region_alias``, so that the next import starts from it)."""

    def __init__(self, store: ImportStore) -> None:
        self.store = store
        self.aliases: set[str] = set(store.region_aliases)

    def here(self, uuid: str, row: Mapping[str, Any]) -> int | None:
        """The region here that the package's region ``row`` is (None: a place new here)."""
        known = self.store.ids["region"]
        if uuid in known:
            return known[uuid]
        parent = row.get("parent_uuid")
        parent_id = None if parent is None else known.get(str(parent))
        if parent is not None and parent_id is None:
            return None
        found = identity_store.same_place(
            self.store.ledger, row.get("code"), str(row["level"]), str(row["name"]), parent_id
        )
        if found is not None:
            known[uuid] = found
            self.aliases.add(uuid)
            self.store.keep_alias(uuid, found)
        return found

    def elsewhere(self, uuid: str, row: Mapping[str, Any]) -> bool:
        """Whether a package's region is one of this ledger's under another uuid: the sender's copy of it
        changes nothing here (a county's 信阳市 is the city's to name)."""
        return uuid in self.aliases or (
            uuid not in self.store.ids["region"] and self.here(uuid, row) is not None
        )

    def local(self, row: dict[str, Any] | None) -> dict[str, Any] | None:
        """A package's region row with its parent named as here, where the sender's is an alias."""
        parent = None if row is None else row.get("parent_uuid")
        if row is None or parent not in self.aliases:
            return row
        return {**row, "parent_uuid": self.store.uuids["region"][self.store.ids["region"][parent]]}


def sender_scope(places: Places, package: Package, my_scope: int | None) -> SenderScope:
    """The sender's scope in this ledger; a package of an office neither above nor below this one is
    refused whole (``package.other_office``)."""
    manifest = package.manifest
    scope = manifest.sender.scope
    store = places.store
    if scope is None or my_scope is None:
        raise _other_office(package)
    region = store.ids["region"].get(scope.uuid)
    if region is None and manifest.kind is not PackageKind.DELTA and _REGIONS in manifest.members:
        theirs = {str(row["uuid"]): row for row in package.values(_REGIONS)}
        chain = [scope.uuid]  # the scope and the regions above it, as the package has them
        while (parent := theirs.get(chain[-1], {}).get("parent_uuid")) and parent not in chain:
            chain.append(str(parent))
        for uuid in reversed(chain[1:]):
            if uuid in theirs:
                places.here(uuid, theirs[uuid])
        region = places.here(scope.uuid, theirs[scope.uuid]) if scope.uuid in theirs else None
        above = store.ids["region"].get(chain[1]) if len(chain) > 1 else None
        if region is None and above is not None and store.tree.within(above, my_scope):
            return SenderScope(scope.uuid, None)  # a county new here: it hangs under this ledger's scope
    if region is None and manifest.kind is PackageKind.DELTA and _below(store, scope.path, my_scope):
        raise BranchDeskError("package.full_first", path=str(package.path), sender=scope.path)
    if region is None or not (store.tree.within(region, my_scope) or store.tree.within(my_scope, region)):
        raise _other_office(package)
    return SenderScope(scope.uuid, region)


def check_records_kept_here(store: ImportStore, package: Package, sender: SenderScope, my_scope: int) -> None:
    """What comes from an office above is this ledger's own records: a seed of its region (or of a region
    in it). Its full package or changes hold the records of all its offices, and a seed of another region
    (another township's, picked from the county's folder of seeds) those of an office this ledger does not
    keep; each would fill this ledger with them, so each is refused whole (``package.from_above``,
    ``package.seed_elsewhere``). From an office below, a seed of the sender's whole scope holds what its
    full package does, and is judged as that."""
    seed = package.manifest.seed_scope
    above = (
        sender.region_id is not None
        and sender.region_id != my_scope
        and store.tree.within(my_scope, sender.region_id)
    )
    if seed is None and above:
        raise BranchDeskError(
            "package.from_above",
            path=str(package.path),
            sender=package.manifest.sender.scope.path if package.manifest.sender.scope else sender.uuid,
            mine=_path(store, my_scope) or "—",
        )
    if seed is None or (seed.uuid == sender.uuid and not above):
        return
    region = store.ids["region"].get(seed.uuid)
    if region is None or not store.tree.within(region, my_scope):
        raise BranchDeskError(
            "package.seed_elsewhere",
            path=str(package.path),
            scope=seed.path,
            mine=_path(store, my_scope) or "—",
        )


def as_here(manifest: Manifest, store: ImportStore) -> Manifest:
    """The manifest with its sender's scope named as this ledger names that region (a county matched by
    its code): the scope's owner, the pinned key and the package log then find it by this ledger's uuid,
    so that a re-made county is not a stranger and the roll-up shows each county's last package."""
    scope = manifest.sender.scope
    region = None if scope is None else store.ids["region"].get(scope.uuid)
    here = None if region is None else store.uuids["region"].get(region)
    if scope is None or here is None or here == scope.uuid:
        return manifest
    return replace(manifest, sender=replace(manifest.sender, scope=replace(scope, uuid=here)))


def _below(store: ImportStore, path: str, my_scope: int) -> bool:
    """Whether a region this ledger lacks is, by its path, below this ledger's scope (a county whose full
    package has not come yet)."""
    mine = _path(store, my_scope)
    return mine is not None and path.startswith(f"{mine}/")


def _path(store: ImportStore, region_id: int) -> str | None:
    return next((region.path for region in list_regions(store.ledger) if region.id == region_id), None)


def _other_office(package: Package) -> BranchDeskError:
    sender = package.manifest.sender
    return BranchDeskError(
        "package.other_office",
        path=str(package.path),
        sender=sender.ledger_id if sender.scope is None else sender.scope.path,
    )
