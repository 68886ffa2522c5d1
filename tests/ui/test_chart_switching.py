"""A chart picked while another is on show (found by the soak test, tests/ui/test_soak.py): until the new one
has been computed and drawn, the old picture stays, and the mouse over it is answered for that picture."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from branchdesk.domain.chart_data import RateBreakdown
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.tabs.coverage import TierSpec
from tests.chart_ledger import ChartLedger
from tests.ui.test_chart_tabs import at, charted, click, hover, shown, window  # noqa: F401  (fixtures)


@pytest.fixture
def tiers_held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The tier chart's figures are read only once the test lets them go: the picker has moved on while
    the picture still shows the chart before."""
    release = threading.Event()
    fetch = TierSpec.fetch

    def held(spec: TierSpec, ledger: Ledger, region_id: int, period: Any) -> Any:
        release.wait(30)
        return fetch(spec, ledger, region_id, period)

    monkeypatch.setattr(TierSpec, "fetch", held)
    yield release
    release.set()


def test_hover_and_click_answer_for_the_chart_on_show_while_the_picked_one_is_computed(
    window: MainWindow,  # noqa: F811
    charted: tuple[Path, ChartLedger],  # noqa: F811
    qtbot: QtBot,
    tiers_held: threading.Event,
    tmp_path: Path,
) -> None:
    tab = window.coverage_tab
    window.show_tab("coverage")
    assert isinstance(shown(tab, qtbot), RateBreakdown)
    qtbot.mouseClick(tab.buttons["tiers"], Qt.MouseButton.LeftButton)
    assert tab.chart_id == "tiers"
    assert tab.busy()
    assert isinstance(tab.data, RateBreakdown)  # the coverage bars are still what the clerk sees

    # File ▸ Export chart saves what is on show.
    exported = tmp_path / "导出.svg"
    window.context.choose_chart_path = lambda parent, suggested: exported  # type: ignore[assignment]
    window.exchange.chart_action.trigger()
    assert "基层党支部结对覆盖率" in exported.read_text(encoding="utf-8")

    hover(tab, qtbot, 0)
    assert QToolTip.text() == "固始县\n覆盖率 50.00%：2 个基层党支部中 1 个已结对\n单击可查看对应的明细。"
    click(tab, qtbot, 0)  # the bar's rows: 固始县's grassroots branches
    assert window.tabs.currentWidget() is window.branches_tab
    assert window.regions.selected_region() == charted[1].regions["gushi"]
    tiers_held.set()
