"""What the Word ledger (台账) of a region or a pairing over a range of months holds (DESIGN.md §10):
read in one snapshot, the figures from ``stats`` month by month (never a formula of its own)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from branchdesk.domain.attendance import LATE_ENTRY_DAYS, LATE_ENTRY_SETTING, Attendance, is_recorded_late
from branchdesk.domain.enums import ActivityType, Area, PairingMethod, Tier
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.ledger_book import (
    BookActivity,
    BookBranch,
    BookPairing,
    BookPhoto,
    LedgerBook,
    MonthFigures,
    SigninSheet,
)
from branchdesk.domain.months import Month, last_ended_month, month_range
from branchdesk.domain.photos import ActivityPhoto
from branchdesk.domain.records import Region
from branchdesk.domain.workdays import is_weekday_activity
from branchdesk.services.activities import attendance_of, work_calendar
from branchdesk.services.compliance import overdue_pairings
from branchdesk.services.photos import photos_of
from branchdesk.services.regions import find_region, list_regions
from branchdesk.services.settings import ledger_setting
from branchdesk.services.stats import region_stats
from branchdesk.storage import agreements as agreement_store
from branchdesk.storage import media
from branchdesk.storage import word_ledger as store
from branchdesk.storage.ledger import Ledger

T = TypeVar("T")
Progress = Callable[[int, int], None]  # steps done, steps in all; may raise to cancel

SIGNIN_LINES = 30  # rows of a blank sign-in sheet when the branches' member counts are unknown


def default_range(ledger: Ledger) -> tuple[Month, Month]:
    """The year to the last month that has ended: the ledger an inspection asks for."""
    last = last_ended_month(ledger.clock.today())
    return Month(last.year, 1), last


def find_pairing(ledger: Ledger, text: str) -> int:
    """The pairing ``text`` names: its uuid (as exports write it) or a branch's name; an open pairing wins
    over ended ones of the same branch."""
    found = store.pairings_named(ledger, text.strip())
    if not found:
        raise BranchDeskError("pairing.not_found", query=text)
    open_ones = [row for row in found if row["ended_on"] is None] or found
    if len(open_ones) > 1:
        raise BranchDeskError(
            "pairing.ambiguous",
            query=text,
            candidates="; ".join(f"{row['grassroots']} — {row['organ']}" for row in open_ones),
        )
    return int(open_ones[0]["id"])


def _branch(row: dict[str, Any], side: str) -> BookBranch:
    tier = row[f"{side}_tier"]
    return BookBranch(
        name=row[f"{side}_name"],
        secretary=row[f"{side}_secretary"],
        phone=row[f"{side}_phone"],
        members=row[f"{side}_members"],
        tier=Tier(tier) if tier else None,
    )


def _pairing(row: dict[str, Any]) -> BookPairing:
    return BookPairing(
        id=row["id"],
        grassroots=_branch(row, "g"),
        organ=_branch(row, "o"),
        grassroots_region=row["g_region"],
        method=PairingMethod(row["method"]),
        started_on=dt.date.fromisoformat(row["started_on"]),
        ended_on=dt.date.fromisoformat(row["ended_on"]) if row["ended_on"] else None,
    )


def _activity(
    row: dict[str, Any], pairing: BookPairing, attendance: Attendance | None, late_days: int
) -> BookActivity:
    held_on = dt.date.fromisoformat(row["held_on"])
    entered_on = dt.date.fromisoformat(row["created_at"][:10])
    return BookActivity(
        id=row["id"],
        pairing=pairing,
        held_on=held_on,
        type=ActivityType(row["type"]),
        key_task=row["key_task"],
        areas=tuple(area for area in Area if area.value in (row["areas"] or "").split(",")),
        volunteers=row["volunteers"],
        location=row["location"],
        summary=row["summary"],
        weekday_reason=row["weekday_reason"],
        entered_on=entered_on,
        theme=row["theme"],
        host=row["host"],
        attendance=attendance,
        recorded_late=is_recorded_late(held_on, entered_on, late_days),
    )


_CHUNK = 900  # activity ids per query: under SQLite's oldest limit of 999 parameters


def _chunked(
    read: Callable[[Ledger, list[int]], dict[int, T]], ledger: Ledger, ids: list[int]
) -> dict[int, T]:
    found: dict[int, T] = {}
    for start in range(0, len(ids), _CHUNK):
        found.update(read(ledger, ids[start : start + _CHUNK]))
    return found


def _photo(photo: ActivityPhoto, folder: Path) -> BookPhoto:
    """A photo as the store keeps it, with the place of its print copy in the store ``folder``, or its
    thumbnail when the store lacks the file."""
    if not photo.present:
        return BookPhoto(None, photo.thumbnail or None, photo.caption or "")
    return BookPhoto(
        photo.path, photo.thumbnail or None, photo.caption or "", media.print_path(folder, photo.sha256)
    )


def _region_by_id(ledger: Ledger, region_id: int) -> Region:
    return next(region for region in list_regions(ledger) if region.id == region_id)


def ledger_book(
    ledger: Ledger,
    *,
    region: str | int | None = None,
    pairing: str | int | None = None,
    first: Month | None = None,
    last: Month | None = None,
    progress: Progress | None = None,
) -> LedgerBook:
    """The book of ``region`` (a name, path or code, or an id picked in the window; default the top region)
    or of one ``pairing`` (an id, or its uuid or a branch's name), over ``first``…``last`` (default: this
    year to the last month ended)."""
    default_first, default_last = default_range(ledger)
    first, last = first or default_first, last or default_last
    if first > last:
        raise BranchDeskError("ledger_doc.range_reversed", first=str(first), last=str(last))
    months = month_range(first, last)
    steps = len(months) + 3
    with ledger.snapshot():
        pairing_id = find_pairing(ledger, pairing) if isinstance(pairing, str) else pairing
        scope = _region_by_id(ledger, region) if isinstance(region, int) else find_region(ledger, region)
        rows = store.book_pairings(ledger, scope.id, pairing_id, first.first_day, last.last_day)
        if pairing_id is not None and not rows:
            raise BranchDeskError("ledger_doc.pairing_outside", first=str(first), last=str(last))
        pairings = [_pairing(row) for row in rows]
        by_id = {item.id: item for item in pairings}
        signed = agreement_store.agreements_of(ledger, list(by_id))
        agreements = tuple((item, signed[item.id]) for item in pairings if item.id in signed)
        _advance(progress, 1, steps)
        found = store.book_activities(ledger, list(by_id), first.first_day, last.last_day)
        ids = [row["id"] for row in found]
        attendance = _chunked(attendance_of, ledger, ids)
        photos = _chunked(photos_of, ledger, ids)
        late_days = int(ledger_setting(ledger, LATE_ENTRY_SETTING, LATE_ENTRY_DAYS))
        store_folder = media.media_folder(ledger.path)
        activities = [
            dataclasses.replace(
                _activity(row, by_id[row["pairing_id"]], attendance.get(row["id"]), late_days),
                photos=tuple(_photo(photo, store_folder) for photo in photos.get(row["id"], ())),
            )
            for row in found
        ]
        calendars = {year: work_calendar(ledger, year) for year in range(first.year, last.year + 1)}
        weekday = [
            item
            for item in activities
            if is_weekday_activity(calendars[item.held_on.year], item.held_on, item.type, item.weekday_reason)
        ]
        _advance(progress, 2, steps)
        if pairing_id is not None:
            # A pairing's figures are those of its grassroots branch's region, where stats counts it.
            figures_region = _region_by_id(ledger, rows[0]["g_region_id"])
            scope_text = f"{pairings[0].grassroots.name} — {pairings[0].organ.name}"
        else:
            figures_region, scope_text = scope, scope.path
        overdue = []
        figures = []
        today = ledger.clock.today()
        for step, month in enumerate(months, start=3):
            overdue += [
                (month, item)
                for item in overdue_pairings(ledger, scope.id, month)
                if item.pairing_id in by_id
            ]
            if month.first_day <= today:
                as_of = min(month.last_day, today)
                figures.append(
                    MonthFigures(month, region_stats(ledger, figures_region.id, as_of=as_of, month=month))
                )
            _advance(progress, step, steps)
    return LedgerBook(
        scope=scope_text,
        figures_region=figures_region.path,
        first=first,
        last=last,
        made_on=today,
        pairings=pairings,
        activities=activities,
        overdue=overdue,
        weekday=weekday,
        figures=figures,
        recorded_late=sum(activity.recorded_late for activity in activities),
        agreements=agreements,
    )


def signin_sheet(
    ledger: Ledger, pairing: str | int, *, day: dt.date | None = None, place: str = "", theme: str = ""
) -> SigninSheet:
    """A blank sign-in sheet for ``pairing``'s coming activity: a line for each member of both branches."""
    pairing_id = find_pairing(ledger, pairing) if isinstance(pairing, str) else pairing
    rows = store.book_pairings(ledger, 0, pairing_id, dt.date.min, dt.date.max)
    if not rows:
        raise BranchDeskError("pairing.not_found", query=str(pairing))
    found = _pairing(rows[0])
    members = (found.grassroots.members or 0) + (found.organ.members or 0)
    return SigninSheet(found, day, place, theme, members or SIGNIN_LINES)


def _advance(progress: Progress | None, step: int, steps: int) -> None:
    if progress is not None:
        progress(step, steps)
