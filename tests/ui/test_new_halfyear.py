"""Tools ▸ New half-year as a clerk uses it (Ctrl+Shift+Y) on a new ledger in an empty folder: the first
half of 2023 closes, its key tasks are carried into the second (one renamed with F2, one dropped, one
added), one click freezes the summary and sets the list — the rows in the file checked, the frozen figures
against hand-written SQL — the summary is saved as a PDF and a Word draft, and Ctrl+Z takes it all back."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QProgressDialog, QPushButton

from branchdesk.domain.activities import ActivityDraft
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import ActivityType, Area, BranchKind, Tier
from branchdesk.domain.halfyear import HalfYearSummary
from branchdesk.domain.months import HalfYear
from branchdesk.services import halfyear
from branchdesk.services.halfyear import StepProgress
from branchdesk.services.ledgers import create_ledger
from branchdesk.storage import activities, key_tasks
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.file_choice import FilePurpose
from branchdesk.ui.dialogs.new_halfyear import NewHalfYearDialog
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder
from tests.ui.driving import answer, file_rows, open_shown, press
from tests.ui.typing import press_enter, type_text

H1 = HalfYear(2023, 1)


@pytest.fixture
def clock() -> FixedClock:
    """Early July: the first half-year has just closed."""
    return FixedClock.on("2023-07-10")


@pytest.fixture
def county(tmp_path: Path, clock: FixedClock) -> Path:
    path = tmp_path / "新台账" / "潢川.bdesk"
    path.parent.mkdir()
    make_county(path, clock)
    return path


def make_county(path: Path, clock: FixedClock) -> None:
    """A new ledger: two pairings in 城关镇 from 2023; the first holds its themed Party day every month but
    May, the second only in January; three key tasks of 2023-H1, two activities for one of them."""
    with create_ledger(path, clock) as ledger:
        build = LedgerBuilder(ledger)
        tree = build.tree()
        unit = build.unit("潢川县财政局", tree["huangchuan"])
        organs = build.organs(unit, tree["huangchuan"], 2)
        first = build.branch("城关1村党支部", BranchKind.VILLAGE, tree["hc_chengguan"], tier=Tier.WEAK)
        second = build.branch("城关2村党支部", BranchKind.VILLAGE, tree["hc_chengguan"], tier=Tier.WEAK)
        one = build.pair(organs[0], first, "2023-01-01")
        two = build.pair(organs[1], second, "2023-01-01")
        for month in (1, 2, 3, 4, 6):
            build.activity(one, f"2023-{month:02d}-1{month}", volunteers=month)
        build.activity(two, "2023-01-20", volunteers=7)
        with ledger.operation("test.key_tasks"):
            spring = key_tasks.add_key_task(ledger, H1, "春耕生产")
            key_tasks.add_key_task(ledger, H1, "防汛备汛")
            key_tasks.add_key_task(ledger, H1, "乡村振兴")
        for held_on in ("2023-03-05", "2023-04-08"):
            with ledger.operation("test.activity"):
                activities.add_draft(
                    ledger,
                    one,
                    ActivityDraft(
                        dt.date.fromisoformat(held_on), ActivityType.KEY_TASK, frozenset({Area.INDUSTRY}), 4,
                        key_task_id=spring,
                    ),
                )  # fmt: skip


def click(qtbot: object, widget: object) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]


def click_task(qtbot: object, dialog: NewHalfYearDialog, name: str) -> None:
    item = dialog.tasks.findItems(name, Qt.MatchFlag.MatchExactly)[0]
    rect = dialog.tasks.visualItemRect(item)
    qtbot.mouseClick(dialog.tasks.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[attr-defined]


def tasks_of(path: Path, half: str) -> list[tuple[object, ...]]:
    return file_rows(path, "SELECT name, retired FROM key_task WHERE half_year = ? ORDER BY id", (half,))


def test_a_half_year_closes_its_tasks_carry_over_and_its_summary_is_frozen_and_saved(
    make_window: Callable[..., MainWindow], county: Path, qtbot: object, tmp_path: Path
) -> None:
    window = open_shown(make_window(), county)
    saved = {FilePurpose.SUMMARY: tmp_path / "总结.pdf", FilePurpose.WORD: tmp_path / "总结.docx"}
    window.context.choose_file = lambda parent, purpose, suggested: saved[purpose]
    seen: dict[str, object] = {}

    def work(dialog: NewHalfYearDialog) -> None:
        assert dialog.wait()
        assert dialog.closing.currentText() == "2023年上半年"
        assert dialog.start_button.text() == "冻结并开启2023年下半年(&F)"
        assert [dialog.tasks.item(row).text() for row in range(dialog.tasks.count())] == [
            "春耕生产", "防汛备汛", "乡村振兴",
        ]  # fmt: skip
        assert dialog.frozen_label.text() == "尚未冻结：下列数字为台账当前的数据"
        click_task(qtbot, dialog, "防汛备汛")
        click(qtbot, dialog.drop_button)
        click_task(qtbot, dialog, "春耕生产")
        qtbot.keyClick(dialog.tasks, Qt.Key.Key_F2)  # type: ignore[attr-defined]
        editor = dialog.tasks.indexWidget(dialog.tasks.currentIndex())
        assert isinstance(editor, QLineEdit)
        qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
        type_text(editor, "秋收秋种")
        press_enter(editor)
        QApplication.processEvents()  # the list's delegate commits on a queued call
        assert [dialog.tasks.item(r).text() for r in range(dialog.tasks.count())] == ["秋收秋种", "乡村振兴"]
        assert file_rows(county, "SELECT count(*) FROM halfyear_summary") == [(0,)]  # Enter froze nothing
        dialog.new_task.setFocus()
        type_text(dialog.new_task, "人居环境整治")
        press_enter(dialog.new_task)  # Enter in the field adds the task, and only that: it froze the year
        assert dialog.tasks.item(dialog.tasks.count() - 1).text() == "人居环境整治"
        assert file_rows(county, "SELECT count(*) FROM halfyear_summary") == [(0,)]
        assert dialog.frozen_label.text() == "尚未冻结：下列数字为台账当前的数据"
        click(qtbot, dialog.start_button)
        assert dialog.wait()
        seen["frozen"] = dialog.frozen_label.text()
        seen["figures"] = dialog.figures.text()
        click(qtbot, dialog.pdf_button)
        click(qtbot, dialog.word_button)
        dialog.resize(1366, 768)
        dialog.grab().save(str(tmp_path / "新半年.png"))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # type: ignore[attr-defined]

    handled = answer(NewHalfYearDialog, work)
    press(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert handled == ["newHalfYearDialog"]
    assert seen["frozen"] == "已于2023年7月10日冻结"

    # The next half-year's list, as the clerk left it; the closing one's untouched.
    assert tasks_of(county, "2023-H2") == [("秋收秋种", 0), ("乡村振兴", 0), ("人居环境整治", 0)]
    assert tasks_of(county, "2023-H1") == [("春耕生产", 0), ("防汛备汛", 0), ("乡村振兴", 0)]

    # The frozen figures, against SQL written here by hand.
    (row,) = file_rows(
        county,
        "SELECT r.name, s.half_year, s.frozen_on, s.figures"
        " FROM halfyear_summary s JOIN region r ON r.id = s.region_id",
    )
    assert row[:3] == ("信阳市", "2023-H1", "2023-07-10")
    figures = json.loads(str(row[3]))
    by_month = dict(
        file_rows(
            county,
            "SELECT substr(held_on, 1, 7), count(*) FROM activity WHERE held_on BETWEEN '2023-01-01' AND "
            "'2023-06-30' GROUP BY 1",
        )
    )
    themed = dict(
        file_rows(
            county,
            "SELECT substr(held_on, 1, 7), count(DISTINCT pairing_id) FROM activity WHERE type = 'themed_day'"
            " GROUP BY 1",
        )
    )
    pairings = file_rows(county, "SELECT count(*) FROM pairing WHERE started_on <= '2023-01-01'")[0][0]
    assert [
        (m["month"], m["activities"], m["compliance"]["count"], m["compliance"]["total"])
        for m in figures["months"]
    ] == [
        (f"2023-{n:02d}", by_month.get(f"2023-{n:02d}", 0), themed.get(f"2023-{n:02d}", 0), pairings)
        for n in range(1, 7)
    ]
    assert [m["compliance"]["rate"] for m in figures["months"]] == [
        "100.00", "50.00", "50.00", "50.00", "0.00", "50.00",
    ]  # fmt: skip
    volunteers = file_rows(
        county, "SELECT sum(volunteers) FROM activity WHERE held_on BETWEEN '2023-01-01' AND '2023-06-30'"
    )[0][0]
    assert sum(m["volunteers"] for m in figures["months"]) == volunteers == 1 + 2 + 3 + 4 + 6 + 7 + 4 + 4
    assert figures["key_tasks"] == [
        {"name": "春耕生产", "activities": 2, "retired": False},
        {"name": "防汛备汛", "activities": 0, "retired": False},
        {"name": "乡村振兴", "activities": 0, "retired": False},
    ]
    assert figures["stats"]["coverage"]["grassroots"] == {"count": 2, "total": 2, "rate": "100.00"}
    assert figures["stats"]["as_of"] == "2023-06-30"
    assert seen["figures"] == (
        "截至2023年6月30日：基层党支部结对覆盖率 100.00%；半年主题党日落实率 50.00%；开展活动 8 次，"
        "其中主题党日 6 次，党员志愿者 31 人次。"
    )

    # The PDF and the Word draft, saved off the UI thread.
    pdf = saved[FilePurpose.SUMMARY].read_bytes()
    assert pdf.startswith(b"%PDF")
    document = "\n".join(paragraph.text for paragraph in Document(str(saved[FilePurpose.WORD])).paragraphs)
    assert "信阳市2023年上半年支部联支部工作总结" in document
    assert "2023年上半年，信阳市共开展支部联建活动 8 次，其中主题党日 6 次" in document
    assert "1. 秋收秋种" in document
    assert "3. 人居环境整治" in document

    # One step of Edit ▸ Undo: the summary and the new list go together.
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert file_rows(county, "SELECT count(*) FROM halfyear_summary") == [(0,)]
    assert tasks_of(county, "2023-H2") == []
    QApplication.processEvents()


def test_the_figures_are_counted_off_the_ui_thread_and_freezing_can_be_cancelled(
    make_window: Callable[..., MainWindow],
    county: Path,
    qtbot: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A city's half-year takes about a second to count: the dialog opens at once saying it is counting
    (nothing to freeze or save yet) and shows the figures when they come; freezing shows a progress dialog
    whose Cancel leaves the file as it was."""
    window = open_shown(make_window(), county)
    gate = threading.Event()
    on_ui_thread: list[bool] = []
    count = halfyear.summarise

    def slow_count(ledger: Ledger, region_id: int, half: HalfYear, progress: StepProgress) -> HalfYearSummary:
        on_ui_thread.append(threading.current_thread() is threading.main_thread())
        progress(0, 8)
        gate.wait(10)  # a city's half-year, held until the test lets it go
        return count(ledger, region_id, half, progress)

    monkeypatch.setattr(halfyear, "summarise", slow_count)
    seen: dict[str, object] = {}

    def cancel(progress: QProgressDialog) -> None:
        seen["label"] = progress.labelText()
        click(qtbot, progress.findChild(QPushButton))
        gate.set()  # the count goes on, to its next step, which finds it cancelled

    def work(dialog: NewHalfYearDialog) -> None:
        assert dialog.figures.text() == "正在统计2023年上半年的数据…"
        assert dialog.counting.isVisible()
        assert not dialog.start_button.isEnabled()
        assert not dialog.pdf_button.isEnabled()
        gate.set()
        assert dialog.wait()
        assert not dialog.counting.isVisible()
        assert dialog.figures.text().startswith("截至2023年6月30日：基层党支部结对覆盖率 100.00%")
        assert dialog.start_button.isEnabled()
        gate.clear()
        seen["cancelled"] = answer(QProgressDialog, cancel)
        click(qtbot, dialog.start_button)
        seen["after"] = dialog.figures.text()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # type: ignore[attr-defined]

    handled = answer(NewHalfYearDialog, work)
    press(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert handled == ["newHalfYearDialog"]
    assert seen["cancelled"] == ["fileJobProgress"]
    assert seen["label"] == "正在冻结2023年上半年的数据…"
    assert str(seen["after"]).startswith("截至2023年6月30日")
    assert on_ui_thread == [False, False]  # shown, then frozen: both on the job runner
    assert file_rows(county, "SELECT count(*) FROM halfyear_summary") == [(0,)]
    assert tasks_of(county, "2023-H2") == []
    assert not window.edits.undo_action.isEnabled()
