"""Who came to an activity (DESIGN.md §10): expected, present, the absentees with their reasons and the
make-up session (补课) held for them; and when an entry counts as written up late (补录).

One set of rules for every way an activity enters the ledger (the dialog, a spreadsheet, a package), so the
file never holds an attendance the dialog would refuse.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from branchdesk.domain.errors import BranchDeskError

# An activity entered more than this many days after it was held is marked "recorded late" (补录), unless
# the ledger's setting LATE_ENTRY_SETTING says another number.
LATE_ENTRY_DAYS = 30
LATE_ENTRY_SETTING = "late_entry_days"


@dataclass(frozen=True)
class Absentee:
    name: str
    reason: str


@dataclass(frozen=True)
class Attendance:
    """Expected (应到) and present (实到) Party members; the absentees, when named, are all of them."""

    expected: int
    present: int
    absentees: tuple[Absentee, ...] = ()
    make_up_on: dt.date | None = None  # the make-up session for the absentees

    @property
    def absent(self) -> int:
        return self.expected - self.present


def check_attendance(attendance: Attendance, held_on: dt.date) -> None:
    """Refuse an attendance that cannot be right, with the first reason a clerk can act on."""
    if attendance.expected < 1:
        raise BranchDeskError("attendance.expected", expected=attendance.expected)
    if attendance.present < 0 or attendance.present > attendance.expected:
        raise BranchDeskError(
            "attendance.present_over_expected", present=attendance.present, expected=attendance.expected
        )
    for absentee in attendance.absentees:
        if not absentee.name.strip():
            raise BranchDeskError("attendance.absentee_name")
        if not absentee.reason.strip():
            raise BranchDeskError("attendance.absentee_reason", name=absentee.name)
    # Names are optional (a count may be all the clerk has); named, they are every absentee.
    if attendance.absentees and len(attendance.absentees) != attendance.absent:
        raise BranchDeskError(
            "attendance.absentees_count", named=len(attendance.absentees), absent=attendance.absent
        )
    if attendance.make_up_on is not None:
        if attendance.absent == 0:
            raise BranchDeskError("attendance.make_up_without_absent")
        if attendance.make_up_on < held_on:
            raise BranchDeskError(
                "attendance.make_up_before",
                date=attendance.make_up_on.isoformat(),
                held=held_on.isoformat(),
            )


def is_recorded_late(held_on: dt.date, entered_on: dt.date, days: int = LATE_ENTRY_DAYS) -> bool:
    """Entered more than ``days`` days after it was held (补录)."""
    return (entered_on - held_on).days > days


# -- absentees in one spreadsheet cell: "张三：病假；李四：外出务工" --------------------------------------

_BETWEEN = re.compile(r"[;；\n]+")


def absentees_text(absentees: tuple[Absentee, ...]) -> str:
    return "；".join(f"{a.name}：{a.reason}" for a in absentees)


def parse_absentees(text: str) -> tuple[Absentee, ...]:
    """The absentees of a cell as :func:`absentees_text` writes it, a colon either width; a missing
    reason is left empty, which :func:`check_attendance` then names."""
    found = []
    for part in _BETWEEN.split(text):
        name, _, reason = part.replace("：", ":").partition(":")
        if name.strip() or reason.strip():
            found.append(Absentee(name.strip(), reason.strip()))
    return tuple(found)
