"""Every ledger knows who it is in the chain of offices (DESIGN.md §9, schema.py migration 6): a ledger_id
minted once, the region it is authoritative for, and a change log that only grows, so that packages can
refer to its sequence and carry its deletions as tombstones."""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path

import pytest

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind, RegionLevel
from branchdesk.domain.region_chain import NamedRegion, RegionChain
from branchdesk.services.activities import delete_activities
from branchdesk.services.ledgers import create_ledger, open_ledger
from branchdesk.storage import identity as identity_store
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.schema import APPLICATION_ID, MIGRATION_6, MIGRATIONS
from tests.builders import LedgerBuilder


def scope_name(ledger: Ledger) -> str | None:
    scope = identity_store.identity(ledger).scope_region_id
    return None if scope is None else ledger.scalar("SELECT name FROM region WHERE id = ?", (scope,))


def test_a_new_ledger_gets_its_own_id_and_no_scope_without_regions(tmp_path: Path, clock: FixedClock) -> None:
    with (
        create_ledger(tmp_path / "一.bdesk", clock) as first,
        create_ledger(tmp_path / "二.bdesk", clock) as second,
    ):
        ids = [identity_store.identity(ledger).ledger_id for ledger in (first, second)]
        assert identity_store.identity(first).scope_region_id is None
    assert [uuid.UUID(value).version for value in ids] == [4, 4]
    assert [str(uuid.UUID(value)) for value in ids] == ids
    assert ids[0] != ids[1]


CITY, COUNTY = NamedRegion("信阳市"), NamedRegion("潢川县")


@pytest.mark.parametrize(
    ("chain", "home"),
    [
        (RegionChain(CITY, COUNTY, (NamedRegion("城关镇"),)), "城关镇"),
        (RegionChain(CITY, COUNTY, (NamedRegion("城关镇"), NamedRegion("春申街道"))), "潢川县"),
        (RegionChain(CITY, COUNTY), "潢川县"),
        (RegionChain(CITY), "信阳市"),
    ],
)
def test_a_new_ledger_is_authoritative_for_its_chains_home(
    tmp_path: Path, clock: FixedClock, chain: RegionChain, home: str
) -> None:
    path = tmp_path / "台账.bdesk"
    create_ledger(path, clock, regions=chain).close()
    with open_ledger(path, clock) as reopened:
        assert scope_name(reopened) == home
        scope = identity_store.identity(reopened)
        assert scope.scope_uuid == reopened.scalar("SELECT uuid FROM region WHERE name = ?", (home,))
        # set while the ledger was made: no line of history, nothing to undo
        assert reopened.scalar("SELECT count(*) FROM operation") == 1


def _older_file(path: Path, clock: FixedClock, townships: int) -> None:
    """A ledger as the release before migration 6 left it, with a city, a county and its townships."""
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    with Ledger.open(path, clock, migrations=MIGRATIONS[: MIGRATIONS.index(MIGRATION_6)]) as old:
        build = LedgerBuilder(old)
        if townships:
            county = build.region("潢川县", RegionLevel.COUNTY, build.region("信阳市", RegionLevel.CITY))
            for number in range(townships):
                build.region(f"第{number + 1}镇", RegionLevel.TOWNSHIP, county)
        assert old.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'ledger_identity'") == 0


@pytest.mark.parametrize(("townships", "home"), [(0, None), (1, "第1镇"), (2, "潢川县")])
def test_an_older_ledger_gets_an_id_and_its_home_as_scope_on_upgrade(
    tmp_path: Path, clock: FixedClock, townships: int, home: str | None
) -> None:
    path = tmp_path / "旧台账.bdesk"
    _older_file(path, clock, townships)
    with open_ledger(path, clock) as upgraded:
        assert upgraded.schema_version == len(MIGRATIONS)
        found = identity_store.identity(upgraded)
        assert uuid.UUID(found.ledger_id).version == 4
        assert scope_name(upgraded) == home
    with open_ledger(path, clock) as again:  # minted once, kept
        assert identity_store.identity(again).ledger_id == found.ledger_id


def test_the_change_log_only_grows_and_keeps_deletions_whole(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = build.tree()
    organ_unit = build.unit("县委组织部", tree["huangchuan"])
    organ = build.organs(organ_unit, tree["huangchuan"], 1)[0]
    village = build.branch("郑庄村党支部", BranchKind.VILLAGE, tree["hc_renhe"])
    activity = build.activity(build.pair(organ, village, "2022-03-01"), "2022-04-08")
    stored = ledger.row("activity", activity)
    delete_activities(ledger, [activity])

    tombstone = ledger.query(
        "SELECT id, before, after FROM change_log WHERE entity = 'activity' AND change = 'delete'"
    )
    assert len(tombstone) == 1
    assert json.loads(tombstone[0]["before"]) == stored
    assert tombstone[0]["after"] is None
    ids = [row["id"] for row in ledger.query("SELECT id FROM change_log ORDER BY rowid")]
    assert ids == sorted(ids)
    for statement in ("UPDATE change_log SET after = NULL", "DELETE FROM change_log WHERE id = ?"):
        with pytest.raises(sqlite3.IntegrityError, match=r"change_log\.append_only"):
            ledger.conn.execute(statement, () if "UPDATE" in statement else (ids[-1],))
    assert [row["id"] for row in ledger.query("SELECT id FROM change_log ORDER BY id")] == ids


def test_a_ledger_made_without_regions_is_authoritative_for_the_home_its_regions_make(
    ledger: Ledger, build: LedgerBuilder
) -> None:
    assert identity_store.identity(ledger).scope_region_id is None
    city = build.region("信阳市", RegionLevel.CITY)
    assert scope_name(ledger) == "信阳市"
    county = build.region("潢川县", RegionLevel.COUNTY, city)
    township = build.region("城关镇", RegionLevel.TOWNSHIP, county)
    assert scope_name(ledger) == "城关镇"
    assert identity_store.identity(ledger).scope_uuid == ledger.scalar(
        "SELECT uuid FROM region WHERE id = ?", (township,)
    )
    build.region("仁和镇", RegionLevel.TOWNSHIP, county)
    assert scope_name(ledger) == "潢川县"
    build.region("南阳市", RegionLevel.CITY)
    assert identity_store.identity(ledger).scope_region_id is None  # two top regions: no single home
