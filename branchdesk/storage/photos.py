"""Photos of activities in the ledger: each picture's facts and thumbnail (``photo_image``, by hash), each
use of a picture (``photo``: activity, place, caption, capture time checked), and the queries behind the
evidence check. The pictures themselves are in the store beside the ledger (storage/media.py)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from branchdesk.domain.activities import ActivityFilter
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import Month
from branchdesk.domain.photos import DateCheck, Evidence, NormalisedPhoto, PhotoEntry, date_check, evidence_of
from branchdesk.storage import activity_list, media
from branchdesk.storage.ledger import Ledger

# Ids per IN (…): far below SQLite's limit on parameters.
_CHUNK = 500


def _time(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat(sep=" ")


def parse_time(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)


def _held_on(ledger: Ledger, activity_id: int) -> dt.date:
    return dt.date.fromisoformat(ledger.scalar("SELECT held_on FROM activity WHERE id = ?", (activity_id,)))


# A picture's facts and thumbnail: sha256, size, width, height, taken_at (ISO or None), dhash (hex), JPEG.
Image = tuple[str, int, int, int, str | None, str, bytes]


def keep_images(ledger: Ledger, images: Iterable[Image]) -> None:
    """Pictures' facts and thumbnails, once per picture (unlogged: see schema.py, migration 10)."""
    now = ledger.now()
    ledger.conn.executemany(
        "INSERT OR IGNORE INTO photo_image"
        " (sha256, size, width, height, taken_at, dhash, thumbnail, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        ((*image, now) for image in images),
    )


def keep_image(ledger: Ledger, photo: NormalisedPhoto) -> None:
    keep_images(
        ledger,
        [
            (
                photo.sha256,
                photo.size,
                photo.width,
                photo.height,
                _time(photo.taken_at),
                photo.dhash_hex,
                photo.thumbnail,
            )
        ],
    )


def _taken_at(ledger: Ledger, sha256: str) -> dt.datetime | None:
    found = ledger.query("SELECT taken_at FROM photo_image WHERE sha256 = ?", (sha256,))
    if not found:
        raise BranchDeskError("photo.unknown_picture", sha256=sha256)
    return parse_time(found[0]["taken_at"])


def photo_rows(ledger: Ledger, activity_id: int) -> list[dict[str, Any]]:
    return ledger.query("SELECT * FROM photo WHERE activity_id = ? ORDER BY position, id", (activity_id,))


def set_photos(ledger: Ledger, activity_id: int, entries: Sequence[PhotoEntry]) -> None:
    """Make the activity's photos ``entries``, in that order: new pictures added, the others' caption and
    place updated, those left out removed; every capture time checked again against the activity's date.
    Each row written is logged in the operation under way, so undo puts the photos back as they were."""
    _set_uses(ledger, "photo", "activity_id", activity_id, entries, _held_on(ledger, activity_id))


def item_photo_rows(ledger: Ledger, item_id: int) -> list[dict[str, Any]]:
    return ledger.query(
        "SELECT * FROM plan_item_photo WHERE plan_item_id = ? ORDER BY position, id", (item_id,)
    )


def set_item_photos(ledger: Ledger, item_id: int, entries: Sequence[PhotoEntry]) -> None:
    """Make a list item's 销号 photos ``entries``, in that order, as :func:`set_photos` does an activity's
    (no capture time is judged: an item is done over weeks, not on one day)."""
    _set_uses(ledger, "plan_item_photo", "plan_item_id", item_id, entries, None)


