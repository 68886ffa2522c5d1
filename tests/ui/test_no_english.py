"""No English reaches a Chinese user of the window.

The window runs in Chinese; every tab is shown and every menu action that opens something is triggered.
Every text a user can see there (menus, tabs, labels, buttons, titles, table headers and cells, tooltips,
placeholders, list items) may hold no Latin word but the allowed tokens (PDF, Excel, file types …), and every
string the program looked up in a translation context must have been in the catalogue under that context
(a string collected under one context and looked up under another shows in English).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, Qt, QTimer, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QStatusBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind
from branchdesk.resources import resources_dir
from branchdesk.services import draws
from branchdesk.services.ledgers import create_ledger
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder
from tests.english import english_words
from tests.ui.conftest import Recorder

# Shown as they are on purpose: the language menu offers English by its own name; the font's name and licence;
# sizes; the encoding's official name; the product's name beside its Chinese one (支部联建台账 BranchDesk),
# the licences' and Qt's names in About.
TOKENS = frozenset(
    {
        "English",
        "Noto",
        "Sans",
        "SC",
        "SIL",
        "KB",
        "MB",
        "GB",
        "GB18030",
        "BranchDesk",
        "MIT",
        "LGPL",
        "Qt",
        "README",
    }
)
ROWS_READ = 30  # of each table or list: enough to see every kind of cell


class LookupRecorder(QTranslator):
    """Installed last, so asked first: notes every look-up and answers none of them."""

    def __init__(self) -> None:
        super().__init__()
        self.lookups: list[tuple[str, str]] = []

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        self.lookups.append((context, source))
        return None

    def isEmpty(self) -> bool:  # noqa: N802
        return False


@contextlib.contextmanager
def recording_lookups() -> Iterator[LookupRecorder]:
    """Installed after the window's translators, so that it sees every look-up (the language change its
    installation announces makes the window look all its texts up again)."""
    recorder = LookupRecorder()
    QCoreApplication.installTranslator(recorder)
    try:
        yield recorder
    finally:
        QCoreApplication.removeTranslator(recorder)


def missing_from_catalogue(recorder: LookupRecorder) -> set[tuple[str, str]]:
    """Look-ups of ours that found no translation. PySide looks a ``tr()`` up under each class of the
    object's MRO in turn: a run of look-ups of one source counts as found when any of them was."""
    own = QTranslator()
    assert own.load(str(resources_dir() / "translations" / "branchdesk_zh_CN.qm"))
    qt = QTranslator()
    qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))

    def found(context: str, source: str) -> bool:
        return bool(own.translate(context, source) or qt.translate(context, source))

    missing: set[tuple[str, str]] = set()
    run: list[tuple[str, str]] = []
    for lookup in [*recorder.lookups, ("", "")]:
        if run and lookup[1] != run[0][1]:
            if not any(found(*each) for each in run) and re.search(r"[A-Za-z]{2}", run[0][1]):
                missing.add(run[0])
            run = []
        run.append(lookup)
    # Qt's own classes (QFileDialog …) are Qt's catalogue's business; what they show is read below.
    return {(context, source) for context, source in missing if not re.match(r"Q[A-Z]", context)}


def plain(text: str) -> str:
    """What a user reads: no markup, no access-key marks."""
    text = re.sub(r"<[^>]+>|&\w+;", " ", text)
    return re.sub(r"\(&?[A-Z]\)|&(?=\w)", "", text)  # 文件(&F), and 文件(F) in a tooltip


def item_texts(view: QAbstractItemView, first_column: int = 0) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    root = view.rootIndex()
    try:
        columns = model.columnCount(root)
    except TypeError:  # QListWidget's own model keeps it private: one column
        columns = 1
    for section in range(columns):
        yield str(model.headerData(section, Qt.Orientation.Horizontal) or "")
    for row in range(min(model.rowCount(root), ROWS_READ)):
        for column in range(first_column, columns):
            index = model.index(row, column, root)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    yield value


def widget_texts(widget: QWidget) -> Iterator[str]:
    if widget.isWindow():
        yield widget.windowTitle()
    yield widget.toolTip()
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QLineEdit):
        yield widget.placeholderText()
    elif isinstance(widget, QTextEdit | QPlainTextEdit):
        yield widget.placeholderText()
        yield widget.toPlainText()
    elif isinstance(widget, QAbstractSpinBox):
        yield widget.specialValueText()
    elif isinstance(widget, QStatusBar):
        yield widget.currentMessage()
    elif isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    elif isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield widget.tabText(i)
            yield widget.tabToolTip(i)
    elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
        yield from item_texts(widget)
    for action in widget.actions():
        yield from action_texts(action)


def action_texts(action: QAction) -> Iterator[str]:
    yield action.text()
    if action.toolTip() != action.text().replace("&", ""):
        yield action.toolTip()
    yield action.statusTip()
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield menu.title()
        for child in menu.actions():
            yield from action_texts(child)


def english_on(top: QWidget) -> set[tuple[str, str]]:
    """(where, text) of every visible text of ``top`` with an English word in it."""
    found = set()
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(top, QFileDialog) and isinstance(widget, QAbstractItemView):
            texts = item_texts(widget, first_column=1)  # not the names of the user's folders and files
        else:
            texts = widget_texts(widget)
        for text in texts:
            if english_words(plain(text), tokens=TOKENS):
                found.add((f"{type(top).__name__}/{type(widget).__name__}:{widget.objectName()}", text))
    return found


