"""Evidence photos: the store beside the ledger (real JPEGs made by Pillow), the photo rows written with the
activity as one undoable action, bad input refused with the ledger unchanged, re-linking a store that was
not copied, and the evidence check's soft gates (capture time, the same picture twice)."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from PIL import Image

from branchdesk.domain.activities import ActivityDraft, ActivityFilter
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import ActivityType, Area, ItemKind
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import Month
from branchdesk.domain.photos import DateCheck, EvidenceKind, NormalisedPhoto, PhotoEntry, dhash, nearly_same
from branchdesk.domain.plan_items import ItemDraft
from branchdesk.services import activities as activity_service
from branchdesk.services import month_locks, plan_items
from branchdesk.services import photos as photo_service
from branchdesk.services.backups import backup_folder, restore_backup, take_backup
from branchdesk.services.history import UndoHistory
from branchdesk.storage import media
from branchdesk.storage import photos as photo_store
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder
from tests.photo_files import near_copy, scene, write_jpeg

D = dt.date.fromisoformat


@pytest.fixture
def pairings(build: LedgerBuilder) -> list[int]:
    return build.paired_town(3)[1]


def themed(day: str) -> ActivityDraft:
    return ActivityDraft(
        held_on=D(day), type=ActivityType.THEMED_DAY, areas=frozenset({Area.SERVICE}), volunteers=5
    )


def prepared(ledger: Ledger, *files: Path) -> list[NormalisedPhoto]:
    done = photo_service.prepare(ledger.path, files, lambda done, total: None)
    assert [item.error for item in done] == [None] * len(files)
    return [item.photo for item in done if item.photo is not None]


def entries(photos: list[NormalisedPhoto], *captions: str) -> list[PhotoEntry]:
    return [
        PhotoEntry(photo.sha256, caption, image=photo)
        for photo, caption in zip(photos, captions, strict=True)
    ]


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_photo_is_stored_upright_at_1600_pixels_with_a_small_thumbnail(
    ledger: Ledger, tmp_path: Path
) -> None:
    # A phone held upright writes the picture lying on its side and says so in EXIF (orientation 6).
    lying = write_jpeg(tmp_path / "照片 一.jpg", 3, orientation=6, size=(4000, 3000))
    (photo,) = prepared(ledger, lying)
    stored = media.photo_path(media.media_folder(ledger.path), photo.sha256)
    assert stored.parent.parent == ledger.path.with_name("测试 台账.bdesk-media")
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == photo.sha256
    with Image.open(stored) as image:
        assert image.size == (1200, 1600)  # turned upright, long edge 1600
        assert image.getexif().get(0x0112) is None  # no orientation (nor location) left in it
    assert (photo.width, photo.height) == (1200, 1600)
    assert photo.taken_at == dt.datetime(2024, 5, 4, 9, 30)
    assert 3_000 < len(photo.thumbnail) < 30_000
    with Image.open(stored.with_name(stored.name)) as image:
        assert max(image.size) == 1600


def test_photos_are_written_with_the_activity_in_order_and_undone_whole(
    ledger: Ledger, pairings: list[int], tmp_path: Path
) -> None:
    files = [write_jpeg(tmp_path / f"p{i}.jpg", i, taken=f"2022:05:1{i} 10:00:00") for i in (3, 4, 9)]
    photos = prepared(ledger, *files)
    history = UndoHistory(ledger)
    done = activity_service.record_activities(
        ledger, [pairings[0]], themed("2022-05-14"), photos=entries(photos, "入户走访", "", "集中学习")
    )
    history.record(done)
    assert done.touches("photo")
    activity_id = int(ledger.scalar("SELECT id FROM activity"))
    rows = ledger.query("SELECT sha256, position, caption, taken_at, date_check FROM photo ORDER BY position")
    assert rows == [
        {"sha256": photos[0].sha256, "position": 0, "caption": "入户走访", "taken_at": "2022-05-13 10:00:00",
         "date_check": "ok"},
        {"sha256": photos[1].sha256, "position": 1, "caption": None, "taken_at": "2022-05-14 10:00:00",
         "date_check": "ok"},
        {"sha256": photos[2].sha256, "position": 2, "caption": "集中学习", "taken_at": "2022-05-19 10:00:00",
         "date_check": "far"},
    ]  # fmt: skip
    shown = photo_service.activity_photos(ledger, activity_id)
    assert [photo.caption for photo in shown] == ["入户走访", None, "集中学习"]
    assert all(photo.present and photo.path.is_file() for photo in shown)

    # Reorder, re-caption and remove in one edit: one operation, undone whole.
    reordered = [shown[2].entry(), PhotoEntry(shown[0].sha256, "走访群众", shown[0].uuid)]
    history.record(
        activity_service.edit_activity(
            ledger, activity_id, pairings[0], themed("2022-05-14"), photos=reordered
        )
    )
    assert [(p.caption, p.position) for p in photo_service.activity_photos(ledger, activity_id)] == [
        ("集中学习", 0),
        ("走访群众", 1),
    ]
    history.undo()
    assert [p.caption for p in photo_service.activity_photos(ledger, activity_id)] == [
        "入户走访",
        None,
        "集中学习",
    ]
    history.undo()
    assert ledger.scalar("SELECT count(*) FROM photo") == 0
    history.redo()
    assert len(photo_service.activity_photos(ledger, activity_id)) == 3


def test_moving_the_activity_date_checks_its_photos_again_and_delete_takes_them_along(
    ledger: Ledger, pairings: list[int], tmp_path: Path
) -> None:
    photos = prepared(ledger, write_jpeg(tmp_path / "a.jpg", taken="2022:05:01 10:00:00"))
    activity_service.record_activities(
        ledger, [pairings[0]], themed("2022-05-14"), photos=entries(photos, "x")
    )
    activity_id = int(ledger.scalar("SELECT id FROM activity"))
    assert ledger.scalar("SELECT date_check FROM photo") == DateCheck.FAR
    activity_service.edit_activity(ledger, activity_id, pairings[0], themed("2022-05-02"))
    assert ledger.scalar("SELECT date_check FROM photo") == DateCheck.OK
    history = UndoHistory(ledger)
    history.record(activity_service.delete_activities(ledger, [activity_id]))
    assert ledger.scalar("SELECT count(*) FROM photo") == 0
    history.undo()
    assert [p.caption for p in photo_service.activity_photos(ledger, activity_id)] == ["x"]


def test_photos_are_for_one_pairing_at_a_time(ledger: Ledger, pairings: list[int], tmp_path: Path) -> None:
    photos = prepared(ledger, write_jpeg(tmp_path / "a.jpg"))
    with pytest.raises(BranchDeskError) as caught:
        activity_service.record_activities(
            ledger, pairings[:2], themed("2022-05-14"), photos=entries(photos, "x")
        )
    assert caught.value.code == "photo.one_activity"
    assert ledger.scalar("SELECT count(*) FROM activity") == 0


def test_bad_files_are_refused_each_with_its_reason_and_the_ledger_unchanged(
    ledger: Ledger, pairings: list[int], tmp_path: Path
) -> None:
    folder = tmp_path / "坏 文件"
    folder.mkdir()
    text = folder / "说明.jpg"
    text.write_text("这不是照片", encoding="utf-8")
    good = write_jpeg(folder / "好 照片.jpg", 2)
    truncated = folder / "半张.jpg"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    heic = folder / "IMG_0001.HEIC"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64))
    panorama = folder / "全景.jpg"
    panorama.write_bytes(good.read_bytes() + bytes(40 * 1024 * 1024))  # 40 MB
    wide = folder / "超宽.png"
    Image.new("RGB", (16000, 6000), "white").save(wide, "PNG")
    before = fingerprint(ledger.path)
    done = photo_service.prepare(
        ledger.path, [text, truncated, heic, panorama, wide, good, folder / "没有.jpg"], lambda d, t: None
    )
    assert [None if item.error is None else item.error.code for item in done] == [
        "photo.not_an_image",
        "photo.damaged",
        "photo.heic",
        "photo.too_large",
        "photo.too_many_pixels",
        None,
        "photo.missing_file",
    ]
    assert fingerprint(ledger.path) == before
    stored = sorted(path.name for path in media.media_folder(ledger.path).rglob("*.*"))
    sha = done[5].photo.sha256  # type: ignore[union-attr]
    assert stored == [f"{sha}-800q80.jpg", f"{sha}.jpg"]  # the picture and its print copy (the Word ledger's)


def test_a_read_only_store_is_refused_with_a_message_and_nothing_written(
    ledger: Ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo = write_jpeg(tmp_path / "a.jpg")
    before = fingerprint(ledger.path)

    def read_only(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    # Tests run as root, for whom chmod changes nothing: stand in for the stick's answer.
    monkeypatch.setattr(Path, "mkdir", read_only)
    with pytest.raises(BranchDeskError) as caught:
        photo_service.prepare(ledger.path, [photo], lambda d, t: None)
    assert caught.value.code == "photo.store_read_only"
    assert caught.value.params == {"path": str(media.media_folder(ledger.path))}
    assert fingerprint(ledger.path) == before


def test_a_picture_held_open_by_another_program_is_kept_as_it_is(
    ledger: Ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows will not replace a file a viewer holds open: the store already has those bytes."""
    source = write_jpeg(tmp_path / "a.jpg")
    (photo,) = prepared(ledger, source)

    def locked(source: object, target: object) -> None:
        error = PermissionError(errno.EACCES, "The process cannot access the file")
        setattr(error, "winerror", 32)  # noqa: B010 (an attribute of Windows' OSError only)
        raise error

    looks: list[Path] = []
    real_has = media._has

    def has(path: Path, size: int) -> bool:
        looks.append(path)
        return len(looks) > 1 and real_has(path, size)  # at first look, as if written half by a crash

    monkeypatch.setattr(os, "replace", locked)
    monkeypatch.setattr(media, "_has", has)
    again = photo_service.prepare(ledger.path, [source], lambda d, t: None)
    assert again[0].photo is not None
    assert again[0].photo.sha256 == photo.sha256
    assert len(looks) == 2
    assert not list(media.media_folder(ledger.path).rglob(".*.partial"))
    # Locked with other bytes in it: the user is told the file is in use, nothing is kept.
    monkeypatch.setattr(media, "_has", lambda path, size: False)
    with pytest.raises(BranchDeskError) as caught:
        photo_service.prepare(ledger.path, [source], lambda d, t: None)
    assert caught.value.code == "photo.store_cannot_write"
    assert "WinError 32" in caught.value.params["reason"].codes


