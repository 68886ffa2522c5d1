"""The programme's dates (the 2022 article) and the later events' timeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from branchdesk.services.demo.scales import HUANGCHUAN

SPAN_START = dt.date(2022, 4, 1)
SPAN_END = dt.date(2023, 12, 31)
# A clock before the end of the span squeezes the later events into the days up to its today; it needs
# a few days after the draws (which end on 20 April 2022) for them.
EARLIEST_TODAY = dt.date(2022, 5, 1)
OPTIMISED = (dt.date(2022, 4, 4), dt.date(2022, 4, 20))
ASSIGNED = (dt.date(2022, 4, 6), dt.date(2022, 4, 15))
DRAWN = (dt.date(2022, 4, 6), dt.date(2022, 4, 20))
_AFTER_DRAWS = dt.date(2022, 4, 21)
# 潢川 sent its village work teams off on 11 April (the article); the other counties' draw days are random.
KNOWN_DRAW_DAYS = {HUANGCHUAN: dt.date(2022, 4, 11)}
CHINA = dt.timezone(dt.timedelta(hours=8))

# Optimisation rates of the article: 1083 of 1127 city-level organ branches, 4498 of 4522 county ones.
CITY_OPTIMISED = (1083, 1127)
COUNTY_OPTIMISED = (4498, 4522)


@dataclass(frozen=True)
class Timeline:
    """The dates after the draws, spread over the span up to its (possibly clipped) end."""

    end: dt.date

    def at(self, fraction: float) -> dt.date:
        return _AFTER_DRAWS + dt.timedelta(days=round(fraction * (self.end - _AFTER_DRAWS).days))

    @property
    def mergers(self) -> tuple[dt.date, dt.date]:
        return self.at(0.2), self.at(0.45)

    @property
    def successors(self) -> tuple[dt.date, dt.date]:
        """When the branches that the supplementary draws pair were set up."""
        return self.at(0.25), self.at(0.48)

    @property
    def supplementary_draws(self) -> tuple[dt.date, dt.date]:
        return self.at(0.5), self.at(0.55)

    @property
    def late(self) -> tuple[dt.date, dt.date]:
        return min(self.end, self.at(0.55) + dt.timedelta(days=1)), self.at(0.97)
