"""The photo store beside a ledger: ``<ledger>.bdesk-media/<sha[:2]>/<sha256>.jpg`` (docs/photos.md says why
files and not a second SQLite file), and the one place Pillow reads and writes pictures.

A photo is normalised once, when it is added: EXIF orientation applied, long edge at most ``LONG_EDGE``
pixels, re-encoded as JPEG without its metadata (which may hold where it was taken); the file is named by
the SHA-256 of those bytes, so it never changes once written and copying it anywhere is safe. The ledger
keeps a small thumbnail and the facts (capture time, perceptual hash); this folder keeps the pictures.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import os
import shutil
import uuid
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

from branchdesk.domain.errors import BranchDeskError, os_reason
from branchdesk.domain.photos import DHASH_COLUMNS, DHASH_ROWS, NormalisedPhoto, dhash, parse_exif_time

SUFFIX = "-media"  # 台账.bdesk → 台账.bdesk-media
LONG_EDGE = 1600
QUALITY = 85
THUMBNAIL_EDGE = 320
THUMBNAIL_QUALITY = 70  # ~15–25 KB: the ledger grows by about that per photo
# What a phone photo may be; a bigger file (a 40 MB panorama, a scan) is refused with a message.
MAX_FILE_BYTES = 30 * 1024 * 1024
# The copies the Word ledger prints (docs/word-ledger.md): 72 mm wide at ~280 dpi. Half the store's long
# edge, so that the JPEG decoder makes it directly at half scale (DCT scaling), three times faster than
# decoding whole and resizing to 850 px (300 dpi); kept in ``word/`` inside the store, made once.
PRINT_EDGE = LONG_EDGE // 2
PRINT_QUALITY = 80
PRINT_FOLDER = "word"
# Below Pillow's own decompression-bomb limit (89 million pixels), which would warn instead of refusing.
MAX_PIXELS = 80_000_000
FORMATS = ("JPEG", "PNG")
_DATE_TIME_ORIGINAL = 36867
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"hevm", b"hevs", b"mif1", b"msf1", b"avif")
_CHUNK = 1 << 20


def media_folder(ledger_path: Path) -> Path:
    return ledger_path.with_name(ledger_path.name + SUFFIX)


def photo_path(folder: Path, sha256: str) -> Path:
    return folder / sha256[:2] / f"{sha256}.jpg"


def print_path(folder: Path, sha256: str) -> Path:
    """Where the store keeps the print copy of a picture, named by the picture and the copy's size."""
    return folder / PRINT_FOLDER / sha256[:2] / f"{sha256}-{PRINT_EDGE}q{PRINT_QUALITY}.jpg"


def make_print_copy(source: Path, target: Path) -> bool:
    """Make the print copy of the picture ``source`` at ``target`` (whole or not at all); False when it
    cannot be made (a damaged picture, a read-only store) or the picture is small already, and the
    picture itself is printed instead."""
    try:
        with Image.open(source) as picture:
            scale = PRINT_EDGE / max(picture.size)
            if scale >= 1:
                return False
            size = (max(1, round(picture.width * scale)), max(1, round(picture.height * scale)))
            # A request a pixel under the size lets the decoder halve a 1600 px picture exactly.
            picture.draft("RGB", (max(1, size[0] - 1), max(1, size[1] - 1)))
            small = _rgb(picture if picture.size == size else picture.resize(size, Image.Resampling.BICUBIC))
            data = _jpeg(small, PRINT_QUALITY)
    except (OSError, SyntaxError, ValueError, UnidentifiedImageError, Image.DecompressionBombError):
        return False
    return keep_print_copy(target, data)


def keep_print_copy(target: Path, data: bytes) -> bool:
    """Write a print copy whole or not at all; False when the store cannot take it (it is made again when
    next needed, or the picture itself is printed)."""
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        os.replace(partial, target)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        return False
    return True


def _is_heif(head: bytes) -> bool:
    """An ISO media file whose brand is HEIF/HEIC/AVIF (an iPhone's photo): ``....ftypheic``."""
    return head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS


def _read(source: Path) -> bytes:
    try:
        size = source.stat().st_size
        if size > MAX_FILE_BYTES:
            raise BranchDeskError(
                "photo.too_large",
                name=source.name,
                megabytes=size // (1024 * 1024),
                limit=MAX_FILE_BYTES // (1024 * 1024),
            )
        return source.read_bytes()
    except FileNotFoundError:
        raise BranchDeskError("photo.missing_file", path=str(source)) from None
    except OSError as error:
        raise BranchDeskError("photo.cannot_read", path=str(source), reason=os_reason(error)) from None


