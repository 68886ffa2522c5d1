"""The status bar of a city shows its own organs (市直) and the county level's (县级) beside the totals."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from branchdesk.storage.ledger import Ledger
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder
from tests.test_cli_levels import city  # noqa: F401  (the fixture)


def test_a_city_shows_both_levels_and_a_county_neither(
    make_window: Callable[..., MainWindow],
    city: Path,  # noqa: F811
    qtbot: QtBot,
) -> None:
    window = make_window()
    window.resize(1366, 768)
    window.show()
    assert window.open_path(city)
    qtbot.waitUntil(lambda: window.figures.levels_label.text() != "")
    assert window.figures.levels_label.text() == "市直优化率 33.33%（1/3） · 县级优化率 66.66%（2/3）"
    assert window.figures.levels_label.toolTip().splitlines() == [
        "市直：机关党支部 3 个，优化率 33.33%，结对覆盖率 33.33%；2022年4月主题党日落实率 —",
        "县级：机关党支部 3 个，优化率 66.66%，结对覆盖率 66.66%；2022年4月主题党日落实率 —",
    ]
    view, model = window.regions.view, window.regions.model
    top = model.index(0, 0)
    view.expand(top)
    county = next(
        model.index(r, 0, top)
        for r in range(model.rowCount(top))
        if model.index(r, 0, top).data() == "潢川县"
    )
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(county).center())
    qtbot.waitUntil(
        lambda: (
            window.figures.coverage_label.text() != ""
            and window.figures.counts_label.text().startswith("潢川县")
        )
    )
    assert window.figures.levels_label.isHidden()


def test_a_county_office_ledger_shows_no_empty_city_level(
    make_window: Callable[..., MainWindow], build: LedgerBuilder, ledger: Ledger, qtbot: QtBot
) -> None:
    """Its city node holds no organ of its own: "市直优化率 —（0/0）" would only puzzle the clerk."""
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    build.organs(unit, tree["huangchuan"], 2)
    path = ledger.path
    ledger.close()
    window = make_window()
    window.show()
    assert window.open_path(path)
    qtbot.waitUntil(
        lambda: (
            window.figures.coverage_label.text() != ""
            and window.figures.counts_label.text().startswith("信阳市")
        )
    )
    assert window.figures.levels_label.isHidden()
