"""The Pairings table's and the pickers' queries: filtered, sorted and paged in SQL, over indexes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from branchdesk.domain.enums import BranchKind, EndReason, PairingMethod, Tier
from branchdesk.domain.pairing_list import (
    PairingColumn,
    PairingFilter,
    PairingRow,
    PairingSort,
    PairingStatus,
    Unpaired,
    UnpairedBranch,
)
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.regions import region_label, region_label_key, scope_sql


def no_active_pairing(column: str) -> str:
    """A condition on ``b`` (branch): no open pairing has it as ``column`` (organ_id or grassroots_id)."""
    return f"NOT EXISTS (SELECT 1 FROM pairing p WHERE p.{column} = b.id AND p.ended_on IS NULL)"


_TIER_RANK = "CASE {0} WHEN 'strong' THEN 1 WHEN 'average' THEN 2 WHEN 'weak' THEN 3 END"

_SORT_SQL: dict[PairingColumn, str] = {
    PairingColumn.ORGAN: "o.name_key",
    PairingColumn.UNIT: "u.name_key",
    PairingColumn.ORGAN_TIER: _TIER_RANK.format("p.organ_tier"),
    PairingColumn.GRASSROOTS: "g.name_key",
    PairingColumn.REGION: region_label_key("gr", "grp"),
    PairingColumn.GRASSROOTS_TIER: _TIER_RANK.format("p.grassroots_tier"),
    PairingColumn.METHOD: "p.method",
    PairingColumn.STARTED: "p.started_on",
    PairingColumn.ENDED: "p.ended_on",
    PairingColumn.REASON: "p.end_reason",
}
_MAYBE_EMPTY = {
    PairingColumn.UNIT,
    PairingColumn.ORGAN_TIER,
    PairingColumn.GRASSROOTS_TIER,
    PairingColumn.ENDED,
    PairingColumn.REASON,
}

_JOINS = (
    "FROM pairing p JOIN branch o ON o.id = p.organ_id JOIN branch g ON g.id = p.grassroots_id"
    " LEFT JOIN unit u ON u.id = o.unit_id"
    " JOIN region gr ON gr.id = g.region_id LEFT JOIN region grp ON grp.id = gr.parent_id"
)


def _tiers(column: str, tiers: Sequence[Tier | None], key: str, params: dict[str, Any]) -> str:
    tests = []
    for i, tier in enumerate(tiers):
        if tier is None:
            tests.append(f"{column} IS NULL")
        else:
            tests.append(f"{column} = :{key}{i}")
            params[f"{key}{i}"] = tier.value
    return "(" + " OR ".join(tests) + ")"


def _where(flt: PairingFilter) -> tuple[str, str, dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    cte = ""
    if flt.region_id is not None:
        cte = f"WITH RECURSIVE {scope_sql(False)} "
        clauses.append("g.region_id IN (SELECT id FROM scope)")
        params["region"] = flt.region_id
    if flt.status is PairingStatus.ACTIVE:
        clauses.append("p.ended_on IS NULL")
    elif flt.status is PairingStatus.ENDED:
        clauses.append("p.ended_on IS NOT NULL")
    if flt.method is not None:
        clauses.append("p.method = :method")
        params["method"] = flt.method.value
    if flt.organ_tiers:
        clauses.append(_tiers("p.organ_tier", flt.organ_tiers, "otier", params))
    if flt.grassroots_tiers:
        clauses.append(_tiers("p.grassroots_tier", flt.grassroots_tiers, "gtier", params))
    if flt.pairing_id is not None:
        clauses.append("p.id = :pairing")
        params["pairing"] = flt.pairing_id
    text = flt.text.strip()
    if text:
        # instr() rather than LIKE: no wildcards to escape in what a clerk types.
        clauses.append("(instr(o.name, :text) OR instr(g.name, :text) OR instr(coalesce(u.name, ''), :text))")
        params["text"] = text
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    return cte, where, params


def pairing_ids(ledger: Ledger, flt: PairingFilter, sort: PairingSort) -> list[int]:
    """Every matching pairing's id in display order (pages are then primary-key lookups)."""
    cte, where, params = _where(flt)
    direction = "DESC" if sort.descending else "ASC"
    terms = [f"{_SORT_SQL[sort.column]} {direction}", f"p.id {direction}"]
    if sort.column in _MAYBE_EMPTY:
        terms.insert(0, f"({_SORT_SQL[sort.column]}) IS NULL")  # empty cells last, as in Excel
    sql = f"{cte}SELECT p.id {_JOINS} {where} ORDER BY {', '.join(terms)}"
    return [row[0] for row in ledger.conn.execute(sql, params)]


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _tier(value: str | None) -> Tier | None:
    return None if value is None else Tier(value)


