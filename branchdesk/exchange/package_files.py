"""Data packages as files (``.bdx``, DESIGN.md §9): writing one whole or not at all, and reading one only
after it has shown it is intact, signed and what it says it is. The format is domain/packages.py.

Reading checks, before any line is used: the zip (a truncated or damaged file), its size (a zip bomb), the
manifest's format version, the signature of the manifest by the key it names and that key against the one
pinned for the sender, the manifest itself, its schema version, then every member's hash, size and lines
(a picture's bytes against the hash that names it) and the per-table counts. Each refusal is a
BranchDeskError with its own message; nothing is written. The signature covers the manifest and so,
through its hashes, every member; the zip's own bookkeeping (timestamps, attributes) is not part of what
a package says.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import uuid as uuid_module
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from branchdesk import __version__
from branchdesk.domain.chain import ChainHead
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.packages import (
    FORMAT_VERSION,
    FORMAT_VERSIONS,
    MANIFEST,
    MEDIA,
    SIGNATURE,
    Manifest,
    MemberDigest,
    PackageKind,
    Receipt,
    Scope,
    Sender,
    check_counts,
    check_member,
    digest_lines,
    format_version,
    is_member_name,
    media_hash,
    media_member,
    parse_manifest,
    sender_key,
)
from branchdesk.domain.signatures import SIGNATURE_BYTES, KeyPair, fingerprint, signed_by
from branchdesk.storage.schema import SCHEMA_VERSION

PACKAGE_SUFFIX = ".bdx"
# Every member's time in the zip, so that the same package is the same bytes.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_MiB = 1 << 20
# A member's lines are read this much at a time: a quarter MiB stays on the heap where a whole MiB was
# mapped and unmapped for each read (a city's 199 deltas: 0.17 s of the system's time, now 0.01 s).
_READ = 256 * 1024


@dataclass(frozen=True)
class Limits:
    """What a package may unpack to. A city's year (300k activities) is about 150 MB of lines, which
    deflate about tenfold; a zip bomb inflates a thousandfold."""

    members: int = 256
    manifest_bytes: int = 4 * _MiB
    total_bytes: int = 4096 * _MiB
    line_bytes: int = 4 * _MiB
    ratio: int = 200  # uncompressed over compressed, for a member of more than 1 MiB
    # Pictures (``media/``), counted apart from the lines: a township's year is ~1,400 of 150–400 KB; a
    # stored photo is at most what the photo store takes in (storage/media.py, 30 MB).
    pictures: int = 200_000
    picture_bytes: int = 32 * _MiB
    media_bytes: int = 256 * 1024 * _MiB


@dataclass(frozen=True)
class Package:
    """A package that passed every check; its members' lines are read again as they are used."""

    path: Path
    manifest: Manifest
    sha256: str  # of the whole file, for the package log
    limits: Limits

    def values(self, member: str, read: list[MemberDigest] | None = None) -> Iterator[dict[str, Any]]:
        """The objects of ``member``, one a line; the member is checked again as it is read, in case the
        file changed since it was verified (and its digest added to ``read``)."""
        with _opened(self.path) as archive:
            digest = MemberDigest(member)
            with archive.open(member) as stream:
                yield from _values(stream, self.path, self.limits, digest)
            check_member(self.manifest, digest)
        if read is not None:
            read.append(digest)

    def picture(self, member: str) -> Iterator[bytes]:
        """The bytes of the picture ``member`` in chunks; the last chunk is given only once all of them
        have shown to be the picture its name and the manifest say (else ``package.picture_changed``), so
        a reader keeps nothing of a picture before the iteration has ended."""
        with _opened(self.path) as archive, archive.open(member) as stream:
            digest = MemberDigest(member)
            held = b""
            while chunk := stream.read(_MiB):
                if held:
                    yield held
                held = digest.hashed_bytes(chunk)
            if digest.member() != self.manifest.members[member]:
                raise BranchDeskError("package.picture_changed", member=member)
            if held:
                yield held

    def check_pictures(self) -> None:
        """Every picture's bytes against its hash, keeping none of them."""
        for name in self.manifest.pictures:
            for _chunk in self.picture(name):
                pass

    def check_read(self, read: list[MemberDigest]) -> None:
        """For a package read with ``contents=False``: the members not read yet are read now, and the
        per-table counts checked, so that it has passed every check ``read_package`` makes."""
        done = {digest.name for digest in read}
        for name in self.manifest.members:
            if name not in done and media_hash(name) is None:  # pictures: package_media.py reads them
                for _value in self.values(name, read):
                    pass
        check_counts(self.manifest, read)


