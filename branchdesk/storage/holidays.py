"""The ledger's holiday table: official non-working days and adjusted working days per date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from branchdesk.domain.enums import DayKind
from branchdesk.domain.workdays import WorkCalendar
from branchdesk.storage.ledger import Ledger, new_uuid


def work_calendar(ledger: Ledger, years: Iterable[int] | None = None) -> WorkCalendar:
    """The declared days (of ``years``, or all) and the years with official data."""
    if years is None:
        rows = ledger.query("SELECT day, kind FROM holiday")
    else:
        wanted = sorted(set(years))
        marks = ", ".join("?" for _ in wanted)
        rows = ledger.query(
            f"SELECT day, kind FROM holiday WHERE substr(day, 1, 4) IN ({marks})",
            [f"{year:04d}" for year in wanted],
        )
    covered = frozenset(row["year"] for row in ledger.query("SELECT year FROM holiday_year"))
    return WorkCalendar(
        declared={dt.date.fromisoformat(row["day"]): DayKind(row["kind"]) for row in rows},
        covered_years=covered,
    )


def covered_years(ledger: Ledger) -> list[int]:
    return [row["year"] for row in ledger.query("SELECT year FROM holiday_year ORDER BY year")]


def year_days(ledger: Ledger, year: int) -> dict[dt.date, tuple[DayKind, str | None]]:
    """A year's declared days, as the holiday editor shows them."""
    return {
        dt.date.fromisoformat(row["day"]): (DayKind(row["kind"]), row["name"])
        for row in ledger.query(
            "SELECT day, kind, name FROM holiday WHERE day BETWEEN ? AND ? ORDER BY day",
            (f"{year:04d}-01-01", f"{year:04d}-12-31"),
        )
    }


def _holiday_row(ledger: Ledger, day: str) -> dict[str, Any] | None:
    found = ledger.query("SELECT * FROM holiday WHERE day = ?", (day,))
    return found[0] if found else None


def _year_row(ledger: Ledger, year: int) -> dict[str, Any] | None:
    found = ledger.query("SELECT * FROM holiday_year WHERE year = ?", (year,))
    return found[0] if found else None


def replace_year(
    ledger: Ledger, year: int, days: Mapping[dt.date, tuple[DayKind, str | None]], source: str
) -> None:
    """Set a year's declared days (within the caller's operation), logging whole rows so it can be undone.

    Days that stay as they were are not touched, so a year's history shows what was really changed.
    """
    now = ledger.now()
    wanted = {day.isoformat(): value for day, value in days.items() if day.year == year}
    present = {
        row["day"]: row
        for row in ledger.query(
            "SELECT * FROM holiday WHERE day BETWEEN ? AND ?", (f"{year:04d}-01-01", f"{year:04d}-12-31")
        )
    }
    for day, gone in sorted(present.items()):
        if day not in wanted:
            ledger.conn.execute("DELETE FROM holiday WHERE day = ?", (day,))
            ledger.log_change("holiday", gone["uuid"], "delete", gone, None)
    for day, (kind, name) in sorted(wanted.items()):
        before = present.get(day)
        if before is None:
            row_uuid = new_uuid()
            ledger.conn.execute(
                "INSERT INTO holiday (day, uuid, kind, name, source, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (day, row_uuid, kind.value, name, source, now, now),
            )
            ledger.log_change("holiday", row_uuid, "insert", None, _holiday_row(ledger, day))
        elif (before["kind"], before["name"]) != (kind.value, name):
            ledger.conn.execute(
                "UPDATE holiday SET kind = ?, name = ?, source = ?, updated_at = ? WHERE day = ?",
                (kind.value, name, source, now, day),
            )
            ledger.log_change("holiday", before["uuid"], "update", before, _holiday_row(ledger, day))
    before_year = _year_row(ledger, year)
    if before_year is None:
        ledger.conn.execute(
            "INSERT INTO holiday_year (year, source, created_at, updated_at) VALUES (?, ?, ?, ?)",
            (year, source, now, now),
        )
        ledger.log_change("holiday_year", str(year), "insert", None, _year_row(ledger, year))
    else:
        ledger.conn.execute(
            "UPDATE holiday_year SET source = ?, updated_at = ? WHERE year = ?", (source, now, year)
        )
        ledger.log_change("holiday_year", str(year), "update", before_year, _year_row(ledger, year))


def year_source(ledger: Ledger, year: int) -> str | None:
    """``library`` or ``user`` for a year with official data, None for one without."""
    value = ledger.scalar("SELECT source FROM holiday_year WHERE year = ?", (year,))
    return None if value is None else str(value)
