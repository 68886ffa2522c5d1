"""The ledger's rules (domain.rules) at the doors that write: the pairing dialogs' services, import,
archiving, editing a branch, undo; and the figures where a file already breaks the one-to-one rule."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from branchdesk.domain.chart_data import MonthSpan
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind, EndReason
from branchdesk.domain.errors import BranchDeskError, InvalidRecordError
from branchdesk.domain.listing import BranchColumn
from branchdesk.domain.months import Month
from branchdesk.domain.rates import Rate
from branchdesk.services import branches, charts, pairings
from branchdesk.services.history import UndoHistory
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder, day
from tests.test_cli import cli
from tests.test_cli_check import pairing_row, shell


@pytest.fixture
def paired(build: LedgerBuilder) -> dict[str, int]:
    """机关第1 ↔ 村1 from 2022-04-10 (a themed Party day in May), 机关第2 ↔ 村2 from 2022-04-10;
    机关第3, 村3 and 村4 free."""
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    organs = build.organs(unit, tree["huangchuan"], 3)
    villages = build.villages(tree["hc_chengguan"], 4)
    first = build.pair(organs[0], villages[0], "2022-04-10")
    build.pair(organs[1], villages[1], "2022-04-10")
    build.activity(first, "2022-05-14")
    return {"o1": organs[0], "o2": organs[1], "o3": organs[2], "v1": villages[0], "v2": villages[1],
            "v3": villages[2], "first": first}  # fmt: skip


def test_compliance_counts_a_branch_in_two_overlapping_pairings_once(
    ledger: Ledger, paired: dict[str, int]
) -> None:
    path, clock = ledger.path, FixedClock.on("2022-06-15")
    ledger.close()

    def figures() -> tuple[dict[str, object], str]:
        code, out, _ = cli("stats", str(path), "--json", "--month", "2022-05", clock=clock)
        assert code == 0
        return json.loads(out)["compliance"], cli("overdue", str(path), "--month", "2022-05", clock=clock)[1]

    compliance, overdue = figures()
    assert compliance == {"month": "2022-05", "count": 1, "total": 2, "rate": "50.00"}
    # 村1 in a second pairing all May long, as an old file (or another program) may hold it.
    shell(
        path,
        "DROP TRIGGER pairing_overlap_grassroots_insert",
        pairing_row(paired["o3"], paired["v1"], "2022-04-20", "2022-05-31"),
    )
    compliance, overdue = figures()
    assert compliance == {"month": "2022-05", "count": 1, "total": 2, "rate": "50.00"}
    with Ledger.open(path, clock) as opened:  # the chart of themed Party days counts alike
        grid = charts.themed_day_grid(opened, 1, MonthSpan(Month(2022, 5), Month(2022, 5)))
    assert {group.group.name: group.rates for group in grid.groups}["潢川县"] == (Rate(1, 2),)
    book = path.with_name("导出.xlsx")  # and so does the exported month-by-month sheet
    assert cli("export", str(path), str(book), clock=clock)[0] == 0
    sheet = openpyxl.load_workbook(book)["月度落实情况"]
    header, last = next(sheet.iter_rows(values_only=True)), list(sheet.iter_rows(values_only=True))[-1]
    assert last[header.index("2022年5月")] == "50.00%"
    assert overdue.splitlines()[-1] == "信阳市，2022年5月：1 个结对未开展主题党日"
    assert "村2村党支部 ← 机关第2党支部" in overdue


def import_pairings(path: Path, clock: FixedClock, *rows: str) -> tuple[int, str]:
    sheet = path.with_name("结对.csv")
    sheet.write_text("机关支部,基层支部,结对日期,结束日期,结束原因\n" + "".join(rows), encoding="utf-8")
    code, out, _ = cli("import", str(path), str(sheet), "--what", "pairings", clock=clock)
    return code, out


def test_import_refuses_a_pairing_that_overlaps_another(ledger: Ledger, paired: dict[str, int]) -> None:
    path, clock = ledger.path, FixedClock.on("2023-01-31")
    ledger.close()
    before = cli("stats", str(path), "--json", "--month", "2022-12", clock=clock)[1]
    code, out = import_pairings(
        path,
        clock,
        "机关第3党支部,村1村党支部,2022-06-01,2023-01-10,其他\n",  # 村1 is paired, open, since 2022-04-10
        "机关第3党支部,村3村党支部,2022-06-01,2022-08-31,其他\n",
        "机关第3党支部,村4村党支部,2022-08-01,,\n",  # overlaps the row above
    )
    assert code == 1
    assert "结对\t2\t结对日期\t“村1村党支部”自2022年4月10日起已有结对" in out
    assert "结对\t4\t结对日期\t“机关第3党支部”已有2022年6月1日至2022年8月31日的结对" in out
    assert "拒绝 2 行" in out
    assert cli("stats", str(path), "--json", "--month", "2022-12", clock=clock)[1] == before
    assert cli("check", str(path), clock=clock)[0] == 0


def test_import_keeps_pairings_within_the_branches_lives(ledger: Ledger, paired: dict[str, int]) -> None:
    with ledger.operation("test.dates"):
        ledger.update("branch", paired["v3"], {"established_on": "2022-05-01"})
        ledger.update("branch", paired["o3"], {"archived_on": "2022-09-30"})
    path, clock = ledger.path, FixedClock.on("2023-01-31")
    ledger.close()
    code, out = import_pairings(
        path,
        clock,
        "机关第3党支部,村3村党支部,2022-04-20,2022-06-30,其他\n",
        "机关第3党支部,村3村党支部,2022-07-01,2022-12-31,其他\n",
    )
    assert code == 1
    assert "“村3村党支部”成立于2022年4月20日之后，不能从该日起结对。" in out
    assert "“机关第3党支部”已于2022年9月30日归档，其结对最晚只能到当天结束。" in out


def test_a_new_pairing_may_not_overlap_an_ended_one(ledger: Ledger, paired: dict[str, int]) -> None:
    ledger.clock = FixedClock.on("2022-12-31")
    pairings.end_pairing(ledger, paired["first"], day("2022-06-30"), EndReason.OTHER)
    with pytest.raises(BranchDeskError) as refused:
        pairings.assign_pairing(ledger, paired["o3"], paired["v1"], day("2022-06-01"))
    assert (refused.value.code, refused.value.params) == (
        "pairing.overlap",
        {"name": "村1村党支部", "started": "2022-04-10", "ended": "2022-06-30"},
    )
    pairings.assign_pairing(ledger, paired["o3"], paired["v1"], day("2022-07-01"))
    assert ledger.scalar("SELECT count(*) FROM pairing WHERE grassroots_id = ?", (paired["v1"],)) == 2


def test_ending_a_pairing_keeps_its_activities_within_it(ledger: Ledger, paired: dict[str, int]) -> None:
    with pytest.raises(BranchDeskError) as refused:
        pairings.end_pairing(ledger, paired["first"], day("2022-05-01"), EndReason.OTHER)
    assert (refused.value.code, refused.value.params) == (
        "pairing.activity_after_end",
        {"date": "2022-05-14"},
    )
    assert ledger.scalar("SELECT ended_on FROM pairing WHERE id = ?", (paired["first"],)) is None


def test_archiving_and_establishing_keep_pairings_within_a_life(
    ledger: Ledger, paired: dict[str, int]
) -> None:
    pairings.end_pairing(ledger, paired["first"], day("2022-05-15"), EndReason.MERGED)
    with pytest.raises(BranchDeskError) as refused:
        branches.archive_branches(ledger, [paired["v1"]], day("2022-05-10"))
    assert (refused.value.code, refused.value.params) == (
        "branch.archive_before_pairing_end",
        {"name": "村1村党支部", "date": "2022-05-15"},
    )
    branches.archive_branches(ledger, [paired["v1"]], day("2022-05-15"))  # its last day may be the end
    draft = branches.draft_of(ledger, paired["v2"])
    with pytest.raises(InvalidRecordError) as invalid:
        branches.edit_branch(ledger, paired["v2"], replace(draft, established_on=day("2022-05-01")))
    assert [(p.field, p.code) for p in invalid.value.problems] == [
        ("established_on", "branch.established_after_pairing")
    ]


def test_undo_that_would_overlap_says_so_and_changes_nothing(ledger: Ledger, paired: dict[str, int]) -> None:
    history = UndoHistory(ledger)
    history.record(pairings.end_pairing(ledger, paired["first"], day("2022-05-15"), EndReason.OTHER))
    # Meanwhile another program pairs 机关第1 again, for a few days.
    ledger.conn.execute(pairing_row(paired["o1"], paired["v3"], "2022-05-16", "2022-05-18"))
    with pytest.raises(BranchDeskError) as refused:
        history.undo()  # would reopen the first pairing over those days
    assert refused.value.code == "pairing.overlap_held"
    assert ledger.scalar("SELECT ended_on FROM pairing WHERE id = ?", (paired["first"],)) == "2022-05-15"


def test_import_keeps_one_active_name_per_region_and_grids_in_their_township(
    ledger: Ledger, paired: dict[str, int]
) -> None:
    path, clock = ledger.path, FixedClock.on("2023-01-31")
    ledger.close()
    sheet = path.with_name("支部.csv")
    sheet.write_text(
        "唯一编号,支部名称,支部类型,所属区域,所属社区,档次\n"
        "u1,新建村党支部,村,信阳市/潢川县/城关镇,,差\n"
        "u2,新建村党支部,村,信阳市/潢川县/城关镇,,差\n"  # a second branch of that name, not the same one
        "u3,仁和社区党支部,社区,信阳市/潢川县/仁和镇,,好\n"
        # a grid in 城关镇 whose community is in 仁和镇
        "u4,仁和社区第一网格党支部,网格,信阳市/潢川县/城关镇,仁和社区党支部,中\n",
        encoding="utf-8",
    )
    code, out, _ = cli("import", str(path), str(sheet), "--what", "branches", clock=clock)
    assert code == 1
    assert "支部\t3\t支部名称\t同一区域已有名为“新建村党支部”的党支部。" in out
    assert "社区“仁和社区党支部”在另一个乡镇（街道）；网格党支部应与其所属社区在同一乡镇（街道）。" in out
    assert "拒绝 2 行" in out


def test_an_edit_keeps_a_paired_branch_on_its_side_and_a_community_with_its_grids(
    ledger: Ledger, build: LedgerBuilder, paired: dict[str, int]
) -> None:
    tree = {row["name"]: row["id"] for row in ledger.query("SELECT id, name FROM region WHERE parent_id = 2")}
    unit = ledger.scalar("SELECT id FROM unit")
    village = branches.draft_of(ledger, paired["v1"])
    with pytest.raises(InvalidRecordError) as invalid:
        branches.edit_branch(ledger, paired["v1"], replace(village, kind=BranchKind.ORGAN, unit_id=unit))
    assert [(p.field, p.code) for p in invalid.value.problems] == [("kind", "branch.kind_keeps_side")]

    community = build.branch("仁和社区党支部", BranchKind.COMMUNITY, tree["仁和镇"])
    build.branch("仁和社区第一网格党支部", BranchKind.GRID, tree["仁和镇"], community_id=community)
    draft = branches.draft_of(ledger, community)
    with pytest.raises(InvalidRecordError) as invalid:
        branches.edit_branch(ledger, community, replace(draft, region_id=tree["城关镇"]))
    assert [(p.field, p.code) for p in invalid.value.problems] == [
        ("region_id", "branch.community_keeps_grids")
    ]
    with pytest.raises(InvalidRecordError) as invalid:
        branches.set_branch_field(ledger, community, BranchColumn.KIND, "village")
    assert [(p.field, p.code) for p in invalid.value.problems] == [("kind", "branch.community_keeps_grids")]
    branches.edit_branch(ledger, community, replace(draft, name="仁和社区党委"))  # other edits go through
    assert ledger.scalar("SELECT name FROM branch WHERE id = ?", (community,)) == "仁和社区党委"


def test_an_import_updating_a_pairing_into_an_overlap_is_refused_whole(
    ledger: Ledger, build: LedgerBuilder, paired: dict[str, int]
) -> None:
    earlier = build.pair(paired["o3"], paired["v1"], "2022-04-01", "2022-04-09")
    uuid = ledger.scalar("SELECT uuid FROM pairing WHERE id = ?", (earlier,))
    path, clock = ledger.path, FixedClock.on("2023-01-31")
    ledger.close()
    sheet = path.with_name("结对.csv")
    sheet.write_text(
        f"唯一编号,机关支部,基层支部,结对日期,结束日期,结束原因\n{uuid},机关第3党支部,村1村党支部,2022-04-01,2022-04-20,其他\n",
        encoding="utf-8",
    )
    code, _, err = cli("import", str(path), str(sheet), "--what", "pairings", "--update", clock=clock)
    # The schema itself refuses: one clear line, nothing written.
    assert (code, err.strip()) == (
        1,
        "branchdesk-cli：这样会使一个党支部在同一天处在两个结对中；一个党支部同一时间只能有一个结对。未作任何改动。",
    )
    assert cli("check", str(path), clock=clock)[0] == 0


def test_an_import_updating_a_pairing_outside_a_branchs_life_is_refused(
    ledger: Ledger, paired: dict[str, int]
) -> None:
    with ledger.operation("test.dates"):
        ledger.update("branch", paired["v2"], {"established_on": "2022-04-01"})
    uuid = ledger.scalar("SELECT uuid FROM pairing WHERE grassroots_id = ?", (paired["v2"],))
    path, clock = ledger.path, FixedClock.on("2023-01-31")
    ledger.close()
    sheet = path.with_name("结对.csv")
    # Moved to start before 村2 was established; the file has no end columns, so the ledger's stay.
    rows = f"唯一编号,机关支部,基层支部,结对日期\n{uuid},机关第2党支部,村2村党支部,2022-03-20\n"
    sheet.write_text(rows, encoding="utf-8")
    code, out, _ = cli("import", str(path), str(sheet), "--what", "pairings", "--update", clock=clock)
    assert code == 1
    assert "“村2村党支部”成立于2022年3月20日之后，不能从该日起结对。" in out
    assert cli("check", str(path), clock=clock)[0] == 0
