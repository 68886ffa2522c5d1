"""Tools ▸ Settings: the language, reopening the last ledger, and the Word ledger's template (the built-in
one, or an office's own: checked when chosen, so that a template missing a field is named here, not later);
and, while a ledger is open, the numbers kept in that ledger's file (they travel with it), saved together as
one undoable action."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.attendance import LATE_ENTRY_DAYS, LATE_ENTRY_SETTING
from branchdesk.domain.errors import BranchDeskError, os_reason
from branchdesk.i18n.language import LANGUAGE_NAMES
from branchdesk.i18n.messages import error_text, message_text
from branchdesk.i18n.noop import QT_TRANSLATE_NOOP
from branchdesk.services.offices import DEFAULT_STALE_DAYS, STALE_DAYS_SETTING
from branchdesk.services.settings import ledger_setting
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.dialogs.file_choice import FileChooser, FilePurpose, no_file


@dataclass(frozen=True)
class LedgerNumber:
    """A whole number kept in the ledger (table ``setting``), with its default and the range a clerk may
    choose; ``label`` is translated in the SettingsDialog context."""

    key: str
    default: int
    label: str
    minimum: int = 1
    maximum: int = 366


LEDGER_NUMBERS = (
    LedgerNumber(
        LATE_ENTRY_SETTING,
        LATE_ENTRY_DAYS,
        QT_TRANSLATE_NOOP("SettingsDialog", "Recorded late (补录) when entered more than"),
    ),
    LedgerNumber(
        STALE_DAYS_SETTING,
        DEFAULT_STALE_DAYS,
        QT_TRANSLATE_NOOP("SettingsDialog", "An office below is stale after no package for"),
    ),
)


def ledger_numbers(ledger: Ledger) -> dict[str, int]:
    """The ledger's value of each of LEDGER_NUMBERS (its default when unset or out of range)."""
    values = {}
    for number in LEDGER_NUMBERS:
        value = ledger_setting(ledger, number.key, number.default)
        ok = isinstance(value, int) and number.minimum <= value <= number.maximum
        values[number.key] = value if ok else number.default
    return values


class SettingsDialog(QDialog):
    def __init__(
        self,
        language: str,
        reopen_last: bool,
        parent: QWidget | None = None,
        *,
        word_template: Path | None = None,
        choose_file: FileChooser = no_file,
        ledger_values: Mapping[str, int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.choose_file = choose_file
        self.word_template = word_template
        self.language = QComboBox(self)
        self.language.setObjectName("languageChoice")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(language))
        self.reopen_last = QCheckBox(self.tr("Open the last ledger when BranchDesk starts"), self)
        self.reopen_last.setObjectName("reopenLast")
        self.reopen_last.setChecked(reopen_last)
        # A read-only field: a long path scrolls in it instead of stretching the dialog.
        self.template = QLineEdit(self)
        self.template.setObjectName("wordTemplate")
        self.template.setReadOnly(True)
        self.template.setMinimumWidth(360)
        self.template_message = QLabel(self)
        self.template_message.setObjectName("wordTemplateMessage")
        self.template_message.setWordWrap(True)
        self.template_message.setStyleSheet("color: #b02018;")
        choose = QPushButton(self.tr("&Choose…"), self)
        choose.setObjectName("chooseWordTemplate")
        choose.clicked.connect(self.choose_template)
        builtin = QPushButton(self.tr("&Built-in"), self)
        builtin.setObjectName("builtinWordTemplate")
        builtin.clicked.connect(lambda: self._set_template(None))
        copy = QPushButton(self.tr("Save a &copy of the built-in…"), self)
        copy.setObjectName("copyWordTemplate")
        copy.clicked.connect(self.copy_builtin)
        buttons_row = QHBoxLayout()
        for button in (choose, builtin, copy):
            buttons_row.addWidget(button)
        buttons_row.addStretch()
        template_box = QVBoxLayout()
        template_box.addWidget(self.template)
        template_box.addLayout(buttons_row)
        template_box.addWidget(self.template_message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.reopen_last)
        form.addRow(self.tr("Word ledger template"), template_box)
        self.ledger_values = dict(ledger_values or {})
        self.numbers: dict[str, QSpinBox] = {}
        if ledger_values is not None:
            form.addRow(self._ledger_box())
        form.addRow(buttons)
        self._set_template(word_template)

    def _ledger_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("This ledger (kept in its file)"), self)
        numbers = QFormLayout(box)
        for number in LEDGER_NUMBERS:
            spin = QSpinBox(box)
            spin.setObjectName(number.key.replace(".", "_"))
            spin.setRange(number.minimum, number.maximum)
            spin.setValue(self.ledger_values.get(number.key, number.default))
            spin.setSuffix(self.tr(" days"))
            numbers.addRow(self.tr(number.label), spin)
            self.numbers[number.key] = spin
        return box

    def changed_ledger_values(self) -> dict[str, int]:
        """The ledger's numbers the clerk changed (none: nothing to write, no undo step)."""
        return {
            key: spin.value()
            for key, spin in self.numbers.items()
            if spin.value() != self.ledger_values.get(key)
        }

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def _set_template(self, path: Path | None) -> None:
        self.word_template = path
        self.template.setText(str(path) if path else self.tr("Built-in (A4, 仿宋 and 黑体)"))
        self.template_message.clear()

    def choose_template(self) -> None:
        """An office's own template, kept only if it can make a ledger."""
        path = self.choose_file(self, FilePurpose.WORD_TEMPLATE, "")
        if path is None:
            return
        from branchdesk.exchange.word_ledger import check_template

        try:
            check_template(path)
        except BranchDeskError as error:
            self.template_message.setText(error_text(error))
            return
        self._set_template(path)

    def copy_builtin(self) -> None:
        """A copy of the built-in template, to change in Word or WPS and then choose."""
        from branchdesk.exchange.word_ledger import builtin_template

        path = self.choose_file(self, FilePurpose.WORD, self.tr("Word ledger template.docx"))
        if path is None:
            return
        try:
            shutil.copyfile(builtin_template(), path)
        except OSError as error:
            reason = os_reason(error)
            self.template_message.setText(message_text("export.cannot_write", path=str(path), reason=reason))
            return
        self.template_message.setText(
            self.tr("Saved to {path}; change it in Word or WPS, then choose it.").format(path=path)
        )
