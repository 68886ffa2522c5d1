"""Attendance through spreadsheets: the activity template's new columns filled in by a clerk and imported
into a new ledger, refusals by the same rules as the dialog, older files without the columns, and the
export read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from branchdesk.domain.imports import ImportKind, ImportMode
from branchdesk.exchange.columns import COLUMNS, SHEETS
from branchdesk.exchange.ledger_export import export_ledger
from branchdesk.exchange.ledger_import import import_file, plan_file
from branchdesk.exchange.templates import template
from branchdesk.services.ledgers import create_ledger
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder

_NEW_FIELDS = ("theme", "host", "expected", "present", "absentees", "make_up_on")


@pytest.fixture
def town(build: LedgerBuilder) -> str:
    """A new ledger with one pairing from 1 April 2022; the village's name."""
    tree = build.tree()
    organ = build.organs(build.unit("县委组织部", tree["huangchuan"]), tree["huangchuan"], 1)[0]
    village = build.villages(tree["hc_renhe"], 1)[0]
    build.pair(organ, village, "2022-04-01")
    return str(build.ledger.scalar("SELECT name FROM branch WHERE id = ?", (village,)))


def _filled_template(path: Path, rows: list[dict[str, Any]]) -> Path:
    """The activity template as File ▸ Import templates writes it, with rows typed under its example."""
    template(path, ImportKind.ACTIVITIES)
    book = openpyxl.load_workbook(path)
    sheet = book[SHEETS[ImportKind.ACTIVITIES]]
    headers = [cell.value for cell in sheet[1]]
    fields = {c.header: c.field for c in COLUMNS[ImportKind.ACTIVITIES]}
    for row in rows:
        sheet.append([row.get(fields.get(str(header), ""), None) for header in headers])
    book.save(path)
    return path


def _row(village: str, **values: Any) -> dict[str, Any]:
    return {
        "grassroots": village,
        "held_on": dt.date(2022, 5, 14),
        "type": "主题党日",
        "areas": "组织共建",
        "volunteers": 6,
        **values,
    }


def test_the_template_takes_attendance_into_a_new_ledger(ledger: Ledger, town: str, tmp_path: Path) -> None:
    path = _filled_template(
        tmp_path / "活动 模板.xlsx",
        [
            _row(
                town,
                theme="学习贯彻党的二十大精神",
                host="王强",
                expected=15,
                present="13人",
                absentees="李华：外出务工；赵敏:病假",
                make_up_on="2022/5/21",
            ),
            _row(town, held_on=dt.date(2022, 5, 15), expected=15, present=16),  # more present than expected
            _row(
                town,
                held_on=dt.date(2022, 5, 16),
                expected=15,
                present=14,
                absentees="李华：病假；赵敏：事假",
            ),
            _row(town, held_on=dt.date(2022, 5, 17), expected=10, present=9, make_up_on="2022-05-01"),
            _row(town, held_on=dt.date(2022, 5, 18), present=9),  # expected missing
            _row(town, held_on=dt.date(2022, 5, 19), summary="没有出勤记录"),
        ],
    )
    report = import_file(ledger, path, plan_file(path, "activities"), mode=ImportMode.VALID_ONLY)
    assert report.committed
    assert {(p.row, p.field, p.code) for p in report.problems} == {
        (4, "present", "attendance.present_over_expected"),
        (5, "absentees", "attendance.absentees_count"),
        (6, "make_up_on", "attendance.make_up_before"),
        (7, "expected", "attendance.incomplete"),
    }
    assert ledger.query(
        "SELECT held_on, theme, host, expected, present, make_up_on FROM activity ORDER BY held_on"
    ) == [
        {
            "held_on": "2022-05-14",
            "theme": "学习贯彻党的二十大精神",
            "host": "王强",
            "expected": 15,
            "present": 13,
            "make_up_on": "2022-05-21",
        },
        {
            "held_on": "2022-05-19",
            "theme": None,
            "host": None,
            "expected": None,
            "present": None,
            "make_up_on": None,
        },
    ]
    assert ledger.query("SELECT name, reason FROM activity_absentee ORDER BY id") == [
        {"name": "李华", "reason": "外出务工"},
        {"name": "赵敏", "reason": "病假"},
    ]


def test_a_file_from_before_the_attendance_columns_still_imports(
    ledger: Ledger, town: str, tmp_path: Path
) -> None:
    """The activity template as it was: every column but the six new ones."""
    old = [c for c in COLUMNS[ImportKind.ACTIVITIES] if c.shape != "uuid" and c.field not in _NEW_FIELDS]
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEETS[ImportKind.ACTIVITIES]
    sheet.append([c.header for c in old])
    sheet.append([_row(town).get(c.field) for c in old])
    path = tmp_path / "旧模板.xlsx"
    book.save(path)
    report = import_file(ledger, path, plan_file(path, "activities"))
    assert report.committed
    assert report.problems == []
    assert ledger.query("SELECT held_on, expected, present FROM activity") == [
        {"held_on": "2022-05-14", "expected": None, "present": None}
    ]


def test_the_export_carries_attendance_back_in(ledger: Ledger, town: str, tmp_path: Path, clock: Any) -> None:
    path = _filled_template(
        tmp_path / "活动.xlsx",
        [
            _row(
                town,
                host="王强",
                expected=12,
                present=10,
                absentees="李华：外出务工；赵敏：病假",
                make_up_on="2022-05-20",
            )
        ],
    )
    assert import_file(ledger, path, plan_file(path, "activities")).committed
    exported = tmp_path / "导出.xlsx"
    export_ledger(ledger, exported)
    sheet = openpyxl.load_workbook(exported)[SHEETS[ImportKind.ACTIVITIES]]
    headers = [cell.value for cell in sheet[1]]
    values = dict(zip(headers, [cell.value for cell in sheet[2]], strict=True))
    assert (values["应到人数"], values["实到人数"], values["缺席人员及原因"], values["主持人"]) == (
        12,
        10,
        "李华：外出务工；赵敏：病假",
        "王强",
    )
    target = tmp_path / "新台账.bdesk"
    with create_ledger(target, clock) as fresh:
        assert import_file(fresh, exported, plan_file(exported, "all")).committed
        assert fresh.query("SELECT expected, present, make_up_on, host FROM activity") == [
            {"expected": 12, "present": 10, "make_up_on": "2022-05-20", "host": "王强"}
        ]
        assert fresh.query("SELECT name, reason FROM activity_absentee ORDER BY id") == [
            {"name": "李华", "reason": "外出务工"},
            {"name": "赵敏", "reason": "病假"},
        ]
