"""The offices below a ledger and the keys it trusts (DESIGN.md §9): the roll-up per township or county
(its §3 figures from services/stats, its last package, the key that signed it, up to when its data is
complete, stale when nothing came for N days), and trusting a sender's new key or a successor ledger on
purpose, with a reason kept in the pin history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import Month
from branchdesk.domain.packages import Manifest
from branchdesk.domain.records import Region
from branchdesk.domain.signatures import fingerprint
from branchdesk.domain.stats import LedgerStats
from branchdesk.services.ledger_keys import ledger_key
from branchdesk.services.month_locks import locked_months
from branchdesk.services.regions import list_regions
from branchdesk.services.settings import ledger_setting
from branchdesk.services.stats import region_stats
from branchdesk.storage import identity as identity_store
from branchdesk.storage import offices as office_store
from branchdesk.storage import packages as package_store
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.month_locks import LockedMonth
from branchdesk.storage.offices import PinChange, PinnedKey

# The ledger setting that says after how many days without a package an office is stale.
STALE_DAYS_SETTING = "offices.stale_days"
DEFAULT_STALE_DAYS = 35  # a month's package, and a few days for the post or the next meeting


@dataclass(frozen=True)
class LastPackage:
    package_uuid: str
    kind: str
    received_on: dt.date
    complete_to: dt.date | None  # when the sender made it: its data is complete up to that day
    fingerprint: str
    ledger_id: str
    to_seq: int | None


@dataclass(frozen=True)
class OfficeRow:
    """One office below this ledger: a township of a county, a county of a city."""

    region: Region
    figures: LedgerStats
    last_package: LastPackage | None
    days_since: int | None  # since its last package arrived; None: never
    stale: bool
    # The last package arrived on a day after this computer's today (its clock was set back since): the
    # days count as 0, never negative, and the window says to check the computer's date.
    clock_behind: bool = False


@dataclass(frozen=True)
class OfficeRollup:
    ledger_id: str
    scope: Region | None
    fingerprint: str  # this ledger's own, to read out on the phone
    stale_days: int
    last_sequence: int
    acknowledged_sequence: int
    last_sent: LastPackage | None
    last_received: LastPackage | None
    last_receipt: LastPackage | None  # the newest receipt taken in from the office above
    offices: list[OfficeRow]
    pinned_keys: list[PinnedKey]
    key_history: list[PinChange]
    locked_months: list[LockedMonth]
    region_paths: dict[str, str]  # region uuid → path, for the scopes the keys speak for

    def scope_path(self, scope_uuid: str | None) -> str | None:
        """A scope's path, or its uuid for a region this ledger does not hold."""
        return None if scope_uuid is None else self.region_paths.get(scope_uuid, scope_uuid)

    def as_json(self) -> dict[str, Any]:
        """``package status --json``: keys may be added, never renamed."""
        return {
            "ledger_id": self.ledger_id,
            "scope": None if self.scope is None else _region_json(self.scope),
            "fingerprint": self.fingerprint,
            "stale_days": self.stale_days,
            "sequence": {"last": self.last_sequence, "acknowledged": self.acknowledged_sequence},
            "last_sent": _package_json(self.last_sent),
            "last_received": _package_json(self.last_received),
            "last_receipt": _package_json(self.last_receipt),
            "offices": [
                {
                    "region": _region_json(row.region),
                    "figures": row.figures.as_json(),
                    "last_package": _package_json(row.last_package),
                    "days_since": row.days_since,
                    "stale": row.stale,
                    "clock_behind": row.clock_behind,
                }
                for row in self.offices
            ],
            "pinned_keys": [
                {
                    "ledger_id": key.ledger_id,
                    "fingerprint": key.fingerprint,
                    "scope": self.scope_path(key.scope_uuid),
                    "first_seen": key.first_seen,
                    "successor": key.successor,
                }
                for key in self.pinned_keys
            ],
            "key_history": [
                {
                    "change": change.change,
                    "ledger_id": change.ledger_id,
                    "fingerprint": change.fingerprint,
                    "old_ledger_id": change.old_ledger_id,
                    "old_fingerprint": change.old_fingerprint,
                    "scope": self.scope_path(change.scope_uuid),
                    "package_uuid": change.package_uuid,
                    "reason": change.reason,
                    "decided_by": change.decided_by,
                    "at": change.at,
                }
                for change in self.key_history
            ],
            "locked_months": [
                {"month": lock.month, "region": lock.region_path, "locked_at": lock.locked_at}
                for lock in self.locked_months
            ],
        }


