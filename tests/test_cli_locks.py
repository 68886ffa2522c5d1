"""``branchdesk-cli lock LEDGER --month YYYY-MM [--region R]`` and ``unlock LEDGER --month YYYY-MM --reason
TEXT`` (issue #18, DESIGN.md §9): a county locks the months it has reported; while a month is locked no
change into it is saved, whichever way it comes (the services the dialogs and tables call, undo, packages);
unlocking needs a reason, which History keeps."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from branchdesk.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, run
from branchdesk.domain.activities import ActivityDraft
from branchdesk.domain.attendance import Absentee, Attendance
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import Area, BranchKind, EndReason, RegionLevel
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import Month
from branchdesk.services import activities
from branchdesk.services.history import UndoHistory, ledger_actions
from branchdesk.services.ledgers import open_ledger
from branchdesk.services.month_locks import lock_month, unlock_month
from branchdesk.services.pairings import end_pairing
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.month_locks import MonthLocks
from branchdesk.ui.history_text import describe
from tests.builders import LedgerBuilder, day


def cli(*argv: str, clock: FixedClock) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), clock=clock, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def county(tmp_path: Path, clock: FixedClock) -> Path:
    """A county made by the CLI in an empty folder: two townships, a pairing and an April activity in each."""
    path = tmp_path / "潢川县 台账.bdesk"
    assert cli("new", str(path), "--region", "信阳市/潢川县", clock=clock)[0] == EXIT_OK
    with open_ledger(path, clock) as ledger:
        build = LedgerBuilder(ledger)
        county_id = ledger.scalar("SELECT id FROM region WHERE name = '潢川县'")
        organs = build.organs(build.unit("潢川县财政局", county_id), county_id, 2)
        for number, name in enumerate(("城关镇", "仁和镇")):
            township = build.region(name, RegionLevel.TOWNSHIP, county_id)
            village = build.branch(f"{name}第一村党支部", BranchKind.VILLAGE, township)
            build.activity(build.pair(organs[number], village, "2022-03-01"), "2022-04-08")
    return path


def locks(ledger: Ledger) -> list[dict[str, object]]:
    return ledger.query(
        "SELECT l.month, r.name AS region, l.unlocked_at, l.unlock_reason"
        " FROM month_lock l JOIN region r ON r.id = l.region_id ORDER BY l.id"
    )


def draft(ledger: Ledger, activity_id: int, **changes: object) -> tuple[int, ActivityDraft]:
    """An activity as its dialog holds it, changed (with a reason, as the fixture's are on a Friday)."""
    pairing_id, found = activities.activity_draft(ledger, activity_id)
    return pairing_id, dataclasses.replace(found, weekday_reason="县里统一安排", **changes)  # type: ignore[arg-type]


def test_a_locked_month_refuses_every_change_into_it_until_unlocked_with_a_reason(
    county: Path, clock: FixedClock
) -> None:
    code, out, err = cli("lock", str(county), "--month", "2022-04", clock=clock)
    assert (code, out, err) == (EXIT_OK, "已锁定2022年4月：信阳市/潢川县\n", "")
    with open_ledger(county, clock) as ledger:
        assert locks(ledger) == [
            {"month": "2022-04", "region": "潢川县", "unlocked_at": None, "unlock_reason": None}
        ]
        rows_before = ledger.query("SELECT * FROM activity ORDER BY id")
        logged = ledger.scalar("SELECT count(*) FROM change_log")
        refused: list[Callable[[], object]] = [
            lambda: activities.edit_activity(ledger, 1, *draft(ledger, 1, volunteers=9)),
            lambda: activities.edit_activity(ledger, 1, *draft(ledger, 1, held_on=day("2022-05-08"))),
            lambda: activities.record_activities(ledger, [2], draft(ledger, 2, held_on=day("2022-04-23"))[1]),
            lambda: activities.delete_activities(ledger, [2]),
            lambda: end_pairing(ledger, 1, day("2022-04-30"), EndReason.OTHER),
        ]
        for change in refused:
            with pytest.raises(BranchDeskError) as caught:
                change()
            assert caught.value.code == "month.locked"
            assert caught.value.params == {"month": "2022-04", "region": "信阳市/潢川县"}
        assert ledger.query("SELECT * FROM activity ORDER BY id") == rows_before
        assert ledger.scalar("SELECT count(*) FROM change_log") == logged
        assert ledger.scalar("SELECT ended_on FROM pairing WHERE id = 1") is None
        # Outside the locked month all is as before: a May activity, a pairing ended in May.
        activities.record_activities(ledger, [2], draft(ledger, 2, held_on=day("2022-05-14"))[1])
        end_pairing(ledger, 1, day("2022-05-10"), EndReason.OTHER)

    code, _, err = cli("unlock", str(county), "--month", "2022-04", "--reason", " ", clock=clock)
    assert (code, err) == (EXIT_FAILED, "branchdesk-cli：解锁已上报的月份须填写理由，理由会记入台账历史。\n")
    assert cli("unlock", str(county), "--month", "2022-04", clock=clock)[0] == EXIT_USAGE
    code, out, err = cli(
        "unlock", str(county), "--month", "2022-04", "--reason", "县里核对后更正志愿者人数", clock=clock
    )
    assert (code, out, err) == (EXIT_OK, "已解锁2022年4月：信阳市/潢川县\n", "")
    with open_ledger(county, clock) as ledger:
        assert locks(ledger) == [
            {
                "month": "2022-04",
                "region": "潢川县",
                "unlocked_at": "2022-05-19T01:00:00Z",
                "unlock_reason": "县里核对后更正志愿者人数",
            }
        ]
        activities.edit_activity(ledger, 1, *draft(ledger, 1, volunteers=9))
        assert ledger.scalar("SELECT volunteers FROM activity WHERE id = 1") == 9
        lines = [describe(entry, {}) for entry in ledger_actions(ledger)]
        assert any("县里核对后更正志愿者人数" in text for _, text in lines)


def test_a_lock_of_one_township_leaves_the_others_open(county: Path, clock: FixedClock) -> None:
    assert cli("lock", str(county), "--month", "2022-04", "--region", "城关镇", clock=clock)[0] == EXIT_OK
    with open_ledger(county, clock) as ledger:
        with pytest.raises(BranchDeskError) as caught:
            activities.edit_activity(ledger, 1, *draft(ledger, 1, volunteers=9))
        assert caught.value.params["region"] == "信阳市/潢川县/城关镇"
        activities.edit_activity(ledger, 2, *draft(ledger, 2, volunteers=9))  # 仁和镇's
        assert ledger.scalar("SELECT volunteers FROM activity WHERE id = 2") == 9
        # A package's change names its rows by uuid: the same rule applies to it.
        pairing_uuid = ledger.scalar("SELECT uuid FROM pairing WHERE id = 1")
        incoming = {"uuid": "x", "pairing_uuid": pairing_uuid, "held_on": "2022-04-30", "volunteers": 3}
        found = MonthLocks(ledger).locked_change("activity", None, incoming)
        assert found is not None
        assert (found.month, found.region_path) == ("2022-04", "信阳市/潢川县/城关镇")
        assert (
            MonthLocks(ledger).locked_change("activity", None, {**incoming, "held_on": "2022-05-02"}) is None
        )


def test_an_activitys_areas_are_checked_in_the_month_it_moved_to_earlier_in_the_operation(
    county: Path, clock: FixedClock
) -> None:
    """The change log's check keeps each activity's month and each pairing's region for the operation
    rather than reading them for every area (a package import logs hundreds of thousands): kept as the
    operation's own changes leave them. Here, in one operation, a May activity of 仁和镇 gets an area
    (allowed), moves to April (locked for 城关镇 only: allowed), its village moves to 城关镇 (no date
    changes: allowed), and the next area added to it falls in the lock."""
    assert cli("lock", str(county), "--month", "2022-04", "--region", "城关镇", clock=clock)[0] == EXIT_OK
    with open_ledger(county, clock) as ledger:
        may = LedgerBuilder(ledger).activity(2, "2022-05-12")
        uuid_of = dict(ledger.conn.execute("SELECT id, uuid FROM activity").fetchall())
        township = ledger.scalar("SELECT id FROM region WHERE name = '城关镇'")
        village = ledger.scalar("SELECT grassroots_id FROM pairing WHERE id = 2")
        before = ledger.query("SELECT * FROM activity_area ORDER BY activity_id, area")

        def one_operation() -> None:
            with ledger.operation("activity.edit"):
                ledger.insert_link("activity_area", {"activity_id": 2, "area": Area.TEAM.value}, uuid_of[2])
                ledger.insert_link(
                    "activity_area", {"activity_id": may, "area": Area.SERVICE.value}, uuid_of[may]
                )
                ledger.update("activity", may, {"held_on": "2022-04-20"})
                ledger.update("branch", village, {"region_id": township})
                added = {"activity_id": may, "area": Area.TEAM.value}
                ledger.insert_link("activity_area", added, uuid_of[may])

        with pytest.raises(BranchDeskError) as caught:
            one_operation()
        assert (caught.value.code, caught.value.params["region"]) == ("month.locked", "信阳市/潢川县/城关镇")
        assert ledger.query("SELECT * FROM activity_area ORDER BY activity_id, area") == before
        assert ledger.scalar("SELECT held_on FROM activity WHERE id = ?", (may,)) == "2022-05-12"


def test_undo_reverses_an_unlock_and_a_lock(county: Path, clock: FixedClock) -> None:
    with open_ledger(county, clock) as ledger:
        history = UndoHistory(ledger)
        history.record(lock_month(ledger, Month(2022, 4)))
        history.record(unlock_month(ledger, Month(2022, 4), "补录"))
        history.undo()  # the unlock: the month is locked again
        assert [lock["unlocked_at"] for lock in locks(ledger)] == [None]
        with pytest.raises(BranchDeskError):
            activities.edit_activity(ledger, 1, *draft(ledger, 1, volunteers=7))
        history.undo()  # the lock
        assert locks(ledger) == []
        activities.edit_activity(ledger, 1, *draft(ledger, 1, volunteers=7))
        assert ledger.scalar("SELECT volunteers FROM activity WHERE id = 1") == 7


def test_lock_refuses_a_month_not_ended_a_second_lock_and_an_unknown_unlock(
    county: Path, clock: FixedClock
) -> None:
    code, _, err = cli("lock", str(county), "--month", "2022-05", clock=clock)
    assert (code, err) == (
        EXIT_FAILED,
        "branchdesk-cli：2022年5月还没有结束；只有已结束（并已上报）的月份才能锁定。\n",
    )
    assert cli("lock", str(county), "--month", "2022-04", clock=clock)[0] == EXIT_OK
    code, _, err = cli("lock", str(county), "--month", "2022-04", clock=clock)
    assert (code, err) == (EXIT_FAILED, "branchdesk-cli：2022年4月已对信阳市/潢川县锁定。\n")
    code, _, err = cli("unlock", str(county), "--month", "2022-03", "--reason", "x", clock=clock)
    assert (code, err) == (EXIT_FAILED, "branchdesk-cli：2022年3月没有锁定，无需解锁。\n")
    assert cli("lock", str(county), "--month", "2022-04", "--region", "城关镇", clock=clock)[0] == EXIT_OK
    code, _, err = cli("unlock", str(county), "--month", "2022-04", "--reason", "x", clock=clock)
    assert code == EXIT_FAILED
    assert "信阳市/潢川县/城关镇" in err
    assert (
        cli("unlock", str(county), "--month", "2022-04", "--reason", "x", "--region", "城关镇", clock=clock)[
            0
        ]
        == EXIT_OK
    )
    with open_ledger(county, clock) as ledger:
        assert [(lock["region"], lock["unlock_reason"]) for lock in locks(ledger)] == [
            ("潢川县", None),
            ("城关镇", "x"),
        ]


def test_a_locked_month_keeps_its_activities_absentees(county: Path, clock: FixedClock) -> None:
    """Absentees belong to their activity: renaming one in a locked month is refused like any change to it."""
    absent = Attendance(10, 9, (Absentee("李华", "病假"),))
    with open_ledger(county, clock) as ledger:
        activities.edit_activity(ledger, 1, *draft(ledger, 1, attendance=absent))
    assert cli("lock", str(county), "--month", "2022-04", clock=clock)[0] == EXIT_OK
    with open_ledger(county, clock) as ledger:
        renamed = Attendance(10, 9, (Absentee("李华", "外出务工"),))
        with pytest.raises(BranchDeskError) as caught:
            activities.edit_activity(ledger, 1, *draft(ledger, 1, attendance=renamed))
        assert caught.value.code == "month.locked"
        assert ledger.query("SELECT name, reason FROM activity_absentee") == [
            {"name": "李华", "reason": "病假"}
        ]


def test_a_spreadsheet_import_into_a_locked_month_imports_nothing(
    county: Path, tmp_path: Path, clock: FixedClock
) -> None:
    """The same rule for a workbook: the Excel export's activity sheet, a new April activity typed in."""
    assert cli("export", str(county), str(tmp_path / "全部.xlsx"), clock=clock)[0] == EXIT_OK
    exported = openpyxl.load_workbook(tmp_path / "全部.xlsx")["活动"]
    header, first = next(exported.iter_rows(max_row=2, values_only=True)), list(exported[2])
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "活动"
    sheet.append(header)
    row = [cell.value for cell in first]
    row[0], row[5], row[10] = None, dt.datetime(2022, 4, 23), 6  # no uuid: a new activity on a Saturday
    sheet.append(row)
    book.save(tmp_path / "补录.xlsx")
    assert cli("lock", str(county), "--month", "2022-04", clock=clock)[0] == EXIT_OK
    code, _, err = cli(
        "import", str(county), str(tmp_path / "补录.xlsx"), "--what", "activities", clock=clock
    )
    assert code == EXIT_FAILED
    assert "已对信阳市/潢川县锁定" in err
    with open_ledger(county, clock) as ledger:
        assert ledger.scalar("SELECT count(*) FROM activity") == 2
    assert (
        cli("unlock", str(county), "--month", "2022-04", "--reason", "补录漏报活动", clock=clock)[0]
        == EXIT_OK
    )
    code, out, err = cli(
        "import", str(county), str(tmp_path / "补录.xlsx"), "--what", "activities", clock=clock
    )
    assert (code, err) == (EXIT_OK, ""), out
    with open_ledger(county, clock) as ledger:
        assert ledger.scalar("SELECT count(*) FROM activity WHERE held_on = '2022-04-23'") == 1
