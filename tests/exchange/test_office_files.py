"""Files written by a real office suite (LibreOffice, see office_files/README.md) read back exactly, and the
one cell reader every file and paste goes through."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from branchdesk.cli import EXIT_OK
from branchdesk.domain import cells
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.imports import ImportKind
from branchdesk.domain.listing import BranchColumn
from branchdesk.domain.vocabulary import Concept, name
from branchdesk.exchange.columns import OLD_SHEETS, SHEETS
from branchdesk.exchange.ledger_import import import_file, plan_file, plan_sheet, source_rows
from branchdesk.exchange.templates import template
from branchdesk.services import branches
from branchdesk.services.imports import run_import
from branchdesk.services.ledgers import create_ledger
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder
from tests.exchange.test_import_export import _cli, _rows_by_uuid

FILES = Path(__file__).parent / "office_files"
CLOCK = FixedClock.on("2024-01-15")


def _new_ledger(tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.bdesk"
    create_ledger(path, CLOCK).close()
    return path


def _stats(path: Path) -> list[object]:
    return [
        json.loads(_cli("stats", str(path), "--json", "--as-of", "2023-06-01", "--month", m, clock=CLOCK)[1])
        for m in ("2022-04", "2022-05", "2023-05")
    ]


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The app's own export, imported into a new ledger: what every re-save must give back."""
    path = _new_ledger(tmp_path_factory.mktemp("original"), "原件")
    code, out, err = _cli("import", str(path), str(FILES / "demo_export.xlsx"), "--what", "all", clock=CLOCK)
    assert (code, err) == (EXIT_OK, ""), out
    return path


@pytest.mark.parametrize("suffix", [".xls", ".xlsx"])
def test_a_libreoffice_resave_imports_exactly(original: Path, tmp_path: Path, suffix: str) -> None:
    resaved = FILES / f"libreoffice_demo_export{suffix}"
    target = _new_ledger(tmp_path, "另存")
    # The .xls failed whole: xlrd gives the candidate parts' 序号 as 1.0, which int() refused.
    code, out, err = _cli("import", str(target), str(resaved), "--what", "all", clock=CLOCK)
    assert (code, err) == (EXIT_OK, ""), out
    assert _rows_by_uuid(target) == _rows_by_uuid(original)
    assert _stats(target) == _stats(original)
    assert len(json.loads(Ledger.open(target, CLOCK).scalar("SELECT candidates FROM draw LIMIT 1"))) == 2


def test_libreoffice_csv_sheets_import_exactly(original: Path, tmp_path: Path) -> None:
    """One CSV per sheet (a CSV holds one), imported kind after kind as one import."""
    target = _new_ledger(tmp_path, "逐表")
    batches = []
    # saved before the three lists, agreements and work teams went into the workbook: no sheets of them
    for kind in list(ImportKind)[: list(ImportKind).index(ImportKind.ITEMS)]:
        # exported before the branches' sheet was named 党支部: its file keeps the older name
        path = FILES / f"libreoffice_demo_export-{OLD_SHEETS.get(kind, (SHEETS[kind],))[0]}.csv"
        batches.append((kind, source_rows(path, plan_sheet(path, kind, None))))
    with Ledger.open(target, CLOCK) as ledger:
        report = run_import(ledger, batches)
    assert report.committed, report.problems
    # The draws' candidates come from the parts sheet's own CSV beside the draws' CSV.
    assert _rows_by_uuid(target) == _rows_by_uuid(original)
    assert _stats(target) == _stats(original)


@pytest.mark.parametrize("suffix", [".xls", ".xlsx"])
def test_serial_numbers_count_from_the_workbooks_own_date_system(
    ledger: Ledger, build: LedgerBuilder, suffix: str
) -> None:
    build.tree()
    path = FILES / f"libreoffice_roster_1904_source{suffix}"
    report = import_file(ledger, path, plan_file(path, "branches"))
    assert report.committed, report.problems
    rows = {
        r["name"]: (r["member_count"], r["established_on"], r["optimised_on"])
        for r in ledger.query("SELECT * FROM branch")
    }
    # 41538 counted from 1904-01-01 (from Excel's usual 1899-12-30 it would be 2013-09-21).
    assert rows == {
        "县委组织部第一党支部": (12, "2001-07-01", "2017-09-22"),
        "县委组织部第二党支部": (35, "1998-03-05", "2022-04-10"),
    }


