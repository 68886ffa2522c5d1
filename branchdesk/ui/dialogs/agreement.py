"""A pairing's agreement (结对共建协议, DESIGN.md §11): the signing date, a liaison on each side, the targets
with their number, unit and due date, each target's dated progress, and review notes; saved whole as one
undoable step. Fewer than two numeric targets is a warning, never a refusal; progress beyond a target's
number is kept and shown."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QLocale, QSignalBlocker, Qt
from PySide6.QtGui import QBrush, QColor, QDoubleValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.agreements import (
    MIN_NUMERIC_TARGETS,
    Agreement,
    Progress,
    Target,
    TargetStatus,
    check_agreement,
)
from branchdesk.domain.errors import InvalidRecordError
from branchdesk.i18n.messages import message_text
from branchdesk.services.agreements import PairingAgreement
from branchdesk.ui.labels import date_text
from branchdesk.ui.widgets import DateLineEdit, MarkedField, check_all, problem_line, show_problem

_MARK = QBrush(QColor("#f8d7da"))  # a cell a refusal names
_BEYOND = QBrush(QColor("#fff3cd"))  # progress past the number: allowed, shown


def number_text(value: float | None) -> str:
    """3.0 as 3, 2.5 as 2.5; empty for none."""
    return "" if value is None else f"{value:g}"


def _number(edit: QLineEdit) -> float | None:
    text = edit.text().strip()
    return None if not text else float(text)


def _number_field(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    validator = QDoubleValidator(0, 1e9, 2, edit)
    validator.setNotation(QDoubleValidator.Notation.StandardNotation)
    validator.setLocale(QLocale.c())  # a point for decimals whatever the system says
    edit.setValidator(validator)
    return edit


def _fit_columns(table: QTableWidget, *, stretch: int) -> None:
    """Columns as wide as their contents, one taking the rest of the width."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().hide()


