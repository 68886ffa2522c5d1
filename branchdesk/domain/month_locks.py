"""Which months a change to the programme's records falls in, for locked months (DESIGN.md §9: once a
county has reported a month upward it locks it, and a later change to that month needs an unlock with a
reason). Pure: the locks and the regions are read in storage/month_locks.py.

A change falls in a month when it changes what the month's figures (§3) were built from:
- an activity (and its areas) belongs to the month it was held in, before and after the change: any change
  to an activity of a locked month, or moving one into it, changes that month's activity figures;
- a work team member's days of a month belong to that month, as activities do;
- a pairing or a branch counts in a month through its dates (started/ended, established/archived,
  optimised): a change that sets, changes or clears such a date inside the month. Editing a branch's
  secretary or phone changes no reported figure and is never locked.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Each table's dates that place its rows in months.
DATED_COLUMNS: dict[str, tuple[str, ...]] = {
    "activity": ("held_on",),
    "pairing": ("started_on", "ended_on"),
    "branch": ("established_on", "archived_on", "optimised_on"),
    "team_days": ("month",),  # a work team member's days of a month ("2022-05")
}
# Tables whose every change belongs to its rows' months, not only a change of the dates.
_WHOLE_ROW = frozenset({"activity", "team_days"})


def months_touched(table: str, before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> set[str]:
    """The months ("2022-04") a change of a ``table`` row from ``before`` to ``after`` (None: absent) falls
    in; empty for a table without dates."""
    months: set[str] = set()
    for column in DATED_COLUMNS.get(table, ()):
        old = None if before is None else before.get(column)
        new = None if after is None else after.get(column)
        if old == new and table not in _WHOLE_ROW and before is not None and after is not None:
            continue
        months.update(str(value)[:7] for value in (old, new) if isinstance(value, str) and value)
    return months
