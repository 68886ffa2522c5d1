"""Workbooks as a clerk fills them: File ▸ Import templates' workbook with rows typed in Excel."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import openpyxl

from branchdesk.domain.imports import ImportKind
from branchdesk.exchange.columns import SHEETS
from branchdesk.exchange.templates import template

Rows = Mapping[ImportKind, Sequence[Sequence[object]]]


def type_rows(path: Path, rows: Rows) -> Path:
    """``rows`` typed below what each kind's sheet of the workbook at ``path`` holds, then saved."""
    book = openpyxl.load_workbook(path)
    for kind, typed in rows.items():
        for row in typed:
            book[SHEETS[kind]].append(list(row))
    book.save(path)
    return path


def filled_template(path: Path, rows: Rows, kinds: Iterable[ImportKind] | None = None) -> Path:
    """The template of ``kinds`` (by default those given rows), its example rows kept, ``rows`` typed
    below them."""
    template(path, *(rows if kinds is None else kinds))
    return type_rows(path, rows)
