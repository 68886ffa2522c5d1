"""Star ratings (五星支部) as a clerk enters them: typed into the Branches table's Stars column (F2, the
rating, Enter), undone and redone by Ctrl+Z and Ctrl+Y, refused with a message when no rating; then the
Coverage tab's star mix of the region, its figures as hand-written SQL counts them, looked at in Chinese."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from branchdesk.domain.chart_data import StarMix
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind, Tier
from branchdesk.domain.listing import BranchColumn
from branchdesk.services.ledgers import create_ledger
from branchdesk.ui.dialogs.branch import BranchDialog
from branchdesk.ui.dialogs.branch_stars import StarRatings
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.models.branches import COLUMNS
from tests.builders import LedgerBuilder
from tests.ui.conftest import Recorder
from tests.ui.driving import answer, file_rows, open_shown, press, select_item
from tests.ui.test_branch_editing import press_ok
from tests.ui.typing import press_enter, retype

VILLAGE = "城关1村党支部"
RATINGS = "SELECT b.name, s.year, s.stars, s.rated_on FROM star_rating s JOIN branch b ON b.id = s.branch_id"


@pytest.fixture
def clock() -> FixedClock:
    """January: the county's review of the year just past is being typed in."""
    return FixedClock.on("2024-01-20")


@pytest.fixture
def county(tmp_path: Path, clock: FixedClock) -> Path:
    """A new ledger in an empty folder: its regions, an organ branch paired with a village, two villages
    of another township."""
    path = tmp_path / "新台账" / "潢川.bdesk"
    path.parent.mkdir()
    with create_ledger(path, clock) as ledger:
        build = LedgerBuilder(ledger)
        tree = build.tree()
        unit = build.unit("潢川县财政局", tree["huangchuan"])
        organ = build.organs(unit, tree["huangchuan"], 1)[0]
        village = build.branch(VILLAGE, BranchKind.VILLAGE, tree["hc_chengguan"], tier=Tier.WEAK)
        build.pair(organ, village, "2023-01-01")
        build.branch("王岗村党支部", BranchKind.VILLAGE, tree["hc_renhe"], tier=Tier.AVERAGE)
        build.branch("李湾村党支部", BranchKind.VILLAGE, tree["hc_renhe"], tier=Tier.STRONG)
    return path


def stars_cell(window: MainWindow, name: str) -> QModelIndex:
    model = window.branches_tab.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).name == name)
    return model.index(row, COLUMNS.index(BranchColumn.STARS))


def type_rating(window: MainWindow, qtbot: object, name: str, text: str) -> None:
    """Click the branch's Stars cell, F2, type over what it holds, Enter."""
    table = window.branches_tab.table
    index = stars_cell(window, name)
    table.scrollTo(index)
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[attr-defined]
    qtbot.keyClick(table, Qt.Key.Key_F2)  # type: ignore[attr-defined]
    editor = table.indexWidget(table.currentIndex())
    assert isinstance(editor, QLineEdit)
    retype(editor, text)
    press_enter(editor)
    QApplication.processEvents()  # the delegate commits on a queued call


