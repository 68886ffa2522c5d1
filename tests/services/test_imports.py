"""The import service on rows from a reader: what an update keeps, what a rejected row adds."""

from __future__ import annotations

from branchdesk.domain.enums import BranchKind, Tier
from branchdesk.domain.imports import ImportKind, ImportMode, SourceRow
from branchdesk.services.imports import run_import
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder


def test_updating_from_a_file_with_fewer_columns_keeps_the_others(
    ledger: Ledger, build: LedgerBuilder
) -> None:
    regions = build.tree()
    build.branch(
        "东村党支部",
        BranchKind.VILLAGE,
        regions["hc_renhe"],
        tier=Tier.WEAK,
        secretary="张三",
        phone="13800000000",
    )
    with ledger.operation("test.archive"):
        ledger.update("branch", 1, {"archived_on": "2022-05-01", "note": "老支部"})
    before = ledger.query("SELECT * FROM branch")[0]
    # A sheet of names and tiers only, to bring the tiers up to date; its blank phone cell means "none".
    rows = [
        SourceRow(
            2, {"name": "东村党支部", "kind": "村", "region": "潢川县/仁和镇", "tier": "好", "phone": ""}
        )
    ]

    report = run_import(ledger, [(ImportKind.BRANCHES, rows)], update=True)

    assert report.committed
    assert not report.problems
    after = ledger.query("SELECT * FROM branch")[0]
    assert (after["tier"], after["phone"]) == ("strong", None)
    assert {k: after[k] for k in ("secretary", "note", "archived_on", "member_count")} == {
        k: before[k] for k in ("secretary", "note", "archived_on", "member_count")
    }


def test_a_rejected_organ_row_adds_no_unit(ledger: Ledger, build: LedgerBuilder) -> None:
    """Also: a unit first named after a village row is written before the branch that refers to it."""
    build.tree()
    rows = [
        SourceRow(3, {"name": "", "kind": "机关", "region": "潢川县", "unit": "县委办"}),
        SourceRow(4, {"name": "西村党支部", "kind": "村", "region": "潢川县/仁和镇"}),
        SourceRow(5, {"name": "县财政局机关党支部", "kind": "机关", "region": "潢川县", "unit": "县财政局"}),
    ]

    report = run_import(ledger, [(ImportKind.BRANCHES, rows)], mode=ImportMode.VALID_ONLY)

    assert report.committed
    assert [(p.row, p.field, p.code) for p in report.problems] == [(3, "name", "branch.name_required")]
    assert [row["name"] for row in ledger.query("SELECT name FROM unit")] == ["县财政局"]
    organ = ledger.query("SELECT b.name, u.name AS unit FROM branch b JOIN unit u ON u.id = b.unit_id")
    assert organ == [{"name": "县财政局机关党支部", "unit": "县财政局"}]
