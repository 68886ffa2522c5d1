"""The soak session: random user actions on the real window at scale, with a heartbeat on the UI thread.

A person's actions, picked by a seeded random generator: region clicks in the tree, tab switches, column
sorts, cells edited by typing and Enter, Ctrl+Z / Ctrl+Y, dialogs opened from their menus and closed with
Escape, chart picks and hovers, and an edit made while the Activity frequency tab's "areas" chart is read.
A timer every 5 ms on the UI thread records each gap between its ticks: the time the window could not
respond. Every edit is checked in the file at the end, after the undo and redo the session pressed.

Run by tests/ui/soak_session.py in a process of its own (a crash is then a failed test, not a dead suite),
from tests/ui/test_soak.py and from benchmarks/run.py (``--only ui``).
"""

from __future__ import annotations

import os
import random
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QEventLoop,
    QObject,
    QPoint,
    Qt,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTextEdit,
    QWidget,
)

from branchdesk.domain.listing import BranchColumn
from branchdesk.ui.jobs.runner import JobRunner
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.models.branches import COLUMNS
from branchdesk.ui.tabs.chart import ChartTab
from tests.ui.driving import file_rows, shown
from tests.ui.typing import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
NO_KEYS = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton

HEARTBEAT_MS = 5
LONG_GAP_MS = 100.0  # longer than this with a read running, and the window felt frozen
AREAS = "areas"  # the Activity frequency chart whose read an edit once had to wait for (issue #16)

# The cells the session edits, by their column in the file.
EDITED = {
    BranchColumn.SECRETARY: "secretary",
    BranchColumn.PHONE: "phone",
    BranchColumn.MEMBERS: "member_count",
}


def idle(ms: int) -> None:
    """The event loop running for ``ms``, as while a person reads or moves the hand (QTest.qWait would
    sleep between its rounds of events, and the heartbeat would count the sleep as the window's)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


Schedstats = dict[int, tuple[int, int]]


def _schedstats() -> Schedstats:
    """Each thread of this process: (time on a processor, time ready but waiting for one), in ns, from
    the kernel's scheduler statistics (Linux; empty elsewhere, and gaps then count whole)."""
    found: Schedstats = {}
    try:
        tasks = os.listdir("/proc/self/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/self/task/{task}/schedstat") as stat:
                on_cpu, waiting = stat.read().split()[:2]
        except OSError:
            continue  # the thread ended meanwhile
        found[int(task)] = (int(on_cpu), int(waiting))
    return found


def felt_ms(wall_ms: float, ui: int, before: Schedstats, after: Schedstats) -> float:
    """A gap less what the machine's load put into it: the time the UI thread was ready but had no
    processor, and of the time it was blocked (on a lock, the interpreter's lock, a thread starting), at
    most the longest time one of the program's other threads was ready but had no processor. A busy UI
    thread, or one waiting on a worker that is running or on the disk, counts whole."""
    ui_cpu, ui_ready = (a - b for a, b in zip(after.get(ui, (0, 0)), before.get(ui, (0, 0)), strict=True))
    blocked = max(0.0, wall_ms - (ui_cpu + ui_ready) / 1e6)
    others_ready = max(
        ((ready - before.get(tid, (0, 0))[1]) / 1e6 for tid, (_, ready) in after.items() if tid != ui),
        default=0.0,
    )
    return max(0.0, wall_ms - ui_ready / 1e6 - min(blocked, others_ready))


def background_work(window: QObject) -> bool:
    """Any work off the UI thread running now: a job of the window's runner, a thread pool's, QThread's or
    another Python worker's."""
    pools = [QThreadPool.globalInstance(), *window.findChildren(QThreadPool)]
    if any(pool.activeThreadCount() > 0 for pool in pools):
        return True
    if any(thread.isRunning() for thread in window.findChildren(QThread)):
        return True
    if any(not runner.wait(msecs=0) for runner in window.findChildren(JobRunner)):
        return True  # its lanes' workers wait for work between jobs
    # The window's Python workers (backups, checks, file jobs) are not daemons; threads Python only
    # knows of because Qt's ran Python code in them are, and they never leave its list.
    main = threading.main_thread()
    return any(thread is not main and not thread.daemon for thread in threading.enumerate())


@dataclass(frozen=True)
class Gap:
    """The time between two heartbeats: how long the window could not respond."""

    felt_ms: float  # less what the machine's load put into it (felt_ms())
    wall_ms: float
    read_running: bool
    action: str
    where: tuple[str, ...] = ()  # the UI thread's commonest stacks in a long gap, when sampled


