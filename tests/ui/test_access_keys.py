"""Every menu can be worked from the keyboard: each item has an access key (Alt+letter), unique in its menu,
and the menu bar's titles have unique keys too, in Chinese and in English."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu, QMenuBar

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.records import Region
from branchdesk.services import regions
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder

_KEY = re.compile(r"&(?!&)(.)")
# Lists of things, not commands: files and languages are chosen by pointing or with the arrow keys.
_LISTS = {"recentMenu", "languageMenu"}


def access_key(text: str) -> str | None:
    found = _KEY.search(text.replace("&&", ""))
    return None if found is None else found.group(1).upper()


def menus(bar: QMenuBar | QMenu, path: str = "") -> Iterator[tuple[str, QMenuBar | QMenu]]:
    yield path or "menu bar", bar
    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield from menus(menu, f"{path} ▸ {action.text()}" if path else action.text())


def problems(window: MainWindow) -> list[str]:
    found = []
    for path, menu in menus(window.menuBar()):
        if menu.objectName() in _LISTS:
            continue
        keys: dict[str, str] = {}
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            key = access_key(action.text())
            if key is None:
                found.append(f"{path}: “{action.text()}” has no access key")
            elif key in keys:
                found.append(f"{path}: “{keys[key]}” and “{action.text()}” share the key {key}")
            else:
                keys[key] = action.text()
    return found


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_menu_has_unique_access_keys(
    make_window: Callable[..., MainWindow], language: str, build: LedgerBuilder, ledger: Ledger
) -> None:
    window = make_window(language)
    assert problems(window) == []
    # With a ledger open some items change their words (the city takes counties, a county townships).
    build.tree()
    ledger.close()
    assert window.open_path(ledger.path)
    for region in ("信阳市", "潢川县"):
        window.regions.select(next(r.id for r in list_regions_of(ledger.path) if r.name == region))
        assert problems(window) == []


def list_regions_of(path: Path) -> list[Region]:
    with Ledger.open(path, FixedClock.on("2022-05-19"), read_only=True) as opened:
        return regions.list_regions(opened)
