"""Village work teams through the services: teams, members one team at a time on every path, the month's
days, the rule's figures against hand-written SQL, undo."""

from __future__ import annotations

import sqlite3

import pytest

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import Month
from branchdesk.domain.teams import DayEntry, DayMark, MemberDraft, MonthDays, Role, parse_block
from branchdesk.services import teams
from branchdesk.services.history import UndoHistory, changed
from branchdesk.services.month_locks import lock_month, unlock_month
from branchdesk.storage.check import rule_problems
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder, day

APRIL = Month(2022, 4)


def _member(name: str, phone: str, role: Role = Role.MEMBER, **fields: object) -> MemberDraft:
    values: dict[str, object] = {"from_on": day("2022-04-01"), "sending_unit": "潢川县财政局", **fields}
    return MemberDraft(name, phone, role, **values)  # type: ignore[arg-type]


def _town_with_team(ledger: Ledger, build: LedgerBuilder) -> tuple[dict[str, int], int, list[int]]:
    tree, _pairings = build.paired_town(2)
    village = ledger.scalar("SELECT id FROM branch WHERE name = '城关1村党支部'")
    teams.add_team(
        ledger,
        village,
        day("2022-04-01"),
        members=[
            _member("张明", "13800000001", Role.LEADER),
            _member("李芳", "138 0000 0002", Role.FIRST_SECRETARY),
            _member("王伟", "13800000003", to_on=day("2022-04-15")),
        ],
    )
    team_id = ledger.scalar("SELECT id FROM work_team")
    members = [row["id"] for row in teams.members_of(ledger, team_id)]
    return tree, team_id, members


def _days(marks: str, month: Month = APRIL, reasons: dict[int, str] | None = None) -> MonthDays:
    return MonthDays(month, tuple(None if c == "-" else DayMark(c) for c in marks), reasons or {})


def test_a_team_is_sent_by_the_paired_organs_unit_with_its_members_in_one_step(
    ledger: Ledger, build: LedgerBuilder
) -> None:
    _tree, team_id, members = _town_with_team(ledger, build)
    row = ledger.query("SELECT t.*, u.name AS unit FROM work_team t JOIN unit u ON u.id = t.unit_id")[0]
    assert row["unit"] == "潢川县财政局"
    stored = ledger.query(
        "SELECT name, phone, role FROM team_member WHERE team_id = ? ORDER BY id", (team_id,)
    )
    assert [(r["name"], r["phone"], r["role"]) for r in stored] == [
        ("张明", "13800000001", "leader"),
        ("李芳", "13800000002", "first_secretary"),  # the number kept as digits: one person, one key
        ("王伟", "13800000003", "member"),
    ]
    assert len(members) == 3
    history = UndoHistory(ledger)
    operation = ledger.scalar("SELECT max(id) FROM operation WHERE action = 'team.add'")
    history.record(changed(ledger, operation))
    history.undo()
    assert ledger.scalar("SELECT count(*) FROM work_team") == 0
    assert ledger.scalar("SELECT count(*) FROM team_member") == 0


def test_a_member_serves_on_one_team_at_a_time_on_every_path(ledger: Ledger, build: LedgerBuilder) -> None:
    _tree, team_id, _members = _town_with_team(ledger, build)
    other_village = ledger.scalar("SELECT id FROM branch WHERE name = '城关2村党支部'")
    teams.add_team(ledger, other_village, day("2022-04-01"))
    other_team = ledger.scalar("SELECT id FROM work_team WHERE branch_id = ?", (other_village,))
    with pytest.raises(BranchDeskError) as refused:
        teams.add_member(ledger, other_team, _member("张明", "13800000001", from_on=day("2022-05-01")))
    assert refused.value.code == "team.member_busy"
    assert refused.value.params["branch"] == "城关1村党支部"
    # 王伟 left the first team on 15 April: from the 16th he may serve on another, not before.
    with pytest.raises(BranchDeskError, match=r"team\.member_busy"):
        teams.add_member(ledger, other_team, _member("王伟", "13800000003", from_on=day("2022-04-15")))
    teams.add_member(ledger, other_team, _member("王伟", "13800000003", from_on=day("2022-04-16")))
    # Another program writing the file meets the same rule in the schema.
    for sql in (
        "INSERT INTO team_member (uuid, team_id, name, phone, role, from_on, created_at, updated_at)"
        " VALUES ('x', ?, '张明', '13800000001', 'member', '2022-05-01', '', '')",
        "INSERT INTO team_member (uuid, team_id, name, phone, role, from_on, to_on, created_at, updated_at)"
        " VALUES ('y', ?, '王伟', '13800000003', 'member', '2022-04-10', '2022-04-20', '', '')",
    ):
        with pytest.raises(sqlite3.IntegrityError):
            ledger.conn.execute(sql, (other_team,))
    assert ledger.scalar("SELECT count(*) FROM team_member WHERE team_id = ?", (team_id,)) == 3
    assert [p for p in rule_problems(ledger) if p.code.startswith("rule.team")] == []


