"""branchdesk-cli teams: each work team member's days in a month and shortfall, as stats counts them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from branchdesk.cli import EXIT_OK
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.months import Month
from branchdesk.domain.teams import DayMark, MemberDraft, MonthDays, Role
from branchdesk.services import teams
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder, day
from tests.test_cli import cli

MAY = Month(2022, 5)


def _days(marks: str, reasons: dict[int, str] | None = None) -> MonthDays:
    return MonthDays(MAY, tuple(None if c == "-" else DayMark(c) for c in marks), reasons or {})


@pytest.fixture
def county(build: LedgerBuilder, ledger: Ledger) -> Path:
    """潢川县: a team in 城关1村 (leader 张明 with 22 days, member 李芳 with 15 and a leave) and one in
    仁和1村 (王伟, absent most of May)."""
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    organs = build.organs(unit, tree["huangchuan"], 2)
    chengguan = build.villages(tree["hc_chengguan"], 1, prefix="城关")[0]
    renhe = build.villages(tree["hc_renhe"], 1, prefix="仁和")[0]
    build.pair(organs[0], chengguan, "2022-04-10")
    build.pair(organs[1], renhe, "2022-04-10")
    start = day("2022-04-15")
    teams.add_team(
        ledger,
        chengguan,
        start,
        members=[
            MemberDraft("张明", "13800000001", Role.LEADER, start, sending_unit="潢川县财政局"),
            MemberDraft("李芳", "13800000002", Role.FIRST_SECRETARY, start),
        ],
    )
    teams.add_team(ledger, renhe, start, members=[MemberDraft("王伟", "13800000003", Role.MEMBER, start)])
    members = {row["name"]: row["id"] for row in ledger.query("SELECT id, name FROM team_member")}
    teams.save_month(
        ledger,
        MAY,
        {
            members["张明"]: _days("P" * 20 + "BB" + "-" * 9),
            members["李芳"]: _days("P" * 15 + "L" * 3 + "-" * 13, {16: "病假", 17: "病假", 18: "病假"}),
            members["王伟"]: _days("A" * 25 + "P" * 6),
        },
    )
    path = ledger.path
    ledger.close()
    return path


def test_teams_lists_each_members_days_and_shortfall(county: Path) -> None:
    clock = FixedClock.on("2022-06-10")
    code, out, err = cli("teams", str(county), "--month", "2022-05", clock=clock)
    assert (code, err) == (EXIT_OK, "")
    lines = out.splitlines()
    assert lines[0].split("\t")[:5] == [
        "潢川县 / 城关镇",
        "城关1村党支部",
        "张明",
        "队长",
        "在" * 20 + "公公" + "·" * 9,
    ]
    assert lines[0].split("\t")[5:] == ["在村 20 天，公务 2 天，请假 0 天，缺勤 0 天", "应 20 天，差 0 天"]
    assert lines[1].split("\t")[2:4] == ["李芳", "第一书记"]
    assert lines[1].split("\t")[6] == "应 20 天，差 5 天"
    assert lines[2].split("\t")[0:3] == ["潢川县 / 仁和镇", "仁和1村党支部", "王伟"]
    assert lines[2].split("\t")[6] == "应 20 天，差 14 天"
    assert lines[3] == "信阳市，2022年5月：驻村工作队队员 3 人，未达 20 天要求 2 人"


def test_teams_json_and_region_agree_with_stats_and_hand_written_sql(county: Path) -> None:
    clock = FixedClock.on("2022-06-10")
    arguments = ("--month", "2022-05", "--region", "仁和镇", "--json")
    code, out, _ = cli("teams", str(county), *arguments, clock=clock)
    assert code == EXIT_OK
    listed = json.loads(out)
    assert listed["region"]["path"] == "信阳市/潢川县/仁和镇"
    assert (listed["members"], listed["below_rule"], listed["min_days"]) == (1, 1, 20)
    assert [(m["name"], m["absent"], m["present"], m["shortfall"]) for m in listed["list"]] == [
        ("王伟", 25, 6, 14)
    ]
    code, out, _ = cli("stats", str(county), "--json", "--month", "2022-05", clock=clock)
    stats = json.loads(out)
    with Ledger.open(county, clock, read_only=True) as ledger:
        by_hand = ledger.query(
            "SELECT count(*) AS members, sum(coalesce(present + business, 0) < 20) AS below"
            " FROM team_member m LEFT JOIN team_days d ON d.member_id = m.id AND d.month = '2022-05'"
        )[0]
    assert stats["teams"] == {
        "month": "2022-05",
        "members": by_hand["members"],
        "below_rule": by_hand["below"],
    }
    assert (by_hand["members"], by_hand["below"]) == (3, 2)


def test_teams_imports_a_month_sheet_whole_or_not_at_all(county: Path, tmp_path: Path) -> None:
    clock = FixedClock.on("2022-07-10")
    header = "姓名,电话," + ",".join(f"{day}日" for day in range(1, 31))
    good = tmp_path / "六月考勤.csv"
    good.write_text(
        f"六月驻村考勤\n{header}\n张明,13800000001," + ",".join(["在"] * 20 + ["公"] * 2 + [""] * 8) + "\n"
        "王伟,138 0000 0003," + ",".join(["P"] * 10 + ["假 病假"] + [""] * 19) + "\n",
        encoding="utf-8",
    )
    twice = tmp_path / "重复.csv"
    twice.write_text(f"{header}\n张明,13800000001,在\n张明,13800000001,缺\n", encoding="utf-8")
    wrong = tmp_path / "列不对.csv"
    wrong.write_text("电话,1,2,3\n13800000001,在,在,在\n", encoding="utf-8")
    for sheet, message in (
        (twice, "13800000001 在2022年6月1日的出勤登记了两次（第 2 行和第 3 行）"),
        (wrong, "表格的日期列与2022年6月不符：表中有 3 个日期列，当月有 30 天"),
    ):
        code, out, err = cli("teams", str(county), "--month", "2022-06", "--import", str(sheet), clock=clock)
        assert code != EXIT_OK
        assert message in err
        with Ledger.open(county, clock, read_only=True) as ledger:
            assert ledger.scalar("SELECT count(*) FROM team_days WHERE month = '2022-06'") == 0
    code, out, err = cli("teams", str(county), "--month", "2022-06", "--import", str(good), clock=clock)
    assert (code, err) == (EXIT_OK, "")
    assert out.splitlines()[0] == f"已从 {good} 导入 2 名队员的 33 天出勤"
    with Ledger.open(county, clock, read_only=True) as ledger:
        assert ledger.query(
            "SELECT m.name, d.present, d.business, d.leave, d.reasons FROM team_days d"
            " JOIN team_member m ON m.id = d.member_id WHERE d.month = '2022-06' ORDER BY m.id"
        ) == [
            {"name": "张明", "present": 20, "business": 2, "leave": 0, "reasons": "{}"},
            {"name": "王伟", "present": 10, "business": 0, "leave": 1, "reasons": '{"11": "病假"}'},
        ]
        assert ledger.scalar("SELECT count(*) FROM operation WHERE action = 'team.days_import'") == 1
