"""The ledger's holiday table: official non-working days and adjusted working days per date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

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


def replace_year(
    ledger: Ledger, year: int, days: Mapping[dt.date, tuple[DayKind, str | None]], source: str
) -> None:
    """Set a year's declared days (within the caller's operation)."""
    now = ledger.now()
    ledger.conn.execute("DELETE FROM holiday WHERE substr(day, 1, 4) = ?", (f"{year:04d}",))
    ledger.conn.executemany(
        "INSERT INTO holiday (day, uuid, kind, name, source, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (day.isoformat(), new_uuid(), kind.value, name, source, now, now)
            for day, (kind, name) in sorted(days.items())
            if day.year == year
        ],
    )
    ledger.conn.execute(
        "INSERT INTO holiday_year (year, source, created_at, updated_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (year) DO UPDATE SET source = excluded.source, updated_at = excluded.updated_at",
        (year, source, now, now),
    )
    ledger.log_change(
        "holiday_year", str(year), "update", None, {"year": year, "days": len(days), "source": source}
    )
