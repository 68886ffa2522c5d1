"""Reading and writing spreadsheet files: .xlsx (openpyxl to read, XlsxWriter to write: about twice as fast
as openpyxl's write-only mode on the same sheets), .xls (xlrd, which reads nothing else) and .csv in UTF-8
or GB18030 (GBK's superset). Files are checked before any parser sees them, and written beside the target
and moved into place, so a cancelled or failed export never leaves half a file.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
import os
import tempfile
import uuid
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from branchdesk.domain import cells
from branchdesk.domain.errors import BranchDeskError, Reason, os_reason

# A sheet of 50,000 branches is ~25 MB of XML; nothing a township keeps comes near these limits.
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
# Sheet XML packs about 10:1; a member packed far tighter than any real sheet is a zip bomb.
MAX_RATIO = 200
_RATIO_FLOOR = 1024 * 1024  # small members (styles, empty sheets) may pack as tight as they like

ENCODINGS = ("utf-8", "gb18030")
_SHEET_XML = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
# Text starting with these is run as a formula by Excel/WPS when typed in (and by CSV readers).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Row = tuple[object, ...]


# -- reading --------------------------------------------------------------------------------------------


def suffix(path: Path) -> str:
    return path.suffix.lower()


def check_file(path: Path) -> None:
    """Refuse what no parser should open: a missing, huge, or not-a-workbook file, or a zip or XML bomb."""
    if not path.is_file():
        raise BranchDeskError("import.missing", path=str(path))
    if path.stat().st_size > MAX_FILE_BYTES:
        raise BranchDeskError("import.too_large", path=str(path))
    if suffix(path) in (".xlsx", ".xlsm"):
        _check_zip(path)
    elif suffix(path) not in (".xls", ".csv", ".txt"):
        raise BranchDeskError("import.unknown_format", path=str(path))


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            total = sum(member.file_size for member in members)
            if total > MAX_UNPACKED_BYTES:
                raise BranchDeskError("import.too_large", path=str(path))
            for member in members:
                packed = max(member.compress_size, 1)
                if member.file_size > _RATIO_FLOOR and member.file_size / packed > MAX_RATIO:
                    raise BranchDeskError("import.bomb", path=str(path))
                if member.filename.endswith((".xml", ".rels")) and _declares_entities(archive, member):
                    raise BranchDeskError("import.bomb", path=str(path))
    except (zipfile.BadZipFile, OSError, EOFError):
        raise BranchDeskError("import.malformed", path=str(path)) from None


def _declares_entities(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """Entity definitions are how XML bombs expand; no spreadsheet needs them. The whole member is read:
    comments of any length may come before a DOCTYPE, and a cell's text can never hold one unescaped."""
    return _member_holds(archive, member, (b"<!DOCTYPE", b"<!ENTITY"))


def _member_holds(archive: zipfile.ZipFile, member: zipfile.ZipInfo | str, marks: tuple[bytes, ...]) -> bool:
    """Whether any of ``marks`` is in the member, read a megabyte at a time (a mark may span two reads)."""
    overlap = max(len(mark) for mark in marks) - 1
    tail = b""
    with archive.open(member) as handle:
        while chunk := handle.read(1024 * 1024):
            window = tail + chunk
            if any(mark in window for mark in marks):
                return True
            tail = window[-overlap:]
    return False


def decode(data: bytes, path: Path, encoding: str | None = None) -> str:
    """The text of a CSV file: UTF-8 (with or without BOM) when it is valid UTF-8, else GB18030 when the
    text reads as plain Chinese; anything else is not guessed (the window asks, the CLI takes
    ``--encoding``)."""
    if encoding is not None:
        utf8 = encoding.lower().replace("_", "-") in ("utf-8", "utf8")
        try:
            # Some programs put the UTF-8 mark before text of any encoding: the user's word decides.
            return data.decode("utf-8-sig") if utf8 else data.removeprefix(codecs.BOM_UTF8).decode(encoding)
        except (UnicodeDecodeError, LookupError):
            raise BranchDeskError("import.wrong_encoding", path=str(path), encoding=encoding) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if data.startswith(codecs.BOM_UTF8):  # marked UTF-8, written in another encoding (GBK, mostly)
            raise BranchDeskError("import.bom_not_utf8", path=str(path)) from None
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise BranchDeskError("import.encoding_unknown", path=str(path)) from None
    if not _plain_chinese(text):
        raise BranchDeskError("import.encoding_unknown", path=str(path))
    return text


