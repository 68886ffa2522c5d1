"""The rotation policy: recent backups, then the newest of each day, week and month."""

from __future__ import annotations

import datetime as dt

from branchdesk.domain.backups import KEEP_RECENT, backups_to_keep

NOW = dt.datetime(2026, 11, 29, 12, 0)


def test_keeps_every_recent_one() -> None:
    taken = [NOW - dt.timedelta(minutes=m) for m in range(KEEP_RECENT)]
    assert backups_to_keep(taken, NOW) == set(taken)


def test_older_ones_thin_out_to_one_a_day_week_and_month() -> None:
    # Four backups a day for a year.
    taken = [NOW - dt.timedelta(hours=6 * i) for i in range(4 * 365)]
    keep = backups_to_keep(taken, NOW)
    last_week = [t for t in keep if NOW - t <= dt.timedelta(days=7)]
    days_covered = {t.date() for t in last_week}
    assert len(days_covered) >= 7
    older = sorted(t for t in keep if NOW - t > dt.timedelta(weeks=8))
    months = {(t.year, t.month) for t in older}
    assert len(older) == len(months), "beyond eight weeks, at most one a month"
    assert len(keep) < 45
    # Within each kept day, the one kept is the day's newest.
    for day in days_covered - {NOW.date()}:
        newest_that_day = max(t for t in taken if t.date() == day)
        assert newest_that_day in keep


def test_nothing_older_than_a_year_is_kept_unless_recent() -> None:
    old = [NOW - dt.timedelta(days=500 + i) for i in range(3)]
    assert backups_to_keep(old, NOW) == set(old)  # still among the ten most recent
    many_recent = [NOW - dt.timedelta(minutes=i) for i in range(KEEP_RECENT)]
    assert backups_to_keep(many_recent + old, NOW) == set(many_recent)
