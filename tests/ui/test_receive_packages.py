"""File ▸ Receive packages and Tools ▸ Offices (issue #18) driven as a county clerk does: a county demo seeds
two townships (the command line), they work offline and send deltas; in the county's window Ctrl+Shift+I,
the files added, Next runs the dry run shown as a table with filters, a conflict is settled field by field in
place, Import, then the rows in the county's file are checked, and Ctrl+Z takes the whole import back;
Ctrl+Shift+O shows each township's last package, the stale one marked, and trusts a successor's key."""

from __future__ import annotations

import datetime as dt
import functools
import getpass
import io
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLineEdit, QPushButton, QWizard
from pytestqt.qtbot import QtBot

from branchdesk.cli import EXIT_OK, run
from branchdesk.domain.activities import ActivityDraft
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import ActivityType, Area, BranchKind
from branchdesk.domain.package_merge import Outcome, RowResult
from branchdesk.domain.photos import PhotoEntry
from branchdesk.services.activities import delete_activities, record_activities
from branchdesk.services.ledgers import open_ledger
from branchdesk.services.photos import prepare
from branchdesk.storage import identity as identity_store
from branchdesk.storage import media
from branchdesk.ui.dialogs.activity import ActivityDialog
from branchdesk.ui.dialogs.offices import OfficesDialog
from branchdesk.ui.dialogs.receive_wizard import ReceiveWizard, _record_text
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder
from tests.offices import CLOCK, TOWNSHIPS, Offices, cli, sent
from tests.photo_files import write_jpeg
from tests.ui.driving import answer, file_rows, press, select_item, shown
from tests.ui.typing import retype, type_text

SCREENSHOTS = os.environ.get("BRANCHDESK_SCREENSHOTS")
BACKGROUND = Qt.ItemDataRole.BackgroundRole
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def edit(path: Path, table: str, uuid: str, **values: Any) -> None:
    with open_ledger(path, CLOCK) as ledger:
        row_id = ledger.scalar(f"SELECT id FROM {table} WHERE uuid = ?", (uuid,))
        with ledger.operation(f"{table}.edit"):
            ledger.update(table, row_id, values)


def township_work(offices: Offices, name: str, branch: str) -> tuple[Path, str]:
    """A township adds a branch and edits an activity; returns its delta and the activity's uuid."""
    township = offices.townships[name]
    with open_ledger(township, CLOCK) as ledger:
        scope = identity_store.identity(ledger).scope_region_id
        assert scope is not None
        LedgerBuilder(ledger).branch(branch, BranchKind.VILLAGE, scope)
        activity = str(ledger.scalar("SELECT uuid FROM activity ORDER BY id LIMIT 1"))
    edit(township, "activity", activity, volunteers=9, location="村部")
    delta = sent(township, offices.folder / f"{name} 五月 改动.bdx")
    return delta, activity


def _window(make_window: Callable[..., MainWindow], offices: Offices, files: list[Path]) -> MainWindow:
    window = shown(make_window())
    window.context.data_dir = offices.data_dir
    window.context.choose_packages = lambda parent: files
    assert window.open_path(offices.county)
    window.settle()
    return window


