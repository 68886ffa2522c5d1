"""Creating and opening ledger files."""

from __future__ import annotations

from pathlib import Path

from branchdesk.domain.clock import Clock
from branchdesk.services.holidays import seed_from_library
from branchdesk.storage.ledger import Ledger

LEDGER_SUFFIX = ".bdesk"


def create_ledger(path: Path, clock: Clock, *, overwrite: bool = False) -> Ledger:
    """A new, empty ledger with the official holiday calendar filled in."""
    ledger = Ledger.create(path, clock, overwrite=overwrite)
    seed_from_library(ledger)
    return ledger


def open_ledger(path: Path, clock: Clock, *, read_only: bool = False) -> Ledger:
    return Ledger.open(path, clock, read_only=read_only)
