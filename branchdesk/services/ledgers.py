"""Creating and opening ledger files."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from branchdesk.domain.clock import Clock
from branchdesk.services.backups import take_backup
from branchdesk.services.holidays import seed_from_library
from branchdesk.storage.ledger import Ledger

LEDGER_SUFFIX = ".bdesk"


def create_ledger(
    path: Path, clock: Clock, *, overwrite: bool = False, fill: Callable[[Ledger], None] | None = None
) -> Ledger:
    """A new ledger with the official holiday calendar, and whatever ``fill`` writes, or no file at all."""

    def first_content(ledger: Ledger) -> None:
        seed_from_library(ledger)
        if fill is not None:
            fill(ledger)

    return Ledger.create(path, clock, overwrite=overwrite, fill=first_content)


def writable(path: Path) -> bool:
    """Can this file be changed? (SQLite also needs its folder, for the rollback journal.)"""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def open_ledger(path: Path, clock: Clock, *, read_only: bool = False, data_dir: Path | None = None) -> Ledger:
    """Open a ledger, read-only when asked or when the file or its folder cannot be written; with
    ``data_dir``, an older file is backed up there before it is upgraded."""
    path = Path(path)
    read_only = read_only or (path.exists() and not writable(path))

    def backup_first() -> None:
        if data_dir is not None:
            take_backup(Path(path), data_dir, clock, "migration")

    return Ledger.open(path, clock, read_only=read_only, before_migration=backup_first)