def _next(wizard: QWizard, qtbot: QtBot) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    if not button.isVisible():
        button = wizard.button(QWizard.WizardButton.CommitButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def check_files(wizard: ReceiveWizard, qtbot: QtBot) -> None:
    """Add… (the files chosen), then Next: their dry run."""
    page = wizard.files_page
    qtbot.mouseClick(page.findChild(type(page.remove), "receiveAdd"), Qt.MouseButton.LeftButton)
    _next(wizard, qtbot)


def in_the_wizard(window: MainWindow, handle: Callable[[ReceiveWizard], None]) -> None:
    """File ▸ Receive packages (Ctrl+Shift+I), the wizard gone through by ``handle``."""
    handled = answer(ReceiveWizard, handle)
    press(window, Qt.Key.Key_I, CTRL_SHIFT)
    assert handled == ["receiveWizard"]


def test_two_townships_deltas_checked_settled_in_place_imported_and_undone(
    make_window: Callable[..., MainWindow], offices: Offices, qtbot: QtBot
) -> None:
    first, conflicted = township_work(offices, TOWNSHIPS[0], "春申新村党支部")
    second, _ = township_work(offices, TOWNSHIPS[1], "双柳新村党支部")
    # The county changed the same activity meanwhile: location and volunteers both, differently.
    edit(offices.county, "activity", conflicted, volunteers=7, location="县委")
    before = file_rows(offices.county, "SELECT count(*) FROM change_log")
    receipts = offices.folder / "回执 五月"
    receipts.mkdir()
    window = _window(make_window, offices, [first, second])
    seen: dict[str, Any] = {}

    def receive(wizard: ReceiveWizard) -> None:
        page = wizard.files_page
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # nothing chosen yet
        qtbot.mouseClick(page.findChild(type(page.remove), "receiveAdd"), Qt.MouseButton.LeftButton)
        assert page.list.count() == 2
        _next(wizard, qtbot)
        review = wizard.review_page
        assert wizard.currentPage() is review
        seen["dry run"] = file_rows(offices.county, "SELECT count(*) FROM change_log")
        counts = {outcome: review.filters[outcome].text() for outcome in review.filters}
        seen["filters"] = counts
        seen["packages"] = [review.packages.item(row, 1).text() for row in range(review.packages.rowCount())]
        seen["rows"] = review.model.rowCount()
        # Only the conflicts: the one row, marked to settle; Import waits for it.
        for outcome, button in review.filters.items():
            if outcome is not Outcome.CONFLICT and button.isChecked() and button.isEnabled():
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        seen["conflict rows"] = [
            [review.model.index(row, column).data() for column in range(6)]
            for row in range(review.model.rowCount())
        ]
        seen["import enabled"] = wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
        seen["to settle"] = review.to_settle.text()
        review.view.setFocus()
        qtbot.keyClick(review.view, Qt.Key.Key_Down)  # the first row becomes current
        panel = review.conflict
        assert panel.isVisible()
        seen["panel"] = [
            [panel.fields.item(row, column).text() for column in range(4)]
            for row in range(panel.fields.rowCount())
        ]
        if SCREENSHOTS:
            wizard.grab().save(str(Path(SCREENSHOTS) / "receive-conflict.png"))
        # Field by field: the township's volunteers, the county's place.
        for row, side in enumerate(
            "本台账的" if column == "location" else "数据包的" for column in ("location", "volunteers")
        ):
            keep = panel.fields.cellWidget(row, 4)
            assert isinstance(keep, QComboBox)
            select_item(keep, side)
        assert review.model.index(0, 5).data() == "逐项选择"
        assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
        _next(wizard, qtbot)
        assert wizard.currentPage() is wizard.done_page  # (a failed assertion here closes the wizard)
        seen["done"] = wizard.done_page.summary.text()
        done = wizard.done_page
        assert done.folder.text() == str(offices.folder)  # beside the packages, unless the clerk says
        retype(done.folder, str(receipts))
        qtbot.mouseClick(done.save, Qt.MouseButton.LeftButton)
        seen["receipts"] = done.message.text()
        if SCREENSHOTS:
            wizard.grab().save(str(Path(SCREENSHOTS) / "receive-done.png"))
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    in_the_wizard(window, receive)
    assert seen["dry run"] == before  # the check wrote nothing
    assert sorted(seen["packages"]) == ["信阳市/潢川县/双柳树镇", "信阳市/潢川县/春申街道"]
    assert seen["filters"][Outcome.NEW] == "新增 2"  # a branch from each township
    assert seen["filters"][Outcome.UPDATED] == "更新 1"  # the other township's activity
    assert seen["filters"][Outcome.CONFLICT] == "冲突 1"
    assert seen["rows"] == 4
    [row] = seen["conflict rows"]
    assert row[:4] == ["信阳市/潢川县/春申街道", "活动", row[2], "冲突"]
    assert row[2].startswith("2022年")  # the activity by its day (as the window writes days) and theme
    assert row[4] == "活动地点、党员志愿者人次"  # the fields both changed, as History names them
    assert row[5] == "待选择"
    assert not seen["import enabled"]
    assert "1 条记录" in seen["to settle"]
    assert [[line[0], *line[2:]] for line in seen["panel"]] == [
        ["活动地点", "县委", "村部"],
        ["党员志愿者人次", "7", "9"],
    ]
    assert "撤销" in seen["done"]
    assert seen["receipts"].startswith(f"已在 {receipts} 保存回执 2 份")
    assert sorted(path.name.split("-")[0] for path in receipts.glob("*.bdxr")) == ["双柳树镇", "春申街道"]

    [(volunteers, location)] = file_rows(
        offices.county, "SELECT volunteers, location FROM activity WHERE uuid = ?", (conflicted,)
    )
    assert (volunteers, location) == (9, "县委")
    names = {name for (name,) in file_rows(offices.county, "SELECT name FROM branch")}
    assert {"春申新村党支部", "双柳新村党支部"} <= names
    assert file_rows(offices.county, "SELECT kind, result FROM package_log WHERE direction = 'received'") == [
        ("delta", "applied"),
        ("delta", "applied"),
    ]

    # One step: Ctrl+Z takes all of it back.
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    names = {name for (name,) in file_rows(offices.county, "SELECT name FROM branch")}
    assert not {"春申新村党支部", "双柳新村党支部"} & names
    assert file_rows(
        offices.county, "SELECT volunteers, location FROM activity WHERE uuid = ?", (conflicted,)
    ) == [(7, "县委")]


def _of_activity(path: Path, uuid: str) -> list[list[tuple[Any, ...]]]:
    """An activity's row and the rows that belong to it (areas, absentees, photos), as the file holds
    them, without this ledger's ids."""
    activity = "(SELECT id FROM activity WHERE uuid = ?)"
    return [
        file_rows(path, "SELECT uuid, held_on, volunteers, location FROM activity WHERE uuid = ?", (uuid,)),
        file_rows(path, f"SELECT area FROM activity_area WHERE activity_id = {activity} ORDER BY 1", (uuid,)),
        file_rows(
            path,
            f"SELECT uuid, name, reason FROM activity_absentee WHERE activity_id = {activity} ORDER BY 1",
            (uuid,),
        ),
        file_rows(path, f"SELECT uuid, sha256 FROM photo WHERE activity_id = {activity} ORDER BY 1", (uuid,)),
    ]


@pytest.mark.parametrize(("button", "kept"), [("receiveTakeTheirs", True), ("receiveKeepMine", False)])
def test_an_activity_the_county_deleted_comes_back_whole_when_the_clerk_takes_the_package(
    make_window: Callable[..., MainWindow], offices: Offices, qtbot: QtBot, button: str, kept: bool
) -> None:
    """The county deleted an activity (its areas and absentees with it) that the township corrected: the
    clerk takes the package's (the activity comes back with all of it) or keeps the deletion."""
    township = offices.townships[TOWNSHIPS[0]]
    [(uuid,)] = file_rows(
        township,
        "SELECT uuid FROM activity a WHERE (SELECT count(*) FROM activity_area WHERE activity_id = a.id) > 1"
        " AND EXISTS (SELECT 1 FROM activity_absentee WHERE activity_id = a.id) ORDER BY id LIMIT 1",
    )
    _, areas, absentees, photos = _of_activity(township, uuid)
    with open_ledger(offices.county, CLOCK) as ledger:
        delete_activities(ledger, [int(ledger.scalar("SELECT id FROM activity WHERE uuid = ?", (uuid,)))])
    edit(township, "activity", uuid, volunteers=31, location="村党群服务中心")
    delta = sent(township, offices.folder / "更正.bdx")
    window = _window(make_window, offices, [delta])
    seen: dict[str, Any] = {}

    def receive(wizard: ReceiveWizard) -> None:
        check_files(wizard, qtbot)
        review = wizard.review_page
        model = review.model

        def table() -> list[list[str]]:
            return [
                [model.index(row, column).data() for column in range(1, 6)] for row in range(model.rowCount())
            ]

        seen["listed"] = table()
        review.view.setFocus()
        qtbot.keyClick(review.view, Qt.Key.Key_Down)  # the first row, the conflict, becomes current
        seen["title"] = review.conflict.title.text()
        qtbot.keyClick(review.view, Qt.Key.Key_Down)  # a row deleted with it shows the same conflict
        current = review.current_row()
        assert current is not None
        assert current.follows == ("activity", uuid)
        seen["title of a row with it"] = review.conflict.title.text()
        qtbot.mouseClick(review.conflict.findChild(QPushButton, button), Qt.MouseButton.LeftButton)
        seen["settled"] = table()
        if SCREENSHOTS:
            wizard.resize(1366, 768)
            wizard.grab().save(str(Path(SCREENSHOTS) / f"receive-restored-{button}.png"))
        _next(wizard, qtbot)
        seen["done"] = wizard.currentPage() is wizard.done_page
        seen["summary"] = wizard.done_page.summary.text()
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    in_the_wizard(window, receive)
    assert seen["title"].startswith("活动")
    assert seen["title of a row with it"] == seen["title"]
    # Listed under the conflict: the rows the county deleted with the activity, which come back with it.
    conflict, *others = seen["listed"]
    assert (conflict[0], conflict[2]) == ("活动", "冲突")
    assert sorted(row[0] for row in others) == sorted(
        ["活动领域"] * len(areas) + ["缺席人员及原因"] * len(absentees) + ["活动照片"] * len(photos)
    )
    shown_areas = {row[1].rpartition(" · ")[2] for row in others if row[0] == "活动领域"}
    assert len(shown_areas) == len(areas)
    assert not shown_areas & {str(area) for area in Area}  # by their names, not their codes
    for row in others:
        assert row[1].startswith(conflict[1] + " · ")
        assert row[2:] == ["此处已随之删除", "若采用数据包的版本，随活动一并恢复", "待选择"]
    assert seen["settled"][0][4] == ("数据包的" if kept else "本台账的")
    assert {row[4] for row in seen["settled"][1:]} == {"一并恢复" if kept else "保持删除"}
    restored = len(areas) + len(absentees) + len(photos)
    assert ("新增 " + str(restored) in seen["summary"]) is kept
    assert seen["done"]
    county = _of_activity(offices.county, uuid)
    if kept:
        assert county == _of_activity(township, uuid)
        assert county[0] == [(uuid, county[0][0][1], 31, "村党群服务中心")]
        assert len(county[1]) > 1
        assert county[2]
    else:
        assert county == [[], [], [], []]


def test_a_damaged_package_dropped_on_the_wizard_is_refused_in_chinese_and_changes_nothing(
    make_window: Callable[..., MainWindow], offices: Offices, qtbot: QtBot
) -> None:
    delta, _ = township_work(offices, TOWNSHIPS[0], "春申新村党支部")
    cut = offices.folder / "拷坏了 的包.bdx"
    cut.write_bytes(delta.read_bytes()[: delta.stat().st_size // 2])
    before = file_rows(offices.county, "SELECT count(*) FROM change_log")
    window = _window(make_window, offices, [])
    seen: dict[str, Any] = {}

    def drop_and_check(wizard: ReceiveWizard) -> None:
        page = wizard.files_page
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(cut)), QUrl.fromLocalFile(str(offices.county))])
        at, copy = QPoint(20, 20).toPointF(), Qt.DropAction.CopyAction
        buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        enter = QDragEnterEvent(QPoint(20, 20), copy, data, buttons, keys)
        QApplication.sendEvent(page, enter)
        seen["entered"] = enter.isAccepted()
        QApplication.sendEvent(page, QDropEvent(at, copy, data, buttons, keys))
        seen["listed"] = [page.list.item(row).text() for row in range(page.list.count())]
        _next(wizard, qtbot)
        seen["page"] = wizard.currentPage() is page
        seen["message"] = page.message.text()
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)

    in_the_wizard(window, drop_and_check)
    assert seen["entered"]
    assert len(seen["listed"]) == 1  # the ledger dropped with it is no package
    assert seen["listed"][0].startswith("拷坏了 的包.bdx")
    assert seen["page"]
    assert "不完整或已损坏" in seen["message"]
    assert file_rows(offices.county, "SELECT count(*) FROM change_log") == before


