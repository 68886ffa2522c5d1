"""Importing a spreadsheet: find each sheet's header row, match its columns to fields (the window lets the
user correct the match), then hand the rows to the import service, which checks and writes them."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from branchdesk.domain.cells import blank, whole_number
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.imports import ImportKind, ImportMode, ImportReport, RowProblem, SourceRow
from branchdesk.exchange.columns import (
    OLD_SHEETS,
    PARTS_SHEET,
    SHEETS,
    column,
    match_headers,
    missing_fields,
)
from branchdesk.exchange.files import (
    Row,
    Sheet,
    SheetColumn,
    open_table,
    read_rows,
    sheet_names,
    suffix,
    write_workbook,
)
from branchdesk.exchange.templates import is_example
from branchdesk.services.imports import Progress, import_kinds, run_import
from branchdesk.storage.ledger import Ledger

# The header row is looked for among the first rows: files often open with a title and a date line.
_HEADER_SEARCH = 10
PREVIEW_ROWS = 20


@dataclass
class SheetPlan:
    """How one sheet is read: which kind, where its headers are, and which column holds which field."""

    kind: ImportKind
    sheet: str | None  # None: the file's only table (CSV)
    header_row: int  # 1-based, as the spreadsheet shows it
    headers: list[str]
    mapping: dict[int, str]  # column position → field
    preview: list[Row] = field(default_factory=list)

    @property
    def missing(self) -> list[str]:
        return missing_fields(self.kind, list(self.mapping.values()))


def _header_row(kind: ImportKind, rows: Sequence[Row]) -> int:
    """The index of the row that names the most known columns (0 when none does)."""
    scores = [len(match_headers(kind, row)) for row in rows[:_HEADER_SEARCH]]
    return max(range(len(scores)), key=lambda i: (scores[i], -i)) if scores else 0


def _data(rows: Sequence[Row]) -> Sequence[Row]:
    """The rows below the header row, without a template's example row (the first, marked 示例：)."""
    return rows[1:] if rows and is_example(rows[0]) else rows


def plan_sheet(path: Path, kind: ImportKind, sheet: str | None, *, encoding: str | None = None) -> SheetPlan:
    head = list(itertools.islice(read_rows(path, sheet, encoding=encoding), _HEADER_SEARCH + PREVIEW_ROWS))
    at = _header_row(kind, head)
    headers = ["" if value is None else str(value).strip() for value in head[at]] if head else []
    return SheetPlan(
        kind=kind,
        sheet=sheet,
        header_row=at + 1,
        headers=headers,
        mapping=match_headers(kind, headers),
        preview=[row for row in _data(head[at + 1 :]) if not all(blank(v) for v in row)][:PREVIEW_ROWS],
    )


def plan_file(path: Path, what: str, *, encoding: str | None = None) -> list[SheetPlan]:
    """The sheets to read for ``--what``: for ``all``, each kind's sheet of an export (those present); for
    one kind, its sheet if the workbook has one by that name, else the first sheet."""
    names = [] if suffix(path) in (".csv", ".txt") else sheet_names(path)
    kinds = import_kinds(what)
    plans = []
    for kind in kinds:
        sheet = next((n for n in (SHEETS[kind], *OLD_SHEETS.get(kind, ())) if n in names), None)
        if sheet is None and len(kinds) > 1:
            continue
        if sheet is None and names:
            sheet = names[0]
        plans.append(plan_sheet(path, kind, sheet, encoding=encoding))
    if not plans:
        raise BranchDeskError("import.no_sheets", path=str(path), sheets="、".join(SHEETS[k] for k in kinds))
    return plans


def _parts(path: Path, sheet: str | None) -> dict[str, str]:
    """Long texts an export wrote in parts (draw candidates), joined, by the uuid of their row: from the
    workbook's parts sheet, or, for a sheet saved as CSV (Excel, WPS and LibreOffice name each sheet's file
    ``<book>-<sheet>.csv``), from the parts sheet's file beside it."""
    if suffix(path) in (".csv", ".txt"):
        book = path.stem.removesuffix(f"-{sheet or SHEETS[ImportKind.DRAWS]}")
        source, part_sheet = path.with_name(f"{book}-{PARTS_SHEET}{path.suffix}"), None
        if not source.is_file():
            return {}
    elif PARTS_SHEET in sheet_names(path):
        source, part_sheet = path, PARTS_SHEET
    else:
        return {}
    pieces: dict[str, list[tuple[int, str]]] = {}
    for row in itertools.islice(read_rows(source, part_sheet), 1, None):
        if len(row) >= 3 and row[0] and row[2]:
            pieces.setdefault(str(row[0]), []).append((whole_number(row[1]) or 0, str(row[2])))
    return {uuid: "".join(text for _, text in sorted(found)) for uuid, found in pieces.items()}


def source_rows(path: Path, plan: SheetPlan, *, encoding: str | None = None) -> Iterator[SourceRow]:
    """The rows below the header row, blank rows skipped, as cells by field."""
    parts = (
        _parts(path, plan.sheet) if plan.kind is ImportKind.DRAWS and "uuid" in plan.mapping.values() else {}
    )
    with open_table(path, plan.sheet, encoding=encoding) as table:
        for number, row in enumerate(table.rows, start=1):
            if number <= plan.header_row or all(blank(value) for value in row):
                continue
            if number == plan.header_row + 1 and is_example(row):
                continue
            cells = {name: row[at] if at < len(row) else None for at, name in plan.mapping.items()}
            if parts and blank(cells.get("candidates")) and str(cells.get("uuid")) in parts:
                cells["candidates"] = parts[str(cells["uuid"])]
            yield SourceRow(number, cells, table.epoch)


def import_file(
    ledger: Ledger,
    path: Path,
    plans: Sequence[SheetPlan],
    *,
    mode: ImportMode = ImportMode.ALL_OR_NOTHING,
    update: bool = False,
    dry_run: bool = False,
    encoding: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    for plan in plans:
        if plan.missing:
            headers = "、".join(column(plan.kind, name).header for name in plan.missing)
            raise BranchDeskError("import.missing_columns", sheet=plan.sheet or path.name, columns=headers)
    return run_import(
        ledger,
        ((plan.kind, source_rows(path, plan, encoding=encoding)) for plan in plans),
        mode=mode,
        update=update,
        dry_run=dry_run,
        progress=progress,
    )


def header_of(problem: RowProblem) -> str:
    """The Chinese header of the column a problem concerns ("" for the whole row)."""
    return "" if problem.field is None else column(problem.kind, problem.field).header


def write_report(path: Path, lines: Sequence[tuple[str, int, str, str]], headers: Sequence[str]) -> None:
    """The rejected and skipped rows as a workbook: sheet, row, column, reason (texts already translated)."""
    widths = (12, 8, 18, 80)
    columns = [SheetColumn(header, width) for header, width in zip(headers, widths, strict=True)]
    write_workbook(path, [Sheet("report", columns, lines)])


def sheet_label(kind: ImportKind) -> str:
    return SHEETS[kind]
