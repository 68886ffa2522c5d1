"""The data package format (``.bdx``, DESIGN.md §9): its manifest, its members and the checks that a
package says what it holds. Pure: the zip is read and written in exchange/package_files.py.

A package is a zip of
- ``manifest.json``: what this module's :class:`Manifest` holds, as canonical JSON (its bytes are signed);
- ``manifest.sig``: the Ed25519 signature of those bytes by the sender ledger's key, as hex;
- ``changes.jsonl`` (a delta): one logged change a line, ``{"seq", "op", "action", "at", "table", "uuid",
  "change", "before", "after"}``;
- ``rows/<table>.jsonl`` (a full or seed package): one row a line, and ``tombstones.jsonl``: the rows
  deleted, ``{"seq", "table", "uuid"}``, since a deletion is never inferred from a missing row;
- ``rows/photo_image.jsonl``: the facts and thumbnails of the pictures the package's photos use (a delta
  too, since format version 2), and ``media/<sha256>.jpg`` (a full or seed package, format version 2): the
  pictures themselves, each named by the SHA-256 of its bytes.

Rows in a package refer to each other by uuid; the integer ids of a ledger never leave it.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import orjson

from branchdesk.domain.chain import ChainHead
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.signatures import KEY_BYTES, fingerprint

FORMAT = "branchdesk-package"
# The newest format this program reads and writes. Version 2 added pictures (``media/<sha256>.jpg``) and
# thumbnails in deltas; a package that uses neither is still written as version 1, so that an office whose
# program reads only version 1 takes it, and version 1 is read as ever.
FORMAT_VERSION = 2
FORMAT_VERSIONS = (1, 2)
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
CHANGES = "changes.jsonl"
TOMBSTONES = "tombstones.jsonl"
THUMBNAILS = "rows/photo_image.jsonl"  # the pictures' facts and thumbnails
# The pictures' count in a manifest's ``counts``: one per ``media/`` member.
MEDIA = "media"
_ROWS = re.compile(r"^rows/([a-z][a-z_]*)\.jsonl$")
_MEDIA = re.compile(r"^media/([0-9a-f]{64})\.jpg$")


class PackageKind(StrEnum):
    SEED = "seed"  # a county gives a township its subtree
    DELTA = "delta"  # the changes since the last acknowledged package
    FULL = "full"  # everything, for a re-seed or after a schema change
    RECEIPT = "receipt"  # a receiver's signed word of what it applied (.bdxr): no members


def rows_member(table: str) -> str:
    return f"rows/{table}.jsonl"


def media_member(sha256: str) -> str:
    return f"media/{sha256}.jpg"


def media_hash(name: str) -> str | None:
    """The picture a ``media/`` member holds (the SHA-256 its bytes must have), None for another member."""
    match = _MEDIA.match(name)
    return None if match is None else match.group(1)


@dataclass(frozen=True)
class Scope:
    """The region a ledger is authoritative for: its uuid (the same in every ledger) and, for people, its
    path and official code."""

    uuid: str
    path: str
    code: str | None = None


@dataclass(frozen=True)
class Sender:
    ledger_id: str
    scope: Scope | None
    public_key: str  # hex

    @property
    def fingerprint(self) -> str:
        return fingerprint(bytes.fromhex(self.public_key))


@dataclass(frozen=True)
class Member:
    sha256: str
    size: int
    lines: int


@dataclass(frozen=True)
class Receipt:
    """What a receipt acknowledges: a package it names by uuid and file hash, from ``package_sender``, and
    ``to_seq``, the last change of that sender the receiver has applied (so a receipt for a refused
    package still says how far the receiver is); ``result`` is what became of the package."""

    package_uuid: str
    package_sha256: str
    package_sender: str  # ledger_id
    to_seq: int
    result: str


@dataclass(frozen=True)
class Manifest:
    package_uuid: str
    kind: PackageKind
    app_version: str
    schema_version: int
    created_at: str
    sender: Sender
    from_seq: int | None  # a delta's first change; None for a full or seed package
    to_seq: int  # the sender's last change in (or before) the package; 0 for a ledger without any
    previous_package: str | None
    counts: dict[str, int]  # lines per table, over all members
    members: dict[str, Member] = field(default_factory=dict)
    seed_scope: Scope | None = None  # a seed's region: the scope of the ledger made from it
    receipt: Receipt | None = None  # a receipt's (its sender is the receiver of the package it names)
    # The sender's change-log chain at ``to_seq`` (domain/chain.py), so that the receiver can tell later
    # whether the history it was sent has been rewritten; an optional key of format version 1.
    chain_head: ChainHead | None = None

    @property
    def format_version(self) -> int:
        """The oldest format that holds this package: 2 with pictures, or thumbnails in a delta."""
        newer = THUMBNAILS in self.members and self.kind is PackageKind.DELTA
        return 2 if newer or any(media_hash(name) for name in self.members) else 1

    @property
    def pictures(self) -> list[str]:
        """The ``media/`` members, in the manifest's order."""
        return [name for name in self.members if media_hash(name) is not None]

    def to_bytes(self) -> bytes:
        """Canonical JSON: the same manifest always gives the same bytes (they are what is signed)."""
        document = {
            "format": FORMAT,
            "format_version": self.format_version,
            "app_version": self.app_version,
            "schema_version": self.schema_version,
            "package_uuid": self.package_uuid,
            "kind": str(self.kind),
            "created_at": self.created_at,
            "sender": {
                "ledger_id": self.sender.ledger_id,
                "scope": scope_json(self.sender.scope),
                "public_key": self.sender.public_key,
                "fingerprint": self.sender.fingerprint,
            },
            "sequence": {"from": self.from_seq, "to": self.to_seq},
            "previous_package": self.previous_package,
            "seed_scope": scope_json(self.seed_scope),
            "counts": self.counts,
            "members": {
                name: {"sha256": member.sha256, "size": member.size, "lines": member.lines}
                for name, member in self.members.items()
            },
        }
        if self.receipt is not None:  # only receipts carry the key: every other manifest stays as it was
            document["receipt"] = {
                "package_uuid": self.receipt.package_uuid,
                "package_sha256": self.receipt.package_sha256,
                "package_sender": self.receipt.package_sender,
                "to_seq": self.receipt.to_seq,
                "result": self.receipt.result,
            }
        if self.chain_head is not None:  # written since the hash chain; older readers ignore it
            document["chain_head"] = {"seq": self.chain_head.seq, "sha256": self.chain_head.sha256}
        return canonical_json(document)