def test_a_rating_typed_in_the_stars_column_is_saved_undone_and_refused_when_none(
    make_window: Callable[..., MainWindow], county: Path, qtbot: object, recorder: Recorder
) -> None:
    window = open_shown(make_window(), county)
    type_rating(window, qtbot, VILLAGE, "2023年五星")
    assert file_rows(county, RATINGS) == [(VILLAGE, 2023, 5, "2024-01-20")]
    assert stars_cell(window, VILLAGE).data() == "五星（2023）"

    # Without a year, the rating of the year the cell shows is changed.
    type_rating(window, qtbot, VILLAGE, "4")
    assert file_rows(county, RATINGS) == [(VILLAGE, 2023, 4, "2024-01-20")]
    type_rating(window, qtbot, "王岗村党支部", "★★★")
    # A branch never rated gets this year's rating when no year is typed: the clerk types 2023 for last year.
    type_rating(window, qtbot, "李湾村党支部", "2023 四星")
    assert set(file_rows(county, RATINGS)) == {
        ("李湾村党支部", 2023, 4, "2024-01-20"),
        ("王岗村党支部", 2024, 3, "2024-01-20"),
        (VILLAGE, 2023, 4, "2024-01-20"),
    }

    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert file_rows(county, RATINGS) == [(VILLAGE, 2023, 5, "2024-01-20")]
    press(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert file_rows(county, RATINGS) == [(VILLAGE, 2023, 4, "2024-01-20")]
    assert "评定星级" in window.edits.undo_action.text()

    type_rating(window, qtbot, VILLAGE, "六星")
    assert (
        recorder.errors[-1]
        == "“六星”不是有效的星级：请填写一至五星（如 4 或 四星），需要时写明年度（如 2023 四星）。"
    )
    type_rating(window, qtbot, VILLAGE, "2025 三星")
    assert recorder.errors[-1] == "2025年尚未到来，不能评定星级。"
    assert file_rows(county, RATINGS) == [(VILLAGE, 2023, 4, "2024-01-20")]

    # Emptied, the shown year's rating is taken away.
    type_rating(window, qtbot, VILLAGE, "")
    assert file_rows(county, RATINGS) == []
    assert stars_cell(window, VILLAGE).data() == ""

    # An organ branch is not rated: its cell takes no editing.
    model = window.branches_tab.model
    organ_row = next(r for r in range(model.rowCount()) if model.row_at(r).kind is BranchKind.ORGAN)
    organ_cell = model.index(organ_row, COLUMNS.index(BranchColumn.STARS))
    assert not model.flags(organ_cell) & Qt.ItemFlag.ItemIsEditable


def test_the_star_mix_counts_the_ratings_as_sql_does_and_reads_in_chinese(
    make_window: Callable[..., MainWindow], county: Path, qtbot: object, tmp_path: Path
) -> None:
    window = open_shown(make_window(), county)
    type_rating(window, qtbot, VILLAGE, "2023 二星")
    type_rating(window, qtbot, "王岗村党支部", "2023 五星")
    tab = window.coverage_tab
    window.show_tab("coverage")
    tab.show_chart("stars")
    qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: isinstance(tab.data, StarMix) and not tab.busy() and tab.picture is not None, timeout=15000
    )
    data = tab.data
    assert isinstance(data, StarMix)
    assert data.year == 2023
    # The city has one county in this ledger: the chart shows that county's townships.
    assert data.scope.name == "潢川县"
    by_part = {item.group.name: dict(item.counts) for item in data.items}
    expected = file_rows(
        county,
        """
        SELECT r.name, coalesce(s.stars, 0), count(*) FROM branch b JOIN region r ON r.id = b.region_id
        LEFT JOIN star_rating s ON s.branch_id = b.id AND s.year = 2023
        WHERE b.kind <> 'organ' GROUP BY r.name, s.stars
        """,
    )
    assert {
        (part, stars): count for part, counts in by_part.items() for stars, count in counts.items() if count
    } == {(part, stars): count for part, stars, count in expected}
    window.resize(1366, 768)
    QApplication.processEvents()
    window.grab().save(str(tmp_path / "star-mix.png"))
    assert (tmp_path / "star-mix.png").stat().st_size > 10_000


