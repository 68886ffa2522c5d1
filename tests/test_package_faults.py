"""Bad input and faults of issue #18, through ``branchdesk-cli`` as a clerk (or a script) runs it: a
package that lies about itself, though signed by its sender's own key, is refused with its own Chinese
message and exit 1, and nothing is made or changed. The checks of each file are tested one by one in
tests/exchange/test_package_files.py; here they are shown to stop the commands that use packages."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from branchdesk.cli import EXIT_FAILED, EXIT_OK, run
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind, RegionLevel
from branchdesk.domain.packages import MANIFEST, SIGNATURE, canonical_json
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
