"""``QT_TRANSLATE_NOOP`` with a precise type: lupdate finds strings by this name; mypy sees ``str``."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6 import QtCore

QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)
