"""The demo's star ratings (五星支部): each grassroots branch rated at the end of 2022 and of 2023 (when the
span reaches the rating days) by the county's year-end review, a few not yet through it. Stars follow the
tier (a strong branch mostly four or five stars, a weak one one to three), and a year of pairing lifts some
branches a star.

A random sequence of its own (from the seed), so that adding ratings leaves every other demo row as it was.
"""

from __future__ import annotations

import datetime as dt
import random

from branchdesk.domain.enums import Tier
from branchdesk.services.demo.common import random_uuid
from branchdesk.services.demo.model import Branch
from branchdesk.storage import bulk

# The review's days of each year (年终考评), and the stars each tier mostly gets, with their weights.
_REVIEW = {2022: (dt.date(2022, 12, 12), 14), 2023: (dt.date(2023, 12, 11), 14)}
_WEIGHTS: dict[Tier | None, tuple[int, ...]] = {
    Tier.STRONG: (0, 1, 4, 10, 6),
    Tier.AVERAGE: (1, 4, 10, 5, 1),
    Tier.WEAK: (5, 9, 5, 1, 0),
    None: (2, 5, 6, 3, 1),
}
# The share of branches a year of pairing lifts by one star, and of those whose review is not yet through.
_LIFTED = 0.3
_PENDING = 0.04


def star_ratings(seed: int, branches: list[Branch], span_end: dt.date) -> list[bulk.StarRatingRow]:
    rng = random.Random(f"{seed}-stars")
    rows: list[bulk.StarRatingRow] = []
    last: dict[int, int] = {}
    for year, (first_day, days) in _REVIEW.items():
        for branch in branches:
            rated_on = first_day + dt.timedelta(days=rng.randrange(days))
            if not branch.kind.is_grassroots or rated_on > span_end or branch.established_on > rated_on:
                continue
            if branch.archived_on is not None and branch.archived_on <= rated_on:
                continue
            if rng.random() < _PENDING:
                continue
            before = last.get(branch.id)
            if before is None:
                stars = rng.choices(range(1, 6), _WEIGHTS[branch.tier])[0]
            else:
                stars = min(5, before + (rng.random() < _LIFTED))
            last[branch.id] = stars
            row_id = len(rows) + 1
            rows.append((row_id, random_uuid(rng), branch.id, year, stars, rated_on.isoformat()))
    return rows
