"""Pairing agreements and village work teams in Excel: the import templates filled in by hand (rows naming
the village and its region, the target's text, the member's phone), bad rows listed with their column and
reason and nothing written unless the valid rows alone are asked for, one undo step; an export changed in
Excel and imported with "update" changes the member's month."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.imports import GROUPS, ImportKind, ImportMode, ImportReport
from branchdesk.domain.months import Month
from branchdesk.exchange.columns import SHEETS
from branchdesk.exchange.ledger_export import export_ledger
from branchdesk.exchange.ledger_import import import_file, plan_file
from branchdesk.exchange.templates import template
from branchdesk.services.history import UndoHistory
from branchdesk.services.month_locks import lock_month
from branchdesk.services.stats import ledger_stats
from branchdesk.services.teams import month_members
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder
from tests.workbooks import Rows, filled_template

# The pairings of LedgerBuilder.paired_town, from 10 April 2022; the clock says 19 May 2022.
_REGION = "信阳市/潢川县/城关镇"
_ONE = ("机关第1党支部", "城关1村党支部", _REGION)
_TWO = ("机关第2党支部", "城关2村党支部", _REGION)


def _filled(path: Path, group: str, sheets: Rows) -> Path:
    """The template of ``group``, its example rows kept, these rows added below them."""
    return filled_template(path, sheets, GROUPS[group])


def _refused_then_valid_rows(
    ledger: Ledger, path: Path, group: str, table: str
) -> tuple[list[tuple[str, int, str | None, str]], ImportReport]:
    """The workbook imported all or nothing (refused: ``table`` stays empty), then its valid rows only:
    the problems of each refused row (its sheet, row, column and reason) and the second import's report."""
    plans = plan_file(path, group)
    assert [plan.kind for plan in plans] == list(GROUPS[group])
    refused = import_file(ledger, path, plans)
    assert not refused.committed
    assert ledger.scalar(f"SELECT count(*) FROM {table}") == 0
    report = import_file(ledger, path, plans, mode=ImportMode.VALID_ONLY)
    assert report.committed
    return [(p.kind.value, p.row, p.field, p.code) for p in refused.problems], report


def _agreements(ledger: Ledger) -> list[tuple[object, ...]]:
    return [
        tuple(row.values())
        for row in ledger.query(
            "SELECT g.name, a.signed_on, a.organ_liaison, a.grassroots_phone, t.position, t.name AS target,"
            " t.number, t.unit, t.due_on"
            " FROM agreement a JOIN pairing p ON p.id = a.pairing_id JOIN branch g ON g.id = p.grassroots_id"
            " JOIN agreement_target t ON t.agreement_id = a.id ORDER BY a.id, t.position"
        )
    ]


def test_a_hand_filled_agreement_workbook_imports_its_valid_rows_and_lists_the_others(
    ledger: Ledger, build: LedgerBuilder, tmp_path: Path, clock: FixedClock
) -> None:
    build.paired_town(2)
    path = _filled(
        tmp_path / "协议.xlsx",
        "agreements",
        {
            ImportKind.AGREEMENTS: [
                [*_ONE, dt.date(2022, 4, 20), "李华", "13800000001", "王强", "0376-6221234"],
                [*_TWO, "2022-04-21", "赵敏", "电话待补"],  # no phone number
                ["", "王庄村党支部", _REGION, "2022-04-21"],  # no such branch
            ],
            ImportKind.TARGETS: [
                [*_ONE, "帮办实事", 3, "件", dt.date(2022, 12, 31)],
                [*_ONE, "引进项目资金", "20.5", "万元", "2022年12月31日"],
                [*_ONE, "修缮党群服务中心", None, None, dt.date(2022, 4, 1)],  # due before the signing
                [*_TWO, "帮办实事", 2, "件", dt.date(2022, 12, 31)],  # its agreement was refused
                [*_ONE, "培训致富带头人", "若干", "人", dt.date(2022, 12, 31)],  # no number
            ],
            ImportKind.PROGRESS: [
                [*_ONE, "帮办实事", dt.date(2022, 5, 1), 1, "硬化村道 800 米"],
                [*_ONE, "帮办实事", dt.date(2022, 5, 10), 4, "超出目标，照记"],
                [*_ONE, "产业培训", dt.date(2022, 5, 10), 1],  # no such target
                [*_ONE, "引进项目资金", dt.date(2022, 6, 1), 5],  # after today
            ],
        },
    )
    problems, report = _refused_then_valid_rows(ledger, path, "agreements", "agreement")
    # row 1: headers, row 2: the template's example
    assert problems == [
        ("agreements", 4, "organ_phone", "agreement.phone"),
        ("agreements", 5, "grassroots", "import.not_found"),
        ("targets", 5, "due_on", "agreement.target_before_signing"),
        ("targets", 6, "grassroots", "import.no_agreement"),
        ("targets", 7, "number", "cell.not_a_number"),
        ("progress", 5, "target", "import.not_found"),
        ("progress", 6, "recorded_on", "import.date_in_future"),
    ]
    # the phone as written, as the dialog keeps it
    signed = (
        "城关1村党支部",
        "2022-04-20",
        "李华",
        "0376-6221234",
    )
    assert _agreements(ledger) == [
        (*signed, 0, "帮办实事", 3.0, "件", "2022-12-31"),
        (*signed, 1, "引进项目资金", 20.5, "万元", "2022-12-31"),
    ]
    progress = ledger.query(
        "SELECT t.name, v.recorded_on, v.value, v.note FROM target_progress v"
        " JOIN agreement_target t ON t.id = v.target_id ORDER BY v.id"
    )
    assert [tuple(row.values()) for row in progress] == [
        ("帮办实事", "2022-05-01", 1.0, "硬化村道 800 米"),
        ("帮办实事", "2022-05-10", 4.0, "超出目标，照记"),
    ]
    # The figures count them: two numeric targets, one reached (4 of 3 by 19 May), as hand-written SQL says.
    reached = ledger.scalar(
        "SELECT count(*) FROM agreement_target t WHERE t.number <= (SELECT v.value FROM target_progress v"
        " WHERE v.target_id = t.id AND v.recorded_on <= '2022-05-19' ORDER BY v.recorded_on DESC, v.id DESC"
        " LIMIT 1)"
    )
    assert reached == 1
    targets = ledger_stats(ledger).targets
    assert (targets.count, targets.reached) == (2, reached)

    # One step to undo, and the file again finds everything there.
    history = UndoHistory(ledger)
    assert report.changed is not None
    history.record(report.changed)
    history.undo()
    assert ledger.scalar("SELECT count(*) FROM agreement") == 0
    assert ledger.scalar("SELECT count(*) FROM target_progress") == 0
    history.redo()
    again = import_file(ledger, path, plan_file(path, "agreements"), mode=ImportMode.VALID_ONLY)
    assert again.written == 0
    assert (again.of(ImportKind.AGREEMENTS).duplicates, again.of(ImportKind.TARGETS).duplicates) == (1, 2)


