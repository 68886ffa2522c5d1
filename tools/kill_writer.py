"""The writing process that tools/kill_harness.py kills with SIGKILL at random points.

``python tools/kill_writer.py LEDGER [--wal] [--package FILE]...`` starts a fork server: it imports BranchDesk
once, then for each line ``go SEED ACTION`` on its standard input forks a child that opens LEDGER (in WAL as
the window edits it, with ``--wal``) and runs ACTION over and over, each time as one user action, until it is
killed; for ``go SEED package_import`` the child runs ``branchdesk-cli package import LEDGER FILE...`` once.
Forking keeps each run to a few milliseconds of start-up, so the test suite can afford fifty kills.

What a child prints (straight to file descriptor 1, so nothing waits in a buffer when it dies):
``ready PID`` once the ledger is open, ``begin CHANGES`` before each action (the number of change-log rows
the action will write, which the harness checks against the file), ``done`` after each commit.
The server prints ``exit STATUS`` when the child has gone.

An action is one small function: ``(ledger, rng) -> (expected change-log rows, write)``, where ``write``
is one user action (one ``ledger.operation``), mostly a service the window calls. Add an action by adding
one to ACTIONS.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from branchdesk.cli import run as run_cli
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import ActivityType, Area, EndReason, Tier
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.imports import ImportKind, SourceRow
from branchdesk.services.branches import BulkEdit, bulk_edit
from branchdesk.services.draws import commit_draw, preview_draw
from branchdesk.services.imports import run_import
from branchdesk.storage import activities, pairings
from branchdesk.storage.ledger import Ledger, checkpoint

Write = Callable[[], object]
Action = Callable[[Ledger, random.Random], tuple[int, Write]]

# Large enough that most of a child's time is spent inside a transaction (where a kill matters most),
# small enough that a run stays short.
ROWS_PER_ACTION = 25
COUNTY = "潢川县"
TODAY = dt.date(2022, 5, 19)


def _county(ledger: Ledger) -> int:
    return int(ledger.scalar("SELECT id FROM region WHERE name = ?", (COUNTY,)))


def import_branches(ledger: Ledger, rng: random.Random) -> tuple[int, Write]:
    """Branches imported from a sheet: many rows in one action (services.imports)."""
    token = rng.randrange(16**8)
    townships = [row["name"] for row in ledger.query("SELECT name FROM region WHERE level = 'township'")]
    rows = [
        SourceRow(
            number + 2,
            {
                "name": f"导入{token:08x}第{number + 1}村党支部",
                "kind": "村",
                "region": f"{COUNTY}/{rng.choice(townships)}",
                "tier": rng.choice(["好", "中", "差"]),
                "member_count": str(rng.randint(3, 60)),
            },
        )
        for number in range(ROWS_PER_ACTION)
    ]

    def write() -> object:
        report = run_import(ledger, [(ImportKind.BRANCHES, rows)])
        assert report.committed, report.problems
        return report

    return len(rows), write


def bulk_edit_branches(ledger: Ledger, rng: random.Random) -> tuple[int, Write]:
    """One tier given to many village branches at once (services.branches.bulk_edit)."""
    tier = rng.choice(list(Tier))
    others = [
        row["id"]
        for row in ledger.query(
            "SELECT id FROM branch WHERE kind = 'village' AND tier IS NOT ? ORDER BY id", (tier.value,)
        )
    ]
    ids = rng.sample(others, min(ROWS_PER_ACTION, len(others)))
    return len(ids), lambda: bulk_edit(ledger, ids, BulkEdit(tier=tier))


def draw_commit(ledger: Ledger, rng: random.Random) -> tuple[int, Write]:
    """A county's draw committed (services.draws); when nothing is left to draw, the drawn pairings are
    ended instead, in one action, so that the next draw has candidates again."""
    county = _county(ledger)
    try:
        preview = preview_draw(ledger, county, str(rng.randrange(10**9)))
    except BranchDeskError:
        drawn = [
            row["id"]
            for row in ledger.query("SELECT id FROM pairing WHERE method = 'draw' AND ended_on IS NULL")
        ]

        def end_drawn() -> object:
            with ledger.operation("pairing.end"):
                for pairing_id in drawn:
                    pairings.end_pairing(ledger, pairing_id, TODAY, EndReason.OTHER)
            return None

        return len(drawn), end_drawn
    return 1 + len(preview.result.pairs), lambda: commit_draw(ledger, preview, dt.date(2022, 5, 1))


def add_activities(ledger: Ledger, rng: random.Random) -> tuple[int, Write]:
    """Rows with link rows (the six areas) in one action: each activity plus its areas in the change log."""
    active = [
        row["id"]
        for row in ledger.query("SELECT id FROM pairing WHERE ended_on IS NULL AND method = 'assigned'")
    ]
    plans = [
        (rng.choice(active), rng.sample(list(Area), rng.randint(1, 3)), rng.randint(0, 40))
        for _ in range(ROWS_PER_ACTION // 3)
    ]

    def write() -> object:
        with ledger.operation("activity.add"):
            for pairing_id, areas, volunteers in plans:
                activities.add_activity(
                    ledger,
                    pairing_id,
                    dt.date(2022, 5, 1) + dt.timedelta(days=rng.randrange(18)),
                    ActivityType.THEMED_DAY,
                    areas=areas,
                    volunteers=volunteers,
                )
        return None

    return sum(1 + len(areas) for _, areas, _ in plans), write


# Not one of ACTIONS, repeated: one ``package import`` of the packages the server was given, then the
# child ends (the same packages again would change nothing).
PACKAGE_IMPORT = "package_import"

ACTIONS: dict[str, Action] = {
    "import": import_branches,
    "bulk_edit": bulk_edit_branches,
    "draw_commit": draw_commit,
    "add_activities": add_activities,
}


def _say(text: str) -> None:
    os.write(1, f"{text}\n".encode())


def _checkpoints(path: Path, due: threading.Event) -> None:
    """The window's checkpoints (ui/jobs/checkpoints.py): on another thread, each after a commit."""
    while True:
        due.wait()
        due.clear()
        checkpoint(path)


