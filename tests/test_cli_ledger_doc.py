"""branchdesk-cli ledger-doc and signin-sheet: the Word ledger (台账) read back with python-docx — the header
rows repeated on every page, no row split across pages, East Asian fonts in the styles, explicit widths,
the photos — with the figures ``stats`` gives, and templates that are refused whole."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from PIL import Image

from branchdesk.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from branchdesk.domain.activities import ActivityDraft
from branchdesk.domain.attendance import Absentee
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import ActivityType, Area, BranchKind
from branchdesk.domain.ledger_book import BookPhoto
from branchdesk.domain.months import Month
from branchdesk.domain.photos import PhotoEntry
from branchdesk.exchange.word_ledger import builtin_template, write_ledger_doc
from branchdesk.services import activities as activity_service
from branchdesk.services import photos as photo_service
from branchdesk.services.ledgers import open_ledger
from branchdesk.services.word_ledger import ledger_book
from branchdesk.storage import media
from branchdesk.storage.activities import replace_absentees
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder
from tests.photo_files import write_jpeg
from tests.test_cli import cli

CLOCK = FixedClock.on("2022-07-19")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def county(build: LedgerBuilder, ledger: Ledger) -> Path:
    """潢川县: three pairings in 城关镇, one in 仁和镇; activities in May and June, one on a working day."""
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    organs = build.organs(unit, tree["huangchuan"], 4)
    chengguan = build.villages(tree["hc_chengguan"], 3, prefix="城关")
    renhe = build.villages(tree["hc_renhe"], 1, prefix="仁和")
    pairs = [build.pair(organs[i], chengguan[i], "2022-04-10") for i in range(3)]
    pairs.append(build.pair(organs[3], renhe[0], "2022-06-15"))
    build.activity(pairs[0], "2022-06-11", volunteers=7)
    build.activity(pairs[0], "2022-05-14")
    build.activity(pairs[1], "2022-06-15", ActivityType.LECTURE)  # a Wednesday, no reason given
    build.activity(pairs[2], "2022-06-25", volunteers=12)
    with ledger.operation("test.summary"):
        ledger.update("activity", 1, {"summary": "学习<党章> & 讨论", "location": "城关1村党群服务中心"})
        ledger.update(
            "activity",
            1,
            {
                "theme": "学习党的二十大精神",
                "host": "王书记",
                "expected": 12,
                "present": 10,
                "make_up_on": "2022-06-18",
            },
        )
        replace_absentees(ledger, 1, [Absentee("张三", "病假"), Absentee("李四", "外出务工")])
        ledger.update("activity", 4, {"expected": 8, "present": 8})
        # Entered on 2022-07-19 (the clock), held 2022-06-11: more than 30 days later, recorded late (补录).
        ledger.update("activity", 1, {"created_at": "2022-07-19T09:00:00"})
    path = ledger.path
    ledger.close()
    return path


def _xml(path: Path, part: str = "word/document.xml") -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(part).decode("utf-8")


def test_ledger_doc_writes_the_book_with_wps_safe_tables(county: Path, tmp_path: Path) -> None:
    out = tmp_path / "台账 2022.docx"
    code, text, err = cli(
        "ledger-doc", str(county), str(out), "--from", "2022-05", "--to", "2022-06", clock=CLOCK
    )
    assert (code, err) == (EXIT_OK, "")
    assert "4" in text
    assert out.exists()
    document = docx.Document(str(out))
    body = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "支部联建工作台账" in body
    assert "2022年5月至2022年6月" in body
    # Roster, overview, four records, open items, figures.
    assert len(document.tables) == 2 + 4 + 2
    roster = document.tables[0]
    assert roster.rows[0].cells[1].text == "结对双方"
    assert [row.cells[0].text for row in roster.rows[1:]] == ["1", "2", "3", "4"]
    assert "城关1村党支部（城关镇）" in roster.rows[1].cells[1].text
    for table in document.tables:
        grid = table._tbl.tblGrid.findall(qn("w:gridCol"))
        assert grid
        assert all(int(column.get(qn("w:w"))) > 0 for column in grid)
        total = sum(int(column.get(qn("w:w"))) for column in grid)
        assert abs(total - 8844) <= 3  # 156 mm, GB/T 9704's type area, in twips (each column rounded)
        assert table._tbl.tblPr.find(qn("w:tblW")).get(qn("w:w")) == str(total)
        layout = table._tbl.tblPr.find(qn("w:tblLayout"))
        assert layout is not None
        assert layout.get(qn("w:type")) == "fixed"
        # The first row is the header, repeated on every page; no row breaks across a page.
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
        for row in table.rows:
            for cell in row._tr.tc_lst:
                width = cell.tcPr.find(qn("w:tcW"))
                assert width.get(qn("w:type")) == "dxa"
                assert int(width.get(qn("w:w"))) > 0
    # One record per activity, in date order, with what the user typed (escaped, not broken XML).
    records = document.tables[2:6]
    assert "2022年5月14日" in records[0].rows[1].cells[1].text
    assert records[1].rows[1].cells[3].text == "城关1村党群服务中心"
    assert records[1].rows[-1].cells[1].text == "学习<党章> & 讨论"
    # Attendance as entered: host and theme, expected, present, the absentees with reasons, the make-up.
    cells = {row.cells[0].text: row.cells[1].text for row in records[1].rows}
    assert (cells["主持人"], records[1].rows[4].cells[3].text) == ("王书记", "学习党的二十大精神")
    assert (cells["应到人数"], records[1].rows[5].cells[3].text) == ("12", "10")
    assert cells["缺席人员及原因"] == "2人：张三（病假）；李四（外出务工）"
    assert cells["补课情况"] == "2022年6月18日补课"
    assert records[1].rows[-2].cells[3].text == "2022年7月19日录入（补录）"
    assert {row.cells[0].text for row in records[0].rows}.isdisjoint({"应到人数", "缺席人员及原因"})
    full = {row.cells[0].text: row.cells[1].text for row in records[3].rows}
    assert (full["缺席人员及原因"], full["补课情况"]) == ("无", "—")
    # Open items: 城关3村 had no themed Party day in May, 城关2村 none in June; the lecture on a Wednesday.
    items = [[cell.text for cell in row.cells] for row in document.tables[6].rows[1:]]
    matters = [(row[1], row[2].split("\n")[0], row[3]) for row in items]
    assert ("2022年5月", "城关2村党支部", "当月未开展主题党日") in matters
    assert ("2022年5月", "城关3村党支部", "当月未开展主题党日") in matters
    assert ("2022年6月", "城关2村党支部", "当月未开展主题党日") in matters
    assert ("2022年6月", "城关2村党支部", "2022年6月15日党课在工作日开展，未说明原因") in matters
    # The figures are stats' own, month by month.
    figures = {row.cells[0].text: row.cells[1].text for row in document.tables[7].rows[1:]}
    for month in ("2022-05", "2022-06"):
        _, stats, _ = cli(
            "stats", str(county), "--month", month, "--as-of", f"{month}-30", "--json", clock=CLOCK
        )
        rate = json.loads(stats)["compliance"]["rate"]
        assert figures[f"主题党日落实率（{int(month[:4])}年{int(month[5:])}月）"] == f"{rate}%"
    assert figures["党员志愿者人次（2022年5月至2022年6月）"] == str(5 + 7 + 5 + 12)
    assert figures["活动次数（2022年5月至2022年6月）"] == "4"
    # Attendance over the range: (10 + 8) ÷ (12 + 8), truncated; one activity entered late.
    assert figures["党员出勤率（2022年5月至2022年6月，实到÷应到）"] == "90.00%"
    assert figures["补录活动（2022年5月至2022年6月，活动后逾期录入）"] == "1"
    june = json.loads(cli("stats", str(county), "--month", "2022-06", "--json", clock=CLOCK)[1])
    assert june["activities"]["attendance_rate"] == {"count": 18, "total": 20, "rate": "90.00"}


def test_the_styles_name_east_asian_fonts_and_a4_pages(county: Path, tmp_path: Path) -> None:
    out = tmp_path / "台账.docx"
    assert cli("ledger-doc", str(county), str(out), clock=CLOCK)[0] == EXIT_OK
    styles = docx.Document(str(out)).styles
    defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋"
    for name, font in (("Normal", "仿宋"), ("Title", "黑体"), ("Heading 1", "黑体"), ("Table Text", "仿宋")):
        fonts = styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == font
        assert fonts.get(qn("w:asciiTheme")) is None  # a theme font would win over the name
    fonts = _xml(out, "word/fontTable.xml")
    assert '<w:font w:name="仿宋"><w:altName w:val="FangSong"/>' in fonts
    section = docx.Document(str(out)).sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.1)
    assert (section.top_margin.mm, section.left_margin.mm) == pytest.approx((37, 28), abs=0.1)
    # No field WPS leaves empty (a table of contents); the page number is the only field.
    assert "TOC" not in _xml(out)


def _jpeg(path: Path, size: tuple[int, int], colour: str) -> Path:
    Image.new("RGB", size, colour).save(path, "JPEG", quality=90)
    return path


def test_photos_go_in_as_the_store_keeps_them_two_a_row(county: Path, tmp_path: Path) -> None:
    photos = [
        _jpeg(tmp_path / "一.jpg", (1600, 1200), "red"),
        _jpeg(tmp_path / "二.jpg", (1200, 1600), "green"),
        _jpeg(tmp_path / "三.jpg", (1600, 900), "blue"),
    ]
    with open_ledger(county, CLOCK, read_only=True) as ledger:
        book = ledger_book(ledger, first=Month(2022, 5), last=Month(2022, 6))
    first = dataclasses.replace(
        book.activities[0],
        photos=(
            BookPhoto(photos[0], None, "入户走访"),
            BookPhoto(photos[1], None, ""),
            BookPhoto(photos[2], None, "集中学习"),
        ),
    )
    thumbnail = io.BytesIO()
    Image.new("RGB", (320, 240), "yellow").save(thumbnail, "JPEG")
    second = dataclasses.replace(
        book.activities[1], photos=(BookPhoto(None, thumbnail.getvalue(), "志愿服务"),)
    )
    book = dataclasses.replace(book, activities=[first, second, *book.activities[2:]])
    out = tmp_path / "台账.docx"
    assert write_ledger_doc(book, out) == 4
    document = docx.Document(str(out))
    assert len(document.inline_shapes) == 4
    # The photo files themselves, byte for byte (not re-encoded), stored without compressing them again.
    with zipfile.ZipFile(out) as archive:
        media = {
            info.filename: info for info in archive.infolist() if info.filename.startswith("word/media/")
        }
        carried = sorted(archive.read(name) for name in media)
        assert sorted([path.read_bytes() for path in photos] + [thumbnail.getvalue()]) == carried
    # Two a row, with captions; a photo without one is named by its place.
    grid = document.tables[2 + 1]  # the first record's photos follow its record table
    assert grid.rows[0].cells[0].text == "活动照片"
    assert len(grid.rows) == 1 + 2
    assert [cell.text.strip() for cell in grid.rows[1].cells] == ["入户走访", "活动照片2"]
    assert [cell.text.strip() for cell in grid.rows[2].cells] == ["集中学习", ""]
    assert "此为缩略图" in document.tables[2 + 3].rows[1].cells[0].text
    # Sizes: a landscape photo 72 mm wide, a portrait one no taller than 60 mm.
    shapes = document.inline_shapes
    assert shapes[0].width.mm == pytest.approx(72, abs=0.1)
    assert shapes[1].height.mm == pytest.approx(60, abs=0.1)


def test_a_template_missing_or_inventing_a_field_is_refused_in_chinese(county: Path, tmp_path: Path) -> None:
    out = tmp_path / "台账.docx"
    source = builtin_template().read_bytes()

    def variant(name: str, old: bytes, new: bytes) -> Path:
        with zipfile.ZipFile(io.BytesIO(source)) as archive, zipfile.ZipFile(tmp_path / name, "w") as target:
            for info in archive.infolist():
                data = archive.read(info)
                target.writestr(
                    info, data.replace(old, new) if info.filename == "word/document.xml" else data
                )
        return tmp_path / name

    unknown = variant("多字段.docx", b"{{ a.place }}", b"{{ a.budget }}")
    code, _, err = cli("ledger-doc", str(county), str(out), "--template", str(unknown), clock=CLOCK)
    assert code == EXIT_FAILED
    assert "“budget”" in err
    assert "多字段.docx" in err
    assert "未生成" in err
    wrong_top = variant("错字段.docx", b"{{ period }}", b"{{ periode }}")
    code, _, err = cli("ledger-doc", str(county), str(out), "--template", str(wrong_top), clock=CLOCK)
    assert code == EXIT_FAILED
    assert "“periode”" in err
    missing = variant("缺字段.docx", b"activities", b"pairings")
    code, _, err = cli("ledger-doc", str(county), str(out), "--template", str(missing), clock=CLOCK)
    assert code == EXIT_FAILED
    assert "“activities”" in err
    broken = variant("坏字段.docx", b"{{ period }}", b"{{ period }")
    code, _, err = cli("ledger-doc", str(county), str(out), "--template", str(broken), clock=CLOCK)
    assert code == EXIT_FAILED
    assert "坏字段.docx" in err
    not_docx = tmp_path / "模板.docx"
    not_docx.write_text("不是 Word 文档", encoding="utf-8")
    code, _, err = cli("ledger-doc", str(county), str(out), "--template", str(not_docx), clock=CLOCK)
    assert code == EXIT_FAILED
    assert "不是Word文档" in err.replace(" ", "")
    assert not out.exists()
    assert list(tmp_path.glob(".*.tmp")) == []


def test_an_existing_file_is_replaced_whole_or_not_at_all(county: Path, tmp_path: Path) -> None:
    out = tmp_path / "台账.docx"
    out.write_bytes(b"earlier")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK")
    assert cli("ledger-doc", str(county), str(out), "--template", str(bad), clock=CLOCK)[0] == EXIT_FAILED
    assert out.read_bytes() == b"earlier"
    assert cli("ledger-doc", str(county), str(out), clock=CLOCK)[0] == EXIT_OK
    assert zipfile.is_zipfile(out)
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []


def test_one_pairing_by_a_branch_name_and_bad_arguments(county: Path, tmp_path: Path) -> None:
    out = tmp_path / "城关1村.docx"
    code, _text, err = cli(
        "ledger-doc", str(county), str(out), "--pairing", "城关1村党支部", "--from", "2022-05", clock=CLOCK
    )
    assert (code, err) == (EXIT_OK, "")
    document = docx.Document(str(out))
    assert len(document.tables[0].rows) == 2  # the header and the one pairing
    assert "城关1村党支部 — 机关第1党支部" in "\n".join(p.text for p in document.paragraphs)
    assert len(document.tables[1].rows) == 1 + 2  # its two activities
    code, _, err = cli("ledger-doc", str(county), str(out), "--pairing", "无此支部", clock=CLOCK)
    assert code == EXIT_FAILED
    assert "“无此支部”" in err
    code, _, err = cli("ledger-doc", str(county), str(tmp_path / "a.pdf"), clock=CLOCK)
    assert code == EXIT_USAGE
    assert ".docx" in err
    code, _, err = cli(
        "ledger-doc", str(county), str(out), "--from", "2022-07", "--to", "2022-05", clock=CLOCK
    )
    assert code == EXIT_FAILED
    assert "2022年7月" in err
    code, _, err = cli(
        "ledger-doc", str(county), str(out), "--region", "仁和镇", "--pairing", "x", clock=CLOCK
    )
    assert code == EXIT_USAGE


def test_signin_sheet_has_a_line_per_member_of_both_branches(
    build: LedgerBuilder, ledger: Ledger, tmp_path: Path
) -> None:
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    organ = build.branch(
        "县财政局机关第一党支部", BranchKind.ORGAN, tree["huangchuan"], unit_id=unit, member_count=9
    )
    village = build.branch("东关村党支部", BranchKind.VILLAGE, tree["hc_chengguan"], member_count=14)
    build.pair(organ, village, "2022-04-10")
    path = ledger.path
    ledger.close()
    out = tmp_path / "签到表.docx"
    code, _text, err = cli(
        "signin-sheet", str(path), str(out), "--pairing", "东关村党支部", "--theme", "学习党的二十大精神",
        clock=CLOCK,
    )  # fmt: skip
    assert (code, err) == (EXIT_OK, "")
    document = docx.Document(str(out))
    assert "支部联建活动签到表" in document.paragraphs[0].text
    head, sheet = document.tables
    assert "东关村党支部 — 县财政局机关第一党支部" in head.rows[0].cells[1].text
    assert head.rows[2].cells[1].text == "学习党的二十大精神"
    assert head.rows[1].cells[1].text.startswith("    年")  # the date left to fill in by hand
    assert [cell.text for cell in sheet.rows[0].cells] == ["序号", "姓名", "所在党支部", "签到时间", "备注"]
    assert len(sheet.rows) == 1 + 9 + 14
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in sheet.rows)
    assert sheet.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_the_templates_are_made_by_the_script() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_ledger_template.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_photo_stores_pictures_go_in_and_a_missing_one_as_its_thumbnail(
    build: LedgerBuilder, ledger: Ledger, tmp_path: Path
) -> None:
    """Photos added as the dialog adds them (normalised into the store beside the ledger, one of them
    rotated by its EXIF mark); the store's copy of one deleted, as when the folder was not copied along."""
    pairing = build.paired_town(1)[1][0]
    files = [
        write_jpeg(tmp_path / "走访.jpg", 1, taken="2022:05:14 09:30:00"),
        write_jpeg(tmp_path / "学习.jpg", 2, taken="2022:05:14 10:00:00", orientation=6),
        write_jpeg(tmp_path / "合影.jpg", 3, taken=None),
    ]
    done = photo_service.prepare(ledger.path, files, lambda step, steps: None)
    pictures = [item.photo for item in done if item.photo is not None]
    draft = ActivityDraft(
        held_on=dt.date(2022, 5, 14),
        type=ActivityType.THEMED_DAY,
        areas=frozenset({Area.SERVICE}),
        volunteers=5,
    )
    captions = ["入户走访", "集中学习", ""]
    activity_service.record_activities(
        ledger,
        [pairing],
        draft,
        photos=[PhotoEntry(p.sha256, c or None, image=p) for p, c in zip(pictures, captions, strict=True)],
    )
    media.photo_path(media.media_folder(ledger.path), pictures[2].sha256).unlink()
    path = ledger.path
    ledger.close()
    out = tmp_path / "台账.docx"
    code, text, err = cli(
        "ledger-doc", str(path), str(out), "--from", "2022-05", "--to", "2022-05", clock=CLOCK
    )
    assert (code, err) == (EXIT_OK, "")
    assert "照片 3 张" in text
    document = docx.Document(str(out))
    grid = next(table for table in document.tables if table.rows[0].cells[0].text == "活动照片")
    assert [cell.text.strip() for cell in grid.rows[1].cells] == ["入户走访", "集中学习"]
    assert grid.rows[2].cells[0].text.strip() == "活动照片3（原图不在照片库中，此为缩略图）"
    # Each picture as its print copy (800 px on the long edge, under half the store's bytes), made as
    # the photo was added and kept in the store; the missing one as its thumbnail.
    folder = media.media_folder(path)
    copies = [media.print_path(folder, picture.sha256) for picture in pictures[:2]]
    assert media_in(out) == {copy.read_bytes() for copy in copies} | {pictures[2].thumbnail}
    # The rotated photo stands upright (the store applied its EXIF mark): taller than wide on the page.
    shapes = document.inline_shapes
    assert shapes[1].height > shapes[1].width
    assert shapes[0].width > shapes[0].height

    # Pictures without their copies (received in a package, found again, added before copies were made):
    # the Word ledger makes them, once; the next one takes them.
    shutil.rmtree(folder / media.PRINT_FOLDER)
    again, third = tmp_path / "台账 第二份.docx", tmp_path / "台账 第三份.docx"
    assert write(path, again) == EXIT_OK
    assert media_in(again) == {copy.read_bytes() for copy in copies} | {pictures[2].thumbnail}
    made = [copy.stat().st_mtime_ns for copy in copies]
    assert write(path, third) == EXIT_OK
    assert [copy.stat().st_mtime_ns for copy in copies] == made
    assert media_in(third) == media_in(again)
    for picture, copy in zip(pictures, copies, strict=False):
        with Image.open(copy) as image:
            assert max(image.size) == 800
            assert image.size[0] / image.size[1] == pytest.approx(picture.width / picture.height, rel=0.01)
        assert copy.stat().st_size < media.photo_path(folder, picture.sha256).stat().st_size / 2

    # A store where no copy can be written (its folder for them is in the way): the pictures themselves.
    shutil.rmtree(folder / media.PRINT_FOLDER)
    (folder / media.PRINT_FOLDER).write_bytes(b"")
    blocked = tmp_path / "台账 第四份.docx"
    assert write(path, blocked) == EXIT_OK
    originals = {media.photo_path(folder, picture.sha256).read_bytes() for picture in pictures[:2]}
    assert media_in(blocked) == originals | {pictures[2].thumbnail}


def write(ledger: Path, out: Path) -> int:
    return cli("ledger-doc", str(ledger), str(out), "--from", "2022-05", "--to", "2022-05", clock=CLOCK)[0]


def media_in(document: Path) -> set[bytes]:
    """The pictures a .docx holds."""
    with zipfile.ZipFile(document) as archive:
        return {archive.read(name) for name in archive.namelist() if name.startswith("word/media/")}
