"""Evidence photos of activities: making pictures ready for the ledger (off the UI thread), reading an
activity's photos, finding pictures the store lacks, and the evidence check (DESIGN.md §10).

Adding a photo is two steps. ``prepare`` normalises the files and writes the pictures into the store beside
the ledger, leaving the ledger untouched (the store is content-addressed: a picture no row uses harms
nothing and is reused if added again). The photo rows are then written with the activity, in the one
operation of the dialog's OK (services/activities.py), so Edit ▸ Undo takes them back whole.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from branchdesk.domain.activities import ActivityFilter
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.photos import (
    NEAR_BITS,
    ActivityPhoto,
    DateCheck,
    EvidenceKind,
    EvidenceWarning,
    NormalisedPhoto,
    StoredPhoto,
    date_check,
    nearly_same,
)
from branchdesk.services import activities as activity_service
from branchdesk.storage import activity_list, media
from branchdesk.storage import photos as photo_store
from branchdesk.storage.ledger import Ledger


@dataclass(frozen=True)
class Prepared:
    """One file given: the picture made of it, or why it could not be."""

    source: Path
    photo: NormalisedPhoto | None
    error: BranchDeskError | None


def prepare(
    ledger_path: Path, sources: Sequence[Path], progress: Callable[[int, int], None]
) -> list[Prepared]:
    """Normalise each file and put its picture into the ledger's store. A file that is no photo (or too
    large, or damaged) is reported and the others go on; a store that cannot be written stops it all."""
    folder = media.media_folder(ledger_path)
    done: list[Prepared] = []
    for number, source in enumerate(sources):
        progress(number, len(sources))
        try:
            photo, data, print_copy = media.normalise(source)
        except BranchDeskError as error:
            done.append(Prepared(source, None, error))
            continue
        media.put(folder, photo.sha256, data)
        media.keep_print_copy(media.print_path(folder, photo.sha256), print_copy)  # for the Word ledger
        done.append(Prepared(source, photo, None))
    progress(len(sources), len(sources))
    return done


def _stored(row: dict[str, Any], folder: Path) -> StoredPhoto:
    size = row["size"]
    return StoredPhoto(
        id=row["id"],
        uuid=row["uuid"],
        position=row["position"],
        caption=row["caption"],
        sha256=row["sha256"],
        taken_at=photo_store.parse_time(row["taken_at"]),
        thumbnail=row["thumbnail"] or b"",
        path=media.photo_path(folder, row["sha256"]),
        present=size is not None and media.present(folder, row["sha256"], size),
    )


def _photo(row: dict[str, Any], folder: Path) -> ActivityPhoto:
    stored = _stored(row, folder)
    return ActivityPhoto(
        **vars(stored),
        activity_id=row["activity_id"],
        date_check=DateCheck(row["date_check"]),
    )


def photos_of(ledger: Ledger, activity_ids: Sequence[int]) -> dict[int, list[ActivityPhoto]]:
    """Each activity's photos in the user's order (activities without photos are left out): what the
    Word ledger prints, with the stored picture's path, or only its thumbnail when the store lacks it."""
    folder = media.media_folder(ledger.path)
    found: dict[int, list[ActivityPhoto]] = defaultdict(list)
    for row in photo_store.photos_of(ledger, activity_ids):
        found[row["activity_id"]].append(_photo(row, folder))
    return dict(found)


def activity_photos(ledger: Ledger, activity_id: int) -> list[ActivityPhoto]:
    return photos_of(ledger, [activity_id]).get(activity_id, [])


def item_photos(ledger: Ledger, item_id: int) -> list[StoredPhoto]:
    """A list item's 销号 photos in the user's order."""
    folder = media.media_folder(ledger.path)
    return [_stored(row, folder) for row in photo_store.item_photos_of(ledger, item_id)]


def in_store(ledger_path: Path, pictures: Sequence[str]) -> set[str]:
    """Which of these pictures the store beside the ledger holds (after re-linking)."""
    folder = media.media_folder(ledger_path)
    return {sha for sha in pictures if media.photo_path(folder, sha).is_file()}


def missing_count(ledger: Ledger) -> int:
    return len(photo_store.missing_pictures(ledger))


