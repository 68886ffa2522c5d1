"""The ledger's own rules: one list, each with a code whose Chinese reason is in the message catalogue.

Every door that writes (dialog, cell edit, paste, import, undo/redo, CLI) refuses what breaks a rule, and
``check`` (storage.check) has one query per rule that names every row breaking it, so a ledger written by
any other program is judged by the same list. Where each rule is enforced:

- branches (name, place, unit, community, tier, dates): domain.branch_rules.check_branch, for the dialog,
  cell edits, paste and import alike;
- activities (dates within the pairing and not after today, the key task's half-year, the attendance):
  domain.activities.check_draft, for the dialog, bulk entry, copying and import;
- pairings (sides, dates, lives, overlap): services.pairings (dialogs, draw, CLI) and the import with the
  predicates below, and the schema itself (partial unique indexes, triggers) for any writer;
- what branches' ties require (a paired branch keeps its side, a community its grids, an archiving date
  its pairings): domain.branch_rules with the ties storage looks up;
- pairing agreements (a target due before the signing): domain.agreements.check_agreement for the dialog,
  and the schema's triggers for every writer (packages, undo, another program);
- the three lists (a title, dates in order, done with a day and a note, a project's need and resource of
  its own pairing, nothing dated after today): domain.plan_items, for the dialog, the CLI and import, and
  the schema's CHECK constraints for the rest;
- known values: the schema's CHECK constraints, and the enums that every door reads values through;
- undo and redo put back, in order, states those doors let through; what another program changed in
  between, the schema refuses (an overlap: a clear message, nothing changed) or check names.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from branchdesk.domain.errors import BranchDeskError


class Rule(StrEnum):
    """Each value is the message code of the rule's reason (i18n/messages.py)."""

    # A pairing links an organ branch with a grassroots branch (a trigger holds it too).
    PAIRING_SIDES = "rule.pairing_sides"
    # One-to-one over time: no two pairings of one branch share a day, ended ones included (a trigger too).
    PAIRING_OVERLAP = "rule.pairing_overlap"
    # A pairing lies within both branches' lives: not before one was established, not past its archiving.
    PAIRING_OUTSIDE_LIFE = "rule.pairing_outside_life"
    # Pairings start and end today or earlier.
    PAIRING_IN_FUTURE = "rule.pairing_in_future"
    # An activity lies within its pairing's dates.
    ACTIVITY_OUTSIDE_PAIRING = "rule.activity_outside_pairing"
    # An activity is recorded once held: not after today.
    ACTIVITY_IN_FUTURE = "rule.activity_in_future"
    # An activity's attendance adds up (domain.attendance.check_attendance): present within expected, the
    # absentees named all or none, a make-up session only for absentees and not before the activity.
    ATTENDANCE = "rule.attendance"
    # A key task belongs to the half-year its activities were held in.
    KEY_TASK_HALF_YEAR = "rule.key_task_half_year"
    # A pairing agreement's target is due on or after the agreement's signing (triggers hold it too).
    TARGET_BEFORE_SIGNING = "rule.target_before_signing"
    # An agreement is signed, and its progress recorded, today or earlier.
    AGREEMENT_IN_FUTURE = "rule.agreement_in_future"
    # A work team is sent to a grassroots branch (a trigger holds it too).
    TEAM_GRASSROOTS = "rule.team_grassroots"
    # A person (by phone number) serves on one work team at a time (an index and triggers hold it too).
    TEAM_MEMBER_OVERLAP = "rule.team_member_overlap"
    # A member serves within the team's dates.
    TEAM_MEMBER_OUTSIDE_TEAM = "rule.team_member_outside_team"
    # A member's days are entered only within their service.
    TEAM_DAYS_OUTSIDE_MEMBER = "rule.team_days_outside_member"
    # A name is unique among the active branches of one region.
    DUPLICATE_NAME = "rule.duplicate_name"
    # Villages, communities and grids sit in a township.
    GRASSROOTS_TOWNSHIP = "rule.grassroots_township"
    # A grid names a community branch of its own township.
    GRID_COMMUNITY = "rule.grid_community"
    # An organ branch belongs to a unit (and only organ branches do).
    ORGAN_UNIT = "rule.organ_unit"
    # A star rating is of a grassroots branch, given in its year or later, not after today.
    STAR_RATING = "rule.star_rating"
    # A half-year's summary is frozen once it has begun, not after today.
    HALFYEAR_SUMMARY = "rule.halfyear_summary"
    # A project's need is a need and its resource a resource, both of the project's own pairing.
    PLAN_ITEM_LINKS = "rule.plan_item_links"
    # An item of the three lists is opened, and done, today or earlier.
    PLAN_ITEM_IN_FUTURE = "rule.plan_item_in_future"
    # Kinds, tiers, levels, methods, types and areas are values the programme knows.
    KNOWN_VALUES = "rule.known_values"


# The open end of a pairing without an end date, for comparing spans.
_OPEN = dt.date.max


def overlaps(
    started: dt.date, ended: dt.date | None, other_started: dt.date, other_ended: dt.date | None
) -> bool:
    """Two pairings share a day (``ended`` is a pairing's last day; None: still running)."""
    return started <= (other_ended or _OPEN) and other_started <= (ended or _OPEN)


def outside_life(
    started: dt.date, ended: dt.date | None, established: dt.date | None, archived: dt.date | None
) -> bool:
    """A pairing outside a branch's life: it starts before the branch was established, or still runs (or
    ends) after the branch was archived. The archiving day may be the pairing's last day: a branch merged
    on 1 May ends its pairing that day."""
    if established is not None and started < established:
        return True
    return archived is not None and (ended or _OPEN) > archived


def overlap_error(name: str, started: str, ended: str | None, **where: str) -> BranchDeskError:
    """The refusal of a pairing that would share a day with ``name``'s pairing from ``started`` to ``ended``
    (None: still running); ``where`` names the import field it concerns."""
    if ended is None:
        return BranchDeskError("pairing.overlap_open", name=name, started=started, **where)
    return BranchDeskError("pairing.overlap", name=name, started=started, ended=ended, **where)
