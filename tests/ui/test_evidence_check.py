"""Tools ▸ Evidence check, opened from the keyboard: the warnings of a ledger's activities (a photo without
a capture time, one taken far from the day, the same picture re-saved for another activity), and a line
double-clicked opens its activity; fixing it there takes the warning off the list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from branchdesk.domain.activities import ActivityDraft
from branchdesk.domain.attendance import Attendance
from branchdesk.domain.enums import ActivityType, Area
from branchdesk.domain.photos import NormalisedPhoto, PhotoEntry
from branchdesk.services import activities as activity_service
from branchdesk.services import photos as photo_service
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.activity import ActivityDialog
from branchdesk.ui.dialogs.compliance import ComplianceDialog
from branchdesk.ui.dialogs.evidence import EvidenceDialog
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder
from tests.photo_files import near_copy, write_jpeg
from tests.ui.conftest import Recorder
from tests.ui.driving import answer, menu_item


def themed(day: str) -> ActivityDraft:
    return ActivityDraft(
        held_on=dt.date.fromisoformat(day),
        type=ActivityType.THEMED_DAY,
        areas=frozenset({Area.SERVICE}),
        volunteers=5,
    )


def entry(photo: NormalisedPhoto) -> PhotoEntry:
    return PhotoEntry(photo.sha256, "照片", image=photo)


def test_the_evidence_check_lists_warnings_and_opens_the_activity(
    make_window: Callable[..., MainWindow],
    build: LedgerBuilder,
    ledger: Ledger,
    tmp_path: Path,
    recorder: Recorder,
    qtbot: QtBot,
) -> None:
    _tree, pairings = build.paired_town(2)
    first = write_jpeg(tmp_path / "照片" / "a.jpg", 1, taken="2022:05:14 09:00:00")
    files = [
        first,
        near_copy(first, tmp_path / "照片" / "a 转发.jpg"),
        write_jpeg(tmp_path / "b.jpg", 2, taken=None),
    ]
    ready = [item.photo for item in photo_service.prepare(ledger.path, files, lambda d, t: None)]
    assert None not in ready
    a, b, c = (PhotoEntry(p.sha256, "照片", image=p) for p in ready if p is not None)
    activity_service.record_activities(ledger, [pairings[0]], themed("2022-05-14"), photos=[a])
    activity_service.record_activities(ledger, [pairings[1]], themed("2022-04-23"), photos=[b, c])
    activity_service.record_activities(ledger, [pairings[1]], themed("2022-04-16"))  # 33 days before today
    path = ledger.path
    ledger.close()

    window = make_window()
    assert window.open_path(path)
    window.settle()
    seen: list[list[str]] = []

    def check(dialog: EvidenceDialog) -> None:
        assert dialog.wait()
        rows = [
            [dialog.model.index(row, column).data() for column in range(4)]
            for row in range(dialog.model.rowCount())
        ]
        seen.extend(rows)
        assert dialog.summary.text() == "3 项活动共有 5 条提醒。"
        # Double-click the newest warning about the April activity: its dialog opens over the list.
        row = next(i for i, line in enumerate(rows) if line[2] == "照片无拍摄时间")
        rect = dialog.table.visualRect(dialog.model.index(row, 1))
        # A double-click as the desktop delivers it: a click, then the second press as a double-click.
        QTest.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QTest.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        opened = window.activities_tab.dialog
        assert isinstance(opened, ActivityDialog)
        assert opened.isVisible()
        assert opened.photos.list.count() == 2
        # The photo without a capture time is taken out; OK saves it, and the list is read again.
        opened.photos.list.setCurrentRow(1)
        QTest.mouseClick(opened.photos.remove_button, Qt.MouseButton.LeftButton)
        QTest.mouseClick(opened.ok_button, Qt.MouseButton.LeftButton)
        assert not opened.isVisible()
        assert dialog.wait()
        left = [dialog.model.index(i, 2).data() for i in range(dialog.model.rowCount())]
        assert "照片无拍摄时间" not in left
        assert len(left) == 4
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    shown = answer(EvidenceDialog, check)
    menu_item(window, Qt.Key.Key_T, Qt.Key.Key_E)  # Tools ▸ Evidence check
    assert shown == ["evidenceDialog"]
    first_pair, second_pair = "机关第1党支部 — 城关1村党支部", "机关第2党支部 — 城关2村党支部"
    same, caption = "与其他活动使用同一照片", "照片“照片”"
    assert sorted(seen) == sorted(
        [
            ["2022年5月14日", first_pair, same, "与2022年4月23日的活动使用同一照片"],
            ["2022年4月23日", second_pair, same, "与2022年5月14日的活动使用同一照片"],
            [
                "2022年4月23日",
                second_pair,
                "拍摄时间与活动日期相差超过 3 天",
                f"第 1 张{caption}，拍摄于2022年5月14日 09:00",
            ],
            ["2022年4月23日", second_pair, "照片无拍摄时间", f"第 2 张{caption}"],
            ["2022年4月16日", second_pair, "补录", "录入于2022年5月19日"],
        ]
    )
    assert recorder.errors == []


def test_the_compliance_view_shows_which_themed_days_have_their_evidence(
    make_window: Callable[..., MainWindow],
    build: LedgerBuilder,
    ledger: Ledger,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    """May 2022: one themed day with photos and attendance, one with photos only, one with attendance only;
    a column and a figure, never a refusal."""
    tree, pairings = build.paired_town(4)
    ready = photo_service.prepare(ledger.path, [write_jpeg(tmp_path / "a.jpg")], lambda d, t: None)
    photo = ready[0].photo
    assert photo is not None
    counted = Attendance(expected=20, present=18)
    record = activity_service.record_activities
    record(ledger, [pairings[0]], replace(themed("2022-05-14"), attendance=counted), photos=[entry(photo)])
    record(ledger, [pairings[1]], themed("2022-05-14"), photos=[entry(photo)])
    record(ledger, [pairings[2]], replace(themed("2022-05-15"), attendance=counted))
    path = ledger.path
    ledger.close()
    window = make_window()
    assert window.open_path(path)
    window.regions.select(tree["hc_chengguan"])
    window.settle()
    seen: list[object] = []

    def check(dialog: ComplianceDialog) -> None:
        assert dialog.wait()
        seen.append(dialog.summary.text())
        model = dialog.grid_model
        last = model.columnCount() - 1
        assert model.headerData(last, Qt.Orientation.Horizontal) == "2022年5月佐证"
        seen.append(
            {model.index(row, 0).data(): model.index(row, last).data() for row in range(model.rowCount())}
        )
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    answer(ComplianceDialog, check)
    menu_item(window, Qt.Key.Key_T, Qt.Key.Key_C)  # Tools ▸ Compliance (1+N)
    summary, cells = seen
    assert "佐证材料齐全（有照片和出勤记录）的主题党日 1 个，共 3 个（33.33%）" in str(summary)
    assert cells == {
        "城关1村党支部": "✓ 齐全",
        "城关2村党支部": "缺出勤记录",
        "城关3村党支部": "缺照片",
        "城关4村党支部": "—",
    }


def test_a_ledger_without_regions_checks_the_whole_ledger_by_name(
    make_window: Callable[..., MainWindow], tmp_path: Path, qtbot: QtBot
) -> None:
    """Tools ▸ Evidence check on a new ledger without regions was titled 佐证材料检查：, naming nothing
    (seen in a screenshot); it names the whole ledger, and Escape closes it with nothing written."""
    from branchdesk.domain.clock import FixedClock
    from branchdesk.services.ledgers import create_ledger
    from tests.ui.driving import file_rows, shown

    folder = tmp_path / "新 文件夹"
    folder.mkdir()
    path = folder / "台账.bdesk"
    create_ledger(path, FixedClock.on("2022-05-19")).close()
    window = shown(make_window())
    assert window.open_path(path)
    window.settle()
    titles: list[str] = []

    def look(dialog: EvidenceDialog) -> None:
        titles.append(dialog.windowTitle())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    answer(EvidenceDialog, look)
    window.menus.evidence_action.trigger()
    assert titles == ["佐证材料检查：整个台账"]
    assert file_rows(path, "SELECT count(*) FROM operation") == [(1,)]  # the ledger's making, no more
