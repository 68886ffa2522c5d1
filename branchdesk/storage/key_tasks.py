"""Key tasks (阶段性重点工作): the "N" of 1+N, set per half-year."""

from __future__ import annotations

from typing import Any

from branchdesk.domain.activities import KeyTask
from branchdesk.domain.months import HalfYear
from branchdesk.storage.ledger import Ledger


def _task(row: dict[str, Any]) -> KeyTask:
    return KeyTask(
        id=row["id"],
        uuid=row["uuid"],
        name=row["name"],
        half_year=HalfYear.parse(row["half_year"]),
        retired=bool(row["retired"]),
        note=row["note"],
    )


def key_tasks(
    ledger: Ledger, half_year: HalfYear | None = None, *, include_retired: bool = True
) -> list[KeyTask]:
    """Of one half-year (or all, newest half-year first), in the order they were entered."""
    clauses = []
    params: dict[str, Any] = {}
    if half_year is not None:
        clauses.append("half_year = :half_year")
        params["half_year"] = str(half_year)
    if not include_retired:
        clauses.append("retired = 0")
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    return [
        _task(row)
        for row in ledger.query(f"SELECT * FROM key_task {where} ORDER BY half_year DESC, id", params)
    ]


def key_task(ledger: Ledger, task_id: int) -> KeyTask | None:
    row = ledger.row("key_task", task_id)
    return None if row is None else _task(row)


def half_years(ledger: Ledger) -> list[HalfYear]:
    """The half-years that have key tasks, oldest first."""
    return [
        HalfYear.parse(row["half_year"])
        for row in ledger.query("SELECT DISTINCT half_year FROM key_task ORDER BY 1")
    ]


def add_key_task(ledger: Ledger, half_year: HalfYear, name: str, note: str | None = None) -> int:
    return ledger.insert("key_task", {"name": name, "half_year": str(half_year), "note": note})


def edit_key_task(ledger: Ledger, task_id: int, changes: dict[str, Any]) -> None:
    ledger.update("key_task", task_id, changes)


def name_taken(ledger: Ledger, half_year: HalfYear, name: str, except_id: int | None = None) -> bool:
    return bool(
        ledger.scalar(
            "SELECT count(*) FROM key_task WHERE half_year = ? AND name = ? AND id IS NOT ?",
            (str(half_year), name, except_id),
        )
    )