class StackSampler(threading.Thread):
    """Where the UI thread is, every 2 ms (``BRANCHDESK_SOAK_STACKS=1``): a long gap then names the code it
    was spent in. Off by default: the sampling takes the interpreter's lock and so adds a little to gaps."""

    def __init__(self) -> None:
        super().__init__(name="soak stack sampler", daemon=True)
        self._stop_event = threading.Event()
        self._main = threading.main_thread().ident
        self.samples: deque[tuple[float, tuple[str, ...]]] = deque(maxlen=50_000)

    def run(self) -> None:
        while not self._stop_event.wait(0.002):
            frame = sys._current_frames().get(self._main)
            stack = []
            while frame is not None and len(stack) < 6:
                code = frame.f_code
                if "/site-packages/_pytest" in code.co_filename or "/pluggy/" in code.co_filename:
                    break
                if "/tests/ui/soak" not in code.co_filename:
                    stack.append(f"{Path(code.co_filename).name}:{frame.f_lineno} {code.co_name}")
                frame = frame.f_back
            self.samples.append((time.perf_counter(), tuple(stack)))

    def stop(self) -> None:
        self._stop_event.set()

    def between(self, start: float, end: float) -> tuple[str, ...]:
        """The three commonest stacks sampled between ``start`` and ``end``, with their share."""
        counts = Counter(stack for at, stack in list(self.samples) if start <= at <= end)
        total = sum(counts.values())
        return tuple(
            f"{100 * n // total}%: " + " < ".join(stack or ("(in Qt, no Python running)",))
            for stack, n in counts.most_common(3)
        )


class Heartbeat(QObject):
    """A timer on the UI thread every 5 ms: each gap between its ticks longer than the interval was a time
    the window did not respond. A shared, loaded machine (tests, CI) can keep a ready thread off the
    processor for a while; that wait is taken out (``felt_ms``), so the figure is the program's own."""

    beat = Signal()

    def __init__(self, window: QObject) -> None:
        super().__init__(window)
        self._window = window
        self.action = "starting"  # what the session is doing: named in each gap
        self.gaps: list[Gap] = []  # those longer than twice the interval
        self.ticks = 0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._tick)
        self._ui = threading.get_native_id()
        self._last = 0.0
        self._last_stats: Schedstats = {}
        self._last_busy = False
        self.sampler = StackSampler() if os.environ.get("BRANCHDESK_SOAK_STACKS") else None

    def start(self) -> None:
        if self.sampler is not None:
            self.sampler.start()
        self._last, self._last_stats = time.perf_counter(), _schedstats()
        self._last_busy = background_work(self._window)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self.sampler is not None:
            self.sampler.stop()

    def _tick(self) -> None:
        now, stats = time.perf_counter(), _schedstats()
        busy = background_work(self._window)
        wall = (now - self._last) * 1000
        if wall > 2 * HEARTBEAT_MS:
            felt = felt_ms(wall, self._ui, self._last_stats, stats)
            where = ()
            if self.sampler is not None and felt > LONG_GAP_MS:
                where = self.sampler.between(self._last, now)
            # Work running off the UI thread when the gap began or ended: the window held up while a read
            # ran beside it, or an action that started one and kept the UI thread besides.
            self.gaps.append(Gap(felt, wall, self._last_busy or busy, self.action, where))
        self.ticks += 1
        # Measured after this tick's own work, so that the heartbeat does not count itself.
        self._last, self._last_stats = time.perf_counter(), _schedstats()
        self._last_busy = busy
        self.beat.emit()

    def worst(self, *, read_running: bool = False) -> Gap | None:
        gaps = [gap for gap in self.gaps if gap.read_running or not read_running]
        return max(gaps, key=lambda gap: gap.felt_ms, default=None)


@dataclass
class Edit:
    branch_id: int
    column: str  # the file's column
    old: object
    new: object


@dataclass
class Report:
    """What a session saw; tests/ui/test_soak.py judges it, benchmarks/run.py prints it."""

    seed: int
    actions: int
    done: dict[str, int] = field(default_factory=dict)  # actions by kind
    seconds: float = 0.0
    ticks: int = 0
    worst: Gap | None = None
    worst_with_read: Gap | None = None
    long_gaps_with_read: list[Gap] = field(default_factory=list)
    # Edits made while the areas chart was being read, and the gap each of them caused.
    edits_during_read: list[Gap] = field(default_factory=list)
    edits: int = 0
    lost_edits: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # messages the window showed
    unexpected_dialogs: list[str] = field(default_factory=list)
    typing_lost: list[str] = field(default_factory=list)  # a cell editor closed under the typing
    edits_not_started: list[str] = field(default_factory=list)  # F2 found no current cell to edit

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


