"""Units and branches."""

from __future__ import annotations

import datetime as dt

from branchdesk.domain.enums import BranchKind, Tier, UnitLevel
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
