"""``branchdesk-cli package import LEDGER FILE... [--dry-run] [--json] [--take theirs|mine]`` (issue #18):
a county made by ``demo --scale county`` seeds its townships (``package export --scope``, ``new --from``),
they work offline and send deltas, and the county's dry run and import say and do what DESIGN.md §9 says.
Every check reads the rows in the files."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import json
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from branchdesk.cli import EXIT_FAILED, EXIT_OK, run
from branchdesk.domain.activities import ActivityDraft
from branchdesk.domain.agreements import Progress
from branchdesk.domain.attendance import Absentee, Attendance
from branchdesk.domain.enums import ActivityType, Area, BranchKind, ItemKind
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.package_merge import Settlement, Take
from branchdesk.domain.packages import CHANGES, MANIFEST, SIGNATURE, canonical_json
from branchdesk.domain.photos import PhotoEntry
from branchdesk.domain.plan_items import ItemDraft
from branchdesk.exchange import package_import
from branchdesk.exchange.package_import import ImportResult, import_packages
from branchdesk.services.activities import activity_draft, delete_activities, edit_activity, record_activities
from branchdesk.services.agreements import pairing_agreement, save_agreement
from branchdesk.services.history import UndoHistory, changed
from branchdesk.services.ledger_keys import key_path, ledger_key
from branchdesk.services.ledgers import open_ledger
from branchdesk.services.photos import photos_of, prepare
from branchdesk.services.plan_items import add_item, close_item
from branchdesk.storage import activities as activities_store
from branchdesk.storage import identity as identity_store
from branchdesk.storage import package_import as import_store
from branchdesk.storage import packages as package_store
from branchdesk.storage.check import broken_link
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder
from tests.exchange.test_package_files import rezip
from tests.offices import CLOCK, TOWNSHIPS, Offices
from tests.photo_files import write_jpeg


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), clock=CLOCK, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def send(township: Path, out: Path, *flags: str) -> Path:
    code, _, err = cli("package", "export", str(township), str(out), *flags)
    assert (code, err) == (EXIT_OK, "")
    return out


def activity_sent(township: Path, held_on: str, out: Path) -> Path:
    """An activity recorded in the township on ``held_on``, then its delta written to ``out``."""
    with open_ledger(township, CLOCK) as ledger:
        LedgerBuilder(ledger).activity(open_pairing(ledger), held_on)
    return send(township, out)


def imported(county: Path, *files: Path, flags: tuple[str, ...] = ()) -> tuple[int, dict[str, Any], str]:
    code, printed, err = cli("package", "import", str(county), *map(str, files), "--json", *flags)
    return code, json.loads(printed) if printed else {}, err


def records(path: Path, table: str) -> dict[str, dict[str, Any]]:
    """The rows of ``table`` as packages carry them (uuids for references), by uuid."""
    with open_ledger(path, CLOCK, read_only=True) as ledger:
        if table == "activity_area":
            return {f"{row['activity_uuid']}/{row['area']}": row for row in package_store.rows(ledger, table)}
        return {row["uuid"]: row for row in package_store.rows(ledger, table)}


def file_state(path: Path) -> tuple[int, int, int]:
    """What an import would change: the change log, the package log and the pinned keys."""
    with open_ledger(path, CLOCK, read_only=True) as ledger:
        return (
            ledger.scalar("SELECT count(*) FROM change_log"),
            ledger.scalar("SELECT count(*) FROM package_log"),
            ledger.scalar("SELECT count(*) FROM pinned_key"),
        )


def open_pairing(ledger: Ledger) -> int:
    """A pairing still running in the township's own scope (its grassroots branch there)."""
    scope = identity_store.identity(ledger).scope_region_id
    return int(
        ledger.scalar(
            "SELECT p.id FROM pairing p JOIN branch g ON g.id = p.grassroots_id"
            " WHERE p.ended_on IS NULL AND g.region_id = ? ORDER BY p.id LIMIT 1",
            (scope,),
        )
    )


def first_activity(ledger: Ledger, offset: int = 0) -> tuple[int, str]:
    row = ledger.query("SELECT id, uuid FROM activity ORDER BY id LIMIT 1 OFFSET ?", (offset,))[0]
    return int(row["id"]), str(row["uuid"])


def edit(path: Path, table: str, uuid: str, **values: Any) -> None:
    """One edit of one record, as one operation (as a dialog saves it)."""
    with open_ledger(path, CLOCK) as ledger:
        row_id = ledger.scalar(f"SELECT id FROM {table} WHERE uuid = ?", (uuid,))
        with ledger.operation(f"{table}.edit"):
            ledger.update(table, row_id, values)


def test_a_townships_delta_is_counted_then_imported_as_one_undoable_step(offices: Offices) -> None:
    township = offices.township()
    with open_ledger(township, CLOCK) as ledger:
        build = LedgerBuilder(ledger)
        scope = identity_store.identity(ledger).scope_region_id
        assert scope is not None
        added = build.activity(open_pairing(ledger), "2022-05-10", areas=(Area.ORGANISATION, Area.SERVICE))
        build.branch("新建村党支部", BranchKind.VILLAGE, scope)
        edited_id, edited = first_activity(ledger)
        gone_id, gone = first_activity(ledger, 1)
        gone_areas = ledger.scalar("SELECT count(*) FROM activity_area WHERE activity_id = ?", (gone_id,))
        with ledger.operation("activity.edit"):
            ledger.update("activity", edited_id, {"volunteers": 41, "summary": "乡镇改过"})
        delete_activities(ledger, [gone_id])
        added_uuid = ledger.scalar("SELECT uuid FROM activity WHERE id = ?", (added,))
    delta = send(township, offices.folder / "春申街道 5月.bdx")
    before = file_state(offices.county)

    code, summary, err = imported(offices.county, delta, flags=("--dry-run",))
    assert (code, err) == (EXIT_OK, "")
    # new: the activity, its two areas, the branch; updated: the edit, the deletion and its areas
    assert summary["counts"] == {
        "new": 4,
        "updated": 2 + gone_areas,
        "unchanged": 0,
        "applied_before": 0,
        "merged": 0,
        "conflicts": 0,
        "rejected": 0,
    }
    assert summary["packages"][0]["result"] == "dry_run"
    assert summary["packages"][0]["scope"] == "信阳市/潢川县/春申街道"
    assert file_state(offices.county) == before
    assert added_uuid not in records(offices.county, "activity")

    code, summary, err = imported(offices.county, delta)
    assert (code, err) == (EXIT_OK, "")
    assert summary["packages"][0]["result"] == "applied"
    county_rows = records(offices.county, "activity")
    township_rows = records(township, "activity")
    for uuid in (added_uuid, edited):
        assert county_rows[uuid] == township_rows[uuid]
    assert county_rows[edited]["volunteers"] == 41
    assert gone not in county_rows
    county_areas = records(offices.county, "activity_area")
    assert {key for key in county_areas if key.startswith(added_uuid)} == {
        f"{added_uuid}/organisation",
        f"{added_uuid}/service",
    }
    assert "新建村党支部" in {row["name"] for row in records(offices.county, "branch").values()}
    with open_ledger(offices.county, CLOCK) as ledger:
        log = ledger.query("SELECT * FROM package_log WHERE direction = 'received'")
        assert [(line["kind"], line["result"], line["from_seq"]) for line in log] == [("delta", "applied", 1)]
        assert ledger.scalar("SELECT count(*) FROM pinned_key") == 1
        operation = log[0]["operation_id"]
        assert ledger.scalar("SELECT action FROM operation WHERE id = ?", (operation,)) == "package.import"
        # Its changes are this ledger's now: they travel on upward in its next delta.
        assert (
            ledger.scalar("SELECT count(*) FROM change_log WHERE operation_id = ?", (operation,))
            == 6 + gone_areas
        )

        history = UndoHistory(ledger)
        history.record(changed(ledger, operation))
        history.undo()
        assert ledger.scalar("SELECT count(*) FROM activity WHERE uuid = ?", (added_uuid,)) == 0
        assert ledger.scalar("SELECT count(*) FROM activity WHERE uuid = ?", (gone,)) == 1
        assert ledger.scalar("SELECT count(*) FROM applied_operation WHERE applied = 1") == 0
    # Undone, the same package imports again, whole.
    code, summary, _ = imported(offices.county, delta)
    assert code == EXIT_OK
    assert summary["counts"]["new"] == 4
    assert summary["counts"]["applied_before"] == 0
    assert records(offices.county, "activity")[added_uuid] == township_rows[added_uuid]


