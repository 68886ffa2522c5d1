"""File ▸ Receive packages with a township's work teams (issues #21, #18), driven as the county's clerk does:
Ctrl+Shift+I, the township's delta added, Next: the dry run names each team, member and month of days in
Chinese, and the team the county had already typed for the same village as rejected with its reason; Import,
then the county's file holds the township's other team, its member and the rating, and not the refused
ones."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from branchdesk.domain.package_merge import Outcome
from branchdesk.domain.teams import MemberDraft, Role
from branchdesk.services import teams
from branchdesk.services.ledgers import open_ledger
from branchdesk.ui.dialogs.receive_wizard import ReceiveWizard
from branchdesk.ui.main_window import MainWindow
from tests.offices import CLOCK, Offices, cli, sent
from tests.test_package_teams import county_team, new_village, send_team
from tests.ui.driving import file_rows
from tests.ui.test_receive_packages import _next, _window, check_files, in_the_wizard

SCREENSHOTS = os.environ.get("BRANCHDESK_SCREENSHOTS")


def review_rows(model: QAbstractItemModel) -> list[tuple[Any, ...]]:
    """The dry run's rows on show (its filters applied), every column, in order."""
    return sorted(
        tuple(model.index(row, column).data() for column in range(model.columnCount()))
        for row in range(model.rowCount())
    )


def test_a_townships_teams_received_in_the_window_with_the_county_s_own_team_kept(
    make_window: Callable[..., MainWindow],
    offices: Offices,
    qtbot: QtBot,
) -> None:
    township = offices.townships["春申街道"]
    with open_ledger(township, CLOCK) as ledger:
        village, other = new_village(ledger, "春申新村党支部"), new_village(ledger, "春申东村党支部")
    first = sent(township, offices.folder / "春申街道 新村.bdx")
    cli("package", "import", str(offices.county), str(first))
    with open_ledger(township, CLOCK) as ledger:
        send_team(ledger, village, "13900000001")
        teams.add_team(
            ledger,
            other,
            dt.date(2022, 4, 1),
            members=[MemberDraft("郑涛", "13900000066", Role.FIRST_SECRETARY, dt.date(2022, 4, 1))],
        )
        village_uuid = str(ledger.scalar("SELECT uuid FROM branch WHERE id = ?", (village,)))
    county_team(offices.county, village_uuid)
    delta = sent(township, offices.folder / "春申街道 工作队.bdx")
    window = _window(make_window, offices, [delta])
    seen: dict[str, Any] = {}

    def receive(wizard: ReceiveWizard) -> None:
        check_files(wizard, qtbot)
        review = wizard.review_page
        seen["all"] = review_rows(review.model)
        for outcome, button in review.filters.items():  # only the rejected rows
            if outcome is not Outcome.REJECTED and button.isChecked() and button.isEnabled():
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        seen["rejected"] = review_rows(review.model)
        if SCREENSHOTS:
            wizard.resize(1366, 768)
            wizard.grab().save(str(Path(SCREENSHOTS) / "receive-teams-rejected.png"))
        _next(wizard, qtbot)
        assert wizard.currentPage() is wizard.done_page
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    in_the_wizard(window, receive)
    kinds = [row[1] for row in seen["rejected"]]
    assert sorted(kinds) == sorted(["驻村工作队", "驻村队员", "驻村队员", "队员月度出勤", "队员月度出勤"])
    assert any("春申新村党支部" in str(row) and "违反台账规则" in str(row) for row in seen["rejected"])
    assert file_rows(
        offices.county,
        "SELECT count(*) FROM team_member m JOIN work_team t ON t.id = m.team_id"
        " JOIN branch b ON b.id = t.branch_id WHERE b.name IN ('春申新村党支部', '春申东村党支部')",
    ) == [(2,)]  # the county's 王海 and the township's 郑涛