def _region_json(region: Region) -> dict[str, Any]:
    return {"name": region.name, "path": region.path, "code": region.code}


def _package_json(package: LastPackage | None) -> dict[str, Any] | None:
    if package is None:
        return None
    return {
        "package_uuid": package.package_uuid,
        "kind": package.kind,
        "date": package.received_on.isoformat(),
        "complete_to": None if package.complete_to is None else package.complete_to.isoformat(),
        "fingerprint": package.fingerprint,
        "ledger_id": package.ledger_id,
        "to_seq": package.to_seq,
    }


def _date(text: str | None) -> dt.date | None:
    return None if not text else dt.date.fromisoformat(text[:10])


def _last(row: dict[str, Any] | None) -> LastPackage | None:
    if row is None:
        return None
    return LastPackage(
        row["package_uuid"], row["kind"], dt.date.fromisoformat(row["at"][:10]), _date(row["created_at"]),
        row["fingerprint"], row["sender_ledger_id"], row["to_seq"],
    )  # fmt: skip


def stale_days(ledger: Ledger) -> int:
    value = ledger_setting(ledger, STALE_DAYS_SETTING, DEFAULT_STALE_DAYS)
    return value if isinstance(value, int) and value > 0 else DEFAULT_STALE_DAYS


def office_rows(
    ledger: Ledger,
    *,
    as_of: dt.date | None = None,
    month: Month | None = None,
    stale_after: int | None = None,
) -> list[OfficeRow]:
    """Per region directly below this ledger's scope (its townships, or a city's counties): the §3 figures
    as of ``as_of`` for ``month`` (the defaults of ``stats``), its last package applied here, and whether
    it is stale (no package for more than ``stale_after`` days, default the ledger's setting)."""
    scope = identity_store.identity(ledger).scope_region_id
    regions = [region for region in list_regions(ledger) if region.parent_id == scope and scope is not None]
    last = office_store.last_applied_by_scope(ledger)
    today = ledger.clock.today()
    limit = stale_days(ledger) if stale_after is None else stale_after
    rows = []
    for region in regions:
        package = _last(last.get(region.uuid))
        days = None if package is None else (today - package.received_on).days
        rows.append(
            OfficeRow(
                region=region,
                figures=region_stats(ledger, region.id, as_of=as_of, month=month),
                last_package=package,
                days_since=None if days is None else max(days, 0),
                stale=days is None or days > limit,
                clock_behind=days is not None and days < 0,
            )
        )
    return rows


def office_rollup(
    ledger: Ledger, data_dir: Path, *, as_of: dt.date | None = None, month: Month | None = None
) -> OfficeRollup:
    """Everything ``package status`` shows: the offices below, this ledger's place in the chain above
    (what it sent, what was acknowledged) and the keys it trusts, with their history."""
    identity = identity_store.identity(ledger)
    regions = list_regions(ledger)
    scope = next((r for r in regions if r.id == identity.scope_region_id), None)
    return OfficeRollup(
        ledger_id=identity.ledger_id,
        scope=scope,
        fingerprint=fingerprint(ledger_key(data_dir, identity.ledger_id).public_key),
        stale_days=stale_days(ledger),
        last_sequence=package_store.last_sequence(ledger),
        acknowledged_sequence=package_store.acknowledged_sequence(ledger),
        last_sent=_last(office_store.last_line(ledger, "sent", receipts=False)),
        last_received=_last(office_store.last_line(ledger, "received", receipts=False)),
        last_receipt=_last(office_store.last_line(ledger, "received", receipts=True)),
        offices=office_rows(ledger, as_of=as_of, month=month),
        pinned_keys=office_store.pinned_keys(ledger),
        key_history=office_store.pin_history(ledger),
        locked_months=locked_months(ledger),
        region_paths={region.uuid: region.path for region in regions},
    )


def check_sender(ledger: Ledger, manifest: Manifest) -> None:
    """Before a package is taken in: a ledger not trusted yet that claims a scope another ledger speaks
    for here (a re-created township ledger) is refused until it is accepted as the successor."""
    sender = manifest.sender
    if sender.scope is None or office_store.pinned(ledger, sender.ledger_id) is not None:
        return
    owner = office_store.scope_owner(ledger, sender.scope.uuid)
    if owner is not None:
        raise BranchDeskError(
            "package.scope_owned", scope=sender.scope.path, owner=owner.fingerprint, found=sender.fingerprint
        )
