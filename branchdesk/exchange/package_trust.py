"""Trusting a sender's key on purpose (DESIGN.md §9, docs/packages.md "Keys"): a known ledger's new key
(its file was copied to another computer, where it made a key of its own), a new ledger as the successor of
the one that spoke for its scope (a township that lost its file), or a sender not seen before. The package
or receipt that carries the key must be intact and signed by it; the decision, with who made it and why,
is kept in the pin history, outside the change log (no undo changes whose keys a ledger trusts)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.packages import Manifest
from branchdesk.domain.workdays import REASON_BLANKS
from branchdesk.exchange.package_files import read_package
from branchdesk.storage import identity as identity_store
from branchdesk.storage import offices as office_store
from branchdesk.storage.ledger import Ledger


@dataclass(frozen=True)
class Trusted:
    change: str | None  # new_key | successor | trusted; None: the key was trusted already
    manifest: Manifest
    old_fingerprint: str | None


def trust_sender(ledger: Ledger, path: Path, reason: str, decided_by: str) -> Trusted:
    """Trust the key that signed the package or receipt at ``path``, on purpose: a known ledger's new key
    (it was copied to another computer), a new ledger as the successor of the one that spoke for its scope,
    or a sender not seen before. The pin history keeps the old key, who decided, when and why."""
    cleaned = reason.strip(REASON_BLANKS)
    if not cleaned:
        raise BranchDeskError("trust.needs_reason")
    if ledger.read_only:
        raise BranchDeskError("ledger.read_only", path=str(ledger.path))
    manifest = read_package(path).manifest  # intact and signed by the key it names
    sender = manifest.sender
    if sender.ledger_id == identity_store.identity(ledger).ledger_id:
        raise BranchDeskError("trust.own_package")
    pinned = office_store.pinned(ledger, sender.ledger_id)
    if pinned is not None and pinned.public_key == sender.public_key:
        return Trusted(None, manifest, None)
    old = pinned
    if old is None and sender.scope is not None:
        old = office_store.scope_owner(ledger, sender.scope.uuid)
    change = "new_key" if pinned is not None else "successor" if old is not None else "trusted"
    office_store.trust_key(ledger, manifest, change, old, reason=cleaned, decided_by=decided_by)
    return Trusted(change, manifest, None if old is None else old.fingerprint)
