"""Data packages (.bdx, DESIGN.md §9) are written whole and signed, and read only once they have shown they
are intact, signed by the sender's key and what their manifest says: each way a file can be damaged, forged
or hostile is refused with its own message, before any line of it is used."""

from __future__ import annotations

import hashlib
import io
import json
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.packages import (
    CHANGES,
    MANIFEST,
    SIGNATURE,
    TOMBSTONES,
    Member,
    PackageKind,
    Scope,
    canonical_json,
    media_member,
    rows_member,
)
from branchdesk.domain.signatures import KeyPair, fingerprint, new_key_pair
from branchdesk.exchange.package_files import Limits, Package, read_package, write_package
from branchdesk.storage.schema import SCHEMA_VERSION
from tests.photo_files import scene

LEDGER_ID = "6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f"
SCOPE = Scope("0b9f6a52-7c1d-4e2f-9a3b-4c5d6e7f8a9b", "信阳市/潢川县/城关镇", "411526100")
KEY = new_key_pair()


def change(seq: int, table: str, kind: str, before: Any, after: Any) -> dict[str, Any]:
    row = after or before
    return {
        "seq": seq, "op": str(uuid.UUID(int=seq)), "at": "2022-05-19T01:00:00Z", "table": table,
        "uuid": row["uuid"], "change": kind, "before": before, "after": after,
    }  # fmt: skip


BRANCH = {"uuid": str(uuid.UUID(int=101)), "name": "郑庄村党支部", "kind": "village", "tier": "weak"}
ACTIVITY = {"uuid": str(uuid.UUID(int=202)), "held_on": "2022-05-08", "type": "themed_day", "volunteers": 5}
CHANGES_LINES = [
    change(7, "branch", "update", {**BRANCH, "tier": "average"}, BRANCH),
    change(8, "activity", "insert", None, ACTIVITY),
    change(9, "activity", "delete", ACTIVITY, None),
]


def write_delta(path: Path, key: KeyPair = KEY) -> Path:
    write_package(
        path, kind=PackageKind.DELTA, key=key, ledger_id=LEDGER_ID, scope=SCOPE, from_seq=7, to_seq=9,
        previous_package=None, created_at="2022-05-19T01:00:00Z", members={CHANGES: CHANGES_LINES},
    )  # fmt: skip
    return path


@pytest.fixture
def delta(tmp_path: Path) -> Path:
    return write_delta(tmp_path / "城关镇 2022-05.bdx")


def refused(path: Path, code: str, **options: Any) -> BranchDeskError:
    with pytest.raises(BranchDeskError) as caught:
        read_package(path, **options)
    assert caught.value.code == code, caught.value
    return caught.value


def test_a_delta_reads_back_as_written(delta: Path) -> None:
    package = read_package(delta)
    manifest = package.manifest
    assert (manifest.kind, manifest.from_seq, manifest.to_seq, manifest.previous_package) == (
        "delta",
        7,
        9,
        None,
    )
    assert manifest.schema_version == SCHEMA_VERSION
    assert (manifest.sender.ledger_id, manifest.sender.scope) == (LEDGER_ID, SCOPE)
    assert manifest.sender.fingerprint == fingerprint(KEY.public_key)
    assert manifest.counts == {"activity": 2, "branch": 1}
    assert list(manifest.members) == [CHANGES]
    assert manifest.members[CHANGES].lines == 3
    assert list(package.values(CHANGES)) == CHANGES_LINES
    assert package.sha256 == hashlib.sha256(delta.read_bytes()).hexdigest()
    assert [path.name for path in delta.parent.iterdir()] == [delta.name]  # nothing left beside it
    with zipfile.ZipFile(delta) as archive:
        assert sorted(archive.namelist()) == [CHANGES, MANIFEST, SIGNATURE]
        assert json.loads(archive.read(MANIFEST))["sender"]["scope"]["path"] == "信阳市/潢川县/城关镇"


