"""A real main window on the offscreen platform, with preferences in a temporary file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from branchdesk.domain.clock import FixedClock
from branchdesk.i18n.language import Translations
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.app_settings import AppSettings
from branchdesk.ui.context import UiContext
from branchdesk.ui.fonts import apply_ui_font
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder


class Recorder:
    """Stands in for the file dialogs and message boxes a user would answer."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.next_open: Path | None = None
        self.next_new: Path | None = None
        self.demo: Path | None = None

    def show_error(self, parent: QWidget, text: str) -> None:
        self.errors.append(text)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def villages(build: LedgerBuilder, ledger: Ledger) -> Path:
    """A closed ledger: 信阳市's tree with 300 villages in 潢川县/城关镇."""
    tree = build.tree()
    build.villages(tree["hc_chengguan"], 300)
    path = ledger.path
    ledger.close()
    return path


@pytest.fixture
def make_window(
    qapp: QApplication, qtbot: object, tmp_path: Path, clock: FixedClock, recorder: Recorder
) -> Iterator[Callable[..., MainWindow]]:
    windows: list[MainWindow] = []
    translations = Translations(qapp)

    def make(language: str = "zh_CN") -> MainWindow:
        translations.install(language)
        apply_ui_font(qapp)
        settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
        context = UiContext(
            clock=clock,
            settings=settings,
            translations=translations,
            data_dir=tmp_path / "data",
            documents_dir=tmp_path,
            demo_ledger=lambda parent: recorder.demo,
            choose_open_path=lambda parent: recorder.next_open,
            choose_new_path=lambda parent: recorder.next_new,
            show_error=recorder.show_error,
        )
        window = MainWindow(context)
        qtbot.addWidget(window)  # type: ignore[attr-defined]
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
    translations.remove()
