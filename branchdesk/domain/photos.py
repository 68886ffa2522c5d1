"""Evidence photos of activities (DESIGN.md §10): what is known of a photo, the soft gates on it, and the
perceptual hash that finds the same picture saved again — pure Python, no Pillow, no SQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

# A capture time further than this from the activity's date is a warning (never a refusal).
DATE_TOLERANCE_DAYS = 3
# dHash: a grey picture of this many columns (one more than compared) and rows; 8 × 8 = 64 bits.
DHASH_COLUMNS = 9
DHASH_ROWS = 8
# Two pictures whose dHashes differ in at most this many of the 64 bits are "nearly the same": a photo
# re-saved, re-compressed by WeChat or slightly cropped stays within a few bits; different scenes differ
# in about half of them.
NEAR_BITS = 6


class DateCheck(StrEnum):
    """The photo's capture time (EXIF DateTimeOriginal) against the activity's date."""

    OK = "ok"
    MISSING = "missing"  # no capture time in the file (a screenshot, a WeChat copy without 原图)
    FAR = "far"  # more than DATE_TOLERANCE_DAYS away from the day it was held


def date_check(taken_at: dt.datetime | None, held_on: dt.date) -> DateCheck:
    if taken_at is None:
        return DateCheck.MISSING
    if abs((taken_at.date() - held_on).days) > DATE_TOLERANCE_DAYS:
        return DateCheck.FAR
    return DateCheck.OK


def parse_exif_time(text: object) -> dt.datetime | None:
    """EXIF's ``YYYY:MM:DD HH:MM:SS`` (local time, no zone); None for anything else (blank, zeros)."""
    if not isinstance(text, str):
        return None
    try:
        return dt.datetime.strptime(text.strip().rstrip("\x00")[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None


def dhash(grey: Sequence[int]) -> int:
    """The difference hash of a ``DHASH_COLUMNS`` × ``DHASH_ROWS`` grey picture given row by row: bit set
    where a pixel is brighter than its right-hand neighbour (Neal Krawetz's dHash)."""
    if len(grey) != DHASH_COLUMNS * DHASH_ROWS:
        raise ValueError("dhash needs a 9 × 8 picture")
    bits = 0
    for row in range(DHASH_ROWS):
        start = row * DHASH_COLUMNS
        for column in range(DHASH_COLUMNS - 1):
            bits = (bits << 1) | (grey[start + column] > grey[start + column + 1])
    return bits


def nearly_same(first: int, second: int) -> bool:
    return (first ^ second).bit_count() <= NEAR_BITS


@dataclass(frozen=True)
class NormalisedPhoto:
    """A photo as the store keeps it: the normalised JPEG's hash and facts, and its thumbnail."""

    sha256: str
    size: int  # bytes of the normalised JPEG
    width: int
    height: int
    taken_at: dt.datetime | None
    dhash: int
    thumbnail: bytes
    source_name: str  # the file it was made from, to suggest a caption

    @property
    def dhash_hex(self) -> str:
        return f"{self.dhash:016x}"


@dataclass(frozen=True)
class PhotoEntry:
    """One photo of an activity as the dialog edits it: which picture, and its caption; the list's order
    is the photos' order."""

    sha256: str
    caption: str | None = None
    uuid: str | None = None  # None: added in this edit
    image: NormalisedPhoto | None = None  # a picture new to the ledger: its facts and thumbnail to keep


@dataclass(frozen=True)
class StoredPhoto:
    """A stored photo of a record (an activity, a list item's 销号), in the order the user gave."""

    id: int
    uuid: str
    position: int
    caption: str | None
    sha256: str
    taken_at: dt.datetime | None
    thumbnail: bytes  # a ~320 px JPEG kept inside the ledger
    path: Path  # the normalised JPEG (long edge ≤ 1600 px) in the store beside the ledger
    present: bool  # False: the store's file is not there (the folder was not copied); re-link it

    def entry(self) -> PhotoEntry:
        return PhotoEntry(self.sha256, self.caption, self.uuid)


@dataclass(frozen=True)
class ActivityPhoto(StoredPhoto):
    """A stored photo of an activity, its capture time judged against the activity's date."""

    activity_id: int
    date_check: DateCheck


class Evidence(StrEnum):
    """A pairing's themed Party day of a month against the ledger's 一事一档: photos and attendance."""

    COMPLETE = "complete"  # a themed day with at least one photo and its attendance
    NO_PHOTOS = "no_photos"
    NO_ATTENDANCE = "no_attendance"
    NEITHER = "neither"


def evidence_of(photos: bool, attendance: bool, complete: bool) -> Evidence:
    """Of a pairing's themed days in a month: whether any has photos, any has attendance, any has both."""
    if complete:
        return Evidence.COMPLETE
    if photos:
        return Evidence.NO_ATTENDANCE
    return Evidence.NO_PHOTOS if attendance else Evidence.NEITHER


class EvidenceKind(StrEnum):
    """What Tools ▸ Evidence check lists; each is a warning, never a refusal."""

    NO_CAPTURE_TIME = "no_capture_time"
    CAPTURE_TIME_FAR = "capture_time_far"
    SAME_PICTURE = "same_picture"  # the same or nearly the same picture in another activity
    RECORDED_LATE = "recorded_late"  # entered long after it was held (补录)


@dataclass(frozen=True)
class EvidenceWarning:
    activity_id: int
    held_on: dt.date
    pairing: str  # "organ — grassroots"
    kind: EvidenceKind
    # What the warning is about: a photo's caption, the other activity's date (ISO), the days late.
    detail: str
    other_activity_id: int | None = None
    photo: int | None = None  # the photo's place among the activity's photos, from 1
    taken_at: dt.datetime | None = None