def test_the_branch_dialog_rates_a_branch_year_by_year_as_one_undoable_step(
    make_window: Callable[..., MainWindow], county: Path, qtbot: object, recorder: Recorder, tmp_path: Path
) -> None:
    """Ctrl+E on a village: its Star rating row picks a year (typed), the stars (arrow keys) and the day
    (typed); a second year likewise; OK saves the branch and both ratings as one step of Edit ▸ Undo.
    Editing again, 未评星 takes a year's rating away; a rating dated before its year is refused with the
    dialog kept open; an organ branch has no Star rating row."""
    window = open_shown(make_window(), county)
    type_rating(window, qtbot, VILLAGE, "2022 三星")  # rated in the table before: the dialog shows it
    seen: dict[str, object] = {}

    def rate(dialog: BranchDialog) -> None:
        stars = dialog.stars
        assert stars.isVisible()
        assert stars.year.value() == 2022
        assert stars.stars.currentText() == "三星"
        assert stars.summary.text() == "2022年度：三星（2024年1月20日评定）"
        choose_year(stars, 2023)
        assert stars.stars.currentText() == "未评星"
        pick_stars(stars, "五星")
        retype(stars.rated_on, "2024-01-15")
        press_tab(stars.rated_on)
        retype(dialog.secretary, "张书记")
        seen["summary"] = stars.summary.text()
        dialog.resize(1366, 768)
        dialog.grab().save(str(tmp_path / "星级.png"))
        press_ok(dialog)

    handled = answer(BranchDialog, rate)
    select_branch(window, qtbot, VILLAGE)
    press(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert handled == ["branchDialog"]
    assert seen["summary"] == "2023年度：五星（2024年1月15日评定）\n2022年度：三星（2024年1月20日评定）"
    assert set(file_rows(county, RATINGS)) == {
        (VILLAGE, 2022, 3, "2024-01-20"),
        (VILLAGE, 2023, 5, "2024-01-15"),
    }
    assert file_rows(county, "SELECT secretary FROM branch WHERE name = ?", (VILLAGE,)) == [("张书记",)]

    # One step: Ctrl+Z takes the secretary and the 2023 rating back together.
    QTest.qWait(10)  # the event loop runs on: the closed dialog is deleted and the window has the keys
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert file_rows(county, RATINGS) == [(VILLAGE, 2022, 3, "2024-01-20")]
    assert file_rows(county, "SELECT secretary FROM branch WHERE name = ?", (VILLAGE,)) == [(None,)]

    # 未评星 takes 2022's away; a day before the year rated is refused and the dialog stays open.
    def unrate(dialog: BranchDialog) -> None:
        stars = dialog.stars
        pick_stars(stars, "未评星")
        choose_year(stars, 2023)
        pick_stars(stars, "四星")
        retype(stars.rated_on, "2022-12-01")
        press_tab(stars.rated_on)
        press_ok(dialog)
        seen["open"] = dialog.isVisible()
        seen["problem"] = dialog.problem_texts()
        retype(stars.rated_on, "2024-01-18")
        press_tab(stars.rated_on)
        press_ok(dialog)

    handled = answer(BranchDialog, unrate)
    select_branch(window, qtbot, VILLAGE)
    press(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert handled == ["branchDialog"]
    assert seen["open"] is True
    assert seen["problem"] == {"stars": "2023年度的星级不能在该年开始之前评定（2022年12月1日）。"}
    assert file_rows(county, RATINGS) == [(VILLAGE, 2023, 4, "2024-01-18")]

    # An organ branch is never rated: no Star rating row.
    def organ(dialog: BranchDialog) -> None:
        seen["organ"] = dialog.stars.isVisible()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # type: ignore[attr-defined]

    handled = answer(BranchDialog, organ)
    QTest.qWait(10)  # the dialog closed by OK is deleted, as above
    select_branch(window, qtbot, "机关第1党支部")
    press(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert handled == ["branchDialog"]
    assert seen["organ"] is False


def select_branch(window: MainWindow, qtbot: object, name: str) -> None:
    """Click the branch's row in the Branches table."""
    table = window.branches_tab.table
    index = stars_cell(window, name).siblingAtColumn(0)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())  # type: ignore[attr-defined]


def choose_year(stars: StarRatings, year: int) -> None:
    """Type the year over what its box holds, Tab."""
    retype(stars.year, str(year))
    press_tab(stars.year)
    assert stars.year.value() == year


def pick_stars(stars: StarRatings, text: str) -> None:
    select_item(stars.stars, text)


def press_tab(widget: QWidget) -> None:
    QTest.keyClick(widget, Qt.Key.Key_Tab)