def _plain_chinese(text: str) -> bool:
    """Text GB2312 could have written (common Chinese, ASCII, full-width punctuation): GBK/GB18030 bytes
    that are really something else decode to rare characters outside that set."""
    unusual = 0
    for char in text:
        if char.isascii():
            continue
        try:
            char.encode("gb2312")
        except UnicodeEncodeError:
            unusual += 1
    return unusual * 100 <= len(text)


def sheet_names(path: Path) -> list[str]:
    check_file(path)
    if suffix(path) in (".csv", ".txt"):
        return [path.stem]
    if suffix(path) == ".xls":
        with _xls(path) as book:
            return list(book.sheet_names())
    with _xlsx(path) as book:
        return list(book.sheetnames)


@dataclass
class Table:
    """The rows of one sheet, and the date system its serial numbers count from."""

    rows: Iterator[Row]
    epoch: dt.date = cells.EPOCH_1900


def read_rows(path: Path, sheet: str | None = None, *, encoding: str | None = None) -> Iterator[Row]:
    """Every row of one sheet (the first when None), as cell values (see :func:`open_table`)."""
    with open_table(path, sheet, encoding=encoding) as table:
        yield from table.rows


@contextlib.contextmanager
def open_table(path: Path, sheet: str | None = None, *, encoding: str | None = None) -> Iterator[Table]:
    """One sheet (the first when None) of any file the ledger reads. Cells come as the file keeps them —
    text, int or float, bool, datetime for cells formatted as dates, None for empty,
    :class:`~branchdesk.domain.cells.Uncalculated` for a formula without a result — and are read as the
    ledger's values by :mod:`branchdesk.domain.cells`, the same reader a paste goes through."""
    check_file(path)
    if suffix(path) in (".csv", ".txt"):
        text = decode(path.read_bytes(), path, encoding)
        yield Table(
            tuple(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
        )
    elif suffix(path) == ".xls":
        with _xls(path) as book:
            yield Table(_xls_rows(book, sheet), cells.EPOCH_1904 if book.datemode else cells.EPOCH_1900)
    else:
        with _xlsx(path) as book:
            worksheet = book[sheet] if sheet is not None else book.worksheets[0]
            epoch = cells.EPOCH_1904 if book.epoch.year == 1904 else cells.EPOCH_1900
            yield Table(_xlsx_rows(path, worksheet), epoch)


def _delimiter(text: str) -> str:
    """Tabs for rows copied from a table (Excel, WPS, this app's Ctrl+C) and saved as text; else commas.
    Judged on the file's start, title rows and all (Chinese text writes its commas full-width)."""
    start = text[:8192]
    return "\t" if start.count("\t") > start.count(",") else ","


def _xlsx_rows(path: Path, worksheet: Any) -> Iterator[Row]:
    try:
        unknown = _uncalculated(worksheet)
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            if unknown:
                values = tuple(
                    unknown.get((number, column), value) if value is None else value
                    for column, value in enumerate(values, start=1)
                )
            yield values
    except BranchDeskError:
        raise
    except Exception:  # the sheet's XML is parsed as it is read: broken further down than its start
        raise BranchDeskError("import.malformed", path=str(path)) from None


def _uncalculated(worksheet: Any) -> dict[tuple[int, int], cells.Uncalculated]:
    """The formula cells saved without a result, by (row, column). openpyxl reads them as empty, like a
    formula whose result is an empty text; the sheet's XML tells them apart: Excel, WPS and LibreOffice save
    every result (an empty text as ``t="str"`` with an empty value), a program that never calculated none.
    Only sheets with formulas are read twice (exports and most files have none). openpyxl's read-only sheet
    keeps its workbook's archive and its member's name (openpyxl 3.1)."""
    archive, member = worksheet.parent._archive, worksheet._worksheet_path
    if not _member_holds(archive, member, (b"<f>", b"<f ")):
        return {}
    from openpyxl.utils.cell import coordinate_to_tuple

    found: dict[tuple[int, int], cells.Uncalculated] = {}
    with archive.open(member) as handle:
        for _, element in ElementTree.iterparse(handle):
            if element.tag == f"{_SHEET_XML}row":
                element.clear()  # its cells are read: the sheet is not kept whole in memory
            if element.tag != f"{_SHEET_XML}c":
                continue
            formula, where = element.find(f"{_SHEET_XML}f"), element.get("r")
            saved = element.findtext(f"{_SHEET_XML}v") or element.get("t") == "str"
            if formula is not None and not saved and where:
                found[coordinate_to_tuple(where)] = cells.Uncalculated(f"={formula.text or '…'}")
    return found


@contextlib.contextmanager
def _xlsx(path: Path) -> Iterator[Any]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises anything from KeyError to XML errors on a broken file
        raise BranchDeskError("import.malformed", path=str(path)) from None
    try:
        yield book
    finally:
        book.close()


@contextlib.contextmanager
def _xls(path: Path) -> Iterator[Any]:
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), on_demand=True)
    except Exception:  # xlrd raises its own errors, struct errors and more on a broken file
        raise BranchDeskError("import.malformed", path=str(path)) from None
    try:
        yield book
    finally:
        book.release_resources()


