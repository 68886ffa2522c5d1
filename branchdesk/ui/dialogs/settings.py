"""Tools ▸ Settings."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

from branchdesk.i18n.language import LANGUAGE_NAMES


class SettingsDialog(QDialog):
    def __init__(self, language: str, reopen_last: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox(self)
        self.language.setObjectName("languageChoice")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(language))
        self.reopen_last = QCheckBox(self.tr("Open the last ledger when BranchDesk starts"), self)
        self.reopen_last.setObjectName("reopenLast")
        self.reopen_last.setChecked(reopen_last)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.reopen_last)
        form.addRow(buttons)

    def chosen_language(self) -> str:
        return str(self.language.currentData())