def test_a_full_package_carries_rows_per_table_and_tombstones(tmp_path: Path) -> None:
    path = tmp_path / "全量.bdx"
    tombstone = {"seq": 9, "table": "activity", "uuid": ACTIVITY["uuid"]}
    members: dict[str, list[dict[str, Any]]] = {
        rows_member("branch"): [BRANCH],
        rows_member("activity"): [],
        TOMBSTONES: [tombstone],
    }
    manifest = write_package(
        path, kind=PackageKind.FULL, key=KEY, ledger_id=LEDGER_ID, scope=None, from_seq=None, to_seq=9,
        previous_package=str(uuid.UUID(int=5)), created_at="2022-05-19T01:00:00Z", members=members,
    )  # fmt: skip
    package = read_package(
        path, pinned_key=lambda ledger_id: KEY.public_key if ledger_id == LEDGER_ID else None
    )
    assert package.manifest == manifest
    assert manifest.counts == {"activity": 1, "branch": 1}
    assert manifest.sender.scope is None
    assert {name: list(package.values(name)) for name in manifest.members} == members


def test_writing_into_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BranchDeskError) as caught:
        write_delta(tmp_path / "没有这个文件夹" / "x.bdx")
    assert caught.value.code == "package.cannot_write"


# -- damaged files -------------------------------------------------------------------------------------


def test_a_missing_file_or_one_that_is_no_zip_is_refused(tmp_path: Path) -> None:
    refused(tmp_path / "没有.bdx", "package.missing")
    text = tmp_path / "文本.bdx"
    text.write_text("这不是数据包", encoding="utf-8")
    refused(text, "package.damaged")
    empty_zip = tmp_path / "空.bdx"
    with zipfile.ZipFile(empty_zip, "w") as archive:
        archive.writestr("readme.txt", "hello")
    refused(empty_zip, "package.not_a_package")


@pytest.mark.parametrize("keep", [0.25, 0.5, 0.9, -1])
def test_a_truncated_package_is_refused(delta: Path, keep: float) -> None:
    data = delta.read_bytes()
    delta.write_bytes(data[: int(len(data) * keep)] if keep > 0 else data[:-1])
    refused(delta, "package.damaged")


def _data_ranges(path: Path) -> dict[str, tuple[int, int]]:
    """Where each member's compressed bytes lie in the file."""
    data = path.read_bytes()
    ranges = {}
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            header = info.header_offset
            name_length = int.from_bytes(data[header + 26 : header + 28], "little")
            extra_length = int.from_bytes(data[header + 28 : header + 30], "little")
            start = header + 30 + name_length + extra_length
            ranges[info.filename] = (start, start + info.compress_size)
    return ranges


