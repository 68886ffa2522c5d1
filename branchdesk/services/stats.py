"""The ledger's headline figures (DESIGN.md §3) for a region, a date and a month."""

from __future__ import annotations

import dataclasses
import datetime as dt

from branchdesk.domain.enums import RegionLevel
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import Month, last_ended_month
from branchdesk.domain.records import Region
from branchdesk.domain.stats import LedgerStats, Level
from branchdesk.services.regions import find_region, list_regions
from branchdesk.services.teams import team_figures
from branchdesk.storage import holidays as holiday_store
from branchdesk.storage import plan_items as item_store
from branchdesk.storage import stats as stats_store
from branchdesk.storage.ledger import Ledger


def ledger_stats(
    ledger: Ledger,
    region: str | None = None,
    *,
    as_of: dt.date | None = None,
    month: Month | None = None,
    direct: bool = False,
    level: Level | None = None,
    levels: bool = False,
) -> LedgerStats:
    """Figures for the region a user named (default: the top region); ``level`` keeps to one level of
    branches below it; ``levels`` adds a city's 市直 and 县级 figures."""
    found = find_region(ledger, region)
    return _stats(ledger, found, as_of=as_of, month=month, direct=direct, level=level, levels=levels)


def region_stats(
    ledger: Ledger,
    region_id: int,
    *,
    as_of: dt.date | None = None,
    month: Month | None = None,
    direct: bool = False,
    levels: bool = False,
) -> LedgerStats:
    """Figures for a region picked in the window."""
    found = next((region for region in list_regions(ledger) if region.id == region_id), None)
    if found is None:
        raise BranchDeskError("region.not_found", query=str(region_id))
    return _stats(ledger, found, as_of=as_of, month=month, direct=direct, level=None, levels=levels)


def _stats(
    ledger: Ledger,
    region: Region,
    *,
    as_of: dt.date | None,
    month: Month | None,
    direct: bool,
    level: Level | None,
    levels: bool,
) -> LedgerStats:
    """As of ``as_of`` (default today); activities of ``month`` (default: the last month ended by then)."""
    day = as_of or ledger.clock.today()
    chosen_month = month or last_ended_month(day)
    county = level is Level.COUNTY
    # One read transaction: the figures describe one state of the file.
    with ledger.snapshot():
        stats = _figures(ledger, region, day, chosen_month, direct=direct, county=county)
        if levels and region.level is RegionLevel.CITY:
            own = _figures(ledger, region, day, chosen_month, direct=True, county=False)
            below = _figures(ledger, region, day, chosen_month, direct=False, county=True)
            return dataclasses.replace(stats, levels=(own, dataclasses.replace(below, level=Level.COUNTY)))
    return dataclasses.replace(stats, level=level)


def _figures(
    ledger: Ledger, region: Region, day: dt.date, month: Month, *, direct: bool, county: bool
) -> LedgerStats:
    branches, optimisation = stats_store.branch_figures(ledger, region.id, day, direct=direct, county=county)
    grassroots = stats_store.coverage(ledger, region.id, day, direct=direct, organ_side=False, county=county)
    organ = stats_store.coverage(ledger, region.id, day, direct=direct, organ_side=True, county=county)
    compliance = stats_store.monthly_compliance(ledger, region.id, month, direct=direct, county=county)
    activities = stats_store.activity_counts(ledger, region.id, month, direct=direct, county=county)
    covered = set(holiday_store.covered_years(ledger))
    teams = team_figures(ledger, region.id, month, direct=direct)
    return LedgerStats(
        region=region,
        as_of=day,
        month=month,
        branches=branches,
        grassroots_coverage=grassroots,
        organ_coverage=organ,
        optimisation=optimisation,
        compliance=compliance,
        activities=activities,
        years_without_holiday_data=() if month.year in covered else (month.year,),
        targets=stats_store.target_counts(ledger, region.id, day, direct=direct, county=county),
        teams=teams,
        items=item_store.item_counts(ledger, region.id, day, direct=direct, county=county),
    )
