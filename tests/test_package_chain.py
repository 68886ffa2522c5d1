"""Issue #18's "Done means", played through ``branchdesk-cli`` as a county's and its townships' scripts
would run it: township → county → city without a network.

A county (``demo --scale county``) seeds three township ledgers; each works offline (a branch added and
then edited, a pairing ended, activities added, one of the county's deleted); they send deltas; the
county's dry run of all three counts what they did and shows the conflict planted (an activity the county
changed too); after the import the county's figures for each township are the township's own; the
receipts move the townships' marks, so that a second round carries only what is new; and the county sends
its merged ledger up to the city the same way, where the figures are the county's.

A city and two counties: the city's ledger is made for the city alone, and takes each county's full package,
then their deltas; each county owns its subtree there, and a change of one county touching the other's
records is rejected row by row, with the reason. Each county's ledger was made on its own (``new --region
信阳市/…``), so each has its own 信阳市: the city matches it to its own by the official code.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from branchdesk.cli import EXIT_FAILED, EXIT_OK, run
from branchdesk.domain.activities import ActivityDraft
from branchdesk.domain.branch_rules import BranchDraft
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import ActivityType, Area, BranchKind, EndReason, RegionLevel, Tier
from branchdesk.domain.listing import BranchColumn
from branchdesk.domain.months import Month
from branchdesk.domain.teams import DayMark, MemberDraft, MonthDays, Role
from branchdesk.services.activities import activity_draft, delete_activities, edit_activity, record_activities
from branchdesk.services.branches import add_branch, set_branch_field
from branchdesk.services.ledgers import open_ledger
from branchdesk.services.pairings import end_pairing
from branchdesk.services.teams import add_member, save_month
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder

CLOCK = FixedClock.on("2024-01-20")  # the demo's activities run to the end of 2023
TOWNSHIPS = ("桃林铺镇", "老城街道", "伞陂镇")
ENDED_ON = dt.date(2024, 1, 10)
JANUARY = Month(2024, 1)


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
        join_work_team(ledger, township)
        return {
            "ended": uuid_of(ledger, "pairing", pairings[0]),
            # the branch, three activities and their areas, a work team's new member and their January
            "new": 1 + 3 + areas + 2,
            "updated": 1 + 1 + gone_areas,  # the branch edited, the activity deleted with its areas
            "shared": last_activity(ledger, pairings[5]),  # an activity of the county's, for the conflict
        }


def join_work_team(ledger: Ledger, township: str) -> None:
    """A member joins one of the township's work teams on 2 January and their January is entered on the
    grid: in the village every day to the 19th but one, away on official business that day."""
    team = int(
        ledger.scalar(
            "SELECT min(t.id) FROM work_team t JOIN branch b ON b.id = t.branch_id"
            " WHERE b.region_id = ? AND t.ended_on IS NULL",
            (region_id(ledger, township),),
        )
    )
    phone = f"139{TOWNSHIPS.index(township):08d}"  # one person per team: the county holds that rule
    add_member(ledger, team, MemberDraft("陈晓东", phone, Role.MEMBER, dt.date(2024, 1, 2)))
    member = int(ledger.scalar("SELECT max(id) FROM team_member"))
    days = MonthDays.empty(JANUARY)
    for day in range(2, 20):
        days = days.with_day(day, DayMark.BUSINESS if day == 9 else DayMark.PRESENT)
    save_month(ledger, JANUARY, {member: days})


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "用户数据"
    monkeypatch.setenv("BRANCHDESK_DATA_DIR", str(folder))
    return folder


def test_township_to_county_to_city(tmp_path: Path, data_dir: Path) -> None:
    county = tmp_path / "潢川县.bdesk"
    ok("demo", county, "--scale", "county")
    # The city's ledger is the city's own; it takes the county's records from its full package (the demo's
    # are not in its change log), matching the county's 信阳市 to its own by the official code.
    city = tmp_path / "信阳市.bdesk"
    ok("new", city, "--region", "信阳市", "--code", "411500")
    full = export(county, tmp_path / "潢川县 全部.bdx", "--full")
    summary = json.loads(ok("package", "import", city, full["package"], "--json"))
    assert summary["counts"]["new"] == sum(full["counts"].values()) - 1  # all but 信阳市
    assert summary["counts"]["unchanged"] == 1

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


COUNTIES = {"潢川县": ("411526", ("春申街道", "伞陂镇")), "光山县": ("411522", ("弦山街道", "紫水街道"))}


def as_json(*argv: str | Path) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(ok(*argv, "--json"))
    return found


def city_stats(ledger: Path, region: str | None = None) -> dict[str, Any]:
    return as_json("stats", ledger, *(("--region", region) if region else ()))


def make_county(path: Path, county: str) -> None:
    """A county's own ledger, made as its clerk makes it: two townships, the county's organ branches paired
    with two villages of each, and December's themed Party days recorded."""
    code, townships = COUNTIES[county]
    ok("new", path, "--region", f"信阳市/{county}", "--code", f"411500,{code}")
    with open_ledger(path, CLOCK) as ledger:
        build = LedgerBuilder(ledger)
        home = region_id(ledger, county)
        places = [build.region(name, RegionLevel.TOWNSHIP, home) for name in townships]
        organs = build.organs(build.unit(f"{county}财政局", home), home, 2 * len(places))
        for number, place in enumerate(places):
            villages = build.villages(place, 2, prefix=townships[number][:2])
            for village, organ in zip(villages, organs[2 * number :], strict=False):
                pairing = build.pair(organ, village, "2023-03-01")
                build.activity(pairing, "2023-12-02", areas=(Area.ORGANISATION, Area.TEAM), volunteers=6)
        build.activity(pairing, "2023-12-16", volunteers=4)  # the last pairing met twice


