"""The half-year cycle (Tools ▸ New half-year, ``branchdesk-cli halfyear``): a region's half-year summarised
from the stats service and SQL aggregates, frozen into the ledger as the next half-year starts with its key
tasks carried over (edited, dropped, added) — one undoable action."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from branchdesk.domain.branch_rules import check_name_length
from branchdesk.domain.changes import Changed
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.halfyear import HalfYearSummary, MonthFigures, half_months
from branchdesk.domain.months import HalfYear, Month
from branchdesk.domain.workdays import REASON_BLANKS
from branchdesk.services.stats import region_stats
from branchdesk.storage import halfyear as store
from branchdesk.storage import key_tasks as task_store
from branchdesk.storage import stats as stats_store
from branchdesk.storage.history import changed
from branchdesk.storage.ledger import Ledger

# Steps done and steps in all: summarising reports one step per month, then the key tasks.
StepProgress = Callable[[int, int], None]


def _no_progress(_done: int, _total: int) -> None:
    return None


@dataclass(frozen=True)
class PlannedTask:
    """A key task of the next half-year as the clerk left it in the list."""

    name: str
    note: str | None = None


def summarise(
    ledger: Ledger, region_id: int, half: HalfYear, progress: StepProgress = _no_progress
) -> HalfYearSummary:
    """The region's half-year as of its last day (today, while it runs): the stats service's figures then,
    each month's compliance and activities, and the activities of each of its key tasks. ``progress`` hears
    each step (it may raise to stop the work: the window's job runner cancels so)."""
    today = ledger.clock.today()
    if half.first_day > today:
        raise BranchDeskError("halfyear.not_begun", half_year=str(half))
    as_of = min(half.last_day, today)
    last = Month.of(as_of)
    counted = [month for month in half_months(half) if month <= last]
    steps = len(counted) + 2
    with ledger.snapshot():
        progress(0, steps)
        stats = region_stats(ledger, region_id, as_of=as_of, month=last)
        progress(1, steps)
        months = []
        for month in counted:
            if month == last:  # the stats service has counted it already
                compliance, counts = stats.compliance, stats.activities
            else:
                compliance = stats_store.monthly_compliance(ledger, region_id, month, direct=False)
                counts = stats_store.activity_counts(ledger, region_id, month, direct=False)
            months.append(
                MonthFigures(
                    month,
                    compliance,
                    counts.count,
                    counts.themed_days,
                    counts.key_task,
                    counts.volunteer_person_times,
                )
            )
            progress(1 + len(months), steps)
        tasks = store.task_figures(ledger, region_id, half)
        progress(steps, steps)
    return HalfYearSummary(
        region=stats.region.path,
        half=half,
        as_of=as_of,
        frozen_on=today,
        stats=stats.as_json(),
        months=tuple(months),
        tasks=tuple(tasks),
    )


def frozen_summary(ledger: Ledger, region_id: int, half: HalfYear) -> HalfYearSummary | None:
    return store.summary(ledger, region_id, half)


def summary_for_print(
    ledger: Ledger, region_id: int, half: HalfYear, progress: StepProgress = _no_progress
) -> tuple[HalfYearSummary, bool]:
    """The frozen summary of the half-year, or (False) one made now from the ledger as it is."""
    frozen = store.summary(ledger, region_id, half)
    return (frozen, True) if frozen is not None else (summarise(ledger, region_id, half, progress), False)


def planned_tasks(ledger: Ledger, closing: HalfYear) -> list[PlannedTask]:
    """The list the next half-year starts from: its own key tasks when it has some already, else the
    closing half-year's still in use."""
    following = task_store.key_tasks(ledger, closing.next(), include_retired=False)
    source = following or task_store.key_tasks(ledger, closing, include_retired=False)
    return [PlannedTask(task.name, task.note) for task in source]


def _cleaned(tasks: Sequence[PlannedTask]) -> list[PlannedTask]:
    cleaned: list[PlannedTask] = []
    for task in tasks:
        name = task.name.strip(REASON_BLANKS)
        if not name:
            raise BranchDeskError("key_task.name_empty")
        check_name_length(name)
        if any(kept.name == name for kept in cleaned):
            raise BranchDeskError("halfyear.task_twice", name=name)
        cleaned.append(PlannedTask(name, (task.note or "").strip(REASON_BLANKS) or None))
    return cleaned


def start_half_year(
    ledger: Ledger,
    region_id: int,
    closing: HalfYear,
    tasks: Sequence[PlannedTask],
    progress: StepProgress = _no_progress,
) -> Changed:
    """One action: the closing half-year's summary frozen (again, if it was before) and the next
    half-year's key tasks made the list: new names added, notes updated, those left out retired."""
    planned = _cleaned(tasks)
    summary = summarise(ledger, region_id, closing, progress)
    following = closing.next()
    with ledger.operation("halfyear.start") as operation:
        store.keep_summary(ledger, region_id, summary)
        existing = {task.name: task for task in task_store.key_tasks(ledger, following)}
        for task in planned:
            found = existing.get(task.name)
            if found is None:
                task_store.add_key_task(ledger, following, task.name, task.note)
            else:
                task_store.edit_key_task(ledger, found.id, {"note": task.note, "retired": 0})
        for name, found in existing.items():
            if name not in {task.name for task in planned} and not found.retired:
                task_store.edit_key_task(ledger, found.id, {"retired": 1})
    return changed(ledger, operation)