def test_a_formula_without_a_saved_result_says_so(ledger: Ledger, build: LedgerBuilder) -> None:
    """openpyxl writes formulas without results: read for their results, they would be empty and the
    member count silently dropped."""
    build.tree()
    path = FILES / "roster_formulas_source.xlsx"
    report = import_file(ledger, path, plan_file(path, "branches"))
    assert [(p.row, p.field, p.code, dict(p.params)) for p in report.problems] == [
        (2, "member_count", "cell.formula_without_value", {"formula": "=20+3"}),
        (2, "secretary", "cell.formula_without_value", {"formula": '=IF(1,"","")'}),
    ]
    assert not report.committed


def test_formulas_saved_with_their_results_read_as_the_results(ledger: Ledger, build: LedgerBuilder) -> None:
    """LibreOffice (as Excel and WPS) saves each result; an empty text result is an empty cell."""
    build.tree()
    path = FILES / "libreoffice_roster_formulas_source.xlsx"
    report = import_file(ledger, path, plan_file(path, "branches"))
    assert report.committed, report.problems
    assert ledger.query("SELECT member_count, secretary FROM branch") == [
        {"member_count": 23, "secretary": None}
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1.0, 1), (35, 35), ("35", 35), (" 35 ", 35), ("35.0", 35), ("1,200", 1200), ("３５", 35),
        ("35人", 35), (None, None), ("  ", None),
    ],
)  # fmt: skip
def test_whole_numbers_as_files_and_pastes_give_them(value: object, expected: int | None) -> None:
    assert cells.whole_number(value) == expected


@pytest.mark.parametrize("value", [12.7, "12.7", "inf", "1e400", "nan", "很多", True])
def test_a_number_that_is_not_whole_is_refused(value: object) -> None:
    with pytest.raises(BranchDeskError) as raised:
        cells.whole_number(value)
    assert raised.value.code == "cell.not_a_number"


@pytest.mark.parametrize(
    "value",
    [
        "2020-05-01", "2020/5/1", "2020.5.1", "20200501", "2020年5月1日", " 2020-05-01 ", "２０２０-05-01",
        "2020-05-01 00:00:00", 20200501, 20200501.0, 43952, 43952.0, dt.datetime(2020, 5, 1),
        dt.date(2020, 5, 1),
    ],
)  # fmt: skip
def test_every_form_of_a_date_is_read(value: object) -> None:
    assert cells.date(value) == dt.date(2020, 5, 1)


def test_a_serial_number_counts_from_the_epoch_given() -> None:
    assert cells.date(42490, cells.EPOCH_1904) == dt.date(2020, 5, 1)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("2023-02-30", "date.no_such_day"),
        ("2023-13-01", "date.no_such_month"),
        ("20231301", "date.no_such_month"),
        (12.5, "date.invalid"),
        (123, "date.invalid"),
        ("昨天", "date.invalid"),
        (False, "date.invalid"),
    ],
)
def test_what_is_not_a_date_is_refused(value: object, code: str) -> None:
    with pytest.raises(BranchDeskError) as raised:
        cells.date(value)
    assert raised.value.code == code  # the reason: no such day or month, or not a date at all


@pytest.mark.parametrize(
    ("value", "expected"),
    [(True, True), (False, False), ("是", True), ("否", False), (1.0, True), (0.0, False), (" TRUE ", True)],
)
def test_booleans_as_cells_or_words(value: object, expected: bool) -> None:
    assert cells.yes_no(value) is expected


# The cells of a row as a clerk types them, and what the ledger keeps.
_TYPED = {
    BranchColumn.NAME: " 东街村党支部 ",
    BranchColumn.KIND: "村",
    BranchColumn.REGION: "仁和镇",
    BranchColumn.TIER: "较差",
    BranchColumn.MEMBERS: "1,200",
    BranchColumn.ESTABLISHED: "2001年7月1日",
}
_KEPT = ("东街村党支部", "village", "weak", 1200, "2001-07-01")


def _kept(ledger: Ledger) -> list[tuple[object, ...]]:
    return [
        tuple(r.values())
        for r in ledger.query("SELECT name, kind, tier, member_count, established_on FROM branch")
    ]


