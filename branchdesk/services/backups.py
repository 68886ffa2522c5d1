"""Backups of a ledger in the user's data folder: taken, listed, rotated, restored.

Each ledger gets a folder of its own (its name plus a short hash of its full path, so two ledgers with the
same name never mix). A backup's file name carries when and why it was taken.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from branchdesk.domain.backups import backups_to_keep
from branchdesk.domain.clock import Clock
from branchdesk.domain.errors import BranchDeskError, os_reason
from branchdesk.storage import backup as backup_store
from branchdesk.storage import media
from branchdesk.storage import photos as photo_store
from branchdesk.storage.ledger import Ledger

AUTO_INTERVAL = dt.timedelta(hours=12)
MEDIA = "photos"  # in a ledger's backup folder: the photos its backups use (storage/media.py's layout)
REASONS = ("auto", "manual", "migration", "before-restore", "damaged")
_NAME = re.compile(r"^(\d{8}-\d{6})-(" + "|".join(REASONS) + r")(?:-\d+)?\.bdesk$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime
    reason: str
    size: int
    counts: tuple[int, int, int] | None  # branches, pairings, activities; None when unreadable


def backup_folder(data_dir: Path, ledger_path: Path) -> Path:
    digest = hashlib.sha1(str(ledger_path.resolve()).encode()).hexdigest()[:8]
    return data_dir / "backups" / f"{ledger_path.stem}-{digest}"


def _target(folder: Path, moment: dt.datetime, reason: str) -> Path:
    stamp = moment.strftime("%Y%m%d-%H%M%S")
    target = folder / f"{stamp}-{reason}.bdesk"
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{stamp}-{reason}-{number}.bdesk"
    return target


def take_backup(
    ledger_path: Path,
    data_dir: Path,
    clock: Clock,
    reason: str,
    *,
    progress: Callable[[int, int], bool] | None = None,
) -> Path:
    """Copy the ledger into its backup folder (consistently, even while it is being written) and rotate."""
    folder = backup_folder(data_dir, ledger_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BranchDeskError("backup.failed", path=str(folder), reason=os_reason(error)) from None
    target = _target(folder, clock.now().replace(tzinfo=None), reason)
    backup_store.copy_database(ledger_path, target, progress=progress)
    _carry_pictures(target, media.media_folder(ledger_path), folder / MEDIA)
    rotate(folder, clock.now().replace(tzinfo=None))
    return target


def _carry_pictures(copy: Path, source: Path, target: Path) -> int:
    """The photos the ledger ``copy`` uses, copied from the store ``source`` to ``target`` where it lacks
    them. The pictures never change (named by their hash), so one store serves every backup of a ledger,
    and each backup copies only the photos added since the last."""
    return media.copy_pictures(source, target, photo_store.pictures_in(copy))


def _parse(path: Path) -> tuple[dt.datetime, str] | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    return dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S"), match.group(2)


def rotate(folder: Path, now: dt.datetime) -> list[Path]:
    """Delete the backups the policy no longer keeps; returns what was deleted."""
    dated = {path: parsed[0] for path in folder.glob("*.bdesk") if (parsed := _parse(path))}
    keep = backups_to_keep(list(dated.values()), now)
    removed = [path for path, moment in dated.items() if moment not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def list_backups(ledger_path: Path, data_dir: Path, clock: Clock) -> list[BackupInfo]:
    """Newest first, with what each holds (opened read-only; a damaged one shows no counts)."""
    folder = backup_folder(data_dir, ledger_path)
    found: list[BackupInfo] = []
    for path in folder.glob("*.bdesk") if folder.is_dir() else []:
        parsed = _parse(path)
        if parsed is None:
            continue
        counts: tuple[int, int, int] | None
        try:
            with Ledger.open(path, clock, read_only=True) as ledger:
                counts = backup_store.content_counts(ledger)
        except BranchDeskError:
            counts = None
        found.append(BackupInfo(path, parsed[0], parsed[1], path.stat().st_size, counts))
    return sorted(found, key=lambda info: (info.taken_at, info.path.name), reverse=True)


def newest_healthy_backup(ledger_path: Path, data_dir: Path, clock: Clock) -> BackupInfo | None:
    """What a damaged ledger is offered: the newest backup that opens and passes SQLite's quick check."""
    for info in list_backups(ledger_path, data_dir, clock):
        if info.counts is not None and backup_store.is_healthy_ledger(info.path):
            return info
    return None


def backup_due(
    ledger: Ledger, data_dir: Path, now: dt.datetime, interval: dt.timedelta = AUTO_INTERVAL
) -> bool:
    """On opening: the newest backup is older than ``interval`` and the ledger changed since it was taken."""
    backups = list_backups(ledger.path, data_dir, ledger.clock)
    if not backups:
        return backup_store.last_operation(ledger) > 0
    newest = backups[0]
    if now.replace(tzinfo=None) - newest.taken_at < interval:
        return False
    try:
        with Ledger.open(newest.path, ledger.clock, read_only=True) as copy:
            return backup_store.last_operation(copy) != backup_store.last_operation(ledger)
    except BranchDeskError:
        return True


def restore_backup(ledger_path: Path, backup_path: Path, data_dir: Path, clock: Clock) -> Path | None:
    """Put a backup in the ledger's place, after backing up the current file; returns that safety copy
    (None when there was no file to keep). The ledger must not be open while this runs."""
    if not backup_path.is_file():
        raise BranchDeskError("ledger.missing", path=str(backup_path))
    if not backup_store.is_healthy_ledger(backup_path):
        raise BranchDeskError("backup.damaged", path=str(backup_path))
    safety: Path | None = None
    if not ledger_path.exists():
        pass
    elif backup_store.is_healthy_ledger(ledger_path):
        safety = take_backup(ledger_path, data_dir, clock, "before-restore")
    else:
        # A damaged ledger is kept byte for byte: SQLite cannot copy what it cannot read.
        folder = backup_folder(data_dir, ledger_path)
        folder.mkdir(parents=True, exist_ok=True)
        safety = _target(folder, clock.now().replace(tzinfo=None), "damaged")
        shutil.copy2(ledger_path, safety)
    backup_store.copy_database(backup_path, ledger_path)
    _carry_pictures(backup_path, backup_path.parent / MEDIA, media.media_folder(ledger_path))
    return safety
