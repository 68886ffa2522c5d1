"""Tools ▸ Check database: what the check found, in the user's language."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from branchdesk.domain.records import Problem
from branchdesk.i18n.messages import problem_text


def damaged(problems: list[Problem]) -> bool:
    """The file's structure is broken (not just a rule of the ledger): only a backup can mend that."""
    return any(problem.code == "check.integrity" for problem in problems)


class CheckResultDialog(QDialog):
    def __init__(self, file_name: str, problems: list[Problem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkResultDialog")
        self.setWindowTitle(self.tr("Check database"))
        self.summary = QLabel(self)
        self.summary.setObjectName("checkSummary")
        self.summary.setWordWrap(True)
        self.problem_list = QListWidget(self)
        self.problem_list.setObjectName("checkProblems")
        self.problem_list.addItems([problem_text(p) for p in problems])
        self.problem_list.setWordWrap(True)
        self.problem_list.setVisible(bool(problems))
        if not problems:
            text = self.tr(
                "{file} is healthy: the file's structure, its references and the ledger's rules all "
                "check out."
            )
        elif damaged(problems):
            text = self.tr(
                "{file} is damaged. Nothing more will be written to it; restoring the newest healthy backup "
                "is offered next."
            )
        else:
            text = self.tr(
                "The file of {file} is sound, but {count} records break a rule of the ledger. "
                "They can be corrected in the tabs where they are shown."
            )
        self.summary.setText(text.format(file=file_name, count=len(problems)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem_list, 1)
        layout.addWidget(buttons)
        self.resize(560, 340 if problems else 160)