def _days(marks: dict[int, str]) -> list[object]:
    return [marks.get(day) for day in range(1, 32)]


def _liu_yang(path: Path, month: object, marks: dict[int, str]) -> Path:
    """The team workbook of 城关1村's team, sent on 11 April 2022, with its leader 刘洋 and his days of
    ``month``."""
    village = _ONE[1]
    return _filled(
        path,
        "teams",
        {
            ImportKind.TEAMS: [[village, _REGION, "潢川县财政局", dt.date(2022, 4, 11)]],
            ImportKind.MEMBERS: [
                [village, _REGION, "刘洋", "13800000003", None, "队长", dt.date(2022, 4, 11)]
            ],
            ImportKind.TEAM_DAYS: [[village, "刘洋", "13800000003", month, *_days(marks)]],
        },
    )


def test_a_hand_filled_team_workbook_keeps_the_rules_of_the_team_dialog_and_the_grid(
    ledger: Ledger, build: LedgerBuilder, tmp_path: Path, clock: FixedClock
) -> None:
    build.paired_town(2)
    village, region = _ONE[1], _REGION
    april = dict.fromkeys(range(11, 31), "在") | {18: "假（病假）", 19: "公", 20: "缺", 21: "P", 22: "b"}
    path = _filled(
        tmp_path / "工作队.xlsx",
        "teams",
        {
            ImportKind.TEAMS: [
                [village, region, "潢川县财政局", dt.date(2022, 4, 11)],
                [village, region, "潢川县财政局", dt.date(2022, 4, 20)],  # a second team while one serves
                [_ONE[0], region, "潢川县财政局", dt.date(2022, 4, 11)],  # an organ branch
                [_TWO[1], region, "无此单位", dt.date(2022, 4, 11)],  # no such unit
            ],
            ImportKind.MEMBERS: [
                [village, region, "刘洋", "138 0000 0003", "潢川县财政局", "队长", dt.date(2022, 4, 11)],
                [village, region, "陈静", "13800000004", "潢川县财政局", "第一书记", dt.date(2022, 4, 11)],
                [village, region, "刘洋", "13800000003", None, "队员", dt.date(2022, 4, 15)],  # on a team
                [village, region, "张伟", "13800000005", None, "队员", dt.date(2022, 4, 1)],  # before it
                [village, region, "王芳", "13800000006", None, "组长", dt.date(2022, 4, 11)],  # no such role
            ],
            ImportKind.TEAM_DAYS: [
                [village, "刘洋", "13800000003", "2022-04", *_days(april)],
                [village, "陈静", "13800000004", "2022-04", *_days({5: "在"})],  # before her service
                [village, "陈静", "13800000004", "2022-04", *_days({12: "休"})],  # no such mark
                [village, "陈静", "13800000004", "2022-04", *_days({31: "在"})],  # April has 30 days
                [
                    village,
                    "陈静",
                    "13800000004",
                    dt.date(2022, 5, 1),
                    *_days(dict.fromkeys(range(1, 19), "P")),
                ],
                [village, "无名", "13900000000", "2022-04", *_days({12: "在"})],  # on no team
            ],
        },
    )
    problems, _ = _refused_then_valid_rows(ledger, path, "teams", "work_team")
    assert problems == [
        ("teams", 4, "grassroots", "team.branch_has_team"),
        ("teams", 5, "grassroots", "import.wrong_kind"),
        ("teams", 6, "unit", "import.not_found"),
        ("members", 5, "phone", "team.member_busy"),
        ("members", 6, "grassroots", "import.no_team"),
        ("members", 7, "role", "cell.unknown_term"),
        ("team_days", 4, "day_5", "team.day_outside_member"),
        ("team_days", 5, "day_12", "team.bad_mark"),
        ("team_days", 6, "day_31", "import.no_such_day"),
        ("team_days", 8, "phone", "import.no_member"),
    ]
    members = ledger.query("SELECT name, phone, role, from_on, to_on FROM team_member ORDER BY id")
    assert [tuple(row.values()) for row in members] == [
        ("刘洋", "13800000003", "leader", "2022-04-11", None),
        ("陈静", "13800000004", "first_secretary", "2022-04-11", None),
    ]
    stored = ledger.query(
        "SELECT m.name, d.month, d.marks, d.reasons, d.present, d.leave, d.business, d.absent"
        " FROM team_days d JOIN team_member m ON m.id = d.member_id ORDER BY d.month"
    )
    assert [tuple(row.values()) for row in stored] == [
        (
            "刘洋",
            "2022-04",
            "-" * 10 + "PPPPPPPLBAPBPPPPPPPP",
            json.dumps({"18": "病假"}, ensure_ascii=False),
            16,
            1,
            2,
            1,
        ),
        ("陈静", "2022-05", "P" * 18 + "-" * 13, "{}", 18, 0, 0, 0),
    ]
    # The shortfall the grid and the list show: 刘洋 served 20 days of April and owes ⌈20 × 20 ÷ 30⌉ = 14;
    # 16 in the village and 2 on business count 18.
    township = ledger.scalar("SELECT region_id FROM branch WHERE name = ?", (village,))
    rows = month_members(ledger, int(township), Month(2022, 4))
    assert [(m.name, m.days.counted, m.required, m.shortfall) for m in rows] == [
        ("刘洋", 18, 14, 0),
        ("陈静", 0, 14, 14),
    ]


