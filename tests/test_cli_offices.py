"""``branchdesk-cli package status LEDGER [--json]`` and ``package trust LEDGER PACKAGE --reason TEXT``
(issue #18, DESIGN.md §9): a county sees its townships' figures (the same as ``stats``), their last packages
and whether they are stale, its own key fingerprint to read out on the phone, and the keys it trusts; a
township ledger copied to another computer (a new key) or re-created (a new ledger for a scope that has an
owner) is accepted only on purpose, with a reason the key history keeps."""

from __future__ import annotations

import getpass
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from branchdesk.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, run
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind, RegionLevel
from branchdesk.domain.errors import BranchDeskError
from branchdesk.exchange.package_files import read_package
from branchdesk.i18n.language import format_count
from branchdesk.services.ledgers import open_ledger
from branchdesk.services.offices import STALE_DAYS_SETTING, check_sender
from branchdesk.services.settings import set_ledger_setting
from branchdesk.storage import offices as office_store
from tests.builders import LedgerBuilder


def cli(*argv: str, clock: FixedClock) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), clock=clock, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def cli_json(*argv: str, clock: FixedClock) -> dict[str, Any]:
    code, out, err = cli(*argv, "--json", clock=clock)
    assert (code, err) == (EXIT_OK, "")
    found: dict[str, Any] = json.loads(out)
    return found


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "县里的电脑"
    monkeypatch.setenv("BRANCHDESK_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def county(tmp_path: Path, clock: FixedClock, data_dir: Path) -> Path:
    """A county ledger made by the CLI in an empty folder: two townships, each with a village paired with
    an organ branch of the county and an April activity."""
    path = tmp_path / "潢川县 台账.bdesk"
    assert cli("new", str(path), "--region", "信阳市/潢川县", clock=clock)[0] == EXIT_OK
    with open_ledger(path, clock) as ledger:
        build = LedgerBuilder(ledger)
        county_id = ledger.scalar("SELECT id FROM region WHERE name = '潢川县'")
        organs = build.organs(build.unit("潢川县财政局", county_id), county_id, 3, optimised=1)
        for number, name in enumerate(("城关镇", "仁和镇")):
            township = build.region(name, RegionLevel.TOWNSHIP, county_id)
            village = build.branch(f"{name}第一村党支部", BranchKind.VILLAGE, township)
            build.branch(f"{name}第二村党支部", BranchKind.VILLAGE, township)
            build.activity(build.pair(organs[number], village, "2022-03-01"), "2022-04-09")
    return path


def seeded_township(county: Path, tmp_path: Path, clock: FixedClock, name: str = "城关镇 台账.bdesk") -> Path:
    """The township's ledger as its office makes it: from the county's seed package of 城关镇."""
    seed = tmp_path / f"{name}.seed.bdx"
    assert cli("package", "export", str(county), str(seed), "--scope", "城关镇", clock=clock)[0] == EXIT_OK
    township = tmp_path / name
    assert cli("new", str(township), "--from", str(seed), clock=clock)[0] == EXIT_OK
    with open_ledger(township, clock) as ledger:
        LedgerBuilder(ledger).activity(1, "2022-05-08")  # its own work
    return township


def delta(township: Path, out: Path, clock: FixedClock) -> dict[str, Any]:
    return cli_json("package", "export", str(township), str(out), clock=clock)


def test_status_of_a_county_shows_each_township_as_stats_does_and_its_own_fingerprint(
    county: Path, tmp_path: Path, clock: FixedClock
) -> None:
    sent = cli_json("package", "export", str(county), str(tmp_path / "全量.bdx"), "--full", clock=clock)
    status = cli_json("package", "status", str(county), clock=clock)
    assert status["fingerprint"] == sent["fingerprint"]
    assert status["scope"] == {"name": "潢川县", "path": "信阳市/潢川县", "code": None}
    assert status["stale_days"] == 35
    assert status["last_sent"]["package_uuid"] == sent["package_uuid"]
    assert status["last_sent"]["kind"] == "full"
    assert (status["last_received"], status["last_receipt"], status["pinned_keys"]) == (None, None, [])
    assert [office["region"]["path"] for office in status["offices"]] == [
        "信阳市/潢川县/城关镇",
        "信阳市/潢川县/仁和镇",
    ]
    for office in status["offices"]:  # one formula: the figures are stats --json's for that township
        stats = cli_json("stats", str(county), "--region", office["region"]["path"], clock=clock)
        assert office["figures"] == stats
        assert (office["last_package"], office["days_since"], office["stale"]) == (None, None, True)
    assert status["offices"][0]["figures"]["coverage"]["grassroots"] == {
        "count": 1,
        "total": 2,
        "rate": "50.00",
    }
    code, out, err = cli("package", "status", str(county), clock=clock)
    assert (code, err) == (EXIT_OK, "")
    lines = out.splitlines()
    assert lines[0] == f"本台账：信阳市/潢川县，密钥指纹 {sent['fingerprint']}"
    with open_ledger(county, clock, read_only=True) as ledger:
        last = format_count(ledger.scalar("SELECT max(id) FROM change_log"))
    assert lines[1] == f"本台账变更记录到第 {last} 条；上级尚未确认任何改动"  # no receipt from the city yet
    assert "下级单位（2022年4月；超过 35 天未收到数据包即为逾期）：" in lines
    assert (
        "  城关镇：覆盖率 50.00%，优化率 —，主题党日落实率 100.00%，活动 1 次；上次数据包：无 — 逾期未报"
        in lines
    )
    assert lines[-1] == "已信任的密钥：暂无"


def test_a_township_made_from_its_seed_trusts_the_county_and_says_so(
    county: Path, tmp_path: Path, clock: FixedClock
) -> None:
    township = seeded_township(county, tmp_path, clock)
    county_status = cli_json("package", "status", str(county), clock=clock)
    status = cli_json("package", "status", str(township), clock=clock)
    assert status["scope"]["path"] == "信阳市/潢川县/城关镇"
    assert status["offices"] == []  # a township has no office below
    assert status["fingerprint"] != county_status["fingerprint"]  # one computer, each ledger its own key
    assert status["last_received"]["kind"] == "seed"
    assert [(key["fingerprint"], key["scope"], key["successor"]) for key in status["pinned_keys"]] == [
        (county_status["fingerprint"], "信阳市/潢川县", None)
    ]


def pins(county: Path, clock: FixedClock) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    with open_ledger(county, clock) as ledger:
        return (
            ledger.query("SELECT ledger_id, fingerprint, scope_uuid, successor FROM pinned_key ORDER BY id"),
            ledger.query("SELECT * FROM pin_history ORDER BY id"),
        )


def test_a_township_ledger_on_another_computer_is_trusted_again_only_with_a_reason(
    county: Path, tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    township = seeded_township(county, tmp_path, clock)
    first = delta(township, tmp_path / "城关镇 5月.bdx", clock)
    code, out, err = cli(
        "package",
        "trust",
        str(county),
        str(tmp_path / "城关镇 5月.bdx"),
        "--reason",
        "电话核对指纹",
        clock=clock,
    )
    assert (code, err) == (EXIT_OK, "")
    assert out == f"信阳市/潢川县/城关镇：已信任密钥 {first['fingerprint']}。\n"
    # The clerk copies the ledger to a new laptop: there it has no key, so its next package has a new one.
    moved = tmp_path / "新电脑" / "城关镇 台账.bdesk"
    moved.parent.mkdir()
    shutil.copy(township, moved)
    monkeypatch.setenv("BRANCHDESK_DATA_DIR", str(tmp_path / "新电脑的数据"))
    second = delta(moved, tmp_path / "城关镇 6月.bdx", clock)
    assert second["ledger_id"] == first["ledger_id"]
    assert second["fingerprint"] != first["fingerprint"]
    with open_ledger(county, clock) as ledger, pytest.raises(BranchDeskError) as caught:
        read_package(
            tmp_path / "城关镇 6月.bdx",
            pinned_key=lambda sender: office_store.pinned_public_key(ledger, sender),
        )
    assert caught.value.params == {"pinned": first["fingerprint"], "found": second["fingerprint"]}
    before = pins(county, clock)
    code, _, err = cli(
        "package", "trust", str(county), str(tmp_path / "城关镇 6月.bdx"), "--reason", "　", clock=clock
    )
    assert (code, err) == (EXIT_FAILED, "branchdesk-cli：信任密钥须填写理由，理由随密钥记录保存。\n")
    assert (
        cli("package", "trust", str(county), str(tmp_path / "城关镇 6月.bdx"), clock=clock)[0] == EXIT_USAGE
    )
    damaged = tmp_path / "损坏.bdx"
    damaged.write_bytes((tmp_path / "城关镇 6月.bdx").read_bytes()[:-30])
    code, _, err = cli("package", "trust", str(county), str(damaged), "--reason", "x", clock=clock)
    assert code == EXIT_FAILED
    assert "损坏" in err
    assert pins(county, clock) == before

    reason = "城关镇换了电脑，已电话核对新指纹"
    code, out, err = cli(
        "package", "trust", str(county), str(tmp_path / "城关镇 6月.bdx"), "--reason", reason, clock=clock
    )
    assert (code, err) == (EXIT_OK, "")
    assert out == (
        f"信阳市/潢川县/城关镇：新密钥 {second['fingerprint']} 取代 {first['fingerprint']}，"
        "旧密钥保留在记录中。\n"
    )
    keys, history = pins(county, clock)
    assert [(key["ledger_id"], key["fingerprint"]) for key in keys] == [
        (first["ledger_id"], second["fingerprint"])
    ]
    assert [
        (h["change"], h["fingerprint"], h["old_fingerprint"], h["reason"], h["decided_by"]) for h in history
    ] == [
        ("trusted", first["fingerprint"], None, "电话核对指纹", getpass.getuser()),
        ("new_key", second["fingerprint"], first["fingerprint"], reason, getpass.getuser()),
    ]
    assert history[1]["old_public_key"] != history[1]["public_key"]
    with open_ledger(county, clock) as ledger:
        read_package(
            tmp_path / "城关镇 6月.bdx",
            pinned_key=lambda sender: office_store.pinned_public_key(ledger, sender),
        )
    code, out, _ = cli(
        "package", "trust", str(county), str(tmp_path / "城关镇 6月.bdx"), "--reason", "x", clock=clock
    )
    assert (code, out) == (
        EXIT_OK,
        f"信阳市/潢川县/城关镇的密钥 {second['fingerprint']} 早已信任，未作改动。\n",
    )
    assert pins(county, clock)[1] == history
    status = cli_json("package", "status", str(county), clock=clock)
    assert [(change["change"], change["scope"], change["reason"]) for change in status["key_history"]] == [
        ("trusted", "信阳市/潢川县/城关镇", "电话核对指纹"),
        ("new_key", "信阳市/潢川县/城关镇", reason),
    ]
    lines = cli("package", "status", str(county), clock=clock)[1].splitlines()
    assert (
        f"  2022年5月19日：信阳市/潢川县/城关镇的新密钥 {second['fingerprint']} 取代 {first['fingerprint']}"
        f" — 操作人 {getpass.getuser()}，理由：{reason}"
    ) in lines


def test_a_re_created_township_ledger_is_refused_until_accepted_as_the_successor(
    county: Path, tmp_path: Path, clock: FixedClock
) -> None:
    township = seeded_township(county, tmp_path, clock)
    first = delta(township, tmp_path / "城关镇 5月.bdx", clock)
    assert (
        cli(
            "package", "trust", str(county), str(tmp_path / "城关镇 5月.bdx"), "--reason", "首次", clock=clock
        )[0]
        == EXIT_OK
    )
    # The township lost its file and made a new ledger from a new seed: a new ledger_id for the same scope.
    again = seeded_township(county, tmp_path, clock, "城关镇 重建.bdesk")
    second = delta(again, tmp_path / "城关镇 重建.bdx", clock)
    assert second["ledger_id"] != first["ledger_id"]
    claim = read_package(tmp_path / "城关镇 重建.bdx").manifest
    with open_ledger(county, clock) as ledger, pytest.raises(BranchDeskError) as caught:
        check_sender(ledger, claim)
    assert caught.value.code == "package.scope_owned"
    assert caught.value.params == {
        "scope": "信阳市/潢川县/城关镇",
        "owner": first["fingerprint"],
        "found": second["fingerprint"],
    }
    code, out, err = cli(
        "package",
        "trust",
        str(county),
        str(tmp_path / "城关镇 重建.bdx"),
        "--reason",
        "原台账文件损坏，重建",
        clock=clock,
    )
    assert (code, err) == (EXIT_OK, "")
    assert (
        out
        == f"信阳市/潢川县/城关镇：已确认密钥为 {second['fingerprint']} 的台账接替 {first['fingerprint']}。\n"
    )
    with open_ledger(county, clock) as ledger:
        check_sender(ledger, claim)  # accepted now
        assert office_store.scope_owner(ledger, claim.sender.scope.uuid).ledger_id == second["ledger_id"]  # type: ignore[union-attr]
    keys, history = pins(county, clock)
    assert [(key["ledger_id"], key["successor"]) for key in keys] == [
        (first["ledger_id"], second["ledger_id"]),
        (second["ledger_id"], None),
    ]
    assert (history[-1]["change"], history[-1]["old_ledger_id"]) == ("successor", first["ledger_id"])
    status = cli_json("package", "status", str(county), clock=clock)
    assert [key["successor"] for key in status["pinned_keys"]] == [second["ledger_id"], None]


def test_package_import_refuses_a_re_created_township_until_trusted_and_status_marks_stale_offices(
    county: Path, tmp_path: Path, clock: FixedClock
) -> None:
    township = seeded_township(county, tmp_path, clock)
    first = delta(township, tmp_path / "城关镇 5月.bdx", clock)
    code, _, err = cli("package", "import", str(county), str(tmp_path / "城关镇 5月.bdx"), clock=clock)
    assert (code, err) == (EXIT_OK, "")
    again = seeded_township(county, tmp_path, clock, "城关镇 重建.bdesk")
    second = delta(again, tmp_path / "城关镇 重建.bdx", clock)
    before = pins(county, clock)
    code, _, err = cli("package", "import", str(county), str(tmp_path / "城关镇 重建.bdx"), clock=clock)
    assert code == EXIT_FAILED
    assert f"而该区域已由密钥为 {first['fingerprint']} 的台账代表" in err
    assert pins(county, clock) == before
    reason = "城关镇原台账丢失，用县里的种子包重建"
    assert (
        cli(
            "package",
            "trust",
            str(county),
            str(tmp_path / "城关镇 重建.bdx"),
            "--reason",
            reason,
            clock=clock,
        )[0]
        == EXIT_OK
    )
    code, _, err = cli("package", "import", str(county), str(tmp_path / "城关镇 重建.bdx"), clock=clock)
    assert (code, err) == (EXIT_OK, "")

    later = FixedClock.on("2022-07-01")
    office = cli_json("package", "status", str(county), clock=later)["offices"][0]
    assert office["region"]["name"] == "城关镇"
    assert office["last_package"]["fingerprint"] == second["fingerprint"]
    assert (office["last_package"]["date"], office["days_since"], office["stale"]) == ("2022-05-19", 43, True)
    assert office["clock_behind"] is False
    # The computer's clock set back before the day the package arrived: never a negative count of days.
    earlier = cli_json("package", "status", str(county), clock=FixedClock.on("2022-05-10"))["offices"][0]
    assert (earlier["days_since"], earlier["stale"], earlier["clock_behind"]) == (0, False, True)
    code, out, _ = cli("package", "status", str(county), clock=FixedClock.on("2022-05-10"))
    assert "城关镇" in out
    assert "晚于本机今天到达，请核对电脑日期" in out
    with open_ledger(county, later) as ledger:
        set_ledger_setting(ledger, STALE_DAYS_SETTING, 60)
    status = cli_json("package", "status", str(county), clock=later)
    assert status["stale_days"] == 60
    assert [(row["region"]["name"], row["stale"]) for row in status["offices"]] == [
        ("城关镇", False),
        ("仁和镇", True),
    ]
