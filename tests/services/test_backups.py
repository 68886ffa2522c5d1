"""Backups: consistent copies in the data folder, listed with counts, rotated, restored exactly."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind
from branchdesk.domain.errors import BranchDeskError
from branchdesk.services.backups import backup_due, backup_folder, list_backups, restore_backup, take_backup
from branchdesk.services.check import check_ledger
from branchdesk.services.demo import generate_demo
from branchdesk.storage import branches
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder


def rows(path: Path, clock: FixedClock) -> list[tuple[object, ...]]:
    with Ledger.open(path, clock, read_only=True) as ledger:
        return [tuple(r.values()) for r in ledger.query("SELECT * FROM branch ORDER BY id")]


def test_backup_and_restore_give_back_exactly_the_rows(
    build: LedgerBuilder, ledger: Ledger, clock: FixedClock, tmp_path: Path
) -> None:
    tree = build.tree()
    build.villages(tree["hc_chengguan"], 5)
    data = tmp_path / "数据"
    backup = take_backup(ledger.path, data, clock, "manual")
    assert backup.parent == backup_folder(data, ledger.path)
    saved = rows(ledger.path, clock)
    build.villages(tree["gs_chengguan"], 3, prefix="后加")
    ledger.close()
    assert rows(ledger.path, clock) != saved

    clock.moment += dt.timedelta(minutes=5)
    safety = restore_backup(ledger.path, backup, data, clock)
    assert rows(ledger.path, clock) == saved
    assert safety is not None
    assert len(rows(safety, clock)) == len(saved) + 3
    [newest, oldest] = list_backups(ledger.path, data, clock)
    assert (newest.reason, oldest.reason) == ("before-restore", "manual")
    assert oldest.counts == (5, 0, 0)
    assert newest.counts == (8, 0, 0)


def test_a_backup_taken_while_another_connection_writes_is_healthy(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "county.bdesk"
    generate_demo(path, "township", clock=clock)
    stop = threading.Event()

    def writer() -> None:
        with Ledger.open(path, clock) as ledger:
            region = int(ledger.scalar("SELECT id FROM region WHERE level = 'township' LIMIT 1"))
            number = 0
            while not stop.is_set():
                with ledger.operation("test.write"):
                    branches.add_branch(ledger, f"新村{number}党支部", BranchKind.VILLAGE, region)
                number += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        backup = take_backup(path, tmp_path / "data", clock, "manual")
    finally:
        stop.set()
        thread.join()
    with Ledger.open(backup, clock, read_only=True) as copy:
        assert check_ledger(copy) == []
        assert int(copy.scalar("SELECT count(*) FROM branch")) >= 80


def test_rotation_keeps_what_it_promises(ledger: Ledger, clock: FixedClock, tmp_path: Path) -> None:
    data = tmp_path / "data"
    start = clock.moment
    for hours in range(0, 24 * 20, 6):  # four a day for twenty days
        clock.moment = start + dt.timedelta(hours=hours)
        take_backup(ledger.path, data, clock, "auto")
    kept = list_backups(ledger.path, data, clock)
    days = {info.taken_at.date() for info in kept}
    assert len(kept) < 4 * 20
    assert {(clock.moment - dt.timedelta(days=d)).date() for d in range(7)} <= days
    assert kept[0].taken_at == clock.moment.replace(tzinfo=None)


def test_backup_due_only_after_the_interval_and_a_change(
    build: LedgerBuilder, ledger: Ledger, clock: FixedClock, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    tree = build.tree()
    assert backup_due(ledger, data, clock.now())  # never backed up, and holds work
    take_backup(ledger.path, data, clock, "auto")
    later = clock.now() + dt.timedelta(days=1)
    assert not backup_due(ledger, data, later), "nothing changed since"
    build.villages(tree["hc_renhe"], 1)
    assert backup_due(ledger, data, later)
    assert not backup_due(ledger, data, clock.now() + dt.timedelta(hours=1)), "too soon"


def test_a_damaged_backup_is_refused_and_the_ledger_left_alone(
    ledger: Ledger, clock: FixedClock, tmp_path: Path
) -> None:
    ledger.close()
    bad = tmp_path / "坏的.bdesk"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    before = ledger.path.read_bytes()
    with pytest.raises(BranchDeskError) as caught:
        restore_backup(ledger.path, bad, tmp_path / "data", clock)
    assert caught.value.code == "backup.damaged"
    assert ledger.path.read_bytes() == before


def test_an_older_ledger_is_backed_up_before_it_is_upgraded(
    ledger: Ledger, clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from branchdesk.services import ledgers
    from branchdesk.storage import schema

    ledger.close()
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, "CREATE TABLE later_one (x INTEGER);"))
    original = Ledger.open

    def open_with_new_migrations(*args: object, **kwargs: object) -> Ledger:
        return original(*args, migrations=schema.MIGRATIONS, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ledgers.Ledger, "open", open_with_new_migrations)
    data = tmp_path / "data"
    with ledgers.open_ledger(ledger.path, clock, data_dir=data) as upgraded:
        assert upgraded.schema_version == len(schema.MIGRATIONS)
    [backup] = list_backups(ledger.path, data, clock)
    assert backup.reason == "migration"
    with original(backup.path, clock, read_only=True) as copy:
        assert copy.schema_version == len(schema.MIGRATIONS) - 1
