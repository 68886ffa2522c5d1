"""Photos in the activity dialog, driven as a clerk would: the add button and the file dialog's path typed
and Enter, files dragged in from a folder, captions typed, reorder and remove, OK, Edit ▸ Undo; then the
rows in the file and the pictures in the store. Missing pictures and bad files never make an error box."""

from __future__ import annotations

import hashlib
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import Area
from branchdesk.services import photos as photo_service
from branchdesk.services.ledgers import open_ledger
from branchdesk.storage import media
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.activity import ActivityDialog
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.tabs.activities import ActivitiesTab
from tests.builders import LedgerBuilder
from tests.photo_files import write_jpeg
from tests.ui.conftest import Recorder
from tests.ui.driving import answer, select_item
from tests.ui.typing import press_enter, retype, type_text


@pytest.fixture
def town(build: LedgerBuilder, ledger: Ledger) -> tuple[Path, dict[str, int]]:
    """A new ledger in an empty folder: 城关镇's three pairings from 10 April 2022 (today is 19 May 2022)."""
    _tree, pairings = build.paired_town(3)
    path = ledger.path
    ledger.close()
    return path, {f"p{i + 1}": pairing for i, pairing in enumerate(pairings)}


@pytest.fixture
def shots(tmp_path: Path) -> list[Path]:
    """Three phone photos in a folder with Chinese characters and spaces; the second has no capture time."""
    folder = tmp_path / "手机 照片"
    return [
        write_jpeg(folder / "走访 1.jpg", 1, taken="2022:05:14 09:30:00", orientation=6),
        write_jpeg(folder / "截图 2.jpg", 2, taken=None),
        write_jpeg(folder / "学习 3.jpg", 3, taken="2022:05:14 15:00:00"),
    ]


def photo_rows(path: Path) -> list[dict[str, object]]:
    with open_ledger(path, FixedClock.on("2022-05-19"), read_only=True) as ledger:
        return ledger.query(
            "SELECT activity_id, sha256, position, caption, date_check FROM photo"
            " ORDER BY activity_id, position"
        )


def opened(make_window: Callable[..., MainWindow], path: Path) -> tuple[MainWindow, ActivitiesTab]:
    window = make_window()
    assert window.open_path(path)
    window.show_tab("activities")
    window.activities_tab.wait()
    return window, window.activities_tab


def fill_themed_day(dialog: ActivityDialog, village: str) -> None:
    for row in range(dialog.pairings.list.count()):
        item = dialog.pairings.list.item(row)
        if item.text().startswith(village):
            item.setCheckState(Qt.CheckState.Checked)
    select_item(dialog.type, "主题党日")
    type_text(dialog.held_on, "2022-05-14")
    press_enter(dialog.held_on)
    dialog.areas[Area.SERVICE].setFocus()
    QTest.keyClick(dialog.areas[Area.SERVICE], Qt.Key.Key_Space)
    assert dialog.areas[Area.SERVICE].isChecked()
    retype(dialog.volunteers, "6")


def photos_page(dialog: ActivityDialog) -> None:
    """The dialog's Photos page, chosen by its tab as a clerk clicks it."""
    bar = dialog.pages.tabBar()
    index = dialog.pages.indexOf(dialog.photos_page)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert dialog.pages.currentWidget() is dialog.photos_page


def type_file_name(file: Path) -> Callable[[QFileDialog], None]:
    """In the file dialog, open the photo's folder, type the file's name, press Enter."""

    def handle(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(file.parent))
        field = dialog.findChild(QLineEdit, "fileNameEdit")
        assert field is not None
        field.setFocus()
        type_text(field, file.name)
        press_enter(field)

    return handle


def drop(widget: object, files: list[Path]) -> None:
    """Files dragged from a folder and let go over the photo list."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in files])
    target = widget.viewport()  # type: ignore[attr-defined]
    point = QPoint(20, 20)
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(point, actions, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert target.acceptDrops()  # what the desktop's drag and drop asks before it sends anything
    assert enter.isAccepted()
    dropped = QDropEvent(
        QPointF(point), actions, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, dropped)


def settle(dialog: ActivityDialog, qtbot: object) -> None:
    qtbot.waitUntil(lambda: not dialog.photos.busy, timeout=30000)  # type: ignore[attr-defined]


def recorded_with_photos(tab: ActivitiesTab, village: str, files: list[Path], qtbot: object) -> None:
    """Record a themed day for the village's pairing with these photos dragged in, and OK."""
    tab.record_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, ActivityDialog)
    fill_themed_day(dialog, village)
    photos_page(dialog)
    drop(dialog.photos.list, files)
    settle(dialog, qtbot)
    assert dialog.photos.list.count() == len(files)
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def edited(tab: ActivitiesTab) -> ActivityDialog:
    """The newest activity opened for editing, on its Photos page."""
    tab.wait()
    tab.table.selectRow(0)
    tab.edit_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, ActivityDialog)
    photos_page(dialog)
    return dialog


def select_photo(dialog: ActivityDialog, row: int) -> None:
    view = dialog.photos.list
    rect = view.visualItemRect(view.item(row))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.currentRow() == row


