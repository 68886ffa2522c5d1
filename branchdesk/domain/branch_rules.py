"""The rules a branch must meet, wherever it comes from: the dialog, an edit in the table, a paste, an import.

Rules that need the ledger (a duplicate name, the region's level, the unit) are checked by the service with
the facts it looked up, passed in here as plain values, so every entry path refuses the same things with the
same messages.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from branchdesk.domain.enums import BranchKind, RegionLevel, Tier
from branchdesk.domain.errors import BranchDeskError, FieldProblem

# Blanks a Chinese keyboard produces, the ideographic space included.
BLANKS = " \t\r\n\u3000"
# The longest name of a branch, region, unit or key task, in characters: the longest official names are
# about 40; anything longer is a pasted paragraph, which no table, picker or report can show.
NAME_LIMIT = 100

# 138 0013 8000, +86 13800138000, 138-0013-8000
_MOBILE = re.compile(r"(?:\+?86)?1[3-9]\d{9}")
# 0376-6221234, (0376)6221234, 037662212345, with an optional extension -123
_LANDLINE = re.compile(r"0\d{2,3}\d{7,8}(?:\d{1,5})?")
_PHONE_NOISE = re.compile(r"[\s\-()（）\u3000]")


@dataclass(frozen=True)
class BranchDraft:
    """A branch as the user entered it, before it is saved."""

    name: str
    kind: BranchKind
    region_id: int | None
    unit_id: int | None = None
    community_id: int | None = None
    tier: Tier | None = None
    secretary: str | None = None
    phone: str | None = None
    member_count: int | None = None
    optimised_on: dt.date | None = None
    established_on: dt.date | None = None
    note: str | None = None

    def cleaned(self) -> BranchDraft:
        """Blanks trimmed (ideographic spaces too), empty texts as None, the phone's separators kept."""
        return replace(
            self,
            name=self.name.strip(BLANKS),
            secretary=_text(self.secretary),
            phone=_text(self.phone),
            note=_text(self.note),
        )


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    stripped = value.strip(BLANKS)
    return stripped or None


@dataclass(frozen=True)
class BranchTies:
    """What a saved branch's pairings and grids require of an edit (domain.rules): the side it was paired
    on (None: never paired), its first pairing's start and its ended pairings' last day, and the township
    of the grids of a community."""

    paired_organ_side: bool | None = None
    first_paired_on: dt.date | None = None
    last_pairing_end: dt.date | None = None
    grid_township: int | None = None


@dataclass(frozen=True)
class BranchFacts:
    """What the ledger says about a draft's references, looked up by the service."""

    region_level: RegionLevel | None = None  # None: no such region
    unit_exists: bool = False
    community_is_community: bool = False  # community_id names a community branch
    duplicate_name: bool = False  # another branch of the same region has this name
    ties: BranchTies = BranchTies()  # a saved branch's pairings and grids


def name_too_long(name: str, field: str = "name") -> FieldProblem | None:
    """The one rule on the length of a name (branch, region, unit, key task), for every door."""
    length = len(name.strip(BLANKS))
    if length <= NAME_LIMIT:
        return None
    return FieldProblem(field, "name.too_long", {"length": length, "limit": NAME_LIMIT})


def check_name_length(name: str) -> None:
    """Refuse a name over the limit, with the message the dialogs show."""
    problem = name_too_long(name)
    if problem is not None:
        raise BranchDeskError(problem.code, **problem.params)


def is_valid_phone(phone: str) -> bool:
    digits = _PHONE_NOISE.sub("", phone)
    return bool(_MOBILE.fullmatch(digits) or _LANDLINE.fullmatch(digits))


def check_branch(draft: BranchDraft, facts: BranchFacts, today: dt.date) -> list[FieldProblem]:
    """Every rule ``draft`` breaks (empty when it may be saved)."""
    problems: list[FieldProblem] = []
    too_long = name_too_long(draft.name)
    if not draft.name.strip(BLANKS):
        problems.append(FieldProblem("name", "branch.name_required"))
    elif too_long is not None:
        problems.append(too_long)
    elif facts.duplicate_name:
        problems.append(FieldProblem("name", "branch.duplicate_name", {"name": draft.name.strip(BLANKS)}))
    problems.extend(_check_place(draft, facts))
    if draft.phone is not None and draft.phone.strip(BLANKS) and not is_valid_phone(draft.phone):
        problems.append(FieldProblem("phone", "branch.bad_phone", {"phone": draft.phone}))
    if draft.member_count is not None and draft.member_count < 0:
        problems.append(FieldProblem("member_count", "branch.negative_members"))
    if draft.optimised_on is not None and draft.kind is not BranchKind.ORGAN:
        problems.append(FieldProblem("optimised_on", "branch.optimised_not_organ"))
    for name, day in (("optimised_on", draft.optimised_on), ("established_on", draft.established_on)):
        if day is not None and day > today:
            problems.append(FieldProblem(name, "branch.date_in_future", {"date": day.isoformat()}))
    return problems + _check_ties(draft, facts.ties)


def _check_ties(draft: BranchDraft, ties: BranchTies) -> list[FieldProblem]:
    """What the branch's pairings and grids keep an edit from changing (domain.rules.Rule)."""
    problems = []
    established, first_paired = draft.established_on, ties.first_paired_on
    if established is not None and first_paired is not None and established > first_paired:
        # PAIRING_OUTSIDE_LIFE: its pairings lie within its life.
        problems.append(
            FieldProblem(
                "established_on", "branch.established_after_pairing", {"date": first_paired.isoformat()}
            )
        )
    if ties.paired_organ_side is not None and ties.paired_organ_side != (draft.kind is BranchKind.ORGAN):
        # PAIRING_SIDES: a branch paired as an organ branch stays one, a grassroots branch grassroots.
        problems.append(FieldProblem("kind", "branch.kind_keeps_side"))
    if ties.grid_township is not None and (
        draft.kind is not BranchKind.COMMUNITY or draft.region_id != ties.grid_township
    ):
        # GRID_COMMUNITY: a community with grids stays a community of their township.
        field = "kind" if draft.kind is not BranchKind.COMMUNITY else "region_id"
        problems.append(FieldProblem(field, "branch.community_keeps_grids"))
    return problems


def _check_place(draft: BranchDraft, facts: BranchFacts) -> list[FieldProblem]:
    """Where a branch sits: organs belong to a unit; villages and communities to a township; grids to a
    community (DESIGN.md §1)."""
    if draft.kind is BranchKind.GRID and (draft.community_id is None or not facts.community_is_community):
        # A grid's region is its community's: without a community there is no region to speak of.
        return [FieldProblem("community_id", "branch.community_required")]
    if draft.region_id is None or facts.region_level is None:
        return [FieldProblem("region_id", "branch.region_required")]
    problems = []
    if draft.kind is BranchKind.ORGAN:
        if draft.unit_id is None or not facts.unit_exists:
            problems.append(FieldProblem("unit_id", "branch.unit_required"))
    elif facts.region_level is not RegionLevel.TOWNSHIP:
        problems.append(FieldProblem("region_id", "branch.township_required"))
    return problems
