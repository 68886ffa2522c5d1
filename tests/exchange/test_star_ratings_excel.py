"""Star ratings (五星支部) in the branches' workbook: an export carries each branch's newest rating (星级,
评星年度, 评星日期) and every year's on the 星级评定 sheet, all read back into a new ledger; a township's
roster with a 星级 column is taken row by row, a rating without its year or of an organ branch rejected
with its reason; the county's yearly rating list filled into its template, bad rows listed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind, Tier
from branchdesk.domain.imports import ImportKind, ImportMode
from branchdesk.exchange.columns import SHEETS
from branchdesk.exchange.ledger_export import export_ledger
from branchdesk.exchange.ledger_import import import_file, plan_file
from branchdesk.exchange.templates import template
from branchdesk.services import stars
from branchdesk.services.ledgers import create_ledger
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder

RATINGS = (
    "SELECT b.uuid, b.name, s.year, s.stars, s.rated_on"
    " FROM star_rating s JOIN branch b ON b.id = s.branch_id ORDER BY b.name, s.year"
)


def test_the_newest_rating_goes_out_with_its_branch_and_reads_back(
    ledger: Ledger, build: LedgerBuilder, tmp_path: Path, clock: FixedClock
) -> None:
    tree = build.tree()
    village = build.branch("城关1村党支部", BranchKind.VILLAGE, tree["hc_chengguan"], tier=Tier.WEAK)
    build.branch("王岗村党支部", BranchKind.VILLAGE, tree["hc_renhe"])
    stars.rate_branch(ledger, village, 2021, 2, dt.date(2021, 12, 20))
    stars.rate_branch(ledger, village, 2022, 3, dt.date(2022, 5, 2))
    out = tmp_path / "导出.xlsx"
    export_ledger(ledger, out)
    sheet = openpyxl.load_workbook(out)["党支部"]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    by_name = {row[header.index("支部名称")]: row for row in rows[1:]}
    rated = by_name["城关1村党支部"]
    assert (rated[header.index("星级")], rated[header.index("评星年度")]) == (3, 2022)
    assert by_name["王岗村党支部"][header.index("星级")] is None

    with create_ledger(tmp_path / "新台账.bdesk", clock) as fresh:
        report = import_file(fresh, out, plan_file(out, "all"))
        assert report.committed
        # every year's rating, from the 星级评定 sheet, with its own uuid
        assert fresh.query(RATINGS) == ledger.query(RATINGS)
        kept = "SELECT uuid FROM star_rating ORDER BY uuid"
        assert fresh.query(kept) == ledger.query(kept)


def test_a_roster_with_stars_is_taken_row_by_row(
    ledger: Ledger, build: LedgerBuilder, tmp_path: Path
) -> None:
    build.tree()
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ["党支部名称", "类型", "所属区域", "星级", "评星年度", "评星日期"],
        ["张庄村党支部", "村", "信阳市/潢川县/仁和镇", "2021 四星", None, "2022-01-10"],
        ["王湾村党支部", "村", "信阳市/潢川县/仁和镇", 5, 2021, None],
        ["李集村党支部", "村", "信阳市/潢川县/仁和镇", "三星", None, None],
        ["赵楼村党支部", "村", "信阳市/潢川县/仁和镇", "六星", 2021, None],
        ["县财政局机关党支部", "机关", "信阳市/潢川县", "四星", 2021, None],
    ):
        sheet.append(row)
    path = tmp_path / "花名册.xlsx"
    book.save(path)
    report = import_file(ledger, path, plan_file(path, "branches"), mode=ImportMode.VALID_ONLY)
    problems = {(p.row, p.field, p.code) for p in report.problems}
    assert (4, "star_year", "stars.year_required") in problems
    assert (5, "stars", "stars.unknown") in problems
    assert (6, "stars", "stars.not_grassroots") in problems
    assert [(row["name"], row["year"], row["stars"], row["rated_on"]) for row in ledger.query(RATINGS)] == [
        ("张庄村党支部", 2021, 4, "2022-01-10"),
        ("王湾村党支部", 2021, 5, "2022-05-19"),  # no day given: the day of the import
    ]


def test_a_countys_rating_list_from_the_template_takes_every_year(
    ledger: Ledger, build: LedgerBuilder, tmp_path: Path, clock: FixedClock
) -> None:
    tree = build.tree()
    build.branch("城关1村党支部", BranchKind.VILLAGE, tree["hc_chengguan"], tier=Tier.WEAK)
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    build.organs(unit, tree["huangchuan"], 1)
    path = tmp_path / "星级.xlsx"
    template(path, ImportKind.RATINGS)
    book = openpyxl.load_workbook(path)
    sheet = book[SHEETS[ImportKind.RATINGS]]
    headers = [cell.value for cell in sheet[1]]
    assert headers == ["基层党支部", "基层党支部所在区域", "星级", "评星年度", "评星日期"]
    region = "信阳市/潢川县/城关镇"
    for row in (
        ["城关1村党支部", region, "三星", 2021, dt.date(2022, 1, 10)],
        ["城关1村党支部", region, "2022 四星", None, "2022-05-02"],
        ["机关第1党支部", "信阳市/潢川县", "五星", 2021, dt.date(2022, 1, 10)],  # an organ branch
        ["城关1村党支部", region, "五星", 2023, dt.date(2022, 5, 2)],  # a year to come
    ):
        sheet.append(row)
    book.save(path)
    plans = plan_file(path, "ratings")
    report = import_file(ledger, path, plans)
    assert [(p.row, p.field, p.code) for p in report.problems] == [
        (5, "grassroots", "import.wrong_kind"),
        (6, "stars", "stars.future_year"),
    ]
    assert ledger.query(RATINGS) == []
    assert import_file(ledger, path, plans, mode=ImportMode.VALID_ONLY).committed
    assert [(row["year"], row["stars"], row["rated_on"]) for row in ledger.query(RATINGS)] == [
        (2021, 3, "2022-01-10"),
        (2022, 4, "2022-05-02"),
    ]
