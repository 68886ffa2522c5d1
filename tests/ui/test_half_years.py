"""Half-years read as a clerk says them: 2022年上半年 / 2022年下半年 in the Key tasks and Compliance views,
the Activities tab's key-task filter, the activity dialog and messages (2022 H1 in English); the file keeps
2022-H1, and both forms are read back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from branchdesk.domain.months import HalfYear
from branchdesk.exchange.ledger_import import import_file, plan_file
from branchdesk.i18n.messages import message_text
from branchdesk.services import key_tasks as key_task_service
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.activity import ActivityDialog
from branchdesk.ui.dialogs.compliance import ComplianceDialog
from branchdesk.ui.dialogs.key_tasks import KeyTasksDialog
from branchdesk.ui.history_text import value_text
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder
from tests.ui.driving import answer, file_rows, select_item, shown
from tests.ui.typing import type_text

CHINESE = {"H1": "2022年上半年", "H2": "2022年下半年", "before": "2021年下半年"}
ENGLISH = {"H1": "2022 H1", "H2": "2022 H2", "before": "2021 H2"}


@pytest.fixture
def town(build: LedgerBuilder, ledger: Ledger) -> tuple[Path, int]:
    """A pairing in 城关镇 and key tasks of 2021-H2 and 2022-H1 (the clock says 19 May 2022)."""
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    build.pair(
        build.organs(unit, tree["huangchuan"], 1)[0], build.villages(tree["hc_chengguan"], 1)[0], "2021-09-01"
    )
    key_task_service.add_key_task(ledger, HalfYear(2021, 2), "防汛救灾")
    key_task_service.add_key_task(ledger, HalfYear(2022, 1), "乡村振兴")
    path = ledger.path
    ledger.close()
    return path, tree["hc_chengguan"]


def _items(combo: QComboBox) -> list[str]:
    return [combo.itemText(row) for row in range(combo.count())]


@pytest.mark.parametrize(("language", "words"), [("zh_CN", CHINESE), ("en", ENGLISH)])
def test_half_years_read_as_words_where_the_window_shows_them(
    make_window: Callable[..., MainWindow],
    town: tuple[Path, int],
    qtbot: QtBot,
    language: str,
    words: dict[str, str],
) -> None:
    path, region = town
    window = shown(make_window(language))
    assert window.open_path(path)

    # Key tasks: the half-years by their words; one chosen with the keys gets the task typed.
    def add_task(dialog: QWidget) -> None:
        assert isinstance(dialog, KeyTasksDialog)
        assert _items(dialog.half_year) == [words["before"], words["H1"], words["H2"]]
        assert dialog.half_year.currentText() == words["H1"]
        assert words["before"] in dialog.copy_button.text()
        select_item(dialog.half_year, words["H2"])
        qtbot.keyClicks(dialog.name, "Flood control")
        add = dialog.findChild(QPushButton, "addKeyTask")
        assert add is not None
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
        dialog.accept()

    handled = answer(KeyTasksDialog, add_task)
    window.menus.key_tasks_action.trigger()
    assert handled == ["keyTasksDialog"]
    assert ("Flood control", "2022-H2") in file_rows(path, "SELECT name, half_year FROM key_task")
    assert value_text("key_task", "half_year", "2022-H2", {}) == words["H2"]  # as History reads it

    # Compliance: the half-year of the key tasks' coverage.
    ledger = window.edits.ledger
    assert ledger is not None
    compliance = ComplianceDialog(ledger, window.jobs, region, "城关镇", window)
    qtbot.addWidget(compliance)
    assert compliance.wait()  # the half-years the key tasks name are read on the job runner
    assert compliance.half_year.currentText() == words["H1"]
    assert set(_items(compliance.half_year)) == {words["before"], words["H1"], words["H2"]}

    # Activities: the key-task filter and the activity dialog's list of the date's half-year.
    tab = window.activities_tab
    window.tabs.setCurrentWidget(tab)
    assert f"{words['H1']} 乡村振兴" in _items(tab.key_task)
    tab.record_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, ActivityDialog)
    assert words["H1"] in dialog.key_task.toolTip()
    dialog.reject()


def test_messages_name_the_half_year_in_words(make_window: Callable[..., MainWindow]) -> None:
    make_window()  # Chinese installed
    text = message_text("key_task.name_taken", name="乡村振兴", half_year="2022-H1")
    assert "2022年上半年" in text
    assert "H1" not in text


def test_a_key_tasks_half_year_imports_in_either_form(
    ledger: Ledger, build: LedgerBuilder, tmp_path: Path
) -> None:
    build.tree()
    sheet = tmp_path / "重点任务.csv"
    sheet.write_text(
        "重点任务,半年\n乡村振兴,2022年上半年\n防汛救灾,2022年下半年\n人居环境整治,2023-H1\n", "utf-8"
    )
    report = import_file(ledger, sheet, plan_file(sheet, "key_tasks"))
    assert report.committed, report.problems
    assert file_rows(ledger.path, "SELECT name, half_year FROM key_task ORDER BY half_year") == [
        ("乡村振兴", "2022-H1"),
        ("防汛救灾", "2022-H2"),
        ("人居环境整治", "2023-H1"),
    ]


def test_a_key_task_typed_and_enter_adds_that_task_only(
    make_window: Callable[..., MainWindow], town: tuple[Path, int], qtbot: QtBot
) -> None:
    """Tools ▸ Key tasks, the next half-year chosen (no list yet): a task typed and Enter adds that task.
    Enter clicked “Copy the list of …” (the dialog's first button), copying the last half-year's list
    and leaving the typed task unsaved (found by keys on the county demo)."""
    path, _region = town
    window = shown(make_window())
    assert window.open_path(path)

    def add_task(dialog: QWidget) -> None:
        assert isinstance(dialog, KeyTasksDialog)
        select_item(dialog.half_year, CHINESE["H2"])
        assert dialog.copy_button.isEnabled()
        dialog.name.setFocus()
        type_text(dialog.name, "秋冬季森林防火")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        assert dialog.name.text() == ""
        qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)

    handled = answer(KeyTasksDialog, add_task)
    window.menus.key_tasks_action.trigger()
    assert handled == ["keyTasksDialog"]
    assert file_rows(path, "SELECT name FROM key_task WHERE half_year = '2022-H2'") == [("秋冬季森林防火",)]