def normalise(source: Path) -> tuple[NormalisedPhoto, bytes, bytes]:
    """The photo at ``source`` as the store keeps it, its JPEG bytes and those of its print copy (made
    here from the picture already decoded: 2 % of the work, where making it later decodes it again);
    refused with a message (not an image, HEIC, too large, damaged), never half made."""
    data = _read(source)
    if _is_heif(data[:16]):
        raise BranchDeskError("photo.heic", name=source.name)
    too_many = BranchDeskError("photo.too_many_pixels", name=source.name, limit=MAX_PIXELS // 1_000_000)
    try:
        with warnings.catch_warnings():
            # Pillow warns from 89 million pixels on; the limit below refuses them already.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            picture = Image.open(io.BytesIO(data))
    except UnidentifiedImageError:
        raise BranchDeskError("photo.not_an_image", name=source.name) from None
    except Image.DecompressionBombError:
        raise too_many from None
    with picture:
        if picture.format not in FORMATS:
            raise BranchDeskError("photo.not_an_image", name=source.name)
        if picture.width * picture.height > MAX_PIXELS:
            raise too_many
        taken_at = parse_exif_time(picture.getexif().get_ifd(ExifTags.IFD.Exif).get(_DATE_TIME_ORIGINAL))
        try:
            # thumbnail() lets the JPEG decoder skip what the long edge does not need (draft mode).
            picture.thumbnail((LONG_EDGE, LONG_EDGE))
            upright = ImageOps.exif_transpose(picture)
        except (OSError, SyntaxError, ValueError):  # a truncated or damaged file
            raise BranchDeskError("photo.damaged", name=source.name) from None
    rgb = _rgb(upright)
    normal = _jpeg(rgb, QUALITY)
    small = rgb.copy()
    small.thumbnail((THUMBNAIL_EDGE, THUMBNAIL_EDGE))
    grey = small.convert("L").resize((DHASH_COLUMNS, DHASH_ROWS), Image.Resampling.BOX)
    photo = NormalisedPhoto(
        sha256=hashlib.sha256(normal).hexdigest(),
        size=len(normal),
        width=rgb.width,
        height=rgb.height,
        taken_at=taken_at,
        dhash=dhash(list(grey.tobytes())),
        thumbnail=_jpeg(small, THUMBNAIL_QUALITY),
        source_name=source.name,
    )
    return photo, normal, _jpeg(_print_size(rgb), PRINT_QUALITY)


def _print_size(picture: Image.Image) -> Image.Image:
    if max(picture.size) <= PRINT_EDGE:
        return picture
    if max(picture.size) == 2 * PRINT_EDGE:  # the store's own size: halved exactly, fast
        return picture.reduce(2)
    copy = picture.copy()
    copy.thumbnail((PRINT_EDGE, PRINT_EDGE), Image.Resampling.BICUBIC)
    return copy


def _rgb(picture: Image.Image) -> Image.Image:
    """JPEG has no transparency: a PNG's transparent parts become white, as on paper."""
    if picture.mode == "RGB":
        return picture
    if "A" in picture.getbands() or "transparency" in picture.info:
        rgba = picture.convert("RGBA")
        paper = Image.new("RGB", rgba.size, "white")
        paper.paste(rgba, mask=rgba.getchannel("A"))
        return paper
    return picture.convert("RGB")


def _jpeg(picture: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=quality)
    return out.getvalue()


def _store_error(folder: Path, error: OSError) -> BranchDeskError:
    # A file in use (Windows' sharing violation, 32/33) is EACCES too: its reason says so.
    if getattr(error, "winerror", None) not in (32, 33) and error.errno in (
        errno.EROFS,
        errno.EACCES,
        errno.EPERM,
    ):
        return BranchDeskError("photo.store_read_only", path=str(folder))
    return BranchDeskError("photo.store_cannot_write", path=str(folder), reason=os_reason(error))


def put(folder: Path, sha256: str, data: bytes) -> None:
    """Write a picture into the store under its hash, whole or not at all (written beside its place and
    then moved there). One already there is kept: same name, same bytes."""
    target = photo_path(folder, sha256)
    if _has(target, len(data)):
        return
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        if _has(target, len(data)):  # Windows: a viewer holds the file open, with the same bytes in it
            return
        raise _store_error(folder, error) from None


def _has(path: Path, size: int) -> bool:
    try:
        return path.stat().st_size == size
    except OSError:
        return False


def present(folder: Path, sha256: str, size: int) -> bool:
    """The store holds this picture (by name and size; its bytes are checked when it is copied)."""
    return _has(photo_path(folder, sha256), size)


def _hash_of(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _copy_checked(source: Path, folder: Path, sha256: str) -> bool:
    """Copy ``source`` into the store if its bytes are the picture ``sha256``."""
    if _hash_of(source) != sha256:
        return False
    target = photo_path(folder, sha256)
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, partial)
        os.replace(partial, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise _store_error(folder, error) from None
    return True


def copy_pictures(
    source: Path,
    target: Path,
    wanted: Mapping[str, int],
    *,
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """Copy the pictures ``wanted`` (hash → size) that ``target`` lacks from the store ``source``, each
    checked against its hash; returns how many were copied. ``progress(done, total)`` False cancels."""
    missing = [sha for sha, size in wanted.items() if not present(target, sha, size)]
    copied = 0
    for done, sha in enumerate(missing, 1):
        found = photo_path(source, sha)
        if found.is_file() and _copy_checked(found, target, sha):
            copied += 1
        if progress is not None and not progress(done, len(missing)):
            break
    return copied


def relink(folder: Path, chosen: Path, wanted: Mapping[str, int]) -> int:
    """Find the missing pictures ``wanted`` (hash → size) anywhere under the folder ``chosen`` (a copied
    ``.bdesk-media`` folder, or any folder the files were put in) and copy them into the store."""
    by_size: dict[int, set[str]] = {}
    for sha, size in wanted.items():
        if not present(folder, sha, size):
            by_size.setdefault(size, set()).add(sha)
    found = 0
    for path in _files(chosen):
        try:
            size = path.stat().st_size
        except OSError:
            continue
        candidates = by_size.get(size)
        if not candidates:
            continue
        digest = _hash_of(path)
        if digest is not None and digest in candidates and _copy_checked(path, folder, digest):
            candidates.discard(digest)
            found += 1
    return found


class Incoming:
    """Pictures coming into the store from a data package: each written into a folder inside the store
    as it is read, and moved into place only when all have come whole (``place``); ``discard`` leaves the
    store as it was. Used as a context manager, whatever was not placed is discarded."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._staging = folder / f".incoming-{uuid.uuid4().hex[:8]}"
        self._pictures: list[str] = []
        self._made_store = not folder.exists()  # then a refusal takes it away again

    def __enter__(self) -> Incoming:
        return self

    def __exit__(self, *_exception: object) -> None:
        self.discard()

    def add(self, sha256: str, chunks: Iterable[bytes]) -> None:
        """Write the picture ``sha256``; the chunks' iterator refuses bytes that are not it (and then
        nothing of it is kept)."""
        try:
            self._staging.mkdir(parents=True, exist_ok=True)
            with (self._staging / sha256).open("wb") as handle:
                for chunk in chunks:
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            raise _store_error(self.folder, error) from None
        self._pictures.append(sha256)

    def place(self) -> int:
        """Move every picture written into the store; returns how many."""
        try:
            for sha256 in self._pictures:
                target = photo_path(self.folder, sha256)
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(self._staging / sha256, target)
        except OSError as error:
            raise _store_error(self.folder, error) from None
        placed, self._pictures = len(self._pictures), []
        return placed

    def discard(self) -> None:
        shutil.rmtree(self._staging, ignore_errors=True)
        if self._made_store:
            with contextlib.suppress(OSError):  # not empty: pictures were placed
                self.folder.rmdir()


def whole_pictures(folder: Path, wanted: Mapping[str, int]) -> Iterator[tuple[str, bytes]]:
    """The pictures ``wanted`` (hash → size) the store holds whole, each with its bytes, read one at a
    time; one missing or damaged is left out (the receiver shows its thumbnail)."""
    for sha, size in wanted.items():
        path = photo_path(folder, sha)
        if not _has(path, size):
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() == sha:
            yield sha, data


def _files(folder: Path) -> Iterable[Path]:
    for root, _, names in os.walk(folder):
        for name in names:
            yield Path(root, name)