def write_package(
    path: Path,
    *,
    kind: PackageKind,
    key: KeyPair,
    ledger_id: str,
    scope: Scope | None,
    from_seq: int | None,
    to_seq: int,
    previous_package: str | None,
    created_at: str,
    members: Mapping[str, Iterable[Mapping[str, Any]]],
    seed_scope: Scope | None = None,
    receipt: Receipt | None = None,
    chain_head: ChainHead | None = None,
    pictures: Iterable[tuple[str, bytes]] = (),
) -> Manifest:
    """Write a signed package at ``path``, made whole beside it and then moved into place. ``pictures``
    (hash, JPEG bytes) become ``media/`` members, stored as they are (a JPEG does not deflate)."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{uuid_module.uuid4().hex[:8]}.tmp")
    digests = []
    try:
        with zipfile.ZipFile(temporary, "w") as archive:
            for name, values in members.items():
                digest, chunks = digest_lines(name, values)
                with archive.open(_Entry(name), "w", force_zip64=True) as stream:
                    for chunk in chunks:
                        stream.write(chunk)
                digests.append(digest)
            counts: dict[str, int] = {}
            for digest in digests:
                for table, count in digest.tables.items():
                    counts[table] = counts.get(table, 0) + count
            for sha256, data in pictures:
                digest = MemberDigest(media_member(sha256))
                digest.hashed_bytes(data)
                if digest.member().sha256 != sha256:  # the caller's mistake: a receiver would refuse it
                    raise BranchDeskError("package.member_changed", member=digest.name)
                archive.writestr(_Entry(digest.name, stored=True), data)
                digests.append(digest)
                counts[MEDIA] = counts.get(MEDIA, 0) + 1
            manifest = Manifest(
                package_uuid=str(uuid_module.uuid4()),
                kind=kind,
                app_version=__version__,
                schema_version=SCHEMA_VERSION,
                created_at=created_at,
                sender=Sender(ledger_id, scope, key.public_key.hex()),
                from_seq=from_seq,
                to_seq=to_seq,
                previous_package=previous_package,
                counts=dict(sorted(counts.items())),
                members={digest.name: digest.member() for digest in digests},
                seed_scope=seed_scope,
                receipt=receipt,
                chain_head=chain_head,
            )
            data = manifest.to_bytes()
            parse_manifest(data)  # what a receiver will check: a mistake here is ours
            archive.writestr(_Entry(MANIFEST), data)
            archive.writestr(_Entry(SIGNATURE), key.sign(data).hex())
        os.replace(temporary, path)
    except OSError as error:
        raise BranchDeskError(
            "package.cannot_write", path=str(path), reason=error.strerror or str(error)
        ) from None
    finally:
        temporary.unlink(missing_ok=True)
    return manifest


class _Entry(zipfile.ZipInfo):
    """A member as packages write it: deflated at level 1, which takes a third of the default level's
    time for a fifth more bytes (the lines are most of an export's work after reading them), or stored
    (a picture), and dated 1980-01-01."""

    def __init__(self, name: str, *, stored: bool = False) -> None:
        super().__init__(name, date_time=_ZIP_TIME)
        self.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        # zipfile takes a member's level from this attribute (ZipFile.open has no parameter for it).
        self._compresslevel = None if stored else 1


def read_package(
    path: Path,
    *,
    pinned_key: Callable[[str], bytes | None] = lambda _ledger_id: None,
    schema_version: int = SCHEMA_VERSION,
    limits: Limits = Limits(),
    contents: bool = True,
) -> Package:
    """The package at ``path`` once every check has passed (see the module's text); ``pinned_key`` gives the
    public key a sender's ledger_id was pinned to, or None for a sender not seen before.

    ``contents=False`` checks everything up to the members' list and sizes, and leaves their contents to be
    checked as they are read (``Package.values`` and ``Package.check_read``): for a reader inside a
    transaction that a refusal rolls back, which then reads each line once instead of twice."""
    path = Path(path)
    if not path.is_file():
        raise BranchDeskError("package.missing", path=str(path))
    with _opened(path) as archive:
        entries = _checked_entries(archive, path, limits)
        if MANIFEST not in entries or SIGNATURE not in entries:
            raise BranchDeskError("package.not_a_package", path=str(path))
        data = archive.read(MANIFEST)
        signature = archive.read(SIGNATURE)
        manifest = _trusted_manifest(data, signature, pinned_key, schema_version)
        _check_member_list(manifest, entries)
        digests = []
        for name in manifest.members if contents else ():
            if media_hash(name) is not None:
                continue  # read below, once the zip is closed
            digest = MemberDigest(name)
            with archive.open(name) as stream:
                for _value in _values(stream, path, limits, digest):
                    pass
            check_member(manifest, digest)
            digests.append(digest)
        if contents:
            check_counts(manifest, digests)
    package = Package(path, manifest, file_sha256(path), limits)
    if contents:
        package.check_pictures()
    return package


def _trusted_manifest(
    data: bytes, signature: bytes, pinned_key: Callable[[str], bytes | None], schema_version: int
) -> Manifest:
    version = format_version(data)
    if version not in FORMAT_VERSIONS:
        raise BranchDeskError("package.unknown_format", version=version, supported=FORMAT_VERSION)
    ledger_id, key = sender_key(data)
    try:
        signature_bytes = bytes.fromhex(signature.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        signature_bytes = b""
    if len(signature_bytes) != SIGNATURE_BYTES or not signed_by(key, data, signature_bytes):
        raise BranchDeskError("package.bad_signature")
    pinned = pinned_key(ledger_id)
    if pinned is not None and pinned != key:
        raise BranchDeskError("package.wrong_key", pinned=fingerprint(pinned), found=fingerprint(key))
    manifest = parse_manifest(data)
    if manifest.schema_version > schema_version:
        raise BranchDeskError(
            "package.newer_schema", package_version=manifest.schema_version, app_version=schema_version
        )
    return manifest


def _checked_entries(archive: zipfile.ZipFile, path: Path, limits: Limits) -> dict[str, zipfile.ZipInfo]:
    """The zip's members by name, refused when there are too many, too large or too compressed (a bomb),
    before a byte is inflated; a name twice or an encrypted member is no package of ours."""
    infos = archive.infolist()
    pictures = [info for info in infos if media_hash(info.filename) is not None]
    lines = [info for info in infos if media_hash(info.filename) is None]
    if (
        len(lines) > limits.members
        or sum(info.file_size for info in lines) > limits.total_bytes
        or len(pictures) > limits.pictures
        or sum(info.file_size for info in pictures) > limits.media_bytes
    ):
        raise BranchDeskError("package.too_large", path=str(path))
    entries: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if info.filename in entries or info.flag_bits & 0x1:
            raise BranchDeskError("package.damaged", path=str(path))
        too_compressed = info.file_size > _MiB and info.file_size > limits.ratio * max(info.compress_size, 1)
        manifest_too_big = info.filename in (MANIFEST, SIGNATURE) and info.file_size > limits.manifest_bytes
        picture_too_big = media_hash(info.filename) is not None and info.file_size > limits.picture_bytes
        if too_compressed or manifest_too_big or picture_too_big:
            raise BranchDeskError("package.too_large", path=str(path))
        entries[info.filename] = info
    return entries


def _check_member_list(manifest: Manifest, entries: Mapping[str, zipfile.ZipInfo]) -> None:
    present = set(entries) - {MANIFEST, SIGNATURE}
    for name in sorted(present - set(manifest.members)):
        raise BranchDeskError("package.member_extra", member=name if is_member_name(name) else repr(name))
    for name, member in manifest.members.items():
        if name not in present:
            raise BranchDeskError("package.member_missing", member=name)
        if entries[name].file_size != member.size:  # known before inflating it
            raise BranchDeskError("package.member_changed", member=name)


def _values(stream: IO[bytes], path: Path, limits: Limits, digest: MemberDigest) -> Iterator[dict[str, Any]]:
    """The member's lines' objects, taken into ``digest`` (which remembers a bad line). Read a quarter MiB
    at a time, the
    whole lines of each read taken together (a zip member's readline is Python's own loop, and was half the
    time of an import); a line longer than the limit is refused before it is held whole."""
    rest = b""
    while chunk := stream.read(_READ):
        block = rest + chunk
        end = block.rfind(b"\n") + 1
        rest = block[end:]
        if len(rest) > limits.line_bytes or (
            len(block) >= limits.line_bytes
            and any(len(line) >= limits.line_bytes for line in block[:end].split(b"\n"))
        ):
            raise BranchDeskError("package.too_large", path=str(path))
        if end:
            yield from digest.take(block[:end])
    if rest:
        yield from digest.take(rest, whole=False)


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[zipfile.ZipFile]:
    """The zip at ``path``; a file that is no zip, or is cut short or changed so that a member no longer
    inflates to what the zip recorded, is a damaged package."""
    try:
        with zipfile.ZipFile(path) as archive:
            yield archive
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError):
        raise BranchDeskError("package.damaged", path=str(path)) from None
    except OSError as error:
        raise BranchDeskError(
            "package.cannot_read", path=str(path), reason=error.strerror or str(error)
        ) from None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_MiB):
            digest.update(chunk)
    return digest.hexdigest()
