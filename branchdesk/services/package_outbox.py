"""What File ▸ Send package would write (DESIGN.md §9): this office, the office above it, the changes not yet
acknowledged and the regions below that a seed can be made for; read before anything is written, so that
the user sees "nothing new" before choosing a file."""

from __future__ import annotations

from dataclasses import dataclass

from branchdesk.domain.records import Region
from branchdesk.storage import backup as backup_store
from branchdesk.storage import identity as identity_store
from branchdesk.storage import packages as package_store
from branchdesk.storage import regions as region_store
from branchdesk.storage.ledger import Ledger


@dataclass(frozen=True)
class Outbox:
    office: Region | None  # the region this ledger is authoritative for (None: no regions yet)
    above: Region | None  # the office a delta goes to: the parent of ``office``
    first: int  # the first change a delta would carry (the last acknowledged one + 1)
    last: int  # the ledger's last change
    # Changes of the programme's records in first..last; 0 is "nothing new" even when the log moved on
    # (a new ledger's holiday calendar, settings: they stay with the office).
    pending: int
    last_sent_at: str | None
    below: tuple[Region, ...]  # the regions under ``office`` a seed can be made for, in tree order
    entered: bool  # any branch, pairing or activity in the ledger (a new one has none to send)

    @property
    def nothing_new(self) -> bool:
        return self.pending == 0


def outbox(ledger: Ledger) -> Outbox:
    regions = region_store.all_regions(ledger)
    by_id = {region.id: region for region in regions}
    office = by_id.get(identity_store.identity(ledger).scope_region_id or 0)
    above = None if office is None or office.parent_id is None else by_id.get(office.parent_id)
    first = package_store.acknowledged_sequence(ledger) + 1
    last = package_store.last_sequence(ledger)
    pending = package_store.pending_changes(ledger, first, last) if first <= last else 0
    prefix = "" if office is None else office.path + "/"
    below = tuple(region for region in regions if region.path.startswith(prefix))  # in tree order
    entered = any(backup_store.content_counts(ledger))
    return Outbox(office, above, first, last, pending, package_store.last_sent_at(ledger), below, entered)
