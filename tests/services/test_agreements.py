"""Pairing agreements: saved whole as one undoable step, the due-date rule on every door, and the
``targets`` figures against the domain's definition and hand-written SQL."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from branchdesk.domain.agreements import Agreement, Progress, Target
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.errors import BranchDeskError, InvalidRecordError
from branchdesk.domain.rates import truncated_percent
from branchdesk.domain.stats import target_counts
from branchdesk.services.agreements import pairing_agreement, save_agreement
from branchdesk.services.demo import generate_demo
from branchdesk.services.history import UndoHistory
from branchdesk.services.stats import ledger_stats, region_stats
from branchdesk.storage import agreements as agreement_store
from branchdesk.storage.check import rule_problems
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder, day
from tests.test_cli import cli


def _agreement(**changes: object) -> Agreement:
    targets = (
        Target("帮办实事", 3.0, "件", day("2022-12-31"), (Progress(day("2022-05-10"), 1.0, "走访"),)),
        Target("引进项目资金", 20.0, "万元", day("2023-06-30")),
    )
    values: dict[str, object] = {
        "signed_on": day("2022-04-20"),
        "organ_liaison": "李明",
        "organ_phone": "13812345678",
        "grassroots_liaison": "王芳",
        "grassroots_phone": "13987654321",
        "targets": targets,
        **changes,
    }
    return Agreement(**values)  # type: ignore[arg-type]


def _rows(ledger: Ledger) -> dict[str, list[dict[str, object]]]:
    return {
        table: ledger.query(f"SELECT * FROM {table} ORDER BY id")
        for table in ("agreement", "agreement_target", "target_progress")
    }


def test_an_agreement_is_saved_whole_edited_by_uuid_and_undone_as_one_step(
    ledger: Ledger, build: LedgerBuilder
) -> None:
    _tree, (pairing, *_) = build.paired_town(2)
    history = UndoHistory(ledger)
    history.record(save_agreement(ledger, pairing, _agreement()))
    rows = _rows(ledger)
    assert [row["pairing_id"] for row in rows["agreement"]] == [pairing]
    assert [(t["name"], t["number"], t["unit"], t["due_on"]) for t in rows["agreement_target"]] == [
        ("帮办实事", 3.0, "件", "2022-12-31"),
        ("引进项目资金", 20.0, "万元", "2023-06-30"),
    ]
    assert [(p["recorded_on"], p["value"], p["note"]) for p in rows["target_progress"]] == [
        ("2022-05-10", 1.0, "走访")
    ]
    # Read back, a target edited, one dropped, a progress entry added: the kept rows keep their uuids.
    read = pairing_agreement(ledger, pairing).agreement
    assert read is not None
    first = read.targets[0]
    edited = Target(
        first.name,
        4.0,
        first.unit,
        first.due_on,
        (*first.progress, Progress(day("2022-05-18"), 5.0)),
        first.id,
    )
    history.record(save_agreement(ledger, pairing, Agreement(**{**read.__dict__, "targets": (edited,)})))
    after = _rows(ledger)
    assert after["agreement_target"][0]["uuid"] == rows["agreement_target"][0]["uuid"]
    assert after["agreement_target"][0]["number"] == 4.0
    assert len(after["agreement_target"]) == 1
    assert [p["value"] for p in after["target_progress"]] == [1.0, 5.0]
    reread = pairing_agreement(ledger, pairing).agreement
    assert reread is not None
    assert reread.targets[0].reached()
    assert reread.targets[0].beyond()
    # One step each: undo the edit, then the agreement.
    history.undo()
    assert _rows(ledger) == rows
    history.undo()
    assert _rows(ledger) == {"agreement": [], "agreement_target": [], "target_progress": []}
    actions = ledger.query("SELECT action FROM operation WHERE action LIKE '%agreement%' ORDER BY id")
    assert [row["action"] for row in actions] == [
        "agreement.save",
        "agreement.save",
        "undo:agreement.save",
        "undo:agreement.save",
    ]
    assert rule_problems(ledger) == []


def test_a_target_due_before_the_signing_is_refused_by_every_door(
    ledger: Ledger, build: LedgerBuilder
) -> None:
    _tree, (pairing, other) = build.paired_town(2)
    early = Target("培训党员", 50.0, "人次", day("2022-04-01"))
    with pytest.raises(InvalidRecordError) as refused:
        save_agreement(ledger, pairing, _agreement(targets=(early,)))
    assert refused.value.code == "agreement.target_before_signing"
    assert [problem.field for problem in refused.value.problems] == ["targets.0.due_on"]
    assert _rows(ledger)["agreement"] == []
    # Moving a saved agreement's signing past a target's due date: refused too.
    save_agreement(ledger, pairing, _agreement())
    saved = pairing_agreement(ledger, pairing).agreement
    assert saved is not None
    with pytest.raises(InvalidRecordError):
        save_agreement(ledger, pairing, Agreement(**{**saved.__dict__, "signed_on": day("2023-01-01")}))
    # The schema holds it for any writer (a package, undo, another program), with its own message.
    target = _rows(ledger)["agreement_target"][0]
    with pytest.raises(BranchDeskError) as held, ledger.operation("test.write"):
        ledger.update("agreement_target", int(target["id"]), {"due_on": "2022-04-19"})  # type: ignore[call-overload]
    assert held.value.code == "agreement.target_before_signing_held"
    with pytest.raises(BranchDeskError) as held, ledger.operation("test.write"):
        ledger.update("agreement", int(_rows(ledger)["agreement"][0]["id"]), {"signed_on": "2023-01-01"})  # type: ignore[call-overload]
    assert held.value.code == "agreement.target_before_signing_held"
    # Check database names a row written before the rule (the trigger dropped by another program).
    ledger.conn.execute("DROP TRIGGER agreement_target_due_insert")
    with ledger.operation("test.write"):
        agreement = ledger.insert("agreement", {"pairing_id": other, "signed_on": "2022-05-01"})
        ledger.insert(
            "agreement_target",
            {"agreement_id": agreement, "position": 0, "name": "培训党员", "due_on": "2022-04-30"},
        )
    problems = rule_problems(ledger)
    assert [(p.code, p.params["target"], p.params["due_on"], p.params["signed_on"]) for p in problems] == [
        ("rule.target_before_signing", "培训党员", "2022-04-30", "2022-05-01")
    ]


def test_refusals_name_each_field(ledger: Ledger, build: LedgerBuilder) -> None:
    _tree, (pairing, *_) = build.paired_town(1)
    bad = _agreement(
        signed_on=day("2022-06-01"),
        organ_phone="12",
        targets=(
            Target("", 3.0, "件", day("2022-12-31")),
            Target("培训党员", 50.0, "人次", day("2022-12-31"), (Progress(day("2022-07-01"), -1.0),)),
        ),
    )
    with pytest.raises(InvalidRecordError) as refused:
        save_agreement(ledger, pairing, bad)
    assert [problem.code for problem in refused.value.problems] == [
        "agreement.signed_in_future",
        "agreement.phone",
        "agreement.target_name_empty",
        "agreement.progress_negative",
        "agreement.progress_in_future",
    ]


def test_fewer_than_two_numeric_targets_is_a_warning_not_a_refusal(
    ledger: Ledger, build: LedgerBuilder
) -> None:
    _tree, (pairing, *_) = build.paired_town(1)
    one = _agreement(
        targets=(
            Target("帮办实事", 3.0, "件", day("2022-12-31")),
            Target("完善村规民约", None, "", day("2022-12-31")),
        )
    )
    assert one.few_targets
    save_agreement(ledger, pairing, one)
    assert len(_rows(ledger)["agreement_target"]) == 2


_HAND_SQL = """
SELECT count(*),
       sum((SELECT value FROM target_progress v WHERE v.target_id = t.id AND v.recorded_on <= :day
            ORDER BY recorded_on DESC, id DESC LIMIT 1) >= t.number),
       sum(t.due_on < :day AND coalesce((SELECT value FROM target_progress v WHERE v.target_id = t.id
            AND v.recorded_on <= :day ORDER BY recorded_on DESC, id DESC LIMIT 1) < t.number, 1))
