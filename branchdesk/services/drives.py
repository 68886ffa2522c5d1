"""Where a ledger lives: a network share or a removable drive deserves a warning.

SQLite's locking is not reliable over network file systems, and a USB stick pulled out during a save (or a
share that drops) can cost the action in flight or worse. Detection is Windows-only (``GetDriveTypeW`` and
UNC paths), where BranchDesk's users are; elsewhere every path counts as local.
"""

from __future__ import annotations

import enum
import ntpath
import sys
from collections.abc import Callable
from pathlib import PurePath

# GetDriveTypeW's answers that matter here (winbase.h).
DRIVE_REMOVABLE = 2
DRIVE_REMOTE = 4

DriveTypeQuery = Callable[[str], int]


class DriveKind(enum.Enum):
    LOCAL = "local"
    NETWORK = "network"
    REMOVABLE = "removable"


def windows_drive_type(root: str) -> int:
    """``GetDriveTypeW`` for a root such as ``C:\\``."""
    import ctypes

    windll = getattr(ctypes, "windll")  # noqa: B009 (only on Windows, where mypy's stubs are not looking)
    return int(windll.kernel32.GetDriveTypeW(root))


def drive_kind(
    path: PurePath, drive_type: DriveTypeQuery | None = None, *, windows: bool | None = None
) -> DriveKind:
    """The kind of drive ``path`` is on. ``drive_type`` and ``windows`` stand in for the system in tests."""
    windows = sys.platform == "win32" if windows is None else windows
    if not windows:
        return DriveKind.LOCAL
    text = str(path)
    if text.startswith(("\\\\", "//")):  # \\server\share\…: a network path, mapped or not
        return DriveKind.NETWORK
    drive, _ = ntpath.splitdrive(text)
    if not drive:
        return DriveKind.LOCAL
    answer = (drive_type or windows_drive_type)(drive + "\\")
    if answer == DRIVE_REMOTE:
        return DriveKind.NETWORK
    if answer == DRIVE_REMOVABLE:
        return DriveKind.REMOVABLE
    return DriveKind.LOCAL
