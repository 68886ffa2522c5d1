"""SQL of locked months (schema.py migration 7, domain/month_locks.py): the open locks, where a change
counts, and the check every logged write passes (Ledger.log_change), so that one rule holds on every path
— dialogs, table edits, spreadsheet imports, undo and packages."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from branchdesk.domain.month_locks import months_touched

if TYPE_CHECKING:
    from branchdesk.storage.ledger import Ledger

# The tables whose logged changes are checked against the locks.
CHECKED_TABLES = frozenset(
    {"activity", "activity_area", "activity_absentee", "photo", "pairing", "branch", "team_days"}
)
# Rows that belong to an activity (its areas, absentees and photos): locked with the activity, as it stands.
_OF_ACTIVITY = frozenset({"activity_area", "activity_absentee", "photo"})


@dataclass(frozen=True)
class LockedMonth:
    id: int
    uuid: str
    month: str  # "2022-04"
    region_id: int
    region_path: str
    locked_at: str
    unlocked_at: str | None = None
    unlock_reason: str | None = None


class _Regions:
    """The region tree as ids, parents and names (a ledger holds a few hundred regions at most); this module
    is below storage/regions.py, which needs the Ledger this module's check is part of."""

    def __init__(self, ledger: Ledger) -> None:
        rows = ledger.query("SELECT id, parent_id, name FROM region")
        self._parents: dict[int, int | None] = {row["id"]: row["parent_id"] for row in rows}
        self._names: dict[int, str] = {row["id"]: row["name"] for row in rows}

    def with_ancestors(self, region_id: int) -> list[int]:
        """``region_id`` and its ancestors, up to the top."""
        found: list[int] = []
        current: int | None = region_id
        while current is not None and current in self._parents and current not in found:
            found.append(current)
            current = self._parents[current]
        return found

    def path(self, region_id: int) -> str:
        return "/".join(self._names[found] for found in reversed(self.with_ancestors(region_id)))


def month_locks(ledger: Ledger, *, with_unlocked: bool = False) -> list[LockedMonth]:
    """The open locks, newest month first; with ``with_unlocked`` the unlocked ones too (the history)."""
    if ledger.scalar("SELECT 1 FROM sqlite_master WHERE name = 'month_lock'") is None:
        return []  # a file of an older schema, written by a test that builds one
    where = "" if with_unlocked else "WHERE unlocked_at IS NULL"
    rows = ledger.query(f"SELECT * FROM month_lock {where} ORDER BY month DESC, id")
    regions = _Regions(ledger) if rows else None
    return [
        LockedMonth(
            row["id"],
            row["uuid"],
            row["month"],
            row["region_id"],
            regions.path(row["region_id"]) if regions else "",
            row["created_at"],
            row["unlocked_at"],
            row["unlock_reason"],
        )
        for row in rows
    ]


