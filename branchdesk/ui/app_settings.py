"""The user's preferences (language, recent files, window and table layout), kept by QSettings."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QWidget

from branchdesk.i18n.language import normalise
from branchdesk.ui.tabs.contract import LayoutTab

MAX_RECENT = 8


class AppSettings:
    def __init__(self, store: QSettings) -> None:
        self._store = store

    @property
    def language(self) -> str:
        return normalise(str(self._store.value("language", "zh_CN")))

    @language.setter
    def language(self, value: str) -> None:
        self._store.setValue("language", normalise(value))

    @property
    def reopen_last(self) -> bool:
        return str(self._store.value("reopen_last", "true")).lower() == "true"

    @reopen_last.setter
    def reopen_last(self, value: bool) -> None:
        self._store.setValue("reopen_last", "true" if value else "false")

    @property
    def word_template(self) -> Path | None:
        """The office's own Word ledger template; None: the built-in one."""
        value = str(self._store.value("word_template", "") or "")
        return Path(value) if value else None

    @word_template.setter
    def word_template(self, value: Path | None) -> None:
        self._store.setValue("word_template", "" if value is None else str(value))

    def recent_files(self) -> list[Path]:
        value = self._store.value("recent_files", [])
        # QSettings gives a str for a one-item list in INI files, a list otherwise.
        items = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
        return [Path(item) for item in items if item]

    def add_recent(self, path: Path) -> None:
        resolved = path.resolve()
        others = [p for p in self.recent_files() if p != resolved]
        self._store.setValue("recent_files", [str(p) for p in [resolved, *others][:MAX_RECENT]])

    def remove_recent(self, path: Path) -> None:
        self._store.setValue("recent_files", [str(p) for p in self.recent_files() if p != path])

    def layout(self, key: str) -> QByteArray:
        value = self._store.value(f"layout/{key}")
        return value if isinstance(value, QByteArray) else QByteArray()

    def set_layout(self, key: str, state: QByteArray) -> None:
        self._store.setValue(f"layout/{key}", state)

    def sync(self) -> None:
        self._store.sync()

    # -- the window's layout, as last left -----------------------------------------------------------

    def restore_window(self, window: QWidget, splitter: QSplitter) -> None:
        """The window's size and place, and the split between the region tree and the tabs."""
        geometry = self.layout("window")
        if not geometry.isEmpty():
            window.restoreGeometry(geometry)
        else:
            window.resize(1280, 800)
        split = self.layout("splitter")
        if not split.isEmpty():
            splitter.restoreState(split)

    def save_window(self, window: QWidget, splitter: QSplitter, tabs: Iterable[QWidget]) -> None:
        """As the window closes: its layout, and the column layout of each tab made (one never made keeps
        the layout saved before)."""
        self.set_layout("window", window.saveGeometry())
        self.set_layout("splitter", splitter.saveState())
        for tab in tabs:
            if isinstance(tab, LayoutTab):
                self.set_layout(tab.objectName(), tab.header_state())
        self.sync()