def _receipt(value: Any) -> Receipt | None:
    if value is None:
        return None
    return Receipt(
        _checked(value["package_uuid"], _is_uuid),
        _checked(value["package_sha256"], lambda digest: _is_hex(digest, 32)),
        _checked(value["package_sender"], _is_uuid),
        _checked(value["to_seq"], _is_count),
        _checked(value["result"], _is_text),
    )


def scope_json(scope: Scope | None) -> dict[str, Any] | None:
    """A scope as manifests and ``package export --json`` show it."""
    return None if scope is None else {"uuid": scope.uuid, "path": scope.path, "code": scope.code}


def _scope(value: Any) -> Scope | None:
    if value is None:
        return None
    return Scope(
        _checked(value["uuid"], _is_uuid),
        _checked(value["path"], _is_text),
        _checked(value["code"], lambda code: code is None or _is_text(code)),
    )


def format_version(data: bytes) -> int:
    """The format version of a manifest, read before anything else in it, as a later format may lay the
    rest out differently; a file that is not a manifest of any version is refused."""
    document = _json_object(data)
    version = document.get("format_version")
    if document.get("format") != FORMAT or not isinstance(version, int) or isinstance(version, bool):
        raise BranchDeskError("package.bad_manifest")
    return version


def sender_key(data: bytes) -> tuple[str, bytes]:
    """The sender's ledger_id and public key as the manifest states them, to check its signature with."""
    sender = _json_object(data).get("sender")
    if not isinstance(sender, dict):
        raise BranchDeskError("package.bad_manifest")
    ledger_id, key = sender.get("ledger_id"), sender.get("public_key")
    if not _is_uuid(ledger_id) or not _is_hex(key, KEY_BYTES):
        raise BranchDeskError("package.bad_manifest")
    return str(ledger_id), bytes.fromhex(str(key))


