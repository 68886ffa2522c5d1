"""Creating and opening ledger files."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from branchdesk.domain.clock import Clock
from branchdesk.domain.enums import RegionLevel
from branchdesk.domain.region_chain import RegionChain, checked_chain
from branchdesk.services.drives import DriveKind, DriveTypeQuery, drive_kind
from branchdesk.storage import identity as identity_store
from branchdesk.storage import regions as region_store
from branchdesk.storage.ledger import Journal, Ledger

LEDGER_SUFFIX = ".bdesk"


def create_ledger(
    path: Path,
    clock: Clock,
    *,
    overwrite: bool = False,
    fill: Callable[[Ledger], None] | None = None,
    regions: RegionChain | None = None,
) -> Ledger:
    """A new ledger with the official holiday calendar and the region chain it is for, and whatever
    ``fill`` writes, or no file at all. The seeding is one operation: one line of history. The ledger is
    authoritative for the chain's home (its packages' scope, DESIGN.md §9)."""
    chain = None if regions is None else checked_chain(regions)

    def first_content(ledger: Ledger) -> None:
        from branchdesk.services.holidays import seed_from_library  # only a new ledger needs it

        with ledger.operation("ledger.create"):  # the holidays seeded within it too
            seed_from_library(ledger)
            if chain is not None:
                identity_store.set_scope(ledger, _add_chain(ledger, chain))
        if fill is not None:
            fill(ledger)

    return Ledger.create(path, clock, overwrite=overwrite, fill=first_content, journal=journal_for(path))


def journal_for(
    path: Path, drive_type: DriveTypeQuery | None = None, *, windows: bool | None = None
) -> Journal:
    """WAL while open on a local disk, so that an edit never waits for a read; the rollback journal on a
    network share (WAL needs memory shared by every user of the file) or a removable drive (pulled out,
    it would carry the latest edits in a ``-wal`` file beside the ledger). See storage.ledger.Journal."""
    local = drive_kind(path, drive_type, windows=windows) is DriveKind.LOCAL
    return Journal.WAL if local else Journal.ROLLBACK


def _add_chain(ledger: Ledger, chain: RegionChain) -> int:
    """The chain's regions; returns the id of its home (RegionChain.home)."""
    parent = region_store.add_region(ledger, chain.city.name, RegionLevel.CITY, None, chain.city.code)
    if chain.county is not None:
        parent = region_store.add_region(
            ledger, chain.county.name, RegionLevel.COUNTY, parent, chain.county.code
        )
    townships = [
        region_store.add_region(ledger, township.name, RegionLevel.TOWNSHIP, parent, township.code)
        for township in chain.townships
    ]
    return townships[0] if len(townships) == 1 else parent


def writable(path: Path) -> bool:
    """Can this file be changed? (SQLite also needs its folder, for the journal.)"""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def open_ledger(path: Path, clock: Clock, *, read_only: bool = False, data_dir: Path | None = None) -> Ledger:
    """Open a ledger, read-only when asked or when the file or its folder cannot be written; with
    ``data_dir``, an older file is backed up there before it is upgraded."""
    path = Path(path)
    read_only = read_only or (path.exists() and not writable(path))

    def backup_first() -> None:
        # Loaded only for an upgrade: opening a ledger (the window's start) does without it.
        from branchdesk.services.backups import take_backup

        if data_dir is not None:
            take_backup(Path(path), data_dir, clock, "migration")

    return Ledger.open(
        path, clock, read_only=read_only, before_migration=backup_first, journal=journal_for(path)
    )
