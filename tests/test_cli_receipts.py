"""Receipts (``.bdxr``, issue #18, DESIGN.md §9): ``package import … --receipts DIR`` writes one signed
receipt per package; the sender imports it (``package import LEDGER RECEIPT.bdxr``) and its next delta
starts after what the receiver has. A damaged receipt, one for a package never sent, or one signed by a key
the sender does not trust (or not the one it trusts) is refused in Chinese with nothing changed; the same
receipt twice changes nothing. A county demo seeds a township, all by the CLI; every check reads the files."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from branchdesk.cli import EXIT_FAILED, EXIT_OK, run
from branchdesk.exchange.package_files import read_package
from branchdesk.exchange.receipts import write_receipt
from branchdesk.services.ledgers import open_ledger
from branchdesk.services.paths import user_data_dir
from branchdesk.storage import identity as identity_store
from tests.builders import LedgerBuilder
from tests.offices import CLOCK, TOWNSHIPS, Offices


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), clock=CLOCK, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def cli_json(*argv: str) -> dict[str, Any]:
    code, out, err = cli(*argv, "--json")
    assert (code, err) == (EXIT_OK, "")
    found: dict[str, Any] = json.loads(out)
    return found


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
    work(offices.township())
    first = cli_json("package", "export", str(offices.township()), str(offices.folder / "5月.bdx"))
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

    code, out, err = cli("package", "import", str(offices.township()), str(receipt))
    assert (code, err) == (EXIT_OK, "")
    assert f"已确认收到到第 {first['sequence']['to']} 条" in out
    township_log = package_log(offices.township())
    assert township_log[-1] == {
        "direction": "received", "kind": "receipt", "package_uuid": manifest.package_uuid,
        "acknowledges": first["package_uuid"], "to_seq": first["sequence"]["to"], "result": "applied",
    }  # fmt: skip
    assert (
        cli_json("package", "status", str(offices.township()))["sequence"]["acknowledged"]
        == first["sequence"]["to"]
    )
    # The same receipt again changes nothing.
    code, out, err = cli("package", "import", str(offices.township()), str(receipt))
    assert (code, err) == (EXIT_OK, "")
    assert "该回执已导入过，未作改动" in out
    assert package_log(offices.township()) == township_log
    # Nothing new: no package; new work: a delta of it alone.
    code, _, err = cli("package", "export", str(offices.township()), str(offices.folder / "空.bdx"))
    assert code == EXIT_FAILED
    work(offices.township())
    second = cli_json("package", "export", str(offices.township()), str(offices.folder / "6月.bdx"))
    assert second["sequence"]["from"] == first["sequence"]["to"] + 1
    assert second["counts"]["activity"] == 1


def test_a_receipt_never_sent_damaged_or_by_a_key_not_trusted_is_refused_and_changes_nothing(
    offices: Offices, monkeypatch: pytest.MonkeyPatch
) -> None:
    work(offices.township())
    cli_json("package", "export", str(offices.township()), str(offices.folder / "5月.bdx"))
    receipt = receive(offices.county, offices.folder / "5月.bdx", offices.folder / "回执")
    refusals = {
        "不是本台账发出的": (
            offices.township(TOWNSHIPS[1]),
            receipt,
        ),  # the other township never sent that package
        "是本台账自己写出的": (offices.county, receipt),  # the county's own receipt, not sent on
    }
    damaged = offices.folder / "损坏.bdxr"
    damaged.write_bytes(receipt.read_bytes()[:-25])
    refusals["损坏"] = (offices.township(), damaged)
    # The other township signs a receipt of it: a key the township has never trusted.
    with open_ledger(offices.township(TOWNSHIPS[1]), CLOCK) as other:
        strange = write_receipt(
            other, offices.folder, read_package(offices.folder / "5月.bdx"), "applied", user_data_dir()
        )
    refusals["从未信任"] = (offices.township(), strange)
    # The county's ledger copied to another computer signs with a new key: not the one the township trusts.
    monkeypatch.setenv("BRANCHDESK_DATA_DIR", str(offices.folder / "另一台电脑"))
    copied = offices.folder / "复制的县台账.bdesk"
    shutil.copy(offices.county, copied)
    refusals["密钥"] = (
        offices.township(),
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
