"""Each name's sort key is stored with it (migration 3) and follows every write: the app's, an import's, a
demo's bulk load, undo and redo; lists, pickers and exports sort by it."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

from branchdesk.domain.activities import ActivityColumn, ActivityFilter, ActivitySort
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind, RegionLevel, Tier, UnitLevel
from branchdesk.domain.listing import BranchFilter, BranchSort
from branchdesk.domain.months import Month
from branchdesk.domain.pairing_list import PairingColumn, PairingFilter, PairingSort
from branchdesk.domain.sort_key import name_key
from branchdesk.services import branches as branch_service
from branchdesk.services import regions as region_service
from branchdesk.services.demo import generate_demo
from branchdesk.services.history import UndoHistory
from branchdesk.storage import activity_list, branch_list, compliance, exchange, pairing_list
from branchdesk.storage import branches as branch_store
from branchdesk.storage import regions as region_store
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.schema import APPLICATION_ID, MIGRATION_4, MIGRATIONS
from tests.builders import LedgerBuilder

TABLES = ("region", "unit", "branch")


def stale_keys(ledger: Ledger) -> list[tuple[str, str]]:
    """Rows whose stored key is not the key of their name (computed here in Python, not by the file)."""
    return [
        (table, row["name"])
        for table in TABLES
        for row in ledger.query(f"SELECT name, name_key FROM {table}")
        if row["name_key"] != name_key(row["name"])
    ]


def names_in_order(ledger: Ledger) -> list[str]:
    ids = branch_list.branch_ids(ledger, BranchFilter(), BranchSort())
    return [row.name for row in branch_list.branch_rows(ledger, ids)]


def test_migration_fills_the_keys_of_an_older_file(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "旧台账.bdesk"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    before_keys = MIGRATIONS[: MIGRATIONS.index(MIGRATION_4)]  # as the release before the name keys left it
    with Ledger.open(path, clock, migrations=before_keys) as old:
        build = LedgerBuilder(old)
        tree = build.tree()
        for name in ("郑庄村", "第10村民组", "陈湾村", "第2村民组"):
            build.branch(name, BranchKind.VILLAGE, tree["hc_renhe"])
        assert "name_key" not in old.row("branch", 1)  # type: ignore[operator]
    with Ledger.open(path, clock) as upgraded:
        assert upgraded.schema_version == len(MIGRATIONS)
        assert upgraded.scalar("SELECT count(*) FROM branch WHERE name_key IS NULL") == 0
        assert stale_keys(upgraded) == []
        assert names_in_order(upgraded) == ["陈湾村", "第2村民组", "第10村民组", "郑庄村"]


def test_every_write_keeps_the_key_and_undo_redo_bring_it_back(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = build.tree()
    history = UndoHistory(ledger)
    first = build.branch("张湾村", BranchKind.VILLAGE, tree["hc_renhe"])
    build.branch("陈湾村", BranchKind.VILLAGE, tree["hc_renhe"])
    assert names_in_order(ledger) == ["陈湾村", "张湾村"]

    draft = dataclasses.replace(branch_service.draft_of(ledger, first), name="安康村")
    history.record(branch_service.edit_branch(ledger, first, draft))
    assert names_in_order(ledger) == ["安康村", "陈湾村"]
    history.record(region_service.edit_region(ledger, tree["hc_renhe"], "第二仁和镇", None))
    history.record(branch_service.add_unit(ledger, "第10组织部", UnitLevel.COUNTY, tree["huangchuan"]))
    assert stale_keys(ledger) == []
    assert ledger.scalar("SELECT count(*) FROM unit") == 1

    for _ in range(3):
        history.undo()
        assert stale_keys(ledger) == []
    assert names_in_order(ledger) == ["陈湾村", "张湾村"]
    for _ in range(3):
        history.redo()
        assert stale_keys(ledger) == []
    assert names_in_order(ledger) == ["安康村", "陈湾村"]


def test_a_key_written_wrong_by_hand_is_put_right(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = build.tree()
    build.branch("陈湾村", BranchKind.VILLAGE, tree["hc_renhe"])
    ledger.conn.execute("UPDATE branch SET name_key = 'zzz'")
    assert stale_keys(ledger) == []
    # A rename that keeps the key (第2, 第二): the file's trigger clears it, the app's refills it.
    ledger.conn.execute("UPDATE branch SET name = '第2村'")
    ledger.conn.execute("UPDATE branch SET name = '第二村'")
    assert stale_keys(ledger) == []
    assert ledger.scalar("SELECT count(*) FROM branch WHERE name_key IS NULL") == 0


def test_another_program_can_write_names_and_the_app_fills_in_their_keys(
    ledger: Ledger, build: LedgerBuilder, clock: FixedClock
) -> None:
    tree = build.tree()
    build.branch("陈湾村", BranchKind.VILLAGE, tree["hc_renhe"])
    ledger.close()
    with sqlite3.connect(ledger.path) as other:  # the sqlite3 shell: no pinyin_key() there
        other.execute("UPDATE branch SET name = '张湾村'")
        other.execute(
            "INSERT INTO branch (uuid, name, kind, region_id, created_at, updated_at)"
            " SELECT 'u2', '第10组', kind, region_id, '', '' FROM branch"
        )
        assert other.execute("SELECT name FROM branch WHERE name_key IS NULL ORDER BY id").fetchall() == [
            ("张湾村",),
            ("第10组",),
        ]
    with Ledger.open(ledger.path, clock) as reopened:
        assert stale_keys(reopened) == []
        assert names_in_order(reopened) == ["第10组", "张湾村"]


def test_a_demo_bulk_load_has_its_keys_and_exports_in_name_order(tmp_path: Path, clock: FixedClock) -> None:
    """(An import's keys: tests/exchange's round trip compares every column, name_key included.)"""
    demo = tmp_path / "演示.bdesk"
    generate_demo(demo, "township", seed=7, clock=clock)
    with Ledger.open(demo, clock, read_only=True) as ledger:
        assert stale_keys(ledger) == []
        city = ledger.scalar("SELECT id FROM region WHERE parent_id IS NULL")
        rows = [row for row in exchange.export_rows(ledger, "branch", city) if row["community"] is None]
        assert len(rows) > 50
        by_region: dict[str, list[str]] = {}
        for row in rows:
            by_region.setdefault(row["region"], []).append(row["name"])
        for names in by_region.values():
            assert names == sorted(names, key=name_key)
        pairings: dict[str, list[str]] = {}
        for row in exchange.export_rows(ledger, "pairing", city):
            pairings.setdefault(row["grassroots_region"], []).append(row["grassroots"])
        assert list(pairings) == sorted(
            pairings, key=lambda path: [name_key(part) for part in path.split("/")]
        )
        for names in pairings.values():
            assert names == sorted(names, key=name_key)


def test_pickers_list_in_name_order(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = build.tree()
    build.region("第10镇", RegionLevel.TOWNSHIP, tree["huangchuan"])
    build.region("第2镇", RegionLevel.TOWNSHIP, tree["huangchuan"])
    for name in ("郑庄村", "第10组", "陈湾村", "第二组"):
        build.branch(name, BranchKind.VILLAGE, tree["hc_renhe"], tier=Tier.WEAK)
    for name in ("组织部", "财政局", "第3中学"):
        build.unit(name, tree["huangchuan"])
    grassroots = pairing_list.unpaired(ledger, tree["city"], organ_side=False)
    assert [b.name for b in grassroots.branches] == ["陈湾村", "第二组", "第10组", "郑庄村"]
    assert [u.name for u in branch_store.units(ledger)] == ["财政局", "第3中学", "组织部"]
    townships = [r.name for r in region_store.all_regions(ledger) if r.parent_id == tree["huangchuan"]]
    assert townships == ["城关镇", "第2镇", "第10镇", "仁和镇"]


def test_pairings_activities_and_the_overdue_list_in_name_order(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = build.tree()
    organs = build.organs(build.unit("县财政局", tree["huangchuan"]), tree["huangchuan"], 4)
    names = ("郑庄村", "第10组", "陈湾村", "第二组")
    for organ, name in zip(organs, names, strict=True):
        village = build.branch(name, BranchKind.VILLAGE, tree["hc_renhe"])
        build.activity(build.pair(organ, village, "2022-04-10"), "2022-04-16")
    expected = ["陈湾村", "第二组", "第10组", "郑庄村"]
    by_grassroots = PairingSort(PairingColumn.GRASSROOTS, descending=False)
    ids = pairing_list.pairing_ids(ledger, PairingFilter(), by_grassroots)
    assert [row.grassroots for row in pairing_list.pairing_rows(ledger, ids)] == expected
    page = activity_list.activity_page(
        ledger, ActivityFilter(), ActivitySort(ActivityColumn.GRASSROOTS, descending=False), 0, 10
    )
    assert [row.grassroots for row in activity_list.activity_rows(ledger, page)] == expected
    overdue = compliance.overdue_pairings(ledger, tree["city"], Month(2022, 5))
    assert [row.grassroots for row in overdue] == expected
