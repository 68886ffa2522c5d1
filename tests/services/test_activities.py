"""Recording, editing, copying and deleting activities, key tasks and holidays: each one undoable action,
checked like the dialog checks; the compliance SQL agrees with the domain definition and with stats."""

from __future__ import annotations

import datetime as dt

import pytest

from branchdesk.domain.activities import ActivityDraft
from branchdesk.domain.compliance import overdue_pairings as domain_overdue
from branchdesk.domain.enums import ActivityType, Area, PairingMethod
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import HalfYear, Month
from branchdesk.domain.records import Activity, Pairing
from branchdesk.services import activities as service
from branchdesk.services import compliance, key_tasks
from branchdesk.services.history import UndoHistory
from branchdesk.services.stats import region_stats
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder

D = dt.date.fromisoformat


@pytest.fixture
def town(build: LedgerBuilder) -> dict[str, int]:
    """城关镇: four pairings of 财政局 organ branches with villages, one starting mid-May, one ended."""
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    organs = build.organs(unit, tree["huangchuan"], 4)
    villages = build.villages(tree["hc_chengguan"], 4, prefix="城关")
    return {
        "region": tree["hc_chengguan"],
        "city": tree["city"],
        "p1": build.pair(organs[0], villages[0], "2022-04-10"),
        "p2": build.pair(organs[1], villages[1], "2022-04-10"),
        "p3": build.pair(organs[2], villages[2], "2022-05-16"),
        "p4": build.pair(organs[3], villages[3], "2022-04-10", "2022-05-17"),
    }


def themed(day: str, **changes: object) -> ActivityDraft:
    values: dict[str, object] = {
        "held_on": D(day),
        "type": ActivityType.THEMED_DAY,
        "areas": frozenset({Area.ORGANISATION, Area.SERVICE}),
        "volunteers": 6,
        "location": "村党群服务中心",
    }
    values.update(changes)
    return ActivityDraft(**values)  # type: ignore[arg-type]


def rows(ledger: Ledger) -> list[dict[str, object]]:
    return ledger.query(
        "SELECT pairing_id, held_on, type, volunteers, weekday_reason FROM activity ORDER BY id"
    )


def areas(ledger: Ledger) -> list[tuple[int, str]]:
    return [(r["activity_id"], r["area"]) for r in ledger.query("SELECT * FROM activity_area ORDER BY 1, 2")]


def test_a_bulk_entry_records_one_activity_per_pairing_and_undoes_whole(
    ledger: Ledger, town: dict[str, int]
) -> None:
    history = UndoHistory(ledger)
    done = service.record_activities(ledger, [town["p1"], town["p2"]], themed("2022-05-14"))
    history.record(done)
    assert done.action == "activity.add"
    assert done.touches("activity", "activity_area")
    assert [r["pairing_id"] for r in rows(ledger)] == [town["p1"], town["p2"]]
    assert len(areas(ledger)) == 4
    history.undo()
    assert rows(ledger) == []
    assert areas(ledger) == []
    history.redo()
    assert len(rows(ledger)) == 2
    assert len(areas(ledger)) == 4


def test_one_reason_covers_a_bulk_entry_on_a_working_day(ledger: Ledger, town: dict[str, int]) -> None:
    wednesday = themed("2022-05-11")
    with pytest.raises(BranchDeskError, match=r"activity.weekday_reason"):
        service.record_activities(ledger, [town["p1"], town["p2"]], wednesday)
    assert rows(ledger) == []
    excused = themed("2022-05-11", weekday_reason="防汛应急，周末值守")
    service.record_activities(ledger, [town["p1"], town["p2"]], excused)
    assert [r["weekday_reason"] for r in rows(ledger)] == ["防汛应急，周末值守"] * 2


def test_an_entry_outside_a_pairings_dates_is_refused_whole(ledger: Ledger, town: dict[str, int]) -> None:
    with pytest.raises(BranchDeskError, match=r"activity.before_pairing"):
        service.record_activities(ledger, [town["p1"], town["p3"]], themed("2022-05-14"))
    with pytest.raises(BranchDeskError, match=r"activity.after_pairing"):
        service.record_activities(ledger, [town["p4"]], themed("2022-05-18", weekday_reason="汛期"))
    with pytest.raises(BranchDeskError, match=r"activity.in_future"):
        service.record_activities(ledger, [town["p1"]], themed("2022-05-21"))
    assert rows(ledger) == []


