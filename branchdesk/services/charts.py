"""The figures behind the Coverage and Activity frequency charts (DESIGN.md §3, §5), for a region and a
period; each call reads one state of the file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from branchdesk.domain.chart_data import (
    PAIRING_ROWS_LIMIT,
    PAIRING_ROWS_MAX,
    AreaCounts,
    Group,
    GroupKind,
    GroupRate,
    MonthlyActivity,
    MonthSpan,
    OrganFigures,
    RateBreakdown,
    Scope,
    ThemedDayGrid,
    TierMatrix,
    WeekdayShare,
)
from branchdesk.domain.months import Month, last_ended_month
from branchdesk.domain.rates import Rate
from branchdesk.storage import chart_data as store
from branchdesk.storage import holidays as holiday_store
from branchdesk.storage.ledger import Ledger

# The frequency charts' default span: up to two years, ending with the last month that has ended.
DEFAULT_MONTHS = 24


def only_child(groups: Iterable[Group]) -> Group | None:
    """The one part of a region that holds everything in it (a city with one county, a county ledger of a
    township office): its chart would be a single bar, so the chart shows that part's own parts instead."""
    found = list(groups)
    return found[0] if len(found) == 1 and found[0].kind is GroupKind.REGION else None


PartRates = Callable[[Ledger, int, dt.date], list[tuple[Group, Rate]]]


def _rates_by_part(ledger: Ledger, region_id: int, day: dt.date, by_part: PartRates) -> RateBreakdown:
    """A rate as of ``day`` for the region and each region below it (below its only child, when it has
    one)."""
    with ledger.snapshot():
        parts = by_part(ledger, region_id, day)
        while (child := only_child(group for group, _ in parts)) is not None:
            region_id = child.id
            parts = by_part(ledger, region_id, day)
        scope = store.scope(ledger, region_id)
    items = tuple(GroupRate(group, rate) for group, rate in parts)
    return RateBreakdown(scope, day, _sum(item.rate for item in items), items)


def grassroots_coverage(ledger: Ledger, region_id: int, day: dt.date) -> RateBreakdown:
    """Coverage of grassroots branches as of ``day``, by part."""
    return _rates_by_part(ledger, region_id, day, store.grassroots_coverage_by_part)


def targets_reached(ledger: Ledger, region_id: int, day: dt.date) -> RateBreakdown:
    """Agreement targets reached as of ``day`` (storage.stats.target_counts' definition), by part."""
    return _rates_by_part(ledger, region_id, day, store.targets_reached_by_part)


def _organ_parts(
    ledger: Ledger, region_id: int, day: dt.date
) -> tuple[Scope, list[OrganFigures], Rate, Rate]:
    """Organ figures per region below (with the region's own organs, 市直 for the city), or per unit when
    all the region's organs are its own (a county's), with the totals of coverage and optimisation; below
    the region's only child with organ branches, when it has one."""
    with ledger.snapshot():
        parts = [part for part in store.organ_figures_by_part(ledger, region_id, day) if part.total]
        while (child := only_child(part.group for part in parts)) is not None:
            region_id = child.id
            parts = [part for part in store.organ_figures_by_part(ledger, region_id, day) if part.total]
        if all(part.group.kind is GroupKind.OWN for part in parts):
            parts = store.organ_figures_by_unit(ledger, region_id, day)
        scope = store.scope(ledger, region_id)
    coverage = Rate(sum(p.paired for p in parts), sum(p.total for p in parts))
    optimisation = Rate(sum(p.optimised for p in parts), sum(p.total for p in parts))
    return scope, parts, coverage, optimisation


def organ_coverage(ledger: Ledger, region_id: int, day: dt.date) -> RateBreakdown:
    """Coverage of the organ side as of ``day``: organ branches with an active pairing."""
    scope, parts, coverage, _ = _organ_parts(ledger, region_id, day)
    items = tuple(GroupRate(p.group, Rate(p.paired, p.total)) for p in parts)
    return RateBreakdown(scope, day, coverage, items)


def optimisation(ledger: Ledger, region_id: int, day: dt.date) -> RateBreakdown:
    """The optimisation rate as of ``day``: organ branches optimised by then."""
    scope, parts, _, optimised = _organ_parts(ledger, region_id, day)
    items = tuple(GroupRate(p.group, Rate(p.optimised, p.total)) for p in parts)
    return RateBreakdown(scope, day, optimised, items)


def tier_matrix(ledger: Ledger, region_id: int, day: dt.date) -> TierMatrix:
    with ledger.snapshot():
        return store.tier_matrix(ledger, region_id, day)


def _sum(rates: Iterable[Rate]) -> Rate:
    found = list(rates)
    return Rate(sum(r.count for r in found), sum(r.total for r in found))


def default_span(ledger: Ledger) -> MonthSpan:
    """Up to DEFAULT_MONTHS months ending with the last ended month, or with the last month that has
    activities when the ledger's activities end earlier (an old ledger, or the demo)."""
    last = last_ended_month(ledger.clock.today())
    with ledger.snapshot():
        found = store.activity_months(ledger)
    if found is not None and found[0] <= last:
        first_held, last_held = found
        last = min(last, last_held)
        return MonthSpan(max(first_held, _months_before(last, DEFAULT_MONTHS - 1)), last)
    return MonthSpan(_months_before(last, DEFAULT_MONTHS - 1), last)


def _months_before(month: Month, count: int) -> Month:
    for _ in range(count):
        month = month.previous()
    return month


def monthly_activity(ledger: Ledger, region_id: int, span: MonthSpan) -> MonthlyActivity:
    with ledger.snapshot():
        return store.monthly_activity(ledger, region_id, span.clamped())


def area_counts(ledger: Ledger, region_id: int, span: MonthSpan) -> AreaCounts:
    with ledger.snapshot():
        return store.area_counts(ledger, region_id, span.clamped())


def weekday_share(ledger: Ledger, region_id: int, span: MonthSpan) -> WeekdayShare:
    span = span.clamped()
    with ledger.snapshot():
        months = store.weekday_by_month(ledger, region_id, span)
        covered = set(holiday_store.covered_years(ledger))
        scope = store.scope(ledger, region_id)
    years = sorted({month.year for month in span.months} - covered)
    return WeekdayShare(scope, span, tuple(months), tuple(years))


def themed_day_grid(ledger: Ledger, region_id: int, span: MonthSpan) -> ThemedDayGrid:
    """One row per pairing when they are few (or the region has nothing below it to sum by), else one
    row per region below; the region's monthly compliance in either case."""
    span = span.clamped()
    with ledger.snapshot():
        scope = store.scope(ledger, region_id)
        groups = store.compliance_by_part(ledger, region_id, span)
        pairings = store.pairings_in_span(ledger, region_id, span)
        below = any(group.group.kind is GroupKind.REGION for group in groups)
        rows = (
            store.pairing_months(ledger, region_id, span, PAIRING_ROWS_LIMIT)
            if pairings <= PAIRING_ROWS_MAX or not below
            else []
        )
    return ThemedDayGrid(scope, span, pairings, tuple(groups), tuple(rows))
