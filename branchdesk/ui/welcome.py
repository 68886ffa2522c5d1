"""The page shown while no ledger is open: what to do first, as four buttons (a township's clerk starts from
the seed package the county sent)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    def __init__(
        self,
        new_ledger: Callable[[], object],
        open_ledger: Callable[[], object],
        open_demo: Callable[[], object],
        new_from_package: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.title = QLabel(self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.new_button = QPushButton(self)
        self.open_button = QPushButton(self)
        self.from_package_button = QPushButton(self)
        self.from_package_button.setObjectName("newFromPackage")
        self.demo_button = QPushButton(self)
        self.demo_button.setObjectName("openDemo")
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(self.title)
        for button, command in (
            (self.new_button, new_ledger),
            (self.open_button, open_ledger),
            (self.from_package_button, new_from_package),
            (self.demo_button, open_demo),
        ):
            button.setMinimumWidth(260)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
            button.clicked.connect(lambda _checked=False, command=command: command())
        layout.addStretch()

    def retranslate(self) -> None:
        self.title.setText(self.tr("No ledger is open."))
        self.new_button.setText(self.tr("New ledger…"))
        self.open_button.setText(self.tr("Open ledger…"))
        self.from_package_button.setText(self.tr("New ledger from the seed package of the office above…"))
        self.demo_button.setText(self.tr("Open the demo ledger"))
