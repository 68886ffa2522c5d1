"""Bad input and faults of issue #18, through ``branchdesk-cli`` as a clerk (or a script) runs it: a package
cut short in copying, a zip bomb, a manifest whose counts or hashes lie though signed by the sender's own
key, a re-created township ledger claiming a scope that has an owner, a receipt for a package never sent.
Each is refused with its own Chinese message and exit 1, and nothing is made or changed: the receiving
ledger keeps every row as it was, in the dry run and the import alike.

The checks of each file are tested one by one in tests/exchange/test_package_files.py; here they are shown
to stop the commands that use packages. A package of another county is in tests/test_cli_package_import.py,
a kill in the middle of an import in tests/test_kill_harness.py."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from branchdesk.cli import EXIT_FAILED, EXIT_OK, run
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind, RegionLevel
from branchdesk.domain.packages import CHANGES, MANIFEST, SIGNATURE, canonical_json
from branchdesk.domain.signatures import KeyPair
from branchdesk.services.ledger_keys import ledger_key
from branchdesk.services.ledgers import open_ledger
from tests.builders import LedgerBuilder
from tests.exchange.test_package_files import rezip

CLOCK = FixedClock.on("2022-05-19")


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), clock=CLOCK, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def county(tmp_path: Path, data_dir: Path) -> Path:
    """A county ledger made by the CLI in an empty folder: 城关镇 with a village paired with an organ
    branch of the county, and one activity of that pairing."""
    path = tmp_path / "潢川县 台账.bdesk"
    assert cli("new", str(path), "--region", "信阳市/潢川县")[0] == EXIT_OK
    with open_ledger(path, CLOCK) as ledger:
        build = LedgerBuilder(ledger)
        county_id = ledger.scalar("SELECT id FROM region WHERE name = '潢川县'")
        organ = build.organs(build.unit("潢川县财政局", county_id), county_id, 1)[0]
        township = build.region("城关镇", RegionLevel.TOWNSHIP, county_id)
        village = build.branch("郑庄村党支部", BranchKind.VILLAGE, township)
        build.activity(build.pair(organ, village, "2022-03-01"), "2022-04-08")
    return path


def resigned(package: Path, key: KeyPair, edit: Callable[[dict[str, Any]], None]) -> None:
    """The manifest changed and signed again with the sender's own key: a sender with a bug."""
    with zipfile.ZipFile(package) as archive:
        document = json.loads(archive.read(MANIFEST))
    edit(document)
    data = canonical_json(document)
    rezip(package, {MANIFEST: data, SIGNATURE: key.sign(data).hex().encode()})


def sender_key(package: Path, data_dir: Path) -> KeyPair:
    with zipfile.ZipFile(package) as archive:
        return ledger_key(data_dir, json.loads(archive.read(MANIFEST))["sender"]["ledger_id"])


def test_a_seed_whose_counts_lie_makes_no_ledger(county: Path, tmp_path: Path, data_dir: Path) -> None:
    """Signed by the county's own key, yet its counts are not its lines: refused, naming the records as a
    clerk calls them, and no file is made."""
    seed = tmp_path / "城关镇 初始.bdx"
    assert cli("package", "export", str(county), str(seed), "--scope", "城关镇")[0] == EXIT_OK
    resigned(seed, sender_key(seed, data_dir), lambda manifest: manifest["counts"].update(activity=4))
    township = tmp_path / "城关镇 台账.bdesk"
    code, printed, err = cli("new", str(township), "--from", str(seed))
    assert (code, printed) == (EXIT_FAILED, "")
    assert "数据包声明含活动记录 4 条，实际为 1 条。未导入任何内容" in err
    assert not township.exists()


@pytest.fixture
def delta(county: Path, tmp_path: Path) -> Path:
    """城关镇's first delta to the county: its ledger made from the county's seed, then two activities."""
    seed = tmp_path / "城关镇 初始.bdx"
    assert cli("package", "export", str(county), str(seed), "--scope", "城关镇")[0] == EXIT_OK
    township = tmp_path / "城关镇 台账.bdesk"
    assert cli("new", str(township), "--from", str(seed))[0] == EXIT_OK
    with open_ledger(township, CLOCK) as ledger:
        build = LedgerBuilder(ledger)
        pairing = int(ledger.scalar("SELECT id FROM pairing"))
        build.activity(pairing, "2022-05-06")
        build.activity(pairing, "2022-05-13")
    out = tmp_path / "城关镇 2022-05.bdx"
    assert cli("package", "export", str(township), str(out))[0] == EXIT_OK
    return out


def every_row(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the file, in a stable order: what "untouched" is checked against."""
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        tables = [
            row[0]
            for row in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        ]
        return {table: sorted(conn.execute(f"SELECT * FROM {table}"), key=repr) for table in tables}


def refused(county: Path, *packages: Path, said: tuple[str, ...]) -> None:
    """The dry run and the import both refuse ``packages`` with a message holding ``said``, and the
    county's file keeps every row as it was."""
    before = every_row(county)
    for flags in (("--dry-run",), ()):
        code, printed, err = cli("package", "import", str(county), *map(str, packages), *flags)
        assert (code, printed) == (EXIT_FAILED, ""), err
        assert err.startswith("branchdesk-cli："), err
        for words in (*said, "未导入任何内容"):
            assert words in err, err
        assert every_row(county) == before


def test_the_delta_the_faults_spoil_imports_whole(county: Path, delta: Path) -> None:
    code, printed, err = cli("package", "import", str(county), str(delta), "--json")
    assert (code, err) == (EXIT_OK, "")
    assert json.loads(printed)["counts"]["new"] == 4  # two activities, each with its area
    with open_ledger(county, CLOCK, read_only=True) as ledger:
        assert ledger.scalar("SELECT count(*) FROM activity") == 3


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.97, -22])
def test_a_package_cut_short_in_copying_imports_nothing(county: Path, delta: Path, keep: float) -> None:
    """Cut anywhere: in its members, in the zip's directory, or by its last bytes (its end record)."""
    data = delta.read_bytes()
    delta.write_bytes(data[: int(len(data) * keep)] if keep > 0 else data[: int(keep)])
    refused(county, delta, said=(str(delta), "不完整或已损坏"))