def test_an_activitys_absentees_travel_with_it(offices: Offices) -> None:
    township = offices.township()
    with open_ledger(township, CLOCK) as ledger:
        activity = LedgerBuilder(ledger).activity(open_pairing(ledger), "2022-05-10")
        with ledger.operation("activity.attendance"):
            kept = ledger.insert(
                "activity_absentee", {"activity_id": activity, "name": "张三", "reason": "外出务工"}
            )
            gone = ledger.insert(
                "activity_absentee", {"activity_id": activity, "name": "李四", "reason": None}
            )
        with ledger.operation("activity.attendance"):
            ledger.delete("activity_absentee", gone)
            ledger.update("activity_absentee", kept, {"reason": "在外务工，已补学"})
        activity_uuid = ledger.scalar("SELECT uuid FROM activity WHERE id = ?", (activity,))
    code, summary, _ = imported(offices.county, send(township, offices.folder / "缺席.bdx"))
    assert code == EXIT_OK
    assert summary["counts"]["rejected"] == 0
    county = records(offices.county, "activity_absentee")
    for uuid, row in records(township, "activity_absentee").items():
        assert county[uuid] == row
    assert [
        (row["name"], row["reason"]) for row in county.values() if row["activity_uuid"] == activity_uuid
    ] == [("张三", "在外务工，已补学")]


def test_the_three_lists_travel_as_the_townships_rows(offices: Offices) -> None:
    """A need, a resource and the project matching them, linked to the activity that did it and ticked off
    in the township, arrive whole in the county: the township owns its pairings' lists (docs/packages.md)."""
    township = offices.township()
    before = {table: set(records(township, table)) for table in ("plan_item", "plan_item_activity")}
    with open_ledger(township, CLOCK) as ledger:
        pairing = open_pairing(ledger)
        activity = LedgerBuilder(ledger).activity(pairing, "2022-05-10")
        opened = dt.date(2022, 5, 1)
        add_item(ledger, ItemDraft(pairing, ItemKind.NEED, "村道硬化", opened))
        add_item(ledger, ItemDraft(pairing, ItemKind.RESOURCE, "单位帮扶资金", opened))
        resource, need = (
            row["id"] for row in ledger.query("SELECT id FROM plan_item ORDER BY id DESC LIMIT 2")
        )
        project = ItemDraft(
            pairing, ItemKind.PROJECT, "村道硬化工程", opened, need_id=need, resource_id=resource
        )
        add_item(ledger, project, [activity])
        done = ledger.scalar("SELECT max(id) FROM plan_item")
        close_item(ledger, done, dt.date(2022, 5, 12), "已完工验收")
    code, summary, _ = imported(offices.county, send(township, offices.folder / "清单.bdx"))
    assert code == EXIT_OK
    assert summary["counts"]["rejected"] == 0
    for table in ("plan_item", "plan_item_activity"):
        county = records(offices.county, table)
        sent = {uuid: row for uuid, row in records(township, table).items() if uuid not in before[table]}
        assert len(sent) == (3 if table == "plan_item" else 1)
        assert {uuid: county[uuid] for uuid in sent} == sent


def test_an_activitys_photos_travel_with_it_as_rows(offices: Offices, tmp_path: Path) -> None:
    """The photo rows (hash, place, caption, capture time and its check) go up with the activity, with the
    thumbnails (tests/test_package_photos.py); a full package carries the pictures too."""
    township = offices.township()
    picture = write_jpeg(tmp_path / "照片" / "走访.jpg", taken="2022:05:14 09:00:00")
    with open_ledger(township, CLOCK) as ledger:
        (ready,) = prepare(ledger.path, [picture], lambda done, total: None)
        assert ready.photo is not None
        draft = ActivityDraft(dt.date(2022, 5, 14), ActivityType.THEMED_DAY, frozenset({Area.SERVICE}), 3)
        entry = PhotoEntry(ready.photo.sha256, "入户走访", image=ready.photo)
        record_activities(ledger, [open_pairing(ledger)], draft, photos=[entry])
    code, summary, _ = imported(offices.county, send(township, offices.folder / "照片.bdx"))
    assert code == EXIT_OK
    assert summary["counts"]["rejected"] == 0
    (row,) = records(offices.county, "photo").values()
    assert row == next(iter(records(township, "photo").values()))
    assert (row["sha256"], row["caption"], row["date_check"]) == (ready.photo.sha256, "入户走访", "ok")
    # A full package and a ledger made from it carry the thumbnail and the picture.
    full = send(township, offices.folder / "全部.bdx", "--full")
    remade = offices.folder / "重建.bdesk"
    assert cli("new", str(remade), "--from", str(full))[0] == EXIT_OK
    with open_ledger(remade, CLOCK, read_only=True) as copy:
        (photo,) = [
            p
            for photos in photos_of(
                copy, [row["id"] for row in copy.query("SELECT id FROM activity")]
            ).values()
            for p in photos
        ]
    assert photo.thumbnail == ready.photo.thumbnail
    assert photo.present


def test_the_same_package_twice_changes_nothing(offices: Offices) -> None:
    township = offices.township()
    delta = activity_sent(township, "2022-05-10", offices.folder / "一.bdx")
    assert imported(offices.county, delta)[0] == EXIT_OK
    rows = records(offices.county, "activity")
    changes = file_state(offices.county)[0]

    code, summary, _ = imported(offices.county, delta)
    assert code == EXIT_OK
    assert summary["counts"]["applied_before"] == 2  # the activity and its area
    assert sum(summary["counts"].values()) == 2
    assert summary["packages"][0]["result"] == "applied_before"
    assert records(offices.county, "activity") == rows
    assert file_state(offices.county)[0] == changes

    # Without receipts the next delta carries the first one's changes again: only the new ones count.
    second = activity_sent(township, "2022-05-12", offices.folder / "二.bdx")
    code, summary, _ = imported(offices.county, second)
    assert (summary["counts"]["applied_before"], summary["counts"]["new"]) == (2, 2)


def test_a_dry_run_of_overlapping_deltas_counts_what_the_import_does(offices: Offices) -> None:
    """Without receipts the second delta repeats the first: in one run its repeated operations are applied
    before, in the dry run exactly as in the import."""
    township = offices.township()
    first = activity_sent(township, "2022-05-10", offices.folder / "一.bdx")
    second = activity_sent(township, "2022-05-12", offices.folder / "二.bdx")
    expected = {"new": 4, "applied_before": 2}
    for flags in (("--dry-run",), ()):
        code, summary, _ = imported(offices.county, second, first, flags=flags)
        assert code == EXIT_OK
        assert {key: summary["counts"][key] for key in expected} == expected
    with open_ledger(offices.county, CLOCK, read_only=True) as ledger:
        received = ledger.query("SELECT from_seq, result FROM package_log WHERE direction = 'received'")
    assert sorted((line["from_seq"], line["result"]) for line in received) == [(1, "applied"), (1, "applied")]