@pytest.mark.parametrize("member", [CHANGES, MANIFEST, SIGNATURE])
def test_a_changed_byte_in_a_member_is_refused(delta: Path, member: str) -> None:
    start, end = _data_ranges(delta)[member]
    original = delta.read_bytes()
    # Not the first byte nor the last three: they hold deflate's last-block flag and padding bits, whose
    # flip changes no content (the content is what the hashes and the signature vouch for).
    for offset in range(start + 1, end - 3, max(1, (end - start) // 16)):
        data = bytearray(original)
        data[offset] ^= 0x01
        delta.write_bytes(bytes(data))
        refused(delta, "package.damaged")


# -- forged or lying packages: valid zips whose contents were changed -----------------------------------


def rezip(path: Path, replace: dict[str, bytes | None], add: dict[str, bytes] | None = None) -> None:
    """Write the package again with members replaced (None: left out) or added, as a forger would."""
    with zipfile.ZipFile(path) as archive:
        contents = {name: archive.read(name) for name in archive.namelist()}
    for name, data in replace.items():
        if data is None:
            del contents[name]
        else:
            contents[name] = data
    contents.update(add or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in contents.items():
            archive.writestr(name, data)


def resign(
    path: Path, edit: Callable[[dict[str, Any]], None], members: dict[str, bytes | None] | None = None
) -> None:
    """Change the manifest (and members) and sign it again, as a sender with a bug (or its key) would."""
    with zipfile.ZipFile(path) as archive:
        document = json.loads(archive.read(MANIFEST))
    edit(document)
    data = canonical_json(document)
    rezip(path, {MANIFEST: data, SIGNATURE: KEY.sign(data).hex().encode(), **(members or {})})


def describe(data: bytes, lines: int) -> dict[str, Any]:
    return {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data), "lines": lines}


def test_a_changed_line_with_its_zip_rewritten_is_refused_by_its_hash(delta: Path) -> None:
    with zipfile.ZipFile(delta) as archive:
        changes = archive.read(CHANGES)
    rezip(delta, {CHANGES: changes.replace(b'"volunteers":5', b'"volunteers":9')})
    refused(delta, "package.member_changed")


def test_a_changed_manifest_is_refused_by_its_signature(delta: Path) -> None:
    with zipfile.ZipFile(delta) as archive:
        manifest = archive.read(MANIFEST)
    rezip(delta, {MANIFEST: manifest.replace(b'"activity":2', b'"activity":3')})
    refused(delta, "package.bad_signature")
    rezip(delta, {SIGNATURE: b"not hex"})
    refused(delta, "package.bad_signature")


def test_a_manifest_naming_another_key_than_the_one_that_signed_it_is_refused(delta: Path) -> None:
    stranger = new_key_pair()
    with zipfile.ZipFile(delta) as archive:
        manifest = archive.read(MANIFEST)
    rezip(
        delta, {MANIFEST: manifest.replace(KEY.public_key.hex().encode(), stranger.public_key.hex().encode())}
    )
    refused(delta, "package.bad_signature")


def test_a_package_signed_by_another_key_than_the_pinned_one_is_refused(delta: Path) -> None:
    read_package(delta, pinned_key=lambda _ledger_id: KEY.public_key)  # the sender's own key: accepted
    impostor = new_key_pair()
    write_delta(delta, key=impostor)  # same ledger_id, another key: a re-created or forged ledger
    error = refused(delta, "package.wrong_key", pinned_key=lambda _ledger_id: KEY.public_key)
    assert error.params == {"pinned": fingerprint(KEY.public_key), "found": fingerprint(impostor.public_key)}
    assert read_package(delta).manifest.sender.fingerprint == fingerprint(impostor.public_key)  # not pinned


def test_counts_that_lie_are_refused_though_signed(delta: Path) -> None:
    resign(delta, lambda manifest: manifest["counts"].update(activity=1, branch=2))
    error = refused(delta, "package.counts_wrong")
    assert error.params == {"table": "activity", "declared": 1, "found": 2}
    resign(delta, lambda manifest: manifest["counts"].update(activity=2, branch=1, pairing=4))
    refused(delta, "package.counts_wrong")


def test_hashes_that_lie_are_refused_though_signed(delta: Path) -> None:
    resign(delta, lambda manifest: manifest["members"][CHANGES].update(sha256="0" * 64))
    refused(delta, "package.member_changed")
    resign(delta, lambda manifest: manifest["members"][CHANGES].update(size=5))
    refused(delta, "package.member_changed")


def test_an_unknown_format_version_is_refused(delta: Path) -> None:
    resign(delta, lambda manifest: manifest.update(format_version=3))
    error = refused(delta, "package.unknown_format")
    assert error.params == {"version": 3, "supported": 2}
    resign(delta, lambda manifest: manifest.update(format_version="1"))
    refused(delta, "package.bad_manifest")


def test_a_package_from_a_newer_schema_is_refused(delta: Path) -> None:
    resign(delta, lambda manifest: manifest.update(schema_version=SCHEMA_VERSION + 1))
    error = refused(delta, "package.newer_schema")
    assert error.params == {"package_version": SCHEMA_VERSION + 1, "app_version": SCHEMA_VERSION}


@pytest.mark.parametrize(
    "edit",
    [
        lambda manifest: manifest.pop("counts"),
        lambda manifest: manifest.update(kind="restore"),
        lambda manifest: manifest.update(package_uuid="not-a-uuid"),
        lambda manifest: manifest["sequence"].update({"from": 10}),  # after its end
        lambda manifest: manifest["sequence"].update({"from": None}),  # a delta without its start
        lambda manifest: manifest["sender"].update(fingerprint="AAAA-BBBB-CCCC-DDDD"),
        lambda manifest: manifest["sender"].pop("fingerprint"),
        lambda manifest: manifest.update(counts=[["branch", 1], ["activity", 2]]),
        lambda manifest: manifest.update(kind="full"),  # a full package holds rows, not changes
        lambda manifest: manifest.update(kind="seed"),  # a seed names its region, and holds rows
        lambda manifest: manifest.update(seed_scope={"uuid": SCOPE.uuid, "path": SCOPE.path, "code": None}),
    ],
)
def test_a_malformed_manifest_is_refused_though_signed(
    delta: Path, edit: Callable[[dict[str, Any]], None]
) -> None:
    resign(delta, edit)
    refused(delta, "package.bad_manifest")


def test_members_missing_or_not_in_the_manifest_are_refused(delta: Path) -> None:
    original = delta.read_bytes()
    rezip(delta, {CHANGES: None})
    refused(delta, "package.member_missing")
    delta.write_bytes(original)
    rezip(delta, {}, add={rows_member("branch"): b"{}\n"})
    refused(delta, "package.member_extra")
    delta.write_bytes(original)
    rezip(delta, {}, add={"../../evil.txt": b"x"})
    refused(delta, "package.member_extra")


def test_a_line_that_is_no_change_is_refused_though_signed(delta: Path) -> None:
    bad = b'{"table":"branch","uuid":"x"}\nnot json\n'
    resign(
        delta,
        lambda manifest: manifest.update(members={CHANGES: describe(bad, 2)}, counts={"branch": 2}),
        {CHANGES: bad},
    )
    error = refused(delta, "package.bad_line")
    assert error.params == {"member": CHANGES, "line": 2}


def test_lines_orjson_refuses_are_read_by_the_standard_library_as_before(delta: Path) -> None:
    """orjson reads the lines; a line it refuses that the standard library always read (NaN) still reads,
    as the same values; a line neither reads is a bad line. An integer past 64 bits (no ledger holds one)
    reads as the float SQLite itself makes of such a literal, not as a Python int no column could take."""
    lines = [
        b'{"table":"branch","uuid":"a","n":NaN}',
        b'{"table":"branch","uuid":"b","n":123456789012345678901234567890}',
        b'  {"table":"branch","uuid":"c","name":"\xe9\x83\x91\xe5\xba\x84\xe6\x9d\x91"}',
    ]
    data = b"\n".join(lines) + b"\n"
    resign(
        delta,
        lambda manifest: manifest.update(members={CHANGES: describe(data, 3)}, counts={"branch": 3}),
        {CHANGES: data},
    )
    values = list(read_package(delta).values(CHANGES))
    assert json.dumps(values[0::2]) == json.dumps([json.loads(line) for line in lines[0::2]])
    assert values[1] == {"table": "branch", "uuid": "b", "n": 1.2345678901234568e29}
    assert values[2]["name"] == "郑庄村"
    bad = b'{"table":"branch","uuid":"a"}\n{"table":"branch","uuid":"\xff"}\n'
    resign(
        delta,
        lambda manifest: manifest.update(members={CHANGES: describe(bad, 2)}, counts={"branch": 2}),
        {CHANGES: bad},
    )
    assert refused(delta, "package.bad_line").params == {"member": CHANGES, "line": 2}


def test_canonical_json_is_the_standard_librarys_bytes() -> None:
    """Lines and manifests are written by orjson: the same bytes as the standard library's canonical JSON
    (what packages were written with before), so a package is the same bytes whichever wrote it."""
    standard = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    row = {
        **BRANCH, "note": 'tab\t"quoted" \\ \x01\x7f\u2028 😀', "volunteers": -3, "number": 2.5,
        "small": 0.125, "nested": {"z": [1, None, True], "a": {"y": 1, "b": 2}}, "big": 2**63 - 1,
    }  # fmt: skip
    for value in (row, change(7, "branch", "update", BRANCH, row), {"big": 2**70, "b": 1}):
        assert canonical_json(value) == standard.encode(value).encode()


def test_a_member_changed_after_it_was_verified_is_refused_when_read(delta: Path) -> None:
    package: Package = read_package(delta)
    with zipfile.ZipFile(delta) as archive:
        changes = archive.read(CHANGES)
    rezip(delta, {CHANGES: changes.replace(b'"volunteers":5', b'"volunteers":9')})
    with pytest.raises(BranchDeskError) as caught:
        list(package.values(CHANGES))
    assert caught.value.code == "package.member_changed"


# -- hostile sizes ---------------------------------------------------------------------------------------


def test_a_zip_bomb_is_refused_before_it_is_inflated(delta: Path) -> None:
    rezip(delta, {CHANGES: b"\n" * (64 << 20)})  # 64 MiB of newlines deflate to about 64 KiB
    assert delta.stat().st_size < 1 << 20
    refused(delta, "package.too_large")


def test_too_many_members_or_too_many_bytes_are_refused(delta: Path) -> None:
    refused(delta, "package.too_large", limits=Limits(total_bytes=100))
    refused(delta, "package.too_large", limits=Limits(line_bytes=50))
    rezip(delta, {}, add={f"rows/t{number}.jsonl": b"" for number in range(300)})
    refused(delta, "package.too_large")


# -- pictures (format version 2) -------------------------------------------------------------------------


def jpeg(seed: int) -> bytes:
    out = io.BytesIO()
    scene(seed, (64, 48)).save(out, "JPEG", quality=80)
    return out.getvalue()


PICTURES = {hashlib.sha256(data).hexdigest(): data for data in (jpeg(1), jpeg(2))}


def write_full_with_pictures(path: Path) -> Path:
    write_package(
        path, kind=PackageKind.FULL, key=KEY, ledger_id=LEDGER_ID, scope=SCOPE, from_seq=None, to_seq=9,
        previous_package=None, created_at="2022-05-19T01:00:00Z", members={rows_member("branch"): [BRANCH]},
        pictures=PICTURES.items(),
    )  # fmt: skip
    return path


@pytest.fixture
def full(tmp_path: Path) -> Path:
    return write_full_with_pictures(tmp_path / "全量 含照片.bdx")


def test_pictures_are_members_named_by_their_hash_and_counted(full: Path) -> None:
    package = read_package(full)
    manifest = package.manifest
    assert manifest.format_version == 2
    assert manifest.counts == {"branch": 1, "media": 2}
    assert manifest.pictures == [media_member(sha) for sha in PICTURES]
    for sha, data in PICTURES.items():
        assert manifest.members[media_member(sha)] == Member(sha, len(data), 0)
        assert b"".join(package.picture(media_member(sha))) == data
    with zipfile.ZipFile(full) as archive:
        assert json.loads(archive.read(MANIFEST))["format_version"] == 2


def test_a_package_without_pictures_is_still_format_version_1(delta: Path) -> None:
    with zipfile.ZipFile(delta) as archive:
        assert json.loads(archive.read(MANIFEST))["format_version"] == 1
    assert read_package(delta).manifest.format_version == 1


def test_a_changed_picture_is_refused_before_anything_is_kept(full: Path) -> None:
    sha, data = next(iter(PICTURES.items()))
    rezip(full, {media_member(sha): data[:-1] + bytes([data[-1] ^ 1])})
    error = refused(full, "package.picture_changed")
    assert error.params == {"member": media_member(sha)}
    package = read_package(full, contents=False)  # as the import reads it: checked as it is read
    chunks = package.picture(media_member(sha))
    with pytest.raises(BranchDeskError) as caught:
        next(chunks)  # a picture of less than a chunk: nothing is given before it is checked
    assert caught.value.code == "package.picture_changed"


def a_picture(manifest: dict[str, Any]) -> dict[str, Any]:
    return next(member for name, member in manifest["members"].items() if name.startswith("media/"))


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (lambda manifest: manifest.update(format_version=1), "package.bad_manifest"),  # pictures need 2
        (lambda manifest: a_picture(manifest).update(lines=1), "package.bad_manifest"),
        (lambda manifest: manifest["counts"].update(media=3), "package.counts_wrong"),
    ],
)
def test_a_manifest_lying_about_its_pictures_is_refused(
    full: Path, edit: Callable[[dict[str, Any]], None], code: str
) -> None:
    resign(full, edit)
    refused(full, code)


def test_a_picture_not_named_by_its_hash_is_refused(full: Path) -> None:
    sha, data = next(iter(PICTURES.items()))
    other = "0" * 64

    def rename(manifest: dict[str, Any]) -> None:
        manifest["members"][media_member(other)] = manifest["members"].pop(media_member(sha))

    resign(full, rename, {media_member(sha): None, media_member(other): data})
    refused(full, "package.bad_manifest")


def test_too_many_or_too_large_pictures_are_refused(full: Path) -> None:
    refused(full, "package.too_large", limits=Limits(pictures=1))
    refused(full, "package.too_large", limits=Limits(picture_bytes=100))
    refused(full, "package.too_large", limits=Limits(media_bytes=100))
    sha = next(iter(PICTURES))
    rezip(full, {media_member(sha): bytes(8 << 20)})  # a picture that is a zip bomb: 8 MiB of zeros
    refused(full, "package.too_large")
