"""Receipts (``.bdxr``, issue #18, DESIGN.md §9): ``package import … --receipts DIR`` writes one signed
receipt per package; the sender imports it (``package import LEDGER RECEIPT.bdxr``) and its next delta
starts after what the receiver has. A damaged receipt, one for a package never sent, or one signed by a key
the sender does not trust (or not the one it trusts) is refused in Chinese with nothing changed; the same
receipt twice changes nothing. A county demo seeds a township, all by the CLI; every check reads the files."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from branchdesk.cli import EXIT_FAILED, EXIT_OK, run
from branchdesk.domain.clock import FixedClock
from branchdesk.exchange.package_files import read_package
from branchdesk.exchange.receipts import write_receipt
from branchdesk.services.ledgers import open_ledger
from branchdesk.services.paths import user_data_dir
from branchdesk.storage import identity as identity_store
from tests.builders import LedgerBuilder

CLOCK = FixedClock.on("2022-05-19")


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), clock=CLOCK, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def cli_json(*argv: str) -> dict[str, Any]:
    code, out, err = cli(*argv, "--json")
    assert (code, err) == (EXIT_OK, "")
    found: dict[str, Any] = json.loads(out)
    return found


@dataclass(frozen=True)
class Offices:
    county: Path
    township: Path
    other: Path  # a second township of the same county
    folder: Path


@pytest.fixture(scope="module")
def _made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Offices]:
    """Once per module: the county demo and two township ledgers made from its seeds, all by the CLI."""
    folder = tmp_path_factory.mktemp("回执 台账")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRANCHDESK_DATA_DIR", str(folder / "用户数据"))
        county = folder / "潢川县.bdesk"
        assert cli("demo", str(county), "--scale", "county")[0] == EXIT_OK
        made = []
        for name in ("春申街道", "双柳树镇"):
            seed = folder / f"{name} 种子.bdx"
            assert cli("package", "export", str(county), str(seed), "--scope", name)[0] == EXIT_OK
            made.append(folder / f"{name}.bdesk")
            assert cli("new", str(made[-1]), "--from", str(seed))[0] == EXIT_OK
        yield Offices(county, made[0], made[1], folder)


@pytest.fixture
def offices(_made: Offices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Offices:
    folder = tmp_path / "各办公室"
    shutil.copytree(_made.folder, folder)
    monkeypatch.setenv("BRANCHDESK_DATA_DIR", str(folder / "用户数据"))
    return Offices(
        folder / _made.county.name, folder / _made.township.name, folder / _made.other.name, folder
    )


def work(township: Path) -> None:
    """A township's offline work: one more activity of its first pairing."""
    with open_ledger(township, CLOCK) as ledger:
        scope = identity_store.identity(ledger).scope_region_id
        pairing = ledger.scalar(
            "SELECT p.id FROM pairing p JOIN branch g ON g.id = p.grassroots_id"
            " WHERE p.ended_on IS NULL AND g.region_id = ? ORDER BY p.id LIMIT 1",
            (scope,),
        )
        LedgerBuilder(ledger).activity(pairing, "2022-05-14")


def package_log(path: Path) -> list[dict[str, Any]]:
    with open_ledger(path, CLOCK, read_only=True) as ledger:
        return ledger.query(
            "SELECT direction, kind, package_uuid, acknowledges, to_seq, result FROM package_log ORDER BY id"
        )


def receive(county: Path, package: Path, receipts: Path) -> Path:
    """The county imports ``package`` and writes its receipt into ``receipts``; the receipt."""
    code, out, err = cli("package", "import", str(county), str(package), "--receipts", str(receipts))
    assert (code, err) == (EXIT_OK, ""), out
    written = sorted(receipts.glob("*.bdxr"))
    assert len(written) == 1
    return written[0]


