"""The Branches model is a lazy adapter: it passes Qt's model tester and fetches in batches."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from branchdesk.domain.enums import BranchKind
from branchdesk.domain.listing import BranchFilter
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.models.branches import BranchTableModel
from branchdesk.ui.region_tree import RegionTreeModel
from branchdesk.ui.session import LedgerSession
from tests.builders import LedgerBuilder


def fill(build: LedgerBuilder) -> dict[str, int]:
    tree = build.tree()
    build.villages(tree["hc_chengguan"], 400, prefix="城关")
    build.villages(tree["gs_chengguan"], 300, prefix="固始")
    build.organs(build.unit("潢川县财政局", tree["huangchuan"]), tree["huangchuan"], 5)
    return tree


def test_model_passes_the_model_tester(qtmodeltester: object, build: LedgerBuilder, ledger: Ledger) -> None:
    fill(build)
    model = BranchTableModel(LedgerSession(ledger))
    model.reload()
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]
    assert model.rowCount() == model.total == 705  # the tester fetched every batch


def test_rows_arrive_in_batches_until_the_total(build: LedgerBuilder, ledger: Ledger) -> None:
    fill(build)
    model = BranchTableModel(LedgerSession(ledger))
    model.reload()
    assert model.total == 705
    fetched = [model.rowCount()]
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        fetched.append(model.rowCount())
    assert fetched == [256, 512, 705]
    names = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert len(set(names)) == 705, "pages never overlap or repeat"


def test_sort_and_filter_reload_from_sql(build: LedgerBuilder, ledger: Ledger) -> None:
    tree = fill(build)
    model = BranchTableModel(LedgerSession(ledger))
    model.set_filter(BranchFilter(region_id=tree["gushi"]))
    assert model.total == 300
    model.sort(0, Qt.SortOrder.DescendingOrder)
    # Numbers in names in numeric order (issue #14): 固始300村 last, where plain text order put 固始9村.
    assert model.index(0, 0).data() == "固始300村党支部"
    model.set_filter(BranchFilter(kinds=(BranchKind.ORGAN,)))
    assert model.total == 5
    assert model.index(0, model.columnCount() - 1).data() == ""


def test_region_tree_model_passes_the_model_tester(
    qtmodeltester: object, build: LedgerBuilder, ledger: Ledger
) -> None:
    fill(build)
    model = RegionTreeModel()
    model.load(LedgerSession(ledger).region_tree())
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    city = model.index(0, 0)
    counties = {
        model.index(r, 0, city).data(): model.index(r, 1, city).data() for r in range(model.rowCount(city))
    }
    assert counties == {"潢川县": "405", "固始县": "300"}
