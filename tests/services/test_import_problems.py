"""An import reports every problem of a row at once, not the first only."""

from __future__ import annotations

from branchdesk.domain.imports import ImportKind, SourceRow
from branchdesk.services.imports import run_import
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder


def _problems(ledger: Ledger, kind: ImportKind, values: dict[str, object]) -> set[tuple[str | None, str]]:
    report = run_import(ledger, [(kind, [SourceRow(2, values)])])
    assert report.of(kind).rejected == 1
    assert {p.row for p in report.problems} == {2}
    return {(p.field, p.code) for p in report.problems}


def test_a_branch_row_names_each_of_its_problems(ledger: Ledger, build: LedgerBuilder) -> None:
    build.tree()
    row = {
        "name": "赵楼村党支部",
        "kind": "农村",
        "region": "光山县",
        "tier": "很好",
        "member_count": "三十",
        "established_on": "2022-02-30",
        "archived_on": "2030-01-01",
    }
    assert _problems(ledger, ImportKind.BRANCHES, row) == {
        ("region", "region.not_found"),
        ("tier", "branch.unknown_tier"),
        ("member_count", "cell.not_a_number"),
        ("established_on", "date.no_such_day"),
        ("archived_on", "import.date_in_future"),
    }
    # The rules of a branch are checked beside the cells that could be read.
    row = {"name": "", "kind": "农村", "region": "仁和镇", "member_count": "-3", "optimised_on": "2022-04-10"}
    found = _problems(ledger, ImportKind.BRANCHES, row)
    assert {field for field, _ in found} == {"name", "member_count", "optimised_on"}
    assert ledger.scalar("SELECT count(*) FROM branch") == 0


def test_a_cell_that_cannot_be_read_is_not_also_called_missing(ledger: Ledger, build: LedgerBuilder) -> None:
    build.tree()
    row = {"name": "赵楼村党支部", "kind": "学校", "region": "仁和镇", "member_count": "三十"}
    assert _problems(ledger, ImportKind.BRANCHES, row) == {
        ("kind", "branch.unknown_kind"),
        ("member_count", "cell.not_a_number"),
    }


def test_pairing_and_activity_rows_name_each_of_their_problems(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = build.tree()
    build.villages(tree["hc_renhe"], 1)
    row = {"organ": "不存在的机关党支部", "grassroots": "没有的村党支部", "started_on": "2022-13-01",
           "end_reason": "搬家", "method": "猜拳"}  # fmt: skip
    assert _problems(ledger, ImportKind.PAIRINGS, row) == {
        ("organ", "import.not_found"),
        ("grassroots", "import.not_found"),
        ("started_on", "date.no_such_month"),
        ("end_reason", "cell.unknown_term"),
        ("method", "cell.unknown_term"),
    }
    row = {"grassroots": "村1村党支部", "held_on": "2022-02-30", "type": "聚餐", "volunteers": "许多",
           "areas": "组织共建、吃喝共享"}  # fmt: skip
    assert _problems(ledger, ImportKind.ACTIVITIES, row) == {
        ("held_on", "date.no_such_day"),
        ("type", "cell.unknown_term"),
        ("volunteers", "cell.not_a_number"),
        ("areas", "cell.unknown_term"),
    }
    assert ledger.scalar("SELECT count(*) FROM pairing") == 0
