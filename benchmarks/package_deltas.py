"""The packages the package benchmarks read (issue #18): a city's townships, each with its own ledger seeded
from the city's and a year and more of its activities recorded there, and the delta each sends up.

Built once from the city demo and kept under the benchmark's cache folder (a few minutes on a shared
machine), never inside a timed part:

- ``receiver.bdesk``: the city demo without its activities: it knows every office, branch and pairing, as
  a city does that seeded its townships; each import run works on a copy of it;
- ``townships/<number> <name>.bdesk``: one ledger per township, made from the city's seed of it with
  ``new --from``, then each of the demo's activities of that township recorded there as a clerk does (one
  operation per activity through the storage layer, logged), so that its delta carries them;
- ``deltas/<number> <name>.bdx``: each township's first delta; ``data/``: the keys of all these ledgers.

The demo's activities are the rows the deltas hold, so the benchmark's baseline can insert the same rows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from branchdesk.domain.clock import Clock
from branchdesk.domain.enums import ActivityType, Area, RegionLevel
from branchdesk.exchange.package_export import export_package
from branchdesk.exchange.package_seed import create_from_package
from branchdesk.services.ledgers import open_ledger
from branchdesk.services.regions import list_regions
from branchdesk.storage.activities import add_activity
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.schema import MIGRATIONS

_DONE = "complete"  # written last: a build cut short is built again
_BUILD = 2  # how the packages are made: a change here makes new ones (2: the receiver has no absentees)


@dataclass(frozen=True)
class TownshipDeltas:
    folder: Path
    receiver: Path  # the city's ledger before any delta, not to be written (copy it)
    demo: Path  # the city demo whose activities the deltas hold
    data_dir: Path

    @property
    def deltas(self) -> list[Path]:
        return sorted((self.folder / "deltas").glob("*.bdx"))

    @property
    def townships(self) -> list[Path]:
        return sorted((self.folder / "townships").glob("*.bdesk"))


def township_deltas(demo: Path, cache: Path, clock: Clock, *, rebuild: bool = False) -> TownshipDeltas:
    """The city's township deltas, built from the city demo at ``demo`` unless cached."""
    # Named by the schema itself: a migration renumbered or changed on another branch makes new packages.
    schema = hashlib.sha256("".join(MIGRATIONS).encode()).hexdigest()[:10]
    folder = cache / f"{demo.stem}-township-deltas-{schema}-{_BUILD}"
    made = TownshipDeltas(folder, folder / "receiver.bdesk", demo, folder / "data")
    if (folder / _DONE).exists() and not rebuild:
        print(f"township deltas: {folder} (reused)", flush=True)
        return made
    shutil.rmtree(folder, ignore_errors=True)
    for part in ("townships", "deltas", "seeds"):
        (folder / part).mkdir(parents=True)
    start = time.perf_counter()
    _receiver(demo, made.receiver, clock)
    activities = _activities_by_township(demo)
    with open_ledger(made.receiver, clock) as city:
        townships = [region for region in list_regions(city) if region.level is RegionLevel.TOWNSHIP]
        for number, region in enumerate(townships, 1):
            name = f"{number:03d} {region.name}"
            seed = folder / "seeds" / f"{name}.bdx"
            export_package(city, seed, full=False, data_dir=made.data_dir, seed=region)
            township = folder / "townships" / f"{name}.bdesk"
            create_from_package(township, seed, clock)
            with open_ledger(township, clock) as ledger:
                _record(ledger, activities[region.uuid])
                export_package(ledger, folder / "deltas" / f"{name}.bdx", full=False, data_dir=made.data_dir)
    shutil.rmtree(folder / "seeds")
    (folder / _DONE).write_text("", encoding="utf-8")
    took = time.perf_counter() - start
    print(f"township deltas: built {len(townships)} in {took:.1f} s at {folder}", flush=True)
    return made


def _receiver(demo: Path, receiver: Path, clock: Clock) -> None:
    """The demo with its activities removed, outside the change log (as it was generated)."""
    shutil.copyfile(demo, receiver)
    Ledger.open(receiver, clock).close()  # the current schema
    with sqlite3.connect(receiver, isolation_level=None) as conn:
        conn.execute("BEGIN")
        conn.execute("DELETE FROM plan_item_activity")  # the demo's items name the activities
        conn.execute("DELETE FROM activity_absentee")  # left, they named the new activities given their ids
        conn.execute("DELETE FROM activity_area")
        conn.execute("DELETE FROM activity")
        conn.execute("COMMIT")
        assert not conn.execute("PRAGMA foreign_key_check").fetchall(), "a row still names a deleted activity"
        conn.execute("VACUUM")
    conn.close()


# A demo activity as the township records it: pairing uuid, day, type, key task uuid, volunteers,
# location, summary, weekday reason, areas.
_Activity = tuple[str, str, str, str | None, int, str | None, str | None, str | None, list[str]]


def _activities_by_township(demo: Path) -> dict[str, list[_Activity]]:
    """The demo's activities by the uuid of the township of their pairing's grassroots branch."""
    with sqlite3.connect(f"{demo.resolve().as_uri()}?mode=ro", uri=True) as conn:
        areas: dict[int, list[str]] = defaultdict(list)
        for activity_id, area in conn.execute("SELECT activity_id, area FROM activity_area ORDER BY 1, 2"):
            areas[activity_id].append(area)
        found: dict[str, list[_Activity]] = defaultdict(list)
        cursor = conn.execute(
            "SELECT township.uuid, a.id, p.uuid, a.held_on, a.type, k.uuid, a.volunteers, a.location,"
            " a.summary, a.weekday_reason FROM activity a JOIN pairing p ON p.id = a.pairing_id"
            " JOIN branch g ON g.id = p.grassroots_id JOIN region township ON township.id = g.region_id"
            " LEFT JOIN key_task k ON k.id = a.key_task_id ORDER BY a.held_on, a.id"
        )
        for township, activity_id, *values in cursor:
            found[township].append((*values, areas[activity_id]))
    conn.close()
    return found


def _record(ledger: Ledger, activities: list[_Activity]) -> None:
    """Each activity as one recorded action, as a clerk enters them; committed together, which changes
    nothing in the file but saves a sync per action."""
    pairings = dict(ledger.conn.execute("SELECT uuid, id FROM pairing").fetchall())
    tasks = dict(ledger.conn.execute("SELECT uuid, id FROM key_task").fetchall())
    with ledger.transaction():
        for activity in activities:
            _record_one(ledger, pairings, tasks, activity)


def _record_one(ledger: Ledger, pairings: dict[str, int], tasks: dict[str, int], activity: _Activity) -> None:
    pairing, held_on, kind, task, volunteers, location, summary, reason, areas = activity
    with ledger.operation("activity.add"):
        add_activity(
            ledger,
            pairings[pairing],
            dt.date.fromisoformat(held_on),
            ActivityType(kind),
            areas=[Area(area) for area in areas],
            volunteers=volunteers,
            key_task_id=None if task is None else tasks[task],
            weekday_reason=reason,
            location=location,
            summary=summary,
        )
