"""Import of real-shaped files (messy rows, Chinese headers, GBK and UTF-8 CSV), export, round trip."""

from __future__ import annotations

import datetime as dt
import gc
import io
import json
import sqlite3
import tempfile
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from branchdesk.cli import EXIT_FAILED, EXIT_OK, run
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.errors import BranchDeskError, Reason
from branchdesk.domain.imports import ImportKind, ImportMode
from branchdesk.exchange.files import check_file, decode, read_rows
from branchdesk.exchange.ledger_export import export_ledger
from branchdesk.exchange.ledger_import import import_file, plan_file
from branchdesk.services.demo import generate_demo
from branchdesk.services.history import UndoHistory
from branchdesk.services.ledgers import create_ledger
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder

ROSTER_HEADERS = [
    "序号",
    "党支部名称",
    "类型",
    "乡镇(街道)",
    "等次",
    "支部书记",
    "联系电话",
    "党员人数",
    "成立时间",
]


def _xlsx(path: Path, rows: list[list[Any]], title: str | None = "潢川县村级党支部花名册") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    if title:
        sheet.append([title])  # a title row above the headers, as township files have
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _branches(ledger: Ledger) -> dict[str, dict[str, Any]]:
    return {row["name"]: row for row in ledger.query("SELECT * FROM branch")}


def test_a_messy_roster_is_checked_row_by_row(ledger: Ledger, build: LedgerBuilder, tmp_path: Path) -> None:
    build.tree()
    path = _xlsx(
        tmp_path / "花名册.xlsx",
        [
            ROSTER_HEADERS,
            [1, "张庄村党支部", "农村", "仁和镇", "差", "李明", 13800138000, "35", dt.datetime(2001, 3, 1)],
            [
                2,
                "王湾村党支部",
                "村",
                "信阳市/潢川县/城关镇",
                "好",
                "王强",
                "0376-6221234",
                28,
                "2005年7月1日",
            ],
            [None, None, None, None, None, None, None, None, None],  # a blank row is skipped
            [3, "李集村党支部", "农村", "城关镇", "中", None, None, None, None],  # two 城关镇: ambiguous
            [
                4,
                "赵楼村党支部",
                "农村",
                "光山县",
                "中",
                None,
                None,
                "三十",
                "2022-02-30",
            ],  # unknown region etc.
            [5, "张庄村党支部", "农村", "仁和镇", "差", None, None, None, None],  # a duplicate of row 3
        ],
    )
    plans = plan_file(path, "branches")
    assert plans[0].header_row == 2
    assert plans[0].missing == []
    report = import_file(ledger, path, plans)
    assert not report.committed
    assert _branches(ledger) == {}  # all or nothing
    rejected = {(p.row, p.field, p.code) for p in report.problems}
    assert (6, "region", "region.ambiguous") in rejected
    assert (7, "region", "region.not_found") in rejected
    assert [d.row for d in report.duplicates] == [8]

    report = import_file(ledger, path, plans, mode=ImportMode.VALID_ONLY)
    assert report.committed
    rows = _branches(ledger)
    assert set(rows) == {"张庄村党支部", "王湾村党支部"}
    assert rows["张庄村党支部"]["phone"] == "13800138000"  # a number stored as a number, read as text
    assert rows["张庄村党支部"]["member_count"] == 35  # a number stored as text
    assert rows["张庄村党支部"]["established_on"] == "2001-03-01"
    assert rows["王湾村党支部"]["established_on"] == "2005-07-01"
    assert rows["王湾村党支部"]["tier"] == "strong"

    # One undoable step.
    history = UndoHistory(ledger)
    assert report.changed is not None
    history.record(report.changed)
    history.undo()
    assert _branches(ledger) == {}