def _child(path: Path, seed: int, action: Action, wal: bool) -> None:
    rng = random.Random(seed)
    ledger = Ledger.open(path, FixedClock.on(TODAY.isoformat()))
    if wal:
        # As the window edits (storage.ledger.Journal): a kill also lands in a checkpoint, or between a
        # commit and its checkpoint.
        due = threading.Event()
        threading.Thread(target=_checkpoints, args=(path, due), daemon=True).start()
        ledger.use_wal(committed=due.set)
    _say(f"ready {os.getpid()}")
    while True:
        changes, write = action(ledger, rng)
        _say(f"begin {changes}")
        write()
        _say("done")


def _import_child(path: Path, packages: list[Path]) -> None:
    """``branchdesk-cli package import LEDGER PACKAGE...`` once, as a clerk or a script runs it; ``done``
    once it has returned, successful."""
    _say(f"ready {os.getpid()}")
    argv = ["package", "import", str(path), *map(str, packages)]
    if run_cli(argv, clock=FixedClock.on(TODAY.isoformat()), out=io.StringIO(), err=io.StringIO()) == 0:
        _say("done")


def serve(path: Path, wal: bool, packages: list[Path]) -> None:
    for line in sys.stdin:
        _, seed, name = line.split()
        pid = os.fork()
        if pid == 0:
            try:
                if name == PACKAGE_IMPORT:
                    _import_child(path, packages)
                else:
                    _child(path, int(seed), ACTIONS[name], wal)
            except BaseException:
                traceback.print_exc()
            os._exit(3)  # never return into the server's loop
        _, status = os.waitpid(pid, 0)
        _say(f"exit {status}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("ledger", type=Path)
    parser.add_argument("--wal", action="store_true")
    parser.add_argument("--package", type=Path, action="append", default=[])
    args = parser.parse_args()
    serve(args.ledger, args.wal, args.package)