def numbers(figures: Mapping[str, Any], skip: frozenset[str] = frozenset({"region"})) -> dict[str, int]:
    """The counts among ``stats --json``'s figures, by path (the rates follow from them)."""
    found: dict[str, int] = {}
    for key, value in figures.items():
        if key in skip:
            continue
        if isinstance(value, Mapping):
            found.update({f"{key}.{inner}": number for inner, number in numbers(value).items()})
        elif isinstance(value, int) and not isinstance(value, bool):
            found[key] = value
    return found


def test_a_city_takes_two_counties_packages_each_owning_its_own(tmp_path: Path, data_dir: Path) -> None:
    counties = {name: tmp_path / f"{name}.bdesk" for name in COUNTIES}
    for name, path in counties.items():
        make_county(path, name)
    city = tmp_path / "信阳市.bdesk"
    ok("new", city, "--region", "信阳市", "--code", "411500")
    # A county's monthly package before its full one: refused, saying which to import first.
    early = as_json("package", "export", counties["光山县"], tmp_path / "光山县 提前.bdx")
    code, _out, err = cli("package", "import", city, early["package"])
    assert code == EXIT_FAILED
    assert "请先导入信阳市/光山县的全量数据包" in err

    # Each county's full package, both at once: everything new but the county's copy of 信阳市.
    full = [as_json("package", "export", path, tmp_path / f"{name} 全部.bdx", "--full") for name, path in
            counties.items()]  # fmt: skip
    receipts = tmp_path / "回执"
    summary = as_json(
        "package", "import", city, *(package["package"] for package in full), "--receipts", receipts
    )
    assert [package["result"] for package in summary["packages"]] == ["applied", "applied"]
    lines = sum(sum(package["counts"].values()) for package in full)
    assert summary["counts"] == {"new": lines - 2, "updated": 0, "unchanged": 2, "applied_before": 0,
                                 "merged": 0, "conflicts": 0, "rejected": 0}  # fmt: skip
    assert ok("check", city).endswith("未发现问题\n")
    for name, path in counties.items():
        assert city_stats(city, name) == city_stats(path, name), name
    whole = numbers(city_stats(city))
    assert whole["activities.count"] == 10
    assert whole == {
        key: sum(numbers(city_stats(path, name))[key] for name, path in counties.items()) for key in whole
    }

    # The city's roll-up lists its two counties: their figures, last package, key, complete-to date.
    status = as_json("package", "status", city)
    assert status["scope"]["path"] == "信阳市"
    offices = {office["region"]["name"]: office for office in status["offices"]}
    assert sorted(offices) == sorted(counties)
    for name, path in counties.items():
        own = as_json("package", "status", path)
        office = offices[name]
        assert office["figures"] == city_stats(path, name)
        assert (office["last_package"]["kind"], office["last_package"]["fingerprint"]) == (
            "full",
            own["fingerprint"],
        )
        assert (office["last_package"]["complete_to"], office["stale"]) == ("2024-01-20", False)
    assert sorted((key["scope"], key["fingerprint"]) for key in status["pinned_keys"]) == sorted(
        (f"信阳市/{name}", as_json("package", "status", path)["fingerprint"])
        for name, path in counties.items()
    )

    # A second round: 光山县 takes in the city's receipt (trusting the city's key once, as the README says),
    # so its month goes up as a delta of what is new only, and applies.
    [receipt] = receipts.glob("光山县*.bdxr")
    ok("package", "trust", counties["光山县"], receipt, "--reason", "信阳市回执，电话核对密钥")
    ok("package", "import", counties["光山县"], receipt)
    with open_ledger(counties["光山县"], CLOCK) as ledger:
        build = LedgerBuilder(ledger)
        pairing = int(ledger.scalar("SELECT max(id) FROM pairing"))
        build.activity(pairing, "2024-01-06", areas=(Area.INDUSTRY,), volunteers=9)
        village = int(ledger.scalar("SELECT min(id) FROM branch WHERE kind = 'village'"))
        set_branch_field(ledger, village, BranchColumn.SECRETARY, "周文静")
    delta = as_json("package", "export", counties["光山县"], tmp_path / "光山县 2024-01.bdx")
    assert delta["sequence"]["from"] == full[1]["sequence"]["to"] + 1
    assert delta["counts"] == {"activity": 1, "activity_area": 1, "branch": 1}
    summary = as_json("package", "import", city, delta["package"])
    assert summary["counts"]["new"] == 2  # the activity and its area
    assert summary["counts"]["updated"] == 1  # the secretary
    assert (summary["counts"]["conflicts"], summary["counts"]["rejected"]) == (0, 0), summary["rejected"]
    for month in ("2023-12", "2024-01"):
        assert as_json("stats", city, "--region", "光山县", "--month", month) == as_json(
            "stats", counties["光山县"], "--region", "光山县", "--month", month
        )

    # 潢川县's ledger comes to hold a village of 光山县 (copied in by hand, as if taken from a list): what it
    # changes there, and a branch it adds in 光山县's township, are 光山县's to change; its own goes in.
    with open_ledger(counties["光山县"], CLOCK) as ledger:
        theirs = {
            name: ledger.query(f"SELECT * FROM {table} WHERE name = ?", (name,))[0]
            for table, name in (("region", "光山县"), ("region", "弦山街道"), ("branch", "弦山1村党支部"))
        }
    with open_ledger(counties["潢川县"], CLOCK) as ledger:
        there = copy_in(ledger, "region", theirs["光山县"], parent_id=region_id(ledger, "信阳市"))
        there = copy_in(ledger, "region", theirs["弦山街道"], parent_id=there)
        village = copy_in(ledger, "branch", theirs["弦山1村党支部"], region_id=there)
        set_branch_field(ledger, village, BranchColumn.SECRETARY, "王振华")
        add_branch(ledger, BranchDraft("弦山新村党支部", BranchKind.VILLAGE, there, tier=Tier.WEAK))
        add_branch(ledger, BranchDraft("春申新村党支部", BranchKind.VILLAGE, region_id(ledger, "春申街道")))
        added = str(ledger.scalar("SELECT uuid FROM branch WHERE name = '弦山新村党支部'"))
    delta = as_json("package", "export", counties["潢川县"], tmp_path / "潢川县 2024-01.bdx")
    code, printed, _err = cli("package", "import", city, delta["package"], "--dry-run")
    assert code == EXIT_OK
    assert printed.count("超出发送单位的管辖范围") == 2, printed
    summary = as_json("package", "import", city, delta["package"])
    assert sorted((row["table"], row["uuid"], row["reason"]) for row in summary["rejected"]) == sorted(
        [("branch", theirs["弦山1村党支部"]["uuid"], "outside_scope"), ("branch", added, "outside_scope")]
    )
    assert (summary["counts"]["new"], summary["counts"]["updated"], summary["counts"]["rejected"]) == (
        1,
        0,
        2,
    )
    with open_ledger(city, CLOCK) as ledger:
        assert (
            ledger.scalar("SELECT secretary FROM branch WHERE uuid = ?", (theirs["弦山1村党支部"]["uuid"],))
            == (theirs["弦山1村党支部"]["secretary"])
        )
        assert ledger.scalar("SELECT count(*) FROM branch WHERE name = '弦山新村党支部'") == 0
    for name, path in counties.items():
        assert city_stats(city, name) == city_stats(path, name), name
    assert ok("check", city).endswith("未发现问题\n")


