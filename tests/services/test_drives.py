"""Network and removable drives are recognised (Windows' answer stood in for on other systems)."""

from __future__ import annotations

from pathlib import PureWindowsPath

import pytest

from branchdesk.services.drives import DRIVE_REMOTE, DRIVE_REMOVABLE, DriveKind, drive_kind

FIXED = 3


class Answers:
    """Windows' GetDriveTypeW, as a table; remembers what it was asked."""

    def __init__(self, kinds: dict[str, int]) -> None:
        self.kinds = kinds
        self.asked: list[str] = []

    def __call__(self, root: str) -> int:
        self.asked.append(root)
        return self.kinds[root]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (r"C:\Users\张三\Documents\台账.bdesk", DriveKind.LOCAL),
        (r"Z:\乡镇组织办\台账.bdesk", DriveKind.NETWORK),
        (r"E:\备份 U盘\台账.bdesk", DriveKind.REMOVABLE),
        (r"\\fileserver\组织办\台账.bdesk", DriveKind.NETWORK),
        ("//fileserver/share/台账.bdesk", DriveKind.NETWORK),
    ],
)
def test_windows_drives(path: str, expected: DriveKind) -> None:
    query = Answers({"C:\\": FIXED, "Z:\\": DRIVE_REMOTE, "E:\\": DRIVE_REMOVABLE})
    assert drive_kind(PureWindowsPath(path), query, windows=True) == expected


def test_the_drive_root_is_what_windows_is_asked_about() -> None:
    query = Answers({"Z:\\": DRIVE_REMOTE})
    drive_kind(PureWindowsPath(r"Z:\a\b.bdesk"), query, windows=True)
    assert query.asked == ["Z:\\"]


def test_elsewhere_every_path_is_local() -> None:
    def never(root: str) -> int:
        raise AssertionError("only Windows is asked")

    assert drive_kind(PureWindowsPath(r"\\server\share\a.bdesk"), never, windows=False) == DriveKind.LOCAL