def test_another_townships_seed_is_refused_in_the_wizard_and_changes_nothing(
    make_window: Callable[..., MainWindow], offices: Offices, qtbot: QtBot
) -> None:
    """The county's seeds lie side by side: 春申街道's clerk picks 双柳树镇's."""
    township = offices.townships[TOWNSHIPS[0]]
    before = file_rows(township, "SELECT count(*) FROM change_log")
    window = shown(make_window())
    window.context.data_dir = offices.data_dir
    window.context.choose_packages = lambda parent: [offices.folder / f"{TOWNSHIPS[1]} 种子.bdx"]
    assert window.open_path(township)
    seen: dict[str, Any] = {}

    def pick_the_wrong_seed(wizard: ReceiveWizard) -> None:
        check_files(wizard, qtbot)
        seen["page"] = wizard.currentPage() is wizard.files_page
        seen["message"] = wizard.files_page.message.text()
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)

    in_the_wizard(window, pick_the_wrong_seed)
    assert seen["page"]
    assert f"是信阳市/潢川县/{TOWNSHIPS[1]}的初始数据包" in seen["message"]
    assert "未导入任何内容" in seen["message"]
    assert file_rows(township, "SELECT count(*) FROM change_log") == before


def test_the_dry_run_table_passes_the_model_tester(
    make_window: Callable[..., MainWindow], offices: Offices, qtbot: QtBot, qtmodeltester: Any
) -> None:
    delta, _ = township_work(offices, TOWNSHIPS[0], "春申新村党支部")
    window = _window(make_window, offices, [delta])
    wizard = window.packages.receive_wizard()
    assert wizard is not None
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.files_page.add([delta])
    wizard.next()
    assert wizard.currentPage() is wizard.review_page
    review = wizard.review_page
    checked = wizard.checked
    assert checked is not None
    everything = [review.model.row_at(row) for row in range(review.model.rowCount())]
    assert len(everything) == sum(checked.result.counts.values())
    qtmodeltester.check(review.model, force_py=True)
    # A filter clicked off: the rows left are the others, in their order, and the model still sound.
    qtbot.mouseClick(review.filters[Outcome.NEW], Qt.MouseButton.LeftButton)
    shown_rows = [review.model.row_at(row) for row in range(review.model.rowCount())]
    assert shown_rows == [row for row in everything if row.outcome is not Outcome.NEW]
    assert any(row.outcome is Outcome.NEW for row in everything)
    assert shown_rows
    qtmodeltester.check(review.model, force_py=True)


