"""Pairings: city units' assigned grids, each county's draws, and the mergers that end a few pairings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from uuid import UUID, uuid5

from branchdesk.domain.clock import FixedClock, timestamp
from branchdesk.domain.draw import ALGORITHM_VERSION, Candidate, candidates_text, draw
from branchdesk.domain.enums import EndReason, PairingMethod, Tier
from branchdesk.services.demo.common import day_between, random_uuid
from branchdesk.services.demo.dates import ASSIGNED, CHINA, DRAWN, KNOWN_DRAW_DAYS
from branchdesk.services.demo.model import END_NOTES, Branch, Build, County, Pairing

# Strong-leads-weak showing results: the share of paired grassroots branches graded up since pairing.
_UPGRADED = {Tier.WEAK: 0.12, Tier.AVERAGE: 0.05}

_END_REASONS = (
    EndReason.MERGED,
    EndReason.MERGED,
    EndReason.MERGED,
    EndReason.VILLAGE_TO_COMMUNITY,
    EndReason.ABOLISHED,
)


def pair_assigned(build: Build, assigned: Sequence[tuple[list[Branch], list[Branch]]]) -> None:
    for organs, grids in assigned:
        started = day_between(build.rng, *ASSIGNED)
        for organ, grid in zip(organs, grids, strict=True):
            add_pairing(build, organ, grid, PairingMethod.ASSIGNED, None, started)


def add_pairing(
    build: Build,
    organ: Branch,
    grassroots: Branch,
    method: PairingMethod,
    draw_id: int | None,
    started: dt.date,
) -> None:
    build.pairings.append(
        Pairing(
            id=len(build.pairings) + 1,
            uuid=random_uuid(build.rng),
            organ=organ,
            grassroots=grassroots,
            method=method,
            draw_id=draw_id,
            organ_tier=organ.tier,
            grassroots_tier=grassroots.tier,
            started_on=started,
        )
    )


def draw_pairs(
    build: Build,
    county: County,
    organs: Sequence[Branch],
    grassroots: Sequence[Branch],
    day: dt.date,
    note: str,
) -> list[Branch]:
    """One committed draw in a county, its pairs started on ``day``; returns the organ leftovers."""
    rng = build.rng
    by_uuid = {b.uuid: b for b in (*organs, *grassroots)}
    seed = str(rng.randrange(100_000, 1_000_000))
    organ_candidates = [Candidate(b.uuid, b.tier) for b in organs]
    grassroots_candidates = [Candidate(b.uuid, b.tier) for b in grassroots]
    result = draw(organ_candidates, grassroots_candidates, seed)
    draw_id = len(build.draws) + 1
    # Drawn at 10:00 on the day, China time, and stamped like any other moment.
    drawn_at = timestamp(FixedClock(dt.datetime(day.year, day.month, day.day, 10, 0, tzinfo=CHINA)))
    draw_uuid = random_uuid(rng)
    build.draws.append(
        (draw_id, draw_uuid, county.region_id, seed, ALGORITHM_VERSION, result.input_hash,
         result.result_hash, "[]", drawn_at, 1, note,
         candidates_text(organ_candidates, grassroots_candidates))
    )  # fmt: skip
    # Its seed previewed a few minutes before, as the window keeps every preview for the draw's record
    # (its uuid from the draw's, so that the demo's random sequence stays as it was).
    previewed_at = timestamp(FixedClock(dt.datetime(day.year, day.month, day.day, 9, 55, tzinfo=CHINA)))
    build.draw_previews.append(
        (draw_id, str(uuid5(UUID(draw_uuid), "preview")), county.region_id, seed,
         ALGORITHM_VERSION, result.input_hash, result.result_hash, previewed_at)
    )  # fmt: skip
    for pair in result.pairs:
        add_pairing(
            build, by_uuid[pair.organ.uuid], by_uuid[pair.grassroots.uuid], PairingMethod.DRAW, draw_id, day
        )
    return [by_uuid[c.uuid] for c in result.organ_leftovers]


def pair_counties(build: Build, counties: Sequence[County]) -> None:
    """First draws; mergers that end a few pairings; then supplementary draws for the newcomers."""
    rng = build.rng
    unpaired = []
    for county in counties:
        day = KNOWN_DRAW_DAYS.get(county.code) or day_between(rng, *DRAWN)
        unpaired.append(
            draw_pairs(build, county, county.organs, county.first_draw, day, "支部联支部随机固定结对")
        )
    grade_up(build)
    by_grassroots = {p.grassroots.id: p for p in build.pairings}
    for county, organs in zip(counties, unpaired, strict=True):
        for village in county.merged:
            pairing = by_grassroots[village.id]
            pairing.ended_on = village.archived_on = day_between(rng, *build.timeline.mergers)
            pairing.end_reason = rng.choice(_END_REASONS)
            village.note = END_NOTES[pairing.end_reason]
            organs.append(pairing.organ)
        if county.successors:
            day = day_between(rng, *build.timeline.supplementary_draws)
            draw_pairs(build, county, organs, county.successors, day, "撤并后新设支部补充抽签")


def grade_up(build: Build) -> None:
    """Some grassroots branches have improved since they were paired; the pairings keep the old tier."""
    for pairing in build.pairings:
        branch = pairing.grassroots
        if branch.tier in _UPGRADED and build.rng.random() < _UPGRADED[branch.tier]:
            branch.tier = Tier.AVERAGE if branch.tier is Tier.WEAK else Tier.STRONG
