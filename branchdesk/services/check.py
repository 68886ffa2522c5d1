"""Check Database: is this ledger healthy?"""

from __future__ import annotations

from collections.abc import Callable

from branchdesk.domain.records import Problem
from branchdesk.storage import check as check_store
from branchdesk.storage.ledger import Ledger

STAGES = check_store.STAGES


def check_ledger(
    ledger: Ledger, *, quick: bool = False, progress: Callable[[int], None] | None = None
) -> list[Problem]:
    """Check Database: SQLite's integrity (or quick) check, then foreign keys and the ledger's own rules.

    ``progress(stages_done)`` follows the full check's :data:`STAGES`; a damaged structure ends the check
    early, since nothing finer can be trusted then.
    """
    return check_store.check(ledger, quick=quick, progress=progress)
