"""Pairing agreements (结对共建协议, DESIGN.md §11): signed on a day, a liaison on each side, targets with a
number, a unit and a due date, dated progress entries per target, and review notes.

One definition of a target reached, used by ``stats --json`` (``targets``), the chart and the printouts:
a numeric target is *reached* on day D when its latest progress entry recorded on or before D (the one
entered last, among several of one day) has a value at least the target's number. Progress entries are
running totals ("已完成 2 件"), not increments. A target without a number (a qualitative one) is never
counted among the targets of the figures. A target is *overdue* on D when it is due before D and not
reached by D. Progress beyond the number is allowed and shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from branchdesk.domain.branch_rules import is_valid_phone
from branchdesk.domain.errors import FieldProblem, InvalidRecordError

# 罗山县's agreements asked for at least two "hard" (numeric) targets: fewer is a warning, not a refusal.
MIN_NUMERIC_TARGETS = 2


class TargetStatus(StrEnum):
    """Where a target stands on a day, as the dialog and the printouts say it."""

    NO_NUMBER = "no_number"  # a qualitative target: not counted
    BEYOND = "beyond"  # reached, past its number
    REACHED = "reached"
    OVERDUE = "overdue"
    UNDER_WAY = "under_way"


@dataclass(frozen=True)
class Progress:
    recorded_on: dt.date
    value: float | None
    note: str = ""
    id: int | None = None  # None: not saved yet


@dataclass(frozen=True)
class Target:
    name: str
    number: float | None
    unit: str
    due_on: dt.date
    progress: tuple[Progress, ...] = ()
    id: int | None = None

    def latest(self, day: dt.date | None = None) -> Progress | None:
        """The progress entry that counts on ``day`` (None: every one): the latest recorded, the last
        entered among one day's (entries are kept in the order they were entered)."""
        counted = [entry for entry in self.progress if day is None or entry.recorded_on <= day]
        return max(reversed(counted), key=lambda entry: entry.recorded_on, default=None)

    def reached(self, day: dt.date | None = None) -> bool:
        """Reached by ``day`` (the module's definition); a target without a number never is."""
        latest = self.latest(day)
        if self.number is None or latest is None or latest.value is None:
            return False
        return latest.value >= self.number

    def beyond(self, day: dt.date | None = None) -> bool:
        """Progress past the target's number by ``day``: allowed, and shown."""
        latest = self.latest(day)
        return bool(
            self.number is not None and latest and latest.value is not None and latest.value > self.number
        )

    def status(self, day: dt.date) -> TargetStatus:
        if self.number is None:
            return TargetStatus.NO_NUMBER
        if self.reached(day):
            return TargetStatus.BEYOND if self.beyond(day) else TargetStatus.REACHED
        return TargetStatus.OVERDUE if self.overdue(day) else TargetStatus.UNDER_WAY

    def overdue(self, day: dt.date) -> bool:
        """A numeric target due before ``day`` and not reached by ``day``."""
        return self.number is not None and self.due_on < day and not self.reached(day)


@dataclass(frozen=True)
class Agreement:
    signed_on: dt.date
    organ_liaison: str = ""
    organ_phone: str = ""
    grassroots_liaison: str = ""
    grassroots_phone: str = ""
    review: str = ""
    targets: tuple[Target, ...] = ()
    id: int | None = None
    pairing_id: int | None = None

    @property
    def numeric_targets(self) -> int:
        return sum(1 for target in self.targets if target.number is not None)

    @property
    def few_targets(self) -> bool:
        """Fewer numeric targets than the programme asks for: the dialog warns, and saves on a yes."""
        return self.numeric_targets < MIN_NUMERIC_TARGETS


def target_problems(signed_on: dt.date, targets: Sequence[Target], today: dt.date) -> list[FieldProblem]:
    """Each target's broken rules, its field named ``targets.N.column`` (N from 0), so a dialog can mark
    its cell. The rule of every door (the dialog, packages, the schema's triggers, Check database): no
    target is due before the agreement was signed."""
    problems = []
    for number, target in enumerate(targets):
        name, count, due, progress = (
            f"targets.{number}.{column}" for column in ("name", "number", "due_on", "progress")
        )
        about = {"target": target.name}
        if not target.name.strip():
            problems.append(FieldProblem(name, "agreement.target_name_empty", {"row": number + 1}))
        if target.number is not None and target.number <= 0:
            problems.append(FieldProblem(count, "agreement.target_number", about))
        if target.due_on < signed_on:
            dates = {"due": target.due_on.isoformat(), "signed": signed_on.isoformat()}
            problems.append(FieldProblem(due, "agreement.target_before_signing", {**about, **dates}))
        for entry in target.progress:
            if entry.value is not None and entry.value < 0:
                problems.append(FieldProblem(progress, "agreement.progress_negative", about))
            if entry.recorded_on > today:
                dates = {"recorded": entry.recorded_on.isoformat(), "today": today.isoformat()}
                problems.append(FieldProblem(progress, "agreement.progress_in_future", {**about, **dates}))
    return problems


def check_agreement(agreement: Agreement, today: dt.date) -> None:
    """Refuse an agreement breaking a rule, naming every field concerned (the first one's message)."""
    problems = []
    if agreement.signed_on > today:
        problems.append(
            FieldProblem(
                "signed_on",
                "agreement.signed_in_future",
                {"signed": agreement.signed_on.isoformat(), "today": today.isoformat()},
            )
        )
    for side in ("organ_phone", "grassroots_phone"):
        phone = getattr(agreement, side).strip()
        if phone and not is_valid_phone(phone):
            problems.append(FieldProblem(side, "agreement.phone", {"phone": phone}))
    problems += target_problems(agreement.signed_on, agreement.targets, today)
    if problems:
        raise InvalidRecordError(problems)
