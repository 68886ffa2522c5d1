"""Tools ▸ Offices: the offices below this ledger (a county's townships, a city's counties) with the §3
figures, their last package, its key, up to when their data is complete, the stale ones standing out; this
ledger's own key fingerprint and place in the chain; and the keys it trusts, where a new key or a successor
ledger is accepted with a reason. Everything is read and written on the job runner."""

from __future__ import annotations

import datetime as dt
import getpass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.errors import BranchDeskError
from branchdesk.exchange.package_trust import Trusted, trust_sender
from branchdesk.i18n.language import format_count, format_month, format_rate
from branchdesk.i18n.messages import error_text
from branchdesk.i18n.office_report import KEY_CHANGES, office_lines
from branchdesk.services.offices import LastPackage, OfficeRollup, OfficeRow, office_rollup
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.offices import PinChange, PinnedKey
from branchdesk.ui.context import UiContext
from branchdesk.ui.dialogs.wizard_page import ERROR_STYLE
from branchdesk.ui.jobs.runner import JobRunner, Progress, Reads, run_with_progress
from branchdesk.ui.labels import current_language, date_text
from branchdesk.ui.models.result_table import Cell, ResultTableModel

_STALE = QColor("#FAD4D2")


def _table(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().hide()
    return view


class OfficesDialog(QDialog):
    def __init__(self, ledger_path: Path, context: UiContext, jobs: JobRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("officesDialog")
        self.setWindowTitle(self.tr("Offices and keys"))
        self.ledger_path, self.context, self.jobs = ledger_path, context, jobs
        self.rollup: OfficeRollup | None = None
        self.about = QLabel(self.tr("Reading the ledger…"), self)
        self.about.setObjectName("officesAbout")
        self.about.setWordWrap(True)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.offices: ResultTableModel[OfficeRow] = ResultTableModel(self._office_cell, self, tooltips=True)
        self.offices_view = _table(self, "officesTable")
        self.offices_view.setModel(self.offices)
        self.stale_note = QLabel(self)
        self.stale_note.setObjectName("officesStale")
        self.stale_note.setWordWrap(True)
        offices_page = QWidget(self)
        offices_layout = QVBoxLayout(offices_page)
        offices_layout.addWidget(self.stale_note)
        offices_layout.addWidget(self.offices_view, 1)

        self.keys: ResultTableModel[PinnedKey] = ResultTableModel(self._key_cell, self, tooltips=True)
        self.keys_view = _table(self, "trustedKeys")
        self.keys_view.setModel(self.keys)
        self.history: ResultTableModel[PinChange] = ResultTableModel(self._change_cell, self, tooltips=True)
        self.history_view = _table(self, "keyHistory")
        self.history_view.setModel(self.history)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("trustReason")
        self.reason.setPlaceholderText(self.tr("e.g. 城关镇 re-made its ledger after the old computer broke"))
        self.reason.textChanged.connect(self._update_trust)
        reason_label = QLabel(self.tr("&Reason:"), self)
        reason_label.setBuddy(self.reason)
        self.trust = QPushButton(self.tr("&Trust the key of a package…"), self)
        self.trust.setObjectName("trustKey")
        self.trust.clicked.connect(self.trust_key)
        self.message = QLabel(self)
        self.message.setObjectName("officesMessage")
        self.message.setWordWrap(True)
        trust_about = QLabel(
            self.tr(
                "A package signed with a key this ledger does not trust is refused. If an office re-made its "
                "ledger or moved it to another computer, check its key fingerprint by phone, then trust the "
                "key its package carries, saying why; the decision is kept with the keys' history."
            ),
            self,
        )
        trust_about.setWordWrap(True)
        trust_row = QHBoxLayout()
        trust_row.addWidget(reason_label)
        trust_row.addWidget(self.reason, 1)
        trust_row.addWidget(self.trust)
        keys_page = QWidget(self)
        keys_layout = QVBoxLayout(keys_page)
        keys_layout.addWidget(self.keys_view, 2)
        keys_layout.addWidget(QLabel(self.tr("Keys accepted by a person's decision:"), self))
        keys_layout.addWidget(self.history_view, 1)
        keys_layout.addWidget(trust_about)
        keys_layout.addLayout(trust_row)
        keys_layout.addWidget(self.message)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(offices_page, self.tr("Offices &below"))
        self.tabs.addTab(keys_page, self.tr("Trusted &keys"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = self._layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(1200, 640)
        self._update_trust()
        self._reads = Reads(jobs, self)
        self._reads.ready.connect(lambda _key, rollup: self._show(rollup))
        self._reads.failed.connect(lambda _key, error: self.about.setText(error_text(error)))
        self.load()

    def load(self) -> None:
        data_dir = self.context.data_dir
        self._reads.request(self.ledger_path, "offices", lambda ledger: office_rollup(ledger, data_dir))

    def wait(self, msecs: int = 30000) -> bool:
        return self._reads.wait(msecs)

    # -- showing ---------------------------------------------------------------------------------------

    def _show(self, rollup: OfficeRollup) -> None:
        self.rollup = rollup
        lines = office_lines(rollup, current_language())
        self.about.setText("\n".join(lines[:5]))  # this ledger and its place in the chain
        # Read while the dialog comes up: laid out again now, or the label keeps the one line of "Reading
        # the ledger…" until the dialog is resized, hiding what was sent and received last.
        self._layout.activate()
        self.offices.show(self.office_headers(), rollup.offices)
        self.keys.show(
            [self.tr("Key fingerprint"), self.tr("Office"), self.tr("Trusted since"), self.tr("State")],
            rollup.pinned_keys,
        )
        self.history.show(
            [self.tr("When"), self.tr("What"), self.tr("Decided by"), self.tr("Reason")], rollup.key_history
        )
        self.stale_note.setText(self._stale_text(rollup))
        for view in (self.offices_view, self.keys_view, self.history_view):
            view.resizeColumnsToContents()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def _stale_text(self, rollup: OfficeRollup) -> str:
        if not rollup.offices:  # a township's: no office to be stale, no figures to date
            return self.tr("This ledger has no offices below it.")
        stale = [row for row in rollup.offices if row.stale]
        behind = sum(row.clock_behind for row in rollup.offices)
        month = rollup.offices[0].figures.month
        return (
            (
                self.tr("Figures of {month}. ").format(
                    month=format_month(month.year, month.month, current_language())
                )
                if month is not None
                else ""
            )
            + (
                self.tr(
                    "{count} offices sent no package for more than {days} days: they are marked red."
                ).format(count=format_count(len(stale)), days=rollup.stale_days)
                if stale
                else self.tr("Every office sent a package within {days} days.").format(days=rollup.stale_days)
            )
            + (
                self.tr(
                    " The last package of {count} offices arrived after this computer's today: check the "
                    "computer's date and time."
                ).format(count=format_count(behind))
                if behind
                else ""
            )
        )

    def office_headers(self) -> list[str]:
        return [
            self.tr("Office"),
            self.tr("Coverage (grassroots branches)"),
            self.tr("Coverage (organ branches)"),
            self.tr("Optimisation rate"),
            self.tr("Themed Party day compliance"),
            self.tr("Activities in the month"),
            self.tr("Last package"),
            self.tr("Its key"),
            self.tr("Complete to"),
            self.tr("Days since"),
        ]

    def _office_cell(self, row: OfficeRow, column: int) -> Cell:
        figures, package = row.figures, row.last_package
        background = _STALE if row.stale else None
        texts = (
            row.region.name,
            format_rate(figures.grassroots_coverage.percent),
            format_rate(figures.organ_coverage.percent),
            format_rate(figures.optimisation.percent),
            format_rate(figures.compliance.percent),
            format_count(figures.activities.count),
            self._received(package),
            "" if package is None else package.fingerprint,
            "" if package is None or package.complete_to is None else date_text(package.complete_to),
            self._days(row),
        )
        return Cell(texts[column], background, centred=0 < column < 6)

    def _received(self, package: LastPackage | None) -> str:
        return self.tr("none yet") if package is None else date_text(package.received_on)

    def _days(self, row: OfficeRow) -> str:
        if row.days_since is None:
            return self.tr("never sent one")
        if row.clock_behind:
            return self.tr("arrived after today: check the computer's date")
        days = self.tr("{count} days").format(count=format_count(row.days_since))
        return self.tr("{days} — stale").format(days=days) if row.stale else days

    def _key_cell(self, key: PinnedKey, column: int) -> Cell:
        rollup = self.rollup
        scope = None if rollup is None else rollup.scope_path(key.scope_uuid)
        texts = (
            key.fingerprint,
            scope or key.ledger_id,
            date_text(dt.date.fromisoformat(key.first_seen[:10])),
            self.tr("Replaced by a successor ledger") if key.successor else self.tr("Trusted"),
        )
        return Cell(texts[column])

    def _change_cell(self, change: PinChange, column: int) -> Cell:
        rollup = self.rollup
        scope = None if rollup is None else rollup.scope_path(change.scope_uuid)
        day = date_text(dt.date.fromisoformat(change.at[:10]))
        what = QCoreApplication.translate("OfficeReport", KEY_CHANGES[change.change]).format(
            date=day,
            fingerprint=change.fingerprint,
            scope=scope or change.ledger_id,
            old=change.old_fingerprint or "—",
        )
        texts = (day, what, change.decided_by, change.reason)
        return Cell(texts[column])

    # -- trusting a key --------------------------------------------------------------------------------

    def _update_trust(self) -> None:
        self.trust.setEnabled(bool(self.reason.text().strip()))

    def trust_key(self) -> None:
        chosen = self.context.choose_packages(self)
        reason = self.reason.text()
        if not chosen or not reason.strip():
            return
        path, user = chosen[0], getpass.getuser()

        def work(ledger: Ledger, progress: Progress) -> Trusted:
            return trust_sender(ledger, path, reason, user)

        result = run_with_progress(
            self.jobs, self, self.tr("Trusting the key…"), self.ledger_path, work, read_only=False
        )
        if isinstance(result, BranchDeskError):
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(error_text(result))
            return
        if not isinstance(result, Trusted):
            return
        sender = result.manifest.sender
        office = sender.ledger_id if sender.scope is None else sender.scope.path
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr("The key {fingerprint} of {office} was trusted already.").format(
                fingerprint=sender.fingerprint, office=office
            )
            if result.change is None
            else self.tr(
                "The key {fingerprint} of {office} is trusted now; its packages can be received."
            ).format(fingerprint=sender.fingerprint, office=office)
        )
        self.reason.clear()
        self.load()
