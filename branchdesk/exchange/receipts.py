"""Receipts (``.bdxr``, DESIGN.md §9): after importing a package the receiver writes a small signed file
saying which package it took, from whom, up to which of the sender's changes it has applied and what became
of it; the sender imports it to move its mark (``acknowledged_sequence``), so that its next delta starts
after it. A receipt is a package of kind ``receipt`` without members: the same zip, manifest and signature.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.packages import Manifest, PackageKind, Receipt, Scope
from branchdesk.exchange.package_files import Package, file_sha256, read_package, write_package
from branchdesk.services.ledger_keys import ledger_key
from branchdesk.services.regions import list_regions
from branchdesk.storage import identity as identity_store
from branchdesk.storage import offices as office_store
from branchdesk.storage import packages as package_store
from branchdesk.storage.ledger import Ledger

RECEIPT_SUFFIX = ".bdxr"
# The results of a package a receipt is written for: taken in, or refused for a gap (the receipt then tells
# the sender where this ledger stands). A dry run or an import left unsettled changed nothing: no receipt.
RECEIPT_RESULTS = ("applied", "applied_before", "refused")


@dataclass(frozen=True)
class ReceiptImported:
    path: Path
    manifest: Manifest
    receipt: Receipt
    acknowledged_before: int  # the mark before this receipt
    acknowledged: int  # the mark now
    already: bool  # the same receipt was imported before: nothing changed


def receipt_json(taken: ReceiptImported) -> dict[str, Any]:
    """A receipt taken in, as ``package import --json`` lists it."""
    return {
        "path": str(taken.path),
        "receipt_uuid": taken.manifest.package_uuid,
        "acknowledges": taken.receipt.package_uuid,
        "to_seq": taken.receipt.to_seq,
        "result": taken.receipt.result,
        "already": taken.already,
        "acknowledged": taken.acknowledged,
    }


def own_scope(ledger: Ledger) -> Scope | None:
    """This ledger's scope as a manifest names it."""
    identity = identity_store.identity(ledger)
    return next(
        (Scope(r.uuid, r.path, r.code) for r in list_regions(ledger) if r.id == identity.scope_region_id),
        None,
    )


def write_receipt(ledger: Ledger, directory: Path, package: Package, result: str, data_dir: Path) -> Path:
    """Write the receipt of ``package`` (verified, and taken in with ``result``: applied, applied_before,
    refused …) into ``directory``, signed with this ledger's key, and log it as sent."""
    if ledger.read_only:
        raise BranchDeskError("ledger.read_only", path=str(ledger.path))
    identity = identity_store.identity(ledger)
    sender = package.manifest.sender
    receipt = Receipt(
        package_uuid=package.manifest.package_uuid,
        package_sha256=package.sha256,
        package_sender=sender.ledger_id,
        to_seq=office_store.applied_sequence(ledger, sender.ledger_id),
        result=result,
    )
    name = sender.scope.path.rsplit("/", 1)[-1] if sender.scope is not None else sender.ledger_id[:8]
    path = Path(directory) / f"{name}-{package.manifest.package_uuid[:8]}{RECEIPT_SUFFIX}"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BranchDeskError(
            "package.cannot_write", path=str(path), reason=error.strerror or str(error)
        ) from None
    manifest = write_package(
        path,
        kind=PackageKind.RECEIPT,
        key=ledger_key(data_dir, identity.ledger_id),
        ledger_id=identity.ledger_id,
        scope=own_scope(ledger),
        from_seq=None,
        to_seq=receipt.to_seq,
        previous_package=None,
        created_at=ledger.now(),
        members={},
        receipt=receipt,
    )
    package_store.record_package(
        ledger,
        "sent",
        office_store.log_line(
            manifest,
            {
                "sha256": file_sha256(path),
                "result": result,
                "acknowledges": receipt.package_uuid,
                "at": manifest.created_at,
            },
        ),
    )
    return path


def import_receipt(ledger: Ledger, path: Path, *, dry_run: bool = False) -> ReceiptImported:
    """Take in a receipt of a package this ledger sent: its mark moves to the receipt's ``to_seq`` (never
    back). A damaged receipt, one signed by a key this ledger does not trust or one for a package it never
    sent is refused with nothing changed; the same receipt twice changes nothing. A dry run checks it all
    and records nothing."""
    if ledger.read_only and not dry_run:
        raise BranchDeskError("ledger.read_only", path=str(ledger.path))
    found = read_package(path, pinned_key=lambda ledger_id: office_store.pinned_public_key(ledger, ledger_id))
    manifest = found.manifest
    receipt = manifest.receipt
    if receipt is None:
        raise BranchDeskError("receipt.not_a_receipt", path=str(path))
    signer = manifest.sender
    mine = identity_store.identity(ledger).ledger_id
    if signer.ledger_id == mine:  # sent back by mistake: it belongs to the office that sent the package
        raise BranchDeskError("receipt.own", path=str(path))
    if office_store.pinned(ledger, signer.ledger_id) is None:
        raise BranchDeskError("receipt.unknown_key", fingerprint=signer.fingerprint)
    sent = office_store.sent_package(ledger, receipt.package_uuid)
    if (
        sent is None
        or receipt.package_sender != mine
        or sent["sha256"] != receipt.package_sha256
        or receipt.to_seq > office_store.sent_sequence(ledger)
    ):
        raise BranchDeskError("receipt.not_sent", path=str(path))
    before = package_store.acknowledged_sequence(ledger)
    already = office_store.received(ledger, manifest.package_uuid)
    if not already and not dry_run:
        package_store.record_package(
            ledger,
            "received",
            office_store.log_line(
                manifest,
                {
                    "sha256": found.sha256,
                    "result": receipt.result,
                    "acknowledges": receipt.package_uuid,
                    "at": ledger.now(),
                },
            ),
        )
    return ReceiptImported(
        Path(path), manifest, receipt, before, package_store.acknowledged_sequence(ledger), already
    )