class AgreementDialog(QDialog):
    def __init__(self, found: PairingAgreement, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementDialog")
        self._today = today
        self._found = found
        agreement = found.agreement or Agreement(
            signed_on=min(today, dt.date.fromisoformat(found.started_on))
        )
        self._targets: list[Target] = list(agreement.targets)
        self.setWindowTitle(
            self.tr("Pairing agreement: {organ} — {grassroots}").format(
                organ=found.organ, grassroots=found.grassroots
            )
        )
        self.signed = DateLineEdit(self)
        self.signed.setObjectName("signedOn")
        self.signed.set_value(agreement.signed_on)
        self.organ_liaison = self._line("organLiaison", agreement.organ_liaison)
        self.organ_phone = self._line("organPhone", agreement.organ_phone)
        self.grassroots_liaison = self._line("grassrootsLiaison", agreement.grassroots_liaison)
        self.grassroots_phone = self._line("grassrootsPhone", agreement.grassroots_phone)

        self.targets = QTableWidget(0, 6, self)
        self.targets.setObjectName("targetTable")
        self.targets.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.targets.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.targets.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        _fit_columns(self.targets, stretch=0)
        self.target_name = self._line("targetName", "")
        self.target_number = _number_field(self, "targetNumber")
        self.target_unit = self._line("targetUnit", "")
        self.target_due = DateLineEdit(self)
        self.target_due.setObjectName("targetDue")
        self.add_target = self._button("addTarget", self._add_target)
        self.change_target = self._button("changeTarget", self._change_target)
        self.remove_target = self._button("removeTarget", self._remove_target)

        self.progress = QTableWidget(0, 3, self)
        self.progress.setObjectName("progressTable")
        self.progress.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.progress.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.progress.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        _fit_columns(self.progress, stretch=2)
        self.progress_target = QLabel(self)
        self.progress_target.setObjectName("progressTarget")
        self.progress_target.setWordWrap(True)
        self.progress_day = DateLineEdit(self)
        self.progress_day.setObjectName("progressDay")
        self.progress_day.set_value(today)
        self.progress_value = _number_field(self, "progressValue")
        self.progress_note = self._line("progressNote", "")
        self.add_progress = self._button("addProgress", self._add_progress)
        self.remove_progress = self._button("removeProgress", self._remove_progress)

        self.review = QPlainTextEdit(agreement.review, self)
        self.review.setObjectName("review")
        self.review.setTabChangesFocus(True)
        self.review.setMaximumHeight(4 * self.fontMetrics().height() + 12)
        self.problem = problem_line(self)
        self.problem.setObjectName("agreementProblem")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        self._labels: dict[str, QLabel] = {}
        self.pairing = QLabel(self)
        self.pairing.setObjectName("agreementPairing")
        self.pairing.setStyleSheet("font-weight: bold")
        head = QGridLayout()
        head.addWidget(self._label("signed"), 0, 0)
        signed = QHBoxLayout()
        self.signed.setMaximumWidth(12 * self.fontMetrics().horizontalAdvance("0"))
        signed.addWidget(MarkedField(self.signed, beside=True))
        signed.addStretch(1)
        head.addLayout(signed, 0, 1, 1, 3)
        head.setColumnStretch(1, 1)
        head.setColumnStretch(3, 1)
        for row, (side, name, phone) in enumerate(
            (
                ("organ", self.organ_liaison, self.organ_phone),
                ("grassroots", self.grassroots_liaison, self.grassroots_phone),
            ),
            1,
        ):
            head.addWidget(self._label(f"{side}Liaison"), row, 0)
            head.addWidget(name, row, 1)
            head.addWidget(self._label(f"{side}Phone"), row, 2)
            head.addWidget(phone, row, 3)

        self.target_box = QGroupBox(self)
        target_layout = QVBoxLayout(self.target_box)
        self.few = QLabel(self)
        self.few.setObjectName("fewTargets")
        self.few.setWordWrap(True)
        target_layout.addWidget(self.few)
        target_layout.addWidget(self.targets, 1)
        target_form = QHBoxLayout()
        for key, widget, stretch in (
            ("targetName", self.target_name, 4),
            ("targetNumber", self.target_number, 1),
            ("targetUnit", self.target_unit, 1),
            ("targetDue", MarkedField(self.target_due, beside=True), 2),
        ):
            target_form.addWidget(self._label(key))
            target_form.addWidget(widget, stretch)
        target_layout.addLayout(target_form)
        target_buttons = QHBoxLayout()
        for button in (self.add_target, self.change_target, self.remove_target):
            target_buttons.addWidget(button)
        target_buttons.addStretch()
        target_layout.addLayout(target_buttons)

        self.progress_box = QGroupBox(self)
        progress_layout = QVBoxLayout(self.progress_box)
        progress_layout.addWidget(self.progress_target)
        progress_layout.addWidget(self.progress, 1)
        progress_form = QFormLayout()
        progress_form.addRow(self._label("progressDay"), MarkedField(self.progress_day))
        progress_form.addRow(self._label("progressValue"), self.progress_value)
        progress_form.addRow(self._label("progressNote"), self.progress_note)
        progress_layout.addLayout(progress_form)
        progress_buttons = QHBoxLayout()
        progress_buttons.addWidget(self.add_progress)
        progress_buttons.addWidget(self.remove_progress)
        progress_buttons.addStretch()
        progress_layout.addLayout(progress_buttons)

        middle = QHBoxLayout()
        middle.addWidget(self.target_box, 3)
        middle.addWidget(self.progress_box, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pairing)
        layout.addLayout(head)
        layout.addLayout(middle, 1)
        layout.addWidget(self._label("review"))
        layout.addWidget(self.review)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.targets.itemSelectionChanged.connect(self._target_chosen)
        self.progress.itemSelectionChanged.connect(self._enable)
        self.retranslate()
        self._show_targets()
        if self._targets:
            self.targets.selectRow(0)
        self.resize(1180, 680)

    # -- building ------------------------------------------------------------------------------------

    def _line(self, name: str, text: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        return edit

    def _button(self, name: str, slot: object) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setAutoDefault(False)  # Enter in a field is the dialog's OK, never "add"
        button.clicked.connect(slot)
        return button

    def _label(self, key: str) -> QLabel:
        label = QLabel(self)
        self._labels[key] = label
        return label

    # -- targets -------------------------------------------------------------------------------------

    def _selected(self, table: QTableWidget) -> int | None:
        rows = table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _target_from_fields(self, keep: Target | None) -> Target | None:
        """The target the fields describe (keeping ``keep``'s id and progress), or None with the reason
        shown."""
        if not check_all(self.target_due):
            return None
        name = self.target_name.text().strip()
        if not name:
            show_problem(self.problem, self.tr("Type the target, e.g. 帮办实事."))
            self.target_name.setFocus()
            return None
        due = self.target_due.value()
        if due is None:
            show_problem(self.problem, self.tr("Give the target's due date."))
            self.target_due.setFocus()
            return None
        show_problem(self.problem, None)
        progress = () if keep is None else keep.progress
        return Target(name, _number(self.target_number), self.target_unit.text().strip(), due, progress,
                      None if keep is None else keep.id)  # fmt: skip

    def _add_target(self) -> None:
        target = self._target_from_fields(None)
        if target is None:
            return
        self._targets.append(target)
        self._show_targets()
        self.targets.selectRow(len(self._targets) - 1)
        for edit in (self.target_name, self.target_number, self.target_unit):
            edit.clear()
        self.target_name.setFocus()

    def _change_target(self) -> None:
        row = self._selected(self.targets)
        if row is None:
            return
        target = self._target_from_fields(self._targets[row])
        if target is None:
            return
        self._targets[row] = target
        self._show_targets()
        self.targets.selectRow(row)

    def _remove_target(self) -> None:
        row = self._selected(self.targets)
        if row is None:
            return
        del self._targets[row]
        self._show_targets()
        if self._targets:
            self.targets.selectRow(min(row, len(self._targets) - 1))

    def _target_chosen(self) -> None:
        row = self._selected(self.targets)
        if row is not None:
            target = self._targets[row]
            self.target_name.setText(target.name)
            self.target_number.setText(number_text(target.number))
            self.target_unit.setText(target.unit)
            self.target_due.set_value(target.due_on)
        self._show_progress()

    def _status(self, target: Target) -> str:
        return {
            TargetStatus.NO_NUMBER: self.tr("No number"),
            TargetStatus.BEYOND: self.tr("Reached, beyond the number"),
            TargetStatus.REACHED: self.tr("Reached"),
            TargetStatus.OVERDUE: self.tr("Overdue"),
            TargetStatus.UNDER_WAY: self.tr("Under way"),
        }[target.status(self._today)]

    def _show_targets(self) -> None:
        with QSignalBlocker(self.targets):
            self.targets.setRowCount(len(self._targets))
            for row, target in enumerate(self._targets):
                latest = target.latest()
                cells = (
                    target.name,
                    number_text(target.number),
                    target.unit,
                    date_text(target.due_on),
                    "" if latest is None else number_text(latest.value),
                    self._status(target),
                )
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if column in (1, 4):
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    if column in (4, 5) and target.beyond():
                        item.setBackground(_BEYOND)
                    self.targets.setItem(row, column, item)
        numeric = sum(1 for target in self._targets if target.number is not None)
        self.few.setText(
            ""
            if numeric >= MIN_NUMERIC_TARGETS
            else self.tr("At least {count} targets with a number are asked for (now {numeric}).").format(
                count=MIN_NUMERIC_TARGETS, numeric=numeric
            )
        )
        self.few.setVisible(numeric < MIN_NUMERIC_TARGETS)
        self._show_progress()

    # -- progress ------------------------------------------------------------------------------------

    def _show_progress(self) -> None:
        row = self._selected(self.targets)
        target = None if row is None else self._targets[row]
        entries = () if target is None else target.progress
        with QSignalBlocker(self.progress):
            self.progress.setRowCount(len(entries))
            for number, entry in enumerate(entries):
                value = QTableWidgetItem(
                    number_text(entry.value) + (f" {target.unit}" if target and target.unit else "")
                )
                value.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if target is not None and target.number is not None and (entry.value or 0) > target.number:
                    value.setBackground(_BEYOND)
                    value.setToolTip(self.tr("Beyond the target's number"))
                for column, item in enumerate(
                    (QTableWidgetItem(date_text(entry.recorded_on)), value, QTableWidgetItem(entry.note))
                ):
                    self.progress.setItem(number, column, item)
        self.progress_target.setText(
            self.tr("Choose a target to see and add its progress.")
            if target is None
            else self.tr("Target: {target} {number} {unit}")
            .format(target=target.name, number=number_text(target.number), unit=target.unit)
            .strip()
        )
        self._enable()

    def _add_progress(self) -> None:
        row = self._selected(self.targets)
        if row is None or not check_all(self.progress_day):
            return
        day = self.progress_day.value()
        if day is None or not self.progress_value.text().strip():
            show_problem(self.problem, self.tr("Give the progress's date and the total reached by then."))
            self.progress_value.setFocus()
            return
        show_problem(self.problem, None)
        target = self._targets[row]
        entry = Progress(day, _number(self.progress_value), self.progress_note.text().strip())
        self._targets[row] = dataclasses.replace(target, progress=(*target.progress, entry))
        self.progress_value.clear()
        self.progress_note.clear()
        self._show_targets()
        self.targets.selectRow(row)
        self.progress_value.setFocus()

    def _remove_progress(self) -> None:
        row, entry = self._selected(self.targets), self._selected(self.progress)
        if row is None or entry is None:
            return
        target = self._targets[row]
        progress = target.progress[:entry] + target.progress[entry + 1 :]
        self._targets[row] = dataclasses.replace(target, progress=progress)
        self._show_targets()
        self.targets.selectRow(row)

    def _enable(self) -> None:
        chosen = self._selected(self.targets) is not None
        self.change_target.setEnabled(chosen)
        self.remove_target.setEnabled(chosen)
        self.add_progress.setEnabled(chosen)
        self.remove_progress.setEnabled(self._selected(self.progress) is not None)

    # -- result --------------------------------------------------------------------------------------

    def agreement(self) -> Agreement:
        """What the dialog holds (after it was accepted: the signing date is there)."""
        signed = self.signed.value()
        assert signed is not None  # _accept let only a date through
        return Agreement(
            signed_on=signed,
            organ_liaison=self.organ_liaison.text(),
            organ_phone=self.organ_phone.text(),
            grassroots_liaison=self.grassroots_liaison.text(),
            grassroots_phone=self.grassroots_phone.text(),
            review=self.review.toPlainText(),
            targets=tuple(self._targets),
            id=None if self._found.agreement is None else self._found.agreement.id,
            pairing_id=self._found.pairing_id,
        )

    def show_refusal(self, error: InvalidRecordError) -> None:
        """Mark what a refusal names (a target's row, a field) and say why; everything typed stays."""
        for row in range(self.targets.rowCount()):
            for column in range(self.targets.columnCount()):
                item = self.targets.item(row, column)
                if item is not None and item.background() == _MARK:
                    item.setBackground(QBrush())
        fields = {
            "signed_on": self.signed,
            "organ_phone": self.organ_phone,
            "grassroots_phone": self.grassroots_phone,
        }
        columns = {"name": 0, "number": 1, "due_on": 3, "progress": 4}
        for problem in error.problems:
            parts = problem.field.split(".")
            if parts[0] == "targets" and len(parts) == 3:
                item = self.targets.item(int(parts[1]), columns.get(parts[2], 0))
                if item is not None:
                    item.setBackground(_MARK)
        first = error.problems[0].field
        widget = fields.get(first)
        if widget is not None:
            widget.setFocus()
        elif first.startswith("targets."):
            self.targets.selectRow(int(first.split(".")[1]))
        show_problem(self.problem, "\n".join(message_text(p.code, **p.params) for p in error.problems))

    def _typed_target(self) -> bool:
        """Whether the target's fields hold a target typed and neither added nor changed into the list
        (they show the chosen target's, or nothing)."""
        if not self.target_name.text().strip():
            return False
        row = self._selected(self.targets)
        if row is None:
            return True
        target = self._targets[row]
        shown = (target.name, number_text(target.number), target.unit, target.due_on)
        typed = (
            self.target_name.text().strip(),
            self.target_number.text().strip(),
            self.target_unit.text().strip(),
            self.target_due.value(),
        )
        return typed != shown

    def _accept(self) -> None:
        """OK: the ledger's rules checked here first (the service checks them again), so a refusal marks its
        fields in place; then the warning about too few hard targets. A target typed and not yet in the
        list keeps the dialog open: which of Add and Change was meant is the clerk's to say."""
        if not check_all(self.signed):
            return
        if self._typed_target():
            show_problem(
                self.problem,
                self.tr(
                    "The target “{name}” typed in the target's fields is not in the list yet: press Add "
                    "target (or Apply to the selected target), or clear its name, then OK."
                ).format(name=self.target_name.text().strip()),
            )
            self.target_name.setFocus()
            return
        try:
            check_agreement(self.agreement(), self._today)
        except InvalidRecordError as error:
            self.show_refusal(error)
            return
        numeric = sum(1 for target in self._targets if target.number is not None)
        if numeric < MIN_NUMERIC_TARGETS:
            answer = QMessageBox.question(
                self,
                self.tr("Fewer than {count} numeric targets").format(count=MIN_NUMERIC_TARGETS),
                self.tr(
                    "The agreement has {numeric} targets with a number; at least {count} hard targets are "
                    "asked for (帮办实事 3 件, 引进项目资金 20 万元 …). Save it as it is?"
                ).format(numeric=numeric, count=MIN_NUMERIC_TARGETS),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.accept()

    def retranslate(self) -> None:
        texts = {
            "signed": self.tr("Signed on"),
            "organLiaison": self.tr("Organ-side liaison"),
            "organPhone": self.tr("Phone"),
            "grassrootsLiaison": self.tr("Grassroots-side liaison"),
            "grassrootsPhone": self.tr("Phone"),
            "targetName": self.tr("Target"),
            "targetNumber": self.tr("Number"),
            "targetUnit": self.tr("Unit"),
            "targetDue": self.tr("Due"),
            "progressDay": self.tr("Date"),
            "progressValue": self.tr("Total so far"),
            "progressNote": self.tr("Note"),
            "review": self.tr("Review notes"),
        }
        for key, text in texts.items():
            self._labels[key].setText(text)
        self.targets.setHorizontalHeaderLabels(
            [self.tr("Target"), self.tr("Number"), self.tr("Unit"), self.tr("Due"), self.tr("Latest"),
             self.tr("Status")]
        )  # fmt: skip
        self.progress.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Total so far"), self.tr("Note")])
        self.target_box.setTitle(self.tr("Targets"))
        self.progress_box.setTitle(self.tr("Progress (running totals)"))
        found = self._found
        self.pairing.setText(
            self.tr("{organ} — {grassroots}, paired since {started}").format(
                organ=found.organ,
                grassroots=found.grassroots,
                started=date_text(dt.date.fromisoformat(found.started_on)),
            )
        )
        self.target_name.setPlaceholderText(self.tr("e.g. 帮办实事"))
        self.target_unit.setPlaceholderText(self.tr("e.g. 件"))
        self.add_target.setText(self.tr("Add target"))
        self.change_target.setText(self.tr("Apply to the selected target"))
        self.remove_target.setText(self.tr("Remove target"))
        self.add_progress.setText(self.tr("Add progress"))
        self.remove_progress.setText(self.tr("Remove progress"))
        self.review.setPlaceholderText(self.tr("Half-year or yearly review of the agreement (optional)"))
