"""A village work team (驻村工作队) and its members.

Sending a team: the village (community, grid) it goes to, the day, the sending unit (the unit of the
village's paired organ branch unless another is chosen) and its first members, saved together as one step
of Edit ▸ Undo. An existing team: its members listed; a member added, or their service ended, each saved
at once as its own step. A member's rules (a name, a phone number, one team at a time…) are checked as the
member is added; the services check them again when saved.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.teams import ROLE_ORDER, MemberDraft, Role, check_member
from branchdesk.i18n.messages import error_text
from branchdesk.services import teams as team_service
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.edits import LedgerEdits
from branchdesk.ui.labels import date_text, term_label
from branchdesk.ui.widgets import DateLineEdit, MarkedField, SearchCombo, problem_line, show_problem


class TeamDialog(QDialog):
    """``team_id`` None: send a new team to a branch of ``region_id``; else that team's members."""

    def __init__(
        self,
        ledger: Ledger,
        edits: LedgerEdits,
        region_id: int,
        today: dt.date,
        team_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("teamDialog")
        self._ledger = ledger
        self._edits = edits
        self._today = today
        self.team_id = team_id
        self.drafts: list[MemberDraft] = []  # a new team's members, saved with it
        self._rows: list[dict[str, Any]] = []  # an existing team's members as stored

        self.branch = SearchCombo(self)
        self.branch.setObjectName("teamBranch")
        self.unit = SearchCombo(self)
        self.unit.setObjectName("teamUnit")
        self.start = DateLineEdit(self)
        self.start.setObjectName("teamStart")
        self.start.set_value(today)
        self.team_label = QLabel(self)
        self.team_label.setObjectName("teamLabel")

        self.members = QTableWidget(0, 5, self)
        self.members.setObjectName("teamMembers")
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.members.verticalHeader().hide()
        self.name = QLineEdit(self)
        self.name.setObjectName("memberName")
        self.phone = QLineEdit(self)
        self.phone.setObjectName("memberPhone")
        self.role = QComboBox(self)
        self.role.setObjectName("memberRole")
        for role in ROLE_ORDER:
            self.role.addItem(term_label(role), role)
        self.role.setCurrentIndex(self.role.findData(Role.MEMBER))
        self.member_unit = QLineEdit(self)
        self.member_unit.setObjectName("memberUnit")
        self.member_from = DateLineEdit(self)
        self.member_from.setObjectName("memberFrom")
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addMember")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("removeMember")
        self.end_on = DateLineEdit(self)
        self.end_on.setObjectName("memberEnd")
        self.end_button = QPushButton(self)
        self.end_button.setObjectName("endMember")
        self.problem = problem_line(self)
        self.problem.setObjectName("teamProblem")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        team_box = QGroupBox(self)
        self.team_box = team_box
        team_form = QFormLayout(team_box)
        self._team_rows: list[QLabel] = [QLabel(team_box) for _ in range(3)]
        if team_id is None:
            for label, field in zip(self._team_rows, (self.branch, self.start, self.unit), strict=True):
                team_form.addRow(label, field if field is not self.start else MarkedField(self.start))
            self.team_label.hide()
        else:
            team_form.addRow(self.team_label)
            for widget in (self.branch, self.start, self.unit):
                widget.hide()
        member_box = QGroupBox(self)
        self.member_box = member_box
        member_form = QFormLayout()
        self._member_rows: list[QLabel] = [QLabel(member_box) for _ in range(5)]
        for label, field in zip(
            self._member_rows,
            (self.name, self.phone, self.role, self.member_unit, MarkedField(self.member_from)),
            strict=True,
        ):
            member_form.addRow(label, field)
        member_buttons = QHBoxLayout()
        member_buttons.addWidget(self.add_button)
        member_buttons.addWidget(self.remove_button)
        member_buttons.addStretch()
        if team_id is not None:
            member_buttons.addWidget(self.end_on)
            member_buttons.addWidget(self.end_button)
            self.remove_button.hide()
        else:
            self.end_on.hide()
            self.end_button.hide()
        member_layout = QVBoxLayout(member_box)
        member_layout.addWidget(self.members, 1)
        member_layout.addLayout(member_form)
        member_layout.addLayout(member_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(team_box)
        layout.addWidget(member_box, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.add_button.clicked.connect(self.add_member)
        self.remove_button.clicked.connect(self.remove_member)
        self.end_button.clicked.connect(self.end_member)
        self.branch.currentIndexChanged.connect(self._follow_branch)
        self.unit.currentIndexChanged.connect(self._follow_unit)
        self.start.value_edited.connect(lambda: self.member_from.set_value(self.start.accepted()))
        self._fill(region_id)
        self.retranslate()
        self.resize(760, 620)

    # -- filling -------------------------------------------------------------------------------------

    def _fill(self, region_id: int) -> None:
        self.unit.addItem("", None)
        for unit in team_service.units(self._ledger):
            self.unit.addItem(unit["name"], unit["id"])
        if self.team_id is None:
            for branch in team_service.branches_without_team(self._ledger, region_id):
                self.branch.addItem(f"{branch['region']} / {branch['name']}", branch["id"])
            self.branch.setCurrentIndex(0 if self.branch.count() else -1)
            self.member_from.set_value(self._today)
            self._follow_branch()
        else:
            self._show_team()

    def _show_team(self) -> None:
        assert self.team_id is not None
        team = team_service.team(self._ledger, self.team_id)
        started = dt.date.fromisoformat(team["started_on"])
        self.team_label.setText(
            self.tr("{branch} · sent by {unit} · from {start}").format(
                branch=team["branch"], unit=team["unit"] or "—", start=date_text(started)
            )
        )
        self.member_unit.setText(team["unit"] or "")
        self.member_from.set_value(self._today)
        rows = team_service.members_of(self._ledger, self.team_id)
        self._rows = rows
        self.members.setRowCount(0)
        for row in rows:
            self._add_row(
                row["name"],
                row["phone"],
                Role(row["role"]),
                row["sending_unit"],
                dt.date.fromisoformat(row["from_on"]),
                None if row["to_on"] is None else dt.date.fromisoformat(row["to_on"]),
            )

    def _add_row(
        self, name: str, phone: str, role: Role, unit: str | None, start: dt.date, end: dt.date | None
    ) -> None:
        row = self.members.rowCount()
        self.members.insertRow(row)
        span = f"{date_text(start)} – {date_text(end) if end else ''}"
        for column, text in enumerate((name, phone, term_label(role), unit or "", span)):
            self.members.setItem(row, column, QTableWidgetItem(text))

    def _follow_branch(self) -> None:
        branch = self.branch.chosen()
        if isinstance(branch, int):
            self.unit.select_data(team_service.paired_unit(self._ledger, branch))

    def _follow_unit(self) -> None:
        if self.team_id is None:
            self.member_unit.setText(self.unit.currentText())

    # -- members -------------------------------------------------------------------------------------

    def _draft(self) -> MemberDraft | None:
        if not self.member_from.check():
            return None
        start = self.member_from.value()
        assert start is not None
        return MemberDraft(
            self.name.text(),
            self.phone.text(),
            Role(self.role.currentData()),
            start,
            sending_unit=self.member_unit.text(),
        )

    def _team_dates(self) -> tuple[dt.date, dt.date | None] | None:
        if self.team_id is not None:
            team = team_service.team(self._ledger, self.team_id)
            end = team["ended_on"]
            return dt.date.fromisoformat(team["started_on"]), None if end is None else dt.date.fromisoformat(
                end
            )
        if not self.start.check():
            return None
        start = self.start.value()
        return None if start is None else (start, None)

    def add_member(self) -> None:
        draft, dates = self._draft(), self._team_dates()
        if draft is None or dates is None:
            return
        try:
            member = check_member(draft, dates[0], dates[1], self._today)
            if any(other.phone == member.phone for other in self.drafts):
                raise BranchDeskError(
                    "team.member_busy",
                    name=member.name,
                    phone=member.phone,
                    other=member.name,
                    branch=self.branch.currentText(),
                    from_on=member.from_on.isoformat(),
                    to_on="…",
                )
        except BranchDeskError as error:
            show_problem(self.problem, error_text(error))
            return
        if self.team_id is not None:
            team_id = self.team_id
            if self._edits.run(lambda ledger: team_service.add_member(ledger, team_id, member), self) is None:
                return
            self._show_team()
        else:
            self.drafts.append(member)
            self._add_row(member.name, member.phone, member.role, member.sending_unit, member.from_on, None)
        show_problem(self.problem, None)
        self.name.clear()
        self.phone.clear()
        self.role.setCurrentIndex(self.role.findData(Role.MEMBER))
        self.name.setFocus()

    def remove_member(self) -> None:
        row = self.members.currentRow()
        if self.team_id is None and 0 <= row < len(self.drafts):
            del self.drafts[row]
            self.members.removeRow(row)

    def end_member(self) -> None:
        """The selected member's last day in the village (saved at once, one undo step)."""
        row = self.members.currentRow()
        if self.team_id is None or not 0 <= row < len(self._rows) or not self.end_on.check():
            return
        found: dict[str, Any] = self._rows[row]
        end = self.end_on.value()
        draft = MemberDraft(
            found["name"],
            found["phone"],
            Role(found["role"]),
            dt.date.fromisoformat(found["from_on"]),
            end,
            found["sending_unit"],
            found["note"],
        )
        member_id = int(found["id"])
        if (
            self._edits.run(lambda ledger: team_service.edit_member(ledger, member_id, draft), self)
            is not None
        ):
            show_problem(self.problem, None)
            self._show_team()

    # -- the new team --------------------------------------------------------------------------------

    def accept(self) -> None:
        # A member typed but not added (Enter after the phone is OK): added first, never dropped unsaid.
        if self.name.text().strip() or self.phone.text().strip():
            self.add_member()
            if self.name.text().strip() or self.phone.text().strip():
                return  # refused: the reason is shown, what was typed stays
        if self.team_id is not None:
            super().accept()
            return
        if not isinstance(self.branch.chosen(), int):
            show_problem(self.problem, self.tr("Choose the village (community, grid) the team is sent to."))
            return
        if self._team_dates() is None:
            return
        if not self.drafts:
            show_problem(self.problem, self.tr("Add the team's members (name and phone) first."))
            return
        super().accept()

    def chosen(self) -> tuple[int, dt.date, int | None, list[MemberDraft]]:
        branch, dates = self.branch.chosen(), self._team_dates()
        assert isinstance(branch, int)
        assert dates is not None
        unit = self.unit.chosen()
        start = dates[0]
        # Members added before the team's day was changed start with the team.
        members = [dataclasses.replace(m, from_on=max(m.from_on, start)) for m in self.drafts]
        return branch, start, unit if isinstance(unit, int) else None, members

    def retranslate(self) -> None:
        new = self.team_id is None
        self.setWindowTitle(self.tr("Send a work team") if new else self.tr("Work team members"))
        self.team_box.setTitle(self.tr("Work team"))
        self.member_box.setTitle(self.tr("Team members"))
        for label, text in zip(
            self._team_rows,
            (self.tr("Village (community)"), self.tr("Sent on"), self.tr("Sending unit")),
            strict=True,
        ):
            label.setText(text)
        for label, text in zip(
            self._member_rows,
            (
                self.tr("Member's name"),
                self.tr("Phone"),
                self.tr("Role"),
                self.tr("Sending unit"),
                self.tr("In the village from"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.members.setHorizontalHeaderLabels(
            [
                self.tr("Member's name"),
                self.tr("Phone"),
                self.tr("Role"),
                self.tr("Sending unit"),
                self.tr("In the village"),
            ]
        )
        self.add_button.setText(self.tr("&Add member") if new else self.tr("&Add member (saved at once)"))
        self.remove_button.setText(self.tr("&Remove member"))
        self.end_button.setText(self.tr("&End service on this day"))
        ok = QDialogButtonBox.StandardButton.Ok
        close = QDialogButtonBox.StandardButton.Close
        self.buttons.setStandardButtons(ok | QDialogButtonBox.StandardButton.Cancel if new else close)