def test_a_store_left_behind_shows_photos_missing_and_re_linking_finds_them(
    ledger: Ledger, pairings: list[int], tmp_path: Path
) -> None:
    photos = prepared(ledger, *(write_jpeg(tmp_path / f"{i}.jpg", i) for i in (1, 2)))
    activity_service.record_activities(
        ledger, [pairings[0]], themed("2022-05-14"), photos=entries(photos, "a", "b")
    )
    activity_id = int(ledger.scalar("SELECT id FROM activity"))
    # The ledger file was copied to another folder without its photo folder; the folder came later.
    store = media.media_folder(ledger.path)
    elsewhere = tmp_path / "U盘 拷贝" / "照片"
    shutil.move(store, elsewhere)
    shown = photo_service.activity_photos(ledger, activity_id)
    assert [photo.present for photo in shown] == [False, False]
    assert all(photo.thumbnail for photo in shown)  # the thumbnails are in the ledger
    assert photo_service.missing_count(ledger) == 2
    assert photo_service.relink(ledger, tmp_path / "U盘 拷贝") == (2, 0)
    assert [photo.present for photo in photo_service.activity_photos(ledger, activity_id)] == [True, True]
    assert photo_service.missing_count(ledger) == 0


def test_a_damaged_copy_is_not_re_linked(ledger: Ledger, pairings: list[int], tmp_path: Path) -> None:
    (photo,) = prepared(ledger, write_jpeg(tmp_path / "a.jpg"))
    activity_service.record_activities(
        ledger, [pairings[0]], themed("2022-05-14"), photos=entries([photo], "a")
    )
    stored = media.photo_path(media.media_folder(ledger.path), photo.sha256)
    copy = tmp_path / "copy" / stored.name
    copy.parent.mkdir()
    data = bytearray(stored.read_bytes())
    data[1000] ^= 0xFF  # same size, one byte wrong
    copy.write_bytes(bytes(data))
    os.remove(stored)
    assert photo_service.relink(ledger, copy.parent) == (0, 1)


