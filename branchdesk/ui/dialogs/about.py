"""Help ▸ About: version, data folder, licences."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from branchdesk import __version__


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About BranchDesk"))
        text = QLabel(self)
        text.setObjectName("aboutText")
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        text.setText(
            "<h3>{title}</h3><p>{version}</p><p>{purpose}</p><p>{data}</p><p>{font}</p>".format(
                title=self.tr("BranchDesk"),
                version=self.tr("Version {version}").format(version=__version__),
                purpose=self.tr(
                    "An offline ledger of the “branch pairs branch” programme: branches, pairings, "
                    "activities and the programme's figures."
                ),
                data=self.tr("Backups and the demo ledger are kept in {folder}").format(folder=data_dir),
                font=self.tr("Chinese text uses Noto Sans SC, under the SIL Open Font License 1.1."),
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(460, 260)