def test_photos_added_through_the_file_dialog_with_captions_are_saved_with_the_activity(
    make_window: Callable[..., MainWindow],
    town: tuple[Path, dict[str, int]],
    shots: list[Path],
    recorder: Recorder,
    qtbot: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, _ids = town
    threads: list[bool] = []
    prepare = photo_service.prepare

    def watched(*args: object) -> object:
        threads.append(threading.current_thread() is threading.main_thread())
        return prepare(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(photo_service, "prepare", watched)
    window, tab = opened(make_window, path)
    tab.record_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, ActivityDialog)
    fill_themed_day(dialog, "城关2村")
    photos_page(dialog)
    for shot in shots[:2]:
        seen = answer(QFileDialog, type_file_name(shot))
        QTest.mouseClick(dialog.photos.add_button, Qt.MouseButton.LeftButton)
        assert seen == ["photoFileDialog"]
        settle(dialog, qtbot)
    assert threads == [False, False]  # Pillow ran on the job runner, not on the UI thread
    assert dialog.photos.list.count() == 2
    assert "1 张照片没有拍摄时间" in dialog.photos.notes.text()
    select_photo(dialog, 0)
    type_text(dialog.photos.caption, "党员入户走访")
    select_photo(dialog, 1)
    type_text(dialog.photos.caption, "集中学习")
    assert photo_rows(path) == []  # nothing in the file before OK
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == ""
    assert not dialog.isVisible()
    rows = photo_rows(path)
    digests = [hashlib.sha256(media.normalise(shot)[1]).hexdigest() for shot in shots[:2]]
    assert [(r["sha256"], r["position"], r["caption"], r["date_check"]) for r in rows] == [
        (digests[0], 0, "党员入户走访", "ok"),
        (digests[1], 1, "集中学习", "missing"),
    ]
    store = media.media_folder(path)
    assert all(media.photo_path(store, digest).is_file() for digest in digests)
    window.edits.undo()
    assert photo_rows(path) == []
    assert recorder.errors == []


def test_dropped_photos_are_reordered_removed_and_undone_as_one_step(
    make_window: Callable[..., MainWindow],
    town: tuple[Path, dict[str, int]],
    shots: list[Path],
    recorder: Recorder,
    qtbot: object,
) -> None:
    path, _ids = town
    window, tab = opened(make_window, path)
    recorded_with_photos(tab, "城关1村", shots, qtbot)
    first = [row["sha256"] for row in photo_rows(path)]
    assert len(first) == 3

    # Edit it: the last photo first, the middle one removed; OK is one step of Edit ▸ Undo.
    dialog = edited(tab)
    assert dialog.photos.list.count() == 3
    select_photo(dialog, 2)
    QTest.mouseClick(dialog.photos.earlier_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(dialog.photos.earlier_button, Qt.MouseButton.LeftButton)
    select_photo(dialog, 2)
    QTest.mouseClick(dialog.photos.remove_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert [(row["sha256"], row["position"]) for row in photo_rows(path)] == [(first[2], 0), (first[0], 1)]
    window.edits.undo()
    assert [row["sha256"] for row in photo_rows(path)] == first
    assert recorder.errors == []


def test_bad_files_are_named_in_chinese_and_the_ledger_is_unchanged(
    make_window: Callable[..., MainWindow],
    town: tuple[Path, dict[str, int]],
    shots: list[Path],
    recorder: Recorder,
    qtbot: object,
    tmp_path: Path,
) -> None:
    path, _ids = town
    text = tmp_path / "手机 照片" / "会议记录.jpg"
    text.write_text("不是照片", encoding="utf-8")
    _window, tab = opened(make_window, path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    tab.record_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, ActivityDialog)
    photos_page(dialog)
    drop(dialog.photos.list, [text, shots[2]])
    settle(dialog, qtbot)
    assert dialog.photos.list.count() == 1
    assert "“会议记录.jpg”不是本程序能读取的照片" in dialog.photos.problems.text()
    dialog.reject()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert recorder.errors == []


def test_photos_missing_from_the_store_show_as_missing_and_are_found_by_their_folder(
    make_window: Callable[..., MainWindow],
    town: tuple[Path, dict[str, int]],
    shots: list[Path],
    recorder: Recorder,
    qtbot: object,
    tmp_path: Path,
) -> None:
    path, _ids = town
    _window, tab = opened(make_window, path)
    recorded_with_photos(tab, "城关3村", shots[:2], qtbot)
    # The ledger was copied without its photo folder, which turned up on a stick later.
    stick = tmp_path / "U盘" / "台账照片"
    shutil.move(media.media_folder(path), stick)
    dialog = edited(tab)
    assert dialog.photos.list.count() == 2
    assert dialog.photos.missing.isVisibleTo(dialog)
    assert "2 张照片" in dialog.photos.missing.text()
    assert "缺失" in dialog.photos.list.item(0).toolTip()

    def choose(folder_dialog: QFileDialog) -> None:
        field = folder_dialog.findChild(QLineEdit, "fileNameEdit")
        assert field is not None
        field.setFocus()
        type_text(field, str(stick.parent))
        press_enter(field)

    answer(QFileDialog, choose)
    QTest.mouseClick(dialog.photos.relink_button, Qt.MouseButton.LeftButton)
    settle(dialog, qtbot)
    assert not dialog.photos.missing.isVisibleTo(dialog)
    assert "找到 2 张" in dialog.photos.problems.text()
    with open_ledger(path, FixedClock.on("2022-05-19"), read_only=True) as ledger:
        assert photo_service.missing_count(ledger) == 0
    dialog.reject()
    assert recorder.errors == []