def _set_uses(
    ledger: Ledger,
    table: str,
    owner: str,
    owner_id: int,
    entries: Sequence[PhotoEntry],
    held_on: dt.date | None,
) -> None:
    """The uses of pictures by one record (``owner`` = ``owner_id`` in ``table``) made ``entries``; with
    ``held_on``, each one's capture time checked against that day."""
    for entry in entries:
        if entry.image is not None:
            keep_image(ledger, entry.image)
    present = {
        row["uuid"]: row
        for row in ledger.query(f"SELECT * FROM {table} WHERE {owner} = ? ORDER BY position, id", (owner_id,))
    }
    kept = {entry.uuid for entry in entries if entry.uuid is not None}
    for uuid, gone in present.items():
        if uuid not in kept:
            ledger.delete(table, gone["id"])
    for position, entry in enumerate(entries):
        values: dict[str, Any] = {"position": position, "caption": (entry.caption or "").strip() or None}
        row = present.get(entry.uuid or "")
        taken_at = _taken_at(ledger, entry.sha256) if row is None else parse_time(row["taken_at"])
        if held_on is not None:
            values["date_check"] = date_check(taken_at, held_on).value
        if row is None:
            ledger.insert(
                table, {owner: owner_id, "sha256": entry.sha256, "taken_at": _time(taken_at), **values}
            )
        else:
            ledger.update(table, row["id"], values)


def recheck_dates(ledger: Ledger, activity_id: int) -> None:
    """The activity's date changed: its photos' capture times are checked against the new one."""
    held_on = _held_on(ledger, activity_id)
    for row in photo_rows(ledger, activity_id):
        taken_at = parse_time(row["taken_at"])
        ledger.update("photo", row["id"], {"date_check": date_check(taken_at, held_on).value})


def delete_photos(ledger: Ledger, activity_id: int) -> None:
    for row in photo_rows(ledger, activity_id):
        ledger.delete("photo", row["id"])


def delete_item_photos(ledger: Ledger, item_id: int) -> None:
    for row in item_photo_rows(ledger, item_id):
        ledger.delete("plan_item_photo", row["id"])


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


_PHOTOS = (
    "SELECT p.id, p.uuid, p.activity_id, p.position, p.caption, p.sha256, p.taken_at, p.date_check,"
    " i.thumbnail, i.size FROM photo p LEFT JOIN photo_image i ON i.sha256 = p.sha256"
)


def item_photos_of(ledger: Ledger, item_id: int) -> list[dict[str, Any]]:
    """A list item's photos with their thumbnails (None where the ledger lacks the picture), in order."""
    return ledger.query(
        "SELECT p.id, p.uuid, p.position, p.caption, p.sha256, p.taken_at, i.thumbnail, i.size"
        " FROM plan_item_photo p LEFT JOIN photo_image i ON i.sha256 = p.sha256"
        " WHERE p.plan_item_id = ? ORDER BY p.position, p.id",
        (item_id,),
    )


def photos_of(ledger: Ledger, activity_ids: Sequence[int]) -> list[dict[str, Any]]:
    """The photos of these activities (a picture not in this ledger has thumbnail and size None), each
    activity's in the user's order."""
    rows: list[dict[str, Any]] = []
    for chunk in _chunks(list(dict.fromkeys(activity_ids))):
        marks = ", ".join("?" for _ in chunk)
        rows += ledger.query(
            f"{_PHOTOS} WHERE p.activity_id IN ({marks}) ORDER BY p.activity_id, p.position, p.id", chunk
        )
    return rows


# Pictures used by an activity's photos or a list item's 销号 photos (a file older than MIGRATION_ITEM_PHOTOS:
# by the former only).
_USED_BY_ACTIVITIES = "EXISTS (SELECT 1 FROM photo p WHERE p.sha256 = i.sha256)"
_USED_BY_ITEMS = "EXISTS (SELECT 1 FROM plan_item_photo p WHERE p.sha256 = i.sha256)"
_PICTURES = f"SELECT i.sha256, i.size FROM photo_image i WHERE ({_USED_BY_ACTIVITIES} OR {_USED_BY_ITEMS})"


def pictures(ledger: Ledger) -> dict[str, int]:
    """Every picture the ledger's photos use, with its size in bytes: what its store should hold."""
    return dict(ledger.conn.execute(_PICTURES))


def pictures_among(ledger: Ledger, hashes: Sequence[str]) -> dict[str, int]:
    """Those of these pictures the ledger's photos use, with their sizes."""
    among = f"{_PICTURES} AND i.sha256 IN (SELECT value FROM json_each(?))"
    return dict(ledger.conn.execute(among, (json.dumps(hashes),)))


