"""`branchdesk-cli check` names every row that breaks a rule of the ledger (domain.rules), whoever wrote it.

Each test breaks one rule the way another program would (the sqlite3 module, bypassing BranchDesk) and
expects the check to exit 1 naming the row in Chinese.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from branchdesk.cli import EXIT_FAILED, EXIT_OK
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind, UnitLevel
from branchdesk.domain.rules import Rule
from branchdesk.storage.check import QUERIES
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder
from tests.test_cli import cli


@pytest.fixture
def sound(build: LedgerBuilder, ledger: Ledger) -> Path:
    """A healthy ledger: two pairings (one ended), a community with a grid, an activity."""
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"], UnitLevel.COUNTY)
    organs = build.organs(unit, tree["huangchuan"], 3)
    villages = build.villages(tree["hc_chengguan"], 2)
    community = build.branch("仁和社区党支部", BranchKind.COMMUNITY, tree["hc_renhe"])
    build.branch("仁和社区第一网格党支部", BranchKind.GRID, tree["hc_renhe"], community_id=community)
    build.pair(organs[0], villages[0], "2022-04-10")
    build.pair(organs[1], villages[1], "2022-04-10", "2022-04-30")
    build.activity(1, "2022-05-14")
    path = ledger.path
    ledger.close()
    return path


def pairing_row(organ: int, grassroots: int, started: str, ended: str) -> str:
    return (
        "INSERT INTO pairing (uuid, organ_id, grassroots_id, method, started_on, ended_on, end_reason,"
        f" created_at, updated_at) VALUES ('x', {organ}, {grassroots}, 'assigned', '{started}', '{ended}',"
        " 'other', '', '')"
    )


def shell(path: Path, *statements: str) -> None:
    """What a user of the sqlite3 shell does: foreign keys off, CHECK constraints as the shell keeps them."""
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def broken(path: Path, clock: FixedClock) -> str:
    code, out, err = cli("check", str(path), clock=clock)
    assert (code, err) == (EXIT_FAILED, "")
    return out


def test_a_sound_ledger_breaks_no_rule(sound: Path, clock: FixedClock) -> None:
    assert cli("check", str(sound), clock=clock)[:2] == (EXIT_OK, f"{sound}：未发现问题\n")


def test_every_rule_has_a_check() -> None:
    assert set(QUERIES) == set(Rule)


def test_overlapping_pairings(sound: Path, clock: FixedClock) -> None:
    # A file written before the schema held the rule (or by a program that dropped the triggers).
    shell(
        sound,
        "DROP TRIGGER pairing_overlap_grassroots_insert",
        pairing_row(3, 4, "2022-04-20", "2022-05-01"),
    )
    out = broken(sound, clock)
    assert (
        "“村1村党支部”同时处在两个结对中，时间重叠：“村1村党支部 ← 机关第1党支部”（2022年4月10日起）"
        "与“村1村党支部 ← 机关第3党支部”（2022年4月20日至2022年5月1日）。" in out
    )
    assert out.endswith("发现 1 个问题\n")


def test_the_schema_refuses_an_overlap_from_any_program(sound: Path) -> None:
    with pytest.raises(sqlite3.IntegrityError, match=r"pairing\.overlap"):
        shell(sound, pairing_row(3, 5, "2022-04-25", "2022-05-01"))
    with pytest.raises(sqlite3.IntegrityError, match=r"pairing\.overlap"):
        shell(sound, "UPDATE pairing SET organ_id = 1 WHERE id = 2")


def test_pairing_before_its_branch_was_established(sound: Path, clock: FixedClock) -> None:
    shell(sound, "UPDATE branch SET established_on = '2022-05-01' WHERE name = '村1村党支部'")
    assert (
        "结对“村1村党支部 ← 机关第1党支部”（2022年4月10日起）超出了“村1村党支部”的存续时间"
        "（成立于2022年5月1日，归档于—）。" in broken(sound, clock)
    )


def test_pairing_after_its_branch_was_archived(sound: Path, clock: FixedClock) -> None:
    shell(sound, "UPDATE branch SET archived_on = '2022-04-20' WHERE name = '机关第2党支部'")
    assert (
        "结对“村2村党支部 ← 机关第2党支部”（2022年4月10日至2022年4月30日）超出了“机关第2党支部”的存续时间"
        "（成立于—，归档于2022年4月20日）。" in broken(sound, clock)
    )


def test_pairing_in_the_future(sound: Path, clock: FixedClock) -> None:
    shell(sound, "UPDATE pairing SET ended_on = '2022-06-30' WHERE id = 2")
    assert (
        "结对“村2村党支部 ← 机关第2党支部”（2022年4月10日至2022年6月30日）"
        "的开始或结束日期晚于今天（2022年5月19日）。" in broken(sound, clock)
    )


def test_activity_in_the_future(sound: Path, clock: FixedClock) -> None:
    shell(sound, "UPDATE activity SET held_on = '2022-05-21'")
    assert "结对“村1村党支部 ← 机关第1党支部”的2022年5月21日活动日期晚于今天（2022年5月19日）。" in broken(
        sound, clock
    )
    later = FixedClock.on("2022-05-21")  # the check asks the clock, not the computer
    assert cli("check", str(sound), clock=later)[0] == EXIT_OK


def test_activity_outside_its_pairing(sound: Path, clock: FixedClock) -> None:
    shell(sound, "UPDATE activity SET held_on = '2022-04-01'")
    assert (
        "2022年4月1日的活动不在其结对“村1村党支部 ← 机关第1党支部”的起止日期（2022年4月10日起）之内。"
        in broken(sound, clock)
    )


def test_key_task_of_another_half_year(sound: Path, clock: FixedClock) -> None:
    shell(
        sound,
        "INSERT INTO key_task (id, uuid, name, half_year, created_at, updated_at)"
        " VALUES (1, 'k', '防汛救灾', '2022-H2', '', '')",
        "UPDATE activity SET type = 'key_task', key_task_id = 1",
    )
    assert (
        "结对“村1村党支部 ← 机关第1党支部”的2022年5月14日活动所属的重点任务“防汛救灾”"
        "属于另一个半年（2022年下半年）。" in broken(sound, clock)
    )


def test_two_active_branches_with_one_name(sound: Path, clock: FixedClock) -> None:
    shell(sound, "UPDATE branch SET name = '村1村党支部' WHERE name = '村2村党支部'")
    assert "城关镇有 2 个未归档的党支部同名：“村1村党支部”。" in broken(sound, clock)
    shell(sound, "UPDATE branch SET archived_on = '2022-05-01' WHERE id = 5")
    # An archived namesake is history, not a clash (its ended pairing lies within its life).
    assert cli("check", str(sound), clock=clock)[0] == EXIT_OK


def test_grassroots_branch_outside_a_township(sound: Path, clock: FixedClock) -> None:
    shell(sound, "UPDATE branch SET region_id = 2 WHERE name = '村1村党支部'")
    assert "基层党支部“村1村党支部”所属区域“潢川县”不是乡镇（街道）。" in broken(sound, clock)


def test_grid_of_a_community_elsewhere(sound: Path, clock: FixedClock) -> None:
    shell(sound, "UPDATE branch SET region_id = 4 WHERE name = '仁和社区第一网格党支部'")
    assert (
        "城关镇的网格党支部“仁和社区第一网格党支部”所属社区“仁和社区党支部”不是本乡镇（街道）的社区党支部。"
        in broken(sound, clock)
    )


def test_organ_branch_without_a_unit(sound: Path, clock: FixedClock) -> None:
    shell(
        sound,
        "PRAGMA ignore_check_constraints = ON",
        "UPDATE branch SET unit_id = NULL WHERE name = '机关第3党支部'",
    )
    assert "潢川县的“机关第3党支部”：机关党支部必须属于一个单位，且只有机关党支部才属于单位。" in broken(
        sound, clock
    )


def test_unknown_tier_and_kind(sound: Path, clock: FixedClock) -> None:
    shell(
        sound,
        "PRAGMA ignore_check_constraints = ON",
        "UPDATE branch SET tier = '优秀' WHERE name = '机关第3党支部'",
        "UPDATE activity SET type = 'party'",
    )
    out = broken(sound, clock)
    assert "“机关第3党支部”含有台账无法识别的值“优秀”。" in out
    assert "“2022-05-14 村1村党支部 ← 机关第1党支部”含有台账无法识别的值“party”。" in out


def test_pairing_between_two_grassroots_branches(sound: Path, clock: FixedClock) -> None:
    shell(
        sound,
        "DROP TRIGGER pairing_sides_update",
        "UPDATE pairing SET organ_id = 7 WHERE id = 2",  # the grid
    )
    assert (
        "结对“村2村党支部 ← 仁和社区第一网格党支部”（2022年4月10日至2022年4月30日）"
        "不是机关党支部与基层党支部之间的结对。" in broken(sound, clock)
    )


def test_the_rules_read_activities_through_indexes_only(sound: Path, clock: FixedClock) -> None:
    """At a million activities a full read of the table would cost seconds; each rule walks an index."""
    with Ledger.open(sound, clock, read_only=True) as ledger:
        for rule, sql in QUERIES.items():
            steps = [
                row["detail"] for row in ledger.query(f"EXPLAIN QUERY PLAN {sql}", {"today": "2022-05-19"})
            ]
            scans = [step for step in steps if step.startswith(("SCAN a", "SCAN activity"))]
            assert all("COVERING INDEX" in step for step in scans), (rule, scans)


@pytest.mark.parametrize(
    ("statements", "expected", "present", "named", "make_up"),
    [
        (["UPDATE activity SET expected = 10, present = 12"], 10, 12, 0, "—"),
        (["UPDATE activity SET expected = 10"], 10, "—", 0, "—"),
        (
            [
                "UPDATE activity SET expected = 10, present = 7",
                "INSERT INTO activity_absentee (uuid, activity_id, name, reason, created_at, updated_at)"
                " VALUES ('y', 1, '李华', '病假', '', '')",
            ],
            10,
            7,
            1,
            "—",
        ),
        (
            ["UPDATE activity SET expected = 10, present = 9, make_up_on = '2022-05-13'"],
            10,
            9,
            0,
            "2022年5月13日",
        ),
        (
            ["UPDATE activity SET expected = 10, present = 10, make_up_on = '2022-05-20'"],
            10,
            10,
            0,
            "2022年5月20日",
        ),
    ],
)
def test_an_attendance_that_does_not_add_up(
    sound: Path,
    clock: FixedClock,
    statements: list[str],
    expected: object,
    present: object,
    named: int,
    make_up: str,
) -> None:
    """Written by another program (or a package from an older build): check names it by the rule the dialog
    and the import keep."""
    shell(sound, *statements)
    assert broken(sound, clock).splitlines()[0] == (
        "结对“村1村党支部 ← 机关第1党支部”的2022年5月14日活动出勤情况对不上："
        f"应到 {expected} 人，实到 {present} 人，填写缺席人员 {named} 名，补课日期{make_up}。"
    )
