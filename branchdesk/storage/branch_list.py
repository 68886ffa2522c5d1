"""The Branches table's queries: filtered, sorted and paged in SQL, over indexes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from branchdesk.domain.enums import BranchKind, RegionLevel, Tier
from branchdesk.domain.listing import BranchColumn, BranchFilter, BranchRow, BranchSort, RegionNode, roll_up
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.regions import region_label, region_label_key, scope_sql
from branchdesk.storage.stats import ACTIVE_ON, EXISTS_ON

_REGION_LABEL = region_label("r", "rp")

# A branch's newest star rating (star_rating_branch_year finds it).
_NEWEST_RATING = "SELECT {column} FROM star_rating s WHERE s.branch_id = b.id ORDER BY s.year DESC LIMIT 1"

_SORT_SQL: dict[BranchColumn, tuple[str, ...]] = {
    BranchColumn.NAME: ("b.name_key",),
    BranchColumn.KIND: (
        "CASE b.kind WHEN 'organ' THEN 1 WHEN 'village' THEN 2 WHEN 'community' THEN 3 ELSE 4 END",
    ),
    BranchColumn.REGION: (region_label_key("r", "rp"),),
    BranchColumn.UNIT: ("u.name_key",),
    BranchColumn.TIER: ("CASE b.tier WHEN 'strong' THEN 1 WHEN 'average' THEN 2 WHEN 'weak' THEN 3 END",),
    BranchColumn.STARS: (f"({_NEWEST_RATING.format(column='s.stars')})",),
    BranchColumn.PARTNER: ("partner_branch.name_key",),
    BranchColumn.SECRETARY: ("b.secretary",),
    BranchColumn.PHONE: ("b.phone",),
    BranchColumn.MEMBERS: ("b.member_count",),
    BranchColumn.OPTIMISED: ("b.optimised_on",),
    BranchColumn.ESTABLISHED: ("b.established_on",),
    BranchColumn.ARCHIVED: ("b.archived_on",),
}

_NEVER_EMPTY = {BranchColumn.NAME, BranchColumn.KIND, BranchColumn.REGION}

_REGION_JOIN = "JOIN region r ON r.id = b.region_id LEFT JOIN region rp ON rp.id = r.parent_id"
_UNIT_JOIN = "LEFT JOIN unit u ON u.id = b.unit_id"
_PARTNER_JOIN = (
    "LEFT JOIN pairing po ON po.organ_id = b.id AND po.ended_on IS NULL "
    "LEFT JOIN pairing pg ON pg.grassroots_id = b.id AND pg.ended_on IS NULL "
    "LEFT JOIN branch partner_branch ON partner_branch.id = coalesce(po.grassroots_id, pg.organ_id)"
)
_FROM = f"FROM branch b {_REGION_JOIN} {_UNIT_JOIN} {_PARTNER_JOIN}"


def _from_for(flt: BranchFilter, sort: BranchSort) -> str:
    """Only the joins that the sort and the search need: at 50,000 branches each costs a scan."""
    joins = ["FROM branch b"]
    if sort.column is BranchColumn.REGION:
        joins.append(_REGION_JOIN)
    if sort.column is BranchColumn.UNIT or flt.text.strip():
        joins.append(_UNIT_JOIN)
    if sort.column is BranchColumn.PARTNER:
        joins.append(_PARTNER_JOIN)
    return " ".join(joins)


def _where(flt: BranchFilter) -> tuple[str, str, dict[str, Any]]:
    """``(cte, where, params)`` for a filter."""
    clauses: list[str] = []
    params: dict[str, Any] = {}
    cte = ""
    if flt.region_id is not None:
        cte = f"WITH RECURSIVE {scope_sql(flt.direct)} "
        clauses.append("b.region_id IN (SELECT id FROM scope)")
        params["region"] = flt.region_id
    if flt.kinds:
        marks = ", ".join(f":kind{i}" for i in range(len(flt.kinds)))
        clauses.append(f"b.kind IN ({marks})")
        params.update({f"kind{i}": kind.value for i, kind in enumerate(flt.kinds)})
    if flt.tiers:
        tier_clauses = []
        for i, tier in enumerate(flt.tiers):
            if tier is None:
                tier_clauses.append("b.tier IS NULL")
            else:
                tier_clauses.append(f"b.tier = :tier{i}")
                params[f"tier{i}"] = tier.value
        clauses.append("(" + " OR ".join(tier_clauses) + ")")
    if not flt.include_archived:
        # The unary + keeps the planner off branch_archived (nearly every row matches it), so that a sort
        # index can deliver the rows in order instead.
        clauses.append("+b.archived_on IS NULL")
    if flt.unpaired_on is not None:
        clauses.append(
            f"{EXISTS_ON} AND NOT EXISTS (SELECT 1 FROM pairing p WHERE p.organ_id = b.id AND {ACTIVE_ON})"
            f" AND NOT EXISTS (SELECT 1 FROM pairing p WHERE p.grassroots_id = b.id AND {ACTIVE_ON})"
        )
        params["day"] = flt.unpaired_on.isoformat()
    text = flt.text.strip()
    if text:
        # instr() rather than LIKE: no wildcards to escape in what a clerk types.
        clauses.append(
            "(instr(b.name, :text) OR instr(coalesce(b.secretary, ''), :text)"
            " OR instr(coalesce(u.name, ''), :text) OR instr(coalesce(b.phone, ''), :text))"
        )
        params["text"] = text
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    return cte, where, params


def ids_query(flt: BranchFilter, sort: BranchSort) -> tuple[str, dict[str, Any]]:
    """The SQL and parameters of :func:`branch_ids`."""
    cte, where, params = _where(flt)
    direction = "DESC" if sort.descending else "ASC"
    # A text search reads every row (or every row of the region) whatever the order. Read in the table's
    # own order and sorting only the matches is three times quicker at stress scale than walking a sort
    # index, which fetches each row from elsewhere in the file: the unary + keeps the planner off it.
    unindexed = "+" if flt.text.strip() else ""
    terms = [f"{unindexed}{term} {direction}" for term in (*_SORT_SQL[sort.column], "b.id")]
    if sort.column not in _NEVER_EMPTY:
        # Empty cells last whichever the direction, as in Excel.
        terms.insert(0, f"({_SORT_SQL[sort.column][0]}) IS NULL")
    order = ", ".join(terms)
    return f"{cte}SELECT b.id {_from_for(flt, sort)} {where} ORDER BY {order}", params


def branch_ids(ledger: Ledger, flt: BranchFilter, sort: BranchSort) -> list[int]:
    """Every matching branch's id in display order: one indexed query per filter or sort, after which any
    page at any depth is a primary-key lookup (no OFFSET scans)."""
    sql, params = ids_query(flt, sort)
    return [row[0] for row in ledger.conn.execute(sql, params)]


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def branch_rows(ledger: Ledger, ids: Sequence[int]) -> list[BranchRow]:
    """The rows of ``ids``, in that order."""
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    rows = ledger.query(
        f"""
        SELECT b.id, b.uuid, b.region_id, b.unit_id, b.name, b.kind, b.tier, b.secretary, b.phone,
               b.member_count, b.optimised_on, b.established_on, b.archived_on, u.name AS unit,
               {_REGION_LABEL} AS region_label, partner_branch.name AS partner,
               ({_NEWEST_RATING.format(column="s.stars")}) AS stars,
               ({_NEWEST_RATING.format(column="s.year")}) AS star_year
        {_FROM} WHERE b.id IN ({marks})
        """,
        list(ids),
    )
    by_id = {
        row["id"]: BranchRow(
            id=row["id"],
            name=row["name"],
            kind=BranchKind(row["kind"]),
            region=row["region_label"],
            unit=row["unit"],
            tier=None if row["tier"] is None else Tier(row["tier"]),
            partner=row["partner"],
            secretary=row["secretary"],
            phone=row["phone"],
            member_count=row["member_count"],
            optimised_on=_date(row["optimised_on"]),
            established_on=_date(row["established_on"]),
            archived_on=_date(row["archived_on"]),
            uuid=row["uuid"],
            region_id=row["region_id"],
            unit_id=row["unit_id"],
            stars=row["stars"],
            star_year=row["star_year"],
        )
        for row in rows
    }
    return [by_id[branch_id] for branch_id in ids if branch_id in by_id]


def region_tree(ledger: Ledger) -> list[RegionNode]:
    """Every region with the counts of active (not archived) branches, rolled up the tree."""
    counts = {
        row["region_id"]: (row["organ"], row["grassroots"])
        for row in ledger.query(
            "SELECT region_id, sum(kind = 'organ') AS organ, sum(kind <> 'organ') AS grassroots"
            " FROM branch WHERE archived_on IS NULL GROUP BY region_id"
        )
    }
    nodes: dict[int, RegionNode] = {}
    roots: list[RegionNode] = []
    rows = ledger.query("SELECT id, name, level, parent_id, code FROM region ORDER BY name_key, id")
    for row in rows:
        organ, grassroots = counts.get(row["id"], (0, 0))
        nodes[row["id"]] = RegionNode(
            row["id"], row["name"], RegionLevel(row["level"]), row["code"], organ, grassroots
        )
    for row in rows:
        node = nodes[row["id"]]
        if row["parent_id"] is None:
            roots.append(node)
        else:
            nodes[row["parent_id"]].children.append(node)
    roll_up(roots)
    return roots