def test_check_names_overlapping_memberships_and_days_outside_service(
    ledger: Ledger, build: LedgerBuilder
) -> None:
    _tree, _team_id, members = _town_with_team(ledger, build)
    teams.save_month(ledger, APRIL, {members[2]: _days("P" * 15 + "-" * 15)})
    # Written around the rules, as another program could: triggers off, marks past 王伟's last day.
    ledger.conn.execute("DROP TRIGGER team_member_overlap_insert")
    ledger.conn.execute("DROP INDEX team_member_open")
    ledger.conn.execute(
        "INSERT INTO team_member (uuid, team_id, name, phone, role, from_on, created_at, updated_at)"
        " SELECT 'x', team_id, '张明', phone, 'member', '2022-05-01', '', '' FROM team_member WHERE id = ?",
        (members[0],),
    )
    ledger.conn.execute(
        "UPDATE team_days SET marks = ?, present = 17 WHERE member_id = ?", ("P" * 17 + "-" * 13, members[2])
    )
    found = {(p.code, tuple(sorted(p.params.items()))) for p in rule_problems(ledger) if "team" in p.code}
    codes = sorted(code for code, _ in found)
    assert codes == ["rule.team_days_outside_member", "rule.team_member_overlap"]


def test_the_month_saved_counts_and_undoes_as_one_step(ledger: Ledger, build: LedgerBuilder) -> None:
    _tree, _team_id, members = _town_with_team(ledger, build)
    leader, secretary, short = members
    done = teams.save_month(
        ledger,
        APRIL,
        {
            leader: _days("PPPPPPPPPPBBLPPPPPPPPPPPAA----", reasons={13: "病假"}),
            secretary: _days("PPPPPPLLLLLLPPPPPPPPPPPPPPPPPP", reasons={7: "事假"}),
            short: _days("PPPPPPPAAAPPPPP---------------"),
        },
    )
    assert done is not None
    assert done.action == "team.days"
    row = ledger.query("SELECT * FROM team_days WHERE member_id = ?", (leader,))[0]
    assert (row["present"], row["leave"], row["business"], row["absent"]) == (21, 1, 2, 2)
    assert row["reasons"] == '{"13": "病假"}'
    listed = {
        m.name: (m.days.counted, m.required, m.shortfall) for m in teams.month_members(ledger, 1, APRIL)
    }
    # 王伟 served 15 days of 30: he owes ⌈20 × 15 / 30⌉ = 10 and was there 12.
    assert listed == {"张明": (23, 20, 0), "李芳": (24, 20, 0), "王伟": (12, 10, 0)}
    assert (
        teams.save_month(
            ledger, APRIL, {leader: _days("PPPPPPPPPPBBLPPPPPPPPPPPAA----", reasons={13: "病假"})}
        )
        is None
    )
    history = UndoHistory(ledger)
    history.record(done)
    history.undo()
    assert ledger.scalar("SELECT count(*) FROM team_days") == 0


