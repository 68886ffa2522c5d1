"""Village work teams (issue #21), half-year summaries and list items' photos (issue #20) in data packages,
through ``branchdesk-cli``: a county demo's seed brings a township its teams; the township sends a team,
members and a month of days up, and the county's rows and figures are the township's; a team the county
entered for the same village under another entry is rejected row by row with its members and days (the
rest goes in); days in a locked month wait for its unlocking; a half-year frozen at the township travels
up, and so does a ticked-off list item's photo; every kind of record a package carries is named in Chinese
by the command line and the window. Every check reads the rows in the files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from branchdesk.cli import EXIT_FAILED, EXIT_OK
from branchdesk.domain.branch_rules import BranchDraft
from branchdesk.domain.enums import BranchKind, Tier
from branchdesk.domain.months import HalfYear, Month
from branchdesk.domain.photos import PhotoEntry
from branchdesk.domain.teams import DayMark, MemberDraft, MonthDays, Role
from branchdesk.services import stars, teams
from branchdesk.services.branches import add_branch
from branchdesk.services.halfyear import planned_tasks, start_half_year
from branchdesk.services.ledgers import open_ledger
from branchdesk.services.month_locks import lock_month, unlock_month
from branchdesk.services.photos import prepare
from branchdesk.services.plan_items import close_item
from branchdesk.storage import identity as identity_store
from branchdesk.storage import media
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.packages import PACKAGE_TABLES
from branchdesk.ui.package_words import table_name
from tests.builders import LedgerBuilder
from tests.offices import CLOCK, Offices
from tests.photo_files import write_jpeg
from tests.test_cli_package_import import cli, imported, records, send

APRIL = Month(2022, 4)
TEAM_TABLES = ("work_team", "team_member", "team_days")


def days(marks: str) -> MonthDays:
    return MonthDays(APRIL, tuple(None if c == "-" else DayMark(c) for c in marks))


def new_village(ledger: Ledger, name: str) -> int:
    """A village added to the ledger's own township (every village the demo has has its team)."""
    scope = identity_store.identity(ledger).scope_region_id
    add_branch(ledger, BranchDraft(name, BranchKind.VILLAGE, scope, tier=Tier.WEAK))
    return int(ledger.scalar("SELECT id FROM branch WHERE name = ?", (name,)))


def uuid_of(path: Path, table: str, row_id: int) -> str:
    with open_ledger(path, CLOCK, read_only=True) as ledger:
        return str(ledger.scalar(f"SELECT uuid FROM {table} WHERE id = ?", (row_id,)))


def send_team(ledger: Ledger, village: int, phone: str) -> tuple[int, list[int]]:
    """A team sent to ``village`` on 1 April with a leader and a member, and their April entered."""
    teams.add_team(
        ledger,
        village,
        dt.date(2022, 4, 1),
        members=[
            MemberDraft("周建国", phone, Role.LEADER, dt.date(2022, 4, 1)),
            MemberDraft("吴丽", f"{phone[:-1]}9", Role.MEMBER, dt.date(2022, 4, 1)),
        ],
    )
    team = int(ledger.scalar("SELECT max(id) FROM work_team"))
    members = [row["id"] for row in ledger.query("SELECT id FROM team_member WHERE team_id = ?", (team,))]
    teams.save_month(
        ledger, APRIL, {members[0]: days("P" * 22 + "L" * 2 + "P" * 6), members[1]: days("P" * 12 + "A" * 18)}
    )
    return team, members


def county_team(county: Path, village_uuid: str) -> None:
    """The county typed a team of its own for the township's village: 王海, its leader from 1 March 2022."""
    with open_ledger(county, CLOCK) as ledger:
        here = int(ledger.scalar("SELECT id FROM branch WHERE uuid = ?", (village_uuid,)))
        teams.add_team(
            ledger,
            here,
            dt.date(2022, 3, 1),
            members=[MemberDraft("王海", "13900000055", Role.LEADER, dt.date(2022, 3, 1))],
        )


