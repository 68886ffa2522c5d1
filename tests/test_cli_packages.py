"""``branchdesk-cli package export LEDGER OUT.bdx [--full] [--json]`` (issue #18): a township ledger made
from nothing writes a signed package of its changes, or of every record, that reads back verified, with
references as uuids as they were when each change was made."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from branchdesk.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, run
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import Area, BranchKind, RegionLevel
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.packages import CHANGES, TOMBSTONES, PackageKind, rows_member
from branchdesk.domain.signatures import fingerprint, new_key_pair
from branchdesk.exchange.package_export import export_package
from branchdesk.exchange.package_files import read_package, write_package
from branchdesk.services.activities import delete_activities
from branchdesk.services.ledger_keys import ledger_key
from branchdesk.services.ledgers import open_ledger
from branchdesk.storage import identity as identity_store
from branchdesk.storage.packages import PACKAGE_TABLES, REFERENCES, package_column
from tests.builders import LedgerBuilder


def cli(*argv: str, clock: FixedClock) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), clock=clock, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def township(tmp_path: Path, clock: FixedClock, data_dir: Path) -> Path:
    """A township ledger made by the CLI in an empty folder, then a month of work: branches, a pairing,
    activities with areas, an edit and a deletion."""
    path = tmp_path / "城关镇 台账.bdesk"
    assert cli("new", str(path), "--region", "信阳市/潢川县/城关镇", clock=clock)[0] == EXIT_OK
    with open_ledger(path, clock) as ledger:
        build = LedgerBuilder(ledger)
        county = ledger.scalar("SELECT id FROM region WHERE name = '潢川县'")
        township_id = ledger.scalar("SELECT id FROM region WHERE name = '城关镇'")
        organ = build.organs(build.unit("潢川县财政局", county), county, 1)[0]
        village = build.branch("郑庄村党支部", BranchKind.VILLAGE, township_id)
        pairing = build.pair(organ, village, "2022-03-01")
        kept = build.activity(pairing, "2022-04-08", areas=(Area.ORGANISATION, Area.SERVICE))
        gone = build.activity(pairing, "2022-04-15")
        delete_activities(ledger, [gone])
        assert kept < gone
    return path


def export(township: Path, out: Path, clock: FixedClock, *flags: str) -> dict[str, Any]:
    code, printed, err = cli("package", "export", str(township), str(out), "--json", *flags, clock=clock)
    assert (code, err) == (EXIT_OK, "")
    summary: dict[str, Any] = json.loads(printed)
    return summary


def test_a_delta_carries_every_change_signed_with_the_ledgers_key(
    township: Path, tmp_path: Path, clock: FixedClock, data_dir: Path
) -> None:
    out = tmp_path / "城关镇 2022-05.bdx"
    summary = export(township, out, clock)
    with open_ledger(township, clock) as ledger:
        identity = identity_store.identity(ledger)
        last = ledger.scalar("SELECT max(id) FROM change_log")
        uuids = {
            table: dict(ledger.conn.execute(f"SELECT id, uuid FROM {table}").fetchall())
            for table in ("region", "unit", "branch", "pairing", "activity")
        }
        logged_counts = dict(
            ledger.conn.execute(
                f"SELECT entity, count(*) FROM change_log WHERE entity IN {PACKAGE_TABLES} GROUP BY entity"
            ).fetchall()
        )
        sent = ledger.query("SELECT * FROM package_log")
    key = ledger_key(data_dir, identity.ledger_id)
    assert summary == {
        "package": str(out),
        "package_uuid": summary["package_uuid"],
        "kind": "delta",
        "ledger_id": identity.ledger_id,
        "scope": {"uuid": identity.scope_uuid, "path": "信阳市/潢川县/城关镇", "code": None},
        "fingerprint": fingerprint(key.public_key),
        "sequence": {"from": 1, "to": last},
        "previous_package": None,
        "seed_scope": None,
        "counts": logged_counts,
        "bytes": out.stat().st_size,
    }
    assert logged_counts["activity"] == 3  # two added, one deleted
    package = read_package(out, pinned_key=lambda ledger_id: key.public_key)
    changes = list(package.values(CHANGES))
    assert [line["seq"] for line in changes] == sorted(line["seq"] for line in changes)
    deletion = next(line for line in changes if line["table"] == "activity" and line["change"] == "delete")
    assert deletion["after"] is None
    assert deletion["before"]["pairing_uuid"] == uuids["pairing"][1]
    assert deletion["action"] == "activity.delete"
    pairing = next(line for line in changes if line["table"] == "pairing")["after"]
    assert (pairing["organ_uuid"], pairing["grassroots_uuid"]) == (uuids["branch"][1], uuids["branch"][2])
    village = next(
        line for line in changes if line["table"] == "branch" and line["after"]["name"] == "郑庄村党支部"
    )
    assert village["after"]["region_uuid"] == identity.scope_uuid
    for line in changes:  # the ledger's own ids and derived keys never leave it
        for row in (line["before"], line["after"]):
            assert row is None or not {"id", "name_key"} & set(row)
            assert row is None or not any(column.endswith("_id") for column in row)
    assert [(row["direction"], row["package_uuid"], row["from_seq"], row["to_seq"]) for row in sent] == [
        ("sent", summary["package_uuid"], 1, last)
    ]
    assert sent[0]["sha256"] == package.sha256
    assert key.private_key.hex().encode() not in out.read_bytes()
    with zipfile.ZipFile(out) as archive:
        assert all(key.private_key.hex().encode() not in archive.read(name) for name in archive.namelist())


def test_the_next_delta_follows_the_last_and_still_carries_what_is_unacknowledged(
    township: Path, tmp_path: Path, clock: FixedClock
) -> None:
    first = export(township, tmp_path / "一.bdx", clock)
    with open_ledger(township, clock) as ledger:
        LedgerBuilder(ledger).activity(1, "2022-05-08")
    second = export(township, tmp_path / "二.bdx", clock)
    assert second["previous_package"] == first["package_uuid"]
    assert second["sequence"]["from"] == 1  # no receipt yet: everything again, so nothing is lost on the way
    assert second["sequence"]["to"] > first["sequence"]["to"]
    assert second["counts"]["activity"] == first["counts"]["activity"] + 1


RECEIPT = "6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f"


def test_a_delta_starts_after_the_last_acknowledged_change(
    township: Path, tmp_path: Path, clock: FixedClock
) -> None:
    sent = export(township, tmp_path / "首次.bdx", clock)
    with open_ledger(township, clock) as ledger:
        last = ledger.scalar("SELECT max(id) FROM change_log")
        # what importing the receiver's receipt records (tests/test_cli_receipts.py does it whole): the
        # receiver has our changes up to `last`
        ledger.conn.execute(
            "INSERT INTO package_log (package_uuid, direction, kind, sender_ledger_id, to_seq, sha256,"
            " fingerprint, result, at, acknowledges)"
            " VALUES (?, 'received', 'receipt', ?, ?, ?, 'AAAA', 'applied', 'now', ?)",
            (RECEIPT, RECEIPT, last, "0" * 64, sent["package_uuid"]),
        )
    code, out, err = cli("package", "export", str(township), str(tmp_path / "空.bdx"), clock=clock)
    assert (code, out) == (EXIT_FAILED, "")
    assert "自上次对方确认收到以来" in err
    assert not (tmp_path / "空.bdx").exists()
    with open_ledger(township, clock) as ledger:
        LedgerBuilder(ledger).activity(1, "2022-05-08")
    summary = export(township, tmp_path / "新.bdx", clock)
    assert summary["sequence"]["from"] == last + 1
    assert summary["counts"] == {"activity": 1, "activity_area": 1}


def test_a_change_refers_to_the_row_an_id_meant_then_though_the_id_was_taken_again(
    township: Path, tmp_path: Path, clock: FixedClock
) -> None:
    with open_ledger(township, clock) as ledger:
        build = LedgerBuilder(ledger)
        first = build.activity(1, "2022-05-06", areas=(Area.TEAM,))
        first_uuid = ledger.scalar("SELECT uuid FROM activity WHERE id = ?", (first,))
        delete_activities(ledger, [first])
        second = build.activity(1, "2022-05-20", areas=(Area.INDUSTRY,))
        assert second == first  # SQLite gave the freed id to the next row
        second_uuid = ledger.scalar("SELECT uuid FROM activity WHERE id = ?", (second,))
    out = tmp_path / "x.bdx"
    export(township, out, clock)
    areas = [line for line in read_package(out).values(CHANGES) if line["table"] == "activity_area"]
    owners = {(line["change"], (line["after"] or line["before"])["area"]): line for line in areas}
    assert owners[("insert", "team")]["after"]["activity_uuid"] == first_uuid
    assert owners[("delete", "team")]["before"]["activity_uuid"] == first_uuid
    assert owners[("insert", "industry")]["after"]["activity_uuid"] == second_uuid


def test_a_full_package_holds_every_record_and_the_deletions(
    township: Path, tmp_path: Path, clock: FixedClock
) -> None:
    out = tmp_path / "全量.bdx"
    summary = export(township, out, clock, "--full")
    assert (summary["kind"], summary["sequence"]["from"]) == ("full", None)
    package = read_package(out)
    with open_ledger(township, clock) as ledger:
        for table in ("region", "unit", "branch", "pairing", "activity", "activity_area"):
            count = ledger.scalar(f"SELECT count(*) FROM {table}")
            assert len(list(package.values(rows_member(table)))) == count, table
        deleted = ledger.scalar(
            "SELECT entity_uuid FROM change_log WHERE entity = 'activity' AND change = 'delete'"
        )
        pairing_uuid = ledger.scalar("SELECT uuid FROM pairing")
    assert [line["uuid"] for line in package.values(TOMBSTONES)] == [deleted]
    activities = list(package.values(rows_member("activity")))
    assert [row["pairing_uuid"] for row in activities] == [pairing_uuid]
    assert "id" not in activities[0]
    regions = {row["name"]: row for row in package.values(rows_member("region"))}
    assert regions["城关镇"]["parent_uuid"] == regions["潢川县"]["uuid"]
    assert summary["counts"]["activity"] == 2  # one row, one tombstone


@pytest.fixture
def county(tmp_path: Path, clock: FixedClock, data_dir: Path) -> Path:
    """A county ledger made by the CLI: two townships, each with a village paired with an organ branch of
    the county, and an activity of each pairing."""
    path = tmp_path / "潢川县 台账.bdesk"
    assert cli("new", str(path), "--region", "信阳市/潢川县", clock=clock)[0] == EXIT_OK
    with open_ledger(path, clock) as ledger:
        build = LedgerBuilder(ledger)
        county_id = ledger.scalar("SELECT id FROM region WHERE name = '潢川县'")
        organs = build.organs(build.unit("潢川县财政局", county_id), county_id, 3)
        for number, name in enumerate(("城关镇", "仁和镇")):
            township = build.region(name, RegionLevel.TOWNSHIP, county_id)
            village = build.branch(f"{name}第一村党支部", BranchKind.VILLAGE, township)
            build.activity(build.pair(organs[number], village, "2022-03-01"), "2022-04-08")
    return path


def test_a_seed_holds_one_townships_records_whole(county: Path, tmp_path: Path, clock: FixedClock) -> None:
    out = tmp_path / "城关镇 初始.bdx"
    summary = export(county, out, clock, "--scope", "城关镇")
    assert (summary["kind"], summary["sequence"]["from"]) == ("seed", None)
    assert summary["seed_scope"]["path"] == "信阳市/潢川县/城关镇"
    assert summary["scope"]["path"] == "信阳市/潢川县"  # the sender: the county
    package = read_package(out)
    tables = {table: list(package.values(rows_member(table))) for table in PACKAGE_TABLES}
    assert [row["name"] for row in tables["region"]] == ["信阳市", "潢川县", "城关镇"]  # not 仁和镇
    assert sorted(row["name"] for row in tables["branch"]) == ["城关镇第一村党支部", "机关第1党支部"]
    assert len(tables["pairing"]) == len(tables["activity"]) == len(tables["activity_area"]) == 1
    assert [row["name"] for row in tables["unit"]] == ["潢川县财政局"]
    uuids = {table: {row.get("uuid") for row in rows} for table, rows in tables.items()}
    for table, rows in tables.items():  # self-contained: every reference is to a row of the package
        for row in rows:
            for column, target in REFERENCES[table].items():
                value = row[package_column(column)]
                assert value is None or value in uuids[target], (table, column)
    assert cli("package", "export", str(county), str(out), "--scope", "城关镇", "--full", clock=clock)[0] == (
        EXIT_USAGE
    )
    code, _, err = cli(
        "package", "export", str(county), str(tmp_path / "无.bdx"), "--scope", "无名镇", clock=clock
    )
    assert code == EXIT_FAILED
    assert "无名镇" in err
    assert not (tmp_path / "无.bdx").exists()


def test_the_command_line_prints_what_it_wrote_in_chinese(
    township: Path, tmp_path: Path, clock: FixedClock
) -> None:
    out = tmp_path / "包.bdx"
    code, printed, err = cli("package", "export", str(township), str(out), clock=clock)
    assert (code, err) == (EXIT_OK, "")
    lines = printed.splitlines()
    assert lines[0].startswith(f"已写出 {out}：第 1–")
    assert lines[1].startswith("由本台账的密钥签名，密钥指纹 ")
    assert cli("package", str(township), clock=clock)[0] == EXIT_USAGE
    code, _, err = cli("package", "export", str(tmp_path / "没有.bdesk"), str(out), clock=clock)
    assert code == EXIT_FAILED
    assert "不存在" in err


def test_a_read_only_ledger_writes_no_package(
    township: Path, tmp_path: Path, clock: FixedClock, data_dir: Path
) -> None:
    """Nothing is written when the package log cannot record it: the next package would lose its place."""
    with open_ledger(township, clock, read_only=True) as ledger, pytest.raises(BranchDeskError) as caught:
        export_package(ledger, tmp_path / "只读.bdx", full=False, data_dir=data_dir)
    assert caught.value.code == "ledger.read_only"
    assert not (tmp_path / "只读.bdx").exists()


def test_package_export_through_the_installed_entry_point(
    township: Path, tmp_path: Path, data_dir: Path
) -> None:
    out = tmp_path / "子进程.bdx"
    result = subprocess.run(
        [sys.executable, "-m", "branchdesk.cli", "package", "export", str(township), str(out), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (EXIT_OK, "")
    summary = json.loads(result.stdout)
    assert summary["kind"] == "delta"
    assert read_package(out).manifest.package_uuid == summary["package_uuid"]


def stats(ledger: Path, clock: FixedClock) -> dict[str, Any]:
    code, out, err = cli(
        "stats", str(ledger), "--region", "城关镇", "--json", "--month", "2022-04", "--as-of", "2022-05-19",
        clock=clock,
    )  # fmt: skip
    assert (code, err) == (EXIT_OK, "")
    figures: dict[str, Any] = json.loads(out)
    return figures


def test_a_township_ledger_made_from_its_seed_reports_what_the_county_does(
    county: Path, tmp_path: Path, clock: FixedClock
) -> None:
    seed = tmp_path / "城关镇 初始.bdx"
    sent = export(county, seed, clock, "--scope", "城关镇")
    township = tmp_path / "城关镇 台账.bdesk"
    code, out, err = cli("new", str(township), "--from", str(seed), clock=clock)
    assert (code, err) == (EXIT_OK, "")
    assert out.startswith(f"已由信阳市/潢川县的数据包（密钥指纹 {sent['fingerprint']}）建立 {township}，共 ")
    assert stats(township, clock) == stats(county, clock)
    assert cli("check", str(township), clock=clock)[:2] == (EXIT_OK, f"{township}：未发现问题\n")
    assert stats(township, clock)["activities"]["count"] == 1
    with open_ledger(county, clock) as ledger:
        county_branches = ledger.query("SELECT uuid, name FROM branch ORDER BY uuid")
    with open_ledger(township, clock) as ledger:
        assert identity_store.identity(ledger).scope_uuid == sent["seed_scope"]["uuid"]
        assert identity_store.identity(ledger).ledger_id != sent["ledger_id"]
        assert ledger.query("SELECT ledger_id, fingerprint FROM pinned_key") == [
            {"ledger_id": sent["ledger_id"], "fingerprint": sent["fingerprint"]}
        ]
        assert ledger.query("SELECT package_uuid, direction, result FROM package_log") == [
            {"package_uuid": sent["package_uuid"], "direction": "received", "result": "applied"}
        ]
        branches = ledger.query("SELECT uuid, name FROM branch ORDER BY uuid")
        assert ledger.scalar(f"SELECT count(*) FROM change_log WHERE entity IN {PACKAGE_TABLES}") == 0
        LedgerBuilder(ledger).activity(1, "2022-05-08")  # its own work from here on
    assert [branch for branch in county_branches if branch in branches] == branches  # the county's uuids
    assert export(township, tmp_path / "首次.bdx", clock)["counts"] == {"activity": 1, "activity_area": 1}


def test_a_full_package_makes_the_same_office_again(county: Path, tmp_path: Path, clock: FixedClock) -> None:
    full = tmp_path / "全量.bdx"
    sent = export(county, full, clock, "--full")
    again = tmp_path / "重建.bdesk"
    assert cli("new", str(again), "--from", str(full), clock=clock)[0] == EXIT_OK
    with open_ledger(county, clock) as original, open_ledger(again, clock) as made:
        for table in PACKAGE_TABLES:
            columns = "uuid" if table != "activity_area" else "area"
            assert made.query(f"SELECT {columns} FROM {table} ORDER BY 1") == original.query(
                f"SELECT {columns} FROM {table} ORDER BY 1"
            ), table
        assert identity_store.identity(made).scope_uuid == sent["scope"]["uuid"]


def test_no_ledger_is_made_from_a_delta_a_damaged_package_or_with_a_region(
    county: Path, tmp_path: Path, clock: FixedClock
) -> None:
    delta = tmp_path / "改动.bdx"
    export(county, delta, clock)
    township = tmp_path / "城关镇.bdesk"
    code, _, err = cli("new", str(township), "--from", str(delta), clock=clock)
    assert code == EXIT_FAILED
    assert "只含改动记录" in err
    seed = tmp_path / "初始.bdx"
    export(county, seed, clock, "--scope", "城关镇")
    seed.write_bytes(seed.read_bytes()[:-40])
    code, _, err = cli("new", str(township), "--from", str(seed), clock=clock)
    assert code == EXIT_FAILED
    assert "不完整或已损坏" in err
    assert not township.exists()
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []
    usage = cli("new", str(township), "--from", str(seed), "--region", "信阳市", clock=clock)
    assert usage[0] == EXIT_USAGE


CITY_ROW = {
    "uuid": "0b9f6a52-7c1d-4e2f-9a3b-4c5d6e7f8a9b", "name": "信阳市", "level": "city", "parent_uuid": None,
    "code": None, "created_at": "2022-05-19T01:00:00Z", "updated_at": "2022-05-19T01:00:00Z",
}  # fmt: skip
COUNTY_ROW = {
    **CITY_ROW, "uuid": "1b9f6a52-7c1d-4e2f-9a3b-4c5d6e7f8a9b", "name": "潢川县", "level": "county",
    "parent_uuid": "9b9f6a52-7c1d-4e2f-9a3b-4c5d6e7f8a9b",  # a region the package does not hold
}  # fmt: skip


@pytest.mark.parametrize(
    ("regions", "said"),
    [
        ([{**CITY_ROW, "secret": "x"}], "数据包中有一条区域记录含本程序不认识的字段（secret）"),
        ([{**CITY_ROW, "name": ["信阳市"]}], "数据包中有一条区域记录含本程序不认识的字段（name）"),
        ([CITY_ROW, COUNTY_ROW], "数据包中一条区域记录引用（parent_uuid）了数据包中没有的记录"),
    ],
)
def test_a_package_with_unknown_fields_or_references_makes_no_ledger(
    tmp_path: Path, clock: FixedClock, data_dir: Path, regions: list[dict[str, Any]], said: str
) -> None:
    package = tmp_path / "来历不明.bdx"
    write_package(
        package, kind=PackageKind.FULL, key=new_key_pair(), ledger_id=str(CITY_ROW["uuid"]), scope=None,
        from_seq=None, to_seq=0, previous_package=None, created_at="2022-05-19T01:00:00Z",
        members={rows_member("region"): regions},
    )  # fmt: skip
    made = tmp_path / "新.bdesk"
    code, _, err = cli("new", str(made), "--from", str(package), clock=clock)
    assert code == EXIT_FAILED
    assert said in err
    assert not made.exists()