def test_the_operations_marked_applied_are_the_same_when_written_one_at_a_time(
    offices: Offices, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import keeps the senders' operations it marks applied and writes them in key order just before
    it commits (or storage/package_import._MARKS_AT at a time), several an INSERT: written one by one
    after every package instead, the file holds the same marks and the same change log, and the repeated
    operations of overlapping deltas count as applied before either way."""
    township = offices.township()
    first = activity_sent(township, "2022-05-10", offices.folder / "一.bdx")
    second = activity_sent(township, "2022-05-12", offices.folder / "二.bdx")
    copy = offices.folder / "副本.bdesk"
    shutil.copyfile(offices.county, copy)
    logged_before = file_state(copy)[0]

    def written(path: Path) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        with open_ledger(path, CLOCK, read_only=True) as ledger:
            marks = ledger.conn.execute(
                "SELECT op_uuid, sender_ledger_id, seq, applied FROM applied_operation ORDER BY op_uuid"
            ).fetchall()
            log = ledger.conn.execute(
                "SELECT id, entity, entity_uuid, change, before, after FROM change_log ORDER BY id"
            ).fetchall()
        return marks, log

    monkeypatch.setattr(import_store, "_MARK_ROWS", 2)  # several marks an INSERT, here too
    code, buffered, _ = imported(offices.county, second, first)
    monkeypatch.setattr(import_store, "_MARKS_AT", 1)
    assert imported(copy, second, first) == (code, buffered, "")
    assert code == EXIT_OK
    assert buffered["counts"]["applied_before"] == 2
    marks, log = written(copy)
    assert len(marks) >= 2
    assert len(log) >= logged_before + 4  # two activities, each with its areas
    assert (marks, log) == written(offices.county)
    assert cli("check", str(copy))[0] == EXIT_OK


def test_operations_applied_before_are_found_in_the_file_and_among_this_imports_own(
    offices: Offices,
) -> None:
    """An import holds the operations it marks until it commits, and looks up those of earlier imports in
    the file only while it has any in effect: a run of two deltas repeating the first one (imported before)
    meets its operations in the file, and the second's in the third among its own; after that import was
    undone, its operations count as not applied."""
    township = offices.township()
    deltas = []
    for number, day in enumerate(("2022-05-10", "2022-05-12", "2022-05-14")):
        with open_ledger(township, CLOCK) as ledger:
            LedgerBuilder(ledger).activity(open_pairing(ledger), day)
        deltas.append(send(township, offices.folder / f"{number}.bdx"))
    first, second, third = deltas
    code, summary, _ = imported(offices.county, first)
    assert (code, summary["counts"]["new"]) == (EXIT_OK, 2)
    undone = shutil.copyfile(offices.county, offices.folder / "撤销后.bdesk")
    with open_ledger(undone, CLOCK) as ledger:
        history = UndoHistory(ledger)
        operation = ledger.scalar("SELECT operation_id FROM package_log WHERE direction = 'received'")
        history.record(changed(ledger, operation))
        history.undo()
        assert ledger.scalar("SELECT count(*) FROM applied_operation WHERE applied = 1") == 0

    code, summary, _ = imported(offices.county, third, second)
    assert code == EXIT_OK
    # The first activity (two lines) applied before in each delta, the second's in the third again.
    assert (summary["counts"]["applied_before"], summary["counts"]["new"]) == (2 + 2 + 2, 4)
    code, summary, _ = imported(undone, third, second)
    assert code == EXIT_OK
    assert (summary["counts"]["applied_before"], summary["counts"]["new"]) == (2 + 2, 6)
    with open_ledger(undone, CLOCK, read_only=True) as ledger:
        assert ledger.scalar("SELECT count(*) FROM applied_operation WHERE applied = 1") == 3
    assert records(undone, "activity") == records(offices.county, "activity")


def test_an_operations_seq_is_marked_as_the_line_has_it(offices: Offices) -> None:
    """The marks keep each operation's last seq as SQLite takes the line's value: written as text by a
    sender with a bug, the same marks as for the number (the import holds integers compactly, anything
    else as it is)."""
    township = offices.township()
    delta = activity_sent(township, "2022-05-10", offices.folder / "一.bdx")
    texts = shutil.copyfile(delta, offices.folder / "文本.bdx")
    with zipfile.ZipFile(texts) as archive:
        lines = [json.loads(line) for line in archive.read(CHANGES).splitlines()]
    changes = b"".join(canonical_json({**line, "seq": str(line["seq"])}) + b"\n" for line in lines)

    def with_changes(manifest: dict[str, Any]) -> None:
        manifest["members"][CHANGES].update(sha256=hashlib.sha256(changes).hexdigest(), size=len(changes))

    resigned(texts, township, offices.data_dir, with_changes, {CHANGES: changes})
    copy = shutil.copyfile(offices.county, offices.folder / "副本.bdesk")
    assert imported(offices.county, delta)[:1] == imported(copy, texts)[:1] == (EXIT_OK,)
    marks = []
    for path in (offices.county, copy):
        with open_ledger(path, CLOCK, read_only=True) as ledger:
            marks.append(ledger.query("SELECT op_uuid, seq, typeof(seq) AS type FROM applied_operation"))
    assert marks[0] == marks[1]
    assert [mark["type"] for mark in marks[0]] == ["integer"]


def test_a_gap_in_the_sequence_asks_for_a_new_package(offices: Offices) -> None:
    township = offices.township()
    first = activity_sent(township, "2022-05-10", offices.folder / "一.bdx")
    with open_ledger(township, CLOCK) as ledger:  # as if the county had acknowledged the first package
        package_store.record_package(
            ledger,
            "received",
            {
                "package_uuid": "00000000-0000-4000-8000-000000000001",
                "kind": "receipt",
                "sender_ledger_id": "00000000-0000-4000-8000-000000000002",
                "to_seq": package_store.last_sequence(ledger),
                "sha256": "0" * 64,
                "fingerprint": "-",
                "result": "applied",
                "at": "2022-05-19T00:00:00Z",
                "acknowledges": package_store.last_sent(ledger),  # the first package
            },
        )
        LedgerBuilder(ledger).activity(open_pairing(ledger), "2022-05-12")
    second = send(township, offices.folder / "二.bdx")
    before = file_state(offices.county)

    code, summary, err = imported(offices.county, second)
    assert code == EXIT_FAILED
    assert summary["rejected"] == [
        {"table": "package", "uuid": summary["packages"][0]["package_uuid"], "reason": "gap"}
    ]
    assert summary["packages"][0]["result"] == "refused"
    assert "请向信阳市/潢川县/春申街道重新索要数据包" in err
    assert file_state(offices.county)[0] == before[0]

    code, summary, err = imported(offices.county, second, first)  # in any order: by sequence
    assert (code, err) == (EXIT_OK, "")
    assert [package["result"] for package in summary["packages"]] == ["applied", "applied"]
    assert summary["counts"]["new"] == 4


def test_changes_outside_the_senders_scope_are_rejected_row_by_row(offices: Offices) -> None:
    township = offices.township()
    with open_ledger(township, CLOCK) as ledger:
        pairing = ledger.query("SELECT uuid, organ_id FROM pairing WHERE id = ?", (open_pairing(ledger),))[0]
        organ = ledger.scalar("SELECT uuid FROM branch WHERE id = ?", (pairing["organ_id"],))
        LedgerBuilder(ledger).activity(open_pairing(ledger), "2022-05-10")
    edit(township, "pairing", pairing["uuid"], note="乡镇改了结对")
    edit(township, "branch", organ, secretary="乡镇改了书记")
    delta = send(township, offices.folder / "越权.bdx")
    pairings = records(offices.county, "pairing")

    code, summary, _ = imported(offices.county, delta)
    assert code == EXIT_OK
    assert summary["counts"]["rejected"] == 2
    assert sorted((row["table"], row["uuid"], row["reason"]) for row in summary["rejected"]) == sorted(
        [("pairing", pairing["uuid"], "outside_scope"), ("branch", organ, "outside_scope")]
    )
    assert summary["counts"]["new"] == 2  # the township's own activity is taken
    assert records(offices.county, "pairing") == pairings


def test_the_windows_dry_run_names_every_row(offices: Offices) -> None:
    """keep_rows: one result a line, each with the label a clerk knows the record by."""
    township = offices.township()
    with open_ledger(township, CLOCK) as ledger:
        pairing = ledger.query(
            "SELECT p.uuid, o.name AS organ, g.name AS grassroots FROM pairing p"
            " JOIN branch o ON o.id = p.organ_id JOIN branch g ON g.id = p.grassroots_id WHERE p.id = ?",
            (open_pairing(ledger),),
        )[0]
        LedgerBuilder(ledger).activity(open_pairing(ledger), "2022-05-10", areas=(Area.SERVICE,))
    edit(township, "pairing", pairing["uuid"], note="乡镇改了结对")
    delta = send(township, offices.folder / "标签.bdx")
    with open_ledger(offices.county, CLOCK) as ledger:
        result = import_packages(ledger, [delta], apply=False, keep_rows=True)
    assert [(row.table, row.outcome.value, row.label) for row in result.rows] == [
        ("activity", "new", "2022-05-10 themed_day"),
        ("activity_area", "new", "2022-05-10 themed_day · service"),
        ("pairing", "rejected", f"{pairing['organ']} ↔ {pairing['grassroots']}"),
    ]


def test_a_county_forwards_its_townships_changes_to_the_city(offices: Offices, tmp_path: Path) -> None:
    """The county's import is in its own change log, so its delta to the city carries it, accepted there
    because the townships lie in the county."""
    full = send(offices.county, offices.folder / "潢川县 全部.bdx", "--full")
    city = tmp_path / "信阳市.bdesk"
    assert cli("new", str(city), "--from", str(full))[0] == EXIT_OK
    township = offices.township()
    with open_ledger(township, CLOCK) as ledger:
        added = LedgerBuilder(ledger).activity(open_pairing(ledger), "2022-05-10")
        added_uuid = ledger.scalar("SELECT uuid FROM activity WHERE id = ?", (added,))
    assert imported(offices.county, send(township, offices.folder / "乡.bdx"))[0] == EXIT_OK
    code, summary, _ = imported(city, send(offices.county, offices.folder / "县.bdx"))
    assert code == EXIT_OK
    assert (summary["counts"]["new"], summary["counts"]["rejected"]) == (2, 0)
    assert records(city, "activity")[added_uuid] == records(township, "activity")[added_uuid]


def test_a_package_of_another_county_is_refused_whole(offices: Offices, tmp_path: Path) -> None:
    other = tmp_path / "光山县 某镇.bdesk"
    assert cli("new", str(other), "--region", "信阳市/光山县/十里镇")[0] == EXIT_OK
    with open_ledger(other, CLOCK) as ledger:
        LedgerBuilder(ledger).branch(
            "十里村党支部", BranchKind.VILLAGE, identity_store.identity(ledger).scope_region_id or 0
        )
    delta = send(other, tmp_path / "光山.bdx")
    before = file_state(offices.county)
    code, printed, err = cli("package", "import", str(offices.county), str(delta))
    assert (code, printed) == (EXIT_FAILED, "")
    assert "信阳市/光山县/十里镇" in err
    assert "未导入任何内容" in err
    assert file_state(offices.county) == before


def test_another_townships_seed_is_refused_whole_and_its_own_seed_is_taken(offices: Offices) -> None:
    """A county's seeds lie side by side in one folder: the clerk of 春申街道 picking 双柳树镇's seed would
    have added that township's 6,856 records to this ledger."""
    township = offices.township(TOWNSHIPS[0])
    before = file_state(township)
    for flags in (("--dry-run",), ()):
        code, printed, err = cli(
            "package", "import", str(township), str(offices.folder / f"{TOWNSHIPS[1]} 种子.bdx"), *flags
        )
        assert (code, printed) == (EXIT_FAILED, "")
        assert (
            f"是信阳市/潢川县/{TOWNSHIPS[1]}的初始数据包，而本台账记的是信阳市/潢川县/{TOWNSHIPS[0]}" in err
        )
        assert "未导入任何内容" in err
        assert file_state(township) == before
    code, summary, _ = imported(township, offices.folder / f"{TOWNSHIPS[0]} 种子.bdx")
    assert code == EXIT_OK
    assert (summary["counts"]["new"], summary["counts"]["rejected"]) == (0, 0)
    assert summary["counts"]["applied_before"] > 0


@pytest.mark.parametrize("flags", [("--full",), ()], ids=["full", "changes"])
def test_the_countys_full_package_or_changes_are_refused_by_a_township(
    offices: Offices, flags: tuple[str, ...]
) -> None:
    """They hold every township's records: a township takes the county's in its own seed."""
    county_package = send(offices.county, offices.folder / "潢川县 上报.bdx", *flags)
    township = offices.township(TOWNSHIPS[0])
    before = file_state(township)
    code, printed, err = cli("package", "import", str(township), str(county_package))
    assert (code, printed) == (EXIT_FAILED, "")
    assert "来自上级单位信阳市/潢川县，含其所有下级单位的记录" in err
    assert f"上级单位应为信阳市/潢川县/{TOWNSHIPS[0]}导出初始数据包" in err
    assert file_state(township) == before


def conflict_setup(offices: Offices) -> tuple[Path, str]:
    """The same activity edited in the township and in the county, differently."""
    township = offices.township()
    with open_ledger(township, CLOCK) as ledger:
        _, uuid = first_activity(ledger)
    edit(township, "activity", uuid, volunteers=9, location="村部")
    edit(offices.county, "activity", uuid, volunteers=7, location="县委")
    return send(township, offices.folder / "冲突.bdx"), uuid


def test_a_conflict_leaves_the_ledger_unchanged_without_take(offices: Offices) -> None:
    delta, uuid = conflict_setup(offices)
    before = file_state(offices.county)
    code, summary, err = imported(offices.county, delta)
    assert code == EXIT_FAILED
    assert "1 条记录" in err
    assert "--take" in err
    assert summary["counts"]["conflicts"] == 1
    [conflict] = summary["conflicts"]
    assert (conflict["table"], conflict["uuid"], conflict["columns"]) == (
        "activity",
        uuid,
        ["location", "volunteers"],
    )
    assert (conflict["mine"]["volunteers"], conflict["theirs"]["volunteers"]) == (7, 9)
    assert summary["packages"][0]["result"] == "not_applied"
    assert file_state(offices.county) == before
    assert records(offices.county, "activity")[uuid]["volunteers"] == 7


@pytest.mark.parametrize(("take", "volunteers", "location"), [("theirs", 9, "村部"), ("mine", 7, "县委")])
def test_take_settles_every_conflict_one_way(
    offices: Offices, take: str, volunteers: int, location: str
) -> None:
    delta, uuid = conflict_setup(offices)
    code, summary, err = imported(offices.county, delta, flags=("--take", take))
    assert (code, err) == (EXIT_OK, "")
    assert summary["conflicts"][0]["settled"] == take
    row = records(offices.county, "activity")[uuid]
    assert (row["volunteers"], row["location"]) == (volunteers, location)


@pytest.mark.parametrize(("take", "kept"), [("theirs", False), ("mine", True)])
@pytest.mark.parametrize("lines", [None, 1], ids=["batches", "a line a batch"])
def test_a_deletion_against_an_edit_takes_one_side_whole(
    offices: Offices, monkeypatch: pytest.MonkeyPatch, take: str, kept: bool, lines: int | None
) -> None:
    """The activity's areas, taken away before it in the same operation, wait for its fate: also when the
    import's batches are smaller than that operation (a batch never splits one)."""
    if lines is not None:
        monkeypatch.setattr(package_import, "_BATCH", lines)
    township = offices.township()
    with open_ledger(township, CLOCK) as ledger:
        activity_id, uuid = first_activity(ledger)
        areas = ledger.scalar("SELECT count(*) FROM activity_area WHERE activity_id = ?", (activity_id,))
        delete_activities(ledger, [activity_id])
    edit(offices.county, "activity", uuid, volunteers=88)
    delta = send(township, offices.folder / "删除.bdx")

    code, summary, _ = imported(offices.county, delta, flags=("--dry-run",))
    assert code == EXIT_FAILED
    [conflict] = summary["conflicts"]
    assert (conflict["uuid"], conflict["theirs"], conflict["mine"]["volunteers"]) == (uuid, None, 88)

    code, summary, _ = imported(offices.county, delta, flags=("--take", take))
    assert code == EXIT_OK
    assert (uuid in records(offices.county, "activity")) is kept
    with open_ledger(offices.county, CLOCK, read_only=True) as ledger:
        left = ledger.scalar(
            "SELECT count(*) FROM activity_area a JOIN activity t ON t.id = a.activity_id WHERE t.uuid = ?",
            (uuid,),
        )
    assert left == (areas if kept else 0)


def deleted_by_the_county(offices: Offices, tmp_path: Path) -> tuple[str, Path]:
    """An activity of the township's (six areas, two absentees, a photo) that the county has; then the
    county deletes it while the township corrects it (one area less): the township's delta and the
    activity's uuid."""
    township = offices.township()
    picture = write_jpeg(tmp_path / "照片" / "党日.jpg", taken="2022:05:14 09:00:00")
    with open_ledger(township, CLOCK) as ledger:
        (ready,) = prepare(ledger.path, [picture], lambda done, total: None)
        assert ready.photo is not None
        absentees = (Absentee("张三", "外出务工"), Absentee("李四", "生病"))
        draft = ActivityDraft(
            dt.date(2022, 5, 14),
            ActivityType.THEMED_DAY,
            frozenset(Area),
            3,
            attendance=Attendance(12, 10, absentees),
        )
        entry = PhotoEntry(ready.photo.sha256, "主题党日", image=ready.photo)
        record_activities(ledger, [open_pairing(ledger)], draft, photos=[entry])
        uuid = str(ledger.scalar("SELECT uuid FROM activity ORDER BY id DESC LIMIT 1"))
    assert imported(offices.county, send(township, offices.folder / "党日.bdx"))[0] == EXIT_OK
    with open_ledger(offices.county, CLOCK) as ledger:
        delete_activities(ledger, [int(ledger.scalar("SELECT id FROM activity WHERE uuid = ?", (uuid,)))])
    with open_ledger(township, CLOCK) as ledger:  # the township's correction: one area less
        activity = int(ledger.scalar("SELECT id FROM activity WHERE uuid = ?", (uuid,)))
        pairing, draft = activity_draft(ledger, activity)
        edit_activity(
            ledger, activity, pairing, replace(draft, volunteers=14, areas=draft.areas - {Area.CUSTOMS})
        )
    return uuid, send(township, offices.folder / "更正.bdx")


def of_activity(path: Path, uuid: str) -> dict[str, list[dict[str, Any]]]:
    """An activity's areas, absentees and photos, as packages carry them."""
    return {
        table: sorted(
            (row for row in records(path, table).values() if row["activity_uuid"] == uuid), key=json.dumps
        )
        for table in ("activity_area", "activity_absentee", "photo")
    }


@pytest.mark.parametrize("take", ["theirs", "mine"])
def test_an_activity_deleted_here_comes_back_whole_when_taken_theirs(
    offices: Offices, tmp_path: Path, take: str
) -> None:
    uuid, delta = deleted_by_the_county(offices, tmp_path)
    township = of_activity(offices.township(), uuid)
    assert [len(rows) for rows in township.values()] == [5, 2, 1]
    code, summary, _ = imported(offices.county, delta, flags=("--dry-run",))
    assert (code, summary["conflicts"][0]["uuid"], summary["conflicts"][0]["mine"]) == (
        EXIT_FAILED,
        uuid,
        None,
    )

    code, summary, _ = imported(offices.county, delta, flags=("--take", take))
    assert code == EXIT_OK
    county = records(offices.county, "activity")
    if take == "mine":
        assert uuid not in county
        assert [len(rows) for rows in of_activity(offices.county, uuid).values()] == [0, 0, 0]
        return
    assert county[uuid] == records(offices.township(), "activity")[uuid]
    assert of_activity(offices.county, uuid) == township
    assert cli("check", str(offices.county))[1].endswith("未发现问题\n")
    # Restored as the import's own changes: they travel on upward, and one undo takes them back.
    with open_ledger(offices.county, CLOCK) as ledger:
        operation = int(ledger.scalar("SELECT max(id) FROM operation"))
        changes = ledger.query("SELECT entity, change FROM change_log WHERE operation_id = ?", (operation,))
        assert sorted(row["entity"] for row in changes) == sorted(
            ["activity"] + ["activity_area"] * 7 + ["activity_absentee"] * 2 + ["photo"]
        )
        # The rows that came back with it count as new (the activity itself is the conflict settled).
        restored = [row for row in changes if row["change"] == "insert" and row["entity"] != "activity"]
        assert summary["counts"]["new"] == len(restored) > 0
        history = UndoHistory(ledger)
        history.record(changed(ledger, operation))
        history.undo()
    assert uuid not in records(offices.county, "activity")
    assert [len(rows) for rows in of_activity(offices.county, uuid).values()] == [0, 0, 0]


def test_a_conflict_settled_field_by_field(offices: Offices) -> None:
    delta, uuid = conflict_setup(offices)
    settlement = Settlement(rows={("activity", uuid): {"volunteers": Take.THEIRS, "location": Take.MINE}})
    with open_ledger(offices.county, CLOCK) as ledger:
        result = import_packages(ledger, [delta], apply=True, settle=settlement)
    assert result.applied
    row = records(offices.county, "activity")[uuid]
    assert (row["volunteers"], row["location"]) == (9, "县委")


def test_different_fields_merge_and_equal_results_are_no_conflict(offices: Offices) -> None:
    township = offices.township()
    with open_ledger(township, CLOCK) as ledger:
        _, merged = first_activity(ledger)
        _, same = first_activity(ledger, 2)
    edit(township, "activity", merged, volunteers=9)
    edit(offices.county, "activity", merged, summary="县里补记")
    edit(township, "activity", same, volunteers=13)
    edit(offices.county, "activity", same, volunteers=13)
    delta = send(township, offices.folder / "合并.bdx")
    code, summary, _ = imported(offices.county, delta)
    assert code == EXIT_OK
    assert (summary["counts"]["merged"], summary["counts"]["unchanged"], summary["counts"]["conflicts"]) == (
        1,
        1,
        0,
    )
    row = records(offices.county, "activity")[merged]
    assert (row["volunteers"], row["summary"]) == (9, "县里补记")


def test_many_townships_in_one_dry_run(offices: Offices) -> None:
    deltas = []
    for name, township in offices.townships.items():
        with open_ledger(township, CLOCK) as ledger:
            build = LedgerBuilder(ledger)
            for day in ("2022-05-10", "2022-05-11"):
                build.activity(open_pairing(ledger), day)
        deltas.append(send(township, offices.folder / f"{name}.bdx"))
    code, summary, _ = imported(offices.county, *deltas, flags=("--dry-run",))
    assert code == EXIT_OK
    assert summary["counts"]["new"] == 8
    assert {package["scope"] for package in summary["packages"]} == {f"信阳市/潢川县/{n}" for n in TOWNSHIPS}


def test_a_full_package_into_an_existing_ledger_compares_rows_by_uuid(offices: Offices) -> None:
    township = offices.township()
    with open_ledger(township, CLOCK) as ledger:
        added = LedgerBuilder(ledger).activity(open_pairing(ledger), "2022-05-10")
        added_uuid = ledger.scalar("SELECT uuid FROM activity WHERE id = ?", (added,))
        edited_id, edited = first_activity(ledger)
        with ledger.operation("activity.edit"):
            ledger.update("activity", edited_id, {"volunteers": 77})
    full = send(township, offices.folder / "乡 全部.bdx", "--full")
    code, summary, _ = imported(offices.county, full)
    assert code == EXIT_OK
    assert (summary["counts"]["new"], summary["counts"]["updated"], summary["counts"]["rejected"]) == (
        2,
        1,
        0,
    )
    assert summary["counts"]["unchanged"] > 1000
    county = records(offices.county, "activity")
    assert county[added_uuid] == records(township, "activity")[added_uuid]
    assert county[edited]["volunteers"] == 77


# -- refused before anything is read ---------------------------------------------------------------------


def resigned(
    path: Path, key_of: Path, data_dir: Path, edit_manifest: Any, members: dict[str, bytes] | None = None
) -> None:
    """The package's manifest (and ``members``) changed and signed again with its sender's own key."""
    with open_ledger(key_of, CLOCK, read_only=True) as ledger:
        key = ledger_key(data_dir, identity_store.identity(ledger).ledger_id)
    with zipfile.ZipFile(path) as archive:
        document = json.loads(archive.read(MANIFEST))
    edit_manifest(document)
    data = canonical_json(document)
    rezip(path, {MANIFEST: data, SIGNATURE: key.sign(data).hex().encode(), **(members or {})})


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        ("byte", "不符"),
        ("format", "格式版本"),
        ("schema", "更新版本"),
        ("key", "密钥"),
    ],
)
def test_a_package_that_fails_its_checks_leaves_the_ledger_untouched(
    offices: Offices, damage: str, words: str
) -> None:
    township = offices.township()
    delta = activity_sent(township, "2022-05-10", offices.folder / "坏.bdx")
    if damage == "byte":
        with zipfile.ZipFile(delta) as archive:
            changes = archive.read(CHANGES)
        rezip(delta, {CHANGES: changes.replace(b'"volunteers":5', b'"volunteers":6')})
    elif damage == "format":
        resigned(delta, township, offices.data_dir, lambda manifest: manifest.update(format_version=3))
    elif damage == "schema":
        resigned(delta, township, offices.data_dir, lambda manifest: manifest.update(schema_version=999))
    else:  # the county trusts the township's first key; a package signed by another is refused
        first = send(township, offices.folder / "首个.bdx")
        assert imported(offices.county, first)[0] == EXIT_OK
        with open_ledger(township, CLOCK) as ledger:
            key_path(offices.data_dir, identity_store.identity(ledger).ledger_id).unlink()
            LedgerBuilder(ledger).activity(open_pairing(ledger), "2022-05-11")
        delta = send(township, offices.folder / "换钥.bdx")
    before = file_state(offices.county)
    activities = records(offices.county, "activity")
    code, printed, err = cli("package", "import", str(offices.county), str(delta), "--dry-run")
    assert (code, printed) == (EXIT_FAILED, "")
    assert words in err
    assert "未导入任何内容" in err
    assert file_state(offices.county) == before
    assert records(offices.county, "activity") == activities


