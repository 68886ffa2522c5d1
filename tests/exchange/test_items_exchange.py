"""The three lists in and out of Excel: the import template filled in by hand, rows naming pairings that do
not exist listed with their reasons (nothing written unless the valid rows alone are asked for), and a
project's need and resource found by title within its pairing."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl

from branchdesk.cli import EXIT_FAILED, EXIT_OK, run
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import ItemKind
from branchdesk.domain.imports import ImportKind, ImportMode
from branchdesk.domain.plan_items import ItemDraft
from branchdesk.exchange.columns import SHEETS
from branchdesk.exchange.ledger_export import export_ledger
from branchdesk.exchange.ledger_import import import_file, plan_file
from branchdesk.exchange.templates import template
from branchdesk.services.ledgers import create_ledger
from branchdesk.services.plan_items import add_item
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder

# 组织 ← the organ branch, 村 the village; the pairings start on 10 April 2022.
_PAIRING = ("机关第1党支部", "城关1村党支部", "信阳市/潢川县/城关镇")


def _filled(path: Path, rows: list[list[object]]) -> Path:
    """The template of the lists, its example row kept, these rows added below it."""
    template(path, ImportKind.ITEMS)
    book = openpyxl.load_workbook(path)
    sheet = book[SHEETS[ImportKind.ITEMS]]
    headers = [cell.value for cell in sheet[1]]
    assert headers == [
        "机关党支部", "基层党支部", "基层党支部所在区域", "清单", "事项", "责任人", "提出日期", "完成时限",
        "状态", "销号日期", "完成情况", "对应需求", "对应资源", "备注",
    ]  # fmt: skip
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _items(ledger: Ledger) -> list[tuple[object, ...]]:
    return [
        tuple(row.values())
        for row in ledger.query(
            "SELECT i.kind, i.title, i.status, i.done_on, n.title AS need, r.title AS resource"
            " FROM plan_item i LEFT JOIN plan_item n ON n.id = i.need_id"
            " LEFT JOIN plan_item r ON r.id = i.resource_id"
            " ORDER BY i.id"
        )
    ]


def test_rows_for_pairings_that_do_not_exist_are_listed_and_the_rest_imports(
    ledger: Ledger, build: LedgerBuilder, tmp_path: Path, clock: FixedClock
) -> None:
    build.paired_town(1)
    organ, village, region = _PAIRING
    day = dt.date(2022, 4, 15)
    path = _filled(
        tmp_path / "清单.xlsx",
        [
            [organ, village, region, "需求", "村道硬化", "王强", day, dt.date(2022, 9, 30), "推进中"],
            [organ, village, region, "资源", "单位帮扶资金", "李明", day],
            [
                organ,
                village,
                region,
                "项目",
                "村道硬化工程",
                "王强",
                day,
                None,
                "已销号",
                dt.date(2022, 5, 10),
                "已完工验收",
                "村道硬化",
                "单位帮扶资金",
            ],
            ["", "王庄村党支部", region, "需求", "产业技术培训", "", day],  # no such branch
            [organ, village, region, "需求", "路灯安装", "", dt.date(2022, 3, 1)],  # before the pairing
            [
                organ,
                village,
                region,
                "资源",
                "专家服务",
                "",
                day,
                None,
                "已销号",
                dt.date(2022, 5, 1),
            ],  # no note
        ],
    )
    plans = plan_file(path, "items")
    report = import_file(ledger, path, plans)
    assert not report.committed
    assert [(p.row, p.field, p.code) for p in report.problems] == [
        (6, "grassroots", "import.not_found"),
        (7, "grassroots", "import.no_pairing"),
        (8, "done_note", "item.done_needs_note"),
    ]
    assert _items(ledger) == []
    report = import_file(ledger, path, plans, mode=ImportMode.VALID_ONLY)
    assert report.committed
    assert report.of(ImportKind.ITEMS).added == 3
    assert _items(ledger) == [
        ("need", "村道硬化", "in_progress", None, None, None),
        ("resource", "单位帮扶资金", "open", None, None, None),
        ("project", "村道硬化工程", "done", "2022-05-10", "村道硬化", "单位帮扶资金"),
    ]
    # The same file again: the three are there already, and nothing new is written.
    again = import_file(ledger, path, plans, mode=ImportMode.VALID_ONLY)
    assert (again.of(ImportKind.ITEMS).duplicates, again.written) == (3, 0)


def test_the_cli_lists_the_rows_of_pairings_that_do_not_exist(
    ledger: Ledger, build: LedgerBuilder, tmp_path: Path, clock: FixedClock
) -> None:
    build.paired_town(1)
    organ, village, region = _PAIRING
    path = _filled(
        tmp_path / "清单.xlsx",
        [
            [organ, village, region, "需求", "村道硬化", "", dt.date(2022, 4, 15)],
            ["", "王庄村党支部", region, "需求", "产业技术培训", "", dt.date(2022, 4, 15)],
        ],
    )
    ledger.close()
    out, err = io.StringIO(), io.StringIO()
    code = run(["import", str(ledger.path), str(path), "--what", "items"], clock=clock, out=out, err=err)
    assert code == EXIT_FAILED
    assert "清单\t4\t基层党支部\t台账和文件中都没有名为“王庄村党支部”的记录。" in out.getvalue()
    with Ledger.open(ledger.path, clock) as reopened:
        assert _items(reopened) == []
    code = run(
        ["import", str(ledger.path), str(path), "--what", "items", "--valid-only"],
        clock=clock,
        out=out,
        err=err,
    )
    assert code == EXIT_OK
    with Ledger.open(ledger.path, clock) as reopened:
        assert _items(reopened) == [("need", "村道硬化", "open", None, None, None)]


def test_an_items_links_to_activities_go_out_and_come_back(
    ledger: Ledger, build: LedgerBuilder, tmp_path: Path, clock: FixedClock
) -> None:
    _, pairings = build.paired_town(2)
    worked = [build.activity(pairings[0], day) for day in ("2022-05-14", "2022-04-23")]  # two Saturdays
    elsewhere = build.activity(pairings[1], "2022-05-14")
    draft = ItemDraft(pairings[0], ItemKind.NEED, "村道硬化", dt.date(2022, 4, 15))
    add_item(ledger, draft, activity_ids=worked)
    exported = tmp_path / "台账.xlsx"
    export_ledger(ledger, exported)
    book = openpyxl.load_workbook(exported)
    sheet = book[SHEETS[ImportKind.ITEMS]]
    headers = [cell.value for cell in sheet[1]]
    # the activities by day, as the Lists tab shows them
    expected = "；".join(_uuid(ledger, activity) for activity in reversed(worked))
    assert sheet.cell(2, headers.index("关联活动编号") + 1).value == expected
    links = "SELECT i.uuid, a.uuid FROM plan_item_activity l JOIN plan_item i ON i.id = l.plan_item_id"
    links += " JOIN activity a ON a.id = l.activity_id ORDER BY 1, 2"
    before = ledger.conn.execute(links).fetchall()
    # into a new ledger, from nothing: the links come with the item
    target = tmp_path / "新台账.bdesk"
    create_ledger(target, clock).close()
    with Ledger.open(target, clock) as fresh:
        assert import_file(fresh, exported, plan_file(exported, "all")).committed
        assert fresh.conn.execute(links).fetchall() == before
    # a link to another pairing's activity is refused, naming the column
    sheet.cell(2, headers.index("关联活动编号") + 1).value = _uuid(ledger, elsewhere)
    sheet.cell(2, headers.index("唯一编号") + 1).value = None
    sheet.cell(2, headers.index("事项") + 1).value = "路灯安装"
    book.save(exported)
    report = import_file(ledger, exported, plan_file(exported, "items"))
    assert [(p.row, p.field, p.code) for p in report.problems] == [
        (2, "activity_uuids", "item.activity_of_other_pairing")
    ]


def _uuid(ledger: Ledger, activity: int) -> str:
    return str(ledger.scalar("SELECT uuid FROM activity WHERE id = ?", (activity,)))