def test_a_county_the_city_typed_itself_is_matched_by_code_and_has_one_owner(
    tmp_path: Path, data_dir: Path
) -> None:
    """The city's clerk typed 光山县 (with its code) before its package came: the package's 光山县 is that
    one; the roll-up shows its package; a second ledger made for 光山县 is refused until accepted."""
    county = tmp_path / "光山县.bdesk"
    make_county(county, "光山县")
    city = tmp_path / "信阳市.bdesk"
    ok("new", city, "--region", "信阳市", "--code", "411500")
    with open_ledger(city, CLOCK) as ledger:
        LedgerBuilder(ledger).region("光山县", RegionLevel.COUNTY, region_id(ledger, "信阳市"), "411522")
    full = as_json("package", "export", county, tmp_path / "光山县 全部.bdx", "--full")
    summary = as_json("package", "import", city, full["package"])
    assert (summary["counts"]["new"], summary["counts"]["unchanged"]) == (sum(full["counts"].values()) - 2, 2)
    assert city_stats(city, "光山县") == city_stats(county, "光山县")
    [office] = as_json("package", "status", city)["offices"]
    assert office["region"]["name"] == "光山县"
    assert office["last_package"]["fingerprint"] == as_json("package", "status", county)["fingerprint"]
    assert not office["stale"]

    again = tmp_path / "光山县 重建.bdesk"
    make_county(again, "光山县")
    code, _out, err = cli(
        "package", "import", city, export(again, tmp_path / "重建 全部.bdx", "--full")["package"]
    )
    assert code == EXIT_FAILED
    assert "而该区域已由密钥为" in err
    assert city_stats(city, "光山县") == city_stats(county, "光山县")


def copy_in(ledger: Ledger, table: str, row: Mapping[str, Any], **ids: int) -> int:
    """A row of another ledger written into this one as it is (its uuid kept), outside the change log."""
    values = {key: value for key, value in row.items() if key not in ("id", "name_key")} | ids
    marks = ", ".join("?" for _ in values)
    with ledger.transaction():
        cursor = ledger.conn.execute(
            f"INSERT INTO {table} ({', '.join(values)}) VALUES ({marks})", tuple(values.values())
        )
    return int(cursor.lastrowid or 0)
