"""File ▸ Back up now and File ▸ Restore…, driven through the real window."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import RegionLevel
from branchdesk.domain.errors import BranchDeskError
from branchdesk.services.backups import backup_folder, list_backups
from branchdesk.services.ledgers import create_ledger
from branchdesk.storage import regions
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.restore import RestoreDialog
from branchdesk.ui.jobs import backup as backup_job
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder
from tests.ui.driving import menu_item, open_shown


def test_back_up_now_then_restore(
    make_window: Callable[..., MainWindow],
    build: LedgerBuilder,
    ledger: Ledger,
    qtbot: object,
    tmp_path: Path,
) -> None:
    tree = build.tree()
    build.villages(tree["hc_chengguan"], 4)
    path = ledger.path
    ledger.close()
    window = make_window()
    window.open_path(path)
    data = window.context.data_dir
    qtbot.waitUntil(lambda: not window.backups.running)
    automatic = list_backups(path, data, window.context.clock)
    assert [b.reason for b in automatic] == ["auto"], "the first open of a ledger with work backs it up"

    window.menus.backup_action.trigger()
    qtbot.waitUntil(lambda: not window.backups.running)
    assert list_backups(path, data, window.context.clock)[0].reason == "manual"
    assert window.figures.file_label.text().startswith("已备份到 ")
    assert all(p.parent == backup_folder(data, path) for p in (b.path for b in automatic))

    # Work after the backup, then go back to it.
    assert window.session is not None
    with window.session.ledger.operation("test.more"):
        regions.add_region(window.session.ledger, "息县", RegionLevel.COUNTY, tree["city"])
    assert window.session.ledger.scalar("SELECT count(*) FROM region WHERE name = '息县'") == 1

    def choose_newest() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        assert dialog.table.rowCount() == 2
        assert dialog.table.item(0, 3).text() == "4"  # type: ignore[union-attr]
        dialog.accept()

    clock = window.context.clock
    assert isinstance(clock, FixedClock)
    clock.moment += dt.timedelta(minutes=1)
    QTimer.singleShot(0, choose_newest)
    window.menus.restore_action.trigger()
    assert window.session is not None
    assert window.session.ledger.scalar("SELECT count(*) FROM region WHERE name = '息县'") == 0
    reasons = [b.reason for b in list_backups(path, data, window.context.clock)]
    assert reasons[0] == "before-restore"


def test_closing_cancels_an_automatic_backup_but_finishes_one_asked_for(
    make_window: Callable[..., MainWindow],
    build: LedgerBuilder,
    ledger: Ledger,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    build.tree()
    path = ledger.path
    ledger.close()
    started: list[str] = []
    finished: list[str] = []

    def slow_backup(
        ledger: Path, data_dir: Path, clock: object, reason: str, progress: Callable[..., bool]
    ) -> Path:
        """A large file's backup: it copies pages until told to stop (or for at most five seconds)."""
        started.append(reason)
        for page in range(500):
            if not progress(page, 500):
                raise BranchDeskError("backup.cancelled")
            time.sleep(0.01)
        finished.append(reason)
        return data_dir / f"{reason}.bdesk"

    monkeypatch.setattr(backup_job, "take_backup", slow_backup)
    deadline = time.monotonic() + 10
    window = make_window()
    window.open_path(path)  # starts the automatic backup
    while not started and time.monotonic() < deadline:
        time.sleep(0.01)
    assert started == ["auto"]
    start = time.monotonic()
    window.close()
    assert time.monotonic() - start < 2
    assert finished == []

    window = make_window()
    window.context.auto_backup = False
    window.open_path(path)
    window.menus.backup_action.trigger()
    window.close()
    assert finished == ["manual"]


def test_a_long_backup_path_shows_its_file_name_beside_the_figures(
    make_window: Callable[..., MainWindow], tmp_path: Path, clock: FixedClock, qtbot: object
) -> None:
    """File ▸ Back up now (Alt+F, B) on a ledger in deep folders with Chinese names and spaces, at 1366×768:
    the path is shortened in the middle so that the backup's file name shows, clear of the region's figures
    on the right; the whole path is in the tooltip."""
    folder = tmp_path / "信阳市 潢川县委组织部" / "支部联建 工作台账（2022年 第二季度）"
    folder.mkdir(parents=True)
    path = folder / "潢川县 城关镇 各村（社区）党支部 与 县直机关党支部 结对联建 台账 修订稿.bdesk"
    with create_ledger(path, clock) as ledger:
        build = LedgerBuilder(ledger)
        build.villages(build.tree()["hc_chengguan"], 4)
    window = make_window()
    window.context.auto_backup = False
    window.resize(1366, 768)
    open_shown(window, path)
    window.settle()  # the figures on the right shown
    menu_item(window, Qt.Key.Key_F, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: not window.backups.running)  # type: ignore[attr-defined]

    backup = list_backups(path, window.context.data_dir, window.context.clock)[0].path
    label = window.figures.file_label
    shown = label.shown_text()
    assert shown.startswith("已备份到 ")
    assert "…" in shown
    assert shown.endswith(backup.name)
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    assert label.toolTip() == f"已备份到 {backup}"
    figures = window.figures.counts_label
    assert figures.text().startswith("信阳市")
    assert label.geometry().right() < figures.geometry().left()
    assert figures.geometry().right() < window.figures.coverage_label.geometry().left()