def test_a_township_takes_in_its_receipt_and_has_nothing_new_to_send(
    make_window: Callable[..., MainWindow], offices: Offices, qtbot: QtBot
) -> None:
    """The receipt goes back down: the township's next package starts after what the county has."""
    delta, _ = township_work(offices, TOWNSHIPS[0], "春申新村党支部")
    folder = offices.folder / "回执"
    cli("package", "import", str(offices.county), str(delta), "--receipts", str(folder))
    [receipt] = folder.glob("*.bdxr")
    township = offices.townships[TOWNSHIPS[0]]
    window = shown(make_window())
    window.context.data_dir = offices.data_dir
    window.context.choose_packages = lambda parent: [receipt]
    assert window.open_path(township)
    seen: dict[str, Any] = {}

    def take_in(wizard: ReceiveWizard) -> None:
        check_files(wizard, qtbot)
        review = wizard.review_page
        seen["receipt"] = [review.packages.item(0, column).text() for column in range(5)]
        assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
        _next(wizard, qtbot)
        seen["done"] = wizard.done_page.summary.text()
        assert not wizard.done_page.save.isVisible()  # a receipt is answered by nothing
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    in_the_wizard(window, take_in)
    last = file_rows(township, "SELECT max(id) FROM change_log")[0][0]
    assert seen["receipt"][1] == "信阳市/潢川县"
    assert seen["receipt"][2] == f"回执：对方已有本台账第 {last} 号及以前的改动"
    assert f"信阳市/潢川县已有本台账第 {last} 号及以前的改动" in seen["done"]
    assert file_rows(
        township, "SELECT kind, result FROM package_log WHERE direction = 'received' AND kind = 'receipt'"
    ) == [("receipt", "applied")]


