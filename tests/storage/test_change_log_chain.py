"""The change log as a hash chain: every entry written by the app is linked to the one before it, the
migration links the entries of an older file exactly as the app would have, and Check names the first
entry changed, removed or slipped in by another program."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid
from pathlib import Path

import pytest

from branchdesk.domain.activities import ActivityDraft
from branchdesk.domain.chain import GENESIS, ChainHead, link
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import ActivityType, Area
from branchdesk.domain.packages import CHANGES, Manifest, Member, PackageKind, Sender, parse_manifest
from branchdesk.exchange.package_export import export_package
from branchdesk.exchange.package_files import read_package
from branchdesk.services.activities import record_activities
from branchdesk.services.check import check_ledger
from branchdesk.services.history import UndoHistory
from branchdesk.services.ledgers import open_ledger
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.schema import MIGRATION_11, MIGRATIONS
from tests.builders import LedgerBuilder
from tests.test_cli import cli


@pytest.fixture
def written(ledger: Ledger, build: LedgerBuilder) -> Path:
    """A new ledger after a few actions of every kind: adds, an edit, an undo."""
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    organs = build.organs(unit, tree["huangchuan"], 2)
    villages = build.villages(tree["hc_chengguan"], 2)
    pairing = build.pair(organs[0], villages[0], "2022-04-10")
    build.activity(pairing, "2022-05-14")
    history = UndoHistory(ledger)
    draft = ActivityDraft(dt.date(2022, 5, 15), ActivityType.VISIT, frozenset({Area.SERVICE}), 3)
    history.record(record_activities(ledger, [pairing], draft))
    history.undo()
    path = ledger.path
    ledger.close()
    return path


def _chain(path: Path) -> list[tuple[int, str]]:
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT id, chain FROM change_log ORDER BY id").fetchall()
    conn.close()
    return rows


def _tamper(path: Path, *statements: str) -> None:
    """Another program at work: the sqlite3 module, the append-only triggers dropped first."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER change_log_no_update")
    conn.execute("DROP TRIGGER change_log_no_delete")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def test_each_entry_links_the_one_before(written: Path) -> None:
    _assert_each_entry_links_the_one_before(written)


def _assert_each_entry_links_the_one_before(path: Path) -> None:
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT c.id, c.operation_id, o.uuid, o.action, o.at, c.entity, c.entity_uuid, c.change,"
        " c.before, c.after, c.chain FROM change_log c JOIN operation o ON o.id = c.operation_id"
        " ORDER BY c.id"
    ).fetchall()
    conn.close()
    assert len(rows) > 10
    previous = GENESIS
    for row in rows:
        content = "\x1f".join("" if value is None else str(value) for value in row[:10])
        assert row[10] == link(previous, content)
        previous = row[10]


def test_a_long_batch_of_changes_is_logged_whole_in_order_and_linked(
    ledger: Ledger, build: LedgerBuilder
) -> None:
    """log_changes writes many entries to a statement: a batch of several statements and a rest (123
    entries) keeps every entry's id, values and link, and the entries logged after it follow on."""
    build.tree()
    changes = [
        ("region", str(uuid.uuid4()), "insert", None, {"name": f"第{number}村", "number": number})
        for number in range(123)
    ]
    before = ledger.scalar("SELECT max(id) FROM change_log")
    with ledger.operation("test"):
        ledger.log_changes(changes)
        ledger.log_change("region", changes[0][1], "delete", changes[0][4], None)
    logged = ledger.conn.execute(
        "SELECT id, entity, entity_uuid, change, before, after FROM change_log WHERE id > ? ORDER BY id",
        (before,),
    ).fetchall()
    assert [row[0] for row in logged] == list(range(before + 1, before + 125))
    assert [
        (entity, owner, change, after and json.loads(after))
        for _id, entity, owner, change, _b, after in logged
    ] == [(entity, owner, change, after) for entity, owner, change, _before, after in changes] + [
        ("region", changes[0][1], "delete", None)
    ]
    assert json.loads(logged[-1][4]) == changes[0][4]
    path = ledger.path
    ledger.close()
    _assert_each_entry_links_the_one_before(path)


def test_the_app_logs_its_entries_unchecked_but_another_writer_on_its_connection_is_still_checked(
    ledger: Ledger, build: LedgerBuilder
) -> None:
    """log_changes writes a big batch without the table's CHECKs (it made the JSON just before), then turns
    them on again."""
    build.tree()
    with ledger.operation("test") as operation_id:
        ledger.log_changes([("region", str(uuid.uuid4()), "insert", None, {"name": "光山县"})] * 1024)
        assert json.loads(ledger.scalar("SELECT after FROM change_log ORDER BY id DESC LIMIT 1")) == {
            "name": "光山县"
        }
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            ledger.conn.execute(
                "INSERT INTO change_log (operation_id, entity, entity_uuid, change, after)"
                " VALUES (?, 'region', 'x', 'insert', '{not json')",
                (operation_id,),
            )


# The tables of the migrations after the chain's, children first: the release before it had none of them.
_AFTER_THE_CHAIN = (
    "target_progress", "agreement_target", "agreement", "star_rating", "halfyear_summary",
    "plan_item_photo", "plan_item_activity", "plan_item", "team_days", "team_member", "work_team",
    "region_alias",
)  # fmt: skip


