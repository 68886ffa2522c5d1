"""Add or edit one branch: each broken rule is shown beside its field, before anything is saved."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain import cells
from branchdesk.domain.branch_rules import BranchDraft
from branchdesk.domain.enums import BranchKind, RegionLevel, Tier
from branchdesk.domain.errors import BranchDeskError, FieldProblem
from branchdesk.domain.records import Region, Unit
from branchdesk.domain.stars import StarRating
from branchdesk.i18n.messages import message_text
from branchdesk.ui.dialogs.branch_stars import StarRatings
from branchdesk.ui.labels import kind_label, tier_label
from branchdesk.ui.widgets import PROBLEM_STYLE, DateLineEdit, SearchCombo


@dataclass(frozen=True)
class BranchChoices:
    """What the pickers offer: regions, units and community branches of the open ledger."""

    regions: Sequence[Region]
    units: Sequence[Unit]
    communities: Sequence[tuple[int, str, int]]  # (branch id, name, township id)


Checker = Callable[[BranchDraft], list[FieldProblem]]

# Fields whose rules hold whatever the kind: shown with "choose the kind", so every problem shows at once.
_ANY_KIND = frozenset({"name", "phone", "member_count", "established_on"})


class BranchDialog(QDialog):
    """Returns a draft that breaks no rule (``draft()``), or is cancelled. ``check`` asks the ledger."""

    def __init__(
        self,
        choices: BranchChoices,
        check: Checker,
        draft: BranchDraft | None = None,
        parent: QWidget | None = None,
        new_unit: Callable[[QWidget, int | None], int | None] | None = None,
        *,
        today: dt.date,
        ratings: Sequence[StarRating] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("branchDialog")
        self.setWindowTitle(self.tr("Edit branch") if draft is not None else self.tr("New branch"))
        self.setMinimumWidth(520)
        self._choices = choices
        self._check = check
        self._new_unit = new_unit
        self._result: BranchDraft | None = None

        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        for kind in BranchKind:
            self.kind.addItem(kind_label(kind), kind)
        self.region = SearchCombo(self)
        self.region.setObjectName("region")
        self.unit = SearchCombo(self)
        self.unit.setObjectName("unit")
        for unit in choices.units:
            self.unit.addItem(unit.name, unit.id)
        self.add_unit = QPushButton(self.tr("New unit…"), self)
        self.add_unit.setObjectName("newUnit")
        self.add_unit.setEnabled(new_unit is not None)
        self.add_unit.clicked.connect(self._add_unit)
        self.community = SearchCombo(self)
        self.community.setObjectName("community")
        paths = {region.id: region.path for region in choices.regions}
        for community_id, name, township in choices.communities:
            self.community.addItem(f"{name}（{paths.get(township, '')}）", community_id)
        self.tier = QComboBox(self)
        self.tier.setObjectName("tier")
        for tier in (*Tier, None):
            self.tier.addItem(tier_label(tier), tier)
        self.secretary = QLineEdit(self)
        self.secretary.setObjectName("secretary")
        self.phone = QLineEdit(self)
        self.phone.setObjectName("phone")
        self.phone.setPlaceholderText(self.tr("Mobile or landline, e.g. 0376-6221234"))
        self.members = QLineEdit(self)
        self.members.setObjectName("members")
        self.optimised = DateLineEdit(self, optional=True)
        self.optimised.setObjectName("optimised")
        self.established = DateLineEdit(self, optional=True)
        self.established.setObjectName("established")
        self.note = QLineEdit(self)
        self.note.setObjectName("note")
        self.stars = StarRatings(ratings, today, self)

        unit_row = QHBoxLayout()
        unit_row.addWidget(self.unit, 1)
        unit_row.addWidget(self.add_unit)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._problem_labels: dict[str, QLabel] = {}
        self._form_rows: dict[str, int] = {}
        rows: list[tuple[str, str, QWidget | QHBoxLayout]] = [
            ("name", self.tr("Name"), self.name),
            ("kind", self.tr("Kind"), self.kind),
            ("region_id", self.tr("Region"), self.region),
            ("unit_id", self.tr("Unit"), unit_row),
            ("community_id", self.tr("Community branch"), self.community),
            ("tier", self.tr("Tier"), self.tier),
            ("stars", self.tr("Star rating"), self.stars),
            ("secretary", self.tr("Secretary"), self.secretary),
            ("phone", self.tr("Phone"), self.phone),
            ("member_count", self.tr("Members"), self.members),
            ("optimised_on", self.tr("Optimised on"), self.optimised),
            ("established_on", self.tr("Established on"), self.established),
            ("note", self.tr("Note"), self.note),
        ]
        for field_name, label, widget in rows:
            problem = QLabel(self)
            problem.setObjectName(f"problem_{field_name}")
            problem.setStyleSheet(PROBLEM_STYLE)
            problem.setWordWrap(True)
            problem.hide()
            self._problem_labels[field_name] = problem
            box = QVBoxLayout()
            box.setSpacing(2)
            if isinstance(widget, QHBoxLayout):
                box.addLayout(widget)
            else:
                box.addWidget(widget)
            box.addWidget(problem)
            self._form_rows[field_name] = self.form.rowCount()
            self.form.addRow(label, box)
        self._field_widgets: dict[str, QWidget] = {
            "name": self.name,
            "kind": self.kind,
            "tier": self.tier,
            "region_id": self.region,
            "unit_id": self.unit,
            "community_id": self.community,
            "phone": self.phone,
            "member_count": self.members,
            "optimised_on": self.optimised,
            "established_on": self.established,
        }

        for field_name, edit in (("optimised_on", self.optimised), ("established_on", self.established)):
            edit.marked.connect(lambda text, name=field_name: self._show_mark(name, text))
        for field_name, combo in (("kind", self.kind), ("tier", self.tier)):
            combo.currentIndexChanged.connect(lambda _index, name=field_name: self._show_mark(name, ""))

        # Tab runs down the form: the star rating, made last, comes after the tier (Tab skipped it, and
        # reached it after the note).
        chain = (self.tier, self.stars.year, self.stars.stars, self.stars.rated_on, self.secretary)
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

        # No kind, tier, unit or community until the user picks one: a silent default would be saved
        # unnoticed (a forgotten tier saved as 好).
        self.kind.setCurrentIndex(-1)
        self.tier.setCurrentIndex(-1)
        self.unit.setCurrentIndex(-1)
        self.community.setCurrentIndex(-1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._show(draft)

    # -- filling -------------------------------------------------------------------------------------

    def _fill_regions(self, kind: BranchKind | None) -> None:
        """Villages and communities sit in townships; organs at any level (a city-level organ at the city).
        Before a kind is chosen every region is offered."""
        current = self.region.chosen()
        self.region.clear()
        for region in self._choices.regions:
            if kind in (None, BranchKind.ORGAN) or region.level is RegionLevel.TOWNSHIP:
                self.region.addItem(region.path, region.id)
        self.region.select_data(current)

    def _show(self, draft: BranchDraft | None) -> None:
        if draft is None:
            self._kind_changed()
            return
        self.kind.setCurrentIndex(self.kind.findData(draft.kind))
        self.name.setText(draft.name)
        self.region.select_data(draft.region_id)
        self.unit.select_data(draft.unit_id)
        self.community.select_data(draft.community_id)
        self.tier.setCurrentIndex(self.tier.findData(draft.tier))
        self.secretary.setText(draft.secretary or "")
        self.phone.setText(draft.phone or "")
        self.members.setText("" if draft.member_count is None else str(draft.member_count))
        self.optimised.set_value(draft.optimised_on)
        self.established.set_value(draft.established_on)
        self.note.setText(draft.note or "")

    def preset_region(self, region_id: int | None) -> None:
        """A new branch starts in the region selected in the tree, where that fits its kind."""
        if region_id is not None:
            self.region.select_data(region_id)

    def _chosen_kind(self) -> BranchKind | None:
        # Qt hands StrEnum item data back as plain str.
        data = self.kind.currentData()
        return None if data is None else BranchKind(data)

    def _kind_changed(self) -> None:
        kind = self._chosen_kind()
        self._fill_regions(kind)
        for field_name, shown in (
            ("unit_id", kind is BranchKind.ORGAN),
            ("community_id", kind is BranchKind.GRID),
            ("region_id", kind is not BranchKind.GRID),
            ("optimised_on", kind is BranchKind.ORGAN),
            ("stars", kind is None or kind.is_grassroots),
        ):
            self.form.setRowVisible(self._form_rows[field_name], shown)
        for label in self._problem_labels.values():
            if not label.text():
                label.hide()  # showing a row shows its empty problem line too

    def _add_unit(self) -> None:
        if self._new_unit is None:
            return
        region = self.region.chosen()
        unit_id = self._new_unit(self, region if isinstance(region, int) else None)
        if unit_id is None:
            return
        self.unit.select_data(unit_id)

    def add_unit_choice(self, unit: Unit) -> None:
        self.unit.addItem(unit.name, unit.id)

    # -- checking ------------------------------------------------------------------------------------

    def _members(self) -> tuple[int | None, FieldProblem | None]:
        # The reader of pasted and imported counts: "35人" or "1,200" typed here is taken alike.
        try:
            return cells.whole_number(self.members.text()), None
        except BranchDeskError as error:
            return None, FieldProblem("member_count", error.code, error.params)

    @staticmethod
    def _day(field_name: str, edit: DateLineEdit) -> tuple[dt.date | None, FieldProblem | None]:
        edit.check()  # the field itself turns red too
        try:
            return edit.value(), None
        except BranchDeskError as error:
            return None, FieldProblem(field_name, error.code, error.params)

    def current_draft(self) -> tuple[BranchDraft, list[FieldProblem]]:
        """The draft as entered, and the problems found before asking the ledger (a number or a date that
        isn't one, a kind or tier not chosen). Before a kind is chosen the draft is a village's."""
        kind = self._chosen_kind()
        members, members_problem = self._members()
        optimised, optimised_problem = self._day("optimised_on", self.optimised)
        established, established_problem = self._day("established_on", self.established)
        problems = [
            problem
            for problem in (
                FieldProblem("kind", "branch.kind_not_chosen") if kind is None else None,
                FieldProblem("tier", "branch.tier_not_chosen") if self.tier.currentIndex() < 0 else None,
                members_problem,
                optimised_problem if kind is BranchKind.ORGAN else None,
                established_problem,
                self.stars.problem() if kind is not None and kind.is_grassroots else None,
            )
            if problem is not None
        ]
        kind = kind or BranchKind.VILLAGE
        tier = self.tier.currentData()
        region = self.region.chosen()
        unit = self.unit.chosen()
        community = self.community.chosen()
        draft = BranchDraft(
            name=self.name.text(),
            kind=kind,
            region_id=region if isinstance(region, int) else None,
            unit_id=unit if isinstance(unit, int) and kind is BranchKind.ORGAN else None,
            community_id=community if isinstance(community, int) and kind is BranchKind.GRID else None,
            tier=None if tier is None else Tier(tier),
            secretary=self.secretary.text(),
            phone=self.phone.text(),
            member_count=members,
            optimised_on=optimised if kind is BranchKind.ORGAN else None,
            established_on=established,
            note=self.note.text(),
        )
        return draft, problems

    def _try_accept(self) -> None:
        draft, problems = self.current_draft()
        ruled = self._check(draft)
        if self._chosen_kind() is None:
            ruled = [problem for problem in ruled if problem.field in _ANY_KIND]
        problems += ruled
        self.show_problems(problems)
        if problems:
            return
        self._result = draft.cleaned()
        self.accept()

    def show_problems(self, problems: list[FieldProblem]) -> None:
        for label in self._problem_labels.values():
            label.hide()
        for problem in problems:
            label = self._problem_labels.get(problem.field, self._problem_labels["name"])
            text = message_text(problem.code, **problem.params)
            label.setText(text if label.isHidden() else f"{label.text()}\n{text}")
            label.show()
        if problems:
            widget = self._field_widgets.get(problems[0].field)
            if widget is not None:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_mark(self, field_name: str, text: str) -> None:
        """A date refused as it is typed (Enter) or put right: its line says so at once."""
        label = self._problem_labels[field_name]
        label.setText(text)
        label.setVisible(bool(text))

    def problem_texts(self) -> dict[str, str]:
        """What each field's problem line says (for tests and screen readers)."""
        return {name: label.text() for name, label in self._problem_labels.items() if not label.isHidden()}

    def draft(self) -> BranchDraft | None:
        return self._result

    def ratings(self) -> list[StarRating]:
        """The star ratings to save with the branch (none for an organ branch)."""
        kind = self._chosen_kind()
        return self.stars.ratings() if kind is not None and kind.is_grassroots else []