def menu_actions(window: MainWindow) -> Iterator[QAction]:
    def walk(action: QAction) -> Iterator[QAction]:
        menu = action.menu()
        if isinstance(menu, QMenu):
            for child in menu.actions():
                yield from walk(child)
        elif not action.isSeparator():
            yield action

    for action in window.menuBar().actions():
        yield from walk(action)


def open_and_read(do: Callable[[], object]) -> set[tuple[str, str]]:
    """Do ``do`` (trigger an action, click a button); read and close whatever it opens (dialogs, the
    questions they ask)."""
    found: set[tuple[str, str]] = set()
    before = set(QApplication.topLevelWidgets())
    active = [True]

    def look() -> None:
        if not active[0]:
            return
        modal = QApplication.activeModalWidget()
        if modal is not None:
            found.update(english_on(modal))
            if isinstance(modal, QDialog):
                modal.reject()
            else:
                modal.close()
        QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)
    do()
    active[0] = False
    QApplication.processEvents()
    for widget in set(QApplication.topLevelWidgets()) - before:
        if widget.isVisible() and not isinstance(widget, QMenu):
            found.update(english_on(widget))
            widget.close()
    return found


@pytest.fixture
def county(build: LedgerBuilder, ledger: Ledger) -> Path:
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    organs = build.organs(unit, tree["huangchuan"], 3, optimised=2)
    villages = build.villages(tree["hc_chengguan"], 3)
    build.branch("仁和社区党支部", BranchKind.COMMUNITY, tree["hc_renhe"])
    build.pair(organs[0], villages[0], "2022-04-10")
    build.pair(organs[1], villages[1], "2022-04-10")
    build.activity(1, "2022-05-14")
    draws.commit_draw(ledger, draws.preview_draw(ledger, tree["huangchuan"], "411526"), dt.date(2022, 5, 1))
    path = ledger.path
    ledger.close()
    return path


SKIPPED = {"quit_action"}  # it would leave the window
# The ledger history names the test builder's own steps (test.branch …), which no user can take, as they are.
BUILDER_OPERATION = re.compile(r"test\.\w+")


def test_a_chinese_user_sees_no_english(
    make_window: Callable[..., MainWindow], county: Path, qtbot: QtBot, recorder: Recorder
) -> None:
    window = make_window("zh_CN")
    with recording_lookups() as lookups:
        found = walk(window, county, qtbot)
        found |= draw_record_texts(window, qtbot)
    found |= {("message box", text) for text in recorder.errors}
    assert len(lookups.lookups) > 1000  # it did see the window's look-ups
    assert sorted(missing_from_catalogue(lookups)) == []
    assert english(found) == []


def test_a_new_ledger_shows_no_english(
    make_window: Callable[..., MainWindow],
    tmp_path: Path,
    clock: FixedClock,
    qtbot: QtBot,
    recorder: Recorder,
) -> None:
    path = tmp_path / "新台账.bdesk"
    create_ledger(path, clock).close()
    window = make_window("zh_CN")
    with recording_lookups() as lookups:
        found = walk(window, path, qtbot)
    found |= {("message box", text) for text in recorder.errors}
    assert sorted(missing_from_catalogue(lookups)) == []
    assert english(found) == []


def english(found: set[tuple[str, str]]) -> list[tuple[str, str, list[str]]]:
    """(where, text, its English words) of the texts with English in them."""
    return sorted(
        (where, text, words)
        for where, text in found
        if (words := english_words(plain(text), tokens=TOKENS)) and not BUILDER_OPERATION.fullmatch(text)
    )


def walk(window: MainWindow, path: Path, qtbot: QtBot) -> set[tuple[str, str]]:
    """Every tab, what its buttons open and every menu action's dialog of the window on ``path``, its first
    county chosen."""
    window.resize(1366, 768)
    window.show()
    found = english_on(window)  # the welcome page, before any ledger
    assert window.open_path(path)
    if window.regions.model.rowCount() and window.regions.model.rowCount(window.regions.model.index(0, 0)):
        window.regions.view.setCurrentIndex(
            window.regions.model.index(0, 0, window.regions.model.index(0, 0))
        )
    skipped = {getattr(window.menus, name) for name in SKIPPED} | set(window.menus.language_actions.values())
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(200)
        found |= english_on(window)
        for button in window.tabs.widget(index).findChildren(QPushButton):  # and what the tab's buttons open
            if button.isVisible() and button.isEnabled():
                found |= open_and_read(button.click)
    for action in menu_actions(window):
        if action.isEnabled() and action not in skipped:
            found |= open_and_read(action.trigger)
    return found


def draw_record_texts(window: MainWindow, qtbot: QtBot) -> set[tuple[str, str]]:
    """The draw record's save dialog, from the Pairings tab: the pairing the draw made, then the button."""
    tab = window.pairings_tab
    window.regions.view.setCurrentIndex(window.regions.model.index(0, 0))  # the whole city
    window.tabs.setCurrentWidget(tab)

    def drawn_rows() -> list[int]:
        return [row for row in range(tab.model.rowCount()) if tab.model.row_at(row).draw_id is not None]

    qtbot.waitUntil(lambda: bool(drawn_rows()))
    tab.table.selectRow(drawn_rows()[0])
    return open_and_read(lambda: qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton))
