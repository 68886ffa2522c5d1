"""``activities.attendance_rate`` (present ÷ expected over the month's activities with an attendance,
truncated like every rate) equals a hand-written SQL over the file, on a hand-made ledger and on a demo."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from branchdesk.domain.attendance import Absentee, Attendance, check_attendance
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.rates import truncated_percent
from branchdesk.services.activities import attendance_of
from branchdesk.services.demo import generate_demo
from branchdesk.services.ledgers import open_ledger
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder
from tests.test_cli import cli

_BY_HAND = """
    SELECT sum(present), sum(expected) FROM activity
    WHERE held_on BETWEEN ? AND ? AND expected IS NOT NULL AND present IS NOT NULL"""


def _by_hand(path: Path, first: str, last: str) -> dict[str, object]:
    conn = sqlite3.connect(path)
    present, expected = conn.execute(_BY_HAND, (first, last)).fetchone()
    conn.close()
    return {
        "count": present or 0,
        "total": expected or 0,
        "rate": truncated_percent(present or 0, expected or 0),
    }


def test_the_rate_of_a_month_by_hand(ledger: Ledger, build: LedgerBuilder, clock: FixedClock) -> None:
    tree = build.tree()
    organs = build.organs(build.unit("潢川县财政局", tree["huangchuan"]), tree["huangchuan"], 2)
    villages = build.villages(tree["hc_chengguan"], 2)
    p1, p2 = (build.pair(o, v, "2022-04-10") for o, v in zip(organs, villages, strict=True))
    build.activity(p1, "2022-05-07", attendance=Attendance(15, 13))
    build.activity(p2, "2022-05-14", attendance=Attendance(9, 8, (Absentee("李华", "病假"),)))
    build.activity(p2, "2022-05-15")  # no attendance: not in the rate
    build.activity(p1, "2022-04-16", attendance=Attendance(10, 2))  # April
    path = ledger.path
    ledger.close()
    out = cli("stats", str(path), "--json", "--month", "2022-05", clock=clock)[1]
    rate = json.loads(out)["activities"]["attendance_rate"]
    assert rate == _by_hand(path, "2022-05-01", "2022-05-31") == {"count": 21, "total": 24, "rate": "87.50"}
    out = cli("stats", str(path), "--json", "--month", "2022-04", clock=clock)[1]
    assert json.loads(out)["activities"]["attendance_rate"] == {"count": 2, "total": 10, "rate": "20.00"}


def test_the_demo_has_believable_attendance_that_keeps_the_rules(tmp_path: Path) -> None:
    clock = FixedClock.on("2024-01-15")
    path = tmp_path / "演示.bdesk"
    generate_demo(path, "township", seed=5, clock=clock)
    for month, first, last in (
        ("2023-05", "2023-05-01", "2023-05-31"),
        ("2022-11", "2022-11-01", "2022-11-30"),
    ):
        out = cli("stats", str(path), "--json", "--month", month, "--as-of", "2023-12-31", clock=clock)[1]
        rate = json.loads(out)["activities"]["attendance_rate"]
        assert rate == _by_hand(path, first, last)
        assert 85 <= float(rate["rate"]) < 100
    with open_ledger(path, clock, read_only=True) as ledger:
        ids = [row["id"] for row in ledger.query("SELECT id, held_on FROM activity")]
        held = dict(ledger.conn.execute("SELECT id, held_on FROM activity").fetchall())
        attendances = attendance_of(ledger, ids)
        assert len(attendances) > 0.75 * len(ids)  # most activities
        assert sum(1 for a in attendances.values() if a.absentees) > 50
        for activity_id, attendance in attendances.items():
            check_attendance(attendance, dt.date.fromisoformat(held[activity_id]))
