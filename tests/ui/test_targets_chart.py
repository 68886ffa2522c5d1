"""Coverage tab ▸ Targets reached: agreement targets reached per part of the region as of the chosen day,
the bars' figures equal to hand-written SQL and to ``stats``; the chart looked at in Chinese at 1366×768."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolTip

from branchdesk.domain.chart_data import RateBreakdown
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.rates import Rate
from branchdesk.services.demo import generate_demo
from branchdesk.ui.main_window import MainWindow
from tests.ui.driving import file_rows
from tests.ui.test_chart_tabs import hover, shown
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


def test_targets_reached_by_township_as_of_a_day(
    make_window: Callable[..., MainWindow], demo: Path, qtbot: object
) -> None:
    window = make_window()
    assert window.open_path(demo)
    window.resize(1366, 768)
    window.show()
    tab = window.coverage_tab
    window.show_tab("coverage")
    shown(tab, qtbot)
    qtbot.mouseClick(tab.buttons["targets"], Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
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