def parse_manifest(data: bytes) -> Manifest:
    """A manifest of this format version; anything missing or of the wrong type refuses the package."""
    try:
        document = _json_object(data)
        sender, sequence = document["sender"], document["sequence"]
        manifest = Manifest(
            package_uuid=_checked(document["package_uuid"], _is_uuid),
            kind=PackageKind(document["kind"]),
            app_version=_checked(document["app_version"], _is_text),
            schema_version=_checked(document["schema_version"], _is_count),
            created_at=_checked(document["created_at"], _is_text),
            sender=Sender(
                ledger_id=_checked(sender["ledger_id"], _is_uuid),
                scope=_scope(sender["scope"]),
                public_key=_checked(sender["public_key"], lambda key: _is_hex(key, KEY_BYTES)),
            ),
            from_seq=_checked(sequence["from"], lambda seq: seq is None or _is_count(seq)),
            to_seq=_checked(sequence["to"], _is_count),
            previous_package=_checked(document["previous_package"], lambda old: old is None or _is_uuid(old)),
            counts={
                _checked(table, _is_text): _checked(count, _is_count)
                for table, count in _mapping(document["counts"]).items()
            },
            members={
                _checked(name, is_member_name): Member(
                    _checked(member["sha256"], lambda digest: _is_hex(digest, 32)),
                    _checked(member["size"], _is_count),
                    _checked(member["lines"], _is_count),
                )
                for name, member in _mapping(document["members"]).items()
            },
            seed_scope=_scope(document.get("seed_scope")),
            receipt=_receipt(document.get("receipt")),
            chain_head=_chain_head(document.get("chain_head")),
        )
    except (KeyError, TypeError, ValueError):
        raise BranchDeskError("package.bad_manifest") from None
    stated_fingerprint = sender.get("fingerprint")
    in_order = manifest.from_seq is None or manifest.from_seq <= manifest.to_seq
    fits_version = document.get("format_version", 0) >= manifest.format_version
    if (
        stated_fingerprint != manifest.sender.fingerprint
        or not in_order
        or not fits_version
        or not _members_fit_kind(manifest)
        or not _pictures_named_by_hash(manifest)
    ):
        raise BranchDeskError("package.bad_manifest")
    return manifest


def _pictures_named_by_hash(manifest: Manifest) -> bool:
    """A picture's name is the hash of its bytes, and it has no lines."""
    return all(
        member.sha256 == media_hash(name) and member.lines == 0
        for name, member in manifest.members.items()
        if media_hash(name) is not None
    )


def _chain_head(value: object) -> ChainHead | None:
    if value is None:  # written before the chain, or by a sender without one
        return None
    head = _mapping(value)
    return ChainHead(
        _checked(head["seq"], _is_count), _checked(head["sha256"], lambda digest: _is_hex(digest, 32))
    )


def _members_fit_kind(manifest: Manifest) -> bool:
    names = set(manifest.members)
    if (manifest.kind is PackageKind.SEED) != (manifest.seed_scope is not None):
        return False
    if (manifest.kind is PackageKind.RECEIPT) != (manifest.receipt is not None):
        return False
    if manifest.kind is PackageKind.RECEIPT:
        return not names and manifest.from_seq is None
    if manifest.kind is PackageKind.DELTA:  # its changes, and the thumbnails of the photos they add
        return CHANGES in names and names <= {CHANGES, THUMBNAILS} and manifest.from_seq is not None
    return CHANGES not in names and manifest.from_seq is None


def _json_object(data: bytes) -> dict[str, Any]:
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BranchDeskError("package.bad_manifest") from None
    if not isinstance(document, dict):
        raise BranchDeskError("package.bad_manifest")
    return document


def _checked(value: Any, test: Callable[[Any], bool]) -> Any:
    if not test(value):
        raise ValueError(value)
    return value


