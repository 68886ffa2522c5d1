"""Nothing lost, driven through the window: the quick check on opening, Tools ▸ Check database, damaged
files offered their newest healthy backup, hard files with their Chinese messages and their bytes as
they were, and the warning for network and removable drives."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from branchdesk.app import run
from branchdesk.domain.changes import Changed
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind, RegionLevel
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.listing import BranchColumn
from branchdesk.domain.records import Problem
from branchdesk.i18n.messages import error_text
from branchdesk.services.backups import list_backups, take_backup
from branchdesk.services.drives import DriveKind
from branchdesk.services.history import changed
from branchdesk.storage import branches, regions
from branchdesk.storage import ledger as ledger_module
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.schema import SCHEMA_VERSION
from branchdesk.ui import ledger_safety
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.models.branches import COLUMNS
from tests.ui.conftest import Recorder


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def as_sqlite_raises(error: sqlite3.Error, code: str) -> sqlite3.Error:
    """``error`` with the result code SQLite gives it."""
    error.sqlite_errorcode, error.sqlite_errorname = getattr(sqlite3, code), code
    return error


def wreck_table(path: Path, table: str) -> None:
    """Overwrite the first page of ``table``: the file still opens, SQLite's checks find the damage."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_schema WHERE name = ?", (table,)).fetchone()[0]
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size : root * page_size] = b"\x0d" + b"\xff" * (page_size - 1)
    path.write_bytes(bytes(data))