def pictures_in(path: Path) -> dict[str, int]:
    """The same of a ledger file not open (a backup, of any version: one older than the photos has none)."""
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        if conn.execute("SELECT 1 FROM sqlite_schema WHERE name = 'photo_image'").fetchone() is None:
            return {}
        if conn.execute("SELECT 1 FROM sqlite_schema WHERE name = 'plan_item_photo'").fetchone() is None:
            return dict(
                conn.execute(f"SELECT i.sha256, i.size FROM photo_image i WHERE {_USED_BY_ACTIVITIES}")
            )
        return dict(conn.execute(_PICTURES))


def missing_pictures(ledger: Ledger) -> dict[str, int]:
    """The pictures the store beside this ledger lacks (the folder was not copied with the file)."""
    folder = media.media_folder(ledger.path)
    return {sha: size for sha, size in pictures(ledger).items() if not media.present(folder, sha, size)}


def date_problems(ledger: Ledger, activity_ids: Sequence[int]) -> list[dict[str, Any]]:
    """Photos of these activities whose capture time is missing or more than the tolerance from the
    activity's date, judged against the date as it is now."""
    rows: list[dict[str, Any]] = []
    for chunk in _chunks(list(activity_ids)):
        marks = ", ".join("?" for _ in chunk)
        rows += ledger.query(
            "SELECT p.activity_id, p.position, p.caption, p.taken_at, a.held_on FROM photo p"
            f" JOIN activity a ON a.id = p.activity_id WHERE p.activity_id IN ({marks})"
            " ORDER BY p.activity_id, p.position",
            chunk,
        )
    return [
        row
        for row in rows
        if date_check(
            parse_time(row["taken_at"]),
            dt.date.fromisoformat(row["held_on"]),
        )
        is not DateCheck.OK
    ]


def picture_uses(ledger: Ledger) -> list[dict[str, Any]]:
    """Every use of a picture (activity, date, hash, perceptual hash), for finding the same picture in
    two activities."""
    return ledger.query(
        "SELECT p.activity_id, p.sha256, i.dhash, p.caption, a.held_on FROM photo p"
        " JOIN activity a ON a.id = p.activity_id LEFT JOIN photo_image i ON i.sha256 = p.sha256"
        " ORDER BY p.activity_id, p.position"
    )


# A themed day (activity ``a``) with its evidence: at least one photo, and its attendance recorded.
_HAS_PHOTO = "EXISTS (SELECT 1 FROM photo p WHERE p.activity_id = a.id)"
_HAS_ATTENDANCE = "a.expected IS NOT NULL"


def evidence_count(ledger: Ledger, flt: ActivityFilter) -> tuple[int, int]:
    """The activities of ``flt`` with their evidence complete, and all of them."""
    cte, where, params = activity_list.where_clause(ledger, flt)
    row = ledger.conn.execute(
        f"{cte}SELECT coalesce(sum({_HAS_PHOTO} AND {_HAS_ATTENDANCE}), 0), count(*) FROM activity a {where}",
        params,
    ).fetchone()
    return int(row[0]), int(row[1])


def evidence_by_pairing(ledger: Ledger, pairing_ids: Sequence[int], month: Month) -> dict[int, Evidence]:
    """Per pairing that held a themed Party day in ``month``: what of its evidence is there."""
    found: dict[int, Evidence] = {}
    for chunk in _chunks(list(pairing_ids)):
        marks = ", ".join("?" for _ in chunk)
        for pairing_id, photos, attendance, complete in ledger.conn.execute(
            f"SELECT a.pairing_id, max({_HAS_PHOTO}), max({_HAS_ATTENDANCE}),"
            f" max({_HAS_PHOTO} AND {_HAS_ATTENDANCE}) FROM activity a"
            f" WHERE a.type = 'themed_day' AND a.held_on BETWEEN ? AND ? AND a.pairing_id IN ({marks})"
            " GROUP BY a.pairing_id",
            [month.first_day.isoformat(), month.last_day.isoformat(), *chunk],
        ):
            found[pairing_id] = evidence_of(bool(photos), bool(attendance), bool(complete))
    return found
