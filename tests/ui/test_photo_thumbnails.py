"""The photo list's thumbnails keep each photo's shape (seen in a screenshot of the activity dialog): a wide
photo beside an upright one is shown whole, whichever comes last. The list gives every cell the size of
one item's, so an upright photo last made each cell as narrow as it and cut the sides off the wide ones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from branchdesk.ui.dialogs.activity import ActivityDialog
from branchdesk.ui.main_window import MainWindow
from tests.photo_files import write_jpeg
from tests.ui.test_activity_photos import edited, opened, photo_rows, recorded_with_photos, town

__all__ = ["town"]  # the fixture: a new ledger with 城关镇's three pairings

# The thumbnails' box in the list is 160 × 120 (ui/dialogs/activity_photos.py): a 4:3 photo fills it, an
# upright 3:4 one is as high and 90 wide.
WIDE, UPRIGHT = 160, 90


def painted_width(shown: QImage, cell: QRect) -> int:
    """How wide the picture drawn in ``cell`` is: its leftmost to its rightmost pixel unlike the list's
    background, over a few rows through the middle of the thumbnail."""
    background = QColor(shown.pixel(cell.left() + 1, cell.top() + 1))

    def unlike(x: int, y: int) -> bool:
        colour = QColor(shown.pixel(x, y))
        return (
            max(
                abs(colour.red() - background.red()),
                abs(colour.green() - background.green()),
                abs(colour.blue() - background.blue()),
            )
            > 12
        )

    widest = 0
    for y in range(cell.top() + 30, cell.top() + 100, 10):
        xs = [x for x in range(cell.left(), cell.right() + 1) if unlike(x, y)]
        if xs:
            widest = max(widest, xs[-1] - xs[0] + 1)
    return widest


def thumbnail_widths(dialog: ActivityDialog) -> list[int]:
    view = dialog.photos.list
    shown = view.viewport().grab().toImage()
    return [painted_width(shown, view.visualItemRect(view.item(row))) for row in range(view.count())]


def test_a_wide_photo_is_shown_whole_beside_an_upright_one(
    make_window: Callable[..., MainWindow], town: tuple[Path, dict[str, int]], tmp_path: Path, qtbot: QtBot
) -> None:
    path, _pairings = town
    folder = tmp_path / "手机 照片"
    files = [
        write_jpeg(folder / "合影.jpg", 1, taken="2022:05:14 09:30:00"),
        write_jpeg(folder / "走访.jpg", 2, taken="2022:05:14 10:30:00", orientation=6),  # held upright
    ]
    _window, tab = opened(make_window, path)
    recorded_with_photos(tab, "城关1村", files, qtbot)
    assert len(photo_rows(path)) == 2
    # Opened again from the list, as a clerk checks what was saved.
    dialog = edited(tab)
    assert thumbnail_widths(dialog) == [WIDE, UPRIGHT]
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