def test_the_migration_links_an_older_files_entries_as_the_app_does(written: Path, clock: FixedClock) -> None:
    linked = _chain(written)
    conn = sqlite3.connect(written)  # the file as the release before the chain left it
    conn.execute("ALTER TABLE change_log DROP COLUMN chain")
    conn.execute("DROP INDEX activity_make_up")
    for table in _AFTER_THE_CHAIN:
        conn.execute(f"DROP TABLE {table}")
    conn.execute(f"PRAGMA user_version = {MIGRATIONS.index(MIGRATION_11)}")
    conn.commit()
    conn.close()
    with open_ledger(written, clock) as upgraded:
        assert upgraded.schema_version == len(MIGRATIONS)
        assert check_ledger(upgraded) == []
    assert _chain(written) == linked
    with pytest.raises(sqlite3.IntegrityError, match="append_only"):  # the trigger is back
        _update_one(written)


def _update_one(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("UPDATE change_log SET after = after WHERE id = 1")
    finally:
        conn.close()


def test_check_names_the_first_entry_changed(written: Path, clock: FixedClock) -> None:
    code, out, _ = cli("check", str(written), clock=clock)
    assert (code, out.splitlines()[0]) == (0, f"{written}：未发现问题")
    # Backdate an activity by rewriting its logged insert: the chain breaks at that entry.
    conn = sqlite3.connect(written)
    entry = conn.execute(
        "SELECT id FROM change_log WHERE entity = 'activity' AND after LIKE '%2022-05-14%'"
    ).fetchone()[0]
    conn.close()
    _tamper(
        written,
        f"UPDATE change_log SET after = replace(after, '2022-05-14', '2022-05-07') WHERE id = {entry}",
    )
    code, out, _ = cli("check", str(written), clock=clock)
    assert code == 1
    assert out.splitlines()[0].startswith(f"变更记录曾在支部联建台账之外被改动：第 {entry} 条（")


@pytest.mark.parametrize(
    ("tampering", "code", "entry"),
    [
        # an action backdated: the chain breaks at its first entry
        ("UPDATE operation SET at = '2022-04-01T01:00:00Z' WHERE id = 3", "check.chain_broken", 3),
        ("DELETE FROM change_log WHERE id = 5", "check.chain_gap", 6),
        (
            "INSERT INTO change_log (id, operation_id, entity, entity_uuid, change, before, after)"
            " SELECT max(id) + 1, 1, 'branch', 'x', 'delete', NULL, NULL FROM change_log",
            "check.chain_broken",
            -1,
        ),
    ],
)
def test_check_names_a_backdated_action_a_removed_entry_and_one_slipped_in(
    written: Path, clock: FixedClock, tampering: str, code: str, entry: int
) -> None:
    last = _chain(written)[-1][0]
    first_of_3 = min(row_id for row_id, _ in _chain(written) if _operation(written, row_id) == 3)
    _tamper(written, tampering)
    with open_ledger(written, clock, read_only=True) as ledger:
        found = check_ledger(ledger)
    named = {3: first_of_3, 6: 6, -1: last + 1}[entry]
    assert [(p.code, p.params["id"]) for p in found] == [(code, named)]


def _operation(path: Path, row_id: int) -> int:
    conn = sqlite3.connect(path)
    found = conn.execute("SELECT operation_id FROM change_log WHERE id = ?", (row_id,)).fetchone()[0]
    conn.close()
    return int(found)


@pytest.mark.parametrize("full", [False, True])
def test_a_package_carries_the_chains_head(
    written: Path, clock: FixedClock, tmp_path: Path, full: bool
) -> None:
    with open_ledger(written, clock) as ledger:
        exported = export_package(ledger, tmp_path / "上报.bdx", full=full, data_dir=tmp_path / "data")
    last_id, last_link = _chain(written)[-1]
    assert exported.manifest.chain_head == ChainHead(last_id, last_link)
    package = read_package(tmp_path / "上报.bdx")
    assert package.manifest.chain_head == ChainHead(last_id, last_link)
    manifest = json.loads(package.manifest.to_bytes())
    assert manifest["chain_head"] == {"seq": last_id, "sha256": last_link}


def test_a_manifest_without_a_head_still_reads() -> None:
    """Packages from before the chain: the key is optional within format version 1."""
    document = json.loads(_manifest_bytes())
    del document["chain_head"]
    assert parse_manifest(json.dumps(document).encode()).chain_head is None


def _manifest_bytes() -> bytes:
    manifest = Manifest(
        package_uuid=str(uuid.uuid4()),
        kind=PackageKind.DELTA,
        app_version="1",
        schema_version=1,
        created_at="2022-05-19T01:00:00Z",
        sender=Sender(str(uuid.uuid4()), None, "ab" * 32),
        from_seq=1,
        to_seq=2,
        previous_package=None,
        counts={},
        members={CHANGES: Member("cd" * 32, 0, 0)},
        chain_head=ChainHead(2, "ef" * 32),
    )
    return manifest.to_bytes()
