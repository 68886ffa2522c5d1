"""Photos travel in data packages (issue #19, docs/packages.md "Pictures"): a full package and a seed (the
export of a region) carry the pictures themselves, a delta their thumbnails and hashes. Real JPEGs made by
Pillow, added as the activity dialog adds them; every check reads the files (the ledger's rows, the photo
store's pictures, the package's members)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from branchdesk.cli import EXIT_FAILED, EXIT_OK, run
from branchdesk.domain.activities import ActivityDraft
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import ActivityType, Area, BranchKind, ItemKind, RegionLevel
from branchdesk.domain.packages import CHANGES, MANIFEST, THUMBNAILS, media_member
from branchdesk.domain.photos import PhotoEntry
from branchdesk.domain.plan_items import ItemDraft
from branchdesk.services.activities import record_activities
from branchdesk.services.ledgers import open_ledger
from branchdesk.services.photos import item_photos, photos_of, prepare, relink
from branchdesk.services.plan_items import add_item, close_item
from branchdesk.storage import media
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder
from tests.exchange.test_package_files import rezip
from tests.photo_files import write_jpeg
from tests.test_package_faults import every_row

CLOCK = FixedClock.on("2022-05-19")
TAKEN = "2022:04:09 09:30:00"


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), clock=CLOCK, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def add_photos(ledger: Ledger, pairing: int, day: str, pictures: list[Path]) -> list[str]:
    """An activity with these photos, as the dialog adds them (normalised into the store, then saved);
    returns the pictures' hashes."""
    ready = prepare(ledger.path, pictures, lambda done, total: None)
    entries = []
    for number, made in enumerate(ready):
        assert made.photo is not None, made.error
        entries.append(PhotoEntry(made.photo.sha256, f"照片{number + 1}", image=made.photo))
    draft = ActivityDraft(dt.date.fromisoformat(day), ActivityType.THEMED_DAY, frozenset({Area.SERVICE}), 4)
    record_activities(ledger, [pairing], draft, photos=entries)
    return [entry.sha256 for entry in entries]


def pairing_in(ledger: Ledger, township: str) -> int:
    return int(
        ledger.scalar(
            "SELECT p.id FROM pairing p JOIN branch g ON g.id = p.grassroots_id"
            " JOIN region r ON r.id = g.region_id WHERE r.name = ?",
            (township,),
        )
    )


@pytest.fixture
def county(tmp_path: Path, data_dir: Path) -> tuple[Path, dict[str, list[str]]]:
    """A county ledger made by the CLI in an empty folder, two townships each with a village paired with an
    organ branch of the county, and a themed day with photos in each (two in 城关镇, one in 春申街道); the
    pictures' hashes by township."""
    path = tmp_path / "县委组织部" / "潢川县 台账.bdesk"
    path.parent.mkdir()
    assert cli("new", str(path), "--region", "信阳市/潢川县")[0] == EXIT_OK
    shots = tmp_path / "手机 照片"
    hashes = {}
    with open_ledger(path, CLOCK) as ledger:
        build = LedgerBuilder(ledger)
        county_id = ledger.scalar("SELECT id FROM region WHERE name = '潢川县'")
        organs = build.organs(build.unit("潢川县财政局", county_id), county_id, 2)
        for number, (township, organ) in enumerate(zip(("城关镇", "春申街道"), organs, strict=True)):
            region = build.region(township, RegionLevel.TOWNSHIP, county_id)
            village = build.branch(f"{township}郑庄村党支部", BranchKind.VILLAGE, region)
            build.pair(organ, village, "2022-03-01")
            pictures = [
                write_jpeg(
                    shots / f"{township}{shot}.jpg", seed=10 * number + shot, taken="2022:04:09 09:30:00"
                )
                for shot in range(2 - number)
            ]
            hashes[township] = add_photos(ledger, pairing_in(ledger, township), "2022-04-09", pictures)
    return path, hashes


