"""Opening, refusing and migrating ledger files; one operation is one transaction."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import RegionLevel
from branchdesk.domain.errors import BranchDeskError
from branchdesk.storage import regions
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def refused(path: Path, clock: FixedClock, code: str) -> BranchDeskError:
    before = fingerprint(path)
    with pytest.raises(BranchDeskError) as caught:
        Ledger.open(path, clock)
    assert caught.value.code == code
    assert fingerprint(path) == before, "a refused file must be left byte for byte as it was"
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name], "no journal or side file left"
    return caught.value


def test_new_ledger_is_marked_and_versioned(ledger: Ledger, ledger_path: Path, clock: FixedClock) -> None:
    assert ledger.schema_version == SCHEMA_VERSION
    assert ledger.scalar("PRAGMA application_id") == APPLICATION_ID
    assert ledger.scalar("PRAGMA foreign_keys") == 1
    ledger.close()
    with Ledger.open(ledger_path, clock) as reopened:
        assert reopened.schema_version == SCHEMA_VERSION


def test_create_refuses_an_existing_file(ledger_path: Path, clock: FixedClock) -> None:
    ledger_path.write_text("my notes", encoding="utf-8")
    with pytest.raises(BranchDeskError, match=r"ledger\.exists"):
        Ledger.create(ledger_path, clock)
    assert ledger_path.read_text(encoding="utf-8") == "my notes"


def test_missing_file(tmp_path: Path, clock: FixedClock) -> None:
    with pytest.raises(BranchDeskError) as caught:
        Ledger.open(tmp_path / "不存在.bdesk", clock)
    assert caught.value.code == "ledger.missing"
    assert not (tmp_path / "不存在.bdesk").exists()


@pytest.mark.parametrize("content", [b"", b"name,tier\n\xe6\x9d\x91,weak\n", b"PK\x03\x04 an xlsx perhaps"])
def test_files_that_are_not_sqlite_are_refused(tmp_path: Path, clock: FixedClock, content: bytes) -> None:
    path = tmp_path / "other.bdesk"
    path.write_bytes(content)
    refused(path, clock, "ledger.not_a_ledger")


def test_another_programs_sqlite_file_is_refused(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "other app.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('keep me')")
    conn.commit()
    conn.close()
    refused(path, clock, "ledger.not_a_ledger")


def test_newer_ledger_is_refused(ledger: Ledger, ledger_path: Path, clock: FixedClock) -> None:
    ledger.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    ledger.close()
    error = refused(ledger_path, clock, "ledger.newer_version")
    assert error.params["file_version"] == SCHEMA_VERSION + 1
    assert error.params["app_version"] == SCHEMA_VERSION


def test_damaged_file_is_refused(ledger: Ledger, ledger_path: Path, clock: FixedClock) -> None:
    ledger.close()
    data = bytearray(ledger_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # keep the header, wreck the schema page
    ledger_path.write_bytes(bytes(data))
    refused(ledger_path, clock, "ledger.damaged")


def test_migrations_apply_in_order(ledger: Ledger, ledger_path: Path, clock: FixedClock) -> None:
    ledger.close()
    later = (*MIGRATIONS, "CREATE TABLE later_one (x INTEGER);", "ALTER TABLE later_one ADD COLUMN y TEXT;")
    with Ledger.open(ledger_path, clock, migrations=later) as upgraded:
        assert upgraded.schema_version == SCHEMA_VERSION + 2
        columns = [row["name"] for row in upgraded.query("PRAGMA table_info(later_one)")]
        assert columns == ["x", "y"]


def test_failed_migration_leaves_the_file_at_its_version(
    ledger: Ledger, ledger_path: Path, clock: FixedClock
) -> None:
    ledger.close()
    broken = (*MIGRATIONS, "CREATE TABLE half_done (x INTEGER);\nCREATE TABLE broken (;")
    with pytest.raises(BranchDeskError) as caught:
        Ledger.open(ledger_path, clock, migrations=broken)
    assert caught.value.code == "ledger.migration_failed"
    assert caught.value.params["version"] == SCHEMA_VERSION + 1
    with Ledger.open(ledger_path, clock) as reopened:
        assert reopened.schema_version == SCHEMA_VERSION
        assert reopened.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'") == 0


def test_an_operation_is_all_or_nothing_and_logged(ledger: Ledger) -> None:
    def interrupted() -> None:
        with ledger.operation("test.fails"):
            regions.add_region(ledger, "信阳市", RegionLevel.CITY, None)
            raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        interrupted()
    assert ledger.scalar("SELECT count(*) FROM region") == 0
    assert ledger.scalar("SELECT count(*) FROM operation WHERE action = 'test.fails'") == 0

    with ledger.operation("region.add"):
        city = regions.add_region(ledger, "信阳市", RegionLevel.CITY, None, "411500")
    logged = ledger.query(
        "SELECT o.action, c.entity, c.change, json_extract(c.after, '$.name') AS name"
        " FROM change_log c JOIN operation o ON o.id = c.operation_id WHERE c.entity = 'region'"
    )
    assert logged == [{"action": "region.add", "entity": "region", "change": "insert", "name": "信阳市"}]
    assert ledger.row("region", city)["created_at"] == "2022-05-19T01:00:00Z"  # type: ignore[index]


def test_read_only_ledger_refuses_writes(ledger: Ledger, ledger_path: Path, clock: FixedClock) -> None:
    ledger.close()
    with Ledger.open(ledger_path, clock, read_only=True) as read_only:
        assert read_only.scalar("SELECT count(*) FROM holiday_year") > 0
        with pytest.raises(BranchDeskError, match=r"ledger\.read_only"), read_only.operation("x"):
            pass


def test_a_failed_creation_leaves_the_old_file_and_no_leftovers(ledger_path: Path, clock: FixedClock) -> None:
    ledger_path.write_bytes(b"the clerk's previous file")

    def fails(ledger: Ledger) -> None:
        with ledger.operation("fill"):
            regions.add_region(ledger, "信阳市", RegionLevel.CITY, None)
        raise OSError(28, "No space left on device")

    with pytest.raises(BranchDeskError) as caught:
        Ledger.create(ledger_path, clock, overwrite=True, fill=fails)
    assert caught.value.code == "ledger.cannot_write"
    assert ledger_path.read_bytes() == b"the clerk's previous file"
    assert [p.name for p in ledger_path.parent.iterdir()] == [ledger_path.name]
