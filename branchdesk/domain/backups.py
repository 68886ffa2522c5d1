"""Which backups to keep: the recent ones, then one a day, one a week and one a month (like Anki's)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

KEEP_RECENT = 10
KEEP_DAYS = 7
KEEP_WEEKS = 8
KEEP_MONTHS = 12


def backups_to_keep(taken: Sequence[dt.datetime], now: dt.datetime) -> set[dt.datetime]:
    """The times (of ``taken``) whose backups stay; the newest of each day, week and month is the one kept."""
    keep: set[dt.datetime] = set()
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    months: set[tuple[int, int]] = set()
    for index, moment in enumerate(sorted(taken, reverse=True)):
        age = now - moment
        day = moment.date()
        iso = day.isocalendar()
        week = (iso.year, iso.week)
        month = (day.year, day.month)
        if index < KEEP_RECENT:
            keep.add(moment)
        if age <= dt.timedelta(days=KEEP_DAYS) and day not in days:
            keep.add(moment)
        if age <= dt.timedelta(weeks=KEEP_WEEKS) and week not in weeks:
            keep.add(moment)
        if age <= dt.timedelta(days=31 * KEEP_MONTHS) and month not in months:
            keep.add(moment)
        days.add(day)
        weeks.add(week)
        months.add(month)
    return keep
