"""Issue #18's "Done means", played through ``branchdesk-cli`` as a county's and its townships' scripts
would run it: township → county → city without a network.

A county (``demo --scale county``) seeds three township ledgers; each works offline (a branch added and
then edited, a pairing ended, activities added, one of the county's deleted); they send deltas; the
county's dry run of all three counts what they did and shows the conflict planted (an activity the county
changed too); after the import the county's figures for each township are the township's own; the
receipts move the townships' marks, so that a second round carries only what is new; and the county sends
its merged ledger up to the city the same way, where the figures are the county's.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from branchdesk.cli import EXIT_FAILED, EXIT_OK, run
from branchdesk.domain.activities import ActivityDraft
from branchdesk.domain.branch_rules import BranchDraft
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import ActivityType, Area, BranchKind, EndReason, Tier
from branchdesk.domain.listing import BranchColumn
from branchdesk.services.activities import activity_draft, delete_activities, edit_activity, record_activities
from branchdesk.services.branches import add_branch, set_branch_field
from branchdesk.services.ledgers import open_ledger
from branchdesk.services.pairings import end_pairing
from branchdesk.storage.ledger import Ledger

CLOCK = FixedClock.on("2024-01-20")  # the demo's activities run to the end of 2023
TOWNSHIPS = ("桃林铺镇", "老城街道", "伞陂镇")
ENDED_ON = dt.date(2024, 1, 10)


def cli(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run([str(arg) for arg in argv], clock=CLOCK, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def ok(*argv: str | Path) -> str:
    code, out, err = cli(*argv)
    assert (code, err) == (EXIT_OK, ""), err
    return out


def export(ledger: Path, out: Path, *flags: str) -> dict[str, Any]:
    summary: dict[str, Any] = json.loads(ok("package", "export", ledger, out, "--json", *flags))
    return summary


def stats(ledger: Path, region: str) -> dict[str, Any]:
    figures: dict[str, Any] = json.loads(
        ok("stats", ledger, "--region", region, "--json", "--month", "2024-01", "--as-of", "2024-01-20")
    )
    return figures


def region_id(ledger: Ledger, name: str) -> int:
    return int(ledger.scalar("SELECT id FROM region WHERE name = ?", (name,)))


def open_pairings(ledger: Ledger, township: str) -> list[int]:
    """The township's running pairings (its grassroots branches'), oldest first."""
    return [
        row["id"]
        for row in ledger.query(
            "SELECT p.id FROM pairing p JOIN branch g ON g.id = p.grassroots_id"
            " WHERE g.region_id = ? AND p.ended_on IS NULL ORDER BY p.id",
            (region_id(ledger, township),),
        )
    ]


def last_activity(ledger: Ledger, pairing: int) -> int:
    return int(ledger.scalar("SELECT max(id) FROM activity WHERE pairing_id = ?", (pairing,)))


def uuid_of(ledger: Ledger, table: str, row_id: int) -> str:
    return str(ledger.scalar(f"SELECT uuid FROM {table} WHERE id = ?", (row_id,)))


def work_offline(path: Path, township: str) -> dict[str, Any]:
    """A township's month, entered as the window enters it (the services it calls); what it did."""
    with open_ledger(path, CLOCK) as ledger:
        pairings = open_pairings(ledger, township)
        name = f"{township}新建村党支部"
        add_branch(
            ledger,
            BranchDraft(name, BranchKind.VILLAGE, region_id(ledger, township), tier=Tier.WEAK),
        )
        branch = int(ledger.scalar("SELECT id FROM branch WHERE name = ?", (name,)))
        set_branch_field(ledger, branch, BranchColumn.SECRETARY, "李春华")
        areas = 0
        for number, pairing in enumerate(pairings[1:4]):
            draft = ActivityDraft(
                dt.date(2024, 1, 6 + 7 * (number % 2)),  # Saturdays
                ActivityType.THEMED_DAY,
                frozenset(list(Area)[: number + 1]),
                volunteers=8 + number,
                location="村党群服务中心",
            )
            record_activities(ledger, [pairing], draft)
            areas += number + 1
        gone = last_activity(ledger, pairings[4])
        gone_areas = int(ledger.scalar("SELECT count(*) FROM activity_area WHERE activity_id = ?", (gone,)))
        delete_activities(ledger, [gone])
        end_pairing(ledger, pairings[0], ENDED_ON, EndReason.MERGED)
        return {
            "ended": uuid_of(ledger, "pairing", pairings[0]),
            "new": 1 + 3 + areas,  # the branch, three activities and their areas
            "updated": 1 + 1 + gone_areas,  # the branch edited, the activity deleted with its areas
            "shared": last_activity(ledger, pairings[5]),  # an activity of the county's, for the conflict
        }


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "用户数据"
    monkeypatch.setenv("BRANCHDESK_DATA_DIR", str(folder))
    return folder


