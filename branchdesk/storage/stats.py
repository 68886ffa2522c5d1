"""The figures of DESIGN.md §3 as SQL aggregates over indexes (the definitions live in domain.stats).

A branch exists on day D when it was established by D (or on an unknown date) and not archived by D; a
pairing is active on D when it started by D and has not ended before D (``ended_on`` is its last day).
A pairing (and its activities) counts in the regions of its grassroots branch; a node's direct figures
count the pairings of the branches attached to that node itself, on either side (so 市直, the city node's
direct figures, are the pairings of the city-level organ branches).

County-level figures (县级, ``county``) count, below the region, the branches of the county level: organ
branches of county-level units (unit level ``county``: neither the city's own units nor central and
provincial ones, which sit on the city node with 市直), and every grassroots branch (each sits in a township
of a county); and the pairings (with their activities) of those county-level organ branches. For a city,
市直 and 县级 together cover every organ branch attached to the city or a county, and every pairing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from branchdesk.domain.months import Month
from branchdesk.domain.rates import Rate
from branchdesk.domain.stats import ActivityCounts, BranchCounts, TargetCounts
from branchdesk.domain.workdays import REASON_BLANKS
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.regions import scope_sql

EXISTS_ON = (
    "((b.established_on IS NULL OR b.established_on <= :day)"
    " AND (b.archived_on IS NULL OR b.archived_on > :day))"
)

ACTIVE_ON = "(p.started_on <= :day AND (p.ended_on IS NULL OR p.ended_on >= :day))"

# Declared days count as declared; other days are working days from Monday to Friday.
WORKING_DAY = (
    "(CASE h.kind WHEN 'holiday' THEN 0 WHEN 'workday' THEN 1 "
    "ELSE strftime('%w', a.held_on) NOT IN ('0', '6') END)"
)

# The same blanks as domain.workdays.REASON_BLANKS, for SQL's trim().
_BLANKS = "char(" + ", ".join(str(ord(c)) for c in REASON_BLANKS) + ")"
# Routine activities fall under the weekend rule; key-task (emergency) work does not.
ROUTINE = "a.type <> 'key_task'"
NO_WEEKDAY_REASON = f"coalesce(trim(a.weekday_reason, {_BLANKS}), '') = ''"
WEEKDAY_ACTIVITY = f"({ROUTINE} AND {NO_WEEKDAY_REASON} AND {WORKING_DAY})"


def _county_organ(branch: str) -> str:
    return f"EXISTS (SELECT 1 FROM unit u WHERE u.id = {branch}.unit_id AND u.level = 'county')"


def _branches_of_level(county: bool) -> str:
    """A condition on ``b``: every branch, or those of the county level (see the module's text)."""
    return f"(b.kind <> 'organ' OR {_county_organ('b')})" if county else "1"


def _params(region_id: int, **values: Any) -> dict[str, Any]:
    return {"region": region_id, **values}


def branch_figures_sql(direct: bool, county: bool = False) -> str:
    """Branch counts and optimised organs on ``:day`` in the scope of ``:region``, as one row."""
    return f"""
        WITH RECURSIVE {scope_sql(direct)}
        SELECT
            coalesce(sum(b.kind = 'organ' AND {EXISTS_ON}), 0) AS organ,
            coalesce(sum(b.kind <> 'organ' AND {EXISTS_ON}), 0) AS grassroots,
            coalesce(sum(b.archived_on IS NOT NULL AND b.archived_on <= :day), 0) AS archived,
            coalesce(sum(b.kind = 'organ' AND {EXISTS_ON} AND b.optimised_on <= :day), 0) AS optimised
        FROM branch b WHERE b.region_id IN (SELECT id FROM scope) AND {_branches_of_level(county)}
        """


def branch_figures(
    ledger: Ledger, region_id: int, day: dt.date, *, direct: bool, county: bool = False
) -> tuple[BranchCounts, Rate]:
    """Branch counts and the optimisation rate in one pass over the scope's branches."""
    row = ledger.query(branch_figures_sql(direct, county), _params(region_id, day=day.isoformat()))[0]
    counts = BranchCounts(organ=row["organ"], grassroots=row["grassroots"], archived=row["archived"])
    return counts, Rate(row["optimised"], row["organ"])


def coverage_sql(direct: bool, organ_side: bool, county: bool = False) -> str:
    """One side's branches existing on ``:day`` (``total``) and those paired then (``paired``)."""
    side = "b.kind = 'organ'" if organ_side else "b.kind <> 'organ'"
    column = "organ_id" if organ_side else "grassroots_id"
    return f"""
        WITH RECURSIVE {scope_sql(direct)}
        SELECT count(*) AS total,
               coalesce(sum(EXISTS (
                   SELECT 1 FROM pairing p WHERE p.{column} = b.id AND {ACTIVE_ON}
               )), 0) AS paired
        FROM branch b
        WHERE b.region_id IN (SELECT id FROM scope) AND {side} AND {EXISTS_ON}
          AND {_branches_of_level(county)}
        """


def coverage(
    ledger: Ledger, region_id: int, day: dt.date, *, direct: bool, organ_side: bool, county: bool = False
) -> Rate:
    row = ledger.query(coverage_sql(direct, organ_side, county), _params(region_id, day=day.isoformat()))[0]
    return Rate(row["paired"], row["total"])


def pairings_in_scope(direct: bool, county: bool = False) -> str:
    """A condition on ``p`` (pairing), ``g`` (its grassroots branch) and ``o`` (its organ branch)."""
    if direct:
        return "(g.region_id = :region OR o.region_id = :region)"
    if county:
        return f"(g.region_id IN (SELECT id FROM scope) AND {_county_organ('o')})"
    return "g.region_id IN (SELECT id FROM scope)"


# A pairing owes a month (from :first to :last) a themed Party day when it is active for the whole month.
OWES_MONTH = "p.started_on <= :first AND (p.ended_on IS NULL OR p.ended_on >= :last)"

PAIRING_SIDES = "pairing p JOIN branch g ON g.id = p.grassroots_id JOIN branch o ON o.id = p.organ_id"


def monthly_compliance_sql(direct: bool, county: bool = False) -> str:
    """Counted by grassroots branch, so that one in two overlapping pairings counts once (domain.stats)."""
    return f"""
        WITH RECURSIVE {scope_sql(direct)}
        SELECT count(*) AS total, coalesce(sum(themed), 0) AS compliant FROM (
            SELECT max(EXISTS (
                       SELECT 1 FROM activity a WHERE a.pairing_id = p.id AND a.type = 'themed_day'
                       AND a.held_on BETWEEN :first AND :last
                   )) AS themed
            FROM {PAIRING_SIDES}
            WHERE {pairings_in_scope(direct, county)} AND {OWES_MONTH}
            GROUP BY p.grassroots_id
        )
        """


def monthly_compliance(
    ledger: Ledger, region_id: int, month: Month, *, direct: bool, county: bool = False
) -> Rate:
    row = ledger.query(monthly_compliance_sql(direct, county), _month_params(region_id, month))[0]
    return Rate(row["compliant"], row["total"])


def _month_params(region_id: int, month: Month) -> dict[str, Any]:
    return _params(region_id, first=month.first_day.isoformat(), last=month.last_day.isoformat())


_ATTENDED = "a.expected IS NOT NULL AND a.present IS NOT NULL"


def activity_counts_sql(direct: bool, county: bool = False) -> str:
    """The month's (``:first`` to ``:last``) activity figures in the scope of ``:region``, as one row."""
    return f"""
        WITH RECURSIVE {scope_sql(direct)}
        SELECT count(*) AS count,
               coalesce(sum(a.type = 'themed_day'), 0) AS themed_days,
               coalesce(sum(a.type = 'key_task'), 0) AS key_task,
               coalesce(sum(a.volunteers), 0) AS volunteers,
               coalesce(sum({WEEKDAY_ACTIVITY}), 0) AS weekday,
               coalesce(sum(CASE WHEN {_ATTENDED} THEN a.present END), 0) AS present,
               coalesce(sum(CASE WHEN {_ATTENDED} THEN a.expected END), 0) AS expected
        FROM activity a
        LEFT JOIN holiday h ON h.day = a.held_on
        -- The unary + keeps the planner on the month's range of activity_month, which covers the query;
        -- the scope's pairings are collected once into a list.
        WHERE a.held_on BETWEEN :first AND :last AND +a.pairing_id IN (
            SELECT p.id FROM {PAIRING_SIDES} WHERE {pairings_in_scope(direct, county)}
        )
        """


def activity_counts(
    ledger: Ledger, region_id: int, month: Month, *, direct: bool, county: bool = False
) -> ActivityCounts:
    row = ledger.query(activity_counts_sql(direct, county), _month_params(region_id, month))[0]
    return ActivityCounts(
        month=month,
        count=row["count"],
        themed_days=row["themed_days"],
        key_task=row["key_task"],
        volunteer_person_times=row["volunteers"],
        weekday=row["weekday"],
        attendance=Rate(row["present"], row["expected"]),
    )


# A target's progress that counts on :day: its latest entry recorded by then, the last entered of that day
# (domain/agreements.py), a seek to the end of the target's range of target_progress_target.
LATEST_VALUE = (
    "(SELECT v.value FROM target_progress v WHERE v.target_id = t.id AND v.recorded_on <= :day"
    " ORDER BY v.recorded_on DESC, v.id DESC LIMIT 1)"
)
# Whether target ``t`` is reached on :day (domain/agreements.py): its latest progress at least its number.
REACHED = f"coalesce({LATEST_VALUE} >= t.number, 0)"
# Joined to pairing ``p``: the numeric targets ``t`` of its agreement ``x``, when signed by :day.
NUMERIC_TARGETS = (
    "JOIN agreement x ON x.pairing_id = p.id AND x.signed_on <= :day"
    " JOIN agreement_target t ON t.agreement_id = x.id AND t.number IS NOT NULL"
)


def target_counts_sql(direct: bool, county: bool = False) -> str:
    return f"""
        WITH RECURSIVE {scope_sql(direct)}
        SELECT count(*) AS count, coalesce(sum(reached), 0) AS reached,
               coalesce(sum(NOT reached AND due_on < :day), 0) AS overdue
        FROM (
            SELECT t.due_on, {REACHED} AS reached
            FROM {PAIRING_SIDES} {NUMERIC_TARGETS}
            WHERE {pairings_in_scope(direct, county)}
        )
        """


def target_counts(
    ledger: Ledger, region_id: int, day: dt.date, *, direct: bool, county: bool = False
) -> TargetCounts:
    """The numeric targets of the agreements signed by ``day`` of the region's pairings (domain.stats)."""
    row = ledger.query(target_counts_sql(direct, county), _params(region_id, day=day.isoformat()))[0]
    return TargetCounts(count=row["count"], reached=row["reached"], overdue=row["overdue"])
