"""Names read in the order Excel/WPS gives Chinese (pinyin, numbers numerically) in the tables and pickers,
as a clerk pastes, clicks the header, renames and undoes; the sort key in the file follows every step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QHeaderView, QLineEdit

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.sort_key import name_key
from branchdesk.services.ledgers import create_ledger
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder

PASTED = [
    "郑庄村党支部",
    "第10村民组党支部",
    "陈湾村党支部",
    "第2村民组党支部",
    "第三村民组党支部",
    "八里岔村党支部",
]
# 八里岔 under B (a place name), then C, D with 2 < 三 < 10, Z: code-point order would put 八 and 郑 first.
EXCEL_ORDER = [
    "八里岔村党支部",
    "陈湾村党支部",
    "第2村民组党支部",
    "第三村民组党支部",
    "第10村民组党支部",
    "郑庄村党支部",
]


def shown(window: MainWindow) -> list[str]:
    model = window.branches_tab.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def click_header(header: QHeaderView, section: int, qtbot: object) -> None:
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))  # type: ignore[attr-defined]


def stored(path: Path) -> list[str]:
    """The file's branch names by their stored key: what every list and picker reads."""
    with Ledger.open(path, FixedClock.on("2022-05-19"), read_only=True) as ledger:
        return [row["name"] for row in ledger.query("SELECT name FROM branch ORDER BY name_key, id")]


def test_pasted_names_sort_as_excel_through_header_clicks_rename_and_undo(
    make_window: Callable[..., MainWindow], tmp_path: Path, clock: FixedClock, qtbot: object
) -> None:
    path = tmp_path / "新台账.bdesk"
    with create_ledger(path, clock) as ledger:
        LedgerBuilder(ledger).tree()
    window = make_window()
    assert window.open_path(path)
    window.show()
    qtbot.waitExposed(window)  # type: ignore[attr-defined]
    window.windowHandle().requestActivate()  # shortcuts reach the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # type: ignore[attr-defined]
    table = window.branches_tab.table
    QApplication.clipboard().setText(
        "党支部名称\t类型\t所属乡镇\r\n" + "".join(f"{name}\t农村\t潢川县/仁和镇\r\n" for name in PASTED)
    )
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert stored(path) == EXCEL_ORDER
    assert shown(window) == EXCEL_ORDER  # a new ledger lists by name

    header = table.horizontalHeader()
    click_header(header, 0, qtbot)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert shown(window) == EXCEL_ORDER[::-1]
    click_header(header, 0, qtbot)
    assert shown(window) == EXCEL_ORDER

    # Rename 郑庄村 to 艾庄村 in its cell (F2, type, Enter): it moves to the top, in the file too.
    table.setCurrentIndex(window.branches_tab.model.index(EXCEL_ORDER.index("郑庄村党支部"), 0))
    qtbot.keyClick(table, Qt.Key.Key_F2)  # type: ignore[attr-defined]
    editor = next(e for e in table.findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    typed = QInputMethodEvent()  # Chinese arrives from the input method as committed text
    typed.setCommitString("艾庄村党支部")
    QApplication.sendEvent(editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    QApplication.processEvents()  # the delegate commits on a queued call
    renamed = ["艾庄村党支部", *EXCEL_ORDER[:-1]]
    assert stored(path) == renamed
    assert shown(window) == renamed

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert stored(path) == EXCEL_ORDER
    assert shown(window) == EXCEL_ORDER
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert stored(path) == renamed
    assert sorted(renamed, key=name_key) == renamed