def test_township_to_county_to_city(tmp_path: Path, data_dir: Path) -> None:
    county = tmp_path / "潢川县.bdesk"
    ok("demo", county, "--scale", "county")
    # The city's ledger starts from the county's records (the demo's are not in its change log).
    city = tmp_path / "信阳市.bdesk"
    ok("new", city, "--from", export(county, tmp_path / "潢川县 全部.bdx", "--full")["package"])

    townships: dict[str, Path] = {}
    for name in TOWNSHIPS:
        seed = export(county, tmp_path / f"{name} 初始.bdx", "--scope", name)
        townships[name] = tmp_path / f"{name}.bdesk"
        ok("new", townships[name], "--from", seed["package"])
        assert stats(townships[name], name) == stats(county, name)

    # Offline: each township's month; the county changes an activity the first township changes too.
    done = {name: work_offline(path, name) for name, path in townships.items()}
    first = TOWNSHIPS[0]
    with open_ledger(townships[first], CLOCK) as ledger:
        shared = done[first]["shared"]
        pairing, draft = activity_draft(ledger, shared)
        edit_activity(ledger, shared, pairing, replace(draft, volunteers=19))
        shared_uuid = uuid_of(ledger, "activity", shared)
    with open_ledger(county, CLOCK) as ledger:
        shared = int(ledger.scalar("SELECT id FROM activity WHERE uuid = ?", (shared_uuid,)))
        pairing, draft = activity_draft(ledger, shared)
        edit_activity(ledger, shared, pairing, replace(draft, volunteers=23))

    deltas = [export(path, tmp_path / f"{name} 2024-01.bdx") for name, path in townships.items()]
    assert [delta["sequence"]["from"] for delta in deltas] == [1, 1, 1]

    # The county's dry run of all three: what each did, the conflict, the pairings (the county's) refused.
    sent = [delta["package"] for delta in deltas]
    code, printed, err = cli("package", "import", county, *sent, "--dry-run", "--json")
    assert code == EXIT_FAILED  # a conflict is left to settle
    summary = json.loads(printed)
    assert summary["counts"] == {
        "new": sum(township["new"] for township in done.values()),
        "updated": sum(township["updated"] for township in done.values()),
        "unchanged": 0,
        "applied_before": 0,
        "merged": 0,
        "conflicts": 1,
        "rejected": 3,
    }
    assert [(c["table"], c["uuid"]) for c in summary["conflicts"]] == [("activity", shared_uuid)]
    assert sorted((r["table"], r["uuid"], r["reason"]) for r in summary["rejected"]) == sorted(
        ("pairing", township["ended"], "outside_scope") for township in done.values()
    )
    assert "改法不同" in err

    # Imported, the township's value taken; a receipt for each package.
    receipts = tmp_path / "回执"
    receipts.mkdir()
    summary = json.loads(
        ok("package", "import", county, *(d["package"] for d in deltas), "--take", "theirs", "--json",
           "--receipts", receipts)
    )  # fmt: skip
    assert [package["result"] for package in summary["packages"]] == ["applied"] * 3
    # A pairing is the county's to end: it ends the ones its townships reported, as they did.
    with open_ledger(county, CLOCK) as ledger:
        for township in done.values():
            pairing = int(ledger.scalar("SELECT id FROM pairing WHERE uuid = ?", (township["ended"],)))
            end_pairing(ledger, pairing, ENDED_ON, EndReason.MERGED)
    for name, path in townships.items():
        assert stats(county, name) == stats(path, name), name
    assert ok("check", county).endswith("未发现问题\n")

    # The receipts move each township's mark: its next delta starts after what the county has.
    made = sorted(receipts.glob("*.bdxr"))
    assert len(made) == 3
    for delta, (name, path) in zip(deltas, townships.items(), strict=True):
        receipt = next(file for file in made if delta["package_uuid"][:8] in file.name or name in file.name)
        ok("package", "import", path, receipt)
    second = {}
    for name, path in townships.items():
        with open_ledger(path, CLOCK) as ledger:
            pairing = open_pairings(ledger, name)[1]
            draft = ActivityDraft(dt.date(2024, 1, 20), ActivityType.LECTURE, frozenset({Area.TEAM}), 3)
            record_activities(ledger, [pairing], draft)
        second[name] = export(path, tmp_path / f"{name} 第二次.bdx")
    for delta, again in zip(deltas, second.values(), strict=True):
        assert again["sequence"]["from"] == delta["sequence"]["to"] + 1
        assert again["counts"] == {"activity": 1, "activity_area": 1}
    summary = json.loads(ok("package", "import", county, *(d["package"] for d in second.values()), "--json"))
    assert summary["counts"]["new"] == 6
    assert sum(summary["counts"].values()) == 6
    for name, path in townships.items():
        assert stats(county, name) == stats(path, name), name

    # Up to the city the same way: the county's delta holds its townships' changes and its own.
    up = export(county, tmp_path / "潢川县 2024-01.bdx")
    summary = json.loads(ok("package", "import", city, up["package"], "--json"))
    assert (summary["counts"]["conflicts"], summary["counts"]["rejected"]) == (0, 0)
    for region in ("潢川县", *TOWNSHIPS):
        assert stats(city, region) == stats(county, region), region
    assert ok("check", city).endswith("未发现问题\n")