def test_bad_dates_and_numbers_are_reported_with_their_column(
    ledger: Ledger, build: LedgerBuilder, tmp_path: Path
) -> None:
    build.tree()
    path = _xlsx(
        tmp_path / "x.xlsx",
        [ROSTER_HEADERS, [1, "赵楼村党支部", "农村", "仁和镇", "中", None, None, "三十", "2022-02-30"]],
        title=None,
    )
    report = import_file(ledger, path, plan_file(path, "branches"))
    assert {(p.row, p.field, p.code) for p in report.problems} == {
        (2, "member_count", "cell.not_a_number"),
        (2, "established_on", "date.no_such_day"),
    }
    path = _xlsx(
        tmp_path / "y.xlsx",
        [ROSTER_HEADERS, [1, "赵楼村党支部", "农村", "仁和镇", "中", None, None, 3, "2022-02-30"]],
        title=None,
    )
    report = import_file(ledger, path, plan_file(path, "branches"))
    assert {(p.row, p.field, p.code) for p in report.problems} == {(2, "established_on", "date.no_such_day")}


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_csv_in_gbk_and_utf8_is_read_without_garbling(
    ledger: Ledger, build: LedgerBuilder, tmp_path: Path, encoding: str
) -> None:
    build.tree()
    text = "党支部名称,类型,所属乡镇,等次\r\n张庄村党支部,农村,仁和镇,差\r\n王湾社区党支部,社区,仁和镇,好\r\n"
    path = tmp_path / "roster.csv"
    path.write_bytes(text.encode(encoding))
    report = import_file(ledger, path, plan_file(path, "branches"))
    assert report.committed
    assert set(_branches(ledger)) == {"张庄村党支部", "王湾社区党支部"}


def test_an_unclear_encoding_is_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    data = "名稱,類型\n張莊村黨支部,農村\n".encode("big5")  # Traditional Chinese from Taiwan or Hong Kong
    with pytest.raises(BranchDeskError) as raised:
        decode(data, path)
    assert raised.value.code == "import.encoding_unknown"
    assert decode(data, path, "big5").startswith("名稱")


def _rewrite_sheet(path: Path, change: Callable[[bytes], bytes]) -> None:
    with zipfile.ZipFile(path) as archive:
        members = [(item, archive.read(item)) for item in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for item, data in members:
            archive.writestr(item, change(data) if item.filename == "xl/worksheets/sheet1.xml" else data)


def test_an_export_to_a_missing_folder_is_refused_in_words(
    ledger: Ledger, build: LedgerBuilder, tmp_path: Path
) -> None:
    build.tree()
    with pytest.raises(BranchDeskError) as raised:
        export_ledger(ledger, tmp_path / "无此文件夹" / "台账.xlsx")
    assert raised.value.code == "export.cannot_write"
    assert raised.value.params["reason"] == Reason(("ENOENT",), "No such file or directory")


def test_a_cancelled_export_leaves_no_file_and_no_scratch_file_open(
    build: LedgerBuilder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = build.tree()
    build.villages(tree["hc_renhe"], 600)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "scratch"))
    (tmp_path / "scratch").mkdir()

    def cancel(done: int, total: int) -> None:
        raise KeyboardInterrupt  # what a progress callback raises to stop

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(KeyboardInterrupt):
        export_ledger(build.ledger, out / "台账.xlsx", progress=cancel)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a scratch file still open would warn as it is collected
        gc.collect()
    assert list(out.iterdir()) == []
    assert list((tmp_path / "scratch").iterdir()) == []


def test_zip_bombs_and_broken_workbooks_are_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<" + b"a" * (50 * 1024 * 1024))
    with pytest.raises(BranchDeskError) as raised:
        check_file(bomb)
    assert raised.value.code == "import.bomb"
    laughs = tmp_path / "laughs.xlsx"
    with zipfile.ZipFile(laughs, "w") as archive:
        archive.writestr(
            "xl/workbook.xml", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
        )
    with pytest.raises(BranchDeskError) as raised:
        check_file(laughs)
    assert raised.value.code == "import.bomb"
    # A DOCTYPE after a long comment is found too (expat would only stop it once it had begun expanding).
    hidden = tmp_path / "hidden.xlsx"
    _xlsx(hidden, [["支部名称"], ["a"]], title=None)
    _rewrite_sheet(hidden, lambda xml: b"<!--" + b" " * 9000 + b'--><!DOCTYPE x [<!ENTITY a "aaaa">]>' + xml)
    with pytest.raises(BranchDeskError) as raised:
        check_file(hidden)
    assert raised.value.code == "import.bomb"
    # A sheet broken further down than its start is refused as malformed, not an unexpected error.
    torn = tmp_path / "torn.xlsx"
    _xlsx(torn, [["支部名称"], ["a"]], title=None)
    _rewrite_sheet(torn, lambda xml: xml.replace(b"</sheetData>", b"<row r='3'><c></row></sheetData>"))
    check_file(torn)
    with pytest.raises(BranchDeskError) as raised:
        list(read_rows(torn))
    assert raised.value.code == "import.malformed"
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip at all")
    with pytest.raises(BranchDeskError) as raised:
        check_file(broken)
    assert raised.value.code == "import.malformed"