def team_json(path: Path, region: str) -> dict[str, Any]:
    code, out, err = cli("teams", str(path), "--month", "2022-04", "--region", region, "--json")
    assert (code, err) == (EXIT_OK, ""), err
    found: dict[str, Any] = json.loads(out)
    return found


def test_a_townships_seed_brings_its_teams(offices: Offices) -> None:
    township = offices.township()
    with open_ledger(offices.county, CLOCK, read_only=True) as ledger:
        expected = ledger.scalar(
            "SELECT count(*) FROM team_days d JOIN team_member m ON m.id = d.member_id"
            " JOIN work_team t ON t.id = m.team_id JOIN branch b ON b.id = t.branch_id"
            " JOIN region r ON r.id = b.region_id WHERE r.name = '春申街道'"
        )
    assert expected > 0
    for table in TEAM_TABLES:
        mine = records(township, table)
        assert mine, table
        county = records(offices.county, table)
        assert all(county[uuid] == row for uuid, row in mine.items())
    assert len(records(township, "team_days")) == expected
    assert team_json(township, "春申街道") == team_json(offices.county, "春申街道")


def test_a_townships_team_members_and_days_travel_to_its_county(offices: Offices) -> None:
    township = offices.township()
    with open_ledger(township, CLOCK) as ledger:
        team, members = send_team(ledger, new_village(ledger, "春申新村党支部"), "13900000001")
        # A seeded member (serving since mid-April): phone corrected, April's last day on official business.
        row = ledger.query(
            "SELECT m.*, d.marks FROM team_member m JOIN team_days d ON d.member_id = m.id"
            " WHERE d.month = '2022-04' AND m.to_on IS NULL AND m.team_id != ?"
            " ORDER BY m.id LIMIT 1",
            (team,),
        )[0]
        seeded = row["id"]
        teams.edit_member(
            ledger,
            seeded,
            MemberDraft(
                row["name"], "13700000123", Role(row["role"]), dt.date.fromisoformat(row["from_on"]),
                sending_unit=row["sending_unit"], note=row["note"],
            ),
        )  # fmt: skip
        marks = MonthDays.stored(APRIL, row["marks"], {}).with_day(30, DayMark.BUSINESS)
        teams.save_month(ledger, APRIL, {seeded: marks})
    delta = send(township, offices.folder / "工作队.bdx")

    code, summary, _ = imported(offices.county, delta, flags=("--dry-run",))
    assert code == EXIT_OK
    assert (summary["counts"]["new"], summary["counts"]["updated"]) == (1 + 1 + 2 + 2, 2)  # with its village
    assert (summary["counts"]["conflicts"], summary["counts"]["rejected"]) == (0, 0)
    code, summary, _ = imported(offices.county, delta)
    assert code == EXIT_OK
    assert summary["packages"][0]["result"] == "applied"
    for table in TEAM_TABLES:
        county = records(offices.county, table)
        assert all(county[uuid] == row for uuid, row in records(township, table).items()), table
    with open_ledger(offices.county, CLOCK, read_only=True) as ledger:
        phone = ledger.scalar(
            "SELECT phone FROM team_member WHERE uuid = ?", (uuid_of(township, "team_member", seeded),)
        )
        assert phone == "13700000123"
        assert ledger.query(
            "SELECT d.present, d.leave, d.business, d.absent FROM team_days d"
            " JOIN team_member m ON m.id = d.member_id WHERE m.uuid = ? AND d.month = '2022-04'",
            (uuid_of(township, "team_member", members[0]),),
        ) == [{"present": 28, "leave": 2, "business": 0, "absent": 0}]
        assert (
            ledger.scalar(
                "SELECT count(*) FROM work_team WHERE uuid = ?", (uuid_of(township, "work_team", team),)
            )
            == 1
        )
    assert team_json(offices.county, "春申街道") == team_json(township, "春申街道")
    assert cli("check", str(offices.county))[1].endswith("未发现问题\n")


