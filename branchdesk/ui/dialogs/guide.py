"""Help ▸ User guide (F1): the guide to every task in the current language, with screenshots the app rendered
itself (tools/guide_screenshots.py), from resources/guide/."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from branchdesk.resources import resources_dir


class GuideDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideText")
        self.browser.setOpenExternalLinks(False)
        folder = resources_dir() / "guide"
        self.browser.setSearchPaths([str(folder)])  # the screenshots beside the text
        self.browser.setHtml((folder / f"{language}.html").read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        # Wide enough for the whole-window pictures (900 pixels), within a 1366×768 screen.
        self.resize(960, 660)
