"""Units and branches."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from branchdesk.domain.branch_rules import BranchDraft, BranchTies
from branchdesk.domain.enums import BranchKind, RegionLevel, Tier, UnitLevel
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.records import Unit
from branchdesk.storage.ledger import Ledger


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def add_unit(ledger: Ledger, name: str, level: UnitLevel, region_id: int) -> int:
    return ledger.insert("unit", {"name": name.strip(), "level": level.value, "region_id": region_id})


def add_branch(
    ledger: Ledger,
    name: str,
    kind: BranchKind,
    region_id: int,
    *,
    tier: Tier | None = None,
    unit_id: int | None = None,
    community_id: int | None = None,
    optimised_on: dt.date | None = None,
    established_on: dt.date | None = None,
    archived_on: dt.date | None = None,
    secretary: str | None = None,
    phone: str | None = None,
    member_count: int | None = None,
) -> int:
    return ledger.insert(
        "branch",
        {
            "name": name.strip(),
            "kind": kind.value,
            "region_id": region_id,
            "tier": None if tier is None else tier.value,
            "unit_id": unit_id,
            "community_id": community_id,
            "optimised_on": _iso(optimised_on),
            "established_on": _iso(established_on),
            "archived_on": _iso(archived_on),
            "secretary": secretary,
            "phone": phone,
            "member_count": member_count,
        },
    )


def branch_values(draft: BranchDraft) -> dict[str, Any]:
    """The branch table's columns as a draft fills them (an import adds uuid and archived_on)."""
    return {
        "name": draft.name,
        "kind": draft.kind.value,
        "region_id": draft.region_id,
        "unit_id": draft.unit_id,
        "community_id": draft.community_id,
        "tier": None if draft.tier is None else draft.tier.value,
        "secretary": draft.secretary,
        "phone": draft.phone,
        "member_count": draft.member_count,
        "optimised_on": _iso(draft.optimised_on),
        "established_on": _iso(draft.established_on),
        "note": draft.note,
    }


def add_draft(ledger: Ledger, draft: BranchDraft) -> int:
    """A branch as a checked draft describes it (the dialog, a paste)."""
    return ledger.insert("branch", branch_values(draft))


def update_draft(ledger: Ledger, branch_id: int, draft: BranchDraft) -> None:
    ledger.update("branch", branch_id, branch_values(draft))


def set_archived(ledger: Ledger, branch_id: int, on: dt.date | None) -> None:
    """Archive a branch on ``on``, or restore it (None)."""
    ledger.update("branch", branch_id, {"archived_on": _iso(on)})


def delete_branch(ledger: Ledger, branch_id: int) -> None:
    ledger.delete("branch", branch_id)


def assign_community(ledger: Ledger, unit_id: int, community_id: int) -> None:
    """The community branch a unit's organ branches are meant to pair with."""
    ledger.update("unit", unit_id, {"assigned_community_id": community_id})


def unit_named(ledger: Ledger, region_id: int, name: str) -> bool:
    return ledger.scalar("SELECT 1 FROM unit WHERE region_id = ? AND name = ?", (region_id, name)) is not None


def actively_paired(ledger: Ledger, branch_id: int) -> bool:
    """Whether the branch is in a pairing that has not ended, on either side."""
    return (
        ledger.scalar(
            "SELECT 1 FROM pairing WHERE (organ_id = :id OR grassroots_id = :id) AND ended_on IS NULL",
            {"id": branch_id},
        )
        is not None
    )


def branch(ledger: Ledger, branch_id: int) -> dict[str, Any]:
    found = ledger.row("branch", branch_id)
    if found is None:
        raise BranchDeskError("row.missing", table="branch", id=branch_id)
    return found


def region_level(ledger: Ledger, region_id: int | None) -> RegionLevel | None:
    level = (
        None if region_id is None else ledger.scalar("SELECT level FROM region WHERE id = ?", (region_id,))
    )
    return None if level is None else RegionLevel(level)


def unit_exists(ledger: Ledger, unit_id: int | None) -> bool:
    return unit_id is not None and ledger.scalar("SELECT 1 FROM unit WHERE id = ?", (unit_id,)) is not None


def community_region(ledger: Ledger, community_id: int | None) -> int | None:
    """The township of community branch ``community_id``; None when it is not a community branch."""
    if community_id is None:
        return None
    region: int | None = ledger.scalar(
        "SELECT region_id FROM branch WHERE id = ? AND kind = 'community'", (community_id,)
    )
    return region


def name_taken(ledger: Ledger, name: str, region_id: int, except_id: int | None) -> bool:
    return (
        ledger.scalar(
            "SELECT 1 FROM branch WHERE region_id = ? AND name = ? AND id IS NOT ? AND archived_on IS NULL",
            (region_id, name, except_id),
        )
        is not None
    )


def ties(ledger: Ledger, branch_id: int) -> BranchTies:
    """What other records say about a branch, for the rules an edit or an archiving must keep."""
    sides = ledger.query(
        "SELECT 'organ' AS side, min(started_on) AS first, max(ended_on) AS last FROM pairing"
        " WHERE organ_id = :id HAVING count(*)"
        " UNION ALL SELECT 'grassroots', min(started_on), max(ended_on) FROM pairing"
        " WHERE grassroots_id = :id HAVING count(*)",
        {"id": branch_id},
    )
    grids = ledger.scalar(
        "SELECT region_id FROM branch WHERE community_id = ? AND kind = 'grid' LIMIT 1", (branch_id,)
    )
    firsts = [dt.date.fromisoformat(row["first"]) for row in sides]
    lasts = [dt.date.fromisoformat(row["last"]) for row in sides if row["last"] is not None]
    return BranchTies(
        paired_organ_side=None if not sides else sides[0]["side"] == "organ",
        first_paired_on=min(firsts, default=None),
        last_pairing_end=max(lasts, default=None),
        grid_township=grids,
    )


def referenced(ledger: Ledger, branch_ids: Sequence[int]) -> set[int]:
    """The branches that a pairing (ended ones too), a grid or a unit's assignment refers to."""
    marks = ", ".join("?" for _ in branch_ids)
    rows = ledger.conn.execute(
        f"SELECT organ_id FROM pairing WHERE organ_id IN ({marks})"
        f" UNION SELECT grassroots_id FROM pairing WHERE grassroots_id IN ({marks})"
        f" UNION SELECT community_id FROM branch WHERE community_id IN ({marks})"
        f" UNION SELECT assigned_community_id FROM unit WHERE assigned_community_id IN ({marks})",
        [*branch_ids, *branch_ids, *branch_ids, *branch_ids],
    )
    return {row[0] for row in rows}


def units(ledger: Ledger) -> list[Unit]:
    return [
        Unit(row["id"], row["uuid"], row["name"], UnitLevel(row["level"]), row["region_id"])
        for row in ledger.query("SELECT id, uuid, name, level, region_id FROM unit ORDER BY name_key, id")
    ]


def communities(ledger: Ledger) -> list[tuple[int, str, int]]:
    """``(id, name, township id)`` of every active community branch."""
    return [
        (row["id"], row["name"], row["region_id"])
        for row in ledger.query(
            "SELECT id, name, region_id FROM branch"
            " WHERE kind = 'community' AND archived_on IS NULL ORDER BY name_key, id"
        )
    ]
