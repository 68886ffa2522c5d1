"""Coverage tab ▸ Targets reached: agreement targets reached per part of the region as of the chosen day,
the bars' figures equal to hand-written SQL and to ``stats``; the chart looked at in Chinese at 1366×768."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolTip

from branchdesk.domain.agreements import Agreement, Progress, Target
from branchdesk.domain.chart_data import RateBreakdown
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.rates import Rate
from branchdesk.services.agreements import save_agreement
from branchdesk.services.demo import generate_demo
from branchdesk.services.ledgers import open_ledger
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.tabs.coverage import CoverageTab
from tests.chart_ledger import make_chart_ledger
from tests.ui.driving import file_rows
from tests.ui.test_chart_tabs import click, hover, shown
from tests.ui.typing import press_enter, retype

BY_TOWNSHIP = """
SELECT r.name, count(*),
       sum(coalesce((SELECT value FROM target_progress v WHERE v.target_id = t.id AND v.recorded_on <= ?1
                     ORDER BY recorded_on DESC, id DESC LIMIT 1) >= t.number, 0))
FROM agreement_target t JOIN agreement a ON a.id = t.agreement_id JOIN pairing p ON p.id = a.pairing_id
JOIN branch g ON g.id = p.grassroots_id JOIN region r ON r.id = g.region_id
WHERE t.number IS NOT NULL AND a.signed_on <= ?1
GROUP BY r.name ORDER BY r.name
"""


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "演示 台账.bdesk"
    generate_demo(path, "township", clock=FixedClock.on("2024-03-01"))
    return path


def targets_chart(
    make_window: Callable[..., MainWindow], path: Path, qtbot: object
) -> tuple[MainWindow, CoverageTab]:
    """The ledger in a 1366×768 window, the Coverage tab's Targets reached button clicked."""
    window = make_window()
    assert window.open_path(path)
    window.resize(1366, 768)
    window.show()
    tab = window.coverage_tab
    window.show_tab("coverage")
    shown(tab, qtbot)
    qtbot.mouseClick(tab.buttons["targets"], Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    return window, tab


def test_targets_reached_by_township_as_of_a_day(
    make_window: Callable[..., MainWindow], demo: Path, qtbot: object
) -> None:
    window, tab = targets_chart(make_window, demo, qtbot)
    retype(tab.as_of, "2023/12/31")
    press_enter(tab.as_of)
    data = shown(tab, qtbot, lambda d: isinstance(d, RateBreakdown) and d.as_of == dt.date(2023, 12, 31))
    assert isinstance(data, RateBreakdown)
    expected = file_rows(demo, BY_TOWNSHIP, ("2023-12-31",))
    assert sorted((item.group.name, item.rate.total, item.rate.count) for item in data.items) == expected
    assert all(0 < item.rate.count < item.rate.total for item in data.items)  # some reached, some not
    total = Rate(sum(row[2] for row in expected), sum(row[1] for row in expected))
    assert data.total == total
    window.grab().save("/tmp/targets-chart.png")
    hover(tab, qtbot, 0)
    first = data.items[0].rate
    assert QToolTip.text().splitlines()[1] == (
        f"完成率 {first.percent}%：{first.total} 项硬目标中已完成 {first.count} 项"
    )


def test_a_countys_bar_drills_down_to_its_townships_and_a_townships_to_its_pairings(
    make_window: Callable[..., MainWindow], tmp_path: Path, qtbot: object, clock: FixedClock
) -> None:
    """The chart ledger (固始县 and 潢川县's 城关镇 and 仁和镇) with agreements: 城关镇's pairing has two
    numeric targets, one reached; 仁和镇's one, not reached; 固始县's one, reached. A click on 潢川县's bar
    charts its townships (as the compliance grid goes down a level); a click on 城关镇's then lists its
    pairings in the Pairings tab, whose agreements hold the targets."""
    path = tmp_path / "图表 台账.bdesk"
    made = make_chart_ledger(path, clock)
    pairings, regions = made.pairings, made.regions
    day = dt.date.fromisoformat

    def target(name: str, number: float, reached: float) -> Target:
        return Target(name, number, "项", day("2022-12-31"), (Progress(day("2022-05-01"), reached),))

    with open_ledger(path, clock) as ledger:
        for pairing, targets in (
            ("p1", (target("村道硬化", 2, 2), target("技术培训", 40, 12))),
            ("p3", (target("消费帮扶", 5, 1),)),
            ("p5", (target("路灯安装", 20, 20),)),
        ):
            save_agreement(ledger, pairings[pairing], Agreement(day("2022-04-20"), targets=targets))
    window, tab = targets_chart(make_window, path, qtbot)
    data = shown(tab, qtbot, lambda d: isinstance(d, RateBreakdown) and d.scope.id == regions["city"])
    assert isinstance(data, RateBreakdown)
    assert [(item.group.name, item.rate) for item in data.items] == [
        ("固始县", Rate(1, 1)),
        ("潢川县", Rate(1, 3)),
    ]
    hover(tab, qtbot, 1)
    assert QToolTip.text().endswith("单击可查看对应的明细。")

    click(tab, qtbot, 1)
    assert window.tabs.currentWidget() is tab  # the same chart, a level down
    assert window.regions.selected_region() == regions["huangchuan"]
    data = shown(tab, qtbot, lambda d: d.scope.id == regions["huangchuan"])  # type: ignore[attr-defined]
    assert [(item.group.name, item.rate) for item in data.items] == [  # type: ignore[attr-defined]
        ("城关镇", Rate(1, 2)),
        ("仁和镇", Rate(0, 1)),
    ]
    window.grab().save(str(tmp_path / "目标下钻.png"))

    click(tab, qtbot, 0)
    assert window.tabs.currentWidget() is window.pairings_tab
    assert window.regions.selected_region() == regions["hc_chengguan"]
    listed = window.pairings_tab.model
    window.pairings_tab.wait()
    ids = {listed.row_at(row).id for row in range(listed.rowCount())}
    assert pairings["p1"] in ids
    assert pairings["p3"] not in ids