def test_an_unknown_reference_is_rejected_with_its_row(offices: Offices) -> None:
    """A township's key task is the county's to make: rejected, and its activity then refers to nothing."""
    township = offices.township()
    with open_ledger(township, CLOCK) as ledger:
        with ledger.operation("key_task.add"):
            task = ledger.insert("key_task", {"name": "乡镇自定任务", "half_year": "2022-H1"})
        activity = LedgerBuilder(ledger).activity(open_pairing(ledger), "2022-05-10")
        with ledger.operation("activity.edit"):
            ledger.update("activity", activity, {"type": "key_task", "key_task_id": task})
        uuids = (
            ledger.scalar("SELECT uuid FROM key_task WHERE id = ?", (task,)),
            ledger.scalar("SELECT uuid FROM activity WHERE id = ?", (activity,)),
        )
    code, summary, _ = imported(offices.county, send(township, offices.folder / "任务.bdx"))
    assert code == EXIT_OK
    assert ("key_task", uuids[0], "outside_scope") in {
        (row["table"], row["uuid"], row["reason"]) for row in summary["rejected"]
    }
    assert ("activity", uuids[1], "unknown_reference") in {
        (row["table"], row["uuid"], row["reason"]) for row in summary["rejected"]
    }
    # The activity was first recorded without the task: that version arrived; the later edit did not.
    assert records(offices.county, "activity")[uuids[1]]["key_task_uuid"] is None


