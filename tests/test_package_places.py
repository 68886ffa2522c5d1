"""A city matches each county's own copy of the city (made by ``new --region 信阳市/…``, with its own uuid)
to its own region once, when the county's first package names it, and keeps the match (docs/packages.md,
"A city and its counties"): later packages meet the same place whatever the county's copy says by then,
and a dry run keeps nothing. Played through ``branchdesk-cli`` as the city's clerk runs it."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from branchdesk.cli import EXIT_OK, run
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import RegionLevel
from branchdesk.services.ledgers import open_ledger
from branchdesk.services.regions import edit_region, list_regions
from tests.builders import LedgerBuilder

CLOCK = FixedClock.on("2024-01-20")


def ok(*argv: str | Path) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = run([str(arg) for arg in argv], clock=CLOCK, out=out, err=err)
    assert (code, err.getvalue()) == (EXIT_OK, "")
    return out.getvalue()


def as_json(*argv: str | Path) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(ok(*argv, "--json"))
    return found


def regions(path: Path) -> list[tuple[Any, ...]]:
    with open_ledger(path, CLOCK) as ledger:
        return [
            tuple(row.values()) for row in ledger.query("SELECT uuid, name, code FROM region ORDER BY id")
        ]


def aliases(path: Path) -> list[tuple[Any, ...]]:
    with open_ledger(path, CLOCK) as ledger:
        return [
            tuple(row.values())
            for row in ledger.query(
                "SELECT a.uuid, r.name FROM region_alias a JOIN region r ON r.id = a.region_id ORDER BY 1"
            )
        ]


def test_the_city_keeps_the_match_of_a_countys_copy_of_the_city_and_meets_it_again_whatever_it_says(
    tmp_path: Path, data_dir: Path
) -> None:
    county, city = tmp_path / "光山县.bdesk", tmp_path / "信阳市.bdesk"
    ok("new", county, "--region", "信阳市/光山县", "--code", "411500,411522")
    with open_ledger(county, CLOCK) as ledger:
        home = int(ledger.scalar("SELECT id FROM region WHERE name = '光山县'"))
        LedgerBuilder(ledger).region("弦山街道", RegionLevel.TOWNSHIP, home)
        theirs = str(ledger.scalar("SELECT uuid FROM region WHERE name = '信阳市'"))
    ok("new", city, "--region", "信阳市", "--code", "411500")
    full = as_json("package", "export", county, tmp_path / "光山县 全部.bdx", "--full")

    dry = as_json("package", "import", city, full["package"], "--dry-run")
    assert (dry["counts"]["new"], dry["counts"]["unchanged"]) == (2, 1)  # 光山县, 弦山街道; not 信阳市
    assert aliases(city) == []  # a dry run keeps nothing
    taken = as_json("package", "import", city, full["package"], "--receipts", tmp_path / "回执")
    assert taken["counts"] == dry["counts"]
    assert aliases(city) == [(theirs, "信阳市")]  # the county's 信阳市 is the city's, from now on
    before = regions(city)
    [receipt] = (tmp_path / "回执").glob("*.bdxr")  # so that the county's next delta holds only what is new
    ok("package", "trust", county, receipt, "--reason", "信阳市回执，电话核对密钥")
    ok("package", "import", county, receipt)

    # The county's clerk mistypes its own copy of the city's code: that copy is still the city's 信阳市
    # here, unchanged whatever it says (before the match was kept, a delta without that region's first
    # line met a stranger), and the city's own region keeps its name and code.
    with open_ledger(county, CLOCK) as ledger:
        edit_region(
            ledger, int(ledger.scalar("SELECT id FROM region WHERE uuid = ?", (theirs,))), "信阳市", "411501"
        )
    delta = as_json("package", "export", county, tmp_path / "光山县 1月.bdx")
    summary = as_json("package", "import", city, delta["package"])
    assert summary["counts"] == dict.fromkeys(summary["counts"], 0) | {"unchanged": 1}  # nothing rejected
    assert regions(city) == before
    assert aliases(city) == [(theirs, "信阳市")]


def test_a_county_the_city_typed_itself_sends_its_monthly_deltas_after_its_full_package(
    tmp_path: Path, data_dir: Path
) -> None:
    """The city's clerk typed 光山县 with its code before the county's package came: the county's full
    package is matched to it, and so are its monthly deltas after it (they carry no region rows)."""
    county, city = tmp_path / "光山县.bdesk", tmp_path / "信阳市.bdesk"
    ok("new", county, "--region", "信阳市/光山县", "--code", "411500,411522")
    ok("new", city, "--region", "信阳市", "--code", "411500")
    with open_ledger(city, CLOCK) as ledger:
        top = int(ledger.scalar("SELECT id FROM region WHERE name = '信阳市'"))
        LedgerBuilder(ledger).region("光山县", RegionLevel.COUNTY, top, "411522")
    full = as_json("package", "export", county, tmp_path / "光山县 全部.bdx", "--full")
    as_json("package", "import", city, full["package"], "--receipts", tmp_path / "回执")
    [receipt] = (tmp_path / "回执").glob("*.bdxr")
    ok("package", "trust", county, receipt, "--reason", "信阳市回执，电话核对密钥")
    ok("package", "import", county, receipt)

    with open_ledger(county, CLOCK) as ledger:
        home = int(ledger.scalar("SELECT id FROM region WHERE name = '光山县'"))
        LedgerBuilder(ledger).region("紫水街道", RegionLevel.TOWNSHIP, home)
    delta = as_json("package", "export", county, tmp_path / "光山县 1月.bdx")
    summary = as_json("package", "import", city, delta["package"])
    assert (summary["packages"][0]["result"], summary["counts"]["new"]) == ("applied", 1)
    assert [path for (path,) in _paths(city) if path.endswith("紫水街道")] == ["信阳市/光山县/紫水街道"]


def _paths(path: Path) -> list[tuple[str]]:
    with open_ledger(path, CLOCK) as ledger:
        return [(region.path,) for region in list_regions(ledger)]
