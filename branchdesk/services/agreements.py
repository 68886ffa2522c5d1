"""Pairing agreements (DESIGN.md §11): read one, save one whole as one undoable step."""

from __future__ import annotations

from dataclasses import dataclass

from branchdesk.domain.agreements import Agreement, check_agreement
from branchdesk.domain.changes import Changed
from branchdesk.domain.errors import BranchDeskError
from branchdesk.services.history import changed
from branchdesk.storage import agreements as store
from branchdesk.storage import pairings as pairing_store
from branchdesk.storage.ledger import Ledger


@dataclass(frozen=True)
class PairingAgreement:
    """A pairing's two branches and dates, with its agreement (None: none yet)."""

    pairing_id: int
    organ: str
    grassroots: str
    started_on: str
    ended_on: str | None
    agreement: Agreement | None


def pairing_agreement(ledger: Ledger, pairing_id: int) -> PairingAgreement:
    with ledger.snapshot():
        found = pairing_store.pairing(ledger, pairing_id)
        if found is None:
            raise BranchDeskError("row.missing", table="pairing", id=pairing_id)
        return PairingAgreement(
            pairing_id,
            found["organ_name"],
            found["grassroots_name"],
            found["started_on"],
            found["ended_on"],
            store.agreement_of(ledger, pairing_id),
        )


def agreement_to_print(ledger: Ledger, pairing_id: int) -> tuple[PairingAgreement, Agreement]:
    """The pairing's agreement as saved, for its papers; a pairing without one is refused."""
    found = pairing_agreement(ledger, pairing_id)
    if found.agreement is None:
        raise BranchDeskError("agreement.none", pairing=f"{found.grassroots} — {found.organ}")
    return found, found.agreement


def save_agreement(ledger: Ledger, pairing_id: int, agreement: Agreement) -> Changed:
    """Make the pairing's agreement ``agreement`` (its rows with ids are those read before, kept by uuid)
    in one operation; a broken rule refuses it whole, naming each field."""
    if pairing_store.pairing(ledger, pairing_id) is None:
        raise BranchDeskError("row.missing", table="pairing", id=pairing_id)
    check_agreement(agreement, ledger.clock.today())
    with ledger.operation("agreement.save") as op:
        current = store.agreement_of(ledger, pairing_id)
        _check_ids(ledger, current, agreement)
        store.save(ledger, pairing_id, agreement)
    return changed(ledger, op)


def _check_ids(ledger: Ledger, current: Agreement | None, agreement: Agreement) -> None:
    """Rows named by id must be this agreement's (a dialog opened before an undo may name rows gone)."""
    targets = set() if current is None or current.id is None else store.target_ids_of(ledger, current.id)
    entries = set() if current is None or current.id is None else store.progress_ids_of(ledger, current.id)
    for target in agreement.targets:
        if target.id is not None and target.id not in targets:
            raise BranchDeskError("row.missing", table="agreement_target", id=target.id)
        for entry in target.progress:
            if entry.id is not None and entry.id not in entries:
                raise BranchDeskError("row.missing", table="target_progress", id=entry.id)
