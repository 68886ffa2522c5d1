"""branchdesk-cli overdue: the pairings without a themed Party day in a month, as stats counts them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from branchdesk.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import ActivityType
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder
from tests.test_cli import cli


@pytest.fixture
def county(build: LedgerBuilder, ledger: Ledger) -> Path:
    """潢川县: three pairings in 城关镇 and one in 仁和镇; June's themed days held by two of them."""
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    organs = build.organs(unit, tree["huangchuan"], 4)
    chengguan = build.villages(tree["hc_chengguan"], 3, prefix="城关")
    renhe = build.villages(tree["hc_renhe"], 1, prefix="仁和")
    pairs = [build.pair(organs[i], chengguan[i], "2022-04-10") for i in range(3)]
    pairs.append(build.pair(organs[3], renhe[0], "2022-06-15"))  # started mid-June: owes July first
    build.activity(pairs[0], "2022-06-11")
    build.activity(pairs[0], "2022-05-14")
    build.activity(pairs[1], "2022-06-18", ActivityType.LECTURE)  # not a themed day
    build.activity(pairs[2], "2022-06-25")
    path = ledger.path
    ledger.close()
    return path


def test_overdue_lists_the_pairings_stats_counts_as_missing(county: Path) -> None:
    clock = FixedClock.on("2022-07-19")
    code, out, err = cli("overdue", str(county), "--month", "2022-06", clock=clock)
    assert (code, err) == (EXIT_OK, "")
    lines = out.splitlines()
    assert lines == [
        "潢川县 / 城关镇\t城关2村党支部 ← 机关第2党支部\t最近一次主题党日：从未开展",
        "信阳市，2022年6月：1 个结对未开展主题党日",
    ]
    _, stats, _ = cli("stats", str(county), "--month", "2022-06", "--json", clock=clock)
    compliance = json.loads(stats)["compliance"]
    assert compliance["total"] - compliance["count"] == 1


def test_overdue_by_region_in_english_with_the_last_themed_day(county: Path) -> None:
    clock = FixedClock.on("2022-07-19")
    code, out, _ = cli(
        "overdue", str(county), "--region", "仁和镇", "--month", "2022-07", "--lang", "en", clock=clock
    )
    assert code == EXIT_OK
    assert out.splitlines() == [
        "潢川县 / 仁和镇\t仁和1村党支部 ← 机关第4党支部\tlast themed Party day: never",
        "信阳市/潢川县/仁和镇, 2022-07: 1 pairing(s) without a themed Party day",
    ]
    code, _, err = cli("overdue", str(county), "--region", "城关镇", "--month", "2022-06", clock=clock)
    assert code == EXIT_FAILED  # two counties have a 城关镇: the candidates are listed
    assert "固始县/城关镇" in err
    code, out, _ = cli("overdue", str(county), "--region", "潢川县/城关镇", "--month", "2022-07", clock=clock)
    assert code == EXIT_OK
    assert "2022年6月25日" in out
    assert "2022年6月11日" in out


def test_overdue_needs_a_month(county: Path) -> None:
    code, _, err = cli("overdue", str(county), clock=FixedClock.on("2022-07-19"))
    assert code == EXIT_USAGE
    assert "--month" in err
