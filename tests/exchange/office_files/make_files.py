"""Makes the files of this folder (see README.md): a demo export and a 1904-dated roster, each re-saved by
LibreOffice as .xlsx, .xls and CSV. Run by hand with LibreOffice's ``soffice`` on PATH; the tests only read
the files, so CI needs no office suite."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from pathlib import Path
from unittest import mock

import openpyxl
import xlsxwriter

from branchdesk.domain.clock import FixedClock
from branchdesk.exchange import ledger_export
from branchdesk.services.demo import generate_demo
from branchdesk.storage.ledger import Ledger

HERE = Path(__file__).parent
CLOCK = FixedClock.on("2024-01-15")
XLSX = "xlsx:Calc MS Excel 2007 XML"
XLS = "xls:MS Excel 97"
# One CSV per sheet, UTF-8, comma, double quotes; -1: every sheet (LibreOffice 7.2 and later).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def _export(folder: Path) -> Path:
    ledger_path = folder / "demo.bdesk"
    generate_demo(ledger_path, "township", seed=7, clock=CLOCK)
    workbook = HERE / "demo_export.xlsx"
    # A township's draws fit in a cell; a county's are written in parts on a sheet of their own. Parts of
    # 2,000 characters give this small export that sheet too.
    with Ledger.open(ledger_path, CLOCK) as ledger, mock.patch.object(ledger_export, "PART_LENGTH", 2000):
        ledger_export.export_ledger(ledger, workbook)
    return workbook


def _roster_1904() -> Path:
    """A roster of a workbook counting dates from 1904: a date as a date cell, as a bare serial number and
    as 20220410 typed into a number cell; member counts as a number and as text with spaces."""
    workbook = HERE / "roster_1904_source.xlsx"
    book = xlsxwriter.Workbook(str(workbook), {"date_1904": True})
    sheet = book.add_worksheet("支部")
    dated = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, ["支部名称", "支部类型", "所属区域", "所属单位", "党员数", "成立日期", "优化日期"])
    rows = [
        ("县委组织部第一党支部", "机关", 12, dt.datetime(2001, 7, 1), 41538),  # 2017-09-22 counted from 1904
        ("县委组织部第二党支部", "机关党支部", " 35 ", dt.datetime(1998, 3, 5), 20220410),
    ]
    for number, (name, kind, members, established, optimised) in enumerate(rows, start=1):
        sheet.write_row(number, 0, [name, kind, "潢川县", "县委组织部", members])
        sheet.write_datetime(number, 5, established, dated)
        sheet.write_number(number, 6, optimised)
    book.close()
    return workbook


def _roster_formulas() -> Path:
    """A roster with formulas, written by openpyxl (which saves no results): a member count =20+3 and a
    secretary =IF(1,"","") (an empty text). LibreOffice's re-save calculates and keeps both results."""
    workbook = HERE / "roster_formulas_source.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "支部"
    sheet.append(["支部名称", "支部类型", "所属区域", "党员数", "书记"])
    sheet.append(["东街村党支部", "农村", "仁和镇", "=20+3", '=IF(1,"","")'])
    book.save(workbook)
    return workbook


def _resave(source: Path, *targets: str) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        for target in targets:
            subprocess.run(
                ["soffice", "--headless", "--convert-to", target, "--outdir", str(out), str(source)],
                check=True,
                capture_output=True,
            )
        for made in out.iterdir():
            shutil.move(made, HERE / f"libreoffice_{made.name}")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        _resave(_export(Path(folder)), XLSX, XLS, CSV_FILTER)
    # A CSV keeps no date system: a bare serial number in it is refused, not guessed, so none is made.
    _resave(_roster_1904(), XLSX, XLS)
    _resave(_roster_formulas(), XLSX)