class Answers:
    """Stands in for the yes/no question box."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.questions: list[str] = []

    def __call__(self, parent: QWidget, text: str) -> bool:
        self.questions.append(text)
        return self.answer


def add_county(ledger: Ledger) -> Changed:
    with ledger.operation("region.add") as op:
        city = ledger.scalar("SELECT id FROM region WHERE level = 'city'")
        regions.add_region(ledger, "息县", RegionLevel.COUNTY, city)
    return changed(ledger, op)


def add_many_villages(ledger: Ledger) -> Changed:
    with ledger.operation("branch.add") as op:
        township = ledger.scalar("SELECT id FROM region WHERE level = 'township'")
        for i in range(400):
            branches.add_branch(ledger, f"新增{i}村党支部", BranchKind.VILLAGE, township)
    return changed(ledger, op)


# -- Check database and damaged files ------------------------------------------------------------------


def test_check_database_on_a_healthy_ledger(
    make_window: Callable[..., MainWindow], villages: Path, qtbot: object
) -> None:
    window = make_window()
    assert window.open_path(villages)
    assert window.menus.check_action.isEnabled()
    assert window.menus.check_action.text() == "检查数据库(&D)…"
    window.menus.check_action.trigger()
    qtbot.waitUntil(lambda: window.safety.result_dialog is not None)  # type: ignore[attr-defined]
    dialog = window.safety.result_dialog
    assert dialog is not None
    assert "完好" in dialog.summary.text()
    assert dialog.problem_list.count() == 0
    dialog.reject()


def test_check_database_lists_broken_rules_in_chinese(
    make_window: Callable[..., MainWindow], villages: Path, qtbot: object, recorder: Recorder
) -> None:
    with contextlib.closing(sqlite3.connect(villages)) as conn:
        conn.execute("UPDATE branch SET region_id = 999 WHERE id = 5")
        conn.commit()
    window = make_window()
    answers = Answers(True)
    window.context.ask = answers
    assert window.open_path(villages)  # the quick check looks at the file's structure only
    window.menus.check_action.trigger()
    qtbot.waitUntil(lambda: window.safety.result_dialog is not None)  # type: ignore[attr-defined]
    dialog = window.safety.result_dialog
    assert dialog is not None
    texts = [dialog.problem_list.item(row).text() for row in range(dialog.problem_list.count())]
    assert texts == ["有记录指向不存在的记录：branch #5 → region"]
    dialog.reject()
    QApplication.processEvents()
    assert answers.questions == [], "a sound file with a broken rule is not replaced by a backup"
    assert window.session is not None


def test_a_damaged_file_is_refused_on_opening_and_its_newest_healthy_backup_offered(
    make_window: Callable[..., MainWindow], villages: Path, clock: FixedClock, tmp_path: Path
) -> None:
    window = make_window()
    data = window.context.data_dir
    take_backup(villages, data, clock, "manual")
    clock.moment += dt.timedelta(hours=1)
    with Ledger.open(villages, clock) as ledger:
        add_county(ledger)  # work after the backup: lost by the restore, as the question says
    clock.moment += dt.timedelta(hours=1)
    wreck_table(villages, "branch")
    damaged = fingerprint(villages)
    answers = Answers(True)
    window.context.ask = answers

    assert window.open_path(villages)
    assert len(answers.questions) == 1
    question = answers.questions[0]
    assert question.startswith(f"{villages} 已损坏")
    assert "300 个支部" in question
    assert window.session is not None
    assert window.session.ledger.scalar("SELECT count(*) FROM branch") == 300
    assert window.session.ledger.scalar("SELECT count(*) FROM region WHERE name = '息县'") == 0
    kept = [b for b in list_backups(villages, data, clock) if b.reason == "damaged"]
    assert len(kept) == 1
    assert hashlib.sha256(kept[0].path.read_bytes()).hexdigest() == damaged[0], "kept byte for byte"


def test_a_damaged_file_is_left_alone_when_the_user_declines(
    make_window: Callable[..., MainWindow], villages: Path, clock: FixedClock, recorder: Recorder
) -> None:
    window = make_window()
    take_backup(villages, window.context.data_dir, clock, "manual")
    wreck_table(villages, "branch")
    before = fingerprint(villages)
    window.context.ask = Answers(False)
    assert not window.open_path(villages)
    assert window.session is None
    assert window.pages.currentWidget() is window.welcome
    assert fingerprint(villages) == before
    assert [b.reason for b in list_backups(villages, window.context.data_dir, clock)] == ["manual"]


def test_a_damaged_file_without_a_backup_says_so(
    make_window: Callable[..., MainWindow], villages: Path, recorder: Recorder
) -> None:
    wreck_table(villages, "branch")
    before = fingerprint(villages)
    window = make_window()
    assert not window.open_path(villages)
    assert recorder.errors == [
        f"{villages} 已损坏，无法读取。文件未作任何改动，请从备份恢复。\n没有找到它的完好备份。"
    ]
    assert fingerprint(villages) == before


def test_damage_found_by_check_database_closes_the_ledger_and_offers_the_backup(
    make_window: Callable[..., MainWindow], villages: Path, clock: FixedClock, qtbot: object
) -> None:
    window = make_window()
    take_backup(villages, window.context.data_dir, clock, "manual")
    answers = Answers(False)
    window.context.ask = answers
    assert window.open_path(villages)
    wreck_table(villages, "branch")  # damaged while open (a failing disk, say)
    before = fingerprint(villages)
    window.menus.check_action.trigger()
    qtbot.waitUntil(lambda: window.safety.result_dialog is not None)  # type: ignore[attr-defined]
    dialog = window.safety.result_dialog
    assert dialog is not None
    assert "已损坏" in dialog.summary.text()
    assert dialog.problem_list.count() >= 1
    dialog.reject()
    qtbot.waitUntil(lambda: len(answers.questions) == 1)  # type: ignore[attr-defined]
    assert window.session is None, "nothing more is written to a damaged file"
    assert fingerprint(villages) == before


@pytest.fixture
def held_check(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The quick check of a file on show, held on its worker until the event is set."""
    gate = threading.Event()
    real = ledger_safety.check_ledger

    def held(ledger: Ledger, *, quick: bool = False) -> list[Problem]:
        if threading.current_thread() is not threading.main_thread():
            gate.wait(10)
        return real(ledger, quick=quick)

    monkeypatch.setattr(ledger_safety, "check_ledger", held)
    yield gate
    gate.set()


@pytest.fixture
def checking_window(make_window: Callable[..., MainWindow]) -> MainWindow:
    """A window that checks every file as it checks a large one: while it shows."""
    window = make_window()
    window.safety.quick_check_at_once_bytes = 0
    return window


def test_a_large_ledger_shows_at_once_and_a_change_typed_during_its_check_waits_for_it(
    checking_window: MainWindow, held_check: threading.Event, villages: Path, clock: FixedClock, qtbot: QtBot
) -> None:
    window = checking_window
    assert window.open_path(villages)
    window.show()
    assert window.session is not None
    assert "正在检查" in window.statusBar().currentMessage()
    tab = window.branches_tab
    tab.wait()
    QApplication.processEvents()
    assert tab.model.total == 300
    data = window.context.data_dir
    assert list_backups(villages, data, clock) == [], "no automatic backup of a file not checked yet"
    # A phone number typed into a cell, Enter pressed while the check is still running.
    table, model = tab.table, tab.model
    table.setCurrentIndex(model.index(0, COLUMNS.index(BranchColumn.PHONE)))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = next(e for e in table.findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClicks(editor, "0376-6221234")
    threading.Timer(0.3, held_check.set).start()  # the check ends while the UI thread waits for it
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("已保存"))
    name = model.row_at(0).name
    with contextlib.closing(sqlite3.connect(villages)) as conn:
        assert conn.execute("SELECT phone FROM branch WHERE name = ?", (name,)).fetchall() == [
            ("0376-6221234",)
        ]
    qtbot.waitUntil(lambda: [b.reason for b in list_backups(villages, data, clock)] == ["auto"])