def stored(ledger_path: Path) -> dict[str, bytes]:
    """The pictures in the photo store beside a ledger, by name; each must be named by its hash."""
    folder = media.media_folder(ledger_path)
    found = {path.stem: path.read_bytes() for path in folder.glob("??/*.jpg")}  # not its print copies
    for sha, data in found.items():
        assert hashlib.sha256(data).hexdigest() == sha
    return found


def shown(ledger_path: Path) -> dict[str, tuple[bool, bytes]]:
    """Each photo as the window and the Word ledger show it: whether its picture is there, its thumbnail."""
    with open_ledger(ledger_path, CLOCK, read_only=True) as ledger:
        ids = [row["id"] for row in ledger.query("SELECT id FROM activity")]
        return {
            photo.sha256: (photo.present, photo.thumbnail)
            for photos in photos_of(ledger, ids).values()
            for photo in photos
        }


def manifest_of(package: Path) -> dict[str, object]:
    with zipfile.ZipFile(package) as archive:
        return json.loads(archive.read(MANIFEST))  # type: ignore[no-any-return]


def test_a_full_package_brings_the_pictures_into_a_new_ledger(
    county: tuple[Path, dict[str, list[str]]], tmp_path: Path
) -> None:
    path, hashes = county
    everything = [sha for shas in hashes.values() for sha in shas]
    full = tmp_path / "潢川县 全量.bdx"
    code, printed, err = cli("package", "export", str(path), str(full), "--full", "--json")
    assert (code, err) == (EXIT_OK, "")
    assert json.loads(printed)["counts"]["media"] == 3
    manifest = manifest_of(full)
    assert manifest["format_version"] == 2
    with zipfile.ZipFile(full) as archive:
        for sha in everything:
            info = archive.getinfo(media_member(sha))
            assert info.compress_type == zipfile.ZIP_STORED  # a JPEG is not deflated again
            assert archive.read(info) == stored(path)[sha]

    remade = tmp_path / "另一台电脑" / "潢川县 台账.bdesk"
    remade.parent.mkdir()
    assert cli("new", str(remade), "--from", str(full))[0] == EXIT_OK
    assert stored(remade) == stored(path)
    assert {sha: present for sha, (present, _) in shown(remade).items()} == dict.fromkeys(everything, True)
    assert not list(media.media_folder(remade).glob(".incoming-*"))  # nothing left half-way


def test_a_region_export_carries_that_regions_photos(
    county: tuple[Path, dict[str, list[str]]], tmp_path: Path
) -> None:
    path, hashes = county
    seed = tmp_path / "城关镇 种子.bdx"
    code, printed, _ = cli("package", "export", str(path), str(seed), "--scope", "城关镇")
    assert code == EXIT_OK
    assert "照片：带上原图 2 张" in printed
    with zipfile.ZipFile(seed) as archive:
        pictures = {name for name in archive.namelist() if name.startswith("media/")}
    assert pictures == {media_member(sha) for sha in hashes["城关镇"]}  # not 春申街道's
    township = tmp_path / "城关镇" / "城关镇 台账.bdesk"
    township.parent.mkdir()
    assert cli("new", str(township), "--from", str(seed))[0] == EXIT_OK
    assert set(stored(township)) == set(hashes["城关镇"])
    assert all(present for present, _ in shown(township).values())

    # A picture the county's photo folder lost goes as its thumbnail, and the export says so.
    kept, lost = hashes["城关镇"]
    media.photo_path(media.media_folder(path), lost).unlink()
    code, printed, _ = cli("package", "export", str(path), str(seed), "--scope", "城关镇")
    assert "照片：带上原图 1 张；另有 1 张不在本台账的照片文件夹中，只带缩略图" in printed
    again = tmp_path / "城关镇 重建" / "城关镇 台账.bdesk"
    again.parent.mkdir()
    assert cli("new", str(again), "--from", str(seed))[0] == EXIT_OK
    assert {sha: present for sha, (present, _) in shown(again).items()} == {kept: True, lost: False}
    assert shown(again)[lost][1] == shown(township)[lost][1]  # its thumbnail


