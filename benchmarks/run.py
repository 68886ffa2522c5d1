"""Scale benchmarks: build (or reuse) a ledger at a named scale and print one line per figure.

    python benchmarks/run.py --scale township|county|city|stress [--seed N] [--rebuild]

Each line reads ``name: value unit`` or, where a baseline is measured in the same run,
``name: value unit (ratio× baseline-name)``. It reports; it does not judge (exit 0). Machines here are
shared and noisy, so only same-run ratios mean much.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from branchdesk import __version__  # noqa: E402
from branchdesk.domain.clock import FixedClock  # noqa: E402
from branchdesk.domain.months import Month  # noqa: E402
from branchdesk.services.demo import SCALES, generate_demo  # noqa: E402
from branchdesk.services.ledgers import open_ledger  # noqa: E402
from branchdesk.services.stats import ledger_stats  # noqa: E402
from branchdesk.storage import stats as stats_store  # noqa: E402

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


def ledger_for(scale: str, seed: int, rebuild: bool) -> Path:
    path = cache_dir() / f"{scale}-seed{seed}-v{__version__}.bdesk"
    if path.exists() and not rebuild:
        print(f"ledger: {path} (reused)", flush=True)
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
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([]); window = QMainWindow(); window.show()\n"
    "def shown():\n"
    "    print(f'shown_at={time.time()!r}', flush=True); app.quit()\n"
    "QTimer.singleShot(0, shown); app.exec()\n"
)


def time_to_shown(command: list[str], repeat: int) -> float:
    """From launching the process to the moment it reports its window up (``shown_at=`` on stdout)."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    times = []
    for _ in range(repeat):
        start = time.time()
        result = subprocess.run(command, check=True, env=env, cwd=ROOT, capture_output=True, text=True)
        shown = next(line for line in result.stdout.splitlines() if line.startswith("shown_at="))
        times.append(float(shown.split("=", 1)[1]) - start)
    return statistics.median(times)


def bench_cli_and_window(path: Path) -> None:
    python = sys.executable
    bare_python = wall_time([python, "-c", "pass"], 5)
    cli = wall_time([python, "-m", "branchdesk.cli", "stats", str(path), "--json"], 3)
    report("cli stats --json (whole process)", cli, "s", ("bare python start", bare_python))
    with tempfile.TemporaryDirectory() as home:
        # A fresh settings folder, so that no remembered ledger is opened by the empty-window run.
        os.environ["XDG_CONFIG_HOME"] = home
        empty = time_to_shown([python, "-c", EMPTY_WINDOW], 5)
        report("empty PySide6 window until shown", empty, "s")
        window = time_to_shown([python, "-m", "branchdesk.app", str(path), "--exit-when-shown"], 5)
        report("window on the ledger until shown", window, "s", ("empty PySide6 window", empty))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", choices=list(SCALES), default="county")
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--rebuild", action="store_true", help="generate the ledger even if cached")
    args = parser.parse_args()
    path = ledger_for(args.scale, args.seed, args.rebuild)
    report("ledger size", path.stat().st_size / 2**20, "MiB")
    bench_stats(path)
    bench_cli_and_window(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