def test_a_receipt_moves_the_senders_mark_and_the_next_delta_starts_after_it(offices: Offices) -> None:
    work(offices.township)
    first = cli_json("package", "export", str(offices.township), str(offices.folder / "5月.bdx"))
    receipt = receive(offices.county, offices.folder / "5月.bdx", offices.folder / "回执")
    manifest = read_package(receipt).manifest
    assert manifest.receipt is not None
    assert (manifest.receipt.package_uuid, manifest.receipt.to_seq, manifest.receipt.result) == (
        first["package_uuid"],
        first["sequence"]["to"],
        "applied",
    )
    assert manifest.receipt.package_sender == first["ledger_id"]
    county_log = package_log(offices.county)
    assert county_log[-1] == {
        "direction": "sent", "kind": "receipt", "package_uuid": manifest.package_uuid,
        "acknowledges": first["package_uuid"], "to_seq": first["sequence"]["to"], "result": "applied",
    }  # fmt: skip
    status = cli_json("package", "status", str(offices.county))
    office = next(row for row in status["offices"] if row["region"]["name"] == "春申街道")
    assert office["last_package"]["package_uuid"] == first["package_uuid"]
    assert office["last_package"]["fingerprint"] == first["fingerprint"]
    assert (office["last_package"]["complete_to"], office["days_since"], office["stale"]) == (
        "2022-05-19",
        0,
        False,
    )

    code, out, err = cli("package", "import", str(offices.township), str(receipt))
    assert (code, err) == (EXIT_OK, "")
    assert f"已确认收到到第 {first['sequence']['to']} 条" in out
    township_log = package_log(offices.township)
    assert township_log[-1] == {
        "direction": "received", "kind": "receipt", "package_uuid": manifest.package_uuid,
        "acknowledges": first["package_uuid"], "to_seq": first["sequence"]["to"], "result": "applied",
    }  # fmt: skip
    assert (
        cli_json("package", "status", str(offices.township))["sequence"]["acknowledged"]
        == first["sequence"]["to"]
    )
    # The same receipt again changes nothing.
    code, out, err = cli("package", "import", str(offices.township), str(receipt))
    assert (code, err) == (EXIT_OK, "")
    assert "该回执已导入过，未作改动" in out
    assert package_log(offices.township) == township_log
    # Nothing new: no package; new work: a delta of it alone.
    code, _, err = cli("package", "export", str(offices.township), str(offices.folder / "空.bdx"))
    assert code == EXIT_FAILED
    work(offices.township)
    second = cli_json("package", "export", str(offices.township), str(offices.folder / "6月.bdx"))
    assert second["sequence"]["from"] == first["sequence"]["to"] + 1
    assert second["counts"]["activity"] == 1


def test_a_receipt_never_sent_damaged_or_by_a_key_not_trusted_is_refused_and_changes_nothing(
    offices: Offices, monkeypatch: pytest.MonkeyPatch
) -> None:
    work(offices.township)
    cli_json("package", "export", str(offices.township), str(offices.folder / "5月.bdx"))
    receipt = receive(offices.county, offices.folder / "5月.bdx", offices.folder / "回执")
    refusals = {
        "不是本台账发出的": (offices.other, receipt),  # the other township never sent that package
        "是本台账自己写出的": (offices.county, receipt),  # the county's own receipt, not sent on
    }
    damaged = offices.folder / "损坏.bdxr"
    damaged.write_bytes(receipt.read_bytes()[:-25])
    refusals["损坏"] = (offices.township, damaged)
    # The other township signs a receipt of it: a key the township has never trusted.
    with open_ledger(offices.other, CLOCK) as other:
        strange = write_receipt(
            other, offices.folder, read_package(offices.folder / "5月.bdx"), "applied", user_data_dir()
        )
    refusals["从未信任"] = (offices.township, strange)
    # The county's ledger copied to another computer signs with a new key: not the one the township trusts.
    monkeypatch.setenv("BRANCHDESK_DATA_DIR", str(offices.folder / "另一台电脑"))
    copied = offices.folder / "复制的县台账.bdesk"
    shutil.copy(offices.county, copied)
    refusals["密钥"] = (
        offices.township,
        receive(copied, offices.folder / "5月.bdx", offices.folder / "新电脑的回执"),
    )
    for said, (ledger, path) in refusals.items():
        before = package_log(ledger)
        code, _, err = cli("package", "import", str(ledger), str(path))
        assert code == EXIT_FAILED, said
        assert err.startswith("branchdesk-cli："), said
        assert said in err, err
        assert package_log(ledger) == before
        assert cli_json("package", "status", str(ledger))["sequence"]["acknowledged"] == 0
