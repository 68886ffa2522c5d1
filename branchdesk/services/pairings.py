"""Pairing use cases: assigned pairing, a unit with its community's grids, ending and re-pairing, and
what the Pairings tab lists. Each writing function is one user action and returns what it changed."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from branchdesk.domain.changes import Changed
from branchdesk.domain.enums import EndReason
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.pairing_list import (
    AssignedUnit,
    PairingFilter,
    PairingRow,
    PairingSort,
    Unpaired,
)
from branchdesk.domain.rates import Rate
from branchdesk.domain.rules import overlap_error
from branchdesk.services.history import changed
from branchdesk.storage import pairing_list
from branchdesk.storage import pairings as store
from branchdesk.storage import stats as stats_store
from branchdesk.storage.ledger import Ledger

# -- reading --------------------------------------------------------------------------------------------


def pairing_ids(ledger: Ledger, flt: PairingFilter, sort: PairingSort) -> list[int]:
    return pairing_list.pairing_ids(ledger, flt, sort)


def pairing_rows(ledger: Ledger, ids: Sequence[int]) -> list[PairingRow]:
    return pairing_list.pairing_rows(ledger, ids)


def unpaired(
    ledger: Ledger, region_id: int, *, organ_side: bool, text: str = "", limit: int = -1
) -> Unpaired:
    """Branches of one side in the region (and below) that have no active pairing: a picker's choices."""
    return pairing_list.unpaired(ledger, region_id, organ_side=organ_side, text=text, limit=limit)


def organ_scope(ledger: Ledger, region_id: int) -> int:
    """Where a picker finds organ branches for the region's grassroots: a township's county."""
    return store.organ_scope(ledger, region_id)


def coverage(ledger: Ledger, region_id: int) -> tuple[Rate, Rate]:
    """Today's grassroots and organ-side coverage of the region (DESIGN.md §3)."""
    day = ledger.clock.today()
    return (
        stats_store.coverage(ledger, region_id, day, direct=False, organ_side=False),
        stats_store.coverage(ledger, region_id, day, direct=False, organ_side=True),
    )


def assigned_units(ledger: Ledger) -> list[AssignedUnit]:
    return store.assigned_units(ledger)


# -- writing --------------------------------------------------------------------------------------------


def _named(done: Changed, subject: str) -> Changed:
    """A pairing has no name of its own; the Edit menu names it by its two branches."""
    return dataclasses.replace(done, subject=subject)


def _pair_subject(organ: str, grassroots: str) -> str:
    return f"{organ} — {grassroots}"


def _unpaired_branch(ledger: Ledger, branch_id: int, *, organ_side: bool) -> dict[str, Any]:
    """The branch, checked to be on the right side, active, and free to pair (a clear message each)."""
    found = store.branch(ledger, branch_id)
    if found is None:
        raise BranchDeskError("row.missing", table="branch", id=branch_id)
    if (found["kind"] == "organ") != organ_side:
        raise BranchDeskError("pairing.wrong_sides")
    if found["archived_on"] is not None:
        raise BranchDeskError("pairing.branch_archived", name=found["name"])
    if found["active_pairing"] is not None:
        raise BranchDeskError(
            "pairing.organ_already_paired" if organ_side else "pairing.grassroots_already_paired",
            name=found["name"],
        )
    return found


def check_start(ledger: Ledger, started_on: dt.date, branch_ids: Sequence[int]) -> None:
    """A pairing starts today or earlier, not before either branch was established, and shares no day
    with another pairing of either branch (domain.rules)."""
    if started_on > ledger.clock.today():
        raise BranchDeskError("pairing.starts_in_future", date=started_on.isoformat())
    name = store.established_after(ledger, branch_ids, started_on)
    if name is not None:
        raise BranchDeskError("pairing.before_established", name=name, date=started_on.isoformat())
    other = store.running_on_or_after(ledger, branch_ids, started_on)
    if other is not None:
        raise overlap_error(other["name"], other["started_on"], other["ended_on"])


def other_counties(ledger: Ledger, organ_id: int, grassroots_id: int) -> tuple[str, str] | None:
    """The two counties when the branches sit in different ones (a city-level organ is in none)."""
    organ, grassroots = store.county_of(ledger, organ_id), store.county_of(ledger, grassroots_id)
    if organ is None or grassroots is None or organ == grassroots:
        return None
    return organ, grassroots


def _pairing_action(ledger: Ledger, organ_id: int, grassroots_id: int, plain: str, cross_county: bool) -> str:
    """The action a pairing is recorded under: across two counties only when the user confirmed it, and
    then named so in the history (跨县结对)."""
    counties = other_counties(ledger, organ_id, grassroots_id)
    if counties is None:
        return plain
    if not cross_county:
        raise BranchDeskError("pairing.cross_county", organ_county=counties[0], grassroots_county=counties[1])
    return f"{plain}_cross_county"


def assign_pairing(
    ledger: Ledger, organ_id: int, grassroots_id: int, started_on: dt.date, *, cross_county: bool = False
) -> Changed:
    """Pair an organ branch with a grassroots branch by assignment (the database holds one-to-one too);
    across two counties only with ``cross_county`` (the user confirmed it)."""
    action = _pairing_action(ledger, organ_id, grassroots_id, "pairing.add", cross_county)
    with ledger.operation(action) as op:
        organ = _unpaired_branch(ledger, organ_id, organ_side=True)
        grassroots = _unpaired_branch(ledger, grassroots_id, organ_side=False)
        check_start(ledger, started_on, (organ_id, grassroots_id))
        store.add_pairing(ledger, organ_id, grassroots_id, started_on)
    return _named(changed(ledger, op), _pair_subject(organ["name"], grassroots["name"]))