def test_paste_and_import_take_the_same_words_and_numbers(
    ledger: Ledger, build: LedgerBuilder, tmp_path: Path
) -> None:
    build.tree()
    result = branches.paste_branches(ledger, [_TYPED])
    assert result.rejected == []
    assert _kept(ledger) == [_KEPT]
    branches.delete_branches(ledger, [ledger.scalar("SELECT id FROM branch")])
    path = tmp_path / "粘贴同款.csv"
    headers = {BranchColumn.NAME: "支部名称", BranchColumn.KIND: "支部类型", BranchColumn.REGION: "所属区域",
               BranchColumn.TIER: "等次", BranchColumn.MEMBERS: "党员数",
               BranchColumn.ESTABLISHED: "成立日期"}  # fmt: skip
    path.write_text(
        ",".join(headers.values()) + "\n" + ",".join(f'"{_TYPED[c]}"' for c in headers) + "\n", "utf-8"
    )
    report = import_file(ledger, path, plan_file(path, "branches"))
    assert report.committed, report.problems
    assert _kept(ledger) == [_KEPT]


def _template(tmp_path: Path, kind: ImportKind) -> Path:
    path = tmp_path / f"模板 {kind.value}.xlsx"
    template(path, kind)
    return path


def test_templates_offer_an_example_drop_downs_and_a_notes_sheet(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(_template(tmp_path, ImportKind.PAIRINGS))
    assert book.sheetnames == ["结对", "说明"]
    sheet = book["结对"]
    headers = [c.value for c in sheet[1]]
    example = [c.value for c in sheet[2]]
    assert str(example[0]).startswith("示例：")
    assert sheet.cell(2, 1).font.i  # shown apart from data: grey italics
    assert example[headers.index(name(Concept.METHOD))] == "指定"
    drop_downs = {
        headers[next(iter(dv.sqref.ranges)).min_col - 1]: dv.formula1
        for dv in sheet.data_validations.dataValidation
    }
    assert drop_downs == {
        name(Concept.METHOD): '"指定,抽签"',
        name(Concept.ORGAN_TIER): '"好,中,差"',
        name(Concept.GRASSROOTS_TIER): '"好,中,差"',
        name(Concept.END_REASON): '"合并,撤销,村改社区,重新结对,其他"',
    }
    notes = {row[0]: row for row in book["说明"].iter_rows(min_row=2, values_only=True)}
    assert set(headers) <= set(notes)
    assert notes[name(Concept.METHOD)][1:] == ("选填", "从下拉列表选择：指定、抽签")
    assert notes[name(Concept.ORGAN_BRANCH)][1] == "必填"
    book.close()


@pytest.mark.parametrize("keep_example", [True, False])
def test_a_filled_template_imports_its_rows_and_never_its_example(
    ledger: Ledger, build: LedgerBuilder, tmp_path: Path, keep_example: bool
) -> None:
    build.tree()
    path = _template(tmp_path, ImportKind.BRANCHES)
    book = openpyxl.load_workbook(path)
    sheet = book["党支部"]
    headers = [c.value for c in sheet[1]]
    if not keep_example:
        sheet.delete_rows(2)
    row = {
        name(Concept.BRANCH_NAME): "西街村党支部",
        name(Concept.KIND): "农村",
        name(Concept.REGION): "仁和镇",
    }
    sheet.append([row.get(str(header)) for header in headers])
    book.save(path)
    plans = plan_file(path, "branches")
    assert [r[0] for r in plans[0].preview] == ["西街村党支部"]
    report = import_file(ledger, path, plans)
    assert report.committed, report.problems
    assert report.of(ImportKind.BRANCHES).read == 1
    assert [r["name"] for r in ledger.query("SELECT name FROM branch")] == ["西街村党支部"]


def test_a_template_with_only_its_example_imports_nothing(
    ledger: Ledger, build: LedgerBuilder, tmp_path: Path
) -> None:
    build.tree()
    path = _template(tmp_path, ImportKind.BRANCHES)
    report = import_file(ledger, path, plan_file(path, "branches"))
    assert (report.of(ImportKind.BRANCHES).read, report.problems, report.committed) == (0, [], False)
    assert ledger.scalar("SELECT count(*) FROM branch") == 0


def test_tab_separated_text_under_a_title_row_is_read(
    ledger: Ledger, build: LedgerBuilder, tmp_path: Path
) -> None:
    build.tree()
    path = tmp_path / "名单.txt"
    path.write_text(
        "仁和镇村级党支部名单\n支部名称\t支部类型\t所属区域\n东街村党支部\t农村\t仁和镇\n", "utf-8"
    )
    report = import_file(ledger, path, plan_file(path, "branches"))
    assert report.committed, report.problems
    assert ledger.scalar("SELECT name FROM branch") == "东街村党支部"
