"""A realistic, deterministic demo ledger (``branchdesk-cli demo``): Xinyang's ten counties and districts.

The story follows the 2022 article (DESIGN.md §1): organ branches are optimised between 4 and 20 April
2022; city-level and central units are assigned to central-city communities and each of their organ
branches to one grid there; each county draws its pairs with :func:`branchdesk.domain.draw.draw`, strong
organs to weak grassroots; a few villages are later merged away (their pairings end, the branch is
archived), a supplementary draw pairs the freed organ branches with branches set up since, and a few
branches set up after that stay unpaired. Activities follow "1+N" from April 2022 to the end of 2023: a
themed Party day in most months for most pairings, other activities on top, routine ones mostly on
non-working days of the ledger's own holiday table.

The same scale and seed give the same rows (given the same clock); the counts of branches, pairings and
activities are exactly those of DESIGN.md §7. The rows are bulk-inserted without change-log entries, as §7
allows, which is what makes the stress scale take seconds rather than hours.

Its parts, in the order a demo is made: ``scales`` (how much), ``dates`` (when), ``regions``, ``units``,
``branches`` and ``names`` (who and where), ``pairings`` (the draws and what ended), ``key_tasks``,
``activities``, then ``agreements`` and ``items`` (the three lists); ``model`` holds what is being built.
One random sequence runs through them in that order, but for the agreements and the lists' items, which
draw from sequences of their own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from branchdesk.domain.clock import Clock
from branchdesk.domain.errors import BranchDeskError
from branchdesk.services.demo.activities import AREA_SETS, ActivityMaker, Days, Raw, activity_rows, by_day
from branchdesk.services.demo.agreements import build_agreements
from branchdesk.services.demo.attendance import Attendances
from branchdesk.services.demo.dates import EARLIEST_TODAY, SPAN_END, SPAN_START
from branchdesk.services.demo.items import HeldOn, item_links, item_rows
from branchdesk.services.demo.key_tasks import build_key_tasks
from branchdesk.services.demo.model import Build
from branchdesk.services.demo.pairings import pair_assigned, pair_counties
from branchdesk.services.demo.regions import build_counties, build_places
from branchdesk.services.demo.scales import SCALES, STAGES, DemoSummary, ScaleSpec
from branchdesk.services.demo.stars import star_ratings
from branchdesk.services.demo.teams import build_teams
from branchdesk.services.demo.units import build_city, optimise
from branchdesk.services.holidays import calendar_for
from branchdesk.services.ledgers import create_ledger
from branchdesk.storage import bulk
from branchdesk.storage.ledger import Ledger

__all__ = ["SCALES", "STAGES", "DemoSummary", "ScaleSpec", "generate_demo"]


def generate_demo(
    path: Path,
    scale: str,
    *,
    seed: int = 2022,
    clock: Clock,
    overwrite: bool = False,
    progress: Callable[[str], None] | None = None,
) -> DemoSummary:
    """Write a new demo ledger at ``path``; refuse an existing file unless ``overwrite``.

    Activities run from April 2022 to the end of 2023, or to the clock's today if that is earlier (the
    later events are then squeezed into the shorter span). ``progress`` is called with each code of
    :data:`STAGES` as that stage starts. If anything fails, no file is left at ``path``.
    """
    spec = SCALES.get(scale)
    if spec is None:
        raise BranchDeskError("demo.unknown_scale", scale=scale, choices=", ".join(SCALES))
    today = clock.today()
    if today < EARLIEST_TODAY:
        raise BranchDeskError(
            "demo.clock_too_early", today=today.isoformat(), earliest=EARLIEST_TODAY.isoformat()
        )
    report = progress or (lambda _stage: None)
    made: list[DemoSummary] = []

    def fill(ledger: Ledger) -> None:
        made.append(_fill(ledger, scale, spec, seed, min(SPAN_END, today), report))

    # Ledger.create builds the file aside and moves it into place only when complete: a failure leaves
    # nothing half-made, and an existing file being replaced stays as it was.
    create_ledger(path, clock, overwrite=overwrite, fill=fill).close()
    return made[0]


def _fill(
    ledger: Ledger, scale: str, spec: ScaleSpec, seed: int, span_end: dt.date, report: Callable[[str], None]
) -> DemoSummary:
    calendar = calendar_for(ledger, list(range(SPAN_START.year, span_end.year + 1)))
    build = Build(spec, seed, span_end)

    report(STAGES[0])
    counties = build_places(build)
    assigned = build_city(build, counties)
    build_counties(build, counties)
    optimise(
        build,
        [organ for organs, _ in assigned for organ in organs],
        [organ for c in counties for organ in c.organs],
    )

    report(STAGES[1])
    pair_assigned(build, assigned)
    pair_counties(build, counties)
    tasks = build_key_tasks(build)

    report(STAGES[2])
    days = Days.of(span_end, calendar)
    maker = ActivityMaker(build.rng, days, build.pairings, tasks)
    raws = maker.themed_days()
    raws += maker.others(spec.activities - len(raws))
    raws = by_day(raws, len(days.iso))

    report(STAGES[3])
    with bulk.bulk_load(ledger):
        bulk.insert_regions(ledger, build.regions)
        bulk.insert_units(ledger, build.units)
        bulk.insert_branches(ledger, (branch.row() for branch in build.branches))
        bulk.assign_communities(ledger, build.assignments)
        bulk.insert_draws(ledger, build.draws)
        bulk.insert_draw_previews(ledger, build.draw_previews)
        bulk.insert_pairings(ledger, (pairing.row() for pairing in build.pairings))
        bulk.insert_key_tasks(ledger, build.key_tasks)
        attendances = Attendances(build.rng, days.iso)
        bulk.insert_activities(ledger, activity_rows(build.rng, raws, days.iso, attendances))
        bulk.insert_absentees(ledger, attendances.absentees)
        bulk.insert_star_ratings(ledger, star_ratings(seed, build.branches, span_end))
        bulk.insert_activity_areas(
            ledger, 1, [[area.value for area in areas] for areas in AREA_SETS], [raw[8] for raw in raws]
        )
        agreements = build_agreements(build.pairings, seed, span_end)
        bulk.insert_agreements(ledger, agreements.agreements, agreements.targets, agreements.progress)
        teams = build_teams(build, days, _county_codes(build))
        bulk.insert_work_teams(ledger, teams.teams)
        bulk.insert_team_members(ledger, teams.members)
        bulk.insert_team_days(ledger, teams.days)
        items = list(item_rows(seed, build.pairings, span_end))
        bulk.insert_plan_items(ledger, items)
        bulk.insert_item_links(ledger, item_links(seed, items, _held_on(raws, days.iso), span_end))
    return DemoSummary(
        scale=scale,
        seed=seed,
        regions=len(build.regions),
        units=len(build.units),
        branches=len(build.branches),
        draws=len(build.draws),
        pairings=len(build.pairings),
        activities=len(raws),
    )


def _held_on(raws: Sequence[Raw], iso: Sequence[str]) -> HeldOn:
    """Each pairing's activities by day: ``raws`` are in order of day, activity ``i + 1`` is ``raws[i]``."""
    held: dict[int, tuple[list[str], list[int]]] = {}
    for number, raw in enumerate(raws, 1):
        days, ids = held.setdefault(raw[1], ([], []))
        days.append(iso[raw[0]])
        ids.append(number)
    return held


def _county_codes(build: Build) -> dict[int, str]:
    """Each township's county code (regions rows: id, uuid, name, level, parent id, code)."""
    codes = {row[0]: row[5] or "" for row in build.regions if row[3] == "county"}
    return {row[0]: codes[row[4]] for row in build.regions if row[3] == "township" and row[4] in codes}
