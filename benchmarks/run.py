"""Scale benchmarks: build (or reuse) a ledger at a named scale and print one line per figure.

    python benchmarks/run.py --scale township|county|city|stress [--seed N] [--rebuild]

Each line reads ``name: value unit`` or, where a baseline is measured in the same run,
``name: value unit (ratio× baseline-name)``. It reports; it does not judge (exit 0). Machines here are
shared and noisy, so only same-run ratios mean much.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from package_deltas import TownshipDeltas, township_deltas  # noqa: E402

from branchdesk import __version__  # noqa: E402
from branchdesk.domain.chart_data import (  # noqa: E402
    PAIRING_ROWS_LIMIT,
    PAIRING_ROWS_MAX,
    GroupKind,
    MonthSpan,
)
from branchdesk.domain.clock import FixedClock  # noqa: E402
from branchdesk.domain.ledger_book import LedgerBook  # noqa: E402
from branchdesk.domain.months import Month  # noqa: E402
from branchdesk.services.branches import region_tree  # noqa: E402
from branchdesk.services.charts import default_span  # noqa: E402
from branchdesk.services.check import check_ledger  # noqa: E402
from branchdesk.services.demo import SCALES, generate_demo  # noqa: E402
from branchdesk.services.ledgers import open_ledger  # noqa: E402
from branchdesk.services.stats import ledger_stats  # noqa: E402
from branchdesk.storage import chart_data as chart_store  # noqa: E402
from branchdesk.storage import stats as stats_store  # noqa: E402
from branchdesk.storage.check import broken_link, rule_problems  # noqa: E402
from branchdesk.storage.ledger import Ledger  # noqa: E402
from branchdesk.storage.regions import scope_sql  # noqa: E402

if TYPE_CHECKING:
    from branchdesk.exchange.package_import import ImportResult

CLOCK = FixedClock.on("2024-01-15")  # inside the demo's activity span, so every figure has data
MONTH = Month(2023, 12)


def cache_dir() -> Path:
    folder = Path(os.environ.get("BRANCHDESK_BENCH_CACHE", Path.home() / ".cache" / "branchdesk-bench"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def report(name: str, value: float, unit: str, baseline: tuple[str, float] | None = None) -> None:
    line = f"{name}: {value:.3f} {unit}" if unit == "s" else f"{name}: {value:.1f} {unit}"
    if baseline is not None and baseline[1] > 0:
        line += f" ({value / baseline[1]:.2f}× {baseline[0]})"
    print(line, flush=True)


def median_time(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def alternating_times(
    first: Callable[[], object], second: Callable[[], object], repeat: int
) -> tuple[list[float], list[float]]:
    """The times of two actions run in turn, so that a change in the machine's load (shared machines)
    weighs on both alike, as a same-run ratio needs."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for action, taken in zip((first, second), times, strict=True):
            start = time.perf_counter()
            action()
            taken.append(time.perf_counter() - start)
    return times


def alternating_medians(
    first: Callable[[], object], second: Callable[[], object], repeat: int
) -> tuple[float, float]:
    times = alternating_times(first, second, repeat)
    return statistics.median(times[0]), statistics.median(times[1])