def _xls_rows(book: Any, sheet: str | None) -> Iterator[Row]:
    """xlrd gives every number as a float (``1.0``), booleans as 1/0 and dates as serial numbers; dates
    and booleans are given back as such, numbers as they are (the cell reader takes 1.0 as 1)."""
    import xlrd

    worksheet = book.sheet_by_name(sheet) if sheet is not None else book.sheet_by_index(0)
    for number in range(worksheet.nrows):
        values: list[object] = []
        for cell in worksheet.row(number):
            if cell.ctype == xlrd.XL_CELL_DATE:
                try:
                    values.append(xlrd.xldate_as_datetime(cell.value, book.datemode))
                except xlrd.xldate.XLDateError:  # before the epoch: the reader refuses the number
                    values.append(cell.value)
            elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                values.append(bool(cell.value))
            elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                values.append(None)
            elif cell.ctype == xlrd.XL_CELL_ERROR:  # #N/A, #DIV/0! …: shown as Excel shows them
                values.append(xlrd.error_text_from_code.get(cell.value, "#ERROR"))
            else:
                values.append(cell.value)
        yield tuple(values)


# -- writing --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetColumn:
    header: str
    width: int
    shape: str = "text"  # text, date, number, uuid, percent


@dataclass(frozen=True)
class Sheet:
    name: str
    columns: Sequence[SheetColumn]
    rows: Iterable[Sequence[object]]
    filters: bool = True
    # A row under the headers in grey italics (a template's example), before ``rows``.
    example: Sequence[object] = ()
    # Column position → the values its drop-down offers (other text is warned about, not refused: the
    # import also reads the usual variants).
    choices: Mapping[int, Sequence[str]] = field(default_factory=dict)


# Excel's last row (0-based): a drop-down covers the whole column below the headers.
_LAST_ROW = 1_048_575


def neutralised(value: str) -> bool:
    """Would Excel or WPS take this text for a formula?"""
    return value.startswith(_FORMULA_STARTS)


