"""Pairings between an organ branch and a grassroots branch."""

from __future__ import annotations

import datetime as dt

from branchdesk.domain.enums import EndReason, PairingMethod
from branchdesk.storage.ledger import Ledger


def add_pairing(
    ledger: Ledger,
    organ_id: int,
    grassroots_id: int,
    started_on: dt.date,
    *,
    method: PairingMethod = PairingMethod.ASSIGNED,
    draw_id: int | None = None,
    ended_on: dt.date | None = None,
    end_reason: EndReason | None = None,
) -> int:
    """Record a pairing with both sides' current tiers as its snapshot."""
    tiers = {
        row["id"]: row["tier"]
        for row in ledger.query("SELECT id, tier FROM branch WHERE id IN (?, ?)", [organ_id, grassroots_id])
    }
    return ledger.insert(
        "pairing",
        {
            "organ_id": organ_id,
            "grassroots_id": grassroots_id,
            "method": method.value,
            "draw_id": draw_id,
            "organ_tier": tiers.get(organ_id),
            "grassroots_tier": tiers.get(grassroots_id),
            "started_on": started_on.isoformat(),
            "ended_on": None if ended_on is None else ended_on.isoformat(),
            "end_reason": None if end_reason is None else end_reason.value,
        },
    )