def test_export_neutralises_formulas_and_writes_real_dates(
    ledger: Ledger, build: LedgerBuilder, tmp_path: Path
) -> None:
    tree = build.tree()
    unit = build.unit('=HYPERLINK("http://x")', tree["huangchuan"])
    organs = build.organs(unit, tree["huangchuan"], 1)
    villages = build.villages(tree["hc_renhe"], 1)
    build.pair(organs[0], villages[0], "2022-04-10")
    out = tmp_path / "台账.xlsx"
    export_ledger(ledger, out)
    book = openpyxl.load_workbook(out)
    units = book["单位"]
    cell = units.cell(2, 2)
    assert cell.value == '=HYPERLINK("http://x")'
    assert cell.data_type == "s"
    assert cell.quotePrefix
    assert book["结对"].freeze_panes == "A2"
    assert book["结对"].auto_filter.ref
    started = [c.value for c in book["结对"][1]].index("结对日期")
    assert book["结对"].cell(2, started + 1).value == dt.datetime(2022, 4, 10)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for c in row:
                assert c.data_type != "f"


def _rows_by_uuid(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    refs = {
        "region": {"parent_id": "region"},
        "unit": {"region_id": "region", "assigned_community_id": "branch"},
        "branch": {"region_id": "region", "community_id": "branch", "unit_id": "unit"},
        "draw": {"scope_region_id": "region"},
        "pairing": {"organ_id": "branch", "grassroots_id": "branch", "draw_id": "draw"},
        "key_task": {},
        "activity": {"pairing_id": "pairing", "key_task_id": "key_task"},
        "plan_item": {"pairing_id": "pairing", "need_id": "plan_item", "resource_id": "plan_item"},
        "agreement": {"pairing_id": "pairing"},
        "agreement_target": {"agreement_id": "agreement"},
        "target_progress": {"target_id": "agreement_target"},
        "work_team": {"branch_id": "branch", "unit_id": "unit"},
        "team_member": {"team_id": "work_team"},
        "team_days": {"member_id": "team_member"},
        "star_rating": {"branch_id": "branch"},
    }
    conn = sqlite3.connect(path)
    uuids = {table: dict(conn.execute(f"SELECT id, uuid FROM {table}")) for table in refs}
    found: dict[str, list[tuple[Any, ...]]] = {}
    for table, columns in refs.items():
        names = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        keep = [n for n in names if n not in ("id", "created_at", "updated_at")]
        found[table] = sorted(
            (
                tuple(uuids[columns[n]].get(v) if n in columns else v for n, v in zip(keep, row, strict=True))
                for row in conn.execute(f"SELECT {', '.join(keep)} FROM {table}")
            ),
            key=repr,
        )
    found["activity_area"] = sorted(
        conn.execute("SELECT a.uuid, x.area FROM activity_area x JOIN activity a ON a.id = x.activity_id")
    )
    # A list item's links to activities: by the two uuids (a link's own is made by the import).
    found["plan_item_activity"] = sorted(
        conn.execute(
            "SELECT i.uuid, a.uuid FROM plan_item_activity x JOIN plan_item i ON i.id = x.plan_item_id"
            " JOIN activity a ON a.id = x.activity_id"
        )
    )
    # Absentees have no uuid column in a workbook: by their activity, in the order entered.
    found["activity_absentee"] = list(
        conn.execute(
            "SELECT a.uuid, x.name, x.reason FROM activity_absentee x JOIN activity a ON a.id = x.activity_id"
            " ORDER BY a.uuid, x.id"
        )
    )
    conn.close()
    return found


def _cli(*argv: str, clock: FixedClock) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return run(list(argv), clock=clock, out=out, err=err), out.getvalue(), err.getvalue()


def test_round_trip_of_a_demo_ledger_through_the_cli(tmp_path: Path) -> None:
    clock = FixedClock.on("2024-01-15")
    source = tmp_path / "示范.bdesk"
    generate_demo(source, "township", seed=7, clock=clock)
    workbook = tmp_path / "台账 导出.xlsx"
    assert _cli("export", str(source), str(workbook), clock=clock)[0] == EXIT_OK
    target = tmp_path / "新台账.bdesk"
    create_ledger(target, clock).close()
    code, out, err = _cli("import", str(target), str(workbook), "--what", "all", clock=clock)
    assert (code, err) == (EXIT_OK, ""), out
    assert _rows_by_uuid(target) == _rows_by_uuid(source)
    for month in ("2022-04", "2022-05", "2023-05"):
        stats = [
            json.loads(
                _cli("stats", str(path), "--json", "--as-of", "2023-06-01", "--month", month, clock=clock)[1]
            )
            for path in (source, target)
        ]
        assert stats[0] == stats[1]
        # the agreements' targets and the work teams went across too: the figures are not empty ones
        assert stats[0]["targets"]["count"] > 0
        assert stats[0]["teams"]["members"] > 0
    # Importing the same workbook again finds every row already there and writes nothing.
    code, out, _ = _cli("import", str(target), str(workbook), "--what", "all", clock=clock)
    assert code == EXIT_OK
    assert _rows_by_uuid(target) == _rows_by_uuid(source)


def test_cli_refuses_a_file_with_rejected_rows_and_lists_them(
    ledger: Ledger, build: LedgerBuilder, tmp_path: Path, clock: FixedClock
) -> None:
    build.tree()
    path = _xlsx(
        tmp_path / "r.xlsx",
        [
            ROSTER_HEADERS,
            [1, "张庄村党支部", "农村", "仁和镇", "差"],
            [2, "李集村党支部", "农村", "城关镇", "中"],
        ],
    )
    ledger.close()
    code, out, _ = _cli(
        "import", str(ledger.path), str(path), "--what", "branches", "--lang", "en", clock=clock
    )
    assert code == EXIT_FAILED
    assert "支部\t4\t区域\t“城关镇” names several regions" in out
    branches = ["import", str(ledger.path), str(path), "--what", "branches", "--lang", "en"]
    # A dry run answers as the real run would, and writes nothing.
    code, out, _ = _cli(*branches, "--dry-run", clock=clock)
    assert code == EXIT_FAILED
    assert out.endswith("Nothing was imported: fix the rejected rows, or use --valid-only.\n")
    code, out, _ = _cli(*branches, "--dry-run", "--valid-only", clock=clock)
    assert code == EXIT_OK
    assert out.endswith("Dry run: nothing was written.\n")
    with Ledger.open(ledger.path, clock) as reopened:
        assert _branches(reopened) == {}
    code, out, _ = _cli(*branches, "--valid-only", clock=clock)
    assert code == EXIT_OK
    assert out.endswith("Imported; one step to undo in the window.\n")
    with Ledger.open(ledger.path, clock) as reopened:
        assert set(_branches(reopened)) == {"张庄村党支部"}
    # Again: the valid row is there already and the other still rejected, so nothing is imported.
    code, out, _ = _cli(*branches, "--valid-only", clock=clock)
    assert code == EXIT_FAILED
    assert out.endswith("Nothing new to import.\n")


def test_activities_by_branch_names(ledger: Ledger, build: LedgerBuilder, tmp_path: Path) -> None:
    tree = build.tree()
    unit = build.unit("县委组织部", tree["huangchuan"])
    organ = build.organs(unit, tree["huangchuan"], 1)[0]
    village = build.villages(tree["hc_renhe"], 1)[0]
    build.pair(organ, village, "2022-04-01")
    name = ledger.scalar("SELECT name FROM branch WHERE id = ?", (village,))
    path = _xlsx(
        tmp_path / "活动.xlsx",
        [
            ["基层党支部", "活动日期", "活动类型", "六共", "志愿者人次", "内容"],
            [name, dt.date(2022, 5, 14), "主题党日", "组织共建、产业共促", 12, "-开展活动"],
            [name, "2022/5/15", "主题党日", "组织共建", "8", "第二次"],
            [name, "2022-03-01", "主题党日", "组织共建", 8, "结对之前"],
            [name, "2022-05-14", "主题党日", "组织共建", 3, "同日同类：重复"],
        ],
        title=None,
    )
    report = import_file(ledger, path, plan_file(path, "activities"), mode=ImportMode.VALID_ONLY)
    assert report.committed
    assert {(p.row, p.code) for p in report.problems} == {(4, "import.no_pairing")}
    assert [d.row for d in report.duplicates] == [5]
    rows = ledger.query("SELECT held_on, volunteers, summary FROM activity ORDER BY held_on")
    assert rows == [
        {"held_on": "2022-05-14", "volunteers": 12, "summary": "-开展活动"},
        {"held_on": "2022-05-15", "volunteers": 8, "summary": "第二次"},
    ]
    assert ledger.scalar("SELECT count(*) FROM activity_area") == 3
    assert report.of(ImportKind.ACTIVITIES).added == 2
