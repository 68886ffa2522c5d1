"""Star ratings of grassroots branches (五星支部): rating a branch for a year, one undoable action, and the
star mix of a region that the Coverage tab charts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from branchdesk.domain.changes import Changed
from branchdesk.domain.chart_data import GroupStars, StarMix
from branchdesk.domain.enums import BranchKind
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.stars import StarRating, check_rating, parse_rating
from branchdesk.services.charts import only_child
from branchdesk.storage import branches as branch_store
from branchdesk.storage import chart_data
from branchdesk.storage import stars as store
from branchdesk.storage.history import changed
from branchdesk.storage.ledger import Ledger


def ratings(ledger: Ledger, branch_id: int) -> list[StarRating]:
    return store.ratings(ledger, branch_id)


def rate_branch(
    ledger: Ledger, branch_id: int, year: int, stars: int | None, rated_on: dt.date | None = None
) -> Changed:
    """The branch's rating for ``year`` set (None: taken away), rated on ``rated_on`` (default today)."""
    row = branch_store.branch(ledger, branch_id)
    day = rated_on or ledger.clock.today()
    if stars is not None:
        check_rating(year, day, ledger.clock.today(), grassroots=BranchKind(row["kind"]).is_grassroots)
    elif store.rating(ledger, branch_id, year) is None:
        raise BranchDeskError("stars.nothing_to_remove", name=row["name"], year=year)
    with ledger.operation("star_rating.set") as operation:
        store.set_rating(ledger, branch_id, year, stars, day)
    return changed(ledger, operation)


def set_ratings(ledger: Ledger, branch_id: int, wanted: Sequence[StarRating], *, grassroots: bool) -> None:
    """The branch's ratings made ``wanted`` (one per year; a year left out loses its rating), inside the
    caller's operation (the branch dialog's OK); each new or changed one held to the rules."""
    today = ledger.clock.today()
    present = {rating.year: rating for rating in store.ratings(ledger, branch_id)}
    chosen = {rating.year: rating for rating in wanted}
    for year in sorted(present.keys() | chosen.keys()):
        rating, before = chosen.get(year), present.get(year)
        if rating is None:
            store.set_rating(ledger, branch_id, year, None, today)
        elif before is None or (before.stars, before.rated_on) != (rating.stars, rating.rated_on):
            check_rating(year, rating.rated_on, today, grassroots=grassroots)
            store.set_rating(ledger, branch_id, year, rating.stars, rating.rated_on)


def rate_typed(ledger: Ledger, branch_id: int, text: str) -> Changed:
    """A rating typed in the Branches table: its year as typed, else the year of the rating the cell
    showed (the branch's newest), else this year; rated today."""
    typed = parse_rating(text)
    shown = store.ratings(ledger, branch_id)
    year = typed.year or (shown[0].year if shown else ledger.clock.today().year)
    return rate_branch(ledger, branch_id, year, typed.stars)


def star_mix(ledger: Ledger, region_id: int, day: dt.date) -> StarMix:
    """The newest year's ratings by ``day``, per part of the region (below its only child, if any)."""
    with ledger.snapshot():
        year = store.latest_year(ledger, day)
        # Parts without grassroots branches (a county not yet filled in) have no bar.
        parts = [part for part in store.star_mix_by_part(ledger, region_id, year or day.year, day) if part[2]]
        while (child := only_child(group for group, _, _ in parts)) is not None:
            region_id = child.id
            parts = [
                part for part in store.star_mix_by_part(ledger, region_id, year or day.year, day) if part[2]
            ]
        scope = chart_data.scope(ledger, region_id)
    items = tuple(GroupStars(group, counts, total) for group, counts, total in parts)
    return StarMix(scope, day, year, items)