FROM agreement_target t JOIN agreement a ON a.id = t.agreement_id
WHERE t.number IS NOT NULL AND a.signed_on <= :day
"""


def test_targets_figures_by_hand(ledger: Ledger, build: LedgerBuilder) -> None:
    tree, (first, second, third) = build.paired_town(3)
    save_agreement(
        ledger,
        first,
        _agreement(
            targets=(
                # reached on 5-10 (3 of 3), then a lower running total entered later the same day: not
                Target("帮办实事", 3.0, "件", day("2022-05-15"),
                       (Progress(day("2022-05-10"), 3.0), Progress(day("2022-05-10"), 2.0))),
                # past its number: reached
                Target("引进项目资金", 20.0, "万元", day("2023-06-30"), (Progress(day("2022-05-01"), 25.5),)),
                Target("完善村规民约", None, "", day("2022-12-31")),  # qualitative: never counted
            )
        ),
    )  # fmt: skip
    save_agreement(ledger, second, _agreement(signed_on=day("2022-05-01")))
    save_agreement(ledger, third, _agreement(signed_on=day("2022-05-18")))
    figures = region_stats(ledger, tree["hc_chengguan"], as_of=day("2022-05-17")).targets
    # second: 帮办实事 1 of 3, 引进 none; third signed after the day
    assert (figures.count, figures.reached, figures.overdue) == (4, 1, 1)
    assert figures.rate.percent == "25.00"
    for as_of in ("2022-04-30", "2022-05-10", "2022-05-17", "2022-05-19"):
        stats = region_stats(ledger, tree["hc_chengguan"], as_of=day(as_of)).targets
        count, reached, overdue = ledger.conn.execute(_HAND_SQL, {"day": as_of}).fetchone()
        assert (stats.count, stats.reached, stats.overdue) == (count, reached or 0, overdue or 0)
        agreements = [pairing_agreement(ledger, p).agreement for p in (first, second, third)]
        assert target_counts([a for a in agreements if a is not None], day(as_of)) == stats
    # Outside the township's county: none.
    assert region_stats(ledger, tree["gushi"], as_of=day("2022-05-17")).targets.count == 0


def test_demo_targets_against_hand_written_sql(tmp_path: Path) -> None:
    clock = FixedClock.on("2024-03-01")
    path = tmp_path / "演示.bdesk"
    generate_demo(path, "township", clock=clock)
    ledger = Ledger.open(path, clock, read_only=True)
    try:
        targets = ledger.scalar("SELECT count(*) FROM agreement_target")
        pairings = ledger.scalar("SELECT count(*) FROM pairing")
        assert 2 * pairings * 0.8 <= targets <= 3.2 * pairings
        for as_of in ("2022-12-31", "2023-07-01", "2024-03-01"):
            figures = ledger_stats(ledger, as_of=day(as_of)).targets
            count, reached, overdue = ledger.conn.execute(_HAND_SQL, {"day": as_of}).fetchone()
            assert (figures.count, figures.reached, figures.overdue) == (count, reached, overdue)
            assert 0 < reached < count
            assert overdue > 0
        agreements = [
            agreement_store.agreement_of(ledger, row["id"]) for row in ledger.query("SELECT id FROM pairing")
        ]
        assert target_counts([a for a in agreements if a is not None], dt.date(2024, 3, 1)) == figures
        assert rule_problems(ledger) == []
        # Progress beyond a number exists, as in life.
        beyond = ledger.scalar(
            "SELECT count(*) FROM agreement_target t WHERE (SELECT max(value) FROM target_progress v"
            " WHERE v.target_id = t.id) > t.number"
        )
        assert beyond > 0
    finally:
        ledger.close()
    # The command line says the same.
    code, out, _ = cli("stats", str(path), "--json", "--as-of", "2024-03-01", clock=clock)
    assert (code, json.loads(out)["targets"]) == (
        0,
        {"count": count, "reached": reached, "rate": truncated_percent(reached, count), "overdue": overdue},
    )


def test_the_trigger_holds_for_a_plain_sqlite_writer(ledger: Ledger, build: LedgerBuilder) -> None:
    _tree, (pairing, *_) = build.paired_town(1)
    save_agreement(ledger, pairing, _agreement())
    ledger.close()
    with sqlite3.connect(ledger.path) as conn, pytest.raises(sqlite3.IntegrityError, match="before_signing"):
        conn.execute("UPDATE agreement_target SET due_on = '2020-01-01'")


def test_check_names_an_agreement_or_progress_dated_after_today(ledger: Ledger, build: LedgerBuilder) -> None:
    """The dialog refuses both (agreement.signed_in_future, agreement.progress_in_future); Check database
    names what another program wrote."""
    _tree, (pairing, *_) = build.paired_town(1)
    save_agreement(ledger, pairing, _agreement())
    target = _rows(ledger)["agreement_target"][0]["id"]
    with ledger.operation("test.write"):
        ledger.insert("target_progress", {"target_id": target, "recorded_on": "2022-06-01", "value": 2.0})
        ledger.update("agreement", int(_rows(ledger)["agreement"][0]["id"]), {"signed_on": "2022-05-20"})  # type: ignore[call-overload]
    found = [(p.code, p.params["day"], p.params["today"]) for p in rule_problems(ledger)]
    assert found == [
        ("rule.agreement_in_future", "2022-05-20", "2022-05-19"),
        ("rule.agreement_in_future", "2022-06-01", "2022-05-19"),
    ]
