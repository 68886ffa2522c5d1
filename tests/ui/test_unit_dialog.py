"""A new unit's level (市直 / 县直 / 中央、省驻信) follows the region it is added in until the clerk picks
one: a fixed 县直 counted the city's own units as county-level in the figures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from branchdesk.ui.dialogs.unit import UnitDialog
from branchdesk.ui.main_window import MainWindow
from tests.ui.driving import answer, file_rows, select_item, shown
from tests.ui.test_branch_editing import open_window, small  # noqa: F401  (the fixture)
from tests.ui.test_name_length import _click_ok, _region_id
from tests.ui.typing import retype, type_text


def add_unit(
    window: MainWindow, qtbot: QtBot, region: str, name: str, fill: Callable[[UnitDialog], None]
) -> None:
    window.regions.select(_region_id(window.session.ledger.path, region))  # type: ignore[union-attr]

    def handle(dialog: UnitDialog) -> None:
        type_text(dialog.name, name)
        fill(dialog)
        _click_ok(qtbot, dialog)

    handled = answer(UnitDialog, handle)
    window.branches_tab.branch_actions.new_unit.trigger()
    assert handled == ["unitDialog"]


def test_the_level_follows_the_region_until_the_clerk_picks_one(
    make_window: Callable[..., MainWindow],
    small: Path,  # noqa: F811
    qtbot: QtBot,
) -> None:
    window = shown(open_window(make_window, small))
    levels: list[str] = []
    add_unit(window, qtbot, "信阳市", "市财政局", lambda dialog: levels.append(dialog.level.currentText()))
    add_unit(window, qtbot, "潢川县", "县财政局", lambda dialog: levels.append(dialog.level.currentText()))

    def central(dialog: UnitDialog) -> None:
        select_item(dialog.level, "中央、省驻信单位")
        # A region chosen afterwards keeps the level the clerk picked.
        retype(dialog.region.lineEdit(), "信阳市")
        assert dialog.region.chosen() == _region_id(small, "信阳市")
        levels.append(dialog.level.currentText())

    add_unit(window, qtbot, "潢川县", "国网潢川县供电公司", central)
    assert levels == ["市直单位", "县直单位", "中央、省驻信单位"]
    assert file_rows(small, "SELECT name, level FROM unit WHERE name != '县委组织部' ORDER BY id") == [
        ("市财政局", "city"),
        ("县财政局", "county"),
        ("国网潢川县供电公司", "central"),
    ]


def test_a_long_unit_name_and_its_region_show_whole(
    make_window: Callable[..., MainWindow],
    small: Path,  # noqa: F811
    qtbot: QtBot,
) -> None:
    """Branches ▸ New unit…: the dialog opened 200 pixels wide, a common unit's name (潢川县人力资源和社会
    保障局) and a township's path cut off in its fields (seen in a screenshot); both show whole."""
    window = shown(open_window(make_window, small))
    name = "潢川县人力资源和社会保障局"
    widths: list[tuple[int, int]] = []

    def measure(dialog: UnitDialog) -> None:
        qtbot.waitExposed(dialog)
        metrics = dialog.name.fontMetrics()
        widths.append((dialog.name.width(), metrics.horizontalAdvance(name)))
        region = dialog.region.currentText()
        widths.append((dialog.region.lineEdit().width(), metrics.horizontalAdvance(region)))

    add_unit(window, qtbot, "潢川县", name, measure)
    assert all(field > text for field, text in widths), widths
    assert file_rows(small, "SELECT name FROM unit WHERE name = ?", (name,)) == [(name,)]


def test_a_region_looked_at_and_ok_writes_nothing(
    make_window: Callable[..., MainWindow],
    small: Path,  # noqa: F811
    qtbot: QtBot,
) -> None:
    """Branches ▸ Regions ▸ Rename or set code…, OK (Enter) with nothing changed: an empty region.edit
    was written, a step of Edit ▸ Undo that undid nothing (found pressing Enter through the dialogs).
    Nothing is written now; a new code typed still is, as one step."""
    from branchdesk.ui.dialogs.region import RegionDialog
    from tests.ui.typing import press_enter

    window = shown(open_window(make_window, small))
    window.regions.select(_region_id(small, "潢川县"))
    operations = file_rows(small, "SELECT count(*) FROM operation")
    seen = answer(RegionDialog, lambda dialog: press_enter(dialog.name))
    window.region_actions.edit.trigger()
    assert seen == ["regionDialog"]
    assert file_rows(small, "SELECT count(*) FROM operation") == operations

    def code(dialog: RegionDialog) -> None:
        retype(dialog.code, "411599")
        press_enter(dialog.code)

    seen = answer(RegionDialog, code)
    window.region_actions.edit.trigger()
    assert seen == ["regionDialog"]
    assert file_rows(small, "SELECT count(*) FROM operation") == [(operations[0][0] + 1,)]
    assert file_rows(small, "SELECT code FROM region WHERE name = '潢川县'") == [("411599",)]
