"""Photos of a list item's 销号, driven as a clerk would from a new ledger in an empty folder: Ctrl+D on the
item, a photo added through the file dialog and one dragged in, a caption typed, Enter; then the rows in the
file and the pictures in the store; Edit ▸ Undo and Redo take them back and bring them again, the next
销号 shows them, and deleting the item takes its photos with it."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from branchdesk.domain.enums import ItemKind
from branchdesk.domain.plan_items import ItemDraft
from branchdesk.services import plan_items
from branchdesk.storage import media
from branchdesk.storage import photos as photo_store
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.item import CloseItemDialog
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.tabs.items import ItemsTab
from tests.builders import LedgerBuilder
from tests.photo_files import write_jpeg
from tests.ui.conftest import Recorder
from tests.ui.driving import answer, file_rows, press, shown
from tests.ui.test_activity_photos import drop, type_file_name
from tests.ui.typing import press_enter, type_text


@pytest.fixture
def town(build: LedgerBuilder, ledger: Ledger) -> tuple[Path, int]:
    """城关镇 with one pairing and its need 村道硬化, raised on 15 April 2022 (today is 19 May 2022)."""
    tree, pairings = build.paired_town(1)
    draft = ItemDraft(pairings[0], ItemKind.NEED, "村道硬化", dt.date(2022, 4, 15), owner="王强")
    plan_items.add_item(ledger, draft)
    path = ledger.path
    ledger.close()
    return path, tree["hc_chengguan"]


@pytest.fixture
def shots(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "手机 照片"
    return [
        write_jpeg(folder / "完工 1.jpg", 1, taken="2022:05:18 10:00:00"),
        write_jpeg(folder / "验收 2.jpg", 2, taken="2022:05:18 11:00:00"),
    ]


def item_photos(path: Path) -> list[tuple[object, ...]]:
    return file_rows(
        path,
        "SELECT i.title, p.sha256, p.position, p.caption FROM plan_item_photo p"
        " JOIN plan_item i ON i.id = p.plan_item_id ORDER BY p.position",
    )


def opened(make_window: Callable[..., MainWindow], path: Path, region: int) -> tuple[MainWindow, ItemsTab]:
    window = make_window()
    assert window.open_path(path)
    window.regions.select(region)
    tab = window.show_tab("items")
    assert isinstance(tab, ItemsTab)
    shown(window)
    tab.wait()
    tab.table.setFocus()
    tab.table.selectRow(0)
    return window, tab


def test_a_tick_off_keeps_its_photos_undoably_and_deleting_the_item_takes_them(
    make_window: Callable[..., MainWindow],
    town: tuple[Path, int],
    shots: list[Path],
    recorder: Recorder,
    qtbot: object,
    tmp_path: Path,
) -> None:
    path, region = town
    window, tab = opened(make_window, path, region)

    def tick_off(dialog: CloseItemDialog) -> None:
        type_text(dialog.note, "已完工验收")
        seen = answer(QFileDialog, type_file_name(shots[0]))
        QTest.mouseClick(dialog.photos.add_button, Qt.MouseButton.LeftButton)
        assert seen == ["photoFileDialog"]
        qtbot.waitUntil(lambda: not dialog.photos.busy, timeout=30000)  # type: ignore[attr-defined]
        drop(dialog.photos.list, [shots[1]])
        qtbot.waitUntil(lambda: not dialog.photos.busy, timeout=30000)  # type: ignore[attr-defined]
        assert dialog.photos.list.count() == 2
        view = dialog.photos.list
        QTest.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualItemRect(view.item(0)).center()
        )
        type_text(dialog.photos.caption, "硬化后的村道")
        assert item_photos(path) == []  # nothing in the file before OK
        dialog.resize(1366, 768)
        dialog.grab().save(str(tmp_path / "销号照片.png"))
        dialog.note.setFocus()
        press_enter(dialog.note)

    seen = answer(CloseItemDialog, tick_off)
    press(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["closeItemDialog"]
    digests = [hashlib.sha256(media.normalise(shot)[1]).hexdigest() for shot in shots]
    saved = [("村道硬化", digests[0], 0, "硬化后的村道"), ("村道硬化", digests[1], 1, None)]
    assert item_photos(path) == saved
    assert file_rows(path, "SELECT status, done_on, done_note FROM plan_item") == [
        ("done", "2022-05-19", "已完工验收")
    ]
    store = media.media_folder(path)
    assert all(media.photo_path(store, digest).is_file() for digest in digests)
    ledger = window.edits.ledger
    assert ledger is not None
    assert set(photo_store.pictures(ledger)) == set(digests)  # what backups and re-linking look for

    # One step of Edit ▸ Undo: the 销号 and its photos together; Redo brings both back.
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert item_photos(path) == []
    assert file_rows(path, "SELECT status FROM plan_item") == [("open",)]
    press(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert item_photos(path) == saved

    # Deleting the item (Del, confirmed) removes its photos' rows with it, as one undoable step.
    tab.wait()
    tab.table.setFocus()
    tab.table.selectRow(0)
    answered = answer(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    press(window, Qt.Key.Key_Delete)
    assert answered
    assert file_rows(path, "SELECT count(*) FROM plan_item") == [(0,)]
    assert item_photos(path) == []
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert item_photos(path) == saved
    assert recorder.errors == []
