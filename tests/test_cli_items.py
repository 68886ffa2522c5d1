"""``branchdesk-cli items``: a region's items of the three lists, filtered by status, as text and JSON,
the same rows as hand-written SQL picks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from branchdesk.cli import EXIT_OK, EXIT_USAGE
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import ItemKind, ItemStatus
from branchdesk.domain.plan_items import ItemDraft
from branchdesk.services.plan_items import add_item
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder, day
from tests.test_cli import cli


@pytest.fixture
def listed(build: LedgerBuilder, ledger: Ledger) -> Path:
    tree, pairings = build.paired_town(2)
    unit = build.unit("固始县农业农村局", tree["gushi"])
    organ = build.organs(unit, tree["gushi"], 1)[0]
    village = build.villages(tree["gs_chengguan"], 1, prefix="固始城关")[0]
    gushi = build.pair(organ, village, "2022-04-10")

    def add(pairing: int, title: str, kind: ItemKind = ItemKind.NEED, **fields: object) -> None:
        draft = ItemDraft(pairing_id=pairing, kind=kind, title=title, opened_on=day("2022-04-15"))
        add_item(ledger, ItemDraft(**{**draft.__dict__, **fields}))  # type: ignore[arg-type]

    add(pairings[0], "村道硬化", owner="王强", due_on=day("2022-05-01"))  # overdue
    add(
        pairings[0],
        "单位帮扶资金",
        ItemKind.RESOURCE,
        status=ItemStatus.IN_PROGRESS,
        due_on=day("2022-06-30"),
    )
    add(
        pairings[1],
        "产业技术培训",
        status=ItemStatus.DONE,
        done_on=day("2022-05-10"),
        done_note="已培训 40 人次",
    )
    add(gushi, "专家服务", ItemKind.RESOURCE, due_on=day("2022-05-18"))  # overdue, in 固始县
    path = ledger.path
    ledger.close()
    return path


def _hand(path: Path, where: str) -> list[str]:
    with Ledger.open(path, FixedClock.on("2022-05-19"), read_only=True) as ledger:
        return [
            row["title"]
            for row in ledger.query(
                "SELECT i.title FROM plan_item i JOIN pairing p ON p.id = i.pairing_id"
                " JOIN branch g ON g.id = p.grassroots_id JOIN region r ON r.id = g.region_id"
                f" WHERE {where} ORDER BY i.due_on IS NULL, i.due_on, i.id"
            )
        ]


def test_items_lists_each_status_as_hand_written_sql_does(listed: Path, clock: FixedClock) -> None:
    cases = {
        None: "1",
        "open": "i.status <> 'done'",
        "done": "i.status = 'done'",
        "overdue": "i.status <> 'done' AND i.due_on < '2022-05-19'",
    }
    for status, where in cases.items():
        code, out, err = cli(
            "items", str(listed), "--json", *(("--status", status) if status else ()), clock=clock
        )
        assert (code, err) == (EXIT_OK, "")
        shown = json.loads(out)
        assert [item["title"] for item in shown["items"]] == _hand(listed, where), status
    code, out, _ = cli(
        "items", str(listed), "--json", "--status", "overdue", "--region", "潢川县", clock=clock
    )
    assert json.loads(out) == {
        "region": "信阳市/潢川县",
        "as_of": "2022-05-19",
        "items": [
            {
                "uuid": json.loads(out)["items"][0]["uuid"],
                "kind": "need",
                "title": "村道硬化",
                "pairing": "城关1村党支部 ← 机关第1党支部",
                "region": "潢川县 / 城关镇",
                "owner": "王强",
                "opened_on": "2022-04-15",
                "due_on": "2022-05-01",
                "status": "open",
                "done_on": None,
                "done_note": None,
                "note": None,
                "overdue": True,
                "activities": 0,
            }
        ],
    }


def test_items_as_text_in_chinese(listed: Path, clock: FixedClock) -> None:
    code, out, _ = cli("items", str(listed), "--region", "信阳市/潢川县", clock=clock)
    assert code == EXIT_OK
    assert out.splitlines() == [
        "潢川县 / 城关镇\t城关1村党支部 ← 机关第1党支部\t需求\t村道硬化\t王强\t未开始（已逾期）"
        "\t2022年5月1日",
        "潢川县 / 城关镇\t城关1村党支部 ← 机关第1党支部\t资源\t单位帮扶资金\t—\t推进中\t2022年6月30日",
        "潢川县 / 城关镇\t城关2村党支部 ← 机关第2党支部\t需求\t产业技术培训\t—\t已销号\t—",
        "信阳市/潢川县：共 3 项",
    ]


def test_items_refuses_another_status(listed: Path, clock: FixedClock) -> None:
    code, _, err = cli("items", str(listed), "--status", "late", clock=clock)
    assert code == EXIT_USAGE
    assert "late" in err