def test_a_team_the_county_entered_for_the_same_village_is_kept_and_the_townships_rejected(
    offices: Offices,
) -> None:
    """Both offices sent a team to one village (the county typed it too): the township's team breaks the
    rule of one team a village, its members and days refer to it, and go nowhere; a member already on the
    county's team for April breaks the rule of one team at a time. The rest of the package goes in."""
    township = offices.township()
    with open_ledger(township, CLOCK) as ledger:
        village, other = new_village(ledger, "春申新村党支部"), new_village(ledger, "春申东村党支部")
    assert imported(offices.county, send(township, offices.folder / "新村.bdx"))[0] == EXIT_OK
    village_uuid = uuid_of(township, "branch", village)
    with open_ledger(township, CLOCK) as ledger:
        team, _members = send_team(ledger, village, "13900000001")
        teams.add_team(
            ledger,
            other,
            dt.date(2022, 4, 1),
            members=[MemberDraft("郑涛", "13900000055", Role.FIRST_SECRETARY, dt.date(2022, 4, 1))],
        )
        stars.rate_branch(ledger, other, 2021, 4)
    county_team(offices.county, village_uuid)
    before = {table: records(offices.county, table) for table in TEAM_TABLES}
    delta = send(township, offices.folder / "工作队.bdx")
    code, printed, _ = cli("package", "import", str(offices.county), str(delta), "--dry-run")
    assert code == EXIT_OK
    counted = [printed.count(f"拒收：{kind} ") for kind in ("驻村工作队", "驻村队员", "队员月度出勤")]
    assert counted == [1, 3, 2]
    assert printed.count("违反台账规则（本台账已另有同一记录、队员同时在两个工作队") == 2
    code, summary, _ = imported(offices.county, delta)
    assert code == EXIT_OK
    rejected = sorted((row["table"], row["reason"]) for row in summary["rejected"])
    assert rejected == sorted(
        [("work_team", "broken_rule"), ("team_member", "broken_rule")]
        + [("team_member", "unknown_reference")] * 2
        + [("team_days", "unknown_reference")] * 2
    )
    assert {row["uuid"] for row in summary["rejected"] if row["table"] == "work_team"} == {
        uuid_of(township, "work_team", team)
    }
    assert summary["counts"]["new"] == 2  # the other village's team and its rating
    after = {table: records(offices.county, table) for table in TEAM_TABLES}
    assert len(after["work_team"]) == len(before["work_team"]) + 1
    assert after["team_member"] == before["team_member"]
    assert after["team_days"] == before["team_days"]
    assert cli("check", str(offices.county))[1].endswith("未发现问题\n")


def test_a_townships_half_year_summary_travels_to_its_county(offices: Offices) -> None:
    township = offices.township()
    closing = HalfYear(2021, 2)
    with open_ledger(township, CLOCK) as ledger:
        scope = identity_store.identity(ledger).scope_region_id
        assert scope is not None
        start_half_year(ledger, scope, closing, planned_tasks(ledger, closing))
    delta = send(township, offices.folder / "半年.bdx")
    code, summary, _ = imported(offices.county, delta)
    assert code == EXIT_OK
    assert "halfyear_summary" not in {row["table"] for row in summary["rejected"]}
    frozen = records(township, "halfyear_summary")
    assert len(frozen) == 1
    assert records(offices.county, "halfyear_summary") == frozen
    out = offices.folder / "春申街道 2021-H2.pdf"
    code, printed, _ = cli(
        "halfyear", str(offices.county), "--half", "2021-H2", "--summary", str(out), "--region", "春申街道"
    )
    assert code == EXIT_OK
    assert "2021年下半年总结（2022年5月19日冻结）" in printed, printed