def township_from_seed(county: Path, tmp_path: Path) -> Path:
    seed = tmp_path / "城关镇 种子.bdx"
    assert cli("package", "export", str(county), str(seed), "--scope", "城关镇")[0] == EXIT_OK
    township = tmp_path / "城关镇" / "城关镇 台账.bdesk"
    township.parent.mkdir()
    assert cli("new", str(township), "--from", str(seed))[0] == EXIT_OK
    return township


def test_a_delta_carries_thumbnails_and_the_receiver_shows_the_picture_missing(
    county: tuple[Path, dict[str, list[str]]], tmp_path: Path
) -> None:
    path, _ = county
    township = township_from_seed(path, tmp_path)
    with open_ledger(township, CLOCK) as ledger:
        LedgerBuilder(ledger).activity(pairing_in(ledger, "城关镇"), "2022-05-06")
    plain = tmp_path / "无照片.bdx"
    assert cli("package", "export", str(township), str(plain))[0] == EXIT_OK
    assert manifest_of(plain)["format_version"] == 1  # no photos: as an older program reads it
    assert list(manifest_of(plain)["members"]) == [CHANGES]  # type: ignore[call-overload]

    shot = write_jpeg(tmp_path / "照片" / "入户走访.jpg", seed=99, taken="2022:05:14 09:00:00")
    with open_ledger(township, CLOCK) as ledger:
        (sha,) = add_photos(ledger, pairing_in(ledger, "城关镇"), "2022-05-14", [shot])
    delta = tmp_path / "城关镇 2022-05.bdx"
    assert cli("package", "export", str(township), str(delta))[0] == EXIT_OK
    manifest = manifest_of(delta)
    assert manifest["format_version"] == 2
    assert sorted(manifest["members"]) == [CHANGES, THUMBNAILS]  # type: ignore[call-overload]
    assert manifest["counts"]["photo_image"] == 1  # type: ignore[index]

    before = stored(path)
    code, printed, err = cli("package", "import", str(path), str(delta), "--json")
    assert (code, err) == (EXIT_OK, "")
    assert json.loads(printed)["pictures"] == 0
    assert stored(path) == before  # the picture stayed in the township
    thumbnail = shown(township)[sha][1]
    assert shown(path)[sha] == (False, thumbnail)  # missing, shown by its thumbnail
    assert cli("check", str(path))[0] == EXIT_OK  # a missing picture is no damage
    # The way back: the township's photo folder, copied over and found.
    with open_ledger(path, CLOCK) as ledger:
        assert relink(ledger, media.media_folder(township)) == (1, 0)
    assert shown(path)[sha] == (True, thumbnail)


def township_full_package(county: Path, tmp_path: Path) -> tuple[Path, str]:
    """城关镇's full package, sent up after it added a themed day with a photo; the photo's hash."""
    township = township_from_seed(county, tmp_path)
    shot = write_jpeg(tmp_path / "照片" / "入户走访.jpg", seed=99, taken="2022:05:14 09:00:00")
    with open_ledger(township, CLOCK) as ledger:
        (sha,) = add_photos(ledger, pairing_in(ledger, "城关镇"), "2022-05-14", [shot])
    full = tmp_path / "城关镇 全量.bdx"
    assert cli("package", "export", str(township), str(full), "--full")[0] == EXIT_OK
    return full, sha


def test_a_full_package_puts_its_pictures_into_the_receivers_store(
    county: tuple[Path, dict[str, list[str]]], tmp_path: Path
) -> None:
    path, hashes = county
    full, sha = township_full_package(path, tmp_path)

    dry = cli("package", "import", str(path), str(full), "--dry-run", "--json")
    assert dry[0] == EXIT_OK
    assert sha not in stored(path)  # a dry run keeps no picture
    code, printed, err = cli("package", "import", str(path), str(full), "--json")
    assert (code, err) == (EXIT_OK, "")
    assert json.loads(printed)["pictures"] == 1  # the two it had already were not copied again
    assert set(stored(path)) == {sha, *hashes["城关镇"], *hashes["春申街道"]}
    assert shown(path)[sha][0]


