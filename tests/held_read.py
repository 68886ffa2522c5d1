"""A read held open on a connection and thread of its own, as a background job's read is (a chart's
aggregate, an export's snapshot, the quick check): for the tests of writes made while it runs."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from branchdesk.domain.clock import FixedClock
from branchdesk.services.ledgers import open_ledger
from branchdesk.storage.ledger import Ledger


class HeldRead:
    """``read(ledger)`` runs in one read transaction when it starts and again when released; ``seen``
    holds both answers (equal: the read saw one state of the file throughout)."""

    def __init__(self, path: Path, clock: FixedClock, read: Callable[[Ledger], object]) -> None:
        self._path, self._clock, self._read = path, clock, read
        self._started, self._released = threading.Event(), threading.Event()
        self.seen: list[object] = []
        self._thread = threading.Thread(target=self._run)

    def _run(self) -> None:
        with open_ledger(self._path, self._clock, read_only=True) as ledger, ledger.snapshot():
            self.seen.append(self._read(ledger))
            self._started.set()
            self._released.wait(60)
            self.seen.append(self._read(ledger))

    def release(self) -> None:
        self._released.set()

    def __enter__(self) -> HeldRead:
        self._thread.start()
        assert self._started.wait(60)
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
        self._thread.join(60)
