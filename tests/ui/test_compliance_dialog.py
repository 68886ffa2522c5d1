"""The compliance view reads off the UI thread: its models, a later month superseding an earlier one,
closing while a read runs, and the region name the window gives it."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from branchdesk.domain.compliance import OverduePairing
from branchdesk.domain.enums import ActivityType
from branchdesk.domain.months import HalfYear, Month
from branchdesk.services import compliance as compliance_service
from branchdesk.services import key_tasks as key_task_service
from branchdesk.storage import activities as activity_store
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.compliance import ComplianceDialog
from branchdesk.ui.dialogs.import_wizard import ImportWizard
from branchdesk.ui.jobs.runner import Reads
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder, day
from tests.ui.driving import answer, menu_item
from tests.ui.typing import press_enter, retype


@pytest.fixture
def town(build: LedgerBuilder, ledger: Ledger) -> tuple[Path, int]:
    """Two pairings of 城关镇 since January 2022: 城关1村 held March's themed day, 城关2村 April's; a key
    task of 2022-H1 that 城关1村 served (the clock says 19 May 2022)."""
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    organs = build.organs(unit, tree["huangchuan"], 2)
    villages = build.villages(tree["hc_chengguan"], 2, prefix="城关")
    first = build.pair(organs[0], villages[0], "2022-01-10")
    second = build.pair(organs[1], villages[1], "2022-01-10")
    build.activity(first, "2022-03-12")
    build.activity(second, "2022-04-16")
    key_task_service.add_key_task(ledger, HalfYear(2022, 1), "乡村振兴")
    (task,) = key_task_service.key_tasks(ledger, HalfYear(2022, 1))
    with ledger.operation("test.activity"):
        activity_store.add_activity(
            ledger, first, day("2022-04-20"), ActivityType.KEY_TASK, volunteers=3, key_task_id=task.id
        )
    path = ledger.path
    ledger.close()
    return path, tree["hc_chengguan"]


def opened(make_window: Callable[..., MainWindow], path: Path) -> tuple[MainWindow, Ledger]:
    window = make_window()  # Chinese, as a clerk sees it
    assert window.open_path(path)
    assert window.edits.ledger is not None
    return window, window.edits.ledger


def overdue_names(dialog: ComplianceDialog) -> list[str]:
    model = dialog.overdue_model
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def test_the_figures_are_read_off_the_ui_thread_and_shown_as_models(
    make_window: Callable[..., MainWindow],
    town: tuple[Path, int],
    qtmodeltester: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, region = town
    window, ledger = opened(make_window, path)
    threads: list[bool] = []  # per read: on the UI (main) thread?
    real = compliance_service.overdue_pairings

    def recorded(
        ledger: Ledger, region_id: int, month: Month, *, direct: bool = False
    ) -> list[OverduePairing]:
        threads.append(threading.current_thread() is threading.main_thread())
        return real(ledger, region_id, month, direct=direct)

    monkeypatch.setattr(compliance_service, "overdue_pairings", recorded)
    real_halves = key_task_service.half_years
    halves_read_on: list[bool] = []

    def halves(ledger: Ledger) -> list[HalfYear]:
        halves_read_on.append(threading.current_thread() is threading.main_thread())
        return real_halves(ledger)

    monkeypatch.setattr(key_task_service, "half_years", halves)
    dialog = ComplianceDialog(ledger, window.jobs, region, "城关镇", window)
    assert dialog.summary.text() == "正在统计……"
    assert dialog.wait()
    assert threads == [False]
    assert halves_read_on == [False], "what the view needs at opening is read off the UI thread too"
    assert "提醒" in dialog.summary.text()
    assert overdue_names(dialog) == ["城关1村党支部", "城关2村党支部"]  # nobody held May's yet
    assert dialog.overdue_model.index(0, 3).data() == "2022年3月12日"
    retype(dialog.month, "2022-03")
    press_enter(dialog.month)
    dialog.wait()
    assert threads == [False, False]
    assert overdue_names(dialog) == ["城关2村党支部"]
    grid = dialog.grid_model
    assert [grid.headerData(c, Qt.Orientation.Horizontal) for c in (2, 7)] == ["2021年10月", "2022年3月"]
    # December and January (begun on the 10th) not owed, February missed, March held
    assert [grid.index(0, c).data() for c in (4, 5, 6, 7)] == ["—", "—", "✗", "✓ 1"]
    coverage = dialog.coverage_model
    assert coverage.headerData(2, Qt.Orientation.Horizontal) == "乡村振兴"
    assert [coverage.index(0, c).data() for c in (2, 3)] == ["✓", "1 / 1"]
    assert coverage.index(1, 2).data() == ""
    for model in (dialog.overdue_model, grid, coverage):
        qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]


def test_a_later_month_supersedes_an_earlier_one(
    make_window: Callable[..., MainWindow], town: tuple[Path, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, region = town
    window, ledger = opened(make_window, path)
    dialog = ComplianceDialog(ledger, window.jobs, region, "城关镇", window)
    dialog.wait()
    march_started, later_asked = threading.Event(), threading.Event()
    real = compliance_service.overdue_pairings

    def slow_march(
        ledger: Ledger, region_id: int, month: Month, *, direct: bool = False
    ) -> list[OverduePairing]:
        if month == Month(2022, 3):
            march_started.set()
            assert later_asked.wait(10)  # March's read is still running when April is asked for
        return real(ledger, region_id, month, direct=direct)

    monkeypatch.setattr(compliance_service, "overdue_pairings", slow_march)
    shown: list[str] = []
    dialog.overdue_model.modelReset.connect(lambda: shown.append(dialog.summary.text()))
    retype(dialog.month, "2022/3")
    press_enter(dialog.month)
    assert march_started.wait(10)
    retype(dialog.month, "2022年4月")
    press_enter(dialog.month)
    later_asked.set()
    dialog.wait()
    assert dialog.chosen_month() == Month(2022, 4)
    assert "2022年4月" in dialog.summary.text()
    assert overdue_names(dialog) == ["城关1村党支部"]
    assert not any("3月" in text for text in shown)  # March's result was dropped, never shown
    assert not dialog.reading


def test_closing_while_a_read_runs_drops_it(
    make_window: Callable[..., MainWindow], town: tuple[Path, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, region = town
    window, ledger = opened(make_window, path)
    started, release = threading.Event(), threading.Event()
    real = compliance_service.overdue_pairings

    def held(ledger: Ledger, region_id: int, month: Month, *, direct: bool = False) -> list[OverduePairing]:
        started.set()
        assert release.wait(10)
        return real(ledger, region_id, month, direct=direct)

    monkeypatch.setattr(compliance_service, "overdue_pairings", held)
    dialog = ComplianceDialog(ledger, window.jobs, region, "城关镇", window)
    dialog.show()
    assert started.wait(10)
    dialog.reject()
    assert not dialog.reading
    release.set()
    assert dialog.wait()
    assert dialog.summary.text() == "正在统计……"  # the result that came after the close was not shown
    assert dialog.overdue_model.rowCount() == 0


def test_the_window_names_the_selected_region_without_listing_them(
    make_window: Callable[..., MainWindow], town: tuple[Path, int]
) -> None:
    path, region = town
    window, _ = opened(make_window, path)
    window.regions.select(region)
    assert window.regions.selected_name() == "城关镇"


def test_a_cut_short_list_says_so(
    make_window: Callable[..., MainWindow], town: tuple[Path, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, region = town
    window, ledger = opened(make_window, path)
    monkeypatch.setattr(compliance_service, "ROWS_LIMIT", 1)
    dialog = ComplianceDialog(ledger, window.jobs, region, "城关镇", window)
    assert dialog.wait()
    assert dialog.grid_model.rowCount() == 1
    assert dialog.pages.tabText(dialog.pages.indexOf(dialog.grid)) == (
        "逐月情况（前 1 个结对；其余请在左侧选择县或乡镇查看）"
    )
    assert dialog.coverage_status.text() == "仅列出前 1 个结对；其余请在左侧选择县或乡镇查看。"


def test_enter_in_the_month_shows_that_month_and_keeps_the_view_open(
    make_window: Callable[..., MainWindow], town: tuple[Path, int], qtbot: object
) -> None:
    path, region = town
    window, ledger = opened(make_window, path)
    dialog = ComplianceDialog(ledger, window.jobs, region, "城关镇", window)
    dialog.show()
    dialog.wait()
    retype(dialog.month, "2022/3")
    press_enter(dialog.month)
    dialog.wait()
    assert dialog.isVisible()  # Enter showed March; it did not close the view
    assert dialog.month.text() == "2022年3月"
    assert overdue_names(dialog) == ["城关2村党支部"]
    assert "2022年3月" in dialog.summary.text()
    retype(dialog.month, "2022-13")
    press_enter(dialog.month)
    assert dialog.isVisible()
    assert dialog.month.text() == "2022-13"  # kept as typed, marked beside with the reason
    problem = dialog.findChild(QLabel, "complianceMonthProblem")
    assert problem is not None
    assert problem.isVisible()
    assert problem.text() == "“2022-13”不是月份：没有13月（月份为1至12）。"
    assert dialog.chosen_month() == Month(2022, 3)  # March stays on screen
    retype(dialog.month, "2022年4月")
    assert not problem.isVisible()
    press_enter(dialog.month)
    dialog.wait()
    assert dialog.isVisible()
    assert "2022年4月" in dialog.summary.text()
    dialog.close()


def test_closed_dialogs_and_their_readers_are_freed(
    make_window: Callable[..., MainWindow], town: tuple[Path, int], qtbot: QtBot
) -> None:
    """Tools ▸ Compliance and File ▸ Import opened and closed from the keyboard leave nothing behind: no
    dialog kept as the window's child, no reader, nothing for Python's collector to free later (issue
    #16's SIGSEGV: closed dialogs left as cycles, freed by the collector on a worker thread)."""
    path, region = town
    window, _ = opened(make_window, path)
    window.regions.select(region)
    window.settle()
    gone: list[weakref.ref[QObject]] = []

    def close(dialog: QDialog) -> None:
        gone.append(weakref.ref(dialog))
        gone.extend(weakref.ref(reader) for reader in dialog.findChildren(Reads))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    compliance = answer(ComplianceDialog, close)
    menu_item(window, Qt.Key.Key_T, Qt.Key.Key_C)  # Tools ▸ Compliance (1+N)
    wizard = answer(ImportWizard, close)
    menu_item(window, Qt.Key.Key_F, Qt.Key.Key_I)  # File ▸ Import
    assert (compliance, wizard) == (["complianceDialog"], ["importWizard"])
    assert len(gone) == 5, "the compliance view, its three readers, and the wizard"
    assert window.jobs.wait()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    assert [ref() for ref in gone] == [None] * len(gone), "freed without waiting for the collector"
    assert window.findChildren(QDialog) == []


def test_a_ledger_without_regions_says_so(
    make_window: Callable[..., MainWindow], tmp_path: Path, clock: object, recorder: object, qtbot: QtBot
) -> None:
    """Tools ▸ Compliance (1+N) and the Activities tab's Compliance… did nothing on a new ledger without
    regions (seen walking the menus; New half-year said why): they say the ledger has no region yet."""
    from branchdesk.domain.clock import FixedClock
    from branchdesk.services.ledgers import create_ledger
    from tests.ui.conftest import Recorder
    from tests.ui.driving import shown

    assert isinstance(clock, FixedClock)
    assert isinstance(recorder, Recorder)
    folder = tmp_path / "新 文件夹"
    folder.mkdir()
    path = folder / "台账.bdesk"
    create_ledger(path, clock).close()
    window = shown(make_window())
    assert window.open_path(path)
    window.settle()
    window.menus.compliance_action.trigger()
    window.show_tab("activities")
    qtbot.mouseClick(window.activities_tab.compliance_button, Qt.MouseButton.LeftButton)
    assert recorder.errors == ["本台账还没有区域。", "本台账还没有区域。"]
