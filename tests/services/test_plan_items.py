"""The three lists through their services: every rule refused at the door and named by Check database,
each action one undoable operation in the history, and the figures of ``stats`` against hand-written SQL."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from branchdesk.domain.chart_data import MonthSpan
from branchdesk.domain.enums import ItemKind, ItemStatus
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import Month
from branchdesk.domain.plan_items import ItemDraft, ItemFilter, ItemSort, ItemState, item_counts
from branchdesk.domain.rules import Rule
from branchdesk.services import plan_items
from branchdesk.services.check import check_ledger
from branchdesk.services.history import UndoHistory, record_actions
from branchdesk.services.stats import ledger_stats
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.plan_items import draft_of
from tests.builders import LedgerBuilder, day


@pytest.fixture
def pairings(build: LedgerBuilder) -> list[int]:
    return build.paired_town(2)[1]


def _need(pairing: int, title: str = "村道硬化", **fields: object) -> ItemDraft:
    return dataclasses.replace(
        ItemDraft(pairing_id=pairing, kind=ItemKind.NEED, title=title, opened_on=day("2022-04-15")),
        **fields,  # type: ignore[arg-type]
    )


def _rows(ledger: Ledger) -> list[tuple[object, ...]]:
    return [
        tuple(row.values())
        for row in ledger.query(
            "SELECT kind, title, owner, opened_on, due_on, status, done_on, done_note, need_id, resource_id"
            " FROM plan_item ORDER BY id"
        )
    ]


def test_an_item_is_added_edited_ticked_off_and_each_step_undone(ledger: Ledger, pairings: list[int]) -> None:
    history = UndoHistory(ledger)
    added = plan_items.add_item(
        ledger, _need(pairings[0], " 村道硬化\u3000", owner="王强", due_on=day("2022-06-30"))
    )
    history.record(added)
    assert (added.subject, added.tables) == ("村道硬化", frozenset({"plan_item"}))
    item_id = int(ledger.scalar("SELECT id FROM plan_item"))
    assert _rows(ledger) == [
        ("need", "村道硬化", "王强", "2022-04-15", "2022-06-30", "open", None, None, None, None)
    ]
    activity = LedgerBuilder(ledger).activity(pairings[0], "2022-05-14")
    edited = dataclasses.replace(_need(pairings[0]), status=ItemStatus.IN_PROGRESS, owner="王强")
    history.record(plan_items.edit_item(ledger, item_id, edited, [activity]))
    assert ledger.query("SELECT plan_item_id, activity_id FROM plan_item_activity") == [
        {"plan_item_id": item_id, "activity_id": activity}
    ]
    history.record(plan_items.close_item(ledger, item_id, day("2022-05-18"), "  已完工验收 "))
    assert _rows(ledger) == [
        ("need", "村道硬化", "王强", "2022-04-15", None, "done", "2022-05-18", "已完工验收", None, None)
    ]
    uuid = ledger.scalar("SELECT uuid FROM plan_item")
    assert [entry.action for entry in record_actions(ledger, uuid)] == ["item.close", "item.edit", "item.add"]

    history.undo()
    assert _rows(ledger)[0][5:8] == ("in_progress", None, None)
    history.undo()
    assert _rows(ledger)[0][4:6] == ("2022-06-30", "open")
    assert ledger.scalar("SELECT count(*) FROM plan_item_activity") == 0
    history.undo()
    assert _rows(ledger) == []
    history.redo()
    assert len(_rows(ledger)) == 1


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"title": " \u3000"}, "item.title_empty"),
        ({"opened_on": day("2022-05-20")}, "item.in_future"),
        ({"due_on": day("2022-04-14")}, "item.due_before_opened"),
        ({"status": ItemStatus.DONE}, "item.done_needs_date"),
        (
            {"status": ItemStatus.DONE, "done_on": day("2022-04-14"), "done_note": "好"},
            "item.done_before_opened",
        ),
        ({"status": ItemStatus.DONE, "done_on": day("2022-05-20"), "done_note": "好"}, "item.in_future"),
        ({"status": ItemStatus.DONE, "done_on": day("2022-04-16"), "done_note": " "}, "item.done_needs_note"),
        ({"need_id": 1}, "item.links_of_projects"),
    ],
)
def test_bad_items_are_refused_and_nothing_is_written(
    ledger: Ledger, pairings: list[int], fields: dict[str, object], code: str
) -> None:
    with pytest.raises(BranchDeskError) as refused:
        plan_items.add_item(ledger, dataclasses.replace(_need(pairings[0]), **fields))  # type: ignore[arg-type]
    assert refused.value.code == code
    assert ledger.scalar("SELECT count(*) FROM plan_item") == 0


def test_a_project_matches_a_need_and_a_resource_of_its_own_pairing(
    ledger: Ledger, pairings: list[int]
) -> None:
    plan_items.add_item(ledger, _need(pairings[0]))
    plan_items.add_item(ledger, _need(pairings[0], "单位帮扶资金", kind=ItemKind.RESOURCE))
    plan_items.add_item(ledger, _need(pairings[1], "专家服务", kind=ItemKind.RESOURCE))
    need, resource, other = (row["id"] for row in ledger.query("SELECT id FROM plan_item ORDER BY id"))
    project = _need(pairings[0], "村道硬化工程", kind=ItemKind.PROJECT, need_id=need)
    for wrong in ({"resource_id": other}, {"resource_id": need}, {"need_id": resource}):
        with pytest.raises(BranchDeskError) as refused:
            plan_items.add_item(ledger, dataclasses.replace(project, **wrong))
        assert refused.value.code == "item.link_wrong"
    plan_items.add_item(ledger, dataclasses.replace(project, resource_id=resource))
    assert ledger.query("SELECT need_id, resource_id FROM plan_item WHERE kind = 'project'") == [
        {"need_id": need, "resource_id": resource}
    ]
    with pytest.raises(BranchDeskError) as in_use:
        plan_items.delete_item(ledger, need)
    assert (in_use.value.code, in_use.value.params) == ("item.in_use", {"projects": "村道硬化工程"})


def test_an_item_links_only_its_own_pairings_activities(
    ledger: Ledger, build: LedgerBuilder, pairings: list[int]
) -> None:
    theirs = build.activity(pairings[1], "2022-05-14")
    with pytest.raises(BranchDeskError) as refused:
        plan_items.add_item(ledger, _need(pairings[0]), [theirs])
    assert refused.value.code == "item.activity_of_other_pairing"
    assert ledger.scalar("SELECT count(*) FROM plan_item") == 0


def test_the_schema_holds_the_done_rules_for_any_writer(ledger: Ledger, pairings: list[int]) -> None:
    plan_items.add_item(ledger, _need(pairings[0]))
    conn = sqlite3.connect(ledger.path)
    for sql in (
        "UPDATE plan_item SET status = 'done', done_on = '2022-04-16'",  # no note
        "UPDATE plan_item SET status = 'done', done_on = '2022-04-01', done_note = '好'",  # before opening
        "UPDATE plan_item SET done_on = '2022-04-16'",  # a day without being done
        "UPDATE plan_item SET kind = 'task'",
    ):
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(sql)
    conn.close()


def test_check_names_items_another_program_wrote_against_the_rules(
    ledger: Ledger, pairings: list[int]
) -> None:
    plan_items.add_item(ledger, _need(pairings[0]))
    plan_items.add_item(ledger, _need(pairings[1], "专家服务", kind=ItemKind.RESOURCE))
    conn = sqlite3.connect(ledger.path)
    with conn:
        conn.execute(
            "INSERT INTO plan_item (uuid, pairing_id, kind, title, opened_on, status, need_id,"
            " resource_id, created_at, updated_at)"
            " VALUES ('x', ?, 'project', '错配项目', '2022-05-01', 'open', 1, 2, '', '')",
            (pairings[0],),
        )
        conn.execute("UPDATE plan_item SET opened_on = '2022-06-01' WHERE id = 1")
    conn.close()
    found = [(problem.code, problem.params) for problem in check_ledger(ledger, quick=False)]
    assert found == [
        (Rule.PLAN_ITEM_LINKS.value, {"title": "错配项目", "pairing": "城关1村党支部 ← 机关第1党支部"}),
        (
            Rule.PLAN_ITEM_IN_FUTURE.value,
            {
                "title": "村道硬化",
                "pairing": "城关1村党支部 ← 机关第1党支部",
                "day": "2022-06-01",
                "today": "2022-05-19",
            },
        ),
    ]


def test_items_figures_equal_hand_written_sql_and_the_definition(ledger: Ledger, pairings: list[int]) -> None:
    """Overdue on D: opened by D, due before D, not done by D (the due day itself is in time)."""
    add = plan_items.add_item
    add(ledger, _need(pairings[0], due_on=day("2022-05-18")))  # overdue
    add(ledger, _need(pairings[0], "路灯安装", due_on=day("2022-05-19")))  # due today: in time
    add(ledger, _need(pairings[1], "饮水安全改造", due_on=day("2022-05-01"), status=ItemStatus.DONE,
                      done_on=day("2022-05-10"), done_note="已完工"))  # fmt: skip
    add(ledger, _need(pairings[1], "单位帮扶资金", kind=ItemKind.RESOURCE, opened_on=day("2022-05-19")))
    stats = ledger_stats(ledger, as_of=day("2022-05-19"))
    hand = ledger.query(
        """
        SELECT sum(kind = 'need') AS need, sum(kind = 'resource') AS resource,
               sum(kind = 'project') AS project,
               sum(done_on <= '2022-05-19') AS done,
               sum(due_on < '2022-05-19' AND (done_on IS NULL OR done_on > '2022-05-19')) AS overdue
        FROM plan_item WHERE opened_on <= '2022-05-19'
        """
    )[0]
    assert (
        stats.as_json()["items"] == hand == {"need": 3, "resource": 1, "project": 0, "done": 1, "overdue": 1}
    )
    drafts = [draft_of(row) for row in ledger.query("SELECT * FROM plan_item")]
    assert item_counts(drafts, day("2022-05-19")).as_dict() == hand
    # as of a day before the last opening and before the done day: the done item was overdue then
    earlier = ledger_stats(ledger, as_of=day("2022-05-05")).as_json()["items"]
    assert earlier == {"need": 3, "resource": 0, "project": 0, "done": 0, "overdue": 1}
    # a township without items
    assert ledger_stats(ledger, "信阳市/潢川县/仁和镇").as_json()["items"]["need"] == 0


def test_the_lists_filter_by_state_on_the_day(ledger: Ledger, pairings: list[int]) -> None:
    plan_items.add_item(ledger, _need(pairings[0], due_on=day("2022-05-18")))
    plan_items.add_item(ledger, _need(pairings[1], "路灯安装", status=ItemStatus.IN_PROGRESS))
    plan_items.add_item(
        ledger,
        _need(
            pairings[1], "饮水安全改造", status=ItemStatus.DONE, done_on=day("2022-05-10"), done_note="已完工"
        ),
    )

    def titles(state: ItemState, today: str = "2022-05-19") -> list[str]:
        flt = ItemFilter(today=day(today), state=state)
        return [
            row.draft.title
            for row in plan_items.item_rows(ledger, plan_items.item_ids(ledger, flt, ItemSort()))
        ]

    assert titles(ItemState.ALL) == ["村道硬化", "路灯安装", "饮水安全改造"]  # by due day, none last
    assert titles(ItemState.OPEN) == ["村道硬化", "路灯安装"]
    assert titles(ItemState.DONE) == ["饮水安全改造"]
    assert titles(ItemState.OVERDUE) == ["村道硬化"]
    assert titles(ItemState.OVERDUE, "2022-05-18") == []


def test_items_by_month_count_raisings_and_tick_offs_as_hand_written_sql(
    ledger: Ledger, pairings: list[int]
) -> None:
    """The chart of the lists: per month, the items raised and those ticked off (a month with neither
    is a zero)."""
    plan_items.add_item(ledger, _need(pairings[0]))
    plan_items.add_item(ledger, _need(pairings[1], "路灯安装", opened_on=day("2022-03-20")))
    plan_items.add_item(
        ledger,
        _need(
            pairings[1], "饮水安全改造", status=ItemStatus.DONE, done_on=day("2022-05-10"), done_note="已完工"
        ),
    )
    span = MonthSpan(Month(2022, 2), Month(2022, 5))
    found = plan_items.items_by_month(
        ledger, ledger.scalar("SELECT id FROM region WHERE level = 'city'"), span
    )
    hand = {
        row["month"]: (row["opened"], row["done"])
        for row in ledger.query(
            """
            SELECT m AS month, sum(o) AS opened, sum(d) AS done FROM (
                SELECT substr(opened_on, 1, 7) AS m, 1 AS o, 0 AS d FROM plan_item
                UNION ALL SELECT substr(done_on, 1, 7), 0, 1 FROM plan_item WHERE done_on IS NOT NULL
            ) WHERE m BETWEEN '2022-02' AND '2022-05' GROUP BY m
            """
        )
    }
    assert hand == {"2022-03": (1, 0), "2022-04": (2, 0), "2022-05": (0, 1)}
    assert found.opened == tuple(hand.get(str(m), (0, 0))[0] for m in span.months) == (0, 1, 2, 0)
    assert found.done == (0, 0, 0, 1)