class Ledgered:
    """What the file should hold for every cell the session edited: its own undo and redo stacks, kept
    as the window's are (a new edit clears what could be redone)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        columns = ", ".join(EDITED.values())
        self._original = {
            row[0]: dict(zip(EDITED.values(), row[1:], strict=True))
            for row in file_rows(path, f"SELECT id, {columns} FROM branch")
        }
        self.current: dict[tuple[int, str], object] = {}
        self.undo: list[Edit] = []
        self.redo: list[Edit] = []

    def value(self, branch_id: int, column: str) -> object:
        return self.current.get((branch_id, column), self._original[branch_id][column])

    def edited(self, branch_id: int, column: str, new: object) -> None:
        self.undo.append(Edit(branch_id, column, self.value(branch_id, column), new))
        self.redo.clear()
        self.current[branch_id, column] = new

    def undone(self) -> None:
        if self.undo:
            edit = self.undo.pop()
            self.current[edit.branch_id, edit.column] = edit.old
            self.redo.append(edit)

    def redone(self) -> None:
        if self.redo:
            edit = self.redo.pop()
            self.current[edit.branch_id, edit.column] = edit.new
            self.undo.append(edit)

    def lost(self) -> list[str]:
        """Each cell whose value in the file is not what the session left it at."""
        problems = []
        for (branch_id, column), expected in sorted(self.current.items()):
            [(found,)] = file_rows(self.path, f"SELECT {column} FROM branch WHERE id = ?", (branch_id,))
            if found != expected:
                problems.append(f"branch {branch_id} {column}: file has {found!r}, expected {expected!r}")
        return problems


def _name(widget: QWidget) -> str:
    """A widget as a gap's description names it: its object name, or its class within its parent's."""
    names = []
    current: QObject | None = widget
    while current is not None and len(names) < 2:
        names.append(current.objectName() or type(current).__name__)
        if current.objectName():
            break
        current = current.parent()
    return " in ".join(names)


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "秀英明华军平芳玉兰桂英建国志强海燕丽红"


class Soak:
    """Drives ``window`` (shown, with a ledger open) as a person would, one random action at a time."""

    def __init__(
        self,
        window: MainWindow,
        path: Path,
        seed: int,
        errors: list[str],
        *,
        think_ms: int = 60,
    ) -> None:
        self.window = window
        self.rng = random.Random(seed)
        self.report = Report(seed=seed, actions=0)
        self.file = Ledgered(path)
        self.errors = errors  # what the window showed as messages (the tests' stand-in for message boxes)
        self.think_ms = think_ms
        self.heartbeat = Heartbeat(window)
        self._expecting_dialog = False
        self._doing = ""  # the action under way, as gaps name it
        self._watchdog = QTimer(window)
        self._watchdog.setInterval(250)
        self._watchdog.timeout.connect(self._close_unexpected)
        self.kinds: list[tuple[Callable[[], None], int]] = [
            (self.click_region, 18),
            (self.switch_tab, 14),
            (self.pick_chart, 5),
            (self.sort_column, 8),
            (self.edit_cell, 18),
            (self.undo, 7),
            (self.redo, 4),
            (self.open_dialog, 10),
            (self.hover_chart, 10),
            (self.edit_during_areas_read, 4),
        ]

    # -- running -------------------------------------------------------------------------------------

    def run(self, actions: int) -> Report:
        # Every tab made once before the heartbeat starts: a tab's first making (its modules imported, a
        # chart's canvas built: 75-100 ms on the UI thread, a one-time cost the start-up benchmark
        # measures) is not a freeze of work running beside the window, which this session looks for;
        # counted, it crossed 100 ms whenever the machine was loaded.
        for tab_id in self.window.tab_ids():
            self.window.tabs.tab(tab_id)
        self._settle()
        start = time.perf_counter()
        self.heartbeat.start()
        self._watchdog.start()
        try:
            # The case issue #16 measured first: an edit while the areas chart is read.
            self._do(self.edit_during_areas_read)
            for _ in range(actions - 1):
                action = self.rng.choices([a for a, _ in self.kinds], [w for _, w in self.kinds])[0]
                self._do(action)
            self.heartbeat.action = "waiting for the last reads"
            self._settle()
        finally:
            self._watchdog.stop()
            self.heartbeat.stop()
        report = self.report
        report.seconds = time.perf_counter() - start
        report.ticks = self.heartbeat.ticks
        report.worst = self.heartbeat.worst()
        report.worst_with_read = self.heartbeat.worst(read_running=True)
        report.long_gaps_with_read = [
            gap for gap in self.heartbeat.gaps if gap.read_running and gap.felt_ms > LONG_GAP_MS
        ]
        report.lost_edits = self.file.lost()
        report.refused = list(self.errors)
        return report

    def _do(self, action: Callable[[], None]) -> None:
        name = action.__name__
        self.report.actions += 1
        self.report.done[name] = self.report.done.get(name, 0) + 1
        self._doing = f"#{self.report.actions} {name}"
        self.heartbeat.action = self._doing
        action()
        self._step("what came up")
        idle(self.rng.randint(0, self.think_ms))  # the person reads what came up

    def _settle(self) -> None:
        deadline = time.monotonic() + 120
        while background_work(self.window) and time.monotonic() < deadline:
            idle(20)
        idle(50)

    def _close_unexpected(self) -> None:
        """A modal dialog the session did not open (a question, a message box) would hold it for ever."""
        dialog = QApplication.activeModalWidget()
        if dialog is not None and not self._expecting_dialog:
            self.report.unexpected_dialogs.append(
                f"{type(dialog).__name__} {dialog.objectName()!r} {dialog.windowTitle()!r} during "
                f"{self.heartbeat.action}"
            )
            QTest.keyClick(dialog, Qt.Key.Key_Escape)

    # -- input, one event at a time -------------------------------------------------------------------

    def _beat(self) -> None:
        """Let the event loop run until the next heartbeat, as between two of a person's keys or clicks
        (else the gap would add up events the window handles one by one)."""
        loop = QEventLoop()
        self.heartbeat.beat.connect(loop.quit)
        QTimer.singleShot(500, loop.quit)  # a heartbeat stopped (never here) must not stop the session
        loop.exec()
        self.heartbeat.beat.disconnect(loop.quit)

    def _step(self, what: str) -> None:
        """Name the input being handled, so that a long gap says what it followed."""
        self.heartbeat.action = f"{self._doing}: {what}"

    def _key(self, widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = NO_KEYS) -> None:
        self._step(f"{key.name} {modifiers.name or ''} to {_name(widget)}")
        QTest.keyClick(widget, key, modifiers)
        self._beat()

    def _mouse(self, widget: QWidget, point: QPoint) -> None:
        self._step(f"click on {_name(widget)}")
        QTest.mouseClick(widget, LEFT, NO_KEYS, point)
        self._beat()

    def _type(self, editor: QWidget, text: str) -> bool:
        """Key by key; Chinese as one input-method commit, as Pinyin input hands a word over. False when
        the field went away under the typing."""
        for part in [text] if not text.isascii() else list(text):
            if not shiboken6.isValid(editor) or not editor.isVisible():
                return False
            type_text(editor, part)
            self._beat()
        return shiboken6.isValid(editor) and editor.isVisible()

    # -- the parts of the window -----------------------------------------------------------------------

    def _click(self, view: QAbstractItemView, row: int, column: int) -> None:
        model = view.model()
        index = model.index(row, column)
        view.scrollTo(index)
        self._mouse(view.viewport(), view.visualRect(index).center())

    def _focus_off_text(self) -> None:
        """Undo and redo reach the window only when no text field has the keyboard (a field undoes its
        own typing): a person clicks the table or tree first."""
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit | QAbstractSpinBox | QTextEdit | QPlainTextEdit):
            view = self.window.regions.view
            self._mouse(view.viewport(), view.visualRect(view.currentIndex()).center())

    def _show_tab(self, tab: QWidget) -> None:
        bar, index = self.window.tabs.tabBar(), self.window.tabs.indexOf(tab)
        self._step(f"click on the tab {type(tab).__name__}")  # a gap then names the tab, not the bar
        QTest.mouseClick(bar, LEFT, NO_KEYS, bar.tabRect(index).center())
        self._beat()

    # -- actions ---------------------------------------------------------------------------------------

    def click_region(self) -> None:
        view = self.window.regions.view
        model = view.model()
        rows: list[tuple[int, Any]] = []  # the tree's visible rows: (row, parent index)

        def visible(parent: Any) -> None:
            for row in range(model.rowCount(parent)):
                rows.append((row, parent))
                child = model.index(row, 0, parent)
                if view.isExpanded(child):
                    visible(child)

        visible(view.rootIndex())
        row, parent = self.rng.choice(rows)
        index = model.index(row, 0, parent)
        view.scrollTo(index)
        self._mouse(view.viewport(), view.visualRect(index).center())

    def switch_tab(self) -> None:
        tabs = self.window.tabs
        self._show_tab(tabs.widget(self.rng.randrange(tabs.count())))

    def pick_chart(self) -> None:
        tab = self.rng.choice(self.window.chart_tabs)
        if self.window.tabs.currentWidget() is not tab:
            self._show_tab(tab)
        button = self.rng.choice(list(tab.buttons.values()))
        self._mouse(button, button.rect().center())

    def sort_column(self) -> None:
        current = self.window.tabs.currentWidget()
        tables = [t for t in current.findChildren(QTableView) if t.isVisible() and t.isSortingEnabled()]
        if not tables:
            self._show_tab(self.window.branches_tab)
            tables = [self.window.branches_tab.table]
        table = self.rng.choice(tables)
        header = table.horizontalHeader()
        section = self.rng.randrange(header.count())
        x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
        if not 0 <= x < header.viewport().width():
            table.scrollTo(table.model().index(0, section))
            x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
        self._mouse(header.viewport(), QPoint(x, header.height() // 2))

    def edit_cell(self, column: BranchColumn | None = None) -> None:
        """A cell of a random row typed over: select it with a click, F2, Ctrl+A, the new value, Enter."""
        tab = self.window.branches_tab
        if self.window.tabs.currentWidget() is not tab:
            self._show_tab(tab)
        model = tab.model
        if model.rowCount() == 0:
            return
        row = self.rng.randrange(min(model.rowCount(), 200))
        branch = model.row_at(row)
        column = column or self.rng.choice(list(EDITED))
        file_column = EDITED[column]
        new = self._new_value(column, self.file.value(branch.id, file_column))
        self._click(tab.table, row, COLUMNS.index(column))
        self._key(tab.table, Qt.Key.Key_F2)
        editor = tab.table.indexWidget(tab.table.currentIndex())
        if not isinstance(editor, QLineEdit):
            # The table was read again under the click (a large view is read off the UI thread): the
            # clicked cell is no longer the current one, and the person clicks again.
            self.report.edits_not_started.append(f"{self.heartbeat.action}: F2 opened no editor on row {row}")
            return
        self._key(editor, Qt.Key.Key_A, CTRL)
        if not self._type(editor, str(new)):
            self.report.typing_lost.append(f"{self.heartbeat.action}: the editor closed while typing")
            return
        if tab.model.row_at(row).id != branch.id:
            self.report.typing_lost.append(f"{self.heartbeat.action}: the row changed under the editor")
            return
        frequency = self.window.frequency_tab
        during_read = frequency.chart_id == AREAS and frequency.busy()
        before = len(self.heartbeat.gaps)
        self._key(editor, Qt.Key.Key_Return)  # the delegate commits on a queued call
        self.file.edited(branch.id, file_column, new)
        self.report.edits += 1
        if during_read:
            idle(HEARTBEAT_MS * 3)  # the commit has run and the gap it caused has ended
            self.report.edits_during_read.append(
                max(self.heartbeat.gaps[before:], key=lambda gap: gap.felt_ms, default=Gap(0, 0, True, ""))
            )

    def _new_value(self, column: BranchColumn, old: object) -> object:
        while True:
            new: object
            if column is BranchColumn.SECRETARY:
                new = self.rng.choice(SURNAMES) + "".join(self.rng.choices(GIVEN, k=self.rng.randint(1, 2)))
            elif column is BranchColumn.PHONE:
                new = f"1{self.rng.choice('3589')}{self.rng.randrange(10**9):09d}"
            else:
                new = self.rng.randint(3, 150)
            if new != old:
                return new

    def undo(self) -> None:
        self._shortcut(Qt.Key.Key_Z)
        self.file.undone()

    def redo(self) -> None:
        self._shortcut(Qt.Key.Key_Y)
        self.file.redone()

    def _shortcut(self, key: Qt.Key) -> None:
        """Ctrl+key to the window, where it reaches the window's action rather than a text field's own."""
        self._focus_off_text()
        shown(self.window)
        self._key(self.window, key, CTRL)

    def open_dialog(self) -> None:
        """A dialog from its menu (Alt+menu letter, then the item's letter), looked at, closed with Escape."""
        menus = [
            ("compliance", Qt.Key.Key_T, Qt.Key.Key_C),
            ("import", Qt.Key.Key_F, Qt.Key.Key_I),
            ("ledger history", Qt.Key.Key_E, Qt.Key.Key_H),
            ("holidays", Qt.Key.Key_T, Qt.Key.Key_H),
            ("key tasks", Qt.Key.Key_T, Qt.Key.Key_K),
            ("about", Qt.Key.Key_H, Qt.Key.Key_A),
        ]
        name, menu_key, item_key = self.rng.choice([*menus, ("branch history", None, None)])
        self._doing += f" ({name})"
        if menu_key is None:
            self._branch_history()
            return
        seen = self._escape_next_dialog(self.rng.randint(20, 200))
        shown(self.window)
        self._key(self.window, menu_key, ALT)
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu), f"Alt+{menu_key.name} opened no menu"
        QTest.keyClick(menu, item_key)  # returns once the dialog is closed
        self._expecting_dialog = False
        shown(self.window)  # active again, as the desktop makes it when a dialog closes
        assert seen, f"{name}: no dialog came up"

    def _branch_history(self) -> None:
        """A branch's history: its row clicked on the Branches tab, then Ctrl+H."""
        tab = self.window.branches_tab
        if self.window.tabs.currentWidget() is not tab:
            self._show_tab(tab)
        if tab.model.rowCount() == 0:
            return
        self._click(tab.table, self.rng.randrange(min(tab.model.rowCount(), 200)), 0)
        if len(tab.selected_rows()) != 1:  # the table was read again under the click
            return
        seen = self._escape_next_dialog(self.rng.randint(20, 200))
        self._key(tab.table, Qt.Key.Key_H, CTRL)  # returns once the dialog is closed
        self._expecting_dialog = False
        shown(self.window)
        assert seen, "Ctrl+H on a branch: no history came up"

    def _escape_next_dialog(self, look_ms: int) -> list[str]:
        """Escape to the next modal dialog once it has been on screen ``look_ms``."""
        self._expecting_dialog = True
        seen: list[str] = []

        def close() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(5, close)
                return
            if not seen:
                seen.append(type(dialog).__name__)
                QTimer.singleShot(look_ms, close)
                return
            QTest.keyClick(dialog, Qt.Key.Key_Escape)

        QTimer.singleShot(0, close)
        return seen

    def hover_chart(self) -> None:
        """The mouse moved across the chart on show, a few stops, as a person looks along the bars."""
        tab = self.window.tabs.currentWidget()
        if not isinstance(tab, ChartTab):
            tab = self.rng.choice(self.window.chart_tabs)
            self._show_tab(tab)
        area = tab.scroll_area.viewport()
        width, height = max(area.width(), 10), max(area.height(), 10)
        for _ in range(self.rng.randint(3, 8)):
            # Within the plot, where the bars and their labels are, rather than on the margins.
            point = QPoint(
                self.rng.randint(width // 10, width * 19 // 20),
                self.rng.randint(height // 10, height * 9 // 10),
            )
            target = area.childAt(point) or area
            self._step(f"mouse over {_name(target)}")
            QTest.mouseMove(target, target.mapFrom(area, point))
            self._beat()
            idle(self.rng.randint(5, 40))

    def edit_during_areas_read(self) -> None:
        """Issue #16's freeze: the Activity frequency tab's areas chart read for a first month typed (Enter
        charts it), then at once a cell edit on the Branches tab while that read runs."""
        frequency = self.window.frequency_tab
        if self.window.tabs.currentWidget() is not frequency:
            self._show_tab(frequency)
        if frequency.chart_id != AREAS:
            button = frequency.buttons[AREAS]
            self._mouse(button, button.rect().center())
        field = frequency.first_month
        deadline = time.perf_counter() + 60
        while not field.isEnabled() and time.perf_counter() < deadline:
            idle(10)  # the person waits for the chart's first reading, which brings its months
        self._mouse(field, field.rect().center())
        self._key(field, Qt.Key.Key_A, CTRL)
        month = self.rng.randrange(21)  # the demo's months: April 2022 to December 2023
        self._type(field, f"{2022 + (month + 3) // 12}-{(month + 3) % 12 + 1:02d}")
        self._key(field, Qt.Key.Key_Return)
        deadline = time.perf_counter() + 1
        while not frequency.busy() and time.perf_counter() < deadline:
            idle(1)  # the months are charted once the typing has paused
        self.edit_cell(BranchColumn.MEMBERS)