def test_dhash_tells_a_picture_saved_again_from_another_picture(tmp_path: Path) -> None:
    first = write_jpeg(tmp_path / "a.jpg", 7)
    again = near_copy(first, tmp_path / "a 微信.jpg")
    other = write_jpeg(tmp_path / "b.jpg", 8)
    hashes = [media.normalise(path)[0].dhash for path in (first, again, other)]
    assert hashes[0] != hashes[1]
    assert nearly_same(hashes[0], hashes[1])
    assert not nearly_same(hashes[0], hashes[2])
    flat = [10 * (i % 9) for i in range(72)]  # brighter to the right on every row: no bit set
    assert dhash(flat) == 0
    assert dhash(flat[::-1]) == (1 << 64) - 1


def test_the_evidence_check_lists_capture_times_and_pictures_used_twice(
    ledger: Ledger, pairings: list[int], tmp_path: Path
) -> None:
    original = write_jpeg(tmp_path / "a.jpg", 1, taken="2022:05:14 09:00:00")
    copy = near_copy(original, tmp_path / "a2.jpg")  # capture time kept, pixels changed
    no_time = write_jpeg(tmp_path / "c.jpg", 3, taken=None)
    good = write_jpeg(tmp_path / "d.jpg", 4, taken="2022:05:15 09:00:00")
    a, b, c, d = prepared(ledger, original, copy, no_time, good)
    record = activity_service.record_activities
    record(ledger, [pairings[0]], themed("2022-05-14"), photos=entries([a, d], "一", "二"))
    record(ledger, [pairings[1]], themed("2022-05-15"), photos=entries([b], "翻拍"))
    record(ledger, [pairings[2]], themed("2022-05-01"), photos=entries([c, a], "无时间", "重复"))
    ids = [row["id"] for row in ledger.query("SELECT id FROM activity ORDER BY id")]
    found = {
        (w.activity_id, w.kind, w.detail, w.other_activity_id)
        for w in photo_service.evidence_warnings(ledger, ActivityFilter())
    }
    assert found == {
        (ids[2], EvidenceKind.NO_CAPTURE_TIME, "无时间", None),
        (ids[2], EvidenceKind.CAPTURE_TIME_FAR, "重复", None),
        (ids[0], EvidenceKind.SAME_PICTURE, "2022-05-15", ids[1]),
        (ids[1], EvidenceKind.SAME_PICTURE, "2022-05-14", ids[0]),
        (ids[0], EvidenceKind.SAME_PICTURE, "2022-05-01", ids[2]),
        (ids[2], EvidenceKind.SAME_PICTURE, "2022-05-14", ids[0]),
        (ids[1], EvidenceKind.SAME_PICTURE, "2022-05-01", ids[2]),
        (ids[2], EvidenceKind.SAME_PICTURE, "2022-05-15", ids[1]),
    }
    warnings = photo_service.evidence_warnings(ledger, ActivityFilter())
    assert warnings[0].held_on == D("2022-05-15")
    assert warnings[0].pairing == "机关第2党支部 — 城关2村党支部"


