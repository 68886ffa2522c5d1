"""A new ledger made from a seed or full package (``branchdesk-cli new LEDGER --from PACKAGE.bdx``, DESIGN.md
§9): the office below starts from the records the office above keeps for it, with their uuids, and trusts
the sender's key from then on."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from branchdesk.domain.clock import Clock
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.packages import Manifest, PackageKind, rows_member
from branchdesk.exchange.package_files import read_package
from branchdesk.exchange.package_media import take_pictures
from branchdesk.services.ledgers import create_ledger
from branchdesk.storage import identity as identity_store
from branchdesk.storage import media
from branchdesk.storage import offices as office_store
from branchdesk.storage import packages as package_store
from branchdesk.storage.ledger import Ledger


@dataclass(frozen=True)
class Seeded:
    manifest: Manifest
    rows: int


def create_from_package(path: Path, package_path: Path, clock: Clock, *, overwrite: bool = False) -> Seeded:
    """Make the ledger at ``path`` from a verified seed or full package, whole or not at all. Its scope is
    the seed's region, or the full package's sender's (a ledger made again from its own last package)."""
    package = read_package(package_path)
    manifest = package.manifest
    if manifest.kind is PackageKind.RECEIPT:
        raise BranchDeskError("package.receipt_for_new", path=str(package_path))
    if manifest.kind not in (PackageKind.SEED, PackageKind.FULL):
        raise BranchDeskError("package.not_for_new", path=str(package_path))
    scope = manifest.seed_scope or manifest.sender.scope
    written = 0

    def fill(ledger: Ledger) -> None:
        nonlocal written

        def rows_of(table: str) -> Iterable[dict[str, Any]]:
            member = rows_member(table)
            return package.values(member) if member in manifest.members else ()

        written = package_store.load_rows(ledger, rows_of)
        package_store.keep_images(ledger, rows_of(package_store.IMAGES))
        # The pictures go into the new ledger's photo store (checked again as they are copied).
        take_pictures(ledger, [package], write=True, folder=media.media_folder(path))
        if scope is not None:
            region = identity_store.region_id(ledger, scope.uuid)
            if region is None:
                raise BranchDeskError("package.unknown_reference", table="region", column="seed_scope")
            identity_store.set_scope(ledger, region)
        sender = manifest.sender
        office_store.pin_sender(ledger, sender)
        package_store.record_package(
            ledger,
            "received",
            office_store.log_line(
                manifest, {"sha256": package.sha256, "result": "applied", "at": ledger.now()}
            ),
        )

    create_ledger(path, clock, overwrite=overwrite, fill=fill).close()
    return Seeded(manifest, written)
