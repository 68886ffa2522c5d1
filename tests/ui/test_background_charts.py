"""The background runner: a job that a newer request overtook before it began reads nothing."""

from __future__ import annotations

from branchdesk.storage.ledger import Ledger
from branchdesk.ui.jobs.background_charts import _Running


def test_a_job_overtaken_before_it_began_does_not_start(ledger: Ledger) -> None:
    running = _Running()
    running.interrupt_unless(2)  # request 2 came while job 1 was still being started: no query to stop
    assert not running.start(1, ledger)
    assert running.start(2, ledger)
    running.finish()