def test_the_ledger_grows_by_a_thumbnail_per_photo(
    ledger: Ledger, pairings: list[int], tmp_path: Path
) -> None:
    photos = prepared(ledger, *(write_jpeg(tmp_path / f"{i}.jpg", i, picture=_busy(i)) for i in range(10)))
    ledger.conn.execute("VACUUM")
    before = ledger.path.stat().st_size
    activity_service.record_activities(
        ledger, [pairings[0]], themed("2022-05-14"), photos=entries(photos, *map(str, range(10)))
    )
    ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ledger.conn.execute("VACUUM")
    assert (ledger.path.stat().st_size - before) / 10 <= 30_000


def _busy(seed: int) -> Image.Image:
    """A photo with detail everywhere (grass, faces, a crowd), which compresses worst."""
    noise = Image.effect_noise((1200, 900), 60).convert("RGB")
    return Image.blend(scene(seed, (1200, 900)), noise, 0.5).resize((3000, 2250))


def test_no_photo_goes_into_a_locked_month(ledger: Ledger, pairings: list[int], tmp_path: Path) -> None:
    photos = prepared(ledger, write_jpeg(tmp_path / "a.jpg", taken="2022:04:16 10:00:00"))
    activity_service.record_activities(ledger, [pairings[0]], themed("2022-04-16"))
    activity_id = int(ledger.scalar("SELECT id FROM activity"))
    month_locks.lock_month(ledger, Month(2022, 4))
    with pytest.raises(BranchDeskError) as caught:
        activity_service.edit_activity(
            ledger, activity_id, pairings[0], themed("2022-04-16"), photos=entries(photos, "补拍")
        )
    assert caught.value.code == "month.locked"
    assert ledger.scalar("SELECT count(*) FROM photo") == 0