def _mapping(value: object) -> dict[Any, Any]:
    if not isinstance(value, dict):
        raise TypeError(value)
    return value


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value)


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_uuid(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def _is_hex(value: object, length: int) -> bool:
    return isinstance(value, str) and re.fullmatch(f"[0-9a-f]{{{length * 2}}}", value) is not None


def is_member_name(name: object) -> bool:
    """A name a package may hold besides its manifest and signature (no paths of its own)."""
    return isinstance(name, str) and (
        name in (CHANGES, TOMBSTONES) or _ROWS.match(name) is not None or _MEDIA.match(name) is not None
    )


def _refused_line(line: bytes) -> Any:
    """A line orjson refused, as the standard library reads it (None: no JSON). orjson parses a line in
    half the standard library's time (62 % of a city's lines are areas, and parsing them was as much CPU as
    inserting them); what it refuses and the standard library reads (NaN) is read by the latter, as packages
    always were. An integer past 64 bits (no ledger holds one) comes as a float, as SQLite reads it."""
    try:
        return json.loads(line.decode("utf-8"))
    except ValueError:  # a UnicodeDecodeError too
        return None


class MemberDigest:
    """What a member holds, taken line by line as it is written or read: its SHA-256, size, line count and
    lines per table (a ``rows/<table>.jsonl`` member's lines are its table's; other lines name theirs).

    A line that is no JSON object of a table is remembered, not raised at once: a member whose bytes were
    changed is refused as changed (:func:`check_member`), which is the truer message.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._table = match.group(1) if (match := _ROWS.match(name)) else None
        self._hash = hashlib.sha256()
        self.size = 0
        self.lines = 0
        self.tables: Counter[str] = Counter()
        self.problem: BranchDeskError | None = None

    def take(self, block: bytes, *, whole: bool = True) -> Iterator[dict[str, Any]]:
        """Take lines read, hashed and sized together: ``block`` is whole lines (each with its newline), or
        with ``whole`` False the member's last line, which lacks one (a bad line). Each line's object; a bad
        line gives none and is remembered (the member is refused). Hashing, decoding and counting each line
        by itself was a fifth of reading it."""
        self._hash.update(block)
        self.size += len(block)
        lines = block.split(b"\n")
        if whole:
            lines.pop()  # after the last newline: nothing
        tables, named = self.tables, self._table
        for line in lines:
            self.lines += 1
            try:  # no call a line but orjson's own (a city's year is 800,000 lines)
                value = orjson.loads(line)
            except orjson.JSONDecodeError:
                value = _refused_line(line)
            if type(value) is dict and whole:  # a JSON object (orjson and json make plain dicts)
                table = named if named is not None else value.get("table")
                if type(table) is str:
                    tables[table] += 1
                    yield value
                    continue
            if self.problem is None:
                self.problem = BranchDeskError("package.bad_line", member=self.name, line=self.lines)

    def count(self, value: object, line: bytes) -> bool:
        """Count one line and the table of its object, without hashing it; False for a line that is no
        object of a table."""
        self.size += len(line)
        self.lines += 1
        table = value.get("table") if isinstance(value, dict) and self._table is None else self._table
        if not isinstance(value, dict) or not isinstance(table, str) or not line.endswith(b"\n"):
            return False
        self.tables[table] += 1
        return True

    def hashed(self, chunk: bytes) -> bytes:
        """Take whole lines already counted into the hash; returns them."""
        self._hash.update(chunk)
        return chunk

    def hashed_bytes(self, chunk: bytes) -> bytes:
        """Take bytes of a member without lines (a picture) into the hash and size; returns them."""
        self._hash.update(chunk)
        self.size += len(chunk)
        return chunk

    def member(self) -> Member:
        return Member(self._hash.hexdigest(), self.size, self.lines)


# Lines go to the zip in chunks of about this many bytes: one hash update and one deflate call per chunk
# rather than per line.
_CHUNK_BYTES = 256 * 1024
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def canonical_json(value: Mapping[str, Any]) -> bytes:
    """UTF-8 JSON with sorted keys and no spaces: the same object always gives the same bytes. orjson's
    bytes are the standard library's (``_CANONICAL``) but for a float's exponent (1e-06 is 1e-6), in a
    quarter less time; what it cannot write (an integer past 64 bits, a mapping that is no dict) the
    standard library writes."""
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # orjson.JSONEncodeError
        return _CANONICAL.encode(value).encode()


def json_line(value: Mapping[str, Any]) -> bytes:
    return canonical_json(value) + b"\n"


def digest_lines(name: str, values: Iterable[Mapping[str, Any]]) -> tuple[MemberDigest, Iterator[bytes]]:
    """The lines of member ``name`` as bytes, in chunks of whole lines, taken into a digest as they are
    produced (for writing): the objects are counted as they are, not parsed again from their lines."""
    digest = MemberDigest(name)

    def chunks() -> Iterator[bytes]:
        pending: list[bytes] = []
        size = 0
        for value in values:
            line = json_line(value)
            if not digest.count(value, line):  # a writer's mistake (a change without its table)
                raise BranchDeskError("package.bad_line", member=name, line=digest.lines)
            pending.append(line)
            size += len(line)
            if size >= _CHUNK_BYTES:
                yield digest.hashed(b"".join(pending))
                pending, size = [], 0
        if pending:
            yield digest.hashed(b"".join(pending))

    return digest, chunks()


def check_member(manifest: Manifest, digest: MemberDigest) -> None:
    """A member read whole must be the one the manifest names: same hash, size and line count, every line
    an object of a table."""
    if manifest.members[digest.name] != digest.member():
        raise BranchDeskError("package.member_changed", member=digest.name)
    if digest.problem is not None:
        raise digest.problem


def check_counts(manifest: Manifest, digests: Iterable[MemberDigest]) -> None:
    """The per-table counts the manifest declares must be those of the lines read."""
    found: Counter[str] = Counter()
    for digest in digests:
        found.update(digest.tables)
    if pictures := len(manifest.pictures):  # each checked against its hash as it is read
        found[MEDIA] = pictures
    for table in sorted(set(found) | set(manifest.counts)):
        if found[table] != manifest.counts.get(table, 0):
            raise BranchDeskError(
                "package.counts_wrong",
                table=table,
                declared=manifest.counts.get(table, 0),
                found=found[table],
            )