def test_a_changed_picture_is_refused_and_nothing_is_kept(
    county: tuple[Path, dict[str, list[str]]], tmp_path: Path
) -> None:
    """A byte of a picture changed after the package was signed (its zip written again, so only the hash
    can tell): the dry run and the import refuse it in Chinese; the county's rows and its photo store stay
    as they were; a new ledger is not made from it."""
    path, _ = county
    full, sha = township_full_package(path, tmp_path)
    with zipfile.ZipFile(full) as archive:
        picture = bytearray(archive.read(media_member(sha)))
    picture[len(picture) // 2] ^= 0xFF
    rezip(full, {media_member(sha): bytes(picture)})

    rows, pictures = every_row(path), stored(path)
    for flags in (("--dry-run",), ()):
        code, printed, err = cli("package", "import", str(path), str(full), *flags)
        assert (code, printed) == (EXIT_FAILED, "")
        assert f"数据包中的一张活动照片（media/{sha}.jpg）与清单记载不符" in err, err
        assert "未导入任何内容，也未保存任何照片" in err, err
        assert every_row(path) == rows
        assert stored(path) == pictures
        assert not list(media.media_folder(path).glob(".incoming-*"))

    remade = tmp_path / "重建" / "城关镇 台账.bdesk"
    remade.parent.mkdir()
    code, _, err = cli("new", str(remade), "--from", str(full))
    assert code == EXIT_FAILED
    assert "未导入任何内容" in err, err
    assert list(remade.parent.iterdir()) == []  # neither a ledger nor a photo folder


def test_a_ticked_off_items_photos_go_up_in_a_delta_and_a_full_package(
    county: tuple[Path, dict[str, list[str]]], tmp_path: Path
) -> None:
    """城关镇 raises a need and ticks it off with a photo: its delta brings the county the 销号 photo's row
    (owned by the township, as the item) and thumbnail, the picture itself shown missing until the
    township's folder is found; its full package brings the picture."""
    path, _ = county
    township = township_from_seed(path, tmp_path)
    shot = write_jpeg(tmp_path / "照片" / "村道完工.jpg", seed=77, taken="2022:05:18 10:00:00")
    with open_ledger(township, CLOCK) as ledger:
        pairing = pairing_in(ledger, "城关镇")
        add_item(ledger, ItemDraft(pairing, ItemKind.NEED, "村道硬化", dt.date(2022, 4, 15)))
        item = int(ledger.scalar("SELECT id FROM plan_item"))
        (made,) = prepare(ledger.path, [shot], lambda done, total: None)
        assert made.photo is not None
        sha = made.photo.sha256
        entry = PhotoEntry(sha, "硬化后的村道", image=made.photo)
        close_item(ledger, item, dt.date(2022, 5, 18), "已完工验收", [entry])
    delta = tmp_path / "城关镇 销号.bdx"
    assert cli("package", "export", str(township), str(delta))[0] == EXIT_OK
    manifest = manifest_of(delta)
    assert manifest["counts"]["photo_image"] == 1  # type: ignore[index]
    code, printed, err = cli("package", "import", str(path), str(delta), "--json")
    assert (code, err) == (EXIT_OK, ""), printed
    assert json.loads(printed)["counts"]["rejected"] == 0
    rows = (
        "SELECT i.title, p.sha256, p.caption FROM plan_item_photo p JOIN plan_item i ON i.id = p.plan_item_id"
    )
    with open_ledger(path, CLOCK, read_only=True) as ledger:
        assert ledger.query(rows) == [{"title": "村道硬化", "sha256": sha, "caption": "硬化后的村道"}]
        (photo,) = item_photos(ledger, int(ledger.scalar("SELECT id FROM plan_item")))
        assert (photo.present, len(photo.thumbnail) > 0) == (False, True)
    full = tmp_path / "城关镇 全量.bdx"
    assert cli("package", "export", str(township), str(full), "--full")[0] == EXIT_OK
    code, printed, err = cli("package", "import", str(path), str(full), "--json")
    assert (code, err) == (EXIT_OK, ""), printed
    assert sha in stored(path)
