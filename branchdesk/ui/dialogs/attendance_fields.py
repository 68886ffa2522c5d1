"""The attendance part of the activity dialog: expected and present, the absentees one a line (name: reason,
as the spreadsheet column takes them), and the make-up session's date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPlainTextEdit, QWidget

from branchdesk.domain.attendance import Attendance, parse_absentees
from branchdesk.domain.errors import BranchDeskError
from branchdesk.ui.widgets import CountSpinBox, DateLineEdit, MarkedField

_MOST = 100000


class AttendanceFields(QGroupBox):
    """Expected 0 reads "not recorded": an activity recorded without its attendance keeps none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Attendance"), parent)
        self.setObjectName("attendance")
        self.expected = CountSpinBox(self.tr("Not recorded"), _MOST, self)
        self.expected.setObjectName("expected")
        self.present = CountSpinBox("", _MOST, self)  # empty beside an empty expected, not a 0 nobody typed
        self.present.setObjectName("present")
        self.absent = QLabel(self)
        self.absent.setObjectName("absentCount")
        self.absentees = QPlainTextEdit(self)
        self.absentees.setObjectName("absentees")
        self.absentees.setTabChangesFocus(True)  # Tab moves on; Enter starts the next absentee's line
        self.absentees.setPlaceholderText(self.tr("One a line, name: reason, e.g.\nLi Hua: working away"))
        self.absentees.setFixedHeight(self.fontMetrics().height() * 5)
        self.make_up_on = DateLineEdit(self, optional=True)
        self.make_up_on.setObjectName("makeUpOn")
        form = QFormLayout(self)
        form.addRow(self.tr("Expected"), self.expected)
        form.addRow(self.tr("Present"), self.present)
        form.addRow("", self.absent)
        form.addRow(self.tr("Absentees"), self.absentees)
        form.addRow(self.tr("Make-up session"), MarkedField(self.make_up_on))
        self.expected.valueChanged.connect(self._show_absent)
        self.present.valueChanged.connect(self._show_absent)
        self._show_absent()

    def fields(self) -> tuple[QWidget, ...]:
        """In the order Tab visits them."""
        return (self.expected, self.present, self.absentees, self.make_up_on)

    def _show_absent(self) -> None:
        expected, present = self.expected.value(), self.present.value()
        self.absent.setVisible(expected > 0)
        self.absent.setText(self.tr("Absent: {count}").format(count=max(expected - present, 0)))

    def fill(self, attendance: Attendance | None) -> None:
        if attendance is None:
            return
        self.expected.setValue(attendance.expected)
        self.present.setValue(attendance.present)
        self.absentees.setPlainText("\n".join(f"{a.name}：{a.reason}" for a in attendance.absentees))
        self.make_up_on.set_value(attendance.make_up_on)

    def attendance(self) -> Attendance | None:
        """The attendance entered; None when nothing is; raises BranchDeskError for half an entry or a
        make-up date that is not a date."""
        absentees = parse_absentees(self.absentees.toPlainText())
        make_up_on: dt.date | None = self.make_up_on.value()
        expected, present = self.expected.value(), self.present.value()
        if expected == 0:
            if present or absentees or make_up_on is not None:
                raise BranchDeskError("attendance.incomplete")
            return None
        return Attendance(expected, present, absentees, make_up_on)