def relink(ledger: Ledger, chosen: Path) -> tuple[int, int]:
    """Copy the pictures the store lacks from the folder ``chosen`` (a copy of the ``.bdesk-media`` folder,
    or wherever they were put); returns how many were found and how many are still missing."""
    missing = photo_store.missing_pictures(ledger)
    if not chosen.is_dir():
        raise BranchDeskError("photo.folder_missing", path=str(chosen))
    found = media.relink(media.media_folder(ledger.path), chosen, missing)
    return found, len(missing) - found


def _same_pictures(uses: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Pairs of uses in different activities of the same picture, or nearly the same by dHash.

    Nearly the same means at most NEAR_BITS of 64 bits differ; cut the hash into NEAR_BITS + 1 pieces and
    two such hashes agree on one piece at least (pigeonhole), so only hashes sharing a piece are compared.
    """
    pieces = NEAR_BITS + 1
    width = -(-64 // pieces)
    buckets: dict[tuple[int, int], list[int]] = defaultdict(list)
    hashes = [None if use["dhash"] is None else int(use["dhash"], 16) for use in uses]
    for index, value in enumerate(hashes):
        if value is None:
            continue
        for piece in range(pieces):
            buckets[(piece, (value >> (piece * width)) & ((1 << width) - 1))].append(index)
    by_sha: dict[str, list[int]] = defaultdict(list)
    for index, use in enumerate(uses):
        by_sha[use["sha256"]].append(index)
    candidates: set[tuple[int, int]] = set()
    for group in [*buckets.values(), *by_sha.values()]:
        for position, first in enumerate(group):
            for second in group[position + 1 :]:
                candidates.add((min(first, second), max(first, second)))
    pairs = []
    for first, second in sorted(candidates):
        a, b = uses[first], uses[second]
        if a["activity_id"] == b["activity_id"]:
            continue
        ha, hb = hashes[first], hashes[second]
        if a["sha256"] == b["sha256"] or (ha is not None and hb is not None and nearly_same(ha, hb)):
            pairs.append((a, b))
    return pairs


def evidence_warnings(ledger: Ledger, flt: ActivityFilter) -> list[EvidenceWarning]:
    """The warnings of Tools ▸ Evidence check for the activities of ``flt``, by date (newest first): photos
    without a capture time or taken far from the day, the same picture in two activities (the other may be
    anywhere in the ledger), and activities recorded late."""
    ids = activity_list.filtered_ids(ledger, flt)
    scope = set(ids)
    found: list[tuple[int, EvidenceKind, str, int | None, int | None, dt.datetime | None]] = []
    for row in photo_store.date_problems(ledger, ids):
        taken_at = photo_store.parse_time(row["taken_at"])
        check = date_check(taken_at, dt.date.fromisoformat(row["held_on"]))
        kind = EvidenceKind.NO_CAPTURE_TIME if check is DateCheck.MISSING else EvidenceKind.CAPTURE_TIME_FAR
        found.append((row["activity_id"], kind, row["caption"] or "", None, row["position"] + 1, taken_at))
    seen: set[tuple[int, int]] = set()
    for a, b in _same_pictures(photo_store.picture_uses(ledger)):
        for mine, other in ((a["activity_id"], b), (b["activity_id"], a)):
            if mine in scope and (mine, other["activity_id"]) not in seen:
                seen.add((mine, other["activity_id"]))
                same = EvidenceKind.SAME_PICTURE
                found.append((mine, same, other["held_on"], other["activity_id"], None, None))
    for activity_id, entered_on in activity_service.recorded_late(ledger, ids).items():
        found.append((activity_id, EvidenceKind.RECORDED_LATE, entered_on.isoformat(), None, None, None))
    rows = {row.id: row for row in activity_list.activity_rows(ledger, sorted({item[0] for item in found}))}
    warnings = [
        EvidenceWarning(
            activity_id=activity_id,
            held_on=rows[activity_id].held_on,
            pairing=f"{rows[activity_id].organ} — {rows[activity_id].grassroots}",
            kind=kind,
            detail=detail,
            other_activity_id=other,
            photo=photo,
            taken_at=taken_at,
        )
        for activity_id, kind, detail, other, photo, taken_at in found
    ]
    return sorted(warnings, key=lambda warning: (warning.held_on, warning.activity_id), reverse=True)