def test_a_change_into_a_locked_month_is_rejected_until_unlocked(offices: Offices) -> None:
    township = offices.township()
    with open_ledger(township, CLOCK) as ledger:
        april = ledger.query(
            "SELECT uuid, volunteers FROM activity WHERE held_on LIKE '2022-04-%' ORDER BY id LIMIT 1"
        )[0]
        added = LedgerBuilder(ledger).activity(open_pairing(ledger), "2022-05-10")
        added_uuid = ledger.scalar("SELECT uuid FROM activity WHERE id = ?", (added,))
    edit(township, "activity", april["uuid"], volunteers=april["volunteers"] + 1)
    assert cli("lock", str(offices.county), "--month", "2022-04")[0] == EXIT_OK
    delta = send(township, offices.folder / "四月.bdx")

    code, summary, _ = imported(offices.county, delta)
    assert code == EXIT_OK
    assert summary["rejected"] == [{"table": "activity", "uuid": april["uuid"], "reason": "locked_month"}]
    assert records(offices.county, "activity")[april["uuid"]]["volunteers"] == april["volunteers"]
    assert added_uuid in records(offices.county, "activity")  # May is open

    assert cli("unlock", str(offices.county), "--month", "2022-04", "--reason", "乡镇补报")[0] == EXIT_OK
    code, summary, _ = imported(offices.county, delta)  # the same package again brings the April change
    assert (summary["counts"]["applied_before"], summary["counts"]["updated"]) == (2, 1)
    assert records(offices.county, "activity")[april["uuid"]]["volunteers"] == april["volunteers"] + 1


