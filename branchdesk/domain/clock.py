"""Time comes from an injectable clock so that nothing depends on today's date in tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current moment, timezone-aware."""
        ...

    def today(self) -> dt.date:
        """The local calendar date."""
        ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now().astimezone()

    def today(self) -> dt.date:
        return dt.date.today()


@dataclass
class FixedClock:
    """A clock that says what it is told; tests advance it by hand."""

    moment: dt.datetime

    @classmethod
    def on(cls, day: dt.date | str) -> FixedClock:
        date = dt.date.fromisoformat(day) if isinstance(day, str) else day
        return cls(
            dt.datetime(date.year, date.month, date.day, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
        )

    def now(self) -> dt.datetime:
        return self.moment

    def today(self) -> dt.date:
        return self.moment.date()


def timestamp(clock: Clock) -> str:
    """Row timestamps: ISO 8601 in UTC with seconds, sortable as text."""
    return clock.now().astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
