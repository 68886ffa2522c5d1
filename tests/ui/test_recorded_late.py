"""Recorded late (补录): an activity entered more than 30 days (the ledger's setting) after it was held is
marked in the Activities list, and services.activities.recorded_late names it for the evidence check and
the Word ledger."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from branchdesk.domain.activities import ActivityColumn
from branchdesk.domain.attendance import LATE_ENTRY_SETTING, Attendance
from branchdesk.domain.clock import FixedClock
from branchdesk.services.activities import late_entry_days, recorded_late
from branchdesk.services.ledgers import open_ledger
from branchdesk.services.settings import set_ledger_setting
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.models.activities import COLUMNS
from tests.builders import LedgerBuilder
from tests.ui.test_attendance_dialog import _new_dialog, _opened, _the_activity, new_town
from tests.ui.typing import press_enter, retype

__all__ = ["new_town"]  # the fixture


def test_an_activity_typed_in_33_days_after_it_was_held_is_marked(
    make_window: Callable[..., MainWindow], new_town: Path, qtbot: QtBot
) -> None:
    tab = _opened(make_window, new_town)
    for held in ("2022-05-14", "2022-04-16"):  # today is 19 May 2022: 5 and 33 days later
        dialog = _new_dialog(tab, qtbot)
        _the_activity(dialog, qtbot)
        retype(dialog.held_on, held)
        retype(dialog.attendance.expected, "12")
        retype(dialog.attendance.present, "12")
        dialog.host.setFocus()
        press_enter(dialog.host)
        assert not dialog.isVisible(), dialog.error.text()
    tab.wait()
    with open_ledger(new_town, FixedClock.on("2022-05-19"), read_only=True) as ledger:
        rows = ledger.query(
            "SELECT id, held_on, substr(created_at, 1, 10) AS entered FROM activity ORDER BY id"
        )
        assert [(r["held_on"], r["entered"]) for r in rows] == [
            ("2022-05-14", "2022-05-19"),
            ("2022-04-16", "2022-05-19"),
        ]
        assert recorded_late(ledger, [r["id"] for r in rows]) == {rows[1]["id"]: dt.date(2022, 5, 19)}
    model = tab.model
    shown = {
        model.index(row, COLUMNS.index(ActivityColumn.DATE)).data(): (
            model.index(row, COLUMNS.index(ActivityColumn.ENTERED)).data(),
            model.index(row, COLUMNS.index(ActivityColumn.ATTENDANCE)).data(),
        )
        for row in range(model.rowCount())
    }
    assert shown == {
        "2022年5月14日": ("2022年5月19日", "12/12"),
        "2022年4月16日补录": ("2022年5月19日", "12/12"),
    }
    late_row = next(r for r in range(model.rowCount()) if model.activity(r).recorded_late)
    tip = model.index(late_row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "补录：2022年5月19日录入，活动结束 33 天后才录入（超过 30 天）。"


def test_the_days_are_a_ledger_setting(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = build.tree()
    organs = build.organs(build.unit("潢川县财政局", tree["huangchuan"]), tree["huangchuan"], 1)
    pairing = build.pair(organs[0], build.villages(tree["hc_chengguan"], 1)[0], "2022-04-01")
    ids = [
        build.activity(pairing, held, attendance=Attendance(5, 5))
        for held in ("2022-04-02", "2022-04-18", "2022-04-19", "2022-05-19")
    ]
    # entered 19 May: 47, 31, 30 and 0 days after
    assert late_entry_days(ledger) == 30
    assert set(recorded_late(ledger, ids)) == {ids[0], ids[1]}
    set_ledger_setting(ledger, LATE_ENTRY_SETTING, 40)
    assert late_entry_days(ledger) == 40
    assert set(recorded_late(ledger, ids)) == {ids[0]}