def test_a_deletion_of_a_branch_the_county_still_pairs_is_refused_in_the_dry_run_too(
    offices: Offices,
) -> None:
    """The county paired a village after seeding the township; the township, not knowing, deleted it."""
    township = offices.township()
    with open_ledger(township, CLOCK) as ledger:
        scope = identity_store.identity(ledger).scope_region_id or 0
        village = LedgerBuilder(ledger).branch("短命村党支部", BranchKind.VILLAGE, scope)
        village_uuid = ledger.scalar("SELECT uuid FROM branch WHERE id = ?", (village,))
    assert imported(offices.county, send(township, offices.folder / "一.bdx"))[0] == EXIT_OK
    with open_ledger(offices.county, CLOCK) as ledger:
        build = LedgerBuilder(ledger)
        county = ledger.scalar("SELECT id FROM region WHERE name = '潢川县'")
        organ = build.organs(build.unit("潢川县新设局", county), county, 1)[0]
        build.pair(
            organ, ledger.scalar("SELECT id FROM branch WHERE uuid = ?", (village_uuid,)), "2022-05-01"
        )
    with open_ledger(township, CLOCK) as ledger, ledger.operation("branch.delete"):
        ledger.delete("branch", village)
    delta = send(township, offices.folder / "二.bdx")
    before = file_state(offices.county)
    for flags in (("--dry-run",), ()):
        code, printed, err = cli("package", "import", str(offices.county), str(delta), *flags)
        assert (code, printed) == (EXIT_FAILED, "")
        assert "不存在的记录" in err
    assert file_state(offices.county) == before
    assert village_uuid in records(offices.county, "branch")


def test_a_read_only_ledger_imports_nothing(offices: Offices) -> None:
    with (
        open_ledger(offices.county, CLOCK, read_only=True) as ledger,
        pytest.raises(BranchDeskError) as refused,
    ):
        import_packages(ledger, [], apply=False)
    assert refused.value.code == "ledger.read_only"


def indexes(path: Path) -> set[tuple[str, str]]:
    with open_ledger(path, CLOCK, read_only=True) as ledger:
        return {(row["name"], row["sql"]) for row in ledger.query("SELECT name, sql FROM sqlite_schema")}


def test_a_delta_larger_than_the_ledgers_tables_goes_in_without_their_indexes_and_gets_them_back(
    offices: Offices,
) -> None:
    """A county without activities yet (as a city taking in its townships' first year) takes in a delta of
    more activities than it holds: its activity, area, change-log and applied operations' indexes are
    dropped for the import
    and built again before the commit. The dry run counts exactly what the import does, leaves every
    index as it was, and the import is one undo step that Check database finds sound."""
    with open_ledger(offices.county, CLOCK) as ledger, ledger.transaction():
        # as the demo made them, outside the change log: this county has no activities of its own
        ledger.conn.execute("DELETE FROM plan_item_activity")  # the demo's items name the activities
        ledger.conn.execute("DELETE FROM activity_area")
        ledger.conn.execute("DELETE FROM activity_absentee")
        ledger.conn.execute("DELETE FROM activity")
    township = offices.township()
    seeded = records(township, "activity")
    with open_ledger(township, CLOCK) as ledger:
        build = LedgerBuilder(ledger)
        pairing = open_pairing(ledger)
        for day in range(2, 9):
            build.activity(pairing, f"2022-05-{day:02d}", areas=(Area.ORGANISATION, Area.SERVICE))
    added = {uuid: row for uuid, row in records(township, "activity").items() if uuid not in seeded}
    delta = send(township, offices.folder / "春申街道 5月.bdx")
    schema = indexes(offices.county)
    assert {name for name, _sql in schema} >= {
        "activity_month", "activity_area_area", "change_log_entity", "applied_operation_operation"
    }  # fmt: skip

    code, dry, err = imported(offices.county, delta, flags=("--dry-run",))
    assert (code, err) == (EXIT_OK, "")
    assert indexes(offices.county) == schema
    assert records(offices.county, "activity") == {}
    code, done, err = imported(offices.county, delta)
    assert (code, err) == (EXIT_OK, "")
    assert done["counts"] == dry["counts"]
    assert done["counts"]["new"] == 7 * 3  # each activity and its two areas
    assert indexes(offices.county) == schema
    assert records(offices.county, "activity") == added
    assert len(records(offices.county, "activity_area")) == 7 * 2
    code, printed, _ = cli("check", str(offices.county))
    assert code == EXIT_OK, printed
    with open_ledger(offices.county, CLOCK) as ledger:
        operation = ledger.scalar("SELECT max(operation_id) FROM change_log")
        assert ledger.scalar("SELECT action FROM operation WHERE id = ?", (operation,)) == "package.import"
        history = UndoHistory(ledger)
        history.record(changed(ledger, operation))
        history.undo()
        assert ledger.scalar("SELECT count(*) FROM activity") == 0
    assert indexes(offices.county) == schema