def alternating_best(
    first: Callable[[], object], second: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """The fastest run of each of two actions run in turn: for work of a few milliseconds, which a busy
    machine's scheduler can double or halve from one run to the next (load only ever adds time), so that
    the ratio is of the work, as timeit advises."""
    times = alternating_times(first, second, repeat)
    return min(times[0]), min(times[1])


def demo_mark() -> str:
    """A short hash of the demo generator's code. A ledger cached by an earlier generator lacks what later
    ones make (one made before agreements, lists, stars and work teams has none, and their parts measured
    nothing), so each generator has its own cached ledger."""
    digest = hashlib.sha256()
    for source in sorted((ROOT / "branchdesk" / "services" / "demo").glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:8]


def ledger_for(scale: str, seed: int, rebuild: bool) -> Path:
    path = cache_dir() / f"{scale}-seed{seed}-v{__version__}-demo{demo_mark()}.bdesk"
    if path.exists() and not rebuild:
        print(f"ledger: {path} (reused)", flush=True)
        # A ledger cached by an older build is upgraded once, as the window would, so that the parts
        # (which read it read-only) measure the current schema.
        Ledger.open(path, CLOCK).close()
        return path
    start = time.perf_counter()
    generate_demo(path, scale, seed=seed, clock=CLOCK, overwrite=True)
    report(f"demo generation ({scale})", time.perf_counter() - start, "s")
    return path


def bench_stats(path: Path) -> None:
    with open_ledger(path, CLOCK, read_only=True) as ledger:
        region = ledger_stats(ledger).region.id
        day = CLOCK.today()

        def bare_sql() -> None:
            stats_store.branch_figures(ledger, region, day, direct=False)
            stats_store.coverage(ledger, region, day, direct=False, organ_side=False)
            stats_store.coverage(ledger, region, day, direct=False, organ_side=True)
            stats_store.monthly_compliance(ledger, region, MONTH, direct=False)
            stats_store.activity_counts(ledger, region, MONTH, direct=False)

        bare = median_time(bare_sql, 5)
        report("stats: bare SQL aggregates", bare, "s")
        full = median_time(lambda: ledger_stats(ledger, month=MONTH).as_json(), 5)
        report("stats: service (ledger_stats)", full, "s", ("bare SQL aggregates", bare))


# The figures of domain/agreements.py written out by hand, without the app's query builders: the baseline
# of the ``targets`` figures and the chart by part.
_TARGETS_BY_HAND = """
SELECT count(*), sum(coalesce((SELECT value FROM target_progress v WHERE v.target_id = t.id
       AND v.recorded_on <= :day ORDER BY v.recorded_on DESC, v.id DESC LIMIT 1) >= t.number, 0))
FROM agreement_target t JOIN agreement a ON a.id = t.agreement_id
WHERE t.number IS NOT NULL AND a.signed_on <= :day
"""
_AGREEMENT_BY_HAND = (
    "SELECT * FROM agreement WHERE pairing_id = :pairing",
    "SELECT t.* FROM agreement_target t JOIN agreement a ON a.id = t.agreement_id"
    " WHERE a.pairing_id = :pairing",
    "SELECT v.* FROM target_progress v JOIN agreement_target t ON t.id = v.target_id"
    " JOIN agreement a ON a.id = t.agreement_id WHERE a.pairing_id = :pairing",
)


def bench_agreements(path: Path) -> None:
    """Pairing agreements (issue #20): the agreement dialog's read of a pairing's agreement (200 pairings in
    turn), the ``targets`` figures of the top region and the chart of targets reached by part, each beside
    the same rows or figures read by hand-written SQL; the speed target is ≤ 2× of it."""
    from branchdesk.services.agreements import pairing_agreement
    from branchdesk.services.charts import targets_reached

    with open_ledger(path, CLOCK, read_only=True) as ledger:
        targets = ledger.scalar("SELECT count(*) FROM agreement_target")
        print(
            f"agreements: {ledger.scalar('SELECT count(*) FROM agreement')} agreements, {targets} targets,"
            f" {ledger.scalar('SELECT count(*) FROM target_progress')} progress entries",
            flush=True,
        )
        step = max(1, int(ledger.scalar("SELECT count(*) FROM agreement")) // 200)
        pairings = [row[0] for row in ledger.conn.execute(
            f"SELECT pairing_id FROM agreement WHERE id % {step} = 0 LIMIT 200")]  # fmt: skip

        def dialog_reads() -> None:
            for pairing in pairings:
                pairing_agreement(ledger, pairing)

        def by_hand() -> None:
            for pairing in pairings:
                for sql in _AGREEMENT_BY_HAND:
                    ledger.conn.execute(sql, {"pairing": pairing}).fetchall()

        reads, bare = alternating_medians(dialog_reads, by_hand, 5)
        report(f"agreements: hand-written SQL of {len(pairings)} agreements", bare, "s")
        report(
            f"agreements: the dialog's read of {len(pairings)} agreements",
            reads,
            "s",
            ("hand-written SQL", bare),
        )
        region = ledger_stats(ledger).region.id
        day = CLOCK.today()
        figures, bare = alternating_medians(
            lambda: stats_store.target_counts(ledger, region, day, direct=False),
            lambda: ledger.conn.execute(_TARGETS_BY_HAND, {"day": day.isoformat()}).fetchone(),
            5,
        )
        report("agreements: targets by hand-written SQL", bare, "s")
        report("agreements: stats --json targets", figures, "s", ("hand-written SQL", bare))
        chart = median_time(lambda: targets_reached(ledger, region, day), 5)
        report("agreements: chart of targets reached by part", chart, "s", ("hand-written SQL", bare))


def bench_halfyear(path: Path) -> None:
    """The summary of the ledger's whole region for its last half-year (the city's, at city scale), as Tools ▸
    New half-year freezes it, against the SQL aggregates it is made of: the figures at the half-year's end,
    each month's compliance and activities, each key task's activities (target: ≤ 2×)."""
    from branchdesk.domain.halfyear import half_months
    from branchdesk.domain.months import HalfYear
    from branchdesk.services.halfyear import summarise
    from branchdesk.storage.halfyear import task_figures

    half = HalfYear.of(CLOCK.today()).previous()
    with open_ledger(path, CLOCK, read_only=True) as ledger:
        region = ledger_stats(ledger).region.id
        end = half.last_day

        def bare_sql() -> None:
            stats_store.branch_figures(ledger, region, end, direct=False)
            stats_store.coverage(ledger, region, end, direct=False, organ_side=False)
            stats_store.coverage(ledger, region, end, direct=False, organ_side=True)
            for month in half_months(half):
                stats_store.monthly_compliance(ledger, region, month, direct=False)
                stats_store.activity_counts(ledger, region, month, direct=False)
            task_figures(ledger, region, half)

        bare, full = alternating_medians(bare_sql, lambda: summarise(ledger, region, half).as_json(), 5)
        report(f"half-year summary {half}: bare SQL aggregates", bare, "s")
        report(f"half-year summary {half}: service (summarise)", full, "s", ("bare SQL aggregates", bare))


def wall_time(command: list[str], repeat: int) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, env=env, cwd=ROOT, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


EMPTY_WINDOW = (
    "import time\n"
    "from PySide6.QtCore import QEvent, QObject, QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([]); window = QMainWindow()\n"
    "def shown():\n"
    "    print(f'shown_at={time.time()!r}', flush=True); app.quit()\n"
    "class FirstPaint(QObject):\n"
    "    def eventFilter(self, watched, event):\n"
    "        if event.type() == QEvent.Type.Paint:\n"
    "            QTimer.singleShot(0, shown)\n"
    "        return False\n"
    "painted = FirstPaint(); window.installEventFilter(painted); window.show(); app.exec()\n"
)


def time_to_shown(command: list[str], repeat: int, bytecode: Path, marks: tuple[str, ...]) -> list[float]:
    """From launching the process to each moment it reports (``shown_at=``: its window's first paint, and
    whatever ``marks`` follow, each a wall-clock time on stdout); the median of each.

    Timed with compiled bytecode, as the installed app runs (PyInstaller ships .pyc): one untimed run first
    writes it to ``bytecode``, even where the environment says PYTHONDONTWRITEBYTECODE."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(bytecode)
    subprocess.run(command, check=True, env=env, cwd=ROOT, capture_output=True)
    times: list[list[float]] = [[] for _ in marks]
    for _ in range(repeat):
        start = time.time()
        result = subprocess.run(command, check=True, env=env, cwd=ROOT, capture_output=True, text=True)
        reported = dict(line.split("=", 1) for line in result.stdout.splitlines() if "_at=" in line)
        for mark, taken in zip(marks, times, strict=True):
            taken.append(float(reported[mark]) - start)
    return [statistics.median(taken) for taken in times]


def bench_cli_and_window(path: Path) -> None:
    """The CLI's whole process, and the window's start: until its first paint (the ledger's name and a
    loading state: nothing read from the file yet), and until the first tab's rows are painted; each
    against an empty PySide6 window's first paint."""
    python = sys.executable
    bare_python = wall_time([python, "-c", "pass"], 5)
    cli = wall_time([python, "-m", "branchdesk.cli", "stats", str(path), "--json"], 3)
    report("cli stats --json (whole process)", cli, "s", ("bare python start", bare_python))
    with tempfile.TemporaryDirectory() as home:
        # Fresh settings and data folders: no remembered ledger opens, no backup lands in the user's folder.
        saved = {key: os.environ.get(key) for key in ("XDG_CONFIG_HOME", "BRANCHDESK_DATA_DIR")}
        os.environ.update(XDG_CONFIG_HOME=home, BRANCHDESK_DATA_DIR=home)
        try:
            bytecode = Path(home) / "bytecode"
            [empty] = time_to_shown([python, "-c", EMPTY_WINDOW], 5, bytecode, ("shown_at",))
            report("empty PySide6 window until shown", empty, "s")
            window, data = time_to_shown(
                [python, "-m", "branchdesk.app", str(path), "--exit-when-shown"],
                5,
                bytecode,
                ("shown_at", "data_shown_at"),
            )
            baseline = ("empty PySide6 window", empty)
            report("window on the ledger until shown", window, "s", baseline)
            report("window on the ledger until its first tab's rows are shown", data, "s", baseline)
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


# -- charts (issue 7) -------------------------------------------------------------------------------------

CHART_SIZE = (10.8, 6.3)  # inches at 100 dpi: the chart area of a 1366×768 window


def _chart_reads(ledger: Ledger, region: int, span: MonthSpan) -> dict[str, Callable[[], object]]:
    """The storage calls each chart's service makes: its SQL aggregates alone (not every chart is listed
    here)."""
    day = CLOCK.today()

    def organ() -> object:
        parts = chart_store.organ_figures_by_part(ledger, region, day)
        if all(p.group.kind is GroupKind.OWN for p in parts if p.total):
            parts = chart_store.organ_figures_by_unit(ledger, region, day)
        return parts

    def grid() -> object:
        groups = chart_store.compliance_by_part(ledger, region, span)
        if chart_store.pairings_in_span(ledger, region, span) <= PAIRING_ROWS_MAX or not any(
            g.group.kind is GroupKind.REGION for g in groups
        ):
            chart_store.pairing_months(ledger, region, span, PAIRING_ROWS_LIMIT)
        return groups

    return {
        "grassroots": lambda: chart_store.grassroots_coverage_by_part(ledger, region, day),
        "organ": organ,
        "optimisation": organ,
        "tiers": lambda: chart_store.tier_matrix(ledger, region, day),
        "types": lambda: chart_store.monthly_activity(ledger, region, span),
        "volunteers": lambda: chart_store.monthly_activity(ledger, region, span),
        "areas": lambda: chart_store.area_counts(ledger, region, span),
        "weekday": lambda: chart_store.weekday_by_month(ledger, region, span),
        "themed-days": grid,
    }


def bench_charts(path: Path) -> None:
    """Each chart's redraw after a region switch (its figures read as the tab's worker reads them, then its
    picture rendered as the worker renders it, from the chart's spec), against its SQL aggregates alone, for
    the city and its largest county; and what the UI thread does per picture: turn it into an image and
    paint it, against the drawing it no longer does."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from branchdesk.charts.base import figure_height
    from branchdesk.charts.picture import SCREEN_DPI, Picture, render
    from branchdesk.i18n.language import Translations
    from branchdesk.ui.chart_canvas import ChartView, screen_image
    from branchdesk.ui.jobs.runner import JobRunner
    from branchdesk.ui.tabs.chart import ChartSpec, ChartTab, Wording
    from branchdesk.ui.tabs.coverage import CoverageTab
    from branchdesk.ui.tabs.frequency import FrequencyTab

    app = QApplication.instance() or QApplication([])
    translations = Translations(app)
    translations.install("zh_CN")
    jobs = JobRunner(CLOCK, path.parent / "logs")
    tabs: list[ChartTab] = [CoverageTab(jobs), FrequencyTab(jobs)]
    width, height = (round(side * SCREEN_DPI) for side in CHART_SIZE)
    wording = Wording.current()
    view = ChartView()
    view.resize(width, height)
    with open_ledger(path, CLOCK, read_only=True) as ledger:
        span = default_span(ledger)
        city = ledger_stats(ledger).region.id
        root = next(node for node in region_tree(ledger) if node.id == city)
        largest = max(root.children, key=lambda node: node.total, default=root)
        county, names = largest.id, {city: root.name, largest.id: largest.name}
        for tab in tabs:
            period = CLOCK.today() if isinstance(tab, CoverageTab) else span
            for spec in tab.specs.values():
                timings: dict[int, dict[str, list[float]]] = {
                    r: {"sql": [], "all": [], "draw": [], "show": []} for r in names
                }

                def redraw(
                    region: int, spec: ChartSpec = spec, period: object = period
                ) -> tuple[float, Picture]:
                    """Read and render as the worker does; returns the rendering's share of the time."""
                    data = spec.fetch(ledger, region, period)
                    start = time.perf_counter()
                    rows = spec.rows(data)
                    tall = round(figure_height(rows, 0) * SCREEN_DPI) if rows else 0
                    picture = render(
                        lambda figure: spec.figure(figure, data, wording), width, max(height, tall), 1.0
                    )
                    return time.perf_counter() - start, picture

                def show(picture: Picture) -> float:
                    """The UI thread's part: the picture (in the screen's format, made by the worker) into
                    the view, and the view painted."""
                    image = screen_image(picture)
                    start = time.perf_counter()
                    view.show_picture(picture, image, tall=picture.logical_size[1] > height)
                    view.grab()
                    return time.perf_counter() - start

                redraw(county)  # fonts and caches warm, as after the tab's first showing
                for _ in range(3):
                    for region in (city, county):  # each run follows a switch from the other region
                        aggregates = _chart_reads(ledger, region, span).get(spec.id)
                        timings[region]["sql"].append(median_time(aggregates or (lambda: None), 1))
                        start = time.perf_counter()
                        drawing, picture = redraw(region)
                        timings[region]["draw"].append(drawing)
                        timings[region]["all"].append(time.perf_counter() - start)
                        timings[region]["show"].append(show(picture))
                for region, name in names.items():
                    label = f"chart {tab.objectName()}/{spec.id} ({name})"
                    sql = statistics.median(timings[region]["sql"])
                    report(f"{label}: SQL aggregates alone", sql, "s")
                    report(
                        f"{label}: data+draw after a region switch",
                        statistics.median(timings[region]["all"]),
                        "s",
                        ("SQL aggregates alone", sql),
                    )
                    drawing = statistics.median(timings[region]["draw"])
                    report(f"{label}: of which drawing", drawing, "s")
                    report(
                        f"{label}: UI thread per picture shown",
                        statistics.median(timings[region]["show"]),
                        "s",
                        ("drawing, now in the worker", drawing),
                    )
    translations.remove()


# -- an edit while a chart is read (issue 16) ---------------------------------------------------------


def _read_chart(path: Path, region: int, span: MonthSpan, chart: str, reading: threading.Event) -> None:
    """A chart's read as its tab's worker makes it: a read-only connection of its own, on another thread."""
    with open_ledger(path, CLOCK, read_only=True) as ledger:
        read = _chart_reads(ledger, region, span)[chart]
        reading.set()
        read()


def bench_edit_during_read(path: Path) -> None:
    """The UI thread's time for a cell edit (a branch's member count, saved as the window saves it) made
    while the slowest chart's read for the city runs, against the same edit with no read. The edits go to
    a copy: the benchmark's ledger stays as it was."""
    import shutil

    from branchdesk.domain.listing import BranchColumn
    from branchdesk.services.branches import set_branch_field

    with open_ledger(path, CLOCK, read_only=True) as ledger:
        span = default_span(ledger)
        city = ledger_stats(ledger).region.id
        alone = {chart: median_time(read, 1) for chart, read in _chart_reads(ledger, city, span).items()}
    slowest = max(alone, key=alone.__getitem__)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        with open_ledger(copy, CLOCK) as ledger:
            ledger.use_wal(committed=lambda: None)  # as the window's edits do: no checkpoint in a commit
            branch = int(ledger.scalar("SELECT min(id) FROM branch WHERE archived_on IS NULL"))
            counts = iter(range(10, 1000))

            def edit() -> None:
                set_branch_field(ledger, branch, BranchColumn.MEMBERS, next(counts))

            baseline = median_time(edit, 5)
            during, overlapped = [], 0
            for _ in range(5):
                reading = threading.Event()
                reader = threading.Thread(target=_read_chart, args=(copy, city, span, slowest, reading))
                reader.start()
                reading.wait()
                time.sleep(alone[slowest] / 4)  # well inside the read
                during.append(median_time(edit, 1))
                overlapped += reader.is_alive()
                reader.join()
    report(
        f"edit: UI-thread time of a cell edit while the slowest chart is read ({slowest}, city;"
        f" {overlapped}/5 inside the read)",
        statistics.median(during) * 1000,
        "ms",
        ("the same edit with no read", baseline * 1000),
    )


def bench_ui_edit(path: Path) -> None:
    """A member count typed into the Branches tab of the real window (F2, digits, Enter; keys posted to
    the event loop as a keyboard's are) with the city selected, on a copy of the ledger: the longest time
    the UI thread did not answer a 5 ms heartbeat from the Enter until everything the edit asks for (the
    lists, the tree's counts, the status bar's figures) is read and shown; median of five edits after
    one to warm up. Against the bare service call that saves the same edit. Meant for the stress ledger."""
    import shutil

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QWidget

    from branchdesk.app import build_window
    from branchdesk.domain.listing import BranchColumn
    from branchdesk.services.branches import set_branch_field
    from branchdesk.ui.models.branches import COLUMNS

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)

    def run_events(msecs: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(msecs, loop.quit)
        loop.exec()

    def press(widget: QWidget | None, key: Qt.Key, text: str = "") -> None:
        assert widget is not None
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.postEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        with open_ledger(copy, CLOCK) as ledger:
            ledger.use_wal(committed=lambda: None)  # as the window's edits do: no checkpoint in a commit
            branch = int(ledger.scalar("SELECT min(id) FROM branch WHERE archived_on IS NULL"))
            counts = iter(range(10, 1000))
            baseline = median_time(
                lambda: set_branch_field(ledger, branch, BranchColumn.MEMBERS, next(counts)), 5
            )
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = build_window(app, CLOCK, settings, "zh_CN", Path(folder) / "data", headless=True)
        window.resize(1366, 768)
        window.show()
        window.open_path(copy)
        window.settle()
        table, model = window.branches_tab.table, window.branches_tab.model
        gaps: list[int] = []
        beat, clock = QTimer(), QElapsedTimer()
        beat.setInterval(5)
        beat.timeout.connect(lambda: gaps.append(clock.restart()))
        worst: list[int] = []
        for row in range(6):
            table.setFocus()
            table.setCurrentIndex(model.index(row, COLUMNS.index(BranchColumn.MEMBERS)))
            press(table, Qt.Key.Key_F2)
            run_events(50)
            editor = QApplication.focusWidget()
            for digit in str(40 + row):
                press(editor, Qt.Key(Qt.Key.Key_0 + int(digit)), digit)
            run_events(50)
            gaps.clear()
            clock.start()
            beat.start()
            press(editor, Qt.Key.Key_Return)
            run_events(100)
            while not window.jobs.wait(msecs=0):  # the reads the edit asked for still run
                run_events(20)
            run_events(100)  # their results delivered and painted
            beat.stop()
            worst.append(max(gaps, default=0))
        window.close()
        window.deleteLater()
    report(
        "ui: one typed edit at stress, UI-thread time",
        statistics.median(worst[1:]),
        "ms",
        ("the bare service call", baseline * 1000),
    )


def bench_edit_commit(path: Path) -> None:
    """The UI thread's time for a cell edit or its undo (a branch's member count) as the window saves them:
    the commit syncs the WAL, and the job runner copies it into the file a second later
    (ui/jobs/checkpoints.py), between a person's edits, which the benchmark leaves time for. Against the
    bare commit (no checkpoint at all), and against SQLite's own checkpoint inside each commit
    (``wal_autocheckpoint = 1``, how the window saved until this session). Each on a copy of the ledger, in
    turns; the disk's flushes are most of it, so a slow disk (a laptop's HDD, an antivirus) multiplies
    the figures, not their ratios."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from branchdesk.domain.listing import BranchColumn
    from branchdesk.services.branches import set_branch_field
    from branchdesk.services.history import UndoHistory
    from branchdesk.ui.jobs.checkpoints import CHECKPOINT_AFTER_MS, Checkpoints
    from branchdesk.ui.jobs.runner import JobRunner

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)

    def pause() -> None:
        """As long as a person takes between two edits; the window's checkpoint runs meanwhile."""
        loop = QEventLoop()
        QTimer.singleShot(CHECKPOINT_AFTER_MS + 200, loop.quit)
        loop.exec()
        jobs.wait()
        jobs.deliver()

    with tempfile.TemporaryDirectory() as folder:
        jobs = JobRunner(CLOCK, Path(folder) / "logs")
        checkpoints = Checkpoints(jobs)
        ledgers: dict[str, Ledger] = {}
        for name in ("window", "bare", "inside"):
            copy = Path(folder) / name / path.name
            copy.parent.mkdir()
            shutil.copyfile(path, copy)
            ledger = ledgers[name] = open_ledger(copy, CLOCK)
            if name == "window":
                checkpoints.watch(ledger)
            else:
                ledger.use_wal(committed=lambda: None)
            if name == "inside":
                ledger.conn.execute("PRAGMA wal_autocheckpoint = 1")
        branch = int(ledgers["bare"].scalar("SELECT min(id) FROM branch WHERE archived_on IS NULL"))
        histories = {name: UndoHistory(ledger) for name, ledger in ledgers.items()}
        times: dict[str, list[float]] = {name: [] for name in ledgers}

        def timed(name: str, step: Callable[[], object]) -> None:
            start = time.perf_counter()
            step()
            times[name].append(time.perf_counter() - start)

        def edit(ledger: Ledger, history: UndoHistory, count: int) -> None:
            history.record(set_branch_field(ledger, branch, BranchColumn.MEMBERS, count))

        for count in range(9000, 9008):
            for name, ledger in ledgers.items():
                history = histories[name]
                timed(name, partial(edit, ledger, history, count))
                pause()
                timed(name, history.undo)
                pause()
        checkpoints.let_go(ledgers["window"])
        for ledger in ledgers.values():
            ledger.close()
        jobs.shut_down()
    bare = statistics.median(times["bare"]) * 1000
    report(
        "edit: UI-thread time of a cell edit or its undo as the window saves it (checkpoints on the job"
        " runner)",
        statistics.median(times["window"]) * 1000,
        "ms",
        ("the bare commit", bare),
    )
    report(
        "edit: the same with SQLite's checkpoint inside each commit (before)",
        statistics.median(times["inside"]) * 1000,
        "ms",
        ("the bare commit", bare),
    )


# -- the draw (issue 5) -----------------------------------------------------------------------------------


def bench_draw(path: Path) -> None:
    """On a copy of the ledger: end every pairing of its largest county, then preview a draw there,
    against the raw SQL that selects the candidates (both sides)."""
    import shutil

    from branchdesk.services.draws import preview_draw
    from branchdesk.storage.pairing_list import unpaired_sql

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "draw.bdesk"
        shutil.copy(path, copy)
        with open_ledger(copy, CLOCK) as ledger:
            city = ledger_stats(ledger).region.id
            root = next(node for node in region_tree(ledger) if node.id == city)
            county = max(root.children, key=lambda node: node.total).id
            # A bulk setup step, not a user action: no change log needed for a scratch copy.
            ledger.conn.execute(
                f"WITH RECURSIVE {scope_sql(False)} UPDATE pairing"
                " SET ended_on = max(started_on, :day), end_reason = 'other'"
                " WHERE ended_on IS NULL AND grassroots_id IN"
                " (SELECT id FROM branch WHERE region_id IN (SELECT id FROM scope))",
                {"region": county, "day": CLOCK.today().isoformat()},
            )

            def raw_sql() -> None:
                for organ_side in (True, False):
                    sql = unpaired_sql(organ_side, for_draw=True)
                    ledger.conn.execute(sql, {"region": county, "limit": -1}).fetchall()

            raw = median_time(raw_sql, 5)
            report("draw: raw SQL selecting the candidates (largest county, all pairings ended)", raw, "s")
            preview = median_time(lambda: preview_draw(ledger, county, "20220411"), 5)
            report("draw: preview (candidates, shuffle, pairs)", preview, "s", ("raw candidate SQL", raw))


def bench_branches(path: Path) -> None:
    """The Branches tab over the whole ledger, as the window drives its model (ids in display order, then
    the first page of rows), against hand-written SQL returning the same ids and rows."""
    from branchdesk.domain.listing import BranchColumn, BranchFilter, BranchSort
    from branchdesk.ui.models.branches import BranchTableModel
    from branchdesk.ui.session import LedgerSession

    page = BranchTableModel.BATCH
    with open_ledger(path, CLOCK, read_only=True) as ledger:
        session = LedgerSession(ledger)
        model = BranchTableModel(session)

        def raw(order: str, where: str = "", params: tuple[object, ...] = ()) -> Callable[[], object]:
            def run() -> object:
                ids = [
                    row[0]
                    for row in ledger.conn.execute(
                        f"SELECT b.id FROM branch b LEFT JOIN unit u ON u.id = b.unit_id"
                        f" WHERE b.archived_on IS NULL {where} ORDER BY {order}",
                        params,
                    )
                ]
                marks = ", ".join("?" for _ in ids[:page])
                return ledger.conn.execute(
                    f"SELECT b.*, u.name, r.name FROM branch b LEFT JOIN unit u ON u.id = b.unit_id"
                    f" JOIN region r ON r.id = b.region_id WHERE b.id IN ({marks})",
                    ids[:page],
                ).fetchall()

            return run

        # Names sort by their stored pinyin key (issue #14), at the speed of the plain text sort before it.
        by_text = median_time(raw("b.name, b.id"), 5)
        report("branches: raw SQL, by name as text (the sort before pinyin keys)", by_text, "s")
        by_key = median_time(raw("b.name_key, b.id"), 5)
        report("branches: raw SQL, by name's pinyin key", by_key, "s", ("by name as text", by_text))

        cases = [
            ("first page (by name)", raw("b.name_key, b.id"), BranchFilter(), BranchSort()),
            (
                "sort by secretary, descending",
                raw("b.secretary IS NULL, b.secretary DESC, b.id DESC"),
                BranchFilter(),
                BranchSort(BranchColumn.SECRETARY, descending=True),
            ),
            (
                "filter by text “张”",
                raw(
                    "b.name_key, b.id",
                    "AND (instr(b.name, ?) OR instr(coalesce(b.secretary, ''), ?)"
                    " OR instr(coalesce(u.name, ''), ?) OR instr(coalesce(b.phone, ''), ?))",
                    ("张",) * 4,
                ),
                BranchFilter(text="张"),
                BranchSort(),
            ),
        ]
        for name, bare, flt, sort in cases:
            baseline = median_time(bare, 5)
            report(f"branches: raw SQL, {name}", baseline, "s")

            def shown(flt: BranchFilter = flt, sort: BranchSort = sort) -> None:
                model.show(BranchFilter(region_id=-1), BranchSort())  # not the wanted view: reload below
                model.show(flt, sort)

            report(f"branches: tab model, {name}", median_time(shown, 5), "s", ("raw SQL", baseline))


def bench_items(path: Path) -> None:
    """The Lists tab (清单) over the whole ledger, as the window drives its model (ids in display order, then
    the first page of rows), against hand-written SQL returning the same ids and rows."""
    from branchdesk.domain.plan_items import ItemColumn, ItemFilter, ItemSort, ItemState
    from branchdesk.services import plan_items
    from branchdesk.ui.models.items import ItemTableModel

    page = ItemTableModel.BATCH
    today = CLOCK.today().isoformat()
    with open_ledger(path, CLOCK, read_only=True) as ledger:
        report("items: rows", ledger.scalar("SELECT count(*) FROM plan_item"), "rows")
        model = ItemTableModel(ItemFilter(today=CLOCK.today()))
        model.set_queries(
            lambda flt, sort: plan_items.item_ids(ledger, flt, sort),
            lambda ids: plan_items.item_rows(ledger, ids),
        )

        def raw(order: str, where: str = "1", params: tuple[object, ...] = ()) -> Callable[[], object]:
            def run() -> object:
                ids = [
                    row[0]
                    for row in ledger.conn.execute(
                        "SELECT i.id FROM plan_item i JOIN pairing p ON p.id = i.pairing_id"
                        f" JOIN branch g ON g.id = p.grassroots_id WHERE {where} ORDER BY {order}",
                        params,
                    )
                ]
                marks = ", ".join("?" for _ in ids[:page])
                return ledger.conn.execute(
                    "SELECT i.*, g.name, o.name, r.name, rp.name,"
                    " (SELECT count(*) FROM plan_item_activity l WHERE l.plan_item_id = i.id)"
                    " FROM plan_item i JOIN pairing p ON p.id = i.pairing_id"
                    " JOIN branch o ON o.id = p.organ_id JOIN branch g ON g.id = p.grassroots_id"
                    " JOIN region r ON r.id = g.region_id"
                    f" LEFT JOIN region rp ON rp.id = r.parent_id WHERE i.id IN ({marks})",
                    ids[:page],
                ).fetchall()

            return run

        status = "CASE i.status WHEN 'open' THEN 1 WHEN 'in_progress' THEN 2 ELSE 3 END"
        overdue = "i.opened_on <= ? AND i.due_on < ? AND (i.done_on IS NULL OR i.done_on > ?)"
        cases = [
            (
                "first page (by status, then due day: the tab's order)",
                raw(f"{status}, i.due_on IS NULL, i.due_on, i.id"),
                ItemFilter(today=CLOCK.today()),
                ItemSort(ItemColumn.STATUS),
            ),
            (
                "sort by title, descending",
                raw("i.title DESC, i.id DESC"),
                ItemFilter(today=CLOCK.today()),
                ItemSort(ItemColumn.TITLE, descending=True),
            ),
            (
                "filter overdue",
                raw("i.due_on, i.id", overdue, (today,) * 3),
                ItemFilter(today=CLOCK.today(), state=ItemState.OVERDUE),
                ItemSort(ItemColumn.DUE),
            ),
            (
                "filter by text “村道”",
                raw(
                    "i.due_on IS NULL, i.due_on, i.id",
                    "(instr(i.title, ?) OR instr(coalesce(i.owner, ''), ?) OR instr(g.name, ?))",
                    ("村道",) * 3,
                ),
                ItemFilter(today=CLOCK.today(), text="村道"),
                ItemSort(ItemColumn.DUE),
            ),
        ]
        for name, bare, flt, sort in cases:

            def shown(flt: ItemFilter = flt, sort: ItemSort = sort) -> None:
                model.show(ItemFilter(today=CLOCK.today(), region_id=-1), sort)  # another view: reload below
                model.show(flt, sort)

            baseline, tab = alternating_medians(bare, shown, 5)
            report(f"items: raw SQL, {name}", baseline, "s")
            report(f"items: tab model, {name}", tab, "s", ("raw SQL", baseline))


def bench_activities(path: Path) -> None:
    """The Activities tab over the whole ledger, as its worker reads a page (ids in display order, then the
    rows) and the totals of a filter, against hand-written SQL returning the same rows and figures."""
    from branchdesk.domain.activities import ActivityFilter, ActivitySort
    from branchdesk.services.activities import activity_page, activity_totals
    from branchdesk.ui.models.activities import ActivityTableModel

    page = ActivityTableModel.BATCH
    first, last = MONTH.first_day.isoformat(), MONTH.last_day.isoformat()
    with open_ledger(path, CLOCK, read_only=True) as ledger:
        city = ledger_stats(ledger).region.id

        def raw_page(where: str = "", params: tuple[object, ...] = ()) -> Callable[[], object]:
            """The page's ids in display order, then its rows with every name they show."""

            def run() -> object:
                ids = [
                    row[0]
                    for row in ledger.conn.execute(
                        f"SELECT a.id FROM activity a {where}"
                        f" ORDER BY a.held_on DESC, a.id DESC LIMIT {page}",
                        params,
                    )
                ]
                marks = ", ".join("?" for _ in ids)
                return ledger.conn.execute(
                    "SELECT a.*, g.name, o.name, r.name, rp.name, kt.name, h.kind,"
                    " (SELECT group_concat(x.area) FROM activity_area x WHERE x.activity_id = a.id)"
                    " FROM activity a JOIN pairing p ON p.id = a.pairing_id"
                    " JOIN branch g ON g.id = p.grassroots_id JOIN branch o ON o.id = p.organ_id"
                    " JOIN region r ON r.id = g.region_id LEFT JOIN region rp ON rp.id = r.parent_id"
                    " LEFT JOIN key_task kt ON kt.id = a.key_task_id LEFT JOIN holiday h ON h.day = a.held_on"
                    f" WHERE a.id IN ({marks})",
                    ids,
                ).fetchall()

            return run

        month = ActivityFilter(region_id=city, first_month=MONTH, last_month=MONTH)
        cases: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
            (
                "first page (newest first)",
                raw_page(),
                lambda: activity_page(ledger, ActivityFilter(region_id=city), ActivitySort(), 0, page),
            ),
            (
                f"filter by month ({MONTH}), first page",
                raw_page("WHERE a.held_on BETWEEN ? AND ?", (first, last)),
                lambda: activity_page(ledger, month, ActivitySort(), 0, page),
            ),
            (
                f"totals of the month filter ({MONTH})",
                lambda: ledger.conn.execute(
                    "SELECT count(*), sum(volunteers) FROM activity WHERE held_on BETWEEN ? AND ?",
                    (first, last),
                ).fetchone(),
                lambda: activity_totals(ledger, month),
            ),
            (
                "totals of the whole ledger",
                lambda: ledger.conn.execute("SELECT count(*), sum(volunteers) FROM activity").fetchone(),
                lambda: activity_totals(ledger, ActivityFilter(region_id=city)),
            ),
        ]
        for name, bare, served in cases:
            baseline = median_time(bare, 5)
            report(f"activities: raw SQL, {name}", baseline, "s")
            report(f"activities: tab worker, {name}", median_time(served, 5), "s", ("raw SQL", baseline))


# The peak of this process alone: VmHWM, as ru_maxrss would report the parent's resident memory at the fork.
PEAK = (
    "def peak_kib():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            return int(line.split()[1])\n"
)

VISIT_EVERY_TAB = (
    PEAK
    + """
import sys
import time
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from branchdesk.app import build_window
from branchdesk.domain.clock import FixedClock
app = QApplication([])
folder = Path(sys.argv[2])
settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
window = build_window(app, FixedClock.on("2024-01-15"), settings, "zh_CN", folder, headless=True)
assert window.open_path(Path(sys.argv[1]))
window.resize(1366, 768)
window.show()
# A large file is shown once its quick check, off the UI thread, has passed.
deadline = time.monotonic() + 600
while window.session is None and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.05)
assert window.session is not None, "the ledger was not shown"
window.settle()
for tab_id in window.tab_ids():
    tab = window.show_tab(tab_id)
    window.settle()
    for chart in getattr(tab, "chart_ids", list)():
        tab.show_chart(chart)
        window.settle()
        assert tab.has_chart(), f"{tab_id}/{chart} drew nothing"
print(f"maxrss_kib={peak_kib()}", flush=True)
window.close()
"""
)

EMPTY_WINDOW_MEMORY = PEAK + (
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([]); window = QMainWindow(); window.show(); app.processEvents()\n"
    "print(f'maxrss_kib={peak_kib()}', flush=True)\n"
)


def peak_memory(command: list[str]) -> float:
    """The process's peak resident memory in MiB, as it reports it (``maxrss_kib=`` on stdout)."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    result = subprocess.run(command, check=True, env=env, cwd=ROOT, capture_output=True, text=True)
    found = next(line for line in result.stdout.splitlines() if line.startswith("maxrss_kib="))
    return int(found.split("=", 1)[1]) / 1024


def bench_memory(path: Path) -> None:
    if not Path("/proc/self/status").exists():  # Linux only; measure with the Task Manager on Windows
        return
    python = sys.executable
    empty = peak_memory([python, "-c", EMPTY_WINDOW_MEMORY])
    with tempfile.TemporaryDirectory() as folder:
        visited = peak_memory([python, "-c", VISIT_EVERY_TAB, str(path), folder])
    report("peak memory after visiting every tab and chart", visited, "MiB", ("empty PySide6 window", empty))


IMPORT_ROWS = 50_000


def _roster(path: Path, townships: list[str]) -> None:
    """A township-style roster of IMPORT_ROWS village branches, as an office would fill in the template."""
    from branchdesk.exchange.files import Sheet, SheetColumn, write_workbook

    headers = ["支部名称", "支部类型", "所属区域", "等次", "书记", "联系电话", "党员数", "成立日期"]
    tiers = ["好", "中", "差"]
    rows = (
        [f"第{i}村党支部", "农村", townships[i % len(townships)], tiers[i % 3], f"书记{i}",
         f"138{i:08d}", 10 + i % 40, f"20{i % 20:02d}-0{1 + i % 9}-1{i % 10}"]
        for i in range(IMPORT_ROWS)
    )  # fmt: skip
    write_workbook(path, [Sheet("支部", [SheetColumn(h, 14) for h in headers], rows)])


def _copy_regions(source: Path, ledger: Ledger) -> dict[str, int]:
    """The source ledger's regions written into ``ledger``; their ids there by path."""
    from branchdesk.domain.enums import RegionLevel
    from branchdesk.services.regions import list_regions

    with open_ledger(source, CLOCK, read_only=True) as opened:
        regions = sorted(list_regions(opened), key=lambda r: list(RegionLevel).index(r.level))
    ids: dict[int, int] = {}
    with ledger.operation("bench.regions"):
        for region in regions:
            parent = None if region.parent_id is None else ids[region.parent_id]
            values = {"name": region.name, "level": region.level.value, "parent_id": parent}
            ids[region.id] = ledger.insert("region", {**values, "code": region.code})
    return {r.path: ids[r.id] for r in regions}


def bench_import(path: Path) -> None:
    """A 50,000-row xlsx roster imported (every row checked, one undoable operation with whole rows
    logged) against reading the same file with the reader alone plus a bare executemany of its rows in
    one transaction."""
    from branchdesk.domain.imports import ImportKind
    from branchdesk.exchange.files import read_rows
    from branchdesk.exchange.ledger_import import import_file, plan_file
    from branchdesk.services.ledgers import create_ledger

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "import.bdesk"
        roster = Path(folder) / "roster.xlsx"
        with create_ledger(target, CLOCK) as ledger:
            by_path = _copy_regions(path, ledger)
            _roster(roster, [region for region in by_path if region.count("/") == 2])
            tier = {"好": "strong", "中": "average", "差": "weak"}
            start = time.perf_counter()
            rows = list(read_rows(roster))[1:]
            ledger.conn.execute("BEGIN")
            ledger.conn.executemany(
                "INSERT INTO branch (uuid, name, kind, region_id, tier, secretary, phone, member_count,"
                " established_on, created_at, updated_at) VALUES (?, ?, 'village', ?, ?, ?, ?, ?, ?, '', '')",
                [(f"u{i}", r[0], by_path[str(r[2])], tier[str(r[3])], *r[4:8]) for i, r in enumerate(rows)],
            )
            ledger.conn.execute("ROLLBACK")
            baseline = time.perf_counter() - start
            start = time.perf_counter()
            done = import_file(ledger, roster, plan_file(roster, "branches"))
            took = time.perf_counter() - start
            assert done.committed, done.problems[:3]
            assert done.of(ImportKind.BRANCHES).added == IMPORT_ROWS
        report("read xlsx + bare executemany (50,000 rows)", baseline, "s")
        report("import 50,000-row xlsx roster", took, "s", ("reader + executemany", baseline))


def bench_check(path: Path) -> None:
    """Check database against reading the file's bytes: the quick check decides whether a ledger is
    checked at once on opening (ui/ledger_safety.py, up to 16 MiB) or off the UI thread."""
    baseline = median_time(path.read_bytes, 3)
    report("check: read the file's bytes", baseline, "s")
    with open_ledger(path, CLOCK, read_only=True) as ledger:
        quick = median_time(lambda: check_ledger(ledger, quick=True), 3)
        report("check: quick check (on opening)", quick, "s", ("reading the bytes", baseline))
        full = median_time(lambda: check_ledger(ledger), 3)
        report(
            "check: Check database (integrity, foreign keys, rules)",
            full,
            "s",
            ("reading the bytes", baseline),
        )
        # One query per rule of domain.rules, over indexes; the rest of the full check is SQLite's own.
        rules = median_time(lambda: rule_problems(ledger), 3)
        report(
            "check: the ledger's rules, every broken row named", rules, "s", ("reading the bytes", baseline)
        )


# -- the UI thread during a session (issue 16) -------------------------------------------------------------

UI_ACTIONS = 300


def bench_ui(path: Path) -> None:
    """tests/ui/soak.py's session on a copy of the ledger: random user actions at a person's pace on the
    real window, with a heartbeat on the UI thread every 5 ms, and among them edits made while the
    Activity frequency tab's "areas" chart is read. A gap is the time between two heartbeats, less any time
    the machine gave the ready UI thread no processor (shared machines); the wall-clock figure follows."""
    import json

    with tempfile.TemporaryDirectory() as folder:
        found_at = Path(folder) / "report.json"
        env = {
            **os.environ,
            "BRANCHDESK_SOAK_LEDGER": str(path),
            "BRANCHDESK_SOAK_SEED": os.environ.get("BRANCHDESK_SOAK_SEED", "2022"),
            "BRANCHDESK_SOAK_ACTIONS": os.environ.get("BRANCHDESK_SOAK_ACTIONS", str(UI_ACTIONS)),
            "BRANCHDESK_SOAK_REPORT": str(found_at),
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        }
        session = ROOT / "tests" / "ui" / "soak_session.py"
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--basetemp={folder}/t"]
        done = subprocess.run(
            [*command, str(session)], env=env, cwd=ROOT, capture_output=True, text=True, check=False
        )
        if not found_at.exists():
            print(f"ui: the scripted session failed (exit {done.returncode}):", flush=True)
            print(done.stdout[-3000:] + done.stderr[-3000:], flush=True)
            return
        found = json.loads(found_at.read_text())
    if done.returncode != 0:
        print(f"ui: the session ended with an error (exit {done.returncode}); its figures:", flush=True)
    worst = found["worst"]
    report("ui: worst UI-thread gap during a scripted session", worst["felt_ms"], "ms")
    report("ui: the same gap by the wall clock", worst["wall_ms"], "ms")
    during = found["edits_during_read"]
    print(f"ui: edits made while the areas chart was read: {len(during)} edits", flush=True)
    if during:
        edit = max(during, key=lambda gap: gap["felt_ms"])
        report(
            "ui: worst UI-thread gap of an edit made while the areas chart was read", edit["felt_ms"], "ms"
        )
    lost = len(found["lost_edits"]) + len(found["refused"])
    print(f"ui: edits lost or refused: {lost} edits (of {found['edits']})", flush=True)
    # The table read again under an open cell editor (a large view is read off the UI thread).
    print(f"ui: typing lost under a cell editor: {len(found['typing_lost'])} edits", flush=True)


# -- data packages (issue 18) ----------------------------------------------------------------------------

PACKAGE_SEED = 2022  # the city demo the township deltas are built from, whatever --scale says


def _township_deltas() -> TownshipDeltas:
    return township_deltas(ledger_for("city", PACKAGE_SEED, False), cache_dir(), CLOCK)


def bench_package_export(_path: Path) -> None:
    """``package export`` of the largest township's delta (its year of activities, each recorded as one
    action), on a copy of its ledger, against reading the same rows: the change-log rows the delta
    carries, with their operations, each row before and after decoded from its JSON."""
    import json
    import shutil

    from branchdesk.exchange.package_export import export_package
    from branchdesk.storage.packages import PACKAGE_TABLES

    built = _township_deltas()
    largest = max(built.townships, key=lambda township: township.stat().st_size)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / largest.name
        shutil.copyfile(largest, copy)
        with open_ledger(copy, CLOCK) as ledger:

            def read_rows() -> int:
                cursor = ledger.conn.execute(
                    "SELECT c.id, o.uuid, o.action, o.at, c.entity, c.entity_uuid, c.change, c.before,"
                    " c.after FROM change_log c JOIN operation o ON o.id = c.operation_id"
                    f" WHERE c.entity IN {PACKAGE_TABLES} ORDER BY c.id"
                )
                rows = [
                    (
                        *row[:7],
                        None if row[7] is None else json.loads(row[7]),
                        None if row[8] is None else json.loads(row[8]),
                    )
                    for row in cursor
                ]
                return len(rows)

            changes = read_rows()
            out = Path(folder) / "delta.bdx"
            baseline, took = alternating_medians(
                read_rows, lambda: export_package(ledger, out, full=False, data_dir=built.data_dir), 7
            )
        label = f"a township's delta ({changes:,} changes, {largest.stem})"
        report(f"package export: read the rows of {label}", baseline, "s")
        report(f"package export of {label}", took, "s", ("reading its rows", baseline))


def _phone_photos(folder: Path, count: int) -> list[Path]:
    """``count`` JPEGs as a phone writes them (12 megapixels, detail everywhere, EXIF capture time and
    orientation), made by Pillow: scenes of coloured blocks with grain, each file different."""
    import random

    from PIL import ExifTags, Image

    chance = random.Random(2022)
    grain = Image.effect_noise((1000, 750), 40).convert("RGB")
    files = []
    for number in range(count):
        blocks = Image.new("RGB", (16, 12))
        blocks.putdata([tuple(chance.randrange(256) for _ in range(3)) for _ in range(16 * 12)])
        scene = Image.blend(blocks.resize((1000, 750), Image.Resampling.BILINEAR), grain, 0.3)
        exif = Image.Exif()
        exif[0x0112] = 6 if number % 3 == 0 else 1
        exif.get_ifd(ExifTags.IFD.Exif)[36867] = f"2023:12:{1 + number % 28:02d} 10:00:00"
        path = folder / f"IMG_{number:04d}.jpg"
        scene.resize((4000, 3000), Image.Resampling.BICUBIC).save(
            path, "JPEG", quality=90, exif=exif.tobytes()
        )
        files.append(path)
    return files


def bench_photos(_path: Path) -> None:
    """Adding 100 phone photos to 25 activities (normalised into the store beside a new ledger, thumbnails
    and rows written, 4 photos an action) against Pillow's own open + thumbnail + save of the same files;
    and how much the ledger file grows per photo."""
    import io
    import shutil

    from PIL import Image

    from branchdesk.domain.activities import ActivityDraft
    from branchdesk.domain.enums import ActivityType, Area, BranchKind, RegionLevel, UnitLevel
    from branchdesk.domain.photos import PhotoEntry
    from branchdesk.services import activities as activity_service
    from branchdesk.services import photos as photo_service
    from branchdesk.services.ledgers import create_ledger
    from branchdesk.storage import branches, pairings, regions

    def pillow_alone(files: list[Path]) -> None:
        for path in files:
            with Image.open(path) as image:
                image.thumbnail((1600, 1600))
                image.save(io.BytesIO(), "JPEG", quality=85)

    def new_ledger(path: Path) -> tuple[Ledger, int]:
        ledger = create_ledger(path, CLOCK)
        with ledger.operation("bench.setup"):
            city = regions.add_region(ledger, "信阳市", RegionLevel.CITY, None, None)
            county = regions.add_region(ledger, "潢川县", RegionLevel.COUNTY, city, None)
            town = regions.add_region(ledger, "城关镇", RegionLevel.TOWNSHIP, county, None)
            unit = branches.add_unit(ledger, "潢川县财政局", UnitLevel.COUNTY, county)
            organ = branches.add_branch(ledger, "财政局机关党支部", BranchKind.ORGAN, county, unit_id=unit)
            village = branches.add_branch(ledger, "城关村党支部", BranchKind.VILLAGE, town)
            pairing = pairings.add_pairing(ledger, organ, village, dt.date(2023, 1, 1))
        ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return ledger, pairing

    def add(ledger: Ledger, pairing: int, files: list[Path]) -> None:
        ready = photo_service.prepare(ledger.path, files, lambda done, total: None)
        photos = [item.photo for item in ready if item.photo is not None]
        for start in range(0, len(photos), 4):
            draft = ActivityDraft(
                held_on=dt.date(2023, 12, 1 + start // 4),
                type=ActivityType.THEMED_DAY,
                areas=frozenset({Area.SERVICE}),
                volunteers=5,
                weekday_reason="集中学习",
            )
            entries = [
                PhotoEntry(p.sha256, f"照片{p.source_name}", image=p) for p in photos[start : start + 4]
            ]
            activity_service.record_activities(ledger, [pairing], draft, photos=entries)

    with tempfile.TemporaryDirectory() as folder:
        files = _phone_photos(Path(folder), 100)
        megabytes = sum(path.stat().st_size for path in files) / 2**20
        baselines, adds, growth = [], [], []
        for run in range(3):
            start = time.perf_counter()
            pillow_alone(files)
            baselines.append(time.perf_counter() - start)
            ledger, pairing = new_ledger(Path(folder) / f"台账 {run}.bdesk")
            with ledger:
                before = ledger.path.stat().st_size
                start = time.perf_counter()
                add(ledger, pairing, files)
                adds.append(time.perf_counter() - start)
                ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                growth.append((ledger.path.stat().st_size - before) / len(files))
            shutil.rmtree(Path(folder) / f"台账 {run}.bdesk-media")
        baseline = statistics.median(baselines)
        label = f"100 phone photos (12 MP, {megabytes:.0f} MB)"
        report(f"photos: Pillow's open + thumbnail + save of {label}", baseline, "s")
        report(
            f"photos: adding {label} to 25 activities",
            statistics.median(adds),
            "s",
            ("Pillow alone", baseline),
        )
        report("photos: ledger growth per photo", statistics.median(growth) / 1024, "KB")


# -- the Word ledger (issue 19) ----------------------------------------------------------------------------

WORD_YEAR = (Month(2023, 1), Month(2023, 12))  # a township's year in the demo
WORD_PHOTOS_PER_ACTIVITY = 3


def _word_photos(count: int) -> list[Path]:
    """``count`` distinct JPEGs like the photo store's (1600 × 1200, a phone photo's texture), made once and
    cached: a dozen pictures, each copy made unique by a JPEG comment (so no library can share them)."""
    from PIL import Image, ImageFilter

    folder = cache_dir() / "word-ledger-photos"
    folder.mkdir(exist_ok=True)
    paths = [folder / f"photo-{i:04d}.jpg" for i in range(count)]
    if all(path.exists() for path in paths):
        return paths
    bases = []
    for seed in range(12):
        noise = Image.effect_noise((1600, 1200), 40 + seed * 5).filter(ImageFilter.GaussianBlur(1.2))
        picture = Image.merge(
            "RGB", (noise, noise.rotate(90, expand=False), noise.transpose(Image.Transpose.FLIP_LEFT_RIGHT))
        )
        saved = Path(tempfile.mkstemp(suffix=".jpg")[1])
        picture.save(saved, "JPEG", quality=85)
        bases.append(saved.read_bytes())
        saved.unlink()
    for i, path in enumerate(paths):
        base = bases[i % len(bases)]
        split = 4 + int.from_bytes(base[4:6], "big")  # after the JFIF header
        tag = f"bench {i}".encode()
        path.write_bytes(base[:split] + b"\xff\xfe" + (len(tag) + 2).to_bytes(2, "big") + tag + base[split:])
    return paths


def word_ledger_book(ledger: Ledger, prints: Path) -> LedgerBook:
    """The township's year as the Word ledger reads it, kept to one activity per pairing and month (40 × 12)
    with three photos each, as the photo store hands them over (normalised JPEGs in its folder, their print
    copies kept in ``prints``, as the store keeps them in its ``word`` folder)."""
    import dataclasses

    from branchdesk.domain.ledger_book import BookPhoto
    from branchdesk.services.word_ledger import ledger_book
    from branchdesk.storage.media import PRINT_EDGE, PRINT_QUALITY

    book = ledger_book(ledger, first=WORD_YEAR[0], last=WORD_YEAR[1])
    seen: set[tuple[int, Month]] = set()
    kept = []
    for activity in book.activities:
        key = (activity.pairing.id, Month.of(activity.held_on))
        if key not in seen:
            seen.add(key)
            kept.append(activity)
    photos = iter(_word_photos(len(kept) * WORD_PHOTOS_PER_ACTIVITY))
    with_photos = [
        dataclasses.replace(
            activity,
            photos=tuple(
                BookPhoto(
                    photo, None, f"活动照片{n + 1}", prints / f"{photo.stem}-{PRINT_EDGE}q{PRINT_QUALITY}.jpg"
                )
                for n, photo in zip(range(WORD_PHOTOS_PER_ACTIVITY), photos, strict=False)
            ),
        )
        for activity in kept
    ]
    return dataclasses.replace(book, activities=with_photos)


def word_ledger_once(path: Path, out: Path, prints: Path) -> int:
    """What ``ledger-doc`` does: read the book from the ledger, write the .docx (making the print copies
    ``prints`` lacks); returns its photos."""
    from branchdesk.exchange.word_ledger import write_ledger_doc

    with open_ledger(path, CLOCK, read_only=True) as ledger:
        return write_ledger_doc(word_ledger_book(ledger, prints), out)


WORD_LEDGER_MEMORY = (
    PEAK
    + """
import sys
from pathlib import Path
sys.path.insert(0, "benchmarks")
import run
run.word_ledger_once(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
print(f"maxrss_kib={peak_kib()}", flush=True)
"""
)


def bench_word_ledger(_path: Path) -> None:
    """A township's year (40 pairings × 12 months, three photos each) as a Word ledger, against docxtpl
    rendering and saving the same document alone (the book read beforehand, each photo's place in it
    made, the photo files not copied in); and the peak memory of the whole, in a process of its own.
    The pictures' print copies are made as photos are added in the window; for pictures without them
    (received in a package, found again) the first Word ledger makes them: run alone first, timed against
    the median of docxtpl's runs; the others, timed in turn with docxtpl, take them from the store.

    Left out: docxtpl putting the photos in itself (python-docx holding each photo's bytes, looking each
    new one up among all before it): measured once at 226 s for this book, against 8 s here."""
    from docxtpl import DocxTemplate

    from branchdesk.exchange.word_ledger import builtin_template, ledger_context

    township = ledger_for("township", PACKAGE_SEED, False)
    with tempfile.TemporaryDirectory() as folder:
        ours, theirs, prints = (
            Path(folder) / "ours.docx",
            Path(folder) / "docxtpl.docx",
            Path(folder) / "word",
        )
        with open_ledger(township, CLOCK, read_only=True) as ledger:
            book = word_ledger_book(ledger, prints)

        def render_alone() -> None:
            template = DocxTemplate(builtin_template())
            template.render(ledger_context(book, template), autoescape=True)
            template.save(theirs)

        start = time.perf_counter()
        word_ledger_once(township, ours, prints)
        first = time.perf_counter() - start
        baseline, took = alternating_medians(
            render_alone, lambda: word_ledger_once(township, ours, prints), 3
        )
        size = ours.stat().st_size / 2**20
        if Path("/proc/self/status").exists():
            memory = peak_memory(
                [sys.executable, "-c", WORD_LEDGER_MEMORY, str(township), str(ours), str(prints)]
            )
        else:
            memory = 0.0
    label = f"a township's year ({len(book.activities)} activities, {3 * len(book.activities)} photos)"
    report(f"word ledger: docxtpl rendering {label} alone", baseline, "s")
    report(f"word ledger of {label}", took, "s", ("docxtpl rendering alone", baseline))
    report(
        f"word ledger of {label}, the first (print copies made)",
        first,
        "s",
        ("docxtpl rendering alone", baseline),
    )
    report(f"word ledger of {label}: file", size, "MiB")
    if memory:
        report(f"word ledger of {label}: peak memory", memory, "MiB")


CHAIN_EDITS = 1000


class _Unlinked(Ledger):
    """The change log written as before the hash chain, without links: the baseline."""

    @cached_property
    def _linked(self) -> bool:
        return False


def bench_chain(path: Path) -> None:
    """The hash chain on the write path: CHAIN_EDITS one-field edits of branches, each its own saved
    action as in the window, on a copy of the ledger; against the same edits on another copy whose change
    log is written as before the chain. Then the full check's walk of the chain those edits made."""
    with tempfile.TemporaryDirectory() as folder:
        took = {}
        for name, kind in (("unlinked", _Unlinked), ("linked", Ledger)):
            copy = Path(folder) / f"{name}.bdesk"
            shutil.copyfile(path, copy)
            with kind.open(copy, CLOCK) as ledger:
                ids = [row[0] for row in ledger.conn.execute(f"SELECT id FROM branch LIMIT {CHAIN_EDITS}")]
                start = time.perf_counter()
                for number, branch_id in enumerate(ids):
                    with ledger.operation("bench.edit"):
                        ledger.update("branch", branch_id, {"note": f"基准{number}"})
                took[name] = time.perf_counter() - start
        report(f"{CHAIN_EDITS} edits, change log without the chain", took["unlinked"], "s")
        report(
            f"{CHAIN_EDITS} edits, change log with the hash chain",
            took["linked"],
            "s",
            ("without the chain", took["unlinked"]),
        )
        with open_ledger(Path(folder) / "linked.bdesk", CLOCK, read_only=True) as ledger:
            walk = median_time(lambda: broken_link(ledger), 3)
        report(f"check: walk the chain ({CHAIN_EDITS} entries)", walk, "s")
        # The heaviest writer of the change log: an import logging every row, as in bench_import.
        from branchdesk.exchange.ledger_import import import_file, plan_file

        roster = Path(folder) / "roster.xlsx"
        took = {"unlinked": float("inf"), "linked": float("inf")}
        # Each twice, in turns, the faster kept: the first import also warms the file cache.
        for name, kind in (("unlinked", _Unlinked), ("linked", Ledger)) * 2:
            with kind.create(Path(folder) / f"import-{name}.bdesk", CLOCK, overwrite=True) as ledger:
                by_path = _copy_regions(path, ledger)
                if not roster.exists():
                    _roster(roster, [region for region in by_path if region.count("/") == 2])
                start = time.perf_counter()
                assert import_file(ledger, roster, plan_file(roster, "branches")).committed
                took[name] = min(took[name], time.perf_counter() - start)
        report("import 50,000-row roster, change log without the chain", took["unlinked"], "s")
        report(
            "import 50,000-row roster, change log with the hash chain",
            took["linked"],
            "s",
            ("without the chain", took["unlinked"]),
        )
        with open_ledger(Path(folder) / "import-linked.bdesk", CLOCK, read_only=True) as ledger:
            walk = median_time(lambda: broken_link(ledger), 1)
        report("check: walk the chain of the import", walk, "s")


IMPORT_PACKAGES = (
    PEAK
    + """
import io, sys
from branchdesk.cli import run
from branchdesk.domain.clock import FixedClock
argv = ["package", "import", *sys.argv[1:]]
assert run(argv, clock=FixedClock.on("2024-01-15"), out=io.StringIO(), err=io.StringIO()) == 0
print(f"maxrss_kib={peak_kib()}", flush=True)
"""
)


def _bare_inserts(
    demo: Path,
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """The rows the township deltas hold, as the city's ledger stores them: the demo's activities (the
    receiver's pairings and key tasks have the demo's ids) and their areas."""
    import sqlite3

    with sqlite3.connect(f"{demo.resolve().as_uri()}?mode=ro", uri=True) as conn:
        activities = conn.execute(
            "SELECT id, uuid, pairing_id, held_on, type, key_task_id, volunteers, location, summary,"
            " weekday_reason, created_at, updated_at FROM activity"
        ).fetchall()
        areas = conn.execute("SELECT activity_id, area FROM activity_area").fetchall()
    conn.close()
    return activities, areas


def _lock_reported_months(ledger: Ledger) -> str:
    """Month locks as a city has them that has reported its first quarter (before the deltas' first
    activity) and one county's April (the deltas' first month): most lines meet a lock of their month
    elsewhere, the county's April lines are rejected (locked_month). Says which."""
    from branchdesk.domain.enums import RegionLevel
    from branchdesk.services.month_locks import lock_month
    from branchdesk.services.regions import list_regions

    county = next(region for region in list_regions(ledger) if region.level is RegionLevel.COUNTY)
    for month in (1, 2, 3):
        lock_month(ledger, Month(2022, month))  # the ledger's scope: the city
    lock_month(ledger, Month(2022, 4), county.path)
    return f"2022-01 to 2022-03, 2022-04 of {county.name}"


def _dry_run_and_import(
    ledger: Ledger, deltas: list[Path], baseline: float, rows: str, locks: str
) -> ImportResult:
    """The dry run of ``deltas`` and then their import into ``ledger`` (with month ``locks``, if named), each
    timed against ``baseline``."""
    from branchdesk.exchange.package_import import import_packages

    into = f" into a ledger with month locks ({locks})" if locks else ""
    start = time.perf_counter()
    dry = import_packages(ledger, deltas, apply=False)
    report(
        f"package import: dry run of {rows}{into}",
        time.perf_counter() - start,
        "s",
        ("bare executemany", baseline),
    )
    start = time.perf_counter()
    done = import_packages(ledger, deltas, apply=True)
    took = time.perf_counter() - start
    assert done.applied, done.summary()["counts"]
    assert not dry.applied
    how = " into a ledger with month locks" if locks else " (one undoable operation)"
    report(f"package import of {rows}{how}", took, "s", ("bare executemany", baseline))
    print(f"package import{' with month locks' if locks else ''}: {done.summary()['counts']}", flush=True)
    return done


def bench_package_import(_path: Path) -> None:
    """``package import`` of the city's 199 township deltas (its 300,000 activities, each recorded as one
    action, with their areas) into the city's ledger, as one undoable operation, and its dry run, against
    a bare executemany of the same rows in one transaction; the same into the city's ledger with month
    locks (a county's or city's normal case: it locks what it has reported); and the peak memory of the
    whole command."""
    import shutil

    built = _township_deltas()
    deltas = built.deltas
    with tempfile.TemporaryDirectory() as folder:
        bare_copy, import_copy = (
            Path(folder) / "bare.bdesk",
            Path(folder) / "import.bdesk",
        )
        shutil.copyfile(built.receiver, bare_copy)
        shutil.copyfile(built.receiver, import_copy)
        with open_ledger(bare_copy, CLOCK) as ledger:
            activities, areas = _bare_inserts(built.demo)
            start = time.perf_counter()
            with ledger.transaction():
                ledger.conn.executemany(
                    "INSERT INTO activity (id, uuid, pairing_id, held_on, type, key_task_id, volunteers,"
                    " location, summary, weekday_reason, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    activities,
                )
                ledger.conn.executemany("INSERT INTO activity_area (activity_id, area) VALUES (?, ?)", areas)
            baseline = time.perf_counter() - start
        del activities, areas
        rows = f"{len(deltas)} township deltas"
        report(f"package import: bare executemany of the rows of {rows}", baseline, "s")
        with open_ledger(import_copy, CLOCK) as ledger:
            done = _dry_run_and_import(ledger, deltas, baseline, rows, "")
            assert not done.rejected
        shutil.copyfile(built.receiver, import_copy)
        with open_ledger(import_copy, CLOCK) as ledger:
            locks = _lock_reported_months(ledger)
            done = _dry_run_and_import(ledger, deltas, baseline, rows, locks)
            assert done.rejected  # the county's April
        if Path("/proc/self/status").exists():
            shutil.copyfile(built.receiver, import_copy)
            memory = peak_memory(
                [
                    sys.executable,
                    "-c",
                    IMPORT_PACKAGES,
                    str(import_copy),
                    *map(str, deltas),
                ]
            )
            report(f"package import: peak memory of the command on {rows}", memory, "MiB")


def bench_teams(path: Path) -> None:
    """Village work teams (docs/teams.md): the month grid of the township with the most members as the
    Work teams tab opens it (its rows with their days and what the rule asks) and saves it (every member's
    month changed, one operation with its change log, on a copy of the ledger), against bare SQL reading the
    same rows and writing the same values; the county's shortfall list against its aggregate query. What
    the rule asks is its share of 20 days for part of the month, rounded up (domain.teams.required_days).
    The reads are the best of their rounds (alternating_best: they take milliseconds), the saves the
    median.
    Meant for the county and stress ledgers; the month is December 2023 (31 days)."""
    import shutil

    from branchdesk.domain.teams import DayMark, MonthDays
    from branchdesk.services.teams import month_members, save_month
    from branchdesk.storage.teams import days_values

    first, last = MONTH.first_day.isoformat(), MONTH.last_day.isoformat()
    serving = (
        "FROM branch b JOIN work_team t ON t.branch_id = b.id JOIN team_member m ON m.team_id = t.id"
        " AND m.from_on <= :last AND coalesce(m.to_on, '9999-12-31') >= :first"
        " LEFT JOIN team_days d ON d.member_id = m.id AND d.month = :month"
    )
    params = {"first": first, "last": last, "month": str(MONTH)}
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        with open_ledger(copy, CLOCK) as ledger:
            ledger.use_wal(committed=lambda: None)  # as the window's edits do: no checkpoint in a commit
            township = ledger.scalar(
                f"SELECT b.region_id {serving} GROUP BY b.region_id ORDER BY count(*) DESC LIMIT 1", params
            )
            if township is None:
                print("teams: the ledger has no work teams (a demo made before them)", flush=True)
                return
            county = int(ledger.scalar("SELECT parent_id FROM region WHERE id = ?", (township,)))

            served = (
                "(CAST(julianday(min(coalesce(m.to_on, :last), :last))"
                " - julianday(max(m.from_on, :first)) AS INTEGER) + 1)"
            )
            required = f"min({served}, (20 * {served} + 30) / 31)"

            def raw_open() -> object:
                return ledger.conn.execute(
                    f"SELECT m.*, b.name, d.marks, d.reasons, {required} {serving}"
                    " WHERE b.region_id = :region ORDER BY b.name_key, t.id, m.name",
                    {**params, "region": township},
                ).fetchall()

            # A township's grid opens in a few milliseconds: the best of many rounds, so that a busy moment
            # of the shared machine does not decide the ratio.
            bare, service = alternating_best(raw_open, lambda: month_members(ledger, township, MONTH), 41)
            members = month_members(ledger, township, MONTH)
            report(f"teams: a township's month grid opened, {len(members)} members: bare SQL", bare, "s")
            report("teams: month grid opened (service)", service, "s", ("bare SQL", bare))
            flips = iter(range(1_000_000))

            def changed_months() -> dict[int, MonthDays]:
                """Every member's month with its first day in service turned over (P ↔ B)."""
                turn = next(flips) % 2
                found = {}
                for member in members:
                    day = next(n for n in range(1, len(member.days.marks) + 1) if member.day_in_service(n))
                    mark = (DayMark.PRESENT, DayMark.BUSINESS)[turn]
                    found[member.member_id] = member.days.with_day(day, mark)
                return found

            def raw_save() -> None:
                rows = [(m, days_values(days)) for m, days in changed_months().items()]
                with ledger.transaction():
                    ledger.conn.executemany(
                        "INSERT INTO team_days (uuid, member_id, month, marks, reasons, present, leave,"
                        " business, absent, created_at, updated_at) VALUES (hex(randomblob(16)), ?, ?, ?, ?,"
                        " ?, ?, ?, ?, '', '') ON CONFLICT (member_id, month) DO UPDATE SET marks ="
                        " excluded.marks, reasons = excluded.reasons, present = excluded.present, leave ="
                        " excluded.leave, business = excluded.business, absent = excluded.absent",
                        [
                            (m, v["month"], v["marks"], v["reasons"], v["present"], v["leave"], v["business"],
                             v["absent"])
                            for m, v in rows
                        ],
                    )  # fmt: skip

            # The median here: each save ends in a commit whose wait for the disk varies, and the best of
            # either side is the luck of its fastest commit more than the work.
            bare, service = alternating_medians(
                raw_save,
                lambda: save_month(ledger, MONTH, changed_months()),
                25,
            )
            report(f"teams: month grid saved, {len(members)} members: bare SQL", bare, "s")
            report("teams: month grid saved (service, change log)", service, "s", ("bare SQL", bare))

            def aggregate() -> object:
                """The members below the rule, with their days and what the rule asks."""
                return ledger.conn.execute(
                    f"WITH RECURSIVE {scope_sql(False)} SELECT m.id, coalesce(d.present + d.business, 0),"
                    f" {required} FROM scope JOIN branch b ON b.region_id = scope.id"
                    f" {serving.removeprefix('FROM branch b')}"
                    f" WHERE coalesce(d.present + d.business, 0) < {required}",
                    {**params, "region": county},
                ).fetchall()

            bare, service = alternating_best(
                aggregate, lambda: month_members(ledger, county, MONTH, below_only=True), 15
            )
            below = len(month_members(ledger, county, MONTH, below_only=True))
            report(f"teams: the county's shortfall list ({below} members): aggregate query", bare, "s")
            report("teams: shortfall list (service)", service, "s", ("aggregate query", bare))


PARTS: dict[str, Callable[[Path], None]] = {
    "stats": bench_stats,
    "branches": bench_branches,
    "activities": bench_activities,
    "items": bench_items,
    "charts": bench_charts,
    "draw": bench_draw,
    "memory": bench_memory,
    "import": bench_import,
    "start-up": bench_cli_and_window,
    "check": bench_check,
    "edit-during-read": bench_edit_during_read,
    "ui-edit": bench_ui_edit,
    "edit-commit": bench_edit_commit,
    "ui": bench_ui,
    "package-export": bench_package_export,
    "package-import": bench_package_import,
    "photos": bench_photos,
    "word-ledger": bench_word_ledger,
    "chain": bench_chain,
    "agreements": bench_agreements,
    "teams": bench_teams,
    "halfyear": bench_halfyear,
}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", choices=list(SCALES), default="county")
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--rebuild", action="store_true", help="generate the ledger even if cached")
    parser.add_argument(
        "--ledger", type=Path, help="measure this ledger (from branchdesk-cli demo) instead of a cached one"
    )
    parser.add_argument(
        "--only",
        choices=list(PARTS),
        action="append",
        help="measure only this part (repeatable; default: all)",
    )
    args = parser.parse_args()
    path = args.ledger or ledger_for(args.scale, args.seed, args.rebuild)
    report("ledger size", path.stat().st_size / 2**20, "MiB")
    for part in args.only or PARTS:
        PARTS[part](path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
