"""The open ledger as the window sees it: one object the tabs read through, replaced when a file is opened."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from branchdesk.domain.clock import Clock
from branchdesk.domain.listing import BranchFilter, BranchRow, BranchSort, RegionNode
from branchdesk.services import branches
from branchdesk.services.ledgers import open_ledger
from branchdesk.storage.ledger import Ledger


class LedgerSession:
    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    @classmethod
    def open(cls, path: Path, clock: Clock, data_dir: Path) -> LedgerSession:
        """Open for the window: read-only if the file can't be written; backed up before any upgrade."""
        return cls(open_ledger(path, clock, data_dir=data_dir))

    @property
    def path(self) -> Path:
        return self.ledger.path

    @property
    def read_only(self) -> bool:
        return self.ledger.read_only

    def close(self) -> None:
        self.ledger.close()

    def branch_ids(self, flt: BranchFilter, sort: BranchSort) -> list[int]:
        return branches.branch_ids(self.ledger, flt, sort)

    def branch_rows(self, ids: Sequence[int]) -> list[BranchRow]:
        return branches.branch_rows(self.ledger, ids)

    def region_tree(self) -> list[RegionNode]:
        return branches.region_tree(self.ledger)


class LedgerHost(Protocol):
    """What the window's helpers may ask of it about the open ledger (ui/ledger_safety.py, backups, the
    File menu's exchange commands): which one is open, open another, close it."""

    @property
    def session(self) -> LedgerSession | None: ...

    def open_path(self, path: Path) -> bool: ...

    def close_ledger(self) -> None: ...
