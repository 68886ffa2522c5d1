"""The ledger's headline figures (DESIGN.md §3) for a region, a date and a month."""

from __future__ import annotations

import datetime as dt

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import Month, last_ended_month
from branchdesk.domain.records import Region
from branchdesk.domain.stats import LedgerStats
from branchdesk.services.regions import find_region, list_regions
from branchdesk.storage import holidays as holiday_store
from branchdesk.storage import stats as stats_store
from branchdesk.storage.ledger import Ledger


def ledger_stats(
    ledger: Ledger,
    region: str | None = None,
    *,
    as_of: dt.date | None = None,
    month: Month | None = None,
    direct: bool = False,
) -> LedgerStats:
    """Figures for the region a user named (default: the top region)."""
    return _stats(ledger, find_region(ledger, region), as_of=as_of, month=month, direct=direct)


def region_stats(
    ledger: Ledger,
    region_id: int,
    *,
    as_of: dt.date | None = None,
    month: Month | None = None,
    direct: bool = False,
) -> LedgerStats:
    """Figures for a region picked in the window."""
    found = next((region for region in list_regions(ledger) if region.id == region_id), None)
    if found is None:
        raise BranchDeskError("region.not_found", query=str(region_id))
    return _stats(ledger, found, as_of=as_of, month=month, direct=direct)


def _stats(
    ledger: Ledger, region: Region, *, as_of: dt.date | None, month: Month | None, direct: bool
) -> LedgerStats:
    """As of ``as_of`` (default today); activities of ``month`` (default: the last month ended by then)."""
    day = as_of or ledger.clock.today()
    chosen_month = month or last_ended_month(day)
    # One read transaction: the figures describe one state of the file.
    with ledger.snapshot():
        branches, optimisation = stats_store.branch_figures(ledger, region.id, day, direct=direct)
        grassroots = stats_store.coverage(ledger, region.id, day, direct=direct, organ_side=False)
        organ = stats_store.coverage(ledger, region.id, day, direct=direct, organ_side=True)
        compliance = stats_store.monthly_compliance(ledger, region.id, chosen_month, direct=direct)
        activities = stats_store.activity_counts(ledger, region.id, chosen_month, direct=direct)
        covered = set(holiday_store.covered_years(ledger))
    return LedgerStats(
        region=region,
        as_of=day,
        month=chosen_month,
        branches=branches,
        grassroots_coverage=grassroots,
        organ_coverage=organ,
        optimisation=optimisation,
        compliance=compliance,
        activities=activities,
        years_without_holiday_data=() if chosen_month.year in covered else (chosen_month.year,),
    )
