"""Key tasks per half-year and a year's holidays entered by hand: checked, one undoable action each."""

from __future__ import annotations

import datetime as dt

import pytest

from branchdesk.domain.enums import DayKind
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import HalfYear
from branchdesk.services import holidays, key_tasks
from branchdesk.services.history import UndoHistory
from branchdesk.storage.ledger import Ledger

H1, H2 = HalfYear(2022, 1), HalfYear(2022, 2)


def names(ledger: Ledger, half_year: HalfYear) -> list[tuple[str, bool]]:
    return [(t.name, t.retired) for t in key_tasks.key_tasks(ledger, half_year)]


def test_add_edit_retire_and_start_a_half_year_from_the_last_list(ledger: Ledger) -> None:
    history = UndoHistory(ledger)
    for name in ("疫情防控", "防汛救灾", "农村“饺子宴”整治"):
        history.record(key_tasks.add_key_task(ledger, H1, name))
    with pytest.raises(BranchDeskError, match=r"key_task.name_taken"):
        key_tasks.add_key_task(ledger, H1, " 疫情防控 ")
    with pytest.raises(BranchDeskError, match=r"key_task.name_empty"):
        key_tasks.add_key_task(ledger, H1, "\u3000")
    flood = key_tasks.key_tasks(ledger, H1)[1]
    history.record(key_tasks.edit_key_task(ledger, flood.id, "防汛救灾、抗旱", "汛期"))
    history.record(key_tasks.retire_key_task(ledger, flood.id))
    assert names(ledger, H1) == [("疫情防控", False), ("防汛救灾、抗旱", True), ("农村“饺子宴”整治", False)]
    history.record(key_tasks.copy_key_tasks(ledger, H1, H2))
    assert names(ledger, H2) == [("疫情防控", False), ("农村“饺子宴”整治", False)]  # not the retired one
    with pytest.raises(BranchDeskError, match=r"key_task.nothing_to_copy"):
        key_tasks.copy_key_tasks(ledger, H1, H2)
    history.undo()
    assert names(ledger, H2) == []
    history.undo()
    history.undo()
    assert names(ledger, H1)[1] == ("防汛救灾", False)
    assert key_tasks.half_years(ledger) == [H1]


def test_a_year_entered_by_hand_is_used_and_can_be_undone(ledger: Ledger) -> None:
    assert 2027 in holidays.years_lacking_data(ledger)
    assert holidays.year_source(ledger, 2022) == "library"
    history = UndoHistory(ledger)
    days = {
        dt.date(2027, 1, 1): (DayKind.HOLIDAY, "元旦"),
        dt.date(2027, 2, 6): (DayKind.WORKDAY, "春节"),
    }
    history.record(holidays.set_year(ledger, 2027, days))
    calendar = holidays.calendar_for(ledger, [2027])
    assert calendar.has_official_data(2027)
    assert not calendar.is_working_day(dt.date(2027, 1, 1))
    assert calendar.is_working_day(dt.date(2027, 2, 6))
    assert holidays.year_source(ledger, 2027) == "user"
    assert 2027 not in holidays.years_lacking_data(ledger)
    history.record(holidays.set_year(ledger, 2027, {dt.date(2027, 1, 1): (DayKind.HOLIDAY, "元旦")}))
    assert holidays.year_days(ledger, 2027) == {dt.date(2027, 1, 1): (DayKind.HOLIDAY, "元旦")}
    history.undo()
    assert holidays.year_days(ledger, 2027) == days
    history.undo()
    assert holidays.year_days(ledger, 2027) == {}
    assert 2027 in holidays.years_lacking_data(ledger)
    history.redo()
    assert holidays.year_days(ledger, 2027) == days


def test_editing_a_library_year_logs_only_what_changed(ledger: Ledger) -> None:
    days = holidays.year_days(ledger, 2022)
    days[dt.date(2022, 12, 30)] = (DayKind.HOLIDAY, "单位调休")
    done = holidays.set_year(ledger, 2022, days)
    logged = ledger.query(
        "SELECT entity, change FROM change_log WHERE operation_id = ?", (done.operation_id,)
    )
    assert logged == [
        {"entity": "holiday", "change": "insert"},
        {"entity": "holiday_year", "change": "update"},
    ]
    assert holidays.year_source(ledger, 2022) == "user"
