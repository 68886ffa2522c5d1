"""Monthly compliance pairing by pairing (the "1"), and key tasks covered per half-year (the "N")."""

from __future__ import annotations

from collections.abc import Sequence

from branchdesk.domain.activities import ActivityFilter
from branchdesk.domain.compliance import KeyTaskCoverage, OverduePairing, PairingMonths
from branchdesk.domain.enums import ActivityType
from branchdesk.domain.months import HalfYear, Month
from branchdesk.domain.photos import Evidence
from branchdesk.domain.rates import Rate
from branchdesk.services.regions import find_region
from branchdesk.storage import compliance as store
from branchdesk.storage import photos as photo_store
from branchdesk.storage import stats as stats_store
from branchdesk.storage.ledger import Ledger

ROWS_LIMIT = 2000  # rows of the month-by-month and key-task views; a county has far fewer pairings


def overdue_pairings(
    ledger: Ledger, region_id: int, month: Month, *, direct: bool = False
) -> list[OverduePairing]:
    return store.overdue_pairings(ledger, region_id, month, direct=direct)


def overdue_in(ledger: Ledger, region: str | None, month: Month) -> tuple[str, list[OverduePairing]]:
    """For the CLI: the region a user named (default: the top region), its path and its overdue pairings."""
    found = find_region(ledger, region)
    return found.path, store.overdue_pairings(ledger, found.id, month)


def pairing_months(ledger: Ledger, region_id: int, months: list[Month]) -> list[PairingMonths]:
    return store.pairing_months(ledger, region_id, months, limit=ROWS_LIMIT)


def key_task_coverage(ledger: Ledger, region_id: int, half_year: HalfYear) -> list[KeyTaskCoverage]:
    return store.key_task_coverage(ledger, region_id, half_year, limit=ROWS_LIMIT)


def evidence_complete(ledger: Ledger, region_id: int, month: Month) -> Rate:
    """The month's themed Party days of the region with their evidence complete (photos and attendance)."""
    flt = ActivityFilter(
        region_id=region_id, first_month=month, last_month=month, activity_type=ActivityType.THEMED_DAY
    )
    return Rate(*photo_store.evidence_count(ledger, flt))


def evidence_by_pairing(ledger: Ledger, pairing_ids: Sequence[int], month: Month) -> dict[int, Evidence]:
    return photo_store.evidence_by_pairing(ledger, pairing_ids, month)


def compliance(ledger: Ledger, region_id: int, month: Month) -> Rate:
    """The month's compliance rate as ``stats`` reports it; ``total - count`` pairings are overdue."""
    return stats_store.monthly_compliance(ledger, region_id, month, direct=False)
