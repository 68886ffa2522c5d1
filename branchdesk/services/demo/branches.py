"""Grassroots and organ branches: their members, founding dates and grades; communities with their grids."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from branchdesk.domain.enums import BranchKind, Tier
from branchdesk.services.demo.common import apportion, chinese_number, day_between, random_uuid
from branchdesk.services.demo.model import Branch, Build, Township
from branchdesk.services.demo.names import community_name, person, phone, village_name

_MEMBERS = {
    BranchKind.ORGAN: (5, 60),
    BranchKind.VILLAGE: (15, 60),
    BranchKind.COMMUNITY: (8, 45),
    BranchKind.GRID: (3, 15),
}
_ESTABLISHED = {
    BranchKind.ORGAN: (dt.date(1985, 1, 1), dt.date(2021, 12, 31)),
    BranchKind.VILLAGE: (dt.date(1956, 1, 1), dt.date(2021, 12, 31)),
    BranchKind.COMMUNITY: (dt.date(1990, 1, 1), dt.date(2021, 12, 31)),
    BranchKind.GRID: (dt.date(2016, 1, 1), dt.date(2021, 12, 31)),
}

# County grading (好中差): organs mostly strong, grassroots skewed weak; some city-level organs ungraded.
_TIERS: tuple[Tier | None, ...] = (Tier.STRONG, Tier.AVERAGE, Tier.WEAK, None)
COUNTY_ORGAN_TIERS = (60, 30, 10, 0)
CITY_ORGAN_TIERS = (55, 25, 5, 15)
GRASSROOTS_TIERS = (20, 35, 45, 0)


def add_branch(
    build: Build,
    name: str,
    kind: BranchKind,
    region_id: int,
    tiers: Sequence[int],
    place: str,
    *,
    unit_id: int | None = None,
    community: Branch | None = None,
) -> Branch:
    rng = build.rng
    first, last = _ESTABLISHED[kind]
    if community is not None:
        first = max(first, community.established_on)
    low, high = _MEMBERS[kind]
    branch = Branch(
        id=len(build.branches) + 1,
        uuid=random_uuid(rng),
        name=name,
        kind=kind,
        region_id=region_id,
        tier=rng.choices(_TIERS, tiers)[0],
        established_on=day_between(rng, first, last),
        secretary=person(build),
        phone=phone(build),
        members=rng.randint(low, high),
        place=place,
        unit_id=unit_id,
        community_id=None if community is None else community.id,
    )
    build.branches.append(branch)
    return branch


def add_community(build: Build, township: Township, grids: int) -> tuple[Branch, list[Branch]]:
    name = community_name(build, township)
    region_id = township.region_id
    community = add_branch(build, f"{name}党支部", BranchKind.COMMUNITY, region_id, GRASSROOTS_TIERS, name)
    return community, [
        add_branch(
            build,
            f"{name}第{chinese_number(n)}网格党支部",
            BranchKind.GRID,
            region_id,
            GRASSROOTS_TIERS,
            name,
            community=community,
        )
        for n in range(1, grids + 1)
    ]


def add_grassroots(
    build: Build, township: Township, count: int, known_villages: Sequence[str]
) -> list[Branch]:
    """``count`` grassroots branches of a township: sub-districts are mostly communities with grids,
    towns and townships mostly villages with a community or two at the seat."""
    rng = build.rng
    if township.is_subdistrict:
        villages = count // 10
        communities = max(1, round((count - villages) / 5)) if count > villages else 0
        grids = count - villages - communities
    else:
        is_town = township.name.endswith("镇")
        communities = (count >= 6) + (count >= 30) if is_town else int(count >= 15)
        grids = communities * rng.randint(0, 3) if count >= 12 else 0
        villages = count - communities - grids
    made: list[Branch] = []
    for grid_count in apportion(grids, [rng.uniform(0.5, 1.5) for _ in range(communities)]):
        community, grid_branches = add_community(build, township, grid_count)
        made += [community, *grid_branches]
    for n in range(villages):
        if n < len(known_villages):
            township.villages.add(known_villages[n])
            name = f"{known_villages[n]}村"
        else:
            name = village_name(build, township)
        made.append(
            add_branch(build, f"{name}党支部", BranchKind.VILLAGE, township.region_id, GRASSROOTS_TIERS, name)
        )
    return made