def test_backups_carry_the_photos_and_a_restore_puts_them_back(
    ledger: Ledger, pairings: list[int], tmp_path: Path, clock: FixedClock
) -> None:
    data = tmp_path / "数据"
    first = prepared(ledger, write_jpeg(tmp_path / "a.jpg", 1))
    activity_service.record_activities(
        ledger, [pairings[0]], themed("2022-05-14"), photos=entries(first, "一")
    )
    backup = take_backup(ledger.path, data, clock, "manual")
    kept = backup_folder(data, ledger.path) / "photos"
    assert [path.name for path in kept.rglob("*.jpg")] == [f"{first[0].sha256}.jpg"]
    # A second backup copies only the photo added since; both backups use the one store.
    second = prepared(ledger, write_jpeg(tmp_path / "b.jpg", 2))
    activity_service.record_activities(
        ledger, [pairings[1]], themed("2022-05-15"), photos=entries(second, "二")
    )
    clock.moment += dt.timedelta(minutes=5)
    take_backup(ledger.path, data, clock, "manual")
    assert sorted(path.name for path in kept.rglob("*.jpg")) == sorted(
        f"{p.sha256}.jpg" for p in first + second
    )
    # The ledger and its photo folder are lost; the first backup brings back the ledger and its photo.
    ledger.close()
    shutil.rmtree(media.media_folder(ledger.path))
    clock.moment += dt.timedelta(minutes=5)
    restore_backup(ledger.path, backup, data, clock)
    with Ledger.open(ledger.path, clock, read_only=True) as restored:
        (shown,) = [
            photo for photos in photo_service.photos_of(restored, [1, 2, 3]).values() for photo in photos
        ]
        assert shown.caption == "一"
        assert shown.present
        assert photo_service.missing_count(restored) == 0


def test_a_ticked_off_items_photos_are_backed_up_and_an_older_backup_without_them_is_read(
    ledger: Ledger, pairings: list[int], tmp_path: Path, clock: FixedClock
) -> None:
    data = tmp_path / "数据"
    item = ItemDraft(pairings[0], ItemKind.NEED, "村道硬化", D("2022-04-15"))
    plan_items.add_item(ledger, item)
    item_id = int(ledger.scalar("SELECT id FROM plan_item"))
    done = prepared(ledger, write_jpeg(tmp_path / "完工.jpg", 4))
    plan_items.close_item(ledger, item_id, D("2022-05-18"), "已完工验收", entries(done, "硬化后的村道"))
    backup = take_backup(ledger.path, data, clock, "manual")
    kept = backup_folder(data, ledger.path) / "photos"
    assert [path.name for path in kept.rglob("*.jpg")] == [f"{done[0].sha256}.jpg"]
    # The photo folder lost: the item's picture is missing, and the backup's folder brings it back.
    shutil.rmtree(media.media_folder(ledger.path))
    assert photo_service.missing_count(ledger) == 1
    assert photo_service.relink(ledger, kept) == (1, 0)
    (shown,) = photo_service.item_photos(ledger, item_id)
    assert (shown.caption, shown.present) == ("硬化后的村道", True)
    # A backup made before list items had photos holds no such table: its pictures are its activities'.
    with sqlite3.connect(backup) as conn:
        conn.execute("DROP TABLE plan_item_photo")
    conn.close()
    assert photo_store.pictures_in(backup) == {}