def test_a_zip_bomb_imports_nothing(county: Path, delta: Path) -> None:
    """256 MiB that deflate to a quarter of one: refused from the zip's directory, before inflating."""
    rezip(delta, {CHANGES: b"\n" * (256 << 20)})
    assert delta.stat().st_size < 1 << 20
    refused(county, delta, said=(str(delta), "解压后的数据量远超台账应有的规模"))


def test_a_manifest_whose_counts_lie_imports_nothing(county: Path, delta: Path, data_dir: Path) -> None:
    resigned(delta, sender_key(delta, data_dir), lambda manifest: manifest["counts"].update(activity=5))
    refused(county, delta, said=("数据包声明含活动记录 5 条，实际为 2 条",))


@pytest.mark.parametrize("lie", [{"sha256": hashlib.sha256(b"other").hexdigest()}, {"lines": 1}])
def test_a_manifest_whose_hashes_lie_imports_nothing(
    county: Path, delta: Path, data_dir: Path, lie: dict[str, Any]
) -> None:
    resigned(delta, sender_key(delta, data_dir), lambda manifest: manifest["members"][CHANGES].update(lie))
    refused(county, delta, said=(CHANGES, "与清单记载不符"))


def test_one_bad_package_among_good_ones_stops_them_all(county: Path, delta: Path) -> None:
    """Every file is verified before any is used: a good package beside a cut one is not imported
    either, and the message names the cut one."""
    good = delta.with_name("城关镇 完好.bdx")
    good.write_bytes(delta.read_bytes())
    delta.write_bytes(delta.read_bytes()[:-22])
    refused(county, good, delta, said=(str(delta),))


def test_a_re_created_township_ledger_is_refused_until_the_county_accepts_it(
    county: Path, delta: Path, tmp_path: Path
) -> None:
    """城关镇 lost its file and made a new ledger from its seed again: a new ledger and key for a scope whose
    owner the county knows. Its package is refused, naming both keys, and the county is untouched until
    the county records the new ledger as the successor, with a reason; then the same file imports."""
    assert cli("package", "import", str(county), str(delta))[0] == EXIT_OK  # 城关镇's ledger speaks for it
    again = tmp_path / "城关镇 重建.bdesk"
    assert cli("new", str(again), "--from", str(tmp_path / "城关镇 初始.bdx"))[0] == EXIT_OK
    with open_ledger(again, CLOCK) as ledger:
        LedgerBuilder(ledger).activity(int(ledger.scalar("SELECT id FROM pairing")), "2022-05-16")
    claim = tmp_path / "城关镇 重建 2022-05.bdx"
    code, printed, _ = cli("package", "export", str(again), str(claim), "--json")
    assert code == EXIT_OK
    owner, found = fingerprint_of(delta), json.loads(printed)["fingerprint"]
    refused(county, claim, said=("信阳市/潢川县/城关镇", owner, found, "接替原台账"))

    code, printed, err = cli("package", "trust", str(county), str(claim), "--reason", "原台账文件损坏，重建")
    assert (code, err) == (EXIT_OK, "")
    code, printed, err = cli("package", "import", str(county), str(claim), "--json")
    assert (code, err) == (EXIT_OK, "")
    assert json.loads(printed)["counts"]["new"] == 2  # the activity and its area
    with open_ledger(county, CLOCK, read_only=True) as ledger:
        assert ledger.scalar("SELECT count(*) FROM activity WHERE held_on = '2022-05-16'") == 1


def fingerprint_of(package: Path) -> str:
    with zipfile.ZipFile(package) as archive:
        return str(json.loads(archive.read(MANIFEST))["sender"]["fingerprint"])


def test_a_receipt_for_a_package_never_sent_changes_nothing(
    county: Path, delta: Path, tmp_path: Path
) -> None:
    """The county's receipt for 城关镇's package, taken by another ledger of 城关镇 that never sent it
    (one made again from the seed, which trusts the county's key): refused, its mark where it was; taken
    by the ledger that sent it, it moves that one's mark."""
    receipts = tmp_path / "回执"
    receipts.mkdir()
    assert cli("package", "import", str(county), str(delta), "--receipts", str(receipts))[0] == EXIT_OK
    [receipt] = receipts.iterdir()
    other = tmp_path / "城关镇 另一本.bdesk"
    assert cli("new", str(other), "--from", str(tmp_path / "城关镇 初始.bdx"))[0] == EXIT_OK
    before = every_row(other)
    code, printed, err = cli("package", "import", str(other), str(receipt))
    assert (code, printed) == (EXIT_FAILED, "")
    assert f"回执 {receipt} 对应的数据包不是本台账发出的" in err
    assert every_row(other) == before

    township = tmp_path / "城关镇 台账.bdesk"
    assert cli("package", "import", str(township), str(receipt))[0] == EXIT_OK
    with open_ledger(township, CLOCK) as ledger:
        LedgerBuilder(ledger).activity(int(ledger.scalar("SELECT id FROM pairing")), "2022-05-17")
    code, printed, _ = cli("package", "export", str(township), str(tmp_path / "城关镇 第二次.bdx"), "--json")
    assert json.loads(printed)["counts"] == {"activity": 1, "activity_area": 1}  # only what is new
