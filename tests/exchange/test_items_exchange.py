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
from branchdesk.domain.imports import ImportKind, ImportMode
from branchdesk.exchange.columns import SHEETS
from branchdesk.exchange.ledger_import import import_file, plan_file
from branchdesk.exchange.templates import template
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
