"""Check Database: is this ledger healthy?"""

from __future__ import annotations

from branchdesk.domain.records import Problem
from branchdesk.storage import check as check_store
from branchdesk.storage.ledger import Ledger


def check_ledger(ledger: Ledger, *, quick: bool = False) -> list[Problem]:
    return check_store.check(ledger, quick=quick)