def test_a_large_damaged_ledger_is_closed_when_its_check_finds_the_damage(
    checking_window: MainWindow, villages: Path, held_check: threading.Event, qtbot: QtBot, clock: FixedClock
) -> None:
    window = checking_window
    take_backup(villages, window.context.data_dir, clock, "manual")
    wreck_table(villages, "pairing")
    before = fingerprint(villages)
    answers = Answers(False)
    window.context.ask = answers
    assert window.open_path(villages)
    assert window.session is not None
    held_check.set()  # the check ends, finding the damage
    qtbot.waitUntil(lambda: len(answers.questions) == 1)
    assert answers.questions[0].startswith(f"{villages} 已损坏")
    assert window.session is None
    assert window.pages.currentWidget() is window.welcome
    assert window.windowTitle() == "支部联建台账 BranchDesk"
    assert fingerprint(villages) == before, "nothing written to it"
    assert [b.reason for b in list_backups(villages, window.context.data_dir, clock)] == ["manual"]


def test_check_database_can_be_cancelled(
    make_window: Callable[..., MainWindow], villages: Path, qtbot: object
) -> None:
    window = make_window()
    window.context.auto_backup = False  # its status message would hide the one looked for
    assert window.open_path(villages)
    window.menus.check_action.trigger()
    assert window.safety.progress is not None
    window.safety.progress.canceled.emit()
    qtbot.waitUntil(lambda: window.safety.progress is None)  # type: ignore[attr-defined]
    message = window.statusBar().currentMessage()
    assert window.safety.result_dialog is not None or message == "检查已取消。"


# -- hard files ----------------------------------------------------------------------------------------