def test_agreements_travel_in_seeds_and_deltas_and_stay_the_countys(offices: Offices, tmp_path: Path) -> None:
    """A pairing's agreement, targets and progress are the county's, as the pairing is (docs/packages.md):
    the township's seed carries those of its pairings; the county's edit reaches the city in its delta;
    the township's own edit of one is rejected by the county, row by row."""
    township = offices.township()
    with open_ledger(township, CLOCK, read_only=True) as ledger:
        mine = {row["uuid"] for row in ledger.query("SELECT uuid FROM pairing")}
        pairing_uuid, agreement_uuid = ledger.conn.execute(
            "SELECT p.uuid, a.uuid FROM pairing p JOIN agreement a ON a.pairing_id = p.id"
            " ORDER BY p.id LIMIT 1"
        ).fetchone()
    county_rows = {table: records(offices.county, table) for table in ("agreement", "agreement_target")}
    seeded = records(township, "agreement")
    assert seeded
    assert seeded == {
        uuid: row for uuid, row in county_rows["agreement"].items() if row["pairing_uuid"] in mine
    }
    assert set(records(township, "agreement_target")) == {
        uuid for uuid, row in county_rows["agreement_target"].items() if row["agreement_uuid"] in seeded
    }
    full = send(offices.county, offices.folder / "潢川县 全部.bdx", "--full")
    city = tmp_path / "信阳市.bdesk"
    assert cli("new", str(city), "--from", str(full))[0] == EXIT_OK
    assert records(city, "target_progress") == records(offices.county, "target_progress")
    # The county records progress (one operation): its delta brings it to the city.
    with open_ledger(offices.county, CLOCK) as ledger:
        county_pairing = int(ledger.scalar("SELECT id FROM pairing WHERE uuid = ?", (pairing_uuid,)))
        agreement = pairing_agreement(ledger, county_pairing).agreement
        assert agreement is not None
        first = agreement.targets[0]
        entry = Progress(dt.date(2022, 5, 18), first.number, "县里核实")
        target = dataclasses.replace(first, progress=(*first.progress, entry))
        save_agreement(
            ledger, county_pairing, dataclasses.replace(agreement, targets=(target, *agreement.targets[1:]))
        )
    code, summary, _ = imported(city, send(offices.county, offices.folder / "县.bdx"))
    assert (code, summary["counts"]["new"], summary["counts"]["rejected"]) == (EXIT_OK, 1, 0)
    assert records(city, "target_progress") == records(offices.county, "target_progress")
    # The township's edit of the county's agreement: rejected.
    edit(township, "agreement", agreement_uuid, review="乡镇改了协议")
    code, summary, _ = imported(offices.county, send(township, offices.folder / "越权协议.bdx"))
    assert code == EXIT_OK
    assert [(row["table"], row["uuid"], row["reason"]) for row in summary["rejected"]] == [
        ("agreement", agreement_uuid, "outside_scope")
    ]


def test_a_target_due_before_its_signing_is_rejected_from_a_package_row_by_row(
    offices: Offices, tmp_path: Path
) -> None:
    """The rule of every door: a county whose file lost the rule's trigger (another program) sends a target
    due before its agreement's signing, beside a good one; the city's dry run and import reject that row
    (broken_rule) and take the rest, as they do for other reasons."""
    full = send(offices.county, offices.folder / "潢川县 全部.bdx", "--full")
    city = tmp_path / "信阳市.bdesk"
    assert cli("new", str(city), "--from", str(full))[0] == EXIT_OK
    with open_ledger(offices.county, CLOCK) as ledger:
        ledger.conn.execute("DROP TRIGGER agreement_target_due_insert")
        agreement, signed = ledger.conn.execute("SELECT id, signed_on FROM agreement LIMIT 1").fetchone()
        with ledger.operation("agreement.save"):
            bad = ledger.insert(
                "agreement_target",
                {
                    "agreement_id": agreement,
                    "position": 9,
                    "name": "培训党员",
                    "number": 50,
                    "due_on": "2022-01-01",
                },
            )
            ledger.insert(
                "agreement_target",
                {
                    "agreement_id": agreement,
                    "position": 10,
                    "name": "帮办实事",
                    "number": 3,
                    "due_on": "2023-12-31",
                },
            )
        bad_uuid = ledger.scalar("SELECT uuid FROM agreement_target WHERE id = ?", (bad,))
    assert signed > "2022-01-01"
    delta = send(offices.county, offices.folder / "县 违规.bdx")
    before = records(city, "agreement_target")
    code, summary, _ = imported(city, delta, flags=("--dry-run",))
    assert (code, summary["counts"]["new"], summary["rejected"]) == (
        EXIT_OK, 1, [{"table": "agreement_target", "uuid": bad_uuid, "reason": "broken_rule"}]
    )  # fmt: skip
    assert records(city, "agreement_target") == before
    code, printed, _ = cli("package", "import", str(city), str(delta))
    assert code == EXIT_OK
    assert (
        f"拒收：协议目标 {bad_uuid}：违反台账规则（本台账已另有同一记录、队员同时在两个工作队，"
        "或目标完成时限早于协议签订日期）" in printed
    )
    after = records(city, "agreement_target")
    assert bad_uuid not in after
    assert [row["name"] for uuid, row in after.items() if uuid not in before] == ["帮办实事"]


def of_pairing(ledger: Ledger, pairing: int, offset: int = 0) -> tuple[int, str]:
    """An activity of ``pairing`` held in another month than April."""
    row = ledger.query(
        "SELECT id, uuid FROM activity WHERE pairing_id = ? AND held_on NOT LIKE '2022-04-%'"
        " ORDER BY id LIMIT 1 OFFSET ?",
        (pairing, offset),
    )[0]
    return int(row["id"]), str(row["uuid"])


def _imported_both_ways(
    county: Path, delta: Path, folder: Path, batched: bool, by_line: list[dict[str, Any]]
) -> tuple[dict[str, Any], list[int]]:
    """The window's dry run (every line's row kept, with its label), a dry run and then the import
    (conflicts taken theirs) of ``delta`` into a copy of ``county``, and everything they left: the
    summaries, the window's rows, the rejected rows in order, the activities and areas with their ids, and
    the import's change-log lines and applied operations, in order. The hash chain links each line to its
    operation's own uuid, so the two runs' links differ: each chain must hold whole. Also how many lines
    each of the three decided by themselves (``by_line``: the lines ``_Run._line`` was called with)."""
    copy = folder / f"县 {'batched' if batched else 'by line'}.bdesk"
    shutil.copyfile(county, copy)
    alone: list[int] = []

    def imported(**how: Any) -> ImportResult:
        start = len(by_line)
        result = import_packages(ledger, [delta], batched=batched, **how)
        alone.append(len(by_line) - start)
        return result

    with open_ledger(copy, CLOCK) as ledger:
        kept = imported(apply=False, keep_rows=True)
        dry = imported(apply=False)
        done = imported(apply=True, settle=Settlement(Take.THEIRS))
        assert broken_link(ledger) is None
        return {
            "kept": (kept.summary(), list(kept.rows)),
            "dry": dry.summary(),
            "done": done.summary(),
            "rejected": [(row.seq, row.table, row.uuid, row.reason) for row in done.rejected],
            "activities": ledger.query("SELECT * FROM activity ORDER BY id"),
            "areas": ledger.query("SELECT * FROM activity_area ORDER BY activity_id, area"),
            "log": ledger.query(
                "SELECT id, entity, entity_uuid, change, before, after FROM change_log"
                " WHERE operation_id = ? ORDER BY id",
                (done.operation_id,),
            ),
            "applied": ledger.query("SELECT * FROM applied_operation ORDER BY op_uuid"),
        }, alone


