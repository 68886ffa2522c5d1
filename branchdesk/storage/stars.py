"""Star ratings (五星支部, domain/stars.py): one row per grassroots branch and year, and the star mix of a
region's parts as an SQL aggregate."""

from __future__ import annotations

import datetime as dt
from typing import Any

from branchdesk.domain.chart_data import Group
from branchdesk.domain.stars import StarRating
from branchdesk.storage.chart_data import GROUPS, by_part
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.stats import EXISTS_ON


def _rating(row: dict[str, Any]) -> StarRating:
    return StarRating(row["branch_id"], row["year"], row["stars"], dt.date.fromisoformat(row["rated_on"]))


def rating(ledger: Ledger, branch_id: int, year: int) -> StarRating | None:
    found = ledger.query("SELECT * FROM star_rating WHERE branch_id = ? AND year = ?", (branch_id, year))
    return _rating(found[0]) if found else None


def ratings(ledger: Ledger, branch_id: int) -> list[StarRating]:
    """A branch's ratings, newest year first."""
    return [
        _rating(row)
        for row in ledger.query(
            "SELECT * FROM star_rating WHERE branch_id = ? ORDER BY year DESC", (branch_id,)
        )
    ]


def set_rating(ledger: Ledger, branch_id: int, year: int, stars: int | None, rated_on: dt.date) -> None:
    """The branch's rating for ``year`` made ``stars`` (None: taken away), inside the caller's operation."""
    row = ledger.query("SELECT id FROM star_rating WHERE branch_id = ? AND year = ?", (branch_id, year))
    if stars is None:
        if row:
            ledger.delete("star_rating", row[0]["id"])
        return
    values = {"stars": stars, "rated_on": rated_on.isoformat()}
    if row:
        ledger.update("star_rating", row[0]["id"], values)
    else:
        ledger.insert("star_rating", {"branch_id": branch_id, "year": year, **values})


def rated_years(ledger: Ledger) -> list[int]:
    return [row[0] for row in ledger.conn.execute("SELECT DISTINCT year FROM star_rating ORDER BY year")]


def latest_year(ledger: Ledger, day: dt.date) -> int | None:
    """The newest year rated by ``day`` (its ratings given on or before it)."""
    found = ledger.scalar(
        "SELECT max(year) FROM star_rating WHERE rated_on <= ? AND year <= ?", (day.isoformat(), day.year)
    )
    return None if found is None else int(found)


def star_mix_by_part(
    ledger: Ledger, region_id: int, year: int, day: dt.date
) -> list[tuple[Group, dict[int, int], int]]:
    """Per part of the region, the grassroots branches existing on ``day`` by their stars of ``year`` as
    rated by then (0: not rated), and how many there are."""
    rows = by_part(
        ledger,
        region_id,
        f"""
        WITH RECURSIVE {GROUPS}
        SELECT groups.grp AS grp, count(*) AS total,
               {", ".join(f"coalesce(sum(s.stars = {n}), 0) AS s{n}" for n in range(1, 6))}
        FROM branch b JOIN groups ON groups.id = b.region_id
        LEFT JOIN star_rating s ON s.branch_id = b.id AND s.year = :year AND s.rated_on <= :day
        WHERE b.kind <> 'organ' AND {EXISTS_ON}
        GROUP BY groups.grp
        """,
        {"day": day.isoformat(), "year": year},
    )
    mixes = []
    for group, row in rows:
        counts = {n: int(row.get(f"s{n}", 0)) for n in range(1, 6)}
        total = int(row.get("total", 0))
        mixes.append((group, {0: total - sum(counts.values()), **counts}, total))
    return mixes