def write_workbook(path: Path, sheets: Iterable[Sheet]) -> None:
    """One formatted workbook: bold frozen header row, column widths, real dates, filters on, and every
    text stored as text (text that looks like a formula is marked so Excel/WPS never runs it).

    The sheets' rows may raise to cancel (a progress callback does): the half-written file is removed.
    """
    import xlsxwriter
    import xlsxwriter.exceptions

    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    # Each sheet's rows wait in a scratch file until close(): kept in a folder of our own, so that a
    # cancelled or failed export leaves none of them behind.
    with tempfile.TemporaryDirectory(prefix="branchdesk-xlsx-", ignore_cleanup_errors=True) as scratch:
        book = xlsxwriter.Workbook(
            str(temporary),
            {
                "constant_memory": True,  # rows go to disk as they are written: memory stays flat
                "tmpdir": scratch,
                "strings_to_numbers": False,
                "strings_to_formulas": False,
                "strings_to_urls": False,
            },
        )
        try:
            formats = {
                "header": book.add_format(
                    {"bold": True, "bg_color": "#F2DCDB", "border": 1, "text_wrap": True}
                ),
                "date": book.add_format({"num_format": "yyyy-mm-dd"}),
                "text": book.add_format({"quote_prefix": True}),
                "uuid": book.add_format({"font_color": "#808080"}),
                "example": book.add_format({"font_color": "#808080", "italic": True}),
                "example_date": book.add_format(
                    {"font_color": "#808080", "italic": True, "num_format": "yyyy-mm-dd"}
                ),
            }
            for sheet in sheets:
                _write_sheet(book, sheet, formats)
            book.close()
            os.replace(temporary, path)
        except (OSError, xlsxwriter.exceptions.FileCreateError) as error:
            # close() writes the file and reports an OSError wrapped in its own error.
            cause = error.args[0] if isinstance(error, xlsxwriter.exceptions.FileCreateError) else error
            reason = os_reason(cause) if isinstance(cause, OSError) else Reason((), str(cause))
            raise BranchDeskError("export.cannot_write", path=str(path), reason=reason) from None
        finally:
            _release(book)
            temporary.unlink(missing_ok=True)


def _release(book: Any) -> None:
    """A workbook that was not closed (cancelled, or its file could not be made) still holds each sheet's
    scratch file open."""
    for worksheet in book.worksheets():
        handle = getattr(worksheet, "row_data_fh", None)
        if handle is not None and not handle.closed:
            handle.close()


def _write_sheet(book: Any, sheet: Sheet, formats: dict[str, Any]) -> None:
    worksheet = book.add_worksheet(sheet.name)
    for index, column in enumerate(sheet.columns):
        worksheet.set_column(index, index, column.width, formats["uuid"] if column.shape == "uuid" else None)
    worksheet.set_row(0, 30)
    for index, column in enumerate(sheet.columns):
        worksheet.write_string(0, index, column.header, formats["header"])
    worksheet.freeze_panes(1, 0)
    for index, value in enumerate(sheet.example):
        dated = {**formats, "date": formats["example_date"]}
        _write_cell(worksheet, 1, index, value, dated, formats["example"])
    first = 2 if sheet.example else 1
    last = first - 1
    for last, values in enumerate(sheet.rows, start=first):
        for index, value in enumerate(values):
            _write_cell(worksheet, last, index, value, formats)
    for index, offered in sheet.choices.items():
        worksheet.data_validation(
            1,
            index,
            _LAST_ROW,
            index,
            {
                "validate": "list",
                "source": list(offered),
                "error_type": "warning",
                "error_title": sheet.columns[index].header,
                "error_message": "不在下拉列表中。请从列表中选择，或填写“说明”表中的写法。",
            },
        )
    if sheet.filters and sheet.columns:
        worksheet.autofilter(0, 0, max(last, 1), len(sheet.columns) - 1)


def _write_cell(
    worksheet: Any, row: int, column: int, value: object, formats: dict[str, Any], style: Any = None
) -> None:
    if value is None or value == "":
        return
    if isinstance(value, dt.date):
        worksheet.write_datetime(row, column, dt.datetime.combine(value, dt.time()), formats["date"])
    elif isinstance(value, int | float) and not isinstance(value, bool):
        worksheet.write_number(row, column, value, style)
    else:
        written = str(value)
        worksheet.write_string(row, column, written, formats["text"] if neutralised(written) else style)