@pytest.mark.parametrize(
    ("month", "lock_in"),
    [(None, None), ("2022-04", None), ("2022-04", TOWNSHIPS[1])],
    ids=["no lock", "April locked", "April locked in another township"],
)
def test_the_batch_path_decides_a_mixed_delta_as_each_line_by_itself_does(
    offices: Offices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, month: str | None, lock_in: str | None
) -> None:
    """The batch path (new activities and the areas added to activities, decided per batch, also in a
    ledger with month locks and for the window's rows) against every line decided by itself, on a delta
    of every kind of line around them: both leave the same counts, rejections, window's rows with their
    labels, rows with the same ids, change log (order, content, chain) and applied operations. April
    locked rejects the new April activity and the area added to an April activity here; April locked in
    another township, neither."""
    locked = month is not None and lock_in is None
    township = offices.township()
    with open_ledger(offices.township(TOWNSHIPS[1]), CLOCK, read_only=True) as other:
        elsewhere = other.scalar(
            "SELECT g.uuid FROM pairing p JOIN branch g ON g.id = p.grassroots_id WHERE p.id = ?",
            (open_pairing(other),),
        )
    with open_ledger(township, CLOCK) as ledger:
        build = LedgerBuilder(ledger)
        pairing = open_pairing(ledger)
        moved = ledger.scalar(
            "SELECT p.uuid FROM pairing p JOIN branch g ON g.id = p.grassroots_id WHERE p.id != ?"
            " AND g.region_id = ? AND p.ended_on IS NULL ORDER BY p.id LIMIT 1",
            (pairing, identity_store.identity(ledger).scope_region_id),
        )
        build.activity(pairing, "2022-05-02")
    first = send(township, offices.folder / "一.bdx")
    assert imported(offices.county, first)[0] == EXIT_OK  # the next delta repeats it: applied before

    with open_ledger(township, CLOCK) as ledger:
        build = LedgerBuilder(ledger)
        build.activity(pairing, "2022-05-10", areas=(Area.ORGANISATION, Area.SERVICE))
        build.activity(pairing, "2022-05-11", areas=(Area.INDUSTRY,))
        updated_id, _updated = of_pairing(ledger, pairing)
        with ledger.operation("activity.edit"):
            ledger.update("activity", updated_id, {"volunteers": 41})
        gone_id, _gone = of_pairing(ledger, pairing, 1)
        gone_areas = ledger.scalar("SELECT count(*) FROM activity_area WHERE activity_id = ?", (gone_id,))
        delete_activities(ledger, [gone_id])
        both_id, both = of_pairing(ledger, pairing, 2)
        with ledger.operation("activity.edit"):
            ledger.update("activity", both_id, {"volunteers": 52})
        more_id, more = of_pairing(ledger, pairing, 3)
        missing_area = ledger.scalar(
            "SELECT value FROM json_each(?) WHERE value NOT IN"
            " (SELECT area FROM activity_area WHERE activity_id = ?) LIMIT 1",
            (json.dumps([area.value for area in Area]), more_id),
        )
        with ledger.operation("activity.edit"):
            ledger.insert_link("activity_area", {"activity_id": more_id, "area": missing_area}, more)
        april_row = ledger.query(
            "SELECT id, uuid FROM activity WHERE pairing_id = ? AND held_on LIKE '2022-04-%'"
            " AND id NOT IN (SELECT activity_id FROM activity_area WHERE area = ?) ORDER BY id LIMIT 1",
            (pairing, Area.TEAM.value),
        )[0]
        in_april = str(april_row["uuid"])
        with ledger.operation("activity.edit"):
            added = {"activity_id": april_row["id"], "area": Area.TEAM.value}
            ledger.insert_link("activity_area", added, in_april)
        with ledger.operation("key_task.add"):
            task = ledger.insert("key_task", {"name": "乡镇自定任务", "half_year": "2022-H1"})
        draft = ActivityDraft(
            held_on=dt.date(2022, 5, 13),
            type=ActivityType.KEY_TASK,
            areas=frozenset({Area.TEAM}),
            volunteers=3,
            key_task_id=task,
        )
        with ledger.operation("activity.add"):
            unknown = activities_store.add_draft(ledger, pairing, draft)
        outside = build.activity(
            int(ledger.scalar("SELECT id FROM pairing WHERE uuid = ?", (moved,))),
            "2022-05-14",
            areas=(Area.TEAM,),
        )
        april = build.activity(pairing, "2022-04-20", areas=(Area.CUSTOMS,))
        build.activity(pairing, "2022-05-15", areas=(Area.CUSTOMS, Area.PRACTICAL))
        # New and then changed in the same delta: its later lines meet the row its first one made.
        again = build.activity(pairing, "2022-05-16", areas=(Area.ORGANISATION, Area.TEAM))
        again_uuid = ledger.scalar("SELECT uuid FROM activity WHERE id = ?", (again,))
        with ledger.operation("activity.edit"):
            ledger.update("activity", again, {"volunteers": 9})
            ledger.delete_link("activity_area", {"activity_id": again, "area": Area.TEAM.value}, again_uuid)
        uuid_of = {
            row_id: ledger.scalar("SELECT uuid FROM activity WHERE id = ?", (row_id,))
            for row_id in (unknown, outside, april)
        }
        task_uuid = ledger.scalar("SELECT uuid FROM key_task WHERE id = ?", (task,))
    second = send(township, offices.folder / "二.bdx")
    edit(offices.county, "activity", both, volunteers=77)  # a conflict, taken theirs
    with open_ledger(offices.county, CLOCK) as ledger:  # the county moved that pairing's village away
        region, moving = (
            ledger.scalar("SELECT region_id FROM branch WHERE uuid = ?", (elsewhere,)),
            ledger.scalar(
                "SELECT g.uuid FROM pairing p JOIN branch g ON g.id = p.grassroots_id WHERE p.uuid = ?",
                (moved,),
            ),
        )
    edit(offices.county, "branch", moving, region_id=region)
    if month is not None:
        where = () if lock_in is None else ("--region", lock_in)
        assert cli("lock", str(offices.county), "--month", month, *where)[::2] == (EXIT_OK, "")

    by_line: list[dict[str, Any]] = []  # the lines decided by themselves
    each_line = package_import._Run._line

    def spied(run: Any, line: dict[str, Any], *more: Any) -> None:
        by_line.append(line)
        each_line(run, line, *more)

    monkeypatch.setattr(package_import._Run, "_line", spied)
    batched, few = _imported_both_ways(offices.county, second, tmp_path, True, by_line)
    alone, every = _imported_both_ways(offices.county, second, tmp_path, False, by_line)
    assert batched == alone
    # The window's dry run, the dry run and the import each take in batches every new line but the first of
    # the activity made and changed in the delta (its lines meet each other), a lock or not, and the lines
    # of operations applied before (the window's run: by themselves, for their rows).
    assert every == [len(batched["kept"][1])] * 3
    new = batched["dry"]["counts"]["new"] - 1
    assert [lines - alone for lines, alone in zip(every, few, strict=True)] == [new, new + 2, new + 2]
    assert batched["kept"][0]["counts"] == batched["dry"]["counts"]

    rejected = [("activity_area", in_april, "locked_month")] if locked else []
    rejected += [
        ("key_task", task_uuid, "outside_scope"),
        ("activity", uuid_of[unknown], "unknown_reference"),
        ("activity_area", uuid_of[unknown], "unknown_reference"),
        ("activity", uuid_of[outside], "outside_scope"),
        ("activity_area", uuid_of[outside], "unknown_reference"),  # its activity was not taken
    ]
    if locked:
        rejected += [
            ("activity", uuid_of[april], "locked_month"),
            ("activity_area", uuid_of[april], "unknown_reference"),  # its activity was not taken
        ]
    assert [(table, uuid, str(reason)) for _seq, table, uuid, reason in batched["rejected"]] == rejected
    assert batched["done"]["counts"] == {
        # activities with their areas; the areas added to activities here
        "new": 3 + 2 + (0 if locked else 2) + 3 + 3 + (1 if locked else 2),
        "updated": 2 + gone_areas + 2,  # the edits, the deletion with its areas, the area taken away
        "unchanged": 0,
        "applied_before": 2,  # the first delta's activity and its area
        "merged": 0,
        "conflicts": 1,
        "rejected": len(rejected),
    }
    assert batched["dry"]["counts"] == batched["done"]["counts"]
    assert [line["change"] for line in batched["log"]].count("insert") == batched["done"]["counts"]["new"]