def test_a_conflict_on_a_star_rating_is_named_by_the_command_line(offices: Offices) -> None:
    """Each kind of record a package carries has its Chinese name in the import's report (a star rating's
    conflict stopped the command with a KeyError)."""
    township = offices.township()
    with open_ledger(township, CLOCK) as ledger:
        village = new_village(ledger, "春申新村党支部")
        stars.rate_branch(ledger, village, 2021, 3)
    first = send(township, offices.folder / "星级 1.bdx")
    assert imported(offices.county, first)[0] == EXIT_OK
    with open_ledger(township, CLOCK) as ledger:
        stars.rate_branch(ledger, village, 2021, 4)
    with open_ledger(offices.county, CLOCK) as ledger:
        here = int(
            ledger.scalar("SELECT id FROM branch WHERE uuid = ?", (uuid_of(township, "branch", village),))
        )
        stars.rate_branch(ledger, here, 2021, 5)
    second = send(township, offices.folder / "星级 2.bdx")
    code, printed, err = cli("package", "import", str(offices.county), str(second), "--dry-run")
    assert code == EXIT_FAILED, err
    assert "冲突：星级评定 " in printed


def test_every_kind_of_record_a_package_carries_has_a_name_in_the_window(qapp: QApplication) -> None:
    nameless = [table for table in PACKAGE_TABLES if table_name(table) == table]
    assert nameless == []


def test_a_member_removed_at_the_county_comes_back_with_their_months_when_taken_theirs(
    offices: Offices,
) -> None:
    """The county removed a member (with their days) whom the township still has and corrected: the
    conflict taken theirs brings the member back with every month the county's removal took."""
    township = offices.township()
    with open_ledger(township, CLOCK) as ledger:
        row = ledger.query(
            "SELECT m.* FROM team_member m WHERE m.to_on IS NULL"
            " AND (SELECT count(*) FROM team_days d WHERE d.member_id = m.id) = 2 ORDER BY m.id LIMIT 1"
        )[0]
        member_uuid = row["uuid"]
        teams.edit_member(
            ledger,
            row["id"],
            MemberDraft(
                row["name"], "13700000456", Role(row["role"]), dt.date.fromisoformat(row["from_on"]),
                sending_unit=row["sending_unit"], note=row["note"],
            ),
        )  # fmt: skip
    months = {uuid: days for uuid, days in records(offices.county, "team_days").items()
              if days["member_uuid"] == member_uuid}  # fmt: skip
    assert len(months) == 2
    with open_ledger(offices.county, CLOCK) as ledger:
        teams.remove_member(
            ledger, int(ledger.scalar("SELECT id FROM team_member WHERE uuid = ?", (member_uuid,)))
        )
    delta = send(township, offices.folder / "队员.bdx")
    code, summary, _ = imported(offices.county, delta)
    assert code == EXIT_FAILED
    assert [(c["table"], c["uuid"]) for c in summary["conflicts"]] == [("team_member", member_uuid)]
    code, summary, _ = imported(offices.county, delta, flags=("--take", "theirs"))
    assert code == EXIT_OK
    assert (
        records(offices.county, "team_member")[member_uuid] == records(township, "team_member")[member_uuid]
    )
    back = {uuid: days for uuid, days in records(offices.county, "team_days").items()
            if days["member_uuid"] == member_uuid}  # fmt: skip
    assert back == months
    assert cli("check", str(offices.county))[1].endswith("未发现问题\n")


def test_a_seed_carries_the_unit_that_sent_a_team_though_no_branch_of_it_is_paired_there(
    offices: Offices,
) -> None:
    with open_ledger(offices.county, CLOCK) as ledger:
        county = int(ledger.scalar("SELECT id FROM region WHERE name = '潢川县'"))
        township = int(ledger.scalar("SELECT id FROM region WHERE name = '春申街道'"))
        unit = LedgerBuilder(ledger).unit("潢川县驻村帮扶工作办公室", county)
        add_branch(ledger, BranchDraft("春申西村党支部", BranchKind.VILLAGE, township, tier=Tier.WEAK))
        village = int(ledger.scalar("SELECT id FROM branch WHERE name = '春申西村党支部'"))
        teams.add_team(ledger, village, dt.date(2022, 4, 1), unit_id=unit)
    seed = send(offices.county, offices.folder / "春申街道 种子 2.bdx", "--scope", "春申街道")
    made = offices.folder / "春申街道 2.bdesk"
    code, _, err = cli("new", str(made), "--from", str(seed))
    assert (code, err) == (EXIT_OK, "")
    with open_ledger(made, CLOCK, read_only=True) as ledger:
        assert ledger.query(
            "SELECT u.name FROM work_team t JOIN branch b ON b.id = t.branch_id"
            " JOIN unit u ON u.id = t.unit_id WHERE b.name = '春申西村党支部'"
        ) == [{"name": "潢川县驻村帮扶工作办公室"}]


