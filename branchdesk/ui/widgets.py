"""Input widgets the dialogs share: dates and months typed as clerks type them, a count left empty until
typed, a combo box one can type to search."""

from __future__ import annotations

import datetime as dt
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPen, QPixmap, QValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import Month, parse_date, parse_month
from branchdesk.i18n.language import current_language, format_month
from branchdesk.i18n.messages import error_text

V = TypeVar("V", dt.date, Month)

PROBLEM_STYLE = "color: #c42b1c;"
_MARKED_STYLE = "QLineEdit { border: 1px solid #c42b1c; background: #fdf1f0; }"


def _calendar_icon() -> QIcon:
    """A small drawn calendar: no icon theme on Windows offers one."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QPen(QColor(90, 90, 90), 1))
    painter.drawRect(QRect(1, 2, 13, 12))
    painter.fillRect(QRect(2, 3, 12, 3), QColor(196, 43, 28))
    for x in (4, 7, 10):
        for y in (8, 11):
            painter.fillRect(QRect(x, y, 2, 2), QColor(90, 90, 90))
    painter.end()
    return QIcon(pixmap)


class CalendarLineEdit(QLineEdit, Generic[V]):
    """A date or month typed in any of the forms clerks use, or picked from a calendar.

    What was typed is never changed or dropped behind the clerk's back: text that is not a date stays as
    typed and is marked with the reason (``marked``); a value is taken only when it is a real date. An
    optional field may be left or made empty; an empty field is empty, not a hidden default.
    """

    value_edited = Signal()  # a new, valid value was entered (Enter, leaving the field, the calendar)
    marked = Signal(str)  # the reason the text is refused; "" when the mark is taken away

    def __init__(self, parent: QWidget | None = None, *, optional: bool = False, keep_enter: bool = False):
        super().__init__(parent)
        self._optional = optional
        # Enter applies the value here and goes no further (a view with more to do, not a form to close).
        self._keep_enter = keep_enter
        self._problem = ""
        self._last: V | None = None
        self.setPlaceholderText(self._example())
        # Room for the whole value and the calendar button, however crowded the row.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(f"{self._example()}  ") + 44)
        self.setClearButtonEnabled(optional)
        pick = self.addAction(_calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        # Named context: tr() here would look the string up under each subclass's name.
        pick.setToolTip(QCoreApplication.translate("CalendarLineEdit", "Choose from a calendar"))
        pick.triggered.connect(self._show_calendar)
        self.editingFinished.connect(self._finished)
        self.textEdited.connect(self._retry)

    # -- what a subclass says: the kind of value and its forms ---------------------------------------

    def _parse(self, text: str) -> V:
        raise NotImplementedError

    def _text_of(self, value: V) -> str:
        raise NotImplementedError

    def _from_day(self, day: dt.date) -> V:
        raise NotImplementedError

    def _first_day(self, value: V) -> dt.date:
        raise NotImplementedError

    def _example(self) -> str:
        raise NotImplementedError

    def _required(self) -> str:
        raise NotImplementedError

    # -- the value ------------------------------------------------------------------------------------

    def value(self) -> V | None:
        """The value typed (None when empty); raises BranchDeskError, with the reason, for any other text."""
        text = self.text().strip()
        return None if not text else self._parse(text)

    def set_value(self, value: V | None) -> None:
        self.setText("" if value is None else self._text_of(value))
        self._last = value
        self._mark("")

    def accepted(self) -> V | None:
        """The last value taken (set, or entered and found right): text refused since does not replace it."""
        return self._last

    def problem(self) -> str:
        """Why the text cannot be taken ("" when it can)."""
        try:
            value = self.value()
        except BranchDeskError as error:
            return error_text(error)
        return self._required() if value is None and not self._optional else ""

    def check(self) -> bool:
        """Mark the field with its problem, if any; True when its value can be taken."""
        self._mark(self.problem())
        return not self._problem

    @property
    def problem_text(self) -> str:
        return self._problem

    def _mark(self, problem: str) -> None:
        if problem == self._problem:
            return
        self._problem = problem
        self.setStyleSheet(_MARKED_STYLE if problem else "")
        self.setToolTip(problem)
        self.marked.emit(problem)

    def _retry(self) -> None:
        """While a mark shows, take it away as soon as the text is right; never mark half-typed text."""
        if self._problem and not self.problem():
            self._mark("")

    def _finished(self) -> None:
        if not self.check():
            return
        value = self.value()
        if value is not None:
            self.setText(self._text_of(value))  # shows how it was read: 2020/5/1 becomes 2020-05-01
        if value != self._last:
            self._last = value
            self.value_edited.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)
            return
        if not self.check():
            event.accept()  # a dialog must not take Enter as OK while the date is wrong
            return
        super().keyPressEvent(event)
        if self._keep_enter:
            event.accept()

    # -- the calendar ---------------------------------------------------------------------------------

    def _show_calendar(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setGridVisible(True)
        try:
            current = self.value()
        except BranchDeskError:
            current = None
        if current is not None:
            day = self._first_day(current)
            calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def chosen(date: QDate) -> None:
            menu.close()
            self.setText(self._text_of(self._from_day(dt.date(date.year(), date.month(), date.day()))))
            self._finished()

        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)
        menu.popup(self.mapToGlobal(QPoint(0, self.height())))


class DateLineEdit(CalendarLineEdit[dt.date]):
    """A date: 2020-05-01, 2020/5/1, 2020.5.1, 20200501 or 2020年5月1日; shown as 2020-05-01."""

    def _parse(self, text: str) -> dt.date:
        return parse_date(text)

    def _text_of(self, value: dt.date) -> str:
        return value.isoformat()

    def _from_day(self, day: dt.date) -> dt.date:
        return day

    def _first_day(self, value: dt.date) -> dt.date:
        return value

    def _example(self) -> str:
        return self.tr("e.g. 2020-05-01")

    def _required(self) -> str:
        return self.tr("Enter a date, e.g. 2020-05-01.")


class MonthLineEdit(CalendarLineEdit[Month]):
    """A month: 2023-06, 2023/6 or 2023年6月; shown as the reader writes it (2023年6月 in Chinese, 2023-06 in
    English), which it reads back. The calendar picks the month of a day."""

    def _parse(self, text: str) -> Month:
        return parse_month(text)

    def _text_of(self, value: Month) -> str:
        return format_month(value.year, value.month, current_language())

    def _from_day(self, day: dt.date) -> Month:
        return Month.of(day)

    def _first_day(self, value: Month) -> dt.date:
        return value.first_day

    def _example(self) -> str:
        return self.tr("e.g. 2023-06")

    def _required(self) -> str:
        return self.tr("Enter a month, e.g. 2023-06.")


def problem_line(parent: QWidget) -> QLabel:
    """The line under a choice that says it is still to be made."""
    label = QLabel(parent)
    label.setStyleSheet(PROBLEM_STYLE)
    label.hide()
    return label


def show_problem(label: QLabel, text: str | None) -> bool:
    """Show ``text`` on ``label`` (hide it for None); True when there is nothing to show."""
    label.setText(text or "")
    label.setVisible(text is not None)
    return text is None


class MarkLine(QLabel):
    """The reasons the text of one or more date or month fields is refused; hidden while there is none."""

    def __init__(self, *edits: CalendarLineEdit[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(PROBLEM_STYLE)
        self.hide()
        self._problems = ["" for _ in edits]
        for index, edit in enumerate(edits):
            edit.marked.connect(lambda text, key=index: self._show(key, text))

    def _show(self, key: int, problem: str) -> None:
        self._problems[key] = problem
        shown = "  ".join(text for text in self._problems if text)
        self.setText(shown)
        self.setVisible(bool(shown))
        if self.wordWrap():  # forms do not ask a wrapped label for its height: give it as a minimum
            self.setMinimumHeight(self.heightForWidth(self.width()) if shown else 0)
        window = self.window()
        layout = window.layout()
        if shown and isinstance(window, QDialog) and layout is not None:
            # A wrapped reason needs more height than the dialog was given: grow, never shrink.
            layout.activate()
            window.resize(window.width(), max(window.height(), window.sizeHint().height()))


class MarkedField(QWidget):
    """A date or month field with the reason its text is refused shown beside it (below, in a form)."""

    def __init__(self, edit: CalendarLineEdit[dt.date] | CalendarLineEdit[Month], *, beside: bool = False):
        super().__init__(edit.parentWidget())
        self.edit = edit
        edit.setParent(self)
        self.problem = MarkLine(edit, parent=self)
        self.problem.setObjectName(f"{edit.objectName()}Problem")
        self.problem.setWordWrap(not beside)
        layout = QHBoxLayout(self) if beside else QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6 if beside else 2)
        layout.addWidget(edit)
        layout.addWidget(self.problem, 1 if beside else 0)
        self.setFocusProxy(edit)


class CountSpinBox(QSpinBox):
    """A count that is empty (0) until the clerk types it, ``empty`` in grey saying what empty means.

    Qt's special value text would show the same, but as text of the field: a clerk who clicks into it and
    types a number loses the keys (the text then reads as no number). Empty text takes every key.
    """

    def __init__(self, empty: str, most: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, most)
        self.lineEdit().setPlaceholderText(empty)

    def textFromValue(self, value: int) -> str:  # noqa: N802
        return "" if value == 0 else super().textFromValue(value)

    def valueFromText(self, text: str) -> int:  # noqa: N802
        return 0 if not text.strip() else super().valueFromText(text)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if not text.strip():
            return QValidator.State.Acceptable, text, pos
        return super().validate(text, pos)


class SearchCombo(QComboBox):
    """A combo box over many items that finds an item by any part of its text as one types."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)

    def select_data(self, value: object) -> None:
        index = self.findData(value)
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")

    def chosen(self) -> object:
        """The chosen item's data, or None when the typed text names no item."""
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchExactly)
        return None if index < 0 else self.itemData(index)


def check_all(*edits: CalendarLineEdit[Any]) -> bool:
    """Mark every field whose text is refused and put the cursor in the first; True when all can be taken."""
    refused = [edit for edit in edits if not edit.check()]
    if refused:
        refused[0].setFocus(Qt.FocusReason.OtherFocusReason)
    return not refused