def test_bad_days_are_refused_whole(ledger: Ledger, build: LedgerBuilder) -> None:
    _tree, _team_id, members = _town_with_team(ledger, build)
    leader, _secretary, short = members
    before = ledger.scalar("SELECT count(*) FROM change_log")
    with pytest.raises(BranchDeskError) as refused:
        teams.save_month(ledger, APRIL, {leader: _days("P" * 30), short: _days("P" * 16 + "-" * 14)})
    assert refused.value.code == "team.day_outside_member"
    assert refused.value.params == {
        "name": "王伟", "day": "2022-04-16", "from_on": "2022-04-01", "to_on": "2022-04-15"
    }  # fmt: skip
    with pytest.raises(BranchDeskError, match=r"team\.day_twice"):
        teams.record_days(
            ledger,
            [
                DayEntry("13800000001", day("2022-04-02"), DayMark.PRESENT),
                DayEntry("138-0000-0001", day("2022-04-02"), DayMark.ABSENT),
            ],
        )
    with pytest.raises(BranchDeskError, match=r"team\.no_member_on_day"):
        teams.record_days(ledger, [DayEntry("13800000003", day("2022-04-20"), DayMark.PRESENT)])
    assert ledger.scalar("SELECT count(*) FROM team_days") == 0
    assert ledger.scalar("SELECT count(*) FROM change_log") == before
    teams.record_days(ledger, [DayEntry("13800000001", day("2022-04-02"), DayMark.LEAVE, "病假")])
    assert ledger.query("SELECT marks, reasons FROM team_days")[0] == {
        "marks": "-L" + "-" * 28, "reasons": '{"2": "病假"}'
    }  # fmt: skip


def test_the_rule_figures_equal_hand_written_sql(ledger: Ledger, build: LedgerBuilder) -> None:
    tree, _team_id, members = _town_with_team(ledger, build)
    leader, secretary, short = members
    teams.save_month(
        ledger,
        APRIL,
        {
            leader: _days("P" * 19 + "-" * 11),
            secretary: _days("B" * 20 + "A" * 10),
            short: _days("P" * 9 + "L" * 6 + "-" * 15),
        },
    )
    teams.set_min_days(ledger, 20)
    figures = teams.team_figures(ledger, tree["huangchuan"], APRIL)
    by_hand = ledger.query(
        """
        SELECT count(*) AS members,
               sum(coalesce(d.present + d.business, 0) <
                   CASE WHEN m.to_on = '2022-04-15' THEN 10 ELSE 20 END) AS below
        FROM team_member m LEFT JOIN team_days d ON d.member_id = m.id AND d.month = '2022-04'
        """
    )[0]
    assert (figures.members, figures.below_rule) == (by_hand["members"], by_hand["below"]) == (3, 2)
    below = teams.month_members(ledger, tree["city"], APRIL, below_only=True)
    assert [(m.name, m.shortfall) for m in below] == [("张明", 1), ("王伟", 1)]
    assert teams.team_figures(ledger, tree["gushi"], APRIL).members == 0
    teams.set_min_days(ledger, 15)
    # 张明's 19 days meet 15; 王伟 owes ⌈15 × 15 / 30⌉ = 8 and was there 9.
    assert teams.team_figures(ledger, tree["city"], APRIL).below_rule == 0


def test_a_pasted_block_with_wrong_columns_is_refused_with_where() -> None:
    assert parse_block("在\t假 病假\r\nP\t-", 29, APRIL, 2) == [
        [(DayMark.PRESENT, None), (DayMark.LEAVE, "病假")],
        [(DayMark.PRESENT, None), (None, None)],
    ]
    with pytest.raises(BranchDeskError) as too_wide:
        parse_block("在\t假\tB", 29, APRIL, 2)
    assert too_wide.value.params == {"columns": 3, "day": 29, "days_left": 2}
    with pytest.raises(BranchDeskError) as bad:
        parse_block("姓名\t1日", 1, APRIL, 2)
    assert bad.value.code == "team.paste_bad_cell"
    assert bad.value.params == {"row": 1, "day": 1, "text": "姓名"}


def test_a_locked_month_refuses_its_days_until_unlocked(ledger: Ledger, build: LedgerBuilder) -> None:
    _tree, _team_id, members = _town_with_team(ledger, build)
    teams.save_month(ledger, APRIL, {members[0]: _days("P" * 30)})
    lock_month(ledger, APRIL, "潢川县")
    with pytest.raises(BranchDeskError) as refused:
        teams.save_month(ledger, APRIL, {members[0]: _days("P" * 29 + "A")})
    assert refused.value.code == "month.locked"
    assert ledger.scalar("SELECT marks FROM team_days") == "P" * 30
    # Another county's lock, or another month, leaves the days free.
    unlock_month(ledger, APRIL, "整改", "潢川县")
    lock_month(ledger, APRIL, "固始县")
    teams.save_month(ledger, APRIL, {members[0]: _days("P" * 29 + "A")})
    assert ledger.scalar("SELECT absent FROM team_days") == 1
