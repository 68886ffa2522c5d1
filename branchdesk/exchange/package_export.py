"""Writing a ledger's data package (DESIGN.md §9, docs/packages.md): a delta of the changes after the last
acknowledged one, a full package of every row, or a seed of one region's subtree (the ledger of an office
below is made from it); signed with the ledger's key and logged as sent."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.packages import (
    CHANGES,
    THUMBNAILS,
    TOMBSTONES,
    Manifest,
    PackageKind,
    Scope,
    rows_member,
)
from branchdesk.domain.records import Region
from branchdesk.exchange.package_files import file_sha256, write_package
from branchdesk.services.ledger_keys import ledger_key
from branchdesk.services.regions import list_regions
from branchdesk.storage import identity as identity_store
from branchdesk.storage import media
from branchdesk.storage import packages as package_store
from branchdesk.storage.ledger import Ledger


@dataclass(frozen=True)
class Exported:
    path: Path
    manifest: Manifest
    size: int  # bytes of the file
    # Pictures of a full package or seed not carried because this ledger's photo folder lacks them (or
    # holds them damaged): they arrive as thumbnails only.
    pictures_missing: int = 0


def export_package(
    ledger: Ledger, path: Path, *, full: bool, data_dir: Path, seed: Region | None = None
) -> Exported:
    """Write the package at ``path``: the subtree of ``seed``, or everything with ``full``, else the changes
    not yet acknowledged (refused when there are none). A seed and a full package carry the pictures of
    their photos from the photo folder beside the ledger; a delta carries the thumbnails of the photos it
    adds or changes. The private key comes from ``data_dir`` (services/ledger_keys.py)."""
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
        pictures: dict[str, int] = {}
        if seed is not None or full:
            pictures = package_store.picture_sizes(ledger, within=None if seed is None else seed.id)
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
            lines = package_store.changes(ledger, from_seq, to_seq)
            photos = {
                line["after"]["sha256"]
                for line in lines
                if line["table"] in package_store.PHOTO_TABLES and line["after"]
            }
            members = {CHANGES: lines}
            if photos:  # without photos a delta is as format version 1 wrote it
                members = {**members, THUMBNAILS: package_store.images_of(ledger, photos)}
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
            pictures=media.whole_pictures(media.media_folder(ledger.path), pictures),
        )
    missing = len(pictures) - len(manifest.pictures)
    package = Exported(Path(path), manifest, Path(path).stat().st_size, missing)
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