def pair_unit_with_community(ledger: Ledger, unit_id: int, started_on: dt.date) -> Changed:
    """单位联社区、支部联网格: the unit's unpaired organ branches with its community's unpaired grids, one
    each, in name order; what one side has more of stays unpaired."""
    unit = next((u for u in store.assigned_units(ledger) if u.id == unit_id), None)
    if unit is None:
        raise BranchDeskError("pairing.unit_not_assigned")
    with ledger.operation("pairing.community") as op:
        organs, grids = store.unit_and_grids(ledger, unit_id)
        if not organs or not grids:
            raise BranchDeskError("pairing.unit_nothing_to_pair", unit=unit.name, community=unit.community)
        pairs = list(zip(organs, grids, strict=False))
        check_start(ledger, started_on, [branch for pair in pairs for branch in pair])
        for organ_id, grid_id in pairs:
            store.add_pairing(ledger, organ_id, grid_id, started_on)
    return _named(changed(ledger, op), _pair_subject(unit.name, unit.community))


def _open_pairing(ledger: Ledger, pairing_id: int) -> dict[str, Any]:
    found = store.pairing(ledger, pairing_id)
    if found is None:
        raise BranchDeskError("row.missing", table="pairing", id=pairing_id)
    if found["ended_on"] is not None:
        raise BranchDeskError("pairing.already_ended", date=found["ended_on"])
    return found


def _check_end(ledger: Ledger, found: dict[str, Any], ended_on: dt.date) -> None:
    if ended_on > ledger.clock.today():
        raise BranchDeskError("pairing.ends_in_future", date=ended_on.isoformat())
    if ended_on.isoformat() < found["started_on"]:
        raise BranchDeskError("pairing.ends_before_start", started=found["started_on"])
    # Its activities stay within its dates (domain.rules.Rule.ACTIVITY_OUTSIDE_PAIRING).
    last = store.last_activity(ledger, found["id"])
    if last is not None and last > ended_on.isoformat():
        raise BranchDeskError("pairing.activity_after_end", date=last)


def end_pairing(
    ledger: Ledger, pairing_id: int, ended_on: dt.date, reason: EndReason, note: str | None = None
) -> Changed:
    """End a pairing; ``ended_on`` is its last day."""
    with ledger.operation("pairing.end") as op:
        found = _open_pairing(ledger, pairing_id)
        _check_end(ledger, found, ended_on)
        store.end_pairing(ledger, pairing_id, ended_on, reason, note)
    return _named(changed(ledger, op), _pair_subject(found["organ_name"], found["grassroots_name"]))


def _new_sides(ledger: Ledger, found: dict[str, Any], new_partner_id: int) -> tuple[int, int, bool]:
    """The organ and grassroots branches of a re-pairing, and whether the new partner is the organ."""
    partner = store.branch(ledger, new_partner_id)
    organ_side = partner is not None and partner["kind"] == "organ"
    if organ_side:
        return new_partner_id, found["grassroots_id"], True
    return found["organ_id"], new_partner_id, False


def repair_counties(ledger: Ledger, pairing_id: int, new_partner_id: int) -> tuple[str, str] | None:
    """The two counties when a re-pairing would pair across them (see ``other_counties``)."""
    organ_id, grassroots_id, _ = _new_sides(ledger, _open_pairing(ledger, pairing_id), new_partner_id)
    return other_counties(ledger, organ_id, grassroots_id)


def repair(
    ledger: Ledger, pairing_id: int, new_partner_id: int, started_on: dt.date, *, cross_county: bool = False
) -> Changed:
    """Re-pair (重新结对): one branch of the pairing keeps going with a new partner from ``started_on``.

    ``new_partner_id`` is an organ branch (the grassroots branch keeps its place) or a grassroots branch
    (the organ branch does). The old pairing ends the day before, so that no day counts a branch in two
    pairings; so the new partner starts the day after the old pairing started at the earliest. Across two
    counties only with ``cross_county``."""
    found = _open_pairing(ledger, pairing_id)
    organ_id, grassroots_id, organ_side = _new_sides(ledger, found, new_partner_id)
    action = _pairing_action(ledger, organ_id, grassroots_id, "pairing.repair", cross_county)
    with ledger.operation(action) as op:
        last_day = started_on - dt.timedelta(days=1)
        if last_day.isoformat() < found["started_on"]:
            # The old pairing would share its one day with the new one.
            raise BranchDeskError("pairing.repair_too_soon", started=found["started_on"])
        _check_end(ledger, found, last_day)
        store.end_pairing(ledger, pairing_id, last_day, EndReason.REPAIRED)
        new = _unpaired_branch(ledger, new_partner_id, organ_side=organ_side)
        check_start(ledger, started_on, (new_partner_id,))
        store.add_pairing(ledger, organ_id, grassroots_id, started_on)
        if organ_side:
            subject = _pair_subject(new["name"], found["grassroots_name"])
        else:
            subject = _pair_subject(found["organ_name"], new["name"])
    return _named(changed(ledger, op), subject)