class MonthLocks:
    """The open locks of a ledger, read once, and whether a change falls in one of them.

    Rows may be given as this ledger stores them (``pairing_id``) or as a package carries them
    (``pairing_uuid``). A change counts in the region of its row (§3: a pairing and its activities in their
    grassroots branch's region, a branch in its own); a lock of a region covers its subtree. A row whose
    region this ledger cannot tell (its pairing arrives in the same package) counts as locked by any lock
    of its month: a lock is never passed over because a reference is new.
    """

    def __init__(self, ledger: Ledger, *, logged: bool = True) -> None:
        """``logged``: asked about every logged change of one operation in its order, as the change log's
        check is (Ledger.log_changes); False for an import deciding lines before it writes them."""
        self._ledger = ledger
        self._logged = logged
        self._locks: dict[str, list[LockedMonth]] = {}
        for lock in month_locks(ledger):
            self._locks.setdefault(lock.month, []).append(lock)
        self._regions: _Regions | None = None
        # With ``logged``, what the check of an activity's rows needs, kept for the operation rather than
        # read for each row (a package import logs hundreds of thousands of areas): per activity (by id),
        # its month and pairing when it is held in a locked month, else None, as the changes asked about
        # left it (every write of an activity is logged, so asked about, in order) or as the file held it
        # when first asked; and the region of each pairing asked about, until a pairing or branch changes.
        self._activities: dict[int, Mapping[str, Any] | None] = {}
        self._pairing_regions: dict[int, int] = {}

    def __bool__(self) -> bool:
        return bool(self._locks)

    def locked_change(
        self,
        table: str,
        before: Mapping[str, Any] | None,
        after: Mapping[str, Any] | None,
        *,
        region_id: int | None = None,
    ) -> LockedMonth | None:
        """The lock a change of a ``table`` row falls in, or None; ``region_id``: where the row counts, when
        the caller knows it better than this ledger (a row new in the same package)."""
        if not self._locks or table not in CHECKED_TABLES:
            return None
        row = after if after is not None else before
        if row is None:
            return None
        if self._logged:
            if table == "activity":
                self._note_activity(before, after)
            elif table in ("pairing", "branch"):
                self._pairing_regions.clear()
        if table in _OF_ACTIVITY:
            activity = self._activity(row)
            if activity is None:
                return None
            table, before, after, row = "activity", activity, activity, activity
        months = months_touched(table, before, after)
        if not any(month in self._locks for month in months):
            return None
        return self.lock_of(months, region_id if region_id is not None else self._region(table, row))

    @property
    def months(self) -> Collection[str]:
        """The months with an open lock."""
        return self._locks.keys()

    def lock_of(self, months: Iterable[str], region_id: int | None) -> LockedMonth | None:
        """The first open lock of ``months`` covering ``region_id``, or None; a region not known (None) is
        covered by any lock of those months. From memory: an import asks it of each new row of a batch."""
        locks = [lock for month in sorted(months) for lock in self._locks.get(month, [])]
        if not locks:
            return None
        if region_id is None:
            return locks[0]
        if self._regions is None:
            self._regions = _Regions(self._ledger)
        regions = set(self._regions.with_ancestors(region_id))
        return next((lock for lock in locks if lock.region_id in regions), None)

    def _reference(self, table: str, row: Mapping[str, Any], column: str) -> int | None:
        """The id a row's reference ``column`` (``x_id``) names, also from its package form ``x_uuid``."""
        value = row.get(column)
        if isinstance(value, int):
            return value
        uuid = row.get(column.removesuffix("_id") + "_uuid")
        if not isinstance(uuid, str):
            return None
        found = self._ledger.scalar(f"SELECT id FROM {table} WHERE uuid = ?", (uuid,))
        return None if found is None else int(found)

    def _activity(self, link: Mapping[str, Any]) -> Mapping[str, Any] | None:
        activity_id = self._reference("activity", link, "activity_id")
        if activity_id is None:
            return None
        if not self._logged:
            return self._ledger.row("activity", activity_id)
        if activity_id not in self._activities:
            self._keep_activity(activity_id, self._ledger.row("activity", activity_id))
        return self._activities[activity_id]  # None: in no locked month (or gone)

    def _note_activity(self, before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> None:
        """An activity's change (rows as stored, with their id; deleted: ``after`` None)."""
        row = after if after is not None else before
        if row is not None and isinstance(row.get("id"), int):
            self._keep_activity(row["id"], after)

    def _keep_activity(self, activity_id: int, row: Mapping[str, Any] | None) -> None:
        held = None if row is None else row.get("held_on")
        in_lock = row is not None and isinstance(held, str) and held[:7] in self._locks
        self._activities[activity_id] = (
            {"held_on": held, "pairing_id": row.get("pairing_id")} if row is not None and in_lock else None
        )

    def _region(self, table: str, row: Mapping[str, Any]) -> int | None:
        if table == "branch":
            return self._reference("region", row, "region_id")
        if table == "team_days":  # in the region of the member's team's branch
            member_id = self._reference("team_member", row, "member_id")
            found = self._ledger.scalar(
                "SELECT b.region_id FROM team_member m JOIN work_team t ON t.id = m.team_id"
                " JOIN branch b ON b.id = t.branch_id WHERE m.id = ?",
                (member_id,),
            )
            return None if found is None else int(found)
        if table == "activity":
            pairing_id = self._reference("pairing", row, "pairing_id")
            if pairing_id is None:
                return None
            if pairing_id in self._pairing_regions:
                return self._pairing_regions[pairing_id]
            pairing = self._ledger.row("pairing", pairing_id)
            region = None if pairing is None else self._region("pairing", pairing)
            if self._logged and region is not None:
                self._pairing_regions[pairing_id] = region
            return region
        grassroots = self._reference("branch", row, "grassroots_id")
        found = self._ledger.scalar("SELECT region_id FROM branch WHERE id = ?", (grassroots,))
        return None if found is None else int(found)


def open_lock(ledger: Ledger, month: str, region_id: int) -> int | None:
    """The id of the open lock of ``month`` for exactly ``region_id``, or None."""
    found = ledger.scalar(
        "SELECT id FROM month_lock WHERE month = ? AND region_id = ? AND unlocked_at IS NULL",
        (month, region_id),
    )
    return None if found is None else int(found)


def add_lock(ledger: Ledger, month: str, region_id: int) -> int:
    return ledger.insert("month_lock", {"month": month, "region_id": region_id})


def unlock(ledger: Ledger, lock_id: int, reason: str) -> None:
    ledger.update("month_lock", lock_id, {"unlocked_at": ledger.now(), "unlock_reason": reason})
