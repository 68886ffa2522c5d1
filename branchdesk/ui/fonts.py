"""Chinese text without boxes: Microsoft YaHei where Windows has it, else the bundled Noto Sans SC."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from branchdesk.resources import bundled_font

PREFERRED_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei")


def choose_ui_family() -> str:
    """The family the window uses; registers the bundled font only when no preferred one is installed."""
    installed = set(QFontDatabase.families())
    for family in PREFERRED_FAMILIES:
        if family in installed:
            return family
    return load_font(bundled_font())


def load_font(path: Path) -> str:
    """Register a font file with Qt and return its family. Qt reads the file itself where it can (a third of
    the time: it reads only what it needs of 8 MB); on Windows addApplicationFont(path) fails (-1) for an
    install folder whose path has Chinese characters, so the file is then read by Python and handed over."""
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(path.read_bytes()))
    if font_id < 0:
        raise ValueError(f"{path} is not a font Qt can load")
    return QFontDatabase.applicationFontFamilies(font_id)[0]


def apply_ui_font(app: QApplication) -> str:
    family = choose_ui_family()
    font = QFont(family)
    font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
    app.setFont(font)
    return family
