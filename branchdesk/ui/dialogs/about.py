"""Help ▸ About: the product and its version, this version's notes, the licences of all it includes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from branchdesk import PRODUCT_NAME, __version__
from branchdesk.release import read_changelog, read_notices, release_notes


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About BranchDesk"))
        text = QLabel(self)
        text.setObjectName("aboutText")
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        text.setText(
            "<h2>{title}</h2><p>{version}</p><p>{purpose}</p><p>{licence}</p><p>{data}</p>".format(
                title=PRODUCT_NAME,
                version=self.tr("Version {version}").format(version=__version__),
                purpose=self.tr(
                    "An offline ledger of the “branch pairs branch” programme: branches, pairings, "
                    "activities and the programme's figures."
                ),
                licence=self.tr(
                    "Free software under the MIT License: anyone may use, copy and pass it on. It includes "
                    "Qt (under the LGPL-3.0, linked dynamically and replaceable) and other open-source "
                    "software; their licences are on the Licences page."
                ),
                data=self.tr("Backups and the demo ledger are kept in {folder}").format(folder=data_dir),
            )
        )
        notes = QTextBrowser(self)
        notes.setObjectName("releaseNotes")
        notes.setOpenLinks(False)
        notes.setMarkdown(
            release_notes(read_changelog(), __version__, language)
            or self.tr("This version has no notes in CHANGELOG.md.")
        )
        # Licence texts are read as published (English, laid out in fixed-width lines).
        notices = QPlainTextEdit(self)
        notices.setObjectName("noticesText")
        notices.setReadOnly(True)
        # Read with the arrow and page keys too, and copied from.
        notices.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        notices.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        notices.setPlainText(read_notices().rstrip("\n"))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(notes, self.tr("What's new in {version}").format(version=__version__))
        self.tabs.addTab(notices, self.tr("Licences"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(760, 600)