def test_days_in_a_month_the_county_has_locked_wait_for_its_unlocking(offices: Offices) -> None:
    """The county has reported April for 春申街道: the township's April days for a new team are rejected
    (locked_month), the team and its members go in; once April is unlocked the same package brings the
    days."""
    township = offices.township()
    with open_ledger(offices.county, CLOCK) as ledger:
        lock_month(ledger, APRIL, "春申街道")
    with open_ledger(township, CLOCK) as ledger:
        team, members = send_team(ledger, new_village(ledger, "春申新村党支部"), "13900000001")
    delta = send(township, offices.folder / "四月.bdx")
    code, summary, _ = imported(offices.county, delta)
    assert code == EXIT_OK
    assert sorted((row["table"], row["reason"]) for row in summary["rejected"]) == [
        ("team_days", "locked_month"),
        ("team_days", "locked_month"),
    ]
    county = records(offices.county, "team_member")
    assert all(uuid_of(township, "team_member", member) in county for member in members)
    assert len(set(records(township, "team_days")) - set(records(offices.county, "team_days"))) == 2
    with open_ledger(offices.county, CLOCK) as ledger:
        unlock_month(ledger, APRIL, "乡镇补报驻村工作队出勤")
    code, summary, _ = imported(offices.county, delta)
    assert (code, summary["counts"]["new"], summary["counts"]["rejected"]) == (EXIT_OK, 2, 0)
    county_days = records(offices.county, "team_days")
    assert all(county_days[uuid] == row for uuid, row in records(township, "team_days").items())
    assert uuid_of(township, "work_team", team) in records(offices.county, "work_team")


def test_a_ticked_off_items_photo_travels_as_a_thumbnail_and_whole_in_a_full_package(
    offices: Offices,
) -> None:
    """销号 with a photo at the township: its delta brings the county the photo row and the thumbnail;
    the township's full package brings the picture itself into the county's photo folder."""
    township = offices.township()
    shot = write_jpeg(offices.folder / "照片" / "修路.jpg", seed=7, taken="2022:05:16 10:00:00")
    with open_ledger(township, CLOCK) as ledger:
        scope = identity_store.identity(ledger).scope_region_id
        item = int(
            ledger.scalar(
                "SELECT min(i.id) FROM plan_item i JOIN pairing p ON p.id = i.pairing_id"
                " JOIN branch g ON g.id = p.grassroots_id WHERE g.region_id = ? AND i.status != 'done'"
                " AND i.opened_on <= '2022-05-19'",
                (scope,),
            )
        )
        [made] = prepare(ledger.path, [shot], lambda done, total: None)
        assert made.photo is not None, made.error
        entry = PhotoEntry(made.photo.sha256, "村道硬化完工", image=made.photo)
        close_item(ledger, item, CLOCK.today(), "村道硬化已完工", photos=[entry])
    delta = send(township, offices.folder / "销号.bdx")
    code, summary, _ = imported(offices.county, delta)
    assert (code, summary["counts"]["rejected"], summary["pictures"]) == (EXIT_OK, 0, 0)
    mine = records(township, "plan_item_photo")
    assert len(mine) == 1
    assert records(offices.county, "plan_item_photo") == mine
    with open_ledger(offices.county, CLOCK, read_only=True) as ledger:
        assert ledger.scalar("SELECT count(*) FROM photo_image WHERE sha256 = ?", (entry.sha256,)) == 1
    assert not media.present(media.media_folder(offices.county), entry.sha256, made.photo.size)
    full = send(township, offices.folder / "春申街道 全量.bdx", "--full")
    code, summary, _ = imported(offices.county, full)
    assert (code, summary["pictures"]) == (EXIT_OK, 1)
    assert media.present(media.media_folder(offices.county), entry.sha256, made.photo.size)