def test_hard_files_give_their_message_and_keep_their_bytes(
    make_window: Callable[..., MainWindow], villages: Path, tmp_path: Path, recorder: Recorder
) -> None:
    not_a_ledger = tmp_path / "名单 副本.bdesk"
    not_a_ledger.write_bytes("名称,分类\n城关村,村\n".encode())
    newer = tmp_path / "新版 台账.bdesk"
    newer.write_bytes(villages.read_bytes())
    with contextlib.closing(sqlite3.connect(newer)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    window = make_window()
    for path in (not_a_ledger, newer):
        before = fingerprint(path)
        assert not window.open_path(path)
        assert fingerprint(path) == before
    missing = tmp_path / "不见了.bdesk"
    assert not window.open_path(missing)
    assert not missing.exists()
    assert recorder.errors == [
        f"{not_a_ledger} 不是支部联建台账文件，文件未作任何改动。",
        f"{newer} 由更新版本的支部联建台账保存（台账版本 {SCHEMA_VERSION + 1}，本程序最高支持版本 "
        f"{SCHEMA_VERSION}）。请升级本程序。文件未作任何改动。",
        f"台账文件 {missing} 不存在。",
    ]


def test_a_file_locked_by_another_program_is_refused_on_opening(
    make_window: Callable[..., MainWindow],
    villages: Path,
    recorder: Recorder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ledger_module, "BUSY_TIMEOUT_MS", 50)
    other = sqlite3.connect(villages, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")  # another program in the middle of writing it
        before = fingerprint(villages)
        window = make_window()
        assert not window.open_path(villages)
        assert recorder.errors == [error_text(BranchDeskError("ledger.locked", path=str(villages)))]
        assert recorder.errors[0] == f"{villages} 正被其他程序占用。请关闭该程序后重试。"
        assert fingerprint(villages) == before
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_write_meeting_another_programs_lock_is_refused_whole(
    make_window: Callable[..., MainWindow], villages: Path, recorder: Recorder
) -> None:
    window = make_window()
    assert window.open_path(villages)
    assert window.session is not None
    window.session.ledger.conn.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(villages, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # holds the write lock
        before = fingerprint(villages)
        assert window.edits.run(add_county) is None
        assert recorder.errors == [error_text(BranchDeskError("ledger.locked", path=str(villages)))]
        assert fingerprint(villages) == before
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert window.session.ledger.scalar("SELECT count(*) FROM region WHERE name = '息县'") == 0
    assert window.edits.run(add_county) is not None, "once the other program lets go, the action works"


def test_a_full_disk_during_a_write_changes_nothing(
    make_window: Callable[..., MainWindow], villages: Path, recorder: Recorder
) -> None:
    window = make_window()
    assert window.open_path(villages)
    assert window.session is not None
    ledger = window.session.ledger
    # The file may not grow by a single page: as good as a full disk, and only for this connection.
    ledger.conn.execute(f"PRAGMA max_page_count = {ledger.scalar('PRAGMA page_count')}")
    before = fingerprint(villages)
    operations = ledger.scalar("SELECT count(*) FROM operation")
    assert window.edits.run(add_many_villages) is None
    assert recorder.errors == [f"{villages} 所在磁盘已满。没有作任何修改，请清理磁盘空间后重试。"]
    assert fingerprint(villages) == before
    assert ledger.scalar("SELECT count(*) FROM operation") == operations
    assert ledger.scalar("PRAGMA integrity_check") == "ok"
    assert not window.edits.undo_action.isEnabled()


@pytest.mark.parametrize(
    ("kind", "words"), [(DriveKind.NETWORK, "网络驱动器"), (DriveKind.REMOVABLE, "移动存储")]
)
def test_ledgers_on_network_or_removable_drives_are_opened_with_a_warning(
    make_window: Callable[..., MainWindow], villages: Path, recorder: Recorder, kind: DriveKind, words: str
) -> None:
    window = make_window()
    window.context.drive_kind = lambda path: kind
    assert window.open_path(villages)
    assert len(recorder.errors) == 1
    assert words in recorder.errors[0]
    assert str(villages) in recorder.errors[0]


def test_local_ledgers_open_without_a_warning(
    make_window: Callable[..., MainWindow], villages: Path, recorder: Recorder
) -> None:
    window = make_window()
    assert window.open_path(villages)
    assert recorder.errors == []


def test_a_screenshot_of_a_damaged_ledger_asks_nothing_and_fails(
    villages: Path, clock: FixedClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    take_backup(villages, data, clock, "manual")
    wreck_table(villages, "branch")
    before = fingerprint(villages)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    shots = tmp_path / "截图"
    assert (
        run([str(villages), "--screenshot", str(shots)], clock=clock, settings=settings, data_folder=data)
        == 1
    )
    assert "已损坏" in capsys.readouterr().err, "the question is printed, and answered no"
    assert fingerprint(villages) == before
    assert not shots.exists()


def test_a_file_locked_while_it_is_checked_is_not_called_damaged(
    make_window: Callable[..., MainWindow],
    villages: Path,
    recorder: Recorder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another program starts writing between the opening and the quick check: the clerk hears that the
    file is in use, not that it is damaged, and no backup is offered in its place."""
    window = make_window()
    answers = Answers(True)
    window.context.ask = answers

    def locked_now(ledger: Ledger, *, quick: bool = False) -> list[object]:
        raise ledger.error(as_sqlite_raises(sqlite3.OperationalError("database is locked"), "SQLITE_BUSY"))

    monkeypatch.setattr("branchdesk.ui.ledger_safety.check_ledger", locked_now)
    before = fingerprint(villages)
    assert not window.open_path(villages)
    assert recorder.errors == [f"{villages} 正被其他程序占用。请关闭该程序后重试。"]
    assert answers.questions == []
    assert window.session is None
    assert fingerprint(villages) == before


def test_a_write_that_finds_the_file_damaged_closes_it_and_offers_the_backup(
    make_window: Callable[..., MainWindow], villages: Path, clock: FixedClock
) -> None:
    window = make_window()
    take_backup(villages, window.context.data_dir, clock, "manual")
    answers = Answers(False)
    window.context.ask = answers
    assert window.open_path(villages)

    def meets_damage(ledger: Ledger) -> Changed:
        raise ledger.error(
            as_sqlite_raises(sqlite3.DatabaseError("database disk image is malformed"), "SQLITE_CORRUPT")
        )

    assert window.edits.run(meets_damage) is None
    assert window.session is None, "nothing more is written to it"
    assert len(answers.questions) == 1
    assert answers.questions[0].startswith(f"{villages} 已损坏")