def pairing_rows(ledger: Ledger, ids: Sequence[int]) -> list[PairingRow]:
    """The rows of ``ids``, in that order."""
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    rows = ledger.query(
        f"""
        SELECT p.id, o.name AS organ, u.name AS unit, p.organ_tier, g.name AS grassroots, g.kind,
               {region_label("gr", "grp")} AS region, p.grassroots_tier, p.method, p.draw_id,
               p.started_on, p.ended_on, p.end_reason
        {_JOINS} WHERE p.id IN ({marks})
        """,
        list(ids),
    )
    by_id = {
        row["id"]: PairingRow(
            id=row["id"],
            organ=row["organ"],
            unit=row["unit"],
            organ_tier=_tier(row["organ_tier"]),
            grassroots=row["grassroots"],
            grassroots_kind=BranchKind(row["kind"]),
            region=row["region"],
            grassroots_tier=_tier(row["grassroots_tier"]),
            method=PairingMethod(row["method"]),
            draw_id=row["draw_id"],
            started_on=dt.date.fromisoformat(row["started_on"]),
            ended_on=_date(row["ended_on"]),
            end_reason=None if row["end_reason"] is None else EndReason(row["end_reason"]),
        )
        for row in rows
    }
    return [by_id[pairing_id] for pairing_id in ids if pairing_id in by_id]


# Grids of a community that a unit is assigned to are paired by assignment (单位联社区、支部联网格),
# never drawn.
_ASSIGNED_GRID = (
    "b.kind = 'grid' AND b.community_id IN "
    "(SELECT assigned_community_id FROM unit WHERE assigned_community_id IS NOT NULL)"
)


def unpaired_sql(organ_side: bool, *, for_draw: bool = False, text: bool = False) -> str:
    """Active (not archived) branches of one side in the region ``:region`` and below, with no active
    pairing, ordered by tier (strong first) and name; ``:limit`` rows (-1: all)."""
    side = "b.kind = 'organ'" if organ_side else "b.kind <> 'organ'"
    clauses = [
        "b.region_id IN (SELECT id FROM scope)",
        side,
        "b.archived_on IS NULL",
        no_active_pairing("organ_id" if organ_side else "grassroots_id"),
    ]
    if for_draw and not organ_side:
        clauses.append(f"NOT ({_ASSIGNED_GRID})")
    if text:
        clauses.append("(instr(b.name, :text) OR instr(coalesce(u.name, ''), :text))")
    return f"""
        WITH RECURSIVE {scope_sql(False)}
        SELECT b.id, b.uuid, b.name, b.kind, b.tier, {region_label("r", "rp")} AS region, u.name AS unit,
               count(*) OVER () AS total
        FROM branch b JOIN region r ON r.id = b.region_id LEFT JOIN region rp ON rp.id = r.parent_id
             LEFT JOIN unit u ON u.id = b.unit_id
        WHERE {" AND ".join(clauses)}
        ORDER BY {_TIER_RANK.format("b.tier")} IS NULL, {_TIER_RANK.format("b.tier")}, b.name_key, b.id
        LIMIT :limit
    """


def unpaired(
    ledger: Ledger,
    region_id: int,
    *,
    organ_side: bool,
    text: str = "",
    limit: int = -1,
    for_draw: bool = False,
) -> Unpaired:
    """The unpaired branches of one side, the first ``limit`` of them (all when -1; never 0), and their
    number."""
    text = text.strip()
    params: dict[str, Any] = {"region": region_id, "limit": limit}
    if text:
        params["text"] = text
    rows = ledger.conn.execute(
        unpaired_sql(organ_side, for_draw=for_draw, text=bool(text)), params
    ).fetchall()
    branches = tuple(
        UnpairedBranch(
            id=row[0],
            uuid=row[1],
            name=row[2],
            kind=BranchKind(row[3]),
            tier=_tier(row[4]),
            region=row[5],
            unit=row[6],
        )
        for row in rows
    )
    # count(*) OVER () is taken before LIMIT: the whole number rides on every row.
    return Unpaired(branches, rows[0][7] if rows else 0)