def test_edit_copy_and_delete_are_each_one_undoable_action(ledger: Ledger, town: dict[str, int]) -> None:
    history = UndoHistory(ledger)
    history.record(service.record_activities(ledger, [town["p1"]], themed("2022-05-14")))
    activity_id = int(ledger.scalar("SELECT id FROM activity"))
    edited = themed("2022-05-15", volunteers=9, areas=frozenset({Area.INDUSTRY}))
    history.record(service.edit_activity(ledger, activity_id, town["p1"], edited))
    assert rows(ledger)[0]["volunteers"] == 9
    assert areas(ledger) == [(activity_id, "industry")]
    with pytest.raises(BranchDeskError, match=r"activity.before_pairing"):
        service.copy_activity(ledger, activity_id, [town["p2"], town["p3"]])  # p3 started on the 16th
    history.record(service.copy_activity(ledger, activity_id, [town["p2"], town["p4"]]))
    assert [(r["pairing_id"], r["held_on"], r["volunteers"]) for r in rows(ledger)] == [
        (town["p1"], "2022-05-15", 9),
        (town["p2"], "2022-05-15", 9),
        (town["p4"], "2022-05-15", 9),
    ]
    assert [a for _, a in areas(ledger)] == ["industry"] * 3
    ids = [int(r["id"]) for r in ledger.query("SELECT id FROM activity ORDER BY id")]
    history.record(service.delete_activities(ledger, ids[1:]))
    assert len(rows(ledger)) == 1
    history.undo()  # the deletion: both come back with their areas
    assert len(rows(ledger)) == 3
    assert len(areas(ledger)) == 3
    history.undo()  # the copy
    history.undo()  # the edit
    assert rows(ledger) == [
        {
            "pairing_id": town["p1"],
            "held_on": "2022-05-14",
            "type": "themed_day",
            "volunteers": 6,
            "weekday_reason": None,
        }
    ]
    assert sorted(a for _, a in areas(ledger)) == ["organisation", "service"]


def test_the_overdue_list_agrees_with_the_domain_and_with_stats(ledger: Ledger, town: dict[str, int]) -> None:
    may = Month(2022, 5)
    service.record_activities(ledger, [town["p1"]], themed("2022-05-14"))
    service.record_activities(ledger, [town["p2"]], themed("2022-05-14", type=ActivityType.LECTURE))
    overdue = compliance.overdue_pairings(ledger, town["region"], may)
    assert [p.pairing_id for p in overdue] == [town["p2"]]
    assert overdue[0].grassroots == "城关2村党支部"
    assert overdue[0].region == "潢川县 / 城关镇"
    pairings = [
        Pairing(
            r["id"],
            r["uuid"],
            r["organ_id"],
            r["grassroots_id"],
            PairingMethod(r["method"]),
            D(r["started_on"]),
            None if r["ended_on"] is None else D(r["ended_on"]),
        )
        for r in ledger.query("SELECT * FROM pairing")
    ]
    activities = [
        Activity(r["id"], r["uuid"], r["pairing_id"], D(r["held_on"]), ActivityType(r["type"]))
        for r in ledger.query("SELECT * FROM activity")
    ]
    assert domain_overdue(pairings, activities, may) == [town["p2"]]
    stats = region_stats(ledger, town["city"], month=may)
    assert stats.compliance.total - stats.compliance.count == len(overdue)
    assert compliance.compliance(ledger, town["city"], may) == stats.compliance
    grid = compliance.pairing_months(ledger, town["region"], [Month(2022, 4), may, Month(2022, 6)])
    by_pairing = {row.pairing_id: row.themed_days for row in grid}
    assert by_pairing[town["p1"]] == (None, 1, 0)  # April: started on the 10th; June: owed, none yet
    assert by_pairing[town["p3"]] == (None, None, 0)  # started mid-May: owes June first
    assert by_pairing[town["p4"]] == (None, None, None)  # ended on 17 May


def test_key_tasks_covered_per_pairing_in_a_half_year(ledger: Ledger, town: dict[str, int]) -> None:
    half = HalfYear(2022, 1)
    key_tasks.add_key_task(ledger, half, "疫情防控")
    key_tasks.add_key_task(ledger, half, "防汛救灾")
    epidemic, flood = (task.id for task in key_tasks.key_tasks(ledger, half))
    work = themed("2022-05-11", type=ActivityType.KEY_TASK, key_task_id=epidemic)  # a weekday: exempt
    service.record_activities(ledger, [town["p1"], town["p2"]], work)
    service.record_activities(ledger, [town["p1"]], themed("2022-05-14", key_task_id=flood))
    covered = {
        row.pairing_id: row.covered for row in compliance.key_task_coverage(ledger, town["region"], half)
    }
    assert covered == {
        town["p1"]: {epidemic, flood},
        town["p2"]: {epidemic},
        town["p3"]: frozenset(),
        town["p4"]: frozenset(),
    }