def test_a_month_changed_in_the_exported_workbook_is_taken_in_by_an_update(
    ledger: Ledger, build: LedgerBuilder, tmp_path: Path, clock: FixedClock
) -> None:
    build.paired_town(1)
    first = _liu_yang(tmp_path / "工作队.xlsx", "2022-05", {2: "在", 3: "在"})
    assert import_file(ledger, first, plan_file(first, "teams")).committed
    exported = tmp_path / "台账.xlsx"
    export_ledger(ledger, exported)
    book = openpyxl.load_workbook(exported)
    sheet = book[SHEETS[ImportKind.TEAM_DAYS]]
    headers = [cell.value for cell in sheet[1]]
    assert sheet.cell(2, headers.index("2日") + 1).value == "在"
    sheet.cell(2, headers.index("3日") + 1).value = "假（事假）"
    sheet.cell(2, headers.index("4日") + 1).value = "公"
    book.save(exported)
    plans = plan_file(exported, "teams")
    # Without "update" the month is there already and stays as it was.
    kept = import_file(ledger, exported, plans)
    assert (kept.of(ImportKind.TEAM_DAYS).duplicates, kept.written) == (1, 0)
    report = import_file(ledger, exported, plans, update=True)
    assert report.committed
    assert report.of(ImportKind.TEAM_DAYS).updated == 1
    row = ledger.query("SELECT marks, reasons, present, leave, business FROM team_days")[0]
    assert tuple(row.values()) == ("-PLB" + "-" * 27, json.dumps({"3": "事假"}, ensure_ascii=False), 1, 1, 1)


@pytest.mark.parametrize("group", ["agreements", "teams"])
def test_a_workbook_without_the_sheets_is_refused_naming_them(
    tmp_path: Path, ledger: Ledger, group: str
) -> None:
    path = tmp_path / "别的.xlsx"
    template(path, ImportKind.ITEMS)
    with pytest.raises(BranchDeskError) as raised:
        plan_file(path, group)
    assert raised.value.code == "import.no_sheets"
    assert raised.value.params["sheets"] == "、".join(SHEETS[kind] for kind in GROUPS[group])


def test_days_of_a_locked_month_are_refused_whole(
    ledger: Ledger, build: LedgerBuilder, tmp_path: Path, clock: FixedClock
) -> None:
    build.paired_town(1)
    path = _liu_yang(tmp_path / "工作队.xlsx", "2022-04", {12: "在"})
    lock_month(ledger, Month(2022, 4), "潢川县")  # April reported upward by the county
    with pytest.raises(BranchDeskError) as raised:
        import_file(ledger, path, plan_file(path, "teams"))
    assert raised.value.code == "month.locked"
    assert ledger.scalar("SELECT count(*) FROM team_member") == 0  # the team and members neither
