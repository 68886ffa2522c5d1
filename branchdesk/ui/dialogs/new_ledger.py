"""File ▸ New asks what the ledger is for: its region chain, city → county → townships, with their codes."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.errors import FieldProblem
from branchdesk.domain.region_chain import NamedRegion, RegionChain, chain_problems, township_lines
from branchdesk.i18n.messages import message_text

# The programme is Xinyang's (DESIGN.md §1): most ledgers start there.
DEFAULT_CITY = NamedRegion("信阳市", "411500")


class NewLedgerDialog(QDialog):
    def __init__(self, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newLedgerDialog")
        self.setWindowTitle(self.tr("New ledger — {file}").format(file=file_name))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "Which regions does this ledger keep? A township office enters its county and its township; "
                "a county office its county and its townships; a city office the city alone. More can be "
                "added later in the region tree."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.city = self._line("newCity", DEFAULT_CITY.name)
        self.city_code = self._line("newCityCode", DEFAULT_CITY.code or "")
        self.county = self._line("newCounty")
        self.county.setPlaceholderText(self.tr("e.g. 潢川县 (empty for a city ledger)"))
        self.county_code = self._line("newCountyCode")
        self.townships = QPlainTextEdit(self)
        self.townships.setObjectName("newTownships")
        self.townships.setTabChangesFocus(True)
        self.townships.setPlaceholderText(self.tr("for example:\n城关镇 411526100\n春申街道"))
        self.townships.setFixedHeight(self.fontMetrics().lineSpacing() * 6)
        self.townships.textChanged.connect(self._show_problems)
        self.preview = QLabel(self)
        self.preview.setObjectName("newChainPreview")
        self.preview.setWordWrap(True)
        self.problems = QLabel(self)
        self.problems.setObjectName("newChainProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #c42b1c;")

        form = QFormLayout()
        form.addRow(self._label(self.tr("&City"), self.city), self._with_code(self.city, self.city_code))
        form.addRow(
            self._label(self.tr("C&ounty or district"), self.county),
            self._with_code(self.county, self.county_code),
        )
        form.addRow(self._label(self.tr("&Townships"), self.townships), self.townships)
        hint = QLabel(
            self.tr(
                "One a line; an official code may follow the name. Two columns pasted from Excel work too."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)  # drawn greyed: a hint, not a field
        form.addRow("", hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create ledger"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self._show_problems()
        # The city is usually right already: the clerk starts with the county.
        self.county.setFocus()

    def _line(self, name: str, text: str = "") -> QLineEdit:
        line = QLineEdit(text, self)
        line.setObjectName(name)
        line.textChanged.connect(self._show_problems)
        return line

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _with_code(self, name: QLineEdit, code: QLineEdit) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(name, 3)
        layout.addWidget(QLabel(self.tr("Official code"), row))
        code.setPlaceholderText(self.tr("optional"))
        layout.addWidget(code, 2)
        return row

    def chain(self) -> RegionChain:
        """The chain as typed, cleaned: an empty county is no county."""
        return RegionChain(
            NamedRegion(self.city.text(), self.city_code.text()),
            NamedRegion(self.county.text(), self.county_code.text()),
            township_lines(self.townships.toPlainText()),
        ).cleaned()

    def _show_problems(self) -> list[FieldProblem]:
        chain = self.chain()
        problems = chain_problems(chain)
        self.problems.setText("\n".join(message_text(p.code, **p.params) for p in problems))
        self.problems.setVisible(bool(problems))
        self.preview.setText(
            "" if problems else self.tr("The ledger will hold: {chain}").format(chain=chain.describe())
        )
        return problems

    def accept(self) -> None:
        """Refused, with the problems shown and the first field to fix focused, until the chain is valid."""
        problems = self._show_problems()
        if not problems:
            super().accept()
            return
        field = problems[0].field
        widgets = {"city": self.city, "county": self.county}
        widgets.get(field, self.townships).setFocus()
