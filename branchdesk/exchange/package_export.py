"""Writing a ledger's data package (DESIGN.md §9, docs/packages.md): a delta of the changes after the last
acknowledged one, a full package of every row, or a seed of one region's subtree (the ledger of an office
below is made from it); signed with the ledger's key and logged as sent."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.packages import CHANGES, TOMBSTONES, Manifest, PackageKind, Scope, rows_member
from branchdesk.domain.records import Region
from branchdesk.exchange.package_files import file_sha256, write_package
from branchdesk.services.ledger_keys import ledger_key
from branchdesk.services.regions import list_regions
from branchdesk.storage import identity as identity_store
from branchdesk.storage import packages as package_store
from branchdesk.storage.ledger import Ledger


@dataclass(frozen=True)
class Exported:
    path: Path
    manifest: Manifest
    size: int  # bytes of the file


def export_package(
    ledger: Ledger, path: Path, *, full: bool, data_dir: Path, seed: Region | None = None
) -> Exported:
    """Write the package at ``path``: the subtree of ``seed``, or everything with ``full``, else the changes
    not yet acknowledged (refused when there are none). The private key comes from ``data_dir``
    (services/ledger_keys.py)."""
    if ledger.read_only:  # the package log must record what was sent, or the next package loses its place
        raise BranchDeskError("ledger.read_only", path=str(ledger.path))
    identity = identity_store.identity(ledger)
    key = ledger_key(data_dir, identity.ledger_id)
    scope = next(
        (Scope(r.uuid, r.path, r.code) for r in list_regions(ledger) if r.id == identity.scope_region_id),
        None,
    )
    with ledger.snapshot():  # one state of the file, and the sequence that ends it
        to_seq = package_store.last_sequence(ledger)
        from_seq: int | None = None
        members: Mapping[str, Iterable[Mapping[str, Any]]]
        if seed is not None:
            members = {
                **{
                    rows_member(table): package_store.rows(ledger, table, within=seed.id)
                    for table in package_store.PACKAGE_TABLES
                },
                rows_member(package_store.IMAGES): package_store.images(ledger, within=seed.id),
            }
        elif full:
            members = {
                **{
                    rows_member(table): package_store.rows(ledger, table)
                    for table in package_store.PACKAGE_TABLES
                },
                rows_member(package_store.IMAGES): package_store.images(ledger),
                TOMBSTONES: package_store.tombstones(ledger),
            }
        else:
            from_seq = package_store.acknowledged_sequence(ledger) + 1
            if from_seq > to_seq:
                raise BranchDeskError("package.nothing_new")
            members = {CHANGES: package_store.changes(ledger, from_seq, to_seq)}
        manifest = write_package(
            path,
            kind=_kind(full, seed),
            key=key,
            ledger_id=identity.ledger_id,
            scope=scope,
            from_seq=from_seq,
            to_seq=to_seq,
            previous_package=package_store.last_sent(ledger),
            created_at=ledger.now(),
            members=members,
            seed_scope=None if seed is None else Scope(seed.uuid, seed.path, seed.code),
            chain_head=package_store.chain_head(ledger, to_seq),
        )
    package = Exported(Path(path), manifest, Path(path).stat().st_size)
    package_store.record_package(
        ledger,
        "sent",
        {
            "package_uuid": manifest.package_uuid,
            "kind": str(manifest.kind),
            "sender_ledger_id": identity.ledger_id,
            "sender_scope": None if scope is None else scope.uuid,
            "from_seq": from_seq,
            "to_seq": to_seq,
            "previous_package": manifest.previous_package,
            "sha256": file_sha256(path),
            "fingerprint": manifest.sender.fingerprint,
            "result": "sent",
            "at": manifest.created_at,
            "created_at": manifest.created_at,
        },
    )
    return package


def _kind(full: bool, seed: Region | None) -> PackageKind:
    if seed is not None:
        return PackageKind.SEED
    return PackageKind.FULL if full else PackageKind.DELTA
