"""A name longer than 100 characters (a pasted paragraph) is refused with a message at every door below
the window: the services the dialogs and cell edits call, and an import of each kind through the CLI."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from branchdesk.cli import EXIT_FAILED, EXIT_OK
from branchdesk.domain.branch_rules import NAME_LIMIT, BranchDraft, name_too_long
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind, UnitLevel
from branchdesk.domain.errors import BranchDeskError, InvalidRecordError
from branchdesk.domain.listing import BranchColumn
from branchdesk.domain.months import HalfYear
from branchdesk.services import branches, key_tasks, regions
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder
from tests.test_cli import cli

LONG = "信阳市潢川县仁和镇张庄村" * 8 + "党支部联建"  # 101 characters
FITS = LONG[:NAME_LIMIT]


def test_the_limit_is_a_hundred_characters_blanks_aside() -> None:
    assert len(LONG) == NAME_LIMIT + 1
    assert name_too_long(FITS) is None
    assert name_too_long(f"  {FITS}\u3000") is None
    problem = name_too_long(LONG)
    assert problem is not None
    assert (problem.code, problem.params) == ("name.too_long", {"length": 101, "limit": 100})


def _count(ledger: Ledger, table: str) -> int:
    return int(ledger.scalar(f"SELECT count(*) FROM {table}"))


def test_services_refuse_a_long_name_and_write_nothing(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = build.tree()
    village = build.villages(tree["hc_renhe"], 1)[0]
    operations = _count(ledger, "operation")
    refusals: list[BranchDeskError] = []
    attempts: list[Callable[[], object]] = [
        lambda: regions.add_region(ledger, LONG, tree["huangchuan"]),
        lambda: regions.edit_region(ledger, tree["hc_renhe"], LONG, None),
        lambda: branches.add_unit(ledger, LONG, UnitLevel.COUNTY, tree["huangchuan"]),
        lambda: key_tasks.add_key_task(ledger, HalfYear(2022, 1), LONG),
        lambda: branches.add_branch(ledger, BranchDraft(LONG, BranchKind.VILLAGE, tree["hc_renhe"])),
        lambda: branches.set_branch_field(ledger, village, BranchColumn.NAME, LONG),
    ]
    for attempt in attempts:
        with pytest.raises(BranchDeskError) as raised:
            attempt()
        refusals.append(raised.value)
    assert [error.code for error in refusals] == ["name.too_long"] * 6
    assert isinstance(refusals[-1], InvalidRecordError)
    assert refusals[-1].problems[0].field == "name"
    assert _count(ledger, "operation") == operations
    # One character less is a name.
    regions.add_region(ledger, FITS, tree["huangchuan"])
    key_tasks.add_key_task(ledger, HalfYear(2022, 1), FITS)
    assert ledger.scalar("SELECT count(*) FROM region WHERE name = ?", (FITS,)) == 1


@pytest.mark.parametrize(
    ("what", "sheet", "headers", "row"),
    [
        ("regions", "区域", ["区域名称", "级别", "上级区域"], [LONG, "乡镇", "信阳市/潢川县"]),
        ("all", "单位", ["单位名称", "单位级别", "区域"], [LONG, "县直", "信阳市/潢川县"]),
        (
            "branches",
            "支部",
            ["支部名称", "支部类型", "区域", "档次"],
            [LONG, "农村", "信阳市/潢川县/仁和镇", "差"],
        ),
        # an organ branch whose unit is new to the ledger brings its unit along: that name too
        (
            "branches",
            "支部",
            ["单位", "支部类型", "区域", "支部名称"],
            [LONG, "机关", "信阳市/潢川县", "财政局党支部"],
        ),
        ("all", "重点任务", ["重点任务", "半年"], [LONG, "2022-H1"]),
    ],
)
def test_an_import_refuses_a_long_name_in_its_row(
    ledger: Ledger,
    build: LedgerBuilder,
    tmp_path: Path,
    clock: FixedClock,
    what: str,
    sheet: str,
    headers: list[str],
    row: list[str],
) -> None:
    build.tree()
    book = openpyxl.Workbook()
    page = book.active
    assert page is not None
    page.title = sheet
    page.append(headers)
    page.append(row)
    page.append([FITS, *row[1:]])
    book.save(tmp_path / "名单.xlsx")
    counts = {table: _count(ledger, table) for table in ("region", "unit", "branch", "key_task")}
    ledger.close()
    code, out, _ = cli("import", str(ledger.path), str(tmp_path / "名单.xlsx"), "--what", what, clock=clock)
    assert code == EXIT_FAILED
    assert f"{sheet}\t2\t{headers[0]}\t名称最多 100 个字，现有 101 个字，请缩短。" in out
    with Ledger.open(ledger.path, clock) as reopened:  # nothing of the file was written
        assert {table: _count(reopened, table) for table in counts} == counts


def test_cli_valid_only_import_keeps_the_rows_that_fit(
    ledger: Ledger, build: LedgerBuilder, tmp_path: Path, clock: FixedClock
) -> None:
    build.tree()
    book = openpyxl.Workbook()
    page = book.active
    assert page is not None
    page.append(["支部名称", "支部类型", "区域"])
    page.append([LONG, "农村", "信阳市/潢川县/仁和镇"])
    page.append([FITS, "农村", "信阳市/潢川县/仁和镇"])
    book.save(tmp_path / "名单.xlsx")
    ledger.close()
    argv = ["import", str(ledger.path), str(tmp_path / "名单.xlsx"), "--what", "branches", "--valid-only"]
    code, out, _ = cli(*argv, clock=clock)
    assert code == EXIT_OK, out
    assert "名称最多 100 个字，现有 101 个字，请缩短。" in out
    with Ledger.open(ledger.path, clock) as reopened:
        assert [row["name"] for row in reopened.query("SELECT name FROM branch")] == [FITS]
