"""The writing process that tools/kill_harness.py kills with SIGKILL at random points.

``python tools/kill_writer.py LEDGER`` starts a fork server: it imports BranchDesk once, then for each line
``go SEED ACTION`` on its standard input forks a child that opens LEDGER and runs ACTION over and over, each
time as one user action, until it is killed. Forking keeps each run to a few milliseconds of start-up, so
the test suite can afford fifty kills.

What a child prints (straight to file descriptor 1, so nothing waits in a buffer when it dies):
``ready PID`` once the ledger is open, ``begin CHANGES`` before each action (the number of change-log rows
the action will write, which the harness checks against the file), ``done`` after each commit.
The server prints ``exit STATUS`` when the child has gone.

An action is one small function: ``(ledger, rng) -> (expected change-log rows, write)``, where ``write``
does the action's writes inside the ``ledger.operation`` the child opens. Add an action by adding one.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import ActivityType, Area, BranchKind, Tier
from branchdesk.storage import activities, branches
from branchdesk.storage.ledger import Ledger

Write = Callable[[], None]
Action = Callable[[Ledger, random.Random], tuple[int, Write]]

# Large enough that most of a child's time is spent inside a transaction (where a kill matters most),
# small enough that a run stays short.
ROWS_PER_ACTION = 60


def add_branches(ledger: Ledger, rng: random.Random) -> tuple[int, Write]:
    """Many rows in one action, as an import makes them."""
    townships = [row["id"] for row in ledger.query("SELECT id FROM region WHERE level = 'township'")]
    start = int(ledger.scalar("SELECT count(*) FROM branch"))

    def write() -> None:
        for i in range(ROWS_PER_ACTION):
            branches.add_branch(
                ledger,
                f"导入第{start + i + 1}村党支部",
                BranchKind.VILLAGE,
                rng.choice(townships),
                tier=rng.choice(list(Tier)),
                member_count=rng.randint(3, 60),
            )

    return ROWS_PER_ACTION, write


def edit_branches(ledger: Ledger, rng: random.Random) -> tuple[int, Write]:
    """The same field changed on many existing rows in one action, as a bulk edit does."""
    every = [row["id"] for row in ledger.query("SELECT id FROM branch ORDER BY id")]
    ids = rng.sample(every, min(ROWS_PER_ACTION, len(every)))
    secretary = f"书记{rng.randrange(10**6)}"

    def write() -> None:
        for branch_id in ids:
            ledger.update("branch", branch_id, {"secretary": secretary, "member_count": rng.randint(3, 60)})

    return len(ids), write


def add_activities(ledger: Ledger, rng: random.Random) -> tuple[int, Write]:
    """Rows with link rows (the six areas) in one action: each activity plus its areas in the change log."""
    pairings = [row["id"] for row in ledger.query("SELECT id FROM pairing WHERE ended_on IS NULL")]
    plans = [
        (rng.choice(pairings), rng.sample(list(Area), rng.randint(1, 3)), rng.randint(0, 40))
        for _ in range(ROWS_PER_ACTION // 3)
    ]

    def write() -> None:
        for pairing_id, areas, volunteers in plans:
            activities.add_activity(
                ledger,
                pairing_id,
                dt.date(2022, 5, 1) + dt.timedelta(days=rng.randrange(200)),
                ActivityType.THEMED_DAY,
                areas=areas,
                volunteers=volunteers,
            )

    return sum(1 + len(areas) for _, areas, _ in plans), write


ACTIONS: dict[str, Action] = {
    "add_branches": add_branches,
    "edit_branches": edit_branches,
    "add_activities": add_activities,
}


def _say(text: str) -> None:
    os.write(1, f"{text}\n".encode())


def _child(path: Path, seed: int, action: Action) -> None:
    rng = random.Random(seed)
    ledger = Ledger.open(path, FixedClock.on("2022-05-19"))
    _say(f"ready {os.getpid()}")
    while True:
        changes, write = action(ledger, rng)
        _say(f"begin {changes}")
        with ledger.operation("harness.action"):
            write()
        _say("done")


def serve(path: Path) -> None:
    for line in sys.stdin:
        _, seed, name = line.split()
        pid = os.fork()
        if pid == 0:
            try:
                _child(path, int(seed), ACTIONS[name])
            except BaseException:
                traceback.print_exc()
            os._exit(3)  # never return into the server's loop
        _, status = os.waitpid(pid, 0)
        _say(f"exit {status}")


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