def test_the_offices_show_each_townships_last_package_and_a_successor_is_trusted_with_a_reason(
    make_window: Callable[..., MainWindow], offices: Offices, qtbot: QtBot
) -> None:
    delta, _ = township_work(offices, TOWNSHIPS[0], "春申新村党支部")
    old, _ = township_work(offices, TOWNSHIPS[1], "双柳旧村党支部")
    cli("package", "import", str(offices.county), str(delta), str(old))
    # Then 双柳树镇 lost its file and made a new ledger from a new seed: a new key for a scope with an owner.
    seed = offices.folder / "双柳树镇 重新下发.bdx"
    cli("package", "export", str(offices.county), str(seed), "--scope", TOWNSHIPS[1])
    again = offices.folder / "双柳树镇 新台账.bdesk"
    cli("new", str(again), "--from", str(seed))
    with open_ledger(again, CLOCK) as ledger:
        scope = identity_store.identity(ledger).scope_region_id
        assert scope is not None
        LedgerBuilder(ledger).branch("双柳新村党支部", BranchKind.VILLAGE, scope)
    successor = sent(again, offices.folder / "双柳树镇 新台账 改动.bdx")
    [(township_key,)] = file_rows(
        offices.county,
        "SELECT fingerprint FROM package_log WHERE direction = 'received' AND sender_scope = ?",
        (file_rows(offices.county, "SELECT uuid FROM region WHERE name = ?", (TOWNSHIPS[0],))[0][0],),
    )
    window = _window(make_window, offices, [successor])
    seen: dict[str, Any] = {}

    def refused(wizard: ReceiveWizard) -> None:
        page = wizard.files_page
        check_files(wizard, qtbot)
        seen["refused"] = (wizard.currentPage() is page, page.message.text())
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)

    in_the_wizard(window, refused)
    on_files_page, message = seen["refused"]
    assert on_files_page
    assert "未导入任何内容" in message
    assert message.endswith("请在“工具 ▸ 下级单位与密钥 ▸ 受信任的密钥”中信任该密钥。")

    def look_and_trust(dialog: OfficesDialog) -> None:
        assert dialog.wait()
        qtbot.waitUntil(lambda: dialog.rollup is not None)
        model = dialog.offices
        rows = {
            model.index(row, 0).data(): [
                model.index(row, column).data() for column in range(model.columnCount())
            ]
            for row in range(model.rowCount())
        }
        seen["rows"] = rows
        seen["stale colour"] = model.index(list(rows).index(TOWNSHIPS[1]), 0).data(BACKGROUND)
        never = next(name for name, row in rows.items() if row[6] == "尚无")
        seen["stale"] = model.index(list(rows).index(never), 0).data(BACKGROUND)
        seen["about"] = dialog.about.text()
        if SCREENSHOTS:
            dialog.grab().save(str(Path(SCREENSHOTS) / "offices.png"))
        qtbot.keyClick(dialog, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # 受信任的密钥(&K)
        qtbot.waitUntil(lambda: dialog.tabs.currentIndex() == 1)
        assert not dialog.trust.isEnabled()  # a reason first
        type_text(dialog.reason, "旧电脑损坏，双柳树镇重新建账，已电话核对指纹")
        qtbot.mouseClick(dialog.trust, Qt.MouseButton.LeftButton)
        seen["message"] = dialog.message.text()
        assert dialog.wait()
        qtbot.waitUntil(lambda: dialog.history.rowCount() == 1)
        seen["history"] = [dialog.history.index(0, column).data() for column in range(4)]
        if SCREENSHOTS:
            dialog.grab().save(str(Path(SCREENSHOTS) / "offices-keys.png"))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    handled = answer(OfficesDialog, look_and_trust)
    press(window, Qt.Key.Key_O, CTRL_SHIFT)
    assert handled == ["officesDialog"]
    first = seen["rows"][TOWNSHIPS[0]]
    assert first[6] == "2022年5月19日"  # the package arrived today
    assert first[7] == township_key
    assert first[9] == "0 天"
    stale = [name for name, row in seen["rows"].items() if row[9] == "从未报送"]
    assert len(stale) == len(seen["rows"]) - 2  # the other townships never sent one
    assert seen["stale colour"] is None  # 双柳树镇 sent today: it does not stand out
    assert seen["stale"] is not None  # a township that never sent a package does
    assert "密钥指纹" in seen["about"]
    assert "已受信任" in seen["message"]
    assert seen["history"][2:] == [getpass.getuser(), "旧电脑损坏，双柳树镇重新建账，已电话核对指纹"]
    assert file_rows(offices.county, "SELECT change, reason FROM pin_history") == [
        ("successor", "旧电脑损坏，双柳树镇重新建账，已电话核对指纹")
    ]
    cli("package", "import", str(offices.county), str(successor))  # now it is received


def test_the_offices_never_count_negative_days_when_the_computers_clock_was_set_back(
    make_window: Callable[..., MainWindow], offices: Offices, qtbot: QtBot
) -> None:
    """The county imported 春申街道's package on 25 May; the computer's clock now says 19 May (set back):
    the township's row says to check the date instead of "-6 天", and it is not stale."""
    delta, _ = township_work(offices, TOWNSHIPS[0], "春申新村党支部")
    out, err = io.StringIO(), io.StringIO()
    argv = ["package", "import", str(offices.county), str(delta)]
    assert run(argv, clock=FixedClock.on("2022-05-25"), out=out, err=err) == EXIT_OK, err.getvalue()
    window = _window(make_window, offices, [])
    seen: dict[str, Any] = {}

    def look(dialog: OfficesDialog) -> None:
        assert dialog.wait()
        qtbot.waitUntil(lambda: dialog.rollup is not None)
        model = dialog.offices
        row = next(row for row in range(model.rowCount()) if model.index(row, 0).data() == TOWNSHIPS[0])
        seen["row"] = [model.index(row, column).data() for column in range(model.columnCount())]
        seen["colour"] = model.index(row, 0).data(BACKGROUND)
        seen["note"] = dialog.stale_note.text()
        if SCREENSHOTS:
            dialog.resize(1366, 768)
            dialog.grab().save(str(Path(SCREENSHOTS) / "offices-clock-behind.png"))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    handled = answer(OfficesDialog, look)
    press(window, Qt.Key.Key_O, CTRL_SHIFT)
    assert handled == ["officesDialog"]
    assert seen["row"][6] == "2022年5月25日"
    assert seen["row"][9] == "晚于今天，请核对电脑日期"
    assert seen["colour"] is None  # not stale
    assert seen["note"].endswith("有 1 个单位的最近数据包晚于本机今天到达，请核对电脑的日期和时间。")


def test_a_photo_received_in_a_delta_shows_as_its_thumbnail_and_is_found_in_the_townships_folder(
    make_window: Callable[..., MainWindow], offices: Offices, qtbot: QtBot, tmp_path: Path
) -> None:
    """A township records a themed day with a photo and sends its delta; the county receives it through
    the wizard. The county's activity shows the photo by its thumbnail, marked missing, with the way to
    find it (no error); the township's photo folder, brought on a stick, brings the picture in."""
    township = offices.townships[TOWNSHIPS[0]]
    shot = write_jpeg(tmp_path / "手机 照片" / "入户走访.jpg", 7, taken="2022:05:14 09:30:00")
    with open_ledger(township, CLOCK) as ledger:
        (ready,) = prepare(ledger.path, [shot], lambda done, total: None)
        assert ready.photo is not None
        scope = identity_store.identity(ledger).scope_region_id
        pairing = ledger.scalar(
            "SELECT p.id FROM pairing p JOIN branch g ON g.id = p.grassroots_id"
            " WHERE p.ended_on IS NULL AND g.region_id = ? ORDER BY p.id LIMIT 1",
            (scope,),
        )
        draft = ActivityDraft(dt.date(2022, 5, 14), ActivityType.THEMED_DAY, frozenset({Area.SERVICE}), 3)
        entry = PhotoEntry(ready.photo.sha256, "入户走访", image=ready.photo)
        record_activities(ledger, [pairing], draft, photos=[entry])
        activity = str(ledger.scalar("SELECT uuid FROM activity ORDER BY id DESC LIMIT 1"))
    delta = sent(township, offices.folder / "春申街道 照片.bdx")
    window = _window(make_window, offices, [delta])

    def receive(wizard: ReceiveWizard) -> None:
        check_files(wizard, qtbot)
        assert wizard.currentPage() is wizard.review_page
        _next(wizard, qtbot)
        assert wizard.currentPage() is wizard.done_page
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    in_the_wizard(window, receive)
    [(thumbnail,)] = file_rows(
        offices.county, "SELECT thumbnail FROM photo_image WHERE sha256 = ?", (ready.photo.sha256,)
    )
    assert thumbnail == ready.photo.thumbnail
    store = media.media_folder(offices.county)
    assert not media.photo_path(store, ready.photo.sha256).exists()

    # The activity, opened from the Activities list, shows the photo as its thumbnail and how to find it.
    [(activity_id,)] = file_rows(offices.county, "SELECT id FROM activity WHERE uuid = ?", (activity,))
    window.show_tab("activities")
    tab = window.activities_tab
    tab.wait()
    model = tab.model
    while not any(model.activity(row).id == activity_id for row in range(model.rowCount())):
        assert model.canFetchMore(QModelIndex())
        model.fetchMore(QModelIndex())  # as scrolling down the list asks for more
        tab.wait()
    row = next(row for row in range(model.rowCount()) if model.activity(row).id == activity_id)
    view = tab.table
    view.scrollTo(tab.model.index(row, 0))
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(tab.model.index(row, 0)).center()
    )
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, ActivityDialog)
    bar = dialog.pages.tabBar()
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(dialog.pages.indexOf(dialog.photos_page)).center()
    )
    photos = dialog.photos
    assert photos.list.count() == 1
    assert "只有缩略图" in photos.missing.text()
    assert "变更数据包" in photos.missing.text()
    assert photos.missing.isVisibleTo(dialog)
    assert photos.relink_button.isVisibleTo(dialog)
    if SCREENSHOTS:
        dialog.resize(1366, 768)
        dialog.grab().save(str(Path(SCREENSHOTS) / "received-photo-thumbnail.png"))

    # The township's photo folder, copied onto a stick, is found and the picture comes in.
    stick = tmp_path / "U盘"
    shutil.copytree(media.media_folder(township), stick / "春申街道 照片")

    def choose(folder_dialog: QFileDialog) -> None:
        field = folder_dialog.findChild(QLineEdit, "fileNameEdit")
        assert field is not None
        field.setFocus()
        type_text(field, str(stick))
        qtbot.keyClick(field, Qt.Key.Key_Return)

    chosen = answer(QFileDialog, choose)
    qtbot.mouseClick(photos.relink_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not photos.busy, timeout=120000)  # the job waits its turn behind the tabs' reads
    assert chosen == ["QFileDialog"]
    assert photos.problems.text() == "找到 1 张照片，仍缺 0 张。"
    assert not photos.missing.isVisibleTo(dialog)
    assert (
        media.photo_path(store, ready.photo.sha256).read_bytes()
        == media.photo_path(media.media_folder(township), ready.photo.sha256).read_bytes()
    )
    dialog.reject()


def test_the_review_names_an_activity_by_its_day_and_type_in_words(
    make_window: Callable[..., MainWindow],
) -> None:
    """An activity without theme or summary came labelled "2022-05-10 themed_day" below the window, and the
    review table showed the code; its areas, absentees and photos show the activity the same way."""
    make_window()  # in Chinese
    row = functools.partial(RowResult, "package", 1, uuid="u", outcome=Outcome.NEW)
    assert _record_text(row(table="activity", label="2022-05-10 themed_day")) == "2022年5月10日 主题党日"
    assert _record_text(row(table="activity", label="2022-05-10 修路")) == "2022年5月10日 修路"
    assert _record_text(row(table="activity_area", label="2022-05-10 visit · industry")) == (
        "2022年5月10日 走访 · 产业共促"
    )
    assert _record_text(row(table="activity_absentee", label="2022-05-10 lecture · 张三")) == (
        "2022年5月10日 党课 · 张三"
    )
    assert _record_text(row(table="branch", label="城关镇第一村党支部")) == "城关镇第一村党支部"
    assert _record_text(row(table="activity", label="")) == "u"
