"""Undo and redo reverse whole operations in the file; a record changed since refuses the undo."""

from __future__ import annotations

import pytest

from branchdesk.domain.enums import ActivityType, Area, BranchKind
from branchdesk.domain.errors import BranchDeskError
from branchdesk.services.history import UndoHistory, changed, ledger_actions, record_actions
from branchdesk.storage import activities
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder, day


def _rows(ledger: Ledger, table: str) -> list[dict[str, object]]:
    return ledger.query(f"SELECT * FROM {table} ORDER BY 1, 2")


def test_undo_and_redo_of_an_insert_an_update_and_a_delete(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = build.tree()
    history = UndoHistory(ledger)
    with ledger.operation("branch.add") as op:
        branch_id = build.ledger.insert(
            "branch", {"name": "张庄村党支部", "kind": "village", "region_id": tree["hc_renhe"]}
        )
    history.record(changed(ledger, op))
    after_add = _rows(ledger, "branch")
    with ledger.operation("branch.edit") as op:
        ledger.update("branch", branch_id, {"tier": "weak", "secretary": "李明"})
    history.record(changed(ledger, op))
    after_edit = _rows(ledger, "branch")
    with ledger.operation("branch.delete") as op:
        ledger.delete("branch", branch_id)
    done = changed(ledger, op)
    assert done.tables == {"branch"}
    assert done.subject == "张庄村党支部"
    history.record(done)

    assert history.undo().action == "undo:branch.delete"
    assert _rows(ledger, "branch") == after_edit
    history.undo()
    assert _rows(ledger, "branch") == after_add
    history.undo()
    assert _rows(ledger, "branch") == []
    assert history.next_undo() is None
    next_redo = history.next_redo()
    assert next_redo is not None
    assert next_redo.action == "branch.add"

    history.redo()
    assert _rows(ledger, "branch") == after_add
    history.redo()
    assert _rows(ledger, "branch") == after_edit
    actions = [entry.action for entry in record_actions(ledger, after_add[0]["uuid"])]  # type: ignore[arg-type]
    assert actions[:3] == ["redo:branch.edit", "redo:branch.add", "undo:branch.add"]


def test_a_new_action_clears_redo(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = build.tree()
    history = UndoHistory(ledger)
    with ledger.operation("branch.add") as op:
        ledger.insert("branch", {"name": "甲", "kind": "village", "region_id": tree["hc_renhe"]})
    history.record(changed(ledger, op))
    history.undo()
    with ledger.operation("branch.add") as op:
        ledger.insert("branch", {"name": "乙", "kind": "village", "region_id": tree["hc_renhe"]})
    history.record(changed(ledger, op))
    assert history.next_redo() is None


def test_undo_of_an_activity_removes_its_areas_and_redo_restores_them(
    ledger: Ledger, build: LedgerBuilder
) -> None:
    tree = build.tree()
    unit = build.unit("县委组织部", tree["huangchuan"])
    organ = build.organs(unit, tree["huangchuan"], 1)[0]
    village = build.villages(tree["hc_renhe"], 1)[0]
    pairing = build.pair(organ, village, "2022-04-01")
    history = UndoHistory(ledger)
    with ledger.operation("activity.add") as op:
        activities.add_activity(
            ledger, pairing, day("2022-05-07"), ActivityType.THEMED_DAY, areas=(Area.TEAM, Area.SERVICE)
        )
    history.record(changed(ledger, op))
    areas = _rows(ledger, "activity_area")
    assert len(areas) == 2
    history.undo()
    assert _rows(ledger, "activity") == []
    assert _rows(ledger, "activity_area") == []
    history.redo()
    assert _rows(ledger, "activity_area") == areas


def test_undo_refused_whole_when_the_record_changed_since(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = build.tree()
    branch_id = build.branch("张庄村党支部", BranchKind.VILLAGE, tree["hc_renhe"])
    history = UndoHistory(ledger)
    with ledger.operation("branch.edit") as op:
        ledger.update("branch", branch_id, {"secretary": "李明"})
    history.record(changed(ledger, op))
    # Another program (the CLI, say) edits the same row afterwards.
    ledger.conn.execute("UPDATE branch SET secretary = '王芳' WHERE id = ?", (branch_id,))
    before = _rows(ledger, "branch")
    operations = ledger.scalar("SELECT count(*) FROM operation")
    with pytest.raises(BranchDeskError) as raised:
        history.undo()
    assert raised.value.code == "undo.conflict"
    assert raised.value.params["subject"] == "张庄村党支部"
    assert _rows(ledger, "branch") == before
    assert ledger.scalar("SELECT count(*) FROM operation") == operations
    assert history.next_undo() is not None  # still there, for after the conflict is sorted out


def test_ledger_history_lists_newest_first_with_changed_fields(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = build.tree()
    branch_id = build.branch("张庄村党支部", BranchKind.VILLAGE, tree["hc_renhe"])
    with ledger.operation("branch.edit"):
        ledger.update("branch", branch_id, {"secretary": "李明"})
    newest = ledger_actions(ledger)[0]
    assert newest.action == "branch.edit"
    assert [change.changed_fields() for change in newest.changes] == [{"secretary": (None, "李明")}]


def test_an_edit_that_changes_nothing_logs_nothing(ledger: Ledger, build: LedgerBuilder) -> None:
    tree = build.tree()
    branch_id = build.branch("张庄村党支部", BranchKind.VILLAGE, tree["hc_renhe"])
    before = _rows(ledger, "branch")
    with ledger.operation("branch.edit") as op:
        ledger.update("branch", branch_id, {"name": "张庄村党支部", "tier": None})
    assert changed(ledger, op).tables == frozenset()
    assert _rows(ledger, "branch") == before
